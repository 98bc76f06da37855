/*
 * The small-block allocator of one rule state. A state judging a
 * nomination allocates and frees a few dozen small blocks (strings of
 * details, call frames, tables of options) per criterion; through malloc
 * they cost about a twentieth of the evaluation. Blocks of up to
 * POOL_MAX bytes come from free lists by size class, carved from chunks
 * that live as long as the state; larger ones go to malloc. One thread
 * uses a state at a time, so there is no lock.
 *
 * Lua's allocator contract makes this simple: every realloc or free of a
 * block names the block's size (osize), so the class is known without a
 * header. The sandbox's memory cap is counted by rt_alloc, in the sizes
 * Lua asks for, as before.
 *
 * Built without it (TDKT_LUA_POOL off, as the valgrind build is, and
 * under AddressSanitizer) every block goes to malloc, so those tools see
 * each one.
 */
#ifndef TDKT_RULES_POOL_H
#define TDKT_RULES_POOL_H

#include <stddef.h>

#define POOL_GRAIN 16
#define POOL_MAX 256
#define POOL_CLASSES (POOL_MAX / POOL_GRAIN)

typedef struct pool_chunk pool_chunk;

typedef struct rt_pool {
    void *free[POOL_CLASSES]; /* free blocks of each class, linked */
    pool_chunk *chunks;       /* every chunk, the newest first */
    char *bump, *bump_end;    /* the newest chunk's unused tail */
} rt_pool;

/* Lua's allocator, on the pool: a block of nsize bytes (nsize > 0) in
 * place of ptr (NULL, or a block of osize bytes from here), its first
 * min(osize, nsize) bytes kept; NULL when the host is out of memory (ptr
 * is then untouched). */
void *rt_pool_realloc(rt_pool *p, void *ptr, size_t osize, size_t nsize);

/* Give back a block of osize bytes (ptr may be NULL). */
void rt_pool_free(rt_pool *p, void *ptr, size_t osize);

/* Free every chunk: after lua_close(), when no block is in use. */
void rt_pool_release(rt_pool *p);

/* Whether this build pools small blocks (else all go to malloc). */
int rt_pool_on(void);

#endif
