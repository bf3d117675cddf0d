/*
 * cmd_validate: `tern validate RECORDS.xml`: codes every active record of a PETRARCH
 * validation file with the dictionaries its <Environment> names and compares the result with
 * the record's <EventCoding>. Prints one line per failing record and a summary per category;
 * exits 1 when any record fails.
 *
 * A record passes when its coded (source, target, code) triples equal the expected ones as a
 * multiset; `noevents` passes when nothing is coded; `error=` passes when that condition
 * (dateline, bad_input_parse, sentencediscard, storydiscard) is what stopped the coding.
 */
#include "cli/cli.h"
#include "code/coder.h"
#include "dict/dict.h"
#include "code/article.h"
#include "base/vec.h"
#include "text/petr_xml.h"
#include "cli/explain.h"

#include <ctype.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { MAX_CATEGORIES = 64 };

typedef struct category_count {
    char name[32];
    int passed, total;
} category_count;

typedef struct validate_run {
    const char *records_path;
    const char *dict_dir;
    int verbose;
    const char *explain; /* record id whose preparation is printed */
    int reparse;         /* code <Text> with tern's own parser instead of <Parse> */
    const char *model_path;
    syntax_model *model;
    text_analyzer *analyzer;
    tern_dict *dict;
    int dict_failed;
    tern_options options;
    arena arena;
    category_count cats[MAX_CATEGORIES];
    int n_cats;
    int passed, total, skipped;
} validate_run;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: tern validate [options] RECORDS.xml\n"
            "\n"
            "Codes the records of a PETRARCH validation file and compares them with the\n"
            "expected events. Prints one line per failing record and a summary per category.\n"
            "\n"
            "  --dict-dir DIR  where the <Environment> dictionaries are (default: beside the\n"
            "                  file, then ../dictionaries)\n"
            "  -v, --verbose   also print passing records\n"
            "  --reparse       code each record's <Text> with tern's own tokenizer and parser\n"
            "                  instead of its <Parse>\n"
            "  --model FILE    parser model for --reparse (default data/model/tern-en-ewt.model)\n"
            "  --explain ID    print how record ID was read: phrases with their codes, verb\n"
            "                  phrases, and the events with the pattern that fired\n"
            "  -h, --help      this help\n");
}

static const char *find_dict(validate_run *v, const char *name, char *buf, size_t cap)
{
    char dir_copy[4096];
    snprintf(dir_copy, sizeof dir_copy, "%s", v->records_path);
    const char *dir = dirname(dir_copy);
    if (v->dict_dir) {
        snprintf(buf, cap, "%s/%s", v->dict_dir, name);
        return buf;
    }
    snprintf(buf, cap, "%s/%s", dir, name);
    if (access(buf, R_OK) == 0) return buf;
    snprintf(buf, cap, "%s/../dictionaries/%s", dir, name);
    if (access(buf, R_OK) == 0) return buf;
    snprintf(buf, cap, "%s/%s", dir, name);
    return buf;
}

static void load(validate_run *v, tern_dict_kind kind, const char *name)
{
    if (!name || !*name) return;
    char path[8192];
    tern_error err = {0};
    if (tern_dict_add_file(v->dict, kind, find_dict(v, name, path, sizeof path), &err)) {
        fprintf(stderr, "tern validate: %s\n", err.message);
        v->dict_failed = 1;
    }
}

static int on_environment(void *ctx, const petr_environment *env)
{
    validate_run *v = ctx;
    load(v, TERN_DICT_VERBS, env->verbs);
    for (size_t i = 0; i < env->n_actors; i++) load(v, TERN_DICT_ACTORS, env->actors[i]);
    load(v, TERN_DICT_AGENTS, env->agents);
    load(v, TERN_DICT_DISCARDS, env->discards);
    load(v, TERN_DICT_ISSUES, env->issues);
    tern_error err = {0};
    if (v->dict_failed || tern_dict_freeze(v->dict, &err)) {
        if (!v->dict_failed) fprintf(stderr, "tern validate: %s\n", err.message);
        v->dict_failed = 1;
        return 1;
    }
    const char *const *lines;
    size_t n = tern_dict_diagnostics(v->dict, &lines);
    for (size_t i = 0; i < n; i++) fprintf(stderr, "%s\n", lines[i]);
    return 0;
}

static int on_config(void *ctx, const char *option, const char *value, size_t line)
{
    validate_run *v = ctx;
    if (!tern_options_set(&v->options, option, value))
        fprintf(stderr, "%s:%zu: unknown option '%s' ignored\n", v->records_path, line, option);
    return 0;
}

static category_count *category(validate_run *v, const char *name)
{
    if (!name) name = "(none)";
    for (int i = 0; i < v->n_cats; i++)
        if (!strcmp(v->cats[i].name, name)) return &v->cats[i];
    if (v->n_cats == MAX_CATEGORIES) return &v->cats[MAX_CATEGORIES - 1];
    category_count *c = &v->cats[v->n_cats++];
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

static int same_triple(const petr_coding *e, const coded_event *c)
{
    return !strcmp(e->source, c->source) && !strcmp(e->target, c->target) &&
           !strcmp(e->code, c->code);
}

/* Multiset equality of expected and coded triples. */
static int triples_equal(const petr_record *rec, const sentence_coding *sc)
{
    if (rec->n_expected != sc->n_events) return 0;
    char used[256] = {0};
    for (uint32_t i = 0; i < sc->n_events; i++) {
        size_t k;
        for (k = 0; k < rec->n_expected && k < sizeof used; k++)
            if (!used[k] && same_triple(&rec->expected[k], &sc->events[i])) break;
        if (k == rec->n_expected || k >= sizeof used) return 0;
        used[k] = 1;
    }
    return 1;
}

static void print_events(const sentence_coding *sc, const char *error)
{
    if (error) {
        printf("error=%s", error);
        return;
    }
    if (!sc->n_events) printf("(none)");
    for (uint32_t i = 0; i < sc->n_events; i++)
        printf("%s%s %s %s", i ? "; " : "", sc->events[i].source, sc->events[i].target,
               sc->events[i].code);
}

static void print_expected(const petr_record *rec)
{
    if (rec->expect_error) {
        printf("error=%s", rec->expect_error);
        return;
    }
    if (rec->expect_none || !rec->n_expected) printf("(none)");
    for (size_t i = 0; i < rec->n_expected; i++)
        printf("%s%s %s %s", i ? "; " : "", rec->expected[i].source, rec->expected[i].target,
               rec->expected[i].code);
}

/* --reparse: the record's text through tern's own pipeline; the events of all its sentences
 * (a record is normally one sentence) are pooled. s receives the last sentence's frames. */
static void reparse_record(validate_run *v, const petr_record *rec, const code_options *o,
                           coding_sentence *s, sentence_coding *out)
{
    memset(out, 0, sizeof *out);
    memset(s, 0, sizeof *s);
    if (!rec->text) return;
    article art = {0};
    art.path = v->records_path;
    art.line = rec->line;
    art.id = rec->id ? rec->id : "record";
    /* A record is one sentence wrapped by hand: its line breaks are spaces, not paragraph
     * ends (offsets stay the same). Raw text decides this by line lengths, which a record's
     * few long lines do not show. An underscore between letters joins the words of one name
     * in PETRARCH's notation ("Dol_Amroth"), and the records' own parses split it. */
    size_t len = strlen(rec->text);
    char *text = arena_strndup(&v->arena, rec->text, len);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n' || text[i] == '\r') text[i] = ' ';
        if (text[i] == '_' && i > 0 && i + 1 < len && isalpha((unsigned char)text[i - 1]) &&
            isalpha((unsigned char)text[i + 1]))
            text[i] = ' ';
    }
    art.text = text;
    art.len = (uint32_t)len;
    analyze_options ao;
    analyze_options_default(&ao);
    ao.clean = 0; /* a record is a sentence, not a scraped page */
    ao.default_date = rec->date;
    document doc;
    tern_error err = {0};
    if (document_analyze(v->analyzer, &art, &ao, &doc, &v->arena, &err) != TERN_OK) return;
    VEC(coded_event) all = {0};
    for (uint32_t i = 0; i < doc.n_sentences; i++) {
        uint8_t *quoted;
        if (sentence_to_frames(v->model, &doc, &doc.sentences[i], o, &v->arena, s, &quoted) <= 0)
            continue;
        sentence_coding sc;
        code_sentence(v->dict, s, rec->date, o, NULL, &v->arena, &sc);
        for (uint32_t k = 0; k < sc.n_events; k++) {
            int dup = 0;
            for (size_t j = 0; j < all.len; j++)
                if (!strcmp(all.items[j].source, sc.events[k].source) &&
                    !strcmp(all.items[j].target, sc.events[k].target) &&
                    !strcmp(all.items[j].code, sc.events[k].code))
                    dup = 1;
            if (!dup) vec_push(&all, sc.events[k]);
        }
        out->negated_dropped += sc.negated_dropped;
        out->phrase_codes = sc.phrase_codes;
    }
    out->n_events = (uint32_t)all.len;
    out->events =
        all.len ? arena_memdup(&v->arena, all.items, all.len * sizeof(coded_event)) : NULL;
    vec_free(&all);
}

static int on_record(void *ctx, const petr_record *rec)
{
    validate_run *v = ctx;
    if (rec->sentence != 1) {
        v->skipped++;
        return 0;
    }
    if (!v->dict->frozen) {
        fprintf(stderr, "%s:%zu: record before any <Environment>; no dictionaries to code with\n",
                v->records_path, rec->line);
        return 1;
    }
    arena_reset(&v->arena);
    const char *error = NULL;
    sentence_coding sc = {0};
    discard_kind dk = discard_check(v->dict, rec->text, NULL);
    if (dk == DISCARD_STORY)
        error = "storydiscard";
    else if (dk == DISCARD_SENTENCE)
        error = "sentencediscard";
    coding_sentence s;
    const char *problem = NULL;
    code_options options;
    options_to_code(&v->options, &options);
    if (v->reparse) {
        if (!error) reparse_record(v, rec, &options, &s, &sc);
    } else {
        if (!error && article_parse_to_frames(rec->parse, &options, &v->arena, &s, &problem))
            error = !strcmp(problem, "dateline") ? "dateline" : "bad_input_parse";
        if (!error) code_sentence(v->dict, &s, rec->date, &options, NULL, &v->arena, &sc);
    }

    if (v->explain && rec->id && !strcmp(v->explain, rec->id) && !error)
        explain_sentence(stdout, &s, &sc);
    int ok;
    if (rec->expect_error)
        ok = error && !strcmp(error, rec->expect_error);
    else if (error)
        ok = 0;
    else if (rec->expect_none)
        ok = sc.n_events == 0;
    else
        ok = triples_equal(rec, &sc);
    category_count *c = category(v, rec->category);
    c->total++;
    v->total++;
    if (ok) {
        c->passed++;
        v->passed++;
    }
    if (!ok || v->verbose) {
        printf("%s\t%s\t%s\texpected: ", ok ? "PASS" : "FAIL", rec->id ? rec->id : "?",
               rec->category ? rec->category : "-");
        print_expected(rec);
        printf("\tgot: ");
        print_events(&sc, error);
        printf("\n");
    }
    return 0;
}

int cmd_validate(int argc, char **argv)
{
    validate_run v = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
            v.verbose = 1;
        } else if (!strcmp(argv[i], "--reparse")) {
            v.reparse = 1;
        } else if (!strcmp(argv[i], "--model") && i + 1 < argc) {
            v.model_path = argv[++i];
        } else if (!strcmp(argv[i], "--explain") && i + 1 < argc) {
            v.explain = argv[++i];
        } else if (!strcmp(argv[i], "--dict-dir") && i + 1 < argc) {
            v.dict_dir = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "tern validate: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        } else if (!v.records_path) {
            v.records_path = argv[i];
        } else {
            fprintf(stderr, "tern validate: one records file at a time\n");
            return 2;
        }
    }
    if (!v.records_path) {
        usage(stderr);
        return 2;
    }
    if (v.reparse) {
        tern_error merr = {0};
        if (syntax_model_load(v.model_path, &v.model, &merr) != TERN_OK) {
            fprintf(stderr, "tern validate: %s\n", merr.message);
            return 1;
        }
        v.analyzer = text_analyzer_new();
    }
    v.dict = tern_dict_new();
    tern_options_default(&v.options);
    arena_init(&v.arena, 256 * 1024);
    petr_callbacks cb = {on_environment, on_config, on_record};
    tern_error err = {0};
    tern_status rc = petr_xml_read(v.records_path, &cb, &v, &err);
    int status = 0;
    if (rc != TERN_OK && !(rc == TERN_EUSAGE && v.dict_failed)) {
        fprintf(stderr, "tern validate: %s\n", err.message);
        status = 1;
    }
    if (v.dict_failed) status = 1;
    printf("\ncategory     passed  total\n");
    for (int i = 0; i < v.n_cats; i++)
        printf("%-12s %6d %6d\n", v.cats[i].name, v.cats[i].passed, v.cats[i].total);
    printf("%-12s %6d %6d   (%d inactive records skipped)\n", "all", v.passed, v.total, v.skipped);
    if (v.passed != v.total) status = 1;
    tern_dict_free(v.dict);
    arena_release(&v.arena);
    syntax_model_free(v.model);
    text_analyzer_free(v.analyzer);
    return status;
}
