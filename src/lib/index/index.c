/*
 * Loading the in-memory index: from the store's index image when it has a
 * usable one (image.c), else from the tables, writing the image after:
 * one read transaction, one ordered query per table, records appended to
 * flat arrays. The primary keys order the rows by subject, so each
 * subject's records arrive contiguous and its range is set as the subject
 * changes; no sorting happens here.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "core/msg.h"
#include "index/image.h"
#include "index/index_internal.h"
#include "index/map.h"

/* ---------------------------------------------------------------- arena */

#define ARENA_BLOCK (1u << 20)

struct ix_arena_block {
    ix_arena_block *next;
    size_t used, cap;
    char data[];
};

/* ------------------------------------------------------- growable arrays */

static int reserve(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    void *p = realloc(*arr, c * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = c;
    return 0;
}

#define PUSH(ix, arr, n, cap, val)                                          \
    (reserve((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)) < 0            \
         ? -1                                                                \
         : ((arr)[(n)++] = (val), 0))

/* ------------------------------------------------------------ loading */

/* More codes than any vocabulary domain has; codes beyond it would still
 * be found, by the alias lookup. */
#define IX_MAX_CODES 64

/* The canonical codes of each domain with their lengths, so that a
 * stored code is matched by length and memcmp, without strlen. */
typedef struct ix_codes {
    struct {
        const char *s;
        size_t len;
    } code[TDKT_V_COUNT_][IX_MAX_CODES];
    int n[TDKT_V_COUNT_];
} ix_codes;

static void codes_init(ix_codes *c)
{
    for (int d = 0; d < TDKT_V_COUNT_; d++) {
        int n = tdkt_vocab_count((tdkt_vocab_domain)d);
        c->n[d] = n < IX_MAX_CODES ? n : IX_MAX_CODES;
        for (int k = 0; k < c->n[d]; k++) {
            c->code[d][k].s = tdkt_vocab_code((tdkt_vocab_domain)d, k);
            c->code[d][k].len = strlen(c->code[d][k].s);
        }
    }
}

/* One loader per connection: when two load in parallel, each appends to
 * its own arrays (see load_group_a/b) and its own arena. */
typedef struct loader {
    tdkt_index *ix;
    sqlite3 *db;
    const ix_codes *codes;
    size_t cap_subjects, cap_noms, cap_app, cap_hon, cap_ini, cap_dis,
        cap_fac;
    const char **parent_ids; /* per subject, resolved after loading */
    size_t cap_parent;
    int32_t row_subject; /* the subject of the row being added */
    ix_arena_block *arena; /* strings, handed to the index at the end */
    size_t arena_bytes;
    int32_t last_unit; /* the unit an appraisal named last, or -1 */
} loader;

/* A copy of the @p len bytes at @p s, NUL-terminated, in the arena. */
static const char *arena_strndup(loader *L, const char *s, size_t len)
{
    size_t n = len + 1;
    ix_arena_block *b = L->arena;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = L->arena;
        b->used = 0;
        b->cap = cap;
        L->arena = b;
        L->arena_bytes += sizeof *b + cap;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += n;
    return p;
}

static const char *arena_strdup(loader *L, const char *s)
{
    return s ? arena_strndup(L, s, strlen(s)) : NULL;
}

static int oom(void)
{
    return tdkt_error_set(TDKT_ENOMEM, "out of memory loading records");
}


static const char *col_str(loader *L, sqlite3_stmt *st, int i)
{
    return arena_strdup(L, (const char *)sqlite3_column_text(st, i));
}

static int col_enum(loader *L, sqlite3_stmt *st, int i, tdkt_vocab_domain d)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t)
        return IX_NONE;
    /* The store holds canonical codes: match them exactly first (cheap:
     * the first byte, then the rest of a C string); anything else goes
     * through the full alias lookup. */
    const ix_codes *c = L->codes;
    for (int k = 0; k < c->n[d]; k++)
        if (c->code[d][k].s[0] == t[0] && strcmp(c->code[d][k].s, t) == 0)
            return k;
    int v = tdkt_vocab_lookup(d, t);
    return v < 0 ? IX_NONE : v;
}

static tdkt_date col_date(sqlite3_stmt *st, int i)
{
    tdkt_date d = 0;
    const unsigned char *t = sqlite3_column_text(st, i);
    if (t && tdkt_date_parse(&d, (const char *)t) < 0)
        d = 0;
    return d;
}

/* What failed, before the database's own message. */
#define LOADING TDKT_MSG("đọc hồ sơ", "loading records")

static int prepare(loader *L, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(L->db, sql, -1, st, NULL) != SQLITE_OK)
        return tdkt_store_fail(L->db, LOADING);
    return TDKT_OK;
}

static int step_done(loader *L, sqlite3_stmt *st, int rc)
{
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return tdkt_store_fail(L->db, LOADING);
    return TDKT_OK;
}

/* The unit of id @p u, or -1. Consecutive people and a person's
 * appraisals mostly name the same unit: compare with the last one found
 * before hashing. */
static int32_t find_unit(loader *L, const char *u)
{
    const tdkt_index *ix = L->ix;
    if (!u)
        return -1;
    if (L->last_unit >= 0 && strcmp(ix->subjects[L->last_unit].id, u) == 0)
        return L->last_unit;
    int32_t k = ix_map_get(&ix->units, u);
    if (k >= 0)
        L->last_unit = k;
    return k;
}

int ix_map_subjects(tdkt_index *ix, int type, size_t from)
{
    ix_map *m = type == TDKT_UNIT ? &ix->units : &ix->people;
    size_t n = 0;
    for (size_t i = from; i < ix->nsubjects; i++)
        n += ix->subjects[i].type == type;
    if (ix_map_reserve(m, n) < 0)
        return oom();
    for (size_t i = from; i < ix->nsubjects; i++)
        if (ix->subjects[i].type == type &&
            ix_map_put(m, ix->subjects[i].id, (int32_t)i) < 0)
            return oom();
    return TDKT_OK;
}

int ix_map_noms(tdkt_index *ix)
{
    if (ix_map_reserve(&ix->noms_by_id, ix->nnoms) < 0)
        return oom();
    for (size_t i = 0; i < ix->nnoms; i++)
        if (ix_map_put(&ix->noms_by_id, ix->noms[i].id, (int32_t)i) < 0)
            return oom();
    return TDKT_OK;
}

void ix_maps_free(tdkt_index *ix)
{
    ix_map_free(&ix->people);
    ix_map_free(&ix->units);
    ix_map_free(&ix->noms_by_id);
    ix_map_free(&ix->fact_keys);
    ix_map_free(&ix->init_ids);
}

static int load_subjects(loader *L)
{
    tdkt_index *ix = L->ix;
    sqlite3_stmt *st = NULL;
    int rc, error;
    if ((error = prepare(L, &st,
                         "SELECT id, name, parent_id, kind, bloc, small "
                         "FROM units ORDER BY id")) < 0)
        return error;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ix_subject s = {0};
        s.type = TDKT_UNIT;
        s.id = col_str(L, st, 0);
        s.name = col_str(L, st, 1);
        s.kind = (uint8_t)col_enum(L, st, 3, TDKT_V_UNIT_KIND);
        s.bloc = col_str(L, st, 4);
        s.small = (uint8_t)sqlite3_column_int(st, 5);
        s.unit = -1;
        s.category = s.gender = IX_NONE;
        const char *parent = col_str(L, st, 2);
        if (!s.id || !s.name ||
            PUSH(ix, ix->subjects, ix->nsubjects, L->cap_subjects, s) < 0 ||
            reserve((void **)&L->parent_ids, &L->cap_parent, ix->nsubjects,
                    sizeof *L->parent_ids) < 0) {
            sqlite3_finalize(st);
            return oom();
        }
        L->parent_ids[ix->nsubjects - 1] = parent;
    }
    if ((error = step_done(L, st, rc)) < 0 ||
        (error = ix_map_subjects(ix, TDKT_UNIT, 0)) < 0)
        return error;
    size_t units = ix->nsubjects;

    if ((error = prepare(L, &st,
                         "SELECT id, full_name, unit_id, is_leader, "
                         "category, gender, ethnic_minority, birth_year, "
                         "hired FROM people ORDER BY id")) < 0)
        return error;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ix_subject s = {0};
        s.type = TDKT_PERSON;
        s.id = col_str(L, st, 0);
        s.name = col_str(L, st, 1);
        s.unit = find_unit(L, (const char *)sqlite3_column_text(st, 2));
        s.is_leader = (uint8_t)sqlite3_column_int(st, 3);
        s.category = (uint8_t)col_enum(L, st, 4, TDKT_V_CATEGORY);
        s.gender = (uint8_t)col_enum(L, st, 5, TDKT_V_GENDER);
        s.ethnic = (uint8_t)sqlite3_column_int(st, 6);
        s.birth_year = (int16_t)sqlite3_column_int(st, 7);
        s.hired = col_date(st, 8);
        s.kind = IX_NONE;
        if (!s.id || !s.name ||
            PUSH(ix, ix->subjects, ix->nsubjects, L->cap_subjects, s) < 0) {
            sqlite3_finalize(st);
            return oom();
        }
    }
    if ((error = step_done(L, st, rc)) < 0 ||
        (error = ix_map_subjects(ix, TDKT_PERSON, units)) < 0)
        return error;
    /* Parents can only be resolved once every unit is known. */
    for (size_t i = 0; i < ix->nsubjects; i++)
        if (ix->subjects[i].type == TDKT_UNIT)
            ix->subjects[i].unit =
                L->parent_ids[i] ? ix_map_get(&ix->units, L->parent_ids[i])
                                 : -1;
    return TDKT_OK;
}

/* The subject of a record: its type's first letter ('p'erson, 'u'nit)
 * and its id. */
static int32_t subject_of(tdkt_index *ix, int type, const char *id)
{
    if (!id)
        return -1;
    if (type == 'p')
        return ix_map_get(&ix->people, id);
    if (type == 'u')
        return ix_map_get(&ix->units, id);
    return -1;
}

/* The first letter of a subject type column: enough to tell person from
 * unit (the store holds canonical codes; import refuses others). */
static int col_type(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t)
        return 0;
    if (strcmp(t, "person") == 0)
        return 'p';
    if (strcmp(t, "unit") == 0)
        return 'u';
    return 0;
}

/*
 * Finding the subject of each row. The grouped queries return rows ordered
 * by subject type and id, the order load_subjects gave the subjects (units,
 * then people, each by id, in the same BINARY collation): so a cursor per
 * type that only moves forward finds each subject with a comparison or two,
 * touching memory in order. A row out of that order (which the queries do
 * not produce) falls back to the maps.
 */
typedef struct subject_cursor {
    int32_t next[2];  /* next candidate: [0] people, [1] units */
    int32_t end[2];   /* one past the last subject of the type */
    int prev_type;    /* the previous row's type and subject */
    int32_t prev;
} subject_cursor;

static void cursor_init(const tdkt_index *ix, subject_cursor *c)
{
    int32_t units = 0;
    while ((size_t)units < ix->nsubjects &&
           ix->subjects[units].type == TDKT_UNIT)
        units++;
    c->next[1] = 0;
    c->end[1] = units;
    c->next[0] = units;
    c->end[0] = (int32_t)ix->nsubjects;
    c->prev_type = 0;
    c->prev = -1;
}

static int32_t cursor_find(tdkt_index *ix, subject_cursor *c, int type,
                           const char *id)
{
    if (!id || (type != 'p' && type != 'u'))
        return -1;
    int t = type == 'u';
    /* Most rows belong to the subject of the row before. */
    if (c->prev >= 0 && c->prev_type == type &&
        strcmp(ix->subjects[c->prev].id, id) == 0)
        return c->prev;
    int32_t k = c->next[t], found = -1;
    int cmp = -1;
    while (k < c->end[t] && (cmp = strcmp(ix->subjects[k].id, id)) < 0)
        k++;
    if (k < c->end[t] && cmp == 0) {
        found = k;
        c->next[t] = k + 1;
    } else if (k == c->next[t]) {
        found = subject_of(ix, type, id); /* behind the cursor */
    } else {
        c->next[t] = k; /* a dangling id between two subjects */
    }
    c->prev_type = type;
    c->prev = found;
    return found;
}

/*
 * Walk an ordered query whose rows are grouped by subject, calling `add`
 * for each row and setting the subject's range through `range_of`.
 */
typedef int (*row_fn)(loader *L, sqlite3_stmt *st);
typedef ix_range *(*range_fn)(tdkt_index *ix, int32_t subject);

static int load_grouped(loader *L, const char *sql, int type_col, int id_col,
                        size_t *count, range_fn range_of, row_fn add)
{
    tdkt_index *ix = L->ix;
    sqlite3_stmt *st = NULL;
    int rc, error = prepare(L, &st, sql);
    if (error < 0)
        return error;
    int32_t cur = -1;
    subject_cursor sc;
    cursor_init(ix, &sc);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, id_col);
        int type = type_col < 0 ? 'p' : col_type(st, type_col);
        int32_t s = cursor_find(ix, &sc, type, id);
        if (s < 0)
            continue; /* a dangling row: import refuses them, skip */
        ix_range *r = range_of(ix, s);
        if (s != cur) {
            r->off = (uint32_t)*count;
            r->n = 0;
            cur = s;
        }
        L->row_subject = s;
        if ((error = add(L, st)) < 0) {
            sqlite3_finalize(st);
            return error;
        }
        r->n++;
    }
    return step_done(L, st, rc);
}

static ix_range *app_range(tdkt_index *ix, int32_t s)
{
    return &ix->subjects[s].app;
}
static ix_range *hon_range(tdkt_index *ix, int32_t s)
{
    return &ix->subjects[s].hon;
}
static ix_range *ini_range(tdkt_index *ix, int32_t s)
{
    return &ix->subjects[s].ini;
}
static ix_range *dis_range(tdkt_index *ix, int32_t s)
{
    return &ix->subjects[s].dis;
}
static ix_range *fac_range(tdkt_index *ix, int32_t s)
{
    return &ix->subjects[s].fac;
}

static int add_appraisal(loader *L, sqlite3_stmt *st)
{
    tdkt_index *ix = L->ix;
    ix_appraisal a = {0};
    a.year = (int16_t)sqlite3_column_int(st, 2);
    a.rating = (uint8_t)col_enum(L, st, 3, TDKT_V_RATING);
    a.unit = find_unit(L, (const char *)sqlite3_column_text(st, 4));
    a.months = sqlite3_column_type(st, 5) == SQLITE_NULL
                   ? 12
                   : (uint8_t)sqlite3_column_int(st, 5);
    a.absence = (uint8_t)col_enum(L, st, 6, TDKT_V_ABSENCE);
    return PUSH(ix, ix->app, ix->napp, L->cap_app, a) < 0 ? oom() : 0;
}

/* The id of string s in map m, adding it when new (*added says so, and
 * *key is the stored copy). */
static int32_t intern_k(loader *L, ix_map *m, const char *s,
                        const char **key)
{
    int32_t id = ix_map_get(m, s);
    if (id >= 0)
        return id;
    const char *k = arena_strdup(L, s);
    id = (int32_t)m->count;
    if (!k || ix_map_put(m, k, id) < 0)
        return -1;
    if (key)
        *key = k;
    return id;
}

static int32_t intern(loader *L, ix_map *m, const char *s)
{
    return intern_k(L, m, s, NULL);
}

static int add_initiative(loader *L, sqlite3_stmt *st)
{
    tdkt_index *ix = L->ix;
    ix_initiative r = {0};
    const char *id = (const char *)sqlite3_column_text(st, 0);
    const char *name = NULL;
    r.id = intern_k(L, &ix->init_ids, id ? id : "", &name);
    if (name && PUSH(ix, ix->init_names, ix->ninit_names,
                     ix->cap_init_names, name) < 0)
        return oom();
    r.year = (int16_t)sqlite3_column_int(st, 2);
    r.scope = (uint8_t)col_enum(L, st, 3, TDKT_V_SCOPE);
    r.kind = (uint8_t)col_enum(L, st, 4, TDKT_V_INIT_KIND);
    r.applied = (uint8_t)sqlite3_column_int(st, 5);
    if (r.id < 0)
        return oom();
    return PUSH(ix, ix->ini, ix->nini, L->cap_ini, r) < 0 ? oom() : 0;
}

/* Mark the initiatives an honour was based on (ids separated by ';'), as
 * its subject's: an initiative has a row per author (data-format.md), and
 * one author's honour does not use it up for the others. The subject's
 * initiatives are loaded already (load_group_b). */
static int mark_used(loader *L, const char *list)
{
    tdkt_index *ix = L->ix;
    const ix_range *mine = &ix->subjects[L->row_subject].ini;
    while (list && *list) {
        const char *semi = strchr(list, ';');
        size_t n = semi ? (size_t)(semi - list) : strlen(list);
        char one[256];
        while (n && *list == ' ') {
            list++;
            n--;
        }
        while (n && list[n - 1] == ' ')
            n--;
        if (n && n < sizeof one) {
            memcpy(one, list, n);
            one[n] = '\0';
            int32_t id = ix_map_get(&ix->init_ids, one);
            for (uint32_t k = 0; id >= 0 && k < mine->n; k++)
                if (ix->ini[mine->off + k].id == id)
                    ix->ini[mine->off + k].used = 1;
        }
        list = semi ? semi + 1 : NULL;
    }
    return 0;
}

static int add_honour(loader *L, sqlite3_stmt *st)
{
    tdkt_index *ix = L->ix;
    ix_honour h = {0};
    h.code = (uint8_t)col_enum(L, st, 2, TDKT_V_AWARD);
    h.year = (int16_t)sqlite3_column_int(st, 3);
    h.kind = (uint8_t)col_enum(L, st, 4, TDKT_V_KIND);
    if (h.kind == IX_NONE)
        h.kind = TDKT_MERIT;
    h.decision_date = col_date(st, 5);
    if (mark_used(L, (const char *)sqlite3_column_text(st, 6)) < 0)
        return TDKT_ENOMEM;
    return PUSH(ix, ix->hon, ix->nhon, L->cap_hon, h) < 0 ? oom() : 0;
}

static int add_discipline(loader *L, sqlite3_stmt *st)
{
    tdkt_index *ix = L->ix;
    ix_discipline d = {0};
    d.date = col_date(st, 2);
    d.level = (uint8_t)col_enum(L, st, 3, TDKT_V_LEVEL);
    d.ends = col_date(st, 4);
    return PUSH(ix, ix->dis, ix->ndis, L->cap_dis, d) < 0 ? oom() : 0;
}

/* "12", "-3", "+0": an optional sign and at most 15 digits, the common
 * case, converted exactly without strtod (every such integer is a double;
 * "-0" gives -0.0, as strtod does). false for anything else. */
static bool small_integer(const char *v, double *out)
{
    bool neg = *v == '-';
    const char *d = v + (*v == '-' || *v == '+');
    uint64_t x = 0;
    int n = 0;
    for (; *d >= '0' && *d <= '9'; d++, n++)
        x = x * 10 + (uint64_t)(*d - '0');
    if (*d || n == 0 || n > 15)
        return false;
    *out = neg ? -(double)x : (double)x;
    return true;
}

static int make_fact(loader *L, sqlite3_stmt *st, ix_fact *f)
{
    tdkt_index *ix = L->ix;
    f->year = (int16_t)sqlite3_column_int(st, 2);
    f->key = intern(L, &ix->fact_keys,
                    (const char *)sqlite3_column_text(st, 3));
    f->value = col_str(L, st, 4);
    if (f->key < 0 || !f->value)
        return oom();
    /* Numbers are plain decimals: "1", "-2", "0.5"; not "nan", "inf" or
     * hexadecimal, which strtod would also take. */
    const char *v = f->value;
    const char *d = v + (*v == '-' || *v == '+');
    bool plain = (*d >= '0' && *d <= '9') || (*d == '.' && d[1] >= '0' &&
                                              d[1] <= '9');
    for (const char *c = d; plain && *c; c++)
        plain = (*c >= '0' && *c <= '9') || *c == '.' || *c == 'e' ||
                *c == 'E' || *c == '-' || *c == '+';
    if (plain && small_integer(v, &f->num)) {
        f->is_num = true;
        return 0;
    }
    char *end;
    f->num = plain ? strtod(v, &end) : 0;
    f->is_num = plain && !*end && isfinite(f->num);
    return 0;
}

static int add_fact(loader *L, sqlite3_stmt *st)
{
    ix_fact f = {0};
    if (make_fact(L, st, &f) < 0)
        return TDKT_ENOMEM;
    return PUSH(L->ix, L->ix->fac, L->ix->nfac, L->cap_fac, f) < 0 ? oom()
                                                                   : 0;
}

static int load_nominations(loader *L)
{
    tdkt_index *ix = L->ix;
    sqlite3_stmt *st = NULL;
    int rc, error;
    if ((error = prepare(L, &st,
                         "SELECT id, subject_type, subject_id, code, year, "
                         "kind, campaign, proposed_by, submitted FROM "
                         "nominations ORDER BY id")) < 0)
        return error;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ix_nomination n = {0};
        n.subject = subject_of(ix, col_type(st, 1),
                               (const char *)sqlite3_column_text(st, 2));
        if (n.subject < 0)
            continue;
        n.id = col_str(L, st, 0);
        n.code = (uint8_t)col_enum(L, st, 3, TDKT_V_AWARD);
        n.year = (int16_t)sqlite3_column_int(st, 4);
        n.kind = (uint8_t)col_enum(L, st, 5, TDKT_V_KIND);
        if (n.kind == IX_NONE)
            n.kind = TDKT_MERIT;
        n.campaign = col_str(L, st, 6);
        n.proposed_by = col_str(L, st, 7);
        n.submitted = col_date(st, 8);
        if (!n.id || PUSH(ix, ix->noms, ix->nnoms, L->cap_noms, n) < 0) {
            sqlite3_finalize(st);
            return oom();
        }
    }
    if ((error = step_done(L, st, rc)) < 0)
        return error;
    return ix_map_noms(ix); /* once all are known, as for subjects */
}

/* Facts attested about nominations, grouped by nomination id: after
 * every other table (they share the facts array and interned keys with
 * the subjects' facts, which may load on another connection). */
static int load_nomination_facts(loader *L)
{
    tdkt_index *ix = L->ix;
    sqlite3_stmt *st = NULL;
    int rc, error;
    if ((error = prepare(L, &st,
                         "SELECT subject_type, subject_id, year, key, value "
                         "FROM facts WHERE subject_type='nomination' "
                         "ORDER BY subject_id, year")) < 0)
        return error;
    int32_t cur = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t n = ix_map_get(&ix->noms_by_id,
                               (const char *)sqlite3_column_text(st, 1));
        if (n < 0)
            continue;
        if (n != cur) {
            ix->noms[n].fac.off = (uint32_t)ix->nfac;
            ix->noms[n].fac.n = 0;
            cur = n;
        }
        if (add_fact(L, st) < 0) {
            sqlite3_finalize(st);
            return TDKT_ENOMEM;
        }
        ix->noms[n].fac.n++;
    }
    return step_done(L, st, rc);
}

/* Unit member lists: a person belongs to their current unit and to every
 * unit an appraisal names; ix_unit_in() decides membership per year. */
static int build_members(tdkt_index *ix)
{
    size_t n = ix->nsubjects;
    uint32_t *count = calloc(n + 1, sizeof *count);
    if (!count)
        return oom();
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            ix_subject *p = &ix->subjects[i];
            if (p->type != TDKT_PERSON)
                continue;
            int32_t seen[16];
            int nseen = 0;
            if (p->unit >= 0)
                seen[nseen++] = p->unit;
            for (uint32_t k = 0; k < p->app.n; k++) {
                int32_t u = ix->app[p->app.off + k].unit;
                bool dup = u < 0;
                for (int j = 0; j < nseen && !dup; j++)
                    dup = seen[j] == u;
                if (!dup && nseen < 16)
                    seen[nseen++] = u;
            }
            for (int j = 0; j < nseen; j++) {
                ix_subject *u = &ix->subjects[seen[j]];
                if (pass == 0)
                    count[seen[j]]++;
                else
                    ix->members[u->members.off + u->members.n++] =
                        (int32_t)i;
            }
        }
        if (pass == 0) {
            size_t total = 0;
            for (size_t i = 0; i < n; i++) {
                ix->subjects[i].members.off = (uint32_t)total;
                ix->subjects[i].members.n = 0;
                total += count[i];
            }
            ix->members = malloc((total ? total : 1) * sizeof *ix->members);
            if (!ix->members) {
                free(count);
                return oom();
            }
            ix->nmembers = total;
        }
    }
    /* Sub-units, the same way. */
    memset(count, 0, (n + 1) * sizeof *count);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        if (ix->subjects[i].type == TDKT_UNIT && ix->subjects[i].unit >= 0) {
            count[ix->subjects[i].unit]++;
            total++;
        }
    ix->children = malloc((total ? total : 1) * sizeof *ix->children);
    if (!ix->children) {
        free(count);
        return oom();
    }
    ix->nchildren = total;
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        ix->subjects[i].children.off = (uint32_t)off;
        ix->subjects[i].children.n = 0;
        off += count[i];
    }
    for (size_t i = 0; i < n; i++) {
        ix_subject *s = &ix->subjects[i];
        if (s->type == TDKT_UNIT && s->unit >= 0) {
            ix_subject *parent = &ix->subjects[s->unit];
            ix->children[parent->children.off + parent->children.n++] =
                (int32_t)i;
        }
    }
    free(count);
    return 0;
}

/* ------------------------------------------------- the two groups */

/* The record tables, in two groups of about equal work that write
 * disjoint parts of the index, so that two connections can load them at
 * once. Both need the subjects, loaded before; the nominations' facts
 * come after both. Group B reads initiatives before the honours that
 * cite them. */
static int load_group_a(loader *L)
{
    tdkt_index *ix = L->ix;
    int error;
    if ((error = load_grouped(L,
                              "SELECT subject_type, subject_id, year, rating, "
                              "unit_id, months_worked, absence FROM "
                              "appraisals ORDER BY subject_type, subject_id, "
                              "year",
                              0, 1, &ix->napp, app_range, add_appraisal)) <
            0 ||
        (error = load_grouped(L,
                              "SELECT subject_type, subject_id, date, level, "
                              "ends FROM disciplines ORDER BY subject_type, "
                              "subject_id, date",
                              0, 1, &ix->ndis, dis_range, add_discipline)) <
            0)
        return error;
    return load_grouped(L,
                        "SELECT subject_type, subject_id, year, key, "
                        "value FROM facts WHERE subject_type IN "
                        "('person','unit') ORDER BY subject_type, "
                        "subject_id, year, key",
                        0, 1, &ix->nfac, fac_range, add_fact);
}

static int load_group_b(loader *L)
{
    tdkt_index *ix = L->ix;
    int error;
    if ((error = load_nominations(L)) < 0 ||
        (error = load_grouped(L,
                              "SELECT id, person_id, year, scope, kind, "
                              "applied FROM initiatives ORDER BY person_id, "
                              "year, id",
                              -1, 1, &ix->nini, ini_range, add_initiative)) <
            0)
        return error;
    return load_grouped(L,
                        "SELECT subject_type, subject_id, code, year, "
                        "kind, decision_date, initiatives FROM honours "
                        "ORDER BY subject_type, subject_id, code, year, "
                        "kind",
                        0, 1, &ix->nhon, hon_range, add_honour);
}

/* ------------------------------------------------- parallel loading */

/* Below this size (pages of the database file) a second connection and
 * thread cost more than they save. */
#define PARALLEL_MIN_PAGES 2048

sqlite3 *ix_open_twin(sqlite3 *db)
{
    const char *path = sqlite3_db_filename(db, "main");
    sqlite3 *twin = NULL;
    if (!path || !*path)
        return NULL;
    if (sqlite3_open_v2(path, &twin,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        sqlite3_close_v2(twin);
        return NULL;
    }
    sqlite3_extended_result_codes(twin, 1);
    return twin;
}

bool ix_exec_ok(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* How long to wait for another writer's transaction to end before loading
 * on one connection instead (imports hold the lock for minutes). */
#define TWIN_LOCK_WAIT_MS 100

/*
 * Begin the store's read transaction and, when worth it, a second
 * connection's on the same snapshot; that connection, or NULL when the
 * load runs on the store's connection alone.
 *
 * This SQLite has no sqlite3_snapshot_open, so the two snapshots are made
 * equal by taking both while a third connection holds the write lock: no
 * transaction can commit between them (in WAL mode a reader's snapshot is
 * the last commit when its transaction begins). The lock is held only for
 * those two reads; when another writer has it, the load runs on one
 * connection rather than wait for it.
 */
static int begin_snapshots(tdkt_store *store, int mode, sqlite3 **twin_out)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    *twin_out = NULL;
    if (mode < 0) {
        sqlite3_stmt *st = NULL;
        int pages = 0;
        if (sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, NULL) ==
                SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            pages = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        mode = pages >= PARALLEL_MIN_PAGES;
    }
    sqlite3 *twin = mode ? ix_open_twin(db) : NULL;
    sqlite3 *lock = twin ? ix_open_twin(db) : NULL;
    if (lock) {
        sqlite3_busy_timeout(lock, TWIN_LOCK_WAIT_MS);
        if (!ix_exec_ok(lock, "BEGIN IMMEDIATE")) {
            sqlite3_close_v2(lock);
            lock = NULL;
        }
    }
    if (!lock) {
        sqlite3_close_v2(twin);
        return tdkt_store_begin_read(store);
    }
    int error = tdkt_store_begin_read(store);
    if (error == TDKT_OK &&
        !ix_exec_ok(twin, "BEGIN; SELECT count(*) FROM meta;")) {
        sqlite3_close_v2(twin); /* ends its transaction */
        twin = NULL;
    }
    ix_exec_ok(lock, "ROLLBACK"); /* nothing was written */
    sqlite3_close_v2(lock);
    if (error < 0)
        sqlite3_close_v2(twin);
    else
        *twin_out = twin;
    return error;
}

typedef struct group_job {
    loader *L;
    int error;
    char message[sizeof(((tdkt_error *)0)->message)];
} group_job;

static void *group_a_thread(void *arg)
{
    group_job *job = arg;
    job->error = load_group_a(job->L);
    if (job->error < 0)
        snprintf(job->message, sizeof job->message, "%s",
                 tdkt_error_last()->message);
    return NULL;
}

/* Load both groups: A on @p twin in a thread while B loads on the store's
 * connection, or one after the other when @p twin is NULL. */
static int load_groups(loader *a, loader *b, sqlite3 *twin)
{
    pthread_t tid;
    group_job job = {.L = a};
    a->db = twin;
    if (!twin || pthread_create(&tid, NULL, group_a_thread, &job) != 0) {
        a->db = b->db;
        int error = load_group_a(a);
        return error < 0 ? error : load_group_b(b);
    }
    a->ix->parallel = true;
    int error = load_group_b(b);
    pthread_join(tid, NULL);
    if (error == TDKT_OK && job.error < 0)
        error = tdkt_error_set(job.error, "%s", job.message);
    return error;
}

/* ------------------------------------------------------------- load */

/* The loaders' strings belong to the index from now on. */
static void take_arena(tdkt_index *ix, loader *L)
{
    while (L->arena) {
        ix_arena_block *next = L->arena->next;
        L->arena->next = ix->arena;
        ix->arena = L->arena;
        L->arena = next;
    }
    ix->bytes += L->arena_bytes;
    L->arena_bytes = 0;
}

/* The store's index image, if it has a usable one: 1 loaded, 0 not, or
 * the error of beginning the read. */
static int load_image(tdkt_index *ix, tdkt_store *store)
{
    int error = tdkt_store_begin_read(store);
    if (error < 0)
        return error;
    int64_t version = -1;
    int got = tdkt_store_records_version(store, &version);
    if (got == TDKT_OK)
        got = ix_image_load(ix, tdkt_store_sqlite(store));
    tdkt_store_rollback(store);
    ix->records_version = version;
    return got;
}

int tdkt_index_load(tdkt_index **out, tdkt_store *store)
{
    return tdkt_index_load_with(out, store, NULL);
}

int tdkt_index_load_with(tdkt_index **out, tdkt_store *store,
                         const tdkt_index_options *opt)
{
    *out = NULL;
    const tdkt_index_options dflt = TDKT_INDEX_OPTIONS_INIT;
    if (!opt)
        opt = &dflt;
    ix_codes codes;
    codes_init(&codes);
    tdkt_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return oom();
    /* Read before any snapshot is taken: the image written after loading
     * the tables must show no commit made since. */
    int64_t version = -1;
    if (opt->image) {
        version = ix_image_version(tdkt_store_sqlite(store));
        int got = load_image(ix, store);
        if (got != 0) {
            if (got < 0)
                free(ix);
            else
                *out = ix;
            return got < 0 ? got : TDKT_OK;
        }
    }
    loader la = {.ix = ix, .codes = &codes, .last_unit = -1};
    loader lb = {.ix = ix, .codes = &codes, .db = tdkt_store_sqlite(store),
                 .last_unit = -1};
    sqlite3 *twin = NULL;
    int error = begin_snapshots(store, opt->parallel, &twin);
    if (error < 0 ||
        (error = tdkt_store_records_version(store, &ix->records_version)) < 0)
        goto done;
    if ((error = load_subjects(&lb)) < 0 ||
        (error = load_groups(&la, &lb, twin)) < 0 ||
        (error = load_nomination_facts(&la)) < 0 ||
        (error = build_members(ix)) < 0)
        goto done;
    /* Empty tables leave NULL arrays; record pointers are computed as
     * base + offset, which must not be NULL + 0 (undefined in C). */
    void **arrays[] = {(void **)&ix->subjects, (void **)&ix->noms,
                       (void **)&ix->app,      (void **)&ix->hon,
                       (void **)&ix->ini,      (void **)&ix->dis,
                       (void **)&ix->fac,      (void **)&ix->init_names};
    for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++)
        if (!*arrays[k] && !(*arrays[k] = calloc(1, 64))) {
            error = oom();
            goto done;
        }
    /* Honours were read in key order (no sort in SQLite); each subject's
     * few are put in year order here, as every record table is. */
    for (size_t i = 0; i < ix->nsubjects; i++) {
        ix_honour *h = ix->hon + ix->subjects[i].hon.off;
        uint32_t n = ix->subjects[i].hon.n;
        for (uint32_t a = 1; a < n; a++)
            for (uint32_t b = a; b > 0 && (h[b - 1].year > h[b].year ||
                                           (h[b - 1].year == h[b].year &&
                                            h[b - 1].code > h[b].code));
                 b--) {
                ix_honour t = h[b];
                h[b] = h[b - 1];
                h[b - 1] = t;
            }
    }
    ix->bytes += ix->nsubjects * sizeof *ix->subjects +
                 ix->nnoms * sizeof *ix->noms + ix->napp * sizeof *ix->app +
                 ix->nhon * sizeof *ix->hon + ix->nini * sizeof *ix->ini +
                 ix->ndis * sizeof *ix->dis + ix->nfac * sizeof *ix->fac +
                 (ix->nmembers + ix->nchildren) * sizeof(int32_t);
done:
    tdkt_store_rollback(store); /* end the read snapshot */
    sqlite3_close_v2(twin);     /* and the twin's */
    take_arena(ix, &la);
    take_arena(ix, &lb);
    free(lb.parent_ids);
    if (error < 0) {
        tdkt_index_free(ix);
        return error;
    }
    if (opt->image)
        ix_image_store(ix, tdkt_store_sqlite(store), version);
    *out = ix;
    return TDKT_OK;
}

int tdkt_index_prepare(tdkt_store *store)
{
    int error = tdkt_store_begin_read(store);
    if (error < 0)
        return error;
    bool current = ix_image_current(tdkt_store_sqlite(store));
    tdkt_store_rollback(store);
    if (current)
        return TDKT_OK;
    tdkt_index *ix = NULL;
    error = tdkt_index_load(&ix, store);
    tdkt_index_free(ix);
    return error;
}

void tdkt_index_free(tdkt_index *ix)
{
    if (!ix)
        return;
    ix_maps_free(ix);
    if (ix->image) { /* every array lives in it */
        free(ix->image);
        free(ix);
        return;
    }
    free(ix->subjects);
    free(ix->noms);
    free(ix->app);
    free(ix->hon);
    free(ix->ini);
    free(ix->dis);
    free(ix->fac);
    free(ix->members);
    free(ix->children);
    free(ix->init_names);
    while (ix->arena) {
        ix_arena_block *next = ix->arena->next;
        free(ix->arena);
        ix->arena = next;
    }
    free(ix);
}

void tdkt_index_stats_get(const tdkt_index *ix, tdkt_index_stats *out)
{
    memset(out, 0, sizeof *out);
    out->records_version = ix->records_version;
    for (size_t i = 0; i < ix->nsubjects; i++) {
        if (ix->subjects[i].type == TDKT_UNIT)
            out->units++;
        else
            out->people++;
    }
    out->appraisals = ix->napp;
    out->honours = ix->nhon;
    out->initiatives = ix->nini;
    out->disciplines = ix->ndis;
    out->facts = ix->nfac;
    out->nominations = ix->nnoms;
    out->bytes = ix->bytes;
}

/* ------------------------------------------------------------ queries */

int32_t ix_find_subject(const tdkt_index *ix, int type, const char *id)
{
    return ix_map_get(type == TDKT_UNIT ? &ix->units : &ix->people, id);
}

int32_t ix_map_get_nom(const tdkt_index *ix, const char *id)
{
    return ix_map_get(&ix->noms_by_id, id);
}

int32_t ix_fact_key(const tdkt_index *ix, const char *key)
{
    return ix_map_get(&ix->fact_keys, key);
}

const ix_appraisal *ix_appraisal_of(const tdkt_index *ix,
                                    const ix_subject *s, int y)
{
    const ix_appraisal *a = ix->app + s->app.off;
    for (uint32_t i = 0; i < s->app.n; i++)
        if (a[i].year == y)
            return &a[i];
    return NULL;
}

int32_t ix_unit_in(const tdkt_index *ix, const ix_subject *p, int y)
{
    const ix_appraisal *a = ix_appraisal_of(ix, p, y);
    if (a && a->unit >= 0)
        return a->unit;
    return p->unit;
}

static const ix_fact *find_fact(const ix_fact *f, uint32_t n, int32_t key,
                                int y)
{
    const ix_fact *timeless = NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (f[i].key != key)
            continue;
        if (f[i].year == y)
            return &f[i];
        if (f[i].year == 0)
            timeless = &f[i];
    }
    return timeless;
}

const ix_fact *ix_subject_fact(const tdkt_index *ix, const ix_subject *s,
                               int32_t key, int y)
{
    if (key < 0)
        return NULL;
    return find_fact(ix->fac + s->fac.off, s->fac.n, key, y);
}

const ix_fact *ix_nomination_fact(const tdkt_index *ix,
                                  const ix_nomination *n, int32_t key)
{
    if (key < 0)
        return NULL;
    return find_fact(ix->fac + n->fac.off, n->fac.n, key, n->year);
}
