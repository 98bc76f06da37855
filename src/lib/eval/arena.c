/* A bump allocator for result details: one block list per worker thread,
 * freed all at once with the results.
 *
 * Details repeat: the 10 or so criteria of each of a million nominations
 * say "không có", "compliance = 1" or "2022: excellent, 2023: good" with
 * some hundred thousand distinct texts among ten million. So each arena
 * keeps one copy of each short text it is given and hands it out again:
 * at a million people that is a few MB per thread instead of a few
 * hundred, in every evaluation and on both sides of a diff. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

#define BLOCK (256u << 10)
/* Longer texts are mostly unique (error messages, long details): copied
 * without a look. */
#define SHARED_MAX 256
#define TEXTS_MIN 1024

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

/* Eight bytes at a time: the texts are short, and this runs for every
 * criterion judged. */
static uint32_t text_hash(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    return (uint32_t)(h ^ h >> 29);
}

/* Double the table, or make it; false if there is no memory for it
 * (texts are then copied each time: more memory, same results). */
static bool texts_grow(arena *a)
{
    size_t cap = a->texts_cap ? a->texts_cap * 2 : TEXTS_MIN;
    arena_text *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < a->texts_cap; i++) {
        if (!a->texts[i].p)
            continue;
        size_t k = a->texts[i].hash & (cap - 1);
        while (t[k].p)
            k = (k + 1) & (cap - 1);
        t[k] = a->texts[i];
    }
    free(a->texts);
    a->texts = t;
    a->texts_cap = cap;
    return true;
}

/* A copy of s[0..n) and a NUL, with any NUL byte in it shown
 * (rt_detail_copy); then *shown. */
static char *copy(arena *a, const char *s, size_t n, bool *shown)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    size_t len = rt_detail_copy(p, s, n);
    if (len == n)
        return p;
    /* Rare: the text shown takes more room; the first copy stays unused
     * in the arena. */
    *shown = true;
    if ((p = arena_alloc(a, len + 1)))
        rt_detail_show(p, s, n);
    return p;
}

/* On failure "" (callers need not check), and the arena remembers the
 * failure, so that no result goes out without its text. */
char *arena_str(void *ap, const char *s, size_t n)
{
    static char empty[] = "";
    arena *a = ap;
    bool shown = false;
    if (n == 0)
        return empty;
    if (n > SHARED_MAX ||
        (a->ntexts * 2 >= a->texts_cap && !texts_grow(a))) {
        char *p = copy(a, s, n, &shown);
        return p ? p : empty;
    }
    uint32_t h = text_hash(s, n);
    size_t k = h & (a->texts_cap - 1);
    for (; a->texts[k].p; k = (k + 1) & (a->texts_cap - 1))
        if (a->texts[k].hash == h && a->texts[k].len == n &&
            memcmp(a->texts[k].p, s, n) == 0)
            return (char *)a->texts[k].p;
    char *p = copy(a, s, n, &shown);
    if (!p)
        return empty;
    if (shown) /* not s's bytes: never handed out for them */
        return p;
    a->texts[k] = (arena_text){h, (uint32_t)n, p};
    a->ntexts++;
    return p;
}

void arena_free(arena *a)
{
    while (a->head) {
        arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
    free(a->texts);
    a->texts = NULL;
    a->ntexts = a->texts_cap = 0;
}
