/* Corrections applied after tagging, with the shipped model (in the repository): a verb
 * misread after a subject pronoun is a verb; an adverb before another verb stays one. */
#include "tern_test.h"

#include "syntax/syntax.h"
#include "syntax/tagset.h"

#include <string.h>

static syntax_model *model;

static int setup(void **state)
{
    (void)state;
    tern_error err;
    return syntax_model_load(source_path("data/model/tern-en-ewt.model"), &model, &err) == TERN_OK
               ? 0
               : -1;
}

static int teardown(void **state)
{
    (void)state;
    syntax_model_free(model);
    return 0;
}

/* Tags "words" (space-separated) and returns the XPOS of word i, with its UPOS in *upos. */
static const char *xpos_of(const char *sentence, uint32_t i, unsigned *upos, arena *a)
{
    syntax_word words[32];
    size_t n = 0;
    for (const char *p = sentence; *p && n < 32;) {
        size_t len = strcspn(p, " ");
        words[n++] = (syntax_word){p, (uint32_t)len, SYNTAX_NO_OFFSET, SYNTAX_NO_OFFSET};
        p += len;
        while (*p == ' ') p++;
    }
    syntax_sentence s;
    syntax_analyze(model, words, n, a, &s);
    assert_true(i < s.n);
    *upos = s.tokens[i].upos;
    return s.tokens[i].xpos;
}

static void a_verb_after_a_subject_pronoun_is_a_verb(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 0);
    unsigned upos;
    assert_string_equal(xpos_of("I express firm support and solidarity .", 1, &upos, &a), "VBP");
    assert_int_equal(upos, UPOS_VERB);
    /* "still" before a verb is the adverb it is tagged as */
    assert_string_equal(xpos_of("We still believe in peace .", 1, &upos, &a), "RB");
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_verb_after_a_subject_pronoun_is_a_verb),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
