/*
 * String → int32 hash map with open addressing (linear probing). Keys are
 * borrowed (they live in the index's arena); the map never frees them.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "index/map.h"

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int grow_to(ix_map *m, size_t cap)
{
    const char **keys = calloc(cap, sizeof *keys);
    int32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = hash(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

/* Room for @p n keys without growing past a load of 3/4. */
static bool fits(const ix_map *m, size_t n)
{
    return n * 4 <= m->cap * 3;
}

int ix_map_reserve(ix_map *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while (n * 4 > cap * 3)
        cap *= 2;
    return cap == m->cap ? 0 : grow_to(m, cap);
}

int ix_map_put(ix_map *m, const char *key, int32_t val)
{
    if (!fits(m, m->count + 1) && grow_to(m, m->cap ? m->cap * 2 : 64) < 0)
        return -1;
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0) {
            m->vals[j] = val;
            return 0;
        }
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = val;
    m->count++;
    return 0;
}

int32_t ix_map_get(const ix_map *m, const char *key)
{
    if (!m->cap || !key)
        return -1;
    size_t j = hash(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], key) == 0)
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}

void ix_map_free(ix_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

