/*
 * Writing the checked rows of an import (internal), batch by batch, on a
 * thread of its own: while SQLite inserts one batch, the importer reads
 * and checks the CSV rows of the next ones. The two never use the
 * connection at once: the importer touches it only after
 * tdkt__writer_drain().
 *
 * The batches go round a ring of TDKT__RING: the writer, the slower of the
 * two, takes the next one as soon as it is done with one, and waits only
 * when the importer is behind. (With two batches, the writer slept at
 * every batch until the importer woke up to hand it the next: two thread
 * wake-ups per 64 rows on the critical path.)
 *
 * Each batch is written with INSERT … ON CONFLICT DO NOTHING; the rows
 * that changed nothing were stored before the import (duplicates within
 * it are refused before they get here), so the batch is written again as
 * an UPSERT, which replaces those and leaves the new ones as they are.
 * It leaves as they are the stored rows whose cells the file gives as
 * they are stored, too: those are counted unchanged, and an import whose
 * rows all are (or that has none) changes no record (import.c).
 */
#ifndef TDKT_IMPORT_WRITER_H
#define TDKT_IMPORT_WRITER_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sqlite3.h>

#include "tdkt/output.h"
#include "import/tables.h"

/* Rows written by one statement: SQLite's cost per statement run (cursor
 * opening, VDBE start, reset) is then paid once per batch, not per row.
 * A batch holding over TDKT__BATCH_TEXT bytes of text is written early. */
#define TDKT__BATCH_ROWS 64
#define TDKT__BATCH_TEXT ((size_t)1 << 20)
#define TDKT__RING 8

/* A vocabulary code is text that outlives the import (tdkt_vocab_code),
 * pointed to rather than copied. */
enum tdkt__cell_type {
    TDKT__CELL_NULL,
    TDKT__CELL_TEXT,
    TDKT__CELL_INT,
    TDKT__CELL_CODE
};

/* A batched cell: a text is in its batch's text buffer, at offset num;
 * a code at @c code. */
typedef struct tdkt__cell {
    enum tdkt__cell_type type;
    size_t len;
    int64_t num;
    const char *code;
} tdkt__cell;

typedef struct tdkt__batch {
    int table;
    /* The cells its rows' file gives: bit j for column j of the table,
     * bit ncols for extra (the file has x_ columns). A batch holds rows
     * of files with the same columns, and its UPSERT sets only those: a
     * replaced row keeps what is stored in the others, since a file
     * without `decision_no` says nothing of an honour's signed number,
     * and must not erase it. */
    unsigned given;
    size_t rows;
    tdkt__cell cells[TDKT__BATCH_ROWS][TDKT__MAX_COLS];
    tdkt_buf text;
    struct tdkt__batch *next; /* held back: the next of its lane */
} tdkt__batch;

/* Lanes of rows held back until the end of their table: rows whose key
 * sorts before the table's main stream of rows, and rows whose key sorts
 * after it. */
enum { TDKT__HOLD_BEFORE, TDKT__HOLD_AFTER, TDKT__HOLD_LANES };

/* Whether @p b takes no more rows (it is written, or held, as it is). */
static inline bool tdkt__batch_full(const tdkt__batch *b)
{
    return b->rows == TDKT__BATCH_ROWS || b->text.len > TDKT__BATCH_TEXT;
}

/* The statements of a table: one row or a batch, probe or UPSERT. */
enum {
    TDKT__ST_INSERT_ONE,
    TDKT__ST_UPSERT_ONE,
    TDKT__ST_INSERT_MANY,
    TDKT__ST_UPSERT_MANY,
    TDKT__ST_COUNT_
};

typedef struct tdkt__writer {
    sqlite3 *db;
    sqlite3_stmt *stmt[TDKT_T_COUNT_][TDKT__ST_COUNT_];
    /* What each parameter of a statement holds: SQLite keeps bindings
     * across resets, so the same NULL, number or code is not bound again
     * (most cells of a column repeat the one above). */
    tdkt__cell *bound[TDKT_T_COUNT_][TDKT__ST_COUNT_];
    /* The cells an UPSERT was prepared to set (a batch's given): files of
     * one table with other columns prepare it again. */
    unsigned upsert_given[TDKT_T_COUNT_][TDKT__ST_COUNT_];
    tdkt__batch batches[TDKT__RING];
    tdkt__batch *fill; /* the one being filled by the importer */
    /* Rows inserted, replaced and given again as they are stored, per
     * table (read after a drain). */
    size_t added[TDKT_T_COUNT_], replaced[TDKT_T_COUNT_],
        unchanged[TDKT_T_COUNT_];
    /* The thread; when it could not start, batches are written at once. */
    bool threaded, stop;
    pthread_t tid;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* Handed to the thread: batches[head] (being written) and the count
     * after it; the importer fills the one after those. */
    size_t head, queued;
    int error;           /* the first failure, with its message */
    char message[1024];
    /* Held back (tdkt__writer_hold): each lane's batches, oldest first. */
    tdkt__batch *held[TDKT__HOLD_LANES], *held_last[TDKT__HOLD_LANES];
} tdkt__writer;

/* For tests: 0 makes an import write on its own thread and keep the
 * secondary indexes (the slow path the fast one must match). */
extern int tdkt__import_fast;

/* Start writing to @p db; on a thread when @p threaded (and it starts). */
void tdkt__writer_init(tdkt__writer *w, sqlite3 *db, bool threaded);

/* Write the batch being filled (in the background when threaded), and
 * start an empty one. @return 0, or the error of an earlier batch (set as
 * this thread's error) */
int tdkt__writer_submit(tdkt__writer *w);

/* Submit, then wait until everything submitted is written.
 * @return 0 or the first error (set as this thread's error) */
int tdkt__writer_drain(tdkt__writer *w);

/* A batch of @p lane with room for one more row of @p table from a file
 * that gives the cells @p given, to hold it back until
 * tdkt__writer_release(); NULL when out of memory.
 *
 * Why: SQLite inserts a key at the right edge of a B-tree cheaply (the
 * cursor is on the last page already) and pays a descent from the root
 * for any other. Record files grouped by unit hold each unit's own rows
 * among its people's, and "unit" sorts after "person": once a unit's row
 * is in, every person's row landed before it. Holding those rows back
 * until the table's end cut the writer's instructions by a third. */
tdkt__batch *
tdkt__writer_hold(tdkt__writer *w, int lane, int table, unsigned given);

/* Write the held-back rows, lane by lane, each lane in the order held
 * (with @p write false, drop them).
 * @return 0 or the first error (set as this thread's error) */
int tdkt__writer_release(tdkt__writer *w, bool write);

/* Forget the rows of the batch being filled (nothing will be kept). */
void tdkt__writer_discard(tdkt__writer *w);

/* Stop the thread (after a drain) and free everything. */
void tdkt__writer_free(tdkt__writer *w);

#endif
