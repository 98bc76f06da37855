/*
 * CSV import (import.h): all or nothing, every problem reported.
 *
 * Design. Inside one write transaction:
 *  0. the ids already stored that this import's references may name are
 *     loaded into in-memory sets (one query per set, not per row);
 *  1. the files that define ids a reference may name before pass 2 reads
 *     them (units, nominations, initiatives: forward_sets) are read once
 *     for their id column, so that a reference resolves to a row of any
 *     file of the import, in whatever order the files come, and so that
 *     a second row with the same id can name the first;
 *  2. every file is read again, table by table in the order of
 *     tdkt_table_id (so foreign keys point backwards), each cell checked
 *     and converted, and the good rows written 64 at a time with reused
 *     prepared statements, for as long as no problem has been found.
 * Then, if any problem was recorded, the transaction is rolled back, so
 * nothing of the import is kept; otherwise it is committed.
 *
 * A row defines its id whenever its id cell can be read, even when the
 * row or its file's header is wrong otherwise (define_id): one bad row
 * is reported once, not again at every row that names it.
 *
 * Rows with a natural key instead of an id are checked for duplicates
 * with an exact 64-bit packing of their key (ids become set indices), so
 * memory stays at 16 bytes a row for the largest table. Rows are written
 * with INSERT … ON CONFLICT DO NOTHING; the rows that changes nothing had
 * their key stored before the import (duplicates within it were refused
 * already): they are counted as replaced, and written again as an UPSERT.
 * An UPSERT updates in place, so rows that refer to it survive, and the
 * columns no file holds (honours.run_id) are kept. Nothing is deleted.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include "tdkt/date.h"
#include "tdkt/import.h"
#include "tdkt/output.h"
#include "tdkt/vocab.h"
#include "import/bulk.h"
#include "import/csv.h"
#include "import/journal.h"
#include "core/sets.h"
#include "import/tables.h"
#include "import/writer.h"

/* Distinct spellings of codes remembered per domain (the lookup of a
 * Vietnamese name normalises text, which is too slow to do per cell). */
#define MAX_SPELLINGS 1024

/* Bits of a packed natural key given to each kind of key column. */
#define BITS_SUBJECT_TYPE 2
#define BITS_INDEX 32
#define BITS_YEAR 13 /* year - 1899, 0 for none */
#define BITS_CODE 5
#define BITS_DATE 22     /* (year - 1899) * 372 + (month - 1) * 31 + day - 1 */
#define BITS_FACT_KEY 17 /* what is left of 64 bits in facts */

typedef struct input_file {
    char *path;
    int table;
    bool identified; /* dev and ino are known */
    dev_t dev;
    ino_t ino;
} input_file;

/* The same numbers as the writer's cells, which copy them. */
enum value_type {
    V_NULL = TDKT__CELL_NULL,
    V_TEXT = TDKT__CELL_TEXT,
    V_INT = TDKT__CELL_INT
};

typedef struct value {
    enum value_type type;
    const char *s; /* V_TEXT */
    size_t len;
    int64_t num;  /* V_INT; dates as YYYYMMDD too */
    uint32_t idx; /* set index of an id, vocabulary index of a code */
} value;

typedef struct importer {
    sqlite3 *db;
    tdkt_lang lang;
    tdkt_diags *diags;
    size_t problems;
    int error; /* sticky: out of memory or a database failure */
    input_file *files;
    size_t nfiles, files_cap;
    tdkt__strset ids[TDKT__SET_COUNT_];
    tdkt__strset fact_keys;
    tdkt__strset spellings[TDKT_V_COUNT_];
    tdkt__keymap keys; /* natural keys of the table being imported */
    tdkt__writer writer;
    tdkt_buf list;  /* a row's initiatives, normalised */
    tdkt_buf extra; /* a row's x_ cells, as JSON */
    tdkt_import_summary summary;
} importer;

/* A column of the file's own (x_…), kept in the row's extra. */
typedef struct extra_col {
    size_t field;
    char *key; /* the column's name as a JSON string, quotes included */
} extra_col;

/* One file being imported (pass 2). */
typedef struct file_ctx {
    importer *im;
    const char *path;
    uint32_t index; /* 1-based, as stored in the sets */
    int table;
    const tdkt__tabledef *t;
    int pos[TDKT__MAX_COLS]; /* field of each column, -1 when absent */
    char **names;            /* header names by field, for messages */
    extra_col *extra;        /* the x_ columns, in header order */
    size_t nextra, extra_cap;
    size_t nfields;
    long line; /* of the row being checked */
    bool row_ok;
} file_ctx;

/* ---- messages ------------------------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void
diag_add(importer *im,
         const char *file,
         long line,
         const char *column,
         const char *fmt,
         ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    im->problems++;
    int error = tdkt_diags_add(im->diags, file, line, column, "%s", msg);
    if (error < 0 && im->error == 0)
        im->error = error;
}

/* A problem in both languages; both formats are literals checked by
 * -Wformat. DIAG0 for the messages without arguments. */
#define DIAG(im, file, line, col, vi, en, ...)                                 \
    ((im)->lang == TDKT_LANG_EN                                                \
         ? diag_add(im, file, line, col, en, __VA_ARGS__)                      \
         : diag_add(im, file, line, col, vi, __VA_ARGS__))
#define DIAG0(im, file, line, col, vi, en)                                     \
    diag_add(im, file, line, col, "%s", TDKT_TR((im)->lang, vi, en))
/* A problem in the current row of a file. */
#define ROW_DIAG(fc, col, vi, en, ...)                                         \
    ((fc)->row_ok = false,                                                     \
     DIAG((fc)->im, (fc)->path, (fc)->line, col, vi, en, __VA_ARGS__))

/* A value quoted in a message: at most 60 bytes of whole UTF-8
 * characters, control characters as '?', so a message stays one line. */
typedef struct shown {
    char s[72];
} shown;

static shown show(const char *s)
{
    shown r;
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        size_t k = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (n + k > 60) {
            memcpy(r.s + n, "…", sizeof "…");
            return r;
        }
        /* Stop at a NUL even inside a sequence: file names from the
         * folder may be any bytes. */
        size_t i = 0;
        for (; i < k && p[i]; i++)
            r.s[n++] = p[i] < 0x20 || p[i] == 0x7f ? '?' : (char)p[i];
        p += i;
    }
    r.s[n] = '\0';
    return r;
}

/* "a, b, c or d" in the language of the messages. */
static void
join_list(tdkt_buf *b, const char *const *items, size_t n, tdkt_lang lang)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            tdkt_buf_puts(b,
                          i + 1 < n ? ", " : TDKT_TR(lang, " hoặc ", " or "));
        tdkt_buf_puts(b, items[i]);
    }
}

/* The codes of a domain a cell may hold (those in @p mask), comma
 * separated: the message goes on "… or their Vietnamese names". */
static void expected_codes(tdkt_buf *b, tdkt_vocab_domain d, unsigned mask)
{
    int count = tdkt_vocab_count(d);
    bool first = true;
    for (int i = 0; i < count; i++) {
        /* Ratings best first, as data-format.md lists them. */
        int k = d == TDKT_V_RATING ? count - 1 - i : i;
        if (!(mask & 1u << k))
            continue;
        tdkt_buf_printf(b, "%s%s", first ? "" : ", ", tdkt_vocab_code(d, k));
        first = false;
    }
}

static const char *const set_noun[TDKT__SET_COUNT_][2] = {
    [TDKT__SET_UNITS] = {"đơn vị", "unit"},
    [TDKT__SET_PEOPLE] = {"cá nhân", "person"},
    [TDKT__SET_NOMINATIONS] = {"đề nghị", "nomination"},
    [TDKT__SET_INITIATIVES] = {"sáng kiến", "initiative"},
};

static const char *noun(const char *const pair[2], tdkt_lang lang)
{
    return pair[lang == TDKT_LANG_EN];
}

/* Where a row was first seen: "line 3", or "FILE:3" in another file. */
static void where(char *buf,
                  size_t n,
                  const importer *im,
                  const file_ctx *fc,
                  uint32_t file,
                  uint32_t line)
{
    if (file == fc->index)
        snprintf(buf, n, "%s %u", TDKT_TR(im->lang, "dòng", "line"), line);
    else
        snprintf(buf, n, "%s:%u", im->files[file - 1].path, line);
}

static void unknown_code(file_ctx *fc,
                         const tdkt__coldef *c,
                         tdkt_vocab_domain d,
                         unsigned mask,
                         const char *s)
{
    tdkt_buf codes = {0};
    expected_codes(&codes, d, mask);
    ROW_DIAG(fc, c->name,
             "%s '%s' không hợp lệ (cần một trong: %s hoặc tên tiếng Việt "
             "tương ứng)",
             "unknown %s '%s' (expected %s or their Vietnamese names)",
             tdkt_vocab_domain_name(d, fc->im->lang), show(s).s,
             tdkt_buf_cstr(&codes));
    tdkt_buf_free(&codes);
}

static void
unknown_ref(file_ctx *fc, const tdkt__coldef *c, int set, const char *s)
{
    ROW_DIAG(fc, c->name,
             "không tìm thấy %s '%s' (không có trong cơ sở dữ liệu hay "
             "trong lần nhập này)",
             "unknown %s '%s' (not in the database nor in this import)",
             noun(set_noun[set], fc->im->lang), show(s).s);
}

/* ---- files --------------------------------------------------------- */

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

/* The table a file name stands for; -1 when it is no record file. */
static int file_table(const char *name)
{
    size_t n = strlen(name);
    if (n < 4 || strcasecmp(name + n - 4, ".csv") != 0)
        return -1;
    return tdkt__table_lookup(name, n - 4);
}

static void unknown_file(importer *im, const char *path, const char *name)
{
    tdkt_buf files = {0};
    join_list(&files, table_files, TDKT_T_COUNT_, im->lang);
    DIAG(im, path, 0, "", "'%s' không phải tệp hồ sơ (tên tệp cần là %s)",
         "'%s' is not a record file (expected %s)", show(name).s,
         tdkt_buf_cstr(&files));
    tdkt_buf_free(&files);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder: each *.csv in it must be a record file. Sorted, so problems
 * come in the same order on every machine. */
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
        if (e->d_name[0] == '.' || len < 4 ||
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
        join_list(&files, table_files, TDKT_T_COUNT_, im->lang);
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

static int add_path(importer *im, const char *path)
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

/* ---- ids ------------------------------------------------------------ */

/* Load the ids already stored into the sets this import needs. */
static int load_ids(importer *im, unsigned sets)
{
    static const char *const sql[TDKT__SET_COUNT_] = {
        "SELECT id FROM units", "SELECT id FROM people",
        "SELECT id FROM nominations", "SELECT DISTINCT id FROM initiatives"};
    for (int s = 0; s < TDKT__SET_COUNT_; s++) {
        if (!(sets & 1u << s))
            continue;
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(im->db, sql[s], -1, &st, NULL) != SQLITE_OK)
            return tdkt_store_fail(im->db, "import");
        int rc, error = TDKT_OK;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 0);
            uint32_t idx;
            if (id && (error = tdkt__strset_add(
                           &im->ids[s], id, (size_t)sqlite3_column_bytes(st, 0),
                           &idx)) < 0)
                break;
        }
        if (error == TDKT_OK && rc != SQLITE_DONE)
            error = tdkt_store_fail(im->db, "import");
        sqlite3_finalize(st);
        if (error < 0)
            return error;
    }
    return TDKT_OK;
}

/* Whether the import has a file of table @p t. */
static bool has_files(const importer *im, int t)
{
    for (size_t i = 0; i < im->nfiles; i++)
        if (im->files[i].table == t)
            return true;
    return false;
}

/* The sets a reference may name before pass 2 has read the rows that
 * define them: a table's own (units.parent_id) or a later table's
 * (honours.initiatives, facts about nominations). Only these need pass
 * 1; pass 2 adds the ids of the others, in file order, before any row
 * refers to them (people: a million rows not read twice). */
static unsigned forward_sets(const importer *im)
{
    unsigned refs = 0, forward = 0;
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        if (!has_files(im, t))
            continue;
        refs |= tdkt__tables[t].refs;
        int set = tdkt__tables[t].id_set;
        if (set >= 0 && (refs & 1u << set))
            forward |= 1u << set;
    }
    return forward;
}

/* The field of the header just read that is named "id", or SIZE_MAX. */
static size_t id_field(const tdkt_csv *csv)
{
    for (size_t i = 0; i < tdkt__csv_count(csv); i++) {
        const char *name = tdkt__csv_field(csv, i);
        if (name && strcmp(name, "id") == 0)
            return tdkt__csv_field_ok(csv, i) ? i : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* The row just read (of file @p file) defines the id in field @p col of
 * set @p set, with the place it was first seen, whenever that cell can be
 * read: also when the row has other problems, which are reported on their
 * own, so that the rows naming the id are not reported as well.
 * @return 0 or TDKT_ENOMEM */
static int
define_id(importer *im, int set, uint32_t file, const tdkt_csv *csv, size_t col)
{
    const char *id = tdkt__csv_field(csv, col);
    if (!id || !tdkt__csv_field_ok(csv, col))
        return TDKT_OK;
    uint32_t idx;
    int error = tdkt__strset_add(&im->ids[set], id,
                                 tdkt__csv_field_len(csv, col), &idx);
    if (error < 0)
        return error;
    tdkt__strset_entry *e = tdkt__strset_at(&im->ids[set], idx);
    if (!e->file) {
        long line = tdkt__csv_line(csv);
        e->file = file;
        e->line = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    }
    return TDKT_OK;
}

/* The ids the rest of the file defines (field @p col of each row).
 * @return 0 or TDKT_ENOMEM */
static int
define_ids(importer *im, int set, uint32_t file, tdkt_csv *csv, size_t col)
{
    int rc, error = TDKT_OK;
    while (error == TDKT_OK && (rc = tdkt__csv_next(csv)) != 0)
        error = rc == TDKT_ENOMEM ? rc : define_id(im, set, file, csv, col);
    return error;
}

/* Pass 1: the ids each file defines, with the first place of each. The
 * file is read again in pass 2, which reports its problems. */
static int collect_ids(importer *im, uint32_t index)
{
    const input_file *f = &im->files[index - 1];
    tdkt_csv *csv = NULL;
    int rc = tdkt__csv_open(&csv, f->path, im->lang), error = TDKT_OK;
    if (rc < 0)
        return rc == TDKT_ENOMEM ? rc : TDKT_OK; /* pass 2 says why */
    rc = tdkt__csv_next(csv);
    size_t col = rc == 1 || rc == TDKT_EINVALID ? id_field(csv) : SIZE_MAX;
    if (rc == TDKT_ENOMEM)
        error = rc;
    else if (col != SIZE_MAX)
        error = define_ids(im, tdkt__tables[f->table].id_set, index, csv, col);
    tdkt__csv_free(csv);
    return error;
}

/* Pass 1 of the files defining the sets in @p sets. */
static int collect_sets(importer *im, unsigned sets)
{
    int error = TDKT_OK;
    for (uint32_t i = 1; i <= im->nfiles && error == TDKT_OK; i++) {
        int set = tdkt__tables[im->files[i - 1].table].id_set;
        if (set >= 0 && (sets & 1u << set))
            error = collect_ids(im, i);
    }
    return error;
}

/* The sets the rows of table @p t read: its references and its ids. */
static unsigned table_sets(int t)
{
    unsigned sets = tdkt__tables[t].refs;
    if (tdkt__tables[t].id_set >= 0)
        sets |= 1u << tdkt__tables[t].id_set;
    return sets;
}

/* Pass 1 of the sets that the first tables do not read (initiatives,
 * nominations: a million rows each), on a thread of its own while pass 2
 * reads those tables: the importing thread mostly waits for the writer
 * then. Pass 2 touches these sets only after ahead_join. */
typedef struct ids_ahead {
    importer *im;
    unsigned sets; /* not read yet, or being read */
    bool threaded;
    pthread_t tid;
    int error;
} ids_ahead;

static void *ahead_main(void *arg)
{
    ids_ahead *a = arg;
    a->error = collect_sets(a->im, a->sets);
    return NULL;
}

/* Pass 1 of the forward sets: those the first table reads at once, the
 * others ahead (on a thread when the fast paths are on and it starts). */
static int ahead_start(ids_ahead *a, importer *im)
{
    unsigned forward = forward_sets(im), first = 0;
    for (int t = 0; t < TDKT_T_COUNT_ && !first; t++)
        if (has_files(im, t))
            first = table_sets(t) & forward;
    *a = (ids_ahead){.im = im, .sets = forward & ~first};
    int error = collect_sets(im, first);
    if (error == TDKT_OK && a->sets && tdkt__import_fast)
        a->threaded = pthread_create(&a->tid, NULL, ahead_main, a) == 0;
    return error;
}

/* Before pass 2 of table @p t (-1: whatever the table): the sets it
 * reads are complete. @return 0 or TDKT_ENOMEM */
static int ahead_join(ids_ahead *a, int t)
{
    if (!a->sets || (t >= 0 && !(table_sets(t) & a->sets)))
        return TDKT_OK;
    if (a->threaded)
        pthread_join(a->tid, NULL);
    else
        a->error = collect_sets(a->im, a->sets);
    a->sets = 0;
    a->threaded = false;
    /* The thread's own error message is not this thread's. */
    return a->error < 0 ? tdkt_error_set(a->error, "out of memory")
                        : TDKT_OK;
}

/* ---- cells ---------------------------------------------------------- */

/* A code by any accepted spelling, remembered per domain. */
static int
lookup_code(importer *im, tdkt_vocab_domain d, const char *s, size_t len)
{
    tdkt__strset *set = &im->spellings[d];
    uint32_t idx = tdkt__strset_find(set, s, len);
    if (idx != TDKT__NONE)
        return tdkt__strset_at(set, idx)->value;
    int code = tdkt_vocab_lookup(d, s);
    if (set->count < MAX_SPELLINGS) {
        int rc = tdkt__strset_add(set, s, len, &idx);
        if (rc < 0 && im->error == 0)
            im->error = rc;
        else if (rc >= 0)
            tdkt__strset_at(set, idx)->value = code;
    }
    return code;
}

static bool is_snake_case(const char *s)
{
    if (*s < 'a' || *s > 'z')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

/* honours.initiatives: each id known; stored as "I1;I2" without blanks. */
static void
check_initiatives(file_ctx *fc, const tdkt__coldef *c, const char *s, value *v)
{
    importer *im = fc->im;
    im->list.len = 0;
    while (*s) {
        const char *end = strchr(s, ';');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        const char *a = s, *b = s + n;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            if (tdkt__strset_find(&im->ids[TDKT__SET_INITIATIVES], a,
                                  (size_t)(b - a)) == TDKT__NONE) {
                char id[128];
                size_t k = (size_t)(b - a) < sizeof id ? (size_t)(b - a)
                                                       : sizeof id - 1;
                memcpy(id, a, k);
                id[k] = '\0';
                unknown_ref(fc, c, TDKT__SET_INITIATIVES, id);
            }
            if (im->list.len)
                tdkt_buf_put(&im->list, ";", 1);
            tdkt_buf_put(&im->list, a, (size_t)(b - a));
        }
        s += n + (end ? 1 : 0);
    }
    if (im->list.oom && im->error == 0)
        im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (im->list.len)
        *v = (value){.type = V_TEXT, .s = im->list.ptr, .len = im->list.len};
}

static int subject_set(int subject)
{
    return subject == TDKT_PERSON ? TDKT__SET_PEOPLE
           : subject == TDKT_UNIT ? TDKT__SET_UNITS
                                  : TDKT__SET_NOMINATIONS;
}

/* The row's own id; a second row with it names the first. */
static void check_id(
    file_ctx *fc, const tdkt__coldef *c, const char *s, size_t len, value *v)
{
    importer *im = fc->im;
    tdkt__strset *set = &im->ids[c->arg];
    int rc = tdkt__strset_add(set, s, len, &v->idx);
    if (rc < 0) {
        im->error = rc;
        return;
    }
    tdkt__strset_entry *e = tdkt__strset_at(set, v->idx);
    if (!tdkt__tables[fc->table].unique_id)
        return;
    if (!e->file) { /* its first row: pass 1 skipped the set */
        e->file = fc->index;
        e->line = fc->line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)fc->line;
        return;
    }
    if (e->file != fc->index || (long)e->line != fc->line) {
        char at[1100];
        where(at, sizeof at, im, fc, e->file, e->line);
        ROW_DIAG(fc, c->name, "mã '%s' bị trùng (đã có ở %s)",
                 "duplicate id '%s' (also at %s)", show(s).s, at);
    }
}

/* Whether a cell the year or date parser refused has the right @p shape
 * ('d' a digit, other bytes as they are) and a year outside the years
 * tdkt takes (TDKT_YEAR_MIN..MAX): the writer of such a cell deserves to
 * hear that rather than that the form is wrong. */
static bool year_out_of_range(const char *s, size_t len, const char *shape)
{
    if (len != strlen(shape))
        return false;
    for (size_t i = 0; i < len; i++)
        if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
            return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
               (s[3] - '0');
    return year < TDKT_YEAR_MIN || year > TDKT_YEAR_MAX;
}

/* A year or date cell of the right form, but a year out of range. */
static void out_of_range(file_ctx *fc, const tdkt__coldef *c, const char *s)
{
    static const char *const what[2][2] = {{"năm", "year"}, {"ngày", "date"}};
    ROW_DIAG(fc, c->name, "%s '%s' không hợp lệ (chỉ nhận năm từ %d đến %d)",
             "invalid %s '%s' (years from %d to %d only)",
             noun(what[c->kind == TDKT__COL_DATE], fc->im->lang), show(s).s,
             TDKT_YEAR_MIN, TDKT_YEAR_MAX);
}

/* Check and convert one non-empty cell. @p subject is the row's subject
 * type, once its column has been read (-1 before or when bad). */
static void check_cell(file_ctx *fc,
                       const tdkt__coldef *c,
                       const char *s,
                       size_t len,
                       int *subject,
                       value *v)
{
    importer *im = fc->im;
    tdkt_date date;
    int year;
    *v = (value){.type = V_TEXT, .s = s, .len = len};
    switch ((enum tdkt__col_kind)c->kind) {
    case TDKT__COL_TEXT:
        break;
    case TDKT__COL_ID:
        check_id(fc, c, s, len, v);
        break;
    case TDKT__COL_REF:
        v->idx = tdkt__strset_find(&im->ids[c->arg], s, len);
        if (v->idx == TDKT__NONE)
            unknown_ref(fc, c, c->arg, s);
        break;
    case TDKT__COL_SUBJECT_TYPE: {
        int code = lookup_code(im, TDKT_V_SUBJECT, s, len);
        unsigned allowed = fc->t->subjects;
        if (code < 0 || !(allowed & 1u << code)) {
            unknown_code(fc, c, TDKT_V_SUBJECT, allowed, s);
            break;
        }
        *subject = code;
        *v = (value){.type = V_TEXT,
                     .s = tdkt_vocab_code(TDKT_V_SUBJECT, code),
                     .idx = (uint32_t)code};
        v->len = strlen(v->s);
        break;
    }
    case TDKT__COL_SUBJECT_ID:
        if (*subject < 0)
            break; /* its type was wrong, and said so */
        v->idx = tdkt__strset_find(&im->ids[subject_set(*subject)], s, len);
        if (v->idx == TDKT__NONE)
            unknown_ref(fc, c, subject_set(*subject), s);
        break;
    case TDKT__COL_CODE: {
        int code = lookup_code(im, (tdkt_vocab_domain)c->arg, s, len);
        if (code < 0) {
            unknown_code(fc, c, (tdkt_vocab_domain)c->arg, ~0u, s);
            break;
        }
        v->s = tdkt_vocab_code((tdkt_vocab_domain)c->arg, code);
        v->len = strlen(v->s);
        v->idx = (uint32_t)code;
        break;
    }
    case TDKT__COL_BOOL:
        if (len != 1 || (s[0] != '0' && s[0] != '1'))
            ROW_DIAG(fc, c->name,
                     "giá trị '%s' không hợp lệ (chỉ nhận 0 hoặc 1)",
                     "invalid value '%s' (expected 0 or 1)", show(s).s);
        *v = (value){.type = V_INT, .num = s[0] == '1'};
        break;
    case TDKT__COL_YEAR:
        if (tdkt_year_parse(&year, s) >= 0)
            *v = (value){.type = V_INT, .num = year};
        else if (year_out_of_range(s, len, "dddd"))
            out_of_range(fc, c, s);
        else
            ROW_DIAG(fc, c->name,
                     "năm '%s' không hợp lệ (cần bốn chữ số, ví dụ 2021)",
                     "invalid year '%s' (expected four digits, e.g. 2021)",
                     show(s).s);
        break;
    case TDKT__COL_DATE:
        if (tdkt_date_parse(&date, s) >= 0)
            v->num = date;
        else if (year_out_of_range(s, len, "dddd-dd-dd"))
            out_of_range(fc, c, s);
        else
            ROW_DIAG(fc, c->name,
                     "ngày '%s' không hợp lệ (cần dạng YYYY-MM-DD, một ngày "
                     "có thật)",
                     "invalid date '%s' (expected YYYY-MM-DD, a real day)",
                     show(s).s);
        break;
    case TDKT__COL_MONTHS: {
        int months = -1;
        if (len <= 2 && s[0] >= '0' && s[0] <= '9' &&
            (len == 1 || (s[1] >= '0' && s[1] <= '9')))
            months = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
        if (months < 0 || months > 12)
            ROW_DIAG(fc, c->name,
                     "số tháng '%s' không hợp lệ (cần số nguyên từ 0 đến 12)",
                     "invalid months_worked '%s' (expected a whole number "
                     "from 0 to 12)",
                     show(s).s);
        *v = (value){.type = V_INT, .num = months};
        break;
    }
    case TDKT__COL_INITIATIVES:
        *v = (value){.type = V_NULL};
        check_initiatives(fc, c, s, v);
        break;
    case TDKT__COL_FACT_KEY: {
        if (!is_snake_case(s)) {
            ROW_DIAG(fc, c->name,
                     "khóa '%s' không hợp lệ (cần dạng snake_case: chữ "
                     "thường không dấu, chữ số và _, ví dụ internal_unity)",
                     "invalid key '%s' (expected snake_case: lower-case "
                     "letters, digits and _, e.g. internal_unity)",
                     show(s).s);
            break;
        }
        int rc = tdkt__strset_add(&im->fact_keys, s, len, &v->idx);
        if (rc < 0)
            im->error = rc;
        else if (v->idx >= (uint32_t)1 << BITS_FACT_KEY)
            ROW_DIAG(fc, c->name, "quá %u khóa khác nhau trong một lần nhập",
                     "more than %u different keys in one import",
                     (unsigned)1 << BITS_FACT_KEY);
        break;
    }
    }
}

/* The value of an empty cell: its default, or NULL. */
static value default_value(const tdkt__coldef *c)
{
    if (c->def < 0)
        return (value){.type = V_NULL};
    if (c->kind == TDKT__COL_CODE) {
        const char *code = tdkt_vocab_code((tdkt_vocab_domain)c->arg, c->def);
        return (value){.type = V_TEXT,
                       .s = code,
                       .len = strlen(code),
                       .idx = (uint32_t)c->def};
    }
    return (value){.type = V_INT, .num = c->def};
}

/* The rules between cells of a row. */
static void check_row_rules(file_ctx *fc, const value *v, int subject)
{
    const tdkt__tabledef *t = fc->t;
    int date = -1, ends = -1;
    for (int j = 0; j < t->ncols; j++) {
        const tdkt__coldef *c = &t->cols[j];
        if (c->kind == TDKT__COL_CODE && c->arg == TDKT_V_AWARD &&
            v[j].type == V_TEXT && subject >= 0 &&
            !(tdkt_award_subjects((int)v[j].idx) & 1 << subject)) {
            /* [lang]: who was named, who the award is for */
            static const char *const words[2][2][2] = {
                [TDKT_PERSON] = {{"cá nhân", "tập thể"}, {"a person", "units"}},
                [TDKT_UNIT] = {{"tập thể", "cá nhân"}, {"a unit", "persons"}},
            };
            const char *const *w = words[subject][fc->im->lang == TDKT_LANG_EN];
            ROW_DIAG(fc, c->name, "không trao '%s' cho %s (chỉ trao cho %s)",
                     "'%s' is not awarded to %s (it is for %s)", v[j].s, w[0],
                     w[1]);
        }
        if (c->kind == TDKT__COL_DATE && strcmp(c->name, "date") == 0)
            date = j;
        if (c->kind == TDKT__COL_DATE && strcmp(c->name, "ends") == 0)
            ends = j;
    }
    if (date >= 0 && ends >= 0 && v[date].type == V_TEXT && v[date].num &&
        v[ends].type == V_TEXT && v[ends].num && v[ends].num < v[date].num)
        ROW_DIAG(fc, t->cols[ends].name,
                 "ngày kết thúc '%s' trước ngày quyết định '%s'",
                 "ends '%s' is before date '%s'", show(v[ends].s).s,
                 show(v[date].s).s);
}

/* ---- natural keys --------------------------------------------------- */

/* Bits of a packed key given to each kind of key column: ids are set
 * indices, codes vocabulary indices. */
static const int key_bits[] = {
    [TDKT__COL_ID] = BITS_INDEX,
    [TDKT__COL_REF] = BITS_INDEX,
    [TDKT__COL_SUBJECT_ID] = BITS_INDEX,
    [TDKT__COL_SUBJECT_TYPE] = BITS_SUBJECT_TYPE,
    [TDKT__COL_CODE] = BITS_CODE,
    [TDKT__COL_YEAR] = BITS_YEAR,
    [TDKT__COL_DATE] = BITS_DATE,
    [TDKT__COL_FACT_KEY] = BITS_FACT_KEY,
};

/* Pack a row's natural key into 64 bits, exactly: ids are set indices,
 * codes vocabulary indices, years and dates small numbers. The bits
 * after the subject (or id) go to @p detail_bits: above them, the keys of
 * one subject are equal. */
static uint64_t
pack_key(const tdkt__tabledef *t, const value *v, int *detail_bits)
{
    uint64_t key = 0;
    int bits = 0, subject_end = -1;
    for (int j = 0; j < t->ncols; j++) {
        const tdkt__coldef *c = &t->cols[j];
        if (!c->key)
            continue;
        int w = key_bits[c->kind];
        uint64_t x = v[j].idx;
        if (c->kind == TDKT__COL_YEAR)
            x = v[j].num ? (uint64_t)(v[j].num - 1899) : 0;
        else if (c->kind == TDKT__COL_DATE)
            x = (uint64_t)(TDKT_DATE_YEAR(v[j].num) - 1899) * 372 +
                (uint64_t)(v[j].num / 100 % 100 - 1) * 31 +
                (uint64_t)(v[j].num % 100 - 1);
        bits += w;
        key = key << w | x;
        if (subject_end < 0 && w == BITS_INDEX)
            subject_end = bits;
    }
    assert(bits <= 64 && subject_end >= 0);
    *detail_bits = bits - subject_end;
    return key;
}

/* "person, P1, 2021": the key of a row, for a message. */
static void key_text(tdkt_buf *b, const tdkt__tabledef *t, const value *v)
{
    bool first = true;
    for (int j = 0; j < t->ncols; j++) {
        if (!t->cols[j].key)
            continue;
        if (!first)
            tdkt_buf_puts(b, ", ");
        first = false;
        if (v[j].type == V_INT && v[j].num)
            tdkt_buf_printf(b, "%lld", (long long)v[j].num);
        else if (v[j].type == V_TEXT)
            tdkt_buf_puts(b, show(v[j].s).s);
    }
}

static void check_duplicate_key(file_ctx *fc, const value *v)
{
    importer *im = fc->im;
    tdkt__keymap_slot first;
    uint32_t line =
        fc->line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)fc->line;
    int detail;
    uint64_t key = pack_key(fc->t, v, &detail);
    int rc = tdkt__keymap_put(&im->keys, key, detail, fc->index, line, &first);
    if (rc < 0) {
        im->error = rc;
    } else if (rc == 0) {
        char at[1100];
        tdkt_buf text = {0};
        where(at, sizeof at, im, fc, first.file, first.line);
        key_text(&text, fc->t, v);
        ROW_DIAG(fc, fc->t->cols[fc->t->dup_col].name,
                 "dòng trùng khóa (%s) (đã có ở %s)",
                 "duplicate row (%s) (also at %s)", tdkt_buf_cstr(&text), at);
        tdkt_buf_free(&text);
    }
}

/* ---- writing -------------------------------------------------------- */

/* Hand the batch to the writer (and, with @p wait, wait until all is
 * written), or drop it: after the first problem nothing will be kept. */
static int flush(importer *im, bool wait)
{
    if (im->problems || im->error) {
        tdkt__writer_discard(&im->writer);
        return TDKT_OK;
    }
    int error = wait ? tdkt__writer_drain(&im->writer)
                     : tdkt__writer_submit(&im->writer);
    if (error < 0 && im->error == 0)
        im->error = error;
    return error;
}

/* The lane a row is held back in until its table ends, or -1: written
 * now (tdkt__writer_hold says why). In the tables keyed by subject type
 * first, people's rows are the main stream (the most of any record file);
 * nominations' facts sort before them, units' rows after. */
static int hold_lane(const file_ctx *fc, const value *v)
{
    const tdkt__coldef *c = &fc->t->cols[0];
    if (c->kind != TDKT__COL_SUBJECT_TYPE || !c->key ||
        v[0].idx == TDKT_PERSON)
        return -1;
    return v[0].idx == TDKT_NOMINATION ? TDKT__HOLD_BEFORE
                                       : TDKT__HOLD_AFTER;
}

/* Queue a good row; its cells are copied, the CSV buffer moves on. */
static void write_row(file_ctx *fc, const value *v)
{
    importer *im = fc->im;
    int lane = hold_lane(fc, v);
    tdkt__batch *b;
    if (lane >= 0) {
        if (!(b = tdkt__writer_hold(&im->writer, lane, fc->table))) {
            im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            return;
        }
    } else {
        b = im->writer.fill;
        if (b->rows && b->table != fc->table && flush(im, false) < 0)
            return;
        b = im->writer.fill;
    }
    b->table = fc->table;
    tdkt__cell *row = b->cells[b->rows++];
    for (int j = 0; j < tdkt__row_cells(fc->t); j++) {
        /* the last cell, extra, is text */
        int kind = j < fc->t->ncols ? fc->t->cols[j].kind : TDKT__COL_TEXT;
        row[j] = (tdkt__cell){.type = (enum tdkt__cell_type)v[j].type,
                              .num = v[j].num};
        if (v[j].type == V_TEXT &&
            (kind == TDKT__COL_CODE || kind == TDKT__COL_SUBJECT_TYPE)) {
            /* a good code cell holds tdkt_vocab_code()'s text */
            row[j].type = TDKT__CELL_CODE;
            row[j].code = v[j].s;
            row[j].len = v[j].len;
        } else if (v[j].type == V_TEXT) {
            row[j].num = (int64_t)b->text.len;
            row[j].len = v[j].len;
            tdkt_buf_put(&b->text, v[j].s, v[j].len);
        }
    }
    if (b->text.oom) {
        im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        return;
    }
    if (lane < 0 && tdkt__batch_full(b))
        flush(im, false);
}

/* ---- pass 2 ---------------------------------------------------------- */

static void repeated_column(file_ctx *fc, long line, size_t field)
{
    DIAG(fc->im, fc->path, line, fc->names[field], "cột '%s' có hai lần",
         "column '%s' appears twice", fc->names[field]);
}

/* A column of the user's own, at @p field of the header on @p line: kept
 * in the row's extra (schema_extra.sql), under its name. */
static void
add_extra_column(file_ctx *fc, long line, size_t field, const char *name)
{
    tdkt_buf key = {0};
    tdkt_json_str(&key, name);
    extra_col *cols = key.oom ? NULL
                              : tdkt__grow(fc->extra, fc->nextra,
                                           &fc->extra_cap, sizeof *cols);
    if (!cols) {
        tdkt_buf_free(&key);
        fc->im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        return;
    }
    fc->extra = cols;
    for (size_t k = 0; k < fc->nextra; k++)
        if (strcmp(cols[k].key, key.ptr) == 0) {
            repeated_column(fc, line, field);
            tdkt_buf_free(&key);
            return;
        }
    cols[fc->nextra++] = (extra_col){.field = field, .key = key.ptr};
}

static void check_header(file_ctx *fc, tdkt_csv *csv)
{
    importer *im = fc->im;
    const tdkt__tabledef *t = fc->t;
    /* Line 1 but after blank lines, which the reader skips. */
    long line = tdkt__csv_line(csv);
    for (int j = 0; j < TDKT__MAX_COLS; j++)
        fc->pos[j] = -1;
    fc->nfields = tdkt__csv_count(csv);
    fc->names = calloc(fc->nfields, sizeof *fc->names);
    if (!fc->names) {
        im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        return;
    }
    tdkt_buf all = {0};
    for (size_t i = 0; i < fc->nfields; i++) {
        const char *name = tdkt__csv_field(csv, i);
        if (!name)
            name = "";
        if (!(fc->names[i] = strdup(show(name).s))) {
            im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        if (strncmp(name, "x_", 2) == 0) {
            add_extra_column(fc, line, i, name);
            continue;
        }
        int j = 0;
        while (j < t->ncols && strcmp(t->cols[j].name, name) != 0)
            j++;
        if (j == t->ncols) {
            if (!all.len)
                for (int k = 0; k < t->ncols; k++)
                    tdkt_buf_printf(&all, "%s%s", k ? ", " : "",
                                    t->cols[k].name);
            DIAG(im, fc->path, line, fc->names[i],
                 "cột '%s' không có trong %s.csv (các cột: %s; cột riêng "
                 "phải bắt đầu bằng x_)",
                 "unknown column '%s' in %s.csv (expected %s; columns of "
                 "your own must start with x_)",
                 fc->names[i], t->name, tdkt_buf_cstr(&all));
        } else if (fc->pos[j] >= 0) {
            repeated_column(fc, line, i);
        } else {
            fc->pos[j] = (int)i;
        }
    }
    tdkt_buf_free(&all);
    for (int j = 0; j < t->ncols; j++)
        if (t->cols[j].required && fc->pos[j] < 0)
            DIAG(im, fc->path, line, t->cols[j].name, "thiếu cột bắt buộc '%s'",
                 "missing required column '%s'", t->cols[j].name);
}

/* The row's x_ cells as one JSON object, {"x_a":"1",…} in header order
 * without the empty ones; NULL when none is left (or the file has no x_
 * column: the common case costs a test). */
static value extra_value(file_ctx *fc, const tdkt_csv *csv)
{
    tdkt_buf *b = &fc->im->extra;
    b->len = 0;
    for (size_t k = 0; k < fc->nextra; k++) {
        const char *s = tdkt__csv_field(csv, fc->extra[k].field);
        if (!s)
            continue;
        tdkt_buf_puts(b, b->len ? "," : "{");
        tdkt_buf_puts(b, fc->extra[k].key);
        tdkt_buf_puts(b, ":");
        tdkt_json_str(b, s);
    }
    if (!b->len)
        return (value){.type = V_NULL};
    tdkt_buf_puts(b, "}");
    if (b->oom) {
        fc->im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        return (value){.type = V_NULL};
    }
    return (value){.type = V_TEXT, .s = b->ptr, .len = b->len};
}

static void check_and_write(file_ctx *fc, tdkt_csv *csv)
{
    importer *im = fc->im;
    const tdkt__tabledef *t = fc->t;
    value v[TDKT__MAX_COLS];
    int subject = -1;
    bool key_ok = true; /* every key cell is good */
    fc->row_ok = true;
    const long row_line = fc->line;
    for (int j = 0; j < t->ncols; j++) {
        const tdkt__coldef *c = &t->cols[j];
        const char *s =
            fc->pos[j] >= 0 ? tdkt__csv_field(csv, (size_t)fc->pos[j]) : NULL;
        size_t before = im->problems;
        /* A cell's problem names the line the cell is on (a quoted cell
         * before it may hold line breaks); the row's, its first line. */
        fc->line = fc->pos[j] >= 0
                       ? tdkt__csv_field_line(csv, (size_t)fc->pos[j])
                       : row_line;
        if (s)
            check_cell(fc, c, s, tdkt__csv_field_len(csv, (size_t)fc->pos[j]),
                       &subject, &v[j]);
        else if (c->required)
            ROW_DIAG(fc, c->name, "ô trống nhưng %s là bắt buộc",
                     "empty, but %s is required", c->name);
        else
            v[j] = default_value(c);
        if (c->key && im->problems > before)
            key_ok = false;
    }
    fc->line = row_line;
    v[t->ncols] = extra_value(fc, csv);
    if (fc->row_ok)
        check_row_rules(fc, v, subject);
    /* A duplicate is worth reporting even when another cell is wrong:
     * fixing that cell alone would not make the row good. */
    if (key_ok && !t->unique_id)
        check_duplicate_key(fc, v);
    /* After the first problem nothing will be kept: only check. */
    if (fc->row_ok && im->problems == 0 && im->error == 0)
        write_row(fc, v);
}

/* A row that cannot be checked (it could not be read whole, or has too
 * few or too many cells) still defines its id: define_id. */
static void define_row_id(file_ctx *fc, const tdkt_csv *csv)
{
    int set = fc->t->id_set, col = fc->pos[0]; /* the id comes first */
    int error = set >= 0 && col >= 0
                    ? define_id(fc->im, set, fc->index, csv, (size_t)col)
                    : TDKT_OK;
    if (error < 0)
        fc->im->error = error;
}

static bool blank_row(const tdkt_csv *csv)
{
    for (size_t i = 0; i < tdkt__csv_count(csv); i++)
        if (tdkt__csv_field(csv, i))
            return false;
    return true;
}

static void import_file(importer *im, uint32_t index)
{
    const input_file *f = &im->files[index - 1];
    file_ctx fc = {.im = im,
                   .path = f->path,
                   .index = index,
                   .table = f->table,
                   .t = &tdkt__tables[f->table]};
    tdkt_csv *csv = NULL;
    int rc = tdkt__csv_open(&csv, f->path, im->lang);
    if (rc < 0) {
        if (rc == TDKT_ENOMEM)
            im->error = rc;
        else
            DIAG(im, f->path, 0, "", "không mở được: %s", "cannot open: %s",
                 tdkt_error_last()->message);
        return;
    }
    rc = tdkt__csv_next(csv);
    if (rc == 0) {
        DIAG0(im, f->path, 1, "", "tệp rỗng: thiếu dòng tiêu đề",
              "empty file: the header line is missing");
        goto done;
    }
    if (rc == TDKT_ENOMEM) {
        im->error = rc;
        goto done;
    }
    size_t before = im->problems;
    if (rc < 0)
        DIAG(im, f->path, tdkt__csv_error_line(csv), "", "%s", "%s",
             tdkt__csv_error(csv));
    else
        check_header(&fc, csv);
    if (im->error)
        goto done;
    if (im->problems > before) {
        /* The rows cannot be checked right without their columns, but
         * the ids they define count: no row naming one is reported. */
        size_t col = id_field(csv);
        if (fc.t->id_set >= 0 && col != SIZE_MAX &&
            (rc = define_ids(im, fc.t->id_set, index, csv, col)) < 0)
            im->error = rc;
        goto done;
    }
    while (im->error == 0 && (rc = tdkt__csv_next(csv)) != 0) {
        if (rc == TDKT_ENOMEM) {
            im->error = rc;
            break;
        }
        if (rc < 0) {
            int field = tdkt__csv_error_field(csv);
            DIAG(im, f->path, tdkt__csv_error_line(csv),
                 field >= 0 && (size_t)field < fc.nfields ? fc.names[field]
                                                          : "",
                 "%s", "%s", tdkt__csv_error(csv));
            define_row_id(&fc, csv);
            continue;
        }
        if (blank_row(csv))
            continue; /* spreadsheets save empty rows as ",,," */
        fc.line = tdkt__csv_line(csv);
        if (tdkt__csv_count(csv) != fc.nfields) {
            DIAG(im, f->path, fc.line, "",
                 "dòng có %zu ô nhưng dòng tiêu đề có %zu cột",
                 "%zu cells, but the header has %zu columns",
                 tdkt__csv_count(csv), fc.nfields);
            define_row_id(&fc, csv);
            continue;
        }
        check_and_write(&fc, csv);
    }
done:
    for (size_t i = 0; fc.names && i < fc.nfields; i++)
        free(fc.names[i]);
    free(fc.names);
    for (size_t k = 0; k < fc.nextra; k++)
        free(fc.extra[k].key);
    free(fc.extra);
    tdkt__csv_free(csv);
}

/* ---- the import ------------------------------------------------------ */

int tdkt__import_fast = 1;

/* The import connection's page cache: 256 MiB (a negative cache_size
 * counts KiB). */
#define IMPORT_CACHE "-262144"

static int query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

static void importer_free(importer *im)
{
    for (int s = 0; s < TDKT__SET_COUNT_; s++)
        tdkt__strset_free(&im->ids[s]);
    for (int d = 0; d < TDKT_V_COUNT_; d++)
        tdkt__strset_free(&im->spellings[d]);
    tdkt__strset_free(&im->fact_keys);
    tdkt__keymap_free(&im->keys);
    tdkt_buf_free(&im->list);
    tdkt_buf_free(&im->extra);
    for (size_t i = 0; i < im->nfiles; i++)
        free(im->files[i].path);
    free(im->files);
}

int tdkt_import(tdkt_store *store,
                const char *const *paths,
                size_t npaths,
                tdkt_lang lang,
                tdkt_import_summary *summary,
                tdkt_diags *diags)
{
    importer im = {
        .db = tdkt_store_sqlite(store), .lang = lang, .diags = diags};
    bool in_tx = false;
    int error = TDKT_OK, old_cache = INT_MIN;
    tdkt__bulk bulk = {0};
    tdkt__journal journal = {0};
    ids_ahead ahead = {0};
    if (summary)
        memset(summary, 0, sizeof *summary);

    for (size_t i = 0; i < npaths && error == TDKT_OK; i++)
        error = add_path(&im, paths[i]);
    if (error < 0)
        goto done;

    /* A page cache for the B-trees being filled (SQLite's default is
     * 2 MB), given back after. */
    if (query_int(im.db, "PRAGMA cache_size", &old_cache) == 0)
        sqlite3_exec(im.db, "PRAGMA cache_size=" IMPORT_CACHE, NULL, NULL,
                     NULL);

    /* Into an empty store, the rows are written once (journal.h). */
    tdkt__journal_begin(im.db, &journal);

    /* Everything below sees one snapshot and writes in one transaction. */
    if ((error = tdkt_store_begin_write(store)) < 0)
        goto done;
    in_tx = true;
    /* The records change, so the index image goes and the records
     * version grows: once here rather than once per row by their triggers
     * (which would cost half as much again as the import); they are back
     * before the commit. */
    if ((error = tdkt_store_records_unwatch(store)) < 0)
        goto done;
    tdkt__writer_init(&im.writer, im.db, tdkt__import_fast);
    unsigned needed = 0;
    for (size_t i = 0; i < im.nfiles; i++)
        needed |= tdkt__tables[im.files[i].table].refs;
    if ((error = load_ids(&im, needed)) < 0)
        goto done;
    if ((error = ahead_start(&ahead, &im)) < 0)
        goto done;

    for (int t = 0; t < TDKT_T_COUNT_ && im.error == 0; t++) {
        bool any = has_files(&im, t);
        if (any && (error = ahead_join(&ahead, t)) < 0)
            goto done;
        /* Once a problem is found nothing is written: no need. */
        if (any && im.problems == 0 && tdkt__import_fast &&
            (error = tdkt__bulk_begin(im.db, tdkt__tables[t].name, &bulk)) <
                0)
            goto done;
        for (uint32_t i = 1; i <= im.nfiles && im.error == 0; i++)
            if (im.files[i - 1].table == t)
                import_file(&im, i);
        /* The rows held back go in last (tdkt__writer_hold). */
        int held = tdkt__writer_release(&im.writer,
                                        im.problems == 0 && im.error == 0);
        if (held < 0 && im.error == 0)
            im.error = held;
        flush(&im, true);
        tdkt__keymap_free(&im.keys);
        if (im.problems == 0 && im.error == 0 &&
            (error = tdkt__bulk_end(im.db, &bulk)) < 0)
            goto done;
    }
    if ((error = im.error) < 0)
        goto done;
    if (im.problems) {
        /* Vietnamese has no plural: "%.0s" takes the "s" and prints
         * nothing, so both texts take the same arguments. */
        error = tdkt_error_set(TDKT_EINVALID,
                               TDKT_TR(lang,
                                       "tìm thấy %zu lỗi%.0s; không nhập gì "
                                       "vào cơ sở dữ liệu",
                                       "%zu problem%s found; nothing was "
                                       "imported"),
                               im.problems, im.problems == 1 ? "" : "s");
        goto done;
    }
    if ((error = tdkt_store_records_watch(store)) < 0 ||
        (error = tdkt_store_commit(store)) < 0)
        goto done;
    in_tx = false;
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        im.summary.added[t] = im.writer.added[t];
        im.summary.replaced[t] = im.writer.replaced[t];
    }
    im.summary.files = im.nfiles;
    if (summary)
        *summary = im.summary;
done:
    if (ahead.threaded)
        ahead_join(&ahead, -1); /* its sets are freed below */
    tdkt__writer_free(&im.writer); /* the connection is ours again */
    if (in_tx)
        tdkt_store_rollback(store); /* all or nothing */
    tdkt__journal_end(im.db, &journal);
    if (old_cache != INT_MIN) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", old_cache);
        sqlite3_exec(im.db, sql, NULL, NULL, NULL);
    }
    tdkt__bulk_free(&bulk);
    importer_free(&im);
    return error;
}
