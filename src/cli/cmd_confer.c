/*
 * tdkt confer: record the eligible decisions of a saved run as conferred
 * honours, with the number and date of the conferring decision, so that
 * this year's report and the next evaluations see them. All or nothing;
 * conferring again adds nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt confer --run ID --decision-no SỐ --date YYYY-MM-DD\n"
    "                       [--code HÌNH_THỨC]... [--id ĐỀ_NGHỊ]...\n"
    "\n"
    "Ghi các quyết định đủ điều kiện (eligible) của một lần xét đã lưu\n"
    "thành khen thưởng đã trao, kèm số và ngày của quyết định khen thưởng,\n"
    "để báo cáo năm và các lần xét sau thấy chúng.\n"
    "\n"
    "  --run ID            lần xét (số hiệu in ra bởi 'tdkt eval')\n"
    "  --decision-no SỐ    số quyết định, ví dụ 1234/QĐ-UBND\n"
    "  --date YYYY-MM-DD   ngày ký quyết định (không trước năm thành tích)\n"
    "  --code HÌNH_THỨC    chỉ ghi hình thức này, ví dụ bk_tinh (lặp lại\n"
    "                      được): quyết định của tỉnh không trao khen\n"
    "                      thưởng của Thủ tướng; mặc định: mọi hình thức\n"
    "  --id ĐỀ_NGHỊ        chỉ ghi các đề nghị này (lặp lại được); mặc định:\n"
    "                      mọi đề nghị đủ điều kiện của lần xét\n"
    "\n"
    "Một đề nghị được nêu mà không đủ điều kiện (không có trong lần xét,\n"
    "hoặc không thuộc --code) thì không ghi gì cả. Mỗi khen thưởng mang loại\n"
    "(công trạng, chuyên đề...) mà lần xét đã xét. Khen thưởng đã có (cùng\n"
    "đối tượng, hình thức, năm và loại) được giữ nguyên và đếm là 'đã có':\n"
    "ghi lại lần nữa không tạo bản trùng. Nếu hồ sơ đã thay đổi sau lần xét\n"
    "(trừ các khen thưởng ghi từ chính lần xét đó), lệnh vẫn ghi và báo để\n"
    "xét lại.\n"
    "\n"
    "Định dạng của dòng tóm tắt: --format table (mặc định), jsonl, json, csv.\n"
    "\n"
    "Mã thoát: 0 xong, 1 không ghi được (đề nghị không đủ điều kiện, không\n"
    "có lần xét, lỗi cơ sở dữ liệu), 2 sai cú pháp.\n";

static const char help_en[] =
    "Usage: tdkt confer --run ID --decision-no NO --date YYYY-MM-DD\n"
    "                   [--code AWARD]... [--id NOMINATION]...\n"
    "\n"
    "Record the eligible decisions of a saved run as conferred honours, with\n"
    "the number and date of the conferring decision, so that the year's\n"
    "report and later evaluations see them.\n"
    "\n"
    "  --run ID            the run (the number 'tdkt eval' printed)\n"
    "  --decision-no NO    the decision number, e.g. 1234/QĐ-UBND\n"
    "  --date YYYY-MM-DD   the date the decision was signed (not before\n"
    "                      the year of the achievements)\n"
    "  --code AWARD        record only this award, e.g. bk_tinh\n"
    "                      (repeatable): a province's decision does not\n"
    "                      confer the Prime Minister's awards; default:\n"
    "                      every award\n"
    "  --id NOMINATION     record only these nominations (repeatable);\n"
    "                      default: every eligible decision of the run\n"
    "\n"
    "If a named nomination is not eligible (not in the run, or not of a\n"
    "--code), nothing is written. Each honour is of the kind (merit,\n"
    "thematic, ...) the run judged. An honour already recorded (same\n"
    "subject, code, year and kind) is kept as it is and counted as\n"
    "'already': conferring again never duplicates. If the records changed\n"
    "after the run (other than by honours recorded from that run), the\n"
    "honours are still recorded, and a note says to judge again.\n"
    "\n"
    "The summary line's formats: --format table (default), jsonl, json, csv.\n"
    "\n"
    "Exit status: 0 done, 1 could not (a nomination not eligible, no such\n"
    "run, a database error), 2 wrong usage.\n";

enum { OPT_RUN, OPT_NO, OPT_DATE, OPT_CODE, OPT_ID };
static const cli_option opts[] = {{"--run", true, false},
                                  {"--decision-no", true, false},
                                  {"--date", true, false},
                                  {"--code", true, true},
                                  {"--id", true, true},
                                  {NULL, false, false}};

static int print_summary(const tdkt_cli *cli, const tdkt_confer_options *o,
                         const tdkt_confer_summary *s)
{
    if (cli->format == TDKT_FMT_JSON || cli->format == TDKT_FMT_JSONL) {
        tdkt_buf b = {0};
        tdkt_buf_printf(&b, "{\"run\":%lld,\"decision_no\":",
                        (long long)o->run_id);
        tdkt_json_str(&b, o->decision_no);
        tdkt_buf_puts(&b, ",\"decision_date\":");
        tdkt_json_str(&b, o->decision_date);
        tdkt_buf_printf(&b,
                        ",\"added\":%zu,\"already\":%zu,"
                        "\"records_changed\":%s}\n",
                        s->added, s->already,
                        s->records_changed ? "true" : "false");
        fputs(tdkt_buf_cstr(&b), stdout);
        tdkt_buf_free(&b);
    } else if (cli->format == TDKT_FMT_CSV) {
        char run[24], added[24], already[24];
        snprintf(run, sizeof run, "%lld", (long long)o->run_id);
        snprintf(added, sizeof added, "%zu", s->added);
        snprintf(already, sizeof already, "%zu", s->already);
        const char *cells[] = {run,     o->decision_no, o->decision_date,
                               added,   already,
                               s->records_changed ? "1" : "0"};
        tdkt_buf b = {0};
        tdkt_buf_puts(&b, "run,decision_no,decision_date,added,already,"
                          "records_changed\n");
        tdkt_csv_row(&b, cells, sizeof cells / sizeof *cells);
        tdkt_buf_puts(&b, "\n");
        tdkt_safe_fputs(tdkt_buf_cstr(&b), stdout);
        tdkt_buf_free(&b);
    } else {
        printf(TDKT_TR(cli->lang,
                       "Đã ghi %zu khen thưởng từ lần xét %lld (quyết "
                       "định %s ngày %s); %zu đã có, bỏ qua.\n",
                       "Recorded %zu honours from run %lld (decision %s of "
                       "%s); %zu already recorded, skipped.\n"),
               s->added, (long long)o->run_id, o->decision_no,
               o->decision_date, s->already);
    }
    if (s->records_changed) {
        char note[400];
        tdkt_records_changed_note(note, sizeof note, o->run_id, cli->lang);
        fprintf(stderr, TDKT_TR(cli->lang, "tdkt: lưu ý: %s.\n",
                                "tdkt: note: %s.\n"),
                note);
    }
    return CLI_OK;
}

int cmd_confer(tdkt_cli *cli, int argc, char **argv)
{
    tdkt_confer_options o = {0};
    tdkt_confer_summary sum = {0};
    tdkt_diags diags = {0};
    tdkt_store *store = NULL;
    const char *run = NULL;
    char **ids = NULL;
    const char **codes = NULL;
    tdkt_date date;
    int rc = CLI_OK;

    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    int fmt_rc = cli_check_format(cli, "confer",
                                  FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                                      FMT(TDKT_FMT_JSON) | FMT(TDKT_FMT_CSV));
    if (fmt_rc != CLI_OK)
        return fmt_rc;
    ids = calloc((size_t)argc, sizeof *ids);
    codes = calloc((size_t)argc, sizeof *codes);
    if (!ids || !codes) {
        free(ids);
        free(codes);
        return cli_fail(cli, "out of memory");
    }

    int i = 1, k, got;
    const char *val;
    while ((got = cli_getopt(cli, "confer", opts, argc, argv, &i, &k,
                             &val)) == 1) {
        if (k < 0) {
            rc = cli_unexpected(cli, "confer", val);
            goto done;
        }
        if (!*val) {
            rc = cli_usage_error(cli, "confer",
                                 TDKT_TR(cli->lang, "%s cần một giá trị",
                                         "%s needs a value"),
                                 opts[k].name);
            goto done;
        }
        switch (k) {
        case OPT_RUN: run = val; break;
        case OPT_NO: o.decision_no = val; break;
        case OPT_DATE: o.decision_date = val; break;
        case OPT_CODE: codes[o.ncodes++] = val; break;
        default:
            /* as import stores ids: trimmed, composed */
            if (!(ids[o.nids++] = cli_id(val))) {
                rc = cli_fail(cli, "out of memory");
                goto done;
            }
            break;
        }
    }
    if (got == -2) {
        rc = CLI_USAGE;
        goto done;
    }

    int64_t run_id = cli_run_id(run);
    if (run_id <= 0)
        rc = cli_usage_error(cli, "confer",
                             TDKT_TR(cli->lang,
                                     "cần --run ID (một số dương)",
                                     "--run ID (a positive number) is "
                                     "required"));
    else if (!o.decision_no)
        rc = cli_usage_error(cli, "confer",
                             TDKT_TR(cli->lang, "cần --decision-no SỐ",
                                     "--decision-no NO is required"));
    else if (!o.decision_date)
        rc = cli_usage_error(cli, "confer",
                             TDKT_TR(cli->lang, "cần --date YYYY-MM-DD",
                                     "--date YYYY-MM-DD is required"));
    else if (cli_parse_date(cli, "confer", "--date", o.decision_date,
                            &date) < 0)
        rc = CLI_USAGE;
    for (size_t c = 0; rc == CLI_OK && c < o.ncodes; c++)
        if (tdkt_vocab_lookup(TDKT_V_AWARD, codes[c]) < 0)
            rc = cli_usage_error(cli, "confer",
                                 TDKT_TR(cli->lang,
                                         "--code: không có hình thức khen "
                                         "thưởng '%s' (ví dụ bk_tinh, "
                                         "cstd_tinh, co_tinh)",
                                         "--code: there is no award '%s' "
                                         "(e.g. bk_tinh, cstd_tinh, "
                                         "co_tinh)"),
                                 codes[c]);
    if (rc != CLI_OK)
        goto done;
    o.run_id = run_id;
    o.ids = o.nids ? (const char *const *)ids : NULL;
    o.codes = o.ncodes ? codes : NULL;

    int error = tdkt_store_open(&store, cli->db,
                                TDKT_STORE_WRITE | TDKT_STORE_EXISTING);
    if (error == TDKT_OK)
        error = tdkt_confer(store, &o, cli->lang, &sum, &diags);
    if (error == TDKT_EINVALID && diags.count > 0) {
        cli_print_diags(cli, &diags);
        rc = CLI_FAIL;
    } else if (error < 0) {
        rc = cli_fail(cli, NULL);
    } else {
        cli->stored = true;
        rc = print_summary(cli, &o, &sum);
    }
done:
    tdkt_diags_clear(&diags);
    tdkt_store_close(store);
    cli_ids_free(ids, o.nids);
    free(codes);
    return rc;
}
