/*
 * A rule set's own test cases (tests/ *.lua): each `case "name" {…}` gives
 * records in the columns of the CSV files, the form and year judged, and
 * the expected outcome (and, where stated, criteria results). Each case is
 * judged on a fresh in-memory store by the set under test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <sqlite3.h>

#include "rules/rules_internal.h"
#include "eval/eval_internal.h"
#include "core/msg.h"

int rt_new_bare(rt **out, const rt_limits *limits);
int rt_load_chunk(lua_State *L, const char *buf, size_t len,
                  const char *chunkname);
void rt_set_global(lua_State *L, const char *name);
char *rs_read_file(const char *path, size_t *len, size_t max);
void rs_chunkname(char *buf, size_t n, const char *path);

static const char CASES_KEY = 'C';

void rt_require_plain(lua_State *L, int idx, int depth);

/* The fields a case may have: one misspelt (`criterion = {…}`, `detail`)
 * would otherwise be ignored, and the case pass without testing it. */
static const char *const case_fields[] = {
    "form",        "year",        "person",      "unit",    "units",
    "people",      "appraisals",  "honours",     "initiatives",
    "disciplines", "facts",       "nominations", "kind",    "submitted",
    "campaign",    "expect",      "criteria",    "message", "lang",
    "time_limit_ms", NULL};

static int case_body(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    rt_require_plain(L, 1, 0);
    rt_refuse_unknown_fields(
        L, 1,
        lua_pushfstring(L, TDKT_MSG("ca '%s'", "case '%s'"),
                        lua_tostring(L, lua_upvalueindex(1))),
        case_fields, false);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, 1, "__name");
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_setfield(L, 1, "__file");
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_setfield(L, 1, "__line");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &CASES_KEY);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

static int case_ctor(lua_State *L)
{
    luaL_checkstring(L, 1);
    lua_Debug ar;
    const char *file = "?";
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        file = ar.short_src;
        line = ar.currentline;
    }
    lua_pushvalue(L, 1);
    lua_pushstring(L, file);
    lua_pushinteger(L, line);
    lua_pushcclosure(L, case_body, 3);
    return 1;
}

/* ---------------------------------------------------- building records */

typedef struct table_def {
    const char *name;
    const char *const *cols;
    bool subject; /* has subject_type / subject_id */
} table_def;

static const char *const unit_cols[] = {"id", "name", "parent_id", "kind",
                                        "bloc", "small", NULL};
static const char *const people_cols[] = {
    "id", "full_name", "unit_id", "is_leader", "category", "gender",
    "ethnic_minority", "birth_year", "hired", NULL};
static const char *const app_cols[] = {"subject_type", "subject_id", "year",
                                       "rating", "unit_id", "months_worked",
                                       "absence", NULL};
static const char *const hon_cols[] = {
    "subject_type", "subject_id", "code", "year", "kind", "decision_no",
    "decision_date", "initiatives", NULL};
static const char *const ini_cols[] = {"id", "person_id", "year", "scope",
                                       "kind", "applied", "title", NULL};
static const char *const dis_cols[] = {"subject_type", "subject_id", "date",
                                       "level", "ends", "note", NULL};
static const char *const fact_cols[] = {"subject_type", "subject_id", "year",
                                        "key", "value", "source", NULL};
static const char *const nom_cols[] = {
    "id", "subject_type", "subject_id", "code", "year", "kind", "campaign",
    "proposed_by", "submitted", NULL};

static const table_def tables[] = {
    {"units", unit_cols, false},
    {"people", people_cols, false},
    {"appraisals", app_cols, true},
    {"honours", hon_cols, true},
    {"initiatives", ini_cols, false},
    {"disciplines", dis_cols, true},
    {"facts", fact_cols, true},
    {"nominations", nom_cols, true},
};

/* Columns whose values are codes: aliases are resolved as import does. */
static int code_domain(const char *table, const char *col)
{
    if (strcmp(col, "rating") == 0)
        return TDKT_V_RATING;
    if (strcmp(col, "code") == 0)
        return TDKT_V_AWARD;
    if (strcmp(col, "level") == 0)
        return TDKT_V_LEVEL;
    if (strcmp(col, "scope") == 0)
        return TDKT_V_SCOPE;
    if (strcmp(col, "absence") == 0)
        return TDKT_V_ABSENCE;
    if (strcmp(col, "category") == 0)
        return TDKT_V_CATEGORY;
    if (strcmp(col, "gender") == 0)
        return TDKT_V_GENDER;
    if (strcmp(col, "kind") == 0)
        return strcmp(table, "units") == 0 ? TDKT_V_UNIT_KIND
               : strcmp(table, "initiatives") == 0 ? TDKT_V_INIT_KIND
                                                   : TDKT_V_KIND;
    return -1;
}

typedef struct case_ctx {
    lua_State *L;
    sqlite3 *db;
    const char *subject_type, *subject_id;
    char err[600];
    bool oom; /* the host ran out of memory: no verdict on the case */
} case_ctx;

/* Insert the row at the top of the stack into table t, with defaults. */
static int insert_row(case_ctx *c, const table_def *t,
                      const char *const *dflt_cols,
                      const char *const *dflt_vals)
{
    lua_State *L = c->L;
    int row = lua_gettop(L);
    if (!lua_istable(L, row)) {
        snprintf(c->err, sizeof c->err,
                 TDKT_MSG("%s: mỗi dòng phải là một bảng { … }",
                          "%s: each row is a table"),
                 t->name);
        return -1;
    }
    const char *cols[16];
    const char *vals[16];
    char num[16][32];
    int n = 0;
    for (int k = 0; t->cols[k]; k++) {
        lua_getfield(L, row, t->cols[k]);
        const char *v = NULL;
        if (lua_type(L, -1) == LUA_TBOOLEAN) {
            snprintf(num[n], sizeof num[n], "%d", lua_toboolean(L, -1));
            v = num[n];
        } else if (lua_type(L, -1) == LUA_TNUMBER) {
            snprintf(num[n], sizeof num[n], "%lld",
                     (long long)lua_tointeger(L, -1));
            v = num[n];
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            v = lua_tostring(L, -1);
        }
        lua_pop(L, 1); /* strings stay alive: held by the row table */
        if (!v)
            for (int d = 0; dflt_cols && dflt_cols[d]; d++)
                if (strcmp(dflt_cols[d], t->cols[k]) == 0)
                    v = dflt_vals[d];
        if (!v)
            continue;
        int dom = code_domain(t->name, t->cols[k]);
        if (dom >= 0) {
            int code = tdkt_vocab_lookup((tdkt_vocab_domain)dom, v);
            if (code < 0) {
                snprintf(c->err, sizeof c->err,
                         TDKT_MSG("%s.%s: mã '%s' không hợp lệ",
                                  "%s.%s: unknown code '%s'"),
                         t->name, t->cols[k], v);
                return -1;
            }
            v = tdkt_vocab_code((tdkt_vocab_domain)dom, code);
        }
        cols[n] = t->cols[k];
        vals[n++] = v;
    }
    /* Unknown columns are a typo: say so, as import would. */
    lua_pushnil(L);
    while (lua_next(L, row)) {
        lua_pop(L, 1);
        bool known = false;
        const char *key = lua_tostring(L, -1);
        for (int k = 0; key && t->cols[k] && !known; k++)
            known = strcmp(t->cols[k], key) == 0;
        if (!known) {
            snprintf(c->err, sizeof c->err,
                     TDKT_MSG("%s: không có cột '%s'",
                              "%s: unknown column '%s'"),
                     t->name, key ? key : "?");
            lua_pop(L, 1);
            return -1;
        }
    }
    tdkt_buf sql = {0};
    tdkt_buf_printf(&sql, "INSERT INTO %s(", t->name);
    for (int k = 0; k < n; k++)
        tdkt_buf_printf(&sql, "%s%s", k ? "," : "", cols[k]);
    tdkt_buf_puts(&sql, ") VALUES(");
    for (int k = 0; k < n; k++)
        tdkt_buf_printf(&sql, "%s?", k ? "," : "");
    tdkt_buf_puts(&sql, ")");
    if (sql.oom) {
        tdkt_buf_free(&sql);
        c->oom = true;
        snprintf(c->err, sizeof c->err, "out of memory");
        return -1;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c->db, tdkt_buf_cstr(&sql), -1, &st, NULL);
    tdkt_buf_free(&sql);
    for (int k = 0; rc == SQLITE_OK && k < n; k++)
        rc = sqlite3_bind_text(st, k + 1, vals[k], -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_NOMEM)
        c->oom = true; /* a value left unbound would be a wrong record */
    if (rc != SQLITE_DONE) {
        snprintf(c->err, sizeof c->err, "%s: %s", t->name,
                 sqlite3_errmsg(c->db));
        return -1;
    }
    return 0;
}

static int insert_list(case_ctx *c, int body, const table_def *t,
                       const char *const *dc, const char *const *dv)
{
    lua_State *L = c->L;
    if (lua_getfield(L, body, t->name) == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    int list = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, list);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        int rc = insert_row(c, t, dc, dv);
        lua_pop(L, 1);
        if (rc < 0)
            return -1;
    }
    lua_pop(L, 1);
    return 0;
}

static const table_def *table_named(const char *name)
{
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

static int build_records(case_ctx *c, int body, char *form, size_t nform,
                         int *year)
{
    lua_State *L = c->L;
    lua_getfield(L, body, "form");
    lua_getfield(L, body, "year");
    if (!lua_isstring(L, -2) || !lua_isinteger(L, -1)) {
        lua_pop(L, 2);
        snprintf(c->err, sizeof c->err, "%s",
                 TDKT_MSG("mỗi ca cần có form = \"mã\" và year = YYYY",
                          "a case needs form = \"code\" and "
                          "year = YYYY"));
        return -1;
    }
    snprintf(form, nform, "%s", lua_tostring(L, -2));
    *year = (int)lua_tointeger(L, -1);
    lua_pop(L, 2);
    char yeartext[8];
    snprintf(yeartext, sizeof yeartext, "%d", *year);

    /* The subject. */
    bool is_unit = lua_getfield(L, body, "unit") == LUA_TTABLE;
    if (!is_unit) {
        lua_pop(L, 1);
        lua_getfield(L, body, "person");
        if (!lua_istable(L, -1)) {
            lua_pop(L, 1);
            lua_newtable(L); /* a person with every default */
        }
    }
    int subj = lua_gettop(L);
    lua_getfield(L, subj, "id");
    c->subject_id = lua_isstring(L, -1) ? lua_tostring(L, -1)
                                        : (is_unit ? "T1" : "P1");
    lua_pop(L, 1);
    c->subject_type = is_unit ? "unit" : "person";

    /* U1 exists unless the case defines a unit of that id. */
    bool has_u1 = is_unit && strcmp(c->subject_id, "U1") == 0;
    if (lua_getfield(L, body, "units") == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            lua_getfield(L, -1, "id");
            has_u1 |= lua_isstring(L, -1) && strcmp(lua_tostring(L, -1),
                                                    "U1") == 0;
            lua_pop(L, 2);
        }
    }
    lua_pop(L, 1);
    static const char *const ucols[] = {"id", "name", "kind", NULL};
    if (!has_u1) {
        static const char *const u1[] = {"U1", "Đơn vị thử", "agency"};
        lua_newtable(L);
        if (insert_row(c, table_named("units"), ucols, u1) < 0)
            return -1;
        lua_pop(L, 1);
    }
    static const char *const dunit[] = {"?", "Đơn vị thử", "agency"};
    if (insert_list(c, body, table_named("units"), ucols + 1, dunit + 1) <
        0)
        return -1;
    if (is_unit) {
        const char *const tv[] = {c->subject_id, "Tập thể thử", "agency"};
        lua_pushvalue(L, subj);
        if (insert_row(c, table_named("units"), ucols, tv) < 0)
            return -1;
        lua_pop(L, 1);
    }
    static const char *const pcols[] = {"full_name", "unit_id", "is_leader",
                                        NULL};
    static const char *const pvals[] = {"Người thử", "U1", "0"};
    if (!is_unit) {
        static const char *const pc[] = {"id", "full_name", "unit_id",
                                         "is_leader", NULL};
        const char *const pv[] = {c->subject_id, "Người thử", "U1", "0"};
        lua_pushvalue(L, subj);
        if (insert_row(c, table_named("people"), pc, pv) < 0)
            return -1;
        lua_pop(L, 1);
    }
    if (insert_list(c, body, table_named("people"), pcols, pvals) < 0)
        return -1;
    lua_pop(L, 1); /* subject */

    static const char *const scols[] = {"subject_type", "subject_id", NULL};
    const char *const svals[] = {c->subject_type, c->subject_id};
    static const char *const icols[] = {"person_id", NULL};
    const char *const ivals[] = {c->subject_id};
    if (insert_list(c, body, table_named("appraisals"), scols, svals) < 0 ||
        insert_list(c, body, table_named("honours"), scols, svals) < 0 ||
        insert_list(c, body, table_named("initiatives"), icols, ivals) < 0 ||
        insert_list(c, body, table_named("disciplines"), scols, svals) < 0 ||
        insert_list(c, body, table_named("facts"), scols, svals) < 0)
        return -1;

    /* The nominations: listed, or one made from the case. */
    static const char *const ncols[] = {"subject_type", "subject_id", "code",
                                        "year", NULL};
    const char *const nvals[] = {c->subject_type, c->subject_id, form,
                                 yeartext};
    if (lua_getfield(L, body, "nominations") == LUA_TTABLE) {
        lua_pop(L, 1);
        return insert_list(c, body, table_named("nominations"), ncols, nvals);
    }
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushliteral(L, "CASE");
    lua_setfield(L, -2, "id");
    static const char *const opt[] = {"kind", "submitted", "campaign", NULL};
    for (int k = 0; opt[k]; k++) {
        lua_getfield(L, body, opt[k]);
        lua_setfield(L, -2, opt[k]);
    }
    int rc = insert_row(c, table_named("nominations"), ncols, nvals);
    lua_pop(L, 1);
    return rc;
}

/* ------------------------------------------------------------ checking */
/* A case is judged by the set under test, whatever its date: one whose
 * nomination is dated (`submitted`) when the set is not in force would
 * test a judgement no evaluation makes. */
static bool submitted_outside(const tdkt_index *ix, const tdkt_ruleset *rs,
                              tdkt_buf *msg)
{
    for (size_t i = 0; i < ix->nnoms; i++) {
        tdkt_date d = ix->noms[i].submitted;
        if (!d || (d >= rs->from && (!rs->to || d <= rs->to)))
            continue;
        char day[16], from[16], to[16] = "";
        tdkt_date_format(day, d);
        tdkt_date_format(from, rs->from);
        if (rs->to)
            tdkt_date_format(to, rs->to);
        tdkt_buf_printf(msg,
                        TDKT_MSG("đề nghị %s nộp ngày %s, khi bộ quy tắc %s "
                                 "không có hiệu lực (từ %s%s%s)",
                                 "nomination %s submitted on %s, when rule "
                                 "set %s is not in force (from %s%s%s)"),
                        ix->noms[i].id, day, rs->id, from,
                        rs->to ? TDKT_MSG(" đến ", " to ") : "", to);
        return true;
    }
    return false;
}


static const char *outcome_word(int o)
{
    return tdkt_outcome_code(o);
}

/* Compare one result with the expectation at the top of the stack (an
 * outcome string). Appends mismatches to msg. */
static void expect_outcome(lua_State *L, const tdkt_results *res, size_t i,
                           tdkt_buf *msg)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    const char *want = lua_tostring(L, -1);
    if (!want || strcmp(want, outcome_word(v.outcome)) == 0)
        return;
    tdkt_buf_printf(msg,
                    TDKT_MSG("%s%s: mong đợi %s, nhận được %s",
                             "%s%s: expected %s, got %s"),
                    msg->len ? "; " : "", v.nomination, want,
                    outcome_word(v.outcome));
    if (v.message)
        tdkt_buf_printf(msg, " (%s)", v.message);
    else {
        bool first = true;
        for (size_t k = 0; k < v.nnodes; k++) {
            tdkt_criterion_view c;
            tdkt_result_node(res, i, k, TDKT_LANG_EN, &c);
            if (strcmp(c.kind, "criterion") != 0 ||
                (c.result != TDKT_FAIL && c.result != TDKT_UNKNOWN))
                continue;
            tdkt_buf_printf(msg, "%s%s %s: %s", first ? " (" : "; ", c.id,
                            tdkt_result_code(c.result), c.detail);
            first = false;
        }
        if (!first)
            tdkt_buf_puts(msg, ")");
    }
}

static void expect_criteria(lua_State *L, int want, const tdkt_results *res,
                            size_t i, tdkt_buf *msg)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    lua_pushnil(L);
    while (lua_next(L, want)) {
        const char *id = lua_tostring(L, -2);
        const char *exp = lua_tostring(L, -1);
        bool found = false;
        for (size_t k = 0; k < v.nnodes && id; k++) {
            tdkt_criterion_view c;
            tdkt_result_node(res, i, k, TDKT_LANG_EN, &c);
            if (strcmp(c.id, id) != 0)
                continue;
            found = true;
            const char *got = c.result < 0 ? "not judged"
                                           : tdkt_result_code(c.result);
            if (exp && strcmp(exp, got) == 0)
                continue;
            tdkt_buf_printf(msg,
                            TDKT_MSG("%stiêu chí %s: mong đợi %s, nhận được "
                                     "%s",
                                     "%scriterion %s: expected %s, got %s"),
                            msg->len ? "; " : "", id, exp ? exp : "?",
                            c.result < 0 ? TDKT_MSG("không được xét",
                                                    "not judged")
                                         : got);
            if (c.detail && *c.detail)
                tdkt_buf_printf(msg, " (%s)", c.detail);
        }
        if (!found)
            tdkt_buf_printf(msg,
                            TDKT_MSG("%skhông có tiêu chí '%s' trong hình "
                                     "thức %s",
                                     "%sno criterion '%s' in form %s"),
                            msg->len ? "; " : "", id ? id : "?", v.code);
        lua_pop(L, 1);
    }
}

/* One case being run: what it holds is here, so that its caller frees it
 * even when reading the case's tables raises a Lua error (out of memory
 * in the test file's state) and skips the rest. */
typedef struct case_run {
    const tdkt_rules *rules;
    const tdkt_ruleset *rs;
    lua_Integer index; /* the case's place in the file's list */
    tdkt_buf *msg;     /* why it failed */
    tdkt_store *store;
    tdkt_index *ix;
    tdkt_results *res;
    case_ctx c;
} case_run;

/* What differs between two texts that may be NULL ("" in the views). */
static bool text_differs(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

/*
 * The case judged as `tdkt diff` judges: quietly, without details
 * (tdkt_eval_options.quiet), then every criterion explained again in full
 * (eval/explain.c). Each outcome, result, message and detail must be the
 * full run's @p full: so the prelude's helpers give the same verdict
 * either way, and a rule whose result depends on a detail is caught here,
 * with its case, rather than by a diff. 0, -1 (why in @p msg), or
 * TDKT_ENOMEM.
 */
static int check_quiet(case_run *cr, tdkt_eval_options opt,
                       const tdkt_results *full, tdkt_buf *msg)
{
    opt.quiet = true;
    tdkt_results *q = NULL;
    int error = eval_run(&q, cr->ix, cr->rules, cr->rs, &opt);
    if (error < 0) {
        tdkt_buf_printf(msg, "%s%s", msg->len ? "; " : "",
                        tdkt_error_last()->message);
        return error == TDKT_ENOMEM ? error : -1;
    }
    size_t n = tdkt_results_count(q);
    uint8_t **want = calloc(n ? n : 1, sizeof *want);
    if (!want) {
        tdkt_results_free(q);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n && q->quiet; i++) {
        const res_item *it = &q->items[i];
        if (!it->form || !it->result)
            continue;
        if (!(want[i] = malloc((size_t)it->form->nnodes))) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        memset(want[i], 1, (size_t)it->form->nnodes); /* every one */
    }
    if (error == TDKT_OK && q->quiet &&
        (error = eval_explain(q, want)) < 0 &&
        error != TDKT_ENOMEM) {
        tdkt_buf_printf(msg, "%s%s", msg->len ? "; " : "",
                        tdkt_error_last()->message);
        error = -1;
    }
    for (size_t i = 0; error == TDKT_OK && i < n; i++) {
        tdkt_result_view a, b;
        tdkt_result_get(full, i, &a);
        tdkt_result_get(q, i, &b);
        const char *what = NULL;
        if (a.outcome != b.outcome)
            what = tdkt_outcome_code(b.outcome);
        else if (text_differs(a.message, b.message))
            what = b.message;
        for (size_t k = 0; !what && k < a.nnodes && a.nnodes == b.nnodes;
             k++) {
            tdkt_criterion_view x, y;
            tdkt_result_node(full, i, k, TDKT_LANG_VI, &x);
            tdkt_result_node(q, i, k, TDKT_LANG_VI, &y);
            if (x.result != y.result || text_differs(x.detail, y.detail)) {
                tdkt_buf_printf(msg,
                                TDKT_MSG("%s%s, tiêu chí '%s': xét không kèm "
                                         "giải thích (như tdkt diff) rồi "
                                         "giải thích lại được %s \"%s\", "
                                         "xét đầy đủ được %s \"%s\"",
                                         "%s%s, criterion '%s': judged "
                                         "without details (as tdkt diff "
                                         "does), then explained, it gives "
                                         "%s \"%s\"; judged in full, %s "
                                         "\"%s\""),
                                msg->len ? "; " : "", a.nomination, x.id,
                                y.result < 0 ? "-" : tdkt_result_code(y.result),
                                y.detail,
                                x.result < 0 ? "-" : tdkt_result_code(x.result),
                                x.detail);
                error = -1;
            }
        }
        if (what) {
            tdkt_buf_printf(msg,
                            TDKT_MSG("%s%s: xét không kèm giải thích (như "
                                     "tdkt diff) được %s, xét đầy đủ được %s",
                                     "%s%s: judged without details (as tdkt "
                                     "diff does) it gives %s; judged in full, "
                                     "%s"),
                            msg->len ? "; " : "", a.nomination, what,
                            a.message ? a.message
                                      : tdkt_outcome_code(a.outcome));
            error = -1;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(want[i]);
    free(want);
    tdkt_results_free(q);
    return error;
}

/* The case, under rt_protected: 0 passed, -1 failed (why in msg), or
 * TDKT_ENOMEM. */
static int case_protected(rt *r, void *ud)
{
    case_run *cr = ud;
    lua_State *L = r->L;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &CASES_KEY);
    lua_rawgeti(L, -1, cr->index);
    int body = lua_gettop(L);
    tdkt_buf *msg = cr->msg;
    case_ctx *c = &cr->c;
    c->L = L;
    c->db = tdkt_store_sqlite(cr->store);
    char form[64];
    int year = 0;
    /* A BEGIN refused for memory would leave the records to autocommit
     * and the COMMIT to blame the case: its code is kept for run_case. */
    if (sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        c->oom = sqlite3_errcode(c->db) == SQLITE_NOMEM;
        tdkt_buf_printf(msg, TDKT_MSG("hồ sơ: %s", "records: %s"),
                        sqlite3_errmsg(c->db));
        return -1;
    }
    if (build_records(c, body, form, sizeof form, &year) < 0) {
        tdkt_buf_puts(msg, c->err);
        return -1;
    }
    if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        tdkt_buf_printf(msg, TDKT_MSG("hồ sơ: %s", "records: %s"),
                        sqlite3_errmsg(c->db));
        return -1;
    }
    int error = tdkt_index_load(&cr->ix, cr->store);
    if (error < 0) {
        tdkt_buf_puts(msg, tdkt_error_last()->message);
        return error == TDKT_ENOMEM ? error : -1;
    }
    if (submitted_outside(cr->ix, cr->rs, msg))
        return -1;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    /* A case expects texts in one language, Vietnamese unless it says
     * lang = "en": the language of the report must not change
     * what a case judges. */
    lua_getfield(L, body, "lang");
    const char *case_lang = lua_tostring(L, -1);
    opt.lang = TDKT_LANG_VI;
    if (case_lang && tdkt_lang_parse(&opt.lang, case_lang) < 0) {
        tdkt_buf_printf(msg,
                        TDKT_MSG("lang = \"%s\": mỗi ca chỉ được xét bằng "
                                 "\"vi\" hoặc \"en\"",
                                 "lang = \"%s\": a case is judged in "
                                 "\"vi\" or \"en\""),
                        case_lang);
        lua_pop(L, 1);
        return -1;
    }
    lua_pop(L, 1);
    lua_getfield(L, body, "time_limit_ms");
    opt.time_limit_ms = (unsigned)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if ((error = eval_run(&cr->res, cr->ix, cr->rules, cr->rs, &opt)) < 0) {
        tdkt_buf_puts(msg, tdkt_error_last()->message);
        return error == TDKT_ENOMEM ? error : -1;
    }
    lua_getfield(L, body, "expect");
    if (lua_istable(L, -1)) {
        /* { N1 = "eligible", … } */
        for (size_t i = 0; i < tdkt_results_count(cr->res); i++) {
            tdkt_result_view v;
            tdkt_result_get(cr->res, i, &v);
            lua_getfield(L, -1, v.nomination);
            expect_outcome(L, cr->res, i, msg);
            lua_pop(L, 1);
        }
    } else if (tdkt_results_count(cr->res) > 1) {
        /* One outcome for every nomination of the case. */
        for (size_t i = 0; i < tdkt_results_count(cr->res); i++)
            expect_outcome(L, cr->res, i, msg);
        lua_getfield(L, body, "criteria");
        if (!lua_isnil(L, -1))
            tdkt_buf_printf(msg,
                            TDKT_MSG("%scriteria = {…} chỉ dùng được khi ca "
                                     "có đúng một đề nghị",
                                     "%scriteria = {…} needs a single "
                                     "nomination"),
                            msg->len ? "; " : "");
        lua_pop(L, 1);
    } else if (tdkt_results_count(cr->res) == 1) {
        expect_outcome(L, cr->res, 0, msg);
        lua_getfield(L, body, "criteria");
        if (lua_istable(L, -1))
            expect_criteria(L, lua_gettop(L), cr->res, 0, msg);
        lua_pop(L, 1);
        lua_getfield(L, body, "message");
        tdkt_result_view v;
        tdkt_result_get(cr->res, 0, &v);
        if (lua_isstring(L, -1) &&
            (!v.message || !strstr(v.message, lua_tostring(L, -1))))
            tdkt_buf_printf(msg,
                            TDKT_MSG("%smessage: mong đợi có chứa '%s', nhận "
                                     "được '%s'",
                                     "%smessage: expected to contain '%s', "
                                     "got '%s'"),
                            msg->len ? "; " : "", lua_tostring(L, -1),
                            v.message ? v.message : "");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!msg->len && (error = check_quiet(cr, opt, cr->res, msg)) == TDKT_ENOMEM)
        return error;
    return msg->len ? -1 : 0;
}

/* Run one case: 0 passed, -1 failed (why in @p msg), or TDKT_ENOMEM when
 * the host ran out of memory, which is no verdict on the case. */
static int run_case(rt *r, const tdkt_rules *rules, const tdkt_ruleset *rs,
                    lua_Integer index, tdkt_buf *msg)
{
    case_run cr = {.rules = rules, .rs = rs, .index = index, .msg = msg};
    int error = tdkt_store_open(&cr.store, ":memory:", TDKT_STORE_WRITE);
    if (error < 0) {
        if (error == TDKT_ENOMEM)
            return error;
        tdkt_buf_puts(msg, tdkt_error_last()->message);
        return -1;
    }
    int top = lua_gettop(r->L);
    error = rt_protected(r, case_protected, &cr);
    lua_settop(r->L, top);
    if (error < 0 && error != -1 && error != TDKT_ENOMEM)
        /* a Lua error reading the case (its own memory cap) */
        tdkt_buf_printf(msg, "%s%s", msg->len ? "; " : "",
                        tdkt_error_last()->message);
    if (error < 0)
        error = error == TDKT_ENOMEM || msg->oom || cr.c.oom ||
                        sqlite3_errcode(tdkt_store_sqlite(cr.store)) ==
                            SQLITE_NOMEM
                    ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                    : -1;
    tdkt_results_free(cr.res);
    tdkt_index_free(cr.ix);
    tdkt_store_close(cr.store);
    return error;
}

/* A test file's state: the list its cases go to, and case "…" { … }
 * (under rt_protected: it allocates). */
static int setup_cases(rt *r, void *ud)
{
    (void)ud;
    lua_newtable(r->L);
    lua_rawsetp(r->L, LUA_REGISTRYINDEX, &CASES_KEY);
    lua_pushcfunction(r->L, case_ctor);
    rt_set_global(r->L, "case");
    return TDKT_OK;
}

int tdkt_ruleset_check(const tdkt_rules *rules, const tdkt_ruleset *rs,
                       tdkt_check_summary *summary,
                       tdkt_diags *diags)
{
    memset(summary, 0, sizeof *summary);
    /* A set whose dates overlap another's of its jurisdiction would stop
     * every eval by date over its rules root: a failure of the set, as
     * one that does not load. */
    size_t overlaps = 0;
    int error = rs_check_siblings(rs, diags, &overlaps);
    if (error < 0)
        return error;
    summary->failed += overlaps;
    for (size_t f = 0; f < rs->ntests; f++) {
        rt_limits lim;
        rt_default_limits(&lim);
        rt *r = NULL;
        error = rt_new_bare(&r, &lim);
        if (error < 0)
            return error;
        lua_State *L = r->L;
        if ((error = rt_protected(r, setup_cases, NULL)) < 0) {
            rt_free(r);
            return error;
        }
        size_t len = 0;
        char *buf = rs_read_file(rs->tests[f], &len, 16u << 20);
        char chunk[512];
        rs_chunkname(chunk, sizeof chunk, rs->tests[f]);
        rt_arm(r);
        int status = buf ? rt_load_chunk(L, buf, len, chunk) : LUA_ERRFILE;
        if (status == LUA_OK)
            status = rt_pcall(r, 0, 0);
        rt_disarm(r);
        free(buf);
        bool no_memory = r->host_oom ||
                         (!buf && tdkt_error_last()->code == TDKT_ENOMEM);
        if (status != LUA_OK && no_memory) {
            rt_free(r);
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        }
        if (status != LUA_OK) {
            /* Lua's own message ("'}' expected near …") in the language
             * of the report, as a form file's is */
            char why[1024];
            rt_lua_message(why, sizeof why,
                           buf || status != LUA_ERRFILE
                               ? lua_tostring(L, -1)
                               : tdkt_error_last()->message,
                           tdkt_message_lang());
            error = tdkt_diags_add(diags, rs->tests[f], 0, NULL, "%s", why);
            summary->failed++;
            rt_free(r);
            if (error < 0)
                return error;
            continue;
        }
        lua_rawgetp(L, LUA_REGISTRYINDEX, &CASES_KEY);
        int cases = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, cases);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, cases, i);
            int body = lua_gettop(L);
            tdkt_buf msg = {0};
            int rc = run_case(r, rules, rs, i, &msg);
            if (rc == 0) {
                summary->passed++;
            } else if (rc == -1) {
                summary->failed++;
                lua_getfield(L, body, "__name");
                lua_getfield(L, body, "__line");
                rc = tdkt_diags_add(diags, rs->tests[f],
                                    (long)lua_tointeger(L, -1), NULL,
                                    TDKT_MSG("ca '%s': %s", "case '%s': %s"),
                                    lua_tostring(L, -2),
                                    tdkt_buf_cstr(&msg));
                lua_pop(L, 2);
            }
            tdkt_buf_free(&msg);
            lua_settop(L, cases);
            if (rc == TDKT_ENOMEM) { /* the host's memory, not the case */
                rt_free(r);
                return rc;
            }
        }
        rt_free(r);
    }
    return summary->failed ? TDKT_ERULE : TDKT_OK;
}
