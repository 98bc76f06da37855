/* tdkt rules list | check: show rule sets and run their own test cases. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt rules list [THƯ_MỤC]\n"
    "           tdkt rules check [THƯ_MỤC]\n"
    "\n"
    "  list    liệt kê các bộ quy tắc (mã, căn cứ, hiệu lực, bộ gốc, số mẫu\n"
    "          xét và số tiêu chí dựa trên cách đọc chưa kiểm chứng); với\n"
    "          THƯ_MỤC là một bộ quy tắc: các mẫu xét, tham số và lưu ý của "
    "nó\n"
    "  check   nạp mọi tệp của bộ quy tắc (báo lỗi kèm tệp và dòng), chạy\n"
    "          các ca kiểm thử riêng của nó (tests/*.lua) và in số ca\n"
    "          đạt, không đạt; mã thoát 1 khi có lỗi. THƯ_MỤC chứa nhiều\n"
    "          bộ quy tắc: kiểm tra từng bộ\n"
    "\n"
    "Mặc định THƯ_MỤC là --rules, hoặc $TDKT_RULES, hoặc thư mục rules/\n"
    "cài kèm chương trình. list in --format table (mặc định), jsonl, csv\n"
    "(với một bộ quy tắc: các mẫu xét của nó).\n";
static const char help_en[] =
    "Usage: tdkt rules list [DIR]\n"
    "       tdkt rules check [DIR]\n"
    "\n"
    "  list    the rule sets (id, basis, effective dates, parent, forms, and\n"
    "          how many criteria rest on unverified readings); with DIR one\n"
    "          rule set: its forms, parameters and caveats\n"
    "  check   load every script of the rule set (errors with file and "
    "line),\n"
    "          run its own test cases (tests/*.lua) and print\n"
    "          'N passed, N failed'; exit status 1 on any failure. A DIR\n"
    "          holding several rule sets: each of them is checked\n"
    "\n"
    "DIR defaults to --rules, else $TDKT_RULES, else the rules/ folder\n"
    "installed with the program. list prints --format table (default),\n"
    "jsonl, csv (for one rule set: its forms).\n";

static char *date_text(char *buf, tdkt_date d)
{
    if (!d)
        return memcpy(buf, "—", sizeof "—");
    return tdkt_date_format(buf, d);
}

static void count_forms(const tdkt_ruleset *rs, int *criteria,
                        int *unverified)
{
    *criteria = *unverified = 0;
    for (size_t i = 0; i < tdkt_ruleset_forms(rs); i++) {
        *criteria += tdkt_form_criteria(tdkt_ruleset_form(rs, i));
        *unverified += tdkt_form_unverified(tdkt_ruleset_form(rs, i));
    }
}

/* Rows printed in the CLI's format: an aligned table, CSV with a header
 * of keys, or one JSON object per row (numbers as numbers). */
enum { ROWS_MAX = 9 }; /* columns */

typedef struct rows {
    tdkt_format fmt;
    int n;
    const char *const *keys;
    unsigned numeric; /* bit c: column c is a number */
    tdkt_table *t;
    bool lost; /* a line could not be made (out of memory) */
} rows;

static void rows_begin(rows *r, const tdkt_cli *cli, int n,
                       const char *const *keys, const char *const *head,
                       unsigned numeric)
{
    *r = (rows){cli->format, n, keys, numeric, NULL, false};
    if (r->fmt == TDKT_FMT_TABLE) {
        r->t = tdkt_table_new(n);
        tdkt_table_row(r->t, head);
        tdkt_table_rule(r->t);
        for (int c = 0; c < n; c++)
            if (numeric >> c & 1)
                tdkt_table_align_right(r->t, c);
    } else if (r->fmt == TDKT_FMT_CSV) {
        for (int c = 0; c < n; c++)
            printf("%s%s", c ? "," : "", keys[c]);
        putchar('\n');
    }
}

static void rows_add(rows *r, const char *const *cells)
{
    if (r->t) {
        tdkt_table_row(r->t, cells);
        return;
    }
    /* "—" (no date, no parent) is an empty cell, or null */
    const char *given[ROWS_MAX];
    for (int c = 0; c < r->n && c < ROWS_MAX; c++)
        given[c] = strcmp(cells[c], "—") == 0 ? NULL : cells[c];
    tdkt_buf b = {0};
    if (r->fmt == TDKT_FMT_CSV) {
        for (int c = 0; c < r->n; c++)
            given[c] = given[c] ? given[c] : "";
        tdkt_csv_row(&b, given, (size_t)r->n);
    } else {
        for (int c = 0; c < r->n; c++) {
            tdkt_buf_puts(&b, c ? "," : "{");
            tdkt_json_str(&b, r->keys[c]);
            tdkt_buf_puts(&b, ":");
            if (r->numeric >> c & 1)
                tdkt_buf_puts(&b, cells[c]);
            else
                tdkt_json_str(&b, given[c]);
        }
        tdkt_buf_puts(&b, "}");
    }
    /* printed whole: a quoted CSV cell may hold a line break */
    tdkt_buf_puts(&b, "\n");
    if (b.oom)
        r->lost = true;
    else
        tdkt_safe_fputs(tdkt_buf_cstr(&b), stdout);
    tdkt_buf_free(&b);
}

/* Returns 0, or TDKT_ENOMEM when the rows could not be printed whole. */
static int rows_end(rows *r)
{
    int error = r->lost ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                        : TDKT_OK;
    if (r->t && error == TDKT_OK)
        error = tdkt_table_print(r->t, stdout);
    tdkt_table_free(r->t);
    return error;
}

/* Returns 0, or TDKT_ENOMEM when a table could not be printed whole. */
static int list_sets(const tdkt_cli *cli, const tdkt_rules *rules)
{
    tdkt_lang L = cli->lang;
    static const char *const keys[] = {"id",      "title",    "basis",
                                       "from",    "to",       "extends",
                                       "forms",   "criteria", "unverified"};
    const char *head[] = {TDKT_TR(L, "Mã", "Id"),
                          TDKT_TR(L, "Tên", "Title"),
                          TDKT_TR(L, "Căn cứ", "Basis"),
                          TDKT_TR(L, "Từ ngày", "From"),
                          TDKT_TR(L, "Đến ngày", "To"),
                          TDKT_TR(L, "Kế thừa", "Extends"),
                          TDKT_TR(L, "Mẫu xét", "Forms"),
                          TDKT_TR(L, "Tiêu chí", "Criteria"),
                          TDKT_TR(L, "Chưa kiểm chứng", "Unverified")};
    rows t;
    rows_begin(&t, cli, 9, keys, head, 7u << 6);
    for (size_t i = 0; i < tdkt_rules_count(rules); i++) {
        const tdkt_ruleset *rs = tdkt_rules_at(rules, i);
        char from[11], to[11], nf[16], nc[16], nu[16];
        int crit, unv;
        count_forms(rs, &crit, &unv);
        snprintf(nf, sizeof nf, "%zu", tdkt_ruleset_forms(rs));
        snprintf(nc, sizeof nc, "%d", crit);
        snprintf(nu, sizeof nu, "%d", unv);
        const tdkt_ruleset *p = tdkt_ruleset_parent(rs);
        const char *row[] = {tdkt_ruleset_id(rs),
                             tdkt_ruleset_title(rs, L),
                             tdkt_ruleset_basis(rs),
                             date_text(from, tdkt_ruleset_from(rs)),
                             date_text(to, tdkt_ruleset_to(rs)),
                             p ? tdkt_ruleset_id(p) : "—",
                             nf,
                             nc,
                             nu};
        rows_add(&t, row);
    }
    return rows_end(&t);
}

/* A set's forms, one row each: under the set's heading in the table;
 * naming their set in jsonl and csv, which print only the forms. */
static int list_forms(const tdkt_cli *cli, const tdkt_ruleset *rs)
{
    tdkt_lang L = cli->lang;
    bool table = cli->format == TDKT_FMT_TABLE;
    static const char *const keys[] = {"ruleset", "code",     "subject",
                                       "name",    "basis",    "criteria",
                                       "unverified"};
    const char *head[] = {"",
                          TDKT_TR(L, "Mã", "Code"),
                          TDKT_TR(L, "Đối tượng", "Subject"),
                          TDKT_TR(L, "Hình thức", "Form"),
                          TDKT_TR(L, "Căn cứ", "Basis"),
                          TDKT_TR(L, "Tiêu chí", "Criteria"),
                          TDKT_TR(L, "Chưa kiểm chứng", "Unverified")};
    int skip = table; /* the table is under the set's heading */
    rows t;
    rows_begin(&t, cli, 7 - skip, keys + skip, head + skip,
               3u << (5 - skip));
    for (size_t i = 0; i < tdkt_ruleset_forms(rs); i++) {
        const tdkt_form *f = tdkt_ruleset_form(rs, i);
        char nc[16], nu[16];
        snprintf(nc, sizeof nc, "%d", tdkt_form_criteria(f));
        snprintf(nu, sizeof nu, "%d", tdkt_form_unverified(f));
        bool unit = tdkt_form_subject(f) == TDKT_UNIT;
        const char *row[] = {
            tdkt_ruleset_id(rs),
            tdkt_vocab_code(TDKT_V_AWARD, tdkt_form_award(f)),
            !table ? (unit ? "unit" : "person")
            : unit ? TDKT_TR(L, "tập thể", "collective")
                   : TDKT_TR(L, "cá nhân", "individual"),
            tdkt_form_name(f, L),
            tdkt_form_basis(f),
            nc,
            nu};
        rows_add(&t, row + skip);
    }
    return rows_end(&t);
}

static int show_set(const tdkt_cli *cli, const tdkt_ruleset *rs)
{
    tdkt_lang L = cli->lang;
    char from[11], to[11];
    const tdkt_ruleset *p = tdkt_ruleset_parent(rs);
    if (cli->format != TDKT_FMT_TABLE)
        return list_forms(cli, rs);
    /* The title, the basis and the caveats are the rule set's text. */
    tdkt_safe_printf(stdout, "%s — %s\n", tdkt_ruleset_id(rs),
                     tdkt_ruleset_title(rs, L));
    tdkt_safe_printf(stdout, "%s: %s\n", TDKT_TR(L, "Căn cứ", "Basis"),
                     tdkt_ruleset_basis(rs));
    printf("%s: %s → %s\n", TDKT_TR(L, "Hiệu lực", "In force"),
           date_text(from, tdkt_ruleset_from(rs)),
           date_text(to, tdkt_ruleset_to(rs)));
    if (p)
        printf("%s: %s\n", TDKT_TR(L, "Kế thừa", "Extends"),
               tdkt_ruleset_id(p));
    printf("SHA-256: %s\n\n", tdkt_ruleset_sha256(rs));
    int error = list_forms(cli, rs);
    tdkt_table *t;
    if (error == TDKT_OK && tdkt_ruleset_params(rs)) {
        printf("\n%s\n", TDKT_TR(L, "Tham số", "Parameters"));
        t = tdkt_table_new(3);
        const char *ph[] = {TDKT_TR(L, "Tên", "Name"),
                            TDKT_TR(L, "Giá trị", "Value"),
                            TDKT_TR(L, "Đặt bởi", "Set by")};
        tdkt_table_row(t, ph);
        tdkt_table_rule(t);
        for (size_t i = 0; i < tdkt_ruleset_params(rs); i++) {
            const char *row[3];
            tdkt_ruleset_param(rs, i, &row[0], &row[1], &row[2]);
            tdkt_table_row(t, row);
        }
        error = tdkt_table_print(t, stdout);
        tdkt_table_free(t);
    }
    for (const tdkt_ruleset *s = rs; s; s = tdkt_ruleset_parent(s))
        for (size_t i = 0; i < tdkt_ruleset_caveats(s); i++) {
            if (i == 0 && s == rs)
                putchar('\n');
            tdkt_safe_printf(stdout, "%s [%s]: %s\n",
                             TDKT_TR(L, "Lưu ý", "Caveat"), tdkt_ruleset_id(s),
                             tdkt_ruleset_caveat(s, i));
        }
    return error;
}

static int open_rules(tdkt_cli *cli, const char *dir, tdkt_rules **out)
{
    if (tdkt_rules_open(out, dir) < 0) {
        cli_fail(cli, NULL);
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* The last line of `rules check`, on stdout: the cases of every set. */
static void print_total(const tdkt_cli *cli, const tdkt_check_summary *t)
{
    printf(TDKT_TR(cli->lang, "Cộng: %zu ca đạt, %zu ca không đạt\n",
                   "%zu passed, %zu failed\n"),
           t->passed, t->failed);
}

static int check(tdkt_cli *cli, const char *dir)
{
    tdkt_rules *rules = NULL;
    tdkt_check_summary total = {0, 0};
    if (open_rules(cli, dir, &rules) != CLI_OK) {
        total.failed = 1; /* the set itself */
        print_total(cli, &total);
        return CLI_FAIL;
    }
    int rc = CLI_OK;
    for (size_t i = 0; i < tdkt_rules_count(rules); i++) {
        const tdkt_ruleset *rs = tdkt_rules_at(rules, i);
        tdkt_diags diags = {0};
        tdkt_check_summary s;
        int checked = tdkt_ruleset_check(rules, rs, &s, &diags);
        if (checked < 0 && checked != TDKT_ERULE) {
            /* The check itself could not run (out of memory): say so,
             * not a verdict on the cases. */
            tdkt_diags_clear(&diags);
            tdkt_rules_free(rules);
            return cli_fail(cli, NULL);
        }
        if (checked < 0)
            rc = CLI_FAIL;
        /* The messages quote the rules' details and errors. */
        for (size_t k = 0; k < diags.count; k++) {
            const tdkt_diag *d = &diags.items[k];
            if (d->line > 0)
                tdkt_safe_printf(stderr, "%s:%ld: %s\n", d->file, d->line,
                                 d->message);
            else
                tdkt_safe_printf(stderr, "%s: %s\n", d->file, d->message);
        }
        tdkt_diags_clear(&diags);
        fprintf(stderr, "%s: %zu %s, %zu %s\n", tdkt_ruleset_id(rs),
                s.passed, TDKT_TR(cli->lang, "ca đạt", "cases passed"),
                s.failed, TDKT_TR(cli->lang, "ca không đạt", "failed"));
        total.passed += s.passed;
        total.failed += s.failed;
    }
    print_total(cli, &total);
    tdkt_rules_free(rules);
    return rc;
}

int cmd_rules(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    if (argc < 2)
        return cli_usage_error(cli, "rules",
                               TDKT_TR(cli->lang, "cần 'list' hoặc 'check'", "say 'list' or 'check'"));
    /* The folder, if named: one, after an optional "--". */
    const char *named = NULL;
    bool dashdash = false;
    for (int i = 2; i < argc; i++) {
        if (!dashdash && strcmp(argv[i], "--") == 0) {
            dashdash = true;
        } else if (!dashdash && argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error(cli, "rules",
                                   TDKT_TR(cli->lang,
                                           "tùy chọn '%s' không hợp lệ",
                                           "unknown option '%s'"),
                                   argv[i]);
        } else if (named) {
            return cli_usage_error(cli, "rules",
                                   TDKT_TR(cli->lang, "mỗi lần một thư mục",
                                           "one folder at a time"));
        } else {
            named = argv[i];
        }
    }
    const char *dir = named ? named : cli->rules ? cli->rules
                                                 : cli->rules_root;
    bool check_cmd = strcmp(argv[1], "check") == 0;
    int fmt_rc = cli_check_format(
        cli, check_cmd ? "rules check" : "rules list",
        check_cmd ? FMT(TDKT_FMT_TABLE)
                  : FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                        FMT(TDKT_FMT_CSV));
    if (fmt_rc != CLI_OK)
        return fmt_rc;
    if (check_cmd)
        return check(cli, dir);
    if (strcmp(argv[1], "list") != 0)
        return cli_usage_error(cli, "rules",
                               TDKT_TR(cli->lang, "không có lệnh 'rules %s'",
                                       "unknown 'rules %s'"),
                               argv[1]);
    tdkt_rules *rules = NULL;
    if (open_rules(cli, dir, &rules) != CLI_OK)
        return CLI_FAIL;
    int error = tdkt_rules_count(rules) == 1 &&
                        strcmp(tdkt_ruleset_dir(tdkt_rules_at(rules, 0)),
                               dir) == 0
                    ? show_set(cli, tdkt_rules_at(rules, 0))
                    : list_sets(cli, rules);
    tdkt_rules_free(rules);
    return error < 0 ? cli_fail(cli, NULL) : CLI_OK;
}
