/**
 * @file diff.h
 * Dry-run of a regulation change: the same nominations judged under two
 * rule sets (or the sets in force on two dates), and exactly who gains or
 * loses eligibility and why. Never writes anything.
 */
#ifndef TDKT_DIFF_H
#define TDKT_DIFF_H

#include <stdio.h>
#include "tdkt/common.h"
#include "tdkt/eval.h"

/** How a nomination's judgement changed from A to B. */
enum tdkt_change {
    TDKT_SAME,       /**< nothing differs */
    TDKT_GAINED,     /**< B eligible, A not */
    TDKT_LOST,       /**< A eligible, B not */
    TDKT_TO_REVIEW,  /**< B review, A neither eligible nor review */
    TDKT_FROM_REVIEW,/**< A review, B neither eligible nor review */
    TDKT_CHANGED,    /**< another change of outcome (e.g. to error) */
    TDKT_REASONS     /**< same outcome, some criteria differ */
};
TDKT_API const char *tdkt_change_code(int change);

typedef struct tdkt_diff tdkt_diff;

/**
 * tdkt_eval() under @p rules, taking from @p a (judgements made before on
 * the same index: side A for side B, or a saved run for side A,
 * tdkt_run_results()) each judgement of the same nomination that is
 * provably the same, i.e. made by the same rule set (same folder and
 * files) with the same parameters for the form and for every form it
 * reached through meets(). The results are those tdkt_eval() would give,
 * and do not borrow from @p a. @p a may be NULL (tdkt_eval()).
 */
TDKT_API int tdkt_diff_eval(tdkt_results **out, const tdkt_index *ix,
                            const tdkt_rules *rules,
                            const tdkt_eval_options *opt,
                            const tdkt_results *a);

/**
 * Does a rule set that judged @p b have parameter @p name? A parameter
 * overridden for side B (`diff --set NAME=VALUE`, tdkt_rules_set_param())
 * that only sets judging none of its nominations have (another regime's,
 * or a set not in force on B's date) changes nothing: most likely a typo
 * or the wrong side, to be refused rather than pass silently.
 * @return 0, TDKT_ENOTFOUND (message: the near names among the sets that
 *         judged, and the sets that have it), TDKT_ENOMEM
 */
TDKT_API int tdkt_diff_param_used(const tdkt_results *b, const char *name);

/**
 * Compare two evaluations of the same nominations. Both must have been
 * made from one index with the same year/ids selection; either may have
 * been judged quietly (tdkt_eval_options.quiet), as `tdkt diff` does: the
 * comparison reads results, not details.
 * @param[out] out the comparison; free with tdkt_diff_free(); it borrows
 *             @p a and @p b, which must outlive it, and fills in their
 *             details where it prints them (tdkt_diff_explain())
 */
TDKT_API int tdkt_diff_compare(tdkt_diff **out, tdkt_results *a,
                               tdkt_results *b);

/**
 * Fill in the details that tdkt_diff_write() will print in @p fmt with
 * @p only, where a side was judged quietly: each such criterion is judged
 * again in full, and must give the result it gave (a rule whose result
 * depends on its detail is an error of the rule set). tdkt_diff_write()
 * does it first; called before, it lets a caller time it apart. Nothing
 * to do in jsonl or csv, which print no details.
 * @return 0, TDKT_ERULE (the message names the criterion or the rule's
 *         error), TDKT_ENOMEM
 */
TDKT_API int tdkt_diff_explain(tdkt_diff *d, tdkt_format fmt,
                               unsigned only);
TDKT_API void tdkt_diff_free(tdkt_diff *d);

/**
 * Print the nominations that changed, then the summary per award code:
 * a table, or in jsonl summary lines after the nominations (in csv the
 * nominations alone). @p only picks which changes to print, a mask of
 * 1u << TDKT_GAINED etc. (0: all); the summary counts every change.
 */
TDKT_API int tdkt_diff_write(tdkt_diff *d, tdkt_format fmt,
                             tdkt_lang lang, unsigned only, FILE *out);

/** Count of nominations with change @p change (TDKT_SAME: unchanged). */
TDKT_API size_t tdkt_diff_count(const tdkt_diff *d, int change);

#endif
