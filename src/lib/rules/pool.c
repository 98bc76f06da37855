/*
 * The small-block allocator of one rule state (pool.h).
 */
#include <stdlib.h>
#include <string.h>

#include "rules/pool.h"

#ifndef TDKT_LUA_POOL
#define TDKT_LUA_POOL 1
#endif
/* Under AddressSanitizer (the test and fuzz builds) every block is
 * malloc's, so that it checks each one. */
#if defined(__SANITIZE_ADDRESS__)
#undef TDKT_LUA_POOL
#define TDKT_LUA_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#undef TDKT_LUA_POOL
#define TDKT_LUA_POOL 0
#endif
#endif

/* 64 KiB a chunk: a state's first nomination fills a few; the rest of
 * the run reuses their blocks. */
#define CHUNK_BYTES (64u * 1024u)

/* A chunk's header, as large as malloc's alignment, so that blocks after
 * it stay aligned for any Lua object. */
struct pool_chunk {
    union {
        pool_chunk *next;
        max_align_t align;
    } h;
};

_Static_assert(sizeof(pool_chunk) % POOL_GRAIN == 0,
               "blocks after a chunk's header keep their alignment");

static size_t class_of(size_t n)
{
    return (n - 1) / POOL_GRAIN;
}

static void *take(rt_pool *p, size_t cls)
{
    void *b = p->free[cls];
    if (b) {
        memcpy(&p->free[cls], b, sizeof(void *)); /* its link */
        return b;
    }
    size_t size = (cls + 1) * POOL_GRAIN;
    if ((size_t)(p->bump_end - p->bump) < size) {
        pool_chunk *c = malloc(CHUNK_BYTES);
        if (!c)
            return NULL;
        c->h.next = p->chunks;
        p->chunks = c;
        p->bump = (char *)(c + 1);
        p->bump_end = (char *)c + CHUNK_BYTES;
    }
    b = p->bump;
    p->bump += size;
    return b;
}

static void give(rt_pool *p, void *b, size_t cls)
{
    memcpy(b, &p->free[cls], sizeof(void *));
    p->free[cls] = b;
}

void *rt_pool_realloc(rt_pool *p, void *ptr, size_t osize, size_t nsize)
{
    if (!ptr)
        osize = 0;
    if (!TDKT_LUA_POOL || (osize > POOL_MAX && nsize > POOL_MAX) ||
        (!ptr && nsize > POOL_MAX))
        return realloc(ptr, nsize);
    if (ptr && osize <= POOL_MAX && nsize <= POOL_MAX &&
        class_of(osize) == class_of(nsize))
        return ptr; /* the block already has the room */
    void *b = nsize <= POOL_MAX ? take(p, class_of(nsize)) : malloc(nsize);
    if (!b)
        return NULL;
    if (ptr) {
        memcpy(b, ptr, osize < nsize ? osize : nsize);
        rt_pool_free(p, ptr, osize);
    }
    return b;
}

void rt_pool_free(rt_pool *p, void *ptr, size_t osize)
{
    if (!ptr)
        return;
    if (!TDKT_LUA_POOL || osize > POOL_MAX)
        free(ptr);
    else
        give(p, ptr, class_of(osize));
}

void rt_pool_release(rt_pool *p)
{
    for (pool_chunk *c = p->chunks, *next; c; c = next) {
        next = c->h.next;
        free(c);
    }
    memset(p, 0, sizeof *p);
}

int rt_pool_on(void)
{
    return TDKT_LUA_POOL;
}
