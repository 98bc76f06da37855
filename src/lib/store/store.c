/*
 * The SQLite record store: opening, schema creation and migration,
 * transactions.
 *
 * Refusal before change: a file that is not a tdkt store, or whose
 * user_version is newer than this build, is closed untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "tdkt/output.h"
#include "tdkt/store.h"
#include "core/msg.h"

extern const char *const tdkt__schema_sql;
extern const char *const tdkt__schema_decisions_sql;
extern const char *const tdkt__schema_image_sql;
extern const char *const tdkt__schema_details_sql;
extern const char *const tdkt__schema_report_sql;
extern const char *const tdkt__schema_records_sql;
extern const char *const tdkt__schema_conferred_sql;
extern const char *const tdkt__schema_kind_sql;
extern const char *const tdkt__schema_extra_sql;
extern const char *const tdkt__schema_sealed_sql;
extern const char *const tdkt__schema_sealed_decisions_sql;
extern const char *const tdkt__schema_conferrals_sql;

/* Version 1 kept each decision's whole result as JSON in a WITHOUT ROWID
 * table. Its rows move into the new table as they are (the JSON in
 * `result`, shown again verbatim); the old table's triggers go first so
 * that the new ones can take their names and the old table can go. */
static const char migrate_1_before[] =
    "DROP TRIGGER decisions_append_only_u;"
    "DROP TRIGGER decisions_append_only_d;"
    "ALTER TABLE decisions RENAME TO decisions_v1;";
static const char migrate_1_after[] =
    "INSERT INTO decisions(run_id, nomination_id, subject_type, subject_id,"
    "  code, year, ruleset, outcome, message, result) "
    "SELECT run_id, nomination_id, subject_type, subject_id, code, year,"
    "  ruleset, outcome, message, result FROM decisions_v1 "
    "ORDER BY run_id, nomination_id;"
    "DROP TABLE decisions_v1;";

struct tdkt_store {
    sqlite3 *db;
    char *path;
    bool in_tx;
};

/* How long a writer waits for another process's transaction. */
#define BUSY_TIMEOUT_MS 10000

/* A failure of the store said in the user's words. SQLite's own text,
 * which is English, is for whoever looks further: it follows an English
 * message in parentheses, and is left out of a Vietnamese one (a reader
 * of Vietnamese would get two languages in one line). */
static int store_said(int code, const char *what, const char *said,
                      sqlite3 *db)
{
    if (tdkt_message_lang() == TDKT_LANG_EN)
        return tdkt_error_set(code, "%s: %s (%s)", what, said,
                              sqlite3_errmsg(db));
    return tdkt_error_set(code, "%s: %s", what, said);
}

int tdkt_store_fail(sqlite3 *db, const char *what)
{
    int rc = sqlite3_extended_errcode(db);
    int code = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
                   ? TDKT_EBUSY
               : (rc & 0xff) == SQLITE_NOMEM ? TDKT_ENOMEM
                                             : TDKT_EDB;
    if (code == TDKT_EBUSY)
        return tdkt_error_set(code, "%s: %s", what,
                              TDKT_MSG("cơ sở dữ liệu đang bận (một chương "
                                       "trình khác đang ghi vào); hãy thử "
                                       "lại",
                                       "the database is busy (another "
                                       "program is writing to it); try "
                                       "again"));
    /* SQLite writes the -wal and -shm files beside the database, even to
     * read it: a folder or file tdkt may not write fails even reading. */
    if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
        return store_said(code, what,
                          TDKT_MSG("không mở được cơ sở dữ liệu để ghi: "
                                   "tdkt cần quyền ghi vào tệp và vào "
                                   "thư mục chứa nó, kể cả khi chỉ đọc",
                                   "cannot open the database for "
                                   "writing: tdkt needs to write to the "
                                   "file and to its folder, even to "
                                   "read it"),
                          db);
    /* The failures a user can act on, in the user's words. */
    const char *said = NULL;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        said = TDKT_MSG("ổ đĩa đã đầy; không ghi được gì",
                        "the disk is full; nothing was written");
        break;
    case SQLITE_CORRUPT:
        said = TDKT_MSG("tệp cơ sở dữ liệu bị hỏng (hãy dùng bản sao lưu)",
                        "the database file is damaged (use a backup)");
        break;
    case SQLITE_NOTADB:
        said = TDKT_MSG("tệp này không phải cơ sở dữ liệu của tdkt, hoặc đã "
                        "bị hỏng",
                        "this file is not a tdkt database, or it is damaged");
        break;
    case SQLITE_IOERR:
        said = TDKT_MSG("lỗi đọc hoặc ghi đĩa", "a disk read or write failed");
        break;
    }
    if (said)
        return store_said(code, what, said, db);
    return tdkt_error_set(code, "%s: %s", what, sqlite3_errmsg(db));
}

int tdkt_store_exec(tdkt_store *store, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(store->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        int code = tdkt_store_fail(store->db, store->path);
        sqlite3_free(err);
        return code;
    }
    return TDKT_OK;
}

/* Leaving a rollback journal for WAL (an import into an empty store
 * writes with one, src/lib/import/journal.h) needs the write lock, and
 * SQLite gives up at once, without the busy handler, while another
 * connection holds it: wait here as a writer would. */
int tdkt_store_wal(sqlite3 *db, const char *what)
{
    /* By the clock: reading the header may itself wait in the handler. */
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return TDKT_OK;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long waited = (now.tv_sec - start.tv_sec) * 1000 +
                      (now.tv_nsec - start.tv_nsec) / 1000000;
        if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
            return tdkt_store_fail(db, what);
        sqlite3_sleep(10);
    }
}

static int query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK || rc == SQLITE_DONE ? 0 : -1;
}

/* Is this a tdkt store? An empty database is "not yet". */
static int check_identity(tdkt_store *s, int *version, bool *empty)
{
    int ntables = 0;
    if (query_int(s->db, "SELECT count(*) FROM sqlite_schema", &ntables) < 0) {
        /* Extended result codes are on: SQLITE_READONLY_DIRECTORY is a
         * store in a folder tdkt cannot write, not a foreign file. */
        int rc = sqlite3_errcode(s->db) & 0xff;
        if (rc == SQLITE_NOMEM || rc == SQLITE_BUSY || rc == SQLITE_LOCKED ||
            rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ||
            rc == SQLITE_IOERR || rc == SQLITE_PERM || rc == SQLITE_CORRUPT)
            return tdkt_store_fail(s->db, s->path); /* a store, busy */
        return store_said(TDKT_EDB, s->path,
                          TDKT_MSG("không phải cơ sở dữ liệu",
                                   "not a database"),
                          s->db);
    }
    *empty = ntables == 0;
    if (*empty)
        return TDKT_OK;
    if (query_int(s->db, "PRAGMA user_version", version) < 0)
        return tdkt_store_fail(s->db, s->path);
    int is_tdkt = 0;
    if (query_int(s->db,
                  "SELECT count(*) FROM sqlite_schema WHERE type='table' "
                  "AND name='meta'",
                  &is_tdkt) < 0)
        return tdkt_store_fail(s->db, s->path); /* e.g. out of memory */
    if (is_tdkt &&
        query_int(s->db,
                  "SELECT count(*) FROM meta WHERE key='application' AND "
                  "value='tdkt'",
                  &is_tdkt) < 0) {
        int rc = sqlite3_errcode(s->db) & 0xff;
        if (rc == SQLITE_NOMEM || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return tdkt_store_fail(s->db, s->path);
        is_tdkt = 0; /* a "meta" table of another shape: not ours */
    }
    if (!is_tdkt)
        return tdkt_error_set(TDKT_EDB, "%s: %s", s->path,
                              TDKT_MSG("cơ sở dữ liệu này không do tdkt tạo "
                                       "ra; không sửa đổi nó",
                                       "this database was not made by "
                                       "tdkt; refusing to change it"));
    if (*version > TDKT_SCHEMA_VERSION)
        return tdkt_error_set(TDKT_EDB,
                              TDKT_MSG("%s: do một phiên bản tdkt mới hơn "
                                       "ghi (lược đồ %d, bản này đọc %d); "
                                       "không sửa đổi nó",
                                       "%s: written by a newer tdkt (schema "
                                       "%d, this build reads %d); refusing "
                                       "to change it"),
                              s->path, *version, TDKT_SCHEMA_VERSION);
    return TDKT_OK;
}

/* Drop the triggers schema_image.sql makes, found by their names. */
static int drop_watch_triggers(tdkt_store *s)
{
    sqlite3_stmt *st = NULL;
    int error = TDKT_OK;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 'DROP TRIGGER \"' || name || '\";' FROM "
                           "sqlite_schema WHERE type = 'trigger' AND "
                           "name GLOB '*_stale_[iud]'",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(s->db, s->path);
    tdkt_buf drops = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        tdkt_buf_puts(&drops, (const char *)sqlite3_column_text(st, 0));
    if (rc != SQLITE_DONE)
        error = tdkt_store_fail(s->db, s->path);
    sqlite3_finalize(st);
    if (error == TDKT_OK && drops.oom)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (error == TDKT_OK && drops.len)
        error = tdkt_store_exec(s, tdkt_buf_cstr(&drops));
    tdkt_buf_free(&drops);
    return error;
}

/* Create the schema, or migrate an older one, in one transaction. */
static int migrate(tdkt_store *s, int version, bool empty)
{
    if (!empty && version == TDKT_SCHEMA_VERSION)
        return TDKT_OK;
    int error = tdkt_store_begin_write(s);
    if (error < 0)
        return error;
    /* Re-check under the write lock: another process may have won. */
    bool empty2 = false;
    int version2 = 0;
    if ((error = check_identity(s, &version2, &empty2)) < 0)
        goto done;
    if (empty2) {
        if ((error = tdkt_store_exec(s, tdkt__schema_sql)) < 0 ||
            (error = tdkt_store_exec(s, tdkt__schema_decisions_sql)) < 0 ||
            (error = tdkt_store_exec(s, tdkt__schema_image_sql)) < 0)
            goto done;
    } else {
        if (version2 < 2 &&
            ((error = tdkt_store_exec(s, migrate_1_before)) < 0 ||
             (error = tdkt_store_exec(s, tdkt__schema_decisions_sql)) < 0 ||
             (error = tdkt_store_exec(s, migrate_1_after)) < 0))
            goto done;
        /* Version 3 added the index image and the triggers that keep it
         * from going stale. */
        if (version2 < 3 &&
            (error = tdkt_store_exec(s, tdkt__schema_image_sql)) < 0)
            goto done;
    }
    /* Version 4 added the runs' detail texts, which the results of new
     * runs refer to by number; older runs keep their results as they are
     * (src/lib/decisions/saved.c tells the forms apart). */
    if (version2 < 4 && /* 0 when empty */
        (error = tdkt_store_exec(s, tdkt__schema_details_sql)) < 0)
        goto done;
    /* Version 5 indexes only the honours the annual report counts. */
    if (version2 < 5 &&
        (error = tdkt_store_exec(s, tdkt__schema_report_sql)) < 0)
        goto done;
    /* Version 6 counts the changes to the records, and each run records
     * the count it judged; the triggers that delete the image count them
     * too, so a store of version 3 to 5 has them made again. */
    if (version2 < 6 &&
        ((error = tdkt_store_exec(s, tdkt__schema_records_sql)) < 0 ||
         (error = drop_watch_triggers(s)) < 0 ||
         (error = tdkt_store_exec(s, tdkt__schema_image_sql)) < 0))
        goto done;
    /* Version 7 indexes the honours conferred from each run. */
    if (version2 < 7 &&
        (error = tdkt_store_exec(s, tdkt__schema_conferred_sql)) < 0)
        goto done;
    /* Version 8 keeps the kind of honour each decision judged. */
    if (version2 < 8 &&
        (error = tdkt_store_exec(s, tdkt__schema_kind_sql)) < 0)
        goto done;
    /* Version 9 keeps the record files' own x_ columns. */
    if (version2 < 9 &&
        (error = tdkt_store_exec(s, tdkt__schema_extra_sql)) < 0)
        goto done;
    /* Version 10 closes each saved run to further rows. */
    if (version2 < 10 &&
        ((error = tdkt_store_exec(s, tdkt__schema_sealed_sql)) < 0 ||
         (error = tdkt_store_exec(s, tdkt__schema_sealed_decisions_sql)) < 0))
        goto done;
    /* Version 11 keeps every confer. */
    if (version2 < 11 &&
        (error = tdkt_store_exec(s, tdkt__schema_conferrals_sql)) < 0)
        goto done;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d", TDKT_SCHEMA_VERSION);
    if ((error = tdkt_store_exec(s, sql)) < 0)
        goto done;
    error = tdkt_store_commit(s);
done:
    if (error < 0)
        tdkt_store_rollback(s);
    return error;
}

/* Whether the folder that would hold the file @p path exists. */
static bool folder_exists(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return true; /* the working folder */
    if (slash == path)
        return true; /* the root */
    char *dir = strndup(path, (size_t)(slash - path));
    struct stat sb;
    bool ok = !dir || (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode));
    free(dir); /* no memory: let SQLite say what it finds */
    return ok;
}

void tdkt_store_remove(const char *path)
{
    static const char *const beside[] = {"", "-wal", "-shm", "-journal"};
    for (size_t k = 0; k < sizeof beside / sizeof *beside; k++) {
        char name[4096];
        if (snprintf(name, sizeof name, "%s%s", path, beside[k]) <
            (int)sizeof name)
            unlink(name);
    }
}

int tdkt_store_open(tdkt_store **out, const char *path, int flags)
{
    *out = NULL;
    /* SQLite takes "" for a database that vanishes with the connection
     * (":memory:" too, which the rule sets' test cases use on purpose). */
    if (!*path)
        return tdkt_error_set(TDKT_EINVALID, "'%s': %s", path,
                              TDKT_MSG("không phải đường dẫn của một tệp",
                                       "not the path of a file"));
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if (exists && S_ISDIR(sb.st_mode))
        return tdkt_error_set(TDKT_EINVALID, "%s: %s", path,
                              TDKT_MSG("đây là một thư mục, không phải tệp "
                                       "cơ sở dữ liệu",
                                       "this is a folder, not a database "
                                       "file"));
    if (!exists && (flags & TDKT_STORE_WRITE) &&
        !(flags & TDKT_STORE_EXISTING) && !folder_exists(path))
        return tdkt_error_set(TDKT_ENOTFOUND, "%s: %s", path,
                              TDKT_MSG("không có thư mục chứa tệp này (hãy "
                                       "tạo thư mục trước)",
                                       "the folder for this file does not "
                                       "exist (create it first)"));
    if (!exists &&
        (!(flags & TDKT_STORE_WRITE) || (flags & TDKT_STORE_EXISTING)))
        return tdkt_error_set(TDKT_ENOTFOUND, "%s: %s", path,
                              TDKT_MSG("không có cơ sở dữ liệu này (hãy nhập "
                                       "hồ sơ trước: tdkt import)",
                                       "no such database (import records "
                                       "first: tdkt import)"));
    tdkt_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    int oflags = (flags & TDKT_STORE_WRITE)
                     ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                     : SQLITE_OPEN_READWRITE;
    int error = TDKT_OK;
    /* A name that starts with "file:" is a URI to SQLite, which could ask
     * for a database in memory: "./" keeps it the name of a file. */
    char *file = NULL;
    if (strncmp(path, "file:", 5) == 0 && !(file = malloc(strlen(path) + 3))) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    if (file)
        sprintf(file, "./%s", path);
    int rc = sqlite3_open_v2(file ? file : path, &s->db,
                             oflags | SQLITE_OPEN_NOMUTEX, NULL);
    free(file);
    if (rc != SQLITE_OK) {
        error = s->db ? tdkt_store_fail(s->db, path)
                      : tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

    int version = 0;
    bool empty = false;
    if ((error = check_identity(s, &version, &empty)) < 0)
        goto done;
    if (empty && !(flags & TDKT_STORE_WRITE)) {
        error = tdkt_error_set(TDKT_ENOTFOUND, "%s: %s", path,
                               TDKT_MSG("cơ sở dữ liệu còn trống (hãy nhập "
                                        "hồ sơ trước: tdkt import)",
                                        "the database is empty (import "
                                        "records first: tdkt import)"));
        goto done;
    }
    if ((error = tdkt_store_wal(s->db, path)) < 0 ||
        (error = tdkt_store_exec(s, "PRAGMA synchronous=NORMAL;"
                                    "PRAGMA foreign_keys=ON;")) < 0)
        goto done;
    /* An older store is migrated by any command, reading ones included:
     * a store this build cannot read is of no use to them either. */
    if (version < TDKT_SCHEMA_VERSION || empty) {
        if ((error = migrate(s, version, empty)) < 0)
            goto done;
    }
done:
    if (error < 0) {
        tdkt_store_close(s);
        return error;
    }
    *out = s;
    return TDKT_OK;
}

void tdkt_store_close(tdkt_store *s)
{
    if (!s)
        return;
    if (s->in_tx)
        tdkt_store_rollback(s);
    /* Statements are finalized by their owners before close; v2 keeps a
     * zombie rather than failing if one was forgotten. */
    sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

int tdkt_store_records_unwatch(tdkt_store *s)
{
    int error = tdkt_store_exec(s, "DELETE FROM index_image");
    return error == TDKT_OK ? drop_watch_triggers(s) : error;
}

int tdkt_store_records_watch(tdkt_store *s)
{
    int error = tdkt_store_exec(s, tdkt__schema_image_sql);
    if (error == TDKT_OK)
        error = tdkt_store_exec(s, "UPDATE meta SET value = CAST(value AS "
                                   "INTEGER) + 1 WHERE key = "
                                   "'records_version'");
    return error;
}

int tdkt_store_records_version(tdkt_store *s, int64_t *out)
{
    *out = -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT CAST(value AS INTEGER) FROM meta WHERE "
                           "key = 'records_version'",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(s->db, s->path);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tdkt_store_fail(s->db, s->path);
    return TDKT_OK;
}

const char *tdkt_store_path(const tdkt_store *s)
{
    return s->path;
}

sqlite3 *tdkt_store_sqlite(tdkt_store *s)
{
    return s->db;
}

/* A ROLLBACK that ran out of memory leaves the connection inside its
 * transaction (tdkt_store_rollback cannot say so): end it before the next
 * one begins, or say why not, rather than fail that one with "cannot
 * start a transaction within a transaction". */
static int end_left_transaction(tdkt_store *s)
{
    if (s->in_tx || sqlite3_get_autocommit(s->db))
        return TDKT_OK;
    return tdkt_store_exec(s, "ROLLBACK");
}

int tdkt_store_begin_write(tdkt_store *s)
{
    int error = end_left_transaction(s);
    if (error == TDKT_OK)
        error = tdkt_store_exec(s, "BEGIN IMMEDIATE");
    if (error == TDKT_OK)
        s->in_tx = true;
    return error;
}

int tdkt_store_begin_read(tdkt_store *s)
{
    /* A deferred transaction takes its snapshot at the first read; read
     * once now so the snapshot is fixed from here on. */
    int error = end_left_transaction(s);
    if (error == TDKT_OK)
        error = tdkt_store_exec(s, "BEGIN; SELECT count(*) FROM meta;");
    if (error == TDKT_OK)
        s->in_tx = true;
    return error;
}

int tdkt_store_commit(tdkt_store *s)
{
    int error = tdkt_store_exec(s, "COMMIT");
    if (error == TDKT_OK)
        s->in_tx = false;
    return error;
}

void tdkt_store_rollback(tdkt_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = false;
}
