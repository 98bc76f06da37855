/* The index image: the loaded index kept in a file beside the store, tied
 * to the store's records by a token (see image.c). */
#ifndef TDKT_IX_IMAGE_H
#define TDKT_IX_IMAGE_H

#include <sqlite3.h>

#include "index/index_internal.h"

/* The connection's data version (PRAGMA data_version), read before a load
 * from the tables begins; -1 when it cannot be read. */
int64_t ix_image_version(sqlite3 *db);

/* Fill the empty index @p ix from the image of @p db's store, whose token
 * is read in the caller's read transaction. @return 1 when loaded; 0 when there is no
 * usable image (@p ix is left empty). */
int ix_image_load(tdkt_index *ix, sqlite3 *db);

/* Whether the store holds a token and its image file was written with it
 * by this build (the header only; the load checks the rest). In the
 * caller's read transaction. */
bool ix_image_current(sqlite3 *db);

/* Write @p ix as the image of @p db's store, on a connection of its own,
 * if no other connection has committed since @p version was read and no
 * one holds the write lock. Best effort: the image is only a cache. */
void ix_image_store(const tdkt_index *ix, sqlite3 *db, int64_t version);

#endif
