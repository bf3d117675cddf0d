/*
 * syntax: the loaded model and the analysis pipeline (tag, lemmatize, parse) behind
 * syntax.h. Loading validates every section before the model is handed out, so analysis
 * can trust indexes and sizes without checking them per token. The only allocations a
 * model makes are its small tag and label tables; the weights stay in the mapped file.
 */
#include "syntax/syntax.h"

#include "base/data_dir.h"
#include "base/error.h"
#include "syntax/feature_table.h"
#include "syntax/features.h"
#include "syntax/lemma.h"
#include "syntax/lexicon.h"
#include "syntax/model_file.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct syntax_model {
    model_file file;
    uint32_t n_tags;
    uint8_t *tag_upos;
    const char **tag_xpos;
    uint64_t *tag_xpos_hash;
    uint32_t n_labels;
    uint32_t root_label;
    const char **label_names;
    uint8_t *label_rel;
    feature_table tagger, tagdict, parser;
    char description[512];
};

const char *syntax_default_model_path(void)
{
    const char *env = getenv("TERN_MODEL");
    if (env && *env) return env;
    static _Thread_local char path[4096];
    snprintf(path, sizeof path, "%s/model/tern-en-ewt.model", data_dir());
    return path;
}

static tern_status fail(syntax_model *m, tern_error *err, tern_status code, const char *path,
                        const char *what)
{
    error_set(err, code, "%s: %s", path, what);
    syntax_model_free(m);
    return code;
}

static tern_status load_tables(syntax_model *m, const char *path, tern_error *err)
{
    model_file *f = &m->file;
    if (f->features_version != FEATURES_VERSION) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "model uses feature set %u, this tern computes set %d; "
                 "retrain it with `tern train`",
                 f->features_version, FEATURES_VERSION);
        return fail(m, err, TERN_EVERSION, path, msg);
    }
    if (f->lexicon_fingerprint != lexicon_fingerprint())
        return fail(m, err, TERN_EVERSION, path,
                    "model was trained with other WordNet tables than this tern was built "
                    "with; retrain it with `tern train`");
    const model_section *tags = model_file_section(f, MODEL_SECTION_TAGS);
    const model_section *labels = model_file_section(f, MODEL_SECTION_LABELS);
    const model_section *tagger = model_file_section(f, MODEL_SECTION_TAGGER);
    const model_section *tagdict = model_file_section(f, MODEL_SECTION_TAGDICT);
    const model_section *parser = model_file_section(f, MODEL_SECTION_PARSER);
    if (!tags || !labels || !tagger || !tagdict || !parser)
        return fail(m, err, TERN_EFORMAT, path, "model lacks a required section");
    const char *why = NULL;
    long n_tags = model_strings_count(tags->data, tags->size, &why);
    if (n_tags < 0) return fail(m, err, TERN_EFORMAT, path, why);
    long n_labels = model_strings_count(labels->data, labels->size, &why);
    if (n_labels < 0) return fail(m, err, TERN_EFORMAT, path, why);
    if (n_tags < 1 || n_tags > FEATURE_TABLE_MAX_CLASSES || n_labels < 1 ||
        2 + 2 * n_labels > FEATURE_TABLE_MAX_CLASSES)
        return fail(m, err, TERN_EFORMAT, path, "model has an impossible number of tags or labels");
    m->n_tags = (uint32_t)n_tags;
    m->n_labels = (uint32_t)n_labels;
    m->tag_upos = calloc((size_t)n_tags, 1);
    m->tag_xpos = calloc((size_t)n_tags, sizeof *m->tag_xpos);
    m->tag_xpos_hash = calloc((size_t)n_tags, sizeof *m->tag_xpos_hash);
    m->label_names = calloc((size_t)n_labels, sizeof *m->label_names);
    m->label_rel = calloc((size_t)n_labels, 1);
    if (!m->tag_upos || !m->tag_xpos || !m->tag_xpos_hash || !m->label_names || !m->label_rel)
        return fail(m, err, TERN_ENOMEM, path, "out of memory");
    for (uint32_t t = 0; t < m->n_tags; t++) {
        const char *name = model_strings_get(tags->data, t);
        const char *tab = strchr(name, '\t');
        if (!tab) return fail(m, err, TERN_EFORMAT, path, "model tag is not UPOS<TAB>XPOS");
        m->tag_upos[t] = (uint8_t)ud_upos_from_name(name, (size_t)(tab - name));
        if (m->tag_upos[t] == UPOS_NONE)
            return fail(m, err, TERN_EFORMAT, path, "model tag has an unknown UPOS");
        m->tag_xpos[t] = tab + 1;
        m->tag_xpos_hash[t] = feature_hash_string(tab + 1, strlen(tab + 1));
    }
    m->root_label = UINT32_MAX;
    for (uint32_t l = 0; l < m->n_labels; l++) {
        m->label_names[l] = model_strings_get(labels->data, l);
        m->label_rel[l] = (uint8_t)ud_rel_from_name(m->label_names[l], strlen(m->label_names[l]));
        if (strcmp(m->label_names[l], "root") == 0) m->root_label = l;
    }
    if (m->root_label == UINT32_MAX)
        return fail(m, err, TERN_EFORMAT, path, "model has no root label");
    if ((why = feature_table_view(tagger->data, tagger->size, &m->tagger)) ||
        (why = feature_table_view(tagdict->data, tagdict->size, &m->tagdict)) ||
        (why = feature_table_view(parser->data, parser->size, &m->parser)))
        return fail(m, err, TERN_EFORMAT, path, why);
    if (m->tagger.n_classes != m->n_tags || m->tagdict.n_classes != m->n_tags ||
        m->parser.n_classes != parse_classes(m->n_labels))
        return fail(m, err, TERN_EFORMAT, path, "model weights do not match its tags and labels");
    const model_section *meta = model_file_section(f, MODEL_SECTION_META);
    snprintf(m->description, sizeof m->description, "%u tags, %u labels, %zu bytes%s%.*s",
             m->n_tags, m->n_labels, f->size, meta ? "; " : "",
             meta ? (int)(meta->size < 300 ? meta->size : 300) : 0,
             meta ? (const char *)meta->data : "");
    for (char *c = m->description; *c; c++)
        if (*c == '\n') *c = ' ';
    return TERN_OK;
}

tern_status syntax_model_load(const char *path, syntax_model **out, tern_error *err)
{
    *out = NULL;
    if (!path) path = syntax_default_model_path();
    syntax_model *m = calloc(1, sizeof *m);
    if (!m) {
        error_set(err, TERN_ENOMEM, "out of memory");
        return TERN_ENOMEM;
    }
    tern_status st = model_file_open(path, &m->file, err);
    if (st != TERN_OK) {
        free(m);
        return st;
    }
    st = load_tables(m, path, err);
    if (st == TERN_OK) *out = m;
    return st;
}

tern_status syntax_model_from_memory(const void *data, size_t size, unsigned flags,
                                     syntax_model **out, tern_error *err)
{
    *out = NULL;
    syntax_model *m = calloc(1, sizeof *m);
    if (!m) {
        error_set(err, TERN_ENOMEM, "out of memory");
        return TERN_ENOMEM;
    }
    tern_status st = model_file_from_memory(data, size, flags, "model", &m->file, err);
    if (st != TERN_OK) {
        free(m);
        return st;
    }
    st = load_tables(m, "model", err);
    if (st == TERN_OK) *out = m;
    return st;
}

void syntax_model_free(syntax_model *m)
{
    if (!m) return;
    model_file_close(&m->file);
    free(m->tag_upos);
    free(m->tag_xpos);
    free(m->tag_xpos_hash);
    free(m->label_names);
    free(m->label_rel);
    free(m);
}

size_t syntax_model_bytes(const syntax_model *m)
{
    return m->file.size;
}

const char *syntax_model_description(const syntax_model *m)
{
    return m->description;
}

/* ---- Analysis ---------------------------------------------------------------------------- */

static word_info *words_of(const syntax_sentence *s, arena *a)
{
    word_info *w = arena_alloc(a, (s->n ? s->n : 1) * sizeof *w);
    for (uint32_t i = 0; i < s->n; i++)
        word_info_fill(&w[i], s->tokens[i].form, strlen(s->tokens[i].form), i == 0);
    return w;
}

static int tag_of(const syntax_model *m, unsigned upos, const char *xpos)
{
    for (uint32_t t = 0; t < m->n_tags; t++)
        if (m->tag_upos[t] == upos && m->tag_xpos[t] && !strcmp(m->tag_xpos[t], xpos))
            return (int)t;
    return -1;
}

/* "I express firm support", "We welcome the decision": right after a subject pronoun that
 * takes the plain present, a singular noun, an adjective or an adverb with a verb of the same
 * spelling is that verb when no verb follows it ("we still believe" keeps its adverb). The
 * tagger, reading "express" as an adverb, sends the parser down a wrong tree. */
static void verb_after_subject_pronoun(const syntax_model *m, syntax_sentence *s,
                                       const word_info *w)
{
    int vbp = -1;
    for (uint32_t i = 1; i < s->n; i++) {
        syntax_token *t = &s->tokens[i];
        const char *p = s->tokens[i - 1].form;
        if (strcmp(t->xpos, "NN") && strcmp(t->xpos, "JJ") && strcmp(t->xpos, "RB")) continue;
        if (i + 1 < s->n &&
            (!strncmp(s->tokens[i + 1].xpos, "VB", 2) || !strcmp(s->tokens[i + 1].xpos, "MD")))
            continue;
        if (strcmp(p, "I") && strcasecmp(p, "we") && strcasecmp(p, "they")) continue;
        if (!word_is_lemma(&w[i], LEX_VERB)) continue;
        if (vbp < 0 && (vbp = tag_of(m, UPOS_VERB, "VBP")) < 0) return;
        t->tag = (uint16_t)vbp;
        t->upos = m->tag_upos[vbp];
        t->xpos = m->tag_xpos[vbp];
    }
}

static void tag_with(const syntax_model *m, syntax_sentence *s, const word_info *w, arena *a)
{
    uint64_t *amb = arena_alloc(a, (s->n ? s->n : 1) * sizeof *amb);
    uint16_t *tags = arena_alloc(a, (s->n ? s->n : 1) * sizeof *tags);
    tagger_tag(&m->tagger, &m->tagdict, w, s->n, amb, tags);
    for (uint32_t i = 0; i < s->n; i++) {
        syntax_token *t = &s->tokens[i];
        t->tag = tags[i];
        t->upos = m->tag_upos[tags[i]];
        t->xpos = m->tag_xpos[tags[i]];
    }
    verb_after_subject_pronoun(m, s, w);
}

static void parse_with(const syntax_model *m, syntax_sentence *s, const word_info *w, arena *a)
{
    uint32_t n = s->n;
    parse_word *pw = arena_alloc(a, (n + 1) * sizeof *pw);
    uint32_t *head = arena_alloc(a, (n + 1) * sizeof *head);
    uint16_t *label = arena_alloc(a, (n + 1) * sizeof *label);
    pw[0] = (parse_word){FEATURE_ROOT, FEATURE_ROOT, FEATURE_ROOT, FEATURE_ROOT, 0};
    for (uint32_t i = 0; i < n; i++) {
        const syntax_token *t = &s->tokens[i];
        pw[i + 1].word = w[i].word;
        /* Tags the model gave have their hash ready; gold tags (eval-parse) are hashed. */
        if (t->tag < m->n_tags && t->xpos == m->tag_xpos[t->tag])
            pw[i + 1].tag = m->tag_xpos_hash[t->tag];
        else
            pw[i + 1].tag =
                t->xpos ? feature_hash_string(t->xpos, strlen(t->xpos)) : (uint64_t)FEATURE_NONE;
        pw[i + 1].upos = t->upos;
        pw[i + 1].classes = w[i].classes;
    }
    parse_words_finish(pw, n);
    parser_parse(&m->parser, m->root_label, pw, n, a, head, label);
    for (uint32_t i = 0; i < n; i++) {
        syntax_token *t = &s->tokens[i];
        t->head = head[i + 1];
        t->deprel = m->label_names[label[i + 1]];
        t->rel = m->label_rel[label[i + 1]];
    }
}

void syntax_tag(const syntax_model *m, syntax_sentence *s, arena *a)
{
    if (!s->n) return;
    tag_with(m, s, words_of(s, a), a);
}

void syntax_parse(const syntax_model *m, syntax_sentence *s, arena *a)
{
    if (!s->n) return;
    parse_with(m, s, words_of(s, a), a);
}

/* A title ("Russia Accuses Ukraine Of ...") capitalizes most words after the first. */
static int is_title_case(const syntax_sentence *s)
{
    uint32_t words = 0, capitalized = 0;
    for (uint32_t i = 1; i < s->n; i++) {
        const char *f = s->tokens[i].form;
        int letter = 0;
        for (const char *c = f; *c && !letter; c++)
            letter = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z');
        if (!letter) continue;
        words++;
        capitalized += f[0] >= 'A' && f[0] <= 'Z';
    }
    return words >= 2 && capitalized * 2 > words;
}

void syntax_lemmatize(syntax_sentence *s, arena *a)
{
    char buf[512];
    unsigned title = is_title_case(s) ? LEMMA_TITLE_CASE : 0;
    for (uint32_t i = 0; i < s->n; i++) {
        syntax_token *t = &s->tokens[i];
        size_t len = strlen(t->form);
        size_t k = lemma_of(t->form, len, (ud_upos)t->upos, t->xpos,
                            title | (i == 0 ? LEMMA_SENTENCE_START : 0), buf, sizeof buf);
        t->lemma =
            (k == len && memcmp(buf, t->form, len) == 0) ? t->form : arena_strndup(a, buf, k);
    }
}

void syntax_analyze(const syntax_model *m, const syntax_word *words, size_t n, arena *a,
                    syntax_sentence *out)
{
    out->n = (uint32_t)n;
    out->tokens = arena_zalloc(a, (n ? n : 1) * sizeof *out->tokens);
    for (size_t i = 0; i < n; i++) {
        syntax_token *t = &out->tokens[i];
        t->form = arena_strndup(a, words[i].text, words[i].len);
        t->start = words[i].start;
        t->end = words[i].end;
    }
    if (!n) return;
    word_info *w = words_of(out, a);
    tag_with(m, out, w, a);
    syntax_lemmatize(out, a);
    parse_with(m, out, w, a);
}
