/*
 * phrase_scan: dictionary phrases found in a sentence's words, independent of its parse:
 * discards (the sentence or the whole story is not coded) and issues (topic codes attached to
 * a sentence's events). Words are the whitespace-separated tokens of the text, upper-cased,
 * with trailing punctuation removed; phrases match consecutive words.
 */
#include "code/coder.h"

#include "base/strbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

atom *text_atoms(const tern_dict *d, const char *text, uint32_t *n)
{
    size_t cap = 64;
    atom *words = malloc(cap * sizeof *words);
    *n = 0;
    if (!words) return NULL;
    const char *p = text;
    char buf[256];
    while (*p) {
        while (*p && isspace((unsigned char)*p)) p++;
        const char *w = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        size_t len = (size_t)(p - w);
        if (!len) break;
        /* Trailing punctuation belongs to the sentence, not the word. */
        while (len > 1 && strchr(".,;:!?\"')", w[len - 1])) len--;
        if (len >= sizeof buf) len = sizeof buf - 1;
        for (size_t i = 0; i < len; i++) buf[i] = (char)toupper((unsigned char)w[i]);
        if (*n == cap) {
            atom *more = realloc(words, 2 * cap * sizeof *words);
            if (!more) break;
            words = more;
            cap *= 2;
        }
        words[(*n)++] = atom_find(d->words, buf, len);
    }
    return words;
}

static int phrase_at(const tern_dict *d, const phrase *ph, const atom *words, uint32_t n,
                     uint32_t k)
{
    const atom *pw = dict_phrase_words(d, ph);
    uint32_t m = 0;
    while (m < ph->n_words && k + m < n && words[k + m] == pw[m]) m++;
    return m == ph->n_words;
}

discard_kind discard_check(const tern_dict *d, const char *text, const discard_entry **hit)
{
    if (hit) *hit = NULL;
    if (!d->discards.len || !text) return DISCARD_NONE;
    uint32_t n;
    atom *words = text_atoms(d, text, &n);
    if (!words) return DISCARD_NONE;
    discard_kind found = DISCARD_NONE;
    for (uint32_t k = 0; k < n && found != DISCARD_STORY; k++) {
        uint32_t count;
        const uint32_t *cand =
            word_index_find(&d->discard_index, d->indexed_atoms, words[k], &count);
        for (uint32_t c = 0; c < count; c++) {
            const discard_entry *e = &d->discards.items[cand[c]];
            if (e->story == 2 || !phrase_at(d, &e->words, words, n, k)) continue;
            discard_kind kind = e->story ? DISCARD_STORY : DISCARD_SENTENCE;
            if (kind > found) {
                found = kind;
                if (hit) *hit = e;
            }
            break;
        }
    }
    free(words);
    return found;
}

int topic_cues_add(const tern_dict *d, topic_cues *t, const char *text, arena *a)
{
    if (!d->topics.len || !text) return 0;
    if (!t->seen) {
        t->n_entries = d->discards.len;
        t->n_topics = d->topics.len;
        t->seen = arena_array(a, uint8_t, t->n_entries + 1);
        t->count = arena_array(a, uint32_t, t->n_topics + 1);
    }
    uint32_t n;
    atom *words = text_atoms(d, text, &n);
    if (!words) return 0;
    int reached = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t count;
        const uint32_t *cand =
            word_index_find(&d->discard_index, d->indexed_atoms, words[k], &count);
        for (uint32_t c = 0; c < count; c++) {
            const discard_entry *e = &d->discards.items[cand[c]];
            if (e->story != 2 || t->seen[cand[c]] || !phrase_at(d, &e->words, words, n, k))
                continue;
            t->seen[cand[c]] = 1;
            if (++t->count[e->topic] >= DISCARD_TOPIC_CUES) reached = 1;
        }
    }
    for (size_t i = 0; i < t->n_topics; i++)
        if (t->count[i] >= DISCARD_TOPIC_CUES) reached = 1;
    free(words);
    return reached;
}

const char *issues_scan(const tern_dict *d, const char *text, arena *a)
{
    if (!d->issues.len || !text) return NULL;
    uint32_t n;
    atom *words = text_atoms(d, text, &n);
    if (!words) return NULL;
    enum { MAX_CODES = 32 };
    const char *codes[MAX_CODES];
    int counts[MAX_CODES], n_codes = 0, ignored = 0;
    for (uint32_t k = 0; k < n && !ignored; k++) {
        uint32_t count;
        const uint32_t *cand = word_index_find(&d->issue_index, d->indexed_atoms, words[k], &count);
        for (uint32_t c = 0; c < count; c++) {
            const issue_entry *e = &d->issues.items[cand[c]];
            if (!phrase_at(d, &e->words, words, n, k)) continue;
            if (!e->code) {
                ignored = 1; /* an ignore phrase cancels the sentence's issues */
                break;
            }
            int i = 0;
            while (i < n_codes && strcmp(codes[i], e->code) != 0) i++;
            if (i == n_codes && n_codes < MAX_CODES) {
                codes[n_codes] = e->code;
                counts[n_codes++] = 0;
            }
            if (i < n_codes) counts[i]++;
            break;
        }
    }
    free(words);
    if (ignored || !n_codes) return NULL;
    strbuf b = {0};
    for (int i = 0; i < n_codes; i++)
        strbuf_printf(&b, "%s%s,%d", i ? ";" : "", codes[i], counts[i]);
    const char *out = arena_strndup(a, b.data, b.len);
    strbuf_free(&b);
    return out;
}
