/*
 * cmd_code: `tern code`: reads articles, codes them, writes events. Input kinds:
 *   petr   PETRARCH XML with parses: consecutive <Sentence> records whose ids share the part
 *          before the last '_' form one story (article), as in PETRARCH.
 * Output goes through the event sink (src/out): JSON Lines, TSV, GDELT, ICEWS, PETRARCH lines
 * or the SQLite store, chosen by -o's extension or --format.
 */
#include "cli/cli.h"
#include "cli/code_output.h"
#include "code/article.h"
#include "text/petr_xml.h"
#include "text/reader.h"
#include "text/dates.h"
#include "cli/pipeline.h"
#include "cli/explain.h"
#include "base/io.h"

#include <dirent.h>

#include <time.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct story_record {
    const char *sentence_id, *text, *parse;
    int32_t date;
} story_record;

typedef struct petr_run {
    code_run *run;
    const char *path;
    arena story_arena;
    VEC(story_record) records;
    const char *story_id;
    const char *outlet;
    tern_options options;
} petr_run;

static void usage(FILE *out)
{
    fprintf(
        out,
        "usage: tern code [options] INPUT...\n"
        "\n"
        "Codes articles into events.\n"
        "\n"
        "INPUT is a file, a directory of plain-text articles, or - (standard input).\n"
        "\n"
        "input:\n"
        "  --input KIND        text | jsonl | petr (PETRARCH XML with <Parse>); default:\n"
        "                      from the name (.jsonl .ndjson .xml, .gz too) or the content\n"
        "  --date YYYY-MM-DD   publication date for articles that carry none (default: none)\n"
        "  --id-field F, --date-field F, --title-field F, --text-field F, --url-field F,\n"
        "  --source-field F    JSONL field names (defaults id, date, title, text, url, source)\n"
        "  --model FILE        parser model (default data/model/tern-en-ewt.model)\n"
        "dictionaries:\n"
        "  --dict FILE         add a dictionary (kind from its name, or KIND:FILE with\n"
        "                      KIND verbs|actors|agents|discards|issues); repeatable\n"
        "  --no-default-dict   do not load tern's own dictionaries (data/dict)\n"
        "  --cameo FILE        CAMEO event table (default data/cameo/cameo_codes.tsv)\n"
        "output:\n"
        "  -o, --output FILE   where events go (default: standard output); the extension\n"
        "                      picks the format: .jsonl .tsv .gdelt .icews .petr .db\n"
        "  --format F          jsonl|tsv|gdelt|icews|petr|sqlite (overrides the extension)\n"
        "  --db FILE           the SQLite event store (same as -o FILE --format sqlite)\n"
        "  --replace           store: recode articles stored with other dictionaries\n"
        "coding:\n"
        "  --require-dyad yes|no   drop events lacking an actor (default yes)\n"
        "  --new-actor-length N    quote unknown noun phrases of up to N words (default 0)\n"
        "  -j, --threads N     worker threads for raw text (default 1); output order is the\n"
        "                      same for any N\n"
        "  --explain           print how each sentence was read (actor phrases, verb\n"
        "                      phrases, events and the dictionary lines that fired) on\n"
        "                      standard error\n"
        "  -q, --quiet         no progress line and no summary on standard error\n"
        "  -h, --help          this help\n"
        "\n"
        "On a terminal, events are shown as an aligned table; otherwise JSON Lines.\n");
}

static int flush_story(petr_run *p)
{
    if (!p->records.len) return 0;
    code_run *r = p->run;
    /* The story's text decides whether a store already has it. */
    uint64_t h = 0x7465726e;
    for (size_t i = 0; i < p->records.len; i++) {
        const char *t = p->records.items[i].text ? p->records.items[i].text : "";
        h = hash_bytes(t, strlen(t)) ^ (h * 0x9E3779B97F4A7C15ull);
    }
    tern_article_info info = {
        p->story_id, p->records.items[0].date, p->outlet, NULL, NULL, NULL, h};
    int rc = 0;
    if (code_output_needs(r, &info)) {
        tern_article_begin(r->article, &info);
        for (size_t i = 0; i < p->records.len; i++) {
            const story_record *rec = &p->records.items[i];
            tern_error err = {0};
            tern_article_code_parsed(r->coder, r->article, rec->sentence_id, rec->date, rec->text,
                                     rec->parse, &p->options, &err);
            const char *problem = tern_article_last_problem(r->article);
            if (problem && strcmp(problem, "sentence discarded") != 0 &&
                strcmp(problem, "story discarded") != 0)
                code_output_skip(r, p->path, 0, rec->sentence_id, problem);
        }
        tern_article_finish(r->coder, r->article);
        rc = code_output_article(r, r->article);
    }
    p->records.len = 0;
    arena_reset(&p->story_arena);
    return rc;
}

static int on_config(void *ctx, const char *option, const char *value, size_t line)
{
    petr_run *p = ctx;
    if (!tern_options_set(&p->options, option, value))
        fprintf(stderr, "%s:%zu: unknown option '%s' ignored\n", p->path, line, option);
    return 0;
}

static int on_record(void *ctx, const petr_record *rec)
{
    petr_run *p = ctx;
    if (rec->problem || !rec->id) {
        code_output_skip(p->run, p->path, rec->line, rec->id,
                         rec->problem ? rec->problem : "no id");
        return 0;
    }
    /* Story id: the part before the last '_' (PETRARCH's sentence records). */
    const char *us = strrchr(rec->id, '_');
    size_t story_len = us ? (size_t)(us - rec->id) : strlen(rec->id);
    if (p->story_id &&
        (strlen(p->story_id) != story_len || strncmp(p->story_id, rec->id, story_len)))
        if (flush_story(p)) return 1;
    if (!p->records.len) {
        p->story_id = arena_strndup(&p->story_arena, rec->id, story_len);
        p->outlet = rec->source ? arena_strdup(&p->story_arena, rec->source) : NULL;
    }
    story_record r = {arena_strdup(&p->story_arena, rec->id),
                      rec->text ? arena_strdup(&p->story_arena, rec->text) : "",
                      rec->parse ? arena_strdup(&p->story_arena, rec->parse) : NULL, rec->date};
    vec_push(&p->records, r);
    return 0;
}

static int code_petr(code_run *run, const char *path, const tern_options *o)
{
    petr_run p = {0};
    p.run = run;
    p.path = path;
    p.options = *o;
    arena_init(&p.story_arena, 64 * 1024);
    petr_callbacks cb = {NULL, on_config, on_record};
    tern_error err = {0};
    tern_status rc = petr_xml_read(path, &cb, &p, &err);
    int failed = 0;
    if (rc == TERN_OK)
        failed = flush_story(&p);
    else {
        fprintf(stderr, "tern code: %s\n", err.message);
        failed = 1;
    }
    vec_free(&p.records);
    arena_release(&p.story_arena);
    return failed;
}

/* ---- Raw articles (text, JSON Lines) on the pipeline ------------------------------------ */

typedef struct raw_job {
    arena input; /* the article as read */
    article art;
    tern_article *coded;
    tern_status status;
    tern_error err;
} raw_job;

typedef struct raw_run {
    code_run *run;
    char **inputs;
    int n_inputs, next_input;
    const article_format *forced;
    reader_options reader;
    analyze_options analyze;
    tern_options options;
    article_reader *current;
    const char *current_path;
    int failed;
    double last_progress;
    int progress;
    int explain; /* print how each sentence was read, on standard error */
} raw_run;

static void *raw_make_job(void *ctx)
{
    raw_run *rr = ctx;
    raw_job *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    arena_init(&j->input, 256 * 1024);
    j->coded = tern_article_new();
    if (!j->coded) {
        arena_release(&j->input);
        free(j);
        return NULL;
    }
    j->coded->keep_traces = rr->explain;
    return j;
}

static void raw_free_job(void *ctx, void *job)
{
    (void)ctx;
    raw_job *j = job;
    arena_release(&j->input);
    tern_article_free(j->coded);
    free(j);
}

/* Reads the next article that the output does not already hold. */
static int raw_read(void *ctx, void *job)
{
    raw_run *rr = ctx;
    raw_job *j = job;
    for (;;) {
        if (!rr->current) {
            if (rr->next_input >= rr->n_inputs) return 0;
            const char *path = rr->inputs[rr->next_input++];
            tern_error err = {0};
            const article_format *fmt = rr->forced ? rr->forced : article_format_guess(path, &err);
            rr->current = fmt ? article_reader_open(path, fmt, &rr->reader, &err) : NULL;
            if (!rr->current) {
                fprintf(stderr, "tern code: %s\n", err.message);
                rr->failed = 1;
                continue;
            }
            rr->current_path = path;
        }
        arena_reset(&j->input);
        tern_error err = {0};
        int rc = article_reader_next(rr->current, &j->art, &j->input, &err);
        if (rc == READER_ARTICLE) {
            tern_article_info info = {
                j->art.id, 0, NULL, NULL, NULL, NULL, hash_bytes(j->art.text, j->art.len)};
            if (!code_output_needs(rr->run, &info)) continue;
            return 1;
        }
        if (rc == READER_SKIPPED) {
            code_output_skip(rr->run, err.message, 0, NULL, "malformed record");
            continue;
        }
        if (rc == READER_FAILED) {
            fprintf(stderr, "tern code: %s\n", err.message);
            rr->failed = 1;
        }
        article_reader_close(rr->current);
        rr->current = NULL;
    }
}

static void raw_code(void *ctx, void *job, unsigned worker)
{
    (void)worker;
    raw_run *rr = ctx;
    raw_job *j = job;
    memset(&j->err, 0, sizeof j->err);
    j->status = article_code_document(rr->run->coder, j->coded, &j->art, &rr->analyze, &rr->options,
                                      &j->err);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int raw_write(void *ctx, void *job)
{
    raw_run *rr = ctx;
    raw_job *j = job;
    if (j->status != TERN_OK) {
        code_output_skip(rr->run, j->art.path, j->art.line, j->art.id, j->err.message);
        return 0;
    }
    /* The store keys articles by the hash of the text as read. */
    tern_article_info *info = (tern_article_info *)tern_article_info_of(j->coded);
    info->content_hash = hash_bytes(j->art.text, j->art.len);
    int rc = code_output_article(rr->run, j->coded);
    if (rr->explain) {
        const tern_sentence_info *sentences;
        tern_article_sentences(j->coded, &sentences);
        for (size_t i = 0; i < j->coded->traces.len; i++) {
            const sentence_trace *t = &j->coded->traces.items[i];
            fprintf(stderr, "== %s sentence %u: %s\n", j->art.id, t->sentence,
                    sentences[t->sentence].text);
            explain_sentence(stderr, t->frames, t->coding);
        }
    }
    if (rr->progress) {
        double t = now_seconds();
        if (t - rr->last_progress > 0.5) {
            rr->last_progress = t;
            fprintf(stderr, "\rtern: %zu articles, %zu sentences, %zu events", rr->run->articles,
                    rr->run->sentences, rr->run->events);
        }
    }
    return rc;
}

static int code_raw(code_run *run, char **inputs, int n_inputs, const article_format *forced,
                    const reader_options *reader, const analyze_options *analyze,
                    const tern_options *o, unsigned threads, int explain)
{
    raw_run rr = {0};
    rr.explain = explain;
    rr.run = run;
    rr.inputs = inputs;
    rr.n_inputs = n_inputs;
    rr.forced = forced;
    rr.reader = *reader;
    rr.analyze = *analyze;
    rr.options = *o;
    rr.progress = !run->quiet && !explain && isatty(STDERR_FILENO);
    pipeline_ops ops = {&rr, raw_make_job, raw_free_job, raw_read, raw_code, raw_write};
    int failed = pipeline_run(&ops, threads > 1 ? threads : 0);
    if (rr.current) article_reader_close(rr.current);
    if (rr.progress) fprintf(stderr, "\r\033[K");
    return failed || rr.failed;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory stands for its files (not hidden, not README files), in name order, each read
 * in the format its name or content suggests. */
static void expand_directories(char ***inputs, int *n_inputs)
{
    VEC(char *) out = {0};
    for (int i = 0; i < *n_inputs; i++) {
        const char *path = (*inputs)[i];
        if (!path_is_directory(path)) {
            vec_push(&out, strdup(path));
            continue;
        }
        DIR *d = opendir(path);
        if (!d) {
            vec_push(&out, strdup(path)); /* the reader reports why it cannot be read */
            continue;
        }
        size_t first = out.len;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.' || !strncasecmp(e->d_name, "README", 6)) continue;
            char full[8192];
            snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            if (path_is_directory(full)) continue;
            vec_push(&out, strdup(full));
        }
        closedir(d);
        qsort(out.items + first, out.len - first, sizeof *out.items, compare_names);
    }
    free(*inputs);
    *inputs = out.items;
    *n_inputs = (int)out.len;
}

int cmd_code(int argc, char **argv)
{
    code_config cfg;
    code_config_default(&cfg);
    const char *input = NULL;
    tern_options o;
    tern_options_default(&o);
    int n_inputs = 0;
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    reader_options reader;
    reader_options_default(&reader);
    analyze_options analyze;
    analyze_options_default(&analyze);
    unsigned threads = 1;
    const char *model = NULL;
    int explain = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(inputs);
            return 0;
        } else if (!strcmp(a, "--input") && has_value) {
            input = argv[++i];
        } else if (!strcmp(a, "--date") && has_value) {
            const char *v = argv[++i];
            analyze.default_date = date_parse(v, strlen(v));
            if (!analyze.default_date || strlen(v) != 10) {
                fprintf(stderr, "tern code: --date wants YYYY-MM-DD, not '%s'\n", v);
                free(inputs);
                return 2;
            }
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--threads")) && has_value) {
            int n = atoi(argv[++i]);
            if (n < 1 || n > 256) {
                fprintf(stderr, "tern code: -j wants 1 to 256 threads\n");
                free(inputs);
                return 2;
            }
            threads = (unsigned)n;
        } else if (!strcmp(a, "--explain")) {
            explain = 1;
        } else if (!strcmp(a, "--model") && has_value) {
            model = argv[++i];
        } else if (!strcmp(a, "--id-field") && has_value) {
            reader.id_field = argv[++i];
        } else if (!strcmp(a, "--date-field") && has_value) {
            reader.date_field = argv[++i];
        } else if (!strcmp(a, "--title-field") && has_value) {
            reader.title_field = argv[++i];
        } else if (!strcmp(a, "--text-field") && has_value) {
            reader.text_field = argv[++i];
        } else if (!strcmp(a, "--url-field") && has_value) {
            reader.url_field = argv[++i];
        } else if (!strcmp(a, "--source-field") && has_value) {
            reader.source_field = argv[++i];
        } else if (code_config_option(&cfg, argc, argv, &i)) {
            /* shared output and dictionary options */
        } else if (!strcmp(a, "--require-dyad") && has_value) {
            o.require_dyad = strcmp(argv[++i], "no") != 0;
        } else if (!strcmp(a, "--new-actor-length") && has_value) {
            o.new_actor_length = atoi(argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tern code: unknown option %s (or missing value)\n", a);
            usage(stderr);
            free(inputs);
            return 2;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    if (cfg.bad_option) {
        free(inputs);
        return 2;
    }
    if (!n_inputs) {
        usage(stderr);
        free(inputs);
        return 2;
    }
    const article_format *forced = NULL;
    int petr = input && !strcmp(input, "petr");
    if (input && !strcmp(input, "petr-text")) input = "petr-xml";
    if (input && !petr && !(forced = article_format_find(input))) {
        fprintf(stderr, "tern code: input kind '%s' is not known (text, jsonl, petr, petr-text)\n",
                input);
        free(inputs);
        return 2;
    }
    /* Without --input, .xml names mean PETRARCH XML. */
    if (!input) {
        int all_xml = 1;
        for (int i = 0; i < n_inputs; i++) {
            const char *n = inputs[i];
            size_t len = strlen(n);
            int xml = (len > 4 && !strcmp(n + len - 4, ".xml")) ||
                      (len > 7 && !strcmp(n + len - 7, ".xml.gz"));
            if (!xml) all_xml = 0;
        }
        petr = all_xml;
    }
    code_run run;
    if (code_run_open(&run, &cfg) != 0) {
        free(inputs);
        return 1;
    }
    if (!petr && !forced) expand_directories(&inputs, &n_inputs);
    int failed = 0;
    if (petr) {
        for (int i = 0; i < n_inputs && !failed; i++) failed = code_petr(&run, inputs[i], &o);
    } else {
        tern_error err = {0};
        if (tern_coder_load_model(run.coder, model, &err) != TERN_OK) {
            fprintf(stderr, "tern code: %s\n", err.message);
            failed = 1;
        } else {
            failed =
                code_raw(&run, inputs, n_inputs, forced, &reader, &analyze, &o, threads, explain);
        }
    }
    failed |= code_run_close(&run);
    if (!petr && !forced)
        for (int i = 0; i < n_inputs; i++) free(inputs[i]);
    free(inputs);
    return failed ? 1 : 0;
}
