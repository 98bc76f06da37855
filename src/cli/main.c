/*
 * tdkt: the command. Global options may stand anywhere before "--"; they
 * are taken out of argv here, and the subcommand sees only its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"

static const cli_cmd commands[] = {
    {"import", cmd_import, "nhập hồ sơ từ tệp CSV vào cơ sở dữ liệu",
     "import record files (CSV) into the database"},
    {"eval", cmd_eval, "xét các đề nghị khen thưởng theo bộ quy tắc",
     "judge nominations against the rule sets"},
    {"diff", cmd_diff, "so sánh kết quả xét giữa hai bộ quy tắc (chạy thử)",
     "dry-run: compare outcomes under two rule sets"},
    {"report", cmd_report, "bảng tổng hợp khen thưởng hằng năm; kiểm tra "
                           "bảng điền tay",
     "annual summary table; audit a hand-filled table"},
    {"confer", cmd_confer, "ghi các quyết định đủ điều kiện thành khen "
                           "thưởng đã trao",
     "record eligible decisions as conferred honours"},
    {"runs", cmd_runs, "xem lại các lần xét đã lưu", "show saved runs"},
    {"rules", cmd_rules, "liệt kê và kiểm tra bộ quy tắc",
     "list and check rule sets"},
};

static const char main_help_vi[] =
    "Cách dùng: tdkt [tùy chọn chung] <lệnh> [tham số]\n"
    "\n"
    "tdkt xét điều kiện thi đua, khen thưởng theo các bộ quy tắc (Lua),\n"
    "từ hồ sơ lưu trong SQLite.\n"
    "\n"
    "Lệnh:\n";
static const char main_help_en[] =
    "Usage: tdkt [global options] <command> [arguments]\n"
    "\n"
    "tdkt judges emulation and commendation (thi đua, khen thưởng)\n"
    "nominations against rule sets written in Lua, from records kept in\n"
    "SQLite.\n"
    "\n"
    "Commands:\n";
static const char global_help_vi[] =
    "\n"
    "Tùy chọn chung (đặt ở bất kỳ đâu trước \"--\"):\n"
    "  --db TỆP             cơ sở dữ liệu (mặc định: $TDKT_DB, hoặc tdkt.db)\n"
    "  --rules THƯ_MỤC      một bộ quy tắc, hoặc thư mục chứa nhiều bộ\n"
    "                       (chọn theo ngày)\n"
    "  --format ĐỊNH_DẠNG   table (mặc định), jsonl, csv, json, md, xlsx\n"
    "  --lang vi|en         ngôn ngữ hiển thị (mặc định: vi)\n"
    "  --threads N          số luồng xét và in kết quả (mặc định, hoặc 0:\n"
    "                       mọi nhân CPU)\n"
    "  --help, --version\n"
    "\n"
    "Biến môi trường: TDKT_DB (--db), TDKT_RULES (thư mục quy tắc, thay\n"
    "cho rules/ cài kèm), TDKT_LANG (--lang).\n"
    "\n"
    "Mỗi lệnh có --help riêng. Mã thoát: 0 thành công, 1 không thực hiện\n"
    "được (dữ liệu sai, lỗi cơ sở dữ liệu hay quy tắc), 2 sai cú pháp.\n";
static const char global_help_en[] =
    "\n"
    "Global options (anywhere before \"--\"):\n"
    "  --db PATH        the database (default: $TDKT_DB, else tdkt.db)\n"
    "  --rules DIR      one rule set, or a folder of rule sets (chosen by "
    "date)\n"
    "  --format FMT     table (default), jsonl, csv, json, md, xlsx\n"
    "  --lang vi|en     language of human-facing text (default: vi)\n"
    "  --threads N      threads that judge and print (default, or 0: every\n"
    "                   core)\n"
    "  --help, --version\n"
    "\n"
    "Environment: TDKT_DB (--db), TDKT_RULES (the rules folder, instead of\n"
    "the installed rules/), TDKT_LANG (--lang).\n"
    "\n"
    "Each command has its own --help. Exit status: 0 done, 1 could not\n"
    "(bad input, database or rule error), 2 wrong usage.\n";

static int print_main_help(const tdkt_cli *cli, FILE *out)
{
    bool en = cli->lang == TDKT_LANG_EN;
    fputs(en ? main_help_en : main_help_vi, out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name,
                en ? commands[i].summary_en : commands[i].summary_vi);
    fputs(en ? global_help_en : global_help_vi, out);
    return CLI_OK;
}

int cli_fail(const tdkt_cli *cli, const char *msg)
{
    (void)cli;
    tdkt_safe_printf(stderr, "tdkt: %s\n",
                     msg ? msg : tdkt_error_last()->message);
    return CLI_FAIL;
}

int cli_nothing_to_judge(const tdkt_cli *cli, const tdkt_eval_options *o,
                         const char *tail)
{
    char year[32] = "";
    if (o->year)
        snprintf(year, sizeof year, TDKT_TR(cli->lang, " năm %d", " for %d"),
                 o->year);
    fprintf(stderr,
            TDKT_TR(cli->lang, "tdkt: không có đề nghị nào để xét%s%s%s\n",
                    "tdkt: no nomination to judge%s%s%s\n"),
            o->nids ? TDKT_TR(cli->lang, " trong các đề nghị đã nêu",
                              " among those named")
                    : "",
            year, tail);
    return CLI_FAIL;
}

int cli_usage_error(const tdkt_cli *cli, const char *cmd, const char *fmt,
                    ...)
{
    va_list ap;
    fputs("tdkt: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr,
            cli->lang == TDKT_LANG_EN ? "See 'tdkt %s%s--help'.\n"
                                      : "Xem 'tdkt %s%s--help'.\n",
            cmd ? cmd : "", cmd ? " " : "");
    return CLI_USAGE;
}

int cli_check_format(const tdkt_cli *cli, const char *cmd, unsigned allowed)
{
    if (allowed & FMT(cli->format))
        return CLI_OK;
    char names[128] = "";
    size_t len = 0;
    for (int f = TDKT_FMT_TABLE; f <= TDKT_FMT_XLSX; f++)
        if (allowed & FMT(f))
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
                                    len ? ", " : "",
                                    tdkt_format_name((tdkt_format)f));
    return cli_usage_error(cli, cmd,
                           TDKT_TR(cli->lang,
                                   "lệnh %s in --format %s, không in %s",
                                   "%s prints --format %s, not %s"),
                           cmd, names, tdkt_format_name(cli->format));
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

int cli_help(const tdkt_cli *cli, const char *vi, const char *en)
{
    fputs(cli->lang == TDKT_LANG_EN ? en : vi, stdout);
    return CLI_OK;
}

void cli_print_diags(const tdkt_cli *cli, const tdkt_diags *d)
{
    /* Messages quote the input, which may hold control characters. */
    for (size_t i = 0; i < d->count; i++) {
        const tdkt_diag *g = &d->items[i];
        if (g->line > 0 && g->column[0])
            tdkt_safe_printf(stderr, "%s:%ld: %s: %s\n", g->file, g->line,
                             g->column, g->message);
        else if (g->line > 0)
            tdkt_safe_printf(stderr, "%s:%ld: %s\n", g->file, g->line,
                             g->message);
        else
            tdkt_safe_printf(stderr, "%s: %s\n", g->file, g->message);
    }
    for (size_t i = 0; i < d->nfiles; i++)
        if (d->files[i].dropped)
            tdkt_safe_printf(stderr,
                             TDKT_TR(cli->lang,
                                     "%s: còn %zu lỗi khác (mỗi tệp chỉ hiện "
                                     "%zu lỗi đầu)\n",
                                     "%s: %zu more problems (the first %zu "
                                     "of each file are shown)\n"),
                             d->files[i].file, d->files[i].dropped,
                             d->per_file);
    size_t total = d->count + d->dropped;
    if (cli->lang == TDKT_LANG_EN)
        fprintf(stderr, "%zu problem%s found%s; nothing was written.\n",
                total, total == 1 ? "" : "s",
                d->dropped ? " (the first shown)" : "");
    else
        fprintf(stderr, "Tìm thấy %zu lỗi%s; không ghi gì vào cơ sở dữ "
                        "liệu.\n",
                total, d->dropped ? " (chỉ hiện các lỗi đầu)" : "");
}

int cli_status(int error)
{
    return error < 0 ? CLI_FAIL : CLI_OK;
}

/* Is this argument a global option? Then consume it (and its value). */
static int take_global(tdkt_cli *cli, int argc, char **argv, int i,
                       int *consumed)
{
    const char *a = argv[i];
    const char *names[] = {"--db", "--rules", "--format", "--lang",
                           "--threads"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        size_t n = strlen(names[k]);
        const char *val = NULL;
        if (strcmp(a, names[k]) == 0) {
            if (i + 1 >= argc)
                return cli_usage_error(cli, NULL,
                                       TDKT_TR(cli->lang, "%s cần một giá trị",
                                               "%s needs a value"),
                                       names[k]);
            val = argv[i + 1];
            *consumed = 2;
        } else if (strncmp(a, names[k], n) == 0 && a[n] == '=') {
            val = a + n + 1;
            *consumed = 1;
        } else {
            continue;
        }
        switch (k) {
        case 0:
            /* SQLite would take "" or ":memory:" for a database that
             * vanishes when the command ends: imports that go nowhere. */
            if (!*val || strcmp(val, ":memory:") == 0)
                return cli_usage_error(cli, NULL,
                                       TDKT_TR(cli->lang,
                                               "--db cần đường dẫn của một "
                                               "tệp, không phải '%s'",
                                               "--db needs the path of a "
                                               "file, not '%s'"),
                                       val);
            cli->db = val;
            break;
        case 1: cli->rules = val; break;
        case 2:
            if (tdkt_format_parse(&cli->format, val) < 0)
                return cli_usage_error(cli, NULL,
                                       TDKT_TR(cli->lang,
                                               "không có định dạng '%s'",
                                               "unknown format '%s'"),
                                       val);
            cli->format_set = true;
            break;
        case 3:
            if (tdkt_lang_parse(&cli->lang, val) < 0)
                return cli_usage_error(cli, NULL,
                                       TDKT_TR(cli->lang,
                                               "--lang nhận vi hoặc en, "
                                               "không phải '%s'",
                                               "--lang takes vi or en, "
                                               "not '%s'"),
                                       val);
            break;
        case 4: {
            char *end;
            long t = strtol(val, &end, 10);
            if (*end || t < 0 || t > 1024)
                return cli_usage_error(cli, NULL,
                                       TDKT_TR(cli->lang,
                                               "--threads nhận một số "
                                               "0..1024",
                                               "--threads takes a number "
                                               "0..1024"));
            cli->threads = (int)t;
            break;
        }
        }
        return CLI_OK;
    }
    *consumed = 0;
    return CLI_OK;
}

int main(int argc, char **argv)
{
    tdkt_cli cli = {0};
    cli.prog = argv[0];
    /* $TDKT_LANG is --lang's default: an empty one is none; a bad one is
     * said on stderr, once, and Vietnamese used, unless --lang overrides
     * it (not an error: it is the environment's, and --help must still
     * answer). */
    const char *env_lang = getenv("TDKT_LANG");
    bool env_lang_bad = env_lang && *env_lang &&
                        tdkt_lang_parse(&cli.lang, env_lang) < 0;

    /* The language first, wherever it stands, so that every message
     * (of the other options too) is in it; take_global checks it (a bad
     * value is left for it to report). */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = strcmp(argv[i], "--lang") == 0 && i + 1 < argc
                            ? argv[i + 1]
                        : strncmp(argv[i], "--lang=", 7) == 0 ? argv[i] + 7
                                                              : NULL;
        if (v)
            env_lang_bad = false;
        (void)tdkt_lang_parse(&cli.lang, v);
    }

    tdkt_set_message_lang(cli.lang);
    if (env_lang_bad)
        tdkt_safe_printf(stderr,
                         "tdkt: TDKT_LANG nhận vi hoặc en, không phải '%s': "
                         "dùng tiếng Việt\n",
                         env_lang);

    /* Pull the global options out of argv, wherever they stand. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return cli_fail(&cli, "out of memory");
    int nargs = 0;
    bool dashdash = false;
    for (int i = 0; i < argc; i++) {
        int consumed = 0;
        if (i > 0 && !dashdash) {
            if (strcmp(argv[i], "--") == 0)
                dashdash = true;
            int rc = take_global(&cli, argc, argv, i, &consumed);
            if (rc != CLI_OK) {
                free(args);
                return rc;
            }
        }
        if (consumed) {
            i += consumed - 1;
            continue;
        }
        args[nargs++] = argv[i];
    }
    if (!cli.db)
        cli.db = getenv("TDKT_DB") && *getenv("TDKT_DB") ? getenv("TDKT_DB")
                                                         : "tdkt.db";
    cli.rules_root = getenv("TDKT_RULES") && *getenv("TDKT_RULES")
                         ? getenv("TDKT_RULES")
                         : tdkt_rules_default_root();
    /* A set kept outside the rules root (myrules/kontum/qd-2026) finds
     * its parent (kontum/qd56-2024) under --rules, then the rules root. */
    const char *parent_roots[] = {cli.rules, cli.rules_root};
    if (tdkt_rules_set_parent_roots(parent_roots + !cli.rules,
                                    cli.rules ? 2 : 1) < 0) {
        free(args);
        return cli_fail(&cli, NULL);
    }

    int rc;
    if (nargs < 2) {
        print_main_help(&cli, stderr);
        rc = CLI_USAGE;
    } else if (strcmp(args[1], "--help") == 0 || strcmp(args[1], "-h") == 0 ||
               strcmp(args[1], "help") == 0) {
        rc = print_main_help(&cli, stdout);
    } else if (strcmp(args[1], "--version") == 0 ||
               strcmp(args[1], "version") == 0) {
        printf("tdkt %s (Lua 5.4, SQLite %s)\n", tdkt_build(),
               sqlite3_libversion());
        rc = CLI_OK;
    } else {
        const cli_cmd *cmd = NULL;
        for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
            if (strcmp(args[1], commands[i].name) == 0)
                cmd = &commands[i];
        if (!cmd)
            rc = cli_usage_error(&cli, NULL,
                                 TDKT_TR(cli.lang, "không có lệnh '%s'",
                                         "unknown command '%s'"),
                                 args[1]);
        else
            rc = cmd->fn(&cli, nargs - 1, args + 1);
    }
    free(args);
    /* What the command printed must have arrived: a full disk or a
     * closed pipe is no success. */
    if (rc == CLI_OK && tdkt_output_done(stdout, cli.lang) < 0) {
        rc = cli_fail(&cli, NULL);
        if (cli.stored) /* or a script would take it for nothing done */
            fputs(TDKT_TR(cli.lang,
                          "tdkt: dữ liệu đã được lưu; chỉ phần tóm tắt không "
                          "in ra được.\n",
                          "tdkt: the data was saved; only the summary could "
                          "not be printed.\n"),
                  stderr);
    }
    return rc;
}
