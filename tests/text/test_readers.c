/* Readers: JSON Lines and plain text, malformed records reported and skipped, the rest intact. */
#include "tern_test.h"

#include "text/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct read_result {
    int articles, skipped;
    char ids[16][32];
    char messages[8][1024];
} read_result;

static void read_all(const char *path, const article_format *f, const reader_options *o,
                     read_result *out)
{
    memset(out, 0, sizeof *out);
    tern_error err = {0};
    article_reader *r = article_reader_open(path, f, o, &err);
    assert_non_null(r);
    arena ar;
    arena_init(&ar, 0);
    for (;;) {
        article a;
        int rc = article_reader_next(r, &a, &ar, &err);
        if (rc == READER_END) break;
        assert_int_not_equal(rc, READER_FAILED);
        if (rc == READER_SKIPPED) {
            if (out->skipped < 8)
                memcpy(out->messages[out->skipped], err.message, sizeof err.message);
            out->skipped++;
            continue;
        }
        if (out->articles < 16) snprintf(out->ids[out->articles], 32, "%s", a.id);
        out->articles++;
    }
    assert_int_equal(article_reader_skipped(r), (size_t)out->skipped);
    article_reader_close(r);
    arena_release(&ar);
}

static void jsonl_malformed_records_are_skipped(void **state)
{
    char big[300];
    memset(big, 'x', sizeof big);
    char text[2048];
    snprintf(
        text, sizeof text,
        "{\"id\": \"a\", \"title\": \"T\", \"text\": \"One. Two.\", \"date\": \"2024-01-02\"}\n"
        "{\"id\": \"b\", \"text\": \n"                         /* 2: bad JSON */
        "[1, 2]\n"                                             /* 3: not an object */
        "{\"id\": \"d\", \"text\": 7}\n"                       /* 4: text not a string */
        "{\"id\": 5, \"text\": \"caf\xc3\"}\n"                 /* 5: invalid UTF-8 */
        "{\"id\": \"f\", \"text\": \"%.*s\"}\n"                /* 6: absurd length */
        "{\"id\": \"g\", \"text\": \"bad \\ud800 escape\"}\n"  /* 7: lone surrogate */
        "{\"id\": \"h\", \"text\": \"  \", \"title\": \"\"}\n" /* 8: empty */
        "\n"
        "{\"text\": \"No id here.\"}\n" /* 10: id from file:line */
        "{\"id\": 11, \"text\": \"Last one.\"}\n",
        (int)sizeof big, big);
    const char *path = temp_file_with(text, strlen(text));
    reader_options o;
    reader_options_default(&o);
    o.max_article = 200;
    read_result r;
    read_all(path, &reader_jsonl_format, &o, &r);
    assert_int_equal(r.articles, 3);
    assert_string_equal(r.ids[0], "a");
    assert_true(strstr(r.ids[1], ":10") != NULL);
    assert_string_equal(r.ids[2], "11");
    assert_int_equal(r.skipped, 7);
    char want[512];
    snprintf(want, sizeof want, "%s:2: bad JSON", path);
    assert_true(strstr(r.messages[0], want) == r.messages[0]);
    snprintf(want, sizeof want, "%s:3: record is not a JSON object", path);
    assert_string_equal(r.messages[1], want);
    snprintf(want, sizeof want, "%s:4: id d: no \"text\" string field", path);
    assert_string_equal(r.messages[2], want);
    snprintf(want, sizeof want, "%s:5: invalid UTF-8 at byte 22 of the record", path);
    assert_string_equal(r.messages[3], want);
    snprintf(want, sizeof want, "%s:6: id f: article of 300 bytes is longer than 200", path);
    assert_string_equal(r.messages[4], want);
    snprintf(want, sizeof want, "%s:7: ", path);
    assert_true(strstr(r.messages[5], want) == r.messages[5]);
    snprintf(want, sizeof want, "%s:8: id h: empty text", path);
    assert_string_equal(r.messages[6], want);
    unlink(path);
}

static void jsonl_fields_and_text_layout(void **state)
{
    const char *line = "{\"newid\": \"42\", \"date\": \"26-FEB-1987 15:01:01.79\", \"title\": "
                       "\"COCOA REVIEW\", \"text\": \"Showers continued.\\n\", \"dateline\": "
                       "\"SALVADOR, Feb 26 -\", \"source\": \"\"}";
    reader_options o;
    reader_options_default(&o);
    o.id_field = "newid";
    arena ar;
    arena_init(&ar, 0);
    article a;
    tern_error err = {0};
    assert_int_equal(jsonl_article_from_line("r.jsonl", 9, line, strlen(line), &o, &a, &ar, &err),
                     TERN_OK);
    assert_string_equal(a.id, "42");
    assert_string_equal(a.text, "COCOA REVIEW\n\nShowers continued.\n");
    assert_int_equal(a.body_start, 14);
    assert_int_equal(a.title_end, 12);
    assert_true(a.title_in_text);
    assert_string_equal(a.dateline, "SALVADOR, Feb 26 -");
    assert_null(a.outlet); /* empty strings are absent */
    assert_int_equal(a.line, 9);
    arena_release(&ar);
}

static void text_files_directories_and_headers(void **state)
{
    char dir[] = "/tmp/tern-readers-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/b.txt", dir);
    FILE *f = fopen(path, "w");
    fputs(" date 2024-05-09  Headline here | World - Outlet\nBody text.\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    f = fopen(path, "w");
    fputs("Plain body.\r\nSecond line.\r\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/sub/c.txt", dir);
    f = fopen(path, "w");
    fputs("caf\xc3 broken\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/.hidden", dir);
    f = fopen(path, "w");
    fputs("ignored\n", f);
    fclose(f);

    reader_options o;
    reader_options_default(&o);
    read_result r;
    read_all(dir, &reader_text_format, &o, &r);
    assert_int_equal(r.articles, 2);
    assert_string_equal(r.ids[0], "a");
    assert_string_equal(r.ids[1], "b");
    assert_int_equal(r.skipped, 1);
    char want[600];
    snprintf(want, sizeof want, "%s/sub/c.txt:1: id c: invalid UTF-8 at byte 3", dir);
    assert_string_equal(r.messages[0], want);

    arena ar;
    arena_init(&ar, 0);
    article a;
    const char *page = " date 2024-05-09  Headline here | World - Outlet\nBody text.\n";
    assert_int_equal(text_article_from_bytes("x/b.txt.gz", page, strlen(page), &a, &ar, NULL),
                     TERN_OK);
    assert_string_equal(a.id, "b");
    assert_string_equal(a.date, "2024-05-09");
    assert_string_equal(a.title, "Headline here | World - Outlet");
    assert_int_equal(a.header_end, strlen(" date 2024-05-09  Headline here | World - Outlet\n"));
    tern_error err = {0};
    assert_int_equal(text_article_from_bytes("e.txt", " \n\t\n", 4, &a, &ar, &err), TERN_EFORMAT);
    assert_string_equal(err.message, "e.txt:1: id e: no text");
    assert_int_equal(text_article_from_bytes("z.txt", "a\0b", 3, &a, &ar, &err), TERN_EFORMAT);
    assert_string_equal(err.message, "z.txt: id z: NUL byte at offset 1 (binary file?)");
    arena_release(&ar);

    /* CR LF is read as LF; a file longer than max_article is skipped as absurd. */
    o.max_article = 26;
    read_all(dir, &reader_text_format, &o, &r);
    assert_int_equal(r.articles, 1);
    assert_int_equal(r.skipped, 2);
    snprintf(want, sizeof want, "%s/b.txt:1: id b: article longer than 26 bytes", dir);
    assert_string_equal(r.messages[0], want);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void format_guessing(void **state)
{
    tern_error err = {0};
    assert_ptr_equal(article_format_guess("x.jsonl", &err), &reader_jsonl_format);
    assert_ptr_equal(article_format_guess("x.ndjson.gz", &err), &reader_jsonl_format);
    assert_ptr_equal(article_format_guess("x.txt", &err), &reader_text_format);
    assert_ptr_equal(article_format_guess("-", &err), &reader_text_format);
    const char *sniff = temp_file_with("  \n{\"text\": \"x\"}\n", 18);
    assert_ptr_equal(article_format_guess(sniff, &err), &reader_jsonl_format);
    unlink(sniff);
    assert_ptr_equal(article_format_guess("x.xml", &err), &reader_petr_xml_format);
    assert_ptr_equal(article_format_guess("x.xml.gz", &err), &reader_petr_xml_format);
    assert_ptr_equal(article_format_find("petr-xml"), &reader_petr_xml_format);
    assert_null(article_format_find("html"));
    assert_ptr_equal(article_format_find("text"), &reader_text_format);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_malformed_records_are_skipped),
        cmocka_unit_test(jsonl_fields_and_text_layout),
        cmocka_unit_test(text_files_directories_and_headers),
        cmocka_unit_test(format_guessing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
