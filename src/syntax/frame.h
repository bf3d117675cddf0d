/*
 * frame: the sentence as the coder sees it, whichever parser produced it.
 *
 * A coded sentence is a flat, bracketed item list (the linearised clause structure TABARI and
 * PETRARCH-1 dictionaries are written against) plus a table of noun phrases that may name
 * actors, and one frame per clause. A frame is a predicate with its clause: the verb, the
 * bracket span of its verb phrase, voice and negation, and the structural roles (subject,
 * object, obliques with their preposition, an embedded clause). Verb patterns match the
 * words before the verb ("upper") and after it ("lower") within the clause; the roles give
 * source and target when no pattern names them.
 *
 * Invariants:
 *  1. items[] is balanced: every OPEN has a CLOSE with the same label later; every NE_OPEN a
 *     NE_CLOSE; noun phrases do not nest; a compound (NEC) holds only noun phrases.
 *  2. A noun phrase's words are the WORD items between its NE_OPEN and NE_CLOSE; a word
 *     token may appear in several phrases (a compound repeats shared modifiers).
 *  3. Frames are in the order of their verb phrases' OPEN items (pre-order), and parent is
 *     the nearest frame whose verb phrase contains this one, or -1.
 */
#ifndef TERN_FRAME_H
#define TERN_FRAME_H

#include "base/arena.h"

#include <stdint.h>

typedef enum item_kind {
    ITEM_OPEN,    /* a constituent opens: label, e.g. "VP", "S", "," */
    ITEM_CLOSE,   /* ...and closes */
    ITEM_WORD,    /* value = token index */
    ITEM_NE_OPEN, /* value = noun phrase index */
    ITEM_NE_CLOSE,
    ITEM_NEC_OPEN, /* value = compound index */
    ITEM_NEC_CLOSE
} item_kind;

typedef struct sentence_item {
    uint8_t kind;
    const char *label; /* OPEN/CLOSE only */
    uint32_t value;
} sentence_item;

typedef struct sentence_token {
    const char *word;    /* as written */
    const char *upper;   /* upper-cased, what dictionaries match */
    const char *lemma;   /* upper-cased lemma when the parser gives one, else NULL */
    const char *tag;     /* Penn tag */
    uint32_t start, end; /* byte offsets in the document text; 0,0 when unknown */
} sentence_token;

typedef struct noun_phrase {
    uint32_t open_item, close_item; /* indexes of its NE_OPEN and NE_CLOSE */
    int32_t compound;               /* compound it belongs to, or -1 */
} noun_phrase;

typedef struct oblique {
    uint32_t preposition; /* token of the preposition */
    int32_t phrase;       /* noun phrase */
} oblique;

typedef struct frame {
    uint32_t verb;                  /* token of the verb */
    uint32_t verb_item;             /* its WORD item */
    uint32_t open_item, close_item; /* the verb phrase's bracket */
    uint8_t passive;
    uint8_t negated; /* "not", "n't", "never" attached to this verb */
    int32_t parent;  /* enclosing frame or -1 */
    int32_t subject; /* noun phrase or -1 */
    int32_t object;  /* noun phrase or -1 */
    int32_t agent;   /* passive by-phrase noun phrase or -1 */
    oblique *obliques;
    uint32_t n_obliques;
    int32_t embedded; /* frame of a complement clause ("said X did Y") or -1 */
} frame;

typedef struct coding_sentence {
    sentence_token *tokens;
    uint32_t n_tokens;
    sentence_item *items;
    uint32_t n_items;
    noun_phrase *phrases;
    uint32_t n_phrases;
    uint32_t n_compounds;
    frame *frames;
    uint32_t n_frames;
    uint8_t dateline; /* the parse looks like a dateline, not a sentence */
} coding_sentence;

/* Options of the PETRARCH-1 comma rules: a comma-delimited clause whose word count lies in
 * [min, max] is removed before coding; max 0 turns a rule off. */
typedef struct comma_options {
    int min, max;   /* internal clauses */
    int bmin, bmax; /* initial clause */
    int emin, emax; /* terminal clause */
} comma_options;

void comma_options_default(comma_options *o);

/* How a parse becomes frames. embedded_clauses: clauses inside noun phrases (relative and
 * content clauses: "suspicions that Pyongyang provided munitions") keep their structure and
 * get frames; PETRARCH-1, and so the validation suite, reads them as plain words. */
typedef struct frame_options {
    comma_options commas;
    int embedded_clauses;
} frame_options;

#endif
