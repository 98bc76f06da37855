/*
 * tdkt import PATH...: record files into the store, all or nothing, then a
 * summary of the rows added, replaced and unchanged per table.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help_vi[] =
    "Cách dùng: tdkt import [tùy chọn chung] TỆP_HOẶC_THƯ_MỤC...\n"
    "\n"
    "Nhập hồ sơ từ các tệp CSV hoặc từ thư mục chứa chúng: units.csv,\n"
    "people.csv, appraisals.csv, honours.csv, initiatives.csv,\n"
    "disciplines.csv, facts.csv, nominations.csv (định dạng: UTF-8, dòng\n"
    "đầu là tên cột, xem docs/data-format.md); tên tệp viết hoa hay\n"
    "thường đều được. Trong thư mục, tệp ẩn và tệp ~$… mà Excel tạo khi\n"
    "đang mở bảng tính được bỏ qua; tệp .csv nào khác thì bị từ chối.\n"
    "Cột có tên bắt đầu bằng x_ được giữ lại cùng dòng (cột extra của\n"
    "bảng, dạng một đối tượng JSON) nhưng quy tắc không dùng đến.\n"
    "\n"
    "Tất cả hoặc không: nếu một dòng của bất kỳ tệp nào sai, không ghi gì,\n"
    "và mọi lỗi được in ra dạng TỆP:DÒNG: CỘT: lỗi. Dòng có mã (hoặc khóa)\n"
    "đã có trong cơ sở dữ liệu được thay thế bằng các ô của tệp (ô trống\n"
    "là không có giá trị); cột mà tệp không có thì giữ giá trị đã lưu,\n"
    "chẳng hạn số quyết định của khen thưởng, và cột x_ cũng vậy, từng\n"
    "cột một. Dòng mà tệp cho đúng như đã lưu thì không ghi lại (không\n"
    "đổi): lần nhập không thêm hay đổi dòng nào thì không thay đổi gì, và\n"
    "các lần xét đã lưu không bị coi là xét trên hồ sơ đã đổi. Cuối cùng\n"
    "in số dòng thêm mới, thay thế và không đổi của từng bảng (--format\n"
    "table, jsonl hoặc csv).\n"
    "\n"
    "Sau khi nhập, chỉ mục hồ sơ được dựng sẵn (tệp DB-index cạnh cơ sở\n"
    "dữ liệu) để lệnh sau đọc nhanh; vì vậy hãy nhập mọi tệp trong một\n"
    "lệnh thay vì từng tệp một.\n"
    "\n"
    "Mã thoát: 0 đã nhập, 1 dữ liệu bị từ chối hoặc lỗi cơ sở dữ liệu,\n"
    "2 sai cú pháp.\n";

static const char help_en[] =
    "Usage: tdkt import [global options] PATH...\n"
    "\n"
    "Import record files (CSV), or folders holding them: units.csv,\n"
    "people.csv, appraisals.csv, honours.csv, initiatives.csv,\n"
    "disciplines.csv, facts.csv, nominations.csv (UTF-8, a header line of\n"
    "column names, see docs/data-format.md), their names in any letter\n"
    "case. In a folder, hidden files and the ~$… files Excel keeps while\n"
    "a workbook is open are passed over; any other .csv is refused.\n"
    "Columns whose name starts with x_ are kept with the row (in the\n"
    "table's column extra, as one JSON object) but not read by rules.\n"
    "\n"
    "All or nothing: if any row of any file is wrong, nothing is written,\n"
    "and every problem is printed as FILE:LINE: COLUMN: message. A row\n"
    "whose id (or key) is already stored replaces it with the file's cells\n"
    "(an empty cell is no value); a column the file does not have keeps\n"
    "what is stored, such as an honour's decision number, and so does\n"
    "each x_ column it does not have. A row the file gives as it is\n"
    "stored is not written again (unchanged): an import that adds or\n"
    "changes no row changes nothing, and no saved run reads as judged on\n"
    "records changed since. At the end, the rows added, replaced and\n"
    "unchanged per table are printed (--format table, jsonl or csv).\n"
    "\n"
    "After importing, the records' index is built (the file DB-index\n"
    "beside the database), so that the next command reads it at once;\n"
    "so import all files in one command rather than one at a time.\n"
    "\n"
    "Exit status: 0 imported, 1 input rejected or a database error,\n"
    "2 wrong usage.\n";

static void print_summary(const tdkt_cli *cli, const tdkt_import_summary *s)
{
    bool en = cli->lang == TDKT_LANG_EN;
    if (cli->format == TDKT_FMT_JSONL || cli->format == TDKT_FMT_CSV) {
        bool csv = cli->format == TDKT_FMT_CSV;
        if (csv)
            puts("table,added,replaced,unchanged");
        for (int t = 0; t < TDKT_T_COUNT_; t++) {
            if (!s->files_of[t])
                continue;
            printf(csv ? "%s,%zu,%zu,%zu\n"
                       : "{\"table\":\"%s\",\"added\":%zu,\"replaced\":%zu,"
                         "\"unchanged\":%zu}\n",
                   tdkt_table_name(t), s->added[t], s->replaced[t],
                   s->unchanged[t]);
        }
        return;
    }
    tdkt_table *tab = tdkt_table_new(4);
    if (!tab) {
        cli_fail(cli, "out of memory");
        return;
    }
    const char *head[] = {en ? "Table" : "Bảng", en ? "Added" : "Thêm mới",
                          en ? "Replaced" : "Thay thế",
                          en ? "Unchanged" : "Không đổi"};
    tdkt_table_row(tab, head);
    tdkt_table_rule(tab);
    for (int c = 1; c < 4; c++)
        tdkt_table_align_right(tab, c);
    size_t added = 0, replaced = 0, unchanged = 0;
    char a[32], r[32], u[32];
    /* Every table a file was read for, rows or not: a file of only its
     * header was read, and says so with its zeros. */
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        if (!s->files_of[t])
            continue;
        snprintf(a, sizeof a, "%zu", s->added[t]);
        snprintf(r, sizeof r, "%zu", s->replaced[t]);
        snprintf(u, sizeof u, "%zu", s->unchanged[t]);
        const char *row[] = {tdkt_table_name(t), a, r, u};
        tdkt_table_row(tab, row);
        added += s->added[t];
        replaced += s->replaced[t];
        unchanged += s->unchanged[t];
    }
    tdkt_table_rule(tab);
    snprintf(a, sizeof a, "%zu", added);
    snprintf(r, sizeof r, "%zu", replaced);
    snprintf(u, sizeof u, "%zu", unchanged);
    const char *total[] = {en ? "Total" : "Tổng", a, r, u};
    tdkt_table_row(tab, total);
    /* The import is committed: a summary that cannot be printed is said,
     * and the files still count as imported. */
    if (tdkt_table_print(tab, stdout) < 0)
        cli_fail(cli, NULL);
    tdkt_table_free(tab);
    if (en)
        printf("Imported %zu file%s into %s.\n", s->files,
               s->files == 1 ? "" : "s", cli->db);
    else
        printf("Đã nhập %zu tệp vào %s.\n", s->files, cli->db);
}

int cmd_import(tdkt_cli *cli, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_help(cli, help_vi, help_en);
    bool en = cli->lang == TDKT_LANG_EN;
    int rc = cli_check_format(
        cli, "import", FMT(TDKT_FMT_TABLE) | FMT(TDKT_FMT_JSONL) |
                           FMT(TDKT_FMT_CSV));
    if (rc != CLI_OK)
        return rc;

    /* argv[0] is "import"; the rest are paths, after an optional "--". */
    const char **paths = calloc((size_t)argc, sizeof *paths);
    if (!paths)
        return cli_fail(cli, "out of memory");
    size_t npaths = 0;
    bool dashdash = false;
    int status = CLI_OK;
    for (int i = 1; i < argc; i++) {
        if (!dashdash && strcmp(argv[i], "--") == 0) {
            dashdash = true;
        } else if (!dashdash && argv[i][0] == '-' && argv[i][1]) {
            status = cli_usage_error(cli, "import",
                                     en ? "unknown option '%s'"
                                        : "tùy chọn '%s' không hợp lệ",
                                     argv[i]);
            goto done;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (npaths == 0) {
        status = cli_usage_error(cli, "import", "%s",
                                 en ? "import needs at least one file or "
                                      "folder"
                                    : "cần ít nhất một tệp hoặc thư mục để "
                                      "nhập");
        goto done;
    }

    /* A store this import creates goes again if nothing is imported: a
     * refused first import must not leave an empty store behind, which
     * the next command would take for the records. */
    struct stat sb;
    bool created = stat(cli->db, &sb) != 0 && errno == ENOENT;
    tdkt_store *store = NULL;
    if (tdkt_store_open(&store, cli->db, TDKT_STORE_WRITE) < 0) {
        status = cli_fail(cli, NULL);
        goto done;
    }
    /* Every file's first problems, not the first file's thousand. */
    tdkt_diags diags = {.per_file = 100};
    tdkt_import_summary summary;
    int error = tdkt_import(store, paths, npaths, cli->lang, &summary, &diags);
    if (error == TDKT_EINVALID && diags.count + diags.dropped > 0) {
        cli_print_diags(cli, &diags);
        status = CLI_FAIL;
    } else if (error < 0) {
        status = cli_fail(cli, NULL);
    } else {
        /* The next command finds the records' index ready. The import is
         * committed whatever happens here: the image is only a cache,
         * which that command would write itself, so a failure (a store
         * another writer holds, memory) is no failure of the import. */
        tdkt_index_prepare(store);
        cli->stored = true;
        print_summary(cli, &summary);
    }
    tdkt_diags_clear(&diags);
    tdkt_store_close(store);
    if (created && status != CLI_OK) {
        tdkt_store_remove(cli->db);
        tdkt_index_remove_image(cli->db);
    }
done:
    free(paths);
    return status;
}
