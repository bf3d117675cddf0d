/*
 * features: per-word facts. The WordNet lookup also tries the word's likely stem ("ministers"
 * -> minister, "attacked" -> attack) and records which ending it removed, because the
 * ending plus the stem's part of speech is most of what a tagger needs for a word it never
 * saw in training (news is full of such words).
 */
#include "syntax/features.h"

#include "syntax/lexicon.h"

#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

enum { WORD_MAX_HASHED = 64 };

uint64_t feature_hash_string(const char *s, size_t n)
{
    return XXH3_64bits(s, n);
}

/* Which ending was removed to find the word in WordNet. */
enum {
    STEM_EXACT = 1,
    STEM_IRREGULAR,
    STEM_S,
    STEM_ES,
    STEM_IES,
    STEM_ED,
    STEM_ED_E,
    STEM_ING,
    STEM_ING_E,
    STEM_ER,
    STEM_EST,
    STEM_LY,
    STEM_DOUBLED,
};

static uint32_t lex_bits(const lexicon_entry *e, uint32_t kind, uint16_t *classes)
{
    *classes = (uint16_t)(e->noun_class | (e->verb_class << 8));
    return (uint32_t)e->pos | kind << 4 | (uint32_t)e->flags << 8;
}

int word_is_lemma(const word_info *wi, unsigned pos_mask)
{
    return (wi->lex >> 4 & 0xfu) == STEM_EXACT && (wi->lex & pos_mask) != 0;
}

static uint32_t lookup_stem(const char *w, size_t n, uint16_t *classes)
{
    *classes = LEX_NO_CLASS | LEX_NO_CLASS << 8;
    if (n == 0) return 0;
    const lexicon_entry *e = lexicon_find(w, n);
    if (e && e->pos) return lex_bits(e, STEM_EXACT, classes);
    if (e && e->exception) {
        for (int p = 0; p < LEX_EXC_COUNT; p++) {
            const char *lemma = lexicon_exception(e, p);
            const lexicon_entry *le = lemma ? lexicon_find(lemma, strlen(lemma)) : NULL;
            if (le) {
                uint32_t bits = lex_bits(le, STEM_IRREGULAR, classes);
                return (bits & ~0xfu) | (1u << p);
            }
        }
    }
    static const struct {
        const char *ending, *replace;
        uint32_t kind;
    } rules[] = {
        {"ies", "y", STEM_IES},   {"es", "", STEM_ES},    {"s", "", STEM_S},
        {"ied", "y", STEM_ED},    {"ed", "e", STEM_ED_E}, {"ed", "", STEM_ED},
        {"ing", "e", STEM_ING_E}, {"ing", "", STEM_ING},  {"ier", "y", STEM_ER},
        {"er", "", STEM_ER},      {"est", "", STEM_EST},  {"ly", "", STEM_LY},
    };
    char buf[WORD_MAX_HASHED + 8];
    for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
        size_t k = strlen(rules[r].ending), m = strlen(rules[r].replace);
        if (n <= k + 2 || memcmp(w + n - k, rules[r].ending, k) != 0) continue;
        size_t stem = n - k;
        memcpy(buf, w, stem);
        memcpy(buf + stem, rules[r].replace, m);
        e = lexicon_find(buf, stem + m);
        if (e && e->pos) return lex_bits(e, rules[r].kind, classes);
        if (m == 0 && stem >= 2 && buf[stem - 1] == buf[stem - 2]) {
            e = lexicon_find(buf, stem - 1); /* "stopped" -> stop */
            if (e && e->pos) return lex_bits(e, STEM_DOUBLED, classes);
        }
    }
    return 0;
}

void word_info_fill(word_info *wi, const char *form, size_t len, int sentence_start)
{
    char lower[WORD_MAX_HASHED + 8], norm[WORD_MAX_HASHED + 8], shape[WORD_MAX_HASHED + 8];
    size_t n = len < WORD_MAX_HASHED ? len : WORD_MAX_HASHED;
    uint16_t flags = sentence_start ? WORD_SENTENCE_START : 0;
    int letters = 0, lowers = 0, digits = 0, others = 0;
    size_t sn = 0;
    char prev_class = 0;
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        char cls;
        if (c >= 'A' && c <= 'Z') {
            lower[i] = (char)(c + 32);
            letters++;
            cls = 'X';
        } else if (c >= 'a' && c <= 'z') {
            lower[i] = (char)c;
            letters++;
            lowers++;
            cls = 'x';
        } else if (c >= '0' && c <= '9') {
            lower[i] = (char)c;
            digits++;
            cls = 'd';
        } else {
            lower[i] = (char)c;
            if (c >= 0x80) {
                flags |= WORD_NON_ASCII;
                cls = (c >= 0xc0) ? 'u' : 0; /* one class char per UTF-8 sequence */
            } else {
                cls = (char)c;
                if (c == '-') flags |= WORD_HAS_HYPHEN;
                if (c == '.') flags |= WORD_HAS_PERIOD;
                if (c != ',' && c != '.') others++;
            }
        }
        norm[i] = (c >= '0' && c <= '9') ? '0' : lower[i];
        if (!cls) continue;
        run = cls == prev_class ? run + 1 : 1;
        prev_class = cls;
        if (run <= 2) shape[sn++] = cls;
    }
    if (letters && form[0] >= 'A' && form[0] <= 'Z') flags |= WORD_CAPITALIZED;
    if (letters >= 2 && lowers == 0) flags |= WORD_ALL_CAPS;
    if (digits) flags |= WORD_HAS_DIGIT;
    if (letters) flags |= WORD_HAS_LETTER;
    if (digits && !letters && !others) flags |= WORD_NUMBER;
    wi->flags = flags;
    wi->word = XXH3_64bits(norm, n);
    wi->form = XXH3_64bits(form, n);
    for (size_t k = 0; k < 3; k++) wi->prefix[k] = XXH3_64bits(lower, k + 1 < n ? k + 1 : n);
    for (size_t k = 0; k < 4; k++) {
        size_t m = k + 1 < n ? k + 1 : n;
        wi->suffix[k] = XXH3_64bits(lower + n - m, m);
    }
    wi->shape = XXH3_64bits(shape, sn);
    wi->lex = (letters && !digits) ? lookup_stem(lower, n, &wi->classes) : 0;
    if (!wi->lex) wi->classes = LEX_NO_CLASS | LEX_NO_CLASS << 8;
}
