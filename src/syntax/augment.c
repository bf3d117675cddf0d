/*
 * augment: edits on a working copy of a sentence. A phrase (a small tree of new words with
 * one head) is spliced in place of a span of old words, and every head index is renumbered,
 * so a variant is always one well-formed tree when its source was. Edits only apply where
 * the result stays grammatical without touching other words: subjects are replaced only by
 * phrases of the same number, and time phrases go only before a finite verb or auxiliary.
 */
#include "syntax/augment.h"

#include "syntax/features.h"
#include "syntax/tagset.h"
#include "syntax/train.h"

#include <stdlib.h>
#include <string.h>

enum { AUG_MAX_WORDS = 160, PHRASE_MAX = 12 };

static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday"};
static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const nationalities[] = {
    "Russian",     "Chinese",  "Iraqi",    "Iranian",  "Israeli",   "Syrian",
    "French",      "German",   "British",  "Indian",   "Afghan",    "Turkish",
    "Korean",      "Japanese", "Egyptian", "Saudi",    "Pakistani", "Ukrainian",
    "Palestinian", "Lebanese", "Libyan",   "Nigerian", "Mexican",   "Brazilian"};
/* Countries and cities beside the treebank's places: news names them more than web text. */
static const char *const countries[] = {
    "Russia",  "China",     "Iraq",     "Iran",    "Israel",     "Syria",  "France",   "Germany",
    "Britain", "India",     "Pakistan", "Egypt",   "Turkey",     "Japan",  "Ukraine",  "Lebanon",
    "Libya",   "Nigeria",   "Moscow",   "Beijing", "Baghdad",    "Tehran", "Damascus", "Kabul",
    "Seoul",   "Pyongyang", "Cairo",    "Ankara",  "Washington", "Kiev",   "Gaza",     "Sudan"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Word pools ---------------------------------------------------------------------- */

typedef struct pool {
    const char **words;
    size_t n, cap;
} pool;

static void pool_add(pool *p, const char *w)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->words = realloc(p->words, p->cap * sizeof *p->words);
        if (!p->words) abort();
    }
    p->words[p->n++] = w;
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted and without duplicates, so the pool does not depend on treebank order. */
static void pool_finish(pool *p)
{
    if (!p->n) return;
    qsort(p->words, p->n, sizeof *p->words, cmp_word);
    size_t k = 1;
    for (size_t i = 1; i < p->n; i++)
        if (strcmp(p->words[i], p->words[k - 1]) != 0) p->words[k++] = p->words[i];
    p->n = k;
}

/* A capitalized word of letters only: "McCain" yes, "U.S." and "iPod" no. */
static int name_like(const char *w)
{
    size_t n = strlen(w);
    if (n < 2 || w[0] < 'A' || w[0] > 'Z') return 0;
    int lower = 0;
    for (size_t i = 1; i < n; i++) {
        char c = w[i];
        if (c >= 'a' && c <= 'z')
            lower = 1;
        else if (!(c >= 'A' && c <= 'Z'))
            return 0;
    }
    return lower;
}

typedef struct pools {
    pool first, last, place;
} pools;

static int is_date_word(const char *w)
{
    for (size_t i = 0; i < COUNT(days); i++)
        if (!strcmp(w, days[i])) return 1;
    for (size_t i = 0; i < COUNT(months); i++)
        if (!strcmp(w, months[i])) return 1;
    return 0;
}

static void pools_build(const conllu_sentence *sentences, size_t n, pools *p)
{
    memset(p, 0, sizeof *p);
    for (size_t j = 0; j < n; j++) {
        const syntax_sentence *s = &sentences[j].s;
        for (uint32_t i = 0; i < s->n; i++) {
            const syntax_token *t = &s->tokens[i];
            if (t->upos != UPOS_PROPN || !name_like(t->form)) continue;
            /* A person's name: PROPN head with a PROPN flat part right after it. */
            if (i + 1 < s->n && s->tokens[i + 1].head == i + 1 &&
                strcmp(s->tokens[i + 1].deprel, "flat") == 0 &&
                s->tokens[i + 1].upos == UPOS_PROPN && name_like(s->tokens[i + 1].form) &&
                strlen(t->form) >= 3) {
                pool_add(&p->first, t->form);
                pool_add(&p->last, s->tokens[i + 1].form);
            }
            /* A place: a lone proper noun after in/to/from. */
            if (i >= 1 && strlen(t->form) >= 4 && (t->rel == UD_OBL || t->rel == UD_NMOD) &&
                s->tokens[i - 1].head == i + 1 &&
                (strcmp(s->tokens[i - 1].form, "in") == 0 ||
                 strcmp(s->tokens[i - 1].form, "to") == 0 ||
                 strcmp(s->tokens[i - 1].form, "from") == 0) &&
                (i + 1 >= s->n || s->tokens[i + 1].upos != UPOS_PROPN) && !is_date_word(t->form))
                pool_add(&p->place, t->form);
        }
    }
    pool_finish(&p->first);
    pool_finish(&p->last);
    pool_finish(&p->place);
}

static void pools_free(pools *p)
{
    free(p->first.words);
    free(p->last.words);
    free(p->place.words);
}

/* ---- Working sentence and phrases ---------------------------------------------------- */

typedef struct work {
    syntax_token t[AUG_MAX_WORDS];
    uint32_t n;
} work;

typedef struct phrase {
    syntax_token t[PHRASE_MAX];
    uint32_t up[PHRASE_MAX]; /* 1-based index of the head inside the phrase; 0 = the head */
    uint32_t n;
} phrase;

typedef struct augmenter {
    const pools *pools;
    uint64_t rng;
    arena *mem;
} augmenter;

static uint32_t pick(augmenter *g, uint32_t n)
{
    return (uint32_t)(train_random(&g->rng) % n);
}

static int chance(augmenter *g, uint32_t percent)
{
    return pick(g, 100) < percent;
}

static const char *pick_word(augmenter *g, const char *const *list, size_t n)
{
    return list[pick(g, (uint32_t)n)];
}

static const char *pick_place(augmenter *g)
{
    const pool *p = &g->pools->place;
    if (!p->n || chance(g, 40)) return pick_word(g, countries, COUNT(countries));
    return p->words[pick(g, (uint32_t)p->n)];
}

/* Appends a word; up is the 1-based index of its head in the phrase, 0 for the head. */
static uint32_t add(phrase *ph, const char *form, const char *lemma, ud_upos upos, const char *xpos,
                    const char *deprel, uint32_t up)
{
    if (ph->n == PHRASE_MAX) abort(); /* the phrase builders stay well below */
    syntax_token *t = &ph->t[ph->n];
    memset(t, 0, sizeof *t);
    t->form = form;
    t->lemma = lemma ? lemma : form;
    t->upos = (uint8_t)upos;
    t->xpos = xpos;
    t->deprel = deprel;
    t->rel = (uint8_t)ud_rel_from_name(deprel, strlen(deprel));
    t->start = t->end = SYNTAX_NO_OFFSET;
    ph->up[ph->n] = up;
    return ++ph->n;
}

/* Index (1-based) a word will get when the words before it are added first: phrases are
 * built left to right, heads often to the right, so builders compute positions up front. */
#define NEXT(ph, k) ((ph)->n + (k))

static void set_deprel(syntax_token *t, const char *deprel)
{
    t->deprel = deprel;
    t->rel = (uint8_t)ud_rel_from_name(deprel, strlen(deprel));
}

/* Replaces words [p, p + del) by the phrase. The phrase's head takes head ext (an old
 * 1-based index, 0 = root) and label; old arcs into removed words go to the phrase head. */
static int splice(work *w, uint32_t p, uint32_t del, const phrase *ph, uint32_t ext,
                  const char *label)
{
    if (w->n - del + ph->n > AUG_MAX_WORDS) return 0;
    uint32_t m = ph->n, head_in_phrase = 0;
    for (uint32_t k = 0; k < m; k++)
        if (ph->up[k] == 0) head_in_phrase = k;
    uint32_t map[AUG_MAX_WORDS + 1];
    map[0] = 0;
    for (uint32_t i = 1; i <= w->n; i++) {
        if (i <= p)
            map[i] = i;
        else if (i <= p + del)
            map[i] = p + head_in_phrase + 1;
        else
            map[i] = i - del + m;
    }
    syntax_token out[AUG_MAX_WORDS];
    uint32_t n = 0;
    for (uint32_t i = 0; i < p; i++) out[n++] = w->t[i];
    for (uint32_t k = 0; k < m; k++) {
        out[n] = ph->t[k];
        if (ph->up[k]) {
            out[n].head = p + ph->up[k];
        } else {
            out[n].head = map[ext];
            set_deprel(&out[n], label);
        }
        n++;
    }
    for (uint32_t i = p + del; i < w->n; i++) out[n++] = w->t[i];
    for (uint32_t i = 0; i < n; i++)
        if (i < p || i >= p + m) out[i].head = map[out[i].head];
    memcpy(w->t, out, n * sizeof *out);
    w->n = n;
    return 1;
}

/* Leftmost and rightmost word (0-based) of the subtree of word i (0-based). */
static void subtree_span(const work *w, uint32_t i, uint32_t *lo, uint32_t *hi)
{
    *lo = *hi = i;
    for (uint32_t k = 0; k < w->n; k++) {
        uint32_t x = k, steps = 0;
        while (x != i && steps++ <= w->n) {
            uint32_t h = w->t[x].head;
            if (h == 0) break;
            x = h - 1;
        }
        if (x != i) continue;
        if (k < *lo) *lo = k;
        if (k > *hi) *hi = k;
    }
}

static int has_dependents(const work *w, uint32_t i)
{
    for (uint32_t k = 0; k < w->n; k++)
        if (w->t[k].head == i + 1) return 1;
    return 0;
}

/* A proper-noun phrase that is a name and nothing else: the head and flat parts only. */
static int bare_name(const work *w, uint32_t i, uint32_t *lo, uint32_t *hi)
{
    if (w->t[i].upos != UPOS_PROPN) return 0;
    for (uint32_t k = 0; k < w->n; k++)
        if (w->t[k].head == i + 1 && strcmp(w->t[k].deprel, "flat") != 0) return 0;
    subtree_span(w, i, lo, hi);
    if (*lo != i) return 0;
    for (uint32_t k = *lo; k <= *hi; k++)
        if (w->t[k].upos != UPOS_PROPN) return 0;
    return *hi - *lo < 4;
}

static int is_word(const syntax_token *t, const char *a, const char *b)
{
    char buf[8];
    size_t n = strlen(t->form);
    if (n >= sizeof buf) return 0;
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)((t->form[i] >= 'A' && t->form[i] <= 'Z') ? t->form[i] + 32 : t->form[i]);
    return strcmp(buf, a) == 0 || (b && strcmp(buf, b) == 0);
}

static int is_finite(const syntax_token *t)
{
    return !strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") || !strcmp(t->xpos, "VBP") ||
           !strcmp(t->xpos, "MD");
}

/* ---- Phrase builders ----------------------------------------------------------------- */

/* A person: [prefix] [title] First [Last], headed by First. */
static void person(augmenter *g, phrase *ph)
{
    const pools *p = g->pools;
    const char *first = p->first.n ? p->first.words[pick(g, (uint32_t)p->first.n)] : "John";
    const char *last = p->last.n ? p->last.words[pick(g, (uint32_t)p->last.n)] : "Smith";
    uint32_t kind = pick(g, 10);
    uint32_t prefix = pick(g, 3); /* none, nationality, place */
    /* Number of words before the name, to know where the name's head will be. */
    static const char *const proper_titles[] = {"President", "Chancellor", "King",   "Premier",
                                                "Gen.",      "Governor",   "Sen.",   "Pope",
                                                "Col.",      "Ambassador", "Prince", "Judge"};
    static const char *const minister_kinds[] = {"Prime",    "Foreign", "Defense",
                                                 "Interior", "Finance", "Trade"};
    static const char *const common_titles[] = {"leader",    "minister", "spokesman",  "envoy",
                                                "commander", "chief",    "negotiator", "president"};
    static const char *const common_kinds[] = {"opposition", "rebel",   "army",
                                               "party",      "militia", "police"};
    uint32_t before = 0, title = 0;
    const char *tw = NULL, *tk = NULL;
    int minister = 0, common = 0, kind_word = 0;
    if (kind >= 2) {
        if (kind <= 4) {
            tw = pick_word(g, proper_titles, COUNT(proper_titles));
        } else if (kind <= 6) {
            minister = 1;
            tk = pick_word(g, minister_kinds, COUNT(minister_kinds));
        } else {
            common = 1;
            tw = pick_word(g, common_titles, COUNT(common_titles));
            kind_word = chance(g, 30);
            if (kind_word) tk = pick_word(g, common_kinds, COUNT(common_kinds));
        }
        before = (prefix ? 1 : 0) + (minister || kind_word ? 1 : 0) + 1;
        title = before; /* the title word is the last one before the name */
    }
    uint32_t name = before + 1;
    if (before) {
        if (prefix == 1)
            add(ph, pick_word(g, nationalities, COUNT(nationalities)), NULL, UPOS_ADJ, "JJ", "amod",
                title);
        else if (prefix == 2)
            add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "compound", title);
        if (minister) {
            int adj = !strcmp(tk, "Prime") || !strcmp(tk, "Foreign");
            add(ph, tk, NULL, adj ? UPOS_ADJ : UPOS_PROPN, "NNP", adj ? "amod" : "compound", title);
            add(ph, "Minister", NULL, UPOS_PROPN, "NNP", "nmod:desc", name);
        } else if (common) {
            if (kind_word) add(ph, tk, NULL, UPOS_NOUN, "NN", "compound", title);
            add(ph, tw, NULL, UPOS_NOUN, "NN", "nmod:desc", name);
        } else {
            add(ph, tw, NULL, UPOS_PROPN, "NNP", "nmod:desc", name);
        }
    }
    if (kind == 0 && !before) { /* a surname alone */
        add(ph, last, NULL, UPOS_PROPN, "NNP", "", 0);
        return;
    }
    add(ph, first, NULL, UPOS_PROPN, "NNP", "", 0);
    add(ph, last, NULL, UPOS_PROPN, "NNP", "flat", name);
}

/* A singular organisation or country: "the Gondor government", "Iraq", "the army". */
static void body_singular(augmenter *g, phrase *ph)
{
    static const char *const bodies[] = {"government", "military", "army",   "ministry",
                                         "parliament", "cabinet",  "police", "embassy"};
    const char *body = pick_word(g, bodies, COUNT(bodies));
    switch (pick(g, 5)) {
    case 0:
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "", 0);
        break;
    case 1:
        add(ph, "the", NULL, UPOS_DET, "DT", "det", 2);
        add(ph, body, NULL, UPOS_NOUN, "NN", "", 0);
        break;
    case 2:
        add(ph, "the", NULL, UPOS_DET, "DT", "det", 3);
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "compound", 3);
        add(ph, body, NULL, UPOS_NOUN, "NN", "", 0);
        break;
    case 3:
        add(ph, "the", NULL, UPOS_DET, "DT", "det", 3);
        add(ph, pick_word(g, nationalities, COUNT(nationalities)), NULL, UPOS_ADJ, "JJ", "amod", 3);
        add(ph, body, NULL, UPOS_NOUN, "NN", "", 0);
        break;
    default: /* "Gondor's foreign minister" */
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "nmod:poss", 4);
        add(ph, "'s", NULL, UPOS_PART, "POS", "case", 1);
        add(ph, "foreign", NULL, UPOS_ADJ, "JJ", "amod", 4);
        add(ph, "minister", NULL, UPOS_NOUN, "NN", "", 0);
        break;
    }
}

/* A plural subject: "officials", "Iraqi troops", "Gondor and Rohan". */
static void body_plural(augmenter *g, phrase *ph)
{
    static const char *const groups[][2] = {
        {"officials", "official"}, {"troops", "troop"},         {"rebels", "rebel"},
        {"forces", "force"},       {"protesters", "protester"}, {"police", "police"},
        {"lawmakers", "lawmaker"}, {"soldiers", "soldier"},     {"leaders", "leader"}};
    uint32_t gi = pick(g, COUNT(groups));
    const char *form = groups[gi][0], *lemma = groups[gi][1];
    const char *xpos = strcmp(form, "police") == 0 ? "NN" : "NNS";
    switch (pick(g, 5)) {
    case 0:
        add(ph, form, lemma, UPOS_NOUN, xpos, "", 0);
        break;
    case 1:
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "compound", 2);
        add(ph, form, lemma, UPOS_NOUN, xpos, "", 0);
        break;
    case 2:
        add(ph, pick_word(g, nationalities, COUNT(nationalities)), NULL, UPOS_ADJ, "JJ", "amod", 2);
        add(ph, form, lemma, UPOS_NOUN, xpos, "", 0);
        break;
    case 3:
        add(ph, "the", NULL, UPOS_DET, "DT", "det", 2);
        add(ph, form, lemma, UPOS_NOUN, xpos, "", 0);
        break;
    default:
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "", 0);
        add(ph, "and", NULL, UPOS_CCONJ, "CC", "cc", 3);
        add(ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "conj", 1);
        break;
    }
}

static void noun_phrase(augmenter *g, phrase *ph, int plural)
{
    if (plural)
        body_plural(g, ph);
    else if (chance(g, 55))
        person(g, ph);
    else
        body_singular(g, ph);
}

/* A time phrase and the label it takes on its verb. */
static const char *time_phrase(augmenter *g, phrase *ph)
{
    static const char *const parts[] = {"night", "morning", "afternoon", "evening"};
    static const char *const spans[] = {"week", "month", "year", "night"};
    uint32_t k = pick(g, 10);
    if (k <= 4) {
        add(ph, "on", NULL, UPOS_ADP, "IN", "case", 2);
        add(ph, pick_word(g, days, COUNT(days)), NULL, UPOS_PROPN, "NNP", "", 0);
        return "obl";
    }
    if (k == 5) {
        const char *part = pick_word(g, parts, COUNT(parts));
        add(ph, "on", NULL, UPOS_ADP, "IN", "case", 3);
        add(ph, pick_word(g, days, COUNT(days)), NULL, UPOS_PROPN, "NNP", "compound", 3);
        add(ph, part, NULL, UPOS_NOUN, "NN", "", 0);
        return "obl";
    }
    if (k == 6) {
        add(ph, chance(g, 70) ? "last" : "next", NULL, UPOS_ADJ, "JJ", "amod", 2);
        add(ph, pick_word(g, spans, COUNT(spans)), NULL, UPOS_NOUN, "NN", "", 0);
        return "obl:unmarked";
    }
    if (k == 7) {
        add(ph, "this", NULL, UPOS_DET, "DT", "det", 2);
        add(ph, pick_word(g, spans, 3), NULL, UPOS_NOUN, "NN", "", 0);
        return "obl:unmarked";
    }
    if (k == 8) {
        add(ph, chance(g, 50) ? "yesterday" : "today", NULL, UPOS_NOUN, "NN", "", 0);
        return "obl:unmarked";
    }
    add(ph, "in", NULL, UPOS_ADP, "IN", "case", 2);
    add(ph, pick_word(g, months, COUNT(months)), NULL, UPOS_PROPN, "NNP", "", 0);
    return "obl";
}

/* Upper-cases the first letter of word i (0-based) when it opens the sentence. */
static void capitalize(augmenter *g, work *w, uint32_t i)
{
    const char *f = w->t[i].form;
    if (f[0] < 'a' || f[0] > 'z') return;
    char *c = arena_strdup(g->mem, f);
    c[0] = (char)(c[0] - 32);
    w->t[i].form = c;
}

/* ---- Edits --------------------------------------------------------------------------- */

/* "X fired" -> "X on Thursday fired". */
static int edit_time(augmenter *g, work *w)
{
    uint32_t cand[AUG_MAX_WORDS], nc = 0;
    if (!strcmp(w->t[w->n - 1].form, "?")) return 0;
    for (uint32_t s = 0; s < w->n; s++) {
        const syntax_token *t = &w->t[s];
        if (ud_rel_base((ud_rel)t->rel) != UD_NSUBJ || t->head == 0 || t->head - 1 <= s) continue;
        /* News puts time phrases after noun subjects ("Pyongyang on Thursday fired"), not
         * after pronouns ("I on Thursday fired"). */
        if (t->upos != UPOS_PROPN && t->upos != UPOS_NOUN) continue;
        uint32_t v = t->head - 1, lo, hi;
        subtree_span(w, s, &lo, &hi);
        uint32_t p = hi + 1;
        if (p >= v + 1 || w->t[hi].upos == UPOS_PUNCT) continue;
        const syntax_token *x = &w->t[p];
        if (!is_finite(x)) continue;
        ud_rel xr = ud_rel_base((ud_rel)x->rel);
        if (p != v && !(x->head == v + 1 && (xr == UD_AUX || xr == UD_COP))) continue;
        cand[nc++] = p;
    }
    if (!nc) return 0;
    uint32_t p = cand[pick(g, nc)];
    ud_rel pr = ud_rel_base((ud_rel)w->t[p].rel);
    uint32_t v = pr == UD_AUX || pr == UD_COP ? w->t[p].head : p + 1;
    phrase ph = {0};
    const char *label = time_phrase(g, &ph);
    return splice(w, p, 0, &ph, v, label);
}

/* "He said" -> "Russian President Ivan Petrov said"; "Bush met" -> "The army met". */
static int edit_subject(augmenter *g, work *w)
{
    uint32_t cand[AUG_MAX_WORDS], nc = 0;
    int plural[AUG_MAX_WORDS];
    uint32_t span[AUG_MAX_WORDS];
    for (uint32_t s = 0; s < w->n; s++) {
        const syntax_token *t = &w->t[s];
        if (ud_rel_base((ud_rel)t->rel) != UD_NSUBJ) continue;
        uint32_t lo, hi;
        if (t->upos == UPOS_PRON && !has_dependents(w, s)) {
            if (is_word(t, "he", "she"))
                plural[nc] = 0;
            else if (is_word(t, "they", "we"))
                plural[nc] = 1;
            else
                continue;
            span[nc] = 1;
            cand[nc++] = s;
        } else if (bare_name(w, s, &lo, &hi) && strcmp(t->xpos, "NNP") == 0) {
            plural[nc] = 0;
            span[nc] = hi - lo + 1;
            cand[nc++] = s;
        }
    }
    if (!nc) return 0;
    uint32_t k = pick(g, nc), s = cand[k];
    phrase ph = {0};
    noun_phrase(g, &ph, plural[k]);
    if (!splice(w, s, span[k], &ph, w->t[s].head, w->t[s].deprel)) return 0;
    if (s == 0) capitalize(g, w, 0);
    return 1;
}

/* "S ." -> "S , the official news agency WFNA said on Friday ." with said as the root. */
static int edit_report(augmenter *g, work *w)
{
    uint32_t n = w->n;
    if (n < 5 || n > 45) return 0;
    const syntax_token *end = &w->t[n - 1];
    if (strcmp(end->form, ".") != 0 || end->head == 0) return 0;
    uint32_t root = end->head - 1;
    if (w->t[root].head != 0 || w->t[root].upos != UPOS_VERB) return 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *f = w->t[i].form;
        if (!strcmp(f, "\"") || !strcmp(f, "``") || !strcmp(f, "''") || !strcmp(f, ":") ||
            !strcmp(f, "?") || !strcmp(f, "!"))
            return 0;
        if (w->t[i].head == root + 1 && i > root && w->t[i].rel == UD_PARATAXIS) return 0;
    }
    if (is_word(&w->t[root], "said", "says") || is_word(&w->t[root], "told", NULL)) return 0;
    /* Reporter phrase, built so that its head is followed by the verb. */
    phrase ph = {0};
    add(&ph, ",", NULL, UPOS_PUNCT, ",", "punct", 0); /* head fixed below */
    uint32_t base = ph.n;
    switch (pick(g, 6)) {
    case 0:
        add(&ph, "officials", "official", UPOS_NOUN, "NNS", "nsubj", 0);
        break;
    case 1:
        add(&ph, "a", NULL, UPOS_DET, "DT", "det", base + 3);
        add(&ph, "senior", NULL, UPOS_ADJ, "JJ", "amod", base + 3);
        add(&ph, "official", NULL, UPOS_NOUN, "NN", "nsubj", 0);
        break;
    case 2: {
        add(&ph, "the", NULL, UPOS_DET, "DT", "det", base + 4);
        add(&ph, "official", NULL, UPOS_ADJ, "JJ", "amod", base + 4);
        add(&ph, "news", NULL, UPOS_NOUN, "NN", "compound", base + 4);
        add(&ph, "agency", NULL, UPOS_NOUN, "NN", "nsubj", 0);
        uint32_t head = ph.n;
        add(&ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "appos", head);
        break;
    }
    case 3:
        add(&ph, "the", NULL, UPOS_DET, "DT", "det", base + 3);
        add(&ph, pick_place(g), NULL, UPOS_PROPN, "NNP", "compound", base + 3);
        add(&ph, "newspaper", NULL, UPOS_NOUN, "NN", "nsubj", 0);
        break;
    case 4:
        add(&ph, "a", NULL, UPOS_DET, "DT", "det", base + 2);
        add(&ph, "spokesman", NULL, UPOS_NOUN, "NN", "nsubj", 0);
        break;
    default: {
        phrase np = {0};
        person(g, &np);
        for (uint32_t k = 0; k < np.n; k++) {
            add(&ph, np.t[k].form, np.t[k].lemma, (ud_upos)np.t[k].upos, np.t[k].xpos,
                np.up[k] ? np.t[k].deprel : "nsubj", np.up[k] ? base + np.up[k] : 0);
        }
        break;
    }
    }
    /* The subject (up 0 so far) attaches to the verb added next. */
    uint32_t verb = ph.n + 1;
    for (uint32_t k = 1; k < ph.n; k++)
        if (ph.up[k] == 0) ph.up[k] = verb;
    const char *vf = "said", *vl = "say";
    uint32_t vk = pick(g, 10);
    if (vk == 8) vf = "reported", vl = "report";
    if (vk == 9) vf = "added", vl = "add";
    add(&ph, vf, vl, UPOS_VERB, "VBD", "root", 0);
    if (chance(g, 50)) {
        phrase tp = {0};
        const char *label = time_phrase(g, &tp);
        uint32_t off = ph.n;
        for (uint32_t k = 0; k < tp.n; k++)
            add(&ph, tp.t[k].form, tp.t[k].lemma, (ud_upos)tp.t[k].upos, tp.t[k].xpos,
                tp.up[k] ? tp.t[k].deprel : label, tp.up[k] ? off + tp.up[k] : verb);
    }
    add(&ph, ".", NULL, UPOS_PUNCT, ".", "punct", verb);
    /* The verb is the phrase's one head; the comma, which EWT attaches to the clause before
     * it, hangs on the verb until the splice is done. */
    ph.up[0] = verb;
    if (!splice(w, n - 1, 1, &ph, 0, "root")) return 0;
    uint32_t comma = n - 1, said = n - 1 + verb - 1;
    w->t[comma].head = root + 1;
    w->t[root].head = said + 1;
    set_deprel(&w->t[root], "ccomp");
    return 1;
}

/* ---- Driver -------------------------------------------------------------------------- */

static void keep(syntax_augmented *out, const work *w, uint32_t line, uint32_t source)
{
    conllu_treebank *tb = &out->tb;
    if (tb->n == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 1024;
        tb->sentences = realloc(tb->sentences, tb->cap * sizeof *tb->sentences);
        out->source = realloc(out->source, tb->cap * sizeof *out->source);
        if (!tb->sentences || !out->source) abort();
    }
    conllu_sentence *cs = &tb->sentences[tb->n];
    memset(cs, 0, sizeof *cs);
    cs->s.n = w->n;
    cs->s.tokens = arena_memdup(&tb->mem, w->t, w->n * sizeof *w->t);
    cs->line = line;
    cs->has_heads = 1;
    out->source[tb->n] = source;
    tb->n++;
    tb->words += w->n;
}

void syntax_augment(const conllu_sentence *sentences, size_t n, uint64_t seed, uint32_t percent,
                    syntax_augmented *out)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->tb.mem, 1 << 20);
    pools p;
    pools_build(sentences, n, &p);
    augmenter g = {&p, 0, &out->tb.mem};
    work w;
    for (size_t j = 0; j < n; j++) {
        const syntax_sentence *s = &sentences[j].s;
        g.rng = feature_mix(seed ^ (0x9E3779B97F4A7C15ULL * (j + 1))) | 1;
        if (!chance(&g, percent) || s->n < 3 || s->n > AUG_MAX_WORDS - 24) continue;
        memcpy(w.t, s->tokens, s->n * sizeof *w.t);
        w.n = s->n;
        int done = 0;
        /* Each edit is tried with its own odds; if none was drawn or none applied, the first
         * that applies is made, so a chosen sentence yields a variant whenever it can. */
        static const uint32_t odds[3] = {55, 60, 25};
        int (*const edits[3])(augmenter *, work *) = {edit_subject, edit_time, edit_report};
        for (int e = 0; e < 3; e++) {
            if (chance(&g, odds[e]) && edits[e](&g, &w)) done = 1;
        }
        for (int e = 0; e < 3 && !done; e++) done = edits[e](&g, &w);
        if (!done) continue;
        keep(out, &w, sentences[j].line, (uint32_t)j);
    }
    pools_free(&p);
}

void syntax_augmented_free(syntax_augmented *a)
{
    free(a->tb.sentences);
    free(a->source);
    arena_release(&a->tb.mem);
    memset(a, 0, sizeof *a);
}
