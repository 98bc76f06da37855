/*
 * Bulk writing into empty tables (internal). A table's secondary indexes
 * are dropped before its rows are written and created again after, in
 * the same transaction: SQLite then builds each index with one sort
 * instead of one B-tree insertion per row. Partial indexes stay: they
 * take few rows, and building one again would read the whole table.
 * Only for a table that is empty when the import begins; re-indexing the
 * rows already stored would cost more than it saves. A rollback brings the indexes back with the rest.
 */
#ifndef TDKT_IMPORT_BULK_H
#define TDKT_IMPORT_BULK_H

#include <sqlite3.h>

#include "tdkt/output.h"

#include <stdbool.h>

/* Whether @p table has no row; false with *@p error set when it cannot
 * be read. */
bool tdkt__table_empty(sqlite3 *db, const char *table, int *error);

typedef struct tdkt__bulk {
    tdkt_buf create; /* the CREATE INDEX statements of the dropped ones */
} tdkt__bulk;

/* Drop @p table's secondary indexes when it has no row (inside a write
 * transaction), remembering them in @p b. @return 0, TDKT_EDB, TDKT_ENOMEM */
int tdkt__bulk_begin(sqlite3 *db, const char *table, tdkt__bulk *b);

/* Create again the indexes @p b dropped; @p b is empty after.
 * @return 0, TDKT_EDB, TDKT_ENOMEM */
int tdkt__bulk_end(sqlite3 *db, tdkt__bulk *b);

void tdkt__bulk_free(tdkt__bulk *b);

#endif
