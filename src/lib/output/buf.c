/* A growable string buffer, JSON and CSV escaping. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/output.h"
#include "output/append.h"
#include "output/words.h"

static const char *const format_names[] = {"table", "jsonl", "csv",
                                           "json",  "md",    "xlsx"};

int tdkt_format_parse(tdkt_format *out, const char *name)
{
    for (int i = 0; i < (int)(sizeof format_names / sizeof *format_names);
         i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (tdkt_format)i;
            return 0;
        }
    return -1;
}

const char *tdkt_format_name(tdkt_format f)
{
    return (unsigned)f < sizeof format_names / sizeof *format_names
               ? format_names[f]
               : "?";
}

static bool grow(tdkt_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->ptr, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}

char *buf_room(tdkt_buf *b, size_t n)
{
    return grow(b, n) ? b->ptr + b->len : NULL;
}

void tdkt_buf_put(tdkt_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void tdkt_buf_puts(tdkt_buf *b, const char *s)
{
    tdkt_buf_put(b, s, strlen(s));
}

void tdkt_buf_vprintf(tdkt_buf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return;
    /* Into the room there is first: formatting twice (to measure, then to
     * write) only when it does not fit. */
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, ap);
    if (n >= 0 && (size_t)n >= room && grow(b, (size_t)n))
        vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, again);
    if (n >= 0 && !b->oom)
        b->len += (size_t)n;
    else if (b->ptr)
        b->ptr[b->len] = '\0'; /* a cut text is not kept */
    va_end(again);
}

void tdkt_buf_printf(tdkt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tdkt_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void tdkt_buf_free(tdkt_buf *b)
{
    free(b->ptr);
    memset(b, 0, sizeof *b);
}

const char *tdkt_buf_cstr(const tdkt_buf *b)
{
    return b->ptr ? b->ptr : "";
}

void tdkt_json_str(tdkt_buf *b, const char *s)
{
    if (!s) {
        buf_lit(b, "null");
        return;
    }
    buf_add(b, "\"", 1);
    /* Copy runs of plain bytes at once: most text needs no escape. */
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    size_t len = strlen(s);
    const unsigned char *words_end = len >= 8 ? p + len - 7 : p;
    for (;; p++) {
        while (p < words_end) {
            uint64_t w = word_at(p);
            if (word_below(w, 0x20) | word_equal(w, '"') |
                word_equal(w, '\\'))
                break;
            p += 8;
        }
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        buf_add(b, (const char *)run, (size_t)(p - run));
        if (c == '\0')
            break;
        char esc[8];
        switch (c) {
        case '"': buf_add(b, "\\\"", 2); break;
        case '\\': buf_add(b, "\\\\", 2); break;
        case '\n': buf_add(b, "\\n", 2); break;
        case '\r': buf_add(b, "\\r", 2); break;
        case '\t': buf_add(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            buf_add(b, esc, 6);
        }
        run = p + 1;
    }
    buf_add(b, "\"", 1);
}

void tdkt_json_strs(tdkt_buf *b, const char *const *s, size_t n)
{
    buf_add(b, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_add(b, ",", 1);
        tdkt_json_str(b, s[i]);
    }
    buf_add(b, "]", 1);
}

void tdkt_csv_cell(tdkt_buf *b, const char *s)
{
    if (!s)
        return;
    /* A spreadsheet runs a cell starting with = + - @ (or tab/CR) as a
     * formula; an apostrophe makes it text. A plain number like -1 stays a
     * number ("-2+3+cmd|…" is not one). */
    bool number = false;
    if (s[0] == '-') {
        char *end;
        (void)strtod(s, &end);
        number = end != s && *end == '\0';
    }
    bool formula = (s[0] == '=' || s[0] == '+' || s[0] == '@' ||
                    s[0] == '\t' || s[0] == '\r' ||
                    (s[0] == '-' && !number));
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        tdkt_buf_puts(b, s);
        return;
    }
    tdkt_buf_put(b, "\"", 1);
    if (formula)
        tdkt_buf_put(b, "'", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            tdkt_buf_put(b, "\"", 1);
        tdkt_buf_put(b, p, 1);
    }
    tdkt_buf_put(b, "\"", 1);
}

void tdkt_csv_row(tdkt_buf *b, const char *const *cells, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (c)
            buf_add(b, ",", 1);
        tdkt_csv_cell(b, cells[c]);
    }
}
