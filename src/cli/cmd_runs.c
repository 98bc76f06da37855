/* tdkt runs [show ID]: the saved runs, and one run's decisions again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt runs\n"
    "           tdkt runs show ID\n"
    "\n"
    "Liệt kê các lần xét đã lưu, hoặc in lại các quyết định của lần xét ID\n"
    "(--format jsonl, json hoặc csv: đúng từng byte như tdkt eval đã in;\n"
    "riêng tên đối tượng trong csv là tên hiện nay). Trước khi in, kiểm tra\n"
    "SHA-256 của từng bộ quy tắc đã dùng với các tệp hiện nay. Nếu bộ quy\n"
    "tắc hay hồ sơ đã đổi sau lần xét, một dòng lưu ý ra stderr (ở mọi định\n"
    "dạng), và lệnh vẫn in lần xét, mã thoát 0. Định dạng: --format table\n"
    "(mặc định), jsonl, json, csv.\n"
    "\n"
    "Cột 'Dữ liệu': phiên bản hồ sơ mà lần xét đã đọc (mỗi lần nhập, mỗi\n"
    "dòng hồ sơ được ghi hay sửa làm nó tăng); '(đã đổi)': hồ sơ đã thay\n"
    "đổi sau lần xét đó (ngoài các khen thưởng ghi từ chính lần xét đó\n"
    "bằng tdkt confer), nên xét lại trước khi dùng kết quả. Trong jsonl\n"
    "và json, mỗi lần xét có cả engine (bản tdkt) và rule_sets (mảng mã\n"
    "các bộ quy tắc), như cột 'tdkt' và 'Bộ quy tắc' của bảng. Bảng của\n"
    "runs show kể thêm các lần tdkt confer đã ghi từ lần xét đó.\n"
    "\n"
    "Mã thoát: 0 xong, 1 không có lần xét ID hay không đọc được cơ sở dữ\n"
    "liệu, 2 sai cú pháp (ID không phải số).\n";
static const char help_en[] =
    "Usage: tdkt runs\n"
    "       tdkt runs show ID\n"
    "\n"
    "List the saved runs, or print the decisions of run ID again (--format\n"
    "jsonl, json or csv: byte for byte what tdkt eval printed, but for the\n"
    "subjects' names in csv, which are today's). First checks each rule\n"
    "set's recorded SHA-256 against its files now. When a rule set or the\n"
    "records changed after the run, a note says so on stderr (in every\n"
    "format), and the run is still shown, exit status 0. Formats: --format\n"
    "table (default), jsonl, json, csv.\n"
    "\n"
    "Column 'Records': the version of the records the run read (each\n"
    "import, and each record row written or changed, adds to it);\n"
    "'(changed)': the records changed after that run (other than by the\n"
    "honours tdkt confer recorded from it), so judge again before relying\n"
    "on its results. In jsonl and json each run has its engine (the tdkt\n"
    "build) and rule_sets (an array of rule set ids) too, as the table's\n"
    "columns 'tdkt' and 'Rule sets'. The table of runs show also lists the\n"
    "confers recorded from that run.\n"
    "\n"
    "Exit status: 0 done, 1 no run ID or the database cannot be read, 2\n"
    "wrong usage (an ID that is not a number).\n";

int cmd_runs(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    int rc = cli_check_format(cli, "runs",
                              FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                                  FMT(TDKT_FMT_JSON) | FMT(TDKT_FMT_CSV));
    if (rc != CLI_OK)
        return rc;
    bool show = argc >= 2 && strcmp(argv[1], "show") == 0;
    if ((argc >= 2 && !show) || (show && argc != 3))
        return cli_usage_error(cli, "runs",
                               TDKT_TR(cli->lang,
                                       "dùng 'tdkt runs' hoặc 'tdkt runs "
                                       "show SỐ'",
                                       "say 'tdkt runs' or 'tdkt runs "
                                       "show ID'"));
    int64_t id = 0;
    if (show) {
        char *typed = cli_id(argv[2]);
        if (!typed)
            return cli_fail(cli, "out of memory");
        id = cli_run_id(typed);
        free(typed);
        if (id <= 0)
            return cli_usage_error(cli, "runs",
                                   TDKT_TR(cli->lang,
                                           "số hiệu lần xét là một số "
                                           "dương",
                                           "a run id is a positive "
                                           "number"));
    }
    tdkt_store *store = NULL;
    if (tdkt_store_open(&store, cli->db, TDKT_STORE_READ) < 0)
        return cli_fail(cli, NULL);
    int error;
    tdkt_diags problems = {0};
    if (show)
        error = tdkt_run_show(store, id, cli->format, cli->lang, stdout,
                              &problems);
    else
        error = tdkt_runs_list(store, cli->format, cli->lang, stdout);
    tdkt_store_close(store);
    if (error < 0) { /* a command that fails says only why */
        cli_fail(cli, NULL);
        tdkt_diags_clear(&problems);
        return CLI_FAIL;
    }
    /* The run was shown: what may have put it out of date is a note,
     * not a failure (exit 0). */
    for (size_t i = 0; i < problems.count; i++)
        tdkt_safe_printf(stderr,
                         TDKT_TR(cli->lang, "tdkt: lưu ý: %s\n",
                                 "tdkt: note: %s\n"),
                         problems.items[i].message);
    tdkt_diags_clear(&problems);
    return CLI_OK;
}
