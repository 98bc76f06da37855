/*
 * Internals shared by the report stage's files: the form's headings split
 * into their group and sub-heading (the workbook draws the two levels), and
 * percentage text.
 */
#ifndef TDKT_REPORT_INT_H
#define TDKT_REPORT_INT_H

#include "tdkt/output.h"
#include "tdkt/report.h"

/* The heading of a column in one language: the group it belongs to (NULL
 * for columns 1..5), the heading under the group, the self-contained
 * heading (tdkt_report_heading()), and a short form for the terminal. */
typedef struct tdkt__report_heading {
    const char *group;
    const char *sub;
    const char *full;
    const char *brief;
} tdkt__report_heading;

/* Column @p col (1..17) in @p lang (static), or NULL when out of range. */
const tdkt__report_heading *tdkt__report_heading_of(int col, tdkt_lang lang);

/* The name of form row @p i (0..TDKT_REPORT_NFORMS - 1) in @p lang. */
const char *tdkt__report_form_name(size_t i, tdkt_lang lang);

/* The title "TỔNG HỢP … NĂM {year}" in @p lang. */
void tdkt__report_title(tdkt_buf *b, int year, tdkt_lang lang);

/* The headline sentence, value included ("Tỷ lệ …: 61,3%"). */
void tdkt__report_headline_text(tdkt_buf *b, const tdkt_report *r,
                                tdkt_lang lang);

/* Append tenths of a percent as "21,5%" (@p sep ',') or "21.5%". */
void tdkt__report_pct(tdkt_buf *b, long tenths, char sep);

/* The query counting a year's honours (the tests check its plan). */
extern const char tdkt__report_count_sql[];

/* The decimal separator of human-facing text in @p lang. */
#define TDKT__DECIMAL(lang) ((lang) == TDKT_LANG_EN ? '.' : ',')

#endif
