/**
 * @file report.h
 * The annual summary table of shared/spec/reports.md ("TỔNG HỢP CÁC HÌNH
 * THỨC KHEN THƯỞNG THUỘC THẨM QUYỀN TỈNH NĂM {year}") and the audit of a
 * table filled in by hand.
 *
 * A report is a plain value: one row per provincial award form (bk_tinh,
 * cstd_tinh, co_tinh, huy_hieu_tinh, in that order) and a total row, each
 * holding the counts of the 17 numbered columns of the official form. The
 * percentage columns and the headline are derived from the counts when
 * printed (tdkt_report_value(), tdkt_report_headline()), so they can never
 * disagree with them.
 *
 * Percentages are kept as integers in tenths of a percent (215 = 21,5%),
 * rounded half up, so printing, JSON and the audit compare exactly.
 */
#ifndef TDKT_REPORT_H
#define TDKT_REPORT_H

#include <stdio.h>
#include "tdkt/common.h"
#include "tdkt/store.h"
#include "tdkt/output.h"

/** Columns of the official form, numbered 1..17. */
#define TDKT_REPORT_NCOLS 17
/** Provincial award forms, one row each. */
#define TDKT_REPORT_NFORMS 4
/** Rows of the table: the forms, then the total. */
#define TDKT_REPORT_NROWS (TDKT_REPORT_NFORMS + 1)

/** One row of the table. */
typedef struct tdkt_report_row {
    /** Award code ("bk_tinh" …), or "total" for the total row. Static. */
    const char *code;
    /** Row name in each language, indexed by tdkt_lang. Static strings
     * by default; a caller may point them elsewhere before writing. */
    const char *name[2];
    /** Row number (STT, column 1): 1..4, or 0 for the total row. */
    int stt;
    /**
     * count[c] is column c for the count columns 3, 4, 5, 6, 8, 9, 10,
     * 12, 13, 14 and 16; the other indexes are unused (0).
     */
    long count[TDKT_REPORT_NCOLS + 1];
} tdkt_report_row;

/** The table of one year. */
typedef struct tdkt_report {
    int year;
    /** The forms in the order of reports.md, then the total row. */
    tdkt_report_row rows[TDKT_REPORT_NROWS];
} tdkt_report;

/**
 * Compute the table of @p year from the honours of that year (imported, or
 * recorded by tdkt_confer()) joined with people (is_leader) and units
 * (kind). Honours of other codes and years are not counted.
 * @param[out] out the report; the caller frees it with tdkt_report_free()
 * @return 0, TDKT_EDB or TDKT_ENOMEM; *out is NULL on failure
 */
TDKT_API int tdkt_report_compute(tdkt_report **out, tdkt_store *store,
                                 int year);

/** Free a report; NULL is a no-op. */
TDKT_API void tdkt_report_free(tdkt_report *r);

/** True for the percentage columns 7, 11, 15 and 17. */
TDKT_API bool tdkt_report_is_percent(int col);

/**
 * The value of column @p col (3..17) of @p row: a count, or for a
 * percentage column its share of column 3 in tenths of a percent, rounded
 * half up (7 of 13 gives 538, printed 53,8%).
 * @param[out] out the value
 * @return true when the cell has a value; false when it prints empty (a
 *         row with nothing that year, or @p col out of 3..17)
 */
TDKT_API bool tdkt_report_value(long *out, const tdkt_report_row *row,
                                int col);

/**
 * The headline quoted below the table: the share of individual honours
 * that went to non-leaders, (9 + 13) / (8 + 9 + 12 + 13) of the total row,
 * in tenths of a percent.
 * @return true, or false when no individual was honoured
 */
TDKT_API bool tdkt_report_headline(long *out, const tdkt_report *r);

/**
 * @p num / @p den in tenths of a percent, rounded half up (1 of 16 gives
 * 63, i.e. 6,3%). @p den must be positive.
 */
TDKT_API long tdkt_report_share(long num, long den);

/**
 * The heading of column @p col (1..17) in @p lang, self-contained (the
 * group heading of the form included: "Khen chuyên đề, đột xuất: Tổng số").
 * Static; NULL when out of range.
 */
TDKT_API const char *tdkt_report_heading(int col, tdkt_lang lang);

/**
 * Print the table in @p fmt: TDKT_FMT_TABLE (aligned, headings and names in
 * @p lang, decimal comma in Vietnamese, the headline below), TDKT_FMT_MD (a
 * Markdown table, the same text), TDKT_FMT_CSV (a header row and the rows,
 * percentages as "21.5%": the file passes tdkt_report_check()),
 * TDKT_FMT_JSON (an object: year, title, headings, rows with code, name and
 * the 17 values as numbers or null, headline) or TDKT_FMT_XLSX (the
 * workbook of tdkt_report_write_xlsx(), through a temporary file).
 * @return 0; TDKT_EINVALID for another format; TDKT_ERROR when writing
 *         failed; TDKT_ENOMEM
 */
TDKT_API int tdkt_report_write(const tdkt_report *r, tdkt_format fmt,
                               tdkt_lang lang, FILE *out);

/**
 * Write the table as an Excel workbook at @p path, ready to print: the
 * title, a two-level header with the 17 numbered columns, borders, counts
 * as numbers and percentages as numbers formatted 0.0%, the headline below,
 * landscape A4 fitted to the page width. Names and headings are written as
 * strings, never as formulas.
 * @return 0, TDKT_ERROR (the file could not be written) or TDKT_ENOMEM
 */
TDKT_API int tdkt_report_write_xlsx(const tdkt_report *r, tdkt_lang lang,
                                    const char *path);

/**
 * Audit a table filled in by hand (reports.md, `tdkt report check`): a CSV
 * file with the 17 columns in order, a header row first (an optional row
 * numbering the columns 1..17 may follow it), a row per form and the total
 * row last. Counts are whole numbers (an empty cell is 0; digit groups of
 * three may be separated by '.', ',' or a space); percentages are written
 * "21,5%", "21.5%" or as a fraction "0.215" (an empty cell is not checked).
 * UTF-8, comma separated, RFC 4180 quoting (names with commas in quotes).
 *
 * Each contradiction is one item of @p problems: file, line (of the row in
 * the file), column ("dòng 1 (Bằng khen), cột 4 (…)": the row's STT and
 * name, the column's number and heading) and message (the value written
 * and what it should be), in @p lang. The checks: 4, 5 and each kind
 * total (6, 10, 14, 16) at most 3; 8 + 9 at most 6; 12 + 13 at most 10;
 * 6 + 10 + 14 + 16 = 3; each percentage equal to its ratio rounded to one
 * decimal (either neighbour on an exact tie); the total row equal to the
 * sum of the rows above it.
 *
 * @param[out] problems receives the contradictions (or, on TDKT_EINVALID,
 *             what made the file unreadable as a table); the caller clears it
 * @return 0 when the file was audited (consistent when @p problems is
 *         empty); TDKT_EINVALID when it is not such a table (see
 *         @p problems); TDKT_ENOTFOUND or TDKT_ERROR when it cannot be
 *         read; TDKT_ENOMEM
 */
TDKT_API int tdkt_report_check(const char *csv_path, tdkt_lang lang,
                               tdkt_diags *problems);

#endif
