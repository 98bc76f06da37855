/* Secondary indexes set aside while an empty table is filled (bulk.h). */
#include <stdbool.h>
#include <sqlite3.h>

#include "tdkt/store.h"
#include "import/bulk.h"

bool tdkt__table_empty(sqlite3 *db, const char *table, int *error)
{
    char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" LIMIT 1", table);
    sqlite3_stmt *st = NULL;
    bool empty = false;
    int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        empty = true;
    else if (!sql) /* the database holds no error to report */
        *error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    else if (rc != SQLITE_ROW)
        *error = tdkt_store_fail(db, "import");
    sqlite3_finalize(st);
    sqlite3_free(sql);
    return empty;
}

int tdkt__bulk_begin(sqlite3 *db, const char *table, tdkt__bulk *b)
{
    int error = TDKT_OK;
    b->create.len = 0;
    if (!tdkt__table_empty(db, table, &error))
        return error;
    /* Automatic indexes (primary keys, UNIQUE) have no SQL: they stay.
     * So do partial indexes: they take few of the rows, and building one
     * again would read the whole table. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT name, sql FROM sqlite_schema WHERE "
                           "type = 'index' AND tbl_name = ?1 AND sql IS "
                           "NOT NULL AND name NOT IN (SELECT name FROM "
                           "pragma_index_list(?1) WHERE partial) "
                           "ORDER BY name",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "import");
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    tdkt_buf drop = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *sql = (const char *)sqlite3_column_text(st, 1);
        char *q = sqlite3_mprintf("DROP INDEX \"%w\";", name);
        if (!q || !name || !sql) {
            sqlite3_free(q);
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        tdkt_buf_puts(&drop, q);
        sqlite3_free(q);
        tdkt_buf_puts(&b->create, sql);
        tdkt_buf_puts(&b->create, ";\n");
    }
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "import");
    sqlite3_finalize(st);
    if (error == TDKT_OK && (drop.oom || b->create.oom))
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (error == TDKT_OK && drop.len &&
        sqlite3_exec(db, drop.ptr, NULL, NULL, NULL) != SQLITE_OK)
        error = tdkt_store_fail(db, "import");
    tdkt_buf_free(&drop);
    if (error < 0)
        b->create.len = 0; /* the rollback restores what was dropped */
    return error;
}

int tdkt__bulk_end(sqlite3 *db, tdkt__bulk *b)
{
    int error = TDKT_OK;
    if (b->create.len &&
        sqlite3_exec(db, tdkt_buf_cstr(&b->create), NULL, NULL, NULL) !=
            SQLITE_OK)
        error = tdkt_store_fail(db, "import");
    b->create.len = 0;
    return error;
}

void tdkt__bulk_free(tdkt__bulk *b)
{
    tdkt_buf_free(&b->create);
}
