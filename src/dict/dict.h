/*
 * dict: tern's compiled dictionaries: actors, agents, verbs with their patterns and synsets,
 * discards and issues, read from PETRARCH-1/TABARI and PETRARCH-2 files and frozen into one
 * immutable lookup structure that any number of coding threads share.
 *
 * Guarantees:
 *  1. Every word is an upper-cased atom of dict->words; lookups never allocate.
 *  2. After dict_freeze() nothing changes; all find functions are read-only.
 *  3. A malformed line is reported as `file:line: what is wrong` in dict->diags and skipped;
 *     loading carries on with the next line. Only an unreadable file stops a load.
 *  4. Phrase candidates for a first word come longest first, then in file order, so the
 *     first candidate that matches is the longest match ("longest wins").
 */
#ifndef TERN_DICT_H
#define TERN_DICT_H

#include "base/arena.h"
#include "base/atom.h"
#include "base/error.h"
#include "base/vec.h"
#include "tern.h"

#include <stdint.h>

/* Where an entry came from, for evidence and messages. */
typedef struct dict_source {
    const char *file; /* path as given, owned by the dict arena */
    uint32_t line;
} dict_source;

/* ---- Phrases (actors, agents, discards, synset members) ---------------------------------- */

/* A phrase is a run of words in the shared word pool. gap_allowed[i] says whether words may
 * intervene between word i-1 and word i (TABARI: a blank allows them, `_` does not). */
typedef struct phrase {
    uint32_t first; /* index into dict->pool_words */
    uint16_t n_words;
    uint32_t gaps; /* bit i set: a gap is allowed before word i (1 <= i < 32) */
} phrase;

/* ---- Actors --------------------------------------------------------------------------------- */

typedef enum role_rule { ROLE_ALWAYS, ROLE_BEFORE, ROLE_FROM, ROLE_BETWEEN } role_rule;

typedef struct actor_role {
    const char *code; /* e.g. "RUSGOV"; "---" for the null actor */
    role_rule rule;
    int32_t d1, d2; /* YYYYMMDD; BEFORE: date <= d1, FROM: date >= d1, BETWEEN: d1..d2 */
} actor_role;

typedef struct actor_block {
    uint32_t first_role, n_roles; /* into dict->roles */
    dict_source source;
} actor_block;

typedef struct actor_entry {
    phrase words;
    uint32_t block; /* synonyms share their block's roles */
} actor_entry;

/* ---- Agents --------------------------------------------------------------------------------- */

typedef struct agent_entry {
    phrase words;
    const char *code; /* the three-letter groups, without the ~ */
    uint8_t prefix;   /* 1: code goes before the actor code (XXX~), 0: after (~XXX) */
    dict_source source;
} agent_entry;

/* ---- Verbs and patterns --------------------------------------------------------------------- */

typedef enum pattern_token {
    PT_WORD,    /* a literal word */
    PT_SYNSET,  /* any member phrase of a synset */
    PT_SOURCE,  /* $: the source actor is here */
    PT_TARGET,  /* +: the target actor is here */
    PT_SKIP,    /* ^: skip over an actor without assigning it */
    PT_COMPOUND /* %: a compound actor, every member both source and target */
} pattern_token;

typedef struct pattern_element {
    uint8_t token;    /* pattern_token */
    uint8_t adjacent; /* 1: must directly follow the previous element (or the verb) */
    uint32_t value;   /* atom for PT_WORD, synset index for PT_SYNSET */
} pattern_element;

typedef struct pattern {
    uint32_t upper, n_upper; /* elements before the verb, nearest to the verb first */
    uint32_t lower, n_lower; /* elements after the verb, in order */
    const char *code;        /* event code; "---" = explicitly not coded */
    const char *code2;       /* second code of a paired [a:b] code, or NULL */
    uint32_t weight;         /* precedence: alphanumeric characters, TABARI's length */
    dict_source source;
} pattern;

typedef struct verb_block {
    const char *name; /* the block's heading, e.g. "ABANDON" */
    const char *code; /* default code of the block */
    const char *code2;
    uint32_t first_pattern, n_patterns; /* into dict->patterns, heaviest first */
    dict_source source;
} verb_block;

/* One dictionary form of a verb: the word a parser tags as the verb, plus for multi-word
 * verbs the words that must follow it (particles) or precede it. */
typedef struct verb_form {
    atom word;
    uint32_t block;
    const char *code; /* the verb's own code (block default unless overridden) */
    const char *code2;
    uint32_t after, n_after;   /* words following the verb, in order (pool_words) */
    uint32_t before, n_before; /* words preceding the verb, nearest first */
    dict_source source;
} verb_form;

typedef struct synset {
    atom label;                       /* "&CURRENCY" */
    uint32_t first_member, n_members; /* into dict->synset_members */
    /* After freezing, members made only of words come first, sorted by their first word so
     * a word's candidates are found by binary search; members naming other synsets follow. */
    uint32_t n_plain;
} synset;

/* A transformation of PETRARCH-2 (`~ a (b . ATTACK) SAY = a b 112`), kept verbatim in parsed
 * form: the left side's tokens and the right side's source, target and code. */
typedef struct transformation {
    const char *pattern; /* left-hand side, normalised spacing */
    const char *source, *target, *code;
    dict_source origin;
} transformation;

/* ---- Discards and issues -------------------------------------------------------------------- */

typedef struct discard_entry {
    phrase words;
    uint8_t story; /* 1: discard the whole story, 0: just the sentence, 2: a topic cue */
    uint8_t topic; /* topic cues: index into dict->topics */
    dict_source source;
} discard_entry;

typedef struct issue_entry {
    phrase words;
    const char *code; /* issue code; NULL for an ignore phrase */
    dict_source source;
} issue_entry;

/* ---- Index from a first word to its candidates ---------------------------------------------- */

typedef struct word_index {
    uint32_t *start; /* start[atom] .. start[atom+1]: candidate range; sized atom_count + 2 */
    uint32_t *items; /* entry ids, longest first then file order */
} word_index;

struct tern_dict {
    arena arena;
    atom_table *words;
    diag_list diags;
    int frozen;

    struct {
        atom *items;
        size_t len, cap;
    } pool_words;
    /* arrays below are heap vectors during loading */
    struct {
        actor_role *items;
        size_t len, cap;
    } roles;
    struct {
        actor_block *items;
        size_t len, cap;
    } actor_blocks;
    struct {
        actor_entry *items;
        size_t len, cap;
    } actors;
    struct {
        agent_entry *items;
        size_t len, cap;
    } agents;
    struct {
        verb_block *items;
        size_t len, cap;
    } blocks;
    struct {
        verb_form *items;
        size_t len, cap;
    } verbs;
    struct {
        pattern *items;
        size_t len, cap;
    } patterns;
    struct {
        pattern_element *items;
        size_t len, cap;
    } elements;
    struct {
        synset *items;
        size_t len, cap;
    } synsets;
    struct {
        phrase *items;
        size_t len, cap;
    } synset_members;
    struct {
        transformation *items;
        size_t len, cap;
    } transformations;
    struct {
        discard_entry *items;
        size_t len, cap;
    } discards;
    struct {
        issue_entry *items;
        size_t len, cap;
    } issues;
    struct {
        const char **items;
        size_t len, cap;
    } topics; /* names of topic-cue groups (discards.c) */

    word_index actor_index, agent_index, verb_index, discard_index, issue_index;
    uint32_t *synset_by_atom; /* atom of "&LABEL" -> synset index + 1; sized with the atoms */
    size_t indexed_atoms;

    size_t files_loaded;
};

/* ---- Loading (dict_load.c and one reader per file kind) ------------------------------------- */

/* Each reader consumes the lines of one file; path is the name used in messages. */
typedef struct dict_lines dict_lines;
void dict_read_actors(tern_dict *d, dict_lines *lines, const char *path);
void dict_read_agents(tern_dict *d, dict_lines *lines, const char *path);
void dict_read_verbs(tern_dict *d, dict_lines *lines, const char *path);
void dict_read_discards(tern_dict *d, dict_lines *lines, const char *path);
void dict_read_issues(tern_dict *d, dict_lines *lines, const char *path);

/* ---- Shared helpers for readers (dict_text.c) ----------------------------------------------- */

/* Iterates the meaningful lines of a dictionary file: `<!-- -->` comments (also over several
 * lines) and lines starting with `#` are removed; with cut_hash, text from the first `#` on
 * is cut too. Lines are trimmed; blank lines are skipped. */
struct dict_lines {
    char *data;
    size_t len, pos;
    uint32_t lineno;
    int in_comment;
    int cut_hash;
    char *line;            /* current line, NUL-terminated, modified in place */
    uint32_t comment_line; /* where the open <!-- comment began */
    diag_list *diags;      /* where lexical problems (NUL bytes, open comments) go */
    const char *name;
};

tern_status dict_lines_open(dict_lines *it, const char *path, int cut_hash, tern_error *err);
/* The same over a copy of a buffer (NUL bytes end a line's text). */
tern_status dict_lines_open_buffer(dict_lines *it, const char *data, size_t len, int cut_hash,
                                   tern_error *err);
int dict_lines_next(dict_lines *it);
void dict_lines_close(dict_lines *it);

const char *dict_intern_path(tern_dict *d, const char *path);
/* Appends the words of text (separated by blanks or `_`; a blank allows a gap) to the pool. */
int dict_make_phrase(tern_dict *d, const char *text, size_t len, phrase *out);
atom dict_word(tern_dict *d, const char *s, size_t n);        /* upper-cases and interns */
const char *dict_code(tern_dict *d, const char *s, size_t n); /* upper-cased, arena-owned */
/* Parses YYYYMMDD or YYMMDD (YY <= 30 means 20YY); returns 0 on a malformed date. */
int32_t dict_parse_date(const char *s, size_t n);

static inline const atom *dict_phrase_words(const tern_dict *d, const phrase *p)
{
    return d->pool_words.items + p->first;
}

/* ---- Lookups used by the coder (dict_lookup.c) ---------------------------------------------- */

/* Candidates for a phrase starting with word w, longest first. */
static inline const uint32_t *word_index_find(const word_index *ix, size_t n_atoms, atom w,
                                              uint32_t *count)
{
    if (!ix->start || w == 0 || w >= n_atoms) {
        *count = 0;
        return NULL;
    }
    *count = ix->start[w + 1] - ix->start[w];
    return ix->items + ix->start[w];
}

/* The role of an actor block on a date (YYYYMMDD; 0 = unknown): the first dated role whose
 * restriction holds, else the last undated role, else NULL. */
const char *actor_block_code(const tern_dict *d, uint32_t block, int32_t date);

const synset *dict_synset_of(const tern_dict *d, atom label);

#endif
