/* tdkt confer: not built yet. */
#include "cli.h"

int cmd_confer(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt confer\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt confer\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'confer' is not built yet"
                             : "lệnh 'confer' chưa được xây dựng");
}
