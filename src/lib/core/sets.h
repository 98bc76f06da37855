/*
 * In-memory sets (internal): every reference of an import is checked
 * against them, never with a query per row, and a saved run numbers its
 * distinct detail texts with one.
 *
 * tdkt__strset interns strings (ids, fact keys, vocabulary spellings) and
 * numbers them 0, 1, 2… in insertion order; each entry carries the place
 * an import first defines it and a small value. tdkt__keymap maps exact
 * 64-bit natural keys to the place they were first seen, to catch a row
 * given twice. Both are open-addressed and grow by doubling; strings live
 * in large blocks, so adding allocates only now and then.
 */
#ifndef TDKT_CORE_SETS_H
#define TDKT_CORE_SETS_H

#include <stddef.h>
#include <stdint.h>

#include "tdkt/common.h"

#define TDKT__NONE UINT32_MAX

/*
 * Room for one more element in an array of @p count elements of @p size
 * bytes whose capacity is @p cap: @p items itself, or a copy twice as
 * large (the capacity updated). NULL when out of memory, with @p items and
 * @p cap unchanged. Shared by the sets and the CSV reader.
 */
void *tdkt__grow(void *items, size_t count, size_t *cap, size_t size);

typedef struct tdkt__strset_entry {
    const char *s; /* NUL-terminated copy, owned by the set */
    uint32_t len;
    uint32_t hash;
    uint32_t file; /* 1-based file index of the first definition, 0: none */
    uint32_t line;
    int32_t value; /* free for the user (e.g. a vocabulary index) */
} tdkt__strset_entry;

typedef struct tdkt__strset_block tdkt__strset_block;

typedef struct tdkt__strset {
    tdkt__strset_entry *entries;
    uint32_t count;
    size_t entries_cap;
    uint32_t *slots; /* entry index + 1, 0 for an empty slot */
    uint32_t mask;   /* slot count - 1 */
    uint32_t last;   /* the last entry found + 1: rows of one subject come
                        together, so most lookups ask for it again */
    tdkt__strset_block *blocks;
} tdkt__strset;

/*
 * Add @p s (length @p len) unless present; its index goes to @p idx.
 * @return 1 when added, 0 when it was there, TDKT_ENOMEM
 */
int tdkt__strset_add(tdkt__strset *set,
                     const char *s,
                     size_t len,
                     uint32_t *idx);
/* The index of @p s, or TDKT__NONE. */
uint32_t tdkt__strset_find(tdkt__strset *set, const char *s, size_t len);
/* Entry @p idx (borrowed; moves when the set grows). */
tdkt__strset_entry *tdkt__strset_at(const tdkt__strset *set, uint32_t idx);
void tdkt__strset_free(tdkt__strset *set);

typedef struct tdkt__keymap_slot {
    uint64_t key;
    uint32_t file; /* as in tdkt__strset_entry */
    uint32_t line; /* 0 marks an empty slot */
} tdkt__keymap_slot;

typedef struct tdkt__keymap {
    tdkt__keymap_slot *slots;
    size_t count, mask;
    size_t mapped; /* bytes mapped for the slots, 0: from malloc */
    void *map_base;
    int group_shift;
} tdkt__keymap;

/*
 * Remember @p key as seen at @p file, @p line (line > 0), unless it was
 * seen before: then @p first receives where. Keys equal above bit
 * @p group_shift (one subject's rows) are kept in neighbouring slots, so
 * that the rows of a subject, which come together, share cache lines;
 * the shift must be the same for every key of a map.
 * @return 1 when new, 0 when seen before, TDKT_ENOMEM
 */
int tdkt__keymap_put(tdkt__keymap *map,
                     uint64_t key,
                     int group_shift,
                     uint32_t file,
                     uint32_t line,
                     tdkt__keymap_slot *first);
void tdkt__keymap_free(tdkt__keymap *map);

#endif
