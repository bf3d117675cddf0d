/*
 * petr_xml: streaming reader for PETRARCH XML: batch input (`<Sentences><Sentence date id
 * source sentence><Text>...</Text><Parse>...</Parse></Sentence>`) and validation files, which
 * add an `<Environment>` naming dictionaries, `<Config option value>` elements that change
 * options for the records after them, and `<EventCoding>` with the expected result.
 *
 * Records are delivered one at a time through callbacks; everything a record points to lives
 * until the callback returns. Memory stays constant whatever the file size. Malformed XML
 * stops the read with `file:line: message`; a record with a bad attribute is still delivered,
 * with its problem in record->problem, so the caller can report it and go on.
 */
#ifndef TERN_PETR_XML_H
#define TERN_PETR_XML_H

#include "tern.h"

#include <stddef.h>
#include <stdint.h>

typedef struct petr_coding {
    const char *source, *target, *code;
} petr_coding;

typedef struct petr_record {
    const char *id;
    const char *date_text; /* as written */
    int32_t date;          /* YYYYMMDD, 0 when absent or malformed */
    const char *source;    /* the source attribute (outlet or feed) */
    const char *category;  /* validation category, e.g. "DEMO" */
    int sentence;          /* sentence="true"/valid="true": 1; "false": 0; absent: -1 */
    const char *text;      /* <Text>, whitespace as written; NULL when absent */
    const char *parse;     /* <Parse>; NULL when absent */
    /* Expected coding (validation files): */
    const petr_coding *expected;
    size_t n_expected;
    int expect_none;          /* <EventCoding noevents="True"> */
    const char *expect_error; /* <EventCoding error="..."> */
    size_t line;              /* line of the <Sentence> tag */
    const char *problem;      /* NULL, or what is wrong with the record's attributes */
} petr_record;

#define PETR_MAX_ACTOR_FILES 16

typedef struct petr_environment {
    const char *verbs, *actors[PETR_MAX_ACTOR_FILES], *agents, *discards, *issues;
    size_t n_actors;
    const char *include; /* <Include> text, e.g. "valid DEMO ACTOR ..." */
    const char *pause;
} petr_environment;

typedef struct petr_callbacks {
    /* Each returns 0 to continue, non-zero to stop the read (the value is returned). */
    int (*environment)(void *ctx, const petr_environment *env);
    int (*config)(void *ctx, const char *option, const char *value, size_t line);
    int (*record)(void *ctx, const petr_record *rec);
} petr_callbacks;

/* ---- Pull interface ---------------------------------------------------------------------- */

typedef enum petr_item_kind {
    PETR_ITEM_ERROR = -1, /* malformed XML or unreadable input; err says where */
    PETR_ITEM_END = 0,
    PETR_ITEM_ENVIRONMENT,
    PETR_ITEM_CONFIG,
    PETR_ITEM_RECORD
} petr_item_kind;

typedef struct petr_item {
    int kind;
    const petr_environment *env; /* ENVIRONMENT */
    const char *option, *value;  /* CONFIG */
    size_t line;
    const petr_record *record; /* RECORD */
} petr_item;

typedef struct petr_reader petr_reader;

petr_reader *petr_reader_open(const char *path, tern_error *err);
/* data must outlive the reader. */
petr_reader *petr_reader_open_buffer(const char *data, size_t len, const char *name,
                                     tern_error *err);
/* The next item; what it points to lives until the next call. Returns its kind. */
int petr_reader_next(petr_reader *r, petr_item *out, tern_error *err);
void petr_reader_close(petr_reader *r);

/* ---- Callback interface ------------------------------------------------------------------ */

/* Reads path ("-" = stdin, gzip transparent). Returns TERN_OK, TERN_EIO, TERN_EFORMAT (bad
 * XML, message names file:line), or TERN_EUSAGE if a callback stopped the read. */
tern_status petr_xml_read(const char *path, const petr_callbacks *cb, void *ctx, tern_error *err);
/* The same over a buffer (for tests and fuzzing); name is used in messages. */
tern_status petr_xml_read_buffer(const char *data, size_t len, const char *name,
                                 const petr_callbacks *cb, void *ctx, tern_error *err);

#endif
