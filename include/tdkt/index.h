/**
 * @file index.h
 * The in-memory index: every record of the store, read once per run into
 * compact arrays grouped by subject and ordered by year, so that rules never
 * query SQL. Read-only once loaded, so every evaluation thread shares it.
 */
#ifndef TDKT_INDEX_H
#define TDKT_INDEX_H

#include "tdkt/common.h"
#include "tdkt/store.h"

typedef struct tdkt_index tdkt_index;

/**
 * Load every record of @p store (inside one read transaction: a consistent
 * snapshot).
 * @param[out] out the index; free with tdkt_index_free()
 * @return 0, TDKT_EDB or TDKT_ENOMEM
 */
TDKT_API int tdkt_index_load(tdkt_index **out, tdkt_store *store);

/** How tdkt_index_load_with() reads the records. */
typedef struct tdkt_index_options {
    /** Read the store's index image when it is current, and write it
     *  after reading the tables (the default, what tdkt_index_load does);
     *  false: the record tables only, nothing written (to measure or test
     *  reading them). */
    bool image;
    /** Read the tables on two connections at once: -1 when the database
     *  is large enough to gain from it (the default), 0 never, 1 whenever
     *  a second connection opens. */
    int parallel;
} tdkt_index_options;
#define TDKT_INDEX_OPTIONS_INIT {true, -1}

/** tdkt_index_load() as @p opt says (NULL: the defaults). */
TDKT_API int tdkt_index_load_with(tdkt_index **out, tdkt_store *store,
                                  const tdkt_index_options *opt);

/**
 * Make the store's index image current, so that the next load reads it
 * instead of every record row: when the image is missing or stale, load
 * the records and write it (what the first tdkt_index_load after a change
 * would do). `tdkt import` calls it after importing, so that the run
 * after an import is as fast as any. The image is a cache: a failure
 * leaves the store as it was.
 * @return 0, TDKT_EDB or TDKT_ENOMEM
 */
TDKT_API int tdkt_index_prepare(tdkt_store *store);

/** Remove the index image kept beside the store file at @p store_path,
 *  if any (a store that is being removed). */
TDKT_API void tdkt_index_remove_image(const char *store_path);

/** Free the index; NULL is a no-op. */
TDKT_API void tdkt_index_free(tdkt_index *ix);

/** Counts of what was loaded (for summaries and benchmarks). */
typedef struct tdkt_index_stats {
    size_t units, people, appraisals, honours, initiatives, disciplines,
        facts, nominations;
    size_t bytes; /**< memory held by the index */
    int64_t records_version; /**< the records it shows
                                  (tdkt_store_records_version) */
} tdkt_index_stats;
TDKT_API void tdkt_index_stats_get(const tdkt_index *ix, tdkt_index_stats *out);

#endif
