/* tdkt report: not built yet. */
#include "cli.h"

int cmd_report(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt report\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt report\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'report' is not built yet"
                             : "lệnh 'report' chưa được xây dựng");
}
