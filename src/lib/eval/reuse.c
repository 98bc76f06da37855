/*
 * Judgements of a previous run that hold in this one (a diff's side B
 * takes them from side A instead of judging again, and side A from a
 * saved run of its rules: decisions/reload.c).
 *
 * A judgement depends on the index, the nomination, the language and the
 * limits, and, for each form it ran (itself and those it reached through
 * meets(), res_item.forms): the form's scripts and the parameters it is
 * given. Two sets loaded from the same folder with the same audit hash
 * (every file of the chain, path and content) have the same scripts; a
 * form whose parameters (set-wide and its own) are equal in both is then
 * the same form. Anything less certain is judged again: errors, items
 * that did not run, other folders, other limits.
 */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

struct reuse {
    const tdkt_results *prev;
    /* same[a * nb + b]: forms the same in prev's set a and this set b */
    uint32_t *same;
    size_t nb;
    /* at[nom]: prev's item of index nomination nom, or -1. prev may have
     * judged more nominations than this run, or in another order (a saved
     * run: decisions/reload.c). */
    int32_t *at;
};

static bool param_equal(const rule_param *x, const rule_param *y)
{
    if (x->type != y->type)
        return false;
    if (x->type == LUA_TSTRING)
        return strcmp(x->str, y->str) == 0;
    return x->num == y->num;
}

/* Is parameter p given to the form of code @p code (rt_push_params)? */
static bool param_of(const rule_param *p, const char *code)
{
    const char *dot = strchr(p->name, '.');
    size_t n = strlen(code);
    return !dot || ((size_t)(dot - p->name) == n &&
                    strncmp(p->name, code, n) == 0);
}

static size_t params_of(const tdkt_ruleset *rs, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->nmerged; i++)
        n += param_of(&rs->merged[i], code);
    return n;
}

/* Does the form of @p code get the same parameters in both sets? */
static bool same_params(const tdkt_ruleset *a, const tdkt_ruleset *b,
                        const char *code)
{
    if (params_of(a, code) != params_of(b, code))
        return false;
    for (size_t i = 0; i < b->nmerged; i++) {
        const rule_param *pb = &b->merged[i];
        if (!param_of(pb, code))
            continue;
        const rule_param *pa = NULL;
        for (size_t k = 0; k < a->nmerged && !pa; k++)
            if (strcmp(a->merged[k].name, pb->name) == 0)
                pa = &a->merged[k];
        if (!pa || !param_equal(pa, pb))
            return false;
    }
    return true;
}

/* The forms that are the same in sets a and b (rt_form_bit). */
static uint32_t same_forms(const tdkt_ruleset *a, const tdkt_ruleset *b)
{
    if (strcmp(a->dir, b->dir) != 0 || strcmp(a->sha256, b->sha256) != 0 ||
        a->nforms != b->nforms)
        return 0;
    uint32_t mask = 0;
    for (size_t i = 0; i < b->nforms; i++) {
        const tdkt_form *fb = &b->forms[i];
        const tdkt_form *fa = rs_form(a, fb->award, fb->subject);
        if (fa && fa->nnodes == fb->nnodes &&
            same_params(a, b, tdkt_vocab_code(TDKT_V_AWARD, fb->award)))
            mask |= rt_form_bit(fb);
    }
    return mask;
}

int reuse_plan(reuse **out, const tdkt_results *prev, tdkt_results *res)
{
    *out = NULL;
    if (prev->ix != res->ix || prev->lang != res->lang ||
        memcmp(&prev->limits, &res->limits, sizeof res->limits) != 0)
        return TDKT_OK;
    reuse *p = calloc(1, sizeof *p);
    size_t na = prev->rules->nsets, nb = res->rules->nsets;
    if (p) {
        p->same = calloc(na * nb + 1, sizeof *p->same);
        p->at = malloc((res->ix->nnoms + 1) * sizeof *p->at);
    }
    if (!p || !p->same || !p->at) {
        reuse_free(p);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    p->prev = prev;
    p->nb = nb;
    bool any = false;
    for (size_t a = 0; a < na; a++)
        for (size_t b = 0; b < nb; b++) {
            uint32_t m = same_forms(prev->rules->sets[a], res->rules->sets[b]);
            p->same[a * nb + b] = m;
            any |= m != 0;
        }
    if (!any) {
        reuse_free(p);
        return TDKT_OK;
    }
    for (size_t i = 0; i < res->ix->nnoms; i++)
        p->at[i] = -1;
    /* prev's results, and behind them the others of their quotas'
     * cohorts (eval --id), which a diff --id's side B needs too */
    for (size_t i = 0; i < prev->n + prev->ncohort; i++)
        p->at[prev->items[i].nom] = (int32_t)i;
    *out = p;
    return TDKT_OK;
}

bool reuse_item(const reuse *p, tdkt_results *res, size_t i, arena *ar)
{
    res_item *it = &res->items[i];
    int32_t at = p->at[it->nom];
    if (at < 0)
        return false;
    const res_item *was = &p->prev->items[at];
    if (!was->form || !was->result ||
        was->verdict < 0 || was->verdict == R_ERROR ||
        was->form->nnodes != it->form->nnodes ||
        (was->forms & ~p->same[was->rs->index * p->nb + it->rs->index]))
        return false;
    const tdkt_form *f = it->form;
    int8_t *result = arena_alloc(ar, (size_t)f->nnodes);
    char **detail = arena_alloc(ar, (size_t)f->nnodes * sizeof *detail);
    if (!result || !detail)
        return false;
    for (int k = 0; k < f->nnodes; k++) {
        /* the quota is this run's to decide (eval_quotas) */
        bool quota = f->nodes[k].kind == RN_QUOTA;
        const char *d = quota ? "" : was->detail[k];
        result[k] = quota ? R_SKIP : was->result[k];
        /* NULL stays NULL: judged quietly, no detail yet (explain.c) */
        detail[k] = d ? arena_str(ar, d, strlen(d)) : NULL;
    }
    it->result = result;
    it->detail = detail;
    it->verdict = was->verdict;
    it->forms = was->forms;
    it->outcome = (int8_t)eval_outcome_of(was->verdict);
    it->message = NULL;
    it->reused = true;
    return true;
}

void reuse_free(reuse *p)
{
    if (!p)
        return;
    free(p->same);
    free(p->at);
    free(p);
}
