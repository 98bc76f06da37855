/* Option parsing shared by the subcommands: "--name VALUE", "--name=VALUE",
 * flags, and positional arguments, with "--" ending the options. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_getopt(const tdkt_cli *cli, const char *cmd, const cli_option *opts,
               int argc, char **argv, int *i, int *which, const char **value)
{
    if (*i >= argc)
        return 0;
    const char *a = argv[(*i)++];
    *which = -1;
    *value = a;
    static _Thread_local bool positional_only;
    static _Thread_local unsigned long seen; /* options given, by index */
    if (*i == 2) {
        positional_only = false;
        seen = 0;
    }
    if (positional_only || a[0] != '-' || strcmp(a, "-") == 0)
        return 1;
    if (strcmp(a, "--") == 0) {
        positional_only = true;
        return *i < argc ? cli_getopt(cli, cmd, opts, argc, argv, i, which,
                                      value)
                         : 0;
    }
    for (int k = 0; opts[k].name; k++) {
        size_t n = strlen(opts[k].name);
        if (strncmp(a, opts[k].name, n) != 0 || (a[n] && a[n] != '='))
            continue;
        *which = k;
        /* given twice, the first would be dropped without a word */
        if (!opts[k].repeatable && k < 64 && (seen >> k & 1)) {
            cli_usage_error(cli, cmd,
                            TDKT_TR(cli->lang, "%s chỉ được cho một lần",
                                    "%s may be given only once"),
                            opts[k].name);
            return -2;
        }
        if (k < 64)
            seen |= 1ul << k;
        if (!opts[k].takes_value) {
            if (a[n] == '=') {
                cli_usage_error(cli, cmd,
                                TDKT_TR(cli->lang, "%s không nhận giá trị",
                                        "%s takes no value"),
                                opts[k].name);
                return -2;
            }
            *value = NULL;
            return 1;
        }
        if (a[n] == '=') {
            *value = a + n + 1;
        } else if (*i < argc) {
            *value = argv[(*i)++];
        } else {
            cli_usage_error(cli, cmd,
                            TDKT_TR(cli->lang, "%s cần một giá trị",
                                    "%s needs a value"),
                            opts[k].name);
            return -2;
        }
        return 1;
    }
    cli_usage_error(cli, cmd,
                    TDKT_TR(cli->lang, "không có tùy chọn '%s'",
                            "unknown option '%s'"),
                    a);
    return -2;
}

int cli_parse_year(const tdkt_cli *cli, const char *cmd, const char *s,
                   int *out)
{
    if (tdkt_year_parse(out, s) < 0) {
        cli_usage_error(cli, cmd,
                        TDKT_TR(cli->lang,
                                "năm là bốn chữ số, từ %d đến %d; không "
                                "phải '%s'",
                                "a year is four digits, %d to %d; not '%s'"),
                        TDKT_YEAR_MIN, TDKT_YEAR_MAX, s);
        return -2;
    }
    return 0;
}

int cli_parse_date(const tdkt_cli *cli, const char *cmd, const char *opt,
                   const char *s, tdkt_date *out)
{
    if (s && tdkt_date_parse(out, s) == 0)
        return 0;
    cli_usage_error(cli, cmd,
                    TDKT_TR(cli->lang,
                            "%s cần một ngày có thật dạng YYYY-MM-DD, năm "
                            "từ %d đến %d; không phải '%s'",
                            "%s takes a real day as YYYY-MM-DD, years %d to "
                            "%d; not '%s'"),
                    opt, TDKT_YEAR_MIN, TDKT_YEAR_MAX, s ? s : "");
    return -2;
}

char *cli_id(const char *s)
{
    size_t len = strlen(s);
    const char *text = tdkt_text_trim(s, &len);
    char *t = strndup(text, len);
    if (!t || !tdkt_utf8_valid(t, len))
        return t; /* not text: matches nothing, said as it was typed */
    char *n = tdkt_text_nfc(t);
    free(t);
    return n;
}

void cli_ids_free(char **ids, size_t n)
{
    for (size_t i = 0; ids && i < n; i++)
        free(ids[i]);
    free(ids);
}

int64_t cli_run_id(const char *s)
{
    char *end;
    errno = 0;
    long long id = s && *s >= '0' && *s <= '9' ? strtoll(s, &end, 10) : 0;
    if (!s || id <= 0 || errno == ERANGE || *end)
        return 0;
    return id;
}

int cli_unexpected(const tdkt_cli *cli, const char *cmd, const char *arg)
{
    return cli_usage_error(cli, cmd,
                           TDKT_TR(cli->lang, "không hiểu tham số '%s'",
                                   "unexpected argument '%s'"),
                           arg);
}
