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

typedef struct arena {
    arena_block *head;
    bool failed; /* an allocation failed: some text is missing, so the
                  * results must not be used (eval_run fails) */
} arena;

void *arena_alloc(arena *a, size_t n);
char *arena_str(void *a, const char *s, size_t n);
void arena_free(arena *a);

typedef struct res_item {
    int32_t nom;                /* index in ix->noms */
    const tdkt_ruleset *rs;
    const tdkt_form *form;
    int8_t outcome;
    const char *message;        /* in an arena, or NULL */
    int8_t *result;             /* per form node (R_*) */
    char **detail;
} res_item;

struct tdkt_results {
    const tdkt_index *ix;
    const tdkt_rules *rules;
    res_item *items;
    size_t n;
    arena *arenas; /* one per thread, plus one for the main thread */
    int narenas;
    tdkt_lang lang;
};

/* tdkt_eval(), or with every nomination judged by @p force (a set's own
 * test cases) when it is not NULL. */
int eval_run(tdkt_results **out, const tdkt_index *ix,
             const tdkt_rules *rules, const tdkt_ruleset *force,
             const tdkt_eval_options *opt);

/* One result as JSON (spec/cli.md), from its view and a function giving
 * the view of its node k: the one writer of evaluations' results and of
 * saved decisions shown again (decisions/). @p ruleset: the set's id. */
typedef void result_node_fn(const void *ctx, size_t k,
                            tdkt_criterion_view *out);
void result_json_write(tdkt_buf *b, const tdkt_result_view *v,
                       const char *ruleset, result_node_fn *node,
                       const void *ctx);

/* JSON objects printed one at a time: as lines (jsonl), or as one array
 * (json) when @p fmt is TDKT_FMT_JSON. */
typedef struct json_out {
    FILE *out;
    bool array;
    size_t n;
} json_out;
void json_out_begin(json_out *j, FILE *out, tdkt_format fmt);
void json_out_item(json_out *j, const char *obj);
void json_out_end(json_out *j);

/* Apply the forms' quotas to the eligible results (quota.c). */
int eval_quotas(tdkt_results *res);

#endif
