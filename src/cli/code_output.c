/* code_output: shared machinery of the coding commands (see code_output.h). */
#include "cli/code_output.h"

#include "base/atom.h"
#include "base/io.h"
#include "cli/cli.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void code_config_default(code_config *c)
{
    memset(c, 0, sizeof *c);
}

int code_config_option(code_config *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int has_value = *i + 1 < argc;
    if (!strcmp(a, "--no-default-dict")) {
        c->no_default_dict = 1;
        return 1;
    }
    if (!strcmp(a, "--replace")) {
        c->replace = 1;
        return 1;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
        c->quiet = 1;
        return 1;
    }
    if (!has_value) return 0;
    const char *v = argv[*i + 1];
    if (!strcmp(a, "--dict")) {
        dict_arg d = {-1, v};
        const char *colon = strchr(v, ':');
        if (colon) {
            char kind[16];
            size_t n = (size_t)(colon - v);
            if (n < sizeof kind) {
                memcpy(kind, v, n);
                kind[n] = '\0';
                int k = cli_dict_kind(kind);
                if (k >= 0) d = (dict_arg){k, colon + 1};
            }
        }
        vec_push(&c->dicts, d);
    } else if (!strcmp(a, "--cameo")) {
        c->cameo = v;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
        c->output = v;
    } else if (!strcmp(a, "--db")) {
        c->output = v;
        c->format = "sqlite";
    } else if (!strcmp(a, "--format")) {
        sink_format f;
        if (!sink_format_parse(v, &f)) {
            fprintf(stderr, "tern: unknown format '%s' (jsonl, tsv, gdelt, icews, petr, sqlite)\n",
                    v);
            c->bad_option = 1;
        }
        c->format = v;
    } else {
        return 0;
    }
    (*i)++;
    return 1;
}

/* tern's own dictionaries: every file of data/dict whose name tells its kind. */
static int add_default_dicts(tern_dict *d, uint64_t *fingerprint)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dict", cli_data_dir());
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    struct dirent *e;
    char *names[256];
    int n = 0;
    while ((e = readdir(dp)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0) continue;
        if (tern_dict_kind_from_name(e->d_name) < 0) continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(dp);
    /* Sorted, so the load order (and first-definition rules) never depend on the file system. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    int failed = 0;
    for (int i = 0; i < n; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        tern_error err = {0};
        if (tern_dict_add_file(d, (tern_dict_kind)tern_dict_kind_from_name(names[i]), path, &err)) {
            fprintf(stderr, "tern: %s\n", err.message);
            failed = 1;
        }
        char *data;
        size_t len;
        if (file_read_all(path, &data, &len, NULL) == TERN_OK) {
            *fingerprint = *fingerprint * 31 + hash_bytes(data, len);
            free(data);
        }
        free(names[i]);
    }
    return failed;
}

int code_run_open(code_run *r, code_config *c)
{
    memset(r, 0, sizeof *r);
    r->quiet = c->quiet;
    tern_dict *d = tern_dict_new();
    uint64_t fingerprint = hash_bytes(TERN_VERSION, strlen(TERN_VERSION));
    int failed = c->no_default_dict ? 0 : add_default_dicts(d, &fingerprint);
    for (size_t i = 0; i < c->dicts.len; i++) {
        const dict_arg *a = &c->dicts.items[i];
        int kind = a->kind >= 0 ? a->kind : tern_dict_kind_from_name(a->path);
        if (kind < 0) {
            fprintf(stderr, "tern: %s: cannot tell the dictionary kind; write KIND:%s\n", a->path,
                    a->path);
            failed = 1;
            continue;
        }
        tern_error err = {0};
        if (tern_dict_add_file(d, (tern_dict_kind)kind, a->path, &err)) {
            fprintf(stderr, "tern: %s\n", err.message);
            failed = 1;
            continue;
        }
        char *data;
        size_t len;
        if (file_read_all(a->path, &data, &len, NULL) == TERN_OK) {
            fingerprint = fingerprint * 31 + hash_bytes(data, len);
            free(data);
        }
    }
    vec_free(&c->dicts);
    if (failed) {
        tern_dict_free(d);
        return 1;
    }
    tern_error err = {0};
    if (tern_dict_freeze(d, &err)) {
        fprintf(stderr, "tern: %s\n", err.message);
        tern_dict_free(d);
        return 1;
    }
    const char *const *lines;
    size_t n = tern_dict_diagnostics(d, &lines);
    if (!c->quiet) {
        for (size_t i = 0; i < n && i < 20; i++) fprintf(stderr, "%s\n", lines[i]);
        if (n > 20) fprintf(stderr, "tern: %zu more dictionary lines skipped\n", n - 20);
    }
    r->coder = tern_coder_new(d, c->cameo, &err);
    if (!r->coder) {
        fprintf(stderr, "tern: %s\n", err.message);
        return 1;
    }
    r->article = tern_article_new();
    sink_format fmt;
    const char *target = c->output ? c->output : "-";
    if (c->format)
        sink_format_parse(c->format, &fmt);
    else if (c->output)
        fmt = sink_format_for_path(c->output);
    else
        fmt = isatty(STDOUT_FILENO) ? SINK_TABLE : SINK_JSONL; /* people read, programs parse */
    char coder_id[32];
    snprintf(coder_id, sizeof coder_id, "%016llx", (unsigned long long)fingerprint);
    sink_options so = {c->replace, coder_id, 0, 0, 0};
    r->sink = sink_open(target, fmt, &so, &err);
    if (!r->sink) {
        fprintf(stderr, "tern: %s\n", err.message);
        return 1;
    }
    return 0;
}

int code_output_needs(code_run *r, const tern_article_info *info)
{
    if (sink_needs_article(r->sink, info->id, info->content_hash)) return 1;
    r->unchanged++;
    return 0;
}

int code_output_article(code_run *r, const tern_article *a)
{
    const tern_event *events;
    const tern_sentence_info *sentences;
    size_t ne = tern_article_events(a, &events);
    size_t ns = tern_article_sentences(a, &sentences);
    tern_article_counts counts;
    tern_article_get_counts(a, &counts);
    r->articles++;
    r->sentences += ns;
    r->events += ne;
    r->discarded += counts.discarded;
    tern_error err = {0};
    if (sink_article(r->sink, tern_article_info_of(a), sentences, ns, events, ne, &err)) {
        fprintf(stderr, "tern: %s\n", err.message);
        return 1;
    }
    return 0;
}

void code_output_skip(code_run *r, const char *file, size_t line, const char *id,
                      const char *reason)
{
    r->skipped++;
    if (!r->quiet) {
        if (line)
            fprintf(stderr, "%s:%zu: %s%s%s\n", file, line, id ? id : "", id ? ": " : "", reason);
        else
            fprintf(stderr, "%s: %s%s%s\n", file, id ? id : "", id ? ": " : "", reason);
    }
    tern_error err = {0};
    sink_skipped(r->sink, file, line, id, reason, &err);
}

int code_run_close(code_run *r)
{
    int failed = 0;
    tern_error err = {0};
    if (r->sink && sink_close(r->sink, &err)) {
        fprintf(stderr, "tern: %s\n", err.message);
        failed = 1;
    }
    if (!r->quiet)
        fprintf(stderr,
                "tern: %zu articles, %zu sentences, %zu events, %zu records skipped, %zu sentences "
                "discarded, %zu articles already stored\n",
                r->articles, r->sentences, r->events, r->skipped, r->discarded, r->unchanged);
    tern_article_free(r->article);
    tern_coder_free(r->coder);
    return failed;
}
