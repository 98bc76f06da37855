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

/* Whether @p subject holds award @p code in @p year: an honour on record,
 * or judged eligible for it in this run (@p elig: the pass's subjects). */
static bool holds(const tdkt_index *ix, const uint8_t *elig, int32_t subject,
                  int code, int year)
{
    const ix_subject *s = &ix->subjects[subject];
    const ix_honour *h = ix->hon + s->hon.off;
    for (uint32_t k = 0; k < s->hon.n; k++)
        if (h[k].code == code && h[k].year == year)
            return true;
    return bit_get(elig, (size_t)subject);
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
