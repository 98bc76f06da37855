/* tdkt import: not built yet. */
#include "cli.h"

int cmd_import(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, "Cách dùng: tdkt import\n(Chưa được xây dựng.)\n",
                        "Usage: tdkt import\n(Not built yet.)\n");
    return cli_fail(cli, cli->lang == TDKT_LANG_EN
                             ? "'import' is not built yet"
                             : "lệnh 'import' chưa được xây dựng");
}
