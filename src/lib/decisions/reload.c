/*
 * A saved run's judgements as results again, for a dry-run to take
 * instead of judging them anew (tdkt_run_results, then tdkt_diff_eval).
 *
 * A saved decision keeps what eval/reuse.c needs of a judgement: its rule
 * set, form, node results and details. A run qualifies only when it
 * judged the very records the index holds (the records version of its
 * snapshot, store version 6), with this very engine build, in the same
 * language, under sets whose files hash as they hash now, with no
 * parameter overridden. reuse.c then takes a decision only where this
 * run would choose the same set and form for the nomination.
 *
 * The form's verdict before quotas is told from the outcome and the quota
 * node: a judged quota node means the form passed. Decisions the verdict
 * does not explain (errors, a kind a person must decide, anything with a
 * message) are left out, and so judged again: an error may depend on the
 * limits and the machine, and its message deserves this run's words. The
 * run's limits (not saved) do not matter otherwise: reaching one always
 * makes the nomination an error (rules/sandbox.c), so the results are
 * given this run's limits, as reuse.c requires.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "decisions/decisions_internal.h"

/* At most this many of the newest runs on the same records are examined. */
#define CANDIDATES 8

/* Did run @p id use only sets that @p rules holds with the same files? */
static int same_sets(sqlite3 *db, int64_t id, const tdkt_rules *rules,
                     bool *same)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT ruleset, sha256 FROM run_rulesets "
                               "WHERE run_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, id);
    int rc;
    *same = true;
    while (*same && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const tdkt_ruleset *rs =
            rs_find(rules, (const char *)sqlite3_column_text(st, 0));
        const char *sha = (const char *)sqlite3_column_text(st, 1);
        *same = rs && sha && strcmp(rs->sha256, sha) == 0;
    }
    int error = *same && rc != SQLITE_DONE ? tdkt_store_fail(db, "runs")
                                           : TDKT_OK;
    sqlite3_finalize(st);
    return error;
}

/* The newest run that qualifies (see the top), or 0. A value SQLite
 * cannot give (out of memory) only rules a run out: the diff then judges
 * side A itself, which costs time, never a wrong answer. */
static int find_run(sqlite3 *db, const tdkt_index *ix,
                    const tdkt_rules *rules, tdkt_lang lang, int64_t *found)
{
    *found = 0;
    sqlite3_stmt *st = NULL;
    /* eval saves its language in its options (cmd_eval.c); options that
     * are not JSON (eval never writes such) name no language */
    if (sqlite3_prepare_v2(db, "SELECT id, engine, CASE WHEN "
                               "json_valid(options) THEN json_extract("
                               "options, '$.lang') END FROM runs WHERE "
                               "records = ? ORDER BY id DESC LIMIT ?",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, ix->records_version);
    sqlite3_bind_int(st, 2, CANDIDATES);
    const char *said = lang == TDKT_LANG_EN ? "en" : "vi";
    int rc, error = TDKT_OK;
    while (!*found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *engine = (const char *)sqlite3_column_text(st, 1);
        const char *run_lang = (const char *)sqlite3_column_text(st, 2);
        bool same = false;
        if (!engine || strcmp(engine, tdkt_build()) != 0 || !run_lang ||
            strcmp(run_lang, said) != 0)
            continue;
        int64_t id = sqlite3_column_int64(st, 0);
        if ((error = same_sets(db, id, rules, &same)) < 0)
            break;
        if (same)
            *found = id;
    }
    if (error == TDKT_OK && !*found && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    return error;
}

/* What a run's form is: run_forms.form k at forms[k - 1] (award or
 * subject -1: not one of this engine's codes). */
typedef struct run_form {
    int award, subject;
} run_form;

static int map_forms(sqlite3 *db, const saved_run *sr, run_form **out)
{
    run_form *forms = malloc((sr->nforms + 1) * sizeof *forms);
    if (!forms)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t k = 0; k < sr->nforms; k++)
        forms[k].award = -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT form, code, subject_type FROM "
                               "run_forms WHERE run_id = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        free(forms);
        return tdkt_store_fail(db, "runs");
    }
    sqlite3_bind_int64(st, 1, sr->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t k = sqlite3_column_int64(st, 0);
        const char *code = (const char *)sqlite3_column_text(st, 1);
        const char *type = (const char *)sqlite3_column_text(st, 2);
        if (k < 1 || (size_t)k > sr->nforms || !code || !type)
            continue;
        forms[k - 1].award = tdkt_vocab_lookup(TDKT_V_AWARD, code);
        forms[k - 1].subject = tdkt_vocab_lookup(TDKT_V_SUBJECT, type);
    }
    int error = rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    if (error < 0)
        free(forms);
    else
        *out = forms;
    return error;
}

/* The verdict that gave @p outcome, or -1 when it does not tell (reuse.c
 * then judges the nomination again). @p result: the nodes' saved results
 * (-1 not judged). */
static int verdict_of(const tdkt_form *f, const int *result, int outcome,
                      bool message)
{
    if (f->quota >= 0 && result[f->quota] >= 0)
        return R_PASS; /* quotas judge only what the form passed */
    if (message)
        return -1;
    return outcome == TDKT_ELIGIBLE     ? R_PASS
           : outcome == TDKT_INELIGIBLE ? R_FAIL
           : outcome == TDKT_REVIEW     ? R_UNKNOWN
                                        : -1;
}

typedef struct loader {
    saved_run sr;
    run_form *forms;
    /* per set of the rules (rs->index), every form it has: the forms a
     * saved judgement may have reached through meets(), which the run did
     * not record (reuse.c then requires them all to be the same) */
    uint32_t *set_forms;
    tdkt_results *res;
    arena *ar;
    const char *texts; /* sr's details text, copied into the arena */
    size_t cap;
} loader;

static int map_set_forms(loader *l)
{
    const tdkt_rules *rules = l->res->rules;
    l->set_forms = calloc(rules->nsets + 1, sizeof *l->set_forms);
    if (!l->set_forms)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t s = 0; s < rules->nsets; s++)
        for (size_t i = 0; i < rules->sets[s]->nforms; i++)
            l->set_forms[s] |= rt_form_bit(&rules->sets[s]->forms[i]);
    return TDKT_OK;
}

/* The form of this run's rules that made the decision in @p st
 * (nomination_id, ruleset, form…), and its set in *rs; NULL: the set is
 * not among them, or the form has other nodes now. */
static const tdkt_form *form_of(const loader *l, sqlite3_stmt *st,
                                const tdkt_ruleset **rs)
{
    int64_t k = sqlite3_column_int64(st, 2);
    if (sqlite3_column_type(st, 2) == SQLITE_NULL || k < 1 ||
        (size_t)k > l->sr.nforms || l->forms[k - 1].award < 0 ||
        l->forms[k - 1].subject < 0)
        return NULL;
    *rs = rs_find(l->res->rules, (const char *)sqlite3_column_text(st, 1));
    const tdkt_form *f =
        *rs ? rs_form(*rs, l->forms[k - 1].award, l->forms[k - 1].subject)
            : NULL;
    return f && (size_t)f->nnodes == l->sr.forms[k - 1].n ? f : NULL;
}

/* Add the decision in @p st (nomination_id, ruleset, form, outcome,
 * message, result) if it can be reused. */
static int add_decision(loader *l, sqlite3_stmt *st)
{
    tdkt_results *res = l->res;
    const char *nom = (const char *)sqlite3_column_text(st, 0);
    int32_t n = nom ? ix_map_get_nom(res->ix, nom) : -1;
    const tdkt_ruleset *rs = NULL;
    const tdkt_form *f = n >= 0 ? form_of(l, st, &rs) : NULL;
    const unsigned char *blob = sqlite3_column_blob(st, 5);
    size_t len = (size_t)sqlite3_column_bytes(st, 5);
    if (!f || sqlite3_column_type(st, 5) != SQLITE_BLOB || !len ||
        blob[0] != SAVED_BLOB_NUMBERED)
        return TDKT_OK; /* not one this run can take */
    if (!saved_decode(&l->sr, blob, len, (size_t)f->nnodes))
        return tdkt_error_set(TDKT_EDB,
                              TDKT_MSG("lần xét %lld: quyết định về đề nghị "
                                       "%s bị hư hỏng",
                                       "run %lld: the decision of %s is "
                                       "damaged"),
                              (long long)l->sr.id, nom);
    int outcome = saved_outcome((const char *)sqlite3_column_text(st, 3));
    int v = verdict_of(f, l->sr.result, outcome,
                       sqlite3_column_type(st, 4) != SQLITE_NULL);
    if (v < 0)
        return TDKT_OK;
    int8_t *result = arena_alloc(l->ar, (size_t)f->nnodes);
    char **detail = arena_alloc(l->ar, (size_t)f->nnodes * sizeof *detail);
    if (!result || !detail)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (int i = 0; i < f->nnodes; i++) {
        int r = l->sr.result[i];
        result[i] = r < 0 ? R_SKIP : (int8_t)r; /* TDKT_PASS is R_PASS… */
        /* schema 4: a judged node's detail is one of the run's texts */
        detail[i] = r < 0 ? NULL
                          : (char *)l->texts +
                                (l->sr.detail[i] - l->sr.details_text);
    }
    res_item *items = tdkt__grow(res->items, res->n, &l->cap,
                                 sizeof *res->items);
    if (!items)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    res->items = items;
    res_item *it = &res->items[res->n++];
    memset(it, 0, sizeof *it);
    it->nom = n;
    it->rs = rs;
    it->form = f;
    it->outcome = (int8_t)outcome;
    it->verdict = (int8_t)v;
    it->forms = l->set_forms[rs->index];
    it->result = result;
    it->detail = detail;
    return TDKT_OK;
}

/* The saved decisions of a run, and of which of them (SQL to follow). */
#define DECISIONS_OF_RUN                                                   \
    "SELECT nomination_id, ruleset, form, outcome, message, result FROM "   \
    "decisions WHERE run_id = ?1 AND "

/* The run's decisions of the nominations @p opt selects: each one named
 * through the run's index on nomination ids, else those of its year (or
 * all), so that a diff of a few nominations does not read a whole run. */
static int load_decisions(sqlite3 *db, loader *l,
                          const tdkt_eval_options *opt)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           opt->nids ? DECISIONS_OF_RUN "nomination_id = ?2"
                                     : DECISIONS_OF_RUN
                                     "(?2 = 0 OR year = ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, l->sr.id);
    if (!opt->nids)
        sqlite3_bind_int(st, 2, opt->year);
    int rc = SQLITE_DONE, error = TDKT_OK;
    for (size_t i = 0; error == TDKT_OK && i < (opt->nids ? opt->nids : 1);
         i++) {
        if (opt->nids) {
            sqlite3_reset(st);
            sqlite3_bind_text(st, 2, opt->ids[i], -1, SQLITE_STATIC);
        }
        while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
            error = add_decision(l, st);
        if (error == TDKT_OK && rc != SQLITE_DONE)
            error = tdkt_store_fail(db, "runs");
    }
    sqlite3_finalize(st);
    return error;
}

int tdkt_run_results(tdkt_results **out, int64_t *run_id, tdkt_store *store,
                     const tdkt_index *ix, const tdkt_rules *rules,
                     const tdkt_eval_options *opt)
{
    *out = NULL;
    *run_id = 0;
    tdkt_eval_options dflt = TDKT_EVAL_OPTIONS_INIT;
    if (!opt)
        opt = &dflt;
    if (ix->records_version < 0 || rules->overridden)
        return TDKT_OK;
    sqlite3 *db = tdkt_store_sqlite(store);
    int64_t id = 0;
    int error = find_run(db, ix, rules, opt->lang, &id);
    if (error < 0 || !id)
        return error;
    loader l = {0};
    l.res = calloc(1, sizeof *l.res);
    if (!l.res)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    tdkt_results *res = l.res;
    res->ix = ix;
    res->rules = rules;
    res->lang = opt->lang;
    eval_limits(opt, &res->limits);
    res->narenas = 1;
    res->arenas = calloc(1, sizeof *res->arenas);
    if (!res->arenas) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    l.ar = &res->arenas[0];
    if ((error = saved_run_load(db, id, &l.sr)) < 0 ||
        (error = map_forms(db, &l.sr, &l.forms)) < 0 ||
        (error = map_set_forms(&l)) < 0)
        goto done;
    if (l.sr.ndetails) { /* one copy of the texts, the results' own */
        const char *last = l.sr.details[l.sr.ndetails - 1];
        size_t len = (size_t)(last - l.sr.details_text) + strlen(last) + 1;
        /* NUL-separated: copied byte for byte (arena_str would show the
         * NULs) */
        char *texts = arena_alloc(l.ar, len);
        if (texts)
            memcpy(texts, l.sr.details_text, len);
        l.texts = texts;
    }
    if (!l.ar->failed)
        error = load_decisions(db, &l, opt);
    if (error == TDKT_OK && l.ar->failed)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
done:
    saved_run_free(&l.sr);
    free(l.forms);
    free(l.set_forms);
    if (error < 0 || res->n == 0) {
        tdkt_results_free(res);
        return error;
    }
    *out = res;
    *run_id = id;
    return TDKT_OK;
}
