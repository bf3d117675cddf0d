/* PETR XML reader: records, options, environment, expected codings and malformed XML. */
#include "tern_test.h"

#include "text/petr_xml.h"

#include <stdio.h>
#include <string.h>

typedef struct seen {
    char log[4096];
    size_t n;
} seen;

static void note(seen *s, const char *text)
{
    s->n += (size_t)snprintf(s->log + s->n, sizeof s->log - s->n, "%s|", text);
}

static int on_env(void *ctx, const petr_environment *env)
{
    char buf[512];
    snprintf(buf, sizeof buf, "env %s %s %zu %s %s", env->verbs,
             env->n_actors ? env->actors[env->n_actors - 1] : "-", env->n_actors, env->agents,
             env->include);
    note(ctx, buf);
    return 0;
}

static int on_config(void *ctx, const char *option, const char *value, size_t line)
{
    char buf[256];
    snprintf(buf, sizeof buf, "config %s=%s @%zu", option, value, line);
    note(ctx, buf);
    return 0;
}

static int on_record(void *ctx, const petr_record *r)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "rec %s %d %s %d [%s] [%s] none=%d err=%s n=%zu @%zu %s",
                     r->id ? r->id : "-", r->date, r->category ? r->category : "-", r->sentence,
                     r->text ? r->text : "-", r->parse ? r->parse : "-", r->expect_none,
                     r->expect_error ? r->expect_error : "-", r->n_expected, r->line,
                     r->problem ? r->problem : "ok");
    for (size_t i = 0; i < r->n_expected && n < (int)sizeof buf; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " %s>%s:%s", r->expected[i].source,
                      r->expected[i].target, r->expected[i].code);
    note(ctx, buf);
    return 0;
}

static const petr_callbacks cb = {on_env, on_config, on_record};

static void reads_validation_records(void **state)
{
    const char *xml =
        "<Validation>\n"
        "<Environment>\n  <Verbfile> v.txt </Verbfile>\n  <Actorfile>a.txt</Actorfile>\n"
        "  <Actorfile> b.txt,\n c.txt </Actorfile>\n"
        "  <Agentfile>g.txt</Agentfile>\n  <Include>valid DEMO</Include>\n</Environment>\n"
        "<Sentences>\n"
        "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
        "<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"
        "<!-- a comment -->\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
        "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"/>\n"
        "<Text>Arnor &amp; Gondor</Text>\n<Parse>(ROOT (S))</Parse>\n</Sentence>\n"
        "<Sentence date = \"2008\" id =\"X-2\" valid=\"false\">\n"
        "<EventCoding noevents = \"True\"></EventCoding>\n</Sentence>\n"
        "<Sentence date=\"20080801\" id=\"E-1\" sentence=\"true\"><EventCoding error=\"dateline\"/>"
        "</Sentence>\n"
        "</Sentences></Validation>\n";
    seen s = {0};
    tern_error err = {0};
    assert_int_equal(petr_xml_read_buffer(xml, strlen(xml), "t.xml", &cb, &s, &err), TERN_OK);
    assert_string_equal(
        s.log, "env v.txt c.txt 3 g.txt valid DEMO|"
               "config require_dyad=false @11|"
               "rec DEMO-01 19950101 DEMO 1 [Arnor & Gondor] [(ROOT (S))] none=0 err=- n=2 @12 ok"
               " ARN>GON:064 GON>ARN:064|"
               "rec X-2 0 - 0 [-] [-] none=1 err=- n=0 @19 date is not YYYYMMDD|"
               "rec E-1 20080801 - 1 [-] [-] none=0 err=dateline n=0 @22 ok|");
}

static void malformed_xml_names_the_line(void **state)
{
    const char *xml = "<Sentences>\n<Sentence id=\"a\" date=\"19950101\">\n<Text>ok</Text>\n"
                      "</Sentence>\n<Sentence id=\"b\">\n<Text>unclosed\n</Sentences>\n";
    seen s = {0};
    tern_error err = {0};
    assert_int_equal(petr_xml_read_buffer(xml, strlen(xml), "bad.xml", &cb, &s, &err),
                     TERN_EFORMAT);
    assert_string_equal(err.message, "bad.xml:7: mismatched tag");
    /* the record before the error was delivered */
    assert_non_null(strstr(s.log, "rec a 19950101"));
    assert_null(strstr(s.log, "rec b"));
}

static void missing_file_is_an_io_error(void **state)
{
    seen s = {0};
    tern_error err = {0};
    assert_int_equal(petr_xml_read("/nonexistent/x.xml", &cb, &s, &err), TERN_EIO);
    assert_string_equal(err.message, "/nonexistent/x.xml: cannot open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_validation_records),
        cmocka_unit_test(malformed_xml_names_the_line),
        cmocka_unit_test(missing_file_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
