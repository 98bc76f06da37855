/*
 * Appending to a tdkt_buf inside the library, inline: a printed result is
 * some three hundred small appends (keys, quotes, commas), and the call to
 * tdkt_buf_put with its memcpy cost more than the bytes.
 */
#ifndef TDKT_OUTPUT_APPEND_H
#define TDKT_OUTPUT_APPEND_H

#include <string.h>

#include "tdkt/output.h"

static inline void buf_add(tdkt_buf *b, const char *s, size_t n)
{
    if (!b->oom && b->len + n < b->cap) { /* room for the NUL too */
        memcpy(b->ptr + b->len, s, n);
        b->len += n;
        b->ptr[b->len] = '\0';
    } else {
        tdkt_buf_put(b, s, n); /* grows, or marks the buffer cut */
    }
}

/* Room for @p n more bytes at b->ptr + b->len, and a NUL after them, for
 * a writer that fills them itself, then adds what it wrote to b->len;
 * NULL when memory ran out (b->oom). */
char *buf_room(tdkt_buf *b, size_t n);

/* A string literal, its length known at compile time. */
#define buf_lit(b, lit) buf_add((b), "" lit, sizeof(lit) - 1)

#endif
