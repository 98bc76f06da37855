/* tdkt diff: judge the same nominations under two rule sets; print only
 * what changes. Never writes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt diff --from A --to B [--year NĂM] [--id ĐỀ_NGHỊ]...\n"
    "                     [--set TÊN=GIÁ_TRỊ]... [--only LOẠI] [--fresh]\n"
    "\n"
    "Chạy thử: xét cùng các đề nghị theo hai bộ quy tắc A và B, in từng đề\n"
    "nghị có thay đổi (kết quả hay tiêu chí), với lý do ở hai bên (cùng\n"
    "một bộ quy tắc, đổi tham số hay tệp: các tiêu chí đã đổi, trước và\n"
    "sau), rồi tóm tắt theo hình thức. Không ghi gì vào cơ sở dữ liệu.\n"
    "\n"
    "A và B có thể là:\n"
    "  THƯ_MỤC             một bộ quy tắc, hoặc thư mục nhiều bộ (chọn theo\n"
    "                      ngày trình của từng đề nghị)\n"
    "  YYYY-MM-DD          bộ quy tắc có hiệu lực vào ngày đó (trong --rules,\n"
    "                      $TDKT_RULES hoặc thư mục rules/ cài kèm)\n"
    "  THƯ_MỤC@YYYY-MM-DD  bộ trong THƯ_MỤC có hiệu lực vào ngày đó\n"
    "\n"
    "  --set TÊN=GIÁ_TRỊ   đổi một tham số của phía B cho lần chạy này, ví\n"
    "                      dụ --set cstd_cs.initiatives=2 (lặp lại được).\n"
    "                      Một bộ quy tắc xét phía B phải có tham số đó\n"
    "                      (tdkt rules list THƯ_MỤC liệt kê các tham số);\n"
    "                      tên khác bị từ chối (mã thoát 2)\n"
    "  --only LOẠI         chỉ in: gained (thêm đủ điều kiện), lost (mất),\n"
    "                      review (sang hay thôi xem xét), outcome (mọi\n"
    "                      thay đổi kết quả), reasons (chỉ đổi lý do),\n"
    "                      changed (mọi thay đổi, mặc định); lặp lại được.\n"
    "                      Bảng tóm tắt luôn đếm mọi thay đổi\n"
    "  --fresh             xét lại phía A từ đầu. Mặc định, nếu một lần xét\n"
    "                      đã lưu (tdkt eval) đã xét đúng dữ liệu này theo\n"
    "                      đúng các tệp của bộ quy tắc A, cùng ngôn ngữ,\n"
    "                      bằng chính bản tdkt này (tdkt --version), thì\n"
    "                      lấy lại kết quả của nó thay vì xét lại (kết\n"
    "                      quả in ra như nhau; lỗi quy tắc luôn được xét lại)\n"
    "\n"
    "Định dạng: --format table (mặc định), jsonl, csv. jsonl kết thúc bằng\n"
    "các dòng tóm tắt: {\"summary\":\"code\",\"code\":…} cho từng hình thức,\n"
    "rồi {\"summary\":\"total\",…}, mỗi dòng đếm số đề nghị theo từng loại\n"
    "thay đổi (same, gained, lost, review, from_review, changed, reasons);\n"
    "csv chỉ có các đề nghị. Mã thoát 0 dù có thay đổi hay không; 1 khi\n"
    "không có đề nghị nào để so sánh.\n";
static const char help_en[] =
    "Usage: tdkt diff --from A --to B [--year YEAR] [--id NOMINATION]...\n"
    "                 [--set NAME=VALUE]... [--only KIND] [--fresh]\n"
    "\n"
    "Dry-run: judge the same nominations under rule sets A and B; print\n"
    "each nomination whose outcome or criteria change, with each side's\n"
    "reasons (one rule set, its parameters or files changed: the criteria\n"
    "that changed, before and after), then a summary per award. Writes\n"
    "nothing.\n"
    "\n"
    "A and B may be:\n"
    "  DIR                 one rule set, or a folder of sets (chosen by\n"
    "                      each nomination's submitted date)\n"
    "  YYYY-MM-DD          the set in force on that date (in --rules,\n"
    "                      $TDKT_RULES or the installed rules/)\n"
    "  DIR@YYYY-MM-DD      the set in DIR in force on that date\n"
    "\n"
    "  --set NAME=VALUE    change a parameter of side B for this run, e.g.\n"
    "                      --set cstd_cs.initiatives=2 (repeatable). A rule\n"
    "                      set judging side B must have it (tdkt rules list\n"
    "                      DIR lists them); another name is refused (exit\n"
    "                      status 2)\n"
    "  --only KIND         print only: gained, lost, review (to or from),\n"
    "                      outcome (every change of outcome), reasons\n"
    "                      (reasons only), or changed (everything, the\n"
    "                      default); repeatable. The summary always counts\n"
    "                      every change\n"
    "  --fresh             judge side A afresh. By default, when a saved run\n"
    "                      (tdkt eval) judged these very records under the\n"
    "                      same files of rule set A, in the same language,\n"
    "                      with this very build of tdkt (tdkt --version),\n"
    "                      its judgements are taken instead (the output is\n"
    "                      the same; rule errors are always judged again)\n"
    "\n"
    "Formats: --format table (default), jsonl, csv. jsonl ends with the\n"
    "summary lines: {\"summary\":\"code\",\"code\":…} per award code, then\n"
    "{\"summary\":\"total\",…}, each counting the nominations by change\n"
    "(same, gained, lost, review, from_review, changed, reasons); csv holds\n"
    "the nominations alone. Exit status 0 whether or not anything changed;\n"
    "1 when no nomination is there to compare.\n";

enum { O_FROM, O_TO, O_YEAR, O_ID, O_SET, O_ONLY, O_FRESH };
static const cli_option opts[] = {
    {"--from", true, false}, {"--to", true, false},   {"--year", true, false},
    {"--id", true, true},    {"--set", true, true},   {"--only", true, true},
    {"--fresh", false, false}, {NULL, false, false}};

typedef struct side {
    char dir[4096];
    tdkt_date as_of;
    tdkt_rules *rules;
    tdkt_results *res;
} side;

/* Does s look like YYYY-MM-DD (a date, valid or not)? */
static bool date_shaped(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    return s[10] == '\0';
}

static int parse_side(const tdkt_cli *cli, const char *opt, const char *spec,
                      side *s)
{
    const char *at = strrchr(spec, '@');
    tdkt_date d = 0;
    struct stat st;
    if (date_shaped(spec) && tdkt_date_parse(&d, spec) < 0 &&
        stat(spec, &st) != 0)
        return cli_parse_date(cli, "diff", opt, spec, &d) < 0 ? CLI_USAGE
                                                               : CLI_OK;
    if (tdkt_date_parse(&d, spec) == 0) {
        snprintf(s->dir, sizeof s->dir, "%s",
                 cli->rules ? cli->rules : cli->rules_root);
        s->as_of = d;
        return 0;
    }
    if (at && tdkt_date_parse(&d, at + 1) == 0) {
        snprintf(s->dir, sizeof s->dir, "%.*s", (int)(at - spec), spec);
        s->as_of = d;
        return 0;
    }
    if (at)
        return cli_usage_error(cli, "diff",
                               TDKT_TR(cli->lang,
                                       "'%s': sau @ phải là một ngày "
                                       "YYYY-MM-DD",
                                       "'%s': the date after @ must be "
                                       "YYYY-MM-DD"),
                               spec);
    snprintf(s->dir, sizeof s->dir, "%s", spec);
    return 0;
}

static unsigned only_bit(const char *kind)
{
    if (strcmp(kind, "gained") == 0)
        return 1u << TDKT_GAINED;
    if (strcmp(kind, "lost") == 0)
        return 1u << TDKT_LOST;
    if (strcmp(kind, "review") == 0)
        return 1u << TDKT_TO_REVIEW | 1u << TDKT_FROM_REVIEW;
    if (strcmp(kind, "reasons") == 0)
        return 1u << TDKT_REASONS;
    if (strcmp(kind, "outcome") == 0)
        return ~(1u << TDKT_REASONS);
    if (strcmp(kind, "changed") == 0)
        return ~0u;
    return 0;
}

/* The NAME of "--set NAME=VALUE" into @p buf; returns its '='. */
static const char *set_name(char *buf, size_t n, const char *set)
{
    const char *eq = strchr(set, '=');
    snprintf(buf, n, "%.*s", (int)(eq - set), set);
    return eq;
}

int cmd_diff(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    int fmt_rc = cli_check_format(cli, "diff",
                                  FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                                      FMT(TDKT_FMT_CSV));
    if (fmt_rc != CLI_OK)
        return fmt_rc;
    side from = {0}, to = {0};
    bool have_from = false, have_to = false;
    tdkt_eval_options o = TDKT_EVAL_OPTIONS_INIT;
    char **ids = calloc((size_t)argc, sizeof *ids);
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nsets = 0;
    unsigned only = 0;
    bool fresh = false;
    int64_t saved_run = 0;
    tdkt_results *saved = NULL;
    int i = 1, which, rc, status = CLI_USAGE;
    const char *val;
    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    tdkt_diff *d = NULL;
    if (!ids || !sets) {
        status = cli_fail(cli, "out of memory");
        goto done;
    }
    while ((rc = cli_getopt(cli, "diff", opts, argc, argv, &i, &which,
                            &val)) == 1) {
        if (which == O_FROM) {
            if (parse_side(cli, "--from", val, &from))
                goto done;
            have_from = true;
        } else if (which == O_TO) {
            if (parse_side(cli, "--to", val, &to))
                goto done;
            have_to = true;
        } else if (which == O_YEAR) {
            if (cli_parse_year(cli, "diff", val, &o.year) < 0)
                goto done;
        } else if (which == O_ID) {
            if (!(ids[o.nids++] = cli_id(val))) {
                status = cli_fail(cli, "out of memory");
                goto done;
            }
        } else if (which == O_SET) {
            if (!strchr(val, '=')) {
                cli_usage_error(cli, "diff",
                                TDKT_TR(cli->lang, "--set cần TÊN=GIÁ_TRỊ", "--set takes NAME=VALUE"));
                goto done;
            }
            sets[nsets++] = val;
        } else if (which == O_ONLY) {
            unsigned bit = only_bit(val);
            if (!bit) {
                cli_usage_error(cli, "diff",
                                TDKT_TR(cli->lang,
                                        "--only nhận gained, lost, review, "
                                        "outcome, reasons hoặc changed",
                                        "--only takes gained, lost, "
                                        "review, outcome, reasons or "
                                        "changed"));
                goto done;
            }
            only |= bit;
        } else if (which == O_FRESH) {
            fresh = true;
        } else {
            cli_unexpected(cli, "diff", val);
            goto done;
        }
    }
    if (rc == -2)
        goto done;
    if (!have_from || !have_to) {
        cli_usage_error(cli, "diff",
                        TDKT_TR(cli->lang, "cần --from A và --to B", "say --from A and --to B"));
        goto done;
    }
    status = CLI_FAIL;
    o.ids = (const char *const *)ids;
    o.threads = cli->threads;
    o.lang = cli->lang;
    o.quiet = true; /* the details it prints are filled in after */
    /* Read only: a dry-run writes nothing of its own (an older store is
     * still migrated on open, as by every command: tdkt_store_open). */
    if (tdkt_store_open(&store, cli->db, TDKT_STORE_READ) < 0 ||
        tdkt_index_load(&ix, store) < 0 ||
        tdkt_rules_open(&from.rules, from.dir) < 0 ||
        tdkt_rules_open(&to.rules, to.dir) < 0 ||
        (!fresh && tdkt_run_results(&saved, &saved_run, store, ix,
                                    from.rules, &o) < 0)) {
        cli_fail(cli, NULL);
        goto done;
    }
    tdkt_store_close(store); /* the index holds everything now */
    store = NULL;
    for (size_t k = 0; k < nsets; k++) {
        char name[256];
        const char *eq = set_name(name, sizeof name, sets[k]);
        int error = tdkt_rules_set_param(to.rules, name, eq + 1);
        if (error < 0) {
            cli_fail(cli, NULL);
            status = error == TDKT_ENOMEM ? CLI_FAIL : CLI_USAGE;
            goto done;
        }
    }
    o.as_of = from.as_of;
    if (tdkt_diff_eval(&from.res, ix, from.rules, &o, saved) < 0) {
        cli_fail(cli, NULL);
        goto done;
    }
    tdkt_results_free(saved); /* side A has its own copy now */
    saved = NULL;
    if (tdkt_results_count(from.res) == 0) {
        cli_nothing_to_judge(cli, &o,
                             TDKT_TR(cli->lang, "; không có gì để so sánh.",
                                     "; nothing to compare."));
        goto done;
    }
    o.as_of = to.as_of;
    if (tdkt_diff_eval(&to.res, ix, to.rules, &o, from.res) < 0) {
        cli_fail(cli, NULL);
        goto done;
    }
    /* A parameter that only sets judging nothing on side B have (another
     * regime's, or a set not in force on B's date) changed nothing: a
     * typo, or the wrong side, refused as an unknown name is. */
    for (size_t k = 0; k < nsets; k++) {
        char name[256];
        set_name(name, sizeof name, sets[k]);
        int error = tdkt_diff_param_used(to.res, name);
        if (error < 0) {
            cli_fail(cli, NULL);
            status = error == TDKT_ENOMEM ? CLI_FAIL : CLI_USAGE;
            goto done;
        }
    }
    if (tdkt_diff_compare(&d, from.res, to.res) < 0 ||
        tdkt_diff_write(d, cli->format, cli->lang, only, stdout) < 0) {
        cli_fail(cli, NULL);
        goto done;
    }
    /* Said last, once everything is printed: a command that fails says
     * only why. */
    size_t taken = tdkt_results_reused(from.res);
    if (taken)
        fprintf(stderr,
                TDKT_TR(cli->lang,
                        "Phía A: lấy lại %zu kết quả của lần xét %lld đã "
                        "lưu (cùng dữ liệu, cùng bộ quy tắc); --fresh để "
                        "xét lại.\n",
                        "Side A: %zu judgements taken from saved run %lld "
                        "(same records, same rule set); --fresh judges "
                        "them again.\n"),
                taken, (long long)saved_run);
    status = CLI_OK;
done:
    tdkt_diff_free(d);
    tdkt_results_free(from.res);
    tdkt_results_free(saved);
    tdkt_results_free(to.res);
    tdkt_rules_free(from.rules);
    tdkt_rules_free(to.rules);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    cli_ids_free(ids, o.nids);
    free(sets);
    return status;
}
