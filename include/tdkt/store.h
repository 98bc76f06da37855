/**
 * @file store.h
 * The record store: one SQLite file holding every table of
 * shared/spec/data-format.md, the runs and decisions of evaluations, and the
 * schema version (PRAGMA user_version) that migrations key on.
 *
 * A store handle belongs to one thread. Writers take the database with
 * BEGIN IMMEDIATE, so a command either commits whole or leaves nothing.
 */
#ifndef TDKT_STORE_H
#define TDKT_STORE_H

#include "tdkt/common.h"

typedef struct tdkt_store tdkt_store;
struct sqlite3;

/** The schema version this build writes and reads. */
#define TDKT_SCHEMA_VERSION 11

enum tdkt_store_flags {
    TDKT_STORE_READ = 0,  /**< open an existing store; never create */
    TDKT_STORE_WRITE = 1, /**< create the file and schema if missing */
    /** with TDKT_STORE_WRITE: the store must exist (a mistyped path is an
     * error, not a new empty store); only an import creates one */
    TDKT_STORE_EXISTING = 2
};

/** Remove the store file at @p path and the files SQLite keeps beside
 *  it (-wal, -shm, -journal): a store just made and not kept. */
TDKT_API void tdkt_store_remove(const char *path);

/**
 * Open the store at @p path: with TDKT_STORE_WRITE create it if missing;
 * an older schema is migrated whatever the flags, in one transaction.
 * @p path is a file's ("file:…" too, which SQLite alone would read as a
 * URI), or ":memory:" for a store that ends with the handle.
 * A file that is not a tdkt store, or one written by a newer tdkt, is
 * refused without being changed.
 * @param[out] out the store; free with tdkt_store_close()
 * @return 0, TDKT_ENOTFOUND (READ and no file), TDKT_EINVALID (an empty
 *         path), TDKT_EDB or TDKT_ENOMEM
 */
TDKT_API int tdkt_store_open(tdkt_store **out, const char *path, int flags);

/** Close the store; NULL is a no-op. */
TDKT_API void tdkt_store_close(tdkt_store *store);

/** The path the store was opened with (borrowed). */
TDKT_API const char *tdkt_store_path(const tdkt_store *store);

/** The SQLite connection (borrowed), for the library's own modules. */
TDKT_API struct sqlite3 *tdkt_store_sqlite(tdkt_store *store);

/** Begin a write transaction (BEGIN IMMEDIATE, waits for a busy database). */
TDKT_API int tdkt_store_begin_write(tdkt_store *store);
/** Begin a read transaction: a consistent snapshot until commit/rollback. */
TDKT_API int tdkt_store_begin_read(tdkt_store *store);
TDKT_API int tdkt_store_commit(tdkt_store *store);
/** Roll back the open transaction, if any; never fails. */
TDKT_API void tdkt_store_rollback(tdkt_store *store);

/**
 * Run one SQL statement with no result rows; sets the error on failure.
 * @return 0 or TDKT_EDB (TDKT_EBUSY when the database stayed locked)
 */
TDKT_API int tdkt_store_exec(tdkt_store *store, const char *sql);

/**
 * For a bulk write of the record tables, inside the writer's transaction:
 * delete the index image (a cache of those tables) and drop the triggers
 * that would, on every row, delete it again and count the change in the
 * records version; tdkt_store_records_watch() puts them back before the
 * commit and counts the whole write as one change. A rollback restores
 * all of it.
 */
TDKT_API int tdkt_store_records_unwatch(tdkt_store *store);
TDKT_API int tdkt_store_records_watch(tdkt_store *store);

/**
 * The records version: a count that grows with every change to the record
 * tables (by tdkt or by anyone else), so that two reads that see the same
 * version see the same records. Read in the caller's transaction, if any.
 * @param[out] out the version; -1 when the store has none
 */
TDKT_API int tdkt_store_records_version(tdkt_store *store, int64_t *out);

/** Map a failed SQLite call on @p db to a tdkt error (message copied). */
TDKT_API int tdkt_store_fail(struct sqlite3 *db, const char *what);

/**
 * Put @p db in WAL mode (a no-op when it is), waiting for a busy database
 * as long as a writer would; @p what names it in the message.
 * @return 0, TDKT_EBUSY, TDKT_EDB or TDKT_ENOMEM
 */
TDKT_API int tdkt_store_wal(struct sqlite3 *db, const char *what);

#endif
