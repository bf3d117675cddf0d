/*
 * coder: frames to events (the contract is in coder.h). The clause around a verb is turned
 * into the two sequences patterns match against; actors come from the pattern or from the
 * first suitable phrase on each side; events are assembled with the paired, compound,
 * passive and dyad rules of the PETRARCH family.
 */
#include "code/coder.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void code_options_default(code_options *o)
{
    o->require_dyad = 1;
    o->new_actor_length = 0;
    comma_options_default(&o->commas);
}

/* ---- Sentence state ----------------------------------------------------------------------- */

typedef struct coder_run {
    const tern_dict *d;
    const coding_sentence *s;
    const code_options *o;
    const code_context *ctx;
    arena *a;
    const char **frame_speaker; /* speech frames: who speaks; NULL elsewhere */
    const char *speaker;        /* the sentence's speaker (of an unquoted speech verb) */
    atom *token_atoms;
    const char **phrase_code;  /* NULL = no actor */
    const char **unplaced;     /* raw news: a placed agent's code before placing, else NULL */
    const char **phrase_text;  /* words as written */
    const char **phrase_upper; /* words upper-cased */
    seq_entry *upper, *lower;
    uint32_t n_upper, n_lower;
    seq_entry *scratch; /* sequences built while the current frame's are in use */
    struct {
        coded_event *items;
        size_t len, cap;
    } events;
} coder_run;

static int deleted(const noun_phrase *p)
{
    return p->open_item == UINT32_MAX;
}

static int punctuation_word(const char *w)
{
    for (; *w; w++)
        if (isalnum((unsigned char)*w) || (unsigned char)*w >= 0x80) return 0;
    return 1;
}

/* The phrase's words joined by spaces; the display form (not upper) leaves out punctuation at
 * its edges (", North Korea" from a parse that hung the comma on the name). */
static const char *join_phrase(coder_run *r, const noun_phrase *p, int upper)
{
    uint32_t lo = p->open_item + 1, hi = p->close_item;
    if (!upper) {
        const sentence_item *items = r->s->items;
        while (lo < hi && (items[lo].kind != ITEM_WORD ||
                           punctuation_word(r->s->tokens[items[lo].value].word)))
            lo++;
        while (hi > lo && (items[hi - 1].kind != ITEM_WORD ||
                           punctuation_word(r->s->tokens[items[hi - 1].value].word)))
            hi--;
    }
    size_t len = 0;
    for (uint32_t i = lo; i < hi; i++) {
        const sentence_item *it = &r->s->items[i];
        if (it->kind != ITEM_WORD) continue;
        const sentence_token *t = &r->s->tokens[it->value];
        len += strlen(upper ? t->upper : t->word) + 1;
    }
    char *out = arena_alloc(r->a, len + 1);
    size_t at = 0;
    for (uint32_t i = lo; i < hi; i++) {
        const sentence_item *it = &r->s->items[i];
        if (it->kind != ITEM_WORD) continue;
        const sentence_token *t = &r->s->tokens[it->value];
        const char *w = upper ? t->upper : t->word;
        if (at) out[at++] = ' ';
        size_t n = strlen(w);
        memcpy(out + at, w, n);
        at += n;
    }
    out[at] = '\0';
    return out;
}

/* ---- Names and speakers (raw news) ----------------------------------------------------- */

static int quoted(const coder_run *r, uint32_t token);
static const char *frame_speaker_of(const coder_run *r, uint32_t fi);
static int frame_alleged(const coder_run *r, uint32_t fi);

static int word_in(const char *w, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
}

static const char *const speech_verbs[] = {
    "SAY",  "TELL",    "ADD",    "STATE", "DECLARE",   "ANNOUNCE",  "WRITE",     "INSIST", "STRESS",
    "NOTE", "EXPLAIN", "REPORT", "TWEET", "REITERATE", "EMPHASIZE", "EMPHASISE", NULL};
static const char *const hedge_verbs[] = {"ACCUSE", "ALLEGE", "SUSPECT", NULL};
static const char *const hedge_adverbs[] = {"ALLEGEDLY", "REPORTEDLY", "PURPORTEDLY", "SUPPOSEDLY",
                                            NULL};
/* Nouns whose content clause is a claim, not a fact: "amid suspicions that Pyongyang
 * provided munitions". */
static const char *const hedge_nouns[] = {
    "SUSPICION", "SUSPICIONS", "ALLEGATION", "ALLEGATIONS", "ACCUSATION", "ACCUSATIONS", "CLAIM",
    "CLAIMS",    "RUMOR",      "RUMORS",     "RUMOUR",      "RUMOURS",    NULL};
static const char *const first_person[] = {"I", "WE", "ME", "US", NULL};
static const char *const first_person_possessive[] = {"MY", "OUR", NULL};

static const char *verb_lemma(const coder_run *r, uint32_t token)
{
    const sentence_token *t = &r->s->tokens[token];
    return t->lemma ? t->lemma : t->upper;
}

static int proper_noun(const sentence_token *t)
{
    return t->tag && !strncmp(t->tag, "NNP", 3);
}

static const char *names_find(const name_memory *m, const char *word)
{
    for (uint32_t i = m->n; i > 0; i--)
        if (!strcmp(m->words[i - 1], word)) return m->codes[i - 1];
    return NULL;
}

static void names_add(arena *a, name_memory *m, const char *word, const char *code)
{
    if (m->n == m->cap) {
        uint32_t cap = m->cap ? 2 * m->cap : 16;
        const char **w = arena_array(a, const char *, cap);
        const char **c = arena_array(a, const char *, cap);
        if (m->n) {
            memcpy(w, m->words, m->n * sizeof *w);
            memcpy(c, m->codes, m->n * sizeof *c);
        }
        m->words = w, m->codes = c, m->cap = cap;
    }
    m->words[m->n] = word;
    m->codes[m->n] = code;
    m->n++;
}

/* Can word w, alone, stand for a name it starts? Not when it starts the name of a country or
 * territory (a bare three-letter code): "Kim" starts only people and bodies, "North" starts
 * "North Korea", so "the North" is not learnt from it. */
static int names_no_country(const tern_dict *d, atom w)
{
    uint32_t n;
    const uint32_t *cand = word_index_find(&d->actor_index, d->indexed_atoms, w, &n);
    if (n == 0) return 1;
    for (uint32_t i = 0; i < n; i++) {
        const actor_block *b = &d->actor_blocks.items[d->actors.items[cand[i]].block];
        for (uint32_t k = 0; k < b->n_roles; k++)
            if (strlen(d->roles.items[b->first_role + k].code) <= 3) return 0;
    }
    return 1;
}

/* A proper name of two or more words that named an actor teaches its last word (the surname)
 * and the first word of its name ("Kim" of "North Korean leader Kim Jong-un", "Vladimir" of
 * "President Vladimir Putin"): the closing run of proper nouns after any title. */
static void learn_name(coder_run *r, const uint32_t *tokens, const uint32_t *span, const char *code)
{
    if (!r->ctx || !r->ctx->names || span[1] - span[0] < 2 || !code || !strncmp(code, "---", 3))
        return;
    const sentence_token *last = &r->s->tokens[tokens[span[1] - 1]];
    if (!proper_noun(last)) return;
    names_add(r->a, r->ctx->names, last->upper, code);
    uint32_t i = span[1] - 1;
    while (i > span[0] && proper_noun(&r->s->tokens[tokens[i - 1]])) i--;
    for (; i + 1 < span[1]; i++) {
        const sentence_token *t = &r->s->tokens[tokens[i]];
        atom w = atom_find(r->d->words, t->upper, strlen(t->upper));
        uint32_t agents;
        word_index_find(&r->d->agent_index, r->d->indexed_atoms, w, &agents);
        if (agents) continue; /* a title: "President" */
        if (names_no_country(r->d, w)) names_add(r->a, r->ctx->names, t->upper, code);
        return;
    }
}

/* An uncoded phrase of one to three proper nouns (a determiner aside) that the article has
 * named before. */
static const char *recall_name(coder_run *r, const uint32_t *tokens, uint32_t n)
{
    if (!r->ctx || !r->ctx->names || n == 0 || n > 4) return NULL;
    const char *found = NULL;
    for (uint32_t i = 0; i < n; i++) {
        const sentence_token *t = &r->s->tokens[tokens[i]];
        if (t->tag && (!strcmp(t->tag, "DT") || !strcmp(t->tag, "POS"))) continue;
        if (!proper_noun(t)) return NULL;
        const char *c = names_find(r->ctx->names, t->upper);
        if (c) found = c;
    }
    return found;
}

static void code_phrases(coder_run *r, int32_t date)
{
    const coding_sentence *s = r->s;
    r->phrase_code = arena_array(r->a, const char *, s->n_phrases + 1);
    r->phrase_text = arena_array(r->a, const char *, s->n_phrases + 1);
    r->phrase_upper = arena_array(r->a, const char *, s->n_phrases + 1);
    atom *words = arena_array(r->a, atom, s->n_items + 1);
    uint32_t *tokens = arena_array(r->a, uint32_t, s->n_items + 1);
    for (uint32_t k = 0; k < s->n_phrases; k++) {
        const noun_phrase *p = &s->phrases[k];
        if (deleted(p)) continue;
        uint32_t n = 0;
        for (uint32_t i = p->open_item + 1; i < p->close_item; i++)
            if (s->items[i].kind == ITEM_WORD) {
                tokens[n] = s->items[i].value;
                words[n++] = r->token_atoms[s->items[i].value];
            }
        uint32_t span[2];
        const char *code = actor_match_phrase(r->d, words, n, date, r->a, span, r->ctx != NULL);
        if (code)
            learn_name(r, tokens, span, code);
        else
            code = recall_name(r, tokens, n);
        r->phrase_code[k] = code;
        r->phrase_text[k] = join_phrase(r, p, 0);
        r->phrase_upper[k] = join_phrase(r, p, 1);
    }
}

/* ---- Clause sequences --------------------------------------------------------------------- */

static int to_seq(const coder_run *r, const sentence_item *it, int flip, seq_entry *e)
{
    switch (it->kind) {
    case ITEM_WORD:
        *e = (seq_entry){SEQ_WORD, r->token_atoms[it->value], it->value};
        return 1;
    case ITEM_NE_OPEN:
        *e = (seq_entry){flip ? SEQ_NE_CLOSE : SEQ_NE_OPEN, 0, it->value};
        return 1;
    case ITEM_NE_CLOSE:
        *e = (seq_entry){flip ? SEQ_NE_OPEN : SEQ_NE_CLOSE, 0, it->value};
        return 1;
    case ITEM_NEC_OPEN:
        *e = (seq_entry){flip ? SEQ_NEC_CLOSE : SEQ_NEC_OPEN, 0, it->value};
        return 1;
    case ITEM_NEC_CLOSE:
        *e = (seq_entry){flip ? SEQ_NEC_OPEN : SEQ_NEC_CLOSE, 0, it->value};
        return 1;
    default:
        return 0;
    }
}

/* lower: after `last` up to the close of the verb phrase; upper: before `first` back to the
 * start of the sentence or the nearest comma. */
static void build_sequences(coder_run *r, const frame *f, uint32_t first, uint32_t last)
{
    const sentence_item *items = r->s->items;
    r->n_lower = 0;
    for (uint32_t i = last + 1; i < f->close_item; i++)
        if (to_seq(r, &items[i], 0, &r->lower[r->n_lower])) r->n_lower++;
    r->n_upper = 0;
    for (uint32_t i = first; i > 0; i--) {
        const sentence_item *it = &items[i - 1];
        if (it->kind == ITEM_CLOSE && !strcmp(it->label, ",")) break;
        if (to_seq(r, it, 1, &r->upper[r->n_upper])) r->n_upper++;
    }
}

/* ---- Verbs -------------------------------------------------------------------------------- */

static int skippable(const char *upper)
{
    static const char *words[] = {"THE", "A",   "AN",   "IT",   "HE",  "THEY", "HER",
                                  "HAS", "HAD", "HAVE", "SOME", "FEW", "THAT", NULL};
    for (int i = 0; words[i]; i++)
        if (!strcmp(upper, words[i])) return 1;
    return 0;
}

/* Checks the words of a multi-word verb around the verb item; on success sets the items of
 * its first and last word. */
static int multiword_fits(const coder_run *r, const verb_form *f, uint32_t verb_item,
                          uint32_t *first, uint32_t *last)
{
    const sentence_item *items = r->s->items;
    const atom *after = r->d->pool_words.items + f->after;
    const atom *before = r->d->pool_words.items + f->before;
    uint32_t i = verb_item, k = 0;
    *last = verb_item;
    while (k < f->n_after) {
        if (++i >= r->s->n_items) return 0;
        if (items[i].kind != ITEM_WORD) continue;
        if (r->token_atoms[items[i].value] == after[k]) {
            *last = i;
            k++;
            continue;
        }
        if (skippable(r->s->tokens[items[i].value].upper)) continue;
        return 0;
    }
    i = verb_item;
    k = 0;
    *first = verb_item;
    while (k < f->n_before) {
        if (i == 0) return 0;
        i--;
        if (items[i].kind != ITEM_WORD) continue;
        if (r->token_atoms[items[i].value] == before[k]) {
            *first = i;
            k++;
            continue;
        }
        if (skippable(r->s->tokens[items[i].value].upper)) continue;
        return 0;
    }
    return 1;
}

static const verb_form *find_verb(const coder_run *r, const frame *f, uint32_t *first,
                                  uint32_t *last)
{
    atom w = r->token_atoms[f->verb];
    uint32_t count;
    const uint32_t *cand = word_index_find(&r->d->verb_index, r->d->indexed_atoms, w, &count);
    if (!count) {
        const char *lemma = r->s->tokens[f->verb].lemma;
        if (lemma) {
            w = atom_find(r->d->words, lemma, strlen(lemma));
            cand = word_index_find(&r->d->verb_index, r->d->indexed_atoms, w, &count);
        }
    }
    for (uint32_t c = 0; c < count; c++) {
        const verb_form *v = &r->d->verbs.items[cand[c]];
        if (v->n_after == 0 && v->n_before == 0) {
            *first = *last = f->verb_item;
            return v;
        }
        if (multiword_fits(r, v, f->verb_item, first, last)) return v;
    }
    return NULL;
}

/* ---- Actors ------------------------------------------------------------------------------- */

typedef struct actor_list {
    const char *codes[64];
    const char *texts[64];
    int n;
} actor_list;

static void add_code(coder_run *r, actor_list *l, int32_t phrase_index)
{
    const char *code = r->phrase_code[phrase_index];
    const char *text = r->phrase_text[phrase_index];
    if (!code) {
        if (r->o->new_actor_length <= 0) return;
        const char *up = r->phrase_upper[phrase_index];
        int words = 1;
        for (const char *p = up; *p; p++) words += *p == ' ';
        if (words > r->o->new_actor_length) return;
        code = arena_printf(r->a, "\"%s\"", up);
    }
    /* CAMEO writes several actors for one name as A/B/C. */
    const char *p = code;
    while (l->n < 64) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        l->codes[l->n] = slash ? arena_strndup(r->a, p, n) : p;
        l->texts[l->n] = text;
        l->n++;
        if (!slash) break;
        p = slash + 1;
    }
}

static void slot_codes(coder_run *r, actor_slot slot, actor_list *l)
{
    l->n = 0;
    int32_t compound = slot.compound;
    if (compound < 0 && slot.phrase >= 0) compound = r->s->phrases[slot.phrase].compound;
    if (compound >= 0) {
        for (uint32_t k = 0; k < r->s->n_phrases; k++)
            if (!deleted(&r->s->phrases[k]) && r->s->phrases[k].compound == compound)
                add_code(r, l, (int32_t)k);
    } else if (slot.phrase >= 0) {
        add_code(r, l, slot.phrase);
    }
    if (l->n == 0) {
        l->codes[0] = "---";
        l->texts[0] = slot.phrase >= 0 ? r->phrase_text[slot.phrase] : NULL;
        l->n = 1;
    }
}

static const char *slot_key(coder_run *r, actor_slot s)
{
    if (s.compound >= 0) return NULL;
    return s.phrase >= 0 ? r->phrase_code[s.phrase] : NULL;
}

/* The first phrase of seq in reading order. The upper sequence runs backwards from the verb
 * with its brackets flipped, so there reading order means from its end, and an opening
 * bracket appears as a closing one. */
static actor_slot first_phrase(coder_run *r, const seq_entry *seq, uint32_t n, int backwards,
                               int coded_only, const char *not_code)
{
    uint8_t ne_open = backwards ? SEQ_NE_CLOSE : SEQ_NE_OPEN;
    uint8_t nec_open = backwards ? SEQ_NEC_CLOSE : SEQ_NEC_OPEN;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t i = backwards ? n - 1 - k : k;
        if (seq[i].kind == nec_open) return (actor_slot){-1, (int32_t)seq[i].value};
        if (seq[i].kind != ne_open) continue;
        int32_t p = (int32_t)seq[i].value;
        const char *code = r->phrase_code[p];
        if (coded_only && !code) continue;
        if (not_code && code && !strcmp(code, not_code)) continue;
        if (r->s->phrases[p].compound >= 0) return (actor_slot){-1, r->s->phrases[p].compound};
        return (actor_slot){p, -1};
    }
    return (actor_slot){-1, -1};
}

static int slot_set(actor_slot s)
{
    return s.phrase >= 0 || s.compound >= 0;
}

/* ---- Understood subjects (raw news) ------------------------------------------------------ */

/* Where frame f's clause starts: the nearest S opened before its verb phrase and still open
 * (0 if none). */
static uint32_t clause_start(const coder_run *r, const frame *f)
{
    const sentence_item *items = r->s->items;
    int depth = 0;
    for (uint32_t i = f->open_item; i > 0; i--) {
        const sentence_item *it = &items[i - 1];
        if (it->kind == ITEM_CLOSE) {
            depth++;
        } else if (it->kind == ITEM_OPEN) {
            if (depth == 0 && !strcmp(it->label, "S")) return i;
            if (depth) depth--;
        }
    }
    return 0;
}

/* The first actor phrase of f's clause before its verb phrase, outside other verb phrases:
 * its subject. coded_only: skip phrases without a code; not_code: skip that code. */
static actor_slot clause_subject(const coder_run *r, const frame *f, int coded_only,
                                 const char *not_code)
{
    const sentence_item *items = r->s->items;
    int vp = 0;
    for (uint32_t i = clause_start(r, f); i < f->open_item; i++) {
        const sentence_item *it = &items[i];
        if (it->kind == ITEM_OPEN && !strcmp(it->label, "VP")) {
            vp++;
        } else if (it->kind == ITEM_CLOSE && !strcmp(it->label, "VP") && vp) {
            vp--;
        } else if (!vp && it->kind == ITEM_NEC_OPEN) {
            return (actor_slot){-1, (int32_t)it->value};
        } else if (!vp && it->kind == ITEM_NE_OPEN) {
            const char *code = r->phrase_code[it->value];
            if (coded_only && !code) continue;
            if (not_code && code && !strcmp(code, not_code)) continue;
            int32_t c = r->s->phrases[it->value].compound;
            return c >= 0 ? (actor_slot){-1, c} : (actor_slot){(int32_t)it->value, -1};
        }
    }
    return (actor_slot){-1, -1};
}

/* Does the clause of frame f name its own subject? */
static int frame_has_subject(const coder_run *r, const frame *f)
{
    actor_slot s = clause_subject(r, f, 0, NULL);
    return s.phrase >= 0 || s.compound >= 0;
}

static actor_slot frame_source(coder_run *r, uint32_t fi, int depth);

/* Who does what a subjectless clause says: the object of the verb that governs it ("urged
 * Iran to release", "accused X of shipping"), else that verb's own source ("vowed to
 * deepen"). */
static actor_slot understood_subject(coder_run *r, uint32_t fi, int depth)
{
    const frame *f = &r->s->frames[fi];
    if (f->parent < 0 || depth > 8) return (actor_slot){-1, -1};
    const frame *p = &r->s->frames[f->parent];
    for (uint32_t i = p->verb_item + 1; i < f->open_item; i++) {
        const sentence_item *it = &r->s->items[i];
        if (it->kind == ITEM_NEC_OPEN) return (actor_slot){-1, (int32_t)it->value};
        if (it->kind == ITEM_NE_OPEN && r->phrase_code[it->value]) {
            int32_t c = r->s->phrases[it->value].compound;
            return c >= 0 ? (actor_slot){-1, c} : (actor_slot){(int32_t)it->value, -1};
        }
    }
    return frame_source(r, (uint32_t)f->parent, depth + 1);
}

/* A frame's source as the coder finds it without a pattern. Uses its own sequence buffer, so
 * it can be called while the current frame's sequences are in use. */
static actor_slot frame_source(coder_run *r, uint32_t fi, int depth)
{
    const frame *f = &r->s->frames[fi];
    if (!frame_has_subject(r, f)) return understood_subject(r, fi, depth);
    uint32_t n = 0;
    for (uint32_t i = f->verb_item; i > 0; i--) {
        const sentence_item *it = &r->s->items[i - 1];
        if (it->kind == ITEM_CLOSE && !strcmp(it->label, ",")) break;
        if (to_seq(r, it, 1, &r->scratch[n])) n++;
    }
    actor_slot s = first_phrase(r, r->scratch, n, 1, 1, NULL);
    return slot_set(s) ? s : first_phrase(r, r->scratch, n, 1, 0, NULL);
}

/* ---- Events ------------------------------------------------------------------------------- */

static void add_event(coder_run *r, const char *src, const char *tgt, const char *code,
                      const char *src_text, const char *tgt_text, uint32_t frame_index,
                      const frame *f, const pattern *p, const verb_form *v, uint32_t flags)
{
    const char *speaker = r->ctx ? frame_speaker_of(r, frame_index) : NULL;
    if (!strcmp(src, tgt)) return;
    if (r->o->require_dyad && (!strcmp(src, "---") || !strcmp(tgt, "---"))) return;
    /* Raw news: with require_dyad, two agents neither of whom has a state or a body ("state
     * media" and "military cooperation") are no dyad an analyst can place. */
    if (r->ctx && r->o->require_dyad && !strncmp(src, "---", 3) && !strncmp(tgt, "---", 3)) return;
    for (size_t i = 0; i < r->events.len; i++) {
        const coded_event *e = &r->events.items[i];
        if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code)) return;
    }
    coded_event e = {src,     tgt, code, src_text, tgt_text, frame_index,
                     f->verb, p,   v,    flags,    speaker};
    vec_push(&r->events, e);
}

static uint32_t event_flags(const coder_run *r, uint32_t fi)
{
    if (!r->ctx) return 0;
    uint32_t flags = 0;
    if (quoted(r, r->s->frames[fi].verb)) flags |= TERN_FLAG_QUOTE;
    if (frame_alleged(r, fi)) flags |= TERN_FLAG_ALLEGED;
    return flags;
}

/* Events from every source to every target; passive voice swaps the two. */
static void events_between(coder_run *r, uint32_t frame_index, const frame *f,
                           const actor_list *from, const actor_list *to, const char *code,
                           int passive, const pattern *p, const verb_form *v)
{
    for (int i = 0; i < from->n; i++)
        for (int j = 0; j < to->n; j++) {
            int a = passive ? 1 : 0;
            const char *codes[2] = {from->codes[i], to->codes[j]};
            const char *texts[2] = {from->texts[i], to->texts[j]};
            add_event(r, codes[a], codes[1 - a], code, texts[a], texts[1 - a], frame_index, f, p, v,
                      event_flags(r, frame_index));
        }
}

static void make_events(coder_run *r, uint32_t frame_index, const frame *f, actor_list *src,
                        actor_list *tgt, const char *code, const char *code2, int passive,
                        const pattern *p, const verb_form *v)
{
    if (code2) {
        /* A paired code with one side missing pairs the known side with itself. */
        if (!strcmp(src->codes[0], "---"))
            *src = *tgt;
        else if (!strcmp(tgt->codes[0], "---"))
            *tgt = *src;
    }
    events_between(r, frame_index, f, src, tgt, code, passive, p, v);
    if (code2) events_between(r, frame_index, f, tgt, src, code2, passive, p, v);
}

static int covers_negation(const coder_run *r, const pattern_result *m)
{
    for (uint32_t i = 0; i < m->n_matched; i++) {
        const char *w = r->s->tokens[m->matched_tokens[i]].upper;
        if (!strcmp(w, "NOT") || !strcmp(w, "N'T") || !strcmp(w, "NEVER") || !strcmp(w, "NO") ||
            !strcmp(w, "NEITHER"))
            return 1;
    }
    return 0;
}

/* Codes whose action two parties do together (intent to cooperate, consultation, diplomatic
 * and material cooperation): a compound subject with no named other party does it with
 * itself, each member toward the others. */
static int mutual_code(const char *code)
{
    return !strncmp(code, "03", 2) || !strncmp(code, "04", 2) || !strncmp(code, "05", 2) ||
           !strncmp(code, "06", 2);
}

static int state_code(const char *code);

/* Raw news: a target found by search that belongs to the source's own state ("Syria offered
 * its troops to Lebanon": its troops) is what the source acts with, not on, when a phrase of
 * another state follows in the verb phrase; that one is the target. */
static actor_slot other_party(coder_run *r, actor_slot source, actor_slot target)
{
    if (source.phrase < 0 || target.phrase < 0 || source.compound >= 0 || target.compound >= 0)
        return target;
    const char *s = r->phrase_code[source.phrase], *t = r->phrase_code[target.phrase];
    if (!s || !t || !state_code(s) || strncmp(s, t, 3) != 0) return target;
    int after = 0;
    for (uint32_t i = 0; i < r->n_lower; i++) {
        if (r->lower[i].kind != SEQ_NE_OPEN) continue;
        int32_t p = (int32_t)r->lower[i].value;
        if (p == target.phrase) {
            after = 1;
            continue;
        }
        const char *c = r->phrase_code[p];
        if (after && c && state_code(c) && strncmp(c, s, 3) != 0 && r->s->phrases[p].compound < 0)
            return (actor_slot){p, -1};
    }
    return target;
}

/* "The United States urged the government to ...": a government placed in the only state its
 * sentence names, when that state itself (or its government) acts on it, is almost always
 * another state's, left unnamed; it goes back to having no country. */
static void unplace_own_government(const coder_run *r, actor_slot source, actor_slot target,
                                   actor_list *tgt)
{
    if (!r->unplaced || source.phrase < 0 || target.phrase < 0 || tgt->n != 1) return;
    const char *was = r->unplaced[target.phrase], *s = r->phrase_code[source.phrase];
    if (!was || strcmp(was, "---GOV") != 0 || !s || strncmp(s, tgt->codes[0], 3) != 0) return;
    if (strlen(s) == 3 || !strcmp(s + 3, "GOV")) tgt->codes[0] = was;
}

/* How many distinct countries (or bodies) the list names; "---" agents name none. */
static int named_countries(const actor_list *l)
{
    int n = 0;
    for (int i = 0; i < l->n; i++) {
        if (!strncmp(l->codes[i], "---", 3)) continue;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++) seen = !strncmp(l->codes[j], l->codes[i], 3);
        n += !seen;
    }
    return n;
}

/* Codes one frame; returns 1 if the verb coded (so frames inside it are not coded again). */
static int code_frame(coder_run *r, uint32_t fi, uint32_t *negated)
{
    const frame *f = &r->s->frames[fi];
    uint32_t first, last;
    const verb_form *v = find_verb(r, f, &first, &last);
    if (!v) return 0;
    build_sequences(r, f, first, last);
    const verb_block *b = &r->d->blocks.items[v->block];
    const pattern *fired = NULL;
    pattern_result m;
    for (uint32_t k = 0; k < b->n_patterns; k++) {
        const pattern *p = &r->d->patterns.items[b->first_pattern + k];
        if (pattern_match(r->d, p, r->upper, r->n_upper, r->lower, r->n_lower, &m)) {
            fired = p;
            break;
        }
    }
    const char *code = NULL, *code2 = NULL;
    if (fired && strcmp(fired->code, "---") != 0) {
        code = fired->code;
        code2 = fired->code2;
    } else if (!fired && strcmp(v->code, "---") != 0) {
        /* A matching [---] pattern blocks the verb's own code ("met with criticism"). */
        code = v->code;
        code2 = v->code2;
        fired = NULL;
    }
    if (!code) return 0;
    if (!fired) {
        memset(&m, 0, sizeof m);
        m.source = m.target = (actor_slot){-1, -1};
    }
    actor_slot target = m.target, source = m.source;
    int searched_target = !slot_set(target);
    if (!slot_set(target)) {
        target = first_phrase(r, r->lower, r->n_lower, 0, 1, NULL);
        if (!slot_set(target)) target = first_phrase(r, r->lower, r->n_lower, 0, 0, NULL);
    }
    if (!slot_set(target) && !r->ctx) return 1;
    if (!slot_set(source) && r->ctx) {
        /* Raw news: the coded subject of the verb's own clause ("Russia said Germany invaded
         * France": Germany invaded), or the understood subject of a subjectless clause. A
         * clause whose subject has no code ("it said it would", "he warned") falls back to
         * the search below, which finds the sentence's actor as PETRARCH does. */
        if (frame_has_subject(r, f))
            source = clause_subject(r, f, 1, slot_key(r, target));
        else if (f->parent >= 0)
            source = understood_subject(r, fi, 0);
    }
    if (!slot_set(source)) {
        const char *tcode = slot_key(r, target);
        source = first_phrase(r, r->upper, r->n_upper, 1, 1, tcode);
        if (!slot_set(source)) source = first_phrase(r, r->upper, r->n_upper, 1, 0, tcode);
    }
    if (!slot_set(source)) return 1;
    if (r->ctx && searched_target) target = other_party(r, source, target);
    actor_list src, tgt;
    slot_codes(r, source, &src);
    slot_codes(r, target, &tgt);
    unplace_own_government(r, source, target, &tgt);
    int reciprocal = r->ctx && mutual_code(code) && named_countries(&src) >= 2 &&
                     (!slot_set(target) || !strncmp(tgt.codes[0], "---", 3));
    if (!slot_set(target) && !reciprocal) return 1;
    if (f->negated && !(fired && covers_negation(r, &m))) {
        (*negated)++;
        return 1;
    }
    /* "Moscow and Pyongyang vowed to deepen military relations": each with the other. */
    if (reciprocal) tgt = src;
    make_events(r, fi, f, &src, &tgt, code, code2, f->passive, fired, v);
    return 1;
}

/* 1 if the token is inside a quotation. */
static int quoted(const coder_run *r, uint32_t token)
{
    return r->ctx && r->ctx->quoted && r->ctx->quoted[token];
}

/* The agent part of code ("---MIL"; NULL for none) joined to the state that country starts
 * with ("SYR..."): "SYRMIL". */
static const char *agent_of(coder_run *r, const char *country, const char *code)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.3s%s", country, code ? code + 3 : "");
    return arena_strdup(r->a, buf);
}

/* Speech verbs and their speakers; then "I", "we", "our army" inside quotations become the
 * sentence's speaker. */
static void find_speakers(coder_run *r)
{
    const coding_sentence *s = r->s;
    r->frame_speaker = arena_array(r->a, const char *, s->n_frames + 1);
    if (!r->ctx) return;
    for (uint32_t fi = 0; fi < s->n_frames; fi++) {
        const frame *f = &s->frames[fi];
        if (!word_in(verb_lemma(r, f->verb), speech_verbs)) continue;
        build_sequences(r, f, f->verb_item, f->verb_item);
        actor_slot who = first_phrase(r, r->upper, r->n_upper, 1, 1, NULL);
        if (!slot_set(who)) who = first_phrase(r, r->lower, r->n_lower, 0, 1, NULL);
        if (!slot_set(who) || who.phrase < 0) continue;
        r->frame_speaker[fi] = r->phrase_code[who.phrase];
        if (!quoted(r, f->verb) && !r->speaker) r->speaker = r->frame_speaker[fi];
    }
    if (!r->speaker) return;
    for (uint32_t k = 0; k < s->n_phrases; k++) {
        const noun_phrase *p = &s->phrases[k];
        if (deleted(p)) continue;
        uint32_t first = UINT32_MAX, n = 0;
        for (uint32_t i = p->open_item + 1; i < p->close_item; i++)
            if (s->items[i].kind == ITEM_WORD) {
                if (first == UINT32_MAX) first = s->items[i].value;
                n++;
            }
        if (first == UINT32_MAX || !quoted(r, first)) continue;
        const char *w = s->tokens[first].upper;
        const char *code = r->phrase_code[k];
        if (n == 1 && word_in(w, first_person) && !code) {
            r->phrase_code[k] = r->speaker;
        } else if (word_in(w, first_person_possessive) && (!code || !strncmp(code, "---", 3))) {
            /* "our army": the speaker's country with the phrase's agent */
            r->phrase_code[k] = agent_of(r, r->speaker, code);
        }
    }
}

/* Is the three-letter code a state (a country code, not a body, a group or a CAMEO region)? */
static int state_code(const char *code)
{
    static const char *const not_states[] = {"IGO", "NGO", "IMG", "MNC", "UIS", "UNK", "---", "AFR",
                                             "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF",
                                             "EEU", "EIN", "EUR", "LAM", "MEA", "NAF", "NMR", "PGS",
                                             "SAF", "SAM", "SAS", "SEA", "WAF", "WST", NULL};
    if (!code || strlen(code) < 3) return 0;
    for (int i = 0; not_states[i]; i++)
        if (!strncmp(code, not_states[i], 3)) return 0;
    return 1;
}

/* Agents of a state's own institutions and society: "the opposition", "the court",
 * "parliament", "police". Armed groups, troops and spies are left out: "Israeli troops
 * killed militants" must not make the militants Israeli. */
static int domestic_agent(const char *code)
{
    static const char *const domestic[] = {"GOV", "OPP", "LEG", "JUD", "COP", "PTY",
                                           "MED", "BUS", "LAB", "EDU", "HLH", "CVL",
                                           "ELI", "AGR", "ENV", "REL", NULL};
    if (!code || strlen(code) < 6 || strncmp(code, "---", 3) != 0) return 0;
    for (int i = 0; domestic[i]; i++)
        if (!strncmp(code + 3, domestic[i], 3)) return 1;
    return 0;
}

const char *place_state(const tern_dict *d, const char *place, int32_t date, arena *a)
{
    uint32_t n, span[2];
    atom *words = text_atoms(d, place, &n);
    const char *code = words && n ? actor_match_phrase(d, words, n, date, a, span, 1) : NULL;
    free(words);
    /* the whole place, not a word of it */
    if (!code || !state_code(code) || span[0] != 0 || span[1] != n) return NULL;
    return arena_strndup(a, code, 3);
}

/* "Syria offered its troops": an agent phrase opened by "its" belongs to the nearest state
 * named before it. ("their" is left alone: it mostly points at a compound or a group.) */
static void possessive_its(coder_run *r)
{
    const char *last_state = NULL;
    for (uint32_t k = 0; k < r->s->n_phrases; k++) {
        const noun_phrase *p = &r->s->phrases[k];
        if (deleted(p)) continue;
        const char *c = r->phrase_code[k];
        const sentence_item *first = &r->s->items[p->open_item + 1];
        if (c && !strncmp(c, "---", 3) && strlen(c) > 3 && last_state && first->kind == ITEM_WORD &&
            !strcmp(r->s->tokens[first->value].upper, "ITS")) {
            r->phrase_code[k] = agent_of(r, last_state, c);
        } else if (state_code(c)) {
            last_state = c;
        }
    }
}

/* An agent with no country ("the opposition", "the Supreme Court") in a sentence that names
 * exactly one state belongs to that state: "Georgian President Shevardnadze resigned as the
 * opposition threatened to storm his residence" is a Georgian opposition. A sentence that
 * names no state is about the dateline's ("KYIV (Reuters) - The government said ..."). */
static void place_domestic_agents(coder_run *r)
{
    possessive_its(r);
    const char *state = NULL;
    for (uint32_t k = 0; k < r->s->n_phrases; k++) {
        const char *c = r->phrase_code[k];
        if (deleted(&r->s->phrases[k]) || !state_code(c)) continue;
        if (state && strncmp(state, c, 3) != 0) return; /* two states: no telling */
        state = c;
    }
    if (!state) state = r->ctx->home;
    if (!state) return;
    for (uint32_t k = 0; k < r->s->n_phrases; k++) {
        const char *c = r->phrase_code[k];
        if (deleted(&r->s->phrases[k]) || !domestic_agent(c)) continue;
        if (!r->unplaced) r->unplaced = arena_array(r->a, const char *, r->s->n_phrases + 1);
        r->unplaced[k] = c;
        r->phrase_code[k] = agent_of(r, state, c);
    }
}

/* Who said the frame's words: the speaker of a quotation it is in, or of a speech verb whose
 * clause contains it. */
static const char *frame_speaker_of(const coder_run *r, uint32_t fi)
{
    const frame *f = &r->s->frames[fi];
    if (quoted(r, f->verb) && r->speaker) return r->speaker;
    for (int32_t p = f->parent; p >= 0; p = r->s->frames[p].parent)
        if (r->frame_speaker[p]) return r->frame_speaker[p];
    return NULL;
}

static int frame_alleged(const coder_run *r, uint32_t fi)
{
    const frame *f = &r->s->frames[fi];
    for (int32_t p = f->parent; p >= 0; p = r->s->frames[p].parent)
        if (word_in(verb_lemma(r, r->s->frames[p].verb), hedge_verbs)) return 1;
    uint32_t lo = f->open_item > 4 ? f->open_item - 4 : 0;
    for (uint32_t i = lo; i < f->close_item; i++)
        if (r->s->items[i].kind == ITEM_WORD &&
            word_in(r->s->tokens[r->s->items[i].value].upper, hedge_adverbs))
            return 1;
    /* The clause is the content of a hedging noun just before it. */
    uint32_t start = clause_start(r, f);
    for (uint32_t i = start > 6 ? start - 6 : 0; start && i < start; i++)
        if (r->s->items[i].kind == ITEM_WORD &&
            word_in(r->s->tokens[r->s->items[i].value].upper, hedge_nouns))
            return 1;
    return 0;
}

/* Raw news: a clause with a subject of its own inside its parent's verb phrase ("deepened
 * cooperation amid suspicions that Pyongyang provided munitions") is an event of its own,
 * even when the parent coded; PETRARCH-1 stops at the coded phrase. */
static int own_clause(const coder_run *r, uint32_t fi)
{
    const frame *f = &r->s->frames[fi];
    return r->ctx && f->parent >= 0 && clause_start(r, f) > r->s->frames[f->parent].open_item &&
           frame_has_subject(r, f);
}

void code_sentence(const tern_dict *d, const coding_sentence *s, int32_t date,
                   const code_options *o, const code_context *ctx, arena *a, sentence_coding *out)
{
    memset(out, 0, sizeof *out);
    code_options defaults;
    if (!o) {
        code_options_default(&defaults);
        o = &defaults;
    }
    coder_run r = {0};
    r.d = d, r.s = s, r.o = o, r.ctx = ctx, r.a = a;
    r.token_atoms = arena_array(a, atom, s->n_tokens + 1);
    for (uint32_t i = 0; i < s->n_tokens; i++)
        r.token_atoms[i] = atom_find(d->words, s->tokens[i].upper, strlen(s->tokens[i].upper));
    /* Raw news: "US" written in capitals and tagged a proper noun is the United States, not
     * the pronoun the dictionaries must not match; it reads as "U.S.". */
    atom us = ctx ? atom_find(d->words, "U.S.", 4) : 0;
    for (uint32_t i = 0; us && i < s->n_tokens; i++)
        if (!strcmp(s->tokens[i].word, "US") && s->tokens[i].tag &&
            !strncmp(s->tokens[i].tag, "NNP", 3))
            r.token_atoms[i] = us;
    r.upper = arena_array(a, seq_entry, s->n_items + 1);
    r.lower = arena_array(a, seq_entry, s->n_items + 1);
    r.scratch = arena_array(a, seq_entry, s->n_items + 1);
    code_phrases(&r, date);
    find_speakers(&r);
    if (ctx) place_domestic_agents(&r);
    uint8_t *done = arena_array(a, uint8_t, s->n_frames + 1);
    for (uint32_t fi = 0; fi < s->n_frames; fi++) {
        int32_t parent = s->frames[fi].parent;
        if (parent >= 0 && done[parent] && !own_clause(&r, fi)) {
            done[fi] = 1; /* inside a coded verb phrase */
            continue;
        }
        int coded = code_frame(&r, fi, &out->negated_dropped);
        /* A hedging verb ("accused X of shipping arms") does not hide what it reports. */
        done[fi] =
            (uint8_t)(coded && !(ctx && word_in(verb_lemma(&r, s->frames[fi].verb), hedge_verbs)));
    }
    out->n_events = (uint32_t)r.events.len;
    out->events =
        r.events.len ? arena_memdup(a, r.events.items, r.events.len * sizeof(coded_event)) : NULL;
    out->phrase_codes = r.phrase_code;
    free(r.events.items);
}
