/*
 * Writing an import into an empty store once (internal).
 *
 * In WAL mode every page of an import is written twice: into the WAL by
 * the commit, then into the database by the checkpoint (~1.5 GB each at
 * a million people). A rollback journal keeps the original content of
 * the pages a transaction changes, and pages past the file's original
 * end have none: into an empty store, the rows are written once, straight
 * into the database, and a commit is still all or nothing (a killed
 * import leaves a hot journal, which the next connection rolls back).
 *
 * Leaving WAL mode needs the database to itself: SQLite refuses it, at
 * once, while another connection has the store open, and the import then
 * takes the WAL path as before. While the import runs in rollback mode,
 * other connections wait for it as they wait for any writer: opening the
 * store switches it to WAL (tdkt_store_wal), which needs the write lock.
 * The store goes back to WAL mode when the import ends, whatever its
 * outcome.
 */
#ifndef TDKT_IMPORT_JOURNAL_H
#define TDKT_IMPORT_JOURNAL_H

#include <stdbool.h>
#include <sqlite3.h>

typedef struct tdkt__journal {
    bool rollback;   /* in rollback-journal mode for this import */
    int synchronous; /* the connection's setting, given back after */
} tdkt__journal;

/* For tests: whether the last import wrote with a rollback journal. */
extern bool tdkt__journal_used;

/* Before the import's transaction: when no record table has a row and no
 * other connection has the store open, switch @p db to a rollback
 * journal (synchronous=FULL: with a rollback journal NORMAL may corrupt
 * the file on a power loss). Any failure leaves it in WAL mode: the
 * import is then written as before, never refused for it. Not with
 * tdkt__import_fast = 0 (writer.h), the slow path. */
void tdkt__journal_begin(sqlite3 *db, tdkt__journal *j);

/* After the commit or rollback: back to WAL mode and the old setting.
 * When another connection keeps the store busy past the busy timeout, it
 * stays in rollback mode: the import is stored all the same, and the next
 * opening of the store switches it to WAL. */
void tdkt__journal_end(sqlite3 *db, tdkt__journal *j);

#endif
