/*
 * The import's fast paths against its slow one: rows written on a thread
 * of their own while the next are read, the secondary indexes of empty
 * tables dropped and built again after their rows, and an import into an
 * empty store written with a rollback journal (import/journal.h). The
 * stored rows, the indexes and the summary must be those of the slow path
 * (writing on the importing thread, indexes kept, WAL), a failure in the
 * writing thread must be reported with its message, and a failed or
 * killed import must leave the store as it was, in WAL mode.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "helpers.h"
#include "import/bulk.h"
#include "import/journal.h"
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

static int import_paths(tdkt_store *store,
                        const char *const *paths,
                        size_t n,
                        int fast,
                        tdkt_import_summary *s)
{
    tdkt_diags d = {0};
    tdkt__import_fast = fast;
    int rc = tdkt_import(store, paths, n, TDKT_LANG_EN, s, &d);
    tdkt__import_fast = 1;
    tdkt_diags_clear(&d);
    return rc;
}

static int import(tdkt_store *store, int fast, tdkt_import_summary *s)
{
    const char *paths[] = {DEMO};
    return import_paths(store, paths, 1, fast, s);
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

/* The schema of @p store, every row, as text. */
static char *schema(tdkt_store *store)
{
    return rows(store, "SELECT type, name, sql FROM sqlite_schema ORDER BY "
                       "name");
}

/* Nothing imported: the schema is @p before (dropped indexes came back)
 * and every record table is empty. */
static void nothing_kept(tdkt_store *store, const char *before)
{
    char *after = schema(store);
    assert_string_equal(before, after);
    free(after);
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[t]);
        char *n = rows(store, sql);
        assert_string_equal(n, "0\n");
        free(n);
    }
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
    for (int i = 0; i < 2; i++) {
        char *ok = rows(w->store[i], "PRAGMA integrity_check");
        assert_string_equal(ok, "ok\n");
        free(ok);
        char *mode = rows(w->store[i], "PRAGMA journal_mode");
        assert_string_equal(mode, "wal\n");
        free(mode);
    }
}

static void same_summary(const tdkt_import_summary *a,
                         const tdkt_import_summary *b)
{
    assert_int_equal(a->files, b->files);
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        assert_int_equal(a->added[t], b->added[t]);
        assert_int_equal(a->replaced[t], b->replaced[t]);
        assert_int_equal(a->unchanged[t], b->unchanged[t]);
    }
}

/* Into an empty store, then again over it (every row as it is stored). */
static void test_import_fast__same_as_slow(void **state)
{
    world *w = *state;
    tdkt_import_summary fast, slow;
    assert_int_equal(import(w->store[0], 1, &fast), 0);
    assert_true(tdkt__journal_used); /* the store was empty */
    assert_int_equal(import(w->store[1], 0, &slow), 0);
    assert_false(tdkt__journal_used);
    same_summary(&fast, &slow);
    assert_true(fast.added[TDKT_T_APPRAISALS] > 0);
    same_store(w);

    assert_int_equal(import(w->store[0], 1, &fast), 0);
    assert_false(tdkt__journal_used); /* not empty any more */
    assert_int_equal(import(w->store[1], 0, &slow), 0);
    same_summary(&fast, &slow);
    assert_int_equal(fast.added[TDKT_T_APPRAISALS], 0);
    assert_int_equal(fast.replaced[TDKT_T_APPRAISALS], 0);
    assert_true(fast.unchanged[TDKT_T_APPRAISALS] > 0);
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
    char *before = schema(w->store[0]);
    for (int fast = 1; fast >= 0; fast--) {
        assert_int_equal(import(w->store[0], fast, NULL), TDKT_EDB);
        assert_non_null(
            strstr(tdkt_error_last()->message, "nominations are closed"));
        nothing_kept(w->store[0], before);
    }
    free(before);
}

/* The demo imported into both stores, fast and slow: the same summary
 * and store; @p journal: whether the fast one wrote with a rollback
 * journal. */
static void fast_as_slow(world *w, bool journal)
{
    tdkt_import_summary fast, slow;
    assert_int_equal(import(w->store[0], 1, &fast), 0);
    assert_true(tdkt__journal_used == journal);
    assert_int_equal(import(w->store[1], 0, &slow), 0);
    same_summary(&fast, &slow);
    same_store(w);
}

/* Another connection has the empty store open: SQLite refuses to leave
 * WAL mode, and the import is written as before, not refused. */
static void test_import_fast__journal_shared(void **state)
{
    world *w = *state;
    sqlite3 *other = NULL;
    assert_int_equal(sqlite3_open(w->db[0], &other), SQLITE_OK);
    char *n = rows(w->store[0], "SELECT count(*) FROM units");
    assert_string_equal(n, "0\n");
    free(n);
    assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM units", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    fast_as_slow(w, false);
    sqlite3_close(other);
}

/* A rejected import into an empty store, written with a rollback journal
 * until the bad row: nothing kept, WAL mode again, and the next import
 * takes the fast path and gives what the slow one gives. */
static void test_import_fast__journal_rejected(void **state)
{
    world *w = *state;
    char *bad = th_write(w->dir, "people.csv",
                         "id,full_name,unit_id,is_leader\n"
                         "PX1,Nguyễn Văn A,NO-SUCH-UNIT,0\n");
    const char *paths[] = {DEMO, bad};
    char *before = schema(w->store[0]);
    assert_int_equal(import_paths(w->store[0], paths, 2, 1, NULL),
                     TDKT_EINVALID);
    assert_true(tdkt__journal_used);
    nothing_kept(w->store[0], before);
    free(before);
    free(bad);
    fast_as_slow(w, true);
}

/* die(): write every changed page into the database file, then SIGKILL
 * this process: a fast import killed with half its rows in the file. */
static void die(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_db_cacheflush(sqlite3_context_db_handle(ctx));
    raise(SIGKILL);
}

static long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* A fast import into an empty store, killed after the rows of the first
 * seven tables reached the database file: the next opening rolls the hot
 * journal back, the store is empty, sound, in WAL mode, and a fast import
 * then gives what the slow one gives. */
static void test_import_fast__journal_killed(void **state)
{
    world *w = *state;
    char *before = schema(w->store[0]);
    tdkt_store_close(w->store[0]); /* the child must have it to itself */
    w->store[0] = NULL;
    long size = file_size(w->db[0]);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        tdkt_store *s = NULL;
        if (tdkt_store_open(&s, w->db[0], TDKT_STORE_WRITE) != 0)
            _exit(3);
        sqlite3 *db = tdkt_store_sqlite(s);
        if (sqlite3_create_function(db, "die", 0, SQLITE_UTF8, NULL, die,
                                    NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db,
                         "CREATE TEMP TRIGGER k BEFORE INSERT ON "
                         "main.nominations BEGIN SELECT die(); END",
                         NULL, NULL, NULL) != SQLITE_OK)
            _exit(4);
        import(s, 1, NULL);
        _exit(tdkt__journal_used ? 5 : 6); /* not killed */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    char journal[1100];
    snprintf(journal, sizeof journal, "%s-journal", w->db[0]);
    assert_true(file_size(journal) > 0);       /* hot */
    assert_true(file_size(w->db[0]) > size); /* rows written */

    assert_int_equal(
        tdkt_store_open(&w->store[0], w->db[0], TDKT_STORE_WRITE), 0);
    nothing_kept(w->store[0], before);
    free(before);
    fast_as_slow(w, true);
}

/* Into an empty table, full secondary indexes are set aside until its
 * rows are in, partial ones (honours_report) are kept up to date. */
static void test_import_fast__bulk_keeps_partial_indexes(void **state)
{
    world *w = *state;
    sqlite3 *db = tdkt_store_sqlite(w->store[0]);
    const char *which = "SELECT name FROM sqlite_schema WHERE name IN "
                        "('people_unit', 'honours_report') ORDER BY name";
    assert_int_equal(tdkt_store_begin_write(w->store[0]), 0);
    tdkt__bulk people = {0}, honours = {0};
    assert_int_equal(tdkt__bulk_begin(db, "people", &people), 0);
    assert_int_equal(tdkt__bulk_begin(db, "honours", &honours), 0);
    char *during = rows(w->store[0], which);
    assert_string_equal(during, "honours_report\n");
    assert_int_equal(honours.create.len, 0);
    assert_int_equal(tdkt__bulk_end(db, &people), 0);
    char *after = rows(w->store[0], which);
    assert_string_equal(after, "honours_report\npeople_unit\n");
    free(during);
    free(after);
    tdkt__bulk_free(&people);
    tdkt__bulk_free(&honours);
    tdkt_store_rollback(w->store[0]);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_import_fast__same_as_slow),
        T(test_import_fast__writer_failure),
        T(test_import_fast__journal_shared),
        T(test_import_fast__journal_rejected),
        T(test_import_fast__journal_killed),
        T(test_import_fast__bulk_keeps_partial_indexes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
