/*
 * Fuzz target: the importer (tdkt_import) on an in-memory store.
 *
 * Input: record files, each introduced by a line "== NAME" (NAME such as
 * units.csv, people.csv …); the bytes before the first such line, if any,
 * are units.csv. Each file is written to a scratch folder of its own (so
 * one import may hold two units.csv); a NAME starting with "+" goes (with
 * the "+" dropped) into one shared folder that is imported as a folder.
 * Odd-sized inputs get messages in English, even-sized in Vietnamese.
 *
 * The store starts with a few stored records (below), so that references
 * to stored ids and replaced rows are reached too. Invariants:
 *  - the result is 0, TDKT_EINVALID with at least one problem, or an
 *    out-of-memory / busy error; a database error (TDKT_EDB) means a row
 *    passed the importer's checks and was refused by the schema, which the
 *    importer promises never happens (every bad cell is named);
 *  - a rejected import leaves the database byte for byte as it was;
 *  - an accepted one leaves no dangling foreign key and passes SQLite's
 *    integrity check, and its summary counts no more rows than the files
 *    hold lines; one that added and replaced no row (every row unchanged,
 *    or none) leaves the database byte for byte as it was;
 *  - every problem is one line, with a file name and a message.
 * What an accepted import stored is then indexed and judged (see judge()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "fuzz_util.h"
#include "tdkt/eval.h"
#include "tdkt/import.h"
#include "tdkt/index.h"
#include "tdkt/output.h"
#include "tdkt/rules.h"
#include "tdkt/store.h"

#define MAX_FILES 12

static const char *scratch;
static tdkt_store *seed_store;
static tdkt_rules *rules, *shipped;
static FILE *devnull;

static const char *const seed_files[][2] = {
    {"units.csv", "id,name,parent_id,kind,bloc,small\n"
                  "U1,Ủy ban nhân dân tỉnh Kon Tum,,agency,,\n"
                  "U2,Sở Nội vụ,U1,agency,\"Khối các sở, ban, ngành\",\n"},
    {"people.csv",
     "id,full_name,unit_id,is_leader,category,gender,ethnic_minority,"
     "birth_year,hired\n"
     "P1,Trần Tuấn Kiên,U2,1,civil_servant,male,,1980,2002-03-20\n"},
    {"appraisals.csv",
     "subject_type,subject_id,year,rating,unit_id,months_worked,absence\n"
     "person,P1,2023,excellent,,,\n"},
    {"initiatives.csv", "id,person_id,year,scope,kind,applied,title\n"
                        "SK1,P1,2023,unit,initiative,1,Giải pháp\n"},
    {"nominations.csv", "id,subject_type,subject_id,code,year,kind,"
                        "campaign,proposed_by,submitted\n"
                        "N1,person,P1,ldtt,2023,merit,,U2,2024-01-08\n"},
};

static void die(const char *what)
{
    fprintf(stderr, "fuzz_import: %s: %s\n", what,
            tdkt_error_last()->message);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    scratch = fuzz_scratch("import");
    if (tdkt_store_open(&seed_store, ":memory:", TDKT_STORE_WRITE) < 0)
        die("seed store");
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/seed", scratch);
    const char *paths[1] = {dir};
    for (size_t i = 0; i < sizeof seed_files / sizeof *seed_files; i++)
        fuzz_write(dir, seed_files[i][0], seed_files[i][1],
                   strlen(seed_files[i][1]));
    tdkt_diags diags = {0};
    tdkt_import_summary sum;
    if (tdkt_import(seed_store, paths, 1, TDKT_LANG_EN, &sum, &diags) < 0) {
        for (size_t i = 0; i < diags.count; i++)
            fprintf(stderr, "%s:%ld: %s\n", diags.items[i].file,
                    diags.items[i].line, diags.items[i].message);
        die("seed import");
    }
    tdkt_diags_clear(&diags);
    fuzz_empty_dir(scratch);
    /* The rule set of the engine's tests, to judge what was imported. */
    if (tdkt_rules_open(&rules, TDKT_FIXTURES "/rules/basic/t/base") < 0)
        die("rules " TDKT_FIXTURES "/rules/basic/t/base");
    /* The shipped rule sets, for odd-sized inputs (slower). */
    if (tdkt_rules_open(&shipped, TDKT_SOURCE_DIR "/rules") < 0)
        die("rules " TDKT_SOURCE_DIR "/rules");
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        die("/dev/null");
    return 0;
}

/* Index what an accepted import stored, judge every nomination, and
 * write the results in every text format: even-sized inputs with the
 * fixture rule set t/base (in force on 2022-06-01 for all), odd-sized ones
 * with the shipped rule sets, each nomination by the set in force on its
 * own date. Invariants: one result per nomination; JSON without raw
 * control characters, in UTF-8. */
static void judge(tdkt_store *store, bool use_shipped)
{
    tdkt_index *ix = NULL;
    int rc = tdkt_index_load(&ix, store);
    FUZZ_CHECK(rc == TDKT_OK || rc == TDKT_ENOMEM,
               "tdkt_index_load returned %d: %s", rc,
               tdkt_error_last()->message);
    if (rc < 0)
        return;
    tdkt_index_stats st;
    tdkt_index_stats_get(ix, &st);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.max_instructions = 200 * 1000;
    opt.time_limit_ms = 250;
    opt.memory_limit = 24u << 20;
    opt.as_of = use_shipped ? 0 : 20220601;
    tdkt_results *res = NULL;
    rc = tdkt_eval(&res, ix, use_shipped ? shipped : rules, &opt);
    FUZZ_CHECK(rc == TDKT_OK || rc == TDKT_ENOMEM, "tdkt_eval returned %d: %s",
               rc, tdkt_error_last()->message);
    if (rc == TDKT_OK) {
        size_t n = tdkt_results_count(res);
        if (fuzz_verbose())
            fprintf(stderr, "fuzz_import: judged %zu nominations\n", n);
        FUZZ_CHECK(n == st.nominations, "%zu results for %zu nominations", n,
                   st.nominations);
        tdkt_buf json = {0};
        for (size_t i = 0; i < n; i++) {
            json.len = 0;
            tdkt_result_json(res, i, &json);
            const char *j = tdkt_buf_cstr(&json);
            for (size_t k = 0; k < json.len; k++)
                FUZZ_CHECK((unsigned char)j[k] >= 0x20,
                           "result %zu: JSON holds byte 0x%02x: %s", i,
                           (unsigned char)j[k], j);
            FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *)j, json.len),
                       "result %zu: JSON is not UTF-8", i);
        }
        tdkt_buf_free(&json);
        for (int f = TDKT_FMT_TABLE; f <= TDKT_FMT_MD; f++)
            (void)tdkt_results_write(res, (tdkt_format)f,
                                     f & 1 ? TDKT_LANG_EN : TDKT_LANG_VI,
                                     devnull);
        tdkt_results_free(res);
    }
    tdkt_index_free(ix);
}

/* The whole database, serialized (caller frees with sqlite3_free). */
static unsigned char *snapshot(sqlite3 *db, sqlite3_int64 *size)
{
    unsigned char *p = sqlite3_serialize(db, "main", size, 0);
    FUZZ_CHECK(p != NULL, "cannot serialize the database");
    return p;
}

/* Whether the database is byte for byte its snapshot @p before. */
static bool same_as(sqlite3 *db, const unsigned char *before,
                    sqlite3_int64 before_size)
{
    sqlite3_int64 size = 0;
    unsigned char *now = snapshot(db, &size);
    bool same = size == before_size &&
                memcmp(before, now, (size_t)before_size) == 0;
    sqlite3_free(now);
    return same;
}

static int count_rows(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW)
            n++;
    sqlite3_finalize(st);
    return n;
}

static bool integrity_ok(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    return ok;
}

static bool one_line(const char *s)
{
    return s && !strchr(s, '\n') && !strchr(s, '\r');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    fuzz_section sec[MAX_FILES];
    size_t nsec = fuzz_sections(data, size, "==", "units.csv", sec, MAX_FILES);

    char paths_buf[MAX_FILES + 1][4300];
    const char *paths[MAX_FILES + 1];
    size_t npaths = 0, lines = 0;
    bool folder = false;
    for (size_t i = 0; i < nsec; i++) {
        const char *name = sec[i].name;
        char rel[200];
        if (name[0] == '+') {
            snprintf(rel, sizeof rel, "d/%s", name[1] ? name + 1 : "x.csv");
            folder = true;
        } else {
            snprintf(rel, sizeof rel, "%zu/%s", i, name[0] ? name : "x.csv");
            snprintf(paths_buf[npaths], sizeof paths_buf[npaths], "%s/%s",
                     scratch, rel);
            paths[npaths] = paths_buf[npaths];
            npaths++;
        }
        fuzz_write(scratch, rel, sec[i].data, sec[i].len);
        for (size_t k = 0; k < sec[i].len; k++)
            lines += sec[i].data[k] == '\n' || sec[i].data[k] == '\r';
        lines++;
    }
    if (folder) {
        snprintf(paths_buf[npaths], sizeof paths_buf[npaths], "%s/d",
                 scratch);
        paths[npaths] = paths_buf[npaths];
        npaths++;
    }

    tdkt_store *store = NULL;
    if (tdkt_store_open(&store, ":memory:", TDKT_STORE_WRITE) < 0)
        die("store");
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_backup *b =
        sqlite3_backup_init(db, "main", tdkt_store_sqlite(seed_store), "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE)
        die("copying the seed store");
    sqlite3_backup_finish(b);

    sqlite3_int64 before_size = 0;
    unsigned char *before = snapshot(db, &before_size);

    tdkt_diags diags = {0};
    tdkt_import_summary sum;
    tdkt_lang lang = size & 1 ? TDKT_LANG_EN : TDKT_LANG_VI;
    int rc = tdkt_import(store, paths, npaths, lang, &sum, &diags);
    if (fuzz_verbose()) {
        fprintf(stderr, "fuzz_import: %zu paths: %d %s\n", npaths, rc,
                rc < 0 ? tdkt_error_last()->message : "");
        for (size_t i = 0; i < diags.count; i++)
            fprintf(stderr, "  %s:%ld: %s: %s\n", diags.items[i].file,
                    diags.items[i].line,
                    diags.items[i].column ? diags.items[i].column : "",
                    diags.items[i].message);
    }

    FUZZ_CHECK(rc == TDKT_OK || rc == TDKT_EINVALID || rc == TDKT_ENOMEM ||
                   rc == TDKT_EBUSY,
               "tdkt_import returned %d: %s", rc,
               tdkt_error_last()->message);
    for (size_t i = 0; i < diags.count; i++) {
        const tdkt_diag *d = &diags.items[i];
        FUZZ_CHECK(d->file && *d->file && d->message && *d->message,
                   "problem %zu without a file or message", i);
        FUZZ_CHECK(one_line(d->message) && one_line(d->column) &&
                       one_line(d->file),
                   "problem %zu is not one line: %s: %s", i,
                   d->column ? d->column : "", d->message);
        FUZZ_CHECK(d->line >= 0, "problem %zu on line %ld", i, d->line);
    }
    if (rc == TDKT_OK) {
        FUZZ_CHECK(diags.count == 0 && diags.dropped == 0,
                   "accepted with %zu problems", diags.count);
        FUZZ_CHECK(count_rows(db, "PRAGMA foreign_key_check") == 0,
                   "dangling references after an accepted import");
        FUZZ_CHECK(integrity_ok(db), "integrity check failed");
        size_t rows = 0, written = 0;
        for (int t = 0; t < TDKT_T_COUNT_; t++) {
            rows += sum.added[t] + sum.replaced[t] + sum.unchanged[t];
            written += sum.added[t] + sum.replaced[t];
        }
        FUZZ_CHECK(rows <= lines, "%zu rows from %zu lines", rows, lines);
        if (!written)
            FUZZ_CHECK(same_as(db, before, before_size),
                       "an import that wrote no row changed the database");
        judge(store, size & 1);
    } else {
        if (rc == TDKT_EINVALID)
            FUZZ_CHECK(diags.count + diags.dropped > 0,
                       "rejected without a problem");
        FUZZ_CHECK(same_as(db, before, before_size),
                   "a rejected import changed the database");
    }
    sqlite3_free(before);
    tdkt_diags_clear(&diags);
    tdkt_store_close(store);
    fuzz_empty_dir(scratch);
    return 0;
}
