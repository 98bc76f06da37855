/*
 * The ids a reference of the import may name (importer.h): those already
 * stored, and, before pass 2 reads the rows that define them, those the
 * files define (pass 1), with where each was first seen.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "import/importer.h"

/* Load the ids already stored into the sets this import needs. */
int import_load_ids(importer *im, unsigned sets)
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
bool import_has_files(const importer *im, int t)
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
        if (!import_has_files(im, t))
            continue;
        refs |= tdkt__tables[t].refs;
        int set = tdkt__tables[t].id_set;
        if (set >= 0 && (refs & 1u << set))
            forward |= 1u << set;
    }
    return forward;
}

/* The field of the header just read that is named "id", or SIZE_MAX. */
size_t import_id_field(const tdkt_csv *csv)
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
 * own, so that the rows naming the id are not reported as well. The id
 * is taken as pass 2 takes it (import_cell_text): "U1 " or an NFD "Hoà"
 * defined below the row naming it is the U1 or Hoà that row names.
 * @return 0 or TDKT_ENOMEM */
int import_define_id(
    importer *im, int set, uint32_t file, const tdkt_csv *csv, size_t col)
{
    const char *id = tdkt__csv_field(csv, col);
    if (!id || !tdkt__csv_field_ok(csv, col))
        return TDKT_OK;
    size_t len = tdkt__csv_field_len(csv, col);
    char *owned;
    uint32_t idx;
    int error = import_cell_text(&id, &len, &owned);
    if (error == TDKT_OK && id)
        error = tdkt__strset_add(&im->ids[set], id, len, &idx);
    free(owned);
    if (error < 0 || !id)
        return error;
    tdkt__strset_entry *e = tdkt__strset_at(&im->ids[set], idx);
    if (!e->file) {
        /* The id cell's line, as pass 2 names a cell (check_id compares
         * the two): in a record whose quoted cells before the id hold line
         * breaks, the record's first line is not the id's. */
        long line = tdkt__csv_field_line(csv, col);
        e->file = file;
        e->line = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    }
    return TDKT_OK;
}

/* The ids the rest of the file defines (field @p col of each row).
 * @return 0 or TDKT_ENOMEM */
int import_define_ids(
    importer *im, int set, uint32_t file, tdkt_csv *csv, size_t col)
{
    int rc, error = TDKT_OK;
    while (error == TDKT_OK && (rc = tdkt__csv_next(csv)) != 0)
        error =
            rc == TDKT_ENOMEM ? rc : import_define_id(im, set, file, csv, col);
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
    size_t col =
        rc == 1 || rc == TDKT_EINVALID ? import_id_field(csv) : SIZE_MAX;
    if (rc == TDKT_ENOMEM)
        error = rc;
    else if (col != SIZE_MAX)
        error = import_define_ids(im, tdkt__tables[f->table].id_set, index, csv,
                                  col);
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

static void *ahead_main(void *arg)
{
    ids_ahead *a = arg;
    a->error = collect_sets(a->im, a->sets);
    return NULL;
}

/* Pass 1 of the forward sets: those the first table reads at once, the
 * others ahead (on a thread when the fast paths are on and it starts). */
int import_ahead_start(ids_ahead *a, importer *im)
{
    unsigned forward = forward_sets(im), first = 0;
    for (int t = 0; t < TDKT_T_COUNT_ && !first; t++)
        if (import_has_files(im, t))
            first = table_sets(t) & forward;
    *a = (ids_ahead){.im = im, .sets = forward & ~first};
    int error = collect_sets(im, first);
    if (error == TDKT_OK && a->sets && tdkt__import_fast)
        a->threaded = pthread_create(&a->tid, NULL, ahead_main, a) == 0;
    return error;
}

/* Before pass 2 of table @p t (-1: whatever the table): the sets it
 * reads are complete. @return 0 or TDKT_ENOMEM */
int import_ahead_join(ids_ahead *a, int t)
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
    return a->error < 0 ? tdkt_error_set(a->error, "out of memory") : TDKT_OK;
}
