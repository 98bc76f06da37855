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

/* Apply the forms' quotas to the eligible results (quota.c). */
int eval_quotas(tdkt_results *res);

#endif
