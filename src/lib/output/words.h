/*
 * Eight bytes at a time: the printers pass hundreds of megabytes of text
 * (a run at 100,000 people prints over 200 MB of JSON lines), nearly all
 * of it bytes that need no escape and no check. These tests say whether a
 * word may hold a byte that does; a false alarm (a borrow or carry
 * reaching a neighbouring byte) only sends that word down the byte-by-byte
 * path, and no byte that needs it is ever missed.
 */
#ifndef TDKT_OUTPUT_WORDS_H
#define TDKT_OUTPUT_WORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define WORD_ONES 0x0101010101010101ULL
#define WORD_HIGHS 0x8080808080808080ULL

static inline uint64_t word_at(const void *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w); /* one unaligned load */
    return w;
}

/* The top bit of each byte below n (n <= 128). */
static inline uint64_t word_below(uint64_t w, unsigned n)
{
    return (w - n * WORD_ONES) & ~w & WORD_HIGHS;
}

/* The top bit of each byte equal to c. */
static inline uint64_t word_equal(uint64_t w, unsigned c)
{
    return word_below(w ^ (c * WORD_ONES), 1);
}

/* Is every byte printable ASCII (0x20..0x7e)? 0x7f and up set the top
 * bit once one is added. */
static inline bool word_printable(uint64_t w)
{
    return !((word_below(w, 0x20) | w | (w + WORD_ONES)) & WORD_HIGHS);
}

#endif
