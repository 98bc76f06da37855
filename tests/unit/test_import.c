/*
 * CSV import (tdkt_import): a full valid import, one rejected fixture per
 * rule (message, line, column, result code, and a database left exactly
 * as it was), all-or-nothing across files, replacement on re-import,
 * aliases and NFD text, x_ columns, references across files.
 *
 * Fixtures: tests/fixtures/import/good (every table, valid), update (a
 * re-import), bad-last-file (a folder whose last table is bad) and
 * bad/<rule>/<table>.csv (one problem each).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "helpers.h"

typedef struct fixture {
    char *dir;
    tdkt_store *store;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->store = th_store_new(&f->dir, "tdkt.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    th_store_done(f->store, f->dir);
    free(f);
    return 0;
}

/* Import fixture paths (relative to tests/fixtures/import). */
static int import_fixtures(fixture *f,
                           const char *const *rel,
                           size_t n,
                           tdkt_lang lang,
                           tdkt_import_summary *summary,
                           tdkt_diags *diags)
{
    char **paths = calloc(n, sizeof *paths);
    assert_non_null(paths);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(rel[i]) + 8;
        char *r = malloc(len);
        assert_non_null(r);
        snprintf(r, len, "import/%s", rel[i]);
        paths[i] = th_fixture(r);
        free(r);
    }
    int rc = tdkt_import(f->store, (const char *const *)paths, n, lang, summary,
                         diags);
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    return rc;
}

static int import_one(fixture *f,
                      const char *rel,
                      tdkt_lang lang,
                      tdkt_import_summary *summary,
                      tdkt_diags *diags)
{
    return import_fixtures(f, &rel, 1, lang, summary, diags);
}

static void import_good(fixture *f)
{
    tdkt_diags d = {0};
    tdkt_import_summary s;
    int rc = import_one(f, "good", TDKT_LANG_EN, &s, &d);
    for (size_t i = 0; i < d.count; i++)
        print_error("%s:%ld: %s: %s\n", d.items[i].file, d.items[i].line,
                    d.items[i].column, d.items[i].message);
    assert_int_equal(rc, 0);
    assert_int_equal(d.count, 0);
    tdkt_diags_clear(&d);
}

/* Every record table, row by row, as text: equal dumps, equal data. */
static char *dump(fixture *f)
{
    sqlite3 *db = tdkt_store_sqlite(f->store);
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "");
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        char sql[64];
        snprintf(sql, sizeof sql, "SELECT * FROM %s", tdkt_table_name(t));
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
        tdkt_buf_printf(&b, "[%s]\n", tdkt_table_name(t));
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const char *v = (const char *)sqlite3_column_text(st, c);
                tdkt_buf_printf(&b, "%s%s", c ? "|" : "", v ? v : "NULL");
            }
            tdkt_buf_puts(&b, "\n");
        }
        sqlite3_finalize(st);
    }
    assert_false(b.oom);
    return b.ptr;
}

/* One value of a query, as text ("NULL" for NULL, "" for no row). */
static char *query(fixture *f, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(tdkt_store_sqlite(f->store), sql, -1, &st, NULL),
        SQLITE_OK);
    char *out;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        out = strdup(v ? v : "NULL");
    } else {
        out = strdup("");
    }
    sqlite3_finalize(st);
    assert_non_null(out);
    return out;
}

#define assert_query(f, sql, want)                                             \
    do {                                                                       \
        char *got_ = query(f, sql);                                            \
        assert_string_equal(got_, want);                                       \
        free(got_);                                                            \
    } while (0)

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void test_import__good_folder(void **state)
{
    fixture *f = *state;
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_one(f, "good", TDKT_LANG_EN, &s, &d), 0);
    assert_int_equal(d.count, 0);
    static const size_t added[TDKT_T_COUNT_] = {5, 3, 5, 4, 3, 1, 4, 3};
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        assert_int_equal(s.added[t], added[t]);
        assert_int_equal(s.replaced[t], 0);
    }
    assert_int_equal(s.files, 8);

    /* Codes by Vietnamese name, abbreviation, case and NFD spelling are
     * stored as the canonical code. */
    assert_query(f, "SELECT kind FROM units WHERE id='U1'", "agency");
    assert_query(f, "SELECT kind FROM units WHERE id='U5'", "agency");
    assert_query(f, "SELECT kind FROM units WHERE id='U4'", "public_service");
    assert_query(f, "SELECT category FROM people WHERE id='P1'",
                 "civil_servant");
    assert_query(f, "SELECT gender FROM people WHERE id='P2'", "female");
    assert_query(f,
                 "SELECT rating FROM appraisals WHERE subject_id='P1' "
                 "AND year=2022",
                 "excellent");
    assert_query(f,
                 "SELECT subject_type FROM appraisals WHERE "
                 "subject_id='P3'",
                 "person");
    assert_query(f, "SELECT absence FROM appraisals WHERE subject_id='P2'",
                 "maternity");
    assert_query(f,
                 "SELECT code || ',' || kind || ',' || initiatives FROM "
                 "honours WHERE subject_id='P2'",
                 "bk_tinh,thematic,I1;I2");
    assert_query(f, "SELECT code FROM honours WHERE subject_id='U2'", "ttldxs");
    assert_query(f, "SELECT level FROM disciplines", "reprimand");
    assert_query(f,
                 "SELECT scope FROM initiatives WHERE person_id='P2' AND "
                 "id='I1'",
                 "unit");
    assert_query(f, "SELECT code FROM nominations WHERE id='N3'", "cstd_cs");
    /* Defaults: months_worked 12, kind merit, applied 1, timeless 0. */
    assert_query(f,
                 "SELECT months_worked FROM appraisals WHERE "
                 "subject_id='P1' AND year=2021",
                 "12");
    assert_query(f, "SELECT kind FROM nominations WHERE id='N1'", "merit");
    assert_query(f,
                 "SELECT kind || applied FROM initiatives WHERE "
                 "person_id='P1'",
                 "initiative1");
    assert_query(f, "SELECT year FROM facts WHERE key='bloc_rank'", "0");
    /* Empty cells are NULL; text is kept as written, quotes and line
     * breaks included. */
    assert_query(f, "SELECT parent_id FROM units WHERE id='U1'", "NULL");
    assert_query(f, "SELECT hired FROM people WHERE id='P3'", "NULL");
    assert_query(f, "SELECT full_name FROM people WHERE id='P2'",
                 "Trần Thị Bình, \"Hồng\"");
    assert_query(f, "SELECT title FROM initiatives WHERE id='I2'",
                 "Đề tài \"chuyển đổi số\"\n(giai đoạn 1)");
    /* BOM and CRLF: the first column is "id", the last has no CR. */
    assert_query(f, "SELECT small FROM units WHERE id='U3'", "1");
    tdkt_diags_clear(&d);
}

/* ---- one rejected fixture per rule ---------------------------------- */

typedef struct bad_case {
    const char *path; /* under tests/fixtures/import */
    const char *file; /* the end of the reported file name */
    long line;
    const char *column;
    const char *message;
} bad_case;

static const bad_case bad_cases[] = {
    {"bad/unknown-column", "unknown-column/people.csv", 1, "gendr",
     "unknown column 'gendr' in people.csv (expected id, full_name, "
     "unit_id, is_leader, category, gender, ethnic_minority, birth_year, "
     "hired; columns of your own must start with x_)"},
    {"bad/missing-column", "missing-column/units.csv", 1, "kind",
     "missing required column 'kind'"},
    {"bad/missing-cell", "missing-cell/people.csv", 2, "full_name",
     "empty, but full_name is required"},
    {"bad/bad-date", "bad-date/disciplines.csv", 2, "date",
     "invalid date '2021-02-30' (expected YYYY-MM-DD, a real day)"},
    {"bad/bad-year", "bad-year/appraisals.csv", 3, "year",
     "invalid year '23' (expected four digits, e.g. 2021)"},
    {"bad/early-year", "early-year/people.csv", 2, "birth_year",
     "invalid year '1899' (years from 1900 to 2200 only)"},
    {"bad/late-year", "late-year/nominations.csv", 2, "year",
     "invalid year '3000' (years from 1900 to 2200 only)"},
    {"bad/late-date", "late-date/disciplines.csv", 2, "ends",
     "invalid date '2201-01-01' (years from 1900 to 2200 only)"},
    {"bad/early-date", "early-date/disciplines.csv", 2, "ends",
     "invalid date '1899-12-31' (years from 1900 to 2200 only)"},
    {"bad/bad-boolean", "bad-boolean/people.csv", 2, "is_leader",
     "invalid value 'yes' (expected 0 or 1)"},
    /* the name holds a line break: the bad cell is on the record's second
     * line, and the message says so */
    {"bad/multiline-cell", "multiline-cell/people.csv", 3, "is_leader",
     "invalid value '5' (expected 0 or 1)"},
    {"bad/bad-months", "bad-months/appraisals.csv", 2, "months_worked",
     "invalid months_worked '13' (expected a whole number from 0 to 12)"},
    {"bad/unknown-code", "unknown-code/appraisals.csv", 2, "rating",
     "unknown rating 'HTXSS' (expected excellent, good, complete, "
     "incomplete or their Vietnamese names)"},
    {"bad/unknown-subject-type", "unknown-subject-type/facts.csv", 2,
     "subject_type",
     "unknown subject type 'nhân viên' (expected person, unit, nomination "
     "or their Vietnamese names)"},
    {"bad/dangling-reference", "dangling-reference/people.csv", 2, "unit_id",
     "unknown unit 'U99' (not in the database nor in this import)"},
    {"bad/dangling-subject", "dangling-subject/honours.csv", 2, "subject_id",
     "unknown unit 'P1' (not in the database nor in this import)"},
    {"bad/dangling-initiative", "dangling-initiative/honours.csv", 2,
     "initiatives",
     "unknown initiative 'I404' (not in the database nor in this import)"},
    {"bad/duplicate-id", "duplicate-id/units.csv", 4, "id",
     "duplicate id 'U8' (also at line 2)"},
    {"bad/duplicate-key", "duplicate-key/facts.csv", 3, "subject_id",
     "duplicate row (unit, U2, 2023, internal_unity) (also at line 2)"},
    {"bad/award-subject", "award-subject/honours.csv", 2, "code",
     "'ttldxs' is not awarded to a person (it is for units)"},
    {"bad/bad-fact-key", "bad-fact-key/facts.csv", 2, "key",
     "invalid key 'Internal Unity' (expected snake_case: lower-case "
     "letters, digits and _, e.g. internal_unity)"},
    /* the values vocabulary.md gives the facts it lists */
    {"bad/fact-not-boolean", "fact-not-boolean/facts.csv", 2, "value",
     "invalid value 'có' for 'internal_unity' (expected 0 or 1)"},
    {"bad/fact-scope", "fact-scope/facts.csv", 2, "value",
     "unknown scope 'tỉnh nhà' (expected unit, province, national or their "
     "Vietnamese names)"},
    {"bad/fact-whole", "fact-whole/facts.csv", 2, "value",
     "invalid value 'first' for 'bloc_rank' (expected a whole number from 1 "
     "to 9999)"},
    {"bad/fact-launcher", "fact-launcher/facts.csv", 2, "value",
     "unknown movement launcher 'UBND tỉnh' (expected president, "
     "prime_minister, central_council, ministry, province or their "
     "Vietnamese names)"},
    /* U1 put under U3, which the stored U2 puts under U1 */
    {"bad/unit-cycle", "unit-cycle/units.csv", 2, "parent_id",
     "unit 'U1' lies under itself (U1 → U3 → U2 → U1)"},
    /* Excel's "CSV" on a Vietnamese system: one message, saying what
     * to do */
    {"bad/semicolons", "semicolons/units.csv", 1, "",
     "the columns are separated by semicolons (;); save the file as CSV "
     "separated by commas (,)"},
    {"bad/ends-before-date", "ends-before-date/disciplines.csv", 2, "ends",
     "ends '2021-05-01' is before date '2022-05-01'"},
    {"bad/wrong-cell-count", "wrong-cell-count/units.csv", 2, "",
     "2 cells, but the header has 3 columns"},
    {"bad/unterminated-quote", "unterminated-quote/units.csv", 2, "name",
     "quoted field opened on line 2 is never closed"},
    {"bad/invalid-utf8", "invalid-utf8/units.csv", 2, "name",
     "invalid UTF-8 (save the file as UTF-8)"},
    {"bad/empty-file", "empty-file/units.csv", 1, "",
     "empty file: the header line is missing"},
    {"bad/unknown-file", "unknown-file/staff.csv", 0, "",
     "'staff.csv' is not a record file (expected units.csv, people.csv, "
     "appraisals.csv, honours.csv, initiatives.csv, disciplines.csv, "
     "facts.csv or nominations.csv)"},
    {"bad/unknown-file/staff.csv", "unknown-file/staff.csv", 0, "",
     "'staff.csv' is not a record file (expected units.csv, people.csv, "
     "appraisals.csv, honours.csv, initiatives.csv, disciplines.csv, "
     "facts.csv or nominations.csv)"},
    {"no-such-folder", "import/no-such-folder", 0, "",
     "no such file or folder"},
};

static void test_import__rejected_fixtures(void **state)
{
    fixture *f = *state;
    import_good(f);
    char *before = dump(f);
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const bad_case *t = &bad_cases[i];
        tdkt_diags d = {0};
        tdkt_import_summary s;
        int rc = import_one(f, t->path, TDKT_LANG_EN, &s, &d);
        if (rc != TDKT_EINVALID || d.count != 1)
            fail_msg("%s: rc %d, %zu problems (first: %s)", t->path, rc,
                     d.count, d.count ? d.items[0].message : "none");
        const tdkt_diag *g = &d.items[0];
        if (!ends_with(g->file, t->file) || g->line != t->line ||
            strcmp(g->column, t->column) != 0 ||
            strcmp(g->message, t->message) != 0)
            fail_msg("%s: got\n  %s:%ld: %s: %s\nwant\n  …%s:%ld: %s: %s",
                     t->path, g->file, g->line, g->column, g->message, t->file,
                     t->line, t->column, t->message);
        assert_int_equal(s.files, 0); /* nothing reported as imported */
        char *after = dump(f);
        if (strcmp(before, after) != 0)
            fail_msg("%s: the database changed", t->path);
        free(after);
        tdkt_diags_clear(&d);
    }
    free(before);
}

/* Messages are Vietnamese by default. */
static void test_import__vietnamese_messages(void **state)
{
    fixture *f = *state;
    import_good(f);
    static const struct {
        const char *path, *message;
    } cases[] = {
        {"bad/unknown-code",
         "xếp loại 'HTXSS' không hợp lệ (cần một trong: excellent, good, "
         "complete, incomplete hoặc tên tiếng Việt tương ứng)"},
        {"bad/dangling-reference",
         "không tìm thấy đơn vị 'U99' (không có trong cơ sở dữ liệu hay "
         "trong lần nhập này)"},
        {"bad/duplicate-id", "mã 'U8' bị trùng (đã có ở dòng 2)"},
        {"bad/bad-date",
         "ngày '2021-02-30' không hợp lệ (cần dạng YYYY-MM-DD, một ngày có "
         "thật)"},
        {"bad/invalid-utf8",
         "không phải UTF-8 hợp lệ (hãy lưu tệp dạng UTF-8)"},
        {"bad/early-year",
         "năm '1899' không hợp lệ (chỉ nhận năm từ 1900 đến 2200)"},
        {"bad/early-date",
         "ngày '1899-12-31' không hợp lệ (chỉ nhận năm từ 1900 đến 2200)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tdkt_diags d = {0};
        assert_int_equal(import_one(f, cases[i].path, TDKT_LANG_VI, NULL, &d),
                         TDKT_EINVALID);
        assert_int_equal(d.count, 1);
        assert_string_equal(d.items[0].message, cases[i].message);
        tdkt_diags_clear(&d);
    }
}

/* The store's records version (tdkt_store_records_version). */
#define VERSION_SQL "SELECT value FROM meta WHERE key = 'records_version'"

/* A folder whose last file (nominations, written last) is bad leaves
 * nothing, in an empty store as in a full one. */
static void test_import__all_or_nothing(void **state)
{
    fixture *f = *state;
    char *empty = dump(f);
    tdkt_diags d = {0};
    assert_int_equal(import_one(f, "bad-last-file", TDKT_LANG_EN, NULL, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 1);
    assert_true(ends_with(d.items[0].file, "bad-last-file/nominations.csv"));
    assert_int_equal(d.items[0].line, 3);
    assert_string_equal(d.items[0].column, "code");
    char *after = dump(f);
    assert_string_equal(empty, after);
    free(after);
    tdkt_diags_clear(&d);

    import_good(f);
    /* One import, one change of the records version. */
    assert_query(f, VERSION_SQL, "1");
    char *before = dump(f);
    static const char *const paths[] = {"good/units.csv", "bad-last-file"};
    assert_int_equal(import_fixtures(f, paths, 2, TDKT_LANG_EN, NULL, &d),
                     TDKT_EINVALID);
    after = dump(f);
    assert_string_equal(before, after);
    assert_query(f, "SELECT count(*) FROM units WHERE id='U7'", "0");
    assert_query(f, "SELECT count(*) FROM people WHERE id='P7'", "0");
    assert_query(f, VERSION_SQL, "1");
    free(after);
    free(before);
    free(empty);
    tdkt_diags_clear(&d);
}

/* Re-import replaces rows in place and says so. */
static void test_import__reimport_replaces(void **state)
{
    fixture *f = *state;
    import_good(f);
    /* A column no file holds (set by `confer`) survives a replacement. */
    char *err = NULL;
    assert_int_equal(sqlite3_exec(tdkt_store_sqlite(f->store),
                                  "UPDATE honours SET run_id = 7, "
                                  "nomination_id = 'N1' WHERE code='ldtt'",
                                  NULL, NULL, &err),
                     SQLITE_OK);

    /* The import counted once, the update once per row (its triggers),
     * and the triggers are back after the import: */
    assert_query(f, "SELECT count(*) FROM honours WHERE code='ldtt'", "1");
    assert_query(f, VERSION_SQL, "2");
    assert_query(f, "SELECT count(*) FROM sqlite_schema WHERE type = "
                    "'trigger' AND name GLOB '*_stale_[iud]' AND sql LIKE "
                    "'%records_version%'",
                 "24");
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_one(f, "update", TDKT_LANG_EN, &s, &d), 0);
    assert_query(f, VERSION_SQL, "3");
    assert_int_equal(s.added[TDKT_T_UNITS], 1);
    assert_int_equal(s.replaced[TDKT_T_UNITS], 1);
    assert_int_equal(s.added[TDKT_T_PEOPLE], 1);
    assert_int_equal(s.replaced[TDKT_T_PEOPLE], 0);
    assert_int_equal(s.added[TDKT_T_APPRAISALS], 1);
    assert_int_equal(s.replaced[TDKT_T_APPRAISALS], 1);
    assert_int_equal(s.files, 3);
    assert_query(f, "SELECT name || ',' || kind FROM units WHERE id='U2'",
                 "Sở Nội vụ tỉnh Kon Tum,agency");
    /* A column the new file leaves out keeps what was stored. */
    assert_query(f, "SELECT bloc FROM units WHERE id='U2'",
                 "Khối cơ quan tổng hợp");
    assert_query(f,
                 "SELECT rating FROM appraisals WHERE subject_id='P1' "
                 "AND year=2021",
                 "good");
    /* Rows that refer to the replaced unit still do. */
    assert_query(f, "SELECT unit_id FROM people WHERE id='P1'", "U2");
    assert_query(f, "SELECT count(*) FROM units", "6");

    /* The whole folder again: none added, the two rows update changed
     * replaced (U2's name, P1's rating of 2021), the others unchanged. */
    assert_int_equal(import_one(f, "good", TDKT_LANG_EN, &s, &d), 0);
    static const size_t replaced[TDKT_T_COUNT_] = {1, 0, 1, 0, 0, 0, 0, 0};
    static const size_t unchanged[TDKT_T_COUNT_] = {4, 3, 4, 4, 3, 1, 4, 3};
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        assert_int_equal(s.added[t], 0);
        assert_int_equal(s.replaced[t], replaced[t]);
        assert_int_equal(s.unchanged[t], unchanged[t]);
    }
    assert_query(f, VERSION_SQL, "4");
    assert_query(f,
                 "SELECT run_id || nomination_id FROM honours WHERE "
                 "code='ldtt'",
                 "7N1");
    assert_query(f, "SELECT count(*) FROM appraisals", "6");
    tdkt_diags_clear(&d);
}

/* A replaced row takes the cells its file gives, empty ones too, and
 * keeps what is stored in the columns the file does not have: an
 * honours.csv without decision_no must not erase signed numbers. */
static void test_import__reimport_keeps_absent_columns(void **state)
{
    fixture *f = *state;
    import_good(f);
    char *err = NULL;
    assert_int_equal(sqlite3_exec(tdkt_store_sqlite(f->store),
                                  "UPDATE honours SET decision_no = "
                                  "'9/QĐ-UBND' WHERE subject_id = 'U2'",
                                  NULL, NULL, &err),
                     SQLITE_OK);
    tdkt_diags d = {0};
    tdkt_import_summary s;
    /* Two files of units with other columns: their UPSERTs differ. */
    static const char *const paths[] = {"update/units.csv", "partial"};
    assert_int_equal(import_fixtures(f, paths, 2, TDKT_LANG_EN, &s, &d), 0);
    assert_int_equal(s.replaced[TDKT_T_UNITS], 2);
    assert_int_equal(s.replaced[TDKT_T_PEOPLE], 1);
    /* honours: only their keys are given, as they are stored */
    assert_int_equal(s.replaced[TDKT_T_HONOURS], 0);
    assert_int_equal(s.unchanged[TDKT_T_HONOURS], 2);
    /* honours: a person's row (written at once) and a unit's (held) */
    assert_query(f,
                 "SELECT decision_no || ',' || decision_date || ',' || "
                 "initiatives FROM honours WHERE subject_id = 'P1' AND "
                 "code = 'cstd_cs'",
                 "123/QĐ-UBND,2022-01-10,I1");
    assert_query(f, "SELECT decision_no FROM honours WHERE subject_id='U2'",
                 "9/QĐ-UBND");
    /* people: an empty cell of a column the file has is given as empty */
    assert_query(f,
                 "SELECT ifnull(hired, 'NULL') || ',' || category || ',' || "
                 "gender || ',' || birth_year FROM people WHERE id = 'P1'",
                 "NULL,civil_servant,male,1975");
    /* the file's x_ columns join those stored, which it does not have */
    assert_query(f, "SELECT extra FROM people WHERE id = 'P1'",
                 "{\"x_phone\":\"0912345678\",\"x_mobile\":\"0987654321\"}");
    /* units: each file's own columns set, the rest kept */
    assert_query(f, "SELECT bloc || ',' || small FROM units WHERE id='U2'",
                 "Khối cơ quan tổng hợp,0");
    assert_query(f,
                 "SELECT parent_id || ',' || bloc || ',' || small || ',' || "
                 "ifnull(extra, 'NULL') FROM units WHERE id='U3'",
                 "U2,Khối tổng hợp,1,NULL");
    tdkt_diags_clear(&d);
}

/* Import @p paths (absolute), in English, into @p f's store. */
static int import_paths(fixture *f,
                        const char *const *paths,
                        size_t n,
                        tdkt_import_summary *summary,
                        tdkt_diags *d)
{
    return tdkt_import(f->store, paths, n, TDKT_LANG_EN, summary, d);
}

/* References resolve to any file of the import, in any order. */
static void test_import__references_across_files(void **state)
{
    fixture *f = *state;
    static const char *const paths[] = {
        "good/nominations.csv", "good/facts.csv",       "good/disciplines.csv",
        "good/honours.csv",     "good/initiatives.csv", "good/appraisals.csv",
        "good/people.csv",      "good/units.csv"};
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_fixtures(f, paths, 8, TDKT_LANG_EN, &s, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(s.added[TDKT_T_NOMINATIONS], 3);
    assert_int_equal(s.files, 8);

    /* The same id in two files of one import names the first. */
    static const char *const twice[] = {"good/units.csv", "update/units.csv"};
    assert_int_equal(import_fixtures(f, twice, 2, TDKT_LANG_EN, &s, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 1);
    assert_true(ends_with(d.items[0].file, "update/units.csv"));
    assert_int_equal(d.items[0].line, 2);
    assert_non_null(strstr(d.items[0].message, "duplicate id 'U2' (also at "));
    assert_true(ends_with(d.items[0].message, "good/units.csv:3)"));
    tdkt_diags_clear(&d);

    /* Also for people, whose ids are not read ahead (no reference can
     * name a person before people.csv is read): each row of the second
     * copy (a file of its own: one file named twice is read once) names
     * its twin in the first. */
    char *good = th_fixture("import/good/people.csv"), *dir = th_tmpdir();
    char *text = th_read(good, NULL);
    assert_non_null(text);
    const char *people[] = {good, th_write(dir, "people.csv", text)};
    assert_int_equal(import_paths(f, people, 2, &s, &d), TDKT_EINVALID);
    assert_int_equal(d.count, 3);
    for (size_t i = 0; i < 3; i++) {
        char want[64];
        snprintf(want, sizeof want, "duplicate id 'P%zu' (also at ", i + 1);
        assert_int_equal(d.items[i].line, (long)i + 2);
        assert_non_null(strstr(d.items[i].message, want));
        snprintf(want, sizeof want, "good/people.csv:%zu)", i + 2);
        assert_true(ends_with(d.items[i].message, want));
    }
    tdkt_diags_clear(&d);
    free((char *)people[1]);
    free(text);
    free(good);
    th_rmtree(dir);
    free(dir);
}

/* Every problem is reported, in file order, up to the limit. */
static void test_import__every_problem(void **state)
{
    fixture *f = *state;
    import_good(f);
    tdkt_diags d = {0};
    assert_int_equal(import_one(f, "bad/many-problems", TDKT_LANG_EN, NULL, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.items[0].line, 2);
    assert_string_equal(d.items[0].column, "rating");
    assert_int_equal(d.items[1].line, 4);
    assert_string_equal(d.items[1].column, "subject_id");
    assert_int_equal(d.items[2].line, 5);
    assert_string_equal(d.items[2].column, "year");
    tdkt_diags_clear(&d);

    d.limit = 2;
    assert_int_equal(import_one(f, "bad/many-problems", TDKT_LANG_EN, NULL, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 2);
    assert_int_equal(d.dropped, 1);
    tdkt_diags_clear(&d);
}

/* With a limit per file, a file with many problems leaves room for the
 * next file's, and each file's dropped ones are counted. */
static void test_import__problems_per_file(void **state)
{
    (void)state;
    tdkt_diags d = {.limit = 5, .per_file = 2};
    for (int i = 0; i < 4; i++)
        assert_int_equal(tdkt_diags_add(&d, "a.csv", i + 2, "x", "bad %d", i),
                         TDKT_OK);
    assert_int_equal(tdkt_diags_add(&d, "b.csv", 7, "y", "bad"), TDKT_OK);
    assert_int_equal(tdkt_diags_add(&d, "a.csv", 9, "x", "late"), TDKT_OK);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.dropped, 3);
    assert_string_equal(d.items[2].file, "b.csv");
    assert_int_equal(d.nfiles, 2);
    assert_string_equal(d.files[0].file, "a.csv");
    assert_int_equal(d.files[0].recorded, 2);
    assert_int_equal(d.files[0].dropped, 3);
    assert_int_equal(d.files[1].recorded, 1);
    assert_int_equal(d.files[1].dropped, 0);
    /* the overall limit still holds */
    for (int i = 0; i < 3; i++)
        tdkt_diags_add(&d, i ? "d.csv" : "c.csv", 1, "", "bad");
    assert_int_equal(d.count, 5);
    assert_int_equal(d.dropped, 4);
    tdkt_diags_clear(&d);
    assert_int_equal(d.nfiles, 0);
    assert_null(d.files);
}

/* Units U<from>..U<to-1> named "<name> <i>", all under U0. */
static char *units_csv(int from, int to, const char *name, int bad_at)
{
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "id,name,parent_id,kind\n");
    for (int i = from; i < to; i++)
        tdkt_buf_printf(&b, "U%d,%s %d,%s,%s\n", i, name, i, i ? "U0" : "",
                        i == bad_at ? "agencyy" : "agency");
    assert_false(b.oom);
    return b.ptr;
}

/* Importing @p paths is refused for one problem, at @p line, and leaves
 * the store exactly as it was. */
static void assert_refused_unchanged(fixture *f, const char *const *paths,
                                     size_t n, long line)
{
    char *before = dump(f);
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(tdkt_import(f->store, paths, n, TDKT_LANG_EN, &s, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, line);
    char *after = dump(f);
    assert_string_equal(before, after);
    free(after);
    free(before);
    tdkt_diags_clear(&d);
}

/* Enough rows for whole batches and a tail, round the writer's ring of
 * batches several times; new and stored keys mixed in one batch, and a
 * problem found after batches were written. */
static void test_import__batches(void **state)
{
    fixture *f = *state;
    char *dir = th_tmpdir(), *text = units_csv(0, 2000, "Đơn vị", -1);
    char *path = th_write(dir, "units.csv", text);
    const char *paths[] = {path};
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(tdkt_import(f->store, paths, 1, TDKT_LANG_EN, &s, &d), 0);
    assert_int_equal(s.added[TDKT_T_UNITS], 2000);
    assert_int_equal(s.replaced[TDKT_T_UNITS], 0);
    free(text);
    free(path);

    text = units_csv(1000, 3000, "Phòng", -1);
    path = th_write(dir, "units.csv", text);
    paths[0] = path;
    assert_int_equal(tdkt_import(f->store, paths, 1, TDKT_LANG_EN, &s, &d), 0);
    assert_int_equal(s.added[TDKT_T_UNITS], 1000);
    assert_int_equal(s.replaced[TDKT_T_UNITS], 1000);
    assert_query(f, "SELECT count(*) FROM units", "3000");
    assert_query(f, "SELECT name FROM units WHERE id='U999'", "Đơn vị 999");
    assert_query(f, "SELECT name FROM units WHERE id='U1000'", "Phòng 1000");
    assert_query(f, "SELECT name FROM units WHERE id='U2999'", "Phòng 2999");
    free(text);
    free(path);

    text = units_csv(3000, 6000, "Tổ", 4500);
    path = th_write(dir, "units.csv", text);
    paths[0] = path;
    assert_refused_unchanged(f, paths, 1, 1502);
    free(text);
    free(path);
    tdkt_diags_clear(&d);
    th_rmtree(dir);
    free(dir);
}

/* Facts of nominations, people and units interleaved, as files grouped by
 * unit hold them: the importer writes the people's first and holds the
 * others back to the end of the table (writer.h); every row is stored,
 * once, whatever order it came in, and a problem after held rows keeps
 * nothing. */
static void test_import__held_rows(void **state)
{
    fixture *f = *state;
    char *dir = th_tmpdir();
    tdkt_buf facts = {0}, units = {0}, people = {0}, noms = {0};
    tdkt_buf_puts(&units, "id,name,parent_id,kind\n");
    tdkt_buf_puts(&people, "id,full_name,unit_id,is_leader\n");
    tdkt_buf_puts(&noms, "id,subject_type,subject_id,code,year\n");
    tdkt_buf_puts(&facts, "subject_type,subject_id,year,key,value\n");
    for (int u = 0; u < 30; u++) {
        tdkt_buf_printf(&units, "U%02d,Đơn vị %d,,agency\n", u, u);
        for (int p = 0; p < 20; p++) {
            tdkt_buf_printf(&people, "P%02d%02d,Người %d,U%02d,0\n", u, p,
                            p, u);
            tdkt_buf_printf(&facts, "person,P%02d%02d,2023,bloc_rank,%d\n",
                            u, p, p + 1); /* ranks count from 1 */
        }
        tdkt_buf_printf(&noms, "N%02d,unit,U%02d,co_tinh,2023\n", u, u);
        tdkt_buf_printf(&facts, "unit,U%02d,2023,bloc_rank,%d\n", u, u + 1);
        tdkt_buf_printf(&facts, "nomination,N%02d,,internal_unity,1\n", u);
    }
    assert_false(facts.oom || units.oom || people.oom || noms.oom);
    char *paths[] = {th_write(dir, "units.csv", units.ptr),
                     th_write(dir, "people.csv", people.ptr),
                     th_write(dir, "nominations.csv", noms.ptr),
                     th_write(dir, "facts.csv", facts.ptr)};
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(tdkt_import(f->store, (const char *const *)paths, 4,
                                 TDKT_LANG_EN, &s, &d),
                     0);
    assert_int_equal(s.added[TDKT_T_FACTS], 30 * 22);
    assert_query(f, "SELECT count(*) FROM facts", "660");
    assert_query(f, "SELECT count(*) FROM facts WHERE subject_type = 'unit'",
                 "30");
    assert_query(f, "SELECT value FROM facts WHERE subject_id = 'U29'", "30");
    assert_query(f, "SELECT count(*) FROM facts WHERE subject_type = "
                    "'nomination' AND key = 'internal_unity'",
                 "30");
    assert_query(f, "SELECT value FROM facts WHERE subject_id = 'P2919'",
                 "20");

    /* Again, every row as it is stored; then a unit's row held back and a
     * bad person's row after it: nothing changes. */
    assert_int_equal(tdkt_import(f->store, (const char *const *)paths, 4,
                                 TDKT_LANG_EN, &s, &d),
                     0);
    assert_int_equal(s.replaced[TDKT_T_FACTS], 0);
    assert_int_equal(s.unchanged[TDKT_T_FACTS], 660);
    free(paths[3]);
    paths[3] = th_write(dir, "facts.csv",
                        "subject_type,subject_id,year,key,value\n"
                        "unit,U01,2024,bloc_rank,1\n"
                        "person,P0101,2024,bloc_rank,1\n"
                        "person,P9999,2024,bloc_rank,1\n");
    assert_refused_unchanged(f, (const char *const *)&paths[3], 1, 4);
    for (int i = 0; i < 4; i++)
        free(paths[i]);
    tdkt_buf_free(&facts);
    tdkt_buf_free(&units);
    tdkt_buf_free(&people);
    tdkt_buf_free(&noms);
    tdkt_diags_clear(&d);
    th_rmtree(dir);
    free(dir);
}

/* The problems found, one a line, as "NAME:LINE: COLUMN: message" with
 * the folders left out of the file names (malloc'd). */
static char *problems_text(const tdkt_diags *d)
{
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "");
    for (size_t i = 0; i < d->count; i++) {
        const tdkt_diag *g = &d->items[i];
        const char *slash = strrchr(g->file, '/');
        tdkt_buf_printf(&b, "%s:%ld: %s: %s\n", slash ? slash + 1 : g->file,
                        g->line, g->column, g->message);
    }
    assert_false(b.oom);
    return b.ptr;
}

#define assert_problems(d, want)                                               \
    do {                                                                       \
        char *got_ = problems_text(d);                                         \
        assert_string_equal(got_, want);                                       \
        free(got_);                                                            \
    } while (0)

/* Header problems are reported on the header's own line, below the blank
 * lines a spreadsheet may leave above it. */
static void test_import__header_after_blank_lines(void **state)
{
    fixture *f = *state;
    char *dir = th_tmpdir();
    char *paths[] = {
        th_write(dir, "units.csv", "\n\nid,name,parent,kind\nU9,X,,agency\n"),
        th_write(dir, "people.csv", "\r\n\r\n\r\nid,unit_id,is_leader\n")};
    tdkt_diags d = {0};
    assert_int_equal(import_paths(f, (const char *const *)paths, 2, NULL, &d),
                     TDKT_EINVALID);
    assert_problems(&d, "units.csv:3: parent: unknown column 'parent' in "
                        "units.csv (expected id, name, parent_id, kind, bloc, "
                        "small; columns of your own must start with x_)\n"
                        "people.csv:4: full_name: missing required column "
                        "'full_name'\n");
    tdkt_diags_clear(&d);
    for (size_t i = 0; i < 2; i++)
        free(paths[i]);
    th_rmtree(dir);
    free(dir);
}

/* Write the files {name, text, name, text, …, NULL} into a fresh folder
 * and import it, in English, into @p f's store (its summary into
 * @p summary unless NULL). */
static int import_texts_summary(fixture *f,
                                const char *const *files,
                                tdkt_import_summary *summary,
                                tdkt_diags *d)
{
    char *dir = th_tmpdir();
    for (size_t i = 0; files[i]; i += 2)
        free(th_write(dir, files[i], files[i + 1]));
    const char *paths[] = {dir};
    int rc = import_paths(f, paths, 1, summary, d);
    th_rmtree(dir);
    free(dir);
    return rc;
}

static int import_texts(fixture *f, const char *const *files, tdkt_diags *d)
{
    return import_texts_summary(f, files, NULL, d);
}

/* A row whose given cells are as stored is not written: counted
 * unchanged, not replaced. An import that adds and changes no row (its
 * rows as stored, or a file of only its header) changes nothing, not
 * even the records version, which would mark every saved run as judged
 * on records changed since; one changed row makes it an import again. */
static void test_import__unchanged_rows_change_nothing(void **state)
{
    fixture *f = *state;
    import_good(f);
    assert_query(f, VERSION_SQL, "1");
    char *before = dump(f);
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_one(f, "good", TDKT_LANG_EN, &s, &d), 0);
    static const size_t rows[TDKT_T_COUNT_] = {5, 3, 5, 4, 3, 1, 4, 3};
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        assert_int_equal(s.added[t], 0);
        assert_int_equal(s.replaced[t], 0);
        assert_int_equal(s.unchanged[t], rows[t]);
    }
    assert_int_equal(s.files, 8);
    assert_query(f, VERSION_SQL, "1");
    /* the triggers that count other changes are still there */
    assert_query(f, "SELECT count(*) FROM sqlite_schema WHERE type = "
                    "'trigger' AND name GLOB '*_stale_[iud]'",
                 "24");
    char *after = dump(f);
    assert_string_equal(before, after);
    free(after);

    static const char *const header[] = {"units.csv", "id,name,kind\n", NULL};
    assert_int_equal(import_texts(f, header, &d), 0);
    assert_query(f, VERSION_SQL, "1");

    /* U1 as stored (its kind by its Vietnamese name, x_note as it is),
     * U2 renamed */
    static const char *const one[] = {
        "units.csv",
        "id,name,kind,x_note\n"
        "U1,Ủy ban nhân dân tỉnh Kon Tum,Cơ quan,\"root, of all\"\n"
        "U2,Sở Nội vụ tỉnh Kon Tum,agency,\n",
        NULL};
    assert_int_equal(import_texts_summary(f, one, &s, &d), 0);
    assert_int_equal(s.replaced[TDKT_T_UNITS], 1);
    assert_int_equal(s.unchanged[TDKT_T_UNITS], 1);
    assert_query(f, VERSION_SQL, "2");
    free(before);
    tdkt_diags_clear(&d);
}

/* A row with a problem still defines its id when the id cell can be read
 * (also when the problem is in the header): only its own problems are
 * reported, not every row naming it. A second row with its id is a
 * duplicate all the same. */
static void test_import__bad_rows_define_their_ids(void **state)
{
    fixture *f = *state;
    static const char *const rows[] = {
        "units.csv",
        "id,name,parent_id,kind\n"
        "U1,Sở \xF4 lẻ,,agency\n" /* invalid UTF-8 */
        "U2,Phòng,U1,agency\n"
        "U3,Tổ,agency\n" /* a cell short */
        "U1,Lại,,agency\n"
        "U4,\"Đội \xF4\",U2,agency\n",
        "people.csv",
        "full_name,id,unit_id,is_leader\n" /* the id after a bad cell */
        "\"Bình \xF4\",P1,U1,0\n"
        "An,P2,U3\n"
        "Chi,P3,U4,0\n"
        "Dũng,P2,U2,0\n"
        "Giang,P4,U2,0,1\n", /* a cell too many */
        "appraisals.csv",
        "subject_type,subject_id,year,rating\n"
        "person,P1,2021,good\n"
        "person,P2,2021,good\n"
        "unit,U3,2021,good\n"
        "person,P4,2021,good\n"
        "person,P9,2021,good\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, rows, &d), TDKT_EINVALID);
    assert_problems(&d,
                    "units.csv:2: name: invalid UTF-8 (save the file as "
                    "UTF-8)\n"
                    "units.csv:4: : 3 cells, but the header has 4 columns\n"
                    "units.csv:5: id: duplicate id 'U1' (also at line 2)\n"
                    "units.csv:6: name: invalid UTF-8 (save the file as "
                    "UTF-8)\n"
                    "people.csv:2: full_name: invalid UTF-8 (save the file "
                    "as UTF-8)\n"
                    "people.csv:3: : 3 cells, but the header has 4 columns\n"
                    "people.csv:5: id: duplicate id 'P2' (also at line 3)\n"
                    "people.csv:6: : 5 cells, but the header has 4 columns\n"
                    "appraisals.csv:6: subject_id: unknown person 'P9' (not "
                    "in the database nor in this import)\n");
    tdkt_diags_clear(&d);

    static const char *const headers[] = {
        "units.csv",
        "id,name,kind,x_gh\xF4\n"
        "U5,Sở,agency,1\n",
        "people.csv",
        "id,fullname,unit_id,is_leader\n"
        "P5,Em,U5,0\n"
        "P6,\"G\xF4\",U5,0\n",
        "appraisals.csv",
        "subject_type,subject_id,year,rating\n"
        "person,P5,2021,good\n"
        "person,P6,2021,good\n",
        NULL};
    assert_int_equal(import_texts(f, headers, &d), TDKT_EINVALID);
    assert_problems(&d,
                    "units.csv:1: : invalid UTF-8 (save the file as UTF-8)\n"
                    "people.csv:1: fullname: unknown column 'fullname' in "
                    "people.csv (expected id, full_name, unit_id, "
                    "is_leader, category, gender, ethnic_minority, "
                    "birth_year, hired; columns of your own must start "
                    "with x_)\n"
                    "people.csv:1: full_name: missing required column "
                    "'full_name'\n");
    tdkt_diags_clear(&d);
    assert_query(f, "SELECT count(*) FROM units", "0");
}

/* Columns of the user's own (x_…) are kept in `extra`, one JSON object
 * a row, in header order, without the empty cells (NULL when none is
 * left); a re-imported row takes them one by one, as it takes columns:
 * those its file has are replaced (an empty cell removes one), the others
 * kept. A column named "extra" is unknown, and an x_ column twice is a
 * repeated column. */
static void test_import__own_columns_kept(void **state)
{
    fixture *f = *state;
    static const char *const first[] = {
        "units.csv",
        "x_b,id,name,x_a,kind\n"
        "2,U1,Sở,\"a \"\"q\"\" \\ b\nc\",agency\n"
        ",U2,Phòng,Tổ 1,agency\n"
        ",U3,Đội,,agency\n",
        "people.csv",
        "id,full_name,unit_id,is_leader,x_phone\n"
        "P1,An,U1,0,0912 345 678\n",
        "facts.csv", /* a unit's row is held back (writer.h) */
        "subject_type,subject_id,key,value,x_src\n"
        "unit,U1,internal_unity,1,QĐ 12\n"
        "person,P1,internal_unity,1,\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, first, &d), 0);
    assert_query(f, "SELECT extra FROM units WHERE id='U1'",
                 "{\"x_b\":\"2\",\"x_a\":\"a \\\"q\\\" \\\\ b\\nc\"}");
    assert_query(f,
                 "SELECT json_extract(extra, '$.x_a') FROM units WHERE "
                 "id='U1'",
                 "a \"q\" \\ b\nc");
    assert_query(f, "SELECT extra FROM units WHERE id='U2'",
                 "{\"x_a\":\"Tổ 1\"}");
    assert_query(f, "SELECT extra FROM units WHERE id='U3'", "NULL");
    assert_query(f, "SELECT extra FROM people WHERE id='P1'",
                 "{\"x_phone\":\"0912 345 678\"}");
    assert_query(f, "SELECT extra FROM facts WHERE subject_type='unit'",
                 "{\"x_src\":\"QĐ 12\"}");
    assert_query(f, "SELECT extra FROM facts WHERE subject_type='person'",
                 "NULL");

    static const char *const again[] = {"units.csv",
                                        "id,name,kind,x_c\n"
                                        "U1,Sở,agency,\n"
                                        "U2,Phòng,agency,3\n",
                                        NULL};
    assert_int_equal(import_texts(f, again, &d), 0);
    assert_query(f, "SELECT extra FROM units WHERE id='U1'",
                 "{\"x_b\":\"2\",\"x_a\":\"a \\\"q\\\" \\\\ b\\nc\"}");
    assert_query(f, "SELECT extra FROM units WHERE id='U2'",
                 "{\"x_a\":\"Tổ 1\",\"x_c\":\"3\"}");

    static const char *const removed[] = {"units.csv",
                                          "id,name,kind,x_a,x_b\n"
                                          "U1,Sở,agency,,9\n"
                                          "U2,Phòng,agency,,\n"
                                          "U3,Đội,agency,,\n",
                                          NULL};
    assert_int_equal(import_texts(f, removed, &d), 0);
    assert_query(f, "SELECT extra FROM units WHERE id='U1'",
                 "{\"x_b\":\"9\"}");
    assert_query(f, "SELECT extra FROM units WHERE id='U2'",
                 "{\"x_c\":\"3\"}");
    assert_query(f, "SELECT extra FROM units WHERE id='U3'", "NULL");

    static const char *const bad[] = {
        "units.csv",
        "id,name,kind,extra\n"
        "U4,Ban,agency,1\n",
        "people.csv",
        "id,full_name,unit_id,is_leader,x_a,x_b,x_a\n"
        "P2,Bình,U1,0,1,2,3\n",
        NULL};
    assert_int_equal(import_texts(f, bad, &d), TDKT_EINVALID);
    assert_problems(&d, "units.csv:1: extra: unknown column 'extra' in "
                        "units.csv (expected id, name, parent_id, kind, "
                        "bloc, small; columns of your own must start with "
                        "x_)\n"
                        "people.csv:1: x_a: column 'x_a' appears twice\n");
    tdkt_diags_clear(&d);
}

/* A folder and a file in it, or one path twice, import the file once;
 * a folder named with a trailing slash gives no "//" in file names. */
/* The facts vocabulary.md lists take its values (a code by its
 * Vietnamese name or in any letter case is stored as the code, a whole
 * number written with leading zeros as the number); a key it does not
 * list, any text: a regulation may add one. */
static void test_import__fact_values(void **state)
{
    fixture *f = *state;
    import_good(f);
    static const char *const files[] = {
        "facts.csv",
        "subject_type,subject_id,year,key,value\n"
        "person,P1,2022,influence_scope,Phạm vi toàn quốc\n"
        "person,P1,2021,influence_scope,NATIONAL\n"
        "person,P1,2022,self_reliance,0\n"
        "unit,U2,2022,bloc_rank,12\n"
        "unit,U2,2021,bloc_rank,01\n"
        "nomination,N1,,movement_launched_by,Province\n"
        "nomination,N2,,movement_launched_by,PRIME_MINISTER\n"
        "nomination,N3,,movement_launched_by,thủ tướng chính phủ\n"
        "nomination,N1,,movement_years,0005\n"
        "person,P1,2022,trained_colleagues,có\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_problems(&d, "");
    assert_query(f,
                 "SELECT group_concat(value, ',') FROM (SELECT value FROM "
                 "facts WHERE key = 'movement_launched_by' ORDER BY "
                 "subject_id)",
                 "province,prime_minister,prime_minister");
    assert_query(f,
                 "SELECT value FROM facts WHERE key='influence_scope' AND "
                 "year=2021",
                 "national");
    assert_query(f,
                 "SELECT value FROM facts WHERE key='bloc_rank' AND "
                 "year=2021",
                 "1");
    assert_query(f, "SELECT value FROM facts WHERE key='movement_years'",
                 "5");

    static const char *const zero[] = {
        "facts.csv",
        "subject_type,subject_id,year,key,value\n"
        "unit,U2,2020,bloc_rank,00\n"
        "unit,U2,2019,bloc_rank,00010000\n",
        NULL};
    assert_int_equal(import_texts(f, zero, &d), TDKT_EINVALID);
    assert_problems(&d, "facts.csv:2: value: invalid value '00' for "
                        "'bloc_rank' (expected a whole number from 1 to "
                        "9999)\n"
                        "facts.csv:3: value: invalid value '00010000' for "
                        "'bloc_rank' (expected a whole number from 1 to "
                        "9999)\n");
    tdkt_diags_clear(&d);
    assert_query(f,
                 "SELECT value FROM facts WHERE subject_id='P1' AND "
                 "key='influence_scope' AND year=2022",
                 "national");
    assert_query(f,
                 "SELECT value FROM facts WHERE key='bloc_rank' AND "
                 "year=2022",
                 "12");
    assert_query(f, "SELECT value FROM facts WHERE key='trained_colleagues'",
                 "có");
    tdkt_diags_clear(&d);
}

/* Text is stored composed (NFC): an id typed with combining accents
 * (NFD) names the unit typed precomposed, and a name so typed is stored
 * as the same name typed precomposed. */
static void test_import__text_composed(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "units.csv",
        "id,name,kind\n"
        "\xc4\x90V-Ho\xc3\xa0,Ph\xc3\xb2ng,agency\n" /* ĐV-Hoà, NFC */
        /* two characters NFC replaces: U+212B ANGSTROM SIGN, U+0340 */
        "U2,\xe2\x84\xab \xcd\x80,agency\n",
        "people.csv",
        "id,full_name,unit_id,is_leader\n"
        /* Nguyễn Thị Hoà and ĐV-Hoà, NFD */
        "P1,Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Hoa\xcc\x80,"
        "\xc4\x90V-Hoa\xcc\x80,0\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_query(f,
                 "SELECT count(*) FROM people JOIN units ON units.id = "
                 "people.unit_id AND units.name = 'Ph\xc3\xb2ng'",
                 "1");
    assert_query(f, "SELECT full_name FROM people",
                 "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Ho\xc3\xa0");
    assert_query(f, "SELECT name FROM units WHERE id = 'U2'",
                 "\xc3\x85 \xcc\x80");
    tdkt_diags_clear(&d);
}

/* Spaces and tabs around a cell are not part of it (spreadsheets keep
 * them): "U7 " is the unit U7, " good" the rating good; a cell of only
 * spaces is empty. */
static void test_import__cells_trimmed(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "units.csv",
        "id,name,kind\n"
        "U7 ,\t Bảy ,agency \n",
        "people.csv",
        "id,full_name,unit_id,is_leader\n"
        "P7, Người Bảy, U7,0\n",
        "appraisals.csv",
        "subject_type,subject_id,year,rating\n"
        "person,P7,2023, good\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_query(f, "SELECT id || '|' || name || '|' || kind FROM units",
                 "U7|Bảy|agency");
    assert_query(f, "SELECT unit_id || '|' || full_name FROM people",
                 "U7|Người Bảy");
    assert_query(f, "SELECT rating FROM appraisals", "good");

    static const char *const blank[] = {"units.csv",
                                        "id,name,kind\n"
                                        "U8,   ,agency\n",
                                        NULL};
    assert_int_equal(import_texts(f, blank, &d), TDKT_EINVALID);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].message, "empty, but name is required");
    tdkt_diags_clear(&d);
}

/* The Unicode spaces that spreadsheets and web pages leave around a cell
 * (no-break U+00A0, narrow no-break U+202F, figure U+2007, ideographic
 * U+3000, U+FEFF) are not part of it either, in both passes: an id (read
 * ahead or not), a reference, a code, a number, a date, an initiative of
 * a list, an x_ cell; a cell of only such spaces is empty. */
#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
static void test_import__unicode_spaces_trimmed(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "units.csv",
        "id,name,parent_id,kind,x_note\n"
        "U8,Tám" NBSP ",U9" NNBSP "," NBSP "agency," NBSP "ghi chú" NBSP "\n"
        "U9" NBSP ",Chín,,agency,\n",
        "people.csv",
        "id,full_name,unit_id,is_leader,hired\n"
        "P8" NNBSP ",Người Tám,\xEF\xBB\xBFU8,1\xE2\x80\x87,"
        "2001-02-03\xE3\x80\x80\n",
        "honours.csv",
        "subject_type,subject_id,code,year,initiatives\n"
        "person,P8,cstd_cs," NBSP "2023,I8" NBSP ";" NBSP "I9\n",
        "initiatives.csv",
        "id,person_id,year,scope\n"
        "I8,P8,2023,unit\n"
        "I9" NBSP ",P8,2023,unit\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_problems(&d, "");
    assert_query(f,
                 "SELECT name || '|' || parent_id || '|' || kind || '|' || "
                 "extra FROM units WHERE id = 'U8'",
                 "Tám|U9|agency|{\"x_note\":\"ghi chú\"}");
    assert_query(f, "SELECT count(*) FROM units WHERE id = 'U9'", "1");
    assert_query(f,
                 "SELECT id || '|' || unit_id || '|' || is_leader || '|' || "
                 "hired FROM people",
                 "P8|U8|1|2001-02-03");
    assert_query(f, "SELECT year || '|' || initiatives FROM honours",
                 "2023|I8;I9");

    static const char *const blank[] = {"units.csv",
                                        "id,name,kind\n"
                                        "U10," NBSP NNBSP ",agency\n",
                                        NULL};
    assert_int_equal(import_texts(f, blank, &d), TDKT_EINVALID);
    assert_problems(&d, "units.csv:2: name: empty, but name is required\n");
    tdkt_diags_clear(&d);
}
#undef NBSP
#undef NNBSP

/* An id read ahead (pass 1: a reference may name it before the row that
 * defines it) is taken as its row takes it: "U1 " below a row naming U1
 * is that U1, an id typed with combining accents is the one typed
 * precomposed, in units, nominations and initiatives alike; and a second
 * row with the id is the duplicate, not the first. */
static void test_import__forward_ids_normalised(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "units.csv",
        "id,name,parent_id,kind\n"
        "U2,Phòng A,U1,agency\n"
        "U3,Phòng B,\xc4\x90V-Ho\xc3\xa0,agency\n" /* ĐV-Hoà, NFC */
        "U1 ,Sở Nội vụ,,agency\n"
        "\xc4\x90V-Hoa\xcc\x80\t,Sở Tư pháp,,agency\n", /* NFD, a tab */
        "people.csv",
        "id,full_name,unit_id,is_leader\n"
        "P1,An,U1,0\n",
        "honours.csv",
        "subject_type,subject_id,code,year,initiatives\n"
        "person,P1,cstd_cs,2023,I1\n",
        "initiatives.csv",
        "id,person_id,year,scope\n"
        "I1 ,P1,2023,unit\n",
        "nominations.csv",
        "id,subject_type,subject_id,code,year\n"
        " N1,person,P1,ldtt,2024\n",
        "facts.csv",
        "subject_type,subject_id,year,key,value\n"
        "nomination,N1,,movement_years,5\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_problems(&d, "");
    assert_query(f, "SELECT count(*) FROM units", "4");
    assert_query(f, "SELECT parent_id FROM units WHERE id = 'U2'", "U1");
    assert_query(f,
                 "SELECT count(*) FROM units u JOIN units p ON p.id = "
                 "u.parent_id WHERE u.id = 'U3' AND p.name = 'Sở Tư pháp'",
                 "1");
    assert_query(f, "SELECT subject_id FROM facts", "N1");
    assert_query(f, "SELECT initiatives FROM honours", "I1");

    static const char *const twice[] = {"units.csv",
                                        "id,name,kind\n"
                                        "U5 ,A,agency\n"
                                        "U5,B,agency\n",
                                        NULL};
    assert_int_equal(import_texts(f, twice, &d), TDKT_EINVALID);
    assert_problems(&d, "units.csv:3: id: duplicate id 'U5' (also at line "
                        "2)\n");
    tdkt_diags_clear(&d);
}

/* A record whose quoted cell before the id holds line breaks: the id is
 * on a later line than the record's first, and both passes take the
 * id's line (the line a problem of the id cell names), so that the row
 * is not its own duplicate; a real duplicate names that line. */
static void test_import__multiline_record_ids(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "units.csv",
        "name,id,parent_id,kind\n"
        "\"Sở Nội vụ\ntỉnh Kon Tum\",U1,,agency\n",
        "people.csv",
        "id,full_name,unit_id,is_leader\n"
        "P1,An,U1,0\n",
        "nominations.csv", /* read ahead for facts.csv */
        "campaign,id,subject_type,subject_id,code,year\n"
        "\"Phong trào\n\nthi đua\",N1,person,P1,ldtt,2024\n",
        "facts.csv",
        "subject_type,subject_id,year,key,value\n"
        "nomination,N1,,movement_years,5\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), 0);
    assert_problems(&d, "");
    assert_query(f, "SELECT count(*) FROM nominations", "1");

    static const char *const twice[] = {"units.csv",
                                        "name,id,kind\n"
                                        "\"Sở\nNội vụ\",U2,agency\n"
                                        "\"Phòng\nA\",U2,agency\n",
                                        NULL};
    assert_int_equal(import_texts(f, twice, &d), TDKT_EINVALID);
    assert_problems(&d, "units.csv:5: id: duplicate id 'U2' (also at line "
                        "3)\n");
    tdkt_diags_clear(&d);
}

static void test_import__file_named_twice(void **state)
{
    fixture *f = *state;
    char *dir = th_tmpdir();
    char *units = th_write(dir, "units.csv",
                           "id,name,parent_id,kind\nU1,Sở,,agency\n"
                           "U2,Phòng,U1,agency\n");
    tdkt_buf slashed = {0};
    tdkt_buf_printf(&slashed, "%s/", dir);
    assert_false(slashed.oom);
    const char *paths[] = {dir, units, slashed.ptr, units};
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_paths(f, paths, 4, &s, &d), 0);
    assert_problems(&d, "");
    assert_int_equal(s.files, 1);
    assert_int_equal(s.added[TDKT_T_UNITS], 2);

    char *notes = th_write(dir, "notes.csv", "a,b\n");
    assert_int_equal(import_paths(f, paths + 2, 1, &s, &d), TDKT_EINVALID);
    assert_int_equal(d.count, 1);
    tdkt_buf want = {0};
    tdkt_buf_printf(&want, "%s/notes.csv", dir);
    assert_string_equal(d.items[0].file, tdkt_buf_cstr(&want));
    tdkt_diags_clear(&d);
    tdkt_buf_free(&want);
    tdkt_buf_free(&slashed);
    free(notes);
    free(units);
    th_rmtree(dir);
    free(dir);
}

/* A folder's record files are named in any letter case; its hidden
 * files and the owner files Excel keeps beside an open workbook
 * ("~$units.csv") are passed over without a word; any other .csv is
 * refused, naming the files expected. */
static void test_import__folder_files(void **state)
{
    fixture *f = *state;
    char *dir = th_tmpdir();
    static const char *const files[] = {
        "Units.csv",   "id,name,kind\nU1,Sở,agency\n",
        "PEOPLE.CSV",  "id,full_name,unit_id,is_leader\nP1,An,U1,0\n",
        "~$units.csv", "\x01owner\xff",
        ".units.csv",  "not,a,record\n",
        "._units.csv", "\x05\x16\x07",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i += 2)
        free(th_write(dir, files[i], files[i + 1]));
    const char *paths[] = {dir};
    tdkt_diags d = {0};
    tdkt_import_summary s;
    assert_int_equal(import_paths(f, paths, 1, &s, &d), 0);
    assert_problems(&d, "");
    assert_int_equal(s.files, 2);
    assert_int_equal(s.added[TDKT_T_UNITS], 1);
    assert_int_equal(s.added[TDKT_T_PEOPLE], 1);

    free(th_write(dir, "Notes.csv", "a,b\n"));
    assert_int_equal(import_paths(f, paths, 1, &s, &d), TDKT_EINVALID);
    assert_problems(&d, "Notes.csv:0: : 'Notes.csv' is not a record file "
                        "(expected units.csv, people.csv, appraisals.csv, "
                        "honours.csv, initiatives.csv, disciplines.csv, "
                        "facts.csv or nominations.csv)\n");
    tdkt_diags_clear(&d);
    th_rmtree(dir);
    free(dir);
}

/* The header's problems say what to fix: a name with a stray space
 * (names are matched exactly, but cells lose their spaces) once, not as
 * a column unknown and the same one missing; a nameless column by its
 * place, those at the end of the line once, as the commas too many they
 * are; a file separated by tabs as one separated by semicolons. A
 * duplicate timeless fact shows "(no year)" in its key. */
static void test_import__header_messages(void **state)
{
    fixture *f = *state;
    import_good(f);
    static const char *const files[] = {
        "units.csv",
        "id,name,kind ,x_mail \n"
        "U9,Chín,agency,a\n",
        "people.csv",
        "id,\xC2\xA0" "full_name,unit_id,is_leader,gendr , x_phone\n"
        "P9,Chín,U1,0,,1\n",
        "appraisals.csv",
        "subject_type,,subject_id,year,rating\n"
        "person,,P1,2023,good\n",
        "honours.csv",
        "subject_type,subject_id,code,year,,,\n"
        "person,P1,ldtt,2023,,,\n",
        "initiatives.csv",
        "id,person_id,year,scope,\n"
        "I9,P1,2023,unit,\n",
        "disciplines.csv",
        "subject_type\tsubject_id\tdate\tlevel\n"
        "person\tP1\t2023-01-02\treprimand\n",
        NULL};
    tdkt_diags d = {0};
    assert_int_equal(import_texts(f, files, &d), TDKT_EINVALID);
    assert_problems(
        &d,
        "units.csv:1: kind : column name 'kind ' has a stray space before "
        "or after it (write it exactly 'kind')\n"
        "units.csv:1: x_mail : column name 'x_mail ' has a stray space "
        "before or after it (write it exactly 'x_mail')\n"
        "people.csv:1: \xC2\xA0" "full_name: column name "
        "'\xC2\xA0" "full_name' has a stray space before or after it "
        "(write it exactly 'full_name')\n"
        "people.csv:1: gendr : unknown column 'gendr ' in people.csv (its "
        "name has a stray space before or after it; expected id, "
        "full_name, unit_id, is_leader, category, gender, "
        "ethnic_minority, birth_year, hired; columns of your own must "
        "start with x_)\n"
        "people.csv:1:  x_phone: column name ' x_phone' has a stray space "
        "before or after it (write it exactly 'x_phone')\n"
        "appraisals.csv:1: : column 2 of the header has no name\n"
        "honours.csv:1: : columns 5 to 7 of the header have no name "
        "(commas too many at the end of the line?)\n"
        "initiatives.csv:1: : column 5 of the header has no name (a comma "
        "too many at the end of the line?)\n"
        "disciplines.csv:1: : the columns are separated by tabs; save the "
        "file as CSV separated by commas (,)\n");
    tdkt_diags_clear(&d);

    static const char *const timeless[] = {
        "facts.csv",
        "subject_type,subject_id,year,key,value\n"
        "person,P1,,ethics,1\n"
        "person,P1,,ethics,0\n",
        NULL};
    assert_int_equal(import_texts(f, timeless, &d), TDKT_EINVALID);
    assert_problems(&d, "facts.csv:3: subject_id: duplicate row (person, "
                        "P1, (no year), ethics) (also at line 2)\n");
    tdkt_diags_clear(&d);
}

static void test_import__table_names(void **state)
{
    (void)state;
    assert_string_equal(tdkt_table_name(TDKT_T_UNITS), "units");
    assert_string_equal(tdkt_table_name(TDKT_T_FACTS), "facts");
    assert_string_equal(tdkt_table_name(TDKT_T_NOMINATIONS), "nominations");
    assert_null(tdkt_table_name(TDKT_T_COUNT_));
    assert_null(tdkt_table_name(-1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_import__good_folder, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__rejected_fixtures, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__vietnamese_messages, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__all_or_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_import__reimport_keeps_absent_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__reimport_replaces, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_import__unchanged_rows_change_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__references_across_files,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__every_problem, setup,
                                        teardown),
        cmocka_unit_test(test_import__problems_per_file),
        cmocka_unit_test_setup_teardown(test_import__batches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__held_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__header_after_blank_lines,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__fact_values, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__text_composed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__cells_trimmed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__unicode_spaces_trimmed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__file_named_twice, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__forward_ids_normalised,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__multiline_record_ids,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__bad_rows_define_their_ids,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_import__own_columns_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__folder_files, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import__header_messages, setup,
                                        teardown),
        cmocka_unit_test(test_import__table_names),
    };
    return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
