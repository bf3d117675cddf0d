/*
 * dep_tree: projects a dependency tree to Penn-style phrase structure (the shapes are listed in
 * dependency.h). Non-projective arcs are lifted first (a dependent whose arc crosses another
 * is re-attached to its head's head until no arc crosses), so every phrase covers a
 * contiguous run of words, which the frame builder relies on.
 */
#include "syntax/dependency.h"
#include "syntax/dep_repair.h"

#include "base/error.h"
#include "base/vec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef VEC(tree_node *) node_list;

typedef struct projector {
    arena *a;
    const dep_sentence *s;
    uint32_t n;
    int32_t *head;   /* 1-based heads after lifting; index 1..n */
    uint32_t **kids; /* children of each token (0 = root), in sentence order */
    uint32_t *n_kids;
    tree_node **leaf; /* leaf of token i (1-based) */
    uint8_t *placed;  /* tokens a caller already put in its phrase; their heads skip them */
    int depth;
} projector;

/* ---- Labels ------------------------------------------------------------------------------- */

static const char *base_rel(const projector *p, uint32_t t, char *buf, size_t cap)
{
    const char *r = p->s->tokens[t - 1].deprel;
    size_t n = strcspn(r, ":");
    if (n >= cap) n = cap - 1;
    memcpy(buf, r, n);
    buf[n] = '\0';
    return buf;
}

static int rel_is(const projector *p, uint32_t t, const char *rel)
{
    char buf[32];
    return !strcmp(base_rel(p, t, buf, sizeof buf), rel);
}

static int full_rel_is(const projector *p, uint32_t t, const char *rel)
{
    return !strcmp(p->s->tokens[t - 1].deprel, rel);
}

static const char *upos(const projector *p, uint32_t t)
{
    return p->s->tokens[t - 1].upos;
}

static int upos_is(const projector *p, uint32_t t, const char *u)
{
    return !strcmp(upos(p, t), u);
}

static int is_subject(const projector *p, uint32_t t)
{
    return rel_is(p, t, "nsubj") || rel_is(p, t, "csubj") || rel_is(p, t, "nsubjpass") ||
           rel_is(p, t, "csubjpass") || rel_is(p, t, "expl");
}

static int is_aux(const projector *p, uint32_t t)
{
    return rel_is(p, t, "aux") || rel_is(p, t, "auxpass") || rel_is(p, t, "cop");
}

static int is_to_marker(const projector *p, uint32_t t)
{
    const dep_token *k = &p->s->tokens[t - 1];
    return rel_is(p, t, "mark") && (!strcmp(k->xpos, "TO") || !strcasecmp(k->form, "to"));
}

static int is_nominal(const projector *p, uint32_t t)
{
    static const char *nom[] = {"NOUN", "PROPN", "PRON", "NUM", "SYM", "X", "DET", NULL};
    for (int i = 0; nom[i]; i++)
        if (upos_is(p, t, nom[i])) return 1;
    return 0;
}

static int is_predicate(const projector *p, uint32_t t)
{
    if (upos_is(p, t, "VERB") || upos_is(p, t, "AUX")) return 1;
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if (is_subject(p, k) || is_aux(p, k)) return 1;
    }
    return 0;
}

/* Penn tag of a leaf: XPOS when it is one, else a mapping of UPOS. */
static const char *penn_tag(const projector *p, uint32_t t)
{
    const dep_token *k = &p->s->tokens[t - 1];
    if (k->xpos[0] && strcmp(k->xpos, "_") != 0) return k->xpos;
    static const struct {
        const char *u, *x;
    } map[] = {{"NOUN", "NN"}, {"PROPN", "NNP"}, {"VERB", "VB"},  {"AUX", "VB"},   {"ADJ", "JJ"},
               {"ADV", "RB"},  {"ADP", "IN"},    {"DET", "DT"},   {"PRON", "PRP"}, {"NUM", "CD"},
               {"PART", "RP"}, {"CCONJ", "CC"},  {"SCONJ", "IN"}, {"PUNCT", "."},  {"INTJ", "UH"},
               {"SYM", "SYM"}, {"X", "FW"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(k->upos, map[i].u)) return map[i].x;
    return "X";
}

/* ---- Nodes -------------------------------------------------------------------------------- */

static tree_node *phrase(projector *p, const char *label, node_list *kids)
{
    tree_node *n = arena_new(p->a, tree_node);
    n->label = label;
    n->n_children = (uint32_t)kids->len;
    n->children =
        kids->len ? arena_memdup(p->a, kids->items, kids->len * sizeof(tree_node *)) : NULL;
    vec_free(kids);
    return n;
}

static tree_node *wrap1(projector *p, const char *label, tree_node *child)
{
    node_list l = {0};
    vec_push(&l, child);
    return phrase(p, label, &l);
}

static uint32_t first_token(const tree_node *n)
{
    while (n->n_children) n = n->children[0];
    return n->first_leaf;
}

static int by_position(const void *a, const void *b)
{
    uint32_t x = first_token(*(tree_node *const *)a), y = first_token(*(tree_node *const *)b);
    return (x > y) - (x < y);
}

static void sort_nodes(node_list *l)
{
    qsort(l->items, l->len, sizeof *l->items, by_position);
}

/* ---- Projection --------------------------------------------------------------------------- */

static tree_node *project(projector *p, uint32_t t);
static tree_node *project_clause(projector *p, uint32_t t, int with_subject, uint32_t skip);
static tree_node *project_noun(projector *p, uint32_t t, uint32_t skip);

static int possessive_marker(const projector *p, uint32_t k)
{
    const char *f = p->s->tokens[k - 1].form;
    return !strcmp(f, "'s") || !strcmp(f, "'") || !strcmp(f, "\xe2\x80\x99s");
}

/* The case marker opening t's PP ("with Gondor"), or 0. */
static uint32_t case_marker_of(const projector *p, uint32_t t)
{
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if (k < t && rel_is(p, k, "case") && !possessive_marker(p, k)) return k;
    }
    return 0;
}

/* A dependent as a constituent of its head's phrase: PP when it has a case marker, SBAR when
 * a clause has a subordinator. */
static tree_node *dependent(projector *p, uint32_t t)
{
    uint32_t case_marker = case_marker_of(p, t);
    char buf[32];
    const char *rel = base_rel(p, t, buf, sizeof buf);
    int clause_rel = !strcmp(rel, "ccomp") || !strcmp(rel, "advcl") || !strcmp(rel, "xcomp") ||
                     !strcmp(rel, "csubj") || !strcmp(rel, "parataxis") || !strcmp(rel, "acl");
    if (clause_rel && is_predicate(p, t)) {
        /* Clauses: "that"/"after" open an SBAR; "to" stays in the verb chain. */
        uint32_t mark = 0;
        for (uint32_t i = 0; i < p->n_kids[t] && !mark; i++) {
            uint32_t k = p->kids[t][i];
            if (k < t && rel_is(p, k, "mark") && !is_to_marker(p, k)) mark = k;
        }
        if (!mark) mark = case_marker;
        int relative = full_rel_is(p, t, "acl:relcl");
        if (!strcmp(rel, "acl") && !relative && !mark) return project_clause(p, t, 0, 0);
        /* Words before the subordinator modify the whole SBAR, Penn style: (SBAR (NP almost
         * five years) (IN after) (S ...)), not the clause it opens; a comma before them stays
         * before them. */
        node_list l = {0};
        for (uint32_t i = 0; i < p->n_kids[t] && mark; i++) {
            uint32_t k = p->kids[t][i];
            if (k >= mark || is_subject(p, k)) continue;
            vec_push(&l, dependent(p, k));
            p->placed[k] = 1;
        }
        tree_node *s = project_clause(p, t, 1, mark);
        if (!mark && !relative) return s;
        if (mark) vec_push(&l, p->leaf[mark]);
        vec_push(&l, s);
        return phrase(p, "SBAR", &l);
    }
    if (case_marker) {
        node_list l = {0};
        vec_push(&l, p->leaf[case_marker]);
        for (uint32_t i = 0; i < p->n_kids[case_marker]; i++) {
            uint32_t k = p->kids[case_marker][i];
            vec_push(&l, project(p, k)); /* "according to", "because of": fixed parts */
        }
        vec_push(&l, is_nominal(p, t)     ? project_noun(p, t, case_marker)
                     : is_predicate(p, t) ? project_clause(p, t, 1, case_marker)
                                          : project(p, t));
        return phrase(p, "PP", &l);
    }
    return project(p, t);
}

static int right_modifier(const projector *p, uint32_t k)
{
    return rel_is(p, k, "nmod") || rel_is(p, k, "acl") || rel_is(p, k, "appos") ||
           rel_is(p, k, "conj") || rel_is(p, k, "cc") || rel_is(p, k, "punct") ||
           rel_is(p, k, "obl") || rel_is(p, k, "advcl") || rel_is(p, k, "parataxis") ||
           rel_is(p, k, "dep") || rel_is(p, k, "ccomp") || rel_is(p, k, "xcomp");
}

/* Every leaf of t's subtree, in sentence order. */
static void subtree_leaves(projector *p, uint32_t t, node_list *out)
{
    for (uint32_t i = 0; i < p->n_kids[t]; i++)
        if (p->kids[t][i] < t) subtree_leaves(p, p->kids[t][i], out);
    vec_push(out, p->leaf[t]);
    for (uint32_t i = 0; i < p->n_kids[t]; i++)
        if (p->kids[t][i] > t) subtree_leaves(p, p->kids[t][i], out);
}

/* A modifier with no prepositional or clausal part of its own: Penn writes it flat inside
 * the noun phrase ("Bree Prime Minister Romendacil", "an 800 million ducat protocol"). */
static int flat_modifier(const projector *p, uint32_t t)
{
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if ((rel_is(p, k, "case") && !possessive_marker(p, k)) || rel_is(p, k, "acl") ||
            rel_is(p, k, "conj") || rel_is(p, k, "appos") || !flat_modifier(p, k))
            return 0;
        /* a clause's parts: it has a subject, an auxiliary or a subordinator of its own */
        if (is_subject(p, k) || is_aux(p, k) || rel_is(p, k, "mark") || rel_is(p, k, "cc"))
            return 0;
    }
    return 1;
}

typedef struct np_item {
    tree_node *node;
    int post; /* a post-modifier (PP, clause, apposition, conjunct) or its punctuation */
} np_item;

static int np_item_order(const void *a, const void *b)
{
    uint32_t x = first_token(((const np_item *)a)->node),
             y = first_token(((const np_item *)b)->node);
    return (x > y) - (x < y);
}

/* skip: a child already placed by the caller (the case marker of a PP), or 0.
 * Shape: the head with its pre-modifiers and name parts is one flat NP; post-modifiers follow
 * it inside an outer NP, Penn style: (NP (NP the government) (PP of (NP Gondor))). */
static tree_node *project_noun(projector *p, uint32_t t, uint32_t skip)
{
    VEC(np_item) items = {0};
    int has_post = 0;
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if (k == skip) continue;
        if (rel_is(p, k, "case") && possessive_marker(p, k)) {
            p->leaf[k]->label = "POS"; /* the possessor's NP keeps its 's */
            vec_push(&items, ((np_item){p->leaf[k], 0}));
            continue;
        }
        if (k > t && right_modifier(p, k)) {
            int separator = rel_is(p, k, "punct") || rel_is(p, k, "cc");
            if (!separator) has_post = 1;
            if (rel_is(p, k, "conj") && is_nominal(p, k)) {
                /* UD hangs "and" on the second conjunct; Penn puts it between the two NPs,
                 * which is what makes the pair a compound. */
                uint32_t cc = 0;
                for (uint32_t j = 0; j < p->n_kids[k] && !cc; j++)
                    if (rel_is(p, p->kids[k][j], "cc") && p->kids[k][j] < k) cc = p->kids[k][j];
                if (cc) vec_push(&items, ((np_item){p->leaf[cc], 1}));
                vec_push(&items, ((np_item){project_noun(p, k, cc), 1}));
                continue;
            }
            tree_node *n = separator ? p->leaf[k] : dependent(p, k);
            /* A bare conjunct or apposition is an NP of its own. */
            if (!separator && !n->n_children && isalpha((unsigned char)n->word[0]))
                n = wrap1(p, "NP", n);
            vec_push(&items, ((np_item){n, 1}));
            continue;
        }
        if (full_rel_is(p, k, "nmod:poss") && !flat_modifier(p, k)) {
            vec_push(&items, ((np_item){dependent(p, k), 0}));
            continue;
        }
        if (flat_modifier(p, k)) {
            node_list leaves = {0};
            subtree_leaves(p, k, &leaves);
            for (size_t j = 0; j < leaves.len; j++) {
                if (!strcmp(leaves.items[j]->word, "'s") || !strcmp(leaves.items[j]->word, "'"))
                    leaves.items[j]->label = "POS";
                vec_push(&items, ((np_item){leaves.items[j], 0}));
            }
            vec_free(&leaves);
            continue;
        }
        vec_push(&items, ((np_item){dependent(p, k), 0}));
    }
    vec_push(&items, ((np_item){p->leaf[t], 0}));
    qsort(items.items, items.len, sizeof *items.items, np_item_order);
    node_list base = {0}, outer = {0};
    size_t i = 0;
    /* The base runs from the start through the head to the first post-modifier. */
    int head_seen = 0;
    for (; i < items.len; i++) {
        if (items.items[i].node == p->leaf[t]) head_seen = 1;
        if (items.items[i].post && head_seen) break;
        vec_push(&base, items.items[i].node);
    }
    tree_node *np = phrase(p, "NP", &base);
    if (!has_post) {
        for (; i < items.len; i++) vec_push(&outer, items.items[i].node);
        vec_free(&items);
        if (!outer.len) return np;
        node_list all = {0};
        for (uint32_t k = 0; k < np->n_children; k++) vec_push(&all, np->children[k]);
        for (size_t k = 0; k < outer.len; k++) vec_push(&all, outer.items[k]);
        vec_free(&outer);
        return phrase(p, "NP", &all);
    }
    vec_push(&outer, np);
    for (; i < items.len; i++) vec_push(&outer, items.items[i].node);
    vec_free(&items);
    return phrase(p, "NP", &outer);
}

/* Verb phrase of predicate t without its subject: auxiliaries open outer VPs; dependents to
 * the right (and adverbs between auxiliaries) go inside. */
static tree_node *verb_chain(projector *p, uint32_t t, uint32_t subject_end, uint32_t skip,
                             node_list *s_level)
{
    node_list inner = {0};
    VEC(uint32_t) chain = {0}; /* auxiliaries and "to", left to right */
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if (k == skip || p->placed[k] || is_subject(p, k) || rel_is(p, k, "conj")) continue;
        if (k < t && (is_aux(p, k) || is_to_marker(p, k))) {
            vec_push(&chain, k);
            continue;
        }
        if (rel_is(p, k, "cc")) {
            if (k < t) vec_push(s_level, p->leaf[k]);
            continue; /* a CC to the right belongs to the coordination */
        }
        if (rel_is(p, k, "punct") || rel_is(p, k, "parataxis")) {
            vec_push(s_level, rel_is(p, k, "punct") ? p->leaf[k] : dependent(p, k));
            continue;
        }
        if (k < t && k < subject_end) {
            vec_push(s_level, dependent(p, k));
            continue;
        }
        vec_push(&inner, dependent(p, k));
    }
    /* The head itself: a verb leaf, or for copular predicates its own phrase. */
    tree_node *head;
    int verbal = upos_is(p, t, "VERB") || upos_is(p, t, "AUX");
    if (verbal) {
        head = p->leaf[t];
    } else {
        head = p->leaf[t];
    }
    /* Split inner dependents: those left of the verb but after the last auxiliary go before
     * it in the innermost VP only if not adverbs between auxiliaries (handled below). */
    node_list vp = {0};
    vec_push(&vp, head);
    node_list pending_left = {0};
    for (size_t i = 0; i < inner.len; i++) {
        if (first_token(inner.items[i]) < p->leaf[t]->first_leaf)
            vec_push(&pending_left, inner.items[i]);
        else
            vec_push(&vp, inner.items[i]);
    }
    vec_free(&inner);
    tree_node *phrase_node;
    if (verbal) {
        sort_nodes(&vp);
        phrase_node = phrase(p, "VP", &vp);
    } else {
        sort_nodes(&vp);
        phrase_node = phrase(p,
                             upos_is(p, t, "ADJ") ? "ADJP"
                             : is_nominal(p, t)   ? "NP"
                                                  : "XP",
                             &vp);
    }
    /* Wrap auxiliaries from the innermost out; adverbs left of the verb attach to the
     * auxiliary they follow ("did n't clash": VP(did n't VP(clash))). */
    tree_node *current = phrase_node;
    if (!verbal && chain.len == 0) current = wrap1(p, "VP", current);
    for (size_t c = chain.len; c > 0; c--) {
        uint32_t aux = chain.items[c - 1];
        uint32_t next = c < chain.len ? chain.items[c] : t;
        node_list l = {0};
        vec_push(&l, p->leaf[aux]);
        for (size_t i = 0; i < pending_left.len; i++) {
            uint32_t pos = first_token(pending_left.items[i]) + 1;
            if (pos > aux && pos < next) vec_push(&l, pending_left.items[i]);
        }
        vec_push(&l, current);
        sort_nodes(&l);
        current = phrase(p, "VP", &l);
    }
    /* Adverbs before the first auxiliary (or verb) sit at clause level. */
    uint32_t first_in_chain = chain.len ? chain.items[0] : t;
    for (size_t i = 0; i < pending_left.len; i++)
        if (first_token(pending_left.items[i]) + 1 < first_in_chain)
            vec_push(s_level, pending_left.items[i]);
    if (chain.len == 0 && verbal) {
        /* No auxiliaries: pending adverbs before the verb go to clause level too. */
        for (size_t i = 0; i < pending_left.len; i++)
            if (first_token(pending_left.items[i]) + 1 >= first_in_chain)
                vec_push(s_level, pending_left.items[i]);
    }
    vec_free(&pending_left);
    vec_free(&chain);
    return current;
}

/* skip: the subordinator the caller's SBAR holds, or 0. */
static tree_node *project_clause(projector *p, uint32_t t, int with_subject, uint32_t skip)
{
    if (++p->depth > 200) {
        p->depth--;
        return wrap1(p, "S", p->leaf[t]);
    }
    node_list s = {0};
    uint32_t subject_end = 0;
    if (with_subject)
        for (uint32_t i = 0; i < p->n_kids[t]; i++) {
            uint32_t k = p->kids[t][i];
            if (!is_subject(p, k)) continue;
            tree_node *subj = project(p, k);
            vec_push(&s, subj);
            /* The subject ends where its subtree ends. */
            tree_node *last = subj;
            while (last->n_children) last = last->children[last->n_children - 1];
            if (last->first_leaf + 1 > subject_end) subject_end = last->first_leaf + 1;
        }
    tree_node *vp = verb_chain(p, t, subject_end, skip, &s);
    /* Coordinated predicates: without a subject of their own they share this one. */
    node_list coordinated = {0};
    int shared = 0;
    for (uint32_t i = 0; i < p->n_kids[t]; i++) {
        uint32_t k = p->kids[t][i];
        if (!rel_is(p, k, "conj")) continue;
        for (uint32_t j = 0; j < p->n_kids[t]; j++) {
            uint32_t c = p->kids[t][j];
            if (rel_is(p, c, "cc") && c > t && c < k) vec_push(&coordinated, p->leaf[c]);
        }
        int own_subject = 0;
        for (uint32_t j = 0; j < p->n_kids[k]; j++)
            if (is_subject(p, p->kids[k][j])) own_subject = 1;
        if (is_predicate(p, k) && !own_subject) {
            node_list junk = {0};
            for (uint32_t j = 0; j < p->n_kids[k]; j++)
                if (rel_is(p, p->kids[k][j], "cc")) vec_push(&coordinated, p->leaf[p->kids[k][j]]);
            tree_node *cvp = verb_chain(p, k, 0, 0, &junk);
            for (size_t q = 0; q < junk.len; q++)
                if (strcmp(junk.items[q]->label, "CC") != 0) vec_push(&coordinated, junk.items[q]);
            vec_free(&junk);
            vec_push(&coordinated, cvp);
            shared = 1;
        } else {
            vec_push(&coordinated, project(p, k));
        }
    }
    if (shared) {
        node_list l = {0};
        vec_push(&l, vp);
        for (size_t i = 0; i < coordinated.len; i++) vec_push(&l, coordinated.items[i]);
        vec_free(&coordinated);
        sort_nodes(&l);
        vp = phrase(p, "VP", &l);
    } else {
        for (size_t i = 0; i < coordinated.len; i++) vec_push(&s, coordinated.items[i]);
        vec_free(&coordinated);
    }
    vec_push(&s, vp);
    sort_nodes(&s);
    p->depth--;
    return phrase(p, "S", &s);
}

static tree_node *project(projector *p, uint32_t t)
{
    if (is_predicate(p, t) && !is_nominal(p, t)) return project_clause(p, t, 1, 0);
    if (is_nominal(p, t)) return project_noun(p, t, 0);
    if (p->n_kids[t] == 0) {
        if (upos_is(p, t, "ADV")) return wrap1(p, "ADVP", p->leaf[t]);
        if (upos_is(p, t, "ADP") || upos_is(p, t, "PART")) {
            if (rel_is(p, t, "compound")) return wrap1(p, "PRT", p->leaf[t]);
            return p->leaf[t];
        }
        return p->leaf[t];
    }
    node_list l = {0};
    for (uint32_t i = 0; i < p->n_kids[t]; i++) vec_push(&l, dependent(p, p->kids[t][i]));
    vec_push(&l, p->leaf[t]);
    sort_nodes(&l);
    const char *label = upos_is(p, t, "ADJ") ? "ADJP" : upos_is(p, t, "ADV") ? "ADVP" : "FRAG";
    return phrase(p, label, &l);
}

/* ---- Lifting non-projective arcs ---------------------------------------------------------- */

static int dominates(const int32_t *head, uint32_t h, uint32_t t)
{
    while (t != 0) {
        if (t == h) return 1;
        t = (uint32_t)head[t];
    }
    return h == 0;
}

static void projectivize(int32_t *head, uint32_t n)
{
    for (int round = 0; round < 64; round++) {
        int changed = 0;
        for (uint32_t d = 1; d <= n; d++) {
            uint32_t h = (uint32_t)head[d];
            if (h == 0) continue;
            uint32_t lo = d < h ? d : h, hi = d < h ? h : d;
            for (uint32_t k = lo + 1; k < hi; k++) {
                if (!dominates(head, h, k)) {
                    head[d] = head[h];
                    changed = 1;
                    break;
                }
            }
        }
        if (!changed) return;
    }
}

static void set_spans(tree_node *n, tree_node *parent)
{
    n->parent = parent;
    if (!n->n_children) return;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t i = 0; i < n->n_children; i++) {
        set_spans(n->children[i], n);
        if (n->children[i]->first_leaf < lo) lo = n->children[i]->first_leaf;
        if (n->children[i]->end_leaf > hi) hi = n->children[i]->end_leaf;
    }
    n->first_leaf = lo;
    n->end_leaf = hi;
}

tern_status dependency_to_tree(const dep_sentence *s, arena *a, ptb_tree *out, tern_error *err)
{
    memset(out, 0, sizeof *out);
    uint32_t n = s->n_tokens;
    if (!n) {
        error_set(err, TERN_EFORMAT, "empty dependency sentence");
        return TERN_EFORMAT;
    }
    /* Repairs change heads and labels of a copy; the caller's sentence stays as parsed. */
    dep_sentence repaired = {arena_memdup(a, s->tokens, n * sizeof *s->tokens), n};
    dependency_repair(repaired.tokens, n);
    s = &repaired;
    projector p = {a, s, n, NULL, NULL, NULL, NULL, NULL, 0};
    p.placed = arena_array(a, uint8_t, n + 1);
    p.head = arena_array(a, int32_t, n + 1);
    for (uint32_t i = 1; i <= n; i++) p.head[i] = s->tokens[i - 1].head;
    projectivize(p.head, n);
    p.n_kids = arena_array(a, uint32_t, n + 1);
    p.kids = arena_array(a, uint32_t *, n + 1);
    for (uint32_t i = 1; i <= n; i++) p.n_kids[p.head[i]]++;
    for (uint32_t h = 0; h <= n; h++) p.kids[h] = arena_array(a, uint32_t, p.n_kids[h] + 1);
    uint32_t *fill = arena_array(a, uint32_t, n + 1);
    for (uint32_t i = 1; i <= n; i++) p.kids[p.head[i]][fill[p.head[i]]++] = i;
    p.leaf = arena_array(a, tree_node *, n + 1);
    out->leaves = arena_array(a, tree_node *, n);
    for (uint32_t i = 1; i <= n; i++) {
        const dep_token *t = &s->tokens[i - 1];
        tree_node *l = arena_new(a, tree_node);
        l->label = penn_tag(&p, i);
        l->word = t->form;
        size_t wl = strlen(t->form);
        char *up = arena_strndup(a, t->form, wl);
        for (size_t k = 0; k < wl; k++) up[k] = (char)toupper((unsigned char)up[k]);
        l->upper = up;
        if (t->lemma && strcmp(t->lemma, "_") != 0) {
            size_t ll = strlen(t->lemma);
            char *lu = arena_strndup(a, t->lemma, ll);
            for (size_t k = 0; k < ll; k++) lu[k] = (char)toupper((unsigned char)lu[k]);
            l->lemma = lu;
        }
        l->first_leaf = i - 1;
        l->end_leaf = i;
        l->start = t->start;
        l->end = t->end;
        p.leaf[i] = l;
        out->leaves[i - 1] = l;
    }
    node_list top = {0};
    for (uint32_t i = 0; i < p.n_kids[0]; i++) {
        uint32_t r = p.kids[0][i];
        vec_push(&top, is_predicate(&p, r) ? project_clause(&p, r, 1, 0) : project(&p, r));
    }
    sort_nodes(&top);
    tree_node *root = phrase(&p, "ROOT", &top);
    set_spans(root, NULL);
    out->root = root;
    out->n_leaves = n;
    return TERN_OK;
}
