/**
 * @file output.h
 * Output primitives shared by every command's printers: formats, a growable
 * string buffer, JSON and CSV escaping, and an aligned text table that
 * measures Vietnamese text by display width.
 *
 * Hostile text is defused here, once: CSV cells that a spreadsheet would run
 * as a formula (leading = + - @) are prefixed with an apostrophe, control
 * and bidirectional-override characters are shown as U+FFFD in terminal
 * tables, and a newline inside a line's text as ⏎ (U+23CE).
 */
#ifndef TDKT_OUTPUT_H
#define TDKT_OUTPUT_H

#include <stdarg.h>
#include <stdio.h>
#include "tdkt/common.h"

typedef enum tdkt_format {
    TDKT_FMT_TABLE, TDKT_FMT_JSONL, TDKT_FMT_CSV, TDKT_FMT_JSON,
    TDKT_FMT_MD, TDKT_FMT_XLSX
} tdkt_format;

/** Parse a format name. @return 0 or -1 */
TDKT_API int tdkt_format_parse(tdkt_format *out, const char *name);
TDKT_API const char *tdkt_format_name(tdkt_format f);

/** Growable NUL-terminated string; zero-initialise before use. */
typedef struct tdkt_buf {
    char *ptr;
    size_t len;
    size_t cap;
    bool oom; /**< an append failed; the content is truncated */
} tdkt_buf;

TDKT_API void tdkt_buf_put(tdkt_buf *b, const char *s, size_t n);
TDKT_API void tdkt_buf_puts(tdkt_buf *b, const char *s);
TDKT_API void tdkt_buf_printf(tdkt_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
TDKT_API void tdkt_buf_vprintf(tdkt_buf *b, const char *fmt, va_list ap);
TDKT_API void tdkt_buf_free(tdkt_buf *b);
/** The content ("" when empty); borrowed from the buffer. */
TDKT_API const char *tdkt_buf_cstr(const tdkt_buf *b);

/** Append @p s as a JSON string literal, quotes included (NULL → null). */
TDKT_API void tdkt_json_str(tdkt_buf *b, const char *s);
/** Append @p n texts as a JSON array of strings ("[]" when none). */
TDKT_API void tdkt_json_strs(tdkt_buf *b, const char *const *s, size_t n);
/** Append @p s as one CSV cell (quoted when needed, formulas defused). */
TDKT_API void tdkt_csv_cell(tdkt_buf *b, const char *s);
/** Append @p n cells as one CSV row, comma-separated, without its newline. */
TDKT_API void tdkt_csv_row(tdkt_buf *b, const char *const *cells, size_t n);

/**
 * Print text meant for a terminal: control and bidirectional-override
 * characters (and invalid UTF-8) become U+FFFD.
 *
 * tdkt_safe_fputs() prints a whole text, newlines kept: a CSV row with a
 * line break in a quoted cell, JSON lines, text made of lines already.
 *
 * tdkt_safe_printf() prints lines: the newlines its format begins and ends
 * with are kept, and any other newline (one in the text put in the format,
 * a rule's detail or message) is shown as ⏎, so that the text cannot begin
 * a line of its own that reads like another result. A format with a line
 * break in its middle is two calls. It formats into 2 KB on the stack
 * (messages print even when memory has run out), a longer text into the
 * heap.
 * @return TDKT_OK, or TDKT_ENOMEM when a longer text could not be
 *         allocated and only its first 2 KB were printed
 */
TDKT_API void tdkt_safe_fputs(const char *s, FILE *out);
TDKT_API int tdkt_safe_printf(FILE *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** The same into a buffer: append the formatted text made terminal-safe,
 * its newlines as tdkt_safe_printf() has them. */
TDKT_API void tdkt_buf_safe_printf(tdkt_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** Make the buffer's text from byte @p start on terminal-safe, in place,
 * newlines kept as tdkt_safe_fputs() keeps them (text built with the
 * other appends, then checked once). */
TDKT_API void tdkt_buf_make_safe(tdkt_buf *b, size_t start);

/** Display width of UTF-8 text in a terminal (Vietnamese, wide CJK). */
TDKT_API int tdkt_text_width(const char *s);

/**
 * An aligned text table. Add a header, then rows of the same number of
 * cells; tdkt_table_print() pads each column to its widest cell.
 */
typedef struct tdkt_table tdkt_table;
TDKT_API tdkt_table *tdkt_table_new(int ncols);
/** Right-align column @p col (numbers). */
TDKT_API void tdkt_table_align_right(tdkt_table *t, int col);
/** Add one row of ncols cells (copied; NULL prints as empty). */
TDKT_API void tdkt_table_row(tdkt_table *t, const char *const *cells);
/** Add a horizontal rule before the next row. */
TDKT_API void tdkt_table_rule(tdkt_table *t);
/** Print the table; TDKT_ENOMEM (nothing printed) when memory ran out
 * while it was built (a NULL table, a lost row or cell). */
TDKT_API int tdkt_table_print(const tdkt_table *t, FILE *out);
TDKT_API void tdkt_table_free(tdkt_table *t);

/** Flush @p out and tell whether all that was written to it arrived:
 * TDKT_OK, or TDKT_ERROR (the disk is full, the reader has gone) with a
 * message in @p lang. Every printing function ends with it. */
TDKT_API int tdkt_output_done(FILE *out, tdkt_lang lang);

/** Pick the text in the language: @p vi or @p en. */
#define TDKT_TR(lang, vi, en) ((lang) == TDKT_LANG_EN ? (en) : (vi))

#endif
