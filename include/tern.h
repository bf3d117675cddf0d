/*
 * tern: news text to political event data (who did what to whom, when), coded in CAMEO.
 *
 * This is the public library API. Everything the `tern` command does goes through it. Handles
 * are opaque and come in create/free pairs; the library never prints and never exits: failures
 * are returned as a tern_status with a message in a caller-supplied tern_error.
 */
#ifndef TERN_H
#define TERN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tern_status {
    TERN_OK = 0,
    TERN_EIO,      /* a file could not be opened or read */
    TERN_ENOMEM,   /* allocation failed */
    TERN_EFORMAT,  /* input is malformed (message names file:line or record id) */
    TERN_EUSAGE,   /* the caller asked for something impossible */
    TERN_EVERSION, /* a file was written by a newer or different tern */
    TERN_EINTERNAL /* an invariant failed; a bug */
} tern_status;

typedef struct tern_error {
    tern_status code;
    char message[1024];
} tern_error;

const char *tern_version(void);

/* ---- Events ------------------------------------------------------------------------------ */

/* How precisely a date is known. */
typedef enum tern_date_resolution {
    TERN_DATE_UNRESOLVED = 0, /* no date in the words; the publication date stands in */
    TERN_DATE_DAY,
    TERN_DATE_MONTH,
    TERN_DATE_YEAR
} tern_date_resolution;

/* Flags of a sentence (as read) and of an event (as coded). */
enum {
    TERN_FLAG_HEADLINE = 1u << 0,
    TERN_FLAG_CAPTION = 1u << 1,
    TERN_FLAG_QUOTE = 1u << 2,   /* the words are inside a quotation */
    TERN_FLAG_NEGATED = 1u << 3, /* "did not attack": never emitted as the positive code */
    TERN_FLAG_ALLEGED = 1u << 4  /* "accused of", "allegedly": reported, not asserted */
};

/* Where an event came from: one sentence, the words that fired, and the dictionary line. */
typedef struct tern_evidence {
    uint32_t sentence;             /* index of the sentence within its article */
    uint32_t start, end;           /* byte offsets of the sentence in the article text */
    uint32_t verb_start, verb_end; /* byte offsets of the verb words (0,0 when unknown) */
    const char *sentence_id;       /* record id when the input names sentences (PETR XML) */
    const char *verb_text;         /* the verb words as written */
    const char *source_text;       /* the words that named the source actor */
    const char *target_text;
    const char *dict_file; /* dictionary file and line of the pattern that fired */
    uint32_t dict_line;
} tern_evidence;

/* One coded event. All strings are owned by the document being coded (or the store that read
 * it back) and live as long as it does. */
typedef struct tern_event {
    const char *article_id;
    int32_t date; /* YYYYMMDD; 0 when unknown */
    tern_date_resolution date_resolution;
    const char *source; /* actor code, e.g. "PRKGOV"; "---" when absent */
    const char *target;
    const char *source_text; /* matched actor words of the first mention */
    const char *target_text;
    char code[8];          /* CAMEO event code, e.g. "051" */
    const char *code_name; /* e.g. "Praise or endorse" */
    char root[4];          /* two-digit root, e.g. "05" */
    int quad_class; /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;
    uint32_t flags;      /* TERN_FLAG_* */
    const char *speaker; /* actor code of who said it, for reported speech; NULL if none */
    const char *issues;  /* "CODE,count;CODE,count" or NULL */
    uint32_t mentions;   /* sentences of the article that report it */
    const tern_evidence *evidence; /* one per mention, in sentence order */
    size_t n_evidence;
} tern_event;

/* An article as the writers and the store see it. */
typedef struct tern_article_info {
    const char *id;
    int32_t date;       /* publication date YYYYMMDD; 0 when unknown */
    const char *outlet; /* e.g. "Hindustan Times" */
    const char *wire;   /* wire agencies named, comma-separated, e.g. "Reuters" */
    const char *url;
    const char *title;
    uint64_t content_hash; /* of the article text, to recognise a changed article */
} tern_article_info;

typedef struct tern_sentence_info {
    uint32_t index;
    const char *text;
    uint32_t start, end; /* byte offsets in the article text */
    uint32_t flags;      /* TERN_FLAG_HEADLINE / CAPTION / QUOTE */
    int32_t event_date;  /* YYYYMMDD */
    tern_date_resolution date_resolution;
} tern_sentence_info;

/* ---- Dictionaries ------------------------------------------------------------------------ */

/* The PETRARCH/TABARI dictionary kinds tern reads. */
typedef enum tern_dict_kind {
    TERN_DICT_VERBS,    /* verb patterns: PETRARCH-1/TABARI or PETRARCH-2 (CAMEO.2.0) syntax */
    TERN_DICT_ACTORS,   /* actors with date-restricted roles */
    TERN_DICT_AGENTS,   /* agents (~GOV, NGO~) and !SUBSTITUTION! markers */
    TERN_DICT_DISCARDS, /* sentence and story discards */
    TERN_DICT_ISSUES    /* issue phrases */
} tern_dict_kind;

typedef struct tern_dict tern_dict;

tern_dict *tern_dict_new(void);
/* Reads one file into the dictionary. Malformed lines are skipped and reported through
 * tern_dict_diagnostics(); only an unreadable file (or a frozen dictionary) is an error. */
tern_status tern_dict_add_file(tern_dict *d, tern_dict_kind kind, const char *path,
                               tern_error *err);
/* The same for dictionary text in memory; name is used in messages. */
tern_status tern_dict_add_buffer(tern_dict *d, tern_dict_kind kind, const char *name,
                                 const char *data, size_t len, tern_error *err);
/* Guesses the kind from a file name (verbs, actors, agents, discards, issues); -1 if unsure. */
int tern_dict_kind_from_name(const char *path);
/* Builds the lookup indexes; afterwards the dictionary is immutable and thread-safe. */
tern_status tern_dict_freeze(tern_dict *d, tern_error *err);
/* Messages about skipped lines, `file:line: what is wrong`. */
size_t tern_dict_diagnostics(const tern_dict *d, const char *const **lines);
void tern_dict_free(tern_dict *d);

typedef struct tern_dict_stats {
    size_t actors, actor_roles, agents, verbs, verb_blocks, patterns, synsets, discards, issues,
        transformations, words, bytes;
} tern_dict_stats;
void tern_dict_get_stats(const tern_dict *d, tern_dict_stats *out);

/* ---- Coding ------------------------------------------------------------------------------ */

/* Options of the PETRARCH family that validation files set per record (<Config>). */
typedef struct tern_options {
    int require_dyad;           /* drop events lacking a source or a target (default 1) */
    int new_actor_length;       /* >0: an unknown noun phrase of at most this many words stands as
                                   its own "quoted" actor; 0 (default): off */
    int comma_min, comma_max;   /* internal comma clauses of this many words are ignored (2, 8) */
    int comma_bmin, comma_bmax; /* the initial clause (0, 0: off) */
    int comma_emin, comma_emax; /* the final clause (2, 8) */
} tern_options;

void tern_options_default(tern_options *o);
/* Sets an option by its PETRARCH <Config> name (require_dyad, new_actor_length, comma_min ...
 * comma_emax; stop_on_error is accepted and has no effect). Returns 0 for an unknown name. */
int tern_options_set(tern_options *o, const char *name, const char *value);

/* A coder: frozen dictionaries and the CAMEO table, shared read-only by any number of
 * threads. */
typedef struct tern_coder tern_coder;

/* Takes ownership of dict (frozen here if it is not yet). cameo_table: path of the CAMEO
 * table, or NULL for tern's own (data/cameo/cameo_codes.tsv). */
tern_coder *tern_coder_new(tern_dict *dict, const char *cameo_table, tern_error *err);
void tern_coder_free(tern_coder *c);
const tern_dict *tern_coder_dict(const tern_coder *c);

/* An article being coded: its sentences, events and the memory they use. One per thread,
 * reused from article to article; everything it returns lives until the next begin. */
typedef struct tern_article tern_article;

tern_article *tern_article_new(void);
void tern_article_free(tern_article *a);
/* Starts an article; info is copied. */
void tern_article_begin(tern_article *a, const tern_article_info *info);
/* Codes one sentence given its parse (Penn Treebank bracketing or CoNLL-U token lines).
 * A sentence that cannot be parsed is recorded as skipped with the reason and is not an
 * error of the article: the call returns TERN_OK and the next sentence is coded. */
tern_status tern_article_code_parsed(const tern_coder *c, tern_article *a, const char *sentence_id,
                                     int32_t date, const char *text, const char *parse,
                                     const tern_options *o, tern_error *err);
/* Loads the tagger and parser model for raw text (path NULL: tern's own model). */
tern_status tern_coder_load_model(tern_coder *c, const char *path, tern_error *err);

/* A raw article: its text and what the source says about it (NULL / 0 when unknown). */
typedef struct tern_text_input {
    const char *id;
    const char *text; /* UTF-8 */
    size_t len;
    const char *title;
    const char *date; /* as written: "2024-05-09", "May 9, 2024", ... */
    const char *url;
    const char *outlet;
} tern_text_input;

/* Codes a whole raw article (begin + every sentence + finish): the text is cleaned of site
 * furniture, split into sentences with their dates, parsed and coded. default_date
 * (YYYYMMDD or 0) stands in when the article carries no publication date. */
tern_status tern_article_code_text(const tern_coder *c, tern_article *a, const tern_text_input *in,
                                   int32_t default_date, const tern_options *o, tern_error *err);
/* Ends the article: the same (date, source, target, code) reported by several sentences
 * becomes one event with a mention count and every sentence as evidence. */
void tern_article_finish(const tern_coder *c, tern_article *a);

size_t tern_article_events(const tern_article *a, const tern_event **events);
size_t tern_article_sentences(const tern_article *a, const tern_sentence_info **sentences);
const tern_article_info *tern_article_info_of(const tern_article *a);

/* Why sentences were not coded, for summaries. */
typedef struct tern_article_counts {
    size_t sentences, coded, discarded, unparsed;
    int story_discarded;
} tern_article_counts;
void tern_article_get_counts(const tern_article *a, tern_article_counts *out);
/* The reason the last sentence was not coded, or NULL. */
const char *tern_article_last_problem(const tern_article *a);

#ifdef __cplusplus
}
#endif

#endif
