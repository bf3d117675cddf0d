/*
 * tree_frames: a Penn Treebank parse (PETRARCH XML <Parse>) to the coding_sentence of
 * frame.h, with PETRARCH-1's reading of noun phrases, compounds and comma clauses. The rules
 * are listed in tree_frames.c.
 */
#ifndef TERN_TREE_FRAMES_H
#define TERN_TREE_FRAMES_H

#include "syntax/frame.h"
#include "syntax/treebank.h"
#include "tern.h"

/* commas may be NULL for the defaults. Everything in out lives in arena a. */
tern_status frames_from_tree(const ptb_tree *t, const frame_options *options, arena *a,
                             coding_sentence *out, tern_error *err);

#endif
