/*
 * Aligned text tables for the terminal. Widths are display widths
 * (utf8proc_charwidth), so "Nguyễn Thị Hồng" pads like its 15 columns.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tdkt/output.h"
#include "output/safe.h"

struct tdkt_table {
    int ncols;
    char **cells; /* nrows * ncols; a NULL row marks a rule */
    size_t nrows;
    size_t cap;
    bool *right;
    bool oom; /* a row or cell was lost: the table must not print */
};

int tdkt_text_width(const char *s)
{
    int w = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, n, &cp);
        if (k <= 0) {
            p++;
            n--;
            w++;
            continue;
        }
        w += utf8proc_charwidth(cp);
        p += k;
        n -= k;
    }
    return w;
}

tdkt_table *tdkt_table_new(int ncols)
{
    tdkt_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->right = calloc((size_t)ncols, sizeof *t->right);
    if (!t->right) {
        free(t);
        return NULL;
    }
    return t;
}

void tdkt_table_align_right(tdkt_table *t, int col)
{
    if (t && col >= 0 && col < t->ncols)
        t->right[col] = true;
}

static void add_row(tdkt_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        char **c = realloc(t->cells, cap * (size_t)t->ncols * sizeof *c);
        if (!c) {
            t->oom = true;
            return;
        }
        t->cells = c;
        t->cap = cap;
    }
    char **row = &t->cells[t->nrows * (size_t)t->ncols];
    for (int i = 0; i < t->ncols; i++) {
        row[i] = cells ? safe_cell(cells[i]) : NULL;
        if (cells && !row[i])
            t->oom = true; /* the row stays, freed with the table */
    }
    t->nrows++;
}

void tdkt_table_row(tdkt_table *t, const char *const *cells)
{
    if (t)
        add_row(t, cells);
}

void tdkt_table_rule(tdkt_table *t)
{
    if (t)
        add_row(t, NULL);
}

/* Columns of text (left-aligned) wider than this wrap onto more lines:
 * a rule set's title or basis ran to 450 columns, which no terminal
 * shows. Numbers (right-aligned) never wrap. */
#define WRAP_AT 60

/* The end of the first line of @p s when it wraps at @p width display
 * columns: after the last space that fits, else mid-word; *next is where
 * the next line starts (its spaces skipped). Whole when it fits. */
static const char *wrap_line(const char *s, int width, const char **next)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
    const char *space = NULL, *end = s;
    int w = 0;
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, n, &cp);
        int cw = k > 0 ? utf8proc_charwidth(cp) : 1;
        if (k <= 0)
            k = 1;
        if (w + cw > width && end > s)
            break;
        if (cp == ' ')
            space = (const char *)p;
        w += cw;
        p += k;
        n -= k;
        end = (const char *)p;
    }
    if (n > 0 && space && space > s)
        end = space;
    *next = end;
    while (**next == ' ')
        (*next)++;
    return end;
}

int tdkt_table_print(const tdkt_table *t, FILE *out)
{
    int *w = t && !t->oom ? calloc((size_t)t->ncols, sizeof *w) : NULL;
    /* per column: where its text is at, this line's end, the next line */
    const char **at = w ? calloc(3 * (size_t)t->ncols, sizeof *at) : NULL;
    if (!w || !at) { /* a table with a row missing would be a wrong table */
        free(w);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    const char **end = at + t->ncols, **next = end + t->ncols;
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * (size_t)t->ncols + c];
            if (s && tdkt_text_width(s) > w[c])
                w[c] = tdkt_text_width(s);
        }
    for (int c = 0; c < t->ncols; c++)
        if (!t->right[c] && w[c] > WRAP_AT)
            w[c] = WRAP_AT;
    for (size_t r = 0; r < t->nrows; r++) {
        char *const *row = &t->cells[r * (size_t)t->ncols];
        if (!row[0]) {
            for (int c = 0; c < t->ncols; c++) {
                for (int i = 0; i < w[c]; i++)
                    fputs("─", out);
                if (c + 1 < t->ncols)
                    fputs("──", out);
            }
            fputc('\n', out);
            continue;
        }
        /* one line of each cell at a time, until every cell is out; a
         * line ends after its last non-empty piece (no trailing blanks) */
        for (int c = 0; c < t->ncols; c++)
            at[c] = row[c];
        bool first = true;
        for (;;) {
            int lastcol = -1;
            for (int c = 0; c < t->ncols; c++) {
                if (*at[c])
                    lastcol = c;
                next[c] = at[c];
                end[c] = at[c];
                if (*at[c])
                    end[c] = t->right[c] ? at[c] + strlen(at[c])
                                         : wrap_line(at[c], w[c], &next[c]);
                if (t->right[c])
                    next[c] = end[c];
            }
            if (lastcol < 0 && !first)
                break;
            if (lastcol < 0) /* an empty row: one empty line */
                lastcol = 0;
            for (int c = 0; c <= lastcol; c++) {
                int len = (int)(end[c] - at[c]);
                char line[4096];
                if (len >= (int)sizeof line)
                    len = (int)sizeof line - 1;
                memcpy(line, at[c], (size_t)len);
                line[len] = '\0';
                int pad = w[c] - tdkt_text_width(line);
                if (pad < 0)
                    pad = 0;
                bool last = c == lastcol;
                if (t->right[c])
                    fprintf(out, "%*s", pad, "");
                fputs(line, out);
                if (!t->right[c] && !last)
                    fprintf(out, "%*s", pad, "");
                if (!last)
                    fputs("  ", out);
                at[c] = next[c];
            }
            fputc('\n', out);
            first = false;
        }
    }
    free(at);
    free(w);
    return TDKT_OK;
}

void tdkt_table_free(tdkt_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->right);
    free(t);
}
