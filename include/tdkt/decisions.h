/**
 * @file decisions.h
 * Decisions: the append-only audit record of evaluation runs, and conferring
 * eligible decisions as honours.
 *
 * A run stores its time, the engine build (tdkt_build), the options,
 * for every rule set used its id and a SHA-256 over every file of the set
 * and its parents, and each form it used once, with its criteria (ids, words,
 * citations, reading status, tree); each decision stores the nomination,
 * its outcome and message, and per criterion only its result and detail
 * (schema_decisions.sql). The store refuses updates and deletes of all of
 * it (triggers).
 */
#ifndef TDKT_DECISIONS_H
#define TDKT_DECISIONS_H

#include "tdkt/common.h"
#include <stdio.h>
#include "tdkt/store.h"
#include "tdkt/output.h"
#include "tdkt/eval.h"

/** What to confer: the eligible decisions of one run. */
typedef struct tdkt_confer_options {
    int64_t run_id;            /**< the run whose decisions to confer */
    const char *decision_no;   /**< e.g. "1234/QĐ-UBND" (required) */
    const char *decision_date; /**< "YYYY-MM-DD" (required) */
    const char *const *ids;    /**< nomination ids; NULL = every eligible */
    size_t nids;
    /** Award codes (or their Vietnamese names) the decision confers; NULL =
     * every code. A decision signed by one authority confers its own
     * awards: a province's, not the Prime Minister's. */
    const char *const *codes;
    size_t ncodes;
} tdkt_confer_options;

typedef struct tdkt_confer_summary {
    size_t added;   /**< honours recorded now */
    /** Honours already in the store (recorded by an earlier confer of this
     * or another run, or imported), left as they were. */
    size_t already;
    /** The records changed after the run judged them, other than by
     * conferring this run's own decisions (an import, an edit, another
     * run's honours): its judgements may be out of date. False when the
     * run was saved before the store counted its changes. */
    bool records_changed;
} tdkt_confer_summary;

/**
 * Record the eligible decisions of a run as honours, all or nothing, in one
 * write transaction. Each honour takes the subject, code and year of the
 * decision, the kind of its nomination (`merit` if the nomination has
 * gone since), the decision number and date of @p opt, and the run and
 * nomination ids, so this year's report and the next evaluations see it.
 *
 * With @p opt->ids NULL every `eligible` decision of the run is conferred
 * (the others are left aside), of the codes @p opt->codes when given. A
 * named nomination whose decision is not `eligible`, that has no decision
 * in the run, or whose code is not among @p opt->codes, is refused (one
 * item of @p diags each, file = the nomination id) and nothing is
 * written. An unknown code is TDKT_EINVALID.
 *
 * Never duplicates: an honour already present with the same subject,
 * code, year and kind (conferred before from this or another run, or
 * imported) is left unchanged and counted in @p summary->already.
 *
 * The confer itself is kept, in the same transaction, in the append-only
 * table `conferrals`: when, the run, the decision, the codes and ids
 * asked for, the counts and the build (`tdkt runs show` lists them).
 *
 * @param lang     language of the messages
 * @param[out] summary honours added and already present (zero on failure)
 * @return 0, TDKT_EINVALID (bad options, or refusals in @p diags),
 *         TDKT_ENOTFOUND (no such run), TDKT_EDB, TDKT_EBUSY, TDKT_ENOMEM
 */
TDKT_API int tdkt_confer(tdkt_store *store, const tdkt_confer_options *opt,
                         tdkt_lang lang, tdkt_confer_summary *summary,
                         tdkt_diags *diags);

/* ---- runs and decisions ------------------------------------------ */

struct tdkt_results;

/**
 * Store a run and its decisions, in one transaction: the time, the engine
 * build (tdkt_build), @p rules (the --rules argument or the rules root),
 * @p options (the command's options as JSON), every rule set used with
 * its SHA-256, every form used with its criteria, and each result in
 * compact form.
 * @param[out] run_id the new run's id
 * @return 0, TDKT_EDB, TDKT_EBUSY, TDKT_ENOMEM
 */
TDKT_API int tdkt_decisions_save(tdkt_store *store,
                                 const struct tdkt_results *res,
                                 const char *rules, const char *options,
                                 int64_t *run_id);

/**
 * The judgements of the newest saved run that @p rules would make again
 * on @p ix, for a dry-run to take instead of judging them anew (pass them
 * as side A's @p a to tdkt_diff_eval() under the same @p rules). A run
 * qualifies when it judged the same records (the index's records
 * version), with this very engine build (tdkt_build), in @p opt's
 * language (its options say `"lang":"vi"` or `"lang":"en"`, as `tdkt
 * eval` saves them), under rule sets whose files have the SHA-256 they
 * have now, none of its parameters overridden (tdkt_rules_set_param).
 * Of its decisions, only those whose form verdict the saved outcome
 * tells are taken: errors, and results with a message other than a
 * quota's, are judged again.
 * @param[out] out the results, or NULL when no run qualifies; they borrow
 *             @p ix and @p rules; free with tdkt_results_free()
 * @param[out] run_id the run's id, or 0
 * @return 0, TDKT_EDB (also: a damaged decision), TDKT_ENOMEM
 */
TDKT_API int tdkt_run_results(struct tdkt_results **out, int64_t *run_id,
                              tdkt_store *store, const tdkt_index *ix,
                              const tdkt_rules *rules,
                              const tdkt_eval_options *opt);

/** Print the saved runs (newest first): id, time, rule sets, counts. */
TDKT_API int tdkt_runs_list(tdkt_store *store, tdkt_format fmt,
                            tdkt_lang lang, FILE *out);

/**
 * The note that the records changed after run @p run_id (other than by
 * the honours conferred from it), into @p buf: `runs show` and `confer`
 * say it alike.
 */
TDKT_API void tdkt_records_changed_note(char *buf, size_t n, int64_t run_id,
                                        tdkt_lang lang);

/**
 * Print a saved run's decisions again after checking each rule set's
 * recorded SHA-256 against its files now: json, a JSON array, and jsonl
 * (also csv and the others), a line per result, byte for byte what
 * `tdkt eval` printed in that format; table, a line per nomination. What
 * may have put the decisions out of date is listed in @p problems, in
 * every format (the decisions are still printed, and this is no
 * failure): the records changed since the run (other than by honours
 * conferred from it), and each set that changed or is gone.
 * @return 0, TDKT_ENOTFOUND (no such run), TDKT_EDB (also: a damaged
 *         decision), TDKT_ENOMEM
 */
TDKT_API int tdkt_run_show(tdkt_store *store, int64_t run_id,
                           tdkt_format fmt, tdkt_lang lang, FILE *out,
                           tdkt_diags *problems);

#endif
