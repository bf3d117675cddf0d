/*
 * clean: paragraphs and their roles.
 *
 * Design notes.
 *   (1) Layout. A text whose lines are all short (at most 100 bytes) and mostly of similar
 *       length where a line runs into the next is hard-wrapped (Reuters-21578): a paragraph is
 *       a block of lines ended by a blank line or by an indented line. Otherwise every line is
 *       a paragraph (scraped pages, BBC files), because pages put headline, date stamp and
 *       widgets on consecutive lines with no blank line between them; only a line that runs
 *       on into the next (which starts in lower case, after no sentence-final mark) joins it.
 *   (2) Roles are decided in a fixed order, first match wins: foreign script, date stamp,
 *       breadcrumb, byline, promotion, table, the known title, caption, short label, body.
 *   (3) Duplicates are found on a key made of the lower-cased letters and digits of the
 *       paragraph: equal keys are duplicates (the first is kept) and a key that is a prefix
 *       of another (a teaser, a standfirst repeated as the opening of the story) loses to
 *       the longer one. Keys are sorted, so the cost is O(P log P) in paragraphs.
 *   (4) A headline is the record's title; without one, the header title when the body does
 *       not repeat it; without a header, the first title-like line before the body.
 */
#include "text/clean.h"

#include "text/dates.h"
#include "text/normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Lower-cased letters and digits for dedup keys; 0 for everything else. */
static const unsigned char key_char[128] = {
#define L(c) [c] = c, [c - 32] = c
    L('a'),      L('b'),      L('c'),      L('d'),      L('e'),      L('f'),      L('g'),
    L('h'),      L('i'),      L('j'),      L('k'),      L('l'),      L('m'),      L('n'),
    L('o'),      L('p'),      L('q'),      L('r'),      L('s'),      L('t'),      L('u'),
    L('v'),      L('w'),      L('x'),      L('y'),      L('z'),
#undef L
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9',
};

/* Byte shapes for measure(). */
enum { S_SPACE = 1, S_LETTER = 2, S_LOWER = 4, S_DIGIT = 8, S_SEP = 16, S_HIGH = 32 };

static const unsigned char shape_class[256] = {
    [' '] = S_SPACE,  ['\t'] = S_SPACE, ['\n'] = S_SPACE, ['\r'] = S_SPACE, ['\f'] = S_SPACE,
    ['\v'] = S_SPACE, ['/'] = S_SEP,    ['>'] = S_SEP,    ['|'] = S_SEP,
#define U(c) [c] = S_LETTER
#define L(c) [c] = S_LETTER | S_LOWER
    U('A'),           U('B'),           U('C'),           U('D'),           U('E'),
    U('F'),           U('G'),           U('H'),           U('I'),           U('J'),
    U('K'),           U('L'),           U('M'),           U('N'),           U('O'),
    U('P'),           U('Q'),           U('R'),           U('S'),           U('T'),
    U('U'),           U('V'),           U('W'),           U('X'),           U('Y'),
    U('Z'),           L('a'),           L('b'),           L('c'),           L('d'),
    L('e'),           L('f'),           L('g'),           L('h'),           L('i'),
    L('j'),           L('k'),           L('l'),           L('m'),           L('n'),
    L('o'),           L('p'),           L('q'),           L('r'),           L('s'),
    L('t'),           L('u'),           L('v'),           L('w'),           L('x'),
    L('y'),           L('z'),
#undef U
#undef L
    ['0'] = S_DIGIT,  ['1'] = S_DIGIT,  ['2'] = S_DIGIT,  ['3'] = S_DIGIT,  ['4'] = S_DIGIT,
    ['5'] = S_DIGIT,  ['6'] = S_DIGIT,  ['7'] = S_DIGIT,  ['8'] = S_DIGIT,  ['9'] = S_DIGIT,
#define H(c) [c] = S_HIGH
#define H16(b)                                                                                     \
    H(b + 0), H(b + 1), H(b + 2), H(b + 3), H(b + 4), H(b + 5), H(b + 6), H(b + 7), H(b + 8),      \
        H(b + 9), H(b + 10), H(b + 11), H(b + 12), H(b + 13), H(b + 14), H(b + 15)
    H16(0x80),        H16(0x90),        H16(0xA0),        H16(0xB0),        H16(0xC0),
    H16(0xD0),        H16(0xE0),        H16(0xF0),
#undef H16
#undef H
};

typedef struct features {
    uint32_t words, lower_words, letters, other_script, lower, digits, wide_gaps, separators;
    int terminal; /* ends with . ! ? or an ellipsis, after closing quotes and brackets */
    int ends_bar;
} features;

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* KEY_PREFIX: letters and digits measured for every paragraph; KEY_MAX: the full key, built
 * only for paragraphs whose prefixes collide (duplicates always do). */
enum { MEASURE_HEAD = 64, TITLE_HEAD = 400, KEY_PREFIX = 16, KEY_MAX = 256 };

/* Makes room for extra bytes (and a NUL) in b without appending anything. */
static void key_reserve(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) abort(); /* as strbuf does: out of memory is not recoverable here */
    b->data = p;
    b->cap = cap;
}

static void append_key(strbuf *keys, const char *text, uint32_t a, uint32_t b, size_t max)
{
    key_reserve(keys, max);
    unsigned char *o = (unsigned char *)keys->data + keys->len;
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *limit = o + max;
    for (uint32_t i = a; i < b && o < limit; i++) {
        unsigned c = s[i];
        if (c < 0x80) {
            unsigned char k = key_char[c];
            if (k) *o++ = k;
        } else if (c == 0xE2 && i + 2 < b && s[i + 1] >= 0x80 && s[i + 1] <= 0x81) {
            i += 2;
        } else if (c == 0xC2 && i + 1 < b && s[i + 1] == 0xA0) {
            i += 1;
        } else {
            *o++ = (unsigned char)c;
        }
    }
    keys->len = (size_t)((char *)o - keys->data);
    keys->data[keys->len] = '\0';
}

/* Every rule that reads the counts is decided by a paragraph's first few hundred bytes (a
 * label is short, a table or another script shows at once), so long paragraphs are measured
 * on their head only; the final punctuation is always read at the true end. */

static void measure(const char *text, uint32_t a, uint32_t end, uint32_t head, features *f,
                    strbuf *keys)
{
    memset(f, 0, sizeof *f);
    const unsigned char *s = (const unsigned char *)text;
    key_reserve(keys, KEY_PREFIX + 4);
    unsigned char *o = (unsigned char *)keys->data + keys->len;
    const unsigned char *limit = o + KEY_PREFIX;
    uint32_t b = end - a > head ? a + head : end;
    unsigned in_word = 0, word_has_alnum = 0, spaces = 0;
    /* counters in locals: the key bytes written through o could alias *f otherwise */
    uint32_t words = 0, lower_words = 0, letters = 0, other_script = 0, lower = 0, digits = 0,
             wide_gaps = 0, separators = 0;
    for (uint32_t i = a; i < b;) {
        unsigned c = s[i];
        unsigned m = shape_class[c];
        if (!(m & S_HIGH)) {
            if (m & S_SPACE) {
                words += in_word & word_has_alnum;
                in_word = 0;
                spaces++;
                wide_gaps += spaces == 3;
                i++;
                continue;
            }
            if ((m & S_SEP) && spaces == 1 && i + 2 < b && s[i + 1] == ' ') separators++;
            spaces = 0;
            if (!in_word) {
                in_word = 1;
                word_has_alnum = 0;
                lower_words += (m >> 2) & 1;
            }
            unsigned char k = key_char[c];
            if (k && o < limit) *o++ = k;
            letters += (m >> 1) & 1;
            lower += (m >> 2) & 1;
            digits += (m >> 3) & 1;
            word_has_alnum |= (m & (S_LETTER | S_DIGIT)) != 0;
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, b - i, &cp);
        if (unicode_is_space(cp)) {
            if (in_word && word_has_alnum) words++;
            in_word = 0;
        } else {
            spaces = 0;
            if (!in_word) {
                in_word = 1;
                word_has_alnum = 0;
            }
            /* Latin (with its extensions and combining marks) versus any other script */
            int latin = cp < 0x0370 || (cp >= 0x1E00 && cp <= 0x1EFF);
            int punct = (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                        (cp >= 0xFF00 && cp <= 0xFF0F);
            if (!punct) {
                if (o + k <= limit) {
                    memcpy(o, s + i, (size_t)k);
                    o += k;
                }
                word_has_alnum = 1;
                letters++;
                if (!latin) other_script++;
                if (latin && cp >= 0xDF && cp <= 0xFF) lower++;
            }
        }
        i += (uint32_t)k;
    }
    if (in_word && word_has_alnum) words++;
    keys->len = (size_t)((char *)o - keys->data);
    keys->data[keys->len] = '\0';
    if (b < end) {
        words += 100; /* long: more words than any rule counts */
        if (o < limit) append_key(keys, text, b, end, (size_t)(limit - o));
    }
    f->words = words;
    f->lower_words = lower_words;
    f->letters = letters;
    f->other_script = other_script;
    f->lower = lower;
    f->digits = digits;
    f->wide_gaps = wide_gaps;
    f->separators = separators;
    b = end;
    /* final punctuation, looking through closing quotes and brackets */
    uint32_t e = b;
    while (e > a) {
        unsigned c = s[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || is_space(c)) {
            e--;
        } else if (e - a >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 &&
                   (s[e - 1] == 0x9D || s[e - 1] == 0x99)) {
            e -= 3;
        } else {
            break;
        }
    }
    if (e > a) {
        unsigned c = s[e - 1];
        f->terminal = c == '.' || c == '!' || c == '?' ||
                      (e - a >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && c == 0xA6);
    }
    f->ends_bar = b > a && s[b - 1] == '|';
}

/* ---- Layout ---------------------------------------------------------------------------------- */

static void split_lines(const char *text, uint32_t from, uint32_t to, clean_scratch *sc)
{
    sc->lines.len = 0;
    uint32_t i = from;
    while (i < to) {
        const char *nl = memchr(text + i, '\n', to - i);
        uint32_t e = nl ? (uint32_t)(nl - text) : to;
        uint32_t s = i;
        while (s < e && is_space((unsigned char)text[s])) s++;
        uint32_t t = e;
        while (t > s && is_space((unsigned char)text[t - 1])) t--;
        /* non-breaking spaces at the ends of a line count as white space too */
        while (t - s >= 2 && (unsigned char)text[t - 2] == 0xC2 &&
               (unsigned char)text[t - 1] == 0xA0)
            t -= 2;
        line_span l = {s, t, s - i};
        vec_push(&sc->lines, l);
        i = e + 1;
    }
}

static int hard_wrapped(const char *text, const clean_scratch *sc)
{
    uint32_t max = 0, inner = 0, long_inner = 0, continued = 0;
    for (size_t i = 0; i < sc->lines.len; i++) {
        uint32_t n = sc->lines.items[i].end - sc->lines.items[i].start + sc->lines.items[i].indent;
        if (n > max) max = n;
    }
    if (max > 100 || max < 30) return 0;
    for (size_t i = 0; i + 1 < sc->lines.len; i++) {
        const line_span *l = &sc->lines.items[i], *m = &sc->lines.items[i + 1];
        /* an indented next line starts a paragraph: no evidence either way */
        if (l->end == l->start || m->end == m->start || m->indent) continue;
        inner++;
        if ((l->end - l->start + l->indent) * 10 >= max * 6) long_inner++;
        /* the next line carries on the sentence: it starts in lower case or with a number */
        unsigned char c = (unsigned char)text[m->start];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continued++;
    }
    return inner > 0 && (long_inner * 10 >= inner * 6 || continued * 2 >= inner);
}

static void push_paragraph(paragraph_vec *out, uint32_t a, uint32_t b, paragraph_role role)
{
    if (b <= a) return;
    paragraph p = {a, b, role};
    vec_push(out, p);
}

/* Does the line break after line i fall inside a sentence? The next line starts in lower case
 * and this one does not end as a sentence or a label does. */
static int runs_on(const char *text, const clean_scratch *sc, size_t i)
{
    if (i + 1 >= sc->lines.len) return 0;
    const line_span *l = &sc->lines.items[i], *m = &sc->lines.items[i + 1];
    if (l->end == l->start || m->end == m->start || m->indent) return 0;
    unsigned char next = (unsigned char)text[m->start], last = (unsigned char)text[l->end - 1];
    return next >= 'a' && next <= 'z' && !strchr(".!?:;\"'|", last) && last < 0x80;
}

static void make_paragraphs(const char *text, const clean_scratch *sc, int wrapped,
                            paragraph_vec *out)
{
    if (!wrapped) {
        /* Every line is a paragraph, but a line that runs on into the next is one wrapped
         * paragraph however long its lines are. */
        for (size_t i = 0; i < sc->lines.len; i++) {
            uint32_t a = sc->lines.items[i].start;
            while (runs_on(text, sc, i)) i++;
            push_paragraph(out, a, sc->lines.items[i].end, PARA_BODY);
        }
        return;
    }
    uint32_t a = 0, b = 0;
    int open = 0;
    for (size_t i = 0; i < sc->lines.len; i++) {
        const line_span *l = &sc->lines.items[i];
        if (l->end == l->start) {
            if (open) push_paragraph(out, a, b, PARA_BODY);
            open = 0;
            continue;
        }
        if (open && l->indent > 0) {
            push_paragraph(out, a, b, PARA_BODY);
            open = 0;
        }
        if (!open) {
            a = l->start;
            open = 1;
        }
        b = l->end;
    }
    if (open) push_paragraph(out, a, b, PARA_BODY);
}

/* ---- Roles ----------------------------------------------------------------------------------- */

static int starts_with_word(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    return n >= l && !strncasecmp(s, w, l) && (n == l || !isalpha((unsigned char)s[l]));
}

static int contains_word_ci(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++) {
        if ((i == 0 || !isalpha((unsigned char)s[i - 1])) && !strncasecmp(s + i, w, l) &&
            (i + l == n || !isalpha((unsigned char)s[i + l])))
            return 1;
    }
    return 0;
}

static int is_promo(const char *s, size_t n)
{
    if (n < 4 || !isupper((unsigned char)s[0])) return 0;
    /* the first two letters of every verb and lead below */
    static const char two[][3] = {"ge", "su", "fo", "re", "cl", "do", "wa", "jo", "li",
                                  "sh", "ca", "st", "ta", "si", "ch", "vi", "al"};
    char c0 = (char)(s[0] | 0x20), c1 = (char)(s[1] | 0x20);
    int known = 0;
    for (size_t i = 0; i < sizeof two / sizeof two[0] && !known; i++)
        known = two[i][0] == c0 && two[i][1] == c1;
    if (!known) return 0;
    char w[16];
    size_t wl = 0;
    while (wl < n && wl < 15 && (isalpha((unsigned char)s[wl]) || s[wl] == '\'')) {
        w[wl] = (char)tolower((unsigned char)s[wl]);
        wl++;
    }
    if (wl == 0 || wl >= 15) return 0;
    w[wl] = '\0';
    static const char *const verbs[] = {"get",      "subscribe", "follow", "read", "click",
                                        "download", "watch",     "join",   "like", "share",
                                        "catch",    "stay",      "listen", "tap",  "sign",
                                        "check",    "visit",     "don't",  NULL};
    int verb = 0;
    for (int i = 0; verbs[i] && !verb; i++) verb = verbs[i][0] == w[0] && !strcmp(verbs[i], w);
    if (!verb && strcmp(w, "also") && strcmp(w, "related") && strcmp(w, "recommended")) return 0;
    static const char *const leads[] = {
        "also read", "read more",    "read also",    "related:", "click here",  "sign up",
        "follow us", "download the", "subscribe to", "watch:",   "watch video", "recommended",
        NULL};
    for (int i = 0; leads[i]; i++)
        if (n >= strlen(leads[i]) && !strncasecmp(s, leads[i], strlen(leads[i]))) return 1;
    if (!verb) return 0;
    /* a paragraph that reports speech is a story ("Share prices fell on news that ...") */
    if (contains_word_ci(s, n, "said") || contains_word_ci(s, n, "says") ||
        contains_word_ci(s, n, "told"))
        return 0;
    /* "Like", "Share" and "Follow" open ordinary sentences too; as calls to action they
     * name a social network or "us". */
    if (!strcmp(w, "like") || !strcmp(w, "share") || !strcmp(w, "follow")) {
        static const char *const social[] = {"facebook", "twitter",  "instagram",
                                             "whatsapp", "telegram", "youtube",
                                             "linkedin", "us",       NULL};
        for (int i = 0; social[i]; i++)
            if (contains_word_ci(s, n, social[i])) return 1;
        return 0;
    }
    static const char *const nouns[] = {
        "news",     "updates", "headlines", "newsletter", "app",       "here",
        "coverage", "alerts",  "channel",   "podcast",    "stories",   "whatsapp",
        "telegram", "youtube", "facebook",  "twitter",    "instagram", NULL};
    for (int i = 0; nouns[i]; i++)
        if (contains_word_ci(s, n, nouns[i])) return 1;
    return 0;
}

static int has_position_cue(const char *s, size_t n)
{
    /* Picture captions place people: "Putin, right, and Kim". Only commas and parentheses
     * can start a cue, so the scan jumps between them. */
    static const char *const comma_cues[] = {", left,",
                                             ", right,",
                                             ", center,",
                                             ", centre,",
                                             ", second left,",
                                             ", second right,",
                                             ", second from left,",
                                             ", second from right,",
                                             NULL};
    /* "(L)", "(R)", "(C)" also mark trademarks ("IBM (R)"): they count in pairs only */
    static const char *const paren_cues[] = {"(left) ", "(right) ", "(center) ", "(centre) ",
                                             "(L) ",    "(R) ",     "(C) ",      NULL};
    int letter_cues = 0;
    /* captions name the people first: the cue comes early if at all */
    size_t scan = n < 300 ? n : 300;
    for (int pass = 0; pass < 2; pass++) {
        char mark = pass ? '(' : ',';
        const char *const *cues = pass ? paren_cues : comma_cues;
        for (const char *p = memchr(s, mark, scan); p;
             p = memchr(p + 1, mark, (size_t)(s + scan - p - 1))) {
            size_t k = (size_t)(p - s);
            if (pass ? k == 0 || s[k - 1] != ' ' : k + 2 >= n || s[k + 1] != ' ') continue;
            /* every cue word starts with l, r, c or s (L, R, C after a parenthesis) */
            unsigned char c1 = (unsigned char)(s[k + (pass ? 1 : 2)] | 0x20);
            if (c1 != 'l' && c1 != 'r' && c1 != 'c' && c1 != 's') continue;
            /* the cue follows a name: "Vladimir Putin, right," not "the left, right," */
            size_t w = pass ? k - 1 : k;
            while (w > 0 && s[w - 1] != ' ') w--;
            if (w == k || !isupper((unsigned char)s[w])) continue;
            for (int i = 0; cues[i]; i++) {
                size_t l = strlen(cues[i]);
                if (k + l <= n && s[k + 2] == cues[i][2] && !memcmp(s + k, cues[i], l)) {
                    if (!pass || l > 4) return 1;
                    if (++letter_cues == 2) return 1;
                }
            }
        }
    }
    if (n < 6) return 0;
    unsigned char c0 = (unsigned char)(s[0] | 0x20);
    if (c0 != 'p' && c0 != 'f' && c0 != 'i' && c0 != 't') return 0;
    static const char *const leads[] = {
        "photo:",        "file photo:",        "pictured:",  "image:",
        "in this photo", "in this file photo", "this photo", NULL};
    for (int i = 0; leads[i]; i++)
        if (n >= strlen(leads[i]) && !strncasecmp(s, leads[i], strlen(leads[i]))) return 1;
    return 0;
}

/* A credit in parentheses at the end of [a, b): returns where it starts (the paragraph's new
 * end, trimmed) or b when there is none. *photo tells whether it names a picture. */
static uint32_t trailing_credit(const char *text, uint32_t a, uint32_t b, wire_set *w, int *photo,
                                int *reporting)
{
    *photo = *reporting = 0;
    if (b - a < 4 || text[b - 1] != ')') return b;
    uint32_t open = b - 1;
    while (open > a && b - open < 80 && text[open] != '(') open--;
    if (text[open] != '(' || open == a) return b;
    const char *inner = text + open + 1;
    size_t n = b - 1 - (open + 1);
    wire_set tmp = {{0}, 0};
    if (!metadata_credit(inner, n, &tmp)) return b;
    *reporting = starts_with_word(inner, n, "reporting") || starts_with_word(inner, n, "editing") ||
                 starts_with_word(inner, n, "writing") ||
                 starts_with_word(inner, n, "additional") || starts_with_word(inner, n, "compiled");
    *photo = !*reporting &&
             (contains_word_ci(inner, n, "photo") || contains_word_ci(inner, n, "file") ||
              contains_word_ci(inner, n, "image") || contains_word_ci(inner, n, "images") ||
              contains_word_ci(inner, n, "courtesy") || contains_word_ci(inner, n, "pool") ||
              contains_word_ci(inner, n, "handout"));
    for (int k = 0; k < tmp.n; k++) {
        int dup = 0;
        for (int m = 0; m < w->n; m++) dup |= w->order[m] == tmp.order[k];
        if (!dup && w->n < (int)sizeof w->order) w->order[w->n++] = tmp.order[k];
    }
    uint32_t e = open;
    while (e > a && is_space((unsigned char)text[e - 1])) e--;
    return e;
}

/* Appends the dedup key of text[a, b) to keys: lower-cased ASCII letters and digits, and
 * non-ASCII letters as they are (typographic punctuation U+2000..U+206F is skipped). Keys stop
 * after KEY_MAX bytes: paragraphs that agree on that many letters are near-duplicates. */
typedef struct keyed {
    const char *key;
    uint32_t len;
    uint32_t para;
} keyed;

static int keyed_cmp(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->key, b->key, n);
    if (c) return c;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    return a->para < b->para ? -1 : a->para > b->para;
}

static int kept(paragraph_role r)
{
    return r == PARA_BODY || r == PARA_CAPTION || r == PARA_HEADLINE;
}

/* Sorts ks[0, n) and marks duplicates: equal keys (the earlier paragraph stays, a headline
 * over anything) and keys that are a prefix of a longer one (teasers, standfirsts). */
static void mark_duplicates(keyed *ks, size_t n, paragraph_vec *ps)
{
    qsort(ks, n, sizeof *ks, keyed_cmp);
    size_t cur = 0;
    for (size_t i = 1; i < n; i++) {
        keyed *a = &ks[cur], *b = &ks[i];
        paragraph *pa = &ps->items[a->para], *pb = &ps->items[b->para];
        if (a->len > b->len || memcmp(a->key, b->key, a->len)) {
            cur = i;
            continue;
        }
        if (a->len == b->len) {
            if (pb->role == PARA_HEADLINE && pa->role != PARA_HEADLINE) {
                pa->role = PARA_DUPLICATE;
                cur = i;
            } else {
                pb->role = PARA_DUPLICATE;
            }
            continue;
        }
        if (a->len >= 24 && pa->role != PARA_HEADLINE) pa->role = PARA_DUPLICATE;
        cur = i;
    }
}

/* measure() left each paragraph's KEY_PREFIX-byte key prefix at keys[key_at[i], + key_len[i]).
 * Duplicates and teasers share their prefix, so full keys are built only inside groups of
 * equal prefixes, which keeps the common case (no duplicates) at one short sort. */
static void remove_duplicates(const char *text, paragraph_vec *ps, clean_scratch *sc)
{
    size_t n = 0;
    for (size_t i = 0; i < ps->len; i++) n += kept(ps->items[i].role);
    if (n < 2) return;
    vec_reserve(&sc->sorted, n);
    keyed *ks = sc->sorted.items;
    size_t k = 0;
    for (size_t i = 0; i < ps->len; i++) {
        if (!kept(ps->items[i].role)) continue;
        uint32_t len = sc->key_len.items[i];
        if (len == 0) continue;
        ks[k].key = sc->keys.data + sc->key_at.items[i];
        ks[k].len = len;
        ks[k].para = (uint32_t)i;
        k++;
    }
    qsort(ks, k, sizeof *ks, keyed_cmp);
    for (size_t g = 0; g < k;) {
        size_t e = g + 1;
        while (e < k && ks[e].len == ks[g].len && !memcmp(ks[e].key, ks[g].key, ks[g].len)) e++;
        if (e - g > 1) {
            if (ks[g].len < KEY_PREFIX) {
                mark_duplicates(ks + g, e - g, ps); /* the prefix is the whole key */
            } else {
                strbuf_clear(&sc->full);
                for (size_t m = g; m < e; m++) {
                    const paragraph *p = &ps->items[ks[m].para];
                    size_t at = sc->full.len;
                    append_key(&sc->full, text, p->start, p->end, KEY_MAX);
                    ks[m].len = (uint32_t)(sc->full.len - at);
                    ks[m].key = (const char *)(uintptr_t)at; /* offset until full is complete */
                }
                for (size_t m = g; m < e; m++) ks[m].key = sc->full.data + (uintptr_t)ks[m].key;
                mark_duplicates(ks + g, e - g, ps);
            }
        }
        g = e;
    }
}

static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m == 0 || m > n) return NULL;
    for (size_t i = 0; i + m <= n; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, m)) return hay + i;
    return NULL;
}

static int title_like(const features *f)
{
    if (f->terminal || f->words < 3 || f->words > 30) return 0;
    return f->words >= 5 || f->lower_words > 0;
}

void clean_article(const article *a, int clean, clean_scratch *sc, paragraph_vec *out, wire_set *w,
                   clean_result *res, arena *ar)
{
    const char *text = a->text;
    memset(res, 0, sizeof *res);
    out->len = 0;
    uint32_t from = 0;
    size_t core_len = 0;
    if (a->title) {
        res->outlet = metadata_split_title(a->title, strlen(a->title), &core_len, ar);
        while (core_len && isspace((unsigned char)a->title[core_len - 1])) core_len--;
        if (core_len) res->title = arena_strndup(ar, a->title, core_len);
    }
    if (a->title_in_text && a->title_end) {
        uint32_t s = 0, e = a->title_end;
        while (s < e && isspace((unsigned char)text[s])) s++;
        while (e > s && isspace((unsigned char)text[e - 1])) e--;
        push_paragraph(out, s, e, clean ? PARA_HEADLINE : PARA_BODY);
        from = a->body_start;
    } else if (a->header_end) {
        push_paragraph(out, 0, a->header_end, PARA_HEADER);
        from = a->header_end;
    }
    size_t first_body = out->len;
    split_lines(text, from, a->len, sc);
    make_paragraphs(text, sc, hard_wrapped(text, sc), out);
    if (!clean) return;

    int need_title = res->title && !a->title_in_text;
    char *title_key = NULL;
    size_t title_key_len = 0;
    strbuf_clear(&sc->keys);
    if (need_title) {
        append_key(&sc->keys, res->title, 0, (uint32_t)strlen(res->title), KEY_MAX);
        title_key = arena_strndup(ar, sc->keys.data, sc->keys.len);
        title_key_len = sc->keys.len;
        strbuf_clear(&sc->keys);
    }
    sc->key_at.len = 0;
    sc->key_len.len = 0;
    for (size_t i = 0; i < first_body; i++) {
        vec_push(&sc->key_at, (uint32_t)sc->keys.len);
        append_key(&sc->keys, text, out->items[i].start, out->items[i].end, KEY_PREFIX);
        vec_push(&sc->key_len, (uint32_t)(sc->keys.len - vec_last(&sc->key_at)));
    }
    int headline_found = a->title_in_text && a->title_end;
    for (size_t i = first_body; i < out->len; i++) {
        paragraph *p = &out->items[i];
        const char *s = text + p->start;
        size_t n = p->end - p->start;
        features f;
        vec_push(&sc->key_at, (uint32_t)sc->keys.len);
        /* a long paragraph is never a label or a byline: its head only shows script and
         * figures, for which half the usual sample is plenty */
        measure(text, p->start, p->end, n > 200 ? MEASURE_HEAD / 2 : MEASURE_HEAD, &f, &sc->keys);
        const char *key = sc->keys.data + sc->key_at.items[i];
        size_t key_len = sc->keys.len - sc->key_at.items[i];
        vec_push(&sc->key_len, (uint32_t)key_len);
        int32_t stamp = 0;
        int photo, reporting;
        if (f.letters && f.other_script * 2 > f.letters) {
            p->role = PARA_FOREIGN;
        } else if (f.digits >= 4 && !f.terminal && n <= 80 &&
                   (stamp = date_parse_stamp_line(s, n)) != 0) {
            p->role = PARA_DATE;
            if (!res->page_date) res->page_date = stamp;
        } else if (f.separators >= 2 && !f.terminal) {
            p->role = PARA_BREADCRUMB;
        } else if ((f.ends_bar || f.words <= 8) && metadata_byline(s, n, w)) {
            p->role = PARA_BYLINE;
        } else if (is_promo(s, n)) {
            p->role = PARA_PROMO;
        } else if (f.wide_gaps >= 2 || (f.digits * 5 > f.letters * 2 + 10 && !f.terminal)) {
            p->role = PARA_TABLE;
        } else {
            int is_title = 0;
            if (need_title && !headline_found && title_key_len &&
                key_len == (title_key_len < KEY_PREFIX ? title_key_len : KEY_PREFIX) &&
                !memcmp(key, title_key, key_len)) {
                strbuf_clear(&sc->full);
                append_key(&sc->full, text, p->start, p->end, KEY_MAX);
                is_title = sc->full.len == title_key_len &&
                           !memcmp(sc->full.data, title_key, title_key_len);
            }
            uint32_t e = trailing_credit(text, p->start, p->end, w, &photo, &reporting);
            if (is_title) {
                p->role = PARA_HEADLINE;
                headline_found = 1;
            } else if (e < p->end && !reporting &&
                       (photo || has_position_cue(s, e - p->start) || !f.terminal)) {
                p->role = PARA_CAPTION;
                p->end = e;
            } else if (has_position_cue(s, n)) {
                p->role = PARA_CAPTION;
            } else if (!f.terminal && f.words <= 4) {
                p->role = PARA_FURNITURE;
            } else if (!f.terminal && f.lower == 0 && f.words <= 8 && f.letters) {
                p->role = PARA_FURNITURE;
            } else {
                p->role = PARA_BODY;
                if (reporting) p->end = e;
            }
        }
    }

    if (!headline_found && need_title && a->header_end) {
        /* the body does not repeat the header's title: the header's title is the headline */
        const char *t = find_bytes(text, a->header_end, res->title, core_len);
        if (t)
            out->items[0] =
                (paragraph){(uint32_t)(t - text), (uint32_t)(t - text + core_len), PARA_HEADLINE};
        headline_found = t != NULL;
    }
    if (!headline_found && !res->title) {
        for (size_t i = first_body; i < out->len; i++) {
            paragraph *p = &out->items[i];
            if (p->role != PARA_BODY) continue;
            features f;
            size_t keep = sc->keys.len;
            measure(text, p->start, p->end, TITLE_HEAD, &f, &sc->keys);
            sc->keys.len = keep;
            if (title_like(&f)) {
                p->role = PARA_HEADLINE;
                res->title = arena_strndup(ar, text + p->start, p->end - p->start);
            }
            break;
        }
    }
    /* A dateline opens one of the first body paragraphs (a standfirst may come before it);
     * the paragraph is re-keyed without it so that a repeated standfirst is still seen. */
    int body_seen = 0;
    for (size_t i = 0; i < out->len && body_seen < 3; i++) {
        paragraph *p = &out->items[i];
        if (p->role != PARA_BODY) continue;
        body_seen++;
        size_t place_len = 0;
        size_t used = metadata_dateline(text + p->start, p->end - p->start, &place_len, w);
        if (used && used < p->end - p->start) {
            res->dateline_start = p->start;
            res->dateline_end = p->start + (uint32_t)place_len;
            p->start += (uint32_t)used;
            sc->key_at.items[i] = (uint32_t)sc->keys.len;
            append_key(&sc->keys, text, p->start, p->end, KEY_PREFIX);
            sc->key_len.items[i] = (uint32_t)(sc->keys.len - sc->key_at.items[i]);
            break;
        }
    }
    remove_duplicates(text, out, sc);
}

void clean_scratch_free(clean_scratch *s)
{
    vec_free(&s->lines);
    strbuf_free(&s->keys);
    vec_free(&s->key_at);
    vec_free(&s->key_len);
    vec_free(&s->sorted);
    strbuf_free(&s->full);
}
