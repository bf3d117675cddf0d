/*
 * reader: the article-reader interface. One implementation per input format (reader_text.c,
 * reader_jsonl.c; PETR XML is added by registering one more format in reader.c). A reader
 * streams: it holds one record at a time, whatever the size of its input, reads "-" as
 * standard input and .gz files transparently.
 *
 * Contract of article_reader_next():
 *   (1) READER_ARTICLE: *out is the next article; its strings live in the arena passed in.
 *   (2) READER_SKIPPED: a record was malformed (bad JSON, invalid UTF-8, no text, absurd
 *       length). err->message says `file:line: id ID: what is wrong`; the record is counted
 *       in article_reader_skipped() and the next call carries on with the following record,
 *       exactly as if the bad one had not been there.
 *   (3) READER_END: the input is exhausted. READER_FAILED: the input cannot be read on (I/O
 *       error); err says why.
 */
#ifndef TERN_TEXT_READER_H
#define TERN_TEXT_READER_H

#include "text/article.h"

#include <stddef.h>

enum { READER_FAILED = -1, READER_END = 0, READER_ARTICLE = 1, READER_SKIPPED = 2 };

typedef struct reader_options {
    /* JSONL field names (defaults: id, date, title, text, url, source, dateline). When the id
     * field is absent from a record, the id is "FILE:LINE". */
    const char *id_field, *date_field, *title_field, *text_field, *url_field, *source_field,
        *dateline_field;
    size_t max_article; /* bytes; longer records are skipped as absurd (default 16 MiB) */
} reader_options;

void reader_options_default(reader_options *o);

/* One input format. open() returns the format's state or NULL with err filled. */
typedef struct article_format {
    const char *name;
    void *(*open)(const char *path, const reader_options *o, tern_error *err);
    int (*next)(void *state, article *out, arena *a, tern_error *err);
    void (*close)(void *state);
} article_format;

extern const article_format reader_text_format;
extern const article_format reader_jsonl_format;
extern const article_format reader_petr_xml_format;

/* The format called name ("text", "jsonl", ...), or NULL. */
const article_format *article_format_find(const char *name);
/* Guesses a file's format from its name (.jsonl, .ndjson, .json, .xml, with or without .gz),
 * else from its first non-blank byte ('{' JSON Lines, '<' XML, anything else plain text).
 * Returns NULL (err filled) for a format with no reader in this build. */
const article_format *article_format_guess(const char *path, tern_error *err);

typedef struct article_reader article_reader;

article_reader *article_reader_open(const char *path, const article_format *format,
                                    const reader_options *o, tern_error *err);
int article_reader_next(article_reader *r, article *out, arena *a, tern_error *err);
size_t article_reader_skipped(const article_reader *r);
void article_reader_close(article_reader *r);

/* The pieces the readers are made of, exposed for the fuzz targets and tests. */

/* Plain text: builds an article from one file's bytes (copied into the arena). Recognises the
 * scraper header line " date YYYY-MM-DD  TITLE". Fails (TERN_EFORMAT) on invalid UTF-8, a NUL
 * byte, or an empty article. */
tern_status text_article_from_bytes(const char *path, const char *bytes, size_t len, article *out,
                                    arena *a, tern_error *err);
/* JSON Lines: builds an article from one record. lineno is used in messages. */
tern_status jsonl_article_from_line(const char *path, size_t lineno, const char *line, size_t len,
                                    const reader_options *o, article *out, arena *a,
                                    tern_error *err);

#endif
