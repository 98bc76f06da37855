/*
 * The details of a quiet run (tdkt_eval_options.quiet), filled in for the
 * criteria someone will read.
 *
 * A dry-run diff judges every nomination under both rule sets, but prints
 * the details of few criteria: those that differ, or explain an outcome
 * that changed. Building the details is most of the rules' work, so the
 * diff judges quietly, and this asks each criterion it prints again, in a
 * full state: the check alone, on the same records, with its nested
 * judgements (meets()) made in full as well. The verdict must come out as
 * it did: a check whose verdict depends on a detail is an error of the
 * rule set, said with the criterion's file and line, and the command
 * fails rather than print a reason that does not go with its result.
 *
 * Workers take items in chunks, as eval.c's do, each with its own full
 * states and arena. They share the quiet run's meets() memo: its verdicts
 * hold (a collective's members are counted from it), and a meets() that
 * shows a summary judges again in full, as it must (rt_meets).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"
#include "core/msg.h"

#define CHUNK 16

typedef struct explain_job {
    tdkt_results *res;
    uint8_t *const *want; /* per item: its nodes to explain, or NULL */
    atomic_size_t next;
    /* The first item that failed (SIZE_MAX: none), and how: 1, a rule's
     * fault (message below); 2, memory. The first in the results' order,
     * whatever the threads: items after it are not explained, those
     * before it still are, so that the message does not depend on them. */
    atomic_size_t failed_at;
    int failed;
    pthread_mutex_t lock;
    char message[1200];
} explain_job;

typedef struct explainer {
    explain_job *job;
    int index; /* its arena */
    rt **rts;  /* per set, full states */
} explainer;

static void fail(explain_job *j, size_t i, int how, const char *msg)
{
    pthread_mutex_lock(&j->lock);
    if (i < atomic_load(&j->failed_at)) {
        snprintf(j->message, sizeof j->message, "%s", msg);
        j->failed = how;
        atomic_store(&j->failed_at, i);
    }
    pthread_mutex_unlock(&j->lock);
}

/* Unmark the nodes of item @p it that have nothing to explain: not a
 * criterion (a route's or a quota's detail is the engine's, quiet or
 * not), not judged, or judged in full already. False: none is left. */
static bool needs_explaining(const res_item *it, uint8_t *want)
{
    bool any = false;
    for (int k = 0; k < it->form->nnodes; k++) {
        want[k] = want[k] && it->form->nodes[k].kind == RN_CRITERION &&
                  it->result[k] <= R_UNKNOWN && !it->detail[k];
        any |= want[k];
    }
    return any;
}

static void explain_item(explainer *w, size_t i)
{
    explain_job *j = w->job;
    tdkt_results *res = j->res;
    res_item *it = &res->items[i];
    const tdkt_form *f = it->form;
    uint8_t *want = j->want[i];
    if (!it->result || !needs_explaining(it, want))
        return;
    arena *ar = &res->arenas[w->index];
    rt **slot = &w->rts[it->rs->index];
    if (!*slot && rt_new(slot, it->rs, &res->limits, 0) < 0) {
        fail(j, i, tdkt_error_last()->code == TDKT_ENOMEM ? 2 : 1,
             tdkt_error_last()->message);
        return;
    }
    int8_t *result = arena_alloc(ar, (size_t)f->nnodes);
    char **detail = arena_alloc(ar, (size_t)f->nnodes * sizeof *detail);
    if (!result || !detail) {
        fail(j, i, 2, "out of memory");
        return;
    }
    rt *r = *slot;
    rt_out out;
    rt_out_init(&out, result, detail, arena_str, ar);
    const ix_nomination *n = &res->ix->noms[it->nom];
    int v = eval_judge(r, res, f, n, &out, want);
    if (r->host_oom) {
        fail(j, i, 2, "out of memory");
        return;
    }
    char msg[1200];
    if (v == R_ERROR) {
        snprintf(msg, sizeof msg,
                 TDKT_TR(res->lang,
                         "đề nghị %s: không giải thích được kết quả đã xét: "
                         "%s",
                         "nomination %s: its judgement could not be "
                         "explained: %s"),
                 n->id, out.error);
        fail(j, i, 1, msg);
        return;
    }
    for (int k = 0; k < f->nnodes; k++) {
        if (!want[k])
            continue;
        const rule_node *nd = &f->nodes[k];
        if (result[k] != it->result[k]) {
            snprintf(msg, sizeof msg,
                     TDKT_TR(res->lang,
                             "%s:%d: tiêu chí '%s' (đề nghị %s) cho kết quả "
                             "%s khi xét không kèm giải thích, %s khi có: "
                             "kết quả của một tiêu chí không được phụ thuộc "
                             "vào phần giải thích",
                             "%s:%d: criterion '%s' (nomination %s) gave "
                             "%s judged without details and %s with them: "
                             "a criterion's result must not depend on a "
                             "detail"),
                     nd->file, nd->line, nd->id, n->id,
                     tdkt_result_code(it->result[k]),
                     tdkt_result_code(result[k]));
            fail(j, i, 1, msg);
            return;
        }
        it->detail[k] = detail[k];
    }
}

static void *explain_work(void *arg)
{
    explainer *w = arg;
    explain_job *j = w->job;
    size_t n = j->res->n;
    for (;;) {
        size_t start = atomic_fetch_add(&j->next, CHUNK);
        if (start >= n || start > atomic_load(&j->failed_at))
            break;
        size_t end = start + CHUNK < n ? start + CHUNK : n;
        for (size_t i = start; i < end && i < atomic_load(&j->failed_at); i++)
            if (j->want[i])
                explain_item(w, i);
    }
    for (size_t s = 0; s < j->res->rules->nsets; s++)
        rt_free(w->rts[s]);
    return NULL;
}

int eval_explain(tdkt_results *res, uint8_t *const *want)
{
    size_t nsets = res->rules->nsets;
    int nthreads = res->threads > 0 ? res->threads : 1;
    explain_job j = {.res = res, .want = want};
    atomic_init(&j.next, 0);
    atomic_init(&j.failed_at, SIZE_MAX);
    pthread_mutex_init(&j.lock, NULL);
    explainer *w = calloc((size_t)nthreads, sizeof *w);
    pthread_t *tids = calloc((size_t)nthreads, sizeof *tids);
    int error = TDKT_OK;
    if (!w || !tids) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    int started = 0;
    for (int t = 0; t < nthreads; t++) {
        w[t] = (explainer){&j, t + 1, calloc(nsets ? nsets : 1, sizeof(rt *))};
        if (!w[t].rts) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        if (nthreads > 1 &&
            pthread_create(&tids[t], NULL, explain_work, &w[t]) == 0)
            started++;
        else if (nthreads > 1)
            break;
    }
    for (int t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    if (error == TDKT_OK && started == 0) /* one thread, or none started */
        explain_work(&w[0]);
    if (error == TDKT_OK && j.failed)
        error = j.failed == 2
                    ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                    : tdkt_error_set(TDKT_ERULE, "%s", j.message);
    for (int i = 0; error == TDKT_OK && i < res->narenas; i++)
        if (res->arenas[i].failed)
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
done:
    for (int t = 0; w && t < nthreads; t++)
        free(w[t].rts);
    free(w);
    free(tids);
    pthread_mutex_destroy(&j.lock);
    return error;
}
