/* tdkt eval: judge nominations, print each result, save the decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt eval [--year NĂM] [--id ĐỀ_NGHỊ]... [--dry-run]\n"
    "\n"
    "Xét các đề nghị khen thưởng (tất cả, hoặc của NĂM, hoặc các mã đã\n"
    "nêu) theo bộ quy tắc: --rules THƯ_MỤC, hoặc bộ quy tắc có hiệu lực vào\n"
    "ngày trình (submitted) của từng đề nghị (31/12 của năm khi để trống).\n"
    "In kết quả từng đề nghị với từng tiêu chí, căn cứ và giá trị đã đọc.\n"
    "Lưu lần xét và các quyết định (kèm SHA-256 của bộ quy tắc) trừ khi có\n"
    "--dry-run.\n"
    "\n"
    "  --year NĂM       chỉ các đề nghị của năm thành tích này\n"
    "  --id ĐỀ_NGHỊ     chỉ đề nghị này (lặp lại được); chỉ tiêu (tỷ lệ)\n"
    "                   của nó vẫn xét cả nhóm, như khi xét tất cả\n"
    "  --dry-run        không ghi gì vào cơ sở dữ liệu\n"
    "\n"
    "Kết quả: eligible (đủ điều kiện), ineligible (không đủ), review (cần\n"
    "xem xét: thiếu xác nhận, hoặc vượt chỉ tiêu), error (quy tắc bị lỗi).\n"
    "Định dạng: --format table (mặc định), jsonl, json, csv.\n"
    "\n"
    "Mã thoát: 0 đã xét (dù có đề nghị không đủ điều kiện), 1 không xét\n"
    "được (không có đề nghị nào để xét, lỗi dữ liệu hay quy tắc), 2 sai cú\n"
    "pháp.\n";
static const char help_en[] =
    "Usage: tdkt eval [--year YEAR] [--id NOMINATION]... [--dry-run]\n"
    "\n"
    "Judge nominations (all, or of YEAR, or the ids given) against the rule\n"
    "set named by --rules, or the one in force on each nomination's\n"
    "submitted date (31 December of its year when empty). Prints every\n"
    "result with each criterion, its article and the values read. Saves the\n"
    "run and its decisions (with the rule sets' SHA-256) unless --dry-run.\n"
    "\n"
    "  --year YEAR        only nominations for this achievement year\n"
    "  --id NOMINATION    only this nomination (repeatable); its quota\n"
    "                     still ranks its whole cohort, as a full run does\n"
    "  --dry-run          write nothing to the database\n"
    "\n"
    "Outcomes: eligible, ineligible, review (an unattested fact, or beyond a\n"
    "quota), error (the rule script failed). Formats: --format table\n"
    "(default), jsonl, json, csv.\n"
    "\n"
    "Exit status: 0 judged (ineligible nominations are no failure), 1 could\n"
    "not (no nomination to judge, a database or rule error), 2 wrong usage.\n";

enum { O_YEAR, O_ID, O_DRY };
static const cli_option opts[] = {
    {"--year", true, false},
    {"--id", true, true},
    {"--dry-run", false, false},
    {NULL, false, false}};

int cmd_eval(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    int fmt_rc = cli_check_format(cli, "eval",
                                  FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                                      FMT(TDKT_FMT_JSON) | FMT(TDKT_FMT_CSV));
    if (fmt_rc != CLI_OK)
        return fmt_rc;
    tdkt_eval_options o = TDKT_EVAL_OPTIONS_INIT;
    char **ids = calloc((size_t)argc, sizeof *ids);
    bool dry = false;
    int i = 1, which, rc;
    const char *val;
    if (!ids)
        return cli_fail(cli, "out of memory");
    while ((rc = cli_getopt(cli, "eval", opts, argc, argv, &i, &which,
                            &val)) == 1) {
        if (which == O_YEAR && cli_parse_year(cli, "eval", val, &o.year) < 0)
            rc = -2;
        else if (which == O_ID && !(ids[o.nids++] = cli_id(val)))
            rc = -1;
        else if (which == O_DRY)
            dry = true;
        else if (which < 0) {
            cli_unexpected(cli, "eval", val);
            rc = -2;
        }
        if (rc < 0)
            break;
    }
    if (rc < 0) {
        cli_ids_free(ids, o.nids);
        return rc == -1 ? cli_fail(cli, "out of memory") : CLI_USAGE;
    }
    o.ids = (const char *const *)ids;
    o.threads = cli->threads;
    o.lang = cli->lang;

    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    tdkt_rules *rules = NULL;
    tdkt_results *res = NULL;
    const char *rules_dir = cli->rules ? cli->rules : cli->rules_root;
    int status = CLI_FAIL;
    if (tdkt_store_open(&store, cli->db,
                        dry ? TDKT_STORE_READ
                            : TDKT_STORE_WRITE | TDKT_STORE_EXISTING) < 0 ||
        tdkt_index_load(&ix, store) < 0 ||
        tdkt_rules_open(&rules, rules_dir) < 0 ||
        tdkt_eval(&res, ix, rules, &o) < 0) {
        cli_fail(cli, NULL);
        goto done;
    }
    /* A selection that holds nothing (a year with no nominations, named
     * ones of another year) is said, not saved as an empty run. */
    if (tdkt_results_count(res) == 0) {
        cli_nothing_to_judge(cli, &o,
                             TDKT_TR(cli->lang, "; không lưu gì.",
                                     "; nothing saved."));
        goto done;
    }
    /* Printed whole, or nothing is saved. */
    if (tdkt_results_write(res, cli->format, cli->lang, stdout) < 0) {
        cli_fail(cli, NULL);
        goto done;
    }
    /* Error outcomes are results (the command did its work: exit 0), but
     * a script reading only the exit status must still hear of them. */
    size_t errors = tdkt_results_with_outcome(res, TDKT_OUTCOME_ERROR);
    if (errors)
        fprintf(stderr,
                TDKT_TR(cli->lang,
                        "Lưu ý: %zu đề nghị có kết quả lỗi (error): quy tắc "
                        "gặp lỗi, hoặc không có bộ quy tắc hay mẫu xét cho "
                        "đề nghị đó; lý do ghi ở từng đề nghị.\n",
                        "Note: %zu nomination(s) ended in the outcome "
                        "error: a rule failed, or no rule set or form "
                        "covers them; each one says why.\n"),
                errors);
    if (!dry) {
        tdkt_buf opt = {0};
        tdkt_buf_printf(&opt, "{\"year\":%d,\"ids\":", o.year);
        tdkt_json_strs(&opt, (const char *const *)ids, o.nids);
        tdkt_buf_printf(&opt, ",\"threads\":%d,\"lang\":\"%s\"}",
                        cli->threads, cli->lang == TDKT_LANG_EN ? "en" : "vi");
        int64_t run_id = 0;
        int error = tdkt_decisions_save(store, res, rules_dir,
                                        tdkt_buf_cstr(&opt), &run_id);
        tdkt_buf_free(&opt);
        if (error < 0) {
            cli_fail(cli, NULL);
            goto done;
        }
        fprintf(stderr,
                TDKT_TR(cli->lang,
                        "Đã lưu lần xét %lld (%zu quyết định). Xem lại: "
                        "tdkt runs show %lld\n",
                        "Saved run %lld (%zu decisions). Show it again: "
                        "tdkt runs show %lld\n"),
                (long long)run_id, tdkt_results_count(res),
                (long long)run_id);
    }
    status = CLI_OK;
done:
    tdkt_results_free(res);
    tdkt_rules_free(rules);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    cli_ids_free(ids, o.nids);
    return status;
}
