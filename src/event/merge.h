/*
 * merge: one event per (date, source, target, code) within an article. Mentions add up, the
 * evidence of every mention is kept in sentence order, and the flags that qualify a report
 * (alleged, quoted, caption, headline) stay only if every mention carries them: one plain
 * report in the body outweighs a caption or a hedge. A mention with no date of its own (the
 * publication date stands in) joins the same dyad and code reported on one dated day of the
 * article: "China warns Japan" in the headline is the "on Friday" warning of the body.
 */
#ifndef TERN_MERGE_H
#define TERN_MERGE_H

#include "base/arena.h"
#include "tern.h"

/* Merges n events (each with its own evidence) into *out, first appearance order. */
size_t event_merge(const tern_event *events, size_t n, arena *a, tern_event **out);

#endif
