/*
 * train: building a model from treebanks (`tern train`). Reads the training and development
 * treebanks, fixes the tag and label inventories, trains the tagger, tags the training data
 * by jackknifing (each of K parts tagged by a tagger trained on the other parts, so the
 * parser learns from tags as noisy as it will see), trains the parser, and writes the model
 * file.
 * Everything is deterministic: a fixed seed drives every shuffle and exploration choice, so
 * the same inputs and options give the same model bytes.
 */
#ifndef TERN_SYNTAX_TRAIN_H
#define TERN_SYNTAX_TRAIN_H

#include "base/arena.h"
#include "syntax/features.h"
#include "syntax/syntax.h"
#include "tern.h"

#include <stddef.h>
#include <stdint.h>

typedef void (*train_progress_fn)(void *context, const char *message);

typedef struct syntax_train_options {
    const char *train_path;
    const char *dev_path; /* may be NULL: then the last epoch is kept */
    const char *output_path;
    uint64_t seed;
    uint32_t tagger_epochs;
    uint32_t parser_epochs;
    uint32_t jackknife_folds; /* 0 or 1: train the parser on gold tags */
    float tagger_min_weight;  /* averaged weights smaller than this are dropped */
    float parser_min_weight;
    uint32_t tagger_min_count; /* tagger features seen fewer times in training are dropped */
    uint32_t parser_min_count; /* parser features seen fewer times in training are dropped */
    size_t max_sentences;      /* 0 = all; for quick experiments and tests */
    uint32_t augment_percent;  /* share of sentences given a news-like variant (augment.h) */
    train_progress_fn progress;
    void *progress_context;
} syntax_train_options;

void syntax_train_defaults(syntax_train_options *o);
tern_status syntax_train(const syntax_train_options *o, tern_error *err);

/* ---- Shared by the trainers ------------------------------------------------------------- */

typedef struct train_sentence {
    uint32_t n;
    word_info *words;
    uint16_t *gold_tags; /* class ids of the tag inventory */
    uint16_t *tags;      /* tags the parser trains on (jackknifed predictions or gold) */
    uint32_t *heads;     /* by token id 1..n: projectivized gold heads, 0 = root */
    uint16_t *labels;    /* by token id 1..n: gold label ids */
    const syntax_token *tokens;
} train_sentence;

typedef struct train_report {
    train_progress_fn progress;
    void *context;
} train_report;

void train_say(const train_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A deterministic generator (xorshift64*), for shuffles and exploration. */
static inline uint64_t train_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

void train_shuffle(uint32_t *order, size_t n, uint64_t *rng);

#endif
