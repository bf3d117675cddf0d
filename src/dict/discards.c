/*
 * discards and issues: the two phrase lists that work on a sentence's words rather than on
 * its structure.
 *
 * Discards (one phrase per line): a sentence containing the phrase is not coded; a phrase
 * written `+PHRASE` drops the whole story. Words must be consecutive. tern adds topic cues:
 * `?TOPIC PHRASE` (e.g. `?sport six nations`) names a phrase typical of a topic that is not
 * coded (sport, entertainment); a story in which DISCARD_TOPIC_CUES distinct cues of one
 * topic occur is dropped whole. One cue proves nothing ("coach" of a delegation, "film" of a
 * rally); several together do.
 *
 * Issues: `<ISSUE CATEGORY=...>` sections of `phrase [CODE]` lines. Expansions apply to the
 * token they prefix: `n:word` gives singular and plural, `v:word` the regular verb forms, and
 * `a+b` both "a b" and "a-b". `~phrase` (and `~~phrase`) is an ignore phrase: when it occurs,
 * the sentence gets no issues. Words must be consecutive.
 */
#include "dict/dict.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { MAX_ALTERNATIVES = 64, MAX_TEXT = 256 };

void dict_read_discards(tern_dict *d, dict_lines *lines, const char *path)
{
    dict_lines it = *lines;
    const char *file = dict_intern_path(d, path);
    while (dict_lines_next(&it)) {
        char *s = it.line;
        discard_entry e = {.source = {file, it.lineno}};
        if (*s == '+') {
            e.story = 1;
            s++;
        } else if (*s == '?') {
            char *topic = s + 1;
            char *sp = topic;
            while (*sp && *sp != ' ' && *sp != '\t') sp++;
            if (sp == topic || !*sp) {
                diag_add(&d->diags, "%s:%u: a topic cue reads ?TOPIC PHRASE", file, it.lineno);
                continue;
            }
            const char *name = dict_code(d, topic, (size_t)(sp - topic));
            size_t k = 0;
            while (k < d->topics.len && d->topics.items[k] != name) k++;
            if (k == d->topics.len) {
                if (k == 255) {
                    diag_add(&d->diags, "%s:%u: too many topics", file, it.lineno);
                    continue;
                }
                vec_push(&d->topics, name);
            }
            e.story = 2;
            e.topic = (uint8_t)k;
            s = sp;
        }
        if (!dict_make_phrase(d, s, strlen(s), &e.words)) {
            diag_add(&d->diags, "%s:%u: empty discard phrase", file, it.lineno);
            continue;
        }
        e.words.gaps = 0;
        vec_push(&d->discards, e);
    }
    *lines = it;
}

typedef struct alternatives {
    char text[MAX_ALTERNATIVES][MAX_TEXT];
    int n;
} alternatives;

/* Adds x, sep and y joined; alternatives that would not fit are dropped, not truncated. */
static void alt_join(alternatives *a, const char *x, const char *sep, const char *y)
{
    size_t nx = strlen(x), ns = strlen(sep), ny = strlen(y);
    if (a->n >= MAX_ALTERNATIVES || nx + ns + ny >= MAX_TEXT) return;
    char *out = a->text[a->n++];
    memcpy(out, x, nx);
    memcpy(out + nx, sep, ns);
    memcpy(out + nx + ns, y, ny + 1);
}

/* Alternatives of one token without `+`: the n: and v: expansions. */
static void expand_simple(const char *tok, alternatives *out)
{
    out->n = 0;
    char w[MAX_TEXT];
    if ((tok[0] == 'n' || tok[0] == 'N') && tok[1] == ':') {
        snprintf(w, sizeof w, "%s", tok + 2);
        size_t n = strlen(w);
        alt_join(out, w, "", "");
        if (n && toupper((unsigned char)w[n - 1]) == 'Y') {
            w[n - 1] = '\0';
            alt_join(out, w, "", "IES");
        } else if (n && toupper((unsigned char)w[n - 1]) == 'S') {
            alt_join(out, w, "", "ES");
        } else {
            alt_join(out, w, "", "S");
        }
    } else if ((tok[0] == 'v' || tok[0] == 'V') && tok[1] == ':') {
        snprintf(w, sizeof w, "%s", tok + 2);
        size_t n = strlen(w);
        alt_join(out, w, "", "");
        alt_join(out, w, "", "S");
        if (n && toupper((unsigned char)w[n - 1]) == 'E') {
            alt_join(out, w, "", "D");
            w[n - 1] = '\0';
            alt_join(out, w, "", "ING");
        } else {
            alt_join(out, w, "", "ED");
            alt_join(out, w, "", "ING");
        }
    } else {
        alt_join(out, tok, "", "");
    }
}

/* Alternatives of a token that may contain `+` joins. */
static void expand_token(const char *tok, alternatives *out)
{
    const char *plus = strchr(tok, '+');
    if (!plus) {
        expand_simple(tok, out);
        return;
    }
    char left[MAX_TEXT];
    snprintf(left, sizeof left, "%.*s", (int)(plus - tok), tok);
    alternatives l, r;
    expand_simple(left, &l);
    expand_token(plus + 1, &r);
    out->n = 0;
    for (int i = 0; i < l.n; i++)
        for (int j = 0; j < r.n; j++) {
            alt_join(out, l.text[i], " ", r.text[j]);
            alt_join(out, l.text[i], "-", r.text[j]);
        }
}

static void add_issue(tern_dict *d, const char *text, const char *code, const char *file,
                      uint32_t line)
{
    issue_entry e = {.code = code, .source = {file, line}};
    if (!dict_make_phrase(d, text, strlen(text), &e.words)) return;
    e.words.gaps = 0;
    vec_push(&d->issues, e);
}

static void read_issue_line(tern_dict *d, char *s, const char *file, uint32_t line)
{
    const char *code = NULL;
    if (*s == '~') {
        s++;
        if (*s == '~') s++;
    } else {
        char *open = strchr(s, '[');
        char *close = open ? strchr(open, ']') : NULL;
        if (!open || !close || close == open + 1) {
            diag_add(&d->diags, "%s:%u: issue phrase needs a [CODE]", file, line);
            return;
        }
        code = dict_code(d, open + 1, (size_t)(close - open - 1));
        *open = '\0';
    }
    /* Combine the alternatives of each blank-separated token. */
    alternatives acc = {.n = 1};
    acc.text[0][0] = '\0';
    char *save = NULL;
    for (char *tok = strtok_r(s, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        alternatives t, next = {.n = 0};
        expand_token(tok, &t);
        for (int i = 0; i < acc.n; i++)
            for (int j = 0; j < t.n; j++)
                alt_join(&next, acc.text[i], acc.text[i][0] ? " " : "", t.text[j]);
        acc = next;
    }
    if (acc.n == 0 || !acc.text[0][0]) {
        diag_add(&d->diags, "%s:%u: empty issue phrase", file, line);
        return;
    }
    for (int i = 0; i < acc.n; i++) add_issue(d, acc.text[i], code, file, line);
}

void dict_read_issues(tern_dict *d, dict_lines *lines, const char *path)
{
    dict_lines it = *lines;
    const char *file = dict_intern_path(d, path);
    while (dict_lines_next(&it)) {
        if (it.line[0] == '<') continue; /* <ISSUE ...> and </ISSUE> section marks */
        read_issue_line(d, it.line, file, it.lineno);
    }
    *lines = it;
}
