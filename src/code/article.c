/*
 * article: the public coding API (tern_coder, tern_article). A coder owns the frozen
 * dictionaries and the CAMEO table; an article owns an arena holding everything one article
 * produces: its sentences, the parse of each, the coded events, and the merged events handed
 * to writers. Reusing an article resets the arena, so memory is bounded by the largest
 * article, not by the input.
 */
#include "code/article.h"

#include "base/data_dir.h"
#include "base/error.h"
#include "base/vec.h"
#include "event/merge.h"
#include "syntax/dependency.h"
#include "syntax/tree_frames.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void tern_options_default(tern_options *o)
{
    code_options c;
    code_options_default(&c);
    o->require_dyad = c.require_dyad;
    o->new_actor_length = c.new_actor_length;
    o->comma_min = c.commas.min, o->comma_max = c.commas.max;
    o->comma_bmin = c.commas.bmin, o->comma_bmax = c.commas.bmax;
    o->comma_emin = c.commas.emin, o->comma_emax = c.commas.emax;
}

int tern_options_set(tern_options *o, const char *name, const char *value)
{
    static const struct {
        const char *name;
        size_t offset;
    } numbers[] = {
        {"new_actor_length", offsetof(tern_options, new_actor_length)},
        {"comma_min", offsetof(tern_options, comma_min)},
        {"comma_max", offsetof(tern_options, comma_max)},
        {"comma_bmin", offsetof(tern_options, comma_bmin)},
        {"comma_bmax", offsetof(tern_options, comma_bmax)},
        {"comma_emin", offsetof(tern_options, comma_emin)},
        {"comma_emax", offsetof(tern_options, comma_emax)},
    };
    if (!strcmp(name, "require_dyad")) {
        o->require_dyad = strcasecmp(value, "false") != 0 && strcmp(value, "0") != 0;
        return 1;
    }
    if (!strcmp(name, "stop_on_error")) return 1;
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        if (!strcmp(name, numbers[i].name)) {
            *(int *)((char *)o + numbers[i].offset) = atoi(value);
            return 1;
        }
    return 0;
}

void options_to_code(const tern_options *o, code_options *c)
{
    code_options_default(c);
    if (!o) return;
    c->require_dyad = o->require_dyad;
    c->new_actor_length = o->new_actor_length;
    c->commas = (comma_options){o->comma_min,  o->comma_max,  o->comma_bmin,
                                o->comma_bmax, o->comma_emin, o->comma_emax};
}

tern_coder *tern_coder_new(tern_dict *dict, const char *cameo_path, tern_error *err)
{
    if (!dict) {
        error_set(err, TERN_EUSAGE, "a coder needs dictionaries");
        return NULL;
    }
    if (tern_dict_freeze(dict, err) != TERN_OK) return NULL;
    char path[4096];
    if (!cameo_path) {
        snprintf(path, sizeof path, "%s/cameo/cameo_codes.tsv", data_dir());
        cameo_path = path;
    }
    cameo_table *cameo = cameo_table_load(cameo_path, err);
    if (!cameo) return NULL;
    tern_coder *c = calloc(1, sizeof *c);
    if (!c) {
        cameo_table_free(cameo);
        error_set(err, TERN_ENOMEM, "out of memory");
        return NULL;
    }
    c->dict = dict;
    c->cameo = cameo;
    return c;
}

tern_status tern_coder_load_model(tern_coder *c, const char *path, tern_error *err)
{
    if (c->model) return TERN_OK;
    return syntax_model_load(path, &c->model, err);
}

void tern_coder_free(tern_coder *c)
{
    if (!c) return;
    syntax_model_free(c->model);
    tern_dict_free(c->dict);
    cameo_table_free(c->cameo);
    free(c);
}

const tern_dict *tern_coder_dict(const tern_coder *c)
{
    return c->dict;
}

tern_article *tern_article_new(void)
{
    tern_article *a = calloc(1, sizeof *a);
    if (a) arena_init(&a->arena, 256 * 1024);
    return a;
}

void tern_article_free(tern_article *a)
{
    if (!a) return;
    vec_free(&a->sentences);
    vec_free(&a->pending);
    vec_free(&a->traces);
    text_analyzer_free(a->analyzer);
    arena_release(&a->arena);
    free(a);
}

static const char *copy(arena *ar, const char *s)
{
    return s ? arena_strdup(ar, s) : NULL;
}

void tern_article_begin(tern_article *a, const tern_article_info *info)
{
    arena_reset(&a->arena);
    a->sentences.len = 0;
    a->pending.len = 0;
    a->traces.len = 0;
    a->merged = NULL;
    a->n_merged = 0;
    memset(&a->counts, 0, sizeof a->counts);
    a->problem = NULL;
    memset(&a->names, 0, sizeof a->names);
    memset(&a->cues, 0, sizeof a->cues);
    memset(&a->info, 0, sizeof a->info);
    if (info) {
        a->info = *info;
        a->info.id = copy(&a->arena, info->id);
        a->info.outlet = copy(&a->arena, info->outlet);
        a->info.wire = copy(&a->arena, info->wire);
        a->info.url = copy(&a->arena, info->url);
        a->info.title = copy(&a->arena, info->title);
    }
}

/* A <Parse> is a Penn Treebank bracketing or CoNLL-U token lines. */
static tern_status read_parse(const char *parse, arena *ar, ptb_tree *tree, tern_error *err)
{
    const char *p = parse;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p == '(') return treebank_parse(parse, strlen(parse), ar, tree, err);
    dep_sentence dep;
    tern_status rc = conllu_read_sentence(parse, strlen(parse), ar, &dep, err);
    if (rc) return rc;
    return dependency_to_tree(&dep, ar, tree, err);
}

tern_status article_parse_to_frames(const char *parse, const code_options *o, arena *ar,
                                    coding_sentence *s, const char **problem)
{
    tern_error err = {0};
    ptb_tree tree;
    if (!parse || read_parse(parse, ar, &tree, &err) != TERN_OK) {
        *problem = parse ? arena_strdup(ar, err.message) : "no parse";
        return TERN_EFORMAT;
    }
    frame_options fo = {o->commas, 0};
    frames_from_tree(&tree, &fo, ar, s, &err);
    if (s->dateline) {
        *problem = "dateline";
        return TERN_EFORMAT;
    }
    return TERN_OK;
}

static const char *verb_words(arena *ar, const coding_sentence *s, const coded_event *e)
{
    return arena_strdup(ar, s->tokens[e->verb].word);
}

void article_add_events(const tern_coder *c, tern_article *a, uint32_t sentence_index,
                        const char *sentence_id, event_date date, const event_date *dates,
                        uint32_t sentence_flags, const char *text, const coding_sentence *s,
                        const sentence_coding *sc)
{
    if (!sc->n_events) return;
    arena *ar = &a->arena;
    const char *issues = issues_scan(c->dict, text, ar);
    const tern_sentence_info *si = &a->sentences.items[sentence_index];
    for (uint32_t i = 0; i < sc->n_events; i++) {
        const coded_event *ce = &sc->events[i];
        tern_event e = {0};
        e.article_id = a->info.id;
        e.date = dates ? dates[i].date : date.date;
        e.date_resolution = dates ? dates[i].resolution : date.resolution;
        e.source = ce->source;
        e.target = ce->target;
        e.source_text = ce->source_text;
        e.target_text = ce->target_text;
        snprintf(e.code, sizeof e.code, "%s", ce->code);
        cameo_info info;
        cameo_describe(c->cameo, ce->code, &info);
        e.code_name = info.name;
        memcpy(e.root, info.root, sizeof info.root);
        e.quad_class = info.quad_class;
        e.goldstein = info.goldstein;
        /* Quoted is decided per verb by the coder; a sentence merely containing a quotation
         * does not make its events quoted. */
        e.flags = (sentence_flags & (TERN_FLAG_HEADLINE | TERN_FLAG_CAPTION)) | ce->flags;
        e.issues = issues;
        e.speaker = ce->speaker;
        e.mentions = 1;
        tern_evidence *ev = arena_new(ar, tern_evidence);
        ev->sentence = sentence_index;
        ev->start = si->start;
        ev->end = si->end;
        const sentence_token *vt = &s->tokens[ce->verb];
        ev->verb_start = vt->start;
        ev->verb_end = vt->end;
        ev->sentence_id = sentence_id;
        ev->verb_text = verb_words(ar, s, ce);
        ev->source_text = ce->source_text;
        ev->target_text = ce->target_text;
        if (ce->pattern) {
            ev->dict_file = ce->pattern->source.file;
            ev->dict_line = ce->pattern->source.line;
        } else if (ce->verb_form) {
            ev->dict_file = ce->verb_form->source.file;
            ev->dict_line = ce->verb_form->source.line;
        }
        e.evidence = ev;
        e.n_evidence = 1;
        vec_push(&a->pending, e);
    }
}

uint32_t article_add_sentence(tern_article *a, const char *text, uint32_t start, uint32_t end,
                              uint32_t flags, int32_t date, tern_date_resolution resolution)
{
    tern_sentence_info si = {(uint32_t)a->sentences.len,
                             copy(&a->arena, text ? text : ""),
                             start,
                             end,
                             flags,
                             date,
                             resolution};
    vec_push(&a->sentences, si);
    a->counts.sentences++;
    return si.index;
}

tern_status tern_article_code_parsed(const tern_coder *c, tern_article *a, const char *sentence_id,
                                     int32_t date, const char *text, const char *parse,
                                     const tern_options *o, tern_error *err)
{
    (void)err;
    a->problem = NULL;
    if (!a->info.date && date) a->info.date = date;
    tern_date_resolution res = date ? TERN_DATE_DAY : TERN_DATE_UNRESOLVED;
    uint32_t index = article_add_sentence(a, text, 0, 0, 0, date, res);
    if (a->counts.story_discarded) {
        a->counts.discarded++;
        a->problem = "story discarded";
        return TERN_OK;
    }
    discard_kind dk = discard_check(c->dict, text, NULL);
    if (topic_cues_add(c->dict, &a->cues, text, &a->arena)) dk = DISCARD_STORY;
    if (dk == DISCARD_STORY) {
        a->counts.story_discarded = 1;
        a->counts.discarded++;
        a->pending.len = 0; /* a story discard drops what the story has coded so far */
        a->problem = "story discarded";
        return TERN_OK;
    }
    if (dk == DISCARD_SENTENCE) {
        a->counts.discarded++;
        a->problem = "sentence discarded";
        return TERN_OK;
    }
    code_options co;
    options_to_code(o, &co);
    coding_sentence s;
    if (article_parse_to_frames(parse, &co, &a->arena, &s, &a->problem) != TERN_OK) {
        a->counts.unparsed++;
        return TERN_OK;
    }
    sentence_coding sc;
    code_sentence(c->dict, &s, date, &co, NULL, &a->arena, &sc);
    a->counts.coded++;
    article_add_events(c, a, index, copy(&a->arena, sentence_id), (event_date){date, res}, NULL, 0,
                       text, &s, &sc);
    return TERN_OK;
}

void tern_article_finish(const tern_coder *c, tern_article *a)
{
    (void)c;
    a->n_merged = event_merge(a->pending.items, a->pending.len, &a->arena, &a->merged);
}

size_t tern_article_events(const tern_article *a, const tern_event **events)
{
    *events = a->merged;
    return a->n_merged;
}

size_t tern_article_sentences(const tern_article *a, const tern_sentence_info **sentences)
{
    *sentences = a->sentences.items;
    return a->sentences.len;
}

const tern_article_info *tern_article_info_of(const tern_article *a)
{
    return &a->info;
}

void tern_article_get_counts(const tern_article *a, tern_article_counts *out)
{
    *out = a->counts;
}

const char *tern_article_last_problem(const tern_article *a)
{
    return a->problem;
}
