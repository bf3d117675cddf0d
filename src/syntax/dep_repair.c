/* dep_repair: see dep_repair.h. Each repair is keyed to the shape of the tree, never to words
 * of a sentence; the only word lists are closed classes (punctuation, reporting verbs,
 * subordinators, calendar words). */
#include "syntax/dep_repair.h"

#include "text/dates.h"

#include <string.h>
#include <strings.h>

typedef struct repair {
    dep_token *t;
    uint32_t n;
} repair;

/* ---- Queries ------------------------------------------------------------------------------ */

static dep_token *tok(const repair *r, uint32_t k)
{
    return &r->t[k - 1];
}

static uint32_t head_of(const repair *r, uint32_t k)
{
    int32_t h = tok(r, k)->head;
    return h > 0 && (uint32_t)h <= r->n ? (uint32_t)h : 0;
}

/* The label before any ":" subtype equals rel. */
static int rel_is(const repair *r, uint32_t k, const char *rel)
{
    const char *d = tok(r, k)->deprel;
    size_t n = strlen(rel);
    return !strncmp(d, rel, n) && (d[n] == '\0' || d[n] == ':');
}

static int upos_is(const repair *r, uint32_t k, const char *u)
{
    return !strcmp(tok(r, k)->upos, u);
}

static int is_noun(const repair *r, uint32_t k)
{
    return upos_is(r, k, "NOUN") || upos_is(r, k, "PROPN");
}

static int is_nominal(const repair *r, uint32_t k)
{
    return is_noun(r, k) || upos_is(r, k, "PRON") || upos_is(r, k, "NUM");
}

static int is_comma(const repair *r, uint32_t k)
{
    const char *f = tok(r, k)->form;
    return upos_is(r, k, "PUNCT") && (!strcmp(f, ",") || !strcmp(f, ";") || !strcmp(f, "--"));
}

static int is_separator(const repair *r, uint32_t k)
{
    return is_comma(r, k) || rel_is(r, k, "cc");
}

/* Does h dominate k (k itself included)? Bounded, so a malformed chain cannot loop. */
static int dominates(const repair *r, uint32_t h, uint32_t k)
{
    for (uint32_t steps = 0; k && steps <= r->n; steps++) {
        if (k == h) return 1;
        k = head_of(r, k);
    }
    return 0;
}

static uint32_t subtree_first(const repair *r, uint32_t t)
{
    for (uint32_t k = 1; k <= t; k++)
        if (dominates(r, t, k)) return k;
    return t;
}

static uint32_t subtree_last(const repair *r, uint32_t t)
{
    for (uint32_t k = r->n; k >= t; k--)
        if (dominates(r, t, k)) return k;
    return t;
}

static uint32_t child_with(const repair *r, uint32_t h, const char *rel)
{
    for (uint32_t k = 1; k <= r->n; k++)
        if (head_of(r, k) == h && rel_is(r, k, rel)) return k;
    return 0;
}

static uint32_t sentence_root(const repair *r)
{
    for (uint32_t k = 1; k <= r->n; k++)
        if (head_of(r, k) == 0) return k;
    return 0;
}

/* Re-attaches k under h, unless that would put k above itself. */
static int attach(repair *r, uint32_t k, uint32_t h, const char *rel)
{
    if (h && dominates(r, k, h)) return 0;
    tok(r, k)->head = (int32_t)h;
    if (rel) tok(r, k)->deprel = rel;
    return 1;
}

static void move_children(repair *r, uint32_t from, uint32_t to)
{
    for (uint32_t k = 1; k <= r->n; k++)
        if (k != to && head_of(r, k) == from) attach(r, k, to, NULL);
}

/* ---- Names -------------------------------------------------------------------------------- */

/* A name is a contiguous run of words: a flat part hung on a head that other words separate
 * from it ("the Prince of Dol Amroth" with Amroth on Prince, a common greedy-parser slip)
 * joins the proper noun just before it, so the name stays whole. */
static void join_split_names(repair *r)
{
    for (uint32_t k = 2; k <= r->n; k++) {
        uint32_t h = head_of(r, k);
        if (!rel_is(r, k, "flat") || !h || h >= k - 1) continue;
        if (head_of(r, k - 1) == h && rel_is(r, k - 1, "flat")) continue;
        if (!upos_is(r, k - 1, "PROPN")) continue;
        attach(r, k, k - 1, NULL);
    }
}

/* English coordinates with a conjunction or at least a comma: a proper noun hung as "conj" on
 * the noun just before its own words, with neither between them, is the head of one longer
 * name ("Bree Prime Minister Romendacil" read as Bree + Romendacil). The name's head takes
 * the first word's place and the first word becomes its modifier. */
static void join_names_without_conjunction(repair *r)
{
    for (uint32_t k = 2; k <= r->n; k++) {
        uint32_t h = head_of(r, k);
        if (!rel_is(r, k, "conj") || !h || h >= k || !upos_is(r, k, "PROPN") || !is_noun(r, h))
            continue;
        int separated = 0;
        for (uint32_t j = h + 1; j < k && !separated; j++)
            if (!dominates(r, k, j) || is_separator(r, j)) separated = 1;
        for (uint32_t j = 1; j <= r->n && !separated; j++)
            if (head_of(r, j) == k && is_separator(r, j)) separated = 1;
        if (separated) continue;
        uint32_t up = head_of(r, h);
        const char *rel = tok(r, h)->deprel;
        if (!attach(r, k, up, rel)) continue;
        move_children(r, h, k);
        attach(r, h, k, "compound");
    }
}

/* ---- Subjects ----------------------------------------------------------------------------- */

static int has_child_with(const repair *r, uint32_t h, const char *rel)
{
    return child_with(r, h, rel) != 0;
}

/* "Arnor, Calenardhon and Gondor welcomed ...": a bare noun root cannot be coordinated with a
 * whole clause, so when the clause conjunct has its subject after the conjunction, the root
 * and its conjuncts are that clause's subject, listed before it. */
static void subject_listed_before_clause(repair *r)
{
    uint32_t root = sentence_root(r);
    if (!root || !is_nominal(r, root) || has_child_with(r, root, "nsubj") ||
        has_child_with(r, root, "cop") || has_child_with(r, root, "aux"))
        return;
    for (uint32_t v = root + 1; v <= r->n; v++) {
        if (head_of(r, v) != root || !rel_is(r, v, "conj") || !upos_is(r, v, "VERB")) continue;
        uint32_t subject = child_with(r, v, "nsubj"), cc = child_with(r, v, "cc");
        if (!subject || subject > v || !cc || cc > subtree_first(r, subject)) return;
        if (!attach(r, v, 0, "root")) return;
        attach(r, root, v, "nsubj");
        for (uint32_t k = v + 1; k <= r->n; k++)
            if (head_of(r, k) == root) attach(r, k, v, NULL);
        return;
    }
}

/* Words that make a phrase a time: days, months, and the calendar nouns and adverbs wire
 * copy puts before the verb ("on Thursday", "last week", "earlier this month"). */
static int time_word(const repair *r, uint32_t k)
{
    static const char *const words[] = {"today", "yesterday", "tonight", "week",      "weekend",
                                        "month", "year",      "morning", "afternoon", "evening",
                                        "night", "earlier",   "later",   NULL};
    const char *f = tok(r, k)->form;
    size_t n = strlen(f);
    if (date_month_of_word(f, n) || date_weekday_of_word(f, n) >= 0) return 1;
    for (int i = 0; words[i]; i++)
        if (!strcasecmp(f, words[i])) return 1;
    return 0;
}

/* Wire copy puts the day between subject and verb: "Pyongyang on Thursday fired two shells".
 * A greedy parser that meets the day before any verb tends to make the subject the root and
 * hang the verb under it (goeswith, amod, list). When the words before the first verb are the
 * nominal root's own phrase and a short time phrase, and that verb is finite (or a past form),
 * the verb is the predicate: it becomes the root, the nominal its subject, the time phrase its
 * oblique, and the root's later dependents its own (the first bare nominal its object). */
static void verb_after_time_phrase(repair *r)
{
    uint32_t root = sentence_root(r);
    if (!root || !is_noun(r, root) || has_child_with(r, root, "nsubj") ||
        has_child_with(r, root, "cop") || has_child_with(r, root, "aux"))
        return;
    for (uint32_t k = 1; k < root; k++)
        if (!dominates(r, root, k)) return;
    uint32_t v = root + 1;
    while (v <= r->n && !upos_is(r, v, "VERB") && !upos_is(r, v, "AUX")) v++;
    if (v > r->n || v == root + 1 || v - root > 7 || rel_is(r, v, "acl")) return;
    const char *x = tok(r, v)->xpos;
    if (strcmp(x, "VBD") && strcmp(x, "VBZ") && strcmp(x, "VBP") && strcmp(x, "VBN")) return;
    int timed = 0;
    for (uint32_t k = root + 1; k < v; k++) {
        if (!is_nominal(r, k) && !upos_is(r, k, "ADP") && !upos_is(r, k, "DET") &&
            !upos_is(r, k, "ADJ") && !upos_is(r, k, "ADV"))
            return;
        timed |= time_word(r, k);
    }
    if (!timed) return;
    /* The root's child on the way down to v ("shells" of "fired two shells"), if any. */
    uint32_t between = 0;
    for (uint32_t k = head_of(r, v); k && k != root; k = head_of(r, k))
        if (head_of(r, k) == root) between = k;
    if (!attach(r, v, 0, "root")) return;
    attach(r, root, v, "nsubj");
    for (uint32_t k = root + 1; k < v; k++) {
        uint32_t h = head_of(r, k);
        if (h == v || (h > root && h < v)) continue;
        attach(r, k, v, has_child_with(r, k, "case") ? "obl" : "obl:tmod");
    }
    int object = has_child_with(r, v, "obj");
    for (uint32_t k = v + 1; k <= r->n; k++) {
        if (head_of(r, k) != root && k != between) continue;
        const char *rel = NULL;
        if (is_nominal(r, k) && !has_child_with(r, k, "case") && !object)
            rel = "obj", object = 1;
        else if (is_nominal(r, k) && has_child_with(r, k, "case"))
            rel = "obl";
        attach(r, k, v, rel);
    }
}

/* "downplayed their meeting after a hafling was reported": a greedy parser takes "after a
 * hafling" for a prepositional phrase and then has no place for "was reported" but a conjunct.
 * English joins two clauses with a conjunction or at least a comma; a subjectless verb conjunct
 * with neither, right after a noun introduced by a word that also introduces clauses, has
 * that noun for its subject and that word for its subordinator, and modifies the nearest verb
 * above the noun. */
static void subordinate_clause_after_preposition(repair *r)
{
    static const char *const subordinators[] = {"after",   "before", "since", "until", "till",
                                                "because", "while",  "as",    "once",  NULL};
    for (uint32_t v = 2; v <= r->n; v++) {
        uint32_t h = head_of(r, v);
        if (!h || h >= v || !rel_is(r, v, "conj") || !upos_is(r, v, "VERB") ||
            has_child_with(r, v, "nsubj") || has_child_with(r, v, "cc"))
            continue;
        uint32_t first = subtree_first(r, v);
        if (first < 2) continue;
        uint32_t noun = first - 1;
        while (noun > h && !is_nominal(r, noun)) noun--;
        if (noun <= h || !dominates(r, h, noun) || !dominates(r, noun, first - 1)) continue;
        uint32_t marker = child_with(r, noun, "case");
        if (!marker || marker > noun) continue;
        int subordinator = 0;
        for (int i = 0; subordinators[i]; i++)
            if (!strcasecmp(tok(r, marker)->form, subordinators[i])) subordinator = 1;
        if (!subordinator) continue;
        int separated = 0;
        for (uint32_t k = h + 1; k < first && !separated; k++)
            if (is_separator(r, k) && head_of(r, k) == v) separated = 1;
        if (separated) continue;
        /* The clause it modifies: the nearest verb above the noun. */
        uint32_t clause = head_of(r, noun);
        while (clause && clause != h && !upos_is(r, clause, "VERB")) clause = head_of(r, clause);
        if (!clause) continue;
        int passive = has_child_with(r, v, "aux:pass");
        if (!attach(r, v, clause, "advcl")) continue;
        attach(r, noun, v, passive ? "nsubj:pass" : "nsubj");
        attach(r, marker, v, "mark");
    }
}

/* "filled with munitions and other military equipment" with "equipment" hung as a conjunct
 * of the verb: a conjunct joins like with like, so a noun conjunct whose conjunction follows
 * a noun the verb governs is that noun's conjunct. */
static void noun_conjunct_of_noun(repair *r)
{
    for (uint32_t k = 3; k <= r->n; k++) {
        uint32_t h = head_of(r, k);
        if (!h || h >= k || !rel_is(r, k, "conj") || !is_noun(r, k) || !upos_is(r, h, "VERB"))
            continue;
        uint32_t cc = child_with(r, k, "cc");
        if (!cc || cc >= k || cc < 2) continue;
        uint32_t before = cc - 1;
        if (!is_noun(r, before) || before <= h || !dominates(r, h, before)) continue;
        if (rel_is(r, before, "nsubj") || rel_is(r, before, "compound")) continue;
        attach(r, k, before, "conj");
    }
}

/* Separators (commas, conjunctions) that end a's phrase as its own children. */
static uint32_t trailing_separators_start(const repair *r, uint32_t a)
{
    uint32_t last = subtree_last(r, a);
    while (last > a && head_of(r, last) == a && is_separator(r, last)) last--;
    return last + 1;
}

/* A clause has one subject. Subject phrases of one predicate that touch form one phrase (the
 * parser split "the evil awful Gondor" into "the evil" and "awful Gondor"); separated only by
 * commas and conjunctions they are a coordination, conjuncts hung on the first as UD has it. */
static void join_subjects_of(repair *r, uint32_t v)
{
    uint32_t s[64], m = 0;
    for (uint32_t k = 1; k < v && m < 64; k++)
        if (head_of(r, k) == v && rel_is(r, k, "nsubj") && is_nominal(r, k)) s[m++] = k;
    if (m < 2) return;
    /* Touching phrases first: the earlier one modifies the later. */
    uint32_t kept[64], nk = 0;
    for (uint32_t i = 0; i < m; i++) {
        if (nk) {
            uint32_t a = kept[nk - 1];
            if (subtree_last(r, a) == a && subtree_first(r, s[i]) == a + 1 && is_noun(r, a) &&
                attach(r, a, s[i], "compound")) {
                kept[nk - 1] = s[i];
                continue;
            }
        }
        kept[nk++] = s[i];
    }
    /* Then coordination: every gap word a comma or a conjunction. */
    uint32_t first = kept[0];
    for (uint32_t i = 1; i < nk; i++) {
        uint32_t a = kept[i - 1], b = kept[i];
        uint32_t from = trailing_separators_start(r, a), to = subtree_first(r, b);
        int clean = from < to;
        for (uint32_t j = from; j < to && clean; j++)
            if (!is_separator(r, j)) clean = 0;
        if (!clean) return;
        if (!attach(r, b, first, "conj")) return;
        for (uint32_t j = from; j < to; j++) attach(r, j, b, NULL);
        /* Conjuncts of a later conjunct are conjuncts of the whole list. */
        for (uint32_t k = b + 1; k <= r->n; k++)
            if (head_of(r, k) == b && rel_is(r, k, "conj")) attach(r, k, first, NULL);
    }
}

static void join_subjects(repair *r)
{
    for (uint32_t v = 1; v <= r->n; v++) join_subjects_of(r, v);
}

/* Auxiliaries and copulas are function words: they take no dependents of their own (UD
 * allows only fixed expressions, conjuncts and punctuation). What the parser hung on one
 * ("most" as subject of "did") belongs to the predicate the auxiliary serves. */
static void auxiliaries_have_no_dependents(repair *r)
{
    for (uint32_t k = 1; k <= r->n; k++) {
        uint32_t a = head_of(r, k), p = a ? head_of(r, a) : 0;
        if (!a || !p || !(rel_is(r, a, "aux") || rel_is(r, a, "cop"))) continue;
        if (rel_is(r, k, "fixed") || rel_is(r, k, "conj") || rel_is(r, k, "punct") ||
            rel_is(r, k, "goeswith"))
            continue;
        attach(r, k, p, NULL);
    }
}

/* A predicate with a noun subject has no second subject that is an adjective or adverb:
 * "Romendacil most certainly did not clash" has "most" modifying the verb, or, right before
 * an adverb, grading that adverb ("most certainly" is one adverb phrase). */
static void modifiers_are_not_second_subjects(repair *r)
{
    for (uint32_t k = 1; k <= r->n; k++) {
        uint32_t v = head_of(r, k);
        if (!v || !rel_is(r, k, "nsubj") || !(upos_is(r, k, "ADJ") || upos_is(r, k, "ADV")))
            continue;
        for (uint32_t s = 1; s <= r->n; s++)
            if (s != k && head_of(r, s) == v && rel_is(r, s, "nsubj") && is_nominal(r, s)) {
                tok(r, k)->deprel = "advmod";
                if (k < r->n && upos_is(r, k + 1, "ADV") && head_of(r, k + 1) == v)
                    attach(r, k, k + 1, NULL);
                break;
            }
    }
}

/* ---- Attribution -------------------------------------------------------------------------- */

static int reporting_verb(const repair *r, uint32_t v)
{
    static const char *verbs[] = {"say",   "report", "add",     "tell", "announce",
                                  "state", "claim",  "confirm", NULL};
    const char *lemma = tok(r, v)->lemma;
    if (!upos_is(r, v, "VERB") || !lemma) return 0;
    for (int i = 0; verbs[i]; i++)
        if (!strcasecmp(lemma, verbs[i])) return 1;
    return 0;
}

static uint32_t last_word(const repair *r)
{
    uint32_t k = r->n;
    while (k > 1 && upos_is(r, k, "PUNCT")) k--;
    return k;
}

/* A relative pronoun or subordinator among v's dependents makes v a real embedded clause. */
static int introduced(const repair *r, uint32_t v)
{
    static const char *wh[] = {"that", "which", "who", "whom", "whose", "as", NULL};
    for (uint32_t k = 1; k < v; k++) {
        if (head_of(r, k) != v) continue;
        if (rel_is(r, k, "mark")) return 1;
        for (int i = 0; wh[i]; i++)
            if (!strcasecmp(tok(r, k)->form, wh[i])) return 1;
    }
    return 0;
}

/* The noun's own words (not the clause's) run up to the subject of the clause hung on it. */
static int title_before_name(const repair *r, uint32_t noun, uint32_t subject, uint32_t v)
{
    uint32_t first = subtree_first(r, subject);
    if (first <= noun) return 0;
    for (uint32_t k = noun + 1; k < first; k++)
        if (!dominates(r, noun, k) || dominates(r, v, k)) return 0;
    return 1;
}

/* "..., the official news agency WFNA said on Thursday." ends a sentence with its source: a
 * reporting verb with nothing reported after it, its subject just after a comma, its clause
 * running to the end. Whatever the parser hung it on (a relative clause of the noun before,
 * an adverbial of the last verb), it attributes the whole sentence: parataxis of the root,
 * as UD annotates it, with the comma in its clause. */
static void closing_attribution(repair *r)
{
    uint32_t root = sentence_root(r);
    for (uint32_t v = 2; v <= r->n; v++) {
        if (!reporting_verb(r, v) || v == root || subtree_last(r, v) < last_word(r)) continue;
        if (has_child_with(r, v, "obj") || has_child_with(r, v, "ccomp") ||
            has_child_with(r, v, "xcomp") || introduced(r, v))
            continue;
        uint32_t h = head_of(r, v), subject = child_with(r, v, "nsubj");
        if (subject > v) continue;
        /* A noun that "has" the clause as a relative one is its subject instead. */
        uint32_t noun = rel_is(r, v, "acl") && h < v && is_noun(r, h) ? h : 0;
        if (!subject && !noun) continue;
        uint32_t start = subtree_first(r, noun ? noun : subject);
        if (noun && subject && !title_before_name(r, noun, subject, v)) continue;
        if (noun) {
            for (uint32_t k = start; k <= noun; k++)
                if (!dominates(r, noun, k)) start = k + 1;
        }
        uint32_t comma = is_comma(r, start)                    ? start
                         : start > 1 && is_comma(r, start - 1) ? start - 1
                                                               : 0;
        if (!comma || dominates(r, v, root)) continue;
        if (!attach(r, v, root, "parataxis")) continue;
        if (noun && subject) {
            /* "the official news agency WFNA": the title noun modifies the name. */
            for (uint32_t k = 1; k <= r->n; k++)
                if (head_of(r, k) == noun && k < noun) attach(r, k, subject, NULL);
            attach(r, noun, subject, "compound");
        } else if (noun) {
            attach(r, noun, v, "nsubj");
        }
        attach(r, comma, v, "punct");
    }
}

/* ---- Punctuation -------------------------------------------------------------------------- */

/* Another comma inside t's phrase than c: c closes a pair. */
static int pairs_with_inner_comma(const repair *r, uint32_t t, uint32_t c)
{
    for (uint32_t k = subtree_first(r, t); k < c; k++)
        if (is_comma(r, k) && dominates(r, t, k)) return 1;
    return 0;
}

/* Penn puts the commas around a noun phrase (an apposition's, a list's) in the phrase around
 * it, not inside: a comma that is the first or last word of a noun's phrase moves up. The
 * comma that closes an apposition stays in the noun phrase that holds the apposition: "(NP
 * (NP X) , (NP the union for teachers) ,)", so a last-word comma that pairs with one inside
 * moves up only into another noun. */
static void commas_leave_noun_phrases(repair *r)
{
    for (int round = 0; round < 4; round++) {
        int moved = 0;
        for (uint32_t c = 1; c <= r->n; c++) {
            uint32_t h = head_of(r, c);
            if (!is_comma(r, c) || !h || !is_nominal(r, h) || !head_of(r, h)) continue;
            int leading = c == subtree_first(r, h);
            int closing = c == subtree_last(r, h) &&
                          (is_nominal(r, head_of(r, h)) || !pairs_with_inner_comma(r, h, c));
            if (!leading && !closing) continue;
            moved |= attach(r, c, head_of(r, h), NULL);
        }
        if (!moved) return;
    }
}

/* The full stop closes the sentence: Penn hangs it on the root S, whatever the parser
 * attached it to. */
/* Punctuation takes no dependents in UD; a parser that hangs words on a comma or the full
 * stop would lose them from the phrase structure. They go to the punctuation's own head, and
 * a word labelled as punctuation becomes a plain dependent, so its own words are kept. */
static void punctuation_has_no_dependents(repair *r)
{
    for (uint32_t k = 1; k <= r->n; k++)
        if (rel_is(r, k, "punct") && !upos_is(r, k, "PUNCT") && !upos_is(r, k, "SYM"))
            tok(r, k)->deprel = "dep";
    for (uint32_t k = 1; k <= r->n; k++) {
        uint32_t h = head_of(r, k);
        if (!h || !upos_is(r, h, "PUNCT")) continue;
        uint32_t up = h;
        while (up && upos_is(r, up, "PUNCT")) up = head_of(r, up);
        attach(r, k, up, up ? NULL : "root");
    }
}

/* Function words (case markers, subordinators, conjunctions, determiners) take no dependents
 * but their own multiword parts; the phrase structure writes them as single leaves, so words
 * a parser hangs on them ("borrowing" read as a conjunction with "rose at a near-record pace"
 * below it) would vanish. They go to the function word's head. */
static void function_words_have_no_dependents(repair *r)
{
    for (uint32_t k = 1; k <= r->n; k++) {
        uint32_t f = head_of(r, k);
        if (!f || !(rel_is(r, f, "case") || rel_is(r, f, "mark") || rel_is(r, f, "cc") ||
                    rel_is(r, f, "det")))
            continue;
        if (rel_is(r, k, "fixed") || rel_is(r, k, "flat") || rel_is(r, k, "goeswith")) continue;
        uint32_t up = f;
        while (up && (rel_is(r, up, "case") || rel_is(r, up, "mark") || rel_is(r, up, "cc") ||
                      rel_is(r, up, "det")))
            up = head_of(r, up);
        attach(r, k, up, up ? NULL : "root");
    }
}

static void final_stop_to_root(repair *r)
{
    uint32_t root = sentence_root(r), k = r->n;
    const char *f = tok(r, k)->form;
    if (!root || k == root || !upos_is(r, k, "PUNCT")) return;
    if (strcmp(f, ".") != 0 && strcmp(f, "!") != 0 && strcmp(f, "?") != 0) return;
    attach(r, k, root, NULL);
}

void dependency_repair(dep_token *tokens, uint32_t n)
{
    repair r = {tokens, n};
    join_split_names(&r);
    join_names_without_conjunction(&r);
    subject_listed_before_clause(&r);
    verb_after_time_phrase(&r);
    subordinate_clause_after_preposition(&r);
    noun_conjunct_of_noun(&r);
    auxiliaries_have_no_dependents(&r);
    modifiers_are_not_second_subjects(&r);
    join_subjects(&r);
    closing_attribution(&r);
    commas_leave_noun_phrases(&r);
    punctuation_has_no_dependents(&r);
    function_words_have_no_dependents(&r);
    final_stop_to_root(&r);
}
