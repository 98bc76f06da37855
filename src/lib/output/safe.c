/*
 * Terminal-safe text: control and bidirectional-override characters, and
 * invalid UTF-8, shown as U+FFFD, so that a name in the records cannot
 * rewrite the terminal or reorder a line; a line break inside a line's
 * text is shown as ⏎, so that a rule's detail cannot start a line of its
 * own that reads like another result. Every printer's text passes
 * through here, hundreds of megabytes for a large run, so plain text is
 * skipped a word at a time and common UTF-8 is decoded inline.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tdkt/output.h"
#include "output/append.h"
#include "output/safe.h"
#include "output/words.h"

#define REPLACEMENT "\xEF\xBF\xBD"
/* U+23CE RETURN SYMBOL, for a newline that must not break the line: a
 * multi-line detail or message is common (a rule's author writes one
 * with \n), and U+FFFD would hide that a line break stood there. It is
 * one column wide in every locale (East Asian width N), so tables stay
 * aligned, and is none of the marks the printers use (✔ ✘ ? → —). */
#define LINE_BREAK "\xE2\x8F\x8E"

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

size_t safe_emit(const char *s, size_t len, bool keep_newlines,
                 safe_sink *put, void *dst)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    const utf8proc_uint8_t *end = p + len, *run = p;
    size_t replaced = 0;
    while (p < end) {
        /* Printable ASCII, most of any output, needs no decoding. */
        if (end - p >= 8 && word_printable(word_at(p))) {
            p += 8;
            continue;
        }
        /* Something else in these eight bytes: through them one by one
         * (Vietnamese text has a letter to decode every few bytes). */
        const utf8proc_uint8_t *stop = end - p >= 8 ? p + 8 : end;
        while (p < stop) {
            if ((*p >= 0x20 && *p < 0x7f) || (*p == '\n' && keep_newlines)) {
                p++;
                continue;
            }
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = next_cp(p, end - p, &cp);
            bool bad = k <= 0 || unsafe_cp(cp);
            if (k <= 0)
                k = 1;
            if (bad) {
                replaced++;
                if (put) {
                    put(dst, (const char *)run, (size_t)(p - run));
                    put(dst, *p == '\n' ? LINE_BREAK : REPLACEMENT, 3);
                }
                run = p + k;
            }
            p += k;
        }
    }
    if (put)
        put(dst, (const char *)run, (size_t)(p - run));
    return replaced;
}

static void to_file(void *dst, const char *s, size_t n)
{
    if (n)
        fwrite(s, 1, n, dst);
}

static void to_buf(void *dst, const char *s, size_t n)
{
    buf_add(dst, s, n);
}

void tdkt_safe_fputs(const char *s, FILE *out)
{
    s = s ? s : "";
    safe_emit(s, strlen(s), true, to_file, out);
}

/* The newlines a format begins and ends with: printf copies them as they
 * are, so the formatted text begins and ends with them too. They are the
 * printer's own line breaks, the only ones a printf'd line keeps; any
 * other newline came with the text put in it. */
static void format_frame(const char *fmt, size_t *head, size_t *tail)
{
    size_t n = strlen(fmt), h = 0, t = 0;
    while (h < n && fmt[h] == '\n')
        h++;
    while (t < n - h && fmt[n - 1 - t] == '\n')
        t++;
    *head = h;
    *tail = t;
}

/* The text from byte @p start on made safe in place (its newlines kept
 * when @p keep), but for its last @p tail bytes, kept as they are.
 * Nearly always there is nothing to replace, and nothing is copied. */
static void make_safe(tdkt_buf *b, size_t start, size_t tail, bool keep)
{
    if (b->oom || b->len < start + tail)
        return;
    size_t n = b->len - start - tail;
    if (safe_emit(b->ptr + start, n, keep, NULL, NULL) == 0)
        return;
    char *text = malloc(n + tail);
    if (!text) {
        b->oom = true;
        return;
    }
    memcpy(text, b->ptr + start, n + tail);
    b->len = start;
    safe_emit(text, n, keep, to_buf, b);
    buf_add(b, text + n, tail);
    free(text);
}

void tdkt_buf_make_safe(tdkt_buf *b, size_t start)
{
    make_safe(b, start, 0, true);
}

void tdkt_buf_safe_printf(tdkt_buf *b, const char *fmt, ...)
{
    size_t start = b->len;
    va_list ap;
    va_start(ap, fmt);
    tdkt_buf_vprintf(b, fmt, ap);
    va_end(ap);
    size_t head, tail;
    format_frame(fmt, &head, &tail);
    if (b->len - start < head + tail)
        head = tail = 0; /* not the format's text: nothing is kept */
    make_safe(b, start + head, tail, false);
}

char *safe_cell(const char *s)
{
    tdkt_buf b = {0};
    s = s ? s : "";
    safe_emit(s, strlen(s), false, to_buf, &b);
    if (b.oom) {
        tdkt_buf_free(&b);
        return NULL;
    }
    return b.ptr ? b.ptr : strdup("");
}

/* @p n bytes of formatted text to @p f: the format's @p head and @p tail
 * newlines as they are, the rest made safe with its newlines shown. */
static void line_out(const char *s, size_t n, size_t head, size_t tail, FILE *f)
{
    if (head + tail > n)
        head = tail = 0; /* not the format's text: nothing is kept */
    to_file(f, s, head);
    safe_emit(s + head, n - head - tail, false, to_file, f);
    to_file(f, s + n - tail, tail);
}

int tdkt_safe_printf(FILE *out, const char *fmt, ...)
{
    /* A stack buffer first: error messages must print even when memory
     * has run out. */
    char small[2048];
    size_t head, tail;
    format_frame(fmt, &head, &tail);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return TDKT_OK; /* nothing to print */
    if ((size_t)n < sizeof small) {
        line_out(small, (size_t)n, head, tail, out);
        return TDKT_OK;
    }
    char *text = malloc((size_t)n + 1);
    if (!text) {
        /* truncated, but said; its end is not the format's */
        line_out(small, sizeof small - 1, head, 0, out);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    line_out(text, (size_t)n, head, tail, out);
    free(text);
    return TDKT_OK;
}
