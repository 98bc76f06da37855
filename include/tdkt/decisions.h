/**
 * @file decisions.h
 * Decisions: the append-only audit record of evaluation runs, and conferring
 * eligible decisions as honours.
 *
 * A run stores its time, the engine version, the options, and for every
 * rule set used its id and a SHA-256 over every file of the set and its
 * parents; each decision stores the nomination's result as JSON. The store
 * refuses updates and deletes of runs and decisions (triggers).
 */
#ifndef TDKT_DECISIONS_H
#define TDKT_DECISIONS_H

#include "tdkt/common.h"
#include "tdkt/store.h"

/** What to confer: the eligible decisions of one run. */
typedef struct tdkt_confer_options {
    int64_t run_id;            /**< the run whose decisions to confer */
    const char *decision_no;   /**< e.g. "1234/QĐ-UBND" (required) */
    const char *decision_date; /**< "YYYY-MM-DD" (required) */
    const char *const *ids;    /**< nomination ids; NULL = every eligible */
    size_t nids;
} tdkt_confer_options;

typedef struct tdkt_confer_summary {
    size_t added;   /**< honours recorded now */
    size_t already; /**< already recorded from this run before (skipped) */
} tdkt_confer_summary;

/**
 * Record the eligible decisions of a run as honours (kind from the
 * nomination, year and code from the decision), all or nothing. A named
 * nomination whose decision is not `eligible`, or is not in the run, is
 * refused (listed in @p diags) and nothing is written. Conferring twice
 * never duplicates an honour.
 * @return 0, TDKT_EINVALID (see @p diags), TDKT_ENOTFOUND (no such run),
 *         TDKT_EDB
 */
TDKT_API int tdkt_confer(tdkt_store *store, const tdkt_confer_options *opt,
                         tdkt_lang lang, tdkt_confer_summary *summary,
                         tdkt_diags *diags);

#endif
