/*
 * Printing the summary table: aligned text, Markdown, CSV and JSON, and the
 * workbook through a temporary file when it must go to a stream.
 *
 * Every writer formats cells through row_cells(), so a value reads the
 * same in each format but for the decimal separator: a comma in Vietnamese
 * text (table, md), a point in English text and in csv and json.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report_int.h"

#define NCOLS TDKT_REPORT_NCOLS

/* Fill cells[0..16] with the text of columns 1..17 of @p row; percentages
 * use the decimal separator @p sep, empty cells are "". */
static void row_cells(tdkt_buf cells[NCOLS], const tdkt_report_row *row,
                      tdkt_lang lang, char sep)
{
    for (int c = 1; c <= NCOLS; c++) {
        tdkt_buf *b = &cells[c - 1];
        long v;
        b->len = 0;
        tdkt_buf_puts(b, "");
        if (c == 1 && row->stt > 0)
            tdkt_buf_printf(b, "%d", row->stt);
        else if (c == 2)
            tdkt_buf_puts(b, row->name[lang] ? row->name[lang] : "");
        else if (!tdkt_report_value(&v, row, c))
            continue;
        else if (tdkt_report_is_percent(c))
            tdkt__report_pct(b, v, sep);
        else
            tdkt_buf_printf(b, "%ld", v);
    }
}

static bool cells_oom(const tdkt_buf cells[NCOLS])
{
    for (int c = 0; c < NCOLS; c++)
        if (cells[c].oom)
            return true;
    return false;
}

static void cells_free(tdkt_buf cells[NCOLS])
{
    for (int c = 0; c < NCOLS; c++)
        tdkt_buf_free(&cells[c]);
}

static const char *const *cell_ptrs(const char *ptrs[NCOLS],
                                    const tdkt_buf cells[NCOLS])
{
    for (int c = 0; c < NCOLS; c++)
        ptrs[c] = tdkt_buf_cstr(&cells[c]);
    return ptrs;
}

/* The aligned terminal table: short headings over the column numbers of
 * the official form, the forms, a rule, the total, then the headline. */
static int write_table(tdkt_buf *o, const tdkt_report *r, tdkt_lang lang,
                       FILE *out)
{
    tdkt_buf cells[NCOLS] = {{0}};
    const char *ptrs[NCOLS];
    int error = TDKT_OK;
    tdkt_table *t = tdkt_table_new(NCOLS);
    if (!t)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (int c = 1; c <= NCOLS; c++) {
        if (c != 2)
            tdkt_table_align_right(t, c - 1);
        ptrs[c - 1] = tdkt__report_heading_of(c, lang)->brief;
    }
    tdkt_table_row(t, ptrs);
    for (int c = 1; c <= NCOLS; c++) {
        cells[c - 1].len = 0;
        tdkt_buf_printf(&cells[c - 1], "(%d)", c);
    }
    tdkt_table_row(t, cell_ptrs(ptrs, cells));
    tdkt_table_rule(t);
    for (int i = 0; i < TDKT_REPORT_NROWS; i++) {
        if (i == TDKT_REPORT_NFORMS)
            tdkt_table_rule(t);
        row_cells(cells, &r->rows[i], lang, TDKT__DECIMAL(lang));
        tdkt_table_row(t, cell_ptrs(ptrs, cells));
    }
    if (cells_oom(cells)) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    tdkt__report_title(o, r->year, lang);
    tdkt_buf_puts(o, "\n\n");
    fputs(tdkt_buf_cstr(o), out);
    o->len = 0;
    if ((error = tdkt_table_print(t, out)) < 0)
        goto done;
    tdkt_buf_puts(o, "\n");
    tdkt__report_headline_text(o, r, lang);
    tdkt_buf_puts(o, "\n");
done:
    cells_free(cells);
    tdkt_table_free(t);
    return error;
}

/* A Markdown table cell: '|' would end the cell, a newline the row. */
static void md_cell(tdkt_buf *o, const char *s)
{
    tdkt_buf_puts(o, " ");
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            tdkt_buf_put(o, "\\", 1);
        tdkt_buf_put(o, *s == '\n' || *s == '\r' ? " " : s, 1);
    }
    tdkt_buf_puts(o, " |");
}

static void write_md(tdkt_buf *o, const tdkt_report *r, tdkt_lang lang)
{
    tdkt_buf cells[NCOLS] = {{0}};
    tdkt_buf_puts(o, "**");
    tdkt__report_title(o, r->year, lang);
    tdkt_buf_puts(o, "**\n\n|");
    for (int c = 1; c <= NCOLS; c++) {
        cells[0].len = 0;
        tdkt_buf_printf(&cells[0], "(%d) %s", c,
                        tdkt_report_heading(c, lang));
        md_cell(o, tdkt_buf_cstr(&cells[0]));
    }
    tdkt_buf_puts(o, "\n|");
    for (int c = 1; c <= NCOLS; c++)
        tdkt_buf_puts(o, c == 2 ? " --- |" : " ---: |");
    tdkt_buf_puts(o, "\n");
    for (int i = 0; i < TDKT_REPORT_NROWS; i++) {
        row_cells(cells, &r->rows[i], lang, TDKT__DECIMAL(lang));
        tdkt_buf_puts(o, "|");
        for (int c = 0; c < NCOLS; c++)
            md_cell(o, tdkt_buf_cstr(&cells[c]));
        tdkt_buf_puts(o, "\n");
    }
    tdkt_buf_puts(o, "\n");
    tdkt__report_headline_text(o, r, lang);
    tdkt_buf_puts(o, "\n");
    if (cells_oom(cells))
        o->oom = true;
    cells_free(cells);
}

/* Header and rows only, so that the file is a table `report check` reads
 * back (a headline line would be a malformed row). */
static void write_csv(tdkt_buf *o, const tdkt_report *r, tdkt_lang lang)
{
    tdkt_buf cells[NCOLS] = {{0}};
    const char *text[NCOLS];
    for (int c = 1; c <= NCOLS; c++)
        text[c - 1] = tdkt_report_heading(c, lang);
    tdkt_csv_row(o, text, NCOLS);
    tdkt_buf_puts(o, "\n");
    for (int i = 0; i < TDKT_REPORT_NROWS; i++) {
        row_cells(cells, &r->rows[i], lang, '.');
        for (int c = 0; c < NCOLS; c++)
            text[c] = tdkt_buf_cstr(&cells[c]);
        tdkt_csv_row(o, text, NCOLS);
        tdkt_buf_puts(o, "\n");
    }
    if (cells_oom(cells))
        o->oom = true;
    cells_free(cells);
}

/* A percentage as a JSON number: 538 tenths → 53.8. */
static void json_pct(tdkt_buf *o, long tenths)
{
    tdkt_buf_printf(o, "%ld.%ld", tenths / 10, tenths % 10);
}

static void write_json(tdkt_buf *o, const tdkt_report *r, tdkt_lang lang)
{
    long v;
    tdkt_buf title = {0};
    tdkt__report_title(&title, r->year, lang);
    tdkt_buf_printf(o, "{\n  \"year\": %d,\n  \"title\": ", r->year);
    tdkt_json_str(o, tdkt_buf_cstr(&title));
    tdkt_buf_puts(o, ",\n  \"headings\": [");
    for (int c = 1; c <= NCOLS; c++) {
        tdkt_buf_puts(o, c > 1 ? ", " : "");
        tdkt_json_str(o, tdkt_report_heading(c, lang));
    }
    tdkt_buf_puts(o, "],\n  \"rows\": [\n");
    for (int i = 0; i < TDKT_REPORT_NROWS; i++) {
        const tdkt_report_row *row = &r->rows[i];
        tdkt_buf_puts(o, "    {\"code\": ");
        tdkt_json_str(o, row->code);
        tdkt_buf_puts(o, ", \"name\": ");
        tdkt_json_str(o, row->name[lang]);
        tdkt_buf_puts(o, ", \"values\": [");
        if (row->stt > 0)
            tdkt_buf_printf(o, "%d", row->stt);
        else
            tdkt_buf_puts(o, "null");
        tdkt_buf_puts(o, ", ");
        tdkt_json_str(o, row->name[lang]);
        for (int c = 3; c <= NCOLS; c++) {
            tdkt_buf_puts(o, ", ");
            if (!tdkt_report_value(&v, row, c))
                tdkt_buf_puts(o, "null");
            else if (tdkt_report_is_percent(c))
                json_pct(o, v);
            else
                tdkt_buf_printf(o, "%ld", v);
        }
        tdkt_buf_puts(o, i + 1 < TDKT_REPORT_NROWS ? "]},\n" : "]}\n");
    }
    tdkt_buf_puts(o, "  ],\n  \"headline\": ");
    if (tdkt_report_headline(&v, r))
        json_pct(o, v);
    else
        tdkt_buf_puts(o, "null");
    tdkt_buf_puts(o, "\n}\n");
    if (title.oom)
        o->oom = true;
    tdkt_buf_free(&title);
}

/* libxlsxwriter writes only to a named file: make the workbook in a
 * temporary file and copy it to the stream. */
static int write_xlsx_stream(const tdkt_report *r, tdkt_lang lang,
                             FILE *out)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    char chunk[8192];
    FILE *in = NULL;
    int n = snprintf(path, sizeof path, "%s/tdkt-report-XXXXXX.xlsx",
                     dir && *dir ? dir : "/tmp");
    if (n < 0 || (size_t)n >= sizeof path)
        return tdkt_error_set(TDKT_ERROR,
                              TDKT_TR(lang, "đường dẫn TMPDIR quá dài",
                                      "TMPDIR is too long"));
    int fd = mkstemps(path, 5);
    if (fd < 0)
        return tdkt_error_set(TDKT_ERROR,
                              TDKT_TR(lang, "%s: không tạo được tệp tạm",
                                      "%s: cannot create a temporary file"),
                              path);
    close(fd);
    int error = tdkt_report_write_xlsx(r, lang, path);
    if (error < 0)
        goto done;
    if (!(in = fopen(path, "rb"))) {
        error = tdkt_error_set(TDKT_ERROR,
                               TDKT_TR(lang, "%s: không đọc lại được tệp",
                                       "%s: cannot read it back"),
                               path);
        goto done;
    }
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, got, out) != got)
            break;
    if (ferror(in))
        error = tdkt_error_set(TDKT_ERROR,
                               TDKT_TR(lang, "%s: không đọc lại được tệp",
                                       "%s: cannot read it back"),
                               path);
    else
        error = tdkt_output_done(out, lang);
done:
    if (in)
        fclose(in);
    remove(path);
    return error;
}

int tdkt_report_write(const tdkt_report *r, tdkt_format fmt, tdkt_lang lang,
                      FILE *out)
{
    tdkt_buf o = {0};
    int error = TDKT_OK;
    switch (fmt) {
    case TDKT_FMT_TABLE: error = write_table(&o, r, lang, out); break;
    case TDKT_FMT_MD: write_md(&o, r, lang); break;
    case TDKT_FMT_CSV: write_csv(&o, r, lang); break;
    case TDKT_FMT_JSON: write_json(&o, r, lang); break;
    case TDKT_FMT_XLSX: return write_xlsx_stream(r, lang, out);
    default:
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "bảng tổng hợp không có định dạng %s "
                                      "(chỉ có table, csv, json, md hoặc "
                                      "xlsx)",
                                      "the report has no %s format (table, "
                                      "csv, json, md or xlsx)"),
                              tdkt_format_name(fmt));
    }
    if (error == TDKT_OK && o.oom)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (error == TDKT_OK) {
        fputs(tdkt_buf_cstr(&o), out);
        error = tdkt_output_done(out, lang);
    }
    tdkt_buf_free(&o);
    return error;
}
