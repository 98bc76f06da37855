/*
 * Aligned text tables for the terminal. Widths are display widths
 * (utf8proc_charwidth), so "Nguyễn Thị Hồng" pads like its 15 columns.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tdkt/output.h"
#include "output/words.h"

struct tdkt_table {
    int ncols;
    char **cells; /* nrows * ncols; a NULL row marks a rule */
    size_t nrows;
    size_t cap;
    bool *right;
    bool oom; /* a row or cell was lost: the table must not print */
};

/* Control and bidirectional-override characters would let a name rewrite
 * the terminal or reorder the line; show them as U+FFFD instead. */
static inline bool unsafe_cp(utf8proc_int32_t cp)
{
    if (cp < 0xa0) /* C0 and C1 controls, DEL */
        return cp < 0x20 || cp >= 0x7f;
    if (cp < 0x200e) /* Vietnamese letters among them: tested first */
        return cp == 0x061c;
    return cp <= 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* The code point at p (n bytes left) and its length, or a length <= 0
 * for invalid UTF-8. The two- and three-byte forms of Vietnamese text and
 * of the marks the printers use (—, ✔, →) are decoded here, without a
 * library call: their lead byte alone rules out overlong forms and
 * surrogates. The rest goes to utf8proc. */
static utf8proc_ssize_t next_cp(const utf8proc_uint8_t *p, utf8proc_ssize_t n,
                                utf8proc_int32_t *cp)
{
    if (n >= 2 && p[0] >= 0xc2 && p[0] <= 0xdf && (p[1] & 0xc0) == 0x80) {
        *cp = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
        return 2;
    }
    if (n >= 3 && p[0] >= 0xe1 && p[0] <= 0xec && (p[1] & 0xc0) == 0x80 &&
        (p[2] & 0xc0) == 0x80) {
        *cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
        return 3;
    }
    return utf8proc_iterate(p, n, cp);
}

/* Print text to a terminal with unsafe characters shown as U+FFFD;
 * newlines are kept. */
void tdkt_safe_fputs(const char *s, FILE *out)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen((const char *)p);
    const utf8proc_uint8_t *run = p;
    while (n > 0) {
        /* Printable ASCII, most of any output, needs no decoding. */
        if (n >= 8 && word_printable(word_at(p))) {
            p += 8;
            n -= 8;
            continue;
        }
        if ((*p >= 0x20 && *p < 0x7f) || *p == '\n') {
            p++;
            n--;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = next_cp(p, n, &cp);
        bool bad = k <= 0 || (unsafe_cp(cp) && cp != '\n');
        if (k <= 0)
            k = 1;
        if (bad) {
            fwrite(run, 1, (size_t)(p - run), out);
            fputs("\xEF\xBF\xBD", out);
            run = p + k;
        }
        p += k;
        n -= k;
    }
    fwrite(run, 1, (size_t)(p - run), out);
}

int tdkt_safe_printf(FILE *out, const char *fmt, ...)
{
    /* A stack buffer first: error messages must print even when memory
     * has run out. */
    char small[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return TDKT_OK; /* nothing to print */
    if ((size_t)n < sizeof small) {
        tdkt_safe_fputs(small, out);
        return TDKT_OK;
    }
    char *text = malloc((size_t)n + 1);
    if (!text) {
        tdkt_safe_fputs(small, out); /* truncated, but said */
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tdkt_safe_fputs(text, out);
    free(text);
    return TDKT_OK;
}

static char *sanitise(const char *s)
{
    tdkt_buf b = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen((const char *)p);
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, n, &cp);
        if (k <= 0) {
            tdkt_buf_puts(&b, "\xEF\xBF\xBD");
            p++;
            n--;
            continue;
        }
        if (unsafe_cp(cp))
            tdkt_buf_puts(&b, "\xEF\xBF\xBD");
        else
            tdkt_buf_put(&b, (const char *)p, (size_t)k);
        p += k;
        n -= k;
    }
    if (b.oom) {
        tdkt_buf_free(&b);
        return NULL;
    }
    if (!b.ptr)
        return strdup("");
    return b.ptr;
}

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
        row[i] = cells ? sanitise(cells[i]) : NULL;
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
