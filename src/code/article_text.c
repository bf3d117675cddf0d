/*
 * article_text: raw news to events. The text module cleans the article and splits it into
 * sentences and tokens (with flags: headline, caption, quotation; and each sentence's event
 * date); tern's own tagger and parser analyse each sentence; the dependency tree becomes frames
 * and the coder codes them with the article's context (speakers, names met earlier).
 *
 * A dateline ("KYIV, March 2 (Reuters) -") is metadata, not a sentence's words: tokens inside
 * it are left out of the parse. Discards apply per sentence as with PETR input.
 */
#include "code/article.h"

#include "base/error.h"
#include "syntax/dependency.h"
#include "syntax/tagset.h"
#include "syntax/tree_frames.h"

#include <stdio.h>
#include <string.h>

/* Parses one sentence's tokens into a dependency sentence for the frame builder. Returns the
 * number of tokens parsed (0 when the sentence has no words outside the dateline). */
static uint32_t parse_sentence(const syntax_model *model, const document *doc, const sentence *s,
                               arena *ar, dep_sentence *out, uint8_t **quoted)
{
    syntax_word *words = arena_array(ar, syntax_word, s->n_tokens + 1);
    uint8_t *q = arena_array(ar, uint8_t, s->n_tokens + 1);
    uint32_t n = 0;
    for (uint32_t k = 0; k < s->n_tokens; k++) {
        uint32_t t = s->first_token + k;
        const token *tok = &doc->tokens[t];
        if (doc->dateline_end > doc->dateline_start && tok->start >= doc->dateline_start &&
            tok->end <= doc->dateline_end)
            continue;
        size_t len;
        const char *form = document_token_form(doc, t, &len);
        words[n] = (syntax_word){form, (uint32_t)len, tok->start, tok->end};
        q[n] = (tok->flags & TOKEN_QUOTED) != 0;
        n++;
    }
    *quoted = q;
    if (!n) return 0;
    syntax_sentence ss;
    syntax_analyze(model, words, n, ar, &ss);
    out->n_tokens = ss.n;
    out->tokens = arena_array(ar, dep_token, ss.n + 1);
    for (uint32_t i = 0; i < ss.n; i++) {
        const syntax_token *t = &ss.tokens[i];
        out->tokens[i] = (dep_token){t->form,
                                     t->lemma,
                                     ud_upos_name((ud_upos)t->upos),
                                     t->xpos,
                                     t->deprel,
                                     (int32_t)t->head,
                                     t->start == SYNTAX_NO_OFFSET ? 0 : t->start,
                                     t->end == SYNTAX_NO_OFFSET ? 0 : t->end};
    }
    return n;
}

int sentence_to_frames(const syntax_model *model, const document *doc, const sentence *s,
                       const code_options *co, arena *ar, coding_sentence *out, uint8_t **quoted)
{
    dep_sentence dep;
    if (!parse_sentence(model, doc, s, ar, &dep, quoted)) return 0;
    ptb_tree tree;
    tern_error err = {0};
    if (dependency_to_tree(&dep, ar, &tree, &err) != TERN_OK) return -1;
    frame_options fo = {co->commas, 1};
    frames_from_tree(&tree, &fo, ar, out, &err);
    return 1;
}

/* Does the sentence's date expression (bytes [from, to)) belong to frame f? It does when
 * its words are in f's verb phrase or before it in f's clause, and not inside an actor phrase
 * or another verb's phrase: "invaded in February 2022" in a relative clause does not date the
 * accusation of its sentence. */
static int date_belongs(const coding_sentence *cs, const frame *f, uint32_t from, uint32_t to)
{
    int other_vp = 0;
    /* The clause: back from the verb phrase to the nearest enclosing S. */
    uint32_t start = 0;
    int depth = 0;
    for (uint32_t i = f->open_item; i > 0; i--) {
        const sentence_item *it = &cs->items[i - 1];
        if (it->kind == ITEM_CLOSE)
            depth++;
        else if (it->kind == ITEM_OPEN && depth)
            depth--;
        else if (it->kind == ITEM_OPEN && !strcmp(it->label, "S")) {
            start = i - 1;
            break;
        }
    }
    int32_t open_ne = -1;
    for (uint32_t i = start; i <= f->close_item && i < cs->n_items; i++) {
        const sentence_item *it = &cs->items[i];
        if (it->kind == ITEM_NE_OPEN) {
            open_ne = (int32_t)i;
        } else if (it->kind == ITEM_NE_CLOSE) {
            open_ne = -1;
        } else if (it->kind == ITEM_OPEN && !strcmp(it->label, "VP") && i > f->open_item) {
            other_vp++;
        } else if (it->kind == ITEM_CLOSE && !strcmp(it->label, "VP") && other_vp &&
                   i != f->close_item) {
            other_vp--;
        } else if (it->kind == ITEM_WORD) {
            const sentence_token *t = &cs->tokens[it->value];
            if (!(t->start >= from && t->end <= to && t->end > t->start)) continue;
            if (other_vp) return 0;
            /* A phrase that is just the date ("on Friday") is fine; the date inside a larger
             * phrase ("Ukraine, which it invaded in 2022") dates something else. */
            if (open_ne >= 0)
                for (uint32_t k = (uint32_t)open_ne + 1;
                     k < cs->n_items && cs->items[k].kind != ITEM_NE_CLOSE; k++) {
                    const sentence_item *w = &cs->items[k];
                    if (w->kind != ITEM_WORD) continue;
                    const sentence_token *wt = &cs->tokens[w->value];
                    if (wt->start < from || wt->end > to) return 0;
                }
            return 1;
        }
    }
    return 0;
}

tern_status article_code_document(const tern_coder *c, tern_article *a, const article *in,
                                  const analyze_options *ao, const tern_options *o, tern_error *err)
{
    if (!c->model) {
        error_set(err, TERN_EUSAGE,
                  "coding raw text needs the parser model (tern_coder_load_model)");
        return TERN_EUSAGE;
    }
    if (!a->analyzer && !(a->analyzer = text_analyzer_new())) {
        error_set(err, TERN_ENOMEM, "out of memory");
        return TERN_ENOMEM;
    }
    tern_article_begin(a, NULL);
    document doc;
    tern_status rc = document_analyze(a->analyzer, in, ao, &doc, &a->arena, err);
    if (rc != TERN_OK) return rc;
    document_article_info(&doc, &a->info);
    code_options co;
    options_to_code(o, &co);
    /* PETRARCH's comma rules cut a final ", officials said" so the first actor of the
     * sentence is not taken for the source; raw news finds each verb's own subject instead,
     * and needs that clause: it names the speaker. */
    co.commas = (comma_options){0};
    code_context ctx = {NULL, &a->names, NULL};
    if (doc.dateline) ctx.home = place_state(c->dict, doc.dateline, doc.date, &a->arena);
    /* A story full of one uncodable topic's words (a match report, a film review) is dropped
     * before any sentence is coded. */
    topic_cues cues = {0};
    for (uint32_t i = 0; i < doc.n_sentences && !a->counts.story_discarded; i++)
        if (topic_cues_add(c->dict, &cues, document_sentence_text(&doc, i, &a->arena), &a->arena))
            a->counts.story_discarded = 1;
    for (uint32_t i = 0; i < doc.n_sentences; i++) {
        const sentence *s = &doc.sentences[i];
        tern_sentence_info si;
        document_sentence_info(&doc, i, &a->arena, &si);
        uint32_t index = article_add_sentence(a, si.text, si.start, si.end, si.flags, si.event_date,
                                              si.date_resolution);
        if (a->counts.story_discarded) {
            a->counts.discarded++;
            continue;
        }
        discard_kind dk = discard_check(c->dict, si.text, NULL);
        if (dk != DISCARD_NONE) {
            a->counts.discarded++;
            if (dk == DISCARD_STORY) {
                a->counts.story_discarded = 1;
                a->pending.len = 0;
            }
            continue;
        }
        uint8_t *quoted;
        coding_sentence cs;
        int parsed = sentence_to_frames(c->model, &doc, s, &co, &a->arena, &cs, &quoted);
        if (parsed <= 0) {
            if (parsed < 0) a->counts.unparsed++;
            continue;
        }
        ctx.quoted = quoted;
        sentence_coding sc;
        /* Actors are resolved on the publication date; each event gets the date its own
         * clause gives, else the publication date (unresolved). */
        event_date published = {doc.date, TERN_DATE_UNRESOLVED};
        code_sentence(c->dict, &cs, doc.date ? doc.date : si.event_date, &co, &ctx, &a->arena, &sc);
        a->counts.coded++;
        if (a->keep_traces) {
            sentence_trace t = {index, arena_memdup(&a->arena, &cs, sizeof cs),
                                arena_memdup(&a->arena, &sc, sizeof sc)};
            vec_push(&a->traces, t);
        }
        event_date *dates = arena_array(&a->arena, event_date, sc.n_events + 1);
        for (uint32_t e = 0; e < sc.n_events; e++) {
            const frame *f = &cs.frames[sc.events[e].frame];
            int own = si.date_resolution != TERN_DATE_UNRESOLVED &&
                      date_belongs(&cs, f, s->date_start, s->date_end);
            dates[e] = own ? (event_date){si.event_date, si.date_resolution} : published;
        }
        article_add_events(c, a, index, NULL, published, dates, si.flags, si.text, &cs, &sc);
    }
    tern_article_finish(c, a);
    return TERN_OK;
}

tern_status tern_article_code_text(const tern_coder *c, tern_article *a, const tern_text_input *in,
                                   int32_t default_date, const tern_options *o, tern_error *err)
{
    if (!in->text) {
        error_set(err, TERN_EUSAGE, "article has no text");
        return TERN_EUSAGE;
    }
    article art = {0};
    art.path = "-";
    art.line = 1;
    art.id = in->id ? in->id : "article";
    art.text = in->text;
    art.len = (uint32_t)in->len;
    art.title = in->title;
    art.date = in->date;
    art.url = in->url;
    art.outlet = in->outlet;
    analyze_options ao;
    analyze_options_default(&ao);
    ao.default_date = default_date;
    return article_code_document(c, a, &art, &ao, o, err);
}
