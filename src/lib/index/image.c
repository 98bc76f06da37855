/*
 * The index image: the loaded index written to a file beside the store
 * (the store's path + "-index"), so that the next run reads one file
 * instead of every record row. At 100,000 people that is ~50 MB read in a
 * tenth of a second instead of two million rows decoded in a second.
 *
 * The image is only a cache, and a file of its own so that writing it
 * costs one pass through the page cache: kept in the store, WAL mode
 * wrote it twice and synced both (5 of the 14 seconds a million people's
 * first load took). What ties it to the records is a random token, in
 * the file's header and in the store's table index_image, which the
 * triggers of schema_image.sql empty on any change to a record table. So
 * the file is used only while the store still holds its token: a change
 * by tdkt or anyone else, an import, a store restored from a backup made
 * before the file was written, or a file written by a racing process
 * that did not commit its token, all make the load read the tables. A
 * load that reads the tables writes the image again, but only when no
 * other connection has committed since the load's snapshot (PRAGMA
 * data_version), so an image always shows one committed state of the
 * tables. An image from another build (layout, vocabulary, version) or
 * one that fails any check is ignored: every offset, range, index and
 * code is checked before use, so a damaged file cannot make the engine
 * read outside the index; and as the file is never synced (a cache), a
 * crash can leave it damaged, which the checksum catches.
 *
 * Layout: a header, then sections aligned to 16 bytes: the record arrays
 * as they are in memory, except that string pointers hold offsets into
 * the string pool (0 = NULL); the initiative names and fact keys as pool
 * offsets; the pool.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "index/image.h"
#include "index/map.h"
#include "index/temp.h"

enum {
    S_SUBJECTS,
    S_NOMS,
    S_APP,
    S_HON,
    S_INI,
    S_DIS,
    S_FAC,
    S_MEMBERS,
    S_CHILDREN,
    S_INIT_NAMES,
    S_FACT_KEYS,
    S_POOL,
    NSECT
};

static const size_t item_size[NSECT] = {
    sizeof(ix_subject),  sizeof(ix_nomination), sizeof(ix_appraisal),
    sizeof(ix_honour),   sizeof(ix_initiative), sizeof(ix_discipline),
    sizeof(ix_fact),     sizeof(int32_t),       sizeof(int32_t),
    sizeof(uint64_t),    sizeof(uint64_t),      1};

#define IMAGE_MAGIC "tdktidx"
#define IMAGE_FORMAT 2
#define TOKEN_BYTES 16
#define WRITE_BYTES ((size_t)16 << 20) /* written in pieces this big */
#define ALIGN 16

/* Pointers are stored in their own slots as 64-bit offsets. */
_Static_assert(sizeof(const char *) == sizeof(uint64_t),
               "string fields hold 64-bit pool offsets");

typedef struct image_header {
    char magic[8];
    uint32_t format;
    uint32_t pad;
    uint64_t layout; /* fingerprint of this build's structs and codes */
    uint64_t total;  /* bytes, header included */
    uint64_t sum;    /* checksum of every byte after the header */
    uint64_t count[NSECT];
    uint64_t offset[NSECT];
    unsigned char token[TOKEN_BYTES]; /* as in the store's index_image */
} image_header;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 1099511628211ULL;
    return h;
}

/* What must be equal for an image to be read by this build: the engine
 * build (any change to the library's files), the records' sizes and every
 * domain's codes in order (codes are stored as their numbers). */
static uint64_t layout(void)
{
    uint64_t h = fnv(1469598103934665603ULL, tdkt_build(),
                     strlen(tdkt_build()) + 1);
    h = fnv(h, item_size, sizeof item_size);
    for (int d = 0; d < TDKT_V_COUNT_; d++) {
        int n = tdkt_vocab_count((tdkt_vocab_domain)d);
        h = fnv(h, &n, sizeof n);
        for (int k = 0; k < n; k++) {
            const char *c = tdkt_vocab_code((tdkt_vocab_domain)d, k);
            h = fnv(h, c, strlen(c) + 1);
        }
    }
    return h;
}

/* The checksum: a multiply-xor over 64-bit words, ~1 ms per 10 MB. It
 * catches damage, not forgery (a record table edited by hand is caught by
 * the triggers instead). */
static uint64_t checksum(uint64_t h, const unsigned char *p, size_t n)
{
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, sizeof w);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    }
    for (; n; p++, n--)
        h = (h ^ *p) * 0x100000001B3ULL;
    return h;
}

static uint64_t align(uint64_t n)
{
    return (n + ALIGN - 1) & ~(uint64_t)(ALIGN - 1);
}

/* ------------------------------------------------------------ writing */

/* A sequential writer into the image file: the bytes are gathered in
 * pieces of WRITE_BYTES and written whole; with no buffer it only counts. */
typedef struct sink {
    int fd;             /* the file being written */
    unsigned char *buf; /* the piece being made, or NULL: count only */
    uint64_t pos;       /* absolute position in the image */
    size_t n;           /* bytes in buf */
    bool ok;
    uint64_t sum; /* checksum of the bytes written after the header */
} sink;

/* All @p n bytes at @p p to @p fd at @p at (or at its offset, at < 0). */
static bool write_all(int fd, const void *p, size_t n, off_t at)
{
    const char *c = p;
    while (n) {
        ssize_t w = at < 0 ? write(fd, c, n) : pwrite(fd, c, n, at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        c += w;
        n -= (size_t)w;
        if (at >= 0)
            at += w;
    }
    return true;
}

static void flush(sink *k)
{
    if (!k->buf || !k->n)
        return;
    uint64_t start = k->pos - k->n;
    size_t from = start < sizeof(image_header)
                      ? (size_t)(sizeof(image_header) - start)
                      : 0;
    if (from < k->n)
        k->sum = checksum(k->sum, k->buf + from, k->n - from);
    k->ok = k->ok && write_all(k->fd, k->buf, k->n, -1);
    k->n = 0;
}

static void put(sink *k, const void *p, size_t n)
{
    if (!k->buf) {
        k->pos += n;
        return;
    }
    const unsigned char *c = p;
    while (n) {
        size_t len = WRITE_BYTES - k->n;
        if (len > n)
            len = n;
        memcpy(k->buf + k->n, c, len);
        k->n += len;
        k->pos += len;
        c += len;
        n -= len;
        if (k->n == WRITE_BYTES)
            flush(k);
    }
}

static void pad_to(sink *k, uint64_t pos)
{
    static const unsigned char zero[ALIGN];
    while (k->pos < pos)
        put(k, zero, (size_t)(pos - k->pos) < sizeof zero
                         ? (size_t)(pos - k->pos)
                         : sizeof zero);
}

/* One walk over the index writes its records to `rec` and its strings to
 * `pool`; a string's offset is where it lands in the pool. The walk runs
 * three times: counting both (the pool's size), writing the records
 * (strings counted), writing the strings (records counted), so the blob
 * is written front to back. */
typedef struct writer {
    sink *rec, *pool;
    uint64_t pool_start;
} writer;

static const char *str(writer *w, const char *s)
{
    if (!s)
        return NULL;
    uint64_t off = w->pool->pos - w->pool_start;
    put(w->pool, s, strlen(s) + 1);
    return (const char *)(uintptr_t)off;
}

static void put_off(writer *w, const char *s)
{
    uint64_t off = (uint64_t)(uintptr_t)str(w, s);
    put(w->rec, &off, sizeof off);
}

/* The fact keys by their number (the map holds them by name). */
static const char **fact_key_names(const tdkt_index *ix)
{
    const char **names = calloc(ix->fact_keys.count + 1, sizeof *names);
    if (!names)
        return NULL;
    for (size_t i = 0; i < ix->fact_keys.cap; i++) {
        const char *k = ix->fact_keys.keys[i];
        int32_t v = k ? ix->fact_keys.vals[i] : -1;
        if (v >= 0 && (size_t)v < ix->fact_keys.count)
            names[v] = k;
    }
    return names;
}

static void walk(writer *w, const tdkt_index *ix, const image_header *h,
                 const char **keys)
{
    sink *r = w->rec;
    for (size_t i = 0; i < ix->nsubjects; i++) {
        ix_subject s = ix->subjects[i];
        s.id = str(w, s.id);
        s.name = str(w, s.name);
        s.bloc = str(w, s.bloc);
        put(r, &s, sizeof s);
    }
    pad_to(r, h->offset[S_NOMS]);
    for (size_t i = 0; i < ix->nnoms; i++) {
        ix_nomination n = ix->noms[i];
        n.id = str(w, n.id);
        n.campaign = str(w, n.campaign);
        n.proposed_by = str(w, n.proposed_by);
        put(r, &n, sizeof n);
    }
    pad_to(r, h->offset[S_APP]);
    put(r, ix->app, ix->napp * sizeof *ix->app);
    pad_to(r, h->offset[S_HON]);
    put(r, ix->hon, ix->nhon * sizeof *ix->hon);
    pad_to(r, h->offset[S_INI]);
    put(r, ix->ini, ix->nini * sizeof *ix->ini);
    pad_to(r, h->offset[S_DIS]);
    put(r, ix->dis, ix->ndis * sizeof *ix->dis);
    pad_to(r, h->offset[S_FAC]);
    for (size_t i = 0; i < ix->nfac; i++) {
        ix_fact f = ix->fac[i];
        f.value = str(w, f.value);
        put(r, &f, sizeof f);
    }
    pad_to(r, h->offset[S_MEMBERS]);
    put(r, ix->members, ix->nmembers * sizeof *ix->members);
    pad_to(r, h->offset[S_CHILDREN]);
    put(r, ix->children, ix->nchildren * sizeof *ix->children);
    pad_to(r, h->offset[S_INIT_NAMES]);
    for (size_t i = 0; i < ix->ninit_names; i++)
        put_off(w, ix->init_names[i]);
    pad_to(r, h->offset[S_FACT_KEYS]);
    for (size_t i = 0; i < ix->fact_keys.count; i++)
        put_off(w, keys[i]);
    pad_to(r, h->offset[S_POOL]);
}

/* The header for @p ix with a pool of @p pool bytes. */
static void make_header(image_header *h, const tdkt_index *ix, uint64_t pool)
{
    memset(h, 0, sizeof *h);
    memcpy(h->magic, IMAGE_MAGIC, sizeof h->magic);
    h->format = IMAGE_FORMAT;
    h->layout = layout();
    uint64_t n[NSECT] = {ix->nsubjects,   ix->nnoms,           ix->napp,
                         ix->nhon,        ix->nini,            ix->ndis,
                         ix->nfac,        ix->nmembers,        ix->nchildren,
                         ix->ninit_names, ix->fact_keys.count, pool};
    uint64_t pos = align(sizeof *h);
    for (int s = 0; s < NSECT; s++) {
        h->count[s] = n[s];
        h->offset[s] = pos;
        pos = align(pos + n[s] * item_size[s]);
    }
    h->total = pos;
}

int64_t ix_image_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The image of @p ix into @p fd, with @p token in its header. */
static bool write_image(int fd, const tdkt_index *ix, const char **keys,
                        const unsigned char *token)
{
    sink out = {.fd = fd, .ok = true}, count = {.ok = true};
    image_header h;
    make_header(&h, ix, 0);
    /* First the pool's size (every string counted where it would land). */
    writer sizing = {&count, &out, h.offset[S_POOL]};
    out.pos = h.offset[S_POOL] + 1; /* offset 0 is NULL */
    count.pos = h.offset[S_SUBJECTS];
    walk(&sizing, ix, &h, keys);
    make_header(&h, ix, out.pos - h.offset[S_POOL]);
    memcpy(h.token, token, sizeof h.token);
    if (!(out.buf = malloc(WRITE_BYTES)))
        return false;
    out.pos = 0;
    out.sum = h.layout;
    put(&out, &h, sizeof h); /* without its checksum yet */
    pad_to(&out, h.offset[S_SUBJECTS]);
    count.pos = h.offset[S_POOL] + 1;
    writer records = {&out, &count, h.offset[S_POOL]};
    walk(&records, ix, &h, keys);
    static const char nul = 0;
    put(&out, &nul, 1);
    count.pos = h.offset[S_SUBJECTS];
    writer strings = {&count, &out, h.offset[S_POOL]};
    walk(&strings, ix, &h, keys);
    pad_to(&out, h.total);
    flush(&out);
    free(out.buf);
    /* The header again, now with the checksum. */
    h.sum = out.sum;
    return out.ok && out.pos == h.total && write_all(fd, &h, sizeof h, 0);
}

/* The image file of the store file @p path: its path + "-index"
 * (malloc'd), or NULL when out of memory. */
static char *image_name(const char *path)
{
    size_t n = strlen(path) + sizeof "-index";
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s-index", path);
    return p;
}

/* The image file of the store @p db, or NULL for a store without a file
 * or when out of memory. */
static char *image_path(sqlite3 *db)
{
    const char *path = sqlite3_db_filename(db, "main");
    return path && *path ? image_name(path) : NULL;
}

void tdkt_index_remove_image(const char *store_path)
{
    char *p = image_name(store_path);
    if (p)
        unlink(p);
    free(p);
}

/* The image written to a new file beside the store (@p path): its name
 * (malloc'd), or NULL. The file stays open in @p fd, and so locked
 * (index/temp.h), until it has been moved in. It gets the store's
 * permissions, so whoever may read the store may read it. */
static char *write_temp(sqlite3 *db, const char *path, const tdkt_index *ix,
                        const char **keys, const unsigned char *token,
                        int *fd)
{
    char *tmp = NULL;
    *fd = ix_temp_open(path, &tmp);
    if (*fd < 0)
        return NULL;
    struct stat st;
    if (stat(sqlite3_db_filename(db, "main"), &st) == 0)
        fchmod(*fd, st.st_mode & 0666);
    if (!write_image(*fd, ix, keys, token)) {
        unlink(tmp);
        close(*fd);
        *fd = -1;
        free(tmp);
        return NULL;
    }
    return tmp;
}

/* The token of the file just moved in, in @p w's transaction. */
static bool put_token(sqlite3 *w, const unsigned char *token)
{
    sqlite3_stmt *st = NULL;
    bool ok = ix_exec_ok(w, "DELETE FROM index_image") &&
              sqlite3_prepare_v2(w,
                                 "INSERT INTO index_image(part, data) "
                                 "VALUES (0, ?)",
                                 -1, &st, NULL) == SQLITE_OK &&
              sqlite3_bind_blob(st, 1, token, TOKEN_BYTES, SQLITE_STATIC) ==
                  SQLITE_OK &&
              sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
}

void ix_image_store(const tdkt_index *ix, sqlite3 *db, int64_t version)
{
    unsigned char token[TOKEN_BYTES];
    char *path = version < 0 ? NULL : image_path(db);
    const char **keys = path ? fact_key_names(ix) : NULL;
    /* The file is written first, outside the write lock (half a second
     * to a second at a million people): nobody reads it before the store
     * holds its token. Not when a commit already made the index stale. */
    int fd = -1;
    if (keys)
        ix_temp_sweep(path); /* what killed writers left */
    char *tmp = keys && ix_image_version(db) == version &&
                        getrandom(token, sizeof token, 0) ==
                            (ssize_t)sizeof token
                    ? write_temp(db, path, ix, keys, token, &fd)
                    : NULL;
    sqlite3 *w = tmp ? ix_open_twin(db) : NULL;
    /* Under the write lock nothing can commit: if the store's connection
     * has seen no commit since the load began, the tables are still what
     * the index holds. Never wait for another writer: the image can be
     * written next time. The file moves in, then the token goes in, in
     * the transaction that checked the version: until it commits, the
     * store does not hold the new file's token, and nobody uses it. */
    bool moved = false;
    if (w && ix_exec_ok(w, "BEGIN IMMEDIATE")) {
        bool ok = ix_image_version(db) == version && put_token(w, token) &&
                  (moved = rename(tmp, path) == 0);
        if (!ok || !ix_exec_ok(w, "COMMIT"))
            ix_exec_ok(w, "ROLLBACK");
    }
    if (tmp && !moved)
        unlink(tmp);
    if (fd >= 0)
        close(fd); /* a late write error shows as a bad checksum */
    sqlite3_close_v2(w);
    free(tmp);
    free(keys);
    free(path);
}

/* ------------------------------------------------------------ reading */

static bool enum_ok(int v, tdkt_vocab_domain d)
{
    return v == IX_NONE || v < tdkt_vocab_count(d);
}

static bool range_ok(ix_range r, uint64_t n)
{
    return (uint64_t)r.off + r.n <= n;
}

static bool index_ok(int32_t v, uint64_t n, bool may_be_none)
{
    return (may_be_none && v == -1) || (v >= 0 && (uint64_t)v < n);
}

/* Turn a stored offset into a pointer into the pool; false when it
 * points outside. */
static bool fix(const char **field, const char *pool, uint64_t size,
                bool required)
{
    uint64_t off;
    memcpy(&off, field, sizeof off);
    if (!off) {
        *field = NULL;
        return !required;
    }
    if (off >= size)
        return false;
    *field = pool + off;
    return true;
}

static bool header_ok(const image_header *h, uint64_t total)
{
    if (memcmp(h->magic, IMAGE_MAGIC, sizeof h->magic) != 0 ||
        h->format != IMAGE_FORMAT || h->pad != 0 || h->layout != layout() ||
        h->total != total)
        return false;
    uint64_t pos = align(sizeof *h);
    for (int s = 0; s < NSECT; s++) {
        if (h->offset[s] != pos || h->count[s] > total / item_size[s])
            return false;
        pos = align(pos + h->count[s] * item_size[s]);
        if (pos > total)
            return false;
    }
    return pos == total && h->count[S_POOL] >= 1 &&
           h->count[S_SUBJECTS] < INT32_MAX && h->count[S_NOMS] < INT32_MAX &&
           h->count[S_INIT_NAMES] < INT32_MAX &&
           h->count[S_FACT_KEYS] < INT32_MAX;
}

/* Map names[i] to i, for the interned names the image lists by number. */
static bool map_names(ix_map *m, const char *const *names, size_t n)
{
    if (ix_map_reserve(m, n) < 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ix_map_put(m, names[i], (int32_t)i) < 0)
            return false;
    return true;
}

/* Point @p ix's arrays into @p buf and check every record. */
static bool attach(tdkt_index *ix, char *buf)
{
    const image_header *h = (const image_header *)buf;
    const uint64_t *n = h->count;
    const char *pool = buf + h->offset[S_POOL];
    uint64_t psize = n[S_POOL];
    if (pool[psize - 1] != '\0')
        return false;
    ix->subjects = (ix_subject *)(buf + h->offset[S_SUBJECTS]);
    ix->nsubjects = n[S_SUBJECTS];
    ix->noms = (ix_nomination *)(buf + h->offset[S_NOMS]);
    ix->nnoms = n[S_NOMS];
    ix->app = (ix_appraisal *)(buf + h->offset[S_APP]);
    ix->napp = n[S_APP];
    ix->hon = (ix_honour *)(buf + h->offset[S_HON]);
    ix->nhon = n[S_HON];
    ix->ini = (ix_initiative *)(buf + h->offset[S_INI]);
    ix->nini = n[S_INI];
    ix->dis = (ix_discipline *)(buf + h->offset[S_DIS]);
    ix->ndis = n[S_DIS];
    ix->fac = (ix_fact *)(buf + h->offset[S_FAC]);
    ix->nfac = n[S_FAC];
    ix->members = (int32_t *)(buf + h->offset[S_MEMBERS]);
    ix->nmembers = n[S_MEMBERS];
    ix->children = (int32_t *)(buf + h->offset[S_CHILDREN]);
    ix->nchildren = n[S_CHILDREN];
    ix->init_names = (const char **)(buf + h->offset[S_INIT_NAMES]);
    ix->ninit_names = n[S_INIT_NAMES];
    const char **keys = (const char **)(buf + h->offset[S_FACT_KEYS]);
    uint64_t nkeys = n[S_FACT_KEYS], ns = ix->nsubjects;

    for (size_t i = 0; i < ns; i++) {
        ix_subject *s = &ix->subjects[i];
        if (!fix(&s->id, pool, psize, true) ||
            !fix(&s->name, pool, psize, true) ||
            !fix(&s->bloc, pool, psize, false) ||
            (s->type != TDKT_PERSON && s->type != TDKT_UNIT) ||
            !index_ok(s->unit, ns, true) ||
            !enum_ok(s->category, TDKT_V_CATEGORY) ||
            !enum_ok(s->gender, TDKT_V_GENDER) ||
            !enum_ok(s->kind, TDKT_V_UNIT_KIND) ||
            !range_ok(s->app, ix->napp) || !range_ok(s->hon, ix->nhon) ||
            !range_ok(s->ini, ix->nini) || !range_ok(s->dis, ix->ndis) ||
            !range_ok(s->fac, ix->nfac) ||
            !range_ok(s->members, ix->nmembers) ||
            !range_ok(s->children, ix->nchildren))
            return false;
    }
    for (size_t i = 0; i < ns; i++) /* a person's unit, a unit's parent */
        if (ix->subjects[i].unit >= 0 &&
            ix->subjects[ix->subjects[i].unit].type != TDKT_UNIT)
            return false;
    for (size_t i = 0; i < ix->nnoms; i++) {
        ix_nomination *m = &ix->noms[i];
        if (!fix(&m->id, pool, psize, true) ||
            !fix(&m->campaign, pool, psize, false) ||
            !fix(&m->proposed_by, pool, psize, false) ||
            !index_ok(m->subject, ns, false) ||
            !enum_ok(m->code, TDKT_V_AWARD) || !enum_ok(m->kind, TDKT_V_KIND) ||
            !range_ok(m->fac, ix->nfac))
            return false;
    }
    for (size_t i = 0; i < ix->napp; i++) {
        const ix_appraisal *a = &ix->app[i];
        if (!enum_ok(a->rating, TDKT_V_RATING) ||
            !enum_ok(a->absence, TDKT_V_ABSENCE) ||
            !index_ok(a->unit, ns, true) ||
            (a->unit >= 0 && ix->subjects[a->unit].type != TDKT_UNIT))
            return false;
    }
    for (size_t i = 0; i < ix->nhon; i++)
        if (!enum_ok(ix->hon[i].code, TDKT_V_AWARD) ||
            !enum_ok(ix->hon[i].kind, TDKT_V_KIND))
            return false;
    for (size_t i = 0; i < ix->nini; i++) {
        const ix_initiative *r = &ix->ini[i];
        if (!enum_ok(r->scope, TDKT_V_SCOPE) ||
            !enum_ok(r->kind, TDKT_V_INIT_KIND) ||
            !index_ok(r->id, ix->ninit_names, false))
            return false;
    }
    for (size_t i = 0; i < ix->ndis; i++)
        if (!enum_ok(ix->dis[i].level, TDKT_V_LEVEL))
            return false;
    for (size_t i = 0; i < ix->nfac; i++) {
        uint8_t is_num; /* a bool must hold 0 or 1: read it as a byte */
        memcpy(&is_num, &ix->fac[i].is_num, 1);
        if (!fix(&ix->fac[i].value, pool, psize, true) ||
            !index_ok(ix->fac[i].key, nkeys, false) || is_num > 1)
            return false;
    }
    for (size_t i = 0; i < ix->nmembers; i++)
        if (!index_ok(ix->members[i], ns, false) ||
            ix->subjects[ix->members[i]].type != TDKT_PERSON)
            return false;
    for (size_t i = 0; i < ix->nchildren; i++)
        if (!index_ok(ix->children[i], ns, false) ||
            ix->subjects[ix->children[i]].type != TDKT_UNIT)
            return false;
    for (size_t i = 0; i < ix->ninit_names; i++)
        if (!fix(&ix->init_names[i], pool, psize, true))
            return false;
    for (size_t i = 0; i < nkeys; i++)
        if (!fix(&keys[i], pool, psize, true))
            return false;

    /* The maps, rebuilt: sized once, no rehashing. */
    return ix_map_subjects(ix, TDKT_UNIT, 0) == TDKT_OK &&
           ix_map_subjects(ix, TDKT_PERSON, 0) == TDKT_OK &&
           ix_map_noms(ix) == TDKT_OK &&
           map_names(&ix->init_ids, ix->init_names, ix->ninit_names) &&
           map_names(&ix->fact_keys, keys, nkeys);
}

/* The image's token that the store holds, read in the caller's
 * transaction; false when it holds none (records changed since). */
static bool stored_token(sqlite3 *db, unsigned char *token)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db,
                                 "SELECT data FROM index_image "
                                 "WHERE part = 0",
                                 -1, &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW &&
              sqlite3_column_bytes(st, 0) == TOKEN_BYTES;
    if (ok)
        memcpy(token, sqlite3_column_blob(st, 0), TOKEN_BYTES);
    sqlite3_finalize(st);
    return ok;
}

/* The image file at @p path, open, with its header in *h, when it was
 * written with @p token; else -1. A stale file is left after its header.
 * Only a regular file is read: opening a named pipe put there would wait
 * for a writer forever (O_NONBLOCK), and a device is no image either. */
static int open_image(const char *path, const unsigned char *token,
                      image_header *h)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
                    pread(fd, h, sizeof *h, 0) != (ssize_t)sizeof *h ||
                    memcmp(h->token, token, sizeof h->token) != 0)) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* The whole image file at @p path in one buffer, its size in *total; NULL
 * when it cannot be read or is not the image of @p token. */
static char *read_file(const char *path, const unsigned char *token,
                       uint64_t *total)
{
    *total = 0;
    image_header h;
    int fd = open_image(path, token, &h);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && (uint64_t)st.st_size == h.total &&
        h.total <= SIZE_MAX && (buf = malloc((size_t)h.total)) != NULL) {
        size_t n = (size_t)h.total, got = 0;
        while (got < n) {
            ssize_t r = pread(fd, buf + got, n - got, (off_t)got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        if (got == n)
            *total = n;
        else {
            free(buf);
            buf = NULL;
        }
    }
    close(fd);
    return buf;
}

bool ix_image_current(sqlite3 *db)
{
    unsigned char token[TOKEN_BYTES];
    image_header h;
    char *path = image_path(db);
    int fd = path && stored_token(db, token) ? open_image(path, token, &h)
                                             : -1;
    free(path);
    if (fd < 0)
        return false;
    close(fd);
    return h.layout == layout();
}

int ix_image_load(tdkt_index *ix, sqlite3 *db)
{
    unsigned char token[TOKEN_BYTES];
    uint64_t total = 0;
    char *path = image_path(db);
    char *buf = path && stored_token(db, token)
                    ? read_file(path, token, &total)
                    : NULL;
    free(path);
    if (!buf)
        return 0;
    const image_header *h = (const image_header *)buf;
    if (!header_ok(h, total) ||
        memcmp(h->token, token, sizeof token) != 0 ||
        checksum(h->layout, (unsigned char *)buf + sizeof *h,
                 total - sizeof *h) != h->sum ||
        !attach(ix, buf)) {
        free(buf);
        ix_maps_free(ix);
        memset(ix, 0, sizeof *ix);
        return 0;
    }
    ix->image = buf;
    ix->bytes = total;
    return 1;
}
