/*
 * features: what the tagger and parser know about a word before any tag is chosen, computed
 * once per token (hashes of its spelling, its shape, what WordNet says about it or its stem),
 * and the hashing that turns a feature template and its values into a 64-bit feature key.
 * Keys are a pure function of template id and values, so training and inference agree and a
 * model is portable between machines of the same byte order.
 */
#ifndef TERN_SYNTAX_FEATURES_H
#define TERN_SYNTAX_FEATURES_H

#include <stddef.h>
#include <stdint.h>

/* Bumped whenever a template or a word_info field changes meaning: a model records the
 * version it was trained with, and a model of another version is refused. */
enum { FEATURES_VERSION = 1 };

enum {
    WORD_CAPITALIZED = 1u << 0, /* first letter uppercase */
    WORD_ALL_CAPS = 1u << 1,    /* at least two letters, none lowercase */
    WORD_HAS_DIGIT = 1u << 2,
    WORD_HAS_HYPHEN = 1u << 3,
    WORD_HAS_PERIOD = 1u << 4,
    WORD_SENTENCE_START = 1u << 5,
    WORD_NUMBER = 1u << 6, /* digits with separators only */
    WORD_NON_ASCII = 1u << 7,
    WORD_HAS_LETTER = 1u << 8,
};

typedef struct word_info {
    uint64_t word;      /* lowercased form; digits folded to 0 */
    uint64_t form;      /* the form as written */
    uint64_t prefix[3]; /* lowercased, 1..3 bytes */
    uint64_t suffix[4]; /* lowercased, 1..4 bytes */
    uint64_t shape;     /* Xx/d classes, runs capped at two: "McCain" -> "XxXx" */
    uint32_t lex;       /* WordNet facts: parts of speech | stem suffix kind << 4 | case << 8 */
    uint16_t classes;   /* WordNet noun class | verb class << 8 */
    uint16_t flags;     /* WORD_* */
} word_info;

/* Fills wi for one word. sentence_start: the word opens its sentence. */
void word_info_fill(word_info *wi, const char *form, size_t len, int sentence_start);
/* Is the word itself (not a stem of it) a WordNet lemma of a part of speech in pos_mask
 * (LEX_NOUN | LEX_VERB | ...)? */
int word_is_lemma(const word_info *wi, unsigned pos_mask);

/* Hash values for the positions outside the sentence and for the root token. */
enum { FEATURE_NONE = 0x4e4f4e45u, FEATURE_ROOT = 0x524f4f54u };

static inline uint64_t feature_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t feature_key1(uint32_t template_id, uint64_t a)
{
    return feature_mix(a + 0x9E3779B97F4A7C15ULL * ((uint64_t)template_id + 1));
}

static inline uint64_t feature_key2(uint32_t template_id, uint64_t a, uint64_t b)
{
    return feature_mix(feature_key1(template_id, a) ^
                       (b * 0xD6E8FEB86659FD93ULL + 0x94D049BB133111EBULL));
}

static inline uint64_t feature_key3(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = c * 0xBF58476D1CE4E5B9ULL + 0x2545F4914F6CDD1DULL;
    return feature_mix(feature_key2(template_id, a, b) ^ ((x << 17) | (x >> 47)));
}

uint64_t feature_hash_string(const char *s, size_t n);

#endif
