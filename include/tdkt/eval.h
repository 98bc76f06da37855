/**
 * @file eval.h
 * Evaluation: judge nominations against rule sets, on every core, with
 * each criterion's result explained and tied to its article.
 *
 * Outcomes: eligible (the form passes), ineligible (a criterion fails),
 * review (nothing fails but something depends on a fact nobody attested, or
 * a quota puts the nomination beyond its cohort's cap), error (a script
 * failed or ran out of time or memory; the message names file and line).
 * Results come in nomination id order and do not depend on the number of
 * threads.
 */
#ifndef TDKT_EVAL_H
#define TDKT_EVAL_H

#include <stdio.h>
#include "tdkt/common.h"
#include "tdkt/index.h"
#include "tdkt/rules.h"
#include "tdkt/output.h"

enum tdkt_outcome {
    TDKT_ELIGIBLE, TDKT_INELIGIBLE, TDKT_REVIEW, TDKT_OUTCOME_ERROR
};
enum tdkt_result {
    TDKT_FAIL = 0, TDKT_PASS = 1, TDKT_UNKNOWN = 2
};

/** "eligible", "ineligible", "review", "error". */
TDKT_API const char *tdkt_outcome_code(int outcome);
/** The outcome in words, in @p lang. */
TDKT_API const char *tdkt_outcome_name(int outcome, tdkt_lang lang);
/** "pass", "fail", "unknown". */
TDKT_API const char *tdkt_result_code(int result);

typedef struct tdkt_eval_options {
    int year;                /**< 0: every year */
    const char *const *ids;  /**< nomination ids; NULL: all (of the year).
                                  Their quotas still judge whole cohorts
                                  (the others are judged, not returned) */
    size_t nids;
    int threads;             /**< 0: every core */
    tdkt_lang lang;          /**< language of details written by rules */
    uint64_t max_instructions; /**< per nomination, counted from 2 ms
                                    into it on; 0: default (50 M) */
    unsigned time_limit_ms;  /**< per nomination; 0: default (2000) */
    size_t memory_limit;     /**< per Lua state; 0: default (64 MiB) */
    tdkt_date as_of; /**< choose the rule set in force on this date for
                          every nomination (none in force then:
                          TDKT_ENOTFOUND, nothing judged); 0: each
                          one's own date */
    bool quiet; /**< judge for the verdicts alone: the criteria's details
                     are left empty, which saves most of the rules' work
                     (a dry-run diff prints few of them, and fills those
                     in: tdkt_diff_explain()). Outcomes, results and
                     messages are as without it: a nomination whose
                     rules fail is judged again in full, for the
                     error's message. */
} tdkt_eval_options;
#define TDKT_EVAL_OPTIONS_INIT {0, NULL, 0, 0, TDKT_LANG_VI, 0, 0, 0, 0, false}

typedef struct tdkt_results tdkt_results;

/**
 * Judge the chosen nominations of @p ix. @p ix and @p rules must outlive
 * the results.
 * @param[out] out the results; free with tdkt_results_free()
 * @return 0 (individual rule failures are `error` outcomes, not failures
 *         here), TDKT_ENOTFOUND (a named nomination does not exist),
 *         TDKT_ENOMEM
 */
TDKT_API int tdkt_eval(tdkt_results **out, const tdkt_index *ix,
                       const tdkt_rules *rules,
                       const tdkt_eval_options *opt);
TDKT_API void tdkt_results_free(tdkt_results *res);
TDKT_API size_t tdkt_results_count(const tdkt_results *res);
/** How many results were taken from earlier judgements instead of being
 * judged (tdkt_diff_eval(), tdkt_run_results()). */
TDKT_API size_t tdkt_results_reused(const tdkt_results *res);
/** How many results have @p outcome (TDKT_ELIGIBLE … TDKT_OUTCOME_ERROR). */
TDKT_API size_t tdkt_results_with_outcome(const tdkt_results *res,
                                          int outcome);

/** One result, borrowed from the results. */
typedef struct tdkt_result_view {
    const char *nomination;
    const char *subject_type; /**< "person" or "unit" */
    const char *subject_id;
    const char *subject_name;
    const char *code;
    int year;
    const char *kind;
    const tdkt_ruleset *ruleset; /**< NULL when none was in force */
    const tdkt_form *form;       /**< NULL when the set had no form */
    int outcome;
    const char *message; /**< the error, or the quota's reason, or NULL */
    size_t nnodes;       /**< criteria, routes and quotas of the form */
} tdkt_result_view;
TDKT_API void tdkt_result_get(const tdkt_results *res, size_t i,
                              tdkt_result_view *out);

/** One criterion (or routes / route / quota) of a result. */
typedef struct tdkt_criterion_view {
    const char *id;
    const char *kind;   /**< "criterion", "routes", "route", "quota" */
    const char *basis;  /**< citation (criteria and quotas) */
    const char *status; /**< V, V-en, P, U */
    const char *text;   /**< the criterion in words, in the asked language */
    const char *route;  /**< the route it belongs to, or NULL */
    int depth;
    int result;         /**< TDKT_PASS/FAIL/UNKNOWN, or -1: not judged */
    const char *detail;
} tdkt_criterion_view;
TDKT_API void tdkt_result_node(const tdkt_results *res, size_t i, size_t k,
                               tdkt_lang lang, tdkt_criterion_view *out);

/** Append result @p i as one JSON object (spec/cli.md) to @p out. */
TDKT_API void tdkt_result_json(const tdkt_results *res, size_t i,
                               tdkt_buf *out);

/** Print the results: table (grouped by form), jsonl or csv. */
TDKT_API int tdkt_results_write(const tdkt_results *res, tdkt_format fmt,
                                tdkt_lang lang, FILE *out);

#endif
