/*
 * The sandbox walls, from C: every attack of the hostile fixture
 * (tests/fixtures/rules/hostile/h/set, the nomination's fact `attack`
 * names it) ends as an `error` outcome whose message names the script's
 * file and line (found in the fixture by the text on it) and what
 * stopped it; runaway loops (with or without the
 * script's own pcall) and memory bombs are stopped by small limits; the
 * other nominations of the run are judged normally, and the budgets are
 * per nomination (tests/fixtures/unit/rules/u/burn spends as many steps
 * as a nomination asks).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

/* Is the test running under valgrind (which runs code some 50 times
 * slower, and on which the rule watchdog is off: watch.c)? */
static bool under_valgrind(void)
{
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
    return RUNNING_ON_VALGRIND;
#endif
#endif
    return false;
}

typedef struct box {
    char *dir;
    tdkt_store *store;
    tdkt_index *ix;
    tdkt_rules *rules;
    tdkt_results *res; /* the last run's, freed by teardown */
} box;

static int setup(void **state)
{
    box *b = calloc(1, sizeof *b);
    assert_non_null(b);
    b->store = th_store_new(&b->dir, "sandbox.db");
    assert_int_equal(tdkt_store_exec(b->store,
                                     "INSERT INTO units(id, name, kind) "
                                     "VALUES ('U1', 'Phòng', 'agency');"
                                     "INSERT INTO people(id, full_name, "
                                     "unit_id, is_leader) VALUES ('P1', "
                                     "'Hà', 'U1', 0);"),
                     0);
    *state = b;
    return 0;
}

static int teardown(void **state)
{
    box *b = *state;
    tdkt_results_free(b->res);
    tdkt_rules_free(b->rules);
    tdkt_index_free(b->ix);
    th_store_done(b->store, b->dir);
    free(b);
    return 0;
}

/* A nomination of P1 for LĐTT 2021 with the fact @p key = @p value. */
static void nominate(box *b, const char *id, const char *key,
                     const char *value)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO nominations(id, subject_type, subject_id, code, "
             "year) VALUES ('%s', 'person', 'P1', 'ldtt', 2021);",
             id);
    assert_int_equal(tdkt_store_exec(b->store, sql), 0);
    if (!key)
        return;
    snprintf(sql, sizeof sql,
             "INSERT INTO facts(subject_type, subject_id, key, value) "
             "VALUES ('nomination', '%s', '%s', '%s');",
             id, key, value);
    assert_int_equal(tdkt_store_exec(b->store, sql), 0);
}

static tdkt_results *run(box *b, const char *rules,
                         const tdkt_eval_options *opt)
{
    if (!b->ix)
        assert_int_equal(tdkt_index_load(&b->ix, b->store), 0);
    if (!b->rules) {
        char *path = th_fixture(rules);
        assert_int_equal(tdkt_rules_open(&b->rules, path), 0);
        free(path);
    }
    tdkt_results_free(b->res);
    b->res = NULL;
    assert_int_equal(tdkt_eval(&b->res, b->ix, b->rules, opt), 0);
    return b->res;
}

static void view(const tdkt_results *res, const char *nom,
                 tdkt_result_view *v)
{
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_get(res, i, v);
        if (strcmp(v->nomination, nom) == 0)
            return;
    }
    print_error("no result for %s\n", nom);
    fail();
}

/* The result is an error whose message holds @p where and @p what. */
static void assert_stopped(const tdkt_results *res, const char *nom,
                           const char *where, const char *what)
{
    tdkt_result_view v;
    view(res, nom, &v);
    if (v.outcome != TDKT_OUTCOME_ERROR || !v.message ||
        !strstr(v.message, where) || !strstr(v.message, what)) {
        print_error("%s: expected an error '…%s…%s…', got %s: %s\n", nom,
                    where, what, tdkt_outcome_code(v.outcome),
                    v.message ? v.message : "(no message)");
        fail();
    }
}

static void assert_eligible(const tdkt_results *res, const char *nom)
{
    tdkt_result_view v;
    view(res, nom, &v);
    if (v.outcome != TDKT_ELIGIBLE) {
        print_error("%s: %s (%s)\n", nom, tdkt_outcome_code(v.outcome),
                    v.message ? v.message : "");
        fail();
    }
}

/* ----------------------------------------------------------- attacks */

typedef struct attack {
    const char *name; /* the fixture's attacks[name] */
    const char *line; /* text on the line the message must name */
    const char *what;
} attack;

/* A refused allocation carries no position: the message names the
 * criterion that was running. */
#define CRITERION "criterion \"attack\""

static const attack attacks[] = {
    /* Nothing outside the sandbox is reachable. */
    {"io", "io.open(", "undeclared global 'io'"},
    {"os", "os.execute(", "undeclared global 'os'"},
    {"require", "require(\"os\")", "undeclared global 'require'"},
    {"load", "load(\"return 1\")", "undeclared global 'load'"},
    {"dofile", "dofile(", "undeclared global 'dofile'"},
    {"loadfile", "loadfile(", "undeclared global 'loadfile'"},
    {"collectgarbage", "collectgarbage(", "undeclared global 'collectgarbage'"},
    {"print", "print(", "undeclared global 'print'"},
    {"dump", "string.dump(", "attempt to call a nil value (field 'dump')"},
    {"rawset", "rawset(", "undeclared global 'rawset'"},
    {"coroutine", "coroutine.create(", "undeclared global 'coroutine'"},
    {"debug", "debug.getinfo(", "undeclared global 'debug'"},
    {"G", "return _G", "undeclared global '_G'"},
    {"math_random", "math.random()",
     "attempt to call a nil value (field 'random')"},
    /* Nothing shared can be changed. (setmeta_env: its own test.) */
    {"string_mt", "getmetatable(\"\").__index end",
     "attempt to index a boolean value"},
    {"string_mt_write", "getmetatable(\"\").__index = {}",
     "attempt to index a boolean value"},
    {"lib_write", "string.upper = nil",
     "attempt to change read-only field 'upper'"},
    {"global_write", "leaked = 1",
     "assignment to global 'leaked': rules may not keep state (use local)"},
    {"global_read", "undefined_thing", "undeclared global 'undefined_thing'"},
    {"params_write", "p.years = 99",
     "attempt to change read-only field 'years'"},
    /* A parameter the form does not have is no nil: a misspelt one made
     * the comparison quietly false. */
    {"params_typo", "p.yeras == 1",
     "form 'ldtt' has no parameter 'yeras'; near names: years"},
    {"state", "calls = calls + 1",
     "the rule changed the local 'calls', which would carry state to the "
     "next nomination"},
    {"gc", "{ __gc =", "__gc metamethods are not allowed in rules"},
    /* Runaways stop, whatever pcall or __close the script wraps around
     * them. */
    {"loop", "loop = function() while true do end end",
     "instruction limit exceeded (3000000 instructions)"},
    {"loop_pcall", "while true do pcall(",
     "instruction limit exceeded (3000000 instructions)"},
    {"close", "__close = function()",
     "instruction limit exceeded (3000000 instructions)"},
    {"rep_bomb", CRITERION,
     "memory limit exceeded (4 MiB) in criterion 'attack'"},
    {"table_bomb", CRITERION,
     "memory limit exceeded (4 MiB) in criterion 'attack'"},
    /* Under 4 MiB, the stack of a deep recursion is a memory bomb too
     * (test_sandbox__stack_overflow: with more room). */
    {"recursion", CRITERION,
     "memory limit exceeded (4 MiB) in criterion 'attack'"},
    {"meta_loop", "__index = function(t, k)", "stack overflow"},
    /* Hostile values and C functions fail cleanly. */
    {"error_table", "error(setmetatable(", "(error object is a table value)"},
    {"format_width", "%99999d", "invalid conversion"},
    {"pattern", "string.find(string.rep(", "pattern too costly for a rule"},
    {"balance", "\"%b()\"", "pattern too costly for a rule"},
    {"plain_find", "1, true)", "pattern too costly for a rule"},
    {"move", "table.move(", "table.move: "},
    {"len_remove", "table.remove(",
     "table.remove takes plain tables only (no metatable)"},
    {"len_insert", "table.insert(",
     "table.insert takes plain tables only (no metatable)"},
    {"chain_move", "table.move(t,",
     "table.move takes plain tables only (no metatable)"},
    /* A message handler cannot outrun the budgets either. */
    {"xpcall_loop", "xpcall(error",
     "instruction limit exceeded (3000000 instructions)"},
    /* State kept behind a metatable is refused like any other. */
    {"mt_table", "seen.n = ",
     "attempt to change read-only field 'n'"},
    {"mt_function", "__index = function() count",
     "the rule changed the local 'count', which would carry state to the "
     "next nomination"},
    /* A local given a new table or function carries it on as well. */
    {"reassign_table", "attacks.reassign_table",
     "the rule changed the local 'box', which would carry state to the "
     "next nomination"},
    {"reassign_function", "attacks.reassign_function",
     "the rule changed the local 'helper', which would carry state to the "
     "next nomination"},
    /* A local changed while meets() judges and put back after: caught as
     * the judgement asked for ends, before the memo keeps it. */
    {"meets_busy", "check = function(s, n, p)",
     "the rule changed the local 'busy', which would carry state to the "
     "next nomination"},
    /* Harmless, though once they hung, crashed or failed every
     * nomination (what: NULL, judged as usual). */
    {"rep_empty", NULL, NULL},
    {"cycle", NULL, NULL},
    {"nan", NULL, NULL},
    {"long_detail", NULL, NULL}, /* kept short: test_sandbox__attacks */
    {"frozen_concat", NULL, NULL}, /* a frozen table is plain enough */
    /* No address reaches a rule (they vary from run to run). */
    {"format_p", "string.format(\"%p\"",
     "string.format: %p (a memory address) is not for rules"},
    /* Harmless, and the same on every run (their details: below). */
    {"ordered_pairs", NULL, NULL},
    {"addressless", NULL, NULL},
    {"next_order", NULL, NULL},
    /* a meets() summary cut short is cut between characters */
    {"meets_long", NULL, NULL},
    /* A __gc that the metatable's __index adds while the guard looks:
     * never there, so no finalizer runs outside the limits. */
    {"gc_index", NULL, NULL},
    /* The prelude's own tables are frozen: a rule's fake subject handed
     * one cannot change it for later judgements. */
    {"prelude_table", "c[#c + 1] = \"x\"",
     "attempt to change a read-only table"},
    /* Every error names a place in the rules: the criterion's, when it
     * was raised without one or in the prelude. */
    {"bare_error", CRITERION, "bare"},
    {"prelude_error", CRITERION, "[tdkt prelude]:"},
};

/* "ldtt.lua:N: " where N is the first line of the hostile form holding
 * @p text: the expectations follow the fixture when lines move. */
static void where(const char *text, char *out, size_t n)
{
    char *path = th_fixture("rules/hostile/h/set/forms/ldtt.lua");
    char *src = th_read(path, NULL);
    assert_non_null(src);
    const char *hit = strstr(src, text);
    if (!hit) {
        print_error("no '%s' in %s\n", text, path);
        fail();
    }
    int line = 1;
    for (const char *p = src; p < hit; p++)
        line += *p == '\n';
    snprintf(out, n, "ldtt.lua:%d: ", line);
    free(src);
    free(path);
}

#define NATTACKS (sizeof attacks / sizeof *attacks)

/* Each attack between two honest nominations (ids sort in that order):
 * A00-GOOD, A01-io, A01-zGOOD, A02-os, … */
static void nominate_attacks(box *b)
{
    assert_int_equal(tdkt_store_exec(b->store, "BEGIN"), 0);
    nominate(b, "A00-GOOD", NULL, NULL);
    for (size_t i = 0; i < NATTACKS; i++) {
        char id[64];
        snprintf(id, sizeof id, "A%02zu-%s", i + 1, attacks[i].name);
        nominate(b, id, "attack", attacks[i].name);
        snprintf(id, sizeof id, "A%02zu-zGOOD", i + 1);
        nominate(b, id, NULL, NULL);
    }
    assert_int_equal(tdkt_store_exec(b->store, "COMMIT"), 0);
}

static void assert_attacks(const tdkt_results *res)
{
    assert_int_equal(tdkt_results_count(res), 2 * NATTACKS + 1);
    assert_eligible(res, "A00-GOOD");
    for (size_t i = 0; i < NATTACKS; i++) {
        char id[64];
        snprintf(id, sizeof id, "A%02zu-%s", i + 1, attacks[i].name);
        char at[32] = "";
        if (attacks[i].line)
            where(attacks[i].line, at, sizeof at);
        if (attacks[i].what)
            assert_stopped(res, id, at, attacks[i].what);
        else
            assert_eligible(res, id);
        /* The state after an attack judges the next one as if new. */
        snprintf(id, sizeof id, "A%02zu-zGOOD", i + 1);
        assert_eligible(res, id);
    }
}

static const tdkt_eval_options small_limits = {
    .threads = 1,
    .lang = TDKT_LANG_EN,
    .max_instructions = 3000000,
    .time_limit_ms = 5000,
    .memory_limit = 4u << 20,
};

/* A detail of 200,000 bytes is kept as its first 4,096 or fewer, cut at
 * a character's start, and "…". */
static void assert_detail_cut(const tdkt_results *res)
{
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (!strstr(v.nomination, "-long_detail"))
            continue;
        tdkt_criterion_view c;
        tdkt_result_node(res, i, 0, TDKT_LANG_EN, &c);
        size_t n = strlen(c.detail);
        assert_true(n > 4000 && n <= 4096 + strlen("…"));
        assert_string_equal(c.detail + n - strlen("…"), "…");
        assert_int_equal(strncmp(c.detail, "đđđ", 6), 0);
        assert_int_equal((n - strlen("…")) % strlen("đ"), 0);
        return;
    }
    fail();
}

/* The detail of the attack nomination whose id ends with @p name. */
static void assert_detail(const tdkt_results *res, const char *name,
                          const char *want)
{
    char suffix[64];
    snprintf(suffix, sizeof suffix, "-%s", name);
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        size_t n = strlen(v.nomination), m = strlen(suffix);
        if (n < m || strcmp(v.nomination + n - m, suffix) != 0)
            continue;
        tdkt_criterion_view c;
        tdkt_result_node(res, i, 0, TDKT_LANG_EN, &c);
        assert_string_equal(c.detail, want);
        return;
    }
    fail();
}

static void test_sandbox__attacks(void **state)
{
    box *b = *state;
    nominate_attacks(b);
    tdkt_results *res = run(b, "rules/hostile/h/set", &small_limits);
    assert_detail_cut(res);
    assert_attacks(res);
    /* pairs: numbers, text, booleans; frozen tables and fresh alike */
    assert_detail(res, "ordered_pairs", "1,2.5,3,alpha,zeta,true,a,b,c");
    assert_detail(res, "addressless", "table function ok");
    /* next: the same order; a frozen table's keys; nil when empty */
    assert_detail(res, "next_order", "a,b;2;nil");
    assert_detail(res, "meets_long", "valid");
}

/* Each worker has its own states: the same walls, the same messages. */
static void test_sandbox__attacks_on_threads(void **state)
{
    box *b = *state;
    nominate_attacks(b);
    tdkt_eval_options opt = small_limits;
    opt.threads = 4;
    tdkt_results *res = run(b, "rules/hostile/h/set", &opt);
    assert_attacks(res);
}

/* setmetatable(_ENV, {}): refused (the environment's metatable is
 * protected), and like every other refusal the message names the line. */
static void test_sandbox__setmetatable_error_names_line(void **state)
{
    box *b = *state;
    nominate(b, "S1", "attack", "setmeta_env");
    tdkt_results *res = run(b, "rules/hostile/h/set", &small_limits);
    char at[32];
    where("setmetatable(_ENV, {})", at, sizeof at);
    assert_stopped(res, "S1", at, "cannot change a protected metatable");
}

/* With an instruction budget out of reach, the clock stops a loop, with
 * or without a pcall around it. */
static void test_sandbox__time_limit(void **state)
{
    box *b = *state;
    nominate(b, "L1", "attack", "loop");
    nominate(b, "L2", "attack", "loop_pcall");
    nominate(b, "L3", NULL, NULL);
    /* Library calls that each take milliseconds in C, too few for the
     * hook ever to run: the clock is read before each call. */
    nominate(b, "L4", "attack", "pattern_loop");
    tdkt_eval_options opt = small_limits;
    opt.max_instructions = UINT64_C(1) << 60;
    opt.time_limit_ms = 50;
    tdkt_results *res = run(b, "rules/hostile/h/set", &opt);
    char at4[32];
    where("string.find(x, \"a-b\")", at4, sizeof at4);
    assert_stopped(res, "L4", at4, "time limit exceeded (50 ms)");
    char at[32];
    where("loop = function() while true do end end", at, sizeof at);
    assert_stopped(res, "L1", at, "time limit exceeded (50 ms)");
    where("while true do pcall(", at, sizeof at);
    assert_stopped(res, "L2", at, "time limit exceeded (50 ms)");
    assert_eligible(res, "L3");
}

/* With room enough (the default 64 MiB is not: Lua's stack of a million
 * slots and its call records outgrow it), a runaway recursion overflows
 * Lua's stack, a clean error. */
static void test_sandbox__stack_overflow(void **state)
{
    box *b = *state;
    nominate(b, "R1", "attack", "recursion");
    nominate(b, "R2", NULL, NULL);
    tdkt_eval_options opt = small_limits;
    opt.memory_limit = 256u << 20;
    opt.max_instructions = 0;
    if (under_valgrind()) /* the deadline is not what this is about */
        opt.time_limit_ms = 120000;
    tdkt_results *res = run(b, "rules/hostile/h/set", &opt);
    char at[32];
    where("return 1 + f()", at, sizeof at);
    assert_stopped(res, "R1", at, "stack overflow");
    assert_eligible(res, "R2");
}

/* The budget is per nomination: five nominations spend 600 000 steps
 * each under a budget of a million; one that asks 100 million is stopped
 * (the count starts a slice of time into the nomination, so it must ask
 * well past the budget), and the next is judged as before. */
static void test_sandbox__budget_per_nomination(void **state)
{
    box *b = *state;
    static const struct {
        const char *id, *steps;
        bool stopped;
    } noms[] = {
        {"B1", "600000", false}, {"B2", "600000", false},
        {"B3", "600000", false}, {"B4", "100000000", true},
        {"B5", "600000", false}, {"B6", "600000", false},
    };
    size_t n = sizeof noms / sizeof *noms;
    for (size_t i = 0; i < n; i++)
        nominate(b, noms[i].id, "burn", noms[i].steps);
    tdkt_eval_options opt = small_limits;
    opt.max_instructions = 1000000;
    tdkt_results *res = run(b, "unit/rules/u/burn", &opt);
    for (size_t i = 0; i < n; i++) {
        if (noms[i].stopped) {
            assert_stopped(res, noms[i].id, "ldtt.lua:6: ",
                           "instruction limit exceeded (1000000 "
                           "instructions)");
            continue;
        }
        assert_eligible(res, noms[i].id);
        tdkt_criterion_view c;
        tdkt_result_node(res, i, 0, TDKT_LANG_EN, &c);
        assert_string_equal(c.detail, noms[i].steps);
    }
}

/* The memory cap is per state: a bomb frees what it took, and a
 * nomination needing close to the cap afterwards still fits. */
static void test_sandbox__memory_returned_after_bomb(void **state)
{
    box *b = *state;
    nominate(b, "M1", "attack", "table_bomb");
    nominate(b, "M2", "burn", "300000");
    nominate(b, "M3", "attack", "table_bomb");
    nominate(b, "M4", NULL, NULL);
    tdkt_results *res = run(b, "rules/hostile/h/set", &small_limits);
    char at[32];
    where(CRITERION, at, sizeof at);
    assert_stopped(res, "M1", at, "memory limit exceeded (4 MiB)");
    assert_eligible(res, "M2");
    assert_stopped(res, "M3", at, "memory limit exceeded (4 MiB)");
    assert_eligible(res, "M4");
}

/* The count hook is set only once a nomination has run for a slice of
 * time (sandbox.c, watch.c): Lua traps every instruction while it is on.
 * Short nominations under a budget they would exceed at once are judged,
 * bar one preempted for the whole slice on a busy machine. */
static void test_sandbox__count_starts_after_a_slice(void **state)
{
#if defined(__SANITIZE_THREAD__)
    skip(); /* the hook is on from the start there (watch.c) */
#endif
    if (under_valgrind())
        skip(); /* and there */
    box *b = *state;
    enum { N = 10 };
    for (int i = 0; i < N; i++) {
        char id[16];
        snprintf(id, sizeof id, "Q%d", i);
        nominate(b, id, "burn", "3000");
    }
    nominate(b, "Q-long", "burn", "100000000");
    tdkt_eval_options opt = small_limits;
    opt.max_instructions = 1;
    tdkt_results *res = run(b, "unit/rules/u/burn", &opt);
    int judged = 0;
    for (size_t i = 0; i < tdkt_results_count(res); i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (strcmp(v.nomination, "Q-long") != 0)
            judged += v.outcome == TDKT_ELIGIBLE;
    }
    assert_true(judged >= N / 2);
    assert_stopped(res, "Q-long", "ldtt.lua:6: ",
                   "instruction limit exceeded (1 instructions)");
}

/* A thread that blocks every signal still has its loops stopped: arming
 * unblocks the watchdog's signal. Without that this test hangs (ctest's
 * timeout fails it). */
typedef struct blocked_run {
    box *b;
    tdkt_results *res;
} blocked_run;

static void *run_blocked(void *arg)
{
    blocked_run *br = arg;
    tdkt_eval_options opt = small_limits; /* one thread: this one */
    opt.max_instructions = UINT64_C(1) << 60;
    opt.time_limit_ms = 50;
    br->res = run(br->b, "rules/hostile/h/set", &opt);
    return NULL;
}

static void test_sandbox__loop_stopped_with_signals_blocked(void **state)
{
    box *b = *state;
    nominate(b, "L1", "attack", "loop");
    nominate(b, "L2", NULL, NULL);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    blocked_run br = {b, NULL};
    pthread_t t;
    int e = pthread_create(&t, NULL, run_blocked, &br);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    assert_int_equal(e, 0);
    pthread_join(t, NULL);
    char at[32];
    where("loop = function() while true do end end", at, sizeof at);
    assert_stopped(br.res, "L1", at, "time limit exceeded (50 ms)");
    assert_eligible(br.res, "L2");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_sandbox__attacks),
        T(test_sandbox__attacks_on_threads),
        T(test_sandbox__setmetatable_error_names_line),
        T(test_sandbox__time_limit),
        T(test_sandbox__stack_overflow),
        T(test_sandbox__budget_per_nomination),
        T(test_sandbox__memory_returned_after_bomb),
        T(test_sandbox__count_starts_after_a_slice),
        T(test_sandbox__loop_stopped_with_signals_blocked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
