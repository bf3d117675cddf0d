/*
 * sink: dispatch to the SQLite store or to a text writer. Text output is built in a buffer
 * and written in large pieces; on standard output it is flushed after every article so that
 * `tern code ... | jq` streams. A failed write is reported once, with the path and errno.
 */
#include "out/sink.h"

#include "base/atom.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "out/sqlite_store.h"
#include "out/writers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { FLUSH_BYTES = 1 << 16 };

typedef void (*format_fn)(strbuf *out, const sink_record *r);

struct event_sink {
    sink_format format;
    sink_counts counts;
    sqlite_store *store; /* SINK_SQLITE */
    FILE *file;          /* text formats */
    int is_stdout;
    char *path;
    format_fn format_record;
    strbuf buffer;
};

static const char *const format_names[] = {"jsonl", "tsv",   "gdelt", "icews",
                                           "petr",  "table", "sqlite"};

const char *sink_format_name(sink_format fmt)
{
    return (unsigned)fmt <= SINK_SQLITE ? format_names[fmt] : "?";
}

int sink_format_parse(const char *name, sink_format *fmt)
{
    if (!name) return 0;
    for (int i = 0; i <= SINK_SQLITE; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *fmt = (sink_format)i;
            return 1;
        }
    }
    if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0) {
        *fmt = SINK_JSONL;
        return 1;
    }
    if (strcmp(name, "db") == 0 || strcmp(name, "sqlite3") == 0) {
        *fmt = SINK_SQLITE;
        return 1;
    }
    return 0;
}

sink_format sink_format_for_path(const char *path)
{
    static const struct {
        const char *ext;
        sink_format fmt;
    } by_ext[] = {{".db", SINK_SQLITE}, {".sqlite", SINK_SQLITE}, {".sqlite3", SINK_SQLITE},
                  {".tsv", SINK_TSV},   {".gdelt", SINK_GDELT},   {".icews", SINK_ICEWS},
                  {".petr", SINK_PETR}, {".evts", SINK_PETR}};
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!dot || (slash && dot < slash)) return SINK_JSONL;
    for (size_t i = 0; i < sizeof by_ext / sizeof by_ext[0]; i++)
        if (strcasecmp(dot, by_ext[i].ext) == 0) return by_ext[i].fmt;
    return SINK_JSONL;
}

uint64_t sink_event_id(const char *article_id, uint32_t index)
{
    /* The article id, a NUL, then the number in a fixed byte order: no two (id, number) pairs
     * share an input, and the hash is the same on every machine. */
    size_t n = article_id ? strlen(article_id) : 0;
    unsigned char stack[256];
    unsigned char *key = n + 5 <= sizeof stack ? stack : malloc(n + 5);
    if (!key) return 1;
    if (n) memcpy(key, article_id, n);
    key[n] = 0;
    for (int i = 0; i < 4; i++) key[n + 1 + i] = (unsigned char)(index >> (8 * i));
    uint64_t h = hash_bytes(key, n + 5) & ((UINT64_C(1) << 53) - 1);
    if (key != stack) free(key);
    return h ? h : 1;
}

static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

event_sink *sink_open(const char *target, sink_format fmt, const sink_options *opt, tern_error *err)
{
    if (!target || !*target) {
        error_set(err, TERN_EUSAGE, "no output named");
        return NULL;
    }
    if ((unsigned)fmt > SINK_SQLITE) {
        error_set(err, TERN_EUSAGE, "unknown output format %d", (int)fmt);
        return NULL;
    }
    int is_stdout = strcmp(target, "-") == 0;
    if (fmt == SINK_SQLITE && is_stdout) {
        error_set(err, TERN_EUSAGE, "the SQLite store needs a file name, not standard output");
        return NULL;
    }
    event_sink *s = calloc(1, sizeof *s);
    if (!s || !(s->path = copy_string(is_stdout ? "standard output" : target))) {
        free(s);
        error_set(err, TERN_ENOMEM, "out of memory");
        return NULL;
    }
    s->format = fmt;
    if (fmt == SINK_SQLITE) {
        s->store = sqlite_store_open(target, opt, err);
        if (!s->store) {
            free(s->path);
            free(s);
            return NULL;
        }
        return s;
    }
    static const format_fn formats[] = {jsonl_format, tsv_format,  gdelt_format,
                                        icews_format, petr_format, table_format};
    s->format_record = formats[fmt];
    s->is_stdout = is_stdout;
    s->file = is_stdout ? stdout : fopen(target, "w");
    if (!s->file) {
        error_set(err, TERN_EIO, "%s: cannot create: %s", target, strerror(errno));
        free(s->path);
        free(s);
        return NULL;
    }
    int header = !(opt && opt->no_header);
    if (header && fmt == SINK_TSV) tsv_header(&s->buffer);
    if (header && fmt == SINK_ICEWS) icews_header(&s->buffer);
    if (header && fmt == SINK_TABLE) table_header(&s->buffer);
    return s;
}

static tern_status write_buffer(event_sink *s, tern_error *err)
{
    if (s->buffer.len) {
        size_t want = s->buffer.len;
        size_t n = fwrite(s->buffer.data, 1, want, s->file);
        strbuf_clear(&s->buffer);
        if (n != want || ferror(s->file)) {
            error_set(err, TERN_EIO, "%s: cannot write: %s", s->path, strerror(errno));
            return TERN_EIO;
        }
    }
    return TERN_OK;
}

static tern_status flush_text(event_sink *s, tern_error *err)
{
    tern_status rc = write_buffer(s, err);
    if (rc == TERN_OK && fflush(s->file) != 0) {
        error_set(err, TERN_EIO, "%s: cannot write: %s", s->path, strerror(errno));
        rc = TERN_EIO;
    }
    return rc;
}

sink_article_state sink_has_article(event_sink *s, const char *id, uint64_t content_hash)
{
    return s->store ? sqlite_store_lookup(s->store, id, content_hash) : SINK_ARTICLE_ABSENT;
}

int sink_needs_article(event_sink *s, const char *id, uint64_t content_hash)
{
    switch (sink_has_article(s, id, content_hash)) {
    case SINK_ARTICLE_ABSENT:
        return 1;
    case SINK_ARTICLE_CHANGED:
        return sqlite_store_replaces(s->store);
    default:
        return 0;
    }
}

static void append_record(event_sink *s, const tern_article_info *a, const tern_event *e,
                          uint32_t index, const sink_merge_info *merge)
{
    sink_record r = {a, e, index, merge};
    s->format_record(&s->buffer, &r);
    s->counts.events++;
}

tern_status sink_article(event_sink *s, const tern_article_info *a,
                         const tern_sentence_info *sentences, size_t n_sentences,
                         const tern_event *events, size_t n_events, tern_error *err)
{
    if (s->store)
        return sqlite_store_article(s->store, a, sentences, n_sentences, events, n_events,
                                    &s->counts, err);
    for (size_t i = 0; i < n_events; i++) append_record(s, a, &events[i], (uint32_t)i, NULL);
    s->counts.articles_stored++;
    if (s->is_stdout) return flush_text(s, err);
    return s->buffer.len >= FLUSH_BYTES ? write_buffer(s, err) : TERN_OK;
}

tern_status sink_event(event_sink *s, const tern_article_info *a, const tern_event *e,
                       uint32_t index, const sink_merge_info *merge, tern_error *err)
{
    if (s->store) {
        error_set(err, TERN_EUSAGE, "%s: the store takes whole articles, not single events",
                  s->path);
        return TERN_EUSAGE;
    }
    append_record(s, a, e, index, merge);
    return s->buffer.len >= FLUSH_BYTES ? write_buffer(s, err) : TERN_OK;
}

tern_status sink_skipped(event_sink *s, const char *file, size_t line, const char *record_id,
                         const char *reason, tern_error *err)
{
    s->counts.skipped++;
    return s->store ? sqlite_store_skipped(s->store, file, line, record_id, reason, err) : TERN_OK;
}

tern_status sink_flush(event_sink *s, tern_error *err)
{
    return s->store ? sqlite_store_commit(s->store, err) : flush_text(s, err);
}

tern_status sink_close(event_sink *s, tern_error *err)
{
    if (!s) return TERN_OK;
    tern_status rc = TERN_OK;
    if (s->store) {
        rc = sqlite_store_close(s->store, err);
    } else {
        rc = flush_text(s, err);
        if (!s->is_stdout && fclose(s->file) != 0 && rc == TERN_OK) {
            error_set(err, TERN_EIO, "%s: cannot write: %s", s->path, strerror(errno));
            rc = TERN_EIO;
        }
    }
    strbuf_free(&s->buffer);
    free(s->path);
    free(s);
    return rc;
}

void sink_get_counts(const event_sink *s, sink_counts *out)
{
    *out = s->counts;
}
