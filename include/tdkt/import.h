/**
 * @file import.h
 * CSV import of the record files of shared/spec/data-format.md.
 *
 * One import is all-or-nothing: every file is read and every row checked
 * (columns, required cells, dates, codes and their aliases, references to
 * the store or to the same import) before anything is written, and the whole
 * import is written in one transaction. Every problem found is recorded as
 * FILE:LINE: COLUMN: message.
 */
#ifndef TDKT_IMPORT_H
#define TDKT_IMPORT_H

#include "tdkt/common.h"
#include "tdkt/store.h"

/** The record tables, in the order an import writes them. */
enum tdkt_table_id {
    TDKT_T_UNITS, TDKT_T_PEOPLE, TDKT_T_APPRAISALS, TDKT_T_HONOURS,
    TDKT_T_INITIATIVES, TDKT_T_DISCIPLINES, TDKT_T_FACTS,
    TDKT_T_NOMINATIONS, TDKT_T_COUNT_
};

/** The table's name ("units" …), or NULL when out of range. */
TDKT_API const char *tdkt_table_name(int table);

typedef struct tdkt_import_summary {
    size_t added[TDKT_T_COUNT_];
    size_t replaced[TDKT_T_COUNT_];  /* stored rows the file changed */
    size_t unchanged[TDKT_T_COUNT_]; /* stored rows it gave as they are */
    size_t files_of[TDKT_T_COUNT_]; /* files read per table (0 rows too) */
    size_t files;
} tdkt_import_summary;

/**
 * Import CSV files and folders (a folder: every known *.csv in it).
 * @param lang     language of the problem messages
 * @param summary  filled on success (rows added / replaced / unchanged per
 *                 table); an import that adds or changes no row changes
 *                 nothing stored, not even the records version
 * @param diags    receives every problem; on any, nothing is written
 * @return 0; TDKT_EINVALID when the input was rejected (see @p diags);
 *         TDKT_EDB, TDKT_EBUSY or TDKT_ENOMEM (see tdkt_error_last())
 */
TDKT_API int tdkt_import(tdkt_store *store, const char *const *paths,
                         size_t npaths, tdkt_lang lang,
                         tdkt_import_summary *summary, tdkt_diags *diags);

#endif
