/* A bump allocator for result details: one block list per worker thread,
 * freed all at once with the results. */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

#define BLOCK (256u << 10)

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > BLOCK ? n : BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b) {
            a->failed = true;
            return NULL;
        }
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

/* A copy of s; on failure "" (callers need not check), and the arena
 * remembers the failure, so that no result goes out without its text. */
char *arena_str(void *ap, const char *s, size_t n)
{
    static char empty[] = "";
    if (n == 0)
        return empty;
    char *p = arena_alloc(ap, n + 1);
    if (!p)
        return empty;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_free(arena *a)
{
    while (a->head) {
        arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}
