/* String → int32 map used by the index (see map.c). */
#ifndef TDKT_IX_MAP_H
#define TDKT_IX_MAP_H

#include "index/index_internal.h"

/* Insert or replace; the key is borrowed. @return 0 or -1 (no memory). */
int ix_map_put(ix_map *m, const char *key, int32_t val);
/* The value, or -1 when absent. */
/* Make room for @p n keys in all, so that adding them does not rehash.
 * @return 0 or -1 (no memory). */
int ix_map_reserve(ix_map *m, size_t n);
int32_t ix_map_get(const ix_map *m, const char *key);
void ix_map_free(ix_map *m);

#endif
