/*
 * The in-memory index and what rules read from it: every subject and
 * nomination call of rules/README.md ("What a criterion can read"), and
 * the lib helpers over them, on edge histories.
 *
 * Each test stores a small history with SQL and lists probes: a Lua
 * expression, the nomination it is evaluated for, and the text expected.
 * The probes become a generated rule set (p/api) whose criteria return
 * pass(show(EXPR)), show() joining every value returned with " | ", so a
 * detail reads e.g. "2 | 2019, 2021" for s:honours{…}. The form is
 * cstd_cs for people and ttldtt for units; ldtt is the standard meets()
 * and members_meeting() judge: the fact `ok` of the year must be 1 (and
 * "boom" makes it fail with an error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "helpers.h"

typedef struct world {
    char *dir;
    tdkt_store *store;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    w->store = th_store_new(&w->dir, "t.db");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    th_store_done(w->store, w->dir);
    free(w);
    return 0;
}

static void records(world *w, const char *sql)
{
    if (tdkt_store_exec(w->store, sql) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
}

/* ------------------------------------------------------------ probes */

typedef struct probe {
    const char *nom;  /* nomination id */
    const char *expr; /* Lua expression over s, n, p */
    const char *want; /* its values, tostring'd, joined by " | " */
} probe;

#define MAX_CRIT 64

/* The criteria of the generated forms: one per (form code, expression). */
typedef struct crit {
    char code[16];
    const char *expr;
} crit;

static const char SHOW[] =
    "local function show(...)\n"
    "  local k = select('#', ...)\n"
    "  if k == 0 then return 'nil' end\n"
    "  local out = {}\n"
    "  for i = 1, k do out[i] = tostring((select(i, ...))) end\n"
    "  return table.concat(out, ' | ')\n"
    "end\n";

static void code_of(world *w, const char *nom, char *code, size_t n)
{
    sqlite3_stmt *st = NULL;
    sqlite3 *db = tdkt_store_sqlite(w->store);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT code FROM nominations "
                                            "WHERE id = ?",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, nom, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        print_error("no nomination '%s' in the test's records\n", nom);
        fail();
    }
    snprintf(code, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static char *path2(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* Write rules/p/api: the ldtt standard and one form per code in use. */
static char *write_probe_set(world *w, const crit *c, size_t nc)
{
    char *rules = path2(w->dir, "rules");
    char *set = path2(w->dir, "rules/p/api");
    char *forms = path2(w->dir, "rules/p/api/forms");
    mkdir(rules, 0700);
    char *p = path2(rules, "p");
    mkdir(p, 0700);
    free(p);
    mkdir(set, 0700);
    mkdir(forms, 0700);
    free(th_write(set, "ruleset.lua",
                  "ruleset { id = 'p/api', title = 'Probes', basis = "
                  "'Tests', effective_from = '1990-01-01' }\n"));
    free(th_write(forms, "ldtt.lua",
                  "form 'ldtt' { name = 'Standard', basis = 'Tests',\n"
                  "  criterion 'ok' { basis = 'Tests', status = 'P', "
                  "vi = 'ok', en = 'ok',\n"
                  "    check = function(s, n, p)\n"
                  "      if s:fact('ok', n.year) == 'boom' then\n"
                  "        error('cannot judge ' .. s.id)\n"
                  "      end\n"
                  "      return lib.fact_true(s, 'ok', n.year)\n"
                  "    end },\n}\n"));
    /* One file per form code, written at its first criterion. */
    for (size_t i = 0; i < nc; i++) {
        bool first = true;
        for (size_t k = 0; k < i && first; k++)
            first = strcmp(c[k].code, c[i].code) != 0;
        if (!first)
            continue;
        tdkt_buf b = {0};
        tdkt_buf_printf(&b, "%sform '%s' { name = 'Probes', basis = "
                            "'Tests',\n",
                        SHOW, c[i].code);
        for (size_t k = i; k < nc; k++)
            if (strcmp(c[k].code, c[i].code) == 0)
                tdkt_buf_printf(&b,
                                "  criterion 'c%zu' { basis = 'Tests', "
                                "status = 'V', vi = 'c', en = 'c',\n"
                                "    check = function(s, n, p) return "
                                "pass(show(%s)) end },\n",
                                k, c[k].expr);
        tdkt_buf_puts(&b, "}\n");
        char name[32];
        snprintf(name, sizeof name, "%s.lua", c[i].code);
        free(th_write(forms, name, tdkt_buf_cstr(&b)));
        tdkt_buf_free(&b);
    }
    free(forms);
    free(set);
    return rules;
}

/* Judge every nomination of the store by the probe set, in @p lang. */
static tdkt_results *judge(world *w, const crit *c, size_t nc,
                           tdkt_lang lang, tdkt_rules **rules,
                           tdkt_index **ix)
{
    char *root = write_probe_set(w, c, nc);
    char *set = path2(root, "p/api");
    if (tdkt_rules_open(rules, set) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
    free(set);
    free(root);
    assert_int_equal(tdkt_index_load(ix, w->store), 0);
    tdkt_results *res = NULL;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = lang;
    assert_int_equal(tdkt_eval(&res, *ix, *rules, &opt), 0);
    return res;
}

static size_t result_of(const tdkt_results *res, const char *nom,
                        tdkt_result_view *v)
{
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_get(res, i, v);
        if (strcmp(v->nomination, nom) == 0)
            return i;
    }
    print_error("no result for %s\n", nom);
    fail();
    return 0;
}

static void run_probes(world *w, const probe *pr, size_t n, tdkt_lang lang)
{
    crit c[MAX_CRIT];
    size_t nc = 0, which[MAX_CRIT];
    assert_true(n <= MAX_CRIT);
    for (size_t i = 0; i < n; i++) {
        char code[16];
        code_of(w, pr[i].nom, code, sizeof code);
        size_t k = 0;
        while (k < nc && (strcmp(c[k].code, code) != 0 ||
                          strcmp(c[k].expr, pr[i].expr) != 0))
            k++;
        if (k == nc) {
            snprintf(c[nc].code, sizeof c[nc].code, "%s", code);
            c[nc++].expr = pr[i].expr;
        }
        which[i] = k;
    }
    tdkt_rules *rules = NULL;
    tdkt_index *ix = NULL;
    tdkt_results *res = judge(w, c, nc, lang, &rules, &ix);
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        tdkt_result_view v;
        size_t r = result_of(res, pr[i].nom, &v);
        if (v.outcome == TDKT_OUTCOME_ERROR) {
            print_error("%s: error: %s\n", pr[i].nom, v.message);
            fail();
        }
        char id[16];
        snprintf(id, sizeof id, "c%zu", which[i]);
        const char *got = NULL;
        for (size_t k = 0; k < v.nnodes && !got; k++) {
            tdkt_criterion_view cv;
            tdkt_result_node(res, r, k, TDKT_LANG_EN, &cv);
            if (strcmp(cv.id, id) == 0)
                got = cv.detail;
        }
        assert_non_null(got);
        if (strcmp(got, pr[i].want) != 0) {
            print_error("%s: %s\n  expected: %s\n  got:      %s\n",
                        pr[i].nom, pr[i].expr, pr[i].want, got);
            failures++;
        }
    }
    tdkt_results_free(res);
    tdkt_index_free(ix);
    tdkt_rules_free(rules);
    assert_int_equal(failures, 0);
}

/* The probes in English, or (RUN_VI) in Vietnamese. */
#define RUN(w, probes)                                                     \
    run_probes(w, probes, sizeof probes / sizeof *probes, TDKT_LANG_EN)
#define RUN_VI(w, probes)                                                  \
    run_probes(w, probes, sizeof probes / sizeof *probes, TDKT_LANG_VI)

/* One unit and a person in it, for the histories below. */
#define PERSON_P1                                                          \
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng A', "         \
    "'agency');"                                                          \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "       \
    "('P1', 'Nguyễn Văn A', 'U1', 0);"                                    \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "  \
    "VALUES ('N', 'person', 'P1', 'cstd_cs', 2021);"

/* ------------------------------------------------------------- index */

/* The loaded counts; rows naming no known subject are left out (import
 * refuses them, so only a store written by other means has any). */
static void test_index__load_counts(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO units(id, name, parent_id, kind) VALUES "
            "('U2', 'Tổ 1', 'U1', 'agency');"
            "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "
            "('P2', 'Trần Thị B', 'U2', 1);"
            "INSERT INTO appraisals(subject_type, subject_id, year, rating) "
            "VALUES ('person', 'P1', 2020, 'good'), "
            "('person', 'P1', 2021, 'excellent'), "
            "('person', 'P2', 2021, 'good'), ('unit', 'U1', 2021, 'good'), "
            "('person', 'GHOST', 2021, 'good');"
            "INSERT INTO honours(subject_type, subject_id, code, year) "
            "VALUES ('person', 'P1', 'ldtt', 2020), "
            "('unit', 'U2', 'ttldtt', 2020);"
            "INSERT INTO initiatives(id, person_id, year, scope) VALUES "
            "('SK1', 'P1', 2021, 'unit');"
            "INSERT INTO disciplines(subject_type, subject_id, date, level) "
            "VALUES ('person', 'P2', '2021-03-01', 'reprimand');"
            "INSERT INTO facts(subject_type, subject_id, year, key, value) "
            "VALUES ('person', 'P1', 2021, 'ok', '1'), "
            "('nomination', 'N', 0, 'priority', '2'), "
            "('unit', 'U1', 0, 'bloc_leader', '1');"
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year) VALUES ('N2', 'unit', 'U2', 'ttldtt', 2021), "
            "('N3', 'person', 'GHOST', 'ldtt', 2021);");
    tdkt_index *ix = NULL;
    assert_int_equal(tdkt_index_load(&ix, w->store), 0);
    tdkt_index_stats s;
    tdkt_index_stats_get(ix, &s);
    assert_int_equal(s.units, 2);
    assert_int_equal(s.people, 2);
    assert_int_equal(s.appraisals, 4);
    assert_int_equal(s.honours, 2);
    assert_int_equal(s.initiatives, 1);
    assert_int_equal(s.disciplines, 1);
    assert_int_equal(s.facts, 3);
    assert_int_equal(s.nominations, 2);
    assert_true(s.bytes > 0);
    tdkt_index_free(ix);
    tdkt_index_free(NULL);
}

/* The record fields of a person, a unit and a nomination. */
static void test_index__fields(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO units(id, name, parent_id, kind, bloc, small) "
            "VALUES ('U2', 'Tổ 1', 'U1', 'public_service', 'khối 2', 1);"
            "INSERT INTO people(id, full_name, unit_id, is_leader, "
            "category, gender, ethnic_minority, birth_year, hired) VALUES "
            "('P2', 'Y Bling', 'U2', 1, 'civil_servant', 'female', 1, 1985, "
            "'2010-09-01');"
            "INSERT INTO appraisals(subject_type, subject_id, year, rating, "
            "unit_id) VALUES ('person', 'P2', 2019, 'good', 'U1');"
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year, kind, campaign, proposed_by, submitted) VALUES "
            "('N2', 'person', 'P2', 'cstd_cs', 2021, 'thematic', 'Đợt 1', "
            "'U1', '2022-01-10'), ('NU', 'unit', 'U2', 'ttldtt', 2021, "
            "'merit', NULL, NULL, NULL);");
    static const probe probes[] = {
        {"N", "s.type, s.id, s.name, s.unit", "person | P1 | Nguyễn Văn A | U1"},
        {"N", "s.is_leader, s.category, s.gender, s.ethnic_minority",
         "false | nil | nil | false"},
        {"N", "s.birth_year, s.hired", "nil | nil"},
        {"N2", "s.is_leader, s.category, s.gender, s.ethnic_minority",
         "true | civil_servant | female | true"},
        {"N2", "s.birth_year, s.hired", "1985 | 2010-09-01"},
        /* The unit of a year: the appraisal's, else the current one. */
        {"N2", "s.unit, s:unit_in(2019), s:unit_in(2021)", "U2 | U1 | U2"},
        {"NU", "s.type, s.id, s.name, s.kind",
         "unit | U2 | Tổ 1 | public_service"},
        {"NU", "s.parent, s.bloc, s.small", "U1 | khối 2 | true"},
        {"N", "n.id, n.code, n.year, n.kind", "N | cstd_cs | 2021 | merit"},
        {"N", "n.campaign, n.proposed_by, n.submitted", "nil | nil | nil"},
        {"N2", "n.kind, n.campaign, n.proposed_by, n.submitted",
         "thematic | Đợt 1 | U1 | 2022-01-10"},
        /* A parameter the form does not declare is an error where it
         * is read, naming the form. */
        {"N", "select(2, pcall(function() return p.years end))"
              ":match('form .*')",
         "form 'cstd_cs' has no parameter 'years'"},
        /* The handles hide their metatables. */
        {"N", "getmetatable(s), getmetatable(n), tostring(s)",
         "false | false | subject"},
        {"NU", "getmetatable(s), getmetatable(n), tostring(s)",
         "false | false | subject"},
    };
    RUN(w, probes);
}

/* Dates read by rules (s.hired, n.submitted, the disciplines' text) are
 * formatted by hand: the same text as "%04u-%02u-%02u" of the parts, for
 * every day and for out-of-range values. */
static void test_index__date_format(void **state)
{
    (void)state;
    static const tdkt_date odd[] = {0, -1, 1, 19000101, 20240229, 99991231,
                                    123456789, 2147483647};
    int checked = 0;
    for (int i = 0; i < 8 + 366 * 3; i++) {
        tdkt_date d = i < 8 ? odd[i]
                            : TDKT_DATE(1999 + (i - 8) / 366,
                                        (i - 8) % 366 / 31 + 1,
                                        (i - 8) % 31 + 1);
        unsigned v = d > 0 ? (unsigned)d : 0;
        char want[32], got[11];
        snprintf(want, sizeof want, "%04u-%02u-%02u", v / 10000 % 10000,
                 v / 100 % 100, v % 100);
        assert_ptr_equal(tdkt_date_format(got, d), got);
        assert_string_equal(got, want);
        checked++;
    }
    assert_int_equal(checked, 8 + 366 * 3);
}

/* n.year and the other fields follow each nomination judged in turn
 * (n.year is copied into the handle only when it changes). */
static void test_index__nomination_fields_follow_each(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year, kind) VALUES ('N1', 'person', 'P1', 'cstd_cs', 2019, "
            "'thematic'), ('N2', 'person', 'P1', 'cstd_cs', 2020, 'merit'), "
            "('N3', 'person', 'P1', 'cstd_cs', 2020, 'ad_hoc'), "
            "('N4', 'person', 'P1', 'cstd_cs', 2019, 'merit');");
    static const probe probes[] = {
        {"N", "n.id, n.year, n.kind", "N | 2021 | merit"},
        {"N1", "n.id, n.year, n.kind", "N1 | 2019 | thematic"},
        {"N2", "n.id, n.year, n.kind", "N2 | 2020 | merit"},
        {"N3", "n.id, n.year, n.kind", "N3 | 2020 | ad_hoc"},
        {"N4", "n.id, n.year, n.kind", "N4 | 2019 | merit"},
    };
    RUN(w, probes);
}

/* ----------------------------------------------------------- ratings */

/* 2017 excellent, 2018 excellent, 2019 good, 2020 missing, 2021 and
 * 2022 excellent. */
#define RATINGS                                                            \
    "INSERT INTO appraisals(subject_type, subject_id, year, rating) "      \
    "VALUES ('person', 'P1', 2017, 'excellent'), "                        \
    "('person', 'P1', 2018, 'HTXSNV'), ('person', 'P1', 2019, 'good'), "  \
    "('person', 'P1', 2021, 'excellent'), "                               \
    "('person', 'P1', 2022, 'excellent');"

static void test_index__rating_and_ratings(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 RATINGS
            "INSERT INTO appraisals(subject_type, subject_id, year, rating) "
            "VALUES ('person', 'P1', 2012, 'incomplete'), "
            "('person', 'P1', 2013, 'complete');");
    static const probe probes[] = {
        /* Every rating code. */
        {"N", "s:rating(2012), s:rating(2013), s:rating(2019), s:rating(2021)",
         "incomplete | complete | good | excellent"},
        {"N", "s:rating(2018)", "excellent"},
        {"N", "s:rating(2019)", "good"},
        {"N", "s:rating(2020)", "nil"},
        {"N", "s:rating(2016)", "nil"},
        {"N", "s:ratings(2019, 2022)",
         "2019: good, 2020: —, 2021: excellent, 2022: excellent"},
        {"N", "s:ratings(2022, 2022)", "2022: excellent"},
        {"N", "s:ratings(2015, 2017)", "2015: —, 2016: —, 2017: excellent"},
        {"N", "s:ratings(2022, 2021)", ""},
        {"N", "s:ratings(2012, 2014)",
         "2012: incomplete, 2013: complete, 2014: —"},
        /* The first and last years there can be. */
        {"N", "s:ratings(1900, 1901), s:ratings(2199, 2200)",
         "1900: —, 1901: — | 2199: —, 2200: —"},
    };
    RUN(w, probes);
}

/* A missing year is not a pass: it breaks a streak like a low rating. */
static void test_index__streak(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 RATINGS);
    static const probe probes[] = {
        {"N", "s:streak('excellent', 2022)", "2"},
        {"N", "s:streak('excellent', 2021)", "1"},
        {"N", "s:streak('excellent', 2020)", "0"},
        {"N", "s:streak('excellent', 2019)", "0"},
        {"N", "s:streak('excellent', 2018)", "2"},
        {"N", "s:streak('good', 2019)", "3"},
        {"N", "s:streak('complete', 2019)", "3"},
        {"N", "s:streak('good', 2023)", "0"},
        {"N", "s:streak('HTTNV', 2022)", "2"},
        {"N", "lib.consecutive(s, 'excellent', 2022, 2)",
         "true | 2021–2022: Task completed excellently"},
        {"N", "lib.consecutive(s, 'excellent', 2022, 3)",
         "false | 2020: —, 2021–2022: Task completed excellently (needs 3 "
         "consecutive years: Task completed excellently)"},
        {"N", "lib.consecutive(s, 'good', 2019, 3)",
         "true | 2017–2018: Task completed excellently, 2019: Task completed "
         "well"},
        {"N", "lib.consecutive(s, 'excellent', 2019, 1)",
         "false | 2019: Task completed well (needs 1 consecutive years: Task "
         "completed excellently)"},
    };
    RUN(w, probes);
}

static void test_index__count_rated(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 RATINGS);
    static const probe probes[] = {
        {"N", "s:count_rated('excellent', 2017, 2022)", "4"},
        {"N", "s:count_rated('excellent', 2018, 2021)", "2"},
        {"N", "s:count_rated('good', 2018, 2021)", "3"},
        {"N", "s:count_rated('good', 2019, 2020)", "1"},
        {"N", "s:count_rated('excellent', 2019, 2020)", "0"},
        {"N", "s:count_rated('incomplete', 2000, 2030)", "5"},
        {"N", "s:count_rated('excellent', 2022, 2017)", "0"},
    };
    RUN(w, probes);
}

/* ------------------------------------------------------------ months */

/* Months worked: maternity, duty injury and training count as the whole
 * year, sick leave does not; a hire during the year counts from its day
 * (fractions of its month); hired after the year, nothing. */
static void test_index__months(void **state)
{
    world *w = *state;
    records(w,
            "INSERT INTO units(id, name, kind) VALUES ('U1', 'P', 'agency');"
            "INSERT INTO people(id, full_name, unit_id, is_leader, hired) "
            "VALUES ('M01', 'a', 'U1', 0, NULL), ('M02', 'b', 'U1', 0, NULL),"
            "('M03', 'c', 'U1', 0, NULL), ('M04', 'd', 'U1', 0, NULL),"
            "('M05', 'e', 'U1', 0, NULL), ('M06', 'f', 'U1', 0, "
            "'2021-04-01'), ('M07', 'g', 'U1', 0, '2021-06-15'),"
            "('M08', 'h', 'U1', 0, '2022-03-01'), ('M09', 'i', 'U1', 0, "
            "'2015-01-01'), ('M10', 'j', 'U1', 0, '2021-04-01'),"
            "('M11', 'k', 'U1', 0, '2021-01-01'), ('M12', 'l', 'U1', 0, "
            "'2020-02-15'), ('M13', 'm', 'U1', 0, '2021-12-31'),"
            "('M14', 'n', 'U1', 0, NULL);"
            "INSERT INTO appraisals(subject_type, subject_id, year, rating, "
            "months_worked, absence) VALUES "
            "('person', 'M01', 2021, 'good', NULL, NULL),"
            "('person', 'M02', 2021, 'good', 6, 'maternity'),"
            "('person', 'M03', 2021, 'good', 5, 'work_injury'),"
            "('person', 'M04', 2021, 'good', 7, 'training'),"
            "('person', 'M05', 2021, 'good', 6, 'sick'),"
            "('person', 'M06', 2021, 'good', NULL, NULL),"
            "('person', 'M10', 2021, 'good', 3, 'maternity'),"
            "('person', 'M14', 2021, 'good', 0, 'other');"
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year) SELECT id, 'person', id, 'cstd_cs', 2021 FROM people "
            "WHERE id <> 'M12';"
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year) VALUES ('M12', 'person', 'M12', 'cstd_cs', 2020);");
    static const probe probes[] = {
        {"M01", "s:months(n.year)", "12.0"},
        {"M02", "s:months(n.year)", "12.0"},
        {"M03", "s:months(n.year)", "12.0"},
        {"M04", "s:months(n.year)", "12.0"},
        {"M05", "s:months(n.year)", "6.0"},
        /* 1 April: April to December. */
        {"M06", "s:months(n.year)", "9.0"},
        /* 15 June: 16/30 of June, then July to December (no appraisal). */
        {"M07", "s:months(n.year)", "6.5333333333333"},
        {"M08", "s:months(n.year)", "0.0"},
        /* Hired long before, no appraisal: nothing to count. */
        {"M09", "s:months(n.year)", "nil"},
        /* Maternity counts as worked, but not before the hire. */
        {"M10", "s:months(n.year)", "9.0"},
        {"M11", "s:months(n.year)", "12.0"},
        /* 2020 is a leap year: 15/29 of February. */
        {"M12", "s:months(n.year)", "10.51724137931"},
        {"M13", "s:months(n.year)", "0.032258064516129"},
        {"M14", "s:months(n.year)", "0.0"},
        {"M01", "s:months(2020)", "nil"},
        {"M06", "s:months(2022)", "nil"},
        {"M06", "lib.months_ok(s, n.year, 10)", "false | 9 < 10 months"},
        {"M06", "lib.months_ok(s, n.year, 9)", "true | 9 months"},
        {"M07", "lib.months_ok(s, n.year, 6)", "true | 6.5 months"},
        {"M09", "lib.months_ok(s, n.year, 6)",
         "false | no appraisal for 2021"},
        {"M05", "lib.months_ok(s, n.year, 10)", "false | 6 < 10 months"},
        /* Only the year of hiring is judged by months. */
        {"M06", "lib.new_hire_ok(s, n.year, 10)", "false | 9 < 10 months"},
        {"M07", "lib.new_hire_ok(s, n.year, 6)", "true | 6.5 months"},
        {"M09", "lib.new_hire_ok(s, n.year, 10)",
         "true | hired 2015-01-01, not a new hire"},
        {"M08", "lib.new_hire_ok(s, n.year, 10)",
         "false | hired 2022-03-01, after 2021"},
        {"M01", "lib.new_hire_ok(s, n.year, 10)",
         "true | 12 months in 2021 (no hire date)"},
        {"M05", "lib.new_hire_ok(s, n.year, 10)",
         "nil | no hire date; 6 months in 2021"},
    };
    RUN(w, probes);
}

/* ----------------------------------------------------------- honours */

static void test_index__honours_and_latest(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO honours(subject_type, subject_id, code, year, kind) "
            "VALUES ('person', 'P1', 'ldtt', 2018, 'merit'),"
            "('person', 'P1', 'ldtt', 2019, 'merit'),"
            "('person', 'P1', 'ldtt', 2020, 'thematic'),"
            "('person', 'P1', 'cstd_cs', 2020, 'merit'),"
            "('person', 'P1', 'cstd_cs', 2020, 'ad_hoc'),"
            "('person', 'P1', 'bk_tinh', 2021, 'ad_hoc'),"
            "('person', 'P1', 'ldtt', 2021, 'merit'),"
            "('unit', 'U1', 'ldtt', 2021, 'merit');");
    static const probe probes[] = {
        {"N", "s:honours{ code = 'ldtt' }", "4 | 2018, 2019, 2020, 2021"},
        {"N", "s:honours{ code = 'LĐTT', from = 2019, to = 2020 }",
         "2 | 2019, 2020"},
        {"N", "s:honours{ code = 'ldtt', exclude_kinds = 'thematic' }",
         "3 | 2018, 2019, 2021"},
        {"N", "s:honours{ code = 'ldtt', kinds = { 'thematic', 'ad_hoc' } }",
         "1 | 2020"},
        {"N", "s:honours{ code = { 'cstd_cs', 'bk_tinh' } }",
         "3 | 2020, 2020, 2021"},
        /* a title is one a year: two records of 2020 (merit, ad hoc) */
        {"N", "s:honours{ code = 'cstd_cs', per_year = true }", "1 | 2020"},
        {"N", "lib.honours(s, 'cstd_cs', 2019, 2020, 2)",
         "false | 1 × cstd_cs (2020), needs 2"},
        {"N",
         "s:honours{ code = { 'cstd_cs', 'bk_tinh' }, exclude_kinds = "
         "{ 'ad_hoc', 'thematic' } }",
         "1 | 2020"},
        {"N", "s:honours{ code = 'hcld3' }", "0 | "},
        {"N", "s:latest('ldtt')", "2021"},
        {"N", "s:latest('ldtt', { exclude_kinds = { 'merit' } })", "2020"},
        {"N", "s:latest('ldtt', { kinds = 'merit', to = 2020 })", "2019"},
        {"N", "s:latest('bk_tinh', { kinds = 'merit' })", "nil"},
        {"N", "s:latest('ldtt', nil, 2020)", "2020"},
        {"N", "s:latest('ldtt', { kinds = 'merit' }, 2020)", "2019"},
        {"N", "s:latest('ldtt', { to = 2019 }, 2021)", "2019"},
        {"N", "s:latest('ldtt', { to = 2021 }, 2018)", "2018"},
        {"N", "s:latest('ldtt', nil, 2017)", "nil"},
        {"N", "lib.years_since(s, 'ldtt', 2020, 2, { kinds = 'merit' })",
         "false | ldtt 2019 (needs 2 years after)"},
        {"N", "s:latest('hcld3')", "nil"},
        {"N", "lib.honours(s, 'ldtt', 2018, 2021, 4)",
         "true | 4 × ldtt (2018, 2019, 2020, 2021)"},
        {"N", "lib.honours(s, { 'ldtt', 'cstd_cs' }, 2020, 2020, 3)",
         "false | 2 × ldtt/cstd_cs (2020, 2020), needs 3"},
        {"N", "lib.years_since(s, 'cstd_cs', 2023, 3)", "true | cstd_cs 2020"},
        {"N", "lib.years_since(s, 'cstd_cs', 2022, 3)",
         "false | cstd_cs 2020 (needs 3 years after)"},
        {"N", "lib.years_since(s, 'hcld3', 2022, 3)", "false | no hcld3 yet"},
    };
    RUN(w, probes);
}

/* ------------------------------------------------------- initiatives */

/* How many (y1, y2, code) of 2018..2022 and the codes listed make
 * s:COUNT(y1, y2, code) differ from the count of s:LIST{ from = y1, to =
 * y2, OPT = code } (code nil: no filter): "0 of N". */
#define COUNT_AS_LIST(count, list, opt, codes)                             \
    "(function() local bad, n = 0, 0 "                                     \
    "for y1 = 2018, 2022 do for y2 = y1 - 1, 2022 do "                     \
    "for _, c in ipairs{ false, " codes " } do "                           \
    "local code = c or nil; n = n + 1 "                                    \
    "if s:" count "(y1, y2, code) ~= (s:" list "{ from = y1, to = y2, "    \
    opt " = code }) then bad = bad + 1 end end end end "                   \
    "return bad .. ' of ' .. n end)()"

/* SK2 and SK4 were the basis of an honour (the list is ';'-separated,
 * spaces allowed); SK3 was not applied. SK1 has a co-author, P2, whose
 * own honour cites it: that uses it up for P2, not for P1. */
static void test_index__initiatives(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "
            "('P2', 'B', 'U1', 0);"
            "INSERT INTO initiatives(id, person_id, year, scope, kind, "
            "applied) VALUES ('SK1', 'P1', 2019, 'unit', 'initiative', 1),"
            "('SK2', 'P1', 2020, 'province', 'research', 1),"
            "('SK3', 'P1', 2021, 'national', 'invention', 0),"
            "('SK4', 'P1', 2021, 'unit', 'initiative', 1),"
            "('SK1', 'P2', 2019, 'unit', 'initiative', 1);"
            "INSERT INTO nominations(id, subject_type, subject_id, code, "
            "year) VALUES ('N2', 'person', 'P2', 'cstd_cs', 2021);"
            "INSERT INTO honours(subject_type, subject_id, code, year, "
            "initiatives) VALUES ('person', 'P1', 'bk_tinh', 2021, "
            "'SK2 ; SK4'), ('person', 'P2', 'cstd_cs', 2019, 'SK1');");
    static const probe probes[] = {
        {"N", "s:initiatives{}", "4 | SK1, SK2, SK3, SK4"},
        {"N", "s:initiatives()", "4 | SK1, SK2, SK3, SK4"},
        {"N", "s:initiatives{ from = 2020, to = 2020 }", "1 | SK2"},
        {"N", "s:initiatives{ scope = 'unit' }", "4 | SK1, SK2, SK3, SK4"},
        {"N", "s:initiatives{ scope = 'province' }", "2 | SK2, SK3"},
        {"N", "s:initiatives{ scope = 'national' }", "1 | SK3"},
        {"N", "s:initiatives{ unused = true }", "2 | SK1, SK3"},
        {"N2", "s:initiatives{ unused = true }", "0 | "},
        {"N2", "s:initiatives{}", "1 | SK1"},
        {"N", "s:initiatives{ from = 2021, to = 2021, unused = true }",
         "1 | SK3"},
        {"N", "s:initiatives{ kinds = 'research' }", "1 | SK2"},
        {"N", "s:initiatives{ kinds = { 'initiative', 'invention' } }",
         "3 | SK1, SK3, SK4"},
        {"N", "s:initiatives{ applied = true }", "3 | SK1, SK2, SK4"},
        {"N", "s:initiatives{ from = 2022 }", "0 | "},
        {"N", "lib.initiatives(s, 2019, 2021, 'unit', 3, { unused = true })",
         "false | 2 initiatives (SK1, SK3), needs 3"},
        {"N", "lib.initiatives(s, 2020, 2021, 'province', 2)",
         "true | 2 initiatives (SK2, SK3)"},
        /* The count alone, from plain arguments. */
        {"N", "s:count_initiatives(2019, 2021)", "4"},
        {"N", "s:count_initiatives(2020, 2020)", "1"},
        {"N", "s:count_initiatives(2019, 2021, 'province')", "2"},
        {"N", "s:count_initiatives(2019, 2021, 'national')", "1"},
        {"N", "s:count_initiatives(2019, 2021, nil)", "4"},
        {"N", "s:count_initiatives(2022, 2030)", "0"},
        {"N", "s:count_initiatives(2021, 2019)", "0"},
        /* Any range, as s:initiatives{ from =, to = }. */
        {"N", "s:count_initiatives(math.mininteger, math.maxinteger), "
              "s:count_initiatives(0, 9999)",
         "4 | 4"},
        /* ... always the count of s:initiatives{} for the same filter. */
        {"N", COUNT_AS_LIST("count_initiatives", "initiatives", "scope",
                            "'unit', 'province', 'national'"),
         "0 of 80"},
    };
    RUN(w, probes);
}

/* ------------------------------------------------------- disciplines */

/* P1: a reprimand in 2019 (ends 2019-09-10), a warning dated 31 December
 * 2020 (no end: twelve months), a reprimand dated 1 January 2021. P2: a
 * demotion whose period straddles 2020 and 2021. P3: none. */
#define DISCIPLINES                                                        \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "       \
    "('P2', 'B', 'U1', 0), ('P3', 'C', 'U1', 0);"                         \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "  \
    "VALUES ('N2', 'person', 'P2', 'cstd_cs', 2021), "                    \
    "('N3', 'person', 'P3', 'cstd_cs', 2021);"                            \
    "INSERT INTO disciplines(subject_type, subject_id, date, level, "     \
    "ends) VALUES ('person', 'P1', '2019-03-10', 'reprimand', "           \
    "'2019-09-10'), ('person', 'P1', '2020-12-31', 'warning', NULL), "    \
    "('person', 'P1', '2021-01-01', 'reprimand', '2021-06-30'), "         \
    "('person', 'P2', '2020-07-01', 'demotion', '2021-06-30');"

static void test_index__disciplines(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 DISCIPLINES);
    static const probe probes[] = {
        /* Dated 31 December: that year; 1 January: the next. */
        {"N", "s:disciplines{ from = 2020, to = 2020 }",
         "1 | 2020-12-31: warning"},
        {"N", "s:disciplines{ from = 2021, to = 2021 }",
         "1 | 2021-01-01: reprimand"},
        {"N", "s:disciplines{}",
         "3 | 2019-03-10: reprimand, 2020-12-31: warning, 2021-01-01: "
         "reprimand"},
        {"N", "s:disciplines{ level = 'warning' }", "1 | 2020-12-31: warning"},
        {"N", "s:disciplines{ level = 'dismissal' }", "0 | "},
        {"N", "lib.no_discipline(s, 2020, 'reprimand')",
         "false | 2020-12-31: Warning"},
        {"N", "lib.no_discipline(s, 2020, 'demotion')",
         "true | no measure in 2020"},
        {"N", "lib.no_discipline(s, 2022, 'reprimand')",
         "true | no measure in 2022"},
        {"N2", "s:disciplines{ from = 2021, to = 2021 }", "0 | "},
        {"N2", "s:disciplines{ from = 2020, to = 2020, level = 'demotion' }",
         "1 | 2020-07-01: demotion"},
        /* The count alone, from plain arguments. */
        {"N", "s:count_disciplines(2020, 2020)", "1"},
        {"N", "s:count_disciplines(2021, 2021)", "1"},
        {"N", "s:count_disciplines(2019, 2021)", "3"},
        {"N", "s:count_disciplines(2019, 2021, 'warning')", "1"},
        {"N", "s:count_disciplines(2019, 2021, 'dismissal')", "0"},
        {"N2", "s:count_disciplines(2020, 2020, 'demotion')", "1"},
        {"N3", "s:count_disciplines(2000, 2200)", "0"},
        {"N", "s:count_disciplines(math.mininteger, math.maxinteger), "
              "s:count_disciplines(1000, 1999)",
         "3 | 0"},
        /* ... always the count of s:disciplines{} for the same filter. */
        {"N", COUNT_AS_LIST("count_disciplines", "disciplines", "level",
                            "'reprimand', 'warning', 'demotion', "
                            "'dismissal'"),
         "0 of 100"},
        {"N2", COUNT_AS_LIST("count_disciplines", "disciplines", "level",
                             "'reprimand', 'demotion', 'removal'"),
         "0 of 80"},
    };
    RUN(w, probes);
}

/* Disciplinary periods: from the decision to `ends`, or twelve months
 * when no end is given; achievements count from the year after. */
static void test_index__discipline_periods(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 DISCIPLINES);
    static const probe probes[] = {
        {"N", "s:in_discipline('2019-03-09')", "false"},
        {"N", "s:in_discipline('2019-06-01')", "true"},
        {"N", "s:in_discipline('2019-09-11')", "false"},
        {"N", "s:in_discipline('2020-12-30')", "false"},
        /* The warning has no end: it lasts to 2021-12-31. */
        {"N", "s:in_discipline('2021-11-30')", "true"},
        {"N", "s:in_discipline('2022-01-01')", "false"},
        {"N", "s:discipline_end()", "2021-12-31"},
        {"N", "s:discipline_end('warning')", "2021-12-31"},
        {"N", "s:discipline_end('demotion')", "nil"},
        {"N", "lib.counting_from(s, 2019)", "2022"},
        {"N", "lib.counting_from(s, 2023)", "2023"},
        /* A period straddling two years. */
        {"N2", "s:in_discipline('2020-12-31')", "true"},
        {"N2", "s:in_discipline('2021-03-01')", "true"},
        {"N2", "s:in_discipline('2021-07-01')", "false"},
        {"N2", "s:discipline_end()", "2021-06-30"},
        {"N2", "s:discipline_end('removal')", "nil"},
        {"N2", "lib.counting_from(s, 2020)", "2022"},
        {"N3", "s:in_discipline('2021-03-01')", "false"},
        {"N3", "s:discipline_end()", "nil"},
        {"N3", "lib.counting_from(s, 2019)", "2019"},
        {"N", "lib.after_discipline(s, 2021)",
         "false | disciplinary period ends 2021-12-31; achievements count "
         "from 2022"},
        {"N2", "lib.after_discipline(s, 2021)",
         "false | disciplinary period ends 2021-06-30; achievements count "
         "from 2022"},
        {"N2", "lib.after_discipline(s, 2022)",
         "true | outside any disciplinary period"},
        {"N3", "lib.after_discipline(s, 2021)",
         "true | outside any disciplinary period"},
    };
    RUN(w, probes);
}

/* A measure of 29 February without an end lasts to 28 February of the
 * next year: a date the API itself takes back. */
static void test_index__discipline_leap_day(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO disciplines(subject_type, subject_id, date, level) "
            "VALUES ('person', 'P1', '2020-02-29', 'warning');");
    static const probe probes[] = {
        {"N", "s:discipline_end()", "2021-02-28"},
        {"N", "s:in_discipline(s:discipline_end())", "true"},
        {"N", "s:in_discipline('2021-03-01')", "false"},
    };
    RUN(w, probes);
}

/* ------------------------------------------------------------- facts */

static void test_index__facts(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO facts(subject_type, subject_id, year, key, value) "
            "VALUES ('person', 'P1', 0, 'self', '1'),"
            "('person', 'P1', 2021, 'self', '0'),"
            "('person', 'P1', 0, 'note', 'nhận xét tốt'),"
            "('person', 'P1', 2021, 'score', '8.5'),"
            "('person', 'P1', 2021, 'grade', '1a'),"
            "('person', 'P1', 2021, 'big', '1e30'),"
            "('nomination', 'N', 0, 'priority', '2'),"
            "('nomination', 'N', 2021, 'round', 'hai'),"
            "('nomination', 'N', 2020, 'round', 'một'),"
            "('unit', 'U1', 0, 'self', '7');");
    static const probe probes[] = {
        /* The year's value before the timeless one. */
        {"N", "s:fact('self', 2021), math.type(s:fact('self', 2021))",
         "0 | integer"},
        {"N", "s:fact('self', 2020)", "1"},
        {"N", "s:fact('self')", "1"},
        {"N", "s:fact('note', 2021), type(s:fact('note', 2021))",
         "nhận xét tốt | string"},
        {"N", "s:fact('score', 2021), type(s:fact('score', 2021))",
         "8.5 | number"},
        {"N", "s:fact('grade', 2021), type(s:fact('grade', 2021))",
         "1a | string"},
        {"N", "s:fact('big', 2021), math.type(s:fact('big', 2021))",
         "1e+30 | float"},
        {"N", "s:fact('score', 2020)", "nil"},
        {"N", "s:fact('never_recorded', 2021)", "nil"},
        {"N", "n:fact('priority'), n:fact('round'), n:fact('self')",
         "2 | hai | nil"},
        {"N", "lib.fact_true(s, 'self', 2020)", "true | self = 1"},
        {"N", "lib.fact_true(s, 'self', 2021)", "false | self = 0"},
        /* Neither 1 nor 0: nobody attested yes or no. */
        {"N", "lib.fact_true(s, 'score', 2021)",
         "nil | score = '8.5': neither 1 nor 0"},
        {"N", "lib.fact_true(s, 'note', 2021)",
         "nil | note = 'nhận xét tốt': neither 1 nor 0"},
        {"N", "lib.fact_not(s, 'grade', 2021)",
         "nil | grade = '1a': neither 1 nor 0"},
        {"N", "lib.fact_true(s, 'nothing', 2021)",
         "nil | 'nothing' not attested"},
        {"N", "lib.fact_not(s, 'self', 2020)", "false | self = 1"},
        {"N", "lib.fact_not(s, 'self', 2021)", "true | self = 0"},
        {"N", "lib.fact_not(s, 'nothing', 2021)", "true | none"},
        /* A rank is a whole number; 8.5 or 1e30 is for a person to read,
         * not a script error ("%d" of a fraction raised one). */
        {"N", "lib.rank_at_most(s, 2021, 'self', 1)", "true | self 0 in 2021"},
        {"N", "lib.rank_at_most(s, 2021, 'score', 9)",
         "nil | score = 8.5 is not a rank"},
        {"N", "lib.rank_at_most(s, 2021, 'big', 9)",
         "nil | big = 1e+30 is not a rank"},
    };
    RUN(w, probes);
}

/* A fact reads as a number only when it is one in the sense of the CSV
 * files (and of Lua's tonumber): words that C's strtod() also accepts,
 * such as "nan", "inf" or "infinity", are text. */
static void test_index__fact_words_are_not_numbers(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO facts(subject_type, subject_id, year, key, value) "
            "VALUES ('person', 'P1', 0, 'nick', 'Nan'),"
            "('person', 'P1', 0, 'limit', 'Infinity');");
    static const probe probes[] = {
        {"N", "type(s:fact('nick')), s:fact('nick')", "string | Nan"},
        {"N", "type(s:fact('limit')), s:fact('limit')", "string | Infinity"},
    };
    RUN(w, probes);
}

/* ------------------------------------------------------ unit members */

/*
 * U1 ⊃ U2 ⊃ U3. A member in a year is a person whose appraisal of the
 * year names the unit, else whose current unit it is:
 *   A: current U1; 2021 good                        → U1
 *   B: current U2; 2021 excellent, appraised in U1  → U1 (U2 in 2020)
 *   C: current U1; 2021 good, appraised in U2       → U2 (U1 in 2020)
 *   D: current U3; 2021 complete                    → U3
 *   E: current U2; no 2021 appraisal                → U2
 * ldtt 2021 held by A, B, D (E's is of 2020). Fact ok (the ldtt standard)
 * of 2021: A, B, C 1, D 0, E missing. Measures: A warning in May 2021;
 * C reprimand on 31 Dec 2021; D reprimand on 1 Jan 2022.
 */
#define MEMBERS                                                            \
    "INSERT INTO units(id, name, parent_id, kind) VALUES "                \
    "('U1', 'Sở', NULL, 'agency'), ('U2', 'Phòng', 'U1', 'agency'), "     \
    "('U3', 'Tổ', 'U2', 'agency');"                                       \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "       \
    "('A', 'A', 'U1', 0), ('B', 'B', 'U2', 0), ('C', 'C', 'U1', 0), "     \
    "('D', 'D', 'U3', 0), ('E', 'E', 'U2', 0);"                           \
    "INSERT INTO appraisals(subject_type, subject_id, year, rating, "     \
    "unit_id) VALUES ('person', 'A', 2021, 'good', NULL), "               \
    "('person', 'B', 2021, 'excellent', 'U1'), "                          \
    "('person', 'B', 2020, 'good', NULL), "                               \
    "('person', 'C', 2021, 'good', 'U2'), "                               \
    "('person', 'D', 2021, 'complete', NULL);"                            \
    "INSERT INTO honours(subject_type, subject_id, code, year) VALUES "   \
    "('person', 'A', 'ldtt', 2021), ('person', 'B', 'ldtt', 2021), "      \
    "('person', 'D', 'ldtt', 2021), ('person', 'E', 'ldtt', 2020);"       \
    "INSERT INTO facts(subject_type, subject_id, year, key, value) "      \
    "VALUES ('person', 'A', 2021, 'ok', '1'), "                           \
    "('person', 'B', 2021, 'ok', '1'), ('person', 'C', 2021, 'ok', '1'), "\
    "('person', 'D', 2021, 'ok', '0');"                                   \
    "INSERT INTO disciplines(subject_type, subject_id, date, level) "     \
    "VALUES ('person', 'A', '2021-05-01', 'warning'), "                   \
    "('person', 'C', '2021-12-31', 'reprimand'), "                        \
    "('person', 'D', '2022-01-01', 'reprimand');"                         \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "  \
    "VALUES ('NU1', 'unit', 'U1', 'ttldtt', 2021), "                      \
    "('NU2', 'unit', 'U2', 'ttldtt', 2021), "                             \
    "('NA', 'person', 'A', 'cstd_cs', 2021), "                            \
    "('ND', 'person', 'D', 'cstd_cs', 2021), "                            \
    "('NE', 'person', 'E', 'cstd_cs', 2021);"

/* Each members call returns (count, members, undecided). */
static void test_index__unit_members(void **state)
{
    world *w = *state;
    records(w, MEMBERS);
    static const probe probes[] = {
        {"NU1", "s:members(2021)", "2 | 2 | 0"},
        {"NU1", "s:members(2020)", "2 | 2 | 0"},
        {"NU1", "s:members(2021, { subunits = true })", "5 | 5 | 0"},
        {"NU2", "s:members(2021)", "2 | 2 | 0"},
        {"NU2", "s:members(2020)", "2 | 2 | 0"},
        {"NU2", "s:members(2021, { subunits = true })", "3 | 3 | 0"},
        {"NU1", "s:members_with('ldtt', 2021)", "2 | 2 | 0"},
        {"NU1", "s:members_with('ldtt', 2021, { subunits = true })",
         "3 | 5 | 0"},
        {"NU2", "s:members_with('ldtt', 2020)", "1 | 2 | 0"},
        {"NU1", "s:members_rated('excellent', 2021)", "1 | 2 | 0"},
        {"NU1", "s:members_rated('good', 2021, { subunits = true })",
         "3 | 5 | 0"},
        {"NU1", "s:members_disciplined('reprimand', 2021)", "1 | 2 | 0"},
        {"NU1",
         "s:members_disciplined('reprimand', 2021, { subunits = true })",
         "2 | 5 | 0"},
        {"NU1", "s:members_disciplined('warning', 2021, { subunits = true })",
         "1 | 5 | 0"},
        /* A share is a parameter: a province may set it to a fraction. */
        {"NU1", "lib.member_share(s, 2021, 2, 0, 'LĐTT', 66.5, false)",
         "true | 2 of 2 members LĐTT (needs at least 66.5%)"},
        {"NU1", "lib.member_share(s, 2021, 1, 0, 'LĐTT', 70.0, true)",
         "false | 1 of 2 members LĐTT (needs more than 70%)"},
        {"NU2", "s:members_disciplined('reprimand', 2022, { subunits = true })",
         "1 | 3 | 0"},
    };
    RUN(w, probes);
}

/* members_meeting counts holders, and members this set's form judges
 * eligible; an undecided member is counted apart. meets() judges one. */
static void test_index__members_meeting_and_meets(void **state)
{
    world *w = *state;
    records(w, MEMBERS);
    static const probe probes[] = {
        {"NU1", "s:members_meeting('ldtt', 2021)", "2 | 2 | 0"},
        /* A, B, D hold it; C meets it; E cannot yet tell. */
        {"NU1", "s:members_meeting('ldtt', 2021, { subunits = true })",
         "4 | 5 | 1"},
        {"NU2", "s:members_meeting('ldtt', 2021)", "1 | 2 | 1"},
        {"NA", "meets('ldtt', s, n)", "true | meets ldtt 2021"},
        {"NA", "(meets('ldtt', s, n, 2020))", "nil"},
        {"ND", "(meets('ldtt', s, n))", "false"},
        {"NE", "(meets('ldtt', s, n))", "nil"},
        /* The judged form's result stays where it was. */
        {"NA", "(meets('ldtt', s, n)), s:rating(2021), s.id",
         "true | good | A"},
    };
    RUN(w, probes);
}

/* meets() says why not: "does not meet CODE YEAR: id (detail); …". The
 * first reason follows a colon (evalform.c nested(): the ": " branch can
 * never be taken, the header ends with the year). */
static void test_index__meets_detail_lists_reasons_after_colon(void **state)
{
    world *w = *state;
    records(w, MEMBERS);
    static const probe probes[] = {
        {"NA", "meets('ldtt', s, n, 2020)",
         "nil | cannot yet tell ldtt 2020: ok ('ok' not attested)"},
        {"ND", "meets('ldtt', s, n)",
         "false | does not meet ldtt 2021: ok (ok = 0)"},
    };
    RUN(w, probes);
}

/* Regime A's helpers of the prelude write their details in the run's
 * language (rules/README.md: tr(vi, en)); these probes run in English. */
#define REGIME_A                                                           \
    "INSERT INTO units(id, name, parent_id, kind) VALUES "               \
    "('U2', 'Tổ 1', 'U1', 'agency');"                                     \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "       \
    "('P2', 'Trần Thị B', 'U2', 0);"                                      \
    "INSERT INTO disciplines(subject_type, subject_id, date, level) "     \
    "VALUES ('person', 'P2', '2021-03-01', 'warning');"                   \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year, "  \
    "kind) VALUES ('N2', 'person', 'P1', 'cstd_cs', 2020, 'thematic'), "  \
    "('NU', 'unit', 'U1', 'ttldtt', 2021, 'merit');"                      \
    "INSERT INTO facts(subject_type, subject_id, year, key, value) "      \
    "VALUES ('person', 'P1', 2021, 'influence_scope', 'province'), "      \
    "('person', 'P1', 2020, 'influence_scope', 'worldwide'), "            \
    "('nomination', 'N2', 0, 'movement_years', '4'), "                    \
    "('nomination', 'N2', 0, 'movement_launched_by', 'ministry');"

static void test_index__regime_a_helpers_in_english(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 REGIME_A);
    static const probe probes[] = {
        {"N", "lib.kind_not_encoded(n, { merit = true })",
         "false | Merit (regular, yearly): judged by the standards above"},
        {"N2", "lib.kind_not_encoded(n, { merit = true })",
         "nil | Thematic (campaign, movement): its standard is not encoded"},
        {"N", "lib.influence_at_least(s, 2021, 'province')",
         "true | Influence scope: Provincial level"},
        {"N", "lib.influence_at_least(s, 2021, 'national')",
         "false | Influence scope: Provincial level"},
        {"N", "lib.influence_at_least(s, 2020, 'unit')",
         "nil | influence_scope is not a scope: worldwide"},
        {"N", "lib.influence_at_least(s, 2019, 'unit')",
         "nil | No influence scope (influence_scope) attested for 2019"},
        {"N", "lib.movement_years_at_least(n, 3)",
         "nil | The movement's duration (movement_years) is not recorded"},
        {"N2", "lib.movement_years_at_least(n, 3)",
         "true | Movement reviewed after 4 year(s)"},
        {"N2", "lib.movement_years_at_least(n, 5)",
         "false | Movement reviewed after 4 year(s)"},
        {"N", "lib.launched_by(n, { ministry = true })",
         "nil | Who launched the movement (movement_launched_by) is not "
         "recorded"},
        {"N2", "lib.launched_by(n, { ministry = true })",
         "true | Launched by: a ministry or central agency"},
        {"N2", "lib.launched_by(n, { province = true })",
         "false | Launched by: a ministry or central agency"},
        {"NU", "lib.no_member_disciplined(s, 2021, 'warning', "
               "{ subunits = true })",
         "false | 1 member(s) disciplined at warning level or above in 2021"},
        /* the level the regulation names, not always a warning */
        {"NU", "lib.no_member_disciplined(s, 2021, 'reprimand', "
               "{ subunits = true })",
         "false | 1 member(s) disciplined at reprimand level or above in "
         "2021"},
        {"NU", "lib.no_member_disciplined(s, 2020, 'warning', "
               "{ subunits = true })",
         "true | No member disciplined in 2020"},
    };
    RUN(w, probes);
}

/* A detail names a code of the vocabulary (a rating, a kind of honour, a
 * category, a kind of unit, a scope, a launcher) by its name in the
 * run's language, as a reader reads it: "Viên chức", not
 * "public_employee". */
#define CODES_SHOWN                                                        \
    "INSERT INTO people(id, full_name, unit_id, is_leader, category) "    \
    "VALUES ('P3', 'Lê Văn C', 'U1', 0, 'public_employee');"              \
    "INSERT INTO appraisals(subject_type, subject_id, year, rating) "     \
    "VALUES ('person', 'P3', 2020, 'excellent'), "                        \
    "('person', 'P3', 2021, 'excellent'), ('person', 'P3', 2023, 'good');" \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year, "  \
    "kind) VALUES ('N3', 'person', 'P3', 'cstd_cs', 2021, 'ad_hoc'), "   \
    "('N4', 'person', 'P2', 'cstd_cs', 2021, 'merit');"

static const probe codes_in_vietnamese[] = {
    {"N3", "lib.ratings(s, 2020, 2023)",
     "2020–2021: Hoàn thành xuất sắc nhiệm vụ, 2022: —, 2023: Hoàn thành "
     "tốt nhiệm vụ"},
    {"N3", "lib.ratings(s, 2021, 2020)", ""},
    {"N3", "lib.consecutive(s, 'good', 2023, 2)",
     "false | 2022: —, 2023: Hoàn thành tốt nhiệm vụ (cần 2 năm liên tục "
     "Hoàn thành tốt nhiệm vụ)"},
    {"N3", "lib.category_in(s, { civil_servant = true })",
     "false | đối tượng Viên chức"},
    {"N3", "lib.category_in(s, { public_employee = true })",
     "true | Viên chức"},
    {"N", "lib.category_in(s, { public_employee = true })",
     "false | đối tượng không ghi"},
    {"N3", "lib.kind_encoded(n, { merit = true })",
     "nil | Khen thưởng đột xuất: tiêu chí của loại hình này chưa được mã "
     "hóa"},
    {"N", "lib.kind_encoded(n, { merit = true })",
     "true | Khen thưởng theo công trạng và thành tích"},
    {"N3", "lib.kind_is(n, 'ad_hoc')", "true | Khen thưởng đột xuất"},
    {"N2", "lib.kind_is(n, 'thematic')",
     "true | Khen thưởng theo đợt, chuyên đề"},
    {"N", "lib.kind_is(n, 'thematic')",
     "false | Loại khen thưởng: Khen thưởng theo công trạng và thành tích"},
    {"N3", "lib.one_state_award_a_year(s, n)",
     "true | Khen thưởng đột xuất: ngoài giới hạn một lần mỗi năm"},
    {"N", "lib.kind_not_encoded(n, { merit = true })",
     "false | Khen thưởng theo công trạng và thành tích: xét theo các "
     "tiêu chuẩn trên"},
    {"N", "lib.influence_at_least(s, 2021, 'province')",
     "true | Phạm vi ảnh hưởng: Cấp tỉnh"},
    {"N", "lib.fact_in(s, 'influence_scope', 2021, { province = true })",
     "true | influence_scope Cấp tỉnh"},
    {"N2", "lib.launched_by(n, { ministry = true })",
     "true | Phát động: Bộ, ban, ngành trung ương"},
    {"N4", "lib.no_discipline(s, 2021, 'reprimand')",
     "false | 2021-03-01: Cảnh cáo"},
    {"NU", "lib.name('unit_kind', s.kind)", "Cơ quan"},
    {"NU", "lib.name('launcher', 'prime_minister')", "Thủ tướng Chính phủ"},
    /* a value the vocabulary does not have is shown as it is */
    {"N", "lib.name('scope', 'district'), lib.name('rating', 7)",
     "district | 7"},
};

static void test_index__codes_shown_by_name(void **state)
{
    world *w = *state;
    records(w, PERSON_P1 REGIME_A CODES_SHOWN);
    RUN_VI(w, codes_in_vietnamese);
}

/* The prelude's names (NAMES) are vocab.c's, in both languages: the
 * engine hands them to the prelude as it loads (sandbox.c). */
static void test_index__prelude_names_are_the_vocabulary(void **state)
{
    world *w = *state;
    records(w, PERSON_P1);
    static const struct {
        const char *name;
        tdkt_vocab_domain d;
    } domains[] = {{"rating", TDKT_V_RATING},   {"kind", TDKT_V_KIND},
                   {"level", TDKT_V_LEVEL},     {"scope", TDKT_V_SCOPE},
                   {"unit_kind", TDKT_V_UNIT_KIND},
                   {"category", TDKT_V_CATEGORY}};
    static char exprs[MAX_CRIT][64];
    for (int lang = TDKT_LANG_VI; lang <= TDKT_LANG_EN; lang++) {
        probe pr[MAX_CRIT];
        size_t n = 0;
        for (size_t k = 0; k < sizeof domains / sizeof *domains; k++)
            for (int i = 0; i < tdkt_vocab_count(domains[k].d); i++) {
                assert_true(n < MAX_CRIT);
                snprintf(exprs[n], sizeof exprs[n], "lib.name('%s', '%s')",
                         domains[k].name, tdkt_vocab_code(domains[k].d, i));
                pr[n] = (probe){"N", exprs[n],
                                tdkt_vocab_name(domains[k].d, i,
                                                (tdkt_lang)lang)};
                n++;
            }
        run_probes(w, pr, n, (tdkt_lang)lang);
    }
}

/* Regime B's "outside the disciplinary period" judges year y: a period
 * that begins after y leaves y whole (prelude.lua says "a year any part
 * of which fell inside a period does not count"), yet counting_from()
 * takes the last period's end whatever its start. */
static void test_index__after_discipline_ignores_later_periods(void **state)
{
    world *w = *state;
    records(w, PERSON_P1
            "INSERT INTO disciplines(subject_type, subject_id, date, level, "
            "ends) VALUES ('person', 'P1', '2022-02-01', 'reprimand', "
            "'2023-01-31');");
    static const probe probes[] = {
        {"N", "lib.after_discipline(s, 2021)",
         "true | outside any disciplinary period"},
        {"N", "lib.after_discipline(s, 2022)",
         "false | disciplinary period ends 2023-01-31; achievements count "
         "from 2024"},
    };
    RUN(w, probes);
}

/* ----------------------------------------------------- wrong calls */

typedef struct bad_call {
    const char *nom, *expr, *message;
} bad_call;

/* Each call, alone in the probe set, is an error outcome whose message
 * names the probe form's file (FORM.lua:LINE:) or @p file, and says
 * what went wrong. */
static void expect_errors(world *w, const bad_call *calls, size_t n,
                          const char *file)
{
    for (size_t i = 0; i < n; i++) {
        crit c = {"", calls[i].expr};
        code_of(w, calls[i].nom, c.code, sizeof c.code);
        tdkt_rules *rules = NULL;
        tdkt_index *ix = NULL;
        tdkt_results *res = judge(w, &c, 1, TDKT_LANG_EN, &rules, &ix);
        tdkt_result_view v;
        result_of(res, calls[i].nom, &v);
        char where[32];
        snprintf(where, sizeof where, "%s.lua:", file ? file : c.code);
        bool ok = v.outcome == TDKT_OUTCOME_ERROR && v.message &&
                  strstr(v.message, where) &&
                  strstr(v.message, calls[i].message);
        if (!ok)
            print_error("%s: expected an error '…%s…%s', got %s: %s\n",
                        calls[i].expr, where, calls[i].message,
                        tdkt_outcome_code(v.outcome),
                        v.message ? v.message : "(no message)");
        tdkt_results_free(res);
        tdkt_index_free(ix);
        tdkt_rules_free(rules);
        assert_true(ok);
        /* The next call gets a clean probe set. */
        static const char *const probe_forms[] = {
            "rules/p/api/forms/cstd_cs.lua", "rules/p/api/forms/ttldtt.lua"};
        for (size_t k = 0; k < 2; k++) {
            char *f = path2(w->dir, probe_forms[k]);
            remove(f);
            free(f);
        }
    }
}

/* A wrong call is an error outcome naming the form's file and line. */
static void test_index__api_errors(void **state)
{
    world *w = *state;
    records(w, MEMBERS);
    static const bad_call calls[] = {
        {"NA", "s:rating(1800)", "year 1800 is out of range"},
        {"NA", "s:streak('superb', 2021)", "unknown rating 'superb'"},
        {"NA", "s:honours{}", "honours: say which code"},
        {"NA", "s:honours{ code = 'nope' }", "code: unknown code 'nope'"},
        {"NA", "s:initiatives{ scope = 'world' }", "unknown scope 'world'"},
        {"NA", "s:disciplines{ level = 'fine' }", "unknown disciplinary level 'fine'"},
        {"NA", "s:in_discipline('2021-02-30')",
         "in_discipline: expected a date YYYY-MM-DD"},
        {"NA", "s:members(2021)", "members: only for a unit"},
        {"NU1", "s:unit_in(2021)", "unit_in: only for a person"},
        {"NA", "s.salary", "a person has no field 'salary'"},
        {"NU1", "s.is_leader", "a unit has no field 'is_leader'"},
        {"NA", "n.salary", "a nomination has no field 'salary'"},
        /* A field of the other kind of subject, or of the nomination. */
        {"NA", "s.kind", "a person has no field 'kind'"},
        {"NA", "s.small", "a person has no field 'small'"},
        {"NU1", "s.hired", "a unit has no field 'hired'"},
        {"NU1", "s.unit", "a unit has no field 'unit'"},
        {"NA", "s.year", "a person has no field 'year'"},
        {"NA", "n.type", "a nomination has no field 'type'"},
        {"NA", "n.name", "a nomination has no field 'name'"},
        {"NA", "s[1]", "a person has no field '1'"},
        {"NA", "n[true]", "string expected, got boolean"},
        /* A method called without its subject. */
        {"NA", "s.rating(2021, 2021)", "tdkt.subject expected, got number"},
        {"NA", "n.fact('x')", "tdkt.nomination expected, got string"},
        {"NA", "s.rating(n, 2021)", "tdkt.subject expected, got userdata"},
        {"NA", "s:count_initiatives(2021)", "number expected, got no value"},
        {"NA", "s:count_initiatives(2020, 2021, 'world')",
         "unknown scope 'world'"},
        {"NA", "s:count_disciplines('x', 2021)",
         "number expected, got string"},
        {"NA", "s:count_disciplines(2020, 2021, 'fine')",
         "unknown disciplinary level 'fine'"},
        {"NA", "meets('hcld3', s, n)",
         "meets: rule set p/api has no form 'hcld3' for a person"},
        /* A form that asks whether it is met itself. */
        {"NA", "meets('cstd_cs', s, n)",
         "meets('cstd_cs'): nested more than 3 deep"},
    };
    expect_errors(w, calls, sizeof calls / sizeof *calls, NULL);
}

/* The member whose standard cannot be judged (the ldtt form fails with
 * an error for X): meets() says so, and members_meeting() must too,
 * rather than count X as a member who does not meet it. */
static const char MEMBER_ERROR[] =
    "INSERT INTO units(id, name, kind) VALUES ('U9', 'Tổ', 'agency');"
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "
    "('X', 'X', 'U9', 0), ('Y', 'Y', 'U9', 0);"
    "INSERT INTO facts(subject_type, subject_id, year, key, value) VALUES "
    "('person', 'X', 2021, 'ok', 'boom'), ('person', 'Y', 2021, 'ok', '1');"
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
    "VALUES ('NX', 'person', 'X', 'cstd_cs', 2021), "
    "('NU9', 'unit', 'U9', 'ttldtt', 2021);";

static void test_index__meets_member_error(void **state)
{
    world *w = *state;
    records(w, MEMBER_ERROR);
    static const bad_call calls[] = {
        {"NX", "meets('ldtt', s, n)", "cannot judge X"},
    };
    expect_errors(w, calls, 1, "ldtt");
}

static void test_index__members_meeting_member_error(void **state)
{
    world *w = *state;
    records(w, MEMBER_ERROR);
    static const bad_call calls[] = {
        {"NU9", "s:members_meeting('ldtt', 2021)", "cannot judge X"},
    };
    expect_errors(w, calls, 1, "ldtt");
}

/* A form file that keeps the handles of the nested judgement of ldtt
 * in locals it shares with cstd_cs, which reads them after meets() has
 * returned: each read must be refused, while cstd_cs's own handles still
 * read. ldtt fails with its handle's fields as the detail, so that
 * meets() shows them. */
static const char STALE_FORMS[] =
    "local kept_s, kept_n\n"
    "form 'ldtt' { name = 'Standard', basis = 'Tests',\n"
    "  criterion 'ok' { basis = 'Tests', status = 'P', vi = 'ok', "
    "en = 'ok',\n"
    "    check = function(s, n, p)\n"
    "      kept_s, kept_n = s, n\n"
    "      return fail(n.id .. '|' .. n.code .. '|' .. n.year .. '|' .. "
    "n.kind)\n"
    "    end },\n"
    "}\n"
    "local reads = {\n"
    "  function() return kept_s.id end,\n"
    "  function() return kept_s:rating(2021) end,\n"
    "  function() return kept_n.year end,\n"
    "  function() return kept_n.code end,\n"
    "  function() return kept_n.kind end,\n"
    "  function() return kept_n:fact('x') end,\n"
    "  function(s, n) return meets('ldtt', kept_s, n) end,\n"
    "}\n"
    "form 'cstd_cs' { name = 'Probe', basis = 'Tests',\n"
    "  criterion 'c0' { basis = 'Tests', status = 'V', vi = 'c', "
    "en = 'c',\n"
    "    check = function(s, n, p)\n"
    "      local _, d1 = meets('ldtt', s, n)\n"
    "      local _, d2 = meets('ldtt', s, n, 2020)\n"
    "      local out = {}\n"
    "      for i, f in ipairs(reads) do\n"
    "        local ok, err = pcall(f, s, n)\n"
    "        out[i] = (not ok and tostring(err):find('only valid while', "
    "1, true)) and 'stale' or ('read: ' .. tostring(err))\n"
    "      end\n"
    "      return pass(d1 .. ' / ' .. d2 .. ' / ' .. table.concat(out, ' ') "
    ".. ' / ' .. n.year .. ' ' .. n.code .. ' ' .. s.id)\n"
    "    end },\n"
    "}\n";

/* Handles of a finished nested judgement are stale (a nested handle is
 * live again when meets() judges anew, with that judgement's year). A
 * script can only take them out of the judgement in a local outside its
 * function, which is kept state: the nomination stops as the nested
 * judgement ends, before anything reads them (rt_check_state, checked as
 * each meets() judgement ends). */
static void test_index__stale_handles(void **state)
{
    world *w = *state;
    records(w, PERSON_P1);
    char *root = write_probe_set(w, NULL, 0);
    char *forms = path2(root, "p/api/forms");
    free(th_write(forms, "ldtt.lua", STALE_FORMS));
    char *set = path2(root, "p/api");
    tdkt_rules *rules = NULL;
    if (tdkt_rules_open(&rules, set) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
    tdkt_index *ix = NULL;
    assert_int_equal(tdkt_index_load(&ix, w->store), 0);
    tdkt_results *res = NULL;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = TDKT_LANG_EN;
    assert_int_equal(tdkt_eval(&res, ix, rules, &opt), 0);
    tdkt_result_view v;
    size_t r = result_of(res, "N", &v);
    assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
    assert_non_null(strstr(v.message, "the rule changed the local 'kept_"));
    tdkt_criterion_view c;
    tdkt_result_node(res, r, 0, TDKT_LANG_EN, &c);
    assert_string_equal(c.id, "c0");
    assert_true(!c.detail || !*c.detail); /* stopped before it could say */
    tdkt_results_free(res);
    tdkt_index_free(ix);
    tdkt_rules_free(rules);
    free(set);
    free(forms);
    free(root);
}

/* 2100 is not a leap year (divisible by 100, not by 400): a hire on 15
 * February 2100 leaves 14/28 of February, so 10.5 months. */
static void test_index__months_century_year_not_leap(void **state)
{
    world *w = *state;
    records(w, "INSERT INTO units(id, name, kind) VALUES ('U1', 'P', "
               "'agency');"
               "INSERT INTO people(id, full_name, unit_id, is_leader, "
               "hired) VALUES ('C1', 'c', 'U1', 0, '2100-02-15');"
               "INSERT INTO nominations(id, subject_type, subject_id, "
               "code, year) VALUES ('C1', 'person', 'C1', 'cstd_cs', "
               "2100);");
    static const probe probes[] = {
        {"C1", "s:months(n.year)", "10.5"},
    };
    RUN(w, probes);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_index__load_counts),
        T(test_index__fields),
        T(test_index__date_format),
        T(test_index__nomination_fields_follow_each),
        T(test_index__rating_and_ratings),
        T(test_index__streak),
        T(test_index__count_rated),
        T(test_index__months),
        T(test_index__honours_and_latest),
        T(test_index__initiatives),
        T(test_index__disciplines),
        T(test_index__discipline_periods),
        T(test_index__discipline_leap_day),
        T(test_index__facts),
        T(test_index__fact_words_are_not_numbers),
        T(test_index__unit_members),
        T(test_index__members_meeting_and_meets),
        T(test_index__meets_detail_lists_reasons_after_colon),
        T(test_index__after_discipline_ignores_later_periods),
        T(test_index__regime_a_helpers_in_english),
        T(test_index__codes_shown_by_name),
        T(test_index__prelude_names_are_the_vocabulary),
        T(test_index__api_errors),
        T(test_index__meets_member_error),
        T(test_index__members_meeting_member_error),
        T(test_index__months_century_year_not_leap),
        T(test_index__stale_handles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
