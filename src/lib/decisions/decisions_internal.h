/* Saved decisions: the compact form of a decision's criteria, and
 * rebuilding a decision's JSON from it (schema_decisions.sql describes the
 * tables and the encoding). */
#ifndef TDKT_DECISIONS_INTERNAL_H
#define TDKT_DECISIONS_INTERNAL_H

#include <sqlite3.h>

#include "tdkt/decisions.h"
#include "eval/eval_internal.h"
#include "core/sets.h"

/* The first byte of a result blob of schema 4 (details by number), told
 * apart from those of schemas 2 and 3 (details inline), which begin with a
 * node's result byte ('p', 'f', 'u', '-'). */
#define SAVED_BLOB_NUMBERED 0x03

/* SQL: how far the records are from those run `r` judged, not counting
 * the honours conferred from r itself (each added one to the records
 * version): 0 when nothing else changed them, NULL for a run saved before
 * store version 6. @p NOW: the SQL of the records version now (a
 * parameter). The index honours_by_run (schema_conferred.sql) keeps the
 * count short. */
#define RUN_RECORDS_DRIFT(NOW)                                              \
    "(r.records - " NOW " + (SELECT count(*) FROM honours h "               \
    "WHERE h.run_id = r.id))"

/* The detail of a form's node that was interned last, and its number. */
typedef struct saved_last {
    const char *s; /* the result's own text (not a copy); NULL: none yet */
    uint32_t n;
} saved_last;

/* A run's dictionary of details while it is saved: each distinct text
 * numbered 0, 1… in order of first use (stored in run_details). Most
 * details are the very text of the same node in the form's previous
 * decision ("compliance = 1", one copy in its arena), so that one is
 * compared first, by pointer, sparing the hash. */
typedef struct saved_dict {
    tdkt__strset set;
    saved_last **last; /* last[form - 1][node], for each form numbered */
    size_t nforms;
    /* Every text met, by its pointer: the numbers of the results' own
     * copies, so that a text seen before is not hashed again. */
    saved_last *numbered; /* open addressing; s NULL: empty */
    size_t nnumbered, numbered_cap;
} saved_dict;

void saved_dict_free(saved_dict *d);

/* Set @p b to result @p it's compact form: SAVED_BLOB_NUMBERED, the nodes'
 * results two bits each, then for each judged node the number of its
 * detail in @p dict, which interns it. @p form is the form's number in
 * the run (1, 2…). @return 0, TDKT_ENOMEM */
int saved_encode(tdkt_buf *b, const res_item *it, size_t nnodes, int form,
                 saved_dict *dict);

/* "eligible"… back to TDKT_ELIGIBLE…; anything else is an error. */
int saved_outcome(const char *code);

/* A node of a saved form, as far as a decision's JSON and the table of
 * runs show need it. */
typedef struct saved_node {
    char *id, *kind, *basis, *status;
    char *vi, *en; /* its words, as the run's rule set had them, or NULL */
    const char *route; /* the id of its route, or NULL */
    int depth;         /* 0 at the top */
} saved_node;

typedef struct saved_form {
    saved_node *nodes;
    size_t n;
} saved_form;

/* The forms of one run (run_forms / run_criteria) and its details
 * (run_details), read once to show every decision of the run. */
typedef struct saved_run {
    int64_t id;
    tdkt_lang lang; /* of the words in its nodes' views: Vietnamese unless
                     * the caller says otherwise (runs show's table) */
    saved_form *forms; /* forms[k - 1] is form k */
    size_t nforms;
    /* The run's detail texts (run_details), details[n] for number n; the
     * texts live in details_text. */
    const char **details;
    char *details_text;
    size_t ndetails;
    /* One decision decoded: per node of its form, the result
     * (TDKT_PASS…, -1 not judged) and the detail. Sized for the largest
     * form, so decoding allocates nothing. */
    int *result;
    const char **detail;
} saved_run;

int saved_run_load(sqlite3 *db, int64_t run_id, saved_run *out);
void saved_run_free(saved_run *r);

/* Split a decision's result @p blob into r->result and r->detail for the
 * @p n nodes of its form. A detail points into r->details_text (schema 4)
 * or into @p blob (schemas 2 and 3). false: the blob is damaged. */
bool saved_decode(saved_run *r, const unsigned char *blob, size_t len,
                  size_t n);

/* The columns of a decision row that saved_decision_json() reads, in
 * this order. */
#define SAVED_DECISION_COLUMNS                                               \
    "nomination_id, subject_type, subject_id, code, year, ruleset, form, "   \
    "outcome, message, result"

/* One decision of a run, read from its row: the form its result
 * belongs to (NULL: none, or saved as JSON by schema 1). */
typedef struct saved_decision {
    const saved_form *form;
    const saved_run *run;
} saved_decision;

/* Read the decision in @p row (SAVED_DECISION_COLUMNS) into @p v, with
 * its rule set's id in @p ruleset; its nodes are then given by
 * saved_node_view(@p d, …). Valid until the next row.
 * @return 0, TDKT_EDB (a damaged row) */
int saved_decision_read(saved_run *r, sqlite3_stmt *row, tdkt_result_view *v,
                        const char **ruleset, saved_decision *d);
void saved_node_view(const void *ctx, size_t k, tdkt_criterion_view *out);

/* Append the JSON of the decision in @p row (SAVED_DECISION_COLUMNS) to
 * @p b: exactly what the evaluation printed (spec/cli.md).
 * @return 0, TDKT_EDB (a damaged row) */
int saved_decision_json(saved_run *r, sqlite3_stmt *row, tdkt_buf *b);

#endif
