/* Saved decisions: the compact form of a decision's criteria, and
 * rebuilding a decision's JSON from it (schema_decisions.sql describes the
 * tables and the encoding). */
#ifndef TDKT_DECISIONS_INTERNAL_H
#define TDKT_DECISIONS_INTERNAL_H

#include <sqlite3.h>

#include "tdkt/decisions.h"
#include "eval/eval_internal.h"

/* Append result @p it's compact form to @p b: a byte per node, then the
 * detail of each judged node, each ended by a zero byte. */
void saved_encode(tdkt_buf *b, const res_item *it, size_t nnodes);

/* "eligible"… back to TDKT_ELIGIBLE…; anything else is an error. */
int saved_outcome(const char *code);

/* A node of a saved form, as far as a decision's JSON needs it. */
typedef struct saved_node {
    char *id, *kind, *basis, *status;
    const char *route; /* the id of its route, or NULL */
} saved_node;

typedef struct saved_form {
    saved_node *nodes;
    size_t n;
} saved_form;

/* The forms of one run (run_forms / run_criteria), read once to show
 * every decision of the run. */
typedef struct saved_run {
    int64_t id;
    saved_form *forms; /* forms[k - 1] is form k */
    size_t nforms;
    /* One decision decoded: per node of its form, the result
     * (TDKT_PASS…, -1 not judged) and the detail. Sized for the largest
     * form, so decoding allocates nothing. */
    int *result;
    const char **detail;
} saved_run;

int saved_run_load(sqlite3 *db, int64_t run_id, saved_run *out);
void saved_run_free(saved_run *r);

/* The columns of a decision row that saved_decision_json() reads, in
 * this order. */
#define SAVED_DECISION_COLUMNS                                               \
    "nomination_id, subject_type, subject_id, code, year, ruleset, form, "   \
    "outcome, message, result"

/* Append the JSON of the decision in @p row (SAVED_DECISION_COLUMNS) to
 * @p b: exactly what the evaluation printed (spec/cli.md).
 * @return 0, TDKT_EDB (a damaged row) */
int saved_decision_json(saved_run *r, sqlite3_stmt *row, tdkt_buf *b);

#endif
