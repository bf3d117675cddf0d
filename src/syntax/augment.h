/*
 * augment: news-like variants of training sentences, made at training time so a model
 * trained on web text (EWT) also sees the constructions of wire copy that web text rarely
 * has. Each variant is a copy of one training sentence with some of these edits, every one
 * annotated the way the treebank annotates the same words (UD English-EWT 2.16):
 *   - a time phrase between a subject and its finite verb ("Pyongyang on Thursday fired",
 *     "officials last week said"): case + obl, or obl:unmarked for bare noun phrases;
 *   - a pronoun or proper-noun subject replaced by a news subject: a name with a title
 *     ("Russian President Ivan Petrov": amod, nmod:desc, flat; "Bree Prime Minister X":
 *     compound), a government or officials ("the Calenardhon government", "Iraqi officials");
 *   - a closing attribution ("..., the official news agency WFNA said on Friday."): the
 *     speech verb becomes the root and the old root its ccomp, as EWT does.
 * Names and places come from the treebank itself (its flat person names and proper nouns
 * after in/to/from); titles, nationality adjectives, days and months are fixed lists.
 * Objects are left alone: replacing them too was measured to cost accuracy on PUD and
 * GUM without gaining coded events.
 * Deterministic: the same sentences, seed and share give the same variants.
 */
#ifndef TERN_SYNTAX_AUGMENT_H
#define TERN_SYNTAX_AUGMENT_H

#include "syntax/conllu.h"

#include <stddef.h>
#include <stdint.h>

typedef struct syntax_augmented {
    conllu_treebank tb; /* the variants; their strings live in tb.mem or in the source */
    uint32_t *source;   /* source[k]: index of the sentence variant k was made from */
} syntax_augmented;

/* Makes variants of about percent% of the n sentences (each chosen sentence gives one
 * variant when an edit applies to it). The variants may point into the source sentences'
 * strings, which must outlive them. */
void syntax_augment(const conllu_sentence *sentences, size_t n, uint64_t seed, uint32_t percent,
                    syntax_augmented *out);
void syntax_augmented_free(syntax_augmented *a);

#endif
