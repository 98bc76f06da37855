/* Writing an import's rows, batch by batch, on a thread (writer.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/store.h"
#include "import/writer.h"

/* A row's extra cell is the patch of its file's x_ cells (import.c):
 * {"x_a":"1","x_b":null}, null for an empty cell. It goes into what is
 * stored key by key (RFC 7396, SQLite's json_patch), as the file's
 * columns go into the row: a key the file has replaces the stored one, a
 * null removes it, and the keys the file does not have stay. A row left
 * without keys stores NULL, not {}.
 *
 * A new row is the patch of nothing. An UPSERT binds the patch as it is,
 * nulls included, so that excluded.extra still says which keys go: every
 * row it writes is stored already (the probe inserted the others). */
static const char extra_new[] = "nullif(json_patch('{}', ?), '{}')";
static const char extra_patched[] =
    "nullif(json_patch(ifnull(extra, '{}'), excluded.extra), '{}')";

/* "NAME<op>VALUE" for each cell in @p set, separated by @p sep: the value
 * an UPSERT gives the cell of a stored row, the file's, or for extra the
 * stored keys patched with the file's. */
static void
upsert_cells(tdkt_buf *sql, const tdkt__tabledef *t, unsigned set,
             const char *op, const char *sep)
{
    bool first = true;
    for (int j = 0; j < tdkt__row_cells(t); j++) {
        if (!(set >> j & 1))
            continue;
        if (j < t->ncols)
            tdkt_buf_printf(sql, "%s%s%sexcluded.%s", first ? "" : sep,
                            t->cols[j].name, op, t->cols[j].name);
        else
            tdkt_buf_printf(sql, "%sextra%s%s", first ? "" : sep, op,
                            extra_patched);
        first = false;
    }
}

/* Prepare statement @p kind of @p table; an UPSERT sets the cells
 * @p given (tdkt__batch.given), and does nothing to a row when none is,
 * nor when each is as stored: a row the file gives again as it is stays
 * unwritten, and is counted unchanged rather than replaced (an import
 * that changes no value changes no record, writer.h). */
static int prepare(tdkt__writer *w, int table, int kind, unsigned given)
{
    const tdkt__tabledef *t = &tdkt__tables[table];
    size_t rows = kind >= TDKT__ST_INSERT_MANY ? TDKT__BATCH_ROWS : 1;
    int cells = tdkt__row_cells(t);
    bool upsert = kind == TDKT__ST_UPSERT_ONE || kind == TDKT__ST_UPSERT_MANY;
    tdkt_buf sql = {0};
    tdkt_buf_printf(&sql, "INSERT INTO %s(", t->name);
    for (int j = 0; j < t->ncols; j++)
        tdkt_buf_printf(&sql, "%s, ", t->cols[j].name);
    tdkt_buf_puts(&sql, "extra) VALUES");
    for (size_t r = 0; r < rows; r++) {
        tdkt_buf_puts(&sql, r ? "), (" : "(");
        for (int j = 0; j < t->ncols; j++)
            tdkt_buf_puts(&sql, "?, ");
        tdkt_buf_puts(&sql, upsert ? "?" : extra_new);
    }
    unsigned set = 0; /* the cells the UPSERT sets: given, not keys */
    for (int j = 0; upsert && j < cells; j++)
        if ((given >> j & 1) && !(j < t->ncols && t->cols[j].key))
            set |= 1u << j;
    if (!set) {
        tdkt_buf_puts(&sql, ") ON CONFLICT DO NOTHING");
    } else {
        tdkt_buf_puts(&sql, ") ON CONFLICT(");
        bool first = true;
        for (int j = 0; j < t->ncols; j++)
            if (t->cols[j].key) {
                tdkt_buf_printf(&sql, "%s%s", first ? "" : ", ",
                                t->cols[j].name);
                first = false;
            }
        tdkt_buf_puts(&sql, ") DO UPDATE SET ");
        upsert_cells(&sql, t, set, " = ", ", ");
        tdkt_buf_puts(&sql, " WHERE ");
        upsert_cells(&sql, t, set, " IS NOT ", " OR ");
    }
    int error = TDKT_OK;
    /* Zeroed: TDKT__CELL_NULL, what SQLite gives an unbound parameter. */
    free(w->bound[table][kind]);
    w->bound[table][kind] = calloc(rows * (size_t)cells, sizeof(tdkt__cell));
    w->upsert_given[table][kind] = given;
    if (sql.oom || !w->bound[table][kind])
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    else if (sqlite3_prepare_v3(w->db, sql.ptr, -1, SQLITE_PREPARE_PERSISTENT,
                                &w->stmt[table][kind], NULL) != SQLITE_OK)
        error = tdkt_store_fail(w->db, "import");
    tdkt_buf_free(&sql);
    return error;
}

/* Run statement @p kind over rows first..first+n-1 of @p b. */
static int
run(tdkt__writer *w, const tdkt__batch *b, int kind, size_t first, size_t n)
{
    const tdkt__tabledef *t = &tdkt__tables[b->table];
    int error;
    bool upsert = kind == TDKT__ST_UPSERT_ONE || kind == TDKT__ST_UPSERT_MANY;
    if (upsert && w->stmt[b->table][kind] &&
        w->upsert_given[b->table][kind] != b->given) {
        /* files of the table with other columns: rare, prepared again */
        sqlite3_finalize(w->stmt[b->table][kind]);
        w->stmt[b->table][kind] = NULL;
    }
    if (!w->stmt[b->table][kind] &&
        (error = prepare(w, b->table, kind, b->given)) < 0)
        return error;
    sqlite3_stmt *st = w->stmt[b->table][kind];
    tdkt__cell *bound = w->bound[b->table][kind];
    int rc = SQLITE_OK, param = 1, cells = tdkt__row_cells(t);
    for (size_t r = first; r < first + n; r++) {
        for (int j = 0; j < cells && rc == SQLITE_OK; j++, param++) {
            const tdkt__cell *c = &b->cells[r][j];
            tdkt__cell *was = &bound[param - 1];
            if (c->type == was->type &&
                (c->type == TDKT__CELL_NULL ||
                 (c->type == TDKT__CELL_INT && c->num == was->num) ||
                 (c->type == TDKT__CELL_CODE && c->code == was->code)))
                continue;
            if (c->type == TDKT__CELL_INT)
                rc = sqlite3_bind_int64(st, param, c->num);
            else if (c->type == TDKT__CELL_TEXT)
                rc = sqlite3_bind_text(st, param, b->text.ptr + c->num,
                                       (int)c->len, SQLITE_STATIC);
            else if (c->type == TDKT__CELL_CODE)
                rc = sqlite3_bind_text(st, param, c->code, (int)c->len,
                                       SQLITE_STATIC);
            else
                rc = sqlite3_bind_null(st, param);
            *was = *c;
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    error = rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(w->db, t->name);
    sqlite3_reset(st);
    return error;
}

/* Write @p b: the probe inserts the new rows; when some were there, the
 * UPSERT writes them all again (see writer.h), which changes those whose
 * cells differ from the stored ones. */
static int write_batch(tdkt__writer *w, const tdkt__batch *b)
{
    size_t n = b->rows;
    int error = TDKT_OK;
    bool many = n == TDKT__BATCH_ROWS;
    for (size_t r = 0; r < n && error == TDKT_OK; r += many ? n : 1) {
        size_t k = many ? n : 1;
        if ((error = run(w, b,
                         many ? TDKT__ST_INSERT_MANY : TDKT__ST_INSERT_ONE, r,
                         k)) < 0)
            break;
        size_t added = (size_t)sqlite3_changes(w->db);
        w->added[b->table] += added;
        if (added < k) {
            error = run(w, b,
                        many ? TDKT__ST_UPSERT_MANY : TDKT__ST_UPSERT_ONE, r,
                        k);
            /* It changed the stored rows that differ from the file's
             * (prepare), the others are as they were. */
            size_t replaced = error < 0 ? 0 : (size_t)sqlite3_changes(w->db);
            w->replaced[b->table] += replaced;
            w->unchanged[b->table] += k - added - replaced;
        }
    }
    return error;
}

/* Keep the first failure, with its message (errors are per thread). */
static void failed(tdkt__writer *w, int error)
{
    if (error < 0 && w->error == 0) {
        w->error = error;
        snprintf(w->message, sizeof w->message, "%s",
                 tdkt_error_last()->message);
    }
}

static void *writer_main(void *arg)
{
    tdkt__writer *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->queued && !w->stop)
            pthread_cond_wait(&w->cv, &w->mu);
        if (!w->queued)
            break;
        tdkt__batch *b = &w->batches[w->head];
        bool skip = w->error < 0;
        pthread_mutex_unlock(&w->mu);
        int error = skip ? TDKT_OK : write_batch(w, b);
        pthread_mutex_lock(&w->mu);
        failed(w, error);
        w->head = (w->head + 1) % TDKT__RING;
        /* The importer waits for half the ring to be free (wait_room), or
         * for all of it in a drain. */
        w->queued--;
        if (w->queued == TDKT__RING / 2 || w->queued == 0)
            pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

void tdkt__writer_init(tdkt__writer *w, sqlite3 *db, bool threaded)
{
    memset(w, 0, sizeof *w);
    w->db = db;
    w->fill = &w->batches[0];
    if (threaded && pthread_mutex_init(&w->mu, NULL) == 0) {
        if (pthread_cond_init(&w->cv, NULL) == 0) {
            w->threaded = pthread_create(&w->tid, NULL, writer_main, w) == 0;
            if (!w->threaded)
                pthread_cond_destroy(&w->cv);
        }
        if (!w->threaded)
            pthread_mutex_destroy(&w->mu);
    }
}

/* The first error so far, set as this thread's. Called with the lock
 * held when threaded. */
static int report(tdkt__writer *w)
{
    return w->error < 0 ? tdkt_error_set(w->error, "%s", w->message)
                        : TDKT_OK;
}

/* Wait until the thread has written what it was given. */
static void wait_idle(tdkt__writer *w)
{
    while (w->queued)
        pthread_cond_wait(&w->cv, &w->mu);
}

/* Wait until a batch is free to fill. When none is, wait for half the
 * ring: the importer then sleeps and wakes once per half a ring, not once
 * per batch. */
static void wait_room(tdkt__writer *w)
{
    if (w->queued < TDKT__RING)
        return;
    while (w->queued > TDKT__RING / 2)
        pthread_cond_wait(&w->cv, &w->mu);
}

int tdkt__writer_submit(tdkt__writer *w)
{
    tdkt__batch *b = w->fill;
    if (b->rows == 0)
        return w->threaded ? TDKT_OK : report(w);
    if (!w->threaded) {
        if (w->error == 0)
            failed(w, write_batch(w, b));
        tdkt__writer_discard(w);
        return report(w);
    }
    pthread_mutex_lock(&w->mu);
    int error = report(w);
    if (error == TDKT_OK) {
        if (w->queued++ == 0) /* the thread was idle */
            pthread_cond_broadcast(&w->cv);
        wait_room(w);
        w->fill = &w->batches[(w->head + w->queued) % TDKT__RING];
    }
    pthread_mutex_unlock(&w->mu);
    tdkt__writer_discard(w);
    return error;
}

int tdkt__writer_drain(tdkt__writer *w)
{
    int error = tdkt__writer_submit(w);
    if (!w->threaded || error < 0)
        return error;
    pthread_mutex_lock(&w->mu);
    wait_idle(w);
    error = report(w);
    pthread_mutex_unlock(&w->mu);
    return error;
}

tdkt__batch *
tdkt__writer_hold(tdkt__writer *w, int lane, int table, unsigned given)
{
    tdkt__batch *b = w->held_last[lane];
    if (b && b->table == table && b->given == given && !tdkt__batch_full(b))
        return b;
    if (!(b = calloc(1, sizeof *b)))
        return NULL;
    b->table = table;
    b->given = given;
    if (w->held_last[lane])
        w->held_last[lane]->next = b;
    else
        w->held[lane] = b;
    w->held_last[lane] = b;
    return b;
}

int tdkt__writer_release(tdkt__writer *w, bool write)
{
    int error = TDKT_OK;
    for (int lane = 0; lane < TDKT__HOLD_LANES; lane++) {
        while (w->held[lane]) {
            tdkt__batch *h = w->held[lane];
            if (write && error == TDKT_OK) {
                /* Into the batch being filled (submitted first when it
                 * has rows): the cells as they are, the texts they
                 * point into swapped in whole. */
                if (w->fill->rows && (error = tdkt__writer_submit(w)) < 0)
                    goto next;
                tdkt__batch *f = w->fill;
                f->table = h->table;
                f->given = h->given;
                f->rows = h->rows;
                memcpy(f->cells, h->cells, h->rows * sizeof h->cells[0]);
                tdkt_buf text = f->text;
                f->text = h->text;
                h->text = text;
                error = tdkt__writer_submit(w);
            }
        next:
            w->held[lane] = h->next;
            tdkt_buf_free(&h->text);
            free(h);
        }
        w->held_last[lane] = NULL;
    }
    return error;
}

void tdkt__writer_discard(tdkt__writer *w)
{
    w->fill->rows = 0;
    w->fill->text.len = 0;
}

void tdkt__writer_free(tdkt__writer *w)
{
    if (w->threaded) {
        pthread_mutex_lock(&w->mu);
        wait_idle(w);
        w->stop = true;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->tid, NULL);
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        w->threaded = false;
    }
    for (int t = 0; t < TDKT_T_COUNT_; t++)
        for (int k = 0; k < TDKT__ST_COUNT_; k++) {
            sqlite3_finalize(w->stmt[t][k]);
            w->stmt[t][k] = NULL;
            free(w->bound[t][k]);
            w->bound[t][k] = NULL;
        }
    for (int i = 0; i < TDKT__RING; i++)
        tdkt_buf_free(&w->batches[i].text);
    tdkt__writer_release(w, false);
}
