/* The results of an evaluation, shared by the eval, quota, output, diff
 * and decisions modules. */
#ifndef TDKT_EVAL_INTERNAL_H
#define TDKT_EVAL_INTERNAL_H

#include "tdkt/eval.h"
#include "rules/rules_internal.h"

/* Bump allocator: details live as long as the results. One per worker
 * thread, so no locking. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
} arena_block;

/* A text kept once in its arena (arena_str). */
typedef struct arena_text {
    uint32_t hash, len;
    const char *p;
} arena_text;

typedef struct arena {
    arena_block *head;
    arena_text *texts; /* open addressing; p NULL: empty */
    size_t ntexts, texts_cap;
    bool failed; /* an allocation failed: some text is missing, so the
                  * results must not be used (eval_run fails) */
} arena;

void *arena_alloc(arena *a, size_t n);
/* A copy of s[0..n) that lives as long as the arena; equal short texts
 * share one copy, so it must never be written to. A NUL byte in s (a
 * rule's detail "a\0b") is shown as U+FFFD, so that the copy, a C
 * string, is not cut short there (rt_detail_copy). */
char *arena_str(void *a, const char *s, size_t n);
void arena_free(arena *a);

typedef struct res_item {
    int32_t nom;                /* index in ix->noms */
    const tdkt_ruleset *rs;
    const tdkt_form *form;
    int8_t outcome;
    int8_t verdict;             /* the form's, before quotas (R_*); -1:
                                   the form did not run */
    uint32_t forms;             /* the forms it ran (rt_form_bit) */
    bool reused;                /* taken from a previous run (reuse.c) */
    const char *message;        /* in an arena, or NULL */
    int8_t *result;             /* per form node (R_*) */
    char **detail;
} res_item;

struct tdkt_results {
    const tdkt_index *ix;
    const tdkt_rules *rules;
    res_item *items;
    size_t n;
    /* After the n results, items[n .. n + ncohort): nominations judged
     * only because the quota of a chosen one ranks or counts them (eval
     * --id, quota_cohorts); neither printed nor saved, but a diff's other
     * side may take them (reuse.c). 0 when every nomination of a year is
     * chosen. */
    size_t ncohort;
    arena *arenas; /* one per thread, plus one for the main thread */
    int narenas;
    int threads; /* the run's, for explain.c */
    bool quiet; /* judged quietly: a criterion's detail NULL until
                 * explained (explain.c) */
    tdkt_lang lang;
    rt_limits limits;
    /* meets() memo per set (rules->nsets; NULL: unused), for the run
     * only: at a million nominations they are hundreds of MB */
    rt_memo **memos;
    rt_memo_counts memo_counts; /* what they did, for tests and profiles */
};

/* The outcome of a form's verdict (R_*), before quotas. */
static inline int eval_outcome_of(int v)
{
    return v == R_PASS      ? TDKT_ELIGIBLE
           : v == R_FAIL    ? TDKT_INELIGIBLE
           : v == R_UNKNOWN ? TDKT_REVIEW
                            : TDKT_OUTCOME_ERROR;
}

/* The sandbox limits @p opt asks for (the defaults where it says 0). */
void eval_limits(const tdkt_eval_options *opt, rt_limits *out);

/* tdkt_eval(), or with every nomination judged by @p force (a set's own
 * test cases) when it is not NULL. */
int eval_run(tdkt_results **out, const tdkt_index *ix,
             const tdkt_rules *rules, const tdkt_ruleset *force,
             const tdkt_eval_options *opt);
/* eval_run(), taking from @p prev (nominations of the same index judged
 * before: under other rules, or by a saved run) each judgement of the
 * same nomination that is provably the same here. */
int eval_run_from(tdkt_results **out, const tdkt_index *ix,
                  const tdkt_rules *rules, const tdkt_ruleset *force,
                  const tdkt_eval_options *opt, const tdkt_results *prev);

/* ---- reuse.c: judgements of a previous run that hold in this one ---- */
typedef struct reuse reuse;
/* Which of @p prev's judgements hold for @p res (chosen and assigned).
 * *out is NULL when nothing can be reused. */
int reuse_plan(reuse **out, const tdkt_results *prev, tdkt_results *res);
/* Copy item i's judgement from prev when it holds; false: judge it. */
bool reuse_item(const reuse *p, tdkt_results *res, size_t i, arena *ar);
void reuse_free(reuse *p);

/* One result as JSON (spec/cli.md), from its view and a function giving
 * the view of its node k: the one writer of evaluations' results and of
 * saved decisions shown again (decisions/). @p ruleset: the set's id. */
typedef void result_node_fn(const void *ctx, size_t k,
                            tdkt_criterion_view *out);
void result_json_write(tdkt_buf *b, const tdkt_result_view *v,
                       const char *ruleset, result_node_fn *node,
                       const void *ctx);

/* Result i of an evaluation as a result_node_fn's context (live_node):
 * its nodes' views, their words (text) in @p lang. */
typedef struct live_result {
    const tdkt_results *res;
    size_t i;
    tdkt_lang lang;
} live_result;
void live_node(const void *ctx, size_t k, tdkt_criterion_view *out);

/* How a table for people names a node: its words (the view's text, in
 * the table's language), else its id (a route may have no words). JSON
 * and CSV are for machines: they name nodes by id. The one rule of the
 * tables of eval, diff and runs show. */
const char *criterion_label(const tdkt_criterion_view *c);
/* A node's result as the tables mark it: ✔, ✘ or ? (undecided). */
const char *result_mark(int result);

/* ---- reasons.c: why a result has its outcome ---- */
/* Calls @p fn with each node of the result that is a reason for its
 * outcome, in node order: each criterion (or quota) that failed or is
 * undecided, except those inside a group of routes that passed anyway
 * (another route met the award). The one rule of eval's one-line forms,
 * of runs show and of the diff. */
typedef void reason_fn(void *arg, const tdkt_criterion_view *c);
void result_reasons(const tdkt_result_view *v, result_node_fn *node,
                    const void *ctx, reason_fn *fn, void *arg);
/* The reasons in one line: the result's message when it has one, else
 * the reasons, "; " between: for a machine (CSV) their ids, "?id" when
 * undecided; for a person (@p words: a table) their labels, each after
 * its mark ("✘ label", "? label"). */
void result_reasons_text(tdkt_buf *b, const tdkt_result_view *v,
                         result_node_fn *node, const void *ctx, bool words);

/* JSON objects printed one at a time: as lines (jsonl), or as one array
 * (json) when @p fmt is TDKT_FMT_JSON. */
typedef struct json_out {
    FILE *out;
    bool array;
    size_t n;
} json_out;
void json_out_begin(json_out *j, FILE *out, tdkt_format fmt);
void json_out_item(json_out *j, const char *obj);
/* The separator json_out_item prints before object i (for printers that
 * format the objects themselves: write.c's, on several threads). */
const char *json_out_sep(const json_out *j, size_t i);
void json_out_end(json_out *j);

/* Judge nomination @p n by form @p f in @p r, a state of @p res's rule
 * set, within the limits and with the run's memo: rt_eval_top(), whose
 * R_ERROR has its message in out->error (a limit names the criterion it
 * stopped, and state a rule kept is an error). */
int eval_judge(rt *r, const tdkt_results *res, const tdkt_form *f,
               const ix_nomination *n, rt_out *out, const uint8_t *only);

/* ---- explain.c: the details of a quiet run, where wanted ---- */
/* Judge again, in full, the criteria @p want marks of each result (want[i]:
 * one flag per node of item i's form, or NULL) that a quiet run left
 * without a detail (others are unmarked: a route's, a quota's, one judged
 * in full, as an error's or one reused from a saved run), for their
 * details; every verdict must come out as the quiet run gave it. @return
 * 0, TDKT_ERULE (a criterion's result depends on its detail, or the rules
 * failed: the message says where), TDKT_ENOMEM */
int eval_explain(tdkt_results *res, uint8_t *const *want);

/* Apply the forms' quotas to the eligible results (quota.c). */
int eval_quotas(tdkt_results *res);

/* The form (and in *rs its set) that this run gives nomination @p nom of
 * the index, or NULL when none: assign()'s choice (eval.c). */
typedef const tdkt_form *eval_form_fn(const void *ctx, int32_t nom,
                                      const tdkt_ruleset **rs);
/* A choice of nominations (eval --id) leaves out some that the chosen
 * ones' quotas rank or count: the other nominations of a cohort (same
 * form, year and unit, or year alone per "all"), and those for the base
 * title of its unit that year that no honour on record already counts.
 * Append them to res->items after the chosen ones (res->n counts them
 * too), with their set and form (@p form_of), so that they are judged
 * and the quotas see what a run of every nomination sees; the caller
 * sets them aside after the quotas (res->ncohort). res->items must have
 * room for every nomination of the index (choose() gives it that). */
int quota_cohorts(tdkt_results *res, eval_form_fn *form_of,
                  const void *ctx);

#endif
