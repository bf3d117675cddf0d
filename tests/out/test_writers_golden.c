/*
 * Golden tests of the text writers: the sample event set written in every text format must
 * equal, byte for byte, the files in tests/out/golden/. Each file ends with one row written
 * the way `tern events` writes it (with cross-article counts). The golden files were checked
 * by hand against docs/output.md; TERN_UPDATE_GOLDEN=1 rewrites them after a deliberate change.
 */
#include "tern_test.h"

#include "base/io.h"
#include "out/sink.h"
#include "sample_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void write_sample(const char *path, sink_format fmt)
{
    tern_error err = {0};
    event_sink *s = sink_open(path, fmt, NULL, &err);
    assert_non_null(s);
    for (int i = 0; i < SAMPLE_ARTICLES; i++) {
        const sample_article *a = &sample_articles[i];
        assert_int_equal(
            sink_article(s, &a->info, a->sentences, a->n_sentences, a->events, a->n_events, &err),
            TERN_OK);
    }
    static const char *const ids[] = {"a1", "c3"};
    sink_merge_info merge = {3, 2, 2, ids, 2};
    assert_int_equal(
        sink_event(s, &sample_articles[0].info, &sample_articles[0].events[0], 0, &merge, &err),
        TERN_OK);
    sink_counts counts;
    sink_get_counts(s, &counts);
    assert_int_equal(counts.events, SAMPLE_EVENTS + 1);
    assert_int_equal(counts.articles_stored, SAMPLE_ARTICLES);
    assert_int_equal(sink_close(s, &err), TERN_OK);
}

static void check_format(sink_format fmt, const char *golden_name)
{
    const char *out = temp_file_with("", 0);
    write_sample(out, fmt);
    char *got, *want;
    size_t got_len, want_len;
    tern_error err = {0};
    assert_int_equal(file_read_all(out, &got, &got_len, &err), TERN_OK);
    char relative[256];
    snprintf(relative, sizeof relative, "tests/out/golden/%s", golden_name);
    const char *golden = source_path(relative);
    const char *update = getenv("TERN_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(golden, "w");
        assert_non_null(f);
        fwrite(got, 1, got_len, f);
        fclose(f);
    }
    assert_int_equal(file_read_all(golden, &want, &want_len, &err), TERN_OK);
    if (got_len != want_len || memcmp(got, want, got_len) != 0) {
        fprintf(stderr, "%s differs from %s:\n--- got ---\n%s--- want ---\n%s", out, golden, got,
                want);
        fail();
    }
    free(got);
    free(want);
    remove(out);
}

static void test_jsonl(void **state)
{
    check_format(SINK_JSONL, "sample.jsonl");
}
static void test_tsv(void **state)
{
    check_format(SINK_TSV, "sample.tsv");
}
static void test_gdelt(void **state)
{
    check_format(SINK_GDELT, "sample.gdelt");
}
static void test_icews(void **state)
{
    check_format(SINK_ICEWS, "sample.icews");
}
static void test_petr(void **state)
{
    check_format(SINK_PETR, "sample.petr");
}
static void test_table(void **state)
{
    check_format(SINK_TABLE, "sample.table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl), cmocka_unit_test(test_tsv),  cmocka_unit_test(test_gdelt),
        cmocka_unit_test(test_icews), cmocka_unit_test(test_petr), cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
