/*
 * The evaluation driver: choose each nomination's rule set and form, judge
 * them on every core, then apply the cohort quotas. A choice of named
 * nominations also judges the others their quotas rank or count
 * (quota_cohorts), which are then set aside: results never depend on the
 * choice either.
 *
 * Workers take nominations in chunks from an atomic counter; each keeps
 * its own Lua state per rule set and its own arena, and writes only its
 * items' slots. They share the read-only index and rules, and one meets()
 * memo per rule set (rules/memo.c), whose values do not depend on who
 * computed them. Persons are judged before units, and lower awards before
 * higher ones, so that the judgements collective and higher forms ask
 * for through meets() are mostly in the memo already, seeded by the
 * nominations' own; results stay in nomination order. Quotas run after,
 * in one thread, in nomination order: results never depend on the thread
 * count.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval/eval_internal.h"
#include "core/msg.h"

const char *tdkt_outcome_code(int o)
{
    static const char *const codes[] = {"eligible", "ineligible", "review",
                                        "error"};
    return o >= 0 && o <= 3 ? codes[o] : "?";
}

const char *tdkt_outcome_name(int o, tdkt_lang lang)
{
    /* error: a rule failed, or no rule set or form covers the nomination
     * (its message says which): either way it could not be judged. */
    static const char *const vi[] = {"Đủ điều kiện", "Không đủ điều kiện",
                                     "Cần xem xét", "Không xét được"};
    static const char *const en[] = {"Eligible", "Ineligible",
                                     "Needs review", "Could not be judged"};
    if (o < 0 || o > 3)
        return "?";
    return lang == TDKT_LANG_EN ? en[o] : vi[o];
}

const char *tdkt_result_code(int r)
{
    return r == R_PASS      ? "pass"
           : r == R_FAIL    ? "fail"
           : r == R_UNKNOWN ? "unknown"
                            : "skip";
}

#define CHUNK 32

typedef struct job {
    tdkt_results *res;
    const reuse *reuse; /* a previous run's judgements, or NULL */
    size_t *order;      /* items with a form, in judging order */
    size_t norder;
    atomic_size_t next; /* into order */
    atomic_int failed;  /* the host ran out of memory: no result is sure */
} job;

typedef struct worker {
    job *job;
    int index;
    /* per rule set (rules->nsets), made on first use: the run's states,
     * then (a quiet run) the full ones that judge its errors again */
    rt **rts;
} worker;

static void judge_in(worker *w, res_item *it, bool quiet);

/* Judge one item at the top level. A quiet run judges an item whose rules
 * fail again in full: an error's message is the same either way, and a
 * rule that fails is rare. */
static void judge(worker *w, res_item *it)
{
    tdkt_results *res = w->job->res;
    arena *ar = &res->arenas[w->index];
    const tdkt_form *f = it->form;
    if (w->job->reuse &&
        reuse_item(w->job->reuse, res, (size_t)(it - res->items), ar))
        return;
    it->result = arena_alloc(ar, (size_t)f->nnodes);
    it->detail = arena_alloc(ar, (size_t)f->nnodes * sizeof(char *));
    if (!it->result || !it->detail) {
        atomic_store(&w->job->failed, 1);
        return;
    }
    judge_in(w, it, res->quiet);
    if (res->quiet && it->outcome == TDKT_OUTCOME_ERROR && it->verdict >= 0) {
        it->message = NULL;
        judge_in(w, it, false);
    }
}

int eval_judge(rt *r, const tdkt_results *res, const tdkt_form *f,
               const ix_nomination *n, rt_out *out, const uint8_t *only)
{
    r->ctx.ix = res->ix;
    r->ctx.lang = res->lang;
    r->memo = res->memos ? res->memos[r->rs->index] : NULL;
    rt_arm(r);
    int v = rt_eval_top(r, f, n, out, only);
    if (rt_disarm(r)) { /* a limit */
        v = R_ERROR;
        if (rt_lua_placed(r->kill_msg)) /* it names its place */
            snprintf(out->error, sizeof out->error, "%s", r->kill_msg);
        else if (r->running)
            snprintf(out->error, sizeof out->error,
                     TDKT_TR(res->lang, "%s:%d: %s ở tiêu chí '%s'",
                             "%s:%d: %s in criterion '%s'"),
                     r->running->file, r->running->line, r->kill_msg,
                     r->running->id);
        else
            snprintf(out->error, sizeof out->error, "%s", r->kill_msg);
    }
    /* The forms it asked were checked as each ended (rt_meets): after
     * them only this form's code ran. */
    if (!rt_check_state(r, rt_form_bit(f))) {
        v = R_ERROR;
        snprintf(out->error, sizeof out->error, "%s", r->kill_msg);
    }
    return v;
}

/* Judge it in a state of the run (quiet) or a full one (eval_judge). */
static void judge_in(worker *w, res_item *it, bool quiet)
{
    tdkt_results *res = w->job->res;
    arena *ar = &res->arenas[w->index];
    const tdkt_form *f = it->form;
    size_t nsets = res->rules->nsets;
    rt **slot = &w->rts[it->rs->index + (res->quiet && !quiet ? nsets : 0)];
    if (!*slot &&
        rt_new(slot, it->rs, &res->limits, quiet ? RT_QUIET : 0) < 0) {
        if (tdkt_error_last()->code == TDKT_ENOMEM) {
            atomic_store(&w->job->failed, 1);
            return;
        }
        it->outcome = TDKT_OUTCOME_ERROR;
        it->message = arena_str(ar, tdkt_error_last()->message,
                                strlen(tdkt_error_last()->message));
        for (int i = 0; i < f->nnodes; i++) {
            it->result[i] = R_SKIP;
            it->detail[i] = NULL;
        }
        return;
    }
    const ix_nomination *nom = &res->ix->noms[it->nom];
    if (f->kinds && !(f->kinds >> nom->kind & 1)) {
        /* The form's criteria judge other kinds of honour: a person must
         * decide this one. */
        char msg[300];
        snprintf(msg, sizeof msg,
                 res->lang == TDKT_LANG_EN
                     ? "criteria for a %s award are not encoded in %s; a "
                       "person must decide"
                     : "tiêu chí cho loại khen thưởng '%s' chưa được mã hóa "
                       "trong %s; cần người xét",
                 tdkt_vocab_code(TDKT_V_KIND, nom->kind), it->rs->id);
        for (int i = 0; i < f->nnodes; i++) {
            it->result[i] = R_SKIP;
            it->detail[i] = NULL;
        }
        it->outcome = TDKT_REVIEW;
        it->message = arena_str(ar, msg, strlen(msg));
        return;
    }
    rt *r = *slot;
    rt_out out;
    rt_out_init(&out, it->result, it->detail, arena_str, ar);
    const ix_nomination *n = &res->ix->noms[it->nom];
    int v = eval_judge(r, res, f, n, &out, NULL);
    if (r->host_oom) /* not the script's cap: the host's own memory */
        atomic_store(&w->job->failed, 1);
    if (rt_seedable(r, f, n, v)) {
        rt_judged src = {f, it->result, it->detail, n->year};
        rt_memo_seed(r, n, v, &src);
    }
    it->verdict = (int8_t)v;
    it->forms = r->forms;
    it->outcome = (int8_t)eval_outcome_of(v);
    if (v == R_ERROR)
        it->message = arena_str(ar, out.error, strlen(out.error));
}

static void *work(void *arg)
{
    worker *w = arg;
    tdkt_results *res = w->job->res;
    job *j = w->job;
    for (;;) {
        size_t start = atomic_fetch_add(&j->next, CHUNK);
        if (start >= j->norder || atomic_load(&j->failed))
            break;
        size_t end = start + CHUNK < j->norder ? start + CHUNK : j->norder;
        for (size_t k = start; k < end; k++)
            judge(w, &res->items[j->order[k]]);
    }
    for (size_t i = 0; i < 2 * res->rules->nsets; i++)
        rt_free(w->rts[i]);
    return NULL;
}

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Which nominations, in id order. */
static int choose(tdkt_results *res, const tdkt_eval_options *opt)
{
    const tdkt_index *ix = res->ix;
    res->items = calloc(ix->nnoms ? ix->nnoms : 1, sizeof *res->items);
    if (!res->items)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (opt->nids) {
        /* Named ids: all must exist; keep id order, no duplicates. */
        bool *want = calloc(ix->nnoms ? ix->nnoms : 1, sizeof *want);
        if (!want)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        for (size_t k = 0; k < opt->nids; k++) {
            int32_t i = ix_map_get_nom(ix, opt->ids[k]);
            if (i < 0) {
                free(want);
                return tdkt_error_set(
                    TDKT_ENOTFOUND,
                    TDKT_MSG("không có đề nghị '%s' trong cơ sở dữ liệu",
                             "no nomination '%s' in the database"),
                    opt->ids[k]);
            }
            want[i] = true;
        }
        for (size_t i = 0; i < ix->nnoms; i++)
            if (want[i] && (!opt->year || ix->noms[i].year == opt->year))
                res->items[res->n++].nom = (int32_t)i;
        free(want);
    } else {
        for (size_t i = 0; i < ix->nnoms; i++)
            if (!opt->year || ix->noms[i].year == opt->year)
                res->items[res->n++].nom = (int32_t)i;
    }
    return TDKT_OK;
}

/* Judging order: persons, then units; within each, by award code (the
 * vocabulary lists each kind of award from the lowest up, and forms ask
 * meets() of lower ones); then by nomination. Items are in nomination
 * order already, so a counting sort by (type, award) keeps that order
 * within each bucket, in two passes. */
static size_t order_bucket(const tdkt_form *f, size_t nawards)
{
    return (f->subject == TDKT_UNIT ? nawards : 0) + (size_t)f->award;
}

static int judging_order(job *j)
{
    const tdkt_results *res = j->res;
    size_t nawards = tdkt_vocab_count(TDKT_V_AWARD);
    size_t *start = calloc(2 * nawards + 1, sizeof *start);
    j->order = malloc((res->n ? res->n : 1) * sizeof *j->order);
    if (!start || !j->order) {
        free(start);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < res->n; i++)
        if (res->items[i].form)
            start[order_bucket(res->items[i].form, nawards) + 1]++;
    for (size_t b = 1; b <= 2 * nawards; b++)
        start[b] += start[b - 1];
    for (size_t i = 0; i < res->n; i++)
        if (res->items[i].form)
            j->order[start[order_bucket(res->items[i].form, nawards)]++] = i;
    j->norder = start[2 * nawards];
    free(start);
    return TDKT_OK;
}

/* One memo per rule set that judges something and may ask meets(), for
 * the run: seeding one costs 4.6% of a set whose forms never ask. */
static int make_memos(tdkt_results *res)
{
    res->memos = calloc(res->rules->nsets ? res->rules->nsets : 1,
                        sizeof *res->memos);
    if (!res->memos)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < res->n; i++) {
        const res_item *it = &res->items[i];
        if (it->form && it->rs->asks_meets && !res->memos[it->rs->index] &&
            !(res->memos[it->rs->index] = rt_memo_new()))
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    return TDKT_OK;
}

static void free_memos(tdkt_results *res)
{
    for (size_t i = 0; res->memos && i < res->rules->nsets; i++)
        if (res->memos[i]) {
            rt_memo_stats(res->memos[i], &res->memo_counts);
            rt_memo_free(res->memos[i]);
        }
    free(res->memos);
    res->memos = NULL;
}

/* The message of an item whose rule set has no form for its award and
 * subject type. It depends on nothing else, so it is written once per
 * such (set, award, type) and shared: a round's nominations for an award
 * the set does not judge are many (regime A has no Giấy khen). */
typedef const char *no_form_messages[TDKT_AWARD_COUNT_ + 1][2]; /* per set */

static const char *no_form_message(tdkt_results *res, no_form_messages *made,
                                   const tdkt_ruleset *rs, int code,
                                   int type)
{
    const char **slot = &made[rs->index][code == IX_NONE ? TDKT_AWARD_COUNT_
                                                         : code]
                             [type == TDKT_UNIT];
    if (*slot)
        return *slot;
    char msg[1100];
    snprintf(msg, sizeof msg,
             res->lang == TDKT_LANG_EN
                 ? "rule set %s has no form for '%s' (%s)"
                 : "bộ quy tắc %s không có mẫu xét cho '%s' (%s)",
             rs->id,
             code == IX_NONE ? "?" : tdkt_vocab_code(TDKT_V_AWARD, code),
             type == TDKT_UNIT ? TDKT_TR(res->lang, "tập thể", "collective")
                               : TDKT_TR(res->lang, "cá nhân", "individual"));
    return *slot = arena_str(&res->arenas[0], msg, strlen(msg));
}

/* The rule set that judges nomination @p n: @p force, or the one in
 * force on @p as_of, or on its own date; NULL (the error said): none. */
static const tdkt_ruleset *set_of(const tdkt_rules *rules,
                                  const tdkt_ruleset *force, tdkt_date as_of,
                                  const ix_nomination *n)
{
    tdkt_date when = as_of          ? as_of
                     : n->submitted ? n->submitted
                                    : TDKT_DATE(n->year, 12, 31);
    return force ? force : tdkt_rules_select(rules, when);
}

/* The rule set and form of each item; where none, an error outcome. */
static int assign(tdkt_results *res, const tdkt_ruleset *force,
                  tdkt_date as_of)
{
    arena *ar = &res->arenas[0];
    no_form_messages *made =
        calloc(res->rules->nsets ? res->rules->nsets : 1, sizeof *made);
    if (!made)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < res->n; i++) {
        res_item *it = &res->items[i];
        it->verdict = -1;
        const ix_nomination *n = &res->ix->noms[it->nom];
        const ix_subject *s = &res->ix->subjects[n->subject];
        it->rs = set_of(res->rules, force, as_of, n);
        if (!it->rs) {
            const char *msg = tdkt_error_last()->message;
            it->message = arena_str(ar, msg, strlen(msg));
        } else if (n->code == IX_NONE ||
                   !(it->form = rs_form(it->rs, n->code, s->type))) {
            it->message = no_form_message(res, made, it->rs, n->code,
                                          s->type);
        } else {
            continue;
        }
        it->outcome = TDKT_OUTCOME_ERROR;
    }
    free(made);
    return TDKT_OK;
}

/* What assign() would give a nomination (quota_cohorts' eval_form_fn). */
typedef struct assigner {
    const tdkt_results *res;
    const tdkt_ruleset *force;
    tdkt_date as_of;
} assigner;

static const tdkt_form *assigned_form(const void *ctx, int32_t nom,
                                      const tdkt_ruleset **rs)
{
    const assigner *a = ctx;
    const tdkt_index *ix = a->res->ix;
    const ix_nomination *n = &ix->noms[nom];
    *rs = set_of(a->res->rules, a->force, a->as_of, n);
    return *rs && n->code != IX_NONE
               ? rs_form(*rs, n->code, ix->subjects[n->subject].type)
               : NULL;
}

void eval_limits(const tdkt_eval_options *opt, rt_limits *out)
{
    rt_default_limits(out);
    if (opt->max_instructions)
        out->instructions = opt->max_instructions;
    if (opt->time_limit_ms)
        out->time_ms = opt->time_limit_ms;
    if (opt->memory_limit)
        out->memory = opt->memory_limit;
}

int tdkt_eval(tdkt_results **out, const tdkt_index *ix,
              const tdkt_rules *rules, const tdkt_eval_options *opt)
{
    return eval_run_from(out, ix, rules, NULL, opt, NULL);
}

int eval_run(tdkt_results **out, const tdkt_index *ix,
             const tdkt_rules *rules, const tdkt_ruleset *force,
             const tdkt_eval_options *opt)
{
    return eval_run_from(out, ix, rules, force, opt, NULL);
}

int eval_run_from(tdkt_results **out, const tdkt_index *ix,
                  const tdkt_rules *rules, const tdkt_ruleset *force,
                  const tdkt_eval_options *opt, const tdkt_results *prev)
{
    *out = NULL;
    tdkt_eval_options dflt = TDKT_EVAL_OPTIONS_INIT;
    if (!opt)
        opt = &dflt;
    /* One date for every nomination: no set in force then is the caller's
     * mistake (a mistyped date), not each nomination's error outcome. */
    if (!force && opt->as_of && !tdkt_rules_select(rules, opt->as_of))
        return tdkt_error_last()->code;
    tdkt_results *res = calloc(1, sizeof *res);
    if (!res)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    res->ix = ix;
    res->rules = rules;
    res->lang = opt->lang;
    /* TDKT_QUIET=off judges in full what was asked quietly: the tests
     * compare the two, which must print the same */
    const char *q = getenv("TDKT_QUIET");
    res->quiet = opt->quiet && !(q && strcmp(q, "off") == 0);
    int nthreads = opt->threads > 0 ? opt->threads : cores();
    res->threads = nthreads;
    res->narenas = nthreads + 1;
    res->arenas = calloc((size_t)res->narenas, sizeof *res->arenas);
    worker *workers = calloc((size_t)nthreads, sizeof *workers);
    pthread_t *tids = calloc((size_t)nthreads, sizeof *tids);
    job j;
    memset(&j, 0, sizeof j);
    reuse *plan = NULL;
    int error = TDKT_OK;
    if (!res->arenas || !workers || !tids) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = choose(res, opt)) < 0)
        goto done;
    if ((error = assign(res, force, opt->as_of)) < 0)
        goto done;
    /* Named nominations: their quotas judge cohorts that may hold others.
     * Every nomination of a year is chosen otherwise (quotas are per
     * year), and a whole run pays nothing for this. */
    size_t chosen = res->n;
    assigner as = {res, force, opt->as_of};
    if (opt->nids && (error = quota_cohorts(res, assigned_form, &as)) < 0)
        goto done;
    eval_limits(opt, &res->limits);
    j.res = res;
    if ((error = make_memos(res)) < 0 || (error = judging_order(&j)) < 0 ||
        (prev && (error = reuse_plan(&plan, prev, res)) < 0))
        goto done;
    j.reuse = plan;
    atomic_init(&j.next, 0);
    atomic_init(&j.failed, 0);
    int started = 0;
    for (int t = 0; t < nthreads; t++) {
        workers[t].job = &j;
        workers[t].index = t + 1;
        workers[t].rts = calloc(2 * rules->nsets, sizeof *workers[t].rts);
        if (!workers[t].rts) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        if (nthreads == 1) {
            work(&workers[t]);
            started = 0;
            break;
        }
        if (pthread_create(&tids[t], NULL, work, &workers[t]) != 0) {
            free(workers[t].rts);
            workers[t].rts = NULL;
            break;
        }
        started++;
    }
    for (int t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    for (int t = 0; t < nthreads; t++)
        free(workers[t].rts);
    if (error == TDKT_OK && started == 0 && nthreads > 1) {
        /* no thread could start: judge here */
        worker w = {&j, 1, calloc(2 * rules->nsets, sizeof(rt *))};
        if (!w.rts)
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        else {
            work(&w);
            free(w.rts);
        }
    }
    /* A quiet run's memo, which holds no text, serves its explanation
     * (explain.c) and goes with the results; another's goes now. */
    if (!res->quiet)
        free_memos(res);
    if (error == TDKT_OK)
        error = eval_quotas(res);
    /* The results are the chosen ones; the cohorts' others stay behind
     * them, unprinted and unsaved, for a diff's other side to reuse. */
    res->ncohort = res->n - chosen;
    res->n = chosen;
    /* The host ran out of memory somewhere: a result may be missing a
     * text or be an error that is no fault of its rules; fail the whole
     * evaluation rather than print or save it. */
    bool oom = atomic_load(&j.failed);
    for (int i = 0; i < res->narenas; i++)
        oom = oom || res->arenas[i].failed;
    if (error == TDKT_OK && oom)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
done:
    free(workers);
    free(tids);
    free(j.order);
    reuse_free(plan);
    if (error < 0) {
        tdkt_results_free(res);
        return error;
    }
    *out = res;
    return TDKT_OK;
}

void tdkt_results_free(tdkt_results *res)
{
    if (!res)
        return;
    for (int i = 0; i < res->narenas && res->arenas; i++)
        arena_free(&res->arenas[i]);
    free_memos(res);
    free(res->arenas);
    free(res->items);
    free(res);
}

size_t tdkt_results_count(const tdkt_results *res)
{
    return res->n;
}

size_t tdkt_results_reused(const tdkt_results *res)
{
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++)
        n += res->items[i].reused;
    return n;
}

size_t tdkt_results_with_outcome(const tdkt_results *res, int outcome)
{
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++)
        n += res->items[i].outcome == outcome;
    return n;
}

void tdkt_result_get(const tdkt_results *res, size_t i,
                     tdkt_result_view *out)
{
    const res_item *it = &res->items[i];
    const ix_nomination *n = &res->ix->noms[it->nom];
    const ix_subject *s = &res->ix->subjects[n->subject];
    out->nomination = n->id;
    out->subject_type = s->type == TDKT_UNIT ? "unit" : "person";
    out->subject_id = s->id;
    out->subject_name = s->name;
    out->code = n->code == IX_NONE ? "?" : tdkt_vocab_code(TDKT_V_AWARD, n->code);
    out->year = n->year;
    out->kind = tdkt_vocab_code(TDKT_V_KIND, n->kind);
    out->ruleset = it->rs;
    out->form = it->form;
    out->outcome = it->outcome;
    out->message = it->message;
    out->nnodes = it->form && it->result ? (size_t)it->form->nnodes : 0;
}

void tdkt_result_node(const tdkt_results *res, size_t i, size_t k,
                      tdkt_lang lang, tdkt_criterion_view *out)
{
    static const char *const kinds[] = {"criterion", "routes", "route",
                                        "quota"};
    const res_item *it = &res->items[i];
    const rule_node *nd = &it->form->nodes[k];
    out->id = nd->id;
    out->kind = kinds[nd->kind];
    out->basis = nd->basis;
    out->status = nd->status;
    out->text = lang == TDKT_LANG_EN ? nd->en : nd->vi;
    out->route = nd->parent >= 0 && it->form->nodes[nd->parent].kind == RN_ROUTE
                     ? it->form->nodes[nd->parent].id
                     : NULL;
    out->depth = nd->depth;
    int r = it->result ? it->result[k] : R_SKIP;
    out->result = r == R_PASS      ? TDKT_PASS
                  : r == R_FAIL    ? TDKT_FAIL
                  : r == R_UNKNOWN ? TDKT_UNKNOWN
                                   : -1;
    out->detail = it->detail && it->detail[k] ? it->detail[k] : "";
}
