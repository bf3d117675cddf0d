/* Penn Treebank reader and the tree-to-frames conversion: exact structure on hand trees. */
#include "tern_test.h"

#include "syntax/tree_frames.h"

#include <stdio.h>
#include <string.h>

static void reads_tree_and_leaves(void **state)
{
    arena a;
    arena_init(&a, 0);
    const char *text = "(ROOT\n (S (NP (NNP Arnor))\n   (VP (VBD met) (NP (NNP Gondor))) (. .)))";
    ptb_tree t;
    tern_error err = {0};
    assert_int_equal(treebank_parse(text, strlen(text), &a, &t, &err), TERN_OK);
    assert_int_equal(t.n_leaves, 4);
    assert_string_equal(t.root->label, "ROOT");
    assert_string_equal(t.leaves[1]->word, "met");
    assert_string_equal(t.leaves[1]->upper, "MET");
    assert_string_equal(t.leaves[1]->label, "VBD");
    assert_string_equal(t.leaves[1]->parent->label, "VP");
    assert_int_equal(t.root->children[0]->first_leaf, 0);
    assert_int_equal(t.root->children[0]->end_leaf, 4);
    arena_release(&a);
}

static void rejects_malformed_trees(void **state)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"(ROOT (S (NP (NNP Arnor))", "unbalanced parse tree: 2 brackets left open"},
        {"(ROOT (NP (NNP A))))", "unbalanced parse tree: extra ')' at byte 19"},
        {"(ROOT (NP word (NN x)))", "constituent inside the word 'word' at byte 15"},
        {"(ROOT (NP (NN x) word))", "word 'word' mixed with constituents at byte 17"},
        {"(ROOT ())", "empty constituent (ROOT) at byte 7"},
        {"", "empty parse tree"},
        {"Arnor", "word outside brackets at byte 0"},
        {"(A (B x)) (C y)", "text after the end of the parse tree"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        arena a;
        arena_init(&a, 0);
        ptb_tree t;
        tern_error err = {0};
        assert_int_equal(treebank_parse(cases[i].text, strlen(cases[i].text), &a, &t, &err),
                         TERN_EFORMAT);
        assert_string_equal(err.message, cases[i].message);
        arena_release(&a);
    }
}

/* Renders items compactly: {words} for phrases, <...> for compounds, [VP ...] brackets. */
static void render(const coding_sentence *s, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < s->n_items && n + 64 < cap; i++) {
        const sentence_item *it = &s->items[i];
        switch (it->kind) {
        case ITEM_OPEN:
            if (!strcmp(it->label, "VP")) n += (size_t)snprintf(out + n, cap - n, "[VP ");
            break;
        case ITEM_CLOSE:
            if (!strcmp(it->label, "VP")) n += (size_t)snprintf(out + n, cap - n, "] ");
            break;
        case ITEM_WORD:
            n += (size_t)snprintf(out + n, cap - n, "%s ", s->tokens[it->value].word);
            break;
        case ITEM_NE_OPEN:
            n += (size_t)snprintf(out + n, cap - n, "{");
            break;
        case ITEM_NE_CLOSE:
            n += (size_t)snprintf(out + n, cap - n, "} ");
            break;
        case ITEM_NEC_OPEN:
            n += (size_t)snprintf(out + n, cap - n, "<");
            break;
        case ITEM_NEC_CLOSE:
            n += (size_t)snprintf(out + n, cap - n, "> ");
            break;
        }
    }
}

static void check_frames_with(const char *tree, const frame_options *o, const char *expected,
                              uint32_t n_frames)
{
    arena a;
    arena_init(&a, 0);
    ptb_tree t;
    tern_error err = {0};
    assert_int_equal(treebank_parse(tree, strlen(tree), &a, &t, &err), TERN_OK);
    coding_sentence s;
    assert_int_equal(frames_from_tree(&t, o, &a, &s, &err), TERN_OK);
    char buf[2048];
    render(&s, buf, sizeof buf);
    assert_string_equal(buf, expected);
    assert_int_equal(s.n_frames, n_frames);
    arena_release(&a);
}

static void check_frames(const char *tree, const char *expected, uint32_t n_frames)
{
    check_frames_with(tree, NULL, expected, n_frames);
}

static void possessive_prepositional_and_compound_phrases(void **state)
{
    /* possessive: the POS goes, the phrase is one actor phrase */
    check_frames("(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN government)) (VP (VBD met)"
                 " (NP (NNP Arnor))) (. .)))",
                 "{Gondor government } [VP met {Arnor } ] . ", 1);
    /* NP PP: first NP, preposition, second NP make one phrase */
    check_frames(
        "(ROOT (S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor)))) (VP (VBD left))"
        " (. .)))",
        "{Soldiers from Gondor } [VP left ] . ", 1);
    /* compound of bare nouns shares the adjective before the first member */
    check_frames("(ROOT (S (NP (DT the) (JJ Danish) (NNS media) (CC and) (NN government))"
                 " (VP (VBD warned)) (. .)))",
                 "<{Danish media } {Danish government } > [VP warned ] . ", 1);
    /* a compound inside a phrase: one phrase per member, other words repeated */
    check_frames("(ROOT (S (NP (NNP X)) (VP (VBD welcomed) (NP (NP (NNS ties)) (PP (IN between)"
                 " (NP (NP (NNP Minas) (NNP Tirith)) (CC and) (NNP Osgiliath))))) (. .)))",
                 "{X } [VP welcomed <{ties between Minas Tirith } {ties between Osgiliath } > ] . ",
                 1);
}

/* Raw news (embedded_clauses): a clause inside a noun phrase keeps its verb phrase, and an
 * "NP PP" phrase with more words than head, preposition and object stays a bracket instead
 * of dropping them. PETRARCH-1's reading (the default) flattens and drops. */
static void raw_news_keeps_clauses_and_words(void **state)
{
    frame_options raw = {0};
    comma_options_default(&raw.commas);
    raw.embedded_clauses = 1;
    const char *clause = "(ROOT (S (NP (NNP X)) (VP (VBD cited) (NP (NP (NNS reports)) (SBAR"
                         " (IN that) (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))))"
                         " (. .)))";
    check_frames(clause, "{X } [VP cited {reports } that Arnor attacked Gondor ] . ", 1);
    check_frames_with(clause, &raw,
                      "{X } [VP cited {reports } that {Arnor } [VP attacked {Gondor } ] ] . ", 2);
    const char *extra = "(ROOT (S (NP (NP (NNP Arnor)) (PP (IN on) (NP (NNP Monday))) (NNS calls))"
                        " (VP (VBD left)) (. .)))";
    check_frames(extra, "{Arnor on Monday } [VP left ] . ", 1);
    check_frames_with(extra, &raw, "{Arnor } on {Monday } calls [VP left ] . ", 1);
}

static void verb_phrases_passive_and_negation(void **state)
{
    arena a;
    arena_init(&a, 0);
    const char *tree = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by)"
                       " (NP (NNP Osgiliath))))) (. .)))";
    ptb_tree t;
    tern_error err = {0};
    assert_int_equal(treebank_parse(tree, strlen(tree), &a, &t, &err), TERN_OK);
    coding_sentence s;
    frames_from_tree(&t, NULL, &a, &s, &err);
    assert_int_equal(s.n_frames, 2);
    /* the outer VP's verb is the participle: "was opposed by" is passive */
    assert_int_equal(s.frames[0].passive, 1);
    assert_string_equal(s.tokens[s.frames[0].verb].word, "opposed");
    assert_int_equal(s.frames[1].parent, 0);

    const char *neg = "(ROOT (S (NP (NNP Bree)) (VP (VBD did) (RB n't) (VP (VB clash))) (. .)))";
    assert_int_equal(treebank_parse(neg, strlen(neg), &a, &t, &err), TERN_OK);
    frames_from_tree(&t, NULL, &a, &s, &err);
    assert_int_equal(s.n_frames, 2);
    assert_int_equal(s.frames[0].negated, 0);
    assert_int_equal(s.frames[1].negated, 1);
    arena_release(&a);
}

static void comma_clauses_are_removed(void **state)
{
    /* ", a senior official said" (4 words) is a terminal clause within [2, 8] */
    check_frames("(ROOT (S (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor)))) (, ,)"
                 " (NP (DT a) (JJ senior) (NN official)) (VP (VBD said)) (. .)))",
                 "{Arnor } [VP met {Gondor } ] . ", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_tree_and_leaves),
        cmocka_unit_test(rejects_malformed_trees),
        cmocka_unit_test(possessive_prepositional_and_compound_phrases),
        cmocka_unit_test(raw_news_keeps_clauses_and_words),
        cmocka_unit_test(verb_phrases_passive_and_negation),
        cmocka_unit_test(comma_clauses_are_removed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
