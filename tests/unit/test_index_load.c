/*
 * How the index is loaded: on two connections at once (one snapshot) or
 * on one, with the same result; the shortcuts of decoding (codes matched
 * by length, integers without strtod) give what the slow path gives.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "helpers.h"
#include "index/image.h"
#include "index/index_internal.h"
#include "index/map.h"
#include "tdkt/import.h"

typedef struct world {
    char *dir;
    char db[1024];
    tdkt_store *store;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    w->store = th_store_new(&w->dir, "t.db");
    snprintf(w->db, sizeof w->db, "%s/t.db", w->dir); /* for other connections */
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    th_store_done(w->store, w->dir);
    free(w);
    return 0;
}

static void records(world *w, const char *sql)
{
    if (tdkt_store_exec(w->store, sql) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
}

/* Loaded from the tables (these tests are about them), on one connection
 * (mode 0), two (1) or as the database's size decides (-1). */
static tdkt_index *load_as(world *w, bool image, int mode)
{
    tdkt_index_options opt = TDKT_INDEX_OPTIONS_INIT;
    opt.image = image;
    opt.parallel = mode;
    tdkt_index *ix = NULL;
    if (tdkt_index_load_with(&ix, w->store, &opt) < 0) {
        print_error("%s\n", tdkt_error_last()->message);
        fail();
    }
    return ix;
}

static tdkt_index *load(world *w, int mode)
{
    return load_as(w, false, mode);
}

static void same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_range(ix_range a, ix_range b)
{
    assert_int_equal(a.off, b.off);
    assert_int_equal(a.n, b.n);
}

/* Every record and every field of two indexes, strings by content. */
static void same_index(const tdkt_index *a, const tdkt_index *b)
{
    assert_int_equal(a->nsubjects, b->nsubjects);
    for (size_t i = 0; i < a->nsubjects; i++) {
        const ix_subject *x = &a->subjects[i], *y = &b->subjects[i];
        same_str(x->id, y->id);
        same_str(x->name, y->name);
        same_str(x->bloc, y->bloc);
        assert_int_equal(x->type, y->type);
        assert_int_equal(x->is_leader, y->is_leader);
        assert_int_equal(x->category, y->category);
        assert_int_equal(x->gender, y->gender);
        assert_int_equal(x->ethnic, y->ethnic);
        assert_int_equal(x->birth_year, y->birth_year);
        assert_int_equal(x->hired, y->hired);
        assert_int_equal(x->unit, y->unit);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->small, y->small);
        same_range(x->app, y->app);
        same_range(x->hon, y->hon);
        same_range(x->ini, y->ini);
        same_range(x->dis, y->dis);
        same_range(x->fac, y->fac);
        same_range(x->members, y->members);
        same_range(x->children, y->children);
    }
    assert_int_equal(a->nnoms, b->nnoms);
    for (size_t i = 0; i < a->nnoms; i++) {
        const ix_nomination *x = &a->noms[i], *y = &b->noms[i];
        same_str(x->id, y->id);
        same_str(x->campaign, y->campaign);
        same_str(x->proposed_by, y->proposed_by);
        assert_int_equal(x->subject, y->subject);
        assert_int_equal(x->code, y->code);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->year, y->year);
        assert_int_equal(x->submitted, y->submitted);
        same_range(x->fac, y->fac);
    }
    /* The records are padding-free only by luck: compare field by field. */
    assert_int_equal(a->napp, b->napp);
    for (size_t i = 0; i < a->napp; i++) {
        assert_int_equal(a->app[i].year, b->app[i].year);
        assert_int_equal(a->app[i].rating, b->app[i].rating);
        assert_int_equal(a->app[i].months, b->app[i].months);
        assert_int_equal(a->app[i].absence, b->app[i].absence);
        assert_int_equal(a->app[i].unit, b->app[i].unit);
    }
    assert_int_equal(a->nhon, b->nhon);
    for (size_t i = 0; i < a->nhon; i++) {
        assert_int_equal(a->hon[i].year, b->hon[i].year);
        assert_int_equal(a->hon[i].code, b->hon[i].code);
        assert_int_equal(a->hon[i].kind, b->hon[i].kind);
        assert_int_equal(a->hon[i].decision_date, b->hon[i].decision_date);
    }
    assert_int_equal(a->nini, b->nini);
    for (size_t i = 0; i < a->nini; i++) {
        assert_int_equal(a->ini[i].year, b->ini[i].year);
        assert_int_equal(a->ini[i].scope, b->ini[i].scope);
        assert_int_equal(a->ini[i].kind, b->ini[i].kind);
        assert_int_equal(a->ini[i].applied, b->ini[i].applied);
        assert_int_equal(a->ini[i].used, b->ini[i].used);
        same_str(a->init_names[a->ini[i].id], b->init_names[b->ini[i].id]);
    }
    assert_int_equal(a->ndis, b->ndis);
    for (size_t i = 0; i < a->ndis; i++) {
        assert_int_equal(a->dis[i].date, b->dis[i].date);
        assert_int_equal(a->dis[i].ends, b->dis[i].ends);
        assert_int_equal(a->dis[i].level, b->dis[i].level);
    }
    assert_int_equal(a->nfac, b->nfac);
    for (size_t i = 0; i < a->nfac; i++) {
        assert_int_equal(a->fac[i].year, b->fac[i].year);
        assert_int_equal(a->fac[i].key, b->fac[i].key);
        assert_int_equal(a->fac[i].is_num, b->fac[i].is_num);
        assert_memory_equal(&a->fac[i].num, &b->fac[i].num, sizeof(double));
        same_str(a->fac[i].value, b->fac[i].value);
    }
    assert_int_equal(a->nmembers, b->nmembers);
    assert_memory_equal(a->members, b->members,
                        a->nmembers * sizeof *a->members);
    assert_int_equal(a->nchildren, b->nchildren);
    assert_memory_equal(a->children, b->children,
                        a->nchildren * sizeof *a->children);
}

static void import_demo(world *w)
{
    const char *paths[] = {TDKT_SOURCE_DIR "/examples/kontum-demo"};
    tdkt_diags d = {0};
    int rc = tdkt_import(w->store, paths, 1, TDKT_LANG_EN, NULL, &d);
    tdkt_diags_clear(&d);
    assert_int_equal(rc, 0);
}

/* The example province (every table, nomination facts, honours citing
 * initiatives) loads the same on two connections as on one. */
static void test_index_load__parallel_same_as_sequential(void **state)
{
    world *w = *state;
    import_demo(w);
    tdkt_index *one = load(w, 0);
    tdkt_index *two = load(w, 1);
    assert_false(one->parallel);
    assert_true(two->parallel);
    assert_true(one->nhon > 0 && one->nini > 0 && one->nfac > 0);
    same_index(one, two);
    tdkt_index_free(one);
    tdkt_index_free(two);
}

/* While another connection holds the write lock, the load does not wait
 * for it: it reads on one connection, the same records. */
static void test_index_load__writer_busy_loads_on_one(void **state)
{
    world *w = *state;
    import_demo(w);
    tdkt_index *before = load(w, 0);
    sqlite3 *other = NULL;
    assert_int_equal(sqlite3_open(w->db, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other,
                                  "BEGIN IMMEDIATE; INSERT INTO appraisals "
                                  "(subject_type, subject_id, year, rating) "
                                  "VALUES ('person', 'P0001', 1901, 'good')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    tdkt_index *during = load(w, 1);
    assert_false(during->parallel);
    same_index(before, during);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    tdkt_index_free(before);
    tdkt_index_free(during);
}

/* A writer commits as fast as it can, each transaction adding one
 * appraisal and one honour of the same year to P1 (tables read by the two
 * connections). Every load, parallel or not, must see as many of one as
 * of the other: both connections read one snapshot. */
typedef struct writer {
    char *db;
    atomic_int stop;
    int commits;
} writer;

static void *write_loop(void *arg)
{
    writer *wr = arg;
    sqlite3 *db = NULL;
    if (sqlite3_open(wr->db, &db) != SQLITE_OK)
        return NULL;
    sqlite3_busy_timeout(db, 10000);
    /* No fsync per commit: the test is about visibility, not durability. */
    sqlite3_exec(db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
    for (int year = 1901; !atomic_load(&wr->stop) && year < 30000; year++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "BEGIN IMMEDIATE;"
                 "INSERT INTO appraisals(subject_type, subject_id, year, "
                 "rating) VALUES ('person', 'P1', %d, 'good');"
                 "INSERT INTO honours(subject_type, subject_id, code, year) "
                 "VALUES ('person', 'P1', 'ldtt', %d);"
                 "COMMIT;",
                 year, year);
        if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            continue;
        }
        wr->commits++;
    }
    sqlite3_close(db);
    return NULL;
}

static void test_index_load__one_snapshot_under_writes(void **state)
{
    world *w = *state;
    records(w, "INSERT INTO units(id, name, kind) VALUES "
               "('U1', 'Sở Nội vụ', 'agency');"
               "INSERT INTO people(id, full_name, unit_id, is_leader) "
               "VALUES ('P1', 'Nguyễn Văn A', 'U1', 0);");
    writer wr = {.db = w->db};
    pthread_t tid;
    assert_int_equal(pthread_create(&tid, NULL, write_loop, &wr), 0);
    int parallel = 0;
    for (int i = 0; i < 150; i++) {
        tdkt_index *ix = load(w, 1);
        parallel += ix->parallel;
        if (ix->napp != ix->nhon) {
            atomic_store(&wr.stop, 1);
            pthread_join(tid, NULL);
            fail_msg("load %d: %zu appraisals but %zu honours", i, ix->napp,
                     ix->nhon);
        }
        tdkt_index_free(ix);
    }
    atomic_store(&wr.stop, 1);
    pthread_join(tid, NULL);
    print_message("%d of 150 loads parallel, %d commits\n", parallel,
                  wr.commits);
    assert_true(parallel > 0);
    assert_true(wr.commits > 0);
}

/* Fact values: the integer shortcut gives what strtod gives, and words
 * stay words. */
static void test_index_load__fact_numbers(void **state)
{
    world *w = *state;
    static const char *const values[] = {
        "0",   "-0",   "+0",  "7",    "007",  "-12",  "+12",
        "123456789012345",     "1234567890123456789", "-999999999999999",
        "0.5", "1e3",  "-",   "+",    "",     "1-2",  "12a",
        "nan", "inf",  "0x10", " 1",  "1 ",   ".5",   "5."};
    size_t n = sizeof values / sizeof *values;
    records(w, "INSERT INTO units(id, name, kind) VALUES "
               "('U1', 'Sở Nội vụ', 'agency');");
    for (size_t i = 0; i < n; i++) {
        char *sql = sqlite3_mprintf(
            "INSERT INTO facts(subject_type, subject_id, year, key, value) "
            "VALUES ('unit', 'U1', %d, 'k', %Q)",
            (int)(1901 + i), values[i]);
        records(w, sql);
        sqlite3_free(sql);
    }
    tdkt_index *ix = load(w, 0);
    assert_int_equal(ix->nfac, n);
    for (size_t i = 0; i < n; i++) {
        const ix_fact *f = &ix->fac[i];
        const char *v = values[i];
        char *end;
        double want = strtod(v, &end);
        bool num = *v && *v != ' ' && *v != 'n' && *v != 'i' &&
                   !(v[0] == '0' && v[1] == 'x') && !*end && isfinite(want);
        assert_string_equal(f->value, v);
        if (f->is_num != num)
            fail_msg("'%s': is_num %d, expected %d", v, f->is_num, num);
        if (num)
            assert_memory_equal(&f->num, &want, sizeof want);
    }
    tdkt_index_free(ix);
}

/* Each subject's records find their subject whatever its id: ids that
 * are prefixes of others, upper and lower case, non-ASCII, inserted out
 * of order; rows of subjects that do not exist (before, between and
 * after the real ones) are skipped without taking a neighbour's place. */
static void test_index_load__records_find_their_subject(void **state)
{
    world *w = *state;
    static const char *const people[] = {"b", "a", "ab", "é", "A", "a b",
                                         "B", "ã", "aa0", "a"};
    static const char *const ghosts[] = {"0", "aa", "zz", "Ä", "C"};
    records(w, "INSERT INTO units(id, name, kind) VALUES "
               "('U2', 'Hai', 'agency'), ('U1', 'Một', 'agency');");
    size_t n = sizeof people / sizeof *people - 1; /* "a" twice: once */
    for (size_t i = 0; i < n; i++) {
        char *sql = sqlite3_mprintf(
            "INSERT INTO people(id, full_name, unit_id, is_leader) "
            "VALUES (%Q, %Q, %Q, 0)",
            people[i], people[i], i % 2 ? "U1" : "U2");
        records(w, sql);
        sqlite3_free(sql);
        for (size_t y = 1; y <= i; y++) { /* the first has none */
            sql = sqlite3_mprintf(
                "INSERT INTO appraisals(subject_type, subject_id, year, "
                "rating, unit_id) VALUES ('person', %Q, %d, 'good', %Q)",
                people[i], (int)(2000 + y), y % 2 ? "U1" : "U2");
            records(w, sql);
            sqlite3_free(sql);
        }
    }
    for (size_t g = 0; g < sizeof ghosts / sizeof *ghosts; g++) {
        char *sql = sqlite3_mprintf(
            "INSERT INTO appraisals(subject_type, subject_id, year, rating)"
            " VALUES ('person', %Q, 1999, 'good'), ('unit', %Q, 1999, "
            "'good')",
            ghosts[g], ghosts[g]);
        records(w, sql);
        sqlite3_free(sql);
    }
    records(w, "INSERT INTO appraisals(subject_type, subject_id, year, "
               "rating) VALUES ('unit', 'U1', 2001, 'good'), "
               "('unit', 'U2', 2001, 'good'), ('unit', 'U2', 2002, 'good')");
    for (int mode = 0; mode <= 1; mode++) {
        tdkt_index *ix = load(w, mode);
        for (size_t i = 0; i < n; i++) {
            int32_t k = ix_find_subject(ix, TDKT_PERSON, people[i]);
            assert_true(k >= 0);
            const ix_subject *s = &ix->subjects[k];
            assert_string_equal(s->id, people[i]);
            if (s->app.n != i)
                fail_msg("'%s': %u appraisals, expected %zu", people[i],
                         s->app.n, i);
            for (uint32_t y = 0; y < s->app.n; y++)
                assert_int_equal(ix->app[s->app.off + y].year,
                                 (int)(2001 + y));
        }
        const ix_subject *u1 = &ix->subjects[ix_find_subject(ix, TDKT_UNIT,
                                                            "U1")];
        const ix_subject *u2 = &ix->subjects[ix_find_subject(ix, TDKT_UNIT,
                                                            "U2")];
        assert_int_equal(u1->app.n, 1);
        assert_int_equal(u2->app.n, 2);
        size_t want = 3;
        for (size_t i = 0; i < n; i++)
            want += i;
        assert_int_equal(ix->napp, want);
        tdkt_index_free(ix);
    }
}

/* ------------------------------------------------------ the index image */

/* The text of the first column of @p sql's first row ("" when none). */
static void store_text(world *w, const char *sql, char *out, size_t n)
{
    sqlite3 *db = tdkt_store_sqlite(w->store);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    out[0] = '\0';
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Rows of index_image: 1 while the store holds an image's token. */
static int image_parts(world *w)
{
    char n[32];
    store_text(w, "SELECT count(*) FROM index_image", n, sizeof n);
    return atoi(n);
}

/* Loaded with the image on: from the image when there is a usable one
 * (ix->image set), else from the tables, writing the image. */
static tdkt_index *load_imaged(world *w)
{
    return load_as(w, true, -1);
}

/* Same records, and the same lookups by id and by fact key. */
static void same_loaded(const tdkt_index *tables, const tdkt_index *image)
{
    same_index(tables, image);
    for (size_t i = 0; i < tables->nsubjects; i++) {
        const ix_subject *s = &tables->subjects[i];
        assert_int_equal(ix_find_subject(image, s->type, s->id), (int)i);
    }
    for (size_t i = 0; i < tables->nnoms; i++)
        assert_int_equal(ix_map_get_nom(image, tables->noms[i].id), (int)i);
    for (size_t i = 0; i < tables->fact_keys.cap; i++) {
        const char *k = tables->fact_keys.keys[i];
        if (k)
            assert_int_equal(ix_fact_key(image, k),
                             tables->fact_keys.vals[i]);
    }
    for (size_t i = 0; i < tables->ninit_names; i++)
        assert_int_equal(ix_map_get(&image->init_ids, tables->init_names[i]),
                         (int)i);
}

/* The first load writes the image, the next reads it: the same index as
 * the tables give, lookups included. */
static void test_index_load__image_same_as_tables(void **state)
{
    world *w = *state;
    import_demo(w);
    tdkt_index *tables = load(w, 0);
    assert_int_equal(image_parts(w), 0);
    tdkt_index *first = load_imaged(w);
    assert_null(first->image);
    assert_int_equal(image_parts(w), 1);
    tdkt_index *second = load_imaged(w);
    assert_non_null(second->image);
    assert_true(second->nhon > 0 && second->nfac > 0 && second->nini > 0);
    same_loaded(tables, second);
    tdkt_index_free(tables);
    tdkt_index_free(first);
    tdkt_index_free(second);
}

/* Any change to any record table, made by any connection, drops the
 * image; the next load reads the tables, change included. */
static void test_index_load__image_dropped_by_any_change(void **state)
{
    world *w = *state;
    import_demo(w);
    static const char *const changes[] = {
        "UPDATE units SET name = name || '.' WHERE rowid = 1",
        "INSERT INTO people(id, full_name, unit_id, is_leader) "
        "SELECT 'PX', 'X', id, 0 FROM units LIMIT 1",
        "DELETE FROM people WHERE id = 'PX'",
        "UPDATE appraisals SET rating = 'good' WHERE year = "
        "(SELECT max(year) FROM appraisals)",
        "DELETE FROM honours WHERE year = (SELECT min(year) FROM honours)",
        "UPDATE initiatives SET applied = 1 - applied",
        "INSERT INTO disciplines(subject_type, subject_id, date, level) "
        "SELECT 'person', id, '2020-01-01', 'reprimand' FROM people "
        "LIMIT 1",
        "INSERT INTO facts(subject_type, subject_id, year, key, value) "
        "SELECT 'person', id, 2020, 'image_test', '1' FROM people LIMIT 1",
        "UPDATE nominations SET year = year WHERE rowid = 1",
    };
    for (size_t c = 0; c < sizeof changes / sizeof *changes; c++) {
        tdkt_index_free(load_imaged(w));
        assert_int_equal(image_parts(w), 1);
        sqlite3 *other = NULL;
        assert_int_equal(sqlite3_open(w->db, &other), SQLITE_OK);
        if (sqlite3_exec(other, changes[c], NULL, NULL, NULL) != SQLITE_OK)
            fail_msg("%s: %s", changes[c], sqlite3_errmsg(other));
        sqlite3_close(other);
        if (image_parts(w) != 0)
            fail_msg("the image survived: %s", changes[c]);
        tdkt_index *tables = load(w, 0);
        tdkt_index *after = load_imaged(w);
        assert_null(after->image);
        same_index(tables, after);
        tdkt_index_free(tables);
        tdkt_index_free(after);
    }
    /* An import drops it too (its rows do not fire the triggers), and
     * triggers work again after it. */
    tdkt_index_free(load_imaged(w));
    import_demo(w);
    assert_int_equal(image_parts(w), 0);
    tdkt_index_free(load_imaged(w));
    records(w, "UPDATE units SET name = name || '.' WHERE rowid = 1");
    assert_int_equal(image_parts(w), 0);
}

/* An image is written only when no other connection committed since the
 * load's snapshot: it would show records the index does not hold. */
static void test_index_load__image_not_written_over_a_commit(void **state)
{
    world *w = *state;
    import_demo(w);
    sqlite3 *db = tdkt_store_sqlite(w->store);
    int64_t version = ix_image_version(db);
    tdkt_index *ix = load(w, 0);
    sqlite3 *other = NULL;
    assert_int_equal(sqlite3_open(w->db, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "INSERT INTO meta(key, value) "
                                         "VALUES ('image_test', '1')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    ix_image_store(ix, db, version);
    assert_int_equal(image_parts(w), 0);
    /* Nor while another connection holds the write lock. */
    version = ix_image_version(db);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    ix_image_store(ix, db, version);
    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(image_parts(w), 0);
    /* With neither, it is. */
    ix_image_store(ix, db, ix_image_version(db));
    assert_int_equal(image_parts(w), 1);
    sqlite3_close(other);
    tdkt_index_free(ix);
}

/* The store's image token, in hex ("" when it holds none). */
static void image_token(world *w, char *out, size_t n)
{
    store_text(w, "SELECT hex(data) FROM index_image WHERE part = 0", out,
               n);
}

/* With the image off, the index comes from the tables and nothing is
 * written, even where a current image is there to be read. */
static void test_index_load__image_off_reads_the_tables_only(void **state)
{
    world *w = *state;
    import_demo(w);
    tdkt_index *ix = load(w, 0);
    assert_null(ix->image);
    assert_int_equal(image_parts(w), 0);
    tdkt_index_free(ix);
    ix = load_imaged(w); /* writes it */
    assert_int_equal(image_parts(w), 1);
    tdkt_index_free(ix);
    ix = load_imaged(w);
    assert_non_null(ix->image);
    tdkt_index *tables = load(w, 0);
    assert_null(tables->image);
    same_loaded(tables, ix);
    tdkt_index_free(tables);
    tdkt_index_free(ix);
}

/* tdkt_index_prepare writes the image when the store has none (after an
 * import, as `tdkt import` calls it), and leaves a current one alone. */
static void test_index_load__prepare_writes_only_a_missing_image(void **state)
{
    world *w = *state;
    import_demo(w);
    assert_int_equal(image_parts(w), 0);
    assert_int_equal(tdkt_index_prepare(w->store), 0);
    char first[64], again[64];
    image_token(w, first, sizeof first);
    assert_int_equal((int)strlen(first), 32);
    assert_int_equal(tdkt_index_prepare(w->store), 0);
    image_token(w, again, sizeof again);
    assert_string_equal(first, again); /* not written again */
    tdkt_index *ix = load_imaged(w);
    assert_non_null(ix->image);
    tdkt_index_free(ix);
    /* Stale once the records change: written again, another token. */
    records(w, "UPDATE units SET name = name || '.' WHERE rowid = 1");
    assert_int_equal(tdkt_index_prepare(w->store), 0);
    image_token(w, again, sizeof again);
    assert_int_equal((int)strlen(again), 32);
    assert_string_not_equal(first, again);
}

/* The store's image file: its path + "-index" (index/image.c). */
typedef struct image_file {
    char path[sizeof ((world *)0)->db + sizeof "-index"];
} image_file;

static image_file image_file_of(const world *w)
{
    image_file f;
    snprintf(f.path, sizeof f.path, "%s-index", w->db);
    return f;
}

/* The image file's whole content (its size in *len), or NULL. */
static unsigned char *read_image_file(const world *w, long *len)
{
    FILE *f = fopen(image_file_of(w).path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)*len + 16);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)*len, f), (size_t)*len);
    fclose(f);
    return p;
}

static void write_image_file(const world *w, const unsigned char *p, long n)
{
    FILE *f = fopen(image_file_of(w).path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, (size_t)n, f), (size_t)n);
    assert_int_equal(fclose(f), 0);
}

/* Loaded with the image on: the tables' index, and whether the image was
 * used. */
static bool image_used(world *w, const tdkt_index *tables)
{
    tdkt_index *ix = NULL;
    assert_int_equal(tdkt_index_load(&ix, w->store), 0); /* image on */
    bool used = ix->image != NULL;
    same_index(tables, ix);
    tdkt_index_free(ix);
    return used;
}

/* A damaged image is never used: whatever byte is changed, cut off or
 * added, the load reads the tables and gives what they hold. (The load
 * that reads the tables writes a good image again: each damage below is
 * made to the good file.) */
static void test_index_load__image_damage_is_ignored(void **state)
{
    world *w = *state;
    import_demo(w);
    tdkt_index *tables = load(w, 0);
    tdkt_index_free(load_imaged(w));
    long len = 0;
    unsigned char *good = read_image_file(w, &len);
    assert_non_null(good);
    unsigned char *bad = malloc((size_t)len + 16);
    assert_non_null(bad);
    /* Every byte of the header, then bytes spread over the sections. A
     * load that finds the image damaged writes a good one (another
     * token): each change is made to the file as it is then. */
    int tried = 0;
    for (long at = 0; at < len; at += at < 256 ? 1 : 1 + len / 97) {
        for (int how = 0; how < 3; how++) {
            long n = len, cur_len = 0;
            if (how == 2 && !(at < 256 && at % 16 == 0))
                continue;
            unsigned char *cur = read_image_file(w, &cur_len);
            assert_non_null(cur);
            assert_int_equal(cur_len, len);
            memcpy(bad, cur, (size_t)len);
            free(cur);
            if (how == 0)
                bad[at] ^= 0x01;
            else if (how == 1)
                bad[at] ^= 0x80;
            else
                n = at; /* cut off */
            if (how < 2 && tried % 7 == 0) { /* bytes added instead */
                bad[at] ^= how == 0 ? 0x01 : 0x80;
                memset(bad + len, 0, 16);
                n = len + 16;
            }
            tried++;
            write_image_file(w, bad, n);
            if (image_used(w, tables))
                fail_msg("a damaged image was used (byte %ld, change %d)",
                         at, how);
        }
    }
    assert_true(tried > 300);
    /* The good file is used while the store holds its token; not once the
     * store holds another (a restored store, a racing writer), nor once
     * it holds none, nor without the file. */
    tdkt_index_free(load_imaged(w));
    assert_true(image_used(w, tables));
    records(w, "UPDATE index_image SET data = randomblob(16)");
    assert_false(image_used(w, tables));
    assert_true(image_used(w, tables)); /* written again */
    unsigned char *now = read_image_file(w, &len);
    records(w, "DELETE FROM index_image");
    assert_false(image_used(w, tables));
    assert_int_equal(remove(image_file_of(w).path), 0);
    assert_false(image_used(w, tables));
    assert_true(image_used(w, tables));
    /* An old file put back is not the store's image. */
    write_image_file(w, now, len);
    assert_false(image_used(w, tables));
    free(now);
    free(good);
    free(bad);
    tdkt_index_free(tables);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_index_load__parallel_same_as_sequential),
        T(test_index_load__writer_busy_loads_on_one),
        T(test_index_load__one_snapshot_under_writes),
        T(test_index_load__fact_numbers),
        T(test_index_load__records_find_their_subject),
        T(test_index_load__image_same_as_tables),
        T(test_index_load__image_dropped_by_any_change),
        T(test_index_load__image_not_written_over_a_commit),
        T(test_index_load__image_damage_is_ignored),
        T(test_index_load__image_off_reads_the_tables_only),
        T(test_index_load__prepare_writes_only_a_missing_image),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
