/* A rollback journal for an import into an empty store (journal.h). */
#include <stdio.h>
#include <string.h>

#include "tdkt/store.h"
#include "import/bulk.h"
#include "import/journal.h"
#include "import/tables.h"
#include "import/writer.h"

bool tdkt__journal_used;

/* The text of a one-row pragma into @p out, "" when it gave none. */
static void pragma_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

void tdkt__journal_begin(sqlite3 *db, tdkt__journal *j)
{
    *j = (tdkt__journal){0};
    tdkt__journal_used = false;
    if (!tdkt__import_fast)
        return;
    int error = 0;
    for (int t = 0; t < TDKT_T_COUNT_; t++)
        if (!tdkt__table_empty(db, tdkt__tables[t].name, &error))
            return;
    char text[32];
    pragma_text(db, "PRAGMA synchronous", text, sizeof text);
    if (!text[0])
        return;
    j->synchronous = text[0] - '0';
    pragma_text(db, "PRAGMA journal_mode=DELETE", text, sizeof text);
    if (strcmp(text, "delete") != 0)
        return; /* another connection has the store open */
    j->rollback = tdkt__journal_used = true;
    sqlite3_exec(db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
}

void tdkt__journal_end(sqlite3 *db, tdkt__journal *j)
{
    if (!j->rollback)
        return;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA synchronous=%d", j->synchronous);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    j->rollback = false;
    tdkt_store_wal(db, "import");
}
