/*
 * Evaluation: three-valued outcomes and routes, the explanation of each
 * node, cohort quotas (ranking, floor rounding, exact details), the
 * choice of nominations, and results that do not depend on the number of
 * threads.
 *
 * Fixtures: tests/fixtures/unit/rules/u/judge, whose criteria return what
 * the nomination's fact of their id says ("pass" when absent), for
 * determinism the basic/t sets (t/base, amended by t/amend from 2021),
 * and for the meets() memo u/memo (person forms that may or may not
 * stand for a meets(), asked by collective ones), and u/detail for details
 * as rules write them (none, or with NUL bytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "eval/eval_internal.h" /* the meets() memo and reuse, inside */

typedef struct fx {
    char *dir;
    tdkt_store *store;
    tdkt_index *ix;
    tdkt_rules *rules;
    tdkt_results *res;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->store = th_store_new(&f->dir, "eval.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    tdkt_results_free(f->res);
    tdkt_rules_free(f->rules);
    tdkt_index_free(f->ix);
    th_store_done(f->store, f->dir);
    free(f);
    return 0;
}

/* The options judge() takes by default: one thread, English. */
static tdkt_eval_options one_thread_en(void)
{
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = TDKT_LANG_EN;
    return opt;
}

/* Store the records, then judge them all by the rule sets at @p rules
 * (under tests/fixtures) with @p opt (threads 1, English when NULL). */
static void judge(fx *f, const char *sql, const char *rules,
                  const tdkt_eval_options *opt)
{
    if (sql && tdkt_store_exec(f->store, sql) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
    if (!f->ix)
        assert_int_equal(tdkt_index_load(&f->ix, f->store), 0);
    if (!f->rules) {
        char *path = th_fixture(rules);
        assert_int_equal(tdkt_rules_open(&f->rules, path), 0);
        free(path);
    }
    tdkt_eval_options dflt = one_thread_en();
    tdkt_results_free(f->res);
    f->res = NULL;
    assert_int_equal(tdkt_eval(&f->res, f->ix, f->rules, opt ? opt : &dflt),
                     0);
}

static size_t find(const fx *f, const char *nom, tdkt_result_view *v)
{
    for (size_t i = 0; i < tdkt_results_count(f->res); i++) {
        tdkt_result_get(f->res, i, v);
        if (strcmp(v->nomination, nom) == 0)
            return i;
    }
    print_error("no result for %s\n", nom);
    fail();
    return 0;
}

/* The node of @p id in result @p i. */
static tdkt_criterion_view node(const fx *f, size_t i, const char *id,
                                tdkt_lang lang)
{
    tdkt_result_view v;
    tdkt_result_get(f->res, i, &v);
    for (size_t k = 0; k < v.nnodes; k++) {
        tdkt_criterion_view c;
        tdkt_result_node(f->res, i, k, lang, &c);
        if (strcmp(c.id, id) == 0)
            return c;
    }
    print_error("%s: no node %s\n", v.nomination, id);
    fail();
    tdkt_criterion_view none = {0};
    return none;
}

#define ONE_PERSON                                                          \
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng', 'agency');"  \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "        \
    "('P1', 'Lê Văn C', 'U1', 0);"

/* -------------------------------------------------- outcomes, routes */

typedef struct outcome_case {
    const char *nom;
    const char *facts; /* "id=result,…" for the nomination */
    int outcome;
    int way;               /* the routes node's result */
    const char *way_detail;
    int x, y;              /* each route's result */
} outcome_case;

#define P TDKT_PASS
#define F TDKT_FAIL
#define U TDKT_UNKNOWN

static const outcome_case outcome_cases[] = {
    {"N01", "", TDKT_ELIGIBLE, P, "met by: Way x; Way y", P, P},
    {"N02", "a=fail", TDKT_INELIGIBLE, P, "met by: Way x; Way y", P, P},
    {"N03", "a=unknown", TDKT_REVIEW, P, "met by: Way x; Way y", P, P},
    /* A failure outweighs an unknown. */
    {"N04", "a=unknown,b=fail", TDKT_INELIGIBLE, P, "met by: Way x; Way y", P,
     P},
    /* One route is enough; the detail names it by its words (a name may
     * hold commas: "; " between them). */
    {"N05", "x1=fail", TDKT_ELIGIBLE, P, "met by: Way y", F, P},
    {"N06", "y1=fail", TDKT_ELIGIBLE, P, "met by: Way x", P, F},
    {"N07", "x2=fail,y1=fail", TDKT_INELIGIBLE, F, "no route is met", F, F},
    /* An undecided route does not block a passing one. */
    {"N08", "x1=unknown", TDKT_ELIGIBLE, P, "met by: Way y", U, P},
    {"N09", "x1=unknown,y1=fail", TDKT_REVIEW, U, "no route decided yet", U,
     F},
    /* Within a route, a failure outweighs an unknown. */
    {"N10", "x1=fail,x2=unknown,y1=unknown", TDKT_REVIEW, U,
     "no route decided yet", F, U},
    {"N11", "x1=fail,x2=unknown,y1=fail", TDKT_INELIGIBLE, F,
     "no route is met", F, F},
    /* Undecided routes and a failed top criterion: ineligible. */
    {"N12", "b=fail,x1=unknown,y1=unknown", TDKT_INELIGIBLE, U,
     "no route decided yet", U, U},
};

/* INSERT the nominations and their facts of the cases. */
static char *outcome_records(const outcome_case *c, size_t n)
{
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, ONE_PERSON);
    for (size_t i = 0; i < n; i++) {
        tdkt_buf_printf(&b,
                        "INSERT INTO nominations(id, subject_type, "
                        "subject_id, code, year) VALUES ('%s', 'person', "
                        "'P1', 'ldtt', 2021);",
                        c[i].nom);
        char facts[128];
        snprintf(facts, sizeof facts, "%s", c[i].facts);
        for (char *kv = strtok(facts, ","); kv; kv = strtok(NULL, ",")) {
            char *eq = strchr(kv, '=');
            *eq = '\0';
            tdkt_buf_printf(&b,
                            "INSERT INTO facts(subject_type, subject_id, "
                            "key, value) VALUES ('nomination', '%s', '%s', "
                            "'%s');",
                            c[i].nom, kv, eq + 1);
        }
    }
    return b.ptr;
}

static void test_eval__outcomes_and_routes(void **state)
{
    fx *f = *state;
    size_t n = sizeof outcome_cases / sizeof *outcome_cases;
    char *sql = outcome_records(outcome_cases, n);
    judge(f, sql, "unit/rules/u/judge", NULL);
    free(sql);
    assert_int_equal(tdkt_results_count(f->res), n);
    for (size_t i = 0; i < n; i++) {
        const outcome_case *c = &outcome_cases[i];
        tdkt_result_view v;
        size_t r = find(f, c->nom, &v);
        assert_int_equal(r, i); /* nomination id order */
        if (v.outcome != c->outcome)
            print_error("%s (%s): %s, expected %s\n", c->nom, c->facts,
                        tdkt_outcome_code(v.outcome),
                        tdkt_outcome_code(c->outcome));
        assert_int_equal(v.outcome, c->outcome);
        assert_null(v.message);
        assert_int_equal(v.nnodes, 8);
        tdkt_criterion_view way = node(f, r, "way", TDKT_LANG_EN);
        assert_int_equal(way.result, c->way);
        assert_string_equal(way.detail, c->way_detail);
        assert_int_equal(node(f, r, "x", TDKT_LANG_EN).result, c->x);
        assert_int_equal(node(f, r, "y", TDKT_LANG_EN).result, c->y);
    }
}

/* What each node says of itself: kind, citation, reading status, text in
 * the asked language, route and depth, result and detail. */
static void test_eval__node_views(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON "INSERT INTO nominations(id, subject_type, subject_id, "
                     "code, year) VALUES ('N1', 'person', 'P1', 'ldtt', "
                     "2021);"
                     "INSERT INTO facts(subject_type, subject_id, key, "
                     "value) VALUES ('nomination', 'N1', 'x1', 'unknown');",
          "unit/rules/u/judge", NULL);
    static const struct {
        const char *id, *kind, *basis, *status, *vi, *en, *route;
        int depth, result;
        const char *detail;
    } want[] = {
        {"a", "criterion", "Tests, a", "V", "Điều a", "Item a", NULL, 0, P,
         "a met"},
        {"b", "criterion", "Tests, b", "U", "Điều b", "Item b", NULL, 0, P,
         "b met"},
        {"way", "routes", NULL, NULL, "Một trong hai cách", "One of two ways",
         NULL, 0, P, "met by: Way y"},
        {"x", "route", NULL, NULL, "Cách x", "Way x", NULL, 1, U, ""},
        {"x1", "criterion", "Tests, x1", "P", "x1", "x1", "x", 2, U,
         "x1 not attested"},
        {"x2", "criterion", "Tests, x2", "V-en", "x2", "x2", "x", 2, P,
         "x2 met"},
        {"y", "route", NULL, NULL, "Cách y", "Way y", NULL, 1, P, ""},
        {"y1", "criterion", "Tests, y1", "V", "y1", "y1", "y", 2, P,
         "y1 met"},
    };
    tdkt_result_view v;
    tdkt_result_get(f->res, 0, &v);
    assert_int_equal(v.nnodes, sizeof want / sizeof *want);
    assert_string_equal(v.subject_type, "person");
    assert_string_equal(v.subject_id, "P1");
    assert_string_equal(v.subject_name, "Lê Văn C");
    assert_string_equal(v.code, "ldtt");
    assert_int_equal(v.year, 2021);
    assert_string_equal(v.kind, "merit");
    assert_string_equal(tdkt_ruleset_id(v.ruleset), "u/judge");
    assert_string_equal(tdkt_form_name(v.form, TDKT_LANG_VI),
                        "Kết quả ba giá trị");
    for (size_t k = 0; k < v.nnodes; k++) {
        tdkt_criterion_view vi, en;
        tdkt_result_node(f->res, 0, k, TDKT_LANG_VI, &vi);
        tdkt_result_node(f->res, 0, k, TDKT_LANG_EN, &en);
        assert_string_equal(en.id, want[k].id);
        assert_string_equal(en.kind, want[k].kind);
        if (want[k].basis) {
            assert_string_equal(en.basis, want[k].basis);
            assert_string_equal(en.status, want[k].status);
        } else {
            assert_null(en.basis);
        }
        assert_string_equal(vi.text, want[k].vi);
        assert_string_equal(en.text, want[k].en);
        if (want[k].route)
            assert_string_equal(en.route, want[k].route);
        else
            assert_null(en.route);
        assert_int_equal(en.depth, want[k].depth);
        assert_int_equal(en.result, want[k].result);
        assert_string_equal(en.detail, want[k].detail);
    }
    /* The JSON of spec/cli.md, as decisions store it. */
    tdkt_buf b = {0};
    tdkt_result_json(f->res, 0, &b);
    assert_string_equal(
        tdkt_buf_cstr(&b),
        "{\"nomination\":\"N1\",\"subject_type\":\"person\","
        "\"subject_id\":\"P1\",\"code\":\"ldtt\",\"year\":2021,"
        "\"ruleset\":\"u/judge\",\"outcome\":\"eligible\",\"criteria\":["
        "{\"id\":\"a\",\"result\":\"pass\",\"basis\":\"Tests, a\","
        "\"status\":\"V\",\"detail\":\"a met\"},"
        "{\"id\":\"b\",\"result\":\"pass\",\"basis\":\"Tests, b\","
        "\"status\":\"U\",\"detail\":\"b met\"},"
        "{\"id\":\"way\",\"kind\":\"routes\",\"result\":\"pass\","
        "\"detail\":\"met by: Way y\"},"
        "{\"id\":\"x\",\"kind\":\"route\",\"result\":\"unknown\","
        "\"detail\":\"\"},"
        "{\"id\":\"x1\",\"route\":\"x\",\"result\":\"unknown\","
        "\"basis\":\"Tests, x1\",\"status\":\"P\","
        "\"detail\":\"x1 not attested\"},"
        "{\"id\":\"x2\",\"route\":\"x\",\"result\":\"pass\","
        "\"basis\":\"Tests, x2\",\"status\":\"V-en\",\"detail\":\"x2 met\"},"
        "{\"id\":\"y\",\"kind\":\"route\",\"result\":\"pass\","
        "\"detail\":\"\"},"
        "{\"id\":\"y1\",\"route\":\"y\",\"result\":\"pass\","
        "\"basis\":\"Tests, y1\",\"status\":\"V\",\"detail\":\"y1 met\"}]}");
    tdkt_buf_free(&b);
}

/* Details written by the engine follow the run's language. */
static void test_eval__routes_detail_in_vietnamese(void **state)
{
    fx *f = *state;
    size_t n = sizeof outcome_cases / sizeof *outcome_cases;
    char *sql = outcome_records(outcome_cases, n);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    judge(f, sql, "unit/rules/u/judge", &opt);
    free(sql);
    static const struct {
        const char *nom, *detail;
    } want[] = {
        {"N01", "đạt theo: Cách x; Cách y"},
        {"N07", "không đạt điều kiện nào"},
        {"N09", "chưa xác định được điều kiện nào"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tdkt_result_view v;
        size_t r = find(f, want[i].nom, &v);
        assert_string_equal(node(f, r, "way", TDKT_LANG_VI).detail,
                            want[i].detail);
    }
}

/* A routes group names the routes that pass by their words in the run's
 * language (a reader does not know the ids), else by their id; each name
 * whole, then "…" once the next does not fit. */
static void test_eval__routes_named_by_their_words(void **state)
{
    fx *f = *state;
    static const char long_vi[] = "tên rất dài ";
    tdkt_buf want = {0};
    tdkt_buf_puts(&want, "đạt theo: bare; ");
    for (int i = 0; i < 40; i++)
        tdkt_buf_puts(&want, long_vi);
    tdkt_buf_puts(&want, "1; …");
    for (int lang = TDKT_LANG_VI; lang <= TDKT_LANG_EN; lang++) {
        tdkt_eval_options opt = one_thread_en();
        opt.lang = (tdkt_lang)lang;
        judge(f,
              lang == TDKT_LANG_VI
                  ? ONE_PERSON "INSERT INTO nominations(id, subject_type, "
                               "subject_id, code, year) VALUES ('N1', "
                               "'person', 'P1', 'ldtt', 2021);"
                  : NULL,
              "unit/rules/u/routenames", &opt);
        tdkt_result_view v;
        size_t r = find(f, "N1", &v);
        assert_int_equal(v.outcome, TDKT_ELIGIBLE);
        assert_string_equal(node(f, r, "way", (tdkt_lang)lang).detail,
                            lang == TDKT_LANG_VI
                                ? tdkt_buf_cstr(&want)
                                : "met by: bare; Long one; Long two");
    }
    tdkt_buf_free(&want);
}

/* A criterion must return pass, fail or unknown; anything else, or an
 * error, makes the outcome an error naming the file and line. */
static void test_eval__criterion_errors(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON
          "INSERT INTO nominations(id, subject_type, subject_id, code, "
          "year) VALUES ('E1', 'person', 'P1', 'ldtt', 2021), "
          "('E2', 'person', 'P1', 'ldtt', 2021), "
          "('E3', 'person', 'P1', 'ldtt', 2021), "
          "('OK', 'person', 'P1', 'ldtt', 2021);"
          "INSERT INTO facts(subject_type, subject_id, key, value) VALUES "
          "('nomination', 'E1', 'b', 'nothing'), "
          "('nomination', 'E2', 'x1', 'table'), "
          "('nomination', 'E3', 'y1', 'boom');",
          "unit/rules/u/judge", NULL);
    static const struct {
        const char *nom, *where, *text;
    } want[] = {
        {"E1", "ldtt.lua:20: ",
         "criterion 'b' returned no result (use pass(…), fail(…) or "
         "unknown(…))"},
        {"E2", "ldtt.lua:26: ",
         "criterion 'x1' returned a table; use pass(…), fail(…) or "
         "unknown(…)"},
        {"E3", "ldtt.lua:10: ", "boom in y1"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tdkt_result_view v;
        find(f, want[i].nom, &v);
        assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
        assert_non_null(v.message);
        if (!strstr(v.message, want[i].where) ||
            !strstr(v.message, want[i].text)) {
            print_error("%s: expected …%s…%s, got: %s\n", want[i].nom,
                        want[i].where, want[i].text, v.message);
            fail();
        }
    }
    tdkt_result_view v;
    find(f, "OK", &v);
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
}

/* pass(), fail() and unknown() with no detail are pass(nil) …: the
 * result, with an empty detail (the rule API once read the result as the
 * detail and refused it). */
static void test_eval__results_without_detail(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON
          "INSERT INTO nominations(id, subject_type, subject_id, code, "
          "year) VALUES ('L', 'person', 'P1', 'ldtt', 2021);",
          "unit/rules/u/detail", NULL);
    static const struct {
        const char *id;
        int result;
    } want[] = {
        {"bare_pass", TDKT_PASS},
        {"nil_pass", TDKT_PASS},
        {"bare_unknown", TDKT_UNKNOWN},
        {"bare_fail", TDKT_FAIL},
    };
    tdkt_result_view v;
    size_t i = find(f, "L", &v);
    if (v.message) {
        print_error("L: %s\n", v.message);
        fail();
    }
    assert_int_equal(v.outcome, TDKT_INELIGIBLE);
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        tdkt_criterion_view c = node(f, i, want[k].id, TDKT_LANG_EN);
        assert_int_equal(c.result, want[k].result);
        assert_string_equal(c.detail, "");
    }
    /* the same in JSON: a detail of "" */
    char *json = th_results_text(f->res, TDKT_FMT_JSONL);
    assert_non_null(strstr(json, "{\"id\":\"bare_pass\",\"result\":\"pass\","
                                 "\"basis\":\"Tests\",\"status\":\"V\","
                                 "\"detail\":\"\"}"));
    free(json);
}

/* The form judges merit and thematic nominations (its `kinds`); one of
 * another kind is not judged by its criteria but goes to a person. */
static void test_eval__other_kinds_go_to_review(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON
          "INSERT INTO nominations(id, subject_type, subject_id, code, "
          "year, kind) VALUES ('K1', 'person', 'P1', 'ldtt', 2021, "
          "'merit'), ('K2', 'person', 'P1', 'ldtt', 2021, 'thematic'), "
          "('K3', 'person', 'P1', 'ldtt', 2021, 'dedication');",
          "unit/rules/u/judge", NULL);
    tdkt_result_view v;
    find(f, "K1", &v);
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
    find(f, "K2", &v);
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
    size_t r = find(f, "K3", &v);
    assert_int_equal(v.outcome, TDKT_REVIEW);
    assert_string_equal(v.kind, "dedication");
    assert_string_equal(v.message,
                        "criteria for a dedication award are not encoded in "
                        "u/judge; a person must decide");
    assert_int_equal(node(f, r, "a", TDKT_LANG_EN).result, -1);
}

/* ------------------------------------------------------------ quotas */

/*
 * U1: candidates L1 (a leader, excellent five years), P2 (excellent 2020
 * and 2021; 2016 is out of the five-year window, like its initiative),
 * P3 (excellent 2019–2021), P4 (two excellent, an initiative), P5 and P6
 * (as P4, women). P7 fails its own criterion and is not ranked. The base:
 * H1–H7 hold LĐTT 2021, and L1, P2, P3 are eligible for it in this run:
 * 10, so 25% gives a cap of 2 (2.5 rounded down).
 * U2: Q1 (appraised there in 2021, though now in U1) and four holders:
 * cap 1. U3: R1 and three holders: cap 0 (0.75).
 * Over everyone (cstd_tinh, 10%): 17 LĐTT people, cap 1.
 */
static const char QUOTA[] =
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Một', 'agency'), "
    "('U2', 'Hai', 'agency'), ('U3', 'Ba', 'agency');"
    "INSERT INTO people(id, full_name, unit_id, is_leader, gender) VALUES "
    "('L1', 'L1', 'U1', 1, 'male'), ('P2', 'P2', 'U1', 0, 'male'), "
    "('P3', 'P3', 'U1', 0, 'male'), ('P4', 'P4', 'U1', 0, 'male'), "
    "('P5', 'P5', 'U1', 0, 'female'), ('P6', 'P6', 'U1', 0, 'female'), "
    "('P7', 'P7', 'U1', 0, 'female'), ('Q1', 'Q1', 'U1', 0, NULL), "
    "('R1', 'R1', 'U3', 0, NULL);"
    "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
    "WHERE i < 7) INSERT INTO people(id, full_name, unit_id, is_leader) "
    "SELECT 'H' || i, 'H', 'U1', 0 FROM k UNION ALL "
    "SELECT 'J' || i, 'J', 'U2', 0 FROM k WHERE i <= 4 UNION ALL "
    "SELECT 'K' || i, 'K', 'U3', 0 FROM k WHERE i <= 3;"
    "INSERT INTO honours(subject_type, subject_id, code, year) "
    "SELECT 'person', id, 'ldtt', 2021 FROM people WHERE full_name IN "
    "('H', 'J', 'K');"
    "INSERT INTO appraisals(subject_type, subject_id, year, rating, "
    "unit_id) VALUES ('person', 'L1', 2017, 'excellent', NULL), "
    "('person', 'L1', 2018, 'excellent', NULL), "
    "('person', 'L1', 2019, 'excellent', NULL), "
    "('person', 'L1', 2020, 'excellent', NULL), "
    "('person', 'L1', 2021, 'excellent', NULL), "
    "('person', 'P2', 2016, 'excellent', NULL), "
    "('person', 'P2', 2020, 'excellent', NULL), "
    "('person', 'P2', 2021, 'excellent', NULL), "
    "('person', 'P3', 2019, 'excellent', NULL), "
    "('person', 'P3', 2020, 'excellent', NULL), "
    "('person', 'P3', 2021, 'excellent', NULL), "
    "('person', 'P4', 2020, 'excellent', NULL), "
    "('person', 'P4', 2021, 'excellent', NULL), "
    "('person', 'P5', 2020, 'excellent', NULL), "
    "('person', 'P5', 2021, 'excellent', NULL), "
    "('person', 'P6', 2020, 'excellent', NULL), "
    "('person', 'P6', 2021, 'excellent', NULL), "
    "('person', 'P7', 2021, 'excellent', NULL), "
    "('person', 'Q1', 2021, 'good', 'U2');"
    "INSERT INTO initiatives(id, person_id, year, scope) VALUES "
    "('SK0', 'P2', 2016, 'unit'), ('SK4', 'P4', 2021, 'unit'), "
    "('SK5', 'P5', 2021, 'unit'), ('SK6', 'P6', 2020, 'unit');"
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
    "VALUES ('C-L1', 'person', 'L1', 'cstd_cs', 2021), "
    "('C-P2', 'person', 'P2', 'cstd_cs', 2021), "
    "('C-P3', 'person', 'P3', 'cstd_cs', 2021), "
    "('C-P4', 'person', 'P4', 'cstd_cs', 2021), "
    "('C-P5', 'person', 'P5', 'cstd_cs', 2021), "
    "('C-P6', 'person', 'P6', 'cstd_cs', 2021), "
    "('C-P7', 'person', 'P7', 'cstd_cs', 2021), "
    "('C-Q1', 'person', 'Q1', 'cstd_cs', 2021), "
    "('C-R1', 'person', 'R1', 'cstd_cs', 2021), "
    "('L-L1', 'person', 'L1', 'ldtt', 2021), "
    "('L-P2', 'person', 'P2', 'ldtt', 2021), "
    "('L-P3', 'person', 'P3', 'ldtt', 2021), "
    "('T-P3', 'person', 'P3', 'cstd_tinh', 2021), "
    "('T-P5', 'person', 'P5', 'cstd_tinh', 2021);"
    "INSERT INTO facts(subject_type, subject_id, key, value) VALUES "
    "('nomination', 'C-P7', 'fine', 'fail');";

static void test_eval__quota_ranking(void **state)
{
    fx *f = *state;
    judge(f, QUOTA, "unit/rules/u/judge", NULL);
    static const struct {
        const char *nom;
        int outcome;
        const char *cap; /* the quota's detail; NULL: not ranked */
    } want[] = {
        /* Non-leaders first; then more excellent years, more
         * initiatives, women, the id. */
        {"C-P3", TDKT_ELIGIBLE,
         "rank 1 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-P5", TDKT_ELIGIBLE,
         "rank 2 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-P6", TDKT_REVIEW,
         "rank 3 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-P4", TDKT_REVIEW,
         "rank 4 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-P2", TDKT_REVIEW,
         "rank 5 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-L1", TDKT_REVIEW,
         "rank 6 of 6; cap 2 = 25% of 10 ldtt holders (rounded down)"},
        {"C-P7", TDKT_INELIGIBLE, NULL},
        {"C-Q1", TDKT_ELIGIBLE,
         "rank 1 of 1; cap 1 = 25% of 4 ldtt holders (rounded down)"},
        {"C-R1", TDKT_REVIEW,
         "rank 1 of 1; cap 0 = 25% of 3 ldtt holders (rounded down)"},
        {"T-P3", TDKT_ELIGIBLE,
         "rank 1 of 2; cap 1 = 10% of 17 ldtt holders (rounded down)"},
        {"T-P5", TDKT_REVIEW,
         "rank 2 of 2; cap 1 = 10% of 17 ldtt holders (rounded down)"},
        {"L-L1", TDKT_ELIGIBLE, NULL},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tdkt_result_view v;
        size_t r = find(f, want[i].nom, &v);
        if (v.outcome != want[i].outcome)
            print_error("%s: %s (%s)\n", want[i].nom,
                        tdkt_outcome_code(v.outcome),
                        v.message ? v.message : "");
        assert_int_equal(v.outcome, want[i].outcome);
        if (!want[i].cap) {
            /* An ineligible candidate's quota is not judged. */
            if (tdkt_form_award(v.form) == TDKT_CSTD_CS)
                assert_int_equal(node(f, r, "cap", TDKT_LANG_EN).result, -1);
            assert_null(v.message);
            continue;
        }
        tdkt_criterion_view cap = node(f, r, "cap", TDKT_LANG_EN);
        assert_string_equal(cap.kind, "quota");
        assert_string_equal(cap.basis, "Tests, cap");
        assert_string_equal(cap.detail, want[i].cap);
        if (want[i].outcome == TDKT_ELIGIBLE) {
            assert_int_equal(cap.result, TDKT_PASS);
            assert_null(v.message);
        } else {
            /* Beyond the cap: review, with the rank and cap as reason. */
            char reason[200];
            snprintf(reason, sizeof reason, "beyond the quota: %s",
                     want[i].cap);
            assert_int_equal(cap.result, TDKT_UNKNOWN);
            assert_string_equal(v.message, reason);
        }
    }
}

/* In Vietnamese, the same quota detail. */
static void test_eval__quota_detail_in_vietnamese(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    judge(f, QUOTA, "unit/rules/u/judge", &opt);
    tdkt_result_view v;
    size_t r = find(f, "C-P6", &v);
    assert_string_equal(node(f, r, "cap", TDKT_LANG_VI).detail,
                        "xếp thứ 3/6; chỉ tiêu 2 = 25% của 10 đối tượng đạt "
                        "ldtt (làm tròn xuống)");
    assert_string_equal(v.message,
                        "vượt chỉ tiêu: xếp thứ 3/6; chỉ tiêu 2 = 25% của "
                        "10 đối tượng đạt ldtt (làm tròn xuống)");
}

/*
 * A quota's base counts those eligible in the run as they were judged,
 * before any quota: P1 and P2 are both eligible for CSTĐCS, whose own
 * quota (50% of two LĐTT holders) then sends P2 to review. CSTĐ tỉnh's
 * base is still two, though its pass comes after, so both keep it.
 */
static void test_eval__quota_base_before_quotas(void **state)
{
    fx *f = *state;
    judge(f,
          "INSERT INTO units(id, name, kind) VALUES ('U1', 'Một', 'agency');"
          "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "
          "('P1', 'P1', 'U1', 0), ('P2', 'P2', 'U1', 0);"
          "INSERT INTO honours(subject_type, subject_id, code, year) VALUES "
          "('person', 'P1', 'ldtt', 2021), ('person', 'P2', 'ldtt', 2021);"
          "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
          "VALUES ('A-P1', 'person', 'P1', 'cstd_cs', 2021), "
          "('A-P2', 'person', 'P2', 'cstd_cs', 2021), "
          "('B-P1', 'person', 'P1', 'cstd_tinh', 2021), "
          "('B-P2', 'person', 'P2', 'cstd_tinh', 2021);",
          "unit/rules/u/chain", NULL);
    static const struct {
        const char *nom;
        int outcome;
        const char *cap;
    } want[] = {
        {"A-P1", TDKT_ELIGIBLE,
         "rank 1 of 2; cap 1 = 50% of 2 ldtt holders (rounded down)"},
        {"A-P2", TDKT_REVIEW,
         "rank 2 of 2; cap 1 = 50% of 2 ldtt holders (rounded down)"},
        {"B-P1", TDKT_ELIGIBLE,
         "rank 1 of 2; cap 2 = 100% of 2 cstd_cs holders (rounded down)"},
        {"B-P2", TDKT_ELIGIBLE,
         "rank 2 of 2; cap 2 = 100% of 2 cstd_cs holders (rounded down)"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tdkt_result_view v;
        size_t r = find(f, want[i].nom, &v);
        assert_int_equal(v.outcome, want[i].outcome);
        assert_string_equal(node(f, r, "cap", TDKT_LANG_EN).detail,
                            want[i].cap);
    }
}

/* ------------------------------------- quotas of a choice (--id) */

/* Result @p i as tdkt eval prints it in JSON (malloc'd). */
static char *json_of(const tdkt_results *res, size_t i)
{
    tdkt_buf b = {0};
    tdkt_result_json(res, i, &b);
    assert_false(b.oom);
    return b.ptr;
}

/* A choice of @p ids judged with @p opt gives each of them, byte for
 * byte, the result that f->res (every nomination, the same options
 * otherwise) gives it, and nothing else; the choice is returned. */
static tdkt_results *choose_as_whole(fx *f, const char *const *ids,
                                     size_t nids,
                                     const tdkt_eval_options *opt)
{
    tdkt_eval_options o = *opt;
    o.ids = ids;
    o.nids = nids;
    tdkt_results *part = NULL;
    assert_int_equal(tdkt_eval(&part, f->ix, f->rules, &o), 0);
    assert_int_equal(tdkt_results_count(part), nids);
    for (size_t i = 0; i < nids; i++) {
        tdkt_result_view v;
        tdkt_result_get(part, i, &v);
        size_t w = find(f, v.nomination, &v);
        char *got = json_of(part, i), *want = json_of(f->res, w);
        if (strcmp(got, want) != 0)
            print_error("%s chosen:\n%s\nwhole run:\n%s\n", v.nomination,
                        got, want);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    return part;
}

/* Each nomination of f->res chosen alone: the same result. */
static void each_alone_as_whole(fx *f, const tdkt_eval_options *opt)
{
    size_t n = tdkt_results_count(f->res);
    for (size_t i = 0; i < n; i++) {
        tdkt_result_view v;
        tdkt_result_get(f->res, i, &v);
        const char *id = v.nomination;
        tdkt_results_free(choose_as_whole(f, &id, 1, opt));
    }
}

/*
 * A quota judges its whole cohort, whichever nominations are chosen
 * (eval --id, diff --id): the competitors left out still outrank, and
 * the base title's nominations left out still count. Chosen alone, C-P6
 * was once ranked first of one against a base of the seven holders on
 * record (cap 1: eligible), where the whole run ranks it third of six
 * against ten (cap 2: review).
 */
static void test_eval__quota_any_choice(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = one_thread_en();
    judge(f, QUOTA, "unit/rules/u/judge", &opt);
    tdkt_result_view v;
    size_t p6 = find(f, "C-P6", &v);
    assert_int_equal(v.outcome, TDKT_REVIEW);
    assert_string_equal(node(f, p6, "cap", TDKT_LANG_EN).detail,
                        "rank 3 of 6; cap 2 = 25% of 10 ldtt holders "
                        "(rounded down)");
    each_alone_as_whole(f, &opt);
    /* the candidates without their LĐTT nominations; one of each
     * quota's cohorts, on two threads */
    static const char *const no_base[] = {"C-P3", "C-P5", "C-P6"};
    tdkt_results_free(choose_as_whole(f, no_base, 3, &opt));
    static const char *const two[] = {"C-R1", "T-P5"};
    opt.threads = 2;
    tdkt_results_free(choose_as_whole(f, two, 2, &opt));
}

/* Collectives: U1–U3 under U0 compete (base: U1 and U2 are eligible for
 * TTLĐXS, U3 is not: cap 1 of 3); V and W, at the top, form one cohort
 * whose base is every unit (U1, U2, V eligible, X on record: cap 2). */
static const char UNIT_QUOTA[] =
    "INSERT INTO units(id, name, parent_id, kind) VALUES "
    "('U0', 'U0', NULL, 'agency'), ('U1', 'U1', 'U0', 'agency'), "
    "('U2', 'U2', 'U0', 'agency'), ('U3', 'U3', 'U0', 'agency'), "
    "('V', 'V', NULL, 'agency'), ('W', 'W', NULL, 'agency'), "
    "('X', 'X', NULL, 'agency');"
    "INSERT INTO honours(subject_type, subject_id, code, year) VALUES "
    "('unit', 'X', 'ttldxs', 2021);"
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
    "VALUES ('CO-U1', 'unit', 'U1', 'co_tinh', 2021), "
    "('CO-U2', 'unit', 'U2', 'co_tinh', 2021), "
    "('CO-U3', 'unit', 'U3', 'co_tinh', 2021), "
    "('CO-V', 'unit', 'V', 'co_tinh', 2021), "
    "('CO-W', 'unit', 'W', 'co_tinh', 2021), "
    "('TX-U1', 'unit', 'U1', 'ttldxs', 2021), "
    "('TX-U2', 'unit', 'U2', 'ttldxs', 2021), "
    "('TX-U3', 'unit', 'U3', 'ttldxs', 2021), "
    "('TX-V', 'unit', 'V', 'ttldxs', 2021);"
    "INSERT INTO facts(subject_type, subject_id, key, value) VALUES "
    "('nomination', 'TX-U3', 'fine', 'fail');";

/* The same of collectives, and of units of no parent: CO-W, chosen alone,
 * was once ranked against the one unit on record (cap 0: review). */
static void test_eval__quota_any_choice_of_units(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = one_thread_en();
    judge(f, UNIT_QUOTA, "unit/rules/u/units", &opt);
    tdkt_result_view v;
    static const struct {
        const char *nom;
        int outcome;
    } want[] = {{"CO-U1", TDKT_ELIGIBLE}, {"CO-U2", TDKT_REVIEW},
                {"CO-U3", TDKT_REVIEW},   {"CO-V", TDKT_ELIGIBLE},
                {"CO-W", TDKT_ELIGIBLE}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        find(f, want[i].nom, &v);
        assert_int_equal(v.outcome, want[i].outcome);
    }
    size_t w = find(f, "CO-W", &v);
    assert_string_equal(node(f, w, "cap", TDKT_LANG_EN).detail,
                        "rank 2 of 2; cap 2 = 50% of 4 ttldxs holders "
                        "(rounded down)");
    each_alone_as_whole(f, &opt);
}

/* A diff of a choice: side B takes the chosen nomination and the others
 * of its cohort from side A where they hold, and its quota gives what a
 * run of every nomination under side B's rules gives. */
static void test_eval__diff_of_a_choice(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = one_thread_en();
    judge(f, QUOTA, "unit/rules/u/judge", &opt);
    static const char *const ids[] = {"C-P6"};
    tdkt_eval_options o = opt;
    o.ids = ids;
    o.nids = 1;
    tdkt_results *a = choose_as_whole(f, ids, 1, &opt);
    assert_true(a->ncohort > 0);
    tdkt_results *same = NULL;
    assert_int_equal(tdkt_diff_eval(&same, f->ix, f->rules, &o, a), 0);
    char *x = json_of(a, 0), *y = json_of(same, 0);
    assert_string_equal(y, x);
    free(x);
    free(y);
    assert_int_equal(tdkt_results_reused(same), 1);
    assert_int_equal(same->ncohort, a->ncohort);
    for (size_t i = 0; i < same->ncohort; i++)
        assert_true(same->items[same->n + i].reused);

    /* side B: a cap of half, not a quarter (5 of 10: C-P6 passes) */
    char *path = th_fixture("unit/rules/u/judge");
    tdkt_rules *b = NULL;
    assert_int_equal(tdkt_rules_open(&b, path), 0);
    free(path);
    assert_int_equal(tdkt_rules_set_param(b, "cstd_cs.quota_pct", "50"), 0);
    tdkt_results *whole = NULL, *side_b = NULL;
    assert_int_equal(tdkt_eval(&whole, f->ix, b, &opt), 0);
    assert_int_equal(tdkt_diff_eval(&side_b, f->ix, b, &o, a), 0);
    tdkt_result_view v;
    tdkt_results *keep = f->res;
    f->res = whole;
    size_t w = find(f, "C-P6", &v);
    f->res = keep;
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
    x = json_of(whole, w);
    y = json_of(side_b, 0);
    assert_string_equal(y, x);
    free(x);
    free(y);
    tdkt_results_free(whole);
    tdkt_results_free(side_b);
    tdkt_rules_free(b);
    tdkt_results_free(same);
    tdkt_results_free(a);
}

/* ---------------------------------------------- choosing nominations */

static void test_eval__choose_by_year_and_ids(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.year = 2020;
    judge(f,
          ONE_PERSON "INSERT INTO nominations(id, subject_type, subject_id, "
                     "code, year) VALUES ('B', 'person', 'P1', 'ldtt', "
                     "2020), ('A', 'person', 'P1', 'ldtt', 2021), "
                     "('C', 'person', 'P1', 'ldtt', 2020), "
                     "('D', 'person', 'P1', 'hcld3', 2020);",
          "unit/rules/u/judge", &opt);
    static const char *const in2020[] = {"B", "C", "D"};
    assert_int_equal(tdkt_results_count(f->res), 3);
    for (size_t i = 0; i < 3; i++) {
        tdkt_result_view v;
        tdkt_result_get(f->res, i, &v);
        assert_string_equal(v.nomination, in2020[i]);
    }
    /* A code the set has no form for is an error of that nomination. */
    tdkt_result_view v;
    find(f, "D", &v);
    assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
    assert_null(v.form);
    assert_int_equal(v.nnodes, 0);
    assert_string_equal(v.message,
                        "bộ quy tắc u/judge không có mẫu xét cho 'hcld3' "
                        "(cá nhân)");

    /* Named ids come back in id order, once each, within the year. */
    static const char *const ids[] = {"C", "A", "B", "C"};
    opt.ids = ids;
    opt.nids = 4;
    judge(f, NULL, NULL, &opt);
    assert_int_equal(tdkt_results_count(f->res), 2);
    tdkt_result_get(f->res, 0, &v);
    assert_string_equal(v.nomination, "B");
    tdkt_result_get(f->res, 1, &v);
    assert_string_equal(v.nomination, "C");
    opt.year = 0;
    judge(f, NULL, NULL, &opt);
    assert_int_equal(tdkt_results_count(f->res), 3);

    static const char *const missing[] = {"A", "ZZ"};
    opt.ids = missing;
    opt.nids = 2;
    static int sentinel;
    tdkt_results *res = (tdkt_results *)&sentinel; /* reset on failure */
    assert_int_equal(tdkt_eval(&res, f->ix, f->rules, &opt), TDKT_ENOTFOUND);
    assert_null(res);
    assert_string_equal(tdkt_error_last()->message,
                        "no nomination 'ZZ' in the database");
}

/* ------------------------------------------------------ determinism */

/* A deterministic generator, so the dataset is the same on every run. */
static uint32_t next(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/*
 * Four units of 45 people, five years of ratings, LĐTT honours, a few
 * initiatives (some used), measures and facts; nominations for LĐTT and
 * CSTĐCS (with its quota and meets()), TTLĐTT (members_meeting) for each
 * unit, and some for a code without a form. 2020 is judged by t/base,
 * 2022 by t/amend.
 */
static char *big_dataset(void)
{
    static const char *const ratings[] = {"excellent", "excellent", "good",
                                          "good", "complete", "incomplete"};
    uint32_t seed = 20240101;
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "BEGIN;");
    for (int u = 1; u <= 4; u++)
        tdkt_buf_printf(&b, "INSERT INTO units(id, name, kind) VALUES "
                            "('U%d', 'Đơn vị %d', 'agency');"
                            "INSERT INTO nominations(id, subject_type, "
                            "subject_id, code, year) VALUES ('T%d-2020', "
                            "'unit', 'U%d', 'ttldtt', 2020), ('T%d-2022', "
                            "'unit', 'U%d', 'ttldtt', 2022);",
                        u, u, u, u, u, u);
    for (int p = 0; p < 180; p++) {
        int u = p % 4 + 1;
        tdkt_buf_printf(&b,
                        "INSERT INTO people(id, full_name, unit_id, "
                        "is_leader, gender, hired) VALUES ('P%03d', "
                        "'Người %d', 'U%d', %d, '%s', %s);",
                        p, p, u, next(&seed) % 9 == 0,
                        next(&seed) % 2 ? "female" : "male",
                        p % 17 == 0 ? "'2020-05-10'" : "NULL");
        for (int y = 2018; y <= 2022; y++) {
            tdkt_buf_printf(&b,
                            "INSERT INTO appraisals(subject_type, "
                            "subject_id, year, rating) VALUES ('person', "
                            "'P%03d', %d, '%s');",
                            p, y, ratings[next(&seed) % 6]);
            if (next(&seed) % 3)
                tdkt_buf_printf(&b,
                                "INSERT INTO facts(subject_type, "
                                "subject_id, year, key, value) VALUES "
                                "('person', 'P%03d', %d, 'self_reliance', "
                                "'%d');",
                                p, y, next(&seed) % 5 != 0);
            if (next(&seed) % 4 == 0)
                tdkt_buf_printf(&b,
                                "INSERT INTO honours(subject_type, "
                                "subject_id, code, year) VALUES ('person', "
                                "'P%03d', 'ldtt', %d);",
                                p, y);
        }
        if (next(&seed) % 3 == 0)
            tdkt_buf_printf(&b,
                            "INSERT INTO initiatives(id, person_id, year, "
                            "scope) VALUES ('SK%d', 'P%03d', %d, 'unit');",
                            p, p, next(&seed) % 2 ? 2020 : 2022);
        if (next(&seed) % 11 == 0)
            tdkt_buf_printf(&b,
                            "INSERT INTO disciplines(subject_type, "
                            "subject_id, date, level) VALUES ('person', "
                            "'P%03d', '%d-06-01', 'reprimand');",
                            p, next(&seed) % 2 ? 2020 : 2022);
        static const char *const codes[] = {"ldtt", "cstd_cs", "cstd_cs",
                                            "bk_tinh"};
        for (int y = 2020; y <= 2022; y += 2) {
            const char *code = codes[next(&seed) % 4];
            tdkt_buf_printf(&b,
                            "INSERT INTO nominations(id, subject_type, "
                            "subject_id, code, year) VALUES ('N%d-%03d', "
                            "'person', 'P%03d', '%s', %d);",
                            y, p, p, code, y);
        }
    }
    tdkt_buf_puts(&b, "COMMIT;");
    return b.ptr;
}

/* The big dataset judged by rules/basic on one thread. */
static void judge_big(fx *f)
{
    char *sql = big_dataset();
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    judge(f, sql, "rules/basic", &opt);
    free(sql);
}

/* The same on the big dataset (two rule sets by year, quotas per unit,
 * meets()): every third nomination, and every fifth from the second. */
static void test_eval__quota_any_choice_big(void **state)
{
    fx *f = *state;
    judge_big(f);
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 2;
    size_t n = tdkt_results_count(f->res);
    const char **ids = calloc(n, sizeof *ids);
    assert_non_null(ids);
    for (size_t step = 3, from = 0; step <= 5; step += 2, from++) {
        size_t nids = 0;
        for (size_t i = from; i < n; i += step) {
            tdkt_result_view v;
            tdkt_result_get(f->res, i, &v);
            ids[nids++] = v.nomination;
        }
        tdkt_results_free(choose_as_whole(f, ids, nids, &opt));
    }
    free(ids);
}

static void test_eval__same_results_on_any_thread_count(void **state)
{
    fx *f = *state;
    judge_big(f);
    size_t n = tdkt_results_count(f->res);
    assert_int_equal(n, 368);
    /* Every outcome occurs, and both sets judge: the comparison means
     * something. */
    size_t seen[4] = {0}, amended = 0;
    for (size_t i = 0; i < n; i++) {
        tdkt_result_view v;
        tdkt_result_get(f->res, i, &v);
        seen[v.outcome]++;
        amended += v.ruleset &&
                   strcmp(tdkt_ruleset_id(v.ruleset), "t/amend") == 0;
    }
    for (int o = 0; o < 4; o++)
        assert_true(seen[o] > 0);
    assert_true(amended > 0 && amended < n);
    char *jsonl = th_results_text(f->res, TDKT_FMT_JSONL);
    char *csv = th_results_text(f->res, TDKT_FMT_CSV);
    char *table = th_results_text(f->res, TDKT_FMT_TABLE);
    /* The LĐTT nominations seed the memo, and the collective forms find
     * their members there. */
    rt_memo_counts one = f->res->memo_counts;
    assert_true(one.seeded > 0 && one.hits > 0);
    static const int threads[] = {2, 4, 3};
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        opt.threads = threads[t];
        judge(f, NULL, NULL, &opt);
        /* One memo for all threads: each question once, whoever asked */
        rt_memo_counts many = f->res->memo_counts;
        assert_int_equal(many.entries, one.entries);
        assert_true(many.hits > 0);
        char *again = th_results_text(f->res, TDKT_FMT_JSONL);
        if (strcmp(again, jsonl) != 0) {
            print_error("%d threads: the JSON lines differ\n", threads[t]);
            fail();
        }
        free(again);
        again = th_results_text(f->res, TDKT_FMT_CSV);
        assert_string_equal(again, csv);
        free(again);
        again = th_results_text(f->res, TDKT_FMT_TABLE);
        assert_string_equal(again, table);
        free(again);
    }
    /* One line per result. */
    size_t lines = 0;
    for (const char *p = jsonl; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, n);
    free(jsonl);
    free(csv);
    free(table);
    /* Markdown is a report format, not a results one. */
    FILE *null = fopen("/dev/null", "w");
    assert_non_null(null);
    assert_int_equal(tdkt_results_write(f->res, TDKT_FMT_MD, TDKT_LANG_EN,
                                        null),
                     TDKT_EINVALID);
    fclose(null);
}

/* ---------------------------------------------------- meets() memo */

/*
 * Unit U1 of twelve people rated in 2020 (some attested, some not), with
 * u/memo nominations: LĐTT of merit for six (they stand for meets()), a
 * thematic LĐTT, CSTĐCS nominations, which read their campaign or facts
 * (they do not stand for meets()) and ask meets() of LĐTT, and the unit's
 * collective ones, which ask meets() of every member.
 */
#define MEMO_DATASET                                                        \
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng', 'agency');"  \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "        \
    "('P01','A','U1',0),('P02','B','U1',0),('P03','C','U1',0),"            \
    "('P04','D','U1',0),('P05','E','U1',0),('P06','F','U1',0),"            \
    "('P07','G','U1',0),('P08','H','U1',0),('P09','I','U1',0),"            \
    "('P10','J','U1',0),('P11','K','U1',0),('P12','L','U1',0);"            \
    "INSERT INTO appraisals(subject_type, subject_id, year, rating) VALUES " \
    "('person','P01',2020,'excellent'),('person','P02',2020,'good'),"      \
    "('person','P03',2020,'complete'),('person','P04',2020,'good'),"       \
    "('person','P05',2020,'excellent'),('person','P07',2020,'good'),"      \
    "('person','P08',2020,'excellent'),('person','P09',2020,'good'),"      \
    "('person','P10',2020,'good'),('person','P11',2020,'incomplete'),"     \
    "('person','P12',2020,'excellent');"                                   \
    "INSERT INTO facts(subject_type, subject_id, year, key, value) VALUES " \
    "('person','P01',2020,'self_reliance','1'),"                           \
    "('person','P02',2020,'self_reliance','1'),"                           \
    "('person','P04',2020,'self_reliance','0'),"                           \
    "('person','P07',2020,'self_reliance','1'),"                           \
    "('person','P08',2020,'self_reliance','1'),"                           \
    "('person','P09',2020,'self_reliance','1'),"                           \
    "('person','P10',2020,'self_reliance','1'),"                           \
    "('person','P12',2020,'self_reliance','1'),"                           \
    "('nomination','C09',0,'bar','1');"                                    \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year, "   \
    "kind, campaign) VALUES "                                              \
    "('L01','person','P01','ldtt',2020,'merit',NULL),"                     \
    "('L02','person','P02','ldtt',2020,'merit',NULL),"                     \
    "('L03','person','P03','ldtt',2020,'merit',NULL),"                     \
    "('L04','person','P04','ldtt',2020,'merit',NULL),"                     \
    "('L05','person','P05','ldtt',2020,'merit',NULL),"                     \
    "('L06','person','P06','ldtt',2020,'merit',NULL),"                     \
    "('L07','person','P07','ldtt',2020,'thematic',NULL),"                  \
    "('C01','person','P01','cstd_cs',2020,'merit',NULL),"                  \
    "('C03','person','P03','cstd_cs',2020,'merit',NULL),"                  \
    "('C04','person','P04','cstd_cs',2020,'merit',NULL),"                  \
    "('C05','person','P05','cstd_cs',2020,'merit',NULL),"                  \
    "('C06','person','P06','cstd_cs',2020,'merit',NULL),"                  \
    "('C07','person','P07','cstd_cs',2020,'merit',NULL),"                  \
    "('C08','person','P08','cstd_cs',2020,'merit','Phong trào X'),"        \
    "('C09','person','P09','cstd_cs',2020,'merit',NULL),"                  \
    "('C10','person','P10','cstd_cs',2020,'merit',NULL),"                  \
    "('T1','unit','U1','ttldtt',2020,'merit',NULL),"                       \
    "('X1','unit','U1','ttldxs',2020,'merit',NULL);"

static char *result_json(const tdkt_results *res, const char *nom)
{
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (strcmp(v.nomination, nom) == 0) {
            tdkt_buf b = {0};
            tdkt_result_json(res, i, &b);
            return b.ptr;
        }
    }
    print_error("no result for %s\n", nom);
    fail();
    return NULL;
}

/* Judge @p ids (all when NULL) under @p rules, one thread; return the
 * results of @p show as JSON lines. */
static char *judged_as(fx *f, const char *rules, const char *const *ids,
                       size_t nids, const char *const *show, size_t nshow,
                       tdkt_lang lang, rt_memo_counts *counts)
{
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = lang;
    opt.ids = ids;
    opt.nids = nids;
    judge(f, NULL, rules, &opt);
    *counts = f->res->memo_counts;
    tdkt_buf b = {0};
    for (size_t k = 0; k < nshow; k++) {
        char *j = result_json(f->res, show[k]);
        tdkt_buf_puts(&b, j);
        tdkt_buf_puts(&b, "\n");
        free(j);
    }
    return b.ptr;
}

/* What a nomination's own judgement puts in the memo is what meets()
 * would have judged, byte for byte, in both languages: the details of
 * those that ask (CSTĐCS, the collectives) are the same whether the
 * LĐTT nominations were judged too (seeding) or not (meets() judges).
 * A nomination that is not of merit (L07), or whose rules read its
 * campaign or facts (C08, C09), stands for nothing. */
/* A set whose forms never name meets() (BENCH-BK) gets no memo: its
 * judgements would seed one for nothing (the u/memo tests below show a
 * set that asks seeding it). */
static void test_eval__memo_only_for_sets_that_ask(void **state)
{
    fx *f = *state;
    assert_int_equal(
        tdkt_rules_open(&f->rules, TDKT_SOURCE_DIR "/bench/bench-bk"), 0);
    judge(f,
          "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng', "
          "'agency');"
          "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "
          "('P1', 'Hà', 'U1', 0), ('P2', 'An', 'U1', 0);"
          "INSERT INTO nominations(id, subject_type, subject_id, code, year) "
          "VALUES ('N1', 'person', 'P1', 'ldtt', 2023), "
          "('N2', 'person', 'P2', 'cstd_cs', 2023);",
          NULL, NULL);
    assert_int_equal(tdkt_results_count(f->res), 2);
    assert_int_equal(f->res->memo_counts.seeded, 0);
    assert_int_equal(f->res->memo_counts.entries, 0);
}

static void test_eval__memo_seeded_as_nested(void **state)
{
    fx *f = *state;
    static const char *const askers[] = {"C01", "C03", "C04", "C05", "C06",
                                         "C07", "T1",  "X1"};
    size_t n = sizeof askers / sizeof *askers;
    assert_int_equal(tdkt_store_exec(f->store, MEMO_DATASET), 0);
    for (int lang = 0; lang < 2; lang++) {
        tdkt_lang l = lang ? TDKT_LANG_EN : TDKT_LANG_VI;
        rt_memo_counts ca, co;
        char *all = judged_as(f, "unit/rules/u/memo", NULL, 0, askers, n, l,
                              &ca);
        char *only = judged_as(f, NULL, askers, n, askers, n, l, &co);
        assert_int_equal(ca.seeded, 8); /* L01–L06, T1, X1 */
        assert_int_equal(co.seeded, 2); /* T1, X1 */
        assert_true(ca.hits > co.hits);
        assert_string_equal(all, only);
        free(all);
        free(only);
    }
}

/* A judgement is used for a meets() only at a depth where judging it
 * again would not be refused for depth: bk_ttg judged at the top reaches
 * three deep; asked by hcld3 it would reach four, and must fail as if
 * nothing had been kept. */
static void test_eval__memo_keeps_depth_limits(void **state)
{
    fx *f = *state;
    assert_int_equal(
        tdkt_store_exec(f->store,
                        ONE_PERSON
                        "INSERT INTO nominations(id, subject_type, "
                        "subject_id, code, year) VALUES "
                        "('B1', 'person', 'P1', 'bk_ttg', 2020), "
                        "('H1', 'person', 'P1', 'hcld3', 2020);"),
        0);
    static const char *const h1[] = {"H1"};
    rt_memo_counts ca, co;
    char *all = judged_as(f, "unit/rules/u/deep", NULL, 0, h1, 1,
                          TDKT_LANG_EN, &ca);
    char *only = judged_as(f, NULL, h1, 1, h1, 1, TDKT_LANG_EN, &co);
    assert_int_equal(ca.seeded, 1); /* B1 */
    assert_string_equal(all, only);
    assert_non_null(strstr(all, "nested more than 3 deep"));
    free(all);
    free(only);
}

/* The same on any number of threads, with one memo for them all. */
static void test_eval__memo_shared_by_threads(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    judge(f, MEMO_DATASET, "unit/rules/u/memo", &opt);
    char *jsonl = th_results_text(f->res, TDKT_FMT_JSONL);
    rt_memo_counts one = f->res->memo_counts;
    for (int t = 2; t <= 4; t++) {
        opt.threads = t;
        judge(f, NULL, NULL, &opt);
        char *again = th_results_text(f->res, TDKT_FMT_JSONL);
        assert_string_equal(again, jsonl);
        free(again);
        assert_int_equal(f->res->memo_counts.entries, one.entries);
    }
    free(jsonl);
}

/*
 * Members counted for a collective are judged for their verdict alone:
 * u/verdict's standard is met by one of two routes, then a criterion for
 * all; facts make some criteria raise. M1 fails both routes: its last
 * criterion (which would raise) is not run, and it counts as not
 * meeting. M2 fails the first route at its first criterion, so the
 * second (which would raise) is not run; it meets the standard by the
 * other route. M3 meets it, M4 cannot yet tell. meets() judges the whole
 * form, so the nominations that ask it for M1 and M2 are errors. The
 * same whether the persons were judged first or not, on any number of
 * threads.
 */
#define VERDICT_DATASET                                                     \
    "INSERT INTO units(id, name, kind) VALUES ('U1', 'Phòng', 'agency');"  \
    "INSERT INTO people(id, full_name, unit_id, is_leader) VALUES "        \
    "('M1','A','U1',0),('M2','B','U1',0),('M3','C','U1',0),"               \
    "('M4','D','U1',0);"                                                   \
    "INSERT INTO appraisals(subject_type, subject_id, year, rating) VALUES " \
    "('person','M1',2020,'complete'),('person','M2',2020,'complete'),"     \
    "('person','M3',2020,'good'),('person','M4',2020,'complete');"         \
    "INSERT INTO facts(subject_type, subject_id, year, key, value) VALUES " \
    "('person','M1',2020,'attested','0'),('person','M1',2020,'boom','1')," \
    "('person','M2',2020,'attested','1'),"                                 \
    "('person','M2',2020,'boom_route','1');"                               \
    "INSERT INTO nominations(id, subject_type, subject_id, code, year) "   \
    "VALUES ('C1','person','M1','cstd_cs',2020),"                          \
    "('C2','person','M2','cstd_cs',2020),"                                 \
    "('C3','person','M3','cstd_cs',2020),"                                 \
    "('T1','unit','U1','ttldtt',2020);"

static void test_eval__members_counted_by_verdict(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = TDKT_LANG_EN;
    judge(f, VERDICT_DATASET, "unit/rules/u/verdict", &opt);
    tdkt_result_view v;
    size_t t1 = find(f, "T1", &v);
    assert_string_equal(node(f, t1, "members", TDKT_LANG_EN).detail,
                        "2/4, 1 undecided");
    find(f, "C1", &v);
    assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
    assert_non_null(strstr(v.message, "boom for M1"));
    find(f, "C2", &v);
    assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
    assert_non_null(strstr(v.message, "boom for M2"));
    find(f, "C3", &v);
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
    char *jsonl = th_results_text(f->res, TDKT_FMT_JSONL);
    for (int t = 2; t <= 3; t++) {
        opt.threads = t;
        judge(f, NULL, NULL, &opt);
        char *again = th_results_text(f->res, TDKT_FMT_JSONL);
        assert_string_equal(again, jsonl);
        free(again);
    }
    free(jsonl);
    /* the collective alone: its members judged only through it */
    static const char *const t1_only[] = {"T1"};
    opt.threads = 1;
    opt.ids = t1_only;
    opt.nids = 1;
    judge(f, NULL, NULL, &opt);
    t1 = find(f, "T1", &v);
    assert_string_equal(node(f, t1, "members", TDKT_LANG_EN).detail,
                        "2/4, 1 undecided");
}

/* The memo keeps a whole judgement over a verdict-only one of the same
 * question, whichever comes first: a meets() that shows a summary must
 * find one. */
static void test_eval__memo_whole_replaces_verdict(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        rt_memo *m = rt_memo_new();
        assert_non_null(m);
        uint64_t key = rt_memo_key(1, 7, 2020);
        rt_memo_val verdict = {R_FAIL, 0, 1, true, false};
        rt_memo_val whole = {R_FAIL, 0, 1, false, false};
        if (order == 0) {
            rt_memo_put(m, key, &verdict, NULL, NULL);
            rt_memo_val got;
            const rt_judged *src;
            char text[64];
            assert_true(rt_memo_get(m, key, &got, text, sizeof text, &src));
            assert_true(got.verdict_only);
            assert_string_equal(text, "");
        }
        rt_memo_put(m, key, &whole, "does not meet: a; b", NULL);
        if (order == 1)
            rt_memo_put(m, key, &verdict, NULL, NULL);
        rt_memo_val got;
        const rt_judged *src;
        char text[64];
        assert_true(rt_memo_get(m, key, &got, text, sizeof text, &src));
        assert_false(got.verdict_only);
        assert_int_equal(got.result, R_FAIL);
        assert_string_equal(text, "does not meet: a; b");
        rt_memo_counts c = {0};
        rt_memo_stats(m, &c);
        assert_int_equal(c.entries, 1);
        rt_memo_free(m);
    }
}

/* A diff's side B takes from side A what provably holds, and gives what
 * tdkt_eval() gives. With LĐTT's threshold changed, only the judgement
 * that never reached LĐTT (C09: barred before its meets()) holds. */
static void test_eval__diff_reuses_what_holds(void **state)
{
    fx *f = *state;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 2;
    judge(f, MEMO_DATASET, "unit/rules/u/memo", &opt);
    char *path = th_fixture("unit/rules/u/memo");
    static const struct {
        const char *param, *value;
        size_t reused;
    } cases[] = {{NULL, NULL, 18}, /* every one */
                 {"ldtt.min_rating", "excellent", 1}};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        tdkt_rules *b = NULL;
        assert_int_equal(tdkt_rules_open(&b, path), 0);
        if (cases[c].param)
            assert_int_equal(tdkt_rules_set_param(b, cases[c].param,
                                                  cases[c].value),
                             0);
        tdkt_results *plain = NULL, *reusing = NULL;
        assert_int_equal(tdkt_eval(&plain, f->ix, b, &opt), 0);
        assert_int_equal(tdkt_diff_eval(&reusing, f->ix, b, &opt, f->res),
                         0);
        char *want = th_results_text(plain, TDKT_FMT_JSONL);
        char *got = th_results_text(reusing, TDKT_FMT_JSONL);
        assert_string_equal(got, want);
        assert_int_equal(tdkt_results_reused(reusing), cases[c].reused);
        char *before = th_results_text(f->res, TDKT_FMT_JSONL);
        if (cases[c].param) /* the threshold changes something */
            assert_string_not_equal(want, before);
        free(before);
        free(want);
        free(got);
        tdkt_results_free(plain);
        tdkt_results_free(reusing);
        tdkt_rules_free(b);
    }
    free(path);
}

/* The arena keeps one copy of each short text: details repeat by the
 * million ("không có", "compliance = 1"), and a copy each is hundreds of
 * MB at a million people. */
static void test_eval__arena_keeps_one_copy_of_a_text(void **state)
{
    (void)state;
    arena a = {0};
    char text[32] = "không có";
    const char *first = arena_str(&a, text, strlen(text));
    assert_string_equal(first, "không có");
    assert_ptr_not_equal(first, text);
    char again[32];
    memcpy(again, text, sizeof again); /* the same text elsewhere */
    assert_ptr_equal(arena_str(&a, again, strlen(again)), first);
    /* a prefix, or the same length with another byte, is another text */
    const char *prefix = arena_str(&a, text, 5);
    assert_string_equal(prefix, "khôn");
    assert_ptr_not_equal(prefix, first);
    text[0] = 'K';
    assert_string_equal(arena_str(&a, text, strlen(text)), "Không có");
    assert_string_equal(first, "không có"); /* its copy is its own */
    assert_string_equal(arena_str(&a, "", 0), "");
    /* Thousands of texts (the table grows): each still found, once. */
    enum { N = 5000 };
    const char **kept = calloc(N, sizeof *kept);
    assert_non_null(kept);
    char buf[64];
    for (int i = 0; i < N; i++) {
        int len = snprintf(buf, sizeof buf, "compliance_%d = %d", i, i % 7);
        kept[i] = arena_str(&a, buf, (size_t)len);
    }
    for (int i = 0; i < N; i++) {
        int len = snprintf(buf, sizeof buf, "compliance_%d = %d", i, i % 7);
        assert_ptr_equal(arena_str(&a, buf, (size_t)len), kept[i]);
        assert_string_equal(kept[i], buf);
    }
    assert_int_equal(a.ntexts, N + 3);
    /* Long texts (messages, a run's text table) are copied as they are. */
    char longer[300];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    const char *l1 = arena_str(&a, longer, strlen(longer));
    const char *l2 = arena_str(&a, longer, strlen(longer));
    assert_string_equal(l1, longer);
    assert_string_equal(l2, longer);
    assert_ptr_not_equal(l1, l2);
    assert_false(a.failed);
    free(kept);
    arena_free(&a);
}

#define SHOWN "\xEF\xBF\xBD" /* U+FFFD */

/* A NUL byte in a detail is shown as U+FFFD, at the top level and in
 * what meets() says of a judgement made for it: the detail is not cut
 * there without a sign. */
static void test_eval__nul_bytes_in_details_shown(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON
          "INSERT INTO nominations(id, subject_type, subject_id, code, "
          "year) VALUES ('C', 'person', 'P1', 'cstd_cs', 2021), "
          "('T', 'person', 'P1', 'cstd_tinh', 2022);",
          "unit/rules/u/detail", NULL);
    static const char nuls[] =
        SHOWN "twelve bytes" SHOWN " and then some more" SHOWN;
    tdkt_result_view v;
    size_t i = find(f, "C", &v);
    assert_string_equal(node(f, i, "nul", TDKT_LANG_EN).detail, "a" SHOWN "b");
    assert_string_equal(node(f, i, "nuls", TDKT_LANG_EN).detail, nuls);
    char *json = th_results_text(f->res, TDKT_FMT_JSONL);
    assert_non_null(strstr(json, "\"detail\":\"a" SHOWN "b\""));
    free(json);
    i = find(f, "T", &v);
    tdkt_criterion_view c = node(f, i, "nested", TDKT_LANG_EN);
    assert_int_equal(c.result, TDKT_FAIL);
    if (!strstr(c.detail, "nul (a" SHOWN "b)") || !strstr(c.detail, nuls)) {
        print_error("meets() said: %s\n", c.detail);
        fail();
    }
}

/* The same in an error's message: error("a\0b") is not cut at the NUL
 * (the message handler and the outcome keep the whole text). */
static void test_eval__nul_byte_in_error_shown(void **state)
{
    fx *f = *state;
    judge(f,
          ONE_PERSON
          "INSERT INTO nominations(id, subject_type, subject_id, code, "
          "year) VALUES ('B', 'person', 'P1', 'bk_tinh', 2021);",
          "unit/rules/u/detail", NULL);
    tdkt_result_view v;
    find(f, "B", &v);
    assert_int_equal(v.outcome, TDKT_OUTCOME_ERROR);
    if (!v.message || !strstr(v.message, "bk_tinh.lua:5: a" SHOWN "b")) {
        print_error("message: %s\n", v.message ? v.message : "(none)");
        fail();
    }
}

/* A NUL byte anywhere in a text, at every offset of words of every
 * length around a word's, and several: each shown as U+FFFD, the rest
 * copied as it is. Such a copy is never handed out for the bytes it no
 * longer holds. */
static void test_eval__arena_shows_nul_bytes(void **state)
{
    (void)state;
    arena a = {0};
    char text[40], want[64];
    for (size_t len = 1; len < 26; len++)
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < len; k++)
                text[k] = (char)('a' + (k + len) % 26);
            text[at] = '\0';
            memcpy(want, text, at);
            memcpy(want + at, SHOWN, 3);
            memcpy(want + at + 3, text + at + 1, len - at - 1);
            want[len + 2] = '\0';
            const char *got = arena_str(&a, text, len);
            assert_string_equal(got, want);
            assert_ptr_not_equal(arena_str(&a, text, len), got);
        }
    const char many[] = "\0x\0\0y\0";
    assert_string_equal(arena_str(&a, many, sizeof many - 1),
                        SHOWN "x" SHOWN SHOWN "y" SHOWN);
    /* long texts, copied without a look for a shared copy, too */
    char longer[300];
    memset(longer, 'x', sizeof longer);
    longer[0] = longer[150] = longer[299] = '\0';
    const char *l = arena_str(&a, longer, sizeof longer);
    assert_int_equal(strlen(l), sizeof longer + 3 * 2);
    assert_memory_equal(l, SHOWN "xx", 5);
    assert_memory_equal(l + 3 + 149, SHOWN "xx", 5);
    assert_string_equal(l + 3 + 149 + 3 + 148, SHOWN);
    /* the bytes a shown copy reads as are still a text of their own */
    const char *shown = arena_str(&a, "a" SHOWN "b", 5);
    assert_string_equal(shown, "a" SHOWN "b");
    assert_ptr_equal(arena_str(&a, "a" SHOWN "b", 5), shown);
    assert_false(a.failed);
    arena_free(&a);
}

/* An evaluation's equal details are one copy (one thread: one arena). */
static void test_eval__details_kept_once(void **state)
{
    fx *f = *state;
    judge_big(f);
    enum { MAX = 4096 };
    const char **seen = calloc(MAX, sizeof *seen);
    assert_non_null(seen);
    size_t nseen = 0, details = 0;
    for (size_t i = 0; i < f->res->n; i++) {
        const res_item *it = &f->res->items[i];
        if (!it->form || !it->detail)
            continue;
        for (int k = 0; k < it->form->nnodes; k++) {
            const char *d = it->detail[k];
            if (it->form->nodes[k].kind != RN_CRITERION || !d || !d[0])
                continue;
            details++;
            size_t j = 0;
            while (j < nseen && strcmp(seen[j], d) != 0)
                j++;
            if (j < nseen) {
                assert_ptr_equal(seen[j], d);
            } else {
                assert_true(nseen < MAX);
                seen[nseen++] = d;
            }
        }
    }
    /* many details, few texts: the check means something */
    assert_true(details > 4 * nseen);
    free(seen);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_eval__outcomes_and_routes),
        T(test_eval__node_views),
        T(test_eval__routes_detail_in_vietnamese),
        T(test_eval__routes_named_by_their_words),
        T(test_eval__criterion_errors),
        T(test_eval__results_without_detail),
        T(test_eval__nul_bytes_in_details_shown),
        T(test_eval__nul_byte_in_error_shown),
        T(test_eval__other_kinds_go_to_review),
        T(test_eval__quota_ranking),
        T(test_eval__quota_detail_in_vietnamese),
        T(test_eval__quota_base_before_quotas),
        T(test_eval__quota_any_choice),
        T(test_eval__quota_any_choice_of_units),
        T(test_eval__quota_any_choice_big),
        T(test_eval__diff_of_a_choice),
        T(test_eval__choose_by_year_and_ids),
        T(test_eval__same_results_on_any_thread_count),
        T(test_eval__memo_only_for_sets_that_ask),
        T(test_eval__memo_seeded_as_nested),
        T(test_eval__memo_keeps_depth_limits),
        T(test_eval__memo_shared_by_threads),
        T(test_eval__members_counted_by_verdict),
        T(test_eval__memo_whole_replaces_verdict),
        T(test_eval__diff_reuses_what_holds),
        cmocka_unit_test(test_eval__arena_keeps_one_copy_of_a_text),
        cmocka_unit_test(test_eval__arena_shows_nul_bytes),
        T(test_eval__details_kept_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
