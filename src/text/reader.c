/*
 * reader: the registry of input formats and the generic article_reader that wraps one of
 * them. Adding a format (the PETR XML reader) is one article_format value and one line in
 * formats[] below; format guessing by extension already names "petr-xml" for .xml files.
 */
#include "text/reader.h"

#include "base/error.h"
#include "base/io.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const article_format *const formats[] = {
    &reader_text_format,
    &reader_jsonl_format,
    &reader_petr_xml_format,
    NULL,
};

struct article_reader {
    const article_format *format;
    void *state;
    size_t skipped;
};

void reader_options_default(reader_options *o)
{
    o->id_field = "id";
    o->date_field = "date";
    o->title_field = "title";
    o->text_field = "text";
    o->url_field = "url";
    o->source_field = "source";
    o->dateline_field = "dateline";
    o->max_article = (size_t)16 << 20;
}

const article_format *article_format_find(const char *name)
{
    for (int i = 0; formats[i]; i++)
        if (!strcmp(formats[i]->name, name)) return formats[i];
    return NULL;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t l = strlen(suffix);
    return n >= l && !strncasecmp(s + n - l, suffix, l);
}

static const article_format *format_or_error(const char *name, const char *path, tern_error *err)
{
    const article_format *f = article_format_find(name);
    if (!f) error_set(err, TERN_EUSAGE, "%s: no %s reader in this build", path, name);
    return f;
}

const article_format *article_format_guess(const char *path, tern_error *err)
{
    size_t n = strlen(path);
    if (ends_with(path, n, ".gz")) n -= 3;
    if (ends_with(path, n, ".jsonl") || ends_with(path, n, ".ndjson") ||
        ends_with(path, n, ".json"))
        return format_or_error("jsonl", path, err);
    if (ends_with(path, n, ".xml")) return format_or_error("petr-xml", path, err);
    if (ends_with(path, n, ".txt") || !strcmp(path, "-") || path_is_directory(path))
        return &reader_text_format;
    /* Sniff the first non-blank byte. */
    gzFile gz = gzopen(path, "rb");
    if (!gz) return &reader_text_format; /* opening reports the error */
    char buf[512];
    int got = gzread(gz, buf, sizeof buf);
    gzclose(gz);
    for (int i = 0; i < got; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (isspace(c)) continue;
        if (c == '{') return format_or_error("jsonl", path, err);
        if (c == '<') return format_or_error("petr-xml", path, err);
        break;
    }
    return &reader_text_format;
}

article_reader *article_reader_open(const char *path, const article_format *format,
                                    const reader_options *o, tern_error *err)
{
    void *state = format->open(path, o, err);
    if (!state) return NULL;
    article_reader *r = calloc(1, sizeof *r);
    if (!r) {
        format->close(state);
        error_set(err, TERN_ENOMEM, "out of memory");
        return NULL;
    }
    r->format = format;
    r->state = state;
    return r;
}

int article_reader_next(article_reader *r, article *out, arena *a, tern_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = r->format->next(r->state, out, a, err);
    if (rc == READER_SKIPPED) r->skipped++;
    return rc;
}

size_t article_reader_skipped(const article_reader *r)
{
    return r->skipped;
}

void article_reader_close(article_reader *r)
{
    if (!r) return;
    r->format->close(r->state);
    free(r);
}
