/*
 * Saving a run: the run, each rule set it used with its SHA-256, each form
 * once with its criteria, a compact row per decision, then each distinct
 * detail text once (the decisions refer to them by number: a run of
 * 100,000 nominations has over a million details but some 20,000 distinct
 * ones). All in one transaction, with statements prepared once and
 * buffers reused for every row: no allocation and no escaping per
 * decision (the dictionary copies each distinct text once).
 *
 * Decisions go BATCH rows per INSERT statement (the rest one by one): the
 * per-statement work of SQLite (reset, cursors, halt) is then shared, a
 * third of the instructions of a save with a row per statement.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/msg.h"
#include "decisions/decisions_internal.h"

/* The trigger closing saved runs to new decisions (schema_sealed_decisions.sql). */
extern const char *const tdkt__schema_sealed_decisions_sql;

/* The rule sets or forms recorded so far. A run uses a few dozen at most,
 * so a list searched from the start is enough. */
typedef struct seen {
    const void **ptr;
    size_t n, cap;
} seen;

static long seen_find(const seen *s, const void *p)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->ptr[i] == p)
            return (long)i;
    return -1;
}

static int seen_add(seen *s, const void *p)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        const void **q = realloc(s->ptr, cap * sizeof *q);
        if (!q)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        s->ptr = q;
        s->cap = cap;
    }
    s->ptr[s->n++] = p;
    return TDKT_OK;
}

#define BATCH 32
#define DECISION_COLUMNS                                                     \
    "run_id, nomination_id, subject_type, subject_id, code, year, ruleset, " \
    "form, outcome, message, result, kind"
#define NCOLUMNS 12

typedef struct saver {
    sqlite3 *db;
    const tdkt_results *res;
    int64_t run;
    sqlite3_stmt *set, *form, *node;
    sqlite3_stmt *batch, *one; /* BATCH decisions, one decision */
    seen sets, forms;
    saved_dict details; /* the run's dictionary, numbered as stored */
    tdkt_buf blob[BATCH]; /* each row's result, alive until the step */
} saver;

/* What failed, before the database's own message. */
#define SAVING TDKT_MSG("lưu các quyết định", "saving decisions")

static int prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, SAVING);
    return TDKT_OK;
}

/* Every parameter is bound again before each step, so no clearing. */
static int step(sqlite3 *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(db, SAVING);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* The set and every parent it extends, the first time the run meets it
 * (a parent met before has had its own parents recorded). */
static int record_sets(saver *sv, const tdkt_ruleset *rs)
{
    int error = TDKT_OK;
    for (const tdkt_ruleset *s = rs; s && error == TDKT_OK;
         s = tdkt_ruleset_parent(s)) {
        if (seen_find(&sv->sets, s) >= 0)
            break;
        if ((error = seen_add(&sv->sets, s)) < 0)
            break;
        sqlite3_bind_int64(sv->set, 1, sv->run);
        bind_text(sv->set, 2, tdkt_ruleset_id(s));
        bind_text(sv->set, 3, tdkt_ruleset_dir(s));
        bind_text(sv->set, 4, tdkt_ruleset_sha256(s));
        error = step(sv->db, sv->set);
    }
    return error;
}

/* Form @p v->form, its number in the run; recorded with its criteria the
 * first time, from result @p i (the nodes' views, in both languages). */
static int record_form(saver *sv, size_t i, const tdkt_result_view *v,
                       int *number)
{
    const tdkt_form *f = v->form;
    long k = seen_find(&sv->forms, f);
    if (k >= 0) {
        *number = (int)k + 1;
        return TDKT_OK;
    }
    int error = seen_add(&sv->forms, f);
    if (error < 0)
        return error;
    *number = (int)sv->forms.n;
    sqlite3_bind_int64(sv->form, 1, sv->run);
    sqlite3_bind_int(sv->form, 2, *number);
    bind_text(sv->form, 3, tdkt_ruleset_id(v->ruleset));
    bind_text(sv->form, 4, tdkt_vocab_code(TDKT_V_AWARD, f->award));
    bind_text(sv->form, 5, f->subject == TDKT_UNIT ? "unit" : "person");
    bind_text(sv->form, 6, f->name_vi);
    bind_text(sv->form, 7, f->name_en);
    bind_text(sv->form, 8, f->file);
    if ((error = step(sv->db, sv->form)) < 0)
        return error;
    for (int n = 0; n < f->nnodes && error == TDKT_OK; n++) {
        tdkt_criterion_view vi, en;
        tdkt_result_node(sv->res, i, (size_t)n, TDKT_LANG_VI, &vi);
        tdkt_result_node(sv->res, i, (size_t)n, TDKT_LANG_EN, &en);
        sqlite3_stmt *st = sv->node;
        sqlite3_bind_int64(st, 1, sv->run);
        sqlite3_bind_int(st, 2, *number);
        sqlite3_bind_int(st, 3, n);
        bind_text(st, 4, vi.id);
        bind_text(st, 5, vi.kind);
        if (f->nodes[n].parent >= 0)
            sqlite3_bind_int(st, 6, f->nodes[n].parent);
        else
            sqlite3_bind_null(st, 6);
        sqlite3_bind_int(st, 7, vi.depth);
        bind_text(st, 8, vi.basis);
        bind_text(st, 9, vi.status);
        bind_text(st, 10, vi.text);
        bind_text(st, 11, en.text);
        error = step(sv->db, st);
    }
    return error;
}

/* Bind decision @p i as row @p row of @p st (recording its rule sets and
 * form first if the run has not met them yet). */
static int bind_decision(saver *sv, size_t i, sqlite3_stmt *st, int row)
{
    tdkt_result_view v;
    tdkt_result_get(sv->res, i, &v);
    int error = TDKT_OK, form = 0;
    if (v.ruleset && (error = record_sets(sv, v.ruleset)) < 0)
        return error;
    if (v.form && (error = record_form(sv, i, &v, &form)) < 0)
        return error;
    int c = row * NCOLUMNS;
    sqlite3_bind_int64(st, c + 1, sv->run);
    bind_text(st, c + 2, v.nomination);
    bind_text(st, c + 3, v.subject_type);
    bind_text(st, c + 4, v.subject_id);
    bind_text(st, c + 5, v.code);
    sqlite3_bind_int(st, c + 6, v.year);
    bind_text(st, c + 7, v.ruleset ? tdkt_ruleset_id(v.ruleset) : NULL);
    if (form)
        sqlite3_bind_int(st, c + 8, form);
    else
        sqlite3_bind_null(st, c + 8);
    bind_text(st, c + 9, tdkt_outcome_code(v.outcome));
    bind_text(st, c + 10, v.message);
    bind_text(st, c + 12, v.kind);
    if (!v.nnodes) {
        sqlite3_bind_null(st, c + 11);
        return TDKT_OK;
    }
    tdkt_buf *blob = &sv->blob[row];
    if ((error = saved_encode(blob, &sv->res->items[i], v.nnodes, form,
                              &sv->details)) < 0)
        return error;
    sqlite3_bind_blob(st, c + 11, blob->ptr, (int)blob->len, SQLITE_STATIC);
    return TDKT_OK;
}

/* INSERT INTO decisions … VALUES (?,…), … for @p rows rows. */
static int prepare_insert(sqlite3 *db, int rows, sqlite3_stmt **st)
{
    tdkt_buf sql = {0};
    tdkt_buf_puts(&sql, "INSERT INTO decisions(" DECISION_COLUMNS ") VALUES ");
    for (int r = 0; r < rows; r++)
        tdkt_buf_puts(&sql, r ? ",(?,?,?,?,?,?,?,?,?,?,?,?)"
                              : "(?,?,?,?,?,?,?,?,?,?,?,?)");
    int error = sql.oom ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                        : prepare(db, st, tdkt_buf_cstr(&sql));
    tdkt_buf_free(&sql);
    return error;
}

static int record_decisions(saver *sv)
{
    size_t n = tdkt_results_count(sv->res), i = 0;
    int error = TDKT_OK;
    for (; error == TDKT_OK && i + BATCH <= n; i += BATCH) {
        for (int r = 0; r < BATCH && error == TDKT_OK; r++)
            error = bind_decision(sv, i + (size_t)r, sv->batch, r);
        if (error == TDKT_OK)
            error = step(sv->db, sv->batch);
    }
    for (; error == TDKT_OK && i < n; i++)
        if ((error = bind_decision(sv, i, sv->one, 0)) == TDKT_OK)
            error = step(sv->db, sv->one);
    return error;
}

/* The run's details, once each in the order of their numbers. */
static int record_details(saver *sv)
{
    sqlite3_stmt *st = NULL;
    int error = prepare(sv->db, &st,
                        "INSERT INTO run_details(run_id, texts) VALUES(?,?)");
    if (error < 0)
        return error;
    tdkt_buf texts = {0};
    for (uint32_t n = 0; n < sv->details.set.count; n++) {
        const tdkt__strset_entry *e = tdkt__strset_at(&sv->details.set, n);
        tdkt_buf_put(&texts, e->s, e->len + 1); /* with its zero byte */
    }
    if (texts.oom) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    } else if (texts.len > INT_MAX) {
        error = tdkt_error_set(TDKT_EDB,
                               TDKT_MSG("lưu các quyết định: các nội dung "
                                        "giải thích khác nhau vượt quá 2 GB",
                                        "saving decisions: over 2 GB of "
                                        "distinct details"));
    } else {
        sqlite3_bind_int64(st, 1, sv->run);
        sqlite3_bind_blob(st, 2, texts.len ? texts.ptr : "", (int)texts.len,
                          SQLITE_STATIC);
        error = step(sv->db, st);
    }
    sqlite3_finalize(st);
    tdkt_buf_free(&texts);
    return error;
}

/* Close the run, last in its transaction: from then on its tables take no
 * row of it (schema_sealed.sql), so nobody adds to what it decided. */
static int seal(sqlite3 *db, int64_t run)
{
    sqlite3_stmt *st = NULL;
    int error = prepare(db, &st, "INSERT INTO run_sealed(run_id) VALUES(?)");
    if (error == TDKT_OK) {
        sqlite3_bind_int64(st, 1, run);
        error = step(db, st);
    }
    sqlite3_finalize(st);
    return error;
}

int tdkt_decisions_save(tdkt_store *store, const tdkt_results *res,
                        const char *rules, const char *options,
                        int64_t *run_id)
{
    saver sv = {.db = tdkt_store_sqlite(store), .res = res};
    sqlite3_stmt *run = NULL;
    int error = tdkt_store_begin_write(store);
    if (error < 0)
        return error;
    /* The trigger that closes saved runs would run for every decision;
     * lifted for this transaction only (set again before the commit, and
     * by the rollback of a failure), before any statement is prepared. */
    if ((error = tdkt_store_exec(store, "DROP TRIGGER decisions_sealed")) < 0)
        goto done;
    char started[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if ((error = prepare(sv.db, &run,
                         "INSERT INTO runs(started, engine, rules, options, "
                         "count, records) VALUES(?,?,?,?,?,?)")) < 0 ||
        (error = prepare(sv.db, &sv.set,
                         "INSERT OR IGNORE INTO run_rulesets(run_id, "
                         "ruleset, dir, sha256) VALUES(?,?,?,?)")) < 0 ||
        (error = prepare(sv.db, &sv.form,
                         "INSERT INTO run_forms(run_id, form, ruleset, code, "
                         "subject_type, name_vi, name_en, file) "
                         "VALUES(?,?,?,?,?,?,?,?)")) < 0 ||
        (error = prepare(sv.db, &sv.node,
                         "INSERT INTO run_criteria(run_id, form, node, id, "
                         "kind, parent, depth, basis, status, vi, en) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?)")) < 0 ||
        (error = prepare_insert(sv.db, BATCH, &sv.batch)) < 0 ||
        (error = prepare_insert(sv.db, 1, &sv.one)) < 0)
        goto done;
    bind_text(run, 1, started);
    bind_text(run, 2, tdkt_build());
    bind_text(run, 3, rules);
    bind_text(run, 4, options ? options : "{}");
    sqlite3_bind_int64(run, 5, (sqlite3_int64)tdkt_results_count(res));
    /* The records it judged: those of the index's snapshot, which may be
     * older than the store's now. */
    if (res->ix->records_version >= 0)
        sqlite3_bind_int64(run, 6, res->ix->records_version);
    if ((error = step(sv.db, run)) < 0)
        goto done;
    sv.run = sqlite3_last_insert_rowid(sv.db);
    error = record_decisions(&sv);
    if (error == TDKT_OK)
        error = record_details(&sv);
    if (error == TDKT_OK)
        error = tdkt_store_exec(store, tdkt__schema_sealed_decisions_sql);
    if (error == TDKT_OK)
        error = seal(sv.db, sv.run);
    if (error == TDKT_OK && (error = tdkt_store_commit(store)) == TDKT_OK)
        *run_id = sv.run;
done:
    sqlite3_finalize(run);
    sqlite3_finalize(sv.set);
    sqlite3_finalize(sv.form);
    sqlite3_finalize(sv.node);
    sqlite3_finalize(sv.batch);
    sqlite3_finalize(sv.one);
    free(sv.sets.ptr);
    free(sv.forms.ptr);
    saved_dict_free(&sv.details);
    for (int r = 0; r < BATCH; r++)
        tdkt_buf_free(&sv.blob[r]);
    if (error < 0)
        tdkt_store_rollback(store);
    return error;
}
