/*
 * petr_xml: a pull reader over expat. The SAX handlers collect character data only inside
 * <Text>, <Parse> and the <Environment> children; when an item is complete (a record, an
 * environment, a <Config>) they suspend the parser, and petr_reader_next() hands the item over
 * and resumes on the next call. Input goes through expat's own buffer (XML_GetBuffer), so a
 * suspended parse needs nothing of ours kept alive. Record strings live in a per-record arena
 * reset when the next record starts.
 */
#include "text/petr_xml.h"

#include "base/arena.h"
#include "base/error.h"
#include "base/strbuf.h"

#include <ctype.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include <unistd.h>

enum { MAX_EXPECTED = 256 };

typedef enum collecting { COLLECT_NONE, COLLECT_TEXT, COLLECT_PARSE, COLLECT_ENV } collecting;

struct petr_reader {
    XML_Parser parser;
    char *name;
    petr_item pending; /* the item the handlers completed, until next() returns it */
    int has_pending;
    arena rec_arena;
    arena config_arena;
    arena env_arena;
    petr_record rec;
    int in_sentence;
    petr_coding expected[MAX_EXPECTED];
    size_t n_expected;
    collecting collect;
    strbuf text, parse, env_text;
    int in_environment;
    petr_environment env;
    /* input */
    gzFile gz;        /* file input, or NULL */
    const char *data; /* buffer input */
    size_t data_len, data_pos;
    int input_done, suspended, finished;
    char *chunk;
    struct {
        int in_comment, in_plevent;
        char carry[8];
        size_t n_carry;
    } filter;
};
typedef struct petr_reader reader;

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (!strcasecmp(atts[i], name)) return atts[i + 1];
    return NULL;
}

static int truthy(const char *v)
{
    while (v && isspace((unsigned char)*v)) v++;
    return v && (!strncasecmp(v, "true", 4) || !strcmp(v, "1") || !strncasecmp(v, "yes", 3));
}

static int32_t parse_record_date(const char *s)
{
    if (!s) return 0;
    while (isspace((unsigned char)*s)) s++;
    size_t n = 0;
    while (isdigit((unsigned char)s[n])) n++;
    const char *rest = s + n;
    while (isspace((unsigned char)*rest)) rest++;
    if (n != 8 || *rest) return 0;
    long v = strtol(s, NULL, 10);
    int m = (int)(v / 100 % 100), d = (int)(v % 100);
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return (int32_t)v;
}

/* An item is complete: keep it and suspend the parse until the caller has taken it. */
static void deliver(reader *r)
{
    r->has_pending = 1;
    XML_StopParser(r->parser, XML_TRUE);
}

static void start(void *data, const XML_Char *el, const XML_Char **atts)
{
    reader *r = data;
    size_t line = (size_t)XML_GetCurrentLineNumber(r->parser);
    if (!strcmp(el, "Sentence")) {
        arena_reset(&r->rec_arena);
        memset(&r->rec, 0, sizeof r->rec);
        r->n_expected = 0;
        r->in_sentence = 1;
        strbuf_clear(&r->text);
        strbuf_clear(&r->parse);
        r->rec.line = line;
        const char *id = attr(atts, "id");
        const char *date = attr(atts, "date");
        const char *valid = attr(atts, "sentence");
        if (!valid) valid = attr(atts, "valid");
        if (!valid) valid = attr(atts, "evaluate");
        r->rec.id = id ? arena_strdup(&r->rec_arena, id) : NULL;
        r->rec.date_text = date ? arena_strdup(&r->rec_arena, date) : NULL;
        r->rec.date = parse_record_date(date);
        const char *src = attr(atts, "source");
        r->rec.source = src ? arena_strdup(&r->rec_arena, src) : NULL;
        const char *cat = attr(atts, "category");
        r->rec.category = cat ? arena_strdup(&r->rec_arena, cat) : NULL;
        r->rec.sentence = valid ? truthy(valid) : -1;
        if (!id || !*id)
            r->rec.problem = "record has no id";
        else if (date && !r->rec.date)
            r->rec.problem = "date is not YYYYMMDD";
        return;
    }
    if (r->in_sentence && !strcmp(el, "Text")) {
        r->collect = COLLECT_TEXT;
        return;
    }
    if (r->in_sentence && !strcmp(el, "Parse")) {
        r->collect = COLLECT_PARSE;
        return;
    }
    if (r->in_sentence && !strcmp(el, "EventCoding")) {
        const char *none = attr(atts, "noevents");
        const char *error = attr(atts, "error");
        if (none && truthy(none)) {
            r->rec.expect_none = 1;
        } else if (error) {
            r->rec.expect_error = arena_strdup(&r->rec_arena, error);
        } else if (r->n_expected < MAX_EXPECTED) {
            const char *s = attr(atts, "sourcecode"), *t = attr(atts, "targetcode"),
                       *c = attr(atts, "eventcode");
            petr_coding *pc = &r->expected[r->n_expected++];
            pc->source = arena_strdup(&r->rec_arena, s ? s : "");
            pc->target = arena_strdup(&r->rec_arena, t ? t : "");
            pc->code = arena_strdup(&r->rec_arena, c ? c : "");
        }
        return;
    }
    if (!strcmp(el, "Config")) {
        const char *option = attr(atts, "option"), *value = attr(atts, "value");
        if (option) {
            arena_reset(&r->config_arena);
            r->pending = (petr_item){PETR_ITEM_CONFIG,
                                     NULL,
                                     arena_strdup(&r->config_arena, option),
                                     arena_strdup(&r->config_arena, value ? value : ""),
                                     line,
                                     NULL};
            deliver(r);
        }
        return;
    }
    if (!strcmp(el, "Environment")) {
        r->in_environment = 1;
        memset(&r->env, 0, sizeof r->env);
        return;
    }
    if (r->in_environment) {
        strbuf_clear(&r->env_text);
        r->collect = COLLECT_ENV;
    }
}

static char *env_copy(reader *r)
{
    const char *s = r->env_text.data ? r->env_text.data : "";
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    return arena_strndup(&r->env_arena, s, n);
}

/* <Actorfile> names one file or a comma-separated list (PETRARCH-2's validation files). */
static void add_actor_files(reader *r, char *list)
{
    for (char *save, *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        while (isspace((unsigned char)*f)) f++;
        size_t n = strlen(f);
        while (n && isspace((unsigned char)f[n - 1])) f[--n] = '\0';
        if (n && r->env.n_actors < PETR_MAX_ACTOR_FILES) r->env.actors[r->env.n_actors++] = f;
    }
}

static void end(void *data, const XML_Char *el)
{
    reader *r = data;
    if (!strcmp(el, "Sentence") && r->in_sentence) {
        r->in_sentence = 0;
        r->collect = COLLECT_NONE;
        r->rec.text = r->text.len ? arena_strndup(&r->rec_arena, r->text.data, r->text.len) : NULL;
        r->rec.parse =
            r->parse.len ? arena_strndup(&r->rec_arena, r->parse.data, r->parse.len) : NULL;
        r->rec.expected = r->expected;
        r->rec.n_expected = r->n_expected;
        r->pending = (petr_item){PETR_ITEM_RECORD, NULL, NULL, NULL, r->rec.line, &r->rec};
        deliver(r);
        return;
    }
    if (!strcmp(el, "Text") || !strcmp(el, "Parse")) {
        r->collect = COLLECT_NONE;
        return;
    }
    if (!strcmp(el, "Environment")) {
        r->in_environment = 0;
        r->collect = COLLECT_NONE;
        r->pending = (petr_item){PETR_ITEM_ENVIRONMENT,
                                 &r->env,
                                 NULL,
                                 NULL,
                                 (size_t)XML_GetCurrentLineNumber(r->parser),
                                 NULL};
        deliver(r);
        return;
    }
    if (r->in_environment && r->collect == COLLECT_ENV) {
        r->collect = COLLECT_NONE;
        char *v = env_copy(r);
        if (!strcmp(el, "Verbfile"))
            r->env.verbs = v;
        else if (!strcmp(el, "Actorfile"))
            add_actor_files(r, v);
        else if (!strcmp(el, "Agentfile"))
            r->env.agents = v;
        else if (!strcmp(el, "Discardfile"))
            r->env.discards = v;
        else if (!strcmp(el, "Issuefile"))
            r->env.issues = v;
        else if (!strcmp(el, "Include"))
            r->env.include = v;
        else if (!strcmp(el, "Pause"))
            r->env.pause = v;
    }
}

static void chars(void *data, const XML_Char *s, int len)
{
    reader *r = data;
    switch (r->collect) {
    case COLLECT_TEXT:
        strbuf_append(&r->text, s, (size_t)len);
        break;
    case COLLECT_PARSE:
        strbuf_append(&r->parse, s, (size_t)len);
        break;
    case COLLECT_ENV:
        strbuf_append(&r->env_text, s, (size_t)len);
        break;
    default:
        break;
    }
}

/* Comments are blanked out before expat sees the text (newlines kept, so line numbers stay
 * right). Expat would drop them anyway, but PETRARCH files in the wild nest "<!-- -->" inside
 * comments, which is not well-formed XML; read here with nesting, such files still read.
 * UniversalPetrarch's validation files also carry `<PLEvent {json}>` lines, which are not XML;
 * they are blanked the same way. The carry holds a mark split across chunks. */
static size_t filter_comments(reader *r, const char *in, size_t len, int final, char *out)
{
    char *work = out; /* out has room for len + 8 */
    memcpy(work, r->filter.carry, r->filter.n_carry);
    memcpy(work + r->filter.n_carry, in, len);
    size_t n = r->filter.n_carry + len, i = 0;
    r->filter.n_carry = 0;
    while (i < n) {
        size_t rest = n - i;
        if (r->filter.in_plevent) {
            if (work[i] == '>') r->filter.in_plevent = 0;
            if (work[i] != '\n') work[i] = ' ';
            i++;
            continue;
        }
        if (work[i] == '<' && rest < 8 && !final &&
            (!memcmp(work + i, "<!--", rest < 4 ? rest : 4) || !memcmp(work + i, "<PLEvent", rest)))
            break;
        if (!r->filter.in_comment && rest >= 8 && !memcmp(work + i, "<PLEvent", 8)) {
            r->filter.in_plevent = 1;
            continue;
        }
        if (rest >= 4 && !memcmp(work + i, "<!--", 4)) {
            memset(work + i, ' ', 4);
            r->filter.in_comment++;
            i += 4;
            continue;
        }
        if (!r->filter.in_comment) {
            i++;
            continue;
        }
        if (work[i] == '-' && rest < 3 && !final && !memcmp(work + i, "-->", rest)) break;
        if (rest >= 3 && !memcmp(work + i, "-->", 3)) {
            memset(work + i, ' ', 3);
            r->filter.in_comment--;
            i += 3;
            continue;
        }
        if (work[i] != '\n') work[i] = ' ';
        i++;
    }
    r->filter.n_carry = n - i;
    memcpy(r->filter.carry, work + i, r->filter.n_carry);
    return i;
}

enum { CHUNK = 1 << 16 };

static reader *reader_new(const char *name, tern_error *err)
{
    reader *r = calloc(1, sizeof *r);
    if (!r || !(r->name = strdup(name)) || !(r->chunk = malloc(CHUNK + 8)) ||
        !(r->parser = XML_ParserCreate("UTF-8"))) {
        petr_reader_close(r);
        error_set(err, TERN_ENOMEM, "out of memory creating an XML parser");
        return NULL;
    }
    arena_init(&r->rec_arena, 16 * 1024);
    arena_init(&r->config_arena, 1024);
    arena_init(&r->env_arena, 4 * 1024);
    XML_SetUserData(r->parser, r);
    XML_SetElementHandler(r->parser, start, end);
    XML_SetCharacterDataHandler(r->parser, chars);
    return r;
}

petr_reader *petr_reader_open(const char *path, tern_error *err)
{
    gzFile gz = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(STDIN_FILENO), "rb");
    if (!gz) {
        error_set(err, TERN_EIO, "%s: cannot open", path);
        return NULL;
    }
    reader *r = reader_new(path, err);
    if (!r) {
        gzclose(gz);
        return NULL;
    }
    r->gz = gz;
    return r;
}

petr_reader *petr_reader_open_buffer(const char *data, size_t len, const char *name,
                                     tern_error *err)
{
    reader *r = reader_new(name, err);
    if (!r) return NULL;
    r->data = data;
    r->data_len = len;
    return r;
}

void petr_reader_close(petr_reader *r)
{
    if (!r) return;
    if (r->parser) XML_ParserFree(r->parser);
    if (r->gz) gzclose(r->gz);
    arena_release(&r->rec_arena);
    arena_release(&r->config_arena);
    arena_release(&r->env_arena);
    strbuf_free(&r->text);
    strbuf_free(&r->parse);
    strbuf_free(&r->env_text);
    free(r->chunk);
    free(r->name);
    free(r);
}

static int xml_error(reader *r, tern_error *err)
{
    error_set(err, TERN_EFORMAT, "%s:%lu: %s", r->name,
              (unsigned long)XML_GetCurrentLineNumber(r->parser),
              XML_ErrorString(XML_GetErrorCode(r->parser)));
    r->finished = 1;
    return PETR_ITEM_ERROR;
}

/* Reads the next chunk of input into chunk; returns its length, 0 at the end, -1 on error. */
static long read_chunk(reader *r, tern_error *err)
{
    if (r->gz) {
        int n = gzread(r->gz, r->chunk, CHUNK);
        if (n < 0) {
            int zerr;
            error_set(err, TERN_EIO, "%s: read error: %s", r->name, gzerror(r->gz, &zerr));
            return -1;
        }
        return n;
    }
    size_t n = r->data_len - r->data_pos;
    if (n > CHUNK) n = CHUNK;
    memcpy(r->chunk, r->data + r->data_pos, n);
    r->data_pos += n;
    return (long)n;
}

int petr_reader_next(petr_reader *r, petr_item *out, tern_error *err)
{
    r->has_pending = 0;
    while (!r->finished) {
        enum XML_Status st;
        if (r->suspended) {
            r->suspended = 0;
            st = XML_ResumeParser(r->parser);
        } else if (r->input_done) {
            r->finished = 1;
            break;
        } else {
            long n = read_chunk(r, err);
            if (n < 0) {
                r->finished = 1;
                return PETR_ITEM_ERROR;
            }
            int final = n == 0;
            void *buf = XML_GetBuffer(r->parser, CHUNK + 8);
            if (!buf) {
                error_set(err, TERN_ENOMEM, "%s: out of memory", r->name);
                r->finished = 1;
                return PETR_ITEM_ERROR;
            }
            size_t m = filter_comments(r, r->chunk, (size_t)n, final, buf);
            if (final) r->input_done = 1;
            st = XML_ParseBuffer(r->parser, (int)m, final);
        }
        if (st == XML_STATUS_ERROR) return xml_error(r, err);
        if (st == XML_STATUS_SUSPENDED) r->suspended = 1;
        if (r->has_pending) {
            *out = r->pending;
            return out->kind;
        }
    }
    return PETR_ITEM_END;
}

/* The callback interface, on top of the pull reader. */
static tern_status run_callbacks(petr_reader *r, const petr_callbacks *cb, void *ctx,
                                 tern_error *err)
{
    petr_item it;
    int kind;
    tern_status rc = TERN_OK;
    while ((kind = petr_reader_next(r, &it, err)) > 0) {
        int stop = 0;
        if (kind == PETR_ITEM_ENVIRONMENT && cb->environment) stop = cb->environment(ctx, it.env);
        if (kind == PETR_ITEM_CONFIG && cb->config)
            stop = cb->config(ctx, it.option, it.value, it.line);
        if (kind == PETR_ITEM_RECORD && cb->record) stop = cb->record(ctx, it.record);
        if (stop) {
            error_set(err, TERN_EUSAGE, "%s: reading stopped at line %zu", r->name, it.line);
            rc = TERN_EUSAGE;
            break;
        }
    }
    if (kind == PETR_ITEM_ERROR) rc = err && err->code ? err->code : TERN_EFORMAT;
    petr_reader_close(r);
    return rc;
}

tern_status petr_xml_read_buffer(const char *data, size_t len, const char *name,
                                 const petr_callbacks *cb, void *ctx, tern_error *err)
{
    petr_reader *r = petr_reader_open_buffer(data, len, name, err);
    return r ? run_callbacks(r, cb, ctx, err) : TERN_ENOMEM;
}

tern_status petr_xml_read(const char *path, const petr_callbacks *cb, void *ctx, tern_error *err)
{
    petr_reader *r = petr_reader_open(path, err);
    return r ? run_callbacks(r, cb, ctx, err) : TERN_EIO;
}
