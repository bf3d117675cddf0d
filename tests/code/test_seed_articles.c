/*
 * The two seed articles (../shared/seeds, read in place; skipped when absent) coded end to end by
 * `tern code` with tern's own dictionaries and model: the events a reader of the articles expects
 * are there, each with evidence that points at the words that say it, and nothing comes from
 * site furniture or names Nazi Germany as a party.
 *
 * 000 (dated by its header, 2024-05-09): North Korea's leader praises/supports Russia (05x);
 * the U.S. accuses North Korea (11x).
 * 004 (no date in the page; --date 2024-03-19): North Korea's leader congratulates Putin (05x);
 * North Korea ships munitions to Russia (06x or 07x); North Korea and Russia deepen military
 * cooperation (06x).
 */
#include "tern_test.h"

#include "base/io.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct seed_event {
    const char *source, *target, *code, *verb_text, *sentence_text;
    uint32_t verb_start, verb_end, sentence;
    int alleged;
} seed_event;

typedef struct seed_run {
    char *article; /* the file's bytes */
    size_t len;
    seed_event events[256];
    int n;
    cJSON *json[256];
} seed_run;

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static double num(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static void run_seed(seed_run *r, const char *file, const char *extra)
{
    const char *path = shared_path(file);
    assert_non_null(path);
    tern_error err = {0};
    assert_int_equal(file_read_all(path, &r->article, &r->len, &err), TERN_OK);
    const char *bin = getenv("TERN_BIN");
    if (!bin) bin = "build/tern";
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' code -q %s -o - '%s'", bin, extra, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[1 << 16];
    r->n = 0;
    while (fgets(line, sizeof line, p) && r->n < 256) {
        cJSON *o = cJSON_Parse(line);
        assert_non_null(o);
        const cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "evidence"), 0);
        assert_non_null(ev);
        seed_event *e = &r->events[r->n];
        e->source = str(o, "source");
        e->target = str(o, "target");
        e->code = str(o, "code");
        e->alleged = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "alleged"));
        e->verb_text = str(ev, "verb_text");
        e->verb_start = (uint32_t)num(ev, "verb_start");
        e->verb_end = (uint32_t)num(ev, "verb_end");
        e->sentence = (uint32_t)num(ev, "sentence");
        r->json[r->n++] = o;
    }
    assert_int_equal(pclose(p), 0);
}

static void free_run(seed_run *r)
{
    for (int i = 0; i < r->n; i++) cJSON_Delete(r->json[i]);
    free(r->article);
}

/* The evidence offsets of e cover exactly its verb word in the article as read. */
static void assert_evidence(const seed_run *r, const seed_event *e)
{
    assert_true(e->verb_end > e->verb_start);
    assert_true(e->verb_end <= r->len);
    size_t n = e->verb_end - e->verb_start;
    assert_int_equal(n, strlen(e->verb_text));
    assert_memory_equal(r->article + e->verb_start, e->verb_text, n);
}

/* Finds an event whose source and target start with the given codes, whose code starts with
 * one of the prefixes (comma-separated), and whose verb is one of verbs (comma-separated). */
static const seed_event *find(const seed_run *r, const char *src, const char *tgt,
                              const char *codes, const char *verbs)
{
    for (int i = 0; i < r->n; i++) {
        const seed_event *e = &r->events[i];
        if (strncmp(e->source, src, strlen(src)) || strncmp(e->target, tgt, strlen(tgt))) continue;
        int code_ok = 0, verb_ok = 0;
        char buf[256];
        snprintf(buf, sizeof buf, "%s", codes);
        for (char *save, *c = strtok_r(buf, ",", &save); c; c = strtok_r(NULL, ",", &save))
            if (!strncmp(e->code, c, strlen(c))) code_ok = 1;
        snprintf(buf, sizeof buf, "%s", verbs);
        for (char *save, *v = strtok_r(buf, ",", &save); v; v = strtok_r(NULL, ",", &save))
            if (!strcmp(e->verb_text, v)) verb_ok = 1;
        if (code_ok && verb_ok) return e;
    }
    return NULL;
}

/* Asserts that r has an event as find() describes, with evidence at its verb; returns it. */
static const seed_event *expect_event(const seed_run *r, const char *src, const char *tgt,
                                      const char *codes, const char *verbs)
{
    const seed_event *e = find(r, src, tgt, codes, verbs);
    assert_non_null(e);
    assert_evidence(r, e);
    return e;
}

/* No event names Germany (the articles mention Nazi Germany in history), and none comes from
 * a line of site furniture: the line holding its verb starts with none of furniture[]. */
static void assert_clean(const seed_run *r, const char *const *furniture)
{
    for (int i = 0; i < r->n; i++) {
        const seed_event *e = &r->events[i];
        assert_true(strncmp(e->source, "DEU", 3) != 0);
        assert_true(strncmp(e->target, "DEU", 3) != 0);
        size_t line = e->verb_start;
        while (line > 0 && r->article[line - 1] != '\n') line--;
        for (int k = 0; furniture[k]; k++)
            assert_true(strncmp(r->article + line, furniture[k], strlen(furniture[k])) != 0);
    }
}

static void print_events(const seed_run *r)
{
    for (int i = 0; i < r->n; i++)
        printf("  %s %s %s (%s, sentence %u)\n", r->events[i].source, r->events[i].target,
               r->events[i].code, r->events[i].verb_text, r->events[i].sentence);
}

static void seed_000_support_and_accusation(void **state)
{
    static const char *const furniture[] = {
        "date ",        "Thursday, May",       "New Delhi",         "Reuters |",
        "May 09, 2024", "Get Current Updates", "News / World News", NULL};
    seed_run r;
    run_seed(&r, "seeds/000_7c7c3e1d0b54cbfc.txt", "");
    print_events(&r);
    expect_event(&r, "PRK", "RUS", "05", "expressed,expresses");
    const seed_event *accuse = expect_event(&r, "USA", "PRK", "11", "accused");
    assert_false(accuse->alleged);
    assert_clean(&r, furniture);
    free_run(&r);
}

static void seed_004_congratulation_munitions_cooperation(void **state)
{
    static const char *const furniture[] = {"Back To Top", "MOST POPULAR", "LATEST NEWS",
                                            "subscribe", NULL};
    seed_run r;
    run_seed(&r, "seeds/004_6b06411e39353fbb.txt", "--date 2024-03-19");
    print_events(&r);
    expect_event(&r, "PRK", "RUS", "05", "congratulated,congratulates");
    expect_event(&r, "PRK", "RUS", "06,07", "shipped,provided");
    expect_event(&r, "PRK", "RUS", "06", "deepening");
    assert_clean(&r, furniture);
    free_run(&r);
}

int main(void)
{
    require_shared("seeds/000_7c7c3e1d0b54cbfc.txt");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_000_support_and_accusation),
        cmocka_unit_test(seed_004_congratulation_munitions_cooperation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
