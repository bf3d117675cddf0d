/*
 * cmd_train: `tern train`, the front end of syntax_train(): trains the tagger and parser on a
 * CoNLL-U treebank and writes a model file. Progress goes to stderr.
 */
#include "syntax/train.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *out, const syntax_train_options *d)
{
    fprintf(out,
            "usage: tern train --train FILE.conllu [--dev FILE.conllu] -o MODEL [options]\n"
            "\n"
            "Trains the part-of-speech tagger and dependency parser on a UD treebank.\n"
            "\n"
            "  --train FILE        training treebank (CoNLL-U); required\n"
            "  --dev FILE          development treebank: picks the best epoch (default: none,\n"
            "                      the last epoch is kept)\n"
            "  -o, --output MODEL  model file to write; required\n"
            "  --seed N            random seed (default %llu)\n"
            "  --tagger-epochs N   (default %u)\n"
            "  --parser-epochs N   (default %u)\n"
            "  --folds N           jackknife folds for the parser's training tags; 1 = gold tags\n"
            "                      (default %u)\n"
            "  --tagger-prune X    drop averaged tagger weights below X (default %g)\n"
            "  --parser-prune X    drop averaged parser weights below X (default %g)\n"
            "  --tagger-min-count N  ignore tagger features seen fewer than N times in the\n"
            "                      training data (default %u)\n"
            "  --parser-min-count N  ignore parser features seen fewer than N times on the\n"
            "                      training data's gold paths (default %u)\n"
            "  --max-sentences N   use only the first N training sentences (default: all)\n"
            "  --augment PERCENT   add a news-like variant of about PERCENT%% of the training\n"
            "                      sentences: time phrases before the verb, titled names and\n"
            "                      governments as subjects, closing attributions\n"
            "                      (default %u; 0 = train on the treebank as it is)\n"
            "  -q, --quiet         no progress messages\n",
            (unsigned long long)d->seed, d->tagger_epochs, d->parser_epochs, d->jackknife_folds,
            (double)d->tagger_min_weight, (double)d->parser_min_weight, d->tagger_min_count,
            d->parser_min_count, d->augment_percent);
}

static void progress(void *context, const char *message)
{
    const time_t *start = context;
    fprintf(stderr, "[%4.0fs] %s\n", difftime(time(NULL), *start), message);
}

static int parse_number(const char *s, unsigned long long *out)
{
    char *end;
    *out = strtoull(s, &end, 10);
    return *s && !*end;
}

int cmd_train(int argc, char **argv)
{
    syntax_train_options o;
    syntax_train_defaults(&o);
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout, &o);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "tern train: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (!strcmp(a, "--train")) {
            o.train_path = v;
        } else if (!strcmp(a, "--dev")) {
            o.dev_path = v;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            o.output_path = v;
        } else if (!strcmp(a, "--seed") && parse_number(v, &n)) {
            o.seed = n;
        } else if (!strcmp(a, "--tagger-epochs") && parse_number(v, &n) && n > 0 && n < 1000) {
            o.tagger_epochs = (uint32_t)n;
        } else if (!strcmp(a, "--parser-epochs") && parse_number(v, &n) && n > 0 && n < 1000) {
            o.parser_epochs = (uint32_t)n;
        } else if (!strcmp(a, "--folds") && parse_number(v, &n) && n < 100) {
            o.jackknife_folds = (uint32_t)n;
        } else if (!strcmp(a, "--tagger-min-count") && parse_number(v, &n) && n < 1000) {
            o.tagger_min_count = (uint32_t)n;
        } else if (!strcmp(a, "--parser-min-count") && parse_number(v, &n) && n < 1000) {
            o.parser_min_count = (uint32_t)n;
        } else if (!strcmp(a, "--max-sentences") && parse_number(v, &n)) {
            o.max_sentences = (size_t)n;
        } else if (!strcmp(a, "--augment") && parse_number(v, &n) && n <= 100) {
            o.augment_percent = (uint32_t)n;
        } else if (!strcmp(a, "--tagger-prune") || !strcmp(a, "--parser-prune")) {
            char *end;
            float x = strtof(v, &end);
            if (*end || x < 0) {
                fprintf(stderr, "tern train: bad value for %s: %s\n", a, v);
                return 2;
            }
            if (!strcmp(a, "--tagger-prune"))
                o.tagger_min_weight = x;
            else
                o.parser_min_weight = x;
        } else {
            fprintf(stderr, "tern train: unknown option or bad value: %s %s\n", a, v);
            usage(stderr, &o);
            return 2;
        }
    }
    if (!o.train_path || !o.output_path) {
        usage(stderr, &o);
        return 2;
    }
    time_t start = time(NULL);
    if (!quiet) {
        o.progress = progress;
        o.progress_context = &start;
    }
    tern_error err = {0};
    if (syntax_train(&o, &err) != TERN_OK) {
        fprintf(stderr, "tern train: %s\n", err.message);
        return 1;
    }
    return 0;
}
