/*
 * Training-data augmentation (augment.h) on the hand-written treebank
 * tests/syntax/data/tiny.conllu, over many seeds:
 *  - every variant is one tree (heads in range, one root, no cycle);
 *  - every kind of edit happens, and each is annotated as EWT does: "on <day>" before the
 *    finite verb is case + obl of that verb; a closing "said" is the root with the old root
 *    as its ccomp; a replaced subject keeps the label and head of the words it replaced;
 *  - the same seed gives the same variants, byte for byte.
 */
#include "tern_test.h"

#include "syntax/augment.h"
#include "syntax/tagset.h"

#include <string.h>

static conllu_treebank tiny;

static int setup(void **state)
{
    (void)state;
    tern_error err = {0};
    if (conllu_read_treebank(source_path("tests/syntax/data/tiny.conllu"), &tiny, &err) != TERN_OK)
        fail_msg("%s", err.message);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    conllu_treebank_free(&tiny);
    return 0;
}

static void assert_tree(const syntax_sentence *s)
{
    uint32_t roots = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        const syntax_token *t = &s->tokens[i];
        assert_true(t->head <= s->n);
        assert_true(t->head != i + 1);
        roots += t->head == 0;
        assert_int_equal(t->head == 0, strcmp(t->deprel, "root") == 0);
        uint32_t k = i + 1, steps = 0;
        while (k != 0 && steps++ <= s->n) k = s->tokens[k - 1].head;
        assert_int_equal(k, 0);
    }
    assert_int_equal(roots, 1);
}

static int is_day(const char *w)
{
    static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
    for (size_t i = 0; i < 7; i++)
        if (!strcmp(w, days[i])) return 1;
    return 0;
}

static const syntax_sentence *source_of(const syntax_augmented *a, size_t k)
{
    return &tiny.sentences[a->source[k]].s;
}

/* Index (0-based) of the source's root word in the variant, found by its form. */
static uint32_t find_form(const syntax_sentence *s, const char *form)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (!strcmp(s->tokens[i].form, form)) return i;
    return UINT32_MAX;
}

static void variants_are_trees_annotated_as_ewt(void **state)
{
    (void)state;
    int time_before_verb = 0, reports = 0, subjects = 0;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        syntax_augmented a;
        syntax_augment(tiny.sentences, tiny.n, seed, 100, &a);
        assert_int_equal(a.tb.n, tiny.n); /* at 100%, every tiny sentence has an edit */
        for (size_t k = 0; k < a.tb.n; k++) {
            const syntax_sentence *v = &a.tb.sentences[k].s, *src = source_of(&a, k);
            assert_tree(v);
            int differs = v->n != src->n;
            for (uint32_t i = 0; !differs && i < v->n; i++)
                differs = strcmp(v->tokens[i].form, src->tokens[i].form) != 0;
            assert_true(differs);
            for (uint32_t i = 0; i + 2 < v->n; i++) {
                const syntax_token *on = &v->tokens[i], *day = &v->tokens[i + 1];
                const syntax_token *next = &v->tokens[i + 2];
                if (strcmp(on->form, "on") || !is_day(day->form) || strcmp(next->xpos, "VBD"))
                    continue;
                /* "<subject> on Monday fired": Monday is obl of the verb, on its case. */
                if (day->head == i + 3) {
                    assert_string_equal(day->deprel, "obl");
                    assert_int_equal(on->head, i + 2);
                    assert_string_equal(on->deprel, "case");
                    time_before_verb++;
                }
            }
            uint32_t said = find_form(v, "said");
            if (said != UINT32_MAX && said + 1 < v->n && find_form(src, "said") == UINT32_MAX) {
                assert_string_equal(v->tokens[said].deprel, "root");
                /* The source's root is now the ccomp of said. */
                uint32_t old_root = UINT32_MAX;
                for (uint32_t i = 0; i < src->n; i++)
                    if (src->tokens[i].head == 0) old_root = find_form(v, src->tokens[i].form);
                assert_true(old_root != UINT32_MAX);
                assert_string_equal(v->tokens[old_root].deprel, "ccomp");
                assert_int_equal(v->tokens[old_root].head, said + 1);
                assert_string_equal(v->tokens[v->n - 1].form, ".");
                assert_int_equal(v->tokens[v->n - 1].head, said + 1);
                reports++;
            }
            /* "They did n't give up": a replaced "They" leaves a plural nsubj of give. */
            if (!strcmp(src->tokens[0].form, "They") && strcmp(v->tokens[0].form, "They")) {
                uint32_t give = find_form(v, "give");
                int found = 0;
                for (uint32_t i = 0; i < v->n; i++)
                    if (v->tokens[i].head == give + 1 && !strcmp(v->tokens[i].deprel, "nsubj")) {
                        found = 1;
                        assert_true(!strcmp(v->tokens[i].xpos, "NNS") ||
                                    !strcmp(v->tokens[i].xpos, "NN") ||
                                    v->tokens[i + 1].rel == UD_CC);
                    }
                assert_true(found);
                assert_true(v->tokens[0].form[0] >= 'A' && v->tokens[0].form[0] <= 'Z');
                subjects++;
            }
        }
        syntax_augmented_free(&a);
    }
    assert_true(time_before_verb > 0);
    assert_true(reports > 0);
    assert_true(subjects > 0);
}

static void same_seed_same_variants(void **state)
{
    (void)state;
    syntax_augmented a, b;
    syntax_augment(tiny.sentences, tiny.n, 7, 100, &a);
    syntax_augment(tiny.sentences, tiny.n, 7, 100, &b);
    assert_int_equal(a.tb.n, b.tb.n);
    for (size_t k = 0; k < a.tb.n; k++) {
        const syntax_sentence *x = &a.tb.sentences[k].s, *y = &b.tb.sentences[k].s;
        assert_int_equal(x->n, y->n);
        for (uint32_t i = 0; i < x->n; i++) {
            assert_string_equal(x->tokens[i].form, y->tokens[i].form);
            assert_string_equal(x->tokens[i].deprel, y->tokens[i].deprel);
            assert_int_equal(x->tokens[i].head, y->tokens[i].head);
        }
    }
    syntax_augmented_free(&a);
    syntax_augmented_free(&b);
    syntax_augment(tiny.sentences, tiny.n, 7, 0, &a);
    assert_int_equal(a.tb.n, 0);
    syntax_augmented_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(variants_are_trees_annotated_as_ewt),
        cmocka_unit_test(same_seed_same_variants),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
