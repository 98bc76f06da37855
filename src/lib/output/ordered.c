/*
 * Workers format a batch of items, chunk by chunk, into one buffer per
 * chunk; the calling thread writes the batch before in order meanwhile,
 * then waits for them. Two batches alternate, so memory stays a few
 * megabytes however many items there are, and the output is the same
 * bytes on any number of threads.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "output/ordered.h"

#define CHUNK 128            /* items per buffer */
#define CHUNKS_PER_THREAD 8  /* per batch: enough to even out the threads */

typedef struct batch {
    print_item_fn *fn;
    const void *ctx;
    size_t first, n;  /* items */
    size_t nchunks;
    tdkt_buf *bufs;   /* one per chunk, kept from batch to batch */
    atomic_size_t next; /* the next chunk to format */
    atomic_bool failed;
} batch;

static void *format_chunks(void *arg)
{
    batch *b = arg;
    size_t c;
    while ((c = atomic_fetch_add(&b->next, 1)) < b->nchunks) {
        tdkt_buf *out = &b->bufs[c];
        out->len = 0;
        size_t from = b->first + c * CHUNK;
        size_t to = from + CHUNK < b->first + b->n ? from + CHUNK
                                                   : b->first + b->n;
        for (size_t i = from; i < to; i++)
            if (!b->fn(b->ctx, i, out) || out->oom) {
                atomic_store(&b->failed, true);
                return NULL;
            }
    }
    return NULL;
}

static void write_batch(const batch *b, FILE *out)
{
    for (size_t c = 0; c < b->nchunks; c++)
        if (b->bufs[c].len)
            fwrite(b->bufs[c].ptr, 1, b->bufs[c].len, out);
}

/* Start formatting b on up to @p threads threads; @return how many
 * started (none: the caller formats it). */
static int start(batch *b, int threads, pthread_t *tids)
{
    int started = 0;
    while (threads > 1 && started < threads &&
           pthread_create(&tids[started], NULL, format_chunks, b) == 0)
        started++;
    return started;
}

int print_ordered(size_t n, int threads, print_item_fn *fn, const void *ctx,
                  FILE *out)
{
    if (threads < 1)
        threads = 1;
    size_t per_chunks = (size_t)threads * CHUNKS_PER_THREAD;
    batch b[2] = {{.fn = fn, .ctx = ctx}, {.fn = fn, .ctx = ctx}};
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    b[0].bufs = calloc(per_chunks, sizeof *b[0].bufs);
    b[1].bufs = calloc(per_chunks, sizeof *b[1].bufs);
    int error = TDKT_OK;
    if (!tids || !b[0].bufs || !b[1].bufs) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    batch *pending = NULL; /* formatted, not yet written */
    for (size_t first = 0, k = 0; first < n; k++) {
        batch *cur = &b[k % 2];
        cur->first = first;
        cur->n = n - first < per_chunks * CHUNK ? n - first
                                                : per_chunks * CHUNK;
        cur->nchunks = (cur->n + CHUNK - 1) / CHUNK;
        atomic_store(&cur->next, 0);
        atomic_store(&cur->failed, false);
        int started = start(cur, threads, tids);
        if (pending)
            write_batch(pending, out);
        if (started == 0)
            format_chunks(cur);
        for (int t = 0; t < started; t++)
            pthread_join(tids[t], NULL);
        if (atomic_load(&cur->failed)) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            pending = NULL;
            break;
        }
        pending = cur;
        first += cur->n;
    }
    if (pending)
        write_batch(pending, out);
done:
    for (int k = 0; k < 2; k++) {
        for (size_t c = 0; b[k].bufs && c < per_chunks; c++)
            tdkt_buf_free(&b[k].bufs[c]);
        free(b[k].bufs);
    }
    free(tids);
    return error;
}
