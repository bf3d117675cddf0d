/*
 * sink: where coded events go. One interface over every output format: JSON Lines, TSV, the
 * GDELT 2.0 event table, the ICEWS layout, PETRARCH event lines, and the SQLite event store.
 *
 * The unit of work is the article: sink_article() takes an article with its sentences and its
 * events. For the SQLite store the article is also the unit of atomicity:
 *   (1) an article is stored whole (article, sentences, events, mentions) or not at all,
 *       whenever the process dies;
 *   (2) storing an article that is already stored with the same content hash and coder adds
 *       nothing, so re-running an input, or an overlapping one, never duplicates anything;
 *   (3) an article stored with a different content hash or coder is replaced only when
 *       sink_options.replace is set; otherwise the stored version stays and the newcomer is
 *       recorded as skipped.
 * The store groups articles into transactions (batch_articles or batch_ms, whichever comes
 * first) and commits the last one in sink_flush() and sink_close().
 *
 * Text formats write one line per event as articles arrive and ignore sentences; they never
 * hold an article back, so sink_has_article() always answers SINK_ARTICLE_ABSENT for them.
 *
 * A sink belongs to one thread. Everything passed in is written or copied before the call
 * returns.
 */
#ifndef TERN_OUT_SINK_H
#define TERN_OUT_SINK_H

#include "tern.h"

#include <stddef.h>
#include <stdint.h>

typedef enum sink_format {
    SINK_JSONL = 0, /* one JSON object per event (docs/output.md) */
    SINK_TSV,       /* tern's columns, header line, backslash escapes */
    SINK_GDELT,     /* GDELT 2.0 event table: 61 tab-separated columns, no header */
    SINK_ICEWS,     /* ICEWS coded event data: 20 columns, header, NA for missing */
    SINK_PETR,      /* PETRARCH-2 event lines */
    SINK_TABLE,     /* an aligned table for reading on a terminal */
    SINK_SQLITE     /* the event store (a file; not "-") */
} sink_format;

typedef struct sink_options {
    int replace;             /* SQLite: replace stored articles whose hash or coder differ */
    const char *coder;       /* SQLite: names the dictionaries and model that coded the
                                articles (e.g. their hash); NULL = unnamed */
    int no_header;           /* TSV, ICEWS: leave out the header line */
    unsigned batch_articles; /* SQLite: articles per transaction; 0 = 256 */
    unsigned batch_ms;       /* SQLite: a transaction is committed once it is this old
                                (checked after each article); 0 = 1000 */
} sink_options;

typedef enum sink_article_state {
    SINK_ARTICLE_ABSENT = 0, /* not stored: code it */
    SINK_ARTICLE_STORED,     /* stored with this content hash and coder: nothing to do */
    SINK_ARTICLE_CHANGED     /* stored, but its content hash or coder differs */
} sink_article_state;

/* For `tern events`: how many reports there are of one (date, source, target, code). */
typedef struct sink_merge_info {
    uint32_t num_mentions;          /* sentences reporting it, over all articles */
    uint32_t num_sources;           /* distinct outlets (an unknown outlet counts as one) */
    uint32_t num_articles;          /* distinct articles */
    const char *const *article_ids; /* those articles, in store order */
    size_t n_article_ids;
} sink_merge_info;

/* What a sink did, for the end-of-run summary. */
typedef struct sink_counts {
    size_t articles_stored;    /* written (text formats: every article given) */
    size_t articles_unchanged; /* already stored alike: nothing written */
    size_t articles_replaced;  /* stored again with --replace */
    size_t articles_kept;      /* changed, but kept as stored (no --replace) */
    size_t events;             /* event records written */
    size_t skipped;            /* sink_skipped() calls */
} sink_counts;

typedef struct event_sink event_sink;

/* target: a path, or "-" for standard output (text formats only). A text file is truncated;
 * a store is created when absent and added to otherwise. Fails with TERN_EVERSION on a store
 * written by a newer tern and TERN_EFORMAT on a file that is not a tern store. */
event_sink *sink_open(const char *target, sink_format fmt, const sink_options *opt,
                      tern_error *err);

/* Whether the article is stored already, so that `tern code` can skip it before parsing.
 * On a lookup failure it answers SINK_ARTICLE_ABSENT; sink_article() then reports the error. */
sink_article_state sink_has_article(event_sink *s, const char *id, uint64_t content_hash);

/* 1 when sink_article() would write this article: absent, or changed and replace is set. */
int sink_needs_article(event_sink *s, const char *id, uint64_t content_hash);

/* Writes one article (a->id must be set). Events are numbered 0..n_events-1 in the order given;
 * the event id (GDELT GlobalEventID) derives from the article id and that number. */
tern_status sink_article(event_sink *s, const tern_article_info *a,
                         const tern_sentence_info *sentences, size_t n_sentences,
                         const tern_event *events, size_t n_events, tern_error *err);

/* Records an input record that was not coded. reason is a short phrase without record-specific
 * detail ("empty text"), so that `tern stats` can count by it; file, line and record_id say
 * where (NULL / 0 when unknown). Recording the same skip twice keeps one. */
tern_status sink_skipped(event_sink *s, const char *file, size_t line, const char *record_id,
                         const char *reason, tern_error *err);

/* Writes one event record outside an article (text formats only), with the cross-article
 * counts when merge is not NULL. This is how `tern events` writes what it reads back. */
tern_status sink_event(event_sink *s, const tern_article_info *a, const tern_event *e,
                       uint32_t index, const sink_merge_info *merge, tern_error *err);

/* Commits the open transaction / flushes buffered lines, e.g. while input is idle. */
tern_status sink_flush(event_sink *s, tern_error *err);

/* Flushes, commits and frees the sink (also when it fails; s may be NULL). */
tern_status sink_close(event_sink *s, tern_error *err);

void sink_get_counts(const event_sink *s, sink_counts *out);

/* "jsonl", "tsv", "gdelt", "icews", "petr", "sqlite" (also "json", "db"). 0 if unknown. */
int sink_format_parse(const char *name, sink_format *fmt);
const char *sink_format_name(sink_format fmt);
/* By extension: .db .sqlite .sqlite3 -> SQLite; .tsv -> TSV; .gdelt -> GDELT; .icews -> ICEWS;
 * .petr .evts -> PETR; anything else (and "-") -> JSONL. */
sink_format sink_format_for_path(const char *path);

/* The deterministic event id: 53 bits of a hash of (article id, event number), never 0, so it
 * survives JSON readers that hold numbers as doubles. Independent of threads and of runs. */
uint64_t sink_event_id(const char *article_id, uint32_t index);

#endif
