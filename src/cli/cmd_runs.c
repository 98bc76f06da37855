/* tdkt runs: not built yet. */
#include "cli.h"

int cmd_runs(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt runs\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt runs\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'runs' is not built yet"
                             : "lệnh 'runs' chưa được xây dựng");
}
