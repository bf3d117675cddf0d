/* Projection of dependency trees to Penn phrase structure, with the repairs of parser
 * mistakes (dep_repair): exact trees for small hand-made parses. */
#include "tern_test.h"

#include "syntax/dependency.h"

#include <stdio.h>
#include <string.h>

/* Renders a tree as a Penn bracketing: (S (NP (NNP Arnor)) (VP (VBD met))). */
static size_t render(const tree_node *n, char *out, size_t cap)
{
    if (n->word) return (size_t)snprintf(out, cap, "(%s %s)", n->label, n->word);
    size_t k = (size_t)snprintf(out, cap, "(%s", n->label);
    for (uint32_t i = 0; i < n->n_children && k < cap; i++) {
        k += (size_t)snprintf(out + k, cap - k, " ");
        if (k < cap) k += render(n->children[i], out + k, cap - k);
    }
    if (k < cap) k += (size_t)snprintf(out + k, cap - k, ")");
    return k;
}

/* rows: one token a line, "form lemma UPOS XPOS head deprel"; the ids count from 1. */
static void expect_tree(const char *rows, const char *expected)
{
    char conllu[4096], form[64], lemma[64], upos[16], xpos[16], rel[32];
    size_t k = 0;
    int id = 0, head, used;
    for (const char *r = rows; sscanf(r, "%63s %63s %15s %15s %d %31s%n", form, lemma, upos, xpos,
                                      &head, rel, &used) == 6;
         r += used)
        k +=
            (size_t)snprintf(conllu + k, sizeof conllu - k, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n",
                             ++id, form, lemma, upos, xpos, head, rel);
    arena a;
    arena_init(&a, 0);
    dep_sentence s;
    ptb_tree t;
    tern_error err = {0};
    assert_int_equal(conllu_read_sentence(conllu, k, &a, &s, &err), TERN_OK);
    assert_int_equal(dependency_to_tree(&s, &a, &t, &err), TERN_OK);
    char got[4096];
    render(t.root, got, sizeof got);
    assert_string_equal(got, expected);
    arena_release(&a);
}

/* "Bree Prime Minister Romendacil" read as Bree + conj Romendacil: no "and", no comma, so it
 * is one name. */
static void a_conjunct_without_conjunction_is_one_name(void **state)
{
    (void)state;
    expect_tree("Bree Bree PROPN NNP 5 nsubj\n"
                "Prime Prime ADJ NNP 3 amod\n"
                "Minister Minister PROPN NNP 4 nmod\n"
                "Romendacil Romendacil PROPN NNP 1 conj\n"
                "left leave VERB VBD 0 root\n"
                ". . PUNCT . 5 punct\n",
                "(ROOT (S (NP (NNP Bree) (NNP Prime) (NNP Minister) (NNP Romendacil))"
                " (VP (VBD left)) (. .)))");
    /* With "and" it stays a coordination. */
    expect_tree("Bree Bree PROPN NNP 4 nsubj\n"
                "and and CCONJ CC 3 cc\n"
                "Arnor Arnor PROPN NNP 1 conj\n"
                "left leave VERB VBD 0 root\n",
                "(ROOT (S (NP (NP (NNP Bree)) (CC and) (NP (NNP Arnor))) (VP (VBD left))))");
}

/* "Pyongyang on Thursday fired two shells at Seoul" parsed with the name as root and the verb
 * as a modifier of "shells": the verb after the time phrase is the predicate. */
static void a_verb_after_a_time_phrase_is_the_predicate(void **state)
{
    (void)state;
    expect_tree("Pyongyang Pyongyang PROPN NNP 0 root\n"
                "on on ADP IN 3 case\n"
                "Thursday Thursday PROPN NNP 4 obl\n"
                "fired fire VERB VBN 6 amod\n"
                "two two NUM CD 6 nummod\n"
                "shells shell NOUN NNS 1 parataxis\n"
                "at at ADP IN 8 case\n"
                "Seoul Seoul PROPN NNP 6 nmod\n"
                ". . PUNCT . 1 punct\n",
                "(ROOT (S (NP (NNP Pyongyang)) (PP (IN on) (NP (NNP Thursday))) (VP (VBN fired)"
                " (NP (NP (CD two) (NNS shells)) (PP (IN at) (NP (NNP Seoul))))) (. .)))");
    /* Without a time word between them, a noun root with a participle stays as parsed. */
    expect_tree("Troops troops NOUN NNS 0 root\n"
                "trained train VERB VBN 1 acl\n"
                "abroad abroad ADV RB 2 advmod\n",
                "(ROOT (NP (NP (NNS Troops)) (S (VP (VBN trained) (ADVP (RB abroad))))))");
}

/* "met after a hafling was reported" read as a PP "after a hafling" and a verb conjunct with
 * no conjunction: the noun is the subject of a clause "after" introduces. */
static void a_conjunct_without_conjunction_after_a_subordinator_is_a_clause(void **state)
{
    (void)state;
    expect_tree(
        "Gondor Gondor PROPN NNP 2 nsubj\n"
        "met meet VERB VBD 0 root\n"
        "after after ADP IN 5 case\n"
        "a a DET DT 5 det\n"
        "hafling hafling NOUN NN 2 obl\n"
        "was be AUX VBD 7 aux:pass\n"
        "reported report VERB VBN 2 conj\n",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD met) (SBAR (IN after) (S (NP (DT a) (NN hafling))"
        " (VP (VBD was) (VP (VBN reported))))))))");
    /* With "and" the conjunct stays. */
    expect_tree("Gondor Gondor PROPN NNP 2 nsubj\n"
                "met meet VERB VBD 0 root\n"
                "after after ADP IN 4 case\n"
                "talks talk NOUN NNS 2 obl\n"
                "and and CCONJ CC 6 cc\n"
                "left leave VERB VBD 2 conj\n",
                "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD met) (PP (IN after) (NP (NNS talks))))"
                " (CC and) (VP (VBD left)))))");
}

/* "shipped arms and equipment to Arnor" with "equipment" hung on the verb: a noun conjunct
 * joins the noun before its conjunction. */
static void a_noun_conjunct_joins_the_noun_before_it(void **state)
{
    (void)state;
    expect_tree("Gondor Gondor PROPN NNP 2 nsubj\n"
                "shipped ship VERB VBD 0 root\n"
                "arms arm NOUN NNS 2 obj\n"
                "and and CCONJ CC 5 cc\n"
                "equipment equipment NOUN NN 2 conj\n"
                "to to ADP IN 7 case\n"
                "Arnor Arnor PROPN NNP 5 nmod\n",
                "(ROOT (S (NP (NNP Gondor)) (VP (VBD shipped) (NP (NP (NNS arms)) (CC and) (NP (NP"
                " (NN equipment)) (PP (IN to) (NP (NNP Arnor))))))))");
}

/* Words a parser hangs on punctuation or on a function word are not lost: they go to that
 * word's head ("Consumer borrowing rose at a record pace" read with "borrowing" as a
 * conjunction and the rest below it; a clause hung on the full stop). */
static void no_word_is_lost_under_punctuation_or_function_words(void **state)
{
    (void)state;
    expect_tree("Consumer consumer NOUN NN 0 root\n"
                "borrowing borrow VERB VBG 1 cc\n"
                "rose rose NOUN NN 2 obj\n"
                "at at ADP IN 5 case\n"
                "pace pace NOUN NN 2 obl\n"
                ". . PUNCT . 2 punct\n",
                "(ROOT (NP (NP (NN Consumer)) (VBG borrowing) (NN rose) (PP (IN at) (NP (NN pace)))"
                " (. .)))");
    expect_tree("Arnor Arnor PROPN NNP 2 nsubj\n"
                "said say VERB VBD 0 root\n"
                "Gondor Gondor PROPN NNP 4 nsubj\n"
                "left leave VERB VBD 5 punct\n"
                ". . PUNCT . 2 punct\n",
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (S (NP (NNP Gondor)) (VP (VBD left))))"
                " (. .)))");
}

/* "Fornost and the evil awful Gondor welcomed": three subjects of one verb. The touching
 * ones are one phrase, the ones "and" separates are coordinated. */
static void one_verb_has_one_subject(void **state)
{
    (void)state;
    expect_tree("Fornost Fornost PROPN NNP 7 nsubj\n"
                "and and CCONJ CC 7 cc\n"
                "the the DET DT 4 det\n"
                "evil evil NOUN NN 7 nsubj\n"
                "awful awful ADJ JJ 6 amod\n"
                "Gondor Gondor PROPN NNP 7 nsubj\n"
                "welcomed welcome VERB VBD 0 root\n"
                "talks talk NOUN NNS 7 obj\n",
                "(ROOT (S (NP (NP (NNP Fornost)) (CC and) (NP (DT the) (NN evil) (JJ awful) (NNP "
                "Gondor))) (VP (VBD welcomed) (NP (NNS talks)))))");
    /* "Evil Mordor, the awful Fornost and good Gondor": one flat list. */
    expect_tree("Evil evil NOUN NN 2 compound\n"
                "Mordor Mordor PROPN NNP 8 nsubj\n"
                ", , PUNCT , 2 punct\n"
                "Fornost Fornost PROPN NNP 8 nsubj\n"
                "and and CCONJ CC 7 cc\n"
                "good good ADJ JJ 7 amod\n"
                "Gondor Gondor PROPN NNP 4 conj\n"
                "met meet VERB VBD 0 root\n",
                "(ROOT (S (NP (NP (NN Evil) (NNP Mordor)) (, ,) (NP (NNP Fornost)) (CC and) (NP "
                "(JJ good) (NNP Gondor))) (VP (VBD met))))");
}

/* "Arnor, Calenardhon and Gondor welcomed talks" read as a noun root coordinated with a
 * clause: the nouns are the clause's subject. */
static void a_noun_root_before_a_clause_is_its_subject(void **state)
{
    (void)state;
    expect_tree("Arnor Arnor PROPN NNP 0 root\n"
                ", , PUNCT , 3 punct\n"
                "Calenardhon Calenardhon PROPN NNP 1 conj\n"
                "and and CCONJ CC 6 cc\n"
                "Gondor Gondor PROPN NNP 6 nsubj\n"
                "welcomed welcome VERB VBD 1 conj\n"
                "talks talk NOUN NNS 6 obj\n"
                ". . PUNCT . 1 punct\n",
                "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (NNP Calenardhon)) (CC and) (NP (NNP "
                "Gondor))) (VP (VBD welcomed) (NP (NNS talks))) (. .)))");
}

/* ", the official news agency WFNA said on Thursday." hung as a relative clause of the noun
 * before it: an attribution of the whole sentence, its comma outside the subject. */
static void a_closing_attribution_is_parataxis_of_the_root(void **state)
{
    (void)state;
    expect_tree("Arnor Arnor PROPN NNP 2 nsubj\n"
                "met meet VERB VBD 0 root\n"
                "Gondor Gondor PROPN NNP 2 obj\n"
                ", , PUNCT , 7 punct\n"
                "the the DET DT 7 det\n"
                "news news NOUN NN 7 compound\n"
                "agency agency NOUN NN 3 appos\n"
                "WFNA WFNA PROPN NNP 9 nsubj\n"
                "said say VERB VBD 7 acl:relcl\n"
                "today today NOUN NN 9 obl\n"
                ". . PUNCT . 9 punct\n",
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (S (, ,) (NP (DT the) "
                "(NN news) (NN agency) (NNP WFNA)) (VP (VBD said) (NP (NN today)))) (. .)))");
    /* Hung on the last verb as an adverbial clause, it moves to the root too. */
    expect_tree(
        "Arnor Arnor PROPN NNP 2 nsubj\n"
        "left leave VERB VBD 0 root\n"
        "after after SCONJ IN 5 mark\n"
        "crowds crowd NOUN NNS 5 nsubj\n"
        "rioted riot VERB VBD 2 advcl\n"
        ", , PUNCT , 8 punct\n"
        "an a DET DT 8 det\n"
        "official official NOUN NN 9 nsubj\n"
        "said say VERB VBD 5 advcl\n"
        ". . PUNCT . 9 punct\n",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (SBAR (IN after) (S (NP (NNS crowds)) "
        "(VP (VBD rioted))))) (S (, ,) (NP (DT an) (NN official)) (VP (VBD said))) (. .)))");
}

/* Commas around an apposition stay in the noun phrase holding it; a comma closing a fronted
 * phrase leaves it. */
static void commas_at_the_edge_of_noun_phrases(void **state)
{
    (void)state;
    expect_tree("The the DET DT 2 det\n"
                "union union NOUN NN 7 nsubj\n"
                ", , PUNCT , 5 punct\n"
                "the the DET DT 5 det\n"
                "umbrella umbrella NOUN NN 2 appos\n"
                ", , PUNCT , 2 punct\n"
                "struck strike VERB VBD 0 root\n",
                "(ROOT (S (NP (NP (DT The) (NN union)) (, ,) (NP (DT the) (NN umbrella)) (, ,)) "
                "(VP (VBD struck))))");
    expect_tree("On on ADP IN 2 case\n"
                "Monday Monday PROPN NNP 5 obl\n"
                ", , PUNCT , 2 punct\n"
                "he he PRON PRP 5 nsubj\n"
                "left leave VERB VBD 0 root\n",
                "(ROOT (S (PP (IN On) (NP (NNP Monday))) (, ,) (NP (PRP he)) (VP (VBD left))))");
}

/* "almost five years after crowds rioted": the measure phrase before the subordinator is in
 * the SBAR before it, not in the clause after it. */
static void words_before_a_subordinator_open_the_sbar(void **state)
{
    (void)state;
    expect_tree("Arnor Arnor PROPN NNP 2 nsubj\n"
                "left leave VERB VBD 0 root\n"
                "five five NUM CD 4 nummod\n"
                "years year NOUN NNS 7 obl:npmod\n"
                "after after SCONJ IN 7 mark\n"
                "crowds crowd NOUN NNS 7 nsubj\n"
                "rioted riot VERB VBD 2 advcl\n",
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (SBAR (NP (CD five) (NNS years)) (IN "
                "after) (S (NP (NNS crowds)) (VP (VBD rioted)))))))");
}

/* "Romendacil most certainly did not clash" with "most" as the subject of "did": an
 * auxiliary takes no dependents, and an adjective beside a noun subject is a modifier. */
static void auxiliaries_take_no_subjects(void **state)
{
    (void)state;
    expect_tree("Romendacil Romendacil PROPN NNP 6 nsubj\n"
                "most most ADJ JJS 4 nsubj\n"
                "certainly certainly ADV RB 4 advmod\n"
                "did do AUX VBD 6 aux\n"
                "not not PART RB 6 advmod\n"
                "clash clash VERB VB 0 root\n",
                "(ROOT (S (NP (NNP Romendacil)) (ADVP (JJS most) (RB certainly)) (VP (VBD did) "
                "(RB not) (VP (VB clash)))))");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_conjunct_without_conjunction_is_one_name),
        cmocka_unit_test(a_verb_after_a_time_phrase_is_the_predicate),
        cmocka_unit_test(a_conjunct_without_conjunction_after_a_subordinator_is_a_clause),
        cmocka_unit_test(a_noun_conjunct_joins_the_noun_before_it),
        cmocka_unit_test(no_word_is_lost_under_punctuation_or_function_words),
        cmocka_unit_test(one_verb_has_one_subject),
        cmocka_unit_test(a_noun_root_before_a_clause_is_its_subject),
        cmocka_unit_test(a_closing_attribution_is_parataxis_of_the_root),
        cmocka_unit_test(commas_at_the_edge_of_noun_phrases),
        cmocka_unit_test(words_before_a_subordinator_open_the_sbar),
        cmocka_unit_test(auxiliaries_take_no_subjects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
