/*
 * writers: the text formats, one function per format that appends the line(s) for one event to
 * a buffer. They do no I/O and keep no state, so a record always becomes the same bytes (the
 * golden tests rely on it); the sink owns the file. Column lists are in docs/output.md.
 */
#ifndef TERN_OUT_WRITERS_H
#define TERN_OUT_WRITERS_H

#include "base/strbuf.h"
#include "out/sink.h"
#include "tern.h"

#include <stdint.h>

/* One event as the writers see it. */
typedef struct sink_record {
    const tern_article_info *article;
    const tern_event *event;
    uint32_t index;               /* the event's number in its article */
    const sink_merge_info *merge; /* NULL when written as the article is coded */
} sink_record;

/* The article id of a record: the article's, else the event's; never NULL. */
const char *record_article_id(const sink_record *r);

void jsonl_format(strbuf *out, const sink_record *r);

extern const char *const tsv_columns[];
extern const unsigned tsv_column_count;
void tsv_header(strbuf *out);
void tsv_format(strbuf *out, const sink_record *r);

enum { GDELT_COLUMNS = 61 };
void gdelt_format(strbuf *out, const sink_record *r);

enum { ICEWS_COLUMNS = 20 };
void icews_header(strbuf *out);
void icews_format(strbuf *out, const sink_record *r);

void petr_format(strbuf *out, const sink_record *r);

void table_header(strbuf *out);
void table_format(strbuf *out, const sink_record *r);

#endif
