/*
 * Terminal-safe text, inside the output module (the public part is in
 * tdkt/output.h).
 */
#ifndef TDKT_OUTPUT_SAFE_H
#define TDKT_OUTPUT_SAFE_H

#include <stdbool.h>
#include <stddef.h>

typedef void safe_sink(void *dst, const char *s, size_t n);

/* Pass @p len bytes of @p s to put (when not NULL) in runs, with U+FFFD
 * in place of each unsafe character or invalid byte, and ⏎ in place of
 * each newline unless newlines are kept. @return how many were
 * replaced */
size_t safe_emit(const char *s, size_t len, bool keep_newlines,
                 safe_sink *put, void *dst);

/* A safe copy of a table cell (a newline shown as ⏎), or NULL when
 * memory ran out. */
char *safe_cell(const char *s);

#endif
