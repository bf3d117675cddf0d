/*
 * tree_frames: turns a Penn Treebank parse into a coding_sentence (frame.h), following the
 * reading of parse trees that the PETRARCH-1 validation suite was written against:
 *
 *  1. Compounds. A CC whose parent is an NP with at least two noun constituents below it,
 *     and no verb phrase or clause, makes that NP a compound (NEC): "Gondor and Osgiliath".
 *     A CC beside a clause or a second CC in the same phrase coordinates something else.
 *  2. Noun phrases. An NP becomes one actor phrase (NE) when it has no NP below it, or when
 *     it is a possessive (the POS is dropped: "Gondor 's government"), or when it is the
 *     simple "NP PP" shape "the government of Gondor" (first NP, preposition, second NP).
 *     Other NPs stay brackets and their parts are read in turn. Relative clauses (SBAR)
 *     inside an NP are flattened into words: their verbs are not coded (unless
 *     frame_options.embedded_clauses, for raw news: then an NP with a clause inside stays a
 *     bracket and the clause gets frames).
 *  3. A compound becomes NEC_OPEN, one NE per member noun constituent, NEC_CLOSE; adjectives
 *     before the first member are repeated in bare-noun members ("evil Mordor and Gondor").
 *     A compound inside a larger phrase yields one NE per member, each with the phrase's
 *     other words ("ties between Gondor and Osgiliath").
 *  4. Comma clauses are removed by the comma rules (comma_options), then frames are made
 *     for every verb phrase whose first child is a verb, with passive voice detected as
 *     "was/is/been ... VBN ... by".
 */
#include "syntax/tree_frames.h"

#include "base/error.h"
#include "base/vec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef VEC(sentence_item) item_vec;
typedef VEC(uint32_t) u32_vec;

/* A part of an actor phrase under construction: a word, or a whole compound node. */
typedef struct ne_part {
    uint32_t token; /* when node is NULL */
    const tree_node *compound;
} ne_part;
typedef VEC(ne_part) part_vec;
typedef VEC(const tree_node *) node_vec;

typedef struct builder {
    arena *a;
    const ptb_tree *tree;
    item_vec items;
    VEC(noun_phrase) phrases;
    uint32_t n_compounds;
    uint32_t n_vps;
    int dateline;
    int embedded_clauses; /* frame_options */
    tern_status oom;
} builder;

void comma_options_default(comma_options *o)
{
    o->min = 2, o->max = 8;
    o->bmin = 0, o->bmax = 0;
    o->emin = 2, o->emax = 8;
}

/* ---- Tree queries ------------------------------------------------------------------------- */

static int is_leaf(const tree_node *n)
{
    return n->word != NULL;
}

static int starts(const char *label, const char *prefix)
{
    return strncmp(label, prefix, strlen(prefix)) == 0;
}

/* Does any node strictly below n have a label equal to (exact) or starting with label? */
static int below_has(const tree_node *n, const char *label, int exact)
{
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (exact ? !strcmp(c->label, label) : starts(c->label, label)) return 1;
        if (below_has(c, label, exact)) return 1;
    }
    return 0;
}

static int count_below(const tree_node *n, const char *prefix, int exact)
{
    int k = 0;
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (exact ? !strcmp(c->label, prefix) : starts(c->label, prefix)) k++;
        k += count_below(c, prefix, exact);
    }
    return k;
}

static const tree_node *first_below(const tree_node *n, const char *label)
{
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (!strcmp(c->label, label)) return c;
        const tree_node *f = first_below(c, label);
        if (f) return f;
    }
    return NULL;
}

/* ---- Step 1: compounds -------------------------------------------------------------------- */

/* "both", "either", "neither" before the first conjunct: Penn tags them CC, but they open the
 * coordination rather than making a second one ("Both Moscow and Pyongyang"). */
static int preconjunction(const tree_node *n)
{
    return is_leaf(n) && !strcmp(n->label, "CC") &&
           (!strcasecmp(n->word, "both") || !strcasecmp(n->word, "either") ||
            !strcasecmp(n->word, "neither"));
}

static int count_conjunctions(const tree_node *n)
{
    int k = 0;
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (!strcmp(c->label, "CC") && !preconjunction(c)) k++;
        k += count_conjunctions(c);
    }
    return k;
}

static void mark_compounds(tree_node *n)
{
    for (uint32_t i = 0; i < n->n_children; i++) mark_compounds(n->children[i]);
    if (!is_leaf(n)) return;
    if (strcmp(n->label, "CC") != 0 || !n->parent || preconjunction(n)) return;
    tree_node *p = n->parent;
    if (!strcmp(p->label, "VP") || starts(p->label, "S") || below_has(p, "VP", 0) ||
        below_has(p, "S", 0))
        return;
    if (count_conjunctions(p) > 1) return;
    if (!strcmp(p->label, "NP") && 1 + count_below(p, "N", 0) >= 3) p->label = "NEC";
}

/* ---- Emission ----------------------------------------------------------------------------- */

static void push(builder *b, uint8_t kind, const char *label, uint32_t value)
{
    sentence_item it = {kind, label, value};
    vec_push(&b->items, it);
}

static void emit_words_of(builder *b, const tree_node *n)
{
    for (uint32_t i = n->first_leaf; i < n->end_leaf; i++) push(b, ITEM_WORD, NULL, i);
}

static uint32_t begin_phrase(builder *b, int32_t compound)
{
    noun_phrase np = {(uint32_t)b->items.len, 0, compound};
    vec_push(&b->phrases, np);
    uint32_t id = (uint32_t)b->phrases.len - 1;
    push(b, ITEM_NE_OPEN, NULL, id);
    return id;
}

static void end_phrase(builder *b, uint32_t id)
{
    b->phrases.items[id].close_item = (uint32_t)b->items.len;
    push(b, ITEM_NE_CLOSE, NULL, id);
}

/* Collects the parts of n for an actor phrase: words, with compound nodes kept whole. */
static void collect_parts(const tree_node *n, const tree_node *skip_leaf, part_vec *out)
{
    if (n == skip_leaf) return;
    if (!strcmp(n->label, "NEC")) {
        ne_part p = {0, n};
        vec_push(out, p);
        return;
    }
    if (is_leaf(n)) {
        ne_part p = {n->first_leaf, NULL};
        vec_push(out, p);
        return;
    }
    for (uint32_t i = 0; i < n->n_children; i++) collect_parts(n->children[i], skip_leaf, out);
}

static int label_is_member(const char *label)
{
    return starts(label, "NP") || starts(label, "NN");
}

/* Members of a compound: maximal NP/NN* constituents in pre-order. */
static void compound_members(const tree_node *n, node_vec *out)
{
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (label_is_member(c->label))
            vec_push(out, c);
        else
            compound_members(c, out);
    }
}

/* Adjectives that precede the first member of a compound. */
static int leading_adjectives(const tree_node *n, u32_vec *out)
{
    for (uint32_t i = 0; i < n->n_children; i++) {
        const tree_node *c = n->children[i];
        if (label_is_member(c->label)) return 1;
        if (starts(c->label, "JJ")) {
            for (uint32_t k = c->first_leaf; k < c->end_leaf; k++) vec_push(out, k);
            continue;
        }
        if (leading_adjectives(c, out)) return 1;
    }
    return 0;
}

/* Emits an NE from parts. With compounds among them, emits an NEC holding one NE per
 * combination of their members ("lawmakers and officials in Fornost and Gondor" gives four),
 * each carrying the phrase's other words. Returns 1 if a compound was expanded. */
static int emit_phrase_parts(builder *b, const part_vec *parts)
{
    enum { MAX_COMPOUNDS = 4, MAX_COMBINATIONS = 64 };
    node_vec members[MAX_COMPOUNDS] = {{0}};
    size_t where[MAX_COMPOUNDS];
    int n_compounds = 0;
    for (size_t i = 0; i < parts->len && n_compounds < MAX_COMPOUNDS; i++) {
        if (!parts->items[i].compound) continue;
        compound_members(parts->items[i].compound, &members[n_compounds]);
        if (members[n_compounds].len == 0) continue;
        where[n_compounds++] = i;
    }
    if (n_compounds == 0) {
        uint32_t id = begin_phrase(b, -1);
        for (size_t i = 0; i < parts->len; i++) {
            if (parts->items[i].compound)
                emit_words_of(b, parts->items[i].compound);
            else
                push(b, ITEM_WORD, NULL, parts->items[i].token);
        }
        end_phrase(b, id);
        return 0;
    }
    size_t combinations = 1;
    for (int c = 0; c < n_compounds; c++) combinations *= members[c].len;
    if (combinations > MAX_COMBINATIONS) combinations = MAX_COMBINATIONS;
    int32_t compound = (int32_t)b->n_compounds++;
    push(b, ITEM_NEC_OPEN, NULL, (uint32_t)compound);
    for (size_t k = 0; k < combinations; k++) {
        /* Mixed-radix digits of k pick one member per compound, the first compound slowest. */
        size_t pick[MAX_COMPOUNDS], rest = k;
        for (int c = n_compounds - 1; c >= 0; c--) {
            pick[c] = rest % members[c].len;
            rest /= members[c].len;
        }
        uint32_t id = begin_phrase(b, compound);
        int c = 0;
        for (size_t i = 0; i < parts->len; i++) {
            const ne_part *p = &parts->items[i];
            if (c < n_compounds && i == where[c]) {
                emit_words_of(b, members[c].items[pick[c]]);
                c++;
            } else if (p->compound) {
                emit_words_of(b, p->compound);
            } else {
                push(b, ITEM_WORD, NULL, p->token);
            }
        }
        end_phrase(b, id);
    }
    push(b, ITEM_NEC_CLOSE, NULL, (uint32_t)compound);
    for (int c = 0; c < n_compounds; c++) vec_free(&members[c]);
    return 1;
}

static void emit_compound(builder *b, const tree_node *n)
{
    u32_vec adjectives = {0};
    leading_adjectives(n, &adjectives);
    node_vec members = {0};
    compound_members(n, &members);
    int32_t compound = (int32_t)b->n_compounds++;
    push(b, ITEM_NEC_OPEN, NULL, (uint32_t)compound);
    for (size_t m = 0; m < members.len; m++) {
        const tree_node *c = members.items[m];
        uint32_t id = begin_phrase(b, compound);
        if (is_leaf(c))
            for (size_t k = 0; k < adjectives.len; k++)
                push(b, ITEM_WORD, NULL, adjectives.items[k]);
        emit_words_of(b, c);
        end_phrase(b, id);
    }
    push(b, ITEM_NEC_CLOSE, NULL, (uint32_t)compound);
    vec_free(&members);
    vec_free(&adjectives);
}

/* "the government of Gondor": NP whose first PP sits in an (NP (NP ..) (PP (IN ..) (NP ..)))
 * shape. Fills parts and returns 1, or 0 when the NP has another shape. */
/* Do the parts cover every word (letters or digits) of np? */
static int covers_words(const builder *b, const tree_node *np, const part_vec *parts)
{
    for (uint32_t i = np->first_leaf; i < np->end_leaf; i++) {
        const char *w = b->tree->leaves[i]->word;
        int word = 0;
        for (const char *c = w; *c && !word; c++) word = isalnum((unsigned char)*c) || *c & 0x80;
        if (!word) continue;
        int covered = 0;
        for (size_t k = 0; k < parts->len && !covered; k++) {
            const ne_part *p = &parts->items[k];
            covered = p->compound ? i >= p->compound->first_leaf && i < p->compound->end_leaf
                                  : p->token == i;
        }
        if (!covered) return 0;
    }
    return 1;
}

static int prepositional_phrase(builder *b, const tree_node *np, part_vec *parts)
{
    const tree_node *pp = first_below(np, "PP");
    const tree_node *q = pp ? pp->parent : NULL;
    if (!q || strcmp(q->label, "NP") != 0 || q->n_children == 0) return 0;
    const tree_node *head = q->children[0];
    if (strcmp(head->label, "NP") != 0 && strcmp(head->label, "NEC") != 0) return 0;
    /* The preposition: the first IN after the head, wherever it is. */
    const ptb_tree *t = b->tree;
    uint32_t in = head->end_leaf;
    while (in < t->n_leaves && strcmp(t->leaves[in]->label, "IN") != 0) in++;
    if (in >= t->n_leaves) return 0;
    /* Its object: the first NP or compound of q starting after the preposition. */
    const tree_node *object = NULL;
    const tree_node *stack[256];
    int sp = 0;
    for (int i = (int)q->n_children - 1; i >= 0 && sp < 256; i--) stack[sp++] = q->children[i];
    while (sp) {
        const tree_node *c = stack[--sp];
        if ((!strcmp(c->label, "NP") || !strcmp(c->label, "NEC")) && c->first_leaf > in) {
            object = c;
            break;
        }
        for (int i = (int)c->n_children - 1; i >= 0 && sp < 256; i--) stack[sp++] = c->children[i];
    }
    if (!object || below_has(object, "PP", 1)) return 0;
    if (!strcmp(head->label, "NEC")) {
        ne_part p = {0, head};
        vec_push(parts, p);
    } else {
        for (uint32_t i = 0; i < head->n_children; i++)
            collect_parts(head->children[i], NULL, parts);
    }
    ne_part prep = {in, NULL};
    vec_push(parts, prep);
    if (!strcmp(object->label, "NEC")) {
        ne_part p = {0, object};
        vec_push(parts, p);
    } else {
        for (uint32_t i = 0; i < object->n_children; i++)
            collect_parts(object->children[i], NULL, parts);
    }
    /* A relative clause of the phrase after the object is part of it. */
    const tree_node *sbar = first_below(np, "SBAR");
    while (sbar && sbar->first_leaf < object->end_leaf) {
        const tree_node *next = NULL;
        for (uint32_t i = object->end_leaf; i < np->end_leaf && !next; i++) {
            for (const tree_node *up = b->tree->leaves[i]; up && up != np; up = up->parent)
                if (!strcmp(up->label, "SBAR") && up->first_leaf >= object->end_leaf) next = up;
        }
        sbar = next;
    }
    if (sbar)
        for (uint32_t i = sbar->first_leaf; i < sbar->end_leaf; i++) {
            ne_part p = {i, NULL};
            vec_push(parts, p);
        }
    /* PETRARCH-1 reads "NP PP" as the head, the preposition and its object, and drops any
     * other word of the phrase. Raw news keeps every word: a phrase the shape does not cover
     * ("The US on Thursday rejected calls by Kofi Annan" from a bad parse) stays a bracket. */
    if (b->embedded_clauses && !covers_words(b, np, parts)) return 0;
    return 1;
}

static void emit(builder *b, const tree_node *n, int flatten_sbar);

static void emit_children(builder *b, const tree_node *n, int flatten_sbar)
{
    for (uint32_t i = 0; i < n->n_children; i++) emit(b, n->children[i], flatten_sbar);
}

/* Returns 1 if the NP was emitted as an actor phrase (or compound of them). */
static int emit_noun_phrase(builder *b, const tree_node *n)
{
    /* A clause inside keeps its structure when embedded clauses are coded. */
    if (b->embedded_clauses && (below_has(n, "VP", 1) || below_has(n, "SBAR", 1))) return 0;
    part_vec parts = {0};
    int made = 0;
    const tree_node *pos = first_below(n, "POS");
    if (pos) {
        collect_parts(n, pos, &parts);
        made = 1;
    } else if (below_has(n, "PP", 1)) {
        made = prepositional_phrase(b, n, &parts);
    } else if (!below_has(n, "NP", 1) && !below_has(n, "NEC", 1)) {
        collect_parts(n, NULL, &parts);
        made = 1;
    }
    if (made) {
        int first_in_root = b->items.len == 1 && b->items.items[0].kind == ITEM_OPEN;
        int had_compound = emit_phrase_parts(b, &parts);
        if (first_in_root && had_compound) b->dateline = 1;
    }
    vec_free(&parts);
    return made;
}

static void emit(builder *b, const tree_node *n, int flatten_sbar)
{
    if (is_leaf(n)) {
        push(b, ITEM_OPEN, n->label, 0);
        push(b, ITEM_WORD, NULL, n->first_leaf);
        push(b, ITEM_CLOSE, n->label, 0);
        return;
    }
    if (!strcmp(n->label, "NEC")) {
        emit_compound(b, n);
        return;
    }
    if (flatten_sbar && !strcmp(n->label, "SBAR")) {
        push(b, ITEM_OPEN, "SBR", 0);
        emit_words_of(b, n);
        push(b, ITEM_CLOSE, "SBR", 0);
        return;
    }
    if (!strcmp(n->label, "NP")) {
        if (emit_noun_phrase(b, n)) return;
        push(b, ITEM_OPEN, "NP", 0);
        emit_children(b, n, !b->embedded_clauses);
        push(b, ITEM_CLOSE, "NP", 0);
        return;
    }
    uint32_t value = 0;
    if (!strcmp(n->label, "VP")) value = ++b->n_vps;
    push(b, ITEM_OPEN, n->label, value);
    emit_children(b, n, flatten_sbar);
    push(b, ITEM_CLOSE, n->label, value);
}

/* ---- Comma rules -------------------------------------------------------------------------- */

static int is_open(const sentence_item *it, const char *label)
{
    return it->kind == ITEM_OPEN && !strcmp(it->label, label);
}

static int alpha_words(const builder *b, size_t lo, size_t hi)
{
    int k = 0;
    for (size_t i = lo; i < hi && i < b->items.len; i++) {
        const sentence_item *it = &b->items.items[i];
        if (it->kind == ITEM_WORD && isalpha((unsigned char)b->tree->leaves[it->value]->word[0]))
            k++;
    }
    return k;
}

static int opens(const sentence_item *it)
{
    return it->kind == ITEM_OPEN || it->kind == ITEM_NE_OPEN || it->kind == ITEM_NEC_OPEN;
}

static int closes(const sentence_item *it)
{
    return it->kind == ITEM_CLOSE || it->kind == ITEM_NE_CLOSE || it->kind == ITEM_NEC_CLOSE;
}

/* Index of the item closing the one opened at i. */
static size_t matching_close(const builder *b, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < b->items.len; k++) {
        if (opens(&b->items.items[k]))
            depth++;
        else if (closes(&b->items.items[k]) && --depth == 0)
            return k;
    }
    return b->items.len - 1;
}

static void delete_items(builder *b, size_t from, size_t to)
{
    memmove(b->items.items + from, b->items.items + to,
            (b->items.len - to) * sizeof(sentence_item));
    b->items.len -= to - from;
}

/* Removes every complete constituent lying inside [lo, hi). Returns the items removed. */
static size_t delete_constituents(builder *b, size_t lo, size_t hi)
{
    size_t removed = 0;
    size_t i = lo;
    while (i < hi - removed && i < b->items.len) {
        const sentence_item *it = &b->items.items[i];
        if (opens(it)) {
            size_t c = matching_close(b, i);
            if (c < hi - removed) {
                delete_items(b, i, c + 1);
                removed += c + 1 - i;
                continue;
            }
        }
        i++;
    }
    return removed;
}

static long find_comma(const builder *b, size_t from)
{
    for (size_t i = from; i < b->items.len; i++)
        if (is_open(&b->items.items[i], ",")) return (long)i;
    return -1;
}

/* The OPEN item of the sentence-final punctuation (or where it would be). */
static size_t find_end(const builder *b)
{
    size_t k = b->items.len;
    while (k > 2 && closes(&b->items.items[k - 1])) k--;
    return k >= 2 ? k - 2 : 0;
}

static long last_comma_before(const builder *b, size_t end)
{
    for (long k = (long)end - 1; k >= 2; k--)
        if (is_open(&b->items.items[k], ",")) return k;
    return -1;
}

static void apply_comma_rules(builder *b, const comma_options *o)
{
    long first = find_comma(b, 0);
    if (first < 0) return;
    if (o->bmax != 0) {
        int k = alpha_words(b, 2, (size_t)first);
        if (k >= o->bmin && k <= o->bmax) delete_constituents(b, 2, (size_t)first);
    }
    if (o->emax != 0) {
        size_t end = find_end(b);
        long c = last_comma_before(b, end);
        if (c >= 0) {
            int k = alpha_words(b, (size_t)c, b->items.len);
            if (k >= o->emin && k <= o->emax) delete_constituents(b, (size_t)c + 3, end);
        }
    }
    if (o->max != 0) {
        long ka = find_comma(b, 0);
        while (ka >= 0) {
            long kb = find_comma(b, (size_t)ka + 1);
            if (kb < 0) break;
            int k = alpha_words(b, (size_t)ka + 2, (size_t)kb);
            if (k >= o->min && k <= o->max) {
                size_t removed = delete_constituents(b, (size_t)ka, (size_t)kb);
                kb -= (long)removed;
            }
            ka = kb;
        }
    }
    /* A comma left with nothing before it, or nothing after it, goes too. */
    first = find_comma(b, 0);
    if (first >= 0 && alpha_words(b, 2, (size_t)first) == 0)
        delete_items(b, (size_t)first, (size_t)first + 3);
    size_t end = find_end(b);
    long c = last_comma_before(b, end);
    if (c >= 0 && alpha_words(b, (size_t)c + 1, end) == 0)
        delete_items(b, (size_t)c, (size_t)c + 3);
}

/* ---- Frames ------------------------------------------------------------------------------- */

static int word_is(const builder *b, const sentence_item *it, const char *w)
{
    return it->kind == ITEM_WORD && !strcmp(b->tree->leaves[it->value]->upper, w);
}

/* PETRARCH-1's passive test on the verb phrase opened at vp: a VBN later in it, "BY" after
 * that, and WAS/IS/BEEN as the word of an earlier verb tag. Returns the VBN's word item. */
static long passive_verb(const builder *b, size_t vp, size_t vp_close)
{
    const sentence_item *items = b->items.items;
    long vbn = -1;
    for (size_t k = vp + 3; k < vp_close; k++)
        if (is_open(&items[k], "VBN")) {
            vbn = (long)k;
            break;
        }
    if (vbn < 0) return -1;
    size_t vbn_word = (size_t)vbn + 1;
    int by = 0;
    for (size_t k = vbn_word + 2; k < vp_close; k++)
        if (word_is(b, &items[k], "BY")) by = 1;
    if (!by) return -1;
    for (size_t k = vbn_word; k > vp + 1; k--) {
        const sentence_item *it = &items[k - 1];
        if (it->kind == ITEM_CLOSE && starts(it->label, "VB") && k >= 2) {
            const sentence_item *w = &items[k - 2];
            if (word_is(b, w, "WAS") || word_is(b, w, "IS") || word_is(b, w, "BEEN") ||
                word_is(b, w, "WERE") || word_is(b, w, "ARE"))
                return (long)vbn_word;
        }
    }
    return -1;
}

static int is_negation(const char *upper)
{
    return !strcmp(upper, "NOT") || !strcmp(upper, "N'T") || !strcmp(upper, "NEVER");
}

static tern_status build_frames(builder *b, coding_sentence *out)
{
    VEC(frame) frames = {0};
    VEC(uint32_t) open_stack = {0}; /* frame indexes of enclosing verb phrases */
    const sentence_item *items = b->items.items;
    for (size_t i = 0; i < b->items.len; i++) {
        const sentence_item *it = &items[i];
        if (it->kind == ITEM_CLOSE && !strcmp(it->label, "VP")) {
            while (open_stack.len && frames.items[vec_last(&open_stack)].close_item <= i)
                open_stack.len--;
            continue;
        }
        if (!is_open(it, "VP") || i + 2 >= b->items.len) continue;
        if (items[i + 1].kind != ITEM_OPEN || !starts(items[i + 1].label, "VB") ||
            items[i + 2].kind != ITEM_WORD)
            continue;
        frame f = {0};
        f.open_item = (uint32_t)i;
        f.close_item = (uint32_t)matching_close(b, i);
        f.verb_item = (uint32_t)(i + 2);
        long pv = passive_verb(b, i, f.close_item);
        if (pv >= 0) {
            f.passive = 1;
            f.verb_item = (uint32_t)pv;
        }
        f.verb = items[f.verb_item].value;
        f.subject = f.object = f.agent = f.embedded = -1;
        /* Negation: "did not", "will not", "n't" right before the verb inside its phrase, or
         * the auxiliary phrase enclosing it ("(VP (VBD did) (RB not) (VP (VB clash)))"). */
        for (size_t k = f.verb_item; k > 0 && k + 6 > f.verb_item; k--)
            if (items[k - 1].kind == ITEM_WORD &&
                is_negation(b->tree->leaves[items[k - 1].value]->upper))
                f.negated = 1;
        while (open_stack.len && frames.items[vec_last(&open_stack)].close_item <= i)
            open_stack.len--;
        f.parent = open_stack.len ? (int32_t)vec_last(&open_stack) : -1;
        vec_push(&frames, f);
        vec_push(&open_stack, (uint32_t)(frames.len - 1));
    }
    vec_free(&open_stack);
    out->n_frames = (uint32_t)frames.len;
    out->frames = frames.len ? arena_memdup(b->a, frames.items, frames.len * sizeof(frame)) : NULL;
    vec_free(&frames);
    return TERN_OK;
}

/* Recomputes phrase open/close indexes after comma deletion moved items. */
static void reindex_phrases(builder *b)
{
    for (size_t i = 0; i < b->phrases.len; i++) b->phrases.items[i].open_item = UINT32_MAX;
    for (size_t i = 0; i < b->items.len; i++) {
        const sentence_item *it = &b->items.items[i];
        if (it->kind == ITEM_NE_OPEN) b->phrases.items[it->value].open_item = (uint32_t)i;
        if (it->kind == ITEM_NE_CLOSE) b->phrases.items[it->value].close_item = (uint32_t)i;
    }
}

tern_status frames_from_tree(const ptb_tree *t, const frame_options *options, arena *a,
                             coding_sentence *out, tern_error *err)
{
    memset(out, 0, sizeof *out);
    frame_options defaults = {0};
    if (!options) {
        comma_options_default(&defaults.commas);
        options = &defaults;
    }
    builder b = {0};
    b.a = a;
    b.tree = t;
    b.embedded_clauses = options->embedded_clauses;
    mark_compounds(t->root);
    emit(&b, t->root, 0);
    apply_comma_rules(&b, &options->commas);
    reindex_phrases(&b);

    out->n_tokens = t->n_leaves;
    out->tokens = arena_array(a, sentence_token, t->n_leaves ? t->n_leaves : 1);
    for (uint32_t i = 0; i < t->n_leaves; i++) {
        const tree_node *leaf = t->leaves[i];
        out->tokens[i] = (sentence_token){leaf->word,  leaf->upper, leaf->lemma,
                                          leaf->label, leaf->start, leaf->end};
    }
    out->n_items = (uint32_t)b.items.len;
    out->items = arena_memdup(a, b.items.items, b.items.len * sizeof(sentence_item));
    out->n_phrases = (uint32_t)b.phrases.len;
    out->phrases = b.phrases.len
                       ? arena_memdup(a, b.phrases.items, b.phrases.len * sizeof(noun_phrase))
                       : NULL;
    out->n_compounds = b.n_compounds;
    out->dateline = (uint8_t)b.dateline;
    tern_status rc = build_frames(&b, out);
    vec_free(&b.items);
    vec_free(&b.phrases);
    (void)err;
    return rc;
}
