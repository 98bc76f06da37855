/*
 * The summary table as an Excel workbook (libxlsxwriter), laid out like the
 * appendix of the provincial report so an official can print it as is:
 * the title, a two-level header (the form's column groups over their
 * columns, then the column numbers 1..17), the rows with borders, the
 * headline below, landscape A4 fitted to the page width.
 *
 * Counts and percentages are numbers (percentages as fractions formatted
 * 0.0%, so Excel shows them with the reader's decimal separator); text is
 * written with worksheet_write_string(), which never makes a formula, so a
 * name like "=HYPERLINK(…)" stays text.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report/report_int.h"

#define NCOLS TDKT_REPORT_NCOLS
#define LAST_COL (NCOLS - 1)
/* Rows of the sheet (0-based). */
#define ROW_TITLE 0
#define ROW_GROUP 2
#define ROW_SUB 3
#define ROW_NUMBER 4
#define ROW_FIRST 5
#define ROW_HEADLINE (ROW_FIRST + TDKT_REPORT_NROWS + 1)

typedef struct formats {
    lxw_format *title, *head, *number, *text, *count, *pct;
    lxw_format *text_total, *count_total, *pct_total, *headline;
} formats;

static lxw_format *cell_format(lxw_workbook *wb, bool bold, const char *num)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_font_size(f, 11);
    if (bold)
        format_set_bold(f);
    if (num) {
        format_set_num_format(f, num);
        format_set_align(f, LXW_ALIGN_RIGHT);
    } else {
        format_set_text_wrap(f);
    }
    return f;
}

static void make_formats(formats *f, lxw_workbook *wb)
{
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 13);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);

    f->head = cell_format(wb, true, NULL);
    format_set_align(f->head, LXW_ALIGN_CENTER);
    format_set_font_size(f->head, 10);

    f->number = cell_format(wb, false, NULL);
    format_set_align(f->number, LXW_ALIGN_CENTER);
    format_set_italic(f->number);
    format_set_font_size(f->number, 10);

    f->text = cell_format(wb, false, NULL);
    f->count = cell_format(wb, false, "#,##0");
    f->pct = cell_format(wb, false, "0.0%");
    f->text_total = cell_format(wb, true, NULL);
    f->count_total = cell_format(wb, true, "#,##0");
    f->pct_total = cell_format(wb, true, "0.0%");

    f->headline = workbook_add_format(wb);
    format_set_bold(f->headline);
}

/* Does column @p col (1..17) sit under the heading @p group? */
static bool in_group(int col, const char *group, tdkt_lang lang)
{
    const tdkt__report_heading *h = tdkt__report_heading_of(col, lang);
    return h && h->group && !strcmp(h->group, group);
}

/* The header: columns 1..5 span both header rows; the others sit under
 * their group heading, merged across the group. */
static void write_header(lxw_worksheet *ws, const formats *f, tdkt_lang lang)
{
    int c = 0;
    while (c < NCOLS) {
        const tdkt__report_heading *h = tdkt__report_heading_of(c + 1, lang);
        if (!h->group) {
            worksheet_merge_range(ws, ROW_GROUP, (lxw_col_t)c, ROW_SUB,
                                  (lxw_col_t)c, h->sub, f->head);
            c++;
            continue;
        }
        int last = c;
        while (last + 1 < NCOLS && in_group(last + 2, h->group, lang))
            last++;
        worksheet_merge_range(ws, ROW_GROUP, (lxw_col_t)c, ROW_GROUP,
                              (lxw_col_t)last, h->group, f->head);
        for (; c <= last; c++)
            worksheet_write_string(ws, ROW_SUB, (lxw_col_t)c,
                                   tdkt__report_heading_of(c + 1, lang)->sub,
                                   f->head);
    }
    for (c = 0; c < NCOLS; c++)
        worksheet_write_number(ws, ROW_NUMBER, (lxw_col_t)c, c + 1,
                               f->number);
}

static void write_row(lxw_worksheet *ws, const formats *f, lxw_row_t at,
                      const tdkt_report_row *row, tdkt_lang lang)
{
    bool total = row->stt <= 0;
    lxw_format *text = total ? f->text_total : f->text;
    lxw_format *count = total ? f->count_total : f->count;
    lxw_format *pct = total ? f->pct_total : f->pct;
    long v;

    if (row->stt > 0)
        worksheet_write_number(ws, at, 0, row->stt, count);
    else
        worksheet_write_blank(ws, at, 0, count);
    worksheet_write_string(ws, at, 1, row->name[lang] ? row->name[lang] : "",
                           text);
    for (int c = 3; c <= NCOLS; c++) {
        lxw_col_t col = (lxw_col_t)(c - 1);
        if (!tdkt_report_value(&v, row, c))
            worksheet_write_blank(ws, at, col, count);
        else if (tdkt_report_is_percent(c))
            worksheet_write_number(ws, at, col, (double)v / 1000.0, pct);
        else
            worksheet_write_number(ws, at, col, (double)v, count);
    }
}

static void page_setup(lxw_worksheet *ws)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_repeat_rows(ws, ROW_GROUP, ROW_NUMBER);
    worksheet_print_area(ws, ROW_TITLE, 0, ROW_HEADLINE, LAST_COL);
    worksheet_set_column(ws, 0, 0, 5, NULL);
    worksheet_set_column(ws, 1, 1, 30, NULL);
    worksheet_set_column(ws, 2, LAST_COL, 11, NULL);
    worksheet_set_row(ws, ROW_TITLE, 30, NULL);
    worksheet_set_row(ws, ROW_GROUP, 32, NULL);
    worksheet_set_row(ws, ROW_SUB, 96, NULL);
}

int tdkt_report_write_xlsx(const tdkt_report *r, tdkt_lang lang,
                           const char *path)
{
    tdkt_buf title = {0}, sheet = {0}, headline = {0};
    formats f;
    int error = TDKT_OK;
    /* libxlsxwriter reports a file it cannot create on stderr itself, in
     * English, when it closes the workbook: find that out first, and say
     * it in the user's words. The file is not truncated here. */
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return tdkt_error_set(TDKT_ERROR, "%s: %s", path,
                              tdkt_os_error(errno, lang));
    close(fd);
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");

    tdkt__report_title(&title, r->year, lang);
    tdkt_buf_printf(&sheet, TDKT_TR(lang, "Năm %d", "Year %d"), r->year);
    tdkt__report_headline_text(&headline, r, lang);
    lxw_worksheet *ws = workbook_add_worksheet(wb, tdkt_buf_cstr(&sheet));
    if (!ws || title.oom || sheet.oom || headline.oom) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    /* The properties are copied; the struct wants mutable strings. */
    char author[] = "tdkt";
    lxw_doc_properties props = {.title = title.ptr, .author = author};
    workbook_set_properties(wb, &props);

    make_formats(&f, wb);
    page_setup(ws);
    worksheet_merge_range(ws, ROW_TITLE, 0, ROW_TITLE, LAST_COL,
                          tdkt_buf_cstr(&title), f.title);
    write_header(ws, &f, lang);
    for (int i = 0; i < TDKT_REPORT_NROWS; i++)
        write_row(ws, &f, (lxw_row_t)(ROW_FIRST + i), &r->rows[i], lang);
    worksheet_write_string(ws, ROW_HEADLINE, 0, tdkt_buf_cstr(&headline),
                           f.headline);
done:;
    /* Closing writes the file; it also frees the workbook on failure. */
    lxw_error rc = workbook_close(wb);
    if (error == TDKT_OK && rc != LXW_NO_ERROR)
        error = tdkt_error_set(TDKT_ERROR,
                               TDKT_TR(lang,
                                       "%s: không ghi được tệp bảng tính: %s",
                                       "%s: cannot write the workbook: %s"),
                               path, lxw_strerror(rc));
    else if (error < 0)
        remove(path); /* a half-made workbook is worse than none */
    tdkt_buf_free(&title);
    tdkt_buf_free(&sheet);
    tdkt_buf_free(&headline);
    return error;
}
