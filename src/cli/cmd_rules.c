/* tdkt rules: not built yet. */
#include "cli.h"

int cmd_rules(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt rules\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt rules\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'rules' is not built yet"
                             : "lệnh 'rules' chưa được xây dựng");
}
