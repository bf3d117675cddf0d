/* merge: a hash of (date, source, target, code) over the article's events, then one pass to
 * gather each key's evidence. Articles are small; the table lives in the article arena. */
#include "event/merge.h"

#include "base/atom.h"

#include <stdio.h>
#include <string.h>

static uint64_t event_key(const tern_event *e)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%d|%s|%s|%s", (int)e->date, e->source, e->target, e->code);
    if (n < 0) n = 0;
    if ((size_t)n >= sizeof buf) n = (int)sizeof buf - 1;
    return hash_bytes(buf, (size_t)n);
}

static int same_key(const tern_event *a, const tern_event *b)
{
    return a->date == b->date && !strcmp(a->source, b->source) && !strcmp(a->target, b->target) &&
           !strcmp(a->code, b->code);
}

enum { QUALIFYING = TERN_FLAG_ALLEGED | TERN_FLAG_QUOTE | TERN_FLAG_CAPTION | TERN_FLAG_HEADLINE };

/* The one dated day on which the article reports e's dyad and code, or NULL if none or
 * several. */
static const tern_event *dated_twin(const tern_event *events, size_t n, const tern_event *e)
{
    const tern_event *found = NULL;
    for (size_t i = 0; i < n; i++) {
        const tern_event *d = &events[i];
        if (d->date_resolution != TERN_DATE_DAY || strcmp(d->source, e->source) ||
            strcmp(d->target, e->target) || strcmp(d->code, e->code))
            continue;
        if (found && found->date != d->date) return NULL;
        found = d;
    }
    return found;
}

size_t event_merge(const tern_event *given, size_t n, arena *a, tern_event **out)
{
    *out = NULL;
    if (!n) return 0;
    tern_event *events = arena_array(a, tern_event, n);
    memcpy(events, given, n * sizeof *events);
    for (size_t i = 0; i < n; i++) {
        if (events[i].date_resolution != TERN_DATE_UNRESOLVED) continue;
        const tern_event *twin = dated_twin(given, n, &events[i]);
        if (twin) events[i].date = twin->date, events[i].date_resolution = twin->date_resolution;
    }
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    uint32_t *slots = arena_array(a, uint32_t, cap); /* 0 = empty, else merged index + 1 */
    uint32_t *group = arena_array(a, uint32_t, n);   /* merged index of each input event */
    tern_event *merged = arena_array(a, tern_event, n);
    size_t *n_ev = arena_array(a, size_t, n);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t s = event_key(&events[i]) & (cap - 1);
        while (slots[s] && !same_key(&merged[slots[s] - 1], &events[i])) s = (s + 1) & (cap - 1);
        if (!slots[s]) {
            merged[m] = events[i];
            merged[m].mentions = 0;
            merged[m].flags = events[i].flags;
            slots[s] = (uint32_t)++m;
        }
        uint32_t g = slots[s] - 1;
        group[i] = g;
        n_ev[g] += events[i].n_evidence;
        /* Qualifying flags survive only if every mention has them. */
        merged[g].flags = (merged[g].flags & events[i].flags & QUALIFYING) |
                          ((merged[g].flags | events[i].flags) & ~(uint32_t)QUALIFYING);
    }
    for (size_t g = 0; g < m; g++) {
        merged[g].evidence = arena_array(a, tern_evidence, n_ev[g] ? n_ev[g] : 1);
        merged[g].n_evidence = 0;
    }
    for (size_t i = 0; i < n; i++) {
        tern_event *g = &merged[group[i]];
        tern_evidence *dst = (tern_evidence *)g->evidence;
        for (size_t k = 0; k < events[i].n_evidence; k++) {
            /* A sentence is one mention, with one piece of evidence, even if it reports
             * the event twice. */
            int seen = 0;
            for (size_t j = 0; j < g->n_evidence; j++)
                if (dst[j].sentence == events[i].evidence[k].sentence) seen = 1;
            if (seen) continue;
            g->mentions++;
            dst[g->n_evidence++] = events[i].evidence[k];
        }
        if (!events[i].n_evidence) g->mentions++;
    }
    *out = merged;
    return m;
}
