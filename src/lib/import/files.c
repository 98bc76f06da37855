/*
 * The record files of an import (importer.h): the paths given, files or
 * folders, each file once, a folder's record files in name order.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import/importer.h"

static const char *const table_files[TDKT_T_COUNT_] = {
    "units.csv",       "people.csv",      "appraisals.csv", "honours.csv",
    "initiatives.csv", "disciplines.csv", "facts.csv",      "nominations.csv"};

/* DIR/NAME, without a second slash when @p dir ends with one. */
static void join_path(tdkt_buf *b, const char *dir, const char *name)
{
    tdkt_buf_puts(b, dir);
    if (b->len && b->ptr[b->len - 1] != '/')
        tdkt_buf_puts(b, "/");
    tdkt_buf_puts(b, name);
}

/* Whether the file @p sb describes is in the import already (a folder
 * and a file in it were named, or one path twice): its rows would then
 * be reported as duplicates of themselves. */
static bool added_already(const importer *im, const struct stat *sb)
{
    for (size_t i = 0; i < im->nfiles; i++)
        if (im->files[i].identified && im->files[i].dev == sb->st_dev &&
            im->files[i].ino == sb->st_ino)
            return true;
    return false;
}

/* Add the record file at @p path, once. One that cannot be looked at
 * is added all the same: reading it reports why. */
static int add_file(importer *im, const char *path, int table)
{
    struct stat sb;
    bool identified = stat(path, &sb) == 0;
    if (identified && added_already(im, &sb))
        return TDKT_OK;
    input_file *files =
        tdkt__grow(im->files, im->nfiles, &im->files_cap, sizeof *files);
    char *copy = files ? strdup(path) : NULL;
    if (files)
        im->files = files;
    if (!copy)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    im->files[im->nfiles++] = (input_file){.path = copy,
                                           .table = table,
                                           .identified = identified,
                                           .dev = identified ? sb.st_dev : 0,
                                           .ino = identified ? sb.st_ino : 0};
    return TDKT_OK;
}

/* The table a file name stands for, its letters in any case ("Units.csv"
 * or "units.CSV": a spreadsheet or a file manager may capitalise it);
 * -1 when it is no record file. */
static int file_table(const char *name)
{
    for (int t = 0; t < TDKT_T_COUNT_; t++)
        if (strcasecmp(name, table_files[t]) == 0)
            return t;
    return -1;
}

/* Whether a file of a folder is none of the user's records, to be passed
 * over without a word, as a file manager hides it: a hidden file
 * (".units.csv", macOS's "._units.csv") or the owner file Excel keeps
 * beside a workbook while it is open ("~$units.csv"), which would
 * otherwise refuse the import for as long as the file is open. */
static bool not_the_users(const char *name)
{
    return name[0] == '.' || strncmp(name, "~$", 2) == 0;
}

static void unknown_file(importer *im, const char *path, const char *name)
{
    tdkt_buf files = {0};
    import_join_list(&files, table_files, TDKT_T_COUNT_, im->lang);
    DIAG(im, path, 0, "", "'%s' không phải tệp hồ sơ (tên tệp cần là %s)",
         "'%s' is not a record file (expected %s)", import_show(name).s,
         tdkt_buf_cstr(&files));
    tdkt_buf_free(&files);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder: each *.csv in it must be a record file (a typo must not pass
 * silently), but for the files that are not the user's. Sorted, so
 * problems come in the same order on every machine. */
static int add_folder(importer *im, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d && errno == ENOMEM) /* not a problem of the folder */
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (!d) {
        DIAG(im, dir, 0, "", "không mở được thư mục: %s",
             "cannot open the folder: %s", tdkt_os_error(errno, im->lang));
        return TDKT_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int error = TDKT_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (not_the_users(e->d_name) || len < 4 ||
            strcasecmp(e->d_name + len - 4, ".csv") != 0)
            continue;
        char **p = tdkt__grow(names, n, &cap, sizeof *names);
        if (!p) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            goto done;
        }
        names = p;
        if (!(names[n] = strdup(e->d_name))) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            goto done;
        }
        n++;
    }
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n && error == TDKT_OK; i++) {
        int table = file_table(names[i]);
        tdkt_buf path = {0};
        join_path(&path, dir, names[i]);
        if (path.oom)
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        else if (table >= 0)
            error = add_file(im, path.ptr, table);
        else
            unknown_file(im, path.ptr, names[i]);
        tdkt_buf_free(&path);
    }
    if (error == TDKT_OK && n == 0) {
        tdkt_buf files = {0};
        import_join_list(&files, table_files, TDKT_T_COUNT_, im->lang);
        DIAG(im, dir, 0, "", "thư mục không có tệp hồ sơ nào (%s)",
             "no record files in this folder (%s)", tdkt_buf_cstr(&files));
        tdkt_buf_free(&files);
    }
done:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return error;
}

int import_add_path(importer *im, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT)
            DIAG0(im, path, 0, "", "không có tệp hay thư mục này",
                  "no such file or folder");
        else
            DIAG(im, path, 0, "", "không mở được: %s", "cannot open: %s",
                 tdkt_os_error(errno, im->lang));
        return TDKT_OK;
    }
    if (S_ISDIR(sb.st_mode))
        return add_folder(im, path);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    int table = file_table(base);
    if (table < 0 || !S_ISREG(sb.st_mode)) {
        unknown_file(im, path, base);
        return TDKT_OK;
    }
    return add_file(im, path, table);
}
