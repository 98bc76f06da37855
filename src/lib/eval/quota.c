/*
 * Cohort quotas (rules/README.md, "Quotas"): after every nomination's own
 * criteria, a form's quota caps how many of its eligible nominations a
 * cohort may keep: per unit and year, or per year for the whole province.
 *
 *   cap = floor(rate% × base), base = members (or, per "all", subjects)
 *         holding the base title that year, or eligible for it in this run.
 *
 * Candidates are ranked in the documented order: direct workers before
 * leaders; more `excellent` years in the five up to the nomination year;
 * more initiatives in those years; women before men; then nomination id.
 * Those within the cap pass the quota; the rest go to review with their
 * rank and the cap.
 *
 * A cohort and its base are judged whole, whichever nominations were
 * chosen: eval --id adds the others they need (quota_cohorts), so that
 * no outcome depends on the choice.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

typedef struct cand {
    size_t item;
    int group;     /* unit index, or -1 for "all" */
    int leader, excellent, initiatives, female;
    const char *id;
} cand;

/* A set of small indices, one bit each. */
static bool bit_get(const uint8_t *set, size_t i)
{
    return set[i >> 3] >> (i & 7) & 1;
}

static void bit_set(uint8_t *set, size_t i)
{
    set[i >> 3] |= (uint8_t)(1u << (i & 7));
}

/* Whether @p subject holds award @p code in @p year by an honour on
 * record. */
static bool on_record(const tdkt_index *ix, int32_t subject, int code,
                      int year)
{
    const ix_subject *s = &ix->subjects[subject];
    const ix_honour *h = ix->hon + s->hon.off;
    for (uint32_t k = 0; k < s->hon.n; k++)
        if (h[k].code == code && h[k].year == year)
            return true;
    return false;
}

/* Whether @p subject holds award @p code in @p year: an honour on record,
 * or judged eligible for it in this run (@p elig: the pass's subjects). */
static bool holds(const tdkt_index *ix, const uint8_t *elig, int32_t subject,
                  int code, int year)
{
    return on_record(ix, subject, code, year) ||
           bit_get(elig, (size_t)subject);
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if (x->leader != y->leader)
        return x->leader - y->leader;
    if (x->excellent != y->excellent)
        return y->excellent - x->excellent;
    if (x->initiatives != y->initiatives)
        return y->initiatives - x->initiatives;
    if (x->female != y->female)
        return y->female - x->female;
    return strcmp(x->id, y->id);
}

static int group_of(const tdkt_index *ix, const tdkt_form *f,
                    const ix_nomination *n)
{
    if (f->quota_all)
        return -1;
    const ix_subject *s = &ix->subjects[n->subject];
    if (s->type == TDKT_PERSON)
        return ix_unit_in(ix, s, n->year);
    return s->unit; /* a unit's cohort is its parent's sub-units */
}

/* The base of a cohort: members of the unit (per unit) or every subject
 * (per "all") holding the base title in the year. */
static int base_count(const tdkt_index *ix, const uint8_t *elig, int group,
                      int code, int year, int subject_type)
{
    int n = 0;
    if (group < 0) {
        for (size_t i = 0; i < ix->nsubjects; i++)
            if (ix->subjects[i].type == subject_type &&
                holds(ix, elig, (int32_t)i, code, year))
                n++;
        return n;
    }
    const ix_subject *u = &ix->subjects[group];
    if (subject_type == TDKT_PERSON) {
        for (uint32_t i = 0; i < u->members.n; i++) {
            int32_t p = ix->members[u->members.off + i];
            if (ix_unit_in(ix, &ix->subjects[p], year) == group &&
                holds(ix, elig, p, code, year))
                n++;
        }
    } else {
        for (uint32_t i = 0; i < u->children.n; i++) {
            int32_t c = ix->children[u->children.off + i];
            if (holds(ix, elig, c, code, year))
                n++;
        }
    }
    return n;
}

static int count_excellent(const tdkt_index *ix, const ix_subject *s, int y)
{
    int n = 0;
    const ix_appraisal *a = ix->app + s->app.off;
    for (uint32_t i = 0; i < s->app.n; i++)
        if (a[i].year > y - 5 && a[i].year <= y && a[i].rating == TDKT_EXCELLENT)
            n++;
    return n;
}

static int count_initiatives(const tdkt_index *ix, const ix_subject *s,
                             int y)
{
    int n = 0;
    const ix_initiative *r = ix->ini + s->ini.off;
    for (uint32_t i = 0; i < s->ini.n; i++)
        if (r[i].year > y - 5 && r[i].year <= y)
            n++;
    return n;
}

int eval_quotas(tdkt_results *res)
{
    const tdkt_index *ix = res->ix;
    bool any = false;
    size_t nelig = 0;
    for (size_t i = 0; i < res->n; i++) {
        const res_item *it = &res->items[i];
        if (it->outcome != TDKT_ELIGIBLE)
            continue;
        nelig++;
        if (it->form && it->form->quota >= 0)
            any = true;
    }
    if (!any)
        return TDKT_OK;
    uint8_t *elig = malloc(ix->nsubjects / 8 + 1);
    cand *cands = malloc((nelig ? nelig : 1) * sizeof *cands);
    if (!elig || !cands) {
        free(elig);
        free(cands);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    arena *ar = &res->arenas[0];

    /* One pass per (form, year): forms with a quota, in item order. */
    for (size_t i = 0; i < res->n; i++) {
        res_item *first = &res->items[i];
        if (!first->form || first->form->quota < 0 ||
            first->outcome != TDKT_ELIGIBLE ||
            first->result[first->form->quota] != R_SKIP)
            continue;
        const tdkt_form *f = first->form;
        int year = ix->noms[first->nom].year;
        /* One scan: the candidates (every eligible item of the pass), and
         * the subjects judged eligible for the base title that year. A
         * pass turns some to review; a later pass counts its base as the
         * nominations were judged, by the form's verdict before quotas. */
        memset(elig, 0, ix->nsubjects / 8 + 1);
        size_t nc = 0;
        for (size_t j = 0; j < res->n; j++) {
            res_item *it = &res->items[j];
            if (it->verdict != R_PASS)
                continue;
            const ix_nomination *n = &ix->noms[it->nom];
            if (n->year != year)
                continue;
            if (n->code == f->quota_base)
                bit_set(elig, (size_t)n->subject);
            if (it->form != f || it->outcome != TDKT_ELIGIBLE)
                continue;
            const ix_subject *s = &ix->subjects[n->subject];
            cands[nc++] = (cand){j,
                                 group_of(ix, f, n),
                                 s->is_leader,
                                 count_excellent(ix, s, year),
                                 count_initiatives(ix, s, year),
                                 s->gender == 0 /* female */,
                                 n->id};
        }
        qsort(cands, nc, sizeof *cands, cmp_cand);
        const rule_param *rate = rs_param(
            first->rs, tdkt_vocab_code(TDKT_V_AWARD, f->award), f->quota_rate);
        double pct = rate ? rate->num : 0;
        for (size_t a = 0; a < nc;) {
            size_t b = a;
            while (b < nc && cands[b].group == cands[a].group)
                b++;
            int base = base_count(ix, elig, cands[a].group,
                                  f->quota_base, year, f->subject);
            int cap = (int)floor(pct * base / 100.0 + 1e-9);
            /* The cohort's part of each detail, formatted once. */
            char capped[200];
            snprintf(capped, sizeof capped,
                     res->lang == TDKT_LANG_EN
                         ? "cap %d = %g%% of %d %s holders (rounded down)"
                         : "chỉ tiêu %d = %g%% của %d đối tượng đạt %s (làm "
                           "tròn xuống)",
                     cap, pct, base,
                     tdkt_vocab_code(TDKT_V_AWARD, f->quota_base));
            for (size_t c = a; c < b; c++) {
                res_item *it = &res->items[cands[c].item];
                int rank = (int)(c - a) + 1;
                char detail[300];
                snprintf(detail, sizeof detail,
                         res->lang == TDKT_LANG_EN ? "rank %d of %zu; %s"
                                                   : "xếp thứ %d/%zu; %s",
                         rank, b - a, capped);
                it->detail[f->quota] = arena_str(ar, detail, strlen(detail));
                if (rank <= cap) {
                    it->result[f->quota] = R_PASS;
                } else {
                    it->result[f->quota] = R_UNKNOWN;
                    it->outcome = TDKT_REVIEW;
                    char msg[360];
                    snprintf(msg, sizeof msg,
                             res->lang == TDKT_LANG_EN
                                 ? "beyond the quota: %s"
                                 : "vượt chỉ tiêu: %s",
                             detail);
                    it->message = arena_str(ar, msg, strlen(msg));
                }
            }
            a = b;
        }
    }
    free(elig);
    free(cands);
    return TDKT_OK;
}

/* ---- the cohorts of a choice of nominations (eval --id) ---- */

/* The cohorts of one form and year that chosen items belong to. */
typedef struct cohort_key {
    const tdkt_form *f;
    int year;
    bool nowhere;   /* a chosen one is of no unit (group -1): base_count()
                     * then counts every subject, as per "all" */
    uint8_t *units; /* the groups (unit indices) of chosen ones */
} cohort_key;

/* Does key @p k rank nomination @p n (same form: checked by the caller),
 * or count its subject in a base? @p base: n is for the base title. */
static bool cohort_wants(const tdkt_index *ix, const cohort_key *k,
                         const ix_nomination *n, bool base)
{
    if (k->f->quota_all)
        return true;
    int g = group_of(ix, k->f, n);
    if (g >= 0 && bit_get(k->units, (size_t)g))
        return true;
    /* Those of no unit form one cohort, whose base is everyone. */
    return base ? k->nowhere : g < 0 && k->nowhere;
}

/* The form of nomination @p i, not chosen, when key @p k's quota ranks
 * it or counts its subject (see quota_cohorts), else NULL. */
static const tdkt_form *concerns(const tdkt_index *ix, const cohort_key *k,
                                 int32_t i, eval_form_fn *form_of,
                                 const void *ctx, const tdkt_ruleset **rs)
{
    const tdkt_form *f = k->f;
    const ix_nomination *n = &ix->noms[i];
    if (n->year != k->year || ix->subjects[n->subject].type != f->subject)
        return NULL;
    bool rank = n->code == f->award && cohort_wants(ix, k, n, false);
    /* a base title on record counts whatever its nomination's verdict */
    bool count = n->code == f->quota_base && cohort_wants(ix, k, n, true) &&
                 !on_record(ix, n->subject, f->quota_base, k->year);
    if (!rank && !count)
        return NULL;
    const tdkt_form *nf = form_of(ctx, i, rs);
    /* a cohort is one form's; a base counts the verdicts of any form */
    return nf && ((rank && nf == f) || count) ? nf : NULL;
}

int quota_cohorts(tdkt_results *res, eval_form_fn *form_of, const void *ctx)
{
    const tdkt_index *ix = res->ix;
    cohort_key *keys = NULL;
    size_t nkeys = 0;
    uint8_t *chosen = NULL;
    int error = TDKT_OK;
    size_t bytes = ix->nsubjects / 8 + 1;
    for (size_t i = 0; i < res->n; i++) {
        const res_item *it = &res->items[i];
        if (!it->form || it->form->quota < 0)
            continue;
        const ix_nomination *n = &ix->noms[it->nom];
        size_t k = 0;
        while (k < nkeys &&
               !(keys[k].f == it->form && keys[k].year == n->year))
            k++;
        if (k == nkeys) {
            cohort_key *more = realloc(keys, (nkeys + 1) * sizeof *keys);
            if (!more)
                goto oom;
            keys = more;
            keys[k] = (cohort_key){it->form, n->year, false,
                                   calloc(bytes, 1)};
            nkeys++;
            if (!keys[k].units)
                goto oom;
        }
        int g = group_of(ix, it->form, n);
        if (g >= 0)
            bit_set(keys[k].units, (size_t)g);
        else
            keys[k].nowhere = true;
    }
    if (!nkeys)
        goto done;
    chosen = calloc(ix->nnoms / 8 + 1, 1);
    if (!chosen)
        goto oom;
    for (size_t i = 0; i < res->n; i++)
        bit_set(chosen, (size_t)res->items[i].nom);
    for (size_t i = 0; i < ix->nnoms; i++) {
        if (bit_get(chosen, i))
            continue;
        for (size_t k = 0; k < nkeys; k++) {
            const tdkt_ruleset *rs = NULL;
            const tdkt_form *f =
                concerns(ix, &keys[k], (int32_t)i, form_of, ctx, &rs);
            if (!f)
                continue;
            /* room: each nomination is in the run once at most */
            res_item *it = &res->items[res->n++];
            memset(it, 0, sizeof *it);
            it->nom = (int32_t)i;
            it->rs = rs;
            it->form = f;
            it->verdict = -1;
            break;
        }
    }
    goto done;
oom:
    error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
done:
    for (size_t k = 0; k < nkeys; k++)
        free(keys[k].units);
    free(keys);
    free(chosen);
    return error;
}
