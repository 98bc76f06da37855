/*
 * The sets of sets.h. Linear probing over power-of-two tables: string
 * slots hold 4-byte entry numbers (kept at most half full, so a lookup
 * touches one or two cache lines), key slots hold the key itself (kept at
 * most three quarters full, as they may number tens of millions).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/msg.h"
#include "core/sets.h"

/* Strings are copied into blocks of this size (or one of their own when
 * longer), so interning a million ids makes a few dozen allocations. */
#define BLOCK_SIZE ((size_t)1 << 20)

struct tdkt__strset_block {
    tdkt__strset_block *next;
    size_t used, cap;
    char data[];
};

void *tdkt__grow(void *items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap * 2 : 16;
    if (n < *cap || n > SIZE_MAX / size)
        return NULL;
    void *p = realloc(items, n * size);
    if (p)
        *cap = n;
    return p;
}

/* A 64-bit finaliser (splitmix64): every input bit moves every output
 * bit, so ids differing only in a trailing digit spread over the table. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return x;
}

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = mix64(h ^ w);
        s += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, len);
    return (uint32_t)mix64(h ^ w);
}

static const char *copy_string(tdkt__strset *set, const char *s, size_t len)
{
    tdkt__strset_block *b = set->blocks;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        /* A string of its own goes behind the current block, which may
         * still have room for the next short ones. */
        if (set->blocks && cap > BLOCK_SIZE) {
            b->next = set->blocks->next;
            set->blocks->next = b;
        } else {
            b->next = set->blocks;
            set->blocks = b;
        }
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

static uint32_t probe(const tdkt__strset *set,
                      const char *s,
                      size_t len,
                      uint32_t hash,
                      uint32_t *slot)
{
    uint32_t i = hash & set->mask;
    for (;;) {
        uint32_t e = set->slots[i];
        if (e == 0) {
            *slot = i;
            return TDKT__NONE;
        }
        const tdkt__strset_entry *en = &set->entries[e - 1];
        if (en->hash == hash && en->len == len && memcmp(en->s, s, len) == 0)
            return e - 1;
        i = (i + 1) & set->mask;
    }
}

static int grow_slots(tdkt__strset *set)
{
    uint32_t nslots = set->slots ? (set->mask + 1) * 2 : 64;
    if (nslots == 0)
        return tdkt_error_set(TDKT_ENOMEM,
                              TDKT_MSG("quá nhiều chuỗi ký tự khác nhau",
                                       "too many strings"));
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    uint32_t mask = nslots - 1;
    for (uint32_t e = 0; e < set->count; e++) {
        uint32_t i = set->entries[e].hash & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = e + 1;
    }
    free(set->slots);
    set->slots = slots;
    set->mask = mask;
    return TDKT_OK;
}

uint32_t tdkt__strset_find(tdkt__strset *set, const char *s, size_t len)
{
    if (!set->slots)
        return TDKT__NONE;
    if (set->last) {
        const tdkt__strset_entry *e = &set->entries[set->last - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0)
            return set->last - 1;
    }
    uint32_t slot;
    uint32_t idx = probe(set, s, len, hash_bytes(s, len), &slot);
    if (idx != TDKT__NONE)
        set->last = idx + 1;
    return idx;
}

int tdkt__strset_add(tdkt__strset *set,
                     const char *s,
                     size_t len,
                     uint32_t *idx)
{
    if (len >= UINT32_MAX)
        return tdkt_error_set(TDKT_ENOMEM,
                              TDKT_MSG("chuỗi ký tự quá dài",
                                       "string too long"));
    int error;
    if (!set->slots && (error = grow_slots(set)) < 0)
        return error;
    uint32_t hash = hash_bytes(s, len), slot;
    uint32_t found = probe(set, s, len, hash, &slot);
    if (found != TDKT__NONE) {
        *idx = found;
        return 0;
    }
    if (set->count == TDKT__NONE - 1)
        return tdkt_error_set(TDKT_ENOMEM,
                              TDKT_MSG("quá nhiều chuỗi ký tự khác nhau",
                                       "too many strings"));
    tdkt__strset_entry *en =
        tdkt__grow(set->entries, set->count, &set->entries_cap, sizeof *en);
    if (!en)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    set->entries = en;
    const char *copy = copy_string(set, s, len);
    if (!copy)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    en = &set->entries[set->count];
    *en = (tdkt__strset_entry){.s = copy, .len = (uint32_t)len, .hash = hash};
    set->slots[slot] = ++set->count;
    *idx = set->count - 1;
    /* Keep the table at most half full. */
    if ((uint64_t)set->count * 2 > (uint64_t)set->mask + 1 &&
        (error = grow_slots(set)) < 0)
        return error;
    return 1;
}

tdkt__strset_entry *tdkt__strset_at(const tdkt__strset *set, uint32_t idx)
{
    return idx < set->count ? &set->entries[idx] : NULL;
}

void tdkt__strset_free(tdkt__strset *set)
{
    tdkt__strset_block *b = set->blocks;
    while (b) {
        tdkt__strset_block *next = b->next;
        free(b);
        b = next;
    }
    free(set->entries);
    free(set->slots);
    memset(set, 0, sizeof *set);
}

/* Key tables past this size get pages of their own, with transparent
 * huge pages asked for: tens of millions of keys probed at random would
 * otherwise miss the TLB on nearly every row. */
#define MAP_THRESHOLD ((size_t)4 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static void free_slots(tdkt__keymap *map)
{
    if (map->mapped)
        munmap(map->map_base, map->mapped);
    else
        free(map->slots);
}

static tdkt__keymap_slot *
alloc_slots(size_t nslots, size_t *mapped, void **base)
{
    size_t size = nslots * sizeof(tdkt__keymap_slot);
    *mapped = 0;
    *base = NULL;
    if (size < MAP_THRESHOLD)
        return calloc(nslots, sizeof(tdkt__keymap_slot));
    size_t len = size + HUGE_PAGE;
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uintptr_t aligned = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
#ifdef MADV_HUGEPAGE
    madvise((void *)aligned, size, MADV_HUGEPAGE); /* a hint; may fail */
#endif
    *mapped = len;
    *base = p;
    return (tdkt__keymap_slot *)aligned; /* anonymous pages read as zero */
}

/* The first slot to probe: a group of 8 slots (two cache lines) chosen by
 * the key's subject, then a place in it chosen by the whole key. */
static size_t first_slot(const tdkt__keymap *map, uint64_t key)
{
    uint64_t group = map->group_shift < 64 ? key >> map->group_shift : 0;
    return ((size_t)mix64(group) & map->mask & ~(size_t)7) |
           ((size_t)mix64(key) & 7 & map->mask);
}

static int grow_keys(tdkt__keymap *map)
{
    size_t nslots = map->slots ? (map->mask + 1) * 2 : 1024;
    size_t mapped;
    void *base;
    tdkt__keymap_slot *slots = alloc_slots(nslots, &mapped, &base);
    if (!slots)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    tdkt__keymap old = *map;
    map->slots = slots;
    map->mask = nslots - 1;
    map->mapped = mapped;
    map->map_base = base;
    for (size_t k = 0; old.slots && k <= old.mask; k++) {
        if (!old.slots[k].line)
            continue;
        size_t i = first_slot(map, old.slots[k].key);
        while (slots[i].line)
            i = (i + 1) & map->mask;
        slots[i] = old.slots[k];
    }
    if (old.slots)
        free_slots(&old);
    return TDKT_OK;
}

int tdkt__keymap_put(tdkt__keymap *map,
                     uint64_t key,
                     int group_shift,
                     uint32_t file,
                     uint32_t line,
                     tdkt__keymap_slot *first)
{
    int error;
    map->group_shift = group_shift;
    /* At most half full: subjects' keys come in clumps, which lengthen
     * linear probes faster than single keys do. */
    if ((!map->slots || (map->count + 1) * 2 > map->mask + 1) &&
        (error = grow_keys(map)) < 0)
        return error;
    size_t i = first_slot(map, key);
    while (map->slots[i].line) {
        if (map->slots[i].key == key) {
            *first = map->slots[i];
            return 0;
        }
        i = (i + 1) & map->mask;
    }
    map->slots[i] = (tdkt__keymap_slot){.key = key, .file = file, .line = line};
    map->count++;
    return 1;
}

void tdkt__keymap_free(tdkt__keymap *map)
{
    if (map->slots)
        free_slots(map);
    memset(map, 0, sizeof *map);
}
