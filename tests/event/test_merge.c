/* event_merge: one event per (date, source, target, code) in an article, exactly. */
#include "tern_test.h"

#include "event/merge.h"

#include <stdio.h>
#include <string.h>

static tern_evidence evidence[8];

static tern_event event(uint32_t sentence, int32_t date, tern_date_resolution res,
                        const char *source, const char *target, const char *code, uint32_t flags)
{
    tern_event e = {0};
    e.date = date;
    e.date_resolution = res;
    e.source = source;
    e.target = target;
    snprintf(e.code, sizeof e.code, "%s", code);
    e.flags = flags;
    e.mentions = 1;
    evidence[sentence].sentence = sentence;
    e.evidence = &evidence[sentence];
    e.n_evidence = 1;
    return e;
}

static void same_key_is_one_event_with_every_mention(void **state)
{
    arena a;
    arena_init(&a, 0);
    tern_event in[3] = {
        event(0, 20240502, TERN_DATE_DAY, "CHN", "JPN", "130", TERN_FLAG_ALLEGED),
        event(1, 20240502, TERN_DATE_DAY, "CHN", "JPN", "130", 0),
        event(2, 20240502, TERN_DATE_DAY, "JPN", "CHN", "130", TERN_FLAG_ALLEGED),
    };
    tern_event *out;
    assert_int_equal(event_merge(in, 3, &a, &out), 2);
    assert_int_equal(out[0].mentions, 2);
    assert_int_equal(out[0].n_evidence, 2);
    assert_int_equal(out[0].evidence[1].sentence, 1);
    assert_int_equal(out[0].flags & TERN_FLAG_ALLEGED, 0); /* one plain report outweighs */
    assert_int_equal(out[1].flags & TERN_FLAG_ALLEGED, TERN_FLAG_ALLEGED);
    arena_release(&a);
}

static void undated_mention_joins_the_one_dated_day(void **state)
{
    arena a;
    arena_init(&a, 0);
    tern_event in[2] = {
        event(0, 20240502, TERN_DATE_UNRESOLVED, "CHN", "JPN", "130", TERN_FLAG_HEADLINE),
        event(1, 20240426, TERN_DATE_DAY, "CHN", "JPN", "130", 0),
    };
    tern_event *out;
    assert_int_equal(event_merge(in, 2, &a, &out), 1);
    assert_int_equal(out[0].date, 20240426);
    assert_int_equal(out[0].date_resolution, TERN_DATE_DAY);
    assert_int_equal(out[0].mentions, 2);
    assert_int_equal(out[0].flags & TERN_FLAG_HEADLINE, 0);
    arena_release(&a);
}

static void undated_mention_stays_apart_when_days_differ(void **state)
{
    arena a;
    arena_init(&a, 0);
    tern_event in[3] = {
        event(0, 20240502, TERN_DATE_UNRESOLVED, "CHN", "JPN", "130", 0),
        event(1, 20240426, TERN_DATE_DAY, "CHN", "JPN", "130", 0),
        event(2, 20240429, TERN_DATE_DAY, "CHN", "JPN", "130", 0),
    };
    tern_event *out;
    assert_int_equal(event_merge(in, 3, &a, &out), 3);
    assert_int_equal(out[0].date, 20240502);
    assert_int_equal(out[0].date_resolution, TERN_DATE_UNRESOLVED);
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_key_is_one_event_with_every_mention),
        cmocka_unit_test(undated_mention_joins_the_one_dated_day),
        cmocka_unit_test(undated_mention_stays_apart_when_days_differ),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
