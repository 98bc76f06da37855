/*
 * CSV import (import.h): all or nothing, every problem reported.
 *
 * Design. Inside one write transaction:
 *  0. the ids already stored that this import's references may name are
 *     loaded into in-memory sets (one query per set, not per row);
 *  1. the files that define ids a reference may name before pass 2 reads
 *     them (units, nominations, initiatives: forward_sets in ids.c) are
 *     read once for their id column, so that a reference resolves to a
 *     row of any file of the import, in whatever order the files come,
 *     and so that a second row with the same id can name the first;
 *  2. every file is read again, table by table in the order of
 *     tdkt_table_id (so foreign keys point backwards), each cell checked
 *     and converted, and the good rows written 64 at a time with reused
 *     prepared statements, for as long as no problem has been found.
 * Then, if any problem was recorded, the transaction is rolled back, so
 * nothing of the import is kept; if no row was added or changed, it is
 * rolled back too, as there is nothing to keep; otherwise it is
 * committed.
 *
 * A row defines its id whenever its id cell can be read, even when the
 * row or its file's header is wrong otherwise (import_define_id): one
 * bad row is reported once, not again at every row that names it.
 *
 * The files of the module: this one runs the import and pass 2; the
 * others are named in importer.h.
 *
 * Rows with a natural key instead of an id are checked for duplicates
 * with an exact 64-bit packing of their key (ids become set indices), so
 * memory stays at 16 bytes a row for the largest table. Rows are written
 * with INSERT … ON CONFLICT DO NOTHING; the rows that changes nothing had
 * their key stored before the import (duplicates within it were refused
 * already): they are written again as an UPSERT, and counted as replaced
 * when one of their cells changed, as unchanged when none did.
 * An UPSERT updates in place, so rows that refer to it survive, and the
 * columns no file holds (honours.run_id) are kept, as are those this
 * file leaves out (tdkt__batch.given) and the x_ keys it leaves out
 * (writer.c). Nothing is deleted.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/bulk.h"
#include "import/importer.h"
#include "import/journal.h"

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
    if (c->kind != TDKT__COL_SUBJECT_TYPE || !c->key || v[0].idx == TDKT_PERSON)
        return -1;
    return v[0].idx == TDKT_NOMINATION ? TDKT__HOLD_BEFORE : TDKT__HOLD_AFTER;
}

/* Queue a good row; its cells are copied, the CSV buffer moves on. */
static void write_row(file_ctx *fc, const value *v)
{
    importer *im = fc->im;
    int lane = hold_lane(fc, v);
    tdkt__batch *b;
    if (lane >= 0) {
        if (!(b = tdkt__writer_hold(&im->writer, lane, fc->table,
                                    fc->given))) {
            im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            return;
        }
    } else {
        b = im->writer.fill;
        if (b->rows && (b->table != fc->table || b->given != fc->given) &&
            flush(im, false) < 0)
            return;
        b = im->writer.fill;
    }
    b->table = fc->table;
    b->given = fc->given;
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

/* Excel on a system set to Vietnamese (or most of Europe) saves "CSV"
 * with semicolons, and its "Unicode text" with tabs: one column named
 * "id;name;…". Said once, with what to do, rather than as a column
 * unknown and every required one missing. */
static bool wrong_separator(file_ctx *fc, const tdkt_csv *csv, long line)
{
    static const struct {
        char c;
        const char *name[2];
    } seps[] = {
        {';', {"dấu chấm phẩy (;)", "semicolons (;)"}},
        {'\t', {"dấu tab", "tabs"}},
    };
    const char *first = fc->nfields == 1 ? tdkt__csv_field(csv, 0) : NULL;
    for (size_t k = 0; first && k < sizeof seps / sizeof *seps; k++)
        if (strchr(first, seps[k].c)) {
            DIAG(fc->im, fc->path, line, "",
                 "các cột được ngăn bằng %s; hãy lưu tệp dạng CSV ngăn bằng "
                 "dấu phẩy (,)",
                 "the columns are separated by %s; save the file as CSV "
                 "separated by commas (,)",
                 import_noun(seps[k].name, fc->im->lang));
            return true;
        }
    return false;
}

/* The column of @p t named @p name (@p len bytes), or -1. */
static int column_of(const tdkt__tabledef *t, const char *name, size_t len)
{
    for (int j = 0; j < t->ncols; j++)
        if (strlen(t->cols[j].name) == len &&
            memcmp(t->cols[j].name, name, len) == 0)
            return j;
    return -1;
}

/* A header cell without a name, at @p field: named by its place. Excel
 * saves the columns of its used range, which may reach past the last
 * one filled: a comma too many at the end of each line, said once for
 * all the nameless columns at the end. @return whether it was said for
 * the rest of the header too. */
static bool unnamed_column(file_ctx *fc, const tdkt_csv *csv, long line,
                           size_t field)
{
    tdkt_lang lang = fc->im->lang;
    size_t last = field;
    while (last + 1 < fc->nfields && !tdkt__csv_field(csv, last + 1))
        last++;
    bool at_end = last + 1 == fc->nfields;
    if (at_end && last > field)
        DIAG(fc->im, fc->path, line, "",
             "các cột từ %zu đến %zu của dòng tiêu đề không có tên (dấu "
             "phẩy thừa ở cuối dòng?)",
             "columns %zu to %zu of the header have no name (commas too "
             "many at the end of the line?)",
             field + 1, last + 1);
    else
        DIAG(fc->im, fc->path, line, "",
             "cột %zu của dòng tiêu đề không có tên%s",
             "column %zu of the header has no name%s", field + 1,
             at_end ? TDKT_TR(lang, " (dấu phẩy thừa ở cuối dòng?)",
                              " (a comma too many at the end of the line?)")
                    : "");
    return at_end;
}

/* A header name that is no column of the table. Names are matched
 * exactly (data-format.md), but cells lose the spaces around them, so a
 * stray space is said: a name that is a column's, or an x_ name, once its
 * spaces go is said to be that name with a space, and @return that
 * column (-1 otherwise), whose "missing" would say the same again. */
static int unknown_column(file_ctx *fc, long line, size_t field,
                          const char *name)
{
    importer *im = fc->im;
    const tdkt__tabledef *t = fc->t;
    size_t len = strlen(name);
    const char *bare = tdkt_text_trim(name, &len);
    bool spaced = len < strlen(name);
    int j = spaced ? column_of(t, bare, len) : -1;
    if (spaced && (j >= 0 || strncmp(bare, "x_", 2) == 0)) {
        char *want = strndup(bare, len);
        if (!want) {
            im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            return j;
        }
        DIAG(im, fc->path, line, fc->names[field],
             "tên cột '%s' có dấu cách thừa ở đầu hoặc cuối (hãy viết đúng "
             "'%s')",
             "column name '%s' has a stray space before or after it (write "
             "it exactly '%s')",
             fc->names[field], import_show(want).s);
        free(want);
        return j;
    }
    tdkt_buf all = {0};
    for (int k = 0; k < t->ncols; k++)
        tdkt_buf_printf(&all, "%s%s", k ? ", " : "", t->cols[k].name);
    const char *note =
        spaced ? TDKT_TR(im->lang,
                         "tên cột có dấu cách thừa ở đầu hoặc cuối; ",
                         "its name has a stray space before or after it; ")
               : "";
    DIAG(im, fc->path, line, fc->names[field],
         "cột '%s' không có trong %s.csv (%scác cột: %s; cột riêng phải bắt "
         "đầu bằng x_)",
         "unknown column '%s' in %s.csv (%sexpected %s; columns of your own "
         "must start with x_)",
         fc->names[field], t->name, note, tdkt_buf_cstr(&all));
    tdkt_buf_free(&all);
    return -1;
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
    if (wrong_separator(fc, csv, line))
        return;
    bool said[TDKT__MAX_COLS] = {0}; /* named with a space, said so */
    bool rest_unnamed = false;       /* the nameless columns at the end */
    for (size_t i = 0; i < fc->nfields; i++) {
        const char *name = tdkt__csv_field(csv, i);
        if (!name)
            name = "";
        if (!(fc->names[i] = strdup(import_show(name).s))) {
            im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        if (!*name) {
            if (!rest_unnamed)
                rest_unnamed = unnamed_column(fc, csv, line, i);
            continue;
        }
        size_t bare = strlen(name);
        tdkt_text_trim(name, &bare);
        /* "x_phone " is an x_ name with a stray space, as " x_phone" is
         * (unknown_column says so), not a key of its own */
        if (strncmp(name, "x_", 2) == 0 && bare == strlen(name)) {
            add_extra_column(fc, line, i, name);
            continue;
        }
        int j = column_of(t, name, strlen(name));
        if (j < 0) {
            if ((j = unknown_column(fc, line, i, name)) >= 0)
                said[j] = true;
        } else if (fc->pos[j] >= 0) {
            repeated_column(fc, line, i);
        } else {
            fc->pos[j] = (int)i;
        }
    }
    fc->given = fc->nextra ? 1u << t->ncols : 0;
    for (int j = 0; j < t->ncols; j++)
        if (fc->pos[j] >= 0)
            fc->given |= 1u << j;
    for (int j = 0; j < t->ncols; j++)
        if (t->cols[j].required && fc->pos[j] < 0 && !said[j])
            DIAG(im, fc->path, line, t->cols[j].name, "thiếu cột bắt buộc '%s'",
                 "missing required column '%s'", t->cols[j].name);
}

/* The row's x_ cells as one JSON object in header order, an empty cell
 * as null: {"x_a":"1","x_b":null}, the patch the writer applies to what
 * is stored (writer.c), so that an empty cell removes its key as an empty
 * cell clears any column. Their text is stored as any cell's
 * (import_cell_text). NULL when the file has no x_ column (the common
 * case costs a test): the stored extra stays as it is. */
static value extra_value(file_ctx *fc, const tdkt_csv *csv)
{
    if (!fc->nextra)
        return (value){.type = V_NULL};
    tdkt_buf *b = &fc->im->extra;
    b->len = 0;
    for (size_t k = 0; k < fc->nextra; k++) {
        size_t field = fc->extra[k].field;
        const char *s = tdkt__csv_field(csv, field);
        size_t len = tdkt__csv_field_len(csv, field);
        char *owned = NULL;
        int error = s ? import_cell_text(&s, &len, &owned) : TDKT_OK;
        if (error < 0 && fc->im->error == 0)
            fc->im->error = error;
        tdkt_buf_puts(b, k ? "," : "{");
        tdkt_buf_puts(b, fc->extra[k].key);
        tdkt_buf_puts(b, ":");
        if (s)
            tdkt_json_str(b, s);
        else
            tdkt_buf_puts(b, "null");
        free(owned);
    }
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
    char *owned[TDKT__MAX_COLS] = {0}; /* import_cell_text's copies */
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
        size_t len = s ? tdkt__csv_field_len(csv, (size_t)fc->pos[j]) : 0;
        int error = s ? import_cell_text(&s, &len, &owned[j]) : TDKT_OK;
        if (error < 0 && im->error == 0)
            im->error = error;
        if (s)
            import_check_cell(fc, c, s, len, &subject, &v[j]);
        else if (c->required)
            ROW_DIAG(fc, c->name, "ô trống nhưng %s là bắt buộc",
                     "empty, but %s is required", c->name);
        else
            v[j] = import_default_value(c);
        if (c->key && im->problems > before)
            key_ok = false;
    }
    fc->line = row_line;
    v[t->ncols] = extra_value(fc, csv);
    if (fc->row_ok)
        import_check_row_rules(fc, v, subject);
    /* A duplicate is worth reporting even when another cell is wrong:
     * fixing that cell alone would not make the row good. */
    if (key_ok && !t->unique_id)
        import_check_duplicate_key(fc, v);
    /* After the first problem nothing will be kept: only check. */
    if (fc->row_ok && im->problems == 0 && im->error == 0)
        write_row(fc, v);
    for (int j = 0; j < t->ncols; j++)
        free(owned[j]);
}

/* A row that cannot be checked (it could not be read whole, or has too
 * few or too many cells) still defines its id: import_define_id. */
static void define_row_id(file_ctx *fc, const tdkt_csv *csv)
{
    int set = fc->t->id_set, col = fc->pos[0]; /* the id comes first */
    int error = set >= 0 && col >= 0
                    ? import_define_id(fc->im, set, fc->index, csv, (size_t)col)
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
        size_t col = import_id_field(csv);
        if (fc.t->id_set >= 0 && col != SIZE_MAX &&
            (rc = import_define_ids(im, fc.t->id_set, index, csv, col)) < 0)
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

/* ---- units under themselves ------------------------------------------ */

/* The units that lie under themselves, once the import's units are
 * written beside the stored ones: each unit's chain of parents, as
 * (start, unit reached) pairs, each pair once (UNION), so a loop ends. */
static const char cycle_sql[] =
    "WITH RECURSIVE up(start, at) AS ("
    "  SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL"
    "  UNION"
    "  SELECT up.start, u.parent_id FROM up JOIN units u ON u.id = up.at"
    "  WHERE u.parent_id IS NOT NULL)"
    "SELECT start FROM up WHERE at = start ORDER BY start";

/* "U1 → U2 → U1": the chain of parents from @p id back to it. */
static void cycle_text(sqlite3 *db, const char *id, tdkt_buf *b)
{
    sqlite3_stmt *st = NULL;
    tdkt_buf_puts(b, import_show(id).s);
    if (sqlite3_prepare_v2(db, "SELECT parent_id FROM units WHERE id = ?", -1,
                           &st, NULL) != SQLITE_OK)
        return;
    char *at = strdup(id);
    for (int k = 0; at && k < 8; k++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            break;
        const char *parent = (const char *)sqlite3_column_text(st, 0);
        if (!parent)
            break;
        tdkt_buf_printf(b, " → %s", import_show(parent).s);
        free(at);
        at = strdup(parent);
        if (at && strcmp(at, id) == 0)
            break;
        if (k == 7)
            tdkt_buf_puts(b, " → …");
    }
    free(at);
    sqlite3_finalize(st);
}

/* A unit under itself (U1 under U2 under U1, or its own parent) has no
 * top, and whatever walks its parents up never ends: each such unit of
 * this import is a problem of its row. (Stored units alone cannot loop:
 * each import that wrote them was checked.) */
static int check_unit_cycles(importer *im)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(im->db, cycle_sql, -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(im->db, "import");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        uint32_t k =
            id ? tdkt__strset_find(&im->ids[TDKT__SET_UNITS], id, strlen(id))
               : TDKT__NONE;
        const tdkt__strset_entry *e =
            k != TDKT__NONE ? tdkt__strset_at(&im->ids[TDKT__SET_UNITS], k)
                            : NULL;
        if (!e || !e->file)
            continue; /* stored before this import */
        tdkt_buf chain = {0};
        cycle_text(im->db, id, &chain);
        DIAG(im, im->files[e->file - 1].path, (long)e->line, "parent_id",
             "đơn vị '%s' nằm dưới chính nó (%s)",
             "unit '%s' lies under itself (%s)", import_show(id).s,
             tdkt_buf_cstr(&chain));
        tdkt_buf_free(&chain);
    }
    int error = rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(im->db, "import");
    sqlite3_finalize(st);
    return error;
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

/* Whether the writer added or changed any row. */
static bool rows_written(const tdkt__writer *w)
{
    for (int t = 0; t < TDKT_T_COUNT_; t++)
        if (w->added[t] || w->replaced[t])
            return true;
    return false;
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
        error = import_add_path(&im, paths[i]);
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
    if ((error = import_load_ids(&im, needed)) < 0)
        goto done;
    if ((error = import_ahead_start(&ahead, &im)) < 0)
        goto done;

    for (int t = 0; t < TDKT_T_COUNT_ && im.error == 0; t++) {
        bool any = import_has_files(&im, t);
        if (any && (error = import_ahead_join(&ahead, t)) < 0)
            goto done;
        /* Once a problem is found nothing is written: no need. */
        if (any && im.problems == 0 && tdkt__import_fast &&
            (error = tdkt__bulk_begin(im.db, tdkt__tables[t].name, &bulk)) < 0)
            goto done;
        for (uint32_t i = 1; i <= im.nfiles && im.error == 0; i++)
            if (im.files[i - 1].table == t)
                import_file(&im, i);
        /* The rows held back go in last (tdkt__writer_hold). */
        int held =
            tdkt__writer_release(&im.writer, im.problems == 0 && im.error == 0);
        if (held < 0 && im.error == 0)
            im.error = held;
        flush(&im, true);
        tdkt__keymap_free(&im.keys);
        if (im.problems == 0 && im.error == 0 &&
            (error = tdkt__bulk_end(im.db, &bulk)) < 0)
            goto done;
        if (any && t == TDKT_T_UNITS && im.problems == 0 && im.error == 0 &&
            (error = check_unit_cycles(&im)) < 0)
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
    /* An import that adds and changes no row (each as it is stored, or a
     * file of only its header) changes nothing: committed, it would still
     * grow the records version, and every saved run would read as judged
     * on records changed since. Its rollback also gives back the index
     * image's token and the triggers it took away. */
    if (!rows_written(&im.writer))
        tdkt_store_rollback(store);
    else if ((error = tdkt_store_records_watch(store)) < 0 ||
             (error = tdkt_store_commit(store)) < 0)
        goto done;
    in_tx = false;
    for (int t = 0; t < TDKT_T_COUNT_; t++) {
        im.summary.added[t] = im.writer.added[t];
        im.summary.replaced[t] = im.writer.replaced[t];
        im.summary.unchanged[t] = im.writer.unchanged[t];
    }
    im.summary.files = im.nfiles;
    for (size_t i = 0; i < im.nfiles; i++)
        im.summary.files_of[im.files[i].table]++;
    if (summary)
        *summary = im.summary;
done:
    if (ahead.threaded)
        import_ahead_join(&ahead, -1); /* its sets are freed below */
    tdkt__writer_free(&im.writer);     /* the connection is ours again */
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
