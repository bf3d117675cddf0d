/*
 * article: internals of the public tern_coder and tern_article handles, shared by the
 * parsed-sentence path (article.c) and the raw-text path.
 */
#ifndef TERN_ARTICLE_H
#define TERN_ARTICLE_H

#include "base/vec.h"
#include "code/coder.h"
#include "event/cameo.h"
#include "syntax/syntax.h"
#include "tern.h"
#include "text/article.h"
#include "text/document.h"

struct tern_coder {
    tern_dict *dict;
    cameo_table *cameo;
    syntax_model *model; /* for raw text; NULL until tern_coder_load_model */
};

/* How one sentence was read and coded, kept for explanations. */
typedef struct sentence_trace {
    uint32_t sentence;
    const coding_sentence *frames;
    const sentence_coding *coding;
} sentence_trace;

struct tern_article {
    arena arena;
    tern_article_info info;
    VEC(tern_sentence_info) sentences;
    VEC(tern_event) pending; /* one per coded event, before merging */
    tern_event *merged;
    size_t n_merged;
    tern_article_counts counts;
    const char *problem;
    text_analyzer *analyzer; /* raw text: created on first use, reused */
    name_memory names;       /* names met so far in this article */
    topic_cues cues;         /* topic cues met so far (PETR input, sentence by sentence) */
    int keep_traces;         /* keep each sentence's frames and coding for --explain */
    VEC(sentence_trace) traces;
};

/* The coder's options from the public ones. */
void options_to_code(const tern_options *o, code_options *c);
/* Records a sentence; returns its index. */
uint32_t article_add_sentence(tern_article *a, const char *text, uint32_t start, uint32_t end,
                              uint32_t flags, int32_t date, tern_date_resolution resolution);
/* An event's date and how precisely it is known. */
typedef struct event_date {
    int32_t date;
    tern_date_resolution resolution;
} event_date;

/* Turns a sentence's coded events into public events with CAMEO names and evidence. dates
 * gives each event its own date (NULL: every event gets `date`). */
void article_add_events(const tern_coder *c, tern_article *a, uint32_t sentence_index,
                        const char *sentence_id, event_date date, const event_date *dates,
                        uint32_t sentence_flags, const char *text, const coding_sentence *s,
                        const sentence_coding *sc);
/* Codes a raw article as read by a text reader: clean, split, tokenize, tag, parse, code,
 * merge. The coder needs a model (tern_coder_load_model). */
tern_status article_code_document(const tern_coder *c, tern_article *a, const article *in,
                                  const analyze_options *ao, const tern_options *o,
                                  tern_error *err);
/* Tags and parses one sentence of an analysed document and builds its frames. Tokens of the
 * dateline are left out; *quoted gets per-token quotation flags. Returns 1, 0 when the
 * sentence has no words to parse, -1 if the parse could not be turned into frames. */
int sentence_to_frames(const syntax_model *model, const document *doc, const sentence *s,
                       const code_options *co, arena *ar, coding_sentence *out, uint8_t **quoted);
/* A parse (bracketing or CoNLL-U) to frames; on failure *problem says why. */
tern_status article_parse_to_frames(const char *parse, const code_options *o, arena *ar,
                                    coding_sentence *s, const char **problem);

#endif
