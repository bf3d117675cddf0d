/*
 * cmd_parse: `tern parse FILE...` writes the tagged, lemmatized and parsed sentences of its
 * input as CoNLL-U. Input is CoNLL-U (its words are kept, their annotation replaced),
 * pre-tokenized text (one sentence per line, words separated by whitespace), or news articles
 * (plain text or JSON Lines), which go through tern's reader, cleaner, sentence splitter and
 * tokenizer first; their tokens keep byte offsets into the article (TokenRange).
 */
#include "base/io.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/document.h"
#include "text/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum input_format { FORMAT_AUTO, FORMAT_CONLLU, FORMAT_TOKENS, FORMAT_TEXT } input_format;

static void usage(FILE *out)
{
    fprintf(out, "usage: tern parse [options] [FILE...]\n"
                 "\n"
                 "Tags, lemmatizes and parses sentences and writes CoNLL-U to standard output.\n"
                 "FILE may be '-' or absent for standard input; .gz files are read directly.\n"
                 "\n"
                 "  --model PATH     model file (default: $TERN_MODEL, else the shipped model\n"
                 "                   data/model/tern-en-ewt.model)\n"
                 "  --format FORMAT  auto, conllu, tokens or text (default auto: CoNLL-U when the\n"
                 "                   file name ends in .conllu or its first word line has ten\n"
                 "                   tab-separated fields; otherwise tokens: one sentence per\n"
                 "                   line, words separated by spaces or tabs). text: news\n"
                 "                   articles (plain text files or directories, JSON Lines),\n"
                 "                   cleaned, split into sentences and tokenized by tern\n");
}

static int looks_like_conllu(const char *path, tern_error *err)
{
    size_t n = strlen(path);
    if (n >= 7 && strcmp(path + n - 7, ".conllu") == 0) return 1;
    if (n >= 10 && strcmp(path + n - 10, ".conllu.gz") == 0) return 1;
    if (strcmp(path, "-") == 0) return 0; /* cannot peek at standard input twice */
    line_reader *r = line_reader_open(path, 1 << 20, err);
    if (!r) return -1;
    const char *line;
    size_t len;
    int overlong, verdict = 0;
    while (line_reader_next(r, &line, &len, &overlong, err) == 1) {
        if (len == 0 || line[0] == '#') continue;
        int tabs = 0;
        for (size_t i = 0; i < len; i++) tabs += line[i] == '\t';
        verdict = tabs == 9;
        break;
    }
    line_reader_close(r);
    return verdict;
}

/* Splits a line of pre-tokenized text into words; offsets count from the input's start. */
static uint32_t words_of_line(const char *line, size_t len, size_t base, syntax_word *out,
                              uint32_t cap)
{
    uint32_t n = 0;
    size_t i = 0;
    while (i < len && n < cap) {
        while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t') i++;
        if (i > start)
            out[n++] = (syntax_word){line + start, (uint32_t)(i - start), (uint32_t)(base + start),
                                     (uint32_t)(base + i)};
    }
    return n;
}

static int parse_tokens(const syntax_model *m, const char *path, strbuf *out, size_t *sentences)
{
    enum { MAX_WORDS = 4096 };
    tern_error err = {0};
    line_reader *r = line_reader_open(path, 1 << 20, &err);
    if (!r) {
        fprintf(stderr, "tern parse: %s\n", err.message);
        return 1;
    }
    syntax_word *words = malloc(MAX_WORDS * sizeof *words);
    if (!words) {
        fprintf(stderr, "tern parse: out of memory\n");
        line_reader_close(r);
        return 1;
    }
    arena a;
    arena_init(&a, 1 << 16);
    const char *line;
    size_t len, offset = 0;
    int overlong, rc;
    while ((rc = line_reader_next(r, &line, &len, &overlong, &err)) == 1) {
        size_t base = offset;
        offset += len + 1;
        if (overlong) {
            fprintf(stderr, "%s:%zu: line too long; skipped\n", path, line_reader_lineno(r));
            continue;
        }
        uint32_t n = words_of_line(line, len, base, words, MAX_WORDS);
        if (n == 0) continue;
        if (n == MAX_WORDS)
            fprintf(stderr, "%s:%zu: more than %d words; the rest of the line is dropped\n", path,
                    line_reader_lineno(r), MAX_WORDS);
        arena_reset(&a);
        syntax_sentence s;
        syntax_analyze(m, words, n, &a, &s);
        strbuf_printf(out, "# sent_id = %zu\n# text = %.*s\n", ++*sentences, (int)len, line);
        conllu_write(out, &s, NULL);
        if (out->len > (1 << 16)) {
            fwrite(out->data, 1, out->len, stdout);
            out->len = 0;
        }
    }
    if (rc < 0) fprintf(stderr, "tern parse: %s\n", err.message);
    line_reader_close(r);
    arena_release(&a);
    free(words);
    return rc < 0;
}

static int parse_conllu(const syntax_model *m, const char *path, strbuf *out, size_t *sentences)
{
    tern_error err = {0};
    conllu_reader *r = conllu_open(path, &err);
    if (!r) {
        fprintf(stderr, "tern parse: %s\n", err.message);
        return 1;
    }
    arena a;
    arena_init(&a, 1 << 16);
    conllu_sentence in;
    int rc;
    while ((rc = conllu_next(r, &a, &in, &err)) == 1) {
        syntax_word *words = arena_alloc(&a, (in.s.n ? in.s.n : 1) * sizeof *words);
        for (uint32_t i = 0; i < in.s.n; i++)
            words[i] = (syntax_word){in.s.tokens[i].form, (uint32_t)strlen(in.s.tokens[i].form),
                                     SYNTAX_NO_OFFSET, SYNTAX_NO_OFFSET};
        syntax_sentence s;
        syntax_analyze(m, words, in.s.n, &a, &s);
        conllu_write(out, &s, &in);
        ++*sentences;
        if (out->len > (1 << 16)) {
            fwrite(out->data, 1, out->len, stdout);
            out->len = 0;
        }
        arena_reset(&a);
    }
    if (rc < 0) fprintf(stderr, "tern parse: %s\n", err.message);
    conllu_close(r);
    arena_release(&a);
    return rc < 0;
}

/* News articles: every sentence the cleaner keeps, tokenized by tern's tokenizer. */
static int parse_articles(const syntax_model *m, const char *path, strbuf *out, size_t *sentences)
{
    tern_error err = {0};
    const article_format *fmt = article_format_guess(path, &err);
    reader_options ro;
    reader_options_default(&ro);
    article_reader *r = fmt ? article_reader_open(path, fmt, &ro, &err) : NULL;
    if (!r) {
        fprintf(stderr, "tern parse: %s\n", err.message);
        return 1;
    }
    text_analyzer *an = text_analyzer_new();
    analyze_options ao;
    analyze_options_default(&ao);
    arena a;
    arena_init(&a, 1 << 20);
    int failed = 0;
    for (;;) {
        arena_reset(&a);
        article art;
        int rc = article_reader_next(r, &art, &a, &err);
        if (rc == READER_END) break;
        if (rc == READER_FAILED) {
            fprintf(stderr, "tern parse: %s\n", err.message);
            failed = 1;
            break;
        }
        if (rc == READER_SKIPPED) {
            fprintf(stderr, "tern parse: %s (skipped)\n", err.message);
            continue;
        }
        document d;
        if (document_analyze(an, &art, &ao, &d, &a, &err) != TERN_OK) {
            fprintf(stderr, "tern parse: %s (skipped)\n", err.message);
            continue;
        }
        for (uint32_t i = 0; i < d.n_sentences; i++) {
            const sentence *s = &d.sentences[i];
            syntax_word *words = arena_array(&a, syntax_word, s->n_tokens + 1);
            for (uint32_t k = 0; k < s->n_tokens; k++) {
                size_t len;
                const token *t = &d.tokens[s->first_token + k];
                words[k] = (syntax_word){document_token_form(&d, s->first_token + k, &len),
                                         (uint32_t)len, t->start, t->end};
            }
            syntax_sentence ss;
            syntax_analyze(m, words, s->n_tokens, &a, &ss);
            strbuf_printf(out, "# doc_id = %s\n# sent_id = %zu\n# text = %s\n", d.id ? d.id : "",
                          ++*sentences, document_sentence_text(&d, i, &a));
            conllu_write(out, &ss, NULL);
            if (out->len > (1 << 16)) {
                fwrite(out->data, 1, out->len, stdout);
                out->len = 0;
            }
        }
    }
    arena_release(&a);
    text_analyzer_free(an);
    article_reader_close(r);
    return failed;
}

int cmd_parse(int argc, char **argv)
{
    const char *model_path = NULL;
    input_format format = FORMAT_AUTO;
    const char *files[256];
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            model_path = argv[++i];
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "auto"))
                format = FORMAT_AUTO;
            else if (!strcmp(f, "conllu"))
                format = FORMAT_CONLLU;
            else if (!strcmp(f, "tokens"))
                format = FORMAT_TOKENS;
            else if (!strcmp(f, "text"))
                format = FORMAT_TEXT;
            else {
                fprintf(stderr, "tern parse: unknown format '%s'\n", f);
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tern parse: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (n_files < 256) {
            files[n_files++] = a;
        } else {
            fprintf(stderr, "tern parse: too many files (at most 256)\n");
            return 2;
        }
    }
    if (!n_files) files[n_files++] = "-";
    tern_error err = {0};
    syntax_model *m;
    if (syntax_model_load(model_path, &m, &err) != TERN_OK) {
        fprintf(stderr, "tern parse: %s\n", err.message);
        return 1;
    }
    strbuf out = {0};
    size_t sentences = 0;
    int rc = 0;
    for (int i = 0; i < n_files; i++) {
        int conllu = format == FORMAT_CONLLU;
        if (format == FORMAT_AUTO) {
            conllu = looks_like_conllu(files[i], &err);
            if (conllu < 0) {
                fprintf(stderr, "tern parse: %s\n", err.message);
                rc = 1;
                continue;
            }
        }
        if (format == FORMAT_TEXT ? parse_articles(m, files[i], &out, &sentences)
            : conllu              ? parse_conllu(m, files[i], &out, &sentences)
                                  : parse_tokens(m, files[i], &out, &sentences))
            rc = 1;
    }
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    if (fflush(stdout) != 0) rc = 1;
    strbuf_free(&out);
    syntax_model_free(m);
    return rc;
}
