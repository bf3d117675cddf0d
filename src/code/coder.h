/*
 * coder: codes one prepared sentence (syntax/frame.h) with a frozen dictionary into events.
 *
 * Contract:
 *  1. Actor phrases get codes first (actor_match.c): the first actor found from the left with
 *     its role on the sentence date, then every agent elsewhere in the phrase.
 *  2. Frames are visited in order. A frame whose verb is in the dictionary is matched against
 *     its block's patterns, heaviest first (pattern_match.c); the first that matches decides
 *     the code and any actors it names. Otherwise the verb's own code applies.
 *  3. Unnamed targets are the first coded actor phrase after the verb within its clause, else
 *     the first phrase; unnamed sources the first coded phrase before the verb (not the
 *     target's code), else the first phrase. A member of a compound stands for the compound.
 *     Passive voice swaps source and target.
 *  4. Once a frame is coded, frames inside its verb phrase are not coded on their own.
 *  5. Paired codes [a:b] add the reversed event b; `%` compounds give every ordered pair;
 *     self-events are dropped; with require_dyad, events lacking an actor are dropped;
 *     duplicates within the sentence are dropped.
 *  6. A frame negated by "not", "n't" or "never" that its pattern did not spell out is not
 *     emitted (counted in negated_dropped).
 *  7. Raw news (with a code_context): a speech verb's subject is the speaker of its sentence;
 *     first-person pronouns inside a quotation stand for the speaker, and events inside the
 *     quotation or the reported clause carry the speaker. A surname met earlier in the
 *     article ("Kim" after "Kim Jong Un") is that actor. Events under "accuse", "allege",
 *     "suspect" or with "allegedly"/"reportedly" are flagged alleged; those verbs do not hide
 *     the clauses they report.
 * Everything returned lives in the caller's arena.
 */
#ifndef TERN_CODER_H
#define TERN_CODER_H

#include "dict/dict.h"
#include "syntax/frame.h"

/* Names met earlier in an article: "Kim Jong Un" makes a later "Kim" the same actor. The
 * latest mention of a word wins. Lives in the article's arena. */
typedef struct name_memory {
    const char **words; /* upper-case */
    const char **codes;
    uint32_t n, cap;
} name_memory;

/* What raw news adds to a sentence beyond its parse; all optional. */
typedef struct code_context {
    const uint8_t *quoted; /* per token: 1 inside a quotation */
    name_memory *names;    /* the article's names so far; learns from this sentence */
    const char *home;      /* the state of the article's dateline ("KYIV (Reuters) -"), or NULL */
} code_context;

/* The state a place names ("SEOUL" KOR, "WASHINGTON" USA) on a date, as the three-letter code
 * of its actor, or NULL when the place is no state's (a body, a region, unknown). */
const char *place_state(const tern_dict *d, const char *place, int32_t date, arena *a);

typedef struct code_options {
    int require_dyad;     /* drop events without both actors (default 1) */
    int new_actor_length; /* >0: an uncoded phrase of at most this many words is its own
                             "quoted" actor (PETRARCH's new_actor_length); 0: off */
    comma_options commas;
} code_options;

void code_options_default(code_options *o);

typedef struct coded_event {
    const char *source, *target, *code;
    const char *source_text, *target_text; /* words of the phrases, upper-case */
    uint32_t frame;                        /* frame that produced it */
    uint32_t verb;                         /* verb token */
    const pattern *pattern; /* pattern that fired, NULL when the verb's own code applied */
    const verb_form *verb_form;
    uint32_t flags;      /* TERN_FLAG_* */
    const char *speaker; /* actor code of who said it (reported speech, quotes), or NULL */
} coded_event;

typedef enum discard_kind {
    DISCARD_NONE = 0,
    DISCARD_SENTENCE = 1,
    DISCARD_STORY = 2
} discard_kind;

typedef struct sentence_coding {
    coded_event *events;
    uint32_t n_events;
    uint32_t negated_dropped;
    const char **phrase_codes; /* code of each noun phrase, NULL when none */
} sentence_coding;

/* Codes s (dated YYYYMMDD, 0 if unknown). ctx may be NULL (PETR records). */
void code_sentence(const tern_dict *d, const coding_sentence *s, int32_t date,
                   const code_options *o, const code_context *ctx, arena *a, sentence_coding *out);

/* Distinct topic cues of one topic that make a story not codable (discards.c). */
enum { DISCARD_TOPIC_CUES = 3 };

/* The topic cues met in an article so far, one bit per cue entry. */
typedef struct topic_cues {
    uint8_t *seen;   /* per discard entry */
    uint32_t *count; /* distinct cues per topic */
    size_t n_entries, n_topics;
} topic_cues;

/* Adds the cues of one sentence; returns 1 once some topic has DISCARD_TOPIC_CUES cues. */
int topic_cues_add(const tern_dict *d, topic_cues *t, const char *text, arena *a);

/* Discard phrases in the sentence's words (whitespace-separated, case-insensitive). */
discard_kind discard_check(const tern_dict *d, const char *text, const discard_entry **hit);
/* Issue codes of a sentence, "CODE,count;CODE,count" in order of first mention, or NULL. */
const char *issues_scan(const tern_dict *d, const char *text, arena *a);

/* ---- Internal pieces, shared by coder.c and its helpers ----------------------------------- */

/* The whitespace-separated words of text as dictionary atoms (0 for a word no dictionary
 * phrase uses), upper-cased, trailing punctuation removed. Returns a malloc'd array (NULL when
 * out of memory) and its length in *n. */
atom *text_atoms(const tern_dict *d, const char *text, uint32_t *n);

/* Code of a phrase's words on a date: actor then agents, or NULL. actor_span (may be NULL)
 * receives the words [from, to) that named the actor, or 0,0. With prefer_specific, a later
 * actor of the same country with a more specific code wins over the first ("North Korea's
 * Kim Jong Un" is PRKGOV); without it the first actor wins, as in PETRARCH. */
const char *actor_match_phrase(const tern_dict *d, const atom *words, uint32_t n, int32_t date,
                               arena *a, uint32_t *actor_span, int prefer_specific);

/* One element of a clause as patterns see it. */
typedef enum seq_kind { SEQ_WORD, SEQ_NE_OPEN, SEQ_NE_CLOSE, SEQ_NEC_OPEN, SEQ_NEC_CLOSE } seq_kind;

typedef struct seq_entry {
    uint8_t kind;
    atom word;      /* SEQ_WORD: dictionary atom of the word, 0 if not a dictionary word */
    uint32_t value; /* token (words), phrase (NE), compound (NEC) */
} seq_entry;

/* An actor slot named by a pattern: a phrase, a compound, or nothing. */
typedef struct actor_slot {
    int32_t phrase;   /* -1 when unset */
    int32_t compound; /* -1 unless the slot is a whole compound */
} actor_slot;

typedef struct pattern_result {
    actor_slot source, target;
    int compound_both; /* `%` before the verb: the compound's members act on each other */
    uint32_t matched_tokens[64];
    uint32_t n_matched;
} pattern_result;

/* Matches p against the clause: lower in reading order, upper from the verb backwards. */
int pattern_match(const tern_dict *d, const pattern *p, const seq_entry *upper, uint32_t n_upper,
                  const seq_entry *lower, uint32_t n_lower, pattern_result *out);

#endif
