/* The coder on hand-written trees and a small dictionary: each rule of coder.h, exactly. */
#include "tern_test.h"

#include "code/coder.h"
#include "syntax/tree_frames.h"

#include <stdio.h>
#include <string.h>

static const char verbs[] = "--- MEET [031:031] ---\n"
                            "MEET {MEETS MET MEETING}\n"
                            "--- ATTACK [190] ---\n"
                            "ATTACK\n"
                            "- * WITH CRITICISM [---]\n"
                            "--- RECEIVE [033] ---\n"
                            "RECEIVE\n"
                            "- + * MONEY $ [071]\n"
                            "--- SAY [---] ---\n"
                            "SAY {SAYS SAID}\n";
static const char actors[] = "GONDOR [GON]\n"
                             "ARNOR_ [ARN]\n"
                             "ROHAN [ROH]\n"
                             "DENETHOR\n"
                             "\t[GONGOV 19950101-19991231]\n"
                             "\t[GONELI]\n";
static const char agents[] = "TROOPS {} [~MIL]\nMSF {} [NGO~]\n";
static const char discards[] = "+TYPHOON\nWORLD CUP\n?sport striker\n?sport coach\n"
                               "?sport six nations\n?film premiere\n";

static tern_dict *dict;

static int setup(void **state)
{
    dict = tern_dict_new();
    tern_error err = {0};
    tern_dict_add_buffer(dict, TERN_DICT_VERBS, "v.txt", verbs, strlen(verbs), &err);
    tern_dict_add_buffer(dict, TERN_DICT_ACTORS, "a.txt", actors, strlen(actors), &err);
    tern_dict_add_buffer(dict, TERN_DICT_AGENTS, "g.txt", agents, strlen(agents), &err);
    tern_dict_add_buffer(dict, TERN_DICT_DISCARDS, "d.txt", discards, strlen(discards), &err);
    return tern_dict_freeze(dict, &err) == TERN_OK ? 0 : -1;
}

static int teardown(void **state)
{
    tern_dict_free(dict);
    return 0;
}

/* Codes tree on date with options and renders "SRC TGT CODE; ..." in coded order. */
static void code(const char *tree, int32_t date, const code_options *o, char *out, size_t cap,
                 uint32_t *negated)
{
    arena a;
    arena_init(&a, 0);
    ptb_tree t;
    tern_error err = {0};
    assert_int_equal(treebank_parse(tree, strlen(tree), &a, &t, &err), TERN_OK);
    coding_sentence s;
    frame_options fo = {0};
    if (o)
        fo.commas = o->commas;
    else
        comma_options_default(&fo.commas);
    frames_from_tree(&t, &fo, &a, &s, &err);
    sentence_coding sc;
    code_sentence(dict, &s, date, o, NULL, &a, &sc);
    size_t n = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < sc.n_events; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s %s %s", i ? "; " : "", sc.events[i].source,
                              sc.events[i].target, sc.events[i].code);
    if (negated) *negated = sc.negated_dropped;
    arena_release(&a);
}

#define S(np, vp) "(ROOT (S " np " " vp " (. .)))"
#define NNP(w)    "(NP (NNP " w "))"

static void paired_code_gives_both_directions(void **state)
{
    char out[512];
    code(S(NNP("Arnor"), "(VP (VBD met) " NNP("Gondor") ")"), 19950101, NULL, out, sizeof out,
         NULL);
    assert_string_equal(out, "ARN GON 031; GON ARN 031");
}

static void null_pattern_blocks_the_verb_code(void **state)
{
    char out[512];
    code(
        S(NNP("Gondor"), "(VP (VBD attacked) " NNP("Arnor") " (PP (IN with) (NP (NN criticism))))"),
        19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "");
    code(S(NNP("Gondor"), "(VP (VBD attacked) " NNP("Arnor") " (PP (IN with) (NP (NNS troops))))"),
         19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "GON ARN 190");
}

static void passive_swaps_source_and_target(void **state)
{
    char out[512];
    code(S(NNP("Gondor"), "(VP (VBD was) (VP (VBN attacked) (PP (IN by) " NNP("Arnor") ")))"),
         19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "ARN GON 190");
}

static void negated_verb_is_not_emitted(void **state)
{
    char out[512];
    uint32_t negated;
    code(S(NNP("Arnor"), "(VP (VBD did) (RB not) (VP (VB attack) " NNP("Gondor") "))"), 19950101,
         NULL, out, sizeof out, &negated);
    assert_string_equal(out, "");
    assert_int_equal(negated, 1);
}

static void pattern_names_source_and_target(void **state)
{
    char out[512];
    code(S(NNP("Gondor"), "(VP (VBD received) (NP (NN money)) (PP (IN from) " NNP("Arnor") "))"),
         19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "ARN GON 071");
}

static void roles_follow_the_sentence_date(void **state)
{
    char out[512];
    const char *tree = S(NNP("Denethor"), "(VP (VBD attacked) " NNP("Rohan") ")");
    code(tree, 19980601, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "GONGOV ROH 190");
    code(tree, 20050601, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "GONELI ROH 190");
}

static void agents_join_the_actor_code(void **state)
{
    char out[512];
    code(S("(NP (NNP Gondor) (NNS troops))", "(VP (VBD attacked) " NNP("Arnor") ")"), 19950101,
         NULL, out, sizeof out, NULL);
    assert_string_equal(out, "GONMIL ARN 190");
    code(S("(NP (NNP MSF) (NNP Arnor))", "(VP (VBD attacked) " NNP("Gondor") ")"), 19950101, NULL,
         out, sizeof out, NULL);
    assert_string_equal(out, "NGOARN GON 190");
}

static void compound_source_gives_one_event_each(void **state)
{
    char out[512];
    code(S("(NP (NP (NNP Gondor)) (CC and) (NP (NNP Rohan)))",
           "(VP (VBD attacked) " NNP("Arnor") ")"),
         19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "GON ARN 190; ROH ARN 190");
}

static void require_dyad_decides_about_missing_actors(void **state)
{
    char out[512];
    const char *tree = S("(NP (NNS troops))", "(VP (VBD attacked) " NNP("Arnor") ")");
    code(tree, 19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "---MIL ARN 190");
    const char *no_target = S(NNP("Arnor"), "(VP (VBD attacked) (NP (NNS villages)))");
    code(no_target, 19950101, NULL, out, sizeof out, NULL);
    assert_string_equal(out, "");
    code_options o;
    code_options_default(&o);
    o.require_dyad = 0;
    code(no_target, 19950101, &o, out, sizeof out, NULL);
    assert_string_equal(out, "ARN --- 190");
    o.new_actor_length = 2;
    code(no_target, 19950101, &o, out, sizeof out, NULL);
    assert_string_equal(out, "ARN \"VILLAGES\" 190");
}

static void discards_by_phrase(void **state)
{
    const discard_entry *hit;
    assert_int_equal(discard_check(dict, "A typhoon hit Gondor.", &hit), DISCARD_STORY);
    assert_int_equal(hit->source.line, 1);
    assert_int_equal(discard_check(dict, "Gondor won the World Cup.", &hit), DISCARD_SENTENCE);
    assert_int_equal(discard_check(dict, "Gondor cup world", &hit), DISCARD_NONE);
    assert_null(hit);
}

static void topic_cues_need_three_of_one_topic(void **state)
{
    arena a;
    arena_init(&a, 0);
    topic_cues t = {0};
    /* a cue twice, and one of another topic: nothing yet */
    assert_int_equal(topic_cues_add(dict, &t, "The coach met the coach at the premiere.", &a), 0);
    assert_int_equal(topic_cues_add(dict, &t, "The striker left.", &a), 0);
    /* the third distinct sport cue, across sentences */
    assert_int_equal(topic_cues_add(dict, &t, "Ireland won the Six Nations.", &a), 1);
    /* cues are not sentence discards */
    assert_int_equal(discard_check(dict, "The striker and the coach", NULL), DISCARD_NONE);
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paired_code_gives_both_directions),
        cmocka_unit_test(null_pattern_blocks_the_verb_code),
        cmocka_unit_test(passive_swaps_source_and_target),
        cmocka_unit_test(negated_verb_is_not_emitted),
        cmocka_unit_test(pattern_names_source_and_target),
        cmocka_unit_test(roles_follow_the_sentence_date),
        cmocka_unit_test(agents_join_the_actor_code),
        cmocka_unit_test(compound_source_gives_one_event_each),
        cmocka_unit_test(require_dyad_decides_about_missing_actors),
        cmocka_unit_test(discards_by_phrase),
        cmocka_unit_test(topic_cues_need_three_of_one_topic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
