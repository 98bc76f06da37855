/* tdkt diff: not built yet. */
#include "cli.h"

int cmd_diff(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt diff\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt diff\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'diff' is not built yet"
                             : "lệnh 'diff' chưa được xây dựng");
}
