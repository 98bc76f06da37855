/*
 * tdkt report: the year's summary table (reports.md), and `report check`,
 * the audit of a table filled in by hand.
 *
 * The table goes to stdout, or to --out FILE; a workbook always goes to a
 * file (report-YEAR.xlsx by default) and the command says which. The
 * audit prints one line per contradiction on stdout, like diff(1): nothing
 * and status 0 when the table adds up, the lines and status 1 when not.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt report --year NĂM [--out TỆP]\n"
    "           tdkt report check TỆP.csv\n"
    "\n"
    "Bảng tổng hợp các hình thức khen thưởng thuộc thẩm quyền tỉnh của một\n"
    "năm (phụ lục báo cáo năm), tính từ các khen thưởng đã trao năm đó (kể\n"
    "cả những khen thưởng ghi bằng 'tdkt confer'), rồi tỷ lệ khen thưởng cho\n"
    "người lao động trực tiếp.\n"
    "\n"
    "  --year NĂM           năm cần tổng hợp (bắt buộc)\n"
    "  --out TỆP            ghi vào TỆP thay vì màn hình\n"
    "  --format ĐỊNH_DẠNG   table (mặc định), csv, json, md, xlsx; xlsx ghi\n"
    "                       vào --out TỆP, hoặc report-NĂM.xlsx\n"
    "  --lang vi|en         ngôn ngữ của tiêu đề, tên cột và tên hình thức\n"
    "\n"
    "'tdkt report check TỆP.csv' kiểm tra một bảng điền tay (17 cột theo\n"
    "thứ tự, dòng tiêu đề, mỗi hình thức một dòng, dòng tổng cộng ở cuối;\n"
    "tỷ lệ viết 21,5%, 21.5% hoặc 0.215) và in mỗi ô mâu thuẫn một dòng:\n"
    "dòng, cột, giá trị đã ghi và giá trị đúng; cả tên hình thức ghi sai\n"
    "thứ tự. Chỉ in --format table.\n"
    "\n"
    "Mã thoát: 0 xong (bảng khớp), 1 bảng có mâu thuẫn hoặc không đọc được,\n"
    "2 sai cú pháp.\n";

static const char help_en[] =
    "Usage: tdkt report --year YEAR [--out FILE]\n"
    "       tdkt report check FILE.csv\n"
    "\n"
    "The summary table of the award forms within the province's authority\n"
    "for one year (the annual report's appendix), computed from the honours\n"
    "of that year (those recorded by 'tdkt confer' included), then the share\n"
    "of individual honours that went to direct workers.\n"
    "\n"
    "  --year YEAR     the year to summarise (required)\n"
    "  --out FILE      write to FILE instead of the terminal\n"
    "  --format FMT    table (default), csv, json, md, xlsx; xlsx is written\n"
    "                  to --out FILE, else report-YEAR.xlsx\n"
    "  --lang vi|en    language of the title, headings and form names\n"
    "\n"
    "'tdkt report check FILE.csv' audits a table filled in by hand (the 17\n"
    "columns in order, a header row, a row per form, the total row last;\n"
    "percentages written 21,5%, 21.5% or 0.215) and prints one line per\n"
    "contradicting cell: row, column, the value written and what it should\n"
    "be; a form's name out of order too. Prints --format table only.\n"
    "\n"
    "Exit status: 0 done (the table adds up), 1 the table contradicts\n"
    "itself or cannot be read, 2 wrong usage.\n";

/* FILE:LINE: ROW, COLUMN: message, one line each. */
static void print_lines(FILE *out, const tdkt_diags *d, tdkt_lang lang)
{
    for (size_t i = 0; i < d->count; i++) {
        const tdkt_diag *g = &d->items[i];
        /* The cells quoted in the messages are the file's: made safe. */
        tdkt_safe_printf(out, "%s", g->file);
        if (g->line > 0)
            fprintf(out, ":%ld", g->line);
        if (g->column[0])
            tdkt_safe_printf(out, ": %s", g->column);
        tdkt_safe_printf(out, ": %s\n", g->message);
    }
    if (d->dropped)
        fprintf(out, TDKT_TR(lang, "… và %zu dòng nữa\n",
                             "… and %zu more\n"),
                d->dropped);
}

static int run_check(tdkt_cli *cli, int argc, char **argv)
{
    tdkt_diags problems = {0};
    if (argc != 3 || argv[2][0] == '-')
        return cli_usage_error(cli, "report check",
                               TDKT_TR(cli->lang,
                                       "cần đúng một tệp CSV",
                                       "expects exactly one CSV file"));
    /* Its lines are messages (row, column, written, right), not a table
     * another format could hold, as with rules check. */
    int fmt_rc = cli_check_format(cli, "report check", FMT(TDKT_FMT_TABLE));
    if (fmt_rc != CLI_OK)
        return fmt_rc;
    int error = tdkt_report_check(argv[2], cli->lang, &problems);
    int rc = CLI_OK;
    if (error == TDKT_EINVALID) {
        print_lines(stderr, &problems, cli->lang);
        rc = CLI_FAIL;
    } else if (error < 0) {
        rc = cli_fail(cli, NULL);
    } else if (problems.count > 0) {
        print_lines(stdout, &problems, cli->lang);
        rc = CLI_FAIL;
    }
    tdkt_diags_clear(&problems);
    return rc;
}

/* Write the report to @p path (or stdout when NULL) in the CLI's format. */
static int write_report(tdkt_cli *cli, const tdkt_report *r,
                        const char *path)
{
    char fallback[32];
    if (cli->format == TDKT_FMT_XLSX) {
        if (!path) {
            snprintf(fallback, sizeof fallback, "report-%d.xlsx", r->year);
            path = fallback;
        }
        if (tdkt_report_write_xlsx(r, cli->lang, path) < 0)
            return cli_fail(cli, NULL);
    } else if (!path) {
        if (tdkt_report_write(r, cli->format, cli->lang, stdout) < 0)
            return cli_fail(cli, NULL);
        return CLI_OK;
    } else {
        FILE *f = fopen(path, "wb");
        if (!f) {
            tdkt_error_set(TDKT_ERROR, "%s: %s", path,
                           tdkt_os_error(errno, cli->lang));
            return cli_fail(cli, NULL);
        }
        int error = tdkt_report_write(r, cli->format, cli->lang, f);
        if (fclose(f) != 0 && error == TDKT_OK)
            error = tdkt_error_set(TDKT_ERROR, "%s: %s", path,
                                   tdkt_os_error(errno, cli->lang));
        if (error < 0)
            return cli_fail(cli, NULL);
    }
    printf(TDKT_TR(cli->lang, "Đã ghi %s\n", "Wrote %s\n"), path);
    return CLI_OK;
}

enum { O_YEAR, O_OUT, O_OUT_SHORT };
static const cli_option opts[] = {
    {"--year", true, false},
    {"--out", true, false},
    {"-o", true, false},
    {NULL, false, false}};

int cmd_report(tdkt_cli *cli, int argc, char **argv)
{
    const char *year_text = NULL, *out = NULL, *v;
    tdkt_store *store = NULL;
    tdkt_report *report = NULL;
    int year = 0, rc = CLI_OK;

    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    if (argc > 1 && strcmp(argv[1], "check") == 0)
        return run_check(cli, argc, argv);

    int i = 1, which, got;
    while ((got = cli_getopt(cli, "report", opts, argc, argv, &i, &which,
                             &v)) == 1) {
        if (which == O_YEAR)
            year_text = v;
        else if (which == O_OUT || which == O_OUT_SHORT)
            out = v;
        else
            return cli_unexpected(cli, "report", v);
    }
    if (got == -2)
        return CLI_USAGE;
    if (!year_text)
        return cli_usage_error(cli, "report",
                               TDKT_TR(cli->lang, "thiếu --year NĂM",
                                       "--year YEAR is required"));
    if (cli_parse_year(cli, "report", year_text, &year) < 0)
        return CLI_USAGE;
    int fmt_rc = cli_check_format(
        cli, "report", FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_CSV) |
                           FMT(TDKT_FMT_JSON) | FMT(TDKT_FMT_MD) |
                           FMT(TDKT_FMT_XLSX));
    if (fmt_rc != CLI_OK)
        return fmt_rc;

    if (tdkt_store_open(&store, cli->db, TDKT_STORE_READ) < 0 ||
        tdkt_report_compute(&report, store, year) < 0)
        rc = cli_fail(cli, NULL);
    else
        rc = write_report(cli, report, out);
    tdkt_report_free(report);
    tdkt_store_close(store);
    return rc;
}
