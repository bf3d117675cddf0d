/* Cleaning: a scraped page written for the test, with the furniture real pages carry. */
#include "tern_test.h"

#include "text/document.h"
#include "text/reader.h"

#include <string.h>

static const char page[] =
    " date 2024-06-03  Ministers agree grain corridor deal | Europe News - Daily Ledger\n" /* 0 */
    "Monday, June 03, 2024\n"               /* date stamp */
    "Kyiv oC\n"                             /* widget */
    "Ministers agree grain corridor deal\n" /* headline */
    "\n"
    "AFP |\n"                                           /* byline */
    "Jun 03, 2024 10:15 AM CEST\n"                      /* date stamp */
    "Ministers met in Istanbul on the grain corridor\n" /* standfirst */
    "KYIV (AFP) -- Ministers met in Istanbul on the grain corridor and agreed on Sunday to "
    "reopen two ports, officials said.\n" /* body with dateline */
    "Foreign ministers pose for a photo, left, before talks in Istanbul (Reuters)\n"
    "Foreign ministers pose for a photo, left, before talks in Istanbul (Reuters)\n"
    "\"The corridor will open within days. Ships are ready,\" a spokesman said.\n"
    "Sign up for our newsletter to get the latest news\n"                          /* promo */
    "MOST READ\n"                                                                  /* label */
    "News / Europe News / Ministers agree grain corridor deal\n"                   /* breadcrumb */
    "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xB8 \xD0\xB4\xD0\xBD\xD1\x8F\n"; /* Cyrillic */

static void roles_of_a_scraped_page(void **state)
{
    arena ar;
    arena_init(&ar, 0);
    article a;
    assert_int_equal(text_article_from_bytes("page.txt", page, sizeof page - 1, &a, &ar, NULL),
                     TERN_OK);
    assert_string_equal(a.id, "page");
    assert_string_equal(a.date, "2024-06-03");
    text_analyzer *an = text_analyzer_new();
    analyze_options o;
    analyze_options_default(&o);
    document d;
    assert_int_equal(document_analyze(an, &a, &o, &d, &ar, NULL), TERN_OK);

    static const paragraph_role want[] = {
        PARA_HEADER, PARA_DATE,      PARA_FURNITURE, PARA_HEADLINE,   PARA_BYLINE,
        PARA_DATE,   PARA_DUPLICATE, PARA_BODY,      PARA_CAPTION,    PARA_DUPLICATE,
        PARA_BODY,   PARA_PROMO,     PARA_FURNITURE, PARA_BREADCRUMB, PARA_FOREIGN};
    assert_int_equal(d.n_paragraphs, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < d.n_paragraphs; i++) {
        if (d.paragraphs[i].role != want[i])
            print_error("paragraph %u: %s, want %s\n", i, paragraph_role_name(d.paragraphs[i].role),
                        paragraph_role_name(want[i]));
        assert_int_equal(d.paragraphs[i].role, want[i]);
    }
    assert_int_equal(d.date, 20240603);
    assert_string_equal(d.outlet, "Daily Ledger");
    assert_string_equal(d.wire, "AFP, Reuters");
    assert_string_equal(d.dateline, "KYIV");
    assert_string_equal(d.title, "Ministers agree grain corridor deal");

    /* headline, body (dateline cut), caption (credit cut), two quoted sentences */
    assert_int_equal(d.n_sentences, 5);
    const char *body = strstr(page, "Ministers met in Istanbul on the grain corridor and");
    assert_int_equal(d.sentences[1].start, (uint32_t)(body - page));
    assert_int_equal(d.sentences[1].event_date, 20240602); /* on Sunday */
    const char *caption = strstr(page, "Foreign ministers");
    const char *credit = strstr(caption, " (Reuters)");
    assert_int_equal(d.sentences[2].start, (uint32_t)(caption - page));
    assert_int_equal(d.sentences[2].end, (uint32_t)(credit - page));
    assert_int_equal(d.sentences[2].flags, TERN_FLAG_CAPTION);
    assert_int_equal(d.sentences[0].flags, TERN_FLAG_HEADLINE);
    assert_int_equal(d.sentences[3].flags, TERN_FLAG_QUOTE);
    assert_int_equal(d.sentences[4].flags, TERN_FLAG_QUOTE);

    tern_article_info info;
    document_article_info(&d, &info);
    assert_string_equal(info.id, "page");
    assert_int_equal(info.date, 20240603);
    assert_true(info.content_hash != 0);
    tern_sentence_info si;
    document_sentence_info(&d, 3, &ar, &si);
    assert_string_equal(si.text, "\"The corridor will open within days.");
    assert_int_equal(si.flags, TERN_FLAG_QUOTE);
    text_analyzer_free(an);
    arena_release(&ar);
}

/* Analyses text as a raw article ("t") with default options, cleaning on or off. */
static void analyze_text(const char *text, size_t len, int clean, arena *ar, document *d)
{
    article a;
    memset(&a, 0, sizeof a);
    a.path = "t";
    a.id = "t";
    a.text = text;
    a.len = (uint32_t)len;
    text_analyzer *an = text_analyzer_new();
    analyze_options o;
    analyze_options_default(&o);
    o.clean = clean;
    assert_int_equal(document_analyze(an, &a, &o, d, ar, NULL), TERN_OK);
    text_analyzer_free(an);
}

static void hard_wrapped_wire_copy(void **state)
{
    /* Reuters-21578 layout: lines wrapped near 65 columns, paragraphs indented, a sign-off. */
    static const char text[] = "Grain exporters said on Tuesday they expected shipments to rise\n"
                               "by about 1.2 mln tonnes this season, helped by better weather\n"
                               "in the south.\n"
                               "    The ministry said the estimate would be reviewed in March.\n"
                               " Reuter\n";
    arena ar;
    arena_init(&ar, 0);
    document d;
    analyze_text(text, sizeof text - 1, 1, &ar, &d);
    assert_int_equal(d.n_paragraphs, 3);
    assert_int_equal(d.paragraphs[2].role, PARA_BYLINE);
    assert_int_equal(d.n_sentences, 2);
    assert_int_equal(d.sentences[0].end, (uint32_t)(strstr(text, "south.") - text) + 6);
    assert_string_equal(document_sentence_text(&d, 0, &ar),
                        "Grain exporters said on Tuesday they expected shipments to rise by about "
                        "1.2 mln tonnes this season, helped by better weather in the south.");
    assert_string_equal(d.wire, "Reuters");
    arena_release(&ar);
}

static void long_lines_that_run_on_are_one_paragraph(void **state)
{
    /* Lines too long for hard-wrapped copy, but the first runs on into the second (lower case
     * after no sentence-final mark); the third starts a paragraph of its own. */
    static const char text[] =
        "Russia on Thursday accused Ukraine of shelling the Zaporizhzhia nuclear power plant in "
        "the south of the\n"
        "country, the defence ministry said in a statement carried by state news agencies.\n"
        "Kyiv denied the accusation and said Russian forces had staged the attack themselves.\n";
    arena ar;
    arena_init(&ar, 0);
    document d;
    analyze_text(text, sizeof text - 1, 1, &ar, &d);
    assert_int_equal(d.n_paragraphs, 2);
    assert_int_equal(d.n_sentences, 2);
    assert_string_equal(document_sentence_text(&d, 0, &ar),
                        "Russia on Thursday accused Ukraine of shelling the Zaporizhzhia nuclear "
                        "power plant in the south of the country, the defence ministry said in a "
                        "statement carried by state news agencies.");
    arena_release(&ar);
}

static void normalised_sentence_text(void **state)
{
    static const char text[] = "\xE2\x80\x9CPeace\xE2\x80\x9D\xC2\xA0talks \xE2\x80\x94 "
                               "caf\x65\xCC\x81 owner\xE2\x80\x99s view\xE2\x80\xA6";
    arena ar;
    arena_init(&ar, 0);
    document d;
    analyze_text(text, sizeof text - 1, 0, &ar, &d);
    assert_int_equal(d.n_sentences, 1);
    assert_string_equal(document_sentence_text(&d, 0, &ar),
                        "\"Peace\" talks -- caf\xC3\xA9 owner's view...");
    arena_release(&ar);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roles_of_a_scraped_page),
        cmocka_unit_test(hard_wrapped_wire_copy),
        cmocka_unit_test(long_lines_that_run_on_are_one_paragraph),
        cmocka_unit_test(normalised_sentence_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
