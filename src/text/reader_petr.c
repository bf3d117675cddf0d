/*
 * reader_petr: PETRARCH XML as articles, for coding from the text (no parse needed).
 * Consecutive <Sentence> records whose ids share the part before the last '_' are one story,
 * as PETRARCH groups them; the story's sentences become paragraphs of one article (text joined
 * by blank lines), dated by its first record and credited to its source attribute. A record
 * with a malformed attribute or no <Text> is reported by id and skipped. Streaming: one story
 * is held at a time.
 */
#include "text/reader.h"

#include "base/error.h"
#include "base/strbuf.h"
#include "text/petr_xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct held_record {
    char *id, *text, *source;
    int32_t date;
    size_t line;
} held_record;

typedef struct petr_article_reader {
    petr_reader *xml;
    char *path;
    held_record next; /* the first record of the next story, read ahead */
    int have_next, done;
    /* Bad records met while reading a story, reported one per call before the next story. */
    tern_error skipped[8];
    int n_skipped, next_skipped;
} petr_article_reader;

static void *petr_open(const char *path, const reader_options *o, tern_error *err)
{
    (void)o;
    petr_article_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        error_set(err, TERN_ENOMEM, "out of memory");
        return NULL;
    }
    r->xml = petr_reader_open(path, err);
    if (!r->xml) {
        free(r->path);
        free(r);
        return NULL;
    }
    return r;
}

static void held_free(held_record *h)
{
    free(h->id);
    free(h->text);
    free(h->source);
    memset(h, 0, sizeof *h);
}

static size_t story_length(const char *id)
{
    const char *us = strrchr(id, '_');
    return us ? (size_t)(us - id) : strlen(id);
}

/* Reads the next usable record into h; returns READER_ARTICLE, READER_SKIPPED (with err),
 * READER_END or READER_FAILED. */
static int read_record(petr_article_reader *r, held_record *h, tern_error *err)
{
    for (;;) {
        petr_item it;
        int kind = petr_reader_next(r->xml, &it, err);
        if (kind == PETR_ITEM_ERROR) return READER_FAILED;
        if (kind == PETR_ITEM_END) return READER_END;
        if (kind != PETR_ITEM_RECORD) continue;
        const petr_record *rec = it.record;
        if (rec->problem || !rec->id || !rec->text) {
            error_set(err, TERN_EFORMAT, "%s:%zu: id %s: %s", r->path, rec->line,
                      rec->id ? rec->id : "?",
                      rec->problem ? rec->problem : "record has no <Text>");
            return READER_SKIPPED;
        }
        h->id = strdup(rec->id);
        h->text = strdup(rec->text);
        h->source = rec->source ? strdup(rec->source) : NULL;
        h->date = rec->date;
        h->line = rec->line;
        if (!h->id || !h->text) {
            held_free(h);
            error_set(err, TERN_ENOMEM, "out of memory");
            return READER_FAILED;
        }
        return READER_ARTICLE;
    }
}

static int petr_next(void *state, article *out, arena *a, tern_error *err)
{
    petr_article_reader *r = state;
    if (r->next_skipped < r->n_skipped) {
        *err = r->skipped[r->next_skipped++];
        return READER_SKIPPED;
    }
    r->n_skipped = r->next_skipped = 0;
    if (!r->have_next) {
        if (r->done) return READER_END;
        int rc = read_record(r, &r->next, err);
        if (rc != READER_ARTICLE) {
            if (rc == READER_END || rc == READER_FAILED) r->done = 1;
            return rc;
        }
        r->have_next = 1;
    }
    memset(out, 0, sizeof *out);
    held_record first = r->next;
    r->have_next = 0;
    size_t story = story_length(first.id);
    strbuf text = {0};
    strbuf_puts(&text, first.text);
    for (;;) {
        held_record h = {0};
        tern_error rerr = {0};
        int rc = read_record(r, &h, &rerr);
        if (rc == READER_SKIPPED) {
            /* Reported before the next story; this story goes on without the record. With
             * the queue full the story ends here, so no report is ever lost. */
            r->skipped[r->n_skipped++] = rerr;
            if (r->n_skipped == 8) break;
            continue;
        }
        if (rc != READER_ARTICLE) {
            r->done = 1;
            break;
        }
        if (story_length(h.id) != story || strncmp(h.id, first.id, story) != 0) {
            r->next = h;
            r->have_next = 1;
            break;
        }
        strbuf_puts(&text, "\n\n");
        strbuf_puts(&text, h.text);
        held_free(&h);
    }
    out->path = arena_strdup(a, r->path);
    out->line = first.line;
    out->id = arena_strndup(a, first.id, story);
    out->text = arena_strndup(a, text.data ? text.data : "", text.len);
    out->len = (uint32_t)text.len;
    if (first.date)
        out->date = arena_printf(a, "%04d-%02d-%02d", first.date / 10000, first.date / 100 % 100,
                                 first.date % 100);
    out->outlet = first.source ? arena_strdup(a, first.source) : NULL;
    strbuf_free(&text);
    held_free(&first);
    (void)err;
    return READER_ARTICLE;
}

static void petr_close(void *state)
{
    petr_article_reader *r = state;
    if (!r) return;
    petr_reader_close(r->xml);
    if (r->have_next) held_free(&r->next);
    free(r->path);
    free(r);
}

const article_format reader_petr_xml_format = {"petr-xml", petr_open, petr_next, petr_close};
