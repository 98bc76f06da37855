/*
 * tdkt_confer(): eligible decisions of a run become honours, all or
 * nothing, never twice; the report of their year counts them.
 *
 * Each test gets a fresh store: the people and units of
 * tests/fixtures/report/dataset.sql, and the two runs of 2024 nominations
 * of tests/fixtures/report/runs.sql (N1, N2 and N5 eligible, N3
 * ineligible, N4 review; N5's honour imported already).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "helpers.h"
#include "decisions/decisions_internal.h" /* RUN_RECORDS_DRIFT */

typedef struct fixture {
    char *dir;
    tdkt_store *store;
    tdkt_diags diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->store = th_store_new(&f->dir, "t.db");
    static const char *const sql_files[] = {"report/dataset.sql",
                                            "report/runs.sql"};
    for (size_t i = 0; i < 2; i++) {
        char *fx = th_fixture(sql_files[i]);
        char *sql = th_read(fx, NULL);
        assert_non_null(sql);
        assert_int_equal(tdkt_store_exec(f->store, sql), 0);
        free(sql);
        free(fx);
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tdkt_diags_clear(&f->diags);
    th_store_done(f->store, f->dir);
    free(f);
    return 0;
}

static long count(fixture *f, const char *sql)
{
    sqlite3_stmt *st = NULL;
    sqlite3 *db = tdkt_store_sqlite(f->store);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

#define HONOURS "SELECT count(*) FROM honours"

/* How many honours meet the SQL condition @p where. */
static long honours(fixture *f, const char *where)
{
    char sql[512];
    snprintf(sql, sizeof sql, "%s WHERE %s", HONOURS, where);
    return count(f, sql);
}

static int confer(fixture *f, int64_t run, const char *const *ids,
                  size_t nids, tdkt_confer_summary *sum)
{
    tdkt_confer_options o = {.run_id = run,
                             .decision_no = "1234/QĐ-UBND",
                             .decision_date = "2025-01-20",
                             .ids = ids,
                             .nids = nids};
    return tdkt_confer(f->store, &o, TDKT_LANG_EN, sum, &f->diags);
}

/* Confer, expecting success with @p added new honours and @p already
 * skipped. */
static void confer_ok(fixture *f, int64_t run, const char *const *ids,
                      size_t nids, size_t added, size_t already)
{
    tdkt_confer_summary sum;
    assert_int_equal(confer(f, run, ids, nids, &sum), 0);
    assert_int_equal(sum.added, added);
    assert_int_equal(sum.already, already);
    assert_int_equal(f->diags.count, 0);
}

static void test_confer__every_eligible_decision(void **state)
{
    fixture *f = *state;
    long before = count(f, HONOURS);
    /* N1 and N2 added; N5 was there already (imported); N3, N4 are not
     * eligible and are left aside. */
    confer_ok(f, 1, NULL, 0, 2, 1);
    assert_int_equal(count(f, HONOURS), before + 2);
    assert_int_equal(honours(f, "subject_id = 'P1' AND code = 'bk_tinh' "
                                "AND year = 2024 AND kind = 'merit' AND "
                                "decision_no = '1234/QĐ-UBND' AND "
                                "decision_date = '2025-01-20' AND "
                                "run_id = 1 AND nomination_id = 'N1'"),
                     1);
    /* The kind comes from the nomination. */
    assert_int_equal(honours(f, "subject_type = 'unit' AND subject_id = "
                                "'E1' AND code = 'co_tinh' AND year = 2024 "
                                "AND kind = 'thematic' AND "
                                "nomination_id = 'N2'"),
                     1);
    /* The confer itself is kept, and cannot be changed. */
    assert_int_equal(count(f, "SELECT count(*) FROM conferrals WHERE "
                              "run_id = 1 AND decision_no = '1234/QĐ-UBND' "
                              "AND decision_date = '2025-01-20' AND codes "
                              "IS NULL AND ids IS NULL AND added = 2 AND "
                              "already = 1 AND at GLOB '2*T*Z' AND engine "
                              "<> ''"),
                     1);
    assert_int_equal(tdkt_store_exec(f->store, "UPDATE conferrals SET "
                                               "added = 0"),
                     TDKT_EDB);
    assert_int_equal(tdkt_store_exec(f->store, "DELETE FROM conferrals"),
                     TDKT_EDB);
    /* The imported honour is left as it was. */
    assert_int_equal(honours(f, "subject_id = 'P4' AND year = 2024 AND "
                                "decision_no = '99/QĐ-UBND' AND "
                                "run_id IS NULL"),
                     1);
    assert_int_equal(
        honours(f, "subject_id IN ('P2', 'P3') AND year = 2024"), 0);
}

static void test_confer__twice_adds_nothing(void **state)
{
    fixture *f = *state;
    confer_ok(f, 1, NULL, 0, 2, 1);
    long after = count(f, HONOURS);
    confer_ok(f, 1, NULL, 0, 0, 3);
    assert_int_equal(count(f, HONOURS), after);
    /* Another run deciding the same honour adds nothing either. */
    confer_ok(f, 2, NULL, 0, 0, 1);
    assert_int_equal(honours(f, "nomination_id = 'N1' AND run_id = 1"),
                     1);
}

static void test_confer__named_only(void **state)
{
    fixture *f = *state;
    const char *ids[] = {"N2", "N2"};
    confer_ok(f, 1, ids, 2, 1, 0);
    assert_int_equal(honours(f, "run_id = 1"), 1);
}

/* A decision confers its own awards: --code keeps the others aside, and
 * refuses a named nomination of another award. */
static void test_confer__codes(void **state)
{
    fixture *f = *state;
    tdkt_confer_summary sum;
    const char *flag[] = {"Cờ thi đua cấp tỉnh"}; /* a name, as import takes */
    tdkt_confer_options o = {.run_id = 1,
                             .decision_no = "5/QĐ-UBND",
                             .decision_date = "2025-01-20",
                             .codes = flag,
                             .ncodes = 1};
    const char *n1[] = {"N1"};
    o.ids = n1;
    o.nids = 1;
    long before = count(f, HONOURS);
    assert_int_equal(tdkt_confer(f->store, &o, TDKT_LANG_EN, &sum, &f->diags),
                     TDKT_EINVALID);
    assert_int_equal(f->diags.count, 1);
    assert_string_equal(f->diags.items[0].file, "N1");
    assert_string_equal(f->diags.items[0].message,
                        "is a nomination for 'bk_tinh', not among the "
                        "awards this decision confers");
    assert_int_equal(count(f, HONOURS), before);
    tdkt_diags_clear(&f->diags);

    o.ids = NULL;
    o.nids = 0;
    assert_int_equal(tdkt_confer(f->store, &o, TDKT_LANG_EN, &sum, &f->diags),
                     0);
    assert_int_equal(sum.added, 1);
    assert_int_equal(honours(f, "run_id = 1"), 1);
    assert_int_equal(honours(f, "run_id = 1 AND code = 'co_tinh' AND "
                                "decision_no = '5/QĐ-UBND'"),
                     1);
    /* kept with the award's code, as given by its name */
    assert_int_equal(count(f, "SELECT count(*) FROM conferrals WHERE "
                              "codes = '[\"co_tinh\"]' AND added = 1"),
                     1);

    const char *bogus[] = {"co_tinh", "bk_tinhh"};
    o.codes = bogus;
    o.ncodes = 2;
    assert_int_equal(tdkt_confer(f->store, &o, TDKT_LANG_EN, &sum, &f->diags),
                     TDKT_EINVALID);
    assert_string_equal(tdkt_error_last()->message,
                        "there is no award 'bk_tinhh' (see docs/vocabulary.md)");
}

static void test_confer__one_refusal_writes_nothing(void **state)
{
    fixture *f = *state;
    tdkt_confer_summary sum = {7, 7, true};
    long before = count(f, HONOURS);
    const char *ids[] = {"N1", "N3", "N4", "N9", "N2"};
    assert_int_equal(confer(f, 1, ids, 5, &sum), TDKT_EINVALID);
    assert_int_equal(count(f, HONOURS), before);
    assert_int_equal(count(f, "SELECT count(*) FROM conferrals"), 0);
    assert_int_equal(sum.added, 0);
    assert_int_equal(sum.already, 0);
    assert_false(sum.records_changed);
    assert_int_equal(f->diags.count, 3);
    assert_string_equal(f->diags.items[0].file, "N3");
    /* The outcomes in words, as the tables say them, not their codes. */
    assert_string_equal(f->diags.items[0].message,
                        "its outcome is 'Ineligible', not 'Eligible'; it "
                        "cannot be conferred");
    assert_string_equal(f->diags.items[1].file, "N4");
    assert_non_null(strstr(f->diags.items[1].message, "'Needs review'"));
    assert_string_equal(f->diags.items[2].file, "N9");
    assert_string_equal(f->diags.items[2].message,
                        "has no decision in run 1");
    tdkt_diags_clear(&f->diags);
    tdkt_confer_options o = {.run_id = 1,
                             .decision_no = "1234/QĐ-UBND",
                             .decision_date = "2025-01-20",
                             .ids = ids + 1,
                             .nids = 1};
    assert_int_equal(tdkt_confer(f->store, &o, TDKT_LANG_VI, &sum,
                                 &f->diags),
                     TDKT_EINVALID);
    assert_int_equal(f->diags.count, 1);
    assert_string_equal(f->diags.items[0].message,
                        "kết quả xét là 'Không đủ điều kiện', không phải "
                        "'Đủ điều kiện'; không thể ghi khen thưởng");
    /* The transaction is closed: the store still takes a confer. */
    tdkt_diags_clear(&f->diags);
    const char *ok[] = {"N1"};
    confer_ok(f, 1, ok, 1, 1, 0);
}

static void test_confer__missing_run(void **state)
{
    fixture *f = *state;
    tdkt_confer_summary sum;
    long before = count(f, HONOURS);
    assert_int_equal(confer(f, 42, NULL, 0, &sum), TDKT_ENOTFOUND);
    assert_string_equal(tdkt_error_last()->message, "there is no run 42");
    assert_int_equal(count(f, HONOURS), before);
}

static void test_confer__bad_options(void **state)
{
    fixture *f = *state;
    tdkt_confer_summary sum;
    static const struct {
        const char *no, *date;
    } cases[] = {{NULL, "2025-01-20"},
                 {"", "2025-01-20"},
                 {"1/QĐ", NULL},
                 {"1/QĐ", "2025-02-30"},
                 {"1/QĐ", "20/01/2025"},
                 {"1/Q\xff", "2025-01-20"},   /* not UTF-8 */
                 {"1/QĐ\x1b[31m", "2025-01-20"}, /* a terminal escape */
                 {"1/QĐ\n2", "2025-01-20"}};
    long before = count(f, HONOURS);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tdkt_confer_options o = {.run_id = 1,
                                 .decision_no = cases[i].no,
                                 .decision_date = cases[i].date};
        assert_int_equal(tdkt_confer(f->store, &o, TDKT_LANG_VI, &sum,
                                     &f->diags),
                         TDKT_EINVALID);
    }
    assert_int_equal(count(f, HONOURS), before);
}

static void test_confer__report_counts_them(void **state)
{
    fixture *f = *state;
    tdkt_report *r = NULL;
    long v;
    confer_ok(f, 1, NULL, 0, 2, 1);
    assert_int_equal(tdkt_report_compute(&r, f->store, 2024), 0);
    /* bk_tinh: N1 (P1, leader, merit) and the imported N5 (P4, ad hoc). */
    const tdkt_report_row *bk = &r->rows[0];
    assert_true(tdkt_report_value(&v, bk, 3));
    assert_int_equal(v, 2);
    assert_int_equal(bk->count[8], 1);
    assert_int_equal(bk->count[13], 1);
    /* co_tinh: U1 from the dataset and E1 (enterprise, thematic) by N2. */
    const tdkt_report_row *co = &r->rows[2];
    assert_int_equal(co->count[3], 2);
    assert_int_equal(co->count[4], 1);
    assert_int_equal(co->count[10], 1);
    tdkt_report_free(r);
}

/* Whether the records changed after the run judged them, other than by
 * honours recorded from the run itself. */
static bool changed_since(fixture *f, int64_t run, const char *const *ids,
                          size_t nids)
{
    tdkt_confer_summary sum;
    assert_int_equal(confer(f, run, ids, nids, &sum), 0);
    return sum.records_changed;
}

/* Run @p run judged the records as they are now: @p decisions, as rows
 * (nomination, subject_type, subject_id, code), all of 2024 and
 * eligible. */
static void run_on_records_now(fixture *f, int run, const char *decisions)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO runs (id, started, engine, rules, options, count, "
             "records) VALUES (%d, '2025-01-15T08:00:00Z', '0.1.0', "
             "'rules', '{}', 1, (SELECT CAST(value AS INTEGER) FROM meta "
             "WHERE key = 'records_version'));"
             "INSERT INTO decisions (run_id, nomination_id, subject_type, "
             "subject_id, code, year, outcome, result) SELECT %d, column1, "
             "column2, column3, column4, 2024, 'eligible', '{}' FROM "
             "(VALUES %s);",
             run, run, decisions);
    assert_int_equal(tdkt_store_exec(f->store, sql), 0);
}

/* The honour recorded is of the kind the run judged, whatever the
 * nomination asks for by the time of the confer. (Runs saved before the
 * store kept the kind, such as runs.sql's, take the nomination's.) */
static void test_confer__kind_as_judged(void **state)
{
    fixture *f = *state;
    assert_int_equal(tdkt_store_exec(f->store,
                                     "INSERT INTO runs (id, started, engine, "
                                     "rules, options, count) VALUES (6, "
                                     "'2025-01-15T08:00:00Z', '0.1.0', "
                                     "'rules', '{}', 1);"
                                     "INSERT INTO decisions (run_id, "
                                     "nomination_id, subject_type, "
                                     "subject_id, code, year, outcome, "
                                     "result, kind) VALUES (6, 'N1', "
                                     "'person', 'P1', 'bk_tinh', 2024, "
                                     "'eligible', '{}', 'merit');"
                                     "UPDATE nominations SET kind = "
                                     "'foreign' WHERE id = 'N1'"),
                     0);
    const char *n1[] = {"N1"};
    confer_ok(f, 6, n1, 1, 1, 0);
    confer_ok(f, 6, n1, 1, 0, 1);
    assert_int_equal(honours(f, "subject_id = 'P1' AND code = 'bk_tinh' "
                                "AND year = 2024 AND kind = 'merit' AND "
                                "run_id = 6"),
                     1);
    assert_int_equal(honours(f, "subject_id = 'P1' AND kind = 'foreign'"),
                     0);
}

static void test_confer__says_when_records_changed(void **state)
{
    fixture *f = *state;
    run_on_records_now(f, 3,
                       "('N1', 'person', 'P1', 'bk_tinh'), "
                       "('N2', 'unit', 'E1', 'co_tinh')");
    const char *n1[] = {"N1"};
    assert_false(changed_since(f, 3, n1, 1));
    /* Its own honour (N1) is no change to its records; nor is a confer
     * that adds nothing. */
    assert_false(changed_since(f, 3, NULL, 0));
    assert_false(changed_since(f, 3, NULL, 0));
    /* Another run's honour is. */
    run_on_records_now(f, 4, "('N3', 'person', 'P2', 'bk_tinh')");
    assert_false(changed_since(f, 4, NULL, 0));
    assert_true(changed_since(f, 3, NULL, 0));
    /* So is a record written by hand. */
    run_on_records_now(f, 5, "('N4', 'person', 'P3', 'cstd_tinh')");
    assert_false(changed_since(f, 5, NULL, 0));
    assert_int_equal(tdkt_store_exec(f->store,
                                     "INSERT INTO disciplines (subject_type, "
                                     "subject_id, date, level) VALUES "
                                     "('person', 'P1', '2024-06-01', "
                                     "'reprimand')"),
                     0);
    assert_true(changed_since(f, 5, NULL, 0));
    /* A run saved before the store counted its changes: no claim. */
    assert_false(changed_since(f, 1, NULL, 0));
}

/* Counting a run's own honours reads the index of conferred honours, not
 * the millions imported. */
static void test_confer__own_honours_by_index(void **state)
{
    fixture *f = *state;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(tdkt_store_sqlite(f->store),
                                        "EXPLAIN QUERY PLAN SELECT "
                                        RUN_RECORDS_DRIFT("?2")
                                        " FROM runs r WHERE r.id = ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    bool by_index = false, scans = false;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *step = (const char *)sqlite3_column_text(st, 3);
        by_index = by_index || strstr(step, "honours_by_run");
        scans = scans || strstr(step, "SCAN h");
    }
    sqlite3_finalize(st);
    assert_true(by_index);
    assert_false(scans);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_confer__every_eligible_decision),
        T(test_confer__twice_adds_nothing),
        T(test_confer__named_only),
        T(test_confer__codes),
        T(test_confer__one_refusal_writes_nothing),
        T(test_confer__missing_run),
        T(test_confer__bad_options),
        T(test_confer__report_counts_them),
        T(test_confer__kind_as_judged),
        T(test_confer__says_when_records_changed),
        T(test_confer__own_honours_by_index),
    };
#undef T
    return cmocka_run_group_tests_name("confer", tests, NULL, NULL);
}
