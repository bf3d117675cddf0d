/*
 * dict: the dictionary handle: loading files of every kind, freezing them into indexes, and
 * the small lookups the coder shares. Indexes map a first word (an atom, so a dense integer)
 * straight to its candidates through an offset array: one array read per lookup, no hashing.
 */
#include "dict/dict.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

tern_dict *tern_dict_new(void)
{
    tern_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    arena_init(&d->arena, 256 * 1024);
    d->words = atom_table_new();
    return d;
}

static void index_free(word_index *ix)
{
    free(ix->start);
    free(ix->items);
    ix->start = ix->items = NULL;
}

void tern_dict_free(tern_dict *d)
{
    if (!d) return;
    vec_free(&d->pool_words);
    vec_free(&d->roles);
    vec_free(&d->actor_blocks);
    vec_free(&d->actors);
    vec_free(&d->agents);
    vec_free(&d->blocks);
    vec_free(&d->verbs);
    vec_free(&d->patterns);
    vec_free(&d->elements);
    vec_free(&d->synsets);
    vec_free(&d->synset_members);
    vec_free(&d->transformations);
    vec_free(&d->discards);
    vec_free(&d->issues);
    vec_free(&d->topics);
    index_free(&d->actor_index);
    index_free(&d->agent_index);
    index_free(&d->verb_index);
    index_free(&d->discard_index);
    index_free(&d->issue_index);
    free(d->synset_by_atom);
    diag_free(&d->diags);
    atom_table_free(d->words);
    arena_release(&d->arena);
    free(d);
}

static tern_status add_lines(tern_dict *d, tern_dict_kind kind, dict_lines *it, const char *name,
                             tern_error *err)
{
    it->diags = &d->diags;
    it->name = dict_intern_path(d, name);
    switch (kind) {
    case TERN_DICT_VERBS:
        dict_read_verbs(d, it, name);
        break;
    case TERN_DICT_ACTORS:
        dict_read_actors(d, it, name);
        break;
    case TERN_DICT_AGENTS:
        dict_read_agents(d, it, name);
        break;
    case TERN_DICT_DISCARDS:
        dict_read_discards(d, it, name);
        break;
    case TERN_DICT_ISSUES:
        dict_read_issues(d, it, name);
        break;
    default:
        error_set(err, TERN_EUSAGE, "%s: unknown dictionary kind %d", name, (int)kind);
        return TERN_EUSAGE;
    }
    d->files_loaded++;
    return TERN_OK;
}

tern_status tern_dict_add_file(tern_dict *d, tern_dict_kind kind, const char *path, tern_error *err)
{
    if (d->frozen) {
        error_set(err, TERN_EUSAGE, "%s: dictionary already frozen; add files before coding", path);
        return TERN_EUSAGE;
    }
    dict_lines it;
    tern_status rc = dict_lines_open(&it, path, 1, err);
    if (rc) return rc;
    rc = add_lines(d, kind, &it, path, err);
    dict_lines_close(&it);
    return rc;
}

tern_status tern_dict_add_buffer(tern_dict *d, tern_dict_kind kind, const char *name,
                                 const char *data, size_t len, tern_error *err)
{
    if (d->frozen) {
        error_set(err, TERN_EUSAGE, "%s: dictionary already frozen; add files before coding", name);
        return TERN_EUSAGE;
    }
    dict_lines it;
    tern_status rc = dict_lines_open_buffer(&it, data, len, 1, err);
    if (rc) return rc;
    rc = add_lines(d, kind, &it, name, err);
    dict_lines_close(&it);
    return rc;
}

int tern_dict_kind_from_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const struct {
        const char *word;
        tern_dict_kind kind;
    } names[] = {{"verb", TERN_DICT_VERBS},       {"cameo", TERN_DICT_VERBS},
                 {"actor", TERN_DICT_ACTORS},     {"agent", TERN_DICT_AGENTS},
                 {"discard", TERN_DICT_DISCARDS}, {"issue", TERN_DICT_ISSUES}};
    /* The kind word closest to the end wins: "CAMEO.verbpatterns" is verbs, and
     * "Phoenix.IssueCoding" is issues. */
    int best = -1;
    const char *best_at = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *p = base;
        const char *last = NULL;
        size_t n = strlen(names[i].word);
        for (; *p; p++)
            if (!strncasecmp(p, names[i].word, n)) last = p;
        if (last && (!best_at || last > best_at)) {
            best_at = last;
            best = (int)names[i].kind;
        }
    }
    return best;
}

size_t tern_dict_diagnostics(const tern_dict *d, const char *const **lines)
{
    *lines = (const char *const *)d->diags.lines;
    return d->diags.len;
}

/* ---- Freezing ----------------------------------------------------------------------------- */

typedef struct sort_key {
    atom first;
    uint32_t n_words;
    uint32_t id;
} sort_key;

static int compare_keys(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->n_words != y->n_words) return x->n_words > y->n_words ? -1 : 1;
    return x->id < y->id ? -1 : (x->id > y->id);
}

static int build_index(word_index *ix, sort_key *keys, size_t n, size_t n_atoms)
{
    index_free(ix);
    qsort(keys, n, sizeof *keys, compare_keys);
    ix->start = calloc(n_atoms + 2, sizeof *ix->start);
    ix->items = malloc((n ? n : 1) * sizeof *ix->items);
    if (!ix->start || !ix->items) return 0;
    for (size_t i = 0; i < n; i++) ix->start[keys[i].first + 1]++;
    for (size_t a = 1; a < n_atoms + 2; a++) ix->start[a] += ix->start[a - 1];
    for (size_t i = 0; i < n; i++) ix->items[i] = keys[i].id;
    return 1;
}

static int index_phrases(tern_dict *d, word_index *ix, const void *entries, size_t n, size_t stride,
                         size_t phrase_offset, size_t n_atoms)
{
    sort_key *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys) return 0;
    for (size_t i = 0; i < n; i++) {
        const phrase *p = (const phrase *)((const char *)entries + i * stride + phrase_offset);
        keys[i] = (sort_key){d->pool_words.items[p->first], p->n_words, (uint32_t)i};
    }
    int ok = build_index(ix, keys, n, n_atoms);
    free(keys);
    return ok;
}

static int compare_patterns(const void *a, const void *b)
{
    const pattern *x = a, *y = b;
    if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
    if (x->source.file != y->source.file) return strcmp(x->source.file, y->source.file);
    return x->source.line < y->source.line ? -1 : (x->source.line > y->source.line);
}

/* Replaces synset label atoms in pattern elements by synset indexes; patterns naming an
 * undefined synset are reported and disabled (their code becomes NULL). */
static void resolve_synsets(tern_dict *d, size_t n_atoms)
{
    free(d->synset_by_atom);
    d->synset_by_atom = calloc(n_atoms + 1, sizeof *d->synset_by_atom);
    if (!d->synset_by_atom) return;
    for (size_t i = 0; i < d->synsets.len; i++)
        d->synset_by_atom[d->synsets.items[i].label] = (uint32_t)i + 1;
    for (size_t i = 0; i < d->patterns.len; i++) {
        pattern *p = &d->patterns.items[i];
        if (!p->n_upper && !p->n_lower) continue;
        pattern_element *e = d->elements.items + p->upper;
        size_t n = (size_t)p->n_upper + p->n_lower; /* upper and lower are adjacent */
        for (size_t k = 0; k < n; k++) {
            if (e[k].token != PT_SYNSET || e[k].value == 0) continue;
            /* After freezing, value is synset index + 1 so that 0 stays "unresolved". */
            atom label = e[k].value;
            uint32_t s = label < n_atoms + 1 ? d->synset_by_atom[label] : 0;
            if (!s) {
                diag_add(&d->diags, "%s:%u: synset %s is not defined; pattern skipped",
                         p->source.file, p->source.line, atom_str(d->words, label));
                p->code = NULL;
                break;
            }
            e[k].value = s;
        }
    }
}

static const tern_dict *sorting_dict; /* qsort has no context argument; freeze runs once */

static int compare_members(const void *a, const void *b)
{
    const phrase *x = a, *y = b;
    atom fx = sorting_dict->pool_words.items[x->first],
         fy = sorting_dict->pool_words.items[y->first];
    if (fx != fy) return fx < fy ? -1 : 1;
    return x->first < y->first ? -1 : (x->first > y->first);
}

/* Orders each synset's members for lookup by first word (see synset in dict.h). */
static void index_synsets(tern_dict *d)
{
    for (size_t i = 0; i < d->synsets.len; i++) {
        synset *s = &d->synsets.items[i];
        if (!s->n_members) continue;
        phrase *m = d->synset_members.items + s->first_member;
        uint32_t plain = 0;
        for (uint32_t k = 0; k < s->n_members; k++) {
            int nested = 0;
            for (uint32_t w = 0; w < m[k].n_words; w++)
                if (dict_synset_of(d, d->pool_words.items[m[k].first + w])) nested = 1;
            if (!nested) {
                phrase t = m[plain];
                m[plain] = m[k];
                m[k] = t;
                plain++;
            }
        }
        sorting_dict = d;
        qsort(m, plain, sizeof *m, compare_members);
        sorting_dict = NULL;
        s->n_plain = plain;
    }
}

tern_status tern_dict_freeze(tern_dict *d, tern_error *err)
{
    if (d->frozen) return TERN_OK;
    size_t n_atoms = atom_count(d->words) + 1;
    resolve_synsets(d, n_atoms);
    d->indexed_atoms = n_atoms; /* dict_synset_of needs it while indexing synsets */
    index_synsets(d);
    for (size_t b = 0; b < d->blocks.len; b++) {
        verb_block *blk = &d->blocks.items[b];
        if (!blk->n_patterns) continue;
        qsort(d->patterns.items + blk->first_pattern, blk->n_patterns, sizeof(pattern),
              compare_patterns);
    }
    int ok = index_phrases(d, &d->actor_index, d->actors.items, d->actors.len, sizeof(actor_entry),
                           offsetof(actor_entry, words), n_atoms) &&
             index_phrases(d, &d->agent_index, d->agents.items, d->agents.len, sizeof(agent_entry),
                           offsetof(agent_entry, words), n_atoms) &&
             index_phrases(d, &d->discard_index, d->discards.items, d->discards.len,
                           sizeof(discard_entry), offsetof(discard_entry, words), n_atoms) &&
             index_phrases(d, &d->issue_index, d->issues.items, d->issues.len, sizeof(issue_entry),
                           offsetof(issue_entry, words), n_atoms);
    if (ok) {
        sort_key *keys = malloc((d->verbs.len ? d->verbs.len : 1) * sizeof *keys);
        ok = keys != NULL;
        /* A form defined twice: the later definition wins, as in PETRARCH-1, so sort later
         * entries first (ids are stored complemented and restored below). */
        for (size_t i = 0; ok && i < d->verbs.len; i++) {
            const verb_form *f = &d->verbs.items[i];
            keys[i] = (sort_key){f->word, f->n_after + f->n_before, UINT32_MAX - (uint32_t)i};
        }
        ok = ok && build_index(&d->verb_index, keys, d->verbs.len, n_atoms);
        for (size_t i = 0; ok && i < d->verbs.len; i++)
            d->verb_index.items[i] = UINT32_MAX - d->verb_index.items[i];
        free(keys);
    }
    if (!ok) {
        error_set(err, TERN_ENOMEM, "out of memory while indexing dictionaries");
        return TERN_ENOMEM;
    }
    d->indexed_atoms = n_atoms;
    d->frozen = 1;
    return TERN_OK;
}

const synset *dict_synset_of(const tern_dict *d, atom label)
{
    if (!d->synset_by_atom || label >= d->indexed_atoms) return NULL;
    uint32_t s = d->synset_by_atom[label];
    return s ? &d->synsets.items[s - 1] : NULL;
}

void tern_dict_get_stats(const tern_dict *d, tern_dict_stats *out)
{
    memset(out, 0, sizeof *out);
    out->actors = d->actors.len;
    out->actor_roles = d->roles.len;
    out->agents = d->agents.len;
    out->verbs = d->verbs.len;
    out->verb_blocks = d->blocks.len;
    out->patterns = d->patterns.len;
    out->synsets = d->synsets.len;
    out->discards = d->discards.len;
    out->issues = d->issues.len;
    out->transformations = d->transformations.len;
    out->words = atom_count(d->words);
    out->bytes = d->arena.total + atom_table_bytes(d->words) + d->pool_words.cap * sizeof(atom) +
                 d->roles.cap * sizeof(actor_role) + d->actor_blocks.cap * sizeof(actor_block) +
                 d->actors.cap * sizeof(actor_entry) + d->agents.cap * sizeof(agent_entry) +
                 d->verbs.cap * sizeof(verb_form) + d->patterns.cap * sizeof(pattern) +
                 d->elements.cap * sizeof(pattern_element);
}
