/*
 * train: the `tern train` pipeline (see train.h). Tag and label inventories are sorted by
 * name so their ids do not depend on the order of the treebank; the root label must exist.
 * Tags or labels of the development treebank that training never saw get an id no class
 * has, so they count as errors rather than being dropped.
 */
#include "syntax/train.h"

#include "base/error.h"
#include "base/strbuf.h"
#include "syntax/augment.h"
#include "syntax/conllu.h"
#include "syntax/lexicon.h"
#include "syntax/model_file.h"
#include "syntax/projectivize.h"
#include "syntax/train_parser.h"
#include "syntax/train_tagger.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNSEEN = 0xffff };

void syntax_train_defaults(syntax_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 20240509;
    o->tagger_epochs = 10;
    o->parser_epochs = 15;
    o->jackknife_folds = 5;
    o->tagger_min_weight = 0.02f;
    o->parser_min_weight = 0.05f;
    o->parser_min_count = 3;
    o->tagger_min_count = 2;
    o->augment_percent = 20;
}

void train_say(const train_report *r, const char *fmt, ...)
{
    if (!r || !r->progress) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    r->progress(r->context, buf);
}

void train_shuffle(uint32_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(train_random(rng) % i);
        uint32_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* ---- Inventories ------------------------------------------------------------------------- */

typedef struct inventory {
    char **names;
    size_t n, cap;
} inventory;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static long inventory_find(const inventory *v, const char *name)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(v->names[mid], name);
        if (c == 0) return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static void inventory_add(inventory *v, const char *name)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->names[i], name) == 0) return;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->names = realloc(v->names, v->cap * sizeof *v->names);
        if (!v->names) abort();
    }
    v->names[v->n] = strdup(name);
    if (!v->names[v->n]) abort();
    v->n++;
}

static void inventory_free(inventory *v)
{
    for (size_t i = 0; i < v->n; i++) free(v->names[i]);
    free(v->names);
}

static void tag_name(const syntax_token *t, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s\t%s", ud_upos_name((ud_upos)t->upos), t->xpos);
}

/* ---- Corpus ------------------------------------------------------------------------------ */

static tern_status build_sentences(const conllu_treebank *tb, const inventory *tags,
                                   const inventory *labels, arena *a, train_sentence **out,
                                   size_t *lifted, tern_error *err, const char *path)
{
    train_sentence *ts = calloc(tb->n ? tb->n : 1, sizeof *ts);
    if (!ts) abort();
    for (size_t j = 0; j < tb->n; j++) {
        const conllu_sentence *cs = &tb->sentences[j];
        train_sentence *x = &ts[j];
        uint32_t n = cs->s.n;
        x->n = n;
        x->tokens = cs->s.tokens;
        x->words = arena_alloc(a, n * sizeof *x->words);
        x->gold_tags = arena_alloc(a, n * sizeof *x->gold_tags);
        x->tags = arena_alloc(a, n * sizeof *x->tags);
        x->heads = arena_alloc(a, (n + 1) * sizeof *x->heads);
        x->labels = arena_zalloc(a, (n + 1) * sizeof *x->labels);
        x->heads[0] = 0;
        uint32_t roots = 0;
        for (uint32_t i = 0; i < n; i++) {
            const syntax_token *t = &cs->s.tokens[i];
            word_info_fill(&x->words[i], t->form, strlen(t->form), i == 0);
            char name[256];
            tag_name(t, name, sizeof name);
            long id = inventory_find(tags, name);
            x->gold_tags[i] = id < 0 ? UNSEEN : (uint16_t)id;
            x->tags[i] = x->gold_tags[i];
            long lab = inventory_find(labels, t->deprel);
            x->labels[i + 1] = lab < 0 ? UNSEEN : (uint16_t)lab;
            x->heads[i + 1] = t->head;
            roots += t->head == 0;
        }
        if (!cs->has_heads || roots != 1) {
            error_set(err, TERN_EFORMAT, "%s:%u: sentence has %u roots; training needs trees", path,
                      cs->line, roots);
            free(ts);
            return TERN_EFORMAT;
        }
        for (uint32_t i = 1; i <= n; i++) { /* reject cycles: every word must reach the root */
            uint32_t k = i, steps = 0;
            while (k != 0 && steps++ <= n) k = x->heads[k];
            if (k != 0) {
                error_set(err, TERN_EFORMAT, "%s:%u: heads form a cycle", path, cs->line);
                free(ts);
                return TERN_EFORMAT;
            }
        }
        *lifted += projectivize(x->heads, n);
    }
    *out = ts;
    return TERN_OK;
}

/* File names, not paths, go into the model: the same data trains the same bytes anywhere. */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void say_cb(const syntax_train_options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void say_cb(const syntax_train_options *o, const char *fmt, ...)
{
    if (!o->progress) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    o->progress(o->progress_context, buf);
}

tern_status syntax_train(const syntax_train_options *o, tern_error *err)
{
    train_report report = {o->progress, o->progress_context};
    conllu_treebank train_tb = {0}, dev_tb = {0};
    tern_status st = conllu_read_treebank(o->train_path, &train_tb, err);
    if (st != TERN_OK) return st;
    if (o->max_sentences && train_tb.n > o->max_sentences) train_tb.n = o->max_sentences;
    if (o->dev_path) {
        st = conllu_read_treebank(o->dev_path, &dev_tb, err);
        if (st != TERN_OK) {
            conllu_treebank_free(&train_tb);
            return st;
        }
    }
    if (train_tb.n == 0) {
        error_set(err, TERN_EFORMAT, "%s: no sentences to train on", o->train_path);
        conllu_treebank_free(&train_tb);
        conllu_treebank_free(&dev_tb);
        return TERN_EFORMAT;
    }

    /* News-like variants join the training sentences; the source treebank's own sentences
     * stay first, and each variant stays in its source's jackknife fold so that no fold
     * tagger has seen the sentence it tags. */
    syntax_augmented aug = {0};
    size_t n_source = train_tb.n;
    if (o->augment_percent)
        syntax_augment(train_tb.sentences, train_tb.n, o->seed, o->augment_percent, &aug);
    conllu_sentence *all = malloc((n_source + aug.tb.n) * sizeof *all);
    if (!all) abort();
    memcpy(all, train_tb.sentences, n_source * sizeof *all);
    if (aug.tb.n) memcpy(all + n_source, aug.tb.sentences, aug.tb.n * sizeof *all);
    conllu_treebank corpus = {
        .sentences = all, .n = n_source + aug.tb.n, .words = train_tb.words + aug.tb.words};
    if (aug.tb.n)
        say_cb(o, "augmented: %zu news-like variants (%zu words) of %zu sentences", aug.tb.n,
               aug.tb.words, n_source);

    inventory tags = {0}, labels = {0};
    for (size_t j = 0; j < corpus.n; j++)
        for (uint32_t i = 0; i < corpus.sentences[j].s.n; i++) {
            const syntax_token *t = &corpus.sentences[j].s.tokens[i];
            char name[256];
            tag_name(t, name, sizeof name);
            inventory_add(&tags, name);
            inventory_add(&labels, t->deprel);
        }
    inventory_add(&labels, "root");
    qsort(tags.names, tags.n, sizeof *tags.names, cmp_str);
    qsort(labels.names, labels.n, sizeof *labels.names, cmp_str);
    if (tags.n > FEATURE_TABLE_MAX_CLASSES ||
        parse_classes((uint32_t)labels.n) > FEATURE_TABLE_MAX_CLASSES) {
        error_set(err, TERN_EFORMAT,
                  "%s: %zu tags and %zu labels; at most %d tags and %d "
                  "labels are supported",
                  o->train_path, tags.n, labels.n, FEATURE_TABLE_MAX_CLASSES,
                  (FEATURE_TABLE_MAX_CLASSES - 2) / 2);
        st = TERN_EFORMAT;
        goto done_inventories;
    }

    arena mem;
    arena_init(&mem, 1 << 20);
    train_sentence *train = NULL, *dev = NULL;
    size_t lifted = 0, dev_lifted = 0;
    st = build_sentences(&corpus, &tags, &labels, &mem, &train, &lifted, err, o->train_path);
    if (st == TERN_OK && dev_tb.n)
        st = build_sentences(&dev_tb, &tags, &labels, &mem, &dev, &dev_lifted, err, o->dev_path);
    if (st != TERN_OK) goto done;
    say_cb(o,
           "training on %zu sentences (%zu words) of %s; %zu tags, %zu labels; %zu arcs "
           "lifted to projectivize",
           corpus.n, corpus.words, o->train_path, tags.n, labels.n, lifted);

    /* Tagger on all training data; the development data picks the epoch. */
    uint8_t *tag_upos8 = malloc(tags.n);
    if (!tag_upos8) abort();
    for (size_t t = 0; t < tags.n; t++)
        tag_upos8[t] = (uint8_t)ud_upos_from_name(tags.names[t], strcspn(tags.names[t], "\t"));
    tagger_training tt = {(uint32_t)tags.n,     tag_upos8,           o->tagger_epochs,
                          o->tagger_min_weight, o->tagger_min_count, o->seed};
    tagger_result tagger;
    train_tagger(train, corpus.n, NULL, 0, dev, dev_tb.n, &tt, &report, &tagger);
    say_cb(o, "tagger: kept epoch %u, dev accuracy %.2f%% (UPOS %.2f%%)", tagger.best_epoch,
           100.0 * tagger.dev_accuracy, 100.0 * tagger.dev_upos);

    /* Jackknifed tags for the parser's training data. */
    if (o->jackknife_folds > 1) {
        uint32_t *subset = malloc(corpus.n * sizeof *subset);
        uint32_t *held = malloc(corpus.n * sizeof *held);
        if (!subset || !held) abort();
        size_t right = 0, total = 0;
        for (uint32_t f = 0; f < o->jackknife_folds; f++) {
            size_t ns = 0, nh = 0;
            for (size_t j = 0; j < corpus.n; j++) {
                size_t source = j < n_source ? j : aug.source[j - n_source];
                if (source % o->jackknife_folds == f)
                    held[nh++] = (uint32_t)j;
                else
                    subset[ns++] = (uint32_t)j;
            }
            tagger_result fold;
            tagger_training ft = tt;
            ft.epochs = tagger.best_epoch;
            ft.seed = o->seed + f + 1;
            train_tagger(train, corpus.n, subset, ns, NULL, 0, &ft, NULL, &fold);
            right += train_tagger_apply(&fold.weights, &fold.tagdict, train, corpus.n, held, nh, 1,
                                        NULL, NULL);
            for (size_t j = 0; j < nh; j++) total += train[held[j]].n;
            tagger_result_free(&fold);
        }
        free(subset);
        free(held);
        say_cb(o, "jackknifed tags (%u folds): %.2f%% right", o->jackknife_folds,
               100.0 * (double)right / (double)(total ? total : 1));
    }
    if (dev_tb.n)
        train_tagger_apply(&tagger.weights, &tagger.tagdict, dev, dev_tb.n, NULL, 0, 1, NULL, NULL);

    /* Parser. */
    uint64_t *tag_xpos = malloc(tags.n * sizeof *tag_xpos);
    uint64_t *tag_upos = malloc(tags.n * sizeof *tag_upos);
    if (!tag_xpos || !tag_upos) abort();
    for (size_t t = 0; t < tags.n; t++) {
        const char *tab = strchr(tags.names[t], '\t');
        tag_xpos[t] = feature_hash_string(tab + 1, strlen(tab + 1));
        tag_upos[t] = ud_upos_from_name(tags.names[t], (size_t)(tab - tags.names[t]));
    }
    parser_training pt = {
        .n_labels = (uint32_t)labels.n,
        .root_label = (uint32_t)inventory_find(&labels, "root"),
        .tag_xpos = tag_xpos,
        .tag_upos = tag_upos,
        .epochs = o->parser_epochs,
        .min_weight = o->parser_min_weight,
        .min_count = o->parser_min_count,
        .seed = o->seed,
        .explore = 0.9,
    };
    parser_result parser;
    train_parser(train, corpus.n, dev, dev_tb.n, &pt, &report, &parser);
    say_cb(o, "parser: kept epoch %u, dev UAS %.2f%% LAS %.2f%%", parser.best_epoch,
           100.0 * parser.dev_uas, 100.0 * parser.dev_las);

    /* Model file. */
    strbuf meta = {0}, tag_list = {0}, label_list = {0}, image = {0};
    strbuf_printf(&meta,
                  "trained_on=%s\nsentences=%zu\nwords=%zu\nseed=%llu\ntagger_epoch=%u\n"
                  "parser_epoch=%u\njackknife_folds=%u\ndev=%s\ndev_tagging=%.2f\n"
                  "dev_uas=%.2f\ndev_las=%.2f\n",
                  base_name(o->train_path), train_tb.n, train_tb.words, (unsigned long long)o->seed,
                  tagger.best_epoch, parser.best_epoch, o->jackknife_folds,
                  o->dev_path ? base_name(o->dev_path) : "-", 100.0 * tagger.dev_accuracy,
                  100.0 * parser.dev_uas, 100.0 * parser.dev_las);
    /* Only when there are variants, so that --augment 0 gives the bytes models had before. */
    if (aug.tb.n) strbuf_printf(&meta, "augmented=%zu\n", aug.tb.n);
    model_strings_write(&tag_list, (const char *const *)tags.names, tags.n);
    model_strings_write(&label_list, (const char *const *)labels.names, labels.n);
    model_section sections[] = {
        {MODEL_SECTION_META, meta.data, meta.len},
        {MODEL_SECTION_TAGS, tag_list.data, tag_list.len},
        {MODEL_SECTION_LABELS, label_list.data, label_list.len},
        {MODEL_SECTION_TAGGER, tagger.weights.data, tagger.weights.len},
        {MODEL_SECTION_TAGDICT, tagger.tagdict.data, tagger.tagdict.len},
        {MODEL_SECTION_PARSER, parser.weights.data, parser.weights.len},
    };
    model_file_build(&image, sections, sizeof sections / sizeof sections[0], lexicon_fingerprint(),
                     FEATURES_VERSION);
    st = model_file_write(o->output_path, &image, err);
    if (st == TERN_OK) say_cb(o, "wrote %s (%zu bytes)", o->output_path, image.len);
    strbuf_free(&meta);
    strbuf_free(&tag_list);
    strbuf_free(&label_list);
    strbuf_free(&image);
    free(tag_xpos);
    free(tag_upos);
    free(tag_upos8);
    tagger_result_free(&tagger);
    strbuf_free(&parser.weights);
done:
    free(train);
    free(dev);
    arena_release(&mem);
done_inventories:
    inventory_free(&tags);
    inventory_free(&labels);
    free(all);
    syntax_augmented_free(&aug);
    conllu_treebank_free(&train_tb);
    conllu_treebank_free(&dev_tb);
    return st;
}
