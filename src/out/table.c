/*
 * table: events as an aligned table for a person at a terminal (the default of `tern code` when
 * standard output is one). Fixed column widths keep it streaming: a long value is cut with
 * "…" rather than widening the column. Not meant to be parsed; use JSONL or TSV for that.
 */
#include "out/writers.h"

#include <string.h>

/* Appends s padded or cut to width display columns (UTF-8 aware for the cut). */
static void cell(strbuf *out, const char *s, int width)
{
    if (!s) s = "";
    int cols = 0;
    const char *p = s;
    const char *cut = NULL;
    while (*p) {
        if (cols == width - 1 && !cut) cut = p;
        if (cols == width) break;
        unsigned char c = (unsigned char)*p;
        p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cols++;
    }
    if (*p && cut) {
        strbuf_append(out, s, (size_t)(cut - s));
        strbuf_puts(out, "\xe2\x80\xa6"); /* … */
        cols = width;
    } else {
        strbuf_append(out, s, (size_t)(p - s));
    }
    for (; cols < width; cols++) strbuf_putc(out, ' ');
    strbuf_putc(out, ' ');
}

/* Text on one line: tabs and line breaks become spaces. */
static void one_line(strbuf *out, const char *s)
{
    for (; s && *s; s++) strbuf_putc(out, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

void table_header(strbuf *out)
{
    cell(out, "date", 10);
    cell(out, "source", 10);
    cell(out, "target", 10);
    cell(out, "code", 5);
    cell(out, "event", 30);
    cell(out, "gold", 5);
    cell(out, "flags", 5);
    strbuf_puts(out, "evidence\n");
}

void table_format(strbuf *out, const sink_record *r)
{
    const tern_event *e = r->event;
    char date[16] = "";
    if (e->date) {
        int d = e->date;
        int n = 0;
        if (e->date_resolution == TERN_DATE_YEAR)
            n = 4;
        else if (e->date_resolution == TERN_DATE_MONTH)
            n = 7;
        else
            n = 10;
        char full[16];
        strbuf tmp = {0};
        strbuf_printf(&tmp, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
        memcpy(full, tmp.data, 11);
        strbuf_free(&tmp);
        memcpy(date, full, (size_t)n);
        date[n] = '\0';
    }
    cell(out, date, 10);
    cell(out, e->source, 10);
    cell(out, e->target, 10);
    cell(out, e->code, 5);
    cell(out, e->code_name, 30);
    char gold[16];
    strbuf g = {0};
    strbuf_printf(&g, "%+.1f", e->goldstein);
    memcpy(gold, g.data, g.len + 1 < sizeof gold ? g.len + 1 : sizeof gold - 1);
    gold[sizeof gold - 1] = '\0';
    strbuf_free(&g);
    cell(out, gold, 5);
    char flags[6] = "-----";
    if (e->flags & TERN_FLAG_NEGATED) flags[0] = 'N';
    if (e->flags & TERN_FLAG_ALLEGED) flags[1] = 'A';
    if (e->flags & TERN_FLAG_QUOTE) flags[2] = 'Q';
    if (e->flags & TERN_FLAG_CAPTION) flags[3] = 'C';
    if (e->flags & TERN_FLAG_HEADLINE) flags[4] = 'H';
    cell(out, flags, 5);
    if (e->n_evidence) {
        const tern_evidence *ev = &e->evidence[0];
        one_line(out, ev->source_text);
        strbuf_puts(out, " | ");
        one_line(out, ev->verb_text);
        strbuf_puts(out, " | ");
        one_line(out, ev->target_text);
        if (e->mentions > 1) strbuf_printf(out, "  (%u mentions)", e->mentions);
    }
    strbuf_putc(out, '\n');
}
