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

int tdkt_table_print(const tdkt_table *t, FILE *out)
{
    int *w = t && !t->oom ? calloc((size_t)t->ncols, sizeof *w) : NULL;
    if (!w) /* a table with a row missing would be a wrong table */
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * (size_t)t->ncols + c];
            if (s && tdkt_text_width(s) > w[c])
                w[c] = tdkt_text_width(s);
        }
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
        for (int c = 0; c < t->ncols; c++) {
            int pad = w[c] - tdkt_text_width(row[c]);
            bool last = c + 1 == t->ncols;
            if (t->right[c])
                fprintf(out, "%*s", pad, "");
            fputs(row[c], out);
            if (!t->right[c] && !last)
                fprintf(out, "%*s", pad, "");
            if (!last)
                fputs("  ", out);
        }
        fputc('\n', out);
    }
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
