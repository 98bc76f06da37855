/*
 * The import's fast paths against its slow one: rows written on a thread
 * of their own while the next are read, and the secondary indexes of
 * empty tables dropped and built again after their rows. The stored rows,
 * the indexes and the summary must be those of the slow path (writing on
 * the importing thread, indexes kept), a failure in the writing thread
 * must be reported with its message, and a failed import must leave the
 * indexes it dropped in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "helpers.h"
#include "import/writer.h"
#include "tdkt/import.h"

#define DEMO TDKT_SOURCE_DIR "/examples/kontum-demo"

static const char *const tables[] = {
    "units",       "people",      "appraisals", "honours",
    "initiatives", "disciplines", "facts",      "nominations"};

typedef struct world {
    char *dir;
    char db[2][1024];
    tdkt_store *store[2];
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    w->dir = th_tmpdir();
    for (int i = 0; i < 2; i++) {
        snprintf(w->db[i], sizeof w->db[i], "%s/t%d.db", w->dir, i);
        assert_int_equal(
            tdkt_store_open(&w->store[i], w->db[i], TDKT_STORE_WRITE), 0);
    }
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    for (int i = 0; i < 2; i++)
        tdkt_store_close(w->store[i]);
    th_rmtree(w->dir);
    free(w->dir);
    free(w);
    tdkt__import_fast = 1;
    return 0;
}

static int import(tdkt_store *store, int fast, tdkt_import_summary *s)
{
    const char *paths[] = {DEMO};
    tdkt_diags d = {0};
    tdkt__import_fast = fast;
    int rc = tdkt_import(store, paths, 1, TDKT_LANG_EN, s, &d);
    tdkt__import_fast = 1;
    tdkt_diags_clear(&d);
    return rc;
}

/* Every row of a query, as text, one per line. */
static char *rows(tdkt_store *store, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(tdkt_store_sqlite(store), sql, -1, &st, NULL),
        SQLITE_OK);
    tdkt_buf b = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            tdkt_buf_printf(&b, "%s%s", i ? "|" : "", v ? v : "NULL");
        }
        tdkt_buf_puts(&b, "\n");
    }
    sqlite3_finalize(st);
    return b.ptr ? b.ptr : strdup("");
}

static void same_rows(world *w, const char *sql)
{
    char *a = rows(w->store[0], sql), *b = rows(w->store[1], sql);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* Every table, in primary-key order (the order of the slow path's
 * B-trees), and the indexes by name with their SQL. */
static void same_store(world *w)
{
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY 1, 2, 3, 4, 5",
                 tables[t]);
        same_rows(w, sql);
    }
    same_rows(w, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE "
                 "type = 'index' ORDER BY name");
    char *ok = rows(w->store[0], "PRAGMA integrity_check");
    assert_string_equal(ok, "ok\n");
    free(ok);
}

static void same_summary(const tdkt_import_summary *a,
                         const tdkt_import_summary *b)
{
    assert_int_equal(a->files, b->files);
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        assert_int_equal(a->added[t], b->added[t]);
        assert_int_equal(a->replaced[t], b->replaced[t]);
    }
}

/* Into an empty store, then again over it (every row replaced). */
static void test_import_fast__same_as_slow(void **state)
{
    world *w = *state;
    tdkt_import_summary fast, slow;
    assert_int_equal(import(w->store[0], 1, &fast), 0);
    assert_int_equal(import(w->store[1], 0, &slow), 0);
    same_summary(&fast, &slow);
    assert_true(fast.added[TDKT_T_APPRAISALS] > 0);
    same_store(w);

    assert_int_equal(import(w->store[0], 1, &fast), 0);
    assert_int_equal(import(w->store[1], 0, &slow), 0);
    same_summary(&fast, &slow);
    assert_int_equal(fast.added[TDKT_T_APPRAISALS], 0);
    assert_true(fast.replaced[TDKT_T_APPRAISALS] > 0);
    same_store(w);
}

/* A database failure while the writing thread inserts a late table: the
 * import fails with SQLite's message, nothing is kept and the indexes the
 * fast path dropped from the earlier (empty) tables are all there. */
static void test_import_fast__writer_failure(void **state)
{
    world *w = *state;
    sqlite3 *db = tdkt_store_sqlite(w->store[0]);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER no_nominations BEFORE "
                                  "INSERT ON nominations BEGIN SELECT "
                                  "RAISE(ABORT, 'nominations are closed'); "
                                  "END",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    char *before = rows(w->store[0], "SELECT type, name, sql FROM "
                                     "sqlite_schema ORDER BY name");
    for (int fast = 1; fast >= 0; fast--) {
        assert_int_equal(import(w->store[0], fast, NULL), TDKT_EDB);
        assert_non_null(
            strstr(tdkt_error_last()->message, "nominations are closed"));
        char *after = rows(w->store[0], "SELECT type, name, sql FROM "
                                        "sqlite_schema ORDER BY name");
        assert_string_equal(before, after);
        free(after);
        for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
            char sql[128];
            snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[t]);
            char *n = rows(w->store[0], sql);
            assert_string_equal(n, "0\n");
            free(n);
        }
    }
    free(before);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_import_fast__same_as_slow),
        T(test_import_fast__writer_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
