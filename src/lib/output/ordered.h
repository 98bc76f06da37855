/*
 * Printing many items in their order, formatted on every core (a run's
 * results: hundreds of megabytes at a hundred thousand people).
 */
#ifndef TDKT_OUTPUT_ORDERED_H
#define TDKT_OUTPUT_ORDERED_H

#include <stdbool.h>
#include <stdio.h>

#include "tdkt/output.h"

/* Append item i's text to b; false when it cannot (b->oom counts too).
 * Called from several threads at once, each with its own buffer. */
typedef bool print_item_fn(const void *ctx, size_t i, tdkt_buf *b);

/* Format items 0..n-1 with fn on @p threads threads (at least one) and
 * write their texts to out in item order, while the next are formatted.
 * @return TDKT_OK, or TDKT_ENOMEM: the items before the batch that failed
 * are printed whole, nothing of it or after */
int print_ordered(size_t n, int threads, print_item_fn *fn, const void *ctx,
                  FILE *out);

#endif
