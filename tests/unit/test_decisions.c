/*
 * The audit record: a saved run holds the engine, the options, every rule
 * set used (and the sets they extend) with the SHA-256 of their files, each
 * form once with its criteria, and each decision in a compact form that
 * shows again as exactly the JSON the evaluation printed; the store refuses
 * to change or remove any of it; the hash follows every file of a set and
 * of its parents; showing a run again names the sets that changed or went
 * since; a store of schema 1 (decisions as JSON) is migrated on opening
 * and its runs show as they were saved.
 *
 * Each test works on a copy of tests/fixtures/rules/basic/t (t/base, and
 * t/amend extending it from 2021-01-15) in a fresh folder, so that files
 * can be edited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "helpers.h"

static const char *const set_files[] = {
    "t/base/ruleset.lua",       "t/base/forms/cstd_cs.lua",
    "t/base/forms/ldtt.lua",    "t/base/forms/ttldtt.lua",
    "t/base/tests/cases.lua",   "t/amend/ruleset.lua",
    "t/amend/forms/cstd_cs.lua", "t/amend/tests/cases.lua",
};
#define NFILES (sizeof set_files / sizeof *set_files)

typedef struct audit {
    char *dir;   /* the test's folder */
    char *root;  /* its copy of the rules: root/t/base, root/t/amend */
    tdkt_store *store;
    tdkt_index *ix;
    tdkt_rules *rules;
    tdkt_results *res;
    tdkt_diags problems;
} audit;

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* Create every folder on the way to file @p rel under @p root. */
static void make_dirs(const char *root, const char *rel)
{
    char *path = join(root, rel);
    for (char *s = path + strlen(root) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(path, 0700);
        *s = '/';
    }
    free(path);
}

static int setup(void **state)
{
    audit *a = calloc(1, sizeof *a);
    assert_non_null(a);
    a->store = th_store_new(&a->dir, "audit.db");
    a->root = join(a->dir, "rules");
    mkdir(a->root, 0700);
    for (size_t i = 0; i < NFILES; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "rules/basic/%s", set_files[i]);
        char *src = th_fixture(rel);
        char *text = th_read(src, NULL);
        assert_non_null(text);
        make_dirs(a->root, set_files[i]);
        free(th_write(a->root, set_files[i], text));
        free(text);
        free(src);
    }
    *state = a;
    return 0;
}

static int teardown(void **state)
{
    audit *a = *state;
    tdkt_diags_clear(&a->problems);
    tdkt_results_free(a->res);
    tdkt_rules_free(a->rules);
    tdkt_index_free(a->ix);
    th_store_done(a->store, a->dir);
    free(a->root);
    free(a);
    return 0;
}

/*
 * N1: LĐTT 2020, judged by t/base, eligible. N2: LĐTT 2022, by t/amend
 * (the new-hire minimum is 6 there: 9 months pass). N3: a code without a
 * form, an error of t/base. N4: of 2016, when no set was in force.
 */
static const char RECORDS[] =
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng', 'agency');"
    "INSERT INTO people(id, full_name, unit_id, is_leader, hired) VALUES "
    "('P1', 'Đỗ Thị D', 'U1', 0, '2015-01-01'), "
    "('P2', 'Vũ Văn E', 'U1', 0, '2022-04-01');"
    "INSERT INTO appraisals(subject_type, subject_id, year, rating, "
    "months_worked) VALUES ('person', 'P1', 2020, 'good', 12), "
    "('person', 'P2', 2022, 'good', 9);"
    "INSERT INTO facts(subject_type, subject_id, year, key, value) VALUES "
    "('person', 'P1', 2020, 'self_reliance', '1'), "
    "('person', 'P2', 2022, 'self_reliance', '1');"
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
    "VALUES ('N1', 'person', 'P1', 'ldtt', 2020), "
    "('N2', 'person', 'P2', 'ldtt', 2022), "
    "('N3', 'person', 'P1', 'bk_tinh', 2020), "
    "('N4', 'person', 'P1', 'ldtt', 2016);";

static void evaluate(audit *a)
{
    assert_int_equal(tdkt_store_exec(a->store, RECORDS), 0);
    assert_int_equal(tdkt_index_load(&a->ix, a->store), 0);
    assert_int_equal(tdkt_rules_open(&a->rules, a->root), 0);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = TDKT_LANG_EN;
    assert_int_equal(tdkt_eval(&a->res, a->ix, a->rules, &opt), 0);
}

static int64_t save(audit *a)
{
    int64_t run = -1;
    assert_int_equal(tdkt_decisions_save(a->store, a->res, a->root,
                                         "{\"year\":0}", &run),
                     0);
    return run;
}

static sqlite3_stmt *query(audit *a, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(tdkt_store_sqlite(a->store), sql, -1,
                                        &st, NULL),
                     SQLITE_OK);
    return st;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "(null)";
}

static const tdkt_ruleset *set_named(const tdkt_rules *rules, const char *id)
{
    for (size_t i = 0; i < tdkt_rules_count(rules); i++)
        if (strcmp(tdkt_ruleset_id(tdkt_rules_at(rules, i)), id) == 0)
            return tdkt_rules_at(rules, i);
    print_error("no set %s\n", id);
    fail();
    return NULL;
}

static char *show(audit *a, int64_t run, tdkt_format fmt, int expect);
static int query_int(audit *a, const char *sql);

/* How many detail texts run @p run stored, each checked to be there once
 * and ended by its zero byte. */
static int detail_count(audit *a, int64_t run)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT texts FROM run_details WHERE run_id = "
                              "%lld", (long long)run);
    sqlite3_stmt *st = query(a, sql);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *p = sqlite3_column_blob(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    assert_true(len == 0 || p[len - 1] == '\0');
    int n = 0;
    for (const char *s = p; s < p + len; s += strlen(s) + 1, n++)
        for (const char *t = s + strlen(s) + 1; t < p + len;
             t += strlen(t) + 1)
            assert_string_not_equal(s, t);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    return n;
}

/* Run @p run shown again in JSON and JSON lines is byte for byte what the
 * evaluation @p res printed. */
static void assert_shows_as(audit *a, int64_t run, const tdkt_results *res)
{
    static const tdkt_format fmts[] = {TDKT_FMT_JSON, TDKT_FMT_JSONL};
    for (size_t i = 0; i < 2; i++) {
        char *want = th_results_text(res, fmts[i]);
        char *got = show(a, run, fmts[i], 0);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
}

/* ------------------------------------------------------------ saving */

static void test_decisions__save_records_run(void **state)
{
    audit *a = *state;
    evaluate(a);
    assert_int_equal(save(a), 1);

    sqlite3_stmt *st = query(a, "SELECT id, started, engine, rules, "
                                "options, count FROM runs");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    const char *started = col(st, 1);
    assert_int_equal(strlen(started), 20); /* 2024-01-31T08:00:00Z */
    assert_true(started[4] == '-' && started[10] == 'T' &&
                started[19] == 'Z');
    /* the build: the version, '+', 16 hex digits of the sources' hash */
    const char *build = col(st, 2);
    size_t vlen = strlen(tdkt_version());
    assert_string_equal(build, tdkt_build());
    assert_int_equal(strncmp(build, tdkt_version(), vlen), 0);
    assert_int_equal(build[vlen], '+');
    assert_int_equal(strspn(build + vlen + 1, "0123456789abcdef"), 16);
    assert_int_equal(strlen(build), vlen + 17);
    assert_string_equal(col(st, 3), a->root);
    assert_string_equal(col(st, 4), "{\"year\":0}");
    assert_int_equal(sqlite3_column_int(st, 5), 4);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);

    /* Every set used, and the set it extends, once each. */
    const tdkt_ruleset *amend = set_named(a->rules, "t/amend");
    const tdkt_ruleset *base = set_named(a->rules, "t/base");
    st = query(a, "SELECT ruleset, dir, sha256 FROM run_rulesets WHERE "
                  "run_id = 1 ORDER BY ruleset");
    const tdkt_ruleset *sets[] = {amend, base};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal(col(st, 0), tdkt_ruleset_id(sets[i]));
        assert_string_equal(col(st, 1), tdkt_ruleset_dir(sets[i]));
        assert_string_equal(col(st, 2), tdkt_ruleset_sha256(sets[i]));
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);

    /* Each decision: the result's columns, its form, its criteria in
     * their compact form (none judged for N3 and N4). */
    static const struct {
        const char *id, *code, *ruleset, *outcome, *message, *stored;
        int year;
    } want[] = {
        {"N1", "ldtt", "t/base", "eligible", "(null)", "blob", 2020},
        {"N2", "ldtt", "t/amend", "eligible", "(null)", "blob", 2022},
        {"N3", "bk_tinh", "t/base", "error",
         "rule set t/base has no form for 'bk_tinh' (individual)", "null",
         2020},
        {"N4", "ldtt", "(null)", "error",
         "no rule set is in force on 2016-12-31 (choose one with --rules)",
         "null", 2016},
    };
    st = query(a, "SELECT nomination_id, subject_type, subject_id, code, "
                  "year, ruleset, outcome, message, typeof(result), "
                  "(SELECT code || ' ' || ruleset FROM run_forms f WHERE "
                  "f.run_id = d.run_id AND f.form = d.form) "
                  "FROM decisions d WHERE run_id = 1 ORDER BY nomination_id");
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal(col(st, 0), want[i].id);
        assert_string_equal(col(st, 1), "person");
        assert_string_equal(col(st, 2), i == 1 ? "P2" : "P1");
        assert_string_equal(col(st, 3), want[i].code);
        assert_int_equal(sqlite3_column_int(st, 4), want[i].year);
        assert_string_equal(col(st, 5), want[i].ruleset);
        assert_string_equal(col(st, 6), want[i].outcome);
        assert_string_equal(col(st, 7), want[i].message);
        assert_string_equal(col(st, 8), want[i].stored);
        char form[64];
        snprintf(form, sizeof form, "%s %s", want[i].code, want[i].ruleset);
        assert_string_equal(col(st, 9), i < 2 ? form : "(null)");
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);

    /* Each form once, with every node of it, whatever the number of
     * decisions it judged. */
    for (size_t i = 0; i < 2; i++) { /* N1 by t/base, N2 by t/amend */
        tdkt_result_view v;
        tdkt_result_get(a->res, i, &v);
        assert_true(v.nnodes > 0);
        char sql[256];
        snprintf(sql, sizeof sql,
                 "SELECT count(*), min(node), max(node) FROM run_criteria c "
                 "JOIN run_forms f USING (run_id, form) WHERE run_id = 1 "
                 "AND f.ruleset = '%s' AND f.code = 'ldtt' AND "
                 "f.name_vi = '%s'",
                 tdkt_ruleset_id(v.ruleset),
                 tdkt_form_name(v.form, TDKT_LANG_VI));
        st = query(a, sql);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), (int)v.nnodes);
        assert_int_equal(sqlite3_column_int(st, 1), 0);
        assert_int_equal(sqlite3_column_int(st, 2), (int)v.nnodes - 1);
        sqlite3_finalize(st);
    }
    st = query(a, "SELECT count(*) FROM run_forms WHERE run_id = 1");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);

    /* Each distinct detail once; the results are of schema 4 and refer
     * to them. */
    assert_true(detail_count(a, 1) > 2);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 1 AND substr(result, 1, 1) = "
                                  "X'03'"),
                     2);
    /* Each with the kind of honour it judged (what confer records). */
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions d JOIN "
                                  "nominations n ON n.id = d.nomination_id "
                                  "WHERE d.run_id = 1 AND d.kind = "
                                  "coalesce(n.kind, 'merit')"),
                     4);

    /* Shown again: what the evaluation printed. */
    assert_shows_as(a, 1, a->res);

    /* The next run is another record, with only the sets it used. */
    tdkt_results_free(a->res);
    a->res = NULL;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.year = 2020;
    assert_int_equal(tdkt_eval(&a->res, a->ix, a->rules, &opt), 0);
    assert_int_equal(save(a), 2);
    st = query(a, "SELECT (SELECT count(*) FROM runs), (SELECT "
                  "group_concat(ruleset) FROM run_rulesets WHERE run_id = "
                  "2), (SELECT count(*) FROM decisions WHERE run_id = 2), "
                  "(SELECT count(*) FROM decisions)");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    assert_string_equal(col(st, 1), "t/base");
    assert_int_equal(sqlite3_column_int(st, 2), 2);
    assert_int_equal(sqlite3_column_int(st, 3), 6);
    sqlite3_finalize(st);
    st = query(a, "SELECT group_concat(ruleset || ':' || code) FROM "
                  "run_forms WHERE run_id = 2");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(col(st, 0), "t/base:ldtt");
    sqlite3_finalize(st);
    assert_shows_as(a, 2, a->res);
}

/* The list of runs, newest first. */
static char *runs_jsonl(audit *a)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(tdkt_runs_list(a->store, TDKT_FMT_JSONL, TDKT_LANG_EN,
                                    out),
                     0);
    fclose(out);
    return text;
}

/* The runs, newest first, each with the records version it judged, and
 * whether the records have changed since: every row written counts. */
static void test_decisions__runs_list(void **state)
{
    audit *a = *state;
    evaluate(a);
    /* RECORDS wrote its rows one by one, each counted by a trigger. */
    int64_t v = -1;
    assert_int_equal(tdkt_store_records_version(a->store, &v), 0);
    assert_int_equal(v, query_int(a, "SELECT (SELECT count(*) FROM units) + "
                                     "(SELECT count(*) FROM people) + "
                                     "(SELECT count(*) FROM appraisals) + "
                                     "(SELECT count(*) FROM honours) + "
                                     "(SELECT count(*) FROM initiatives) + "
                                     "(SELECT count(*) FROM disciplines) + "
                                     "(SELECT count(*) FROM facts) + "
                                     "(SELECT count(*) FROM nominations)"));
    tdkt_index_stats st;
    tdkt_index_stats_get(a->ix, &st);
    assert_int_equal(st.records_version, v);
    save(a);
    save(a);
    char *text = runs_jsonl(a);
    const char *second = strstr(text, "{\"run\":2,");
    const char *first = strstr(text, "{\"run\":1,");
    assert_non_null(second);
    assert_true(first && second < first);
    char tail[512];
    snprintf(tail, sizeof tail, ",\"rules\":\"%s\",\"count\":4,"
                                "\"eligible\":2,\"records\":%lld,"
                                "\"records_changed\":false}\n",
             a->root, (long long)v);
    assert_non_null(strstr(first, tail));
    assert_non_null(strstr(second, tail));
    free(text);

    /* One appraisal changed behind tdkt's back: both runs judged older
     * records now. */
    assert_int_equal(tdkt_store_exec(a->store, "UPDATE appraisals SET "
                                               "rating = 'good' WHERE "
                                               "subject_id = 'P1' AND "
                                               "year = 2020"),
                     0);
    int64_t now = -1;
    assert_int_equal(tdkt_store_records_version(a->store, &now), 0);
    assert_int_equal(now, v + 1);
    text = runs_jsonl(a);
    snprintf(tail, sizeof tail, "\"records\":%lld,\"records_changed\":true}",
             (long long)v);
    first = strstr(text, tail);
    assert_non_null(first);
    assert_non_null(strstr(first + 1, tail));
    free(text);
}

/* A ROLLBACK that ran out of memory left the connection inside a
 * transaction (here begun behind the store's back): the next save ends
 * it instead of failing with "cannot start a transaction within a
 * transaction". */
static void test_decisions__left_transaction_ended(void **state)
{
    audit *a = *state;
    evaluate(a);
    sqlite3 *db = tdkt_store_sqlite(a->store);
    assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_get_autocommit(db), 0);
    assert_int_equal(save(a), 1);
    assert_int_equal(sqlite3_get_autocommit(db), 1);
    assert_int_equal(query_int(a, "SELECT count(*) FROM runs"), 1);
}

/* The example province imported and indexed, and judged into a->res
 * with @p opt under the rules of @p rules (under the source tree). */
static void judge_province(audit *a, const char *rules,
                           const tdkt_eval_options *opt)
{
    const char *paths[] = {TDKT_SOURCE_DIR "/examples/kontum-demo"};
    tdkt_diags d = {0};
    assert_int_equal(tdkt_import(a->store, paths, 1, TDKT_LANG_EN, NULL, &d),
                     0);
    tdkt_diags_clear(&d);
    assert_int_equal(tdkt_index_load(&a->ix, a->store), 0);
    char *dir = join(TDKT_SOURCE_DIR, rules);
    assert_int_equal(tdkt_rules_open(&a->rules, dir), 0);
    free(dir);
    assert_int_equal(tdkt_eval(&a->res, a->ix, a->rules, opt), 0);
}

/* The example province (440 nominations, every award, judged by the
 * shipped rule sets): thousands of details, most of them repeated, each
 * shown again in its place. A detail lost, swapped or numbered wrong in
 * the run's dictionary changes the text. Judged on three threads, each
 * text has a copy in each thread's arena: still stored once. */
static void test_decisions__province_shows_as_judged(void **state)
{
    audit *a = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    judge_province(a, "rules", &opt);
    int64_t run = save(a);
    int texts = detail_count(a, run);
    assert_true(texts > 100);
    assert_shows_as(a, run, a->res);

    tdkt_results_free(a->res);
    a->res = NULL;
    opt.threads = 3;
    assert_int_equal(tdkt_eval(&a->res, a->ix, a->rules, &opt), 0);
    run = save(a);
    assert_int_equal(detail_count(a, run), texts);
    assert_shows_as(a, run, a->res);
}

/* ------------------------------------------------------- append-only */

static void test_decisions__append_only(void **state)
{
    audit *a = *state;
    evaluate(a);
    save(a);
    static const struct {
        const char *sql, *message;
    } refused[] = {
        {"UPDATE runs SET rules = 'elsewhere'", "runs are append-only"},
        {"UPDATE runs SET count = count + 1 WHERE id = 1",
         "runs are append-only"},
        {"DELETE FROM runs", "runs are append-only"},
        {"UPDATE run_rulesets SET sha256 = 'x'", "runs are append-only"},
        {"DELETE FROM run_rulesets WHERE ruleset = 't/base'",
         "runs are append-only"},
        {"UPDATE decisions SET outcome = 'eligible' WHERE nomination_id = "
         "'N3'",
         "decisions are append-only"},
        {"DELETE FROM decisions", "decisions are append-only"},
        {"DELETE FROM decisions WHERE nomination_id = 'N4'",
         "decisions are append-only"},
        {"UPDATE decisions SET result = NULL WHERE nomination_id = 'N1'",
         "decisions are append-only"},
        {"UPDATE run_forms SET name_vi = 'x'", "runs are append-only"},
        {"DELETE FROM run_forms", "runs are append-only"},
        {"UPDATE run_criteria SET basis = 'x' WHERE node = 0",
         "runs are append-only"},
        {"DELETE FROM run_criteria WHERE form = 1", "runs are append-only"},
        {"UPDATE run_details SET texts = X'00'",
         "runs are append-only"},
        {"DELETE FROM run_details", "runs are append-only"},
        /* A saved run is closed: nothing joins it afterwards. */
        {"INSERT INTO decisions(run_id, nomination_id, subject_type, "
         "subject_id, code, year, outcome) VALUES (1, 'N-FORGED', 'person', "
         "'P1', 'bk_tinh', 2020, 'eligible')",
         "a saved run is closed: nothing can be added to it"},
        {"INSERT INTO run_forms SELECT * FROM run_forms LIMIT 1",
         "a saved run is closed: nothing can be added to it"},
        {"INSERT INTO run_criteria SELECT * FROM run_criteria LIMIT 1",
         "a saved run is closed: nothing can be added to it"},
        {"INSERT INTO run_rulesets(run_id, ruleset, dir, sha256) "
         "VALUES (1, 'x/y', 'd', 's')",
         "a saved run is closed: nothing can be added to it"},
        {"DELETE FROM run_sealed", "runs are append-only"},
        {"UPDATE run_sealed SET run_id = 9", "runs are append-only"},
    };
    sqlite3 *db = tdkt_store_sqlite(a->store);
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        int rc = sqlite3_exec(db, refused[i].sql, NULL, NULL, NULL);
        /* Refused by the schema's triggers (extended codes are on). */
        if (rc != SQLITE_CONSTRAINT_TRIGGER ||
            strcmp(sqlite3_errmsg(db), refused[i].message) != 0) {
            print_error("%s: rc %d, %s\n", refused[i].sql, rc,
                        sqlite3_errmsg(db));
            fail();
        }
        /* Through the store's own call too. */
        assert_int_equal(tdkt_store_exec(a->store, refused[i].sql),
                         TDKT_EDB);
        assert_non_null(strstr(tdkt_error_last()->message,
                               refused[i].message));
    }
    /* Nothing changed. */
    sqlite3_stmt *st = query(a, "SELECT (SELECT count(*) FROM runs WHERE "
                                "count = 4), (SELECT count(*) FROM "
                                "run_rulesets WHERE sha256 <> 'x'), (SELECT "
                                "count(*) FROM decisions WHERE outcome = "
                                "'error'), (SELECT count(*) FROM run_forms "
                                "WHERE name_vi <> 'x'), (SELECT count(*) "
                                "FROM run_criteria WHERE basis IS NOT 'x'), "
                                "(SELECT length(texts) FROM run_details)");
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    assert_int_equal(sqlite3_column_int(st, 1), 2);
    assert_int_equal(sqlite3_column_int(st, 2), 2);
    assert_int_equal(sqlite3_column_int(st, 3), 2);
    assert_true(sqlite3_column_int(st, 4) > 2);
    assert_true(sqlite3_column_int(st, 5) > 2);
    sqlite3_finalize(st);
    assert_shows_as(a, 1, a->res);
}

/* ---------------------------------------------------------- the hash */

typedef struct hashes {
    char amend[65], base[65];
} hashes;

static void hash_now(audit *a, hashes *h)
{
    char *dir = join(a->root, "t/amend");
    tdkt_rules *rules = NULL;
    if (tdkt_rules_open(&rules, dir) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    snprintf(h->amend, sizeof h->amend, "%s", tdkt_ruleset_sha256(rs));
    snprintf(h->base, sizeof h->base, "%s",
             tdkt_ruleset_sha256(tdkt_ruleset_parent(rs)));
    tdkt_rules_free(rules);
    free(dir);
}

/* Any change to any file of a set, or of a set it extends, changes its
 * hash, even one that changes no behaviour (a comment); the same files
 * give the same hash again. */
static void test_decisions__hash_follows_every_file(void **state)
{
    audit *a = *state;
    hashes orig, now;
    hash_now(a, &orig);
    assert_int_equal(strlen(orig.amend), 64);
    assert_string_not_equal(orig.amend, orig.base);
    hash_now(a, &now);
    assert_string_equal(now.amend, orig.amend);

    for (size_t i = 0; i < NFILES; i++) {
        char *path = join(a->root, set_files[i]);
        size_t len = 0;
        char *text = th_read(path, &len);
        assert_non_null(text);
        char *edited = malloc(len + 16);
        assert_non_null(edited);
        snprintf(edited, len + 16, "%s-- edited\n", text);
        free(th_write(a->root, set_files[i], edited));
        hash_now(a, &now);
        bool in_base = strncmp(set_files[i], "t/base/", 7) == 0;
        if (strcmp(now.amend, orig.amend) == 0) {
            print_error("editing %s left t/amend's hash as it was\n",
                        set_files[i]);
            fail();
        }
        if (in_base)
            assert_string_not_equal(now.base, orig.base);
        else
            assert_string_equal(now.base, orig.base);
        free(th_write(a->root, set_files[i], text));
        hash_now(a, &now);
        assert_string_equal(now.amend, orig.amend);
        assert_string_equal(now.base, orig.base);
        free(edited);
        free(text);
        free(path);
    }

    /* A file renamed, or one more test file: the files are the set. */
    char *from = join(a->root, "t/base/forms/ttldtt.lua");
    char *to = join(a->root, "t/base/forms/ttldtt2.lua");
    assert_int_equal(rename(from, to), 0);
    hash_now(a, &now);
    assert_string_not_equal(now.base, orig.base);
    assert_string_not_equal(now.amend, orig.amend);
    assert_int_equal(rename(to, from), 0);
    free(from);
    free(to);
    free(th_write(a->root, "t/amend/tests/more.lua", "-- no cases yet\n"));
    hash_now(a, &now);
    assert_string_not_equal(now.amend, orig.amend);
    assert_string_equal(now.base, orig.base);
}

/* ------------------------------------------------------ showing runs */

static char *show(audit *a, int64_t run, tdkt_format fmt, int expect)
{
    tdkt_diags_clear(&a->problems);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(tdkt_run_show(a->store, run, fmt, TDKT_LANG_EN, out,
                                   &a->problems),
                     expect);
    fclose(out);
    return text;
}

static void assert_problem(const audit *a, size_t i, const char *dir,
                           const char *start)
{
    assert_true(i < a->problems.count);
    const tdkt_diag *d = &a->problems.items[i];
    assert_string_equal(d->file, dir);
    if (strncmp(d->message, start, strlen(start)) != 0) {
        print_error("expected '%s…', got '%s'\n", start, d->message);
        fail();
    }
}

static void test_decisions__run_show_reports_changed_sets(void **state)
{
    audit *a = *state;
    evaluate(a);
    int64_t run = save(a);
    char amend_sha[65], base_sha[65];
    snprintf(amend_sha, sizeof amend_sha, "%s",
             tdkt_ruleset_sha256(set_named(a->rules, "t/amend")));
    snprintf(base_sha, sizeof base_sha, "%s",
             tdkt_ruleset_sha256(set_named(a->rules, "t/base")));

    /* Unchanged: no problem; the stored results come back as they were. */
    char *text = show(a, run, TDKT_FMT_JSONL, 0);
    assert_int_equal(a->problems.count, 0);
    char *was = th_results_text(a->res, TDKT_FMT_JSONL);
    assert_string_equal(text, was);
    free(was);
    free(text);

    /* A parent's form edited: both sets changed. */
    char *ldtt = join(a->root, "t/base/forms/ldtt.lua");
    char *orig = th_read(ldtt, NULL);
    tdkt_buf edited = {0};
    tdkt_buf_printf(&edited, "%s-- a comment is a change too\n", orig);
    free(th_write(a->root, "t/base/forms/ldtt.lua", tdkt_buf_cstr(&edited)));
    tdkt_buf_free(&edited);
    hashes now;
    hash_now(a, &now);
    text = show(a, run, TDKT_FMT_TABLE, 0);
    assert_int_equal(a->problems.count, 2);
    char *amend_dir = join(a->root, "t/amend");
    char *base_dir = join(a->root, "t/base");
    char msg[256];
    snprintf(msg, sizeof msg,
             "rule set t/amend changed since the run (then %.12s…, now "
             "%.12s…)",
             amend_sha, now.amend);
    assert_problem(a, 0, amend_dir, msg);
    snprintf(msg, sizeof msg,
             "rule set t/base changed since the run (then %.12s…, now "
             "%.12s…)",
             base_sha, now.base);
    assert_problem(a, 1, base_dir, msg);
    /* The decisions are still shown. */
    assert_non_null(strstr(text, "Run 1 — "));
    assert_non_null(strstr(text, "N4"));
    free(text);

    /* Put back: no problem again. */
    free(th_write(a->root, "t/base/forms/ldtt.lua", orig));
    free(show(a, run, TDKT_FMT_JSONL, 0));
    assert_int_equal(a->problems.count, 0);

    /* A set gone. */
    th_rmtree(amend_dir);
    free(show(a, run, TDKT_FMT_JSONL, 0));
    assert_int_equal(a->problems.count, 1);
    snprintf(msg, sizeof msg,
             "rule set t/amend can no longer be loaded; the run used %.12s…",
             amend_sha);
    assert_problem(a, 0, amend_dir, msg);

    assert_int_equal(tdkt_run_show(a->store, 99, TDKT_FMT_JSONL,
                                   TDKT_LANG_EN, stdout, &a->problems),
                     TDKT_ENOTFOUND);
    assert_string_equal(tdkt_error_last()->message, "no run 99");
    free(amend_dir);
    free(base_dir);
    free(orig);
    free(ldtt);
}

/* ------------------------------------------------- schema 1 migrated */

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        print_error("%s: %s\n", sql, err);
        fail();
    }
}

/* A new store @p name of an older schema (@p fixture, under
 * tests/fixtures) holding the records; its path goes to @p path. */
static sqlite3 *old_store(audit *a, const char *fixture, const char *name,
                          char **path)
{
    *path = join(a->dir, name);
    char *src = th_fixture(fixture);
    char *schema = th_read(src, NULL);
    assert_non_null(schema);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(*path, &db), SQLITE_OK);
    exec_ok(db, schema);
    exec_ok(db, RECORDS);
    free(schema);
    free(src);
    return db;
}

/* Close the test's store and open the one at @p path (to read: an older
 * one is migrated all the same). */
static void reopen(audit *a, const char *path)
{
    tdkt_store_close(a->store);
    a->store = NULL;
    assert_int_equal(tdkt_store_open(&a->store, path, TDKT_STORE_READ), 0);
}

/* A store as version 1 left it (its schema from tests/fixtures/store):
 * the records, and run 1 with each decision's result as the JSON that
 * tdkt_result_json gave then and gives now. */
static char *make_schema_1(audit *a)
{
    char *path = NULL;
    sqlite3 *db = old_store(a, "store/schema-1.sql", "v1.db", &path);
    exec_ok(db, "PRAGMA user_version = 1;"
                "INSERT INTO runs(id, started, engine, rules, options, "
                "count) VALUES (1, '2026-01-01T00:00:00Z', '0.1.0', "
                "'rules', '{}', 4)");
    sqlite3_stmt *set = NULL, *dec = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT OR IGNORE INTO run_rulesets "
                                        "VALUES (1, ?, ?, ?)",
                                        -1, &set, NULL),
                     SQLITE_OK);
    assert_int_equal(
        sqlite3_prepare_v2(db,
                           "INSERT INTO decisions VALUES (1, ?, ?, ?, ?, ?, "
                           "?, ?, ?, ?)",
                           -1, &dec, NULL),
        SQLITE_OK);
    for (size_t i = 0; i < tdkt_results_count(a->res); i++) {
        tdkt_result_view v;
        tdkt_result_get(a->res, i, &v);
        for (const tdkt_ruleset *rs = v.ruleset; rs;
             rs = tdkt_ruleset_parent(rs)) {
            sqlite3_bind_text(set, 1, tdkt_ruleset_id(rs), -1, SQLITE_STATIC);
            sqlite3_bind_text(set, 2, tdkt_ruleset_dir(rs), -1, SQLITE_STATIC);
            sqlite3_bind_text(set, 3, tdkt_ruleset_sha256(rs), -1,
                              SQLITE_STATIC);
            assert_int_equal(sqlite3_step(set), SQLITE_DONE);
            sqlite3_reset(set);
        }
        tdkt_buf json = {0};
        tdkt_result_json(a->res, i, &json);
        sqlite3_bind_text(dec, 1, v.nomination, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 2, v.subject_type, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 3, v.subject_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 4, v.code, -1, SQLITE_STATIC);
        sqlite3_bind_int(dec, 5, v.year);
        if (v.ruleset)
            sqlite3_bind_text(dec, 6, tdkt_ruleset_id(v.ruleset), -1,
                              SQLITE_STATIC);
        sqlite3_bind_text(dec, 7, tdkt_outcome_code(v.outcome), -1,
                          SQLITE_STATIC);
        if (v.message)
            sqlite3_bind_text(dec, 8, v.message, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 9, tdkt_buf_cstr(&json), -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(dec), SQLITE_DONE);
        sqlite3_reset(dec);
        sqlite3_clear_bindings(dec);
        tdkt_buf_free(&json);
    }
    sqlite3_finalize(set);
    sqlite3_finalize(dec);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
    return path;
}

static int query_int(audit *a, const char *sql)
{
    sqlite3_stmt *st = query(a, sql);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Opening a version-1 store, even to read, migrates it in one go: its
 * decisions keep their JSON and show again exactly as they were saved;
 * they stay append-only and can be conferred; new runs are compact. */
/* Version 6: the records version counts from 0, counted by the trigger
 * of each change to each record table (the one that deletes the index
 * image, made again); runs saved before say nothing of it. */
static void assert_migrated_to_6(audit *a)
{
    assert_int_equal(query_int(a, "SELECT count(*) FROM runs WHERE "
                                  "records IS NOT NULL"),
                     0);
    assert_int_equal(query_int(a, "SELECT count(*) FROM sqlite_schema WHERE "
                                  "type = 'trigger' AND name GLOB "
                                  "'*_stale_[iud]' AND sql LIKE "
                                  "'%records_version%'"),
                     24);
    int64_t v = -1;
    assert_int_equal(tdkt_store_records_version(a->store, &v), 0);
    assert_int_equal(v, 0);
    assert_int_equal(tdkt_store_exec(a->store, "DELETE FROM facts"), 0);
    assert_int_equal(tdkt_store_records_version(a->store, &v), 0);
    assert_int_equal(v, query_int(a, "SELECT changes()"));
    assert_true(v > 0);
}

/* Version 7: the honours conferred from each run are indexed, and only
 * those. */
static void assert_migrated_to_7(audit *a)
{
    assert_int_equal(query_int(a, "SELECT count(*) FROM pragma_index_list("
                                  "'honours') WHERE name = 'honours_by_run' "
                                  "AND partial"),
                     1);
}

/* Version 8: decisions keep the kind of honour judged; the older ones
 * did not know it. */
static void assert_migrated_to_8(audit *a)
{
    assert_int_equal(query_int(a, "SELECT count(*) FROM pragma_table_info("
                                  "'decisions') WHERE name = 'kind'"),
                     1);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 1 AND kind IS NOT NULL"),
                     0);
}

/* Version 9: each of the eight record tables keeps its rows' x_ cells;
 * the rows stored before had them thrown away. */
static void assert_migrated_to_9(audit *a)
{
    assert_int_equal(query_int(a, "SELECT count(*) FROM sqlite_schema t, "
                                  "pragma_table_info(t.name) c WHERE "
                                  "t.type = 'table' AND c.name = 'extra'"),
                     8);
    assert_int_equal(query_int(a, "SELECT (SELECT count(*) FROM units WHERE "
                                  "extra IS NOT NULL) + (SELECT count(*) "
                                  "FROM people WHERE extra IS NOT NULL)"),
                     0);
}

static void test_decisions__schema_1_migrated(void **state)
{
    audit *a = *state;
    evaluate(a);
    char *path = make_schema_1(a);
    reopen(a, path);

    assert_int_equal(query_int(a, "PRAGMA user_version"),
                     TDKT_SCHEMA_VERSION);
    assert_int_equal(query_int(a, "SELECT count(*) FROM sqlite_schema "
                                  "WHERE name = 'decisions_v1'"),
                     0);
    assert_migrated_to_6(a);
    assert_migrated_to_7(a);
    assert_migrated_to_8(a);
    assert_migrated_to_9(a);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 1 AND typeof(result) = 'text'"),
                     4);
    assert_shows_as(a, 1, a->res);
    char *table = show(a, 1, TDKT_FMT_TABLE, 0);
    assert_non_null(strstr(table, "N3"));
    assert_non_null(strstr(table, "has no form for 'bk_tinh'"));
    free(table);

    /* Still the audit record. */
    assert_int_equal(tdkt_store_exec(a->store, "DELETE FROM decisions"),
                     TDKT_EDB);
    assert_non_null(strstr(tdkt_error_last()->message,
                           "decisions are append-only"));
    assert_int_equal(tdkt_store_exec(a->store, "UPDATE decisions SET "
                                               "result = NULL"),
                     TDKT_EDB);

    /* A migrated run's eligible decisions can be conferred. */
    tdkt_confer_options opt = {.run_id = 1,
                               .decision_no = "1/QĐ-UBND",
                               .decision_date = "2026-02-01"};
    tdkt_confer_summary sum;
    assert_int_equal(tdkt_confer(a->store, &opt, TDKT_LANG_EN, &sum,
                                 &a->problems),
                     0);
    assert_int_equal(sum.added, 2);

    /* The next run is saved compact, beside the old one. */
    assert_int_equal(save(a), 2);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 2 AND typeof(result) <> "
                                  "'text'"),
                     4);
    assert_shows_as(a, 2, a->res);
    assert_shows_as(a, 1, a->res);

    /* Opened again: nothing more to do. */
    reopen(a, path);
    assert_shows_as(a, 1, a->res);
    free(path);
}

/* ------------------------------------------ schemas 2 and 3 migrated */

/* Result @p i as schema 2 stored it: a byte per node ('f', 'p', 'u', '-'
 * not judged), then each judged node's detail ended by a zero byte.
 * Written here from the results, independently of the library's encoder. */
static void encode_v2(const tdkt_results *res, size_t i, size_t nnodes,
                      tdkt_buf *b)
{
    b->len = 0;
    for (size_t k = 0; k < nnodes; k++) {
        tdkt_criterion_view c;
        tdkt_result_node(res, i, k, TDKT_LANG_EN, &c);
        tdkt_buf_put(b, c.result >= 0 ? &"fpu"[c.result] : "-", 1);
    }
    for (size_t k = 0; k < nnodes; k++) {
        tdkt_criterion_view c;
        tdkt_result_node(res, i, k, TDKT_LANG_EN, &c);
        if (c.result >= 0)
            tdkt_buf_put(b, c.detail ? c.detail : "",
                         strlen(c.detail ? c.detail : "") + 1);
    }
    assert_false(b->oom);
}

/* A store as version @p version (2 or 3) left it (its schema from
 * tests/fixtures/store): the records, and run 1 as saved now but with each
 * result in the form of schemas 2 and 3 (the run's forms and criteria are
 * stored as they were). */
static char *make_schema_2(audit *a, int version)
{
    assert_int_equal(save(a), 1);
    char *path = NULL, pragma[64];
    sqlite3 *db = old_store(a, "store/schema-2.sql", "old.db", &path);
    if (version == 3) { /* what version 3 added */
        char *src = th_fixture("store/schema-3.sql");
        char *added = th_read(src, NULL);
        assert_non_null(added);
        exec_ok(db, added);
        free(added);
        free(src);
    }
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
    exec_ok(db, pragma);
    char *now = join(a->dir, "audit.db");
    char attach[1200];
    snprintf(attach, sizeof attach, "ATTACH '%s' AS now", now);
    exec_ok(db, attach);
    exec_ok(db, "INSERT INTO runs SELECT id, started, engine, rules, "
                "options, count FROM now.runs;"
                "INSERT INTO run_rulesets SELECT * FROM now.run_rulesets;"
                "INSERT INTO run_forms SELECT * FROM now.run_forms;"
                "INSERT INTO run_criteria SELECT * FROM now.run_criteria;");
    sqlite3_stmt *dec = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(db,
                           "INSERT INTO decisions(run_id, nomination_id, "
                           "subject_type, subject_id, code, year, ruleset, "
                           "form, outcome, message, result) SELECT run_id, "
                           "nomination_id, subject_type, subject_id, code, "
                           "year, ruleset, form, outcome, message, ?2 FROM "
                           "now.decisions WHERE nomination_id = ?1",
                           -1, &dec, NULL),
        SQLITE_OK);
    tdkt_buf blob = {0};
    for (size_t i = 0; i < tdkt_results_count(a->res); i++) {
        tdkt_result_view v;
        tdkt_result_get(a->res, i, &v);
        sqlite3_bind_text(dec, 1, v.nomination, -1, SQLITE_STATIC);
        if (v.nnodes) {
            encode_v2(a->res, i, v.nnodes, &blob);
            sqlite3_bind_blob(dec, 2, blob.ptr, (int)blob.len,
                              SQLITE_STATIC);
        } else {
            sqlite3_bind_null(dec, 2);
        }
        assert_int_equal(sqlite3_step(dec), SQLITE_DONE);
        assert_int_equal(sqlite3_changes(db), 1);
        sqlite3_reset(dec);
    }
    tdkt_buf_free(&blob);
    sqlite3_finalize(dec);
    exec_ok(db, "DETACH now");
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
    free(now);
    return path;
}

/* Opening a version-2 or 3 store, even to read, migrates it: its results
 * keep their form and show again exactly as they were saved; the runs'
 * details are append-only; new runs refer to their details by number. */
static void migrated_from(void **state, int version)
{
    audit *a = *state;
    evaluate(a);
    char *path = make_schema_2(a, version);
    reopen(a, path);

    assert_int_equal(query_int(a, "PRAGMA user_version"), TDKT_SCHEMA_VERSION);
    /* Version 5: the report's partial index replaces honours_year. */
    assert_int_equal(query_int(a, "SELECT count(*) FROM sqlite_schema WHERE "
                                  "name = 'honours_year'"),
                     0);
    assert_int_equal(query_int(a, "SELECT count(*) FROM pragma_index_list("
                                  "'honours') WHERE name = 'honours_report' "
                                  "AND partial"),
                     1);
    assert_migrated_to_6(a);
    assert_migrated_to_7(a);
    assert_migrated_to_8(a);
    assert_migrated_to_9(a);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 1 AND typeof(result) = 'blob' "
                                  "AND substr(result, 1, 1) <> X'03'"),
                     2);
    assert_int_equal(query_int(a, "SELECT count(*) FROM run_details"), 0);
    assert_shows_as(a, 1, a->res);

    assert_int_equal(save(a), 2);
    assert_int_equal(query_int(a, "SELECT count(*) FROM decisions WHERE "
                                  "run_id = 2 AND substr(result, 1, 1) = "
                                  "X'03'"),
                     2);
    assert_true(detail_count(a, 2) > 2);
    assert_shows_as(a, 2, a->res);
    assert_shows_as(a, 1, a->res);
    assert_int_equal(tdkt_store_exec(a->store, "DELETE FROM run_details"),
                     TDKT_EDB);
    assert_non_null(strstr(tdkt_error_last()->message,
                           "runs are append-only"));

    /* Opened again: nothing more to do. */
    reopen(a, path);
    assert_shows_as(a, 1, a->res);
    assert_shows_as(a, 2, a->res);
    free(path);
}

static void test_decisions__schema_2_migrated(void **state)
{
    migrated_from(state, 2);
}

static void test_decisions__schema_3_migrated(void **state)
{
    migrated_from(state, 3);
}

/* N1's result (form 1), and its part before the detail numbers. */
#define N1 "(SELECT result FROM decisions WHERE nomination_id = 'N1')"
#define N1_HEAD                                                              \
    "substr(" N1 ", 1, 1 + (SELECT (count(*) + 3) / 4 FROM run_criteria "    \
    "WHERE form = 1))"

/* A decision whose compact form does not fit its form (written behind
 * tdkt's back: rows can be added, not changed) is refused, not shown
 * wrong or read out of bounds. */
static void test_decisions__damaged_result_refused(void **state)
{
    audit *a = *state;
    evaluate(a);
    int64_t run = save(a);
    /* Damage made behind tdkt's back: the run is closed to new rows
     * (schema_sealed.sql) unless its trigger is dropped, as anyone with
     * sqlite3 can. */
    assert_int_equal(tdkt_store_exec(a->store, "DROP TRIGGER decisions_sealed"),
                     0);
    static const char *const bad[] = {
        "X'70'",           /* fewer bytes than nodes */
        "X'7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A7A'", /* not a result */
        "zeroblob(40)",
        /* Schema 4, from N1's own result: the tag alone; a byte too many;
         * the last detail number cut; a number beyond the run's details;
         * a varint cut short; one beyond 32 bits. */
        "substr(" N1 ", 1, 1)",
        "cast(" N1 " || X'00' AS BLOB)",
        "substr(" N1 ", 1, length(" N1 ") - 1)",
        "cast(" N1_HEAD " || X'7F' AS BLOB)",
        "cast(" N1_HEAD " || X'80' AS BLOB)",
        "cast(" N1_HEAD " || X'FFFFFFFF7F' AS BLOB)",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char sql[1024];
        snprintf(sql, sizeof sql,
                 "INSERT INTO decisions(run_id, nomination_id, subject_type, "
                 "subject_id, code, year, ruleset, form, outcome, result) "
                 "VALUES (%lld, 'N9%zu', 'person', 'P1', 'ldtt', 2020, "
                 "'t/base', 1, 'eligible', %s)",
                 (long long)run, i, bad[i]);
        assert_int_equal(tdkt_store_exec(a->store, sql), 0);
        free(show(a, run, TDKT_FMT_JSONL, TDKT_EDB));
        assert_non_null(strstr(tdkt_error_last()->message, "is damaged"));
        snprintf(sql, sizeof sql, "DROP TRIGGER decisions_append_only_d;"
                                  "DELETE FROM decisions WHERE nomination_id "
                                  "LIKE 'N9%%';"
                                  "CREATE TRIGGER decisions_append_only_d "
                                  "BEFORE DELETE ON decisions BEGIN SELECT "
                                  "RAISE(ABORT, 'decisions are "
                                  "append-only'); END;");
        assert_int_equal(tdkt_store_exec(a->store, sql), 0);
        free(show(a, run, TDKT_FMT_JSONL, 0));
    }
    /* The run's details: the last text not ended; fewer texts than the
     * results' numbers. */
    static const struct {
        const char *texts, *message;
    } bad_texts[] = {{"X'4100'", "is damaged"}, {"X'410042'", "damaged details"}};
    for (size_t i = 0; i < 2; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "DROP TRIGGER run_details_append_only_u;"
                                  "UPDATE run_details SET texts = %s;"
                                  "CREATE TRIGGER run_details_append_only_u "
                                  "BEFORE UPDATE ON run_details BEGIN SELECT "
                                  "RAISE(ABORT, 'runs are append-only'); END;",
                 bad_texts[i].texts);
        assert_int_equal(tdkt_store_exec(a->store, sql), 0);
        free(show(a, run, TDKT_FMT_JSONL, TDKT_EDB));
        assert_non_null(strstr(tdkt_error_last()->message,
                               bad_texts[i].message));
    }
}

/* ------------------------------------------------ reuse by a dry-run */

/* Save a->res as `tdkt eval` saves it: its options name the language. */
static int64_t save_as_eval(audit *a, tdkt_lang lang)
{
    int64_t run = -1;
    const char *opts = lang == TDKT_LANG_EN
                           ? "{\"year\":0,\"ids\":[],\"threads\":1,"
                             "\"lang\":\"en\"}"
                           : "{\"year\":0,\"ids\":[],\"threads\":1,"
                             "\"lang\":\"vi\"}";
    assert_int_equal(tdkt_decisions_save(a->store, a->res, a->root, opts,
                                         &run),
                     0);
    return run;
}

/* Judge with @p opt taking what the run tdkt_run_results() finds (which
 * must be @p run, or none when 0) offers: the results are byte for byte
 * tdkt_eval()'s, and @p reused of them were taken. */
static void assert_judged_from_run(audit *a, const tdkt_eval_options *opt,
                                   int64_t run, size_t reused)
{
    tdkt_results *saved = NULL, *got = NULL, *want = NULL;
    int64_t found = -1;
    assert_int_equal(tdkt_run_results(&saved, &found, a->store, a->ix,
                                      a->rules, opt),
                     0);
    assert_int_equal(found, run);
    assert_true(run ? saved != NULL : saved == NULL);
    assert_int_equal(tdkt_diff_eval(&got, a->ix, a->rules, opt, saved), 0);
    assert_int_equal(tdkt_eval(&want, a->ix, a->rules, opt), 0);
    char *g = th_results_text(got, TDKT_FMT_JSONL);
    char *w = th_results_text(want, TDKT_FMT_JSONL);
    assert_string_equal(g, w);
    assert_int_equal(tdkt_results_reused(got), reused);
    free(g);
    free(w);
    tdkt_results_free(got);
    tdkt_results_free(want);
    tdkt_results_free(saved);
}

/* A saved run of the same records and rules is taken instead of judging
 * again: N1 and N2; N3 (no form) and N4 (no set) are errors, judged
 * again. A selection of fewer nominations takes its share. */
static void test_decisions__saved_run_reused(void **state)
{
    audit *a = *state;
    evaluate(a);
    int64_t run = save_as_eval(a, TDKT_LANG_EN);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.lang = TDKT_LANG_EN;
    opt.threads = 2;
    assert_judged_from_run(a, &opt, run, 2);
    opt.year = 2022;
    assert_judged_from_run(a, &opt, run, 1);
    /* the newest run that qualifies */
    assert_int_equal(save_as_eval(a, TDKT_LANG_VI), run + 1);
    int64_t newer = save_as_eval(a, TDKT_LANG_EN);
    opt.year = 0;
    assert_judged_from_run(a, &opt, newer, 2);
}

/* The province under NĐ 91 (its quotas judge some of the nominations):
 * every judgement the run made is taken, those a quota judged included;
 * rule errors and kinds a person must decide are judged again. A few
 * nominations named take their share. */
static void test_decisions__saved_province_reused(void **state)
{
    audit *a = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 2;
    judge_province(a, "rules/vn/nd91-2017", &opt);
    int64_t run = save_as_eval(a, TDKT_LANG_VI);
    size_t judged = 0, quota = 0;
    const char *ids[3];
    size_t nids = 0;
    for (size_t i = 0; i < tdkt_results_count(a->res); i++) {
        tdkt_result_view v;
        tdkt_result_get(a->res, i, &v);
        bool capped = false; /* a quota judged it (then only may a
                              * message not be an error's or a kind's) */
        for (size_t k = 0; k < v.nnodes; k++) {
            tdkt_criterion_view c;
            tdkt_result_node(a->res, i, k, TDKT_LANG_VI, &c);
            capped |= strcmp(c.kind, "quota") == 0 && c.result >= 0;
        }
        bool taken = v.outcome != TDKT_OUTCOME_ERROR &&
                     (!v.message || capped);
        judged += taken;
        quota += capped;
        if (nids < 2 && taken)
            ids[nids++] = v.nomination;
        else if (nids == 2 && !taken)
            ids[nids++] = v.nomination;
    }
    assert_true(quota > 0 && judged > quota && nids == 3);
    assert_judged_from_run(a, &opt, run, judged);
    opt.ids = ids;
    opt.nids = nids;
    assert_judged_from_run(a, &opt, run, 2);
}

/* Anything that could change a judgement rules the run out: another
 * language, another engine, changed records, a changed file of a set or
 * of the set it extends, an overridden parameter, or options that do not
 * say the language (the run is not eval's). */
static void test_decisions__saved_run_only_when_same(void **state)
{
    audit *a = *state;
    evaluate(a);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.lang = TDKT_LANG_EN;
    save(a); /* options without the language */
    assert_judged_from_run(a, &opt, 0, 0);
    int64_t run = save_as_eval(a, TDKT_LANG_EN);
    assert_judged_from_run(a, &opt, run, 2);

    opt.lang = TDKT_LANG_VI;
    assert_judged_from_run(a, &opt, 0, 0);
    opt.lang = TDKT_LANG_EN;

    assert_int_equal(tdkt_rules_set_param(a->rules, "new_hire_min_months",
                                          "6"),
                     0);
    assert_judged_from_run(a, &opt, 0, 0);
    tdkt_rules_free(a->rules);
    assert_int_equal(tdkt_rules_open(&a->rules, a->root), 0);
    assert_judged_from_run(a, &opt, run, 2);

    static const char *const edited[] = {"t/amend/forms/cstd_cs.lua",
                                         "t/base/forms/ttldtt.lua"};
    for (size_t i = 0; i < 2; i++) {
        char *path = join(a->root, edited[i]);
        char *text = th_read(path, NULL);
        assert_non_null(text);
        char *more = malloc(strlen(text) + 16);
        assert_non_null(more);
        sprintf(more, "%s-- edited\n", text);
        free(th_write(a->root, edited[i], more));
        tdkt_rules_free(a->rules);
        assert_int_equal(tdkt_rules_open(&a->rules, a->root), 0);
        assert_judged_from_run(a, &opt, 0, 0);
        free(th_write(a->root, edited[i], text));
        tdkt_rules_free(a->rules);
        assert_int_equal(tdkt_rules_open(&a->rules, a->root), 0);
        assert_judged_from_run(a, &opt, run, 2);
        free(more);
        free(text);
        free(path);
    }

    /* Another version; the same version from another build (or saved
     * before builds were recorded): judged again. */
    assert_int_equal(tdkt_store_exec(a->store,
                                     "DROP TRIGGER runs_append_only_u;"),
                     0);
    char sql[128], other_build[64];
    snprintf(other_build, sizeof other_build, "%s+0000000000000000",
             tdkt_version());
    const char *engines[] = {"0.0.1", tdkt_version(), other_build,
                             tdkt_build()};
    size_t nengines = sizeof engines / sizeof *engines;
    for (size_t e = 0; e < nengines; e++) {
        snprintf(sql, sizeof sql, "UPDATE runs SET engine = '%s';",
                 engines[e]);
        assert_int_equal(tdkt_store_exec(a->store, sql), 0);
        bool same = e == nengines - 1;
        assert_judged_from_run(a, &opt, same ? run : 0, same ? 2 : 0);
    }

    assert_int_equal(tdkt_store_exec(a->store,
                                     "INSERT INTO facts(subject_type, "
                                     "subject_id, year, key, value) VALUES "
                                     "('person', 'P1', 2021, 'studies', "
                                     "'1');"),
                     0);
    tdkt_index_free(a->ix);
    assert_int_equal(tdkt_index_load(&a->ix, a->store), 0);
    tdkt_results_free(a->res); /* it borrowed the old index */
    a->res = NULL;
    assert_judged_from_run(a, &opt, 0, 0);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_decisions__save_records_run),
        T(test_decisions__runs_list),
        T(test_decisions__left_transaction_ended),
        T(test_decisions__province_shows_as_judged),
        T(test_decisions__append_only),
        T(test_decisions__hash_follows_every_file),
        T(test_decisions__run_show_reports_changed_sets),
        T(test_decisions__schema_1_migrated),
        T(test_decisions__schema_2_migrated),
        T(test_decisions__schema_3_migrated),
        T(test_decisions__damaged_result_refused),
        T(test_decisions__saved_run_reused),
        T(test_decisions__saved_province_reused),
        T(test_decisions__saved_run_only_when_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
