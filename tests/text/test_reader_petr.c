/* PETR XML as articles: stories grouped by id, bad records reported and skipped. */
#include "tern_test.h"

#include "text/reader.h"

#include <string.h>

static void stories_become_articles(void **state)
{
    const char *xml =
        "<Sentences>\n"
        "<Sentence date=\"20080801\" id=\"AFP01_1\" source=\"AFP\" sentence=\"True\">\n"
        "<Text>Gondor met Arnor.</Text></Sentence>\n"
        "<Sentence date=\"20080801\" id=\"AFP01_2\" source=\"AFP\" sentence=\"True\">\n"
        "<Text>Rohan protested.</Text></Sentence>\n"
        "<Sentence date=\"2008\" id=\"AFP02_1\" sentence=\"True\"><Text>Bad "
        "date.</Text></Sentence>\n"
        "<Sentence date=\"20080802\" id=\"AFP03_1\" sentence=\"True\">\n"
        "<Text>Mordor attacked.</Text></Sentence>\n"
        "</Sentences>\n";
    const char *path = temp_file_with(xml, strlen(xml));
    reader_options o;
    reader_options_default(&o);
    tern_error err = {0};
    article_reader *r = article_reader_open(path, article_format_find("petr-xml"), &o, &err);
    assert_non_null(r);
    arena a;
    arena_init(&a, 0);
    article art;
    assert_int_equal(article_reader_next(r, &art, &a, &err), READER_ARTICLE);
    assert_string_equal(art.id, "AFP01");
    assert_string_equal(art.text, "Gondor met Arnor.\n\nRohan protested.");
    assert_string_equal(art.date, "2008-08-01");
    assert_string_equal(art.outlet, "AFP");
    assert_int_equal(article_reader_next(r, &art, &a, &err), READER_SKIPPED);
    assert_non_null(strstr(err.message, ":6: id AFP02_1: date is not YYYYMMDD"));
    assert_int_equal(article_reader_next(r, &art, &a, &err), READER_ARTICLE);
    assert_string_equal(art.id, "AFP03");
    assert_string_equal(art.text, "Mordor attacked.");
    assert_int_equal(article_reader_next(r, &art, &a, &err), READER_END);
    article_reader_close(r);
    arena_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(stories_become_articles)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
