/*
 * dep_repair: safe repairs of greedy-parser mistakes that the dependency tree itself shows to
 * be wrong for English, made before the tree is projected to phrase structure:
 *
 *  - a flat name part hung across other words joins the proper noun just before it;
 *  - a proper-noun "conjunct" with no conjunction or comma before it is the end of one name
 *    ("Bree Prime Minister Romendacil");
 *  - a bare noun root coordinated with a clause is that clause's subject ("Arnor, Calenardhon
 *    and Gondor welcomed ...");
 *  - a predicate has one subject: several subject noun phrases side by side form one phrase
 *    ("the evil" + "awful Gondor"), separated by "and" or commas they are coordinated;
 *  - a sentence-final ", officials said (on Friday)." is an attribution of the whole
 *    sentence, not a relative clause of the noun before it;
 *  - commas at the edge of a noun phrase belong to the phrase around it.
 *
 * Works on a mutable copy of the tokens (heads and labels change, forms never do).
 */
#ifndef TERN_DEP_REPAIR_H
#define TERN_DEP_REPAIR_H

#include "syntax/dependency.h"

void dependency_repair(dep_token *tokens, uint32_t n);

#endif
