/* tdkt eval: not built yet. */
#include "cli.h"

int cmd_eval(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt eval\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt eval\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'eval' is not built yet"
                             : "lệnh 'eval' chưa được xây dựng");
}
