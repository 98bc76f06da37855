/*
 * The compact form of a saved decision, and its JSON rebuilt from it and
 * from the run's forms: byte for byte what the evaluation printed.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "decisions/decisions_internal.h"

/* Node results of a blob of schemas 2 and 3, indexed by R_FAIL, R_PASS, R_UNKNOWN
 * (which are TDKT_FAIL, TDKT_PASS, TDKT_UNKNOWN); anything else (not
 * judged, or an error inside) is '-' and shown as not judged, as
 * tdkt_result_node() does. */
static const char result_bytes[] = "fpu";
_Static_assert((int)R_FAIL == (int)TDKT_FAIL &&
                   (int)R_PASS == (int)TDKT_PASS &&
                   (int)R_UNKNOWN == (int)TDKT_UNKNOWN,
               "stored results are indexed by both");
/* In a blob of schema 4 a node's result takes two bits: R_FAIL, R_PASS,
 * R_UNKNOWN, or this for not judged. */
#define NOT_JUDGED 3
_Static_assert(R_FAIL < NOT_JUDGED && R_PASS < NOT_JUDGED &&
                   R_UNKNOWN < NOT_JUDGED,
               "two bits hold every stored result");

/* Room for one more varint or packed byte before flushing to the buffer:
 * the bytes of a decision are gathered on the stack, then appended in
 * a few calls. */
typedef struct blob_out {
    tdkt_buf *b;
    size_t n;
    unsigned char tmp[256];
} blob_out;

static void out_flush(blob_out *o, size_t need)
{
    if (o->n + need > sizeof o->tmp) {
        tdkt_buf_put(o->b, (const char *)o->tmp, o->n);
        o->n = 0;
    }
}

/* Unsigned LEB128: seven bits a byte, low first, the high bit set on
 * every byte but the last. */
static void out_varint(blob_out *o, uint32_t v)
{
    out_flush(o, 5);
    while (v >= 0x80) {
        o->tmp[o->n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    o->tmp[o->n++] = (unsigned char)v;
}

static bool get_varint(const unsigned char **p, const unsigned char *end,
                       uint32_t *v)
{
    uint32_t x = 0;
    for (int shift = 0; shift < 35 && *p < end; shift += 7) {
        unsigned char c = *(*p)++;
        if (shift == 28 && c > 0x0f)
            return false; /* beyond 32 bits */
        x |= (uint32_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;
}

static int stored_result(const res_item *it, size_t k)
{
    int r = it->result[k];
    return r >= R_FAIL && r <= R_UNKNOWN ? r : NOT_JUDGED;
}

void saved_dict_free(saved_dict *d)
{
    for (size_t f = 0; f < d->nforms; f++)
        free(d->last[f]);
    free(d->last);
    free(d->numbered);
    tdkt__strset_free(&d->set);
    memset(d, 0, sizeof *d);
}

/* The last details of form @p form's @p nnodes nodes, made on first use. */
static saved_last *dict_last(saved_dict *d, int form, size_t nnodes)
{
    size_t f = (size_t)form - 1;
    if (f >= d->nforms) {
        saved_last **p = realloc(d->last, (f + 1) * sizeof *p);
        if (!p)
            return NULL;
        memset(p + d->nforms, 0, (f + 1 - d->nforms) * sizeof *p);
        d->last = p;
        d->nforms = f + 1;
    }
    if (!d->last[f])
        d->last[f] = calloc(nnodes, sizeof *d->last[f]);
    return d->last[f];
}

static size_t numbered_slot(const saved_dict *d, const char *s)
{
    uint64_t h = (uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ULL;
    size_t k = (size_t)(h >> 32) & (d->numbered_cap - 1);
    while (d->numbered[k].s && d->numbered[k].s != s)
        k = (k + 1) & (d->numbered_cap - 1);
    return k;
}

/* Room for one more pointer; false if there is no memory for it (the
 * text is then only interned by content: slower, the same numbers). */
static bool numbered_room(saved_dict *d)
{
    if ((d->nnumbered + 1) * 2 <= d->numbered_cap)
        return true;
    saved_dict grown = *d;
    grown.numbered_cap = d->numbered_cap ? d->numbered_cap * 2 : 1024;
    grown.numbered = calloc(grown.numbered_cap, sizeof *grown.numbered);
    if (!grown.numbered)
        return false;
    for (size_t i = 0; i < d->numbered_cap; i++) {
        const saved_last *e = &d->numbered[i];
        if (e->s)
            grown.numbered[numbered_slot(&grown, e->s)] = *e;
    }
    free(d->numbered);
    d->numbered = grown.numbered;
    d->numbered_cap = grown.numbered_cap;
    return true;
}

/* The number of detail @p s, interned in @p d. Equal details are one copy
 * in the arena that holds them (eval/arena.c), so a pointer met before,
 * mostly the same node's in the form's previous decision (@p last), gives
 * the number without reading the text; only a new pointer is hashed. */
static int intern(saved_dict *d, saved_last *last, const char *s,
                  uint32_t *n)
{
    if (last->s == s) {
        *n = last->n;
        return TDKT_OK;
    }
    bool room = numbered_room(d);
    size_t k = room ? numbered_slot(d, s) : 0;
    if (room && d->numbered[k].s) {
        *n = d->numbered[k].n;
    } else {
        int error = tdkt__strset_add(&d->set, s, strlen(s), n);
        if (error < 0)
            return error;
        if (room) {
            d->numbered[k] = (saved_last){s, *n};
            d->nnumbered++;
        }
    }
    last->s = s;
    last->n = *n;
    return TDKT_OK;
}

int saved_encode(tdkt_buf *b, const res_item *it, size_t nnodes, int form,
                 saved_dict *dict)
{
    b->len = 0;
    saved_last *last = dict_last(dict, form, nnodes);
    if (!last)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    blob_out o = {.b = b};
    o.tmp[o.n++] = SAVED_BLOB_NUMBERED;
    for (size_t k0 = 0; k0 < nnodes; k0 += 4) {
        unsigned char packed = 0;
        for (size_t k = k0; k < k0 + 4 && k < nnodes; k++)
            packed |= (unsigned char)(stored_result(it, k) << 2 * (k - k0));
        out_flush(&o, 1);
        o.tmp[o.n++] = packed;
    }
    for (size_t k = 0; k < nnodes; k++) {
        if (stored_result(it, k) == NOT_JUDGED)
            continue;
        const char *s = it->detail && it->detail[k] ? it->detail[k] : "";
        uint32_t n;
        int error = intern(dict, &last[k], s, &n);
        if (error < 0)
            return error;
        out_varint(&o, n);
    }
    tdkt_buf_put(b, (const char *)o.tmp, o.n);
    return b->oom ? tdkt_error_set(TDKT_ENOMEM, "out of memory") : TDKT_OK;
}

int saved_outcome(const char *code)
{
    static const int outcomes[] = {TDKT_ELIGIBLE, TDKT_INELIGIBLE,
                                   TDKT_REVIEW};
    for (size_t i = 0; code && i < sizeof outcomes / sizeof *outcomes; i++)
        if (strcmp(code, tdkt_outcome_code(outcomes[i])) == 0)
            return outcomes[i];
    return TDKT_OUTCOME_ERROR;
}

/* ---- a run's forms --------------------------------------------------- */

static char *dup_col(sqlite3_stmt *st, int i, bool *oom)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *oom = true;
    return d;
}

void saved_run_free(saved_run *r)
{
    for (size_t f = 0; f < r->nforms; f++) {
        for (size_t k = 0; k < r->forms[f].n; k++) {
            saved_node *nd = &r->forms[f].nodes[k];
            free(nd->id);
            free(nd->kind);
            free(nd->basis);
            free(nd->status);
            free(nd->vi);
            free(nd->en);
        }
        free(r->forms[f].nodes);
    }
    free(r->forms);
    free(r->details);
    free(r->details_text);
    free(r->result);
    free((void *)r->detail);
    memset(r, 0, sizeof *r);
}

/* Room for form @p f (1-based) and its node @p k. */
static int make_room(saved_run *r, int64_t f, int64_t k)
{
    if (f < 1 || k < 0 || f > 1000000 || k > 100000)
        return tdkt_error_set(TDKT_EDB,
                              TDKT_MSG("lần xét %lld: hình thức %lld bị hư "
                                       "hỏng",
                                       "run %lld: damaged form %lld"),
                              (long long)r->id, (long long)f);
    if ((size_t)f > r->nforms) {
        saved_form *p = realloc(r->forms, (size_t)f * sizeof *p);
        if (!p)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        memset(p + r->nforms, 0, ((size_t)f - r->nforms) * sizeof *p);
        r->forms = p;
        r->nforms = (size_t)f;
    }
    saved_form *fm = &r->forms[f - 1];
    if ((size_t)k != fm->n)
        return tdkt_error_set(TDKT_EDB,
                              TDKT_MSG("lần xét %lld: hình thức %lld: mục "
                                       "%lld sai thứ tự",
                                       "run %lld: form %lld: node %lld out "
                                       "of order"),
                              (long long)r->id, (long long)f, (long long)k);
    saved_node *p = realloc(fm->nodes, ((size_t)k + 1) * sizeof *p);
    if (!p)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    memset(&p[k], 0, sizeof *p);
    fm->nodes = p;
    fm->n = (size_t)k + 1;
    return TDKT_OK;
}

/* The run's detail texts (run_details): one value, text after text, each
 * ended by a zero byte; none for a run saved before schema 4. */
static int load_details(sqlite3 *db, saved_run *r)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT texts FROM run_details WHERE "
                               "run_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, r->id);
    int rc = sqlite3_step(st), error = TDKT_OK;
    if (rc == SQLITE_ROW) {
        const char *p = sqlite3_column_blob(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0), n = 0;
        for (size_t i = 0; i < len; i++)
            n += p[i] == '\0';
        if (len && p[len - 1] != '\0')
            error = tdkt_error_set(TDKT_EDB,
                                   TDKT_MSG("lần xét %lld: phần giải thích "
                                            "bị hư hỏng",
                                            "run %lld: damaged details"),
                                   (long long)r->id);
        else if (n && (!(r->details_text = malloc(len)) ||
                       !(r->details = malloc(n * sizeof *r->details))))
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        else if (n) {
            memcpy(r->details_text, p, len);
            for (const char *s = r->details_text; r->ndetails < n;
                 s += strlen(s) + 1)
                r->details[r->ndetails++] = s;
        }
    } else if (rc != SQLITE_DONE) {
        error = tdkt_store_fail(db, "runs");
    }
    sqlite3_finalize(st);
    return error;
}

int saved_run_load(sqlite3 *db, int64_t run_id, saved_run *out)
{
    memset(out, 0, sizeof *out);
    out->id = run_id;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT form, node, id, kind, parent, basis, "
                           "status, vi, en FROM run_criteria WHERE "
                           "run_id = ? ORDER BY form, node",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    int rc, error = TDKT_OK;
    size_t most = 1;
    while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t f = sqlite3_column_int64(st, 0), k = sqlite3_column_int64(st, 1);
        if ((error = make_room(out, f, k)) < 0)
            break;
        saved_form *fm = &out->forms[f - 1];
        saved_node *nd = &fm->nodes[k];
        bool oom = false;
        nd->id = dup_col(st, 2, &oom);
        nd->kind = dup_col(st, 3, &oom);
        nd->basis = dup_col(st, 5, &oom);
        nd->status = dup_col(st, 6, &oom);
        nd->vi = dup_col(st, 7, &oom);
        nd->en = dup_col(st, 8, &oom);
        if (oom) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        if (!nd->id || !nd->kind) {
            error = tdkt_error_set(TDKT_EDB,
                                   TDKT_MSG("lần xét %lld: hình thức %lld bị "
                                            "hư hỏng",
                                            "run %lld: damaged form %lld"),
                                   (long long)run_id, (long long)f);
            break;
        }
        /* Preorder: a parent comes before its children. */
        if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
            int64_t p = sqlite3_column_int64(st, 4);
            if (p < 0 || p >= k) {
                error = tdkt_error_set(TDKT_EDB,
                                       TDKT_MSG("lần xét %lld: hình thức "
                                                "%lld bị hư hỏng",
                                                "run %lld: damaged form %lld"),
                                       (long long)run_id, (long long)f);
                break;
            }
            if (strcmp(fm->nodes[p].kind, "route") == 0)
                nd->route = fm->nodes[p].id;
            nd->depth = fm->nodes[p].depth + 1;
        }
        if (fm->n > most)
            most = fm->n;
    }
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    if (error == TDKT_OK)
        error = load_details(db, out);
    if (error == TDKT_OK) {
        out->result = malloc(most * sizeof *out->result);
        out->detail = malloc(most * sizeof *out->detail);
        if (!out->result || !out->detail)
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    if (error < 0)
        saved_run_free(out);
    return error;
}

/* ---- one decision ---------------------------------------------------- */

void saved_node_view(const void *ctx, size_t k, tdkt_criterion_view *out)
{
    const saved_decision *d = ctx;
    const saved_node *nd = &d->form->nodes[k];
    memset(out, 0, sizeof *out);
    out->id = nd->id;
    out->kind = nd->kind;
    out->basis = nd->basis;
    out->status = nd->status;
    out->text = d->run->lang == TDKT_LANG_EN ? nd->en : nd->vi;
    out->route = nd->route;
    out->depth = nd->depth;
    out->result = d->run->result[k];
    out->detail = d->run->detail[k];
}

/* A blob of schemas 2 and 3: a result byte per node ("fpu", '-' not judged), then
 * the detail of each judged node, each ended by a zero byte. */
static bool decode_texts(saved_run *r, const unsigned char *blob, size_t len,
                      size_t n)
{
    if (len < n)
        return false;
    const char *p = (const char *)blob + n, *end = (const char *)blob + len;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = blob[k];
        const char *hit = c ? memchr(result_bytes, c, 3) : NULL;
        r->detail[k] = "";
        if (!hit) {
            if (c != '-')
                return false;
            r->result[k] = -1;
            continue;
        }
        r->result[k] = (int)(hit - result_bytes);
        const char *z = memchr(p, '\0', (size_t)(end - p));
        if (!z)
            return false;
        r->detail[k] = p;
        p = z + 1;
    }
    return p == end;
}

/* A blob of schema 4: SAVED_BLOB_NUMBERED, the nodes' results two bits each (four
 * nodes a byte, the first in the low bits), then the number of each judged
 * node's detail in the run's dictionary, as a varint. */
static bool decode_numbered(saved_run *r, const unsigned char *blob, size_t len,
                      size_t n)
{
    size_t packed = (n + 3) / 4;
    if (len < 1 + packed)
        return false;
    const unsigned char *p = blob + 1 + packed, *end = blob + len;
    for (size_t k = 0; k < n; k++) {
        int code = blob[1 + k / 4] >> 2 * (k % 4) & 3;
        r->detail[k] = "";
        if (code == NOT_JUDGED) {
            r->result[k] = -1;
            continue;
        }
        uint32_t d;
        if (!get_varint(&p, end, &d) || d >= r->ndetails)
            return false;
        r->result[k] = code;
        r->detail[k] = r->details[d];
    }
    return p == end;
}

bool saved_decode(saved_run *r, const unsigned char *blob, size_t len,
                   size_t n)
{
    if (len && blob[0] == SAVED_BLOB_NUMBERED)
        return decode_numbered(r, blob, len, n);
    return decode_texts(r, blob, len, n);
}

int saved_decision_read(saved_run *r, sqlite3_stmt *row, tdkt_result_view *v,
                        const char **ruleset, saved_decision *d)
{
    memset(v, 0, sizeof *v);
    v->nomination = (const char *)sqlite3_column_text(row, 0);
    v->subject_type = (const char *)sqlite3_column_text(row, 1);
    v->subject_id = (const char *)sqlite3_column_text(row, 2);
    v->code = (const char *)sqlite3_column_text(row, 3);
    v->year = sqlite3_column_int(row, 4);
    *ruleset = (const char *)sqlite3_column_text(row, 5);
    v->outcome = saved_outcome((const char *)sqlite3_column_text(row, 7));
    v->message = (const char *)sqlite3_column_text(row, 8);
    *d = (saved_decision){NULL, r};
    const unsigned char *res = sqlite3_column_blob(row, 9);
    size_t len = (size_t)sqlite3_column_bytes(row, 9);
    if (sqlite3_column_type(row, 9) == SQLITE_TEXT ||
        sqlite3_column_type(row, 6) == SQLITE_NULL || !res)
        return TDKT_OK;
    int64_t f = sqlite3_column_int64(row, 6);
    if (f < 1 || (size_t)f > r->nforms ||
        !saved_decode(r, res, len, r->forms[f - 1].n))
        return tdkt_error_set(TDKT_EDB,
                              TDKT_MSG("lần xét %lld: quyết định về đề nghị "
                                       "%s bị hư hỏng",
                                       "run %lld: the decision of %s is "
                                       "damaged"),
                              (long long)r->id,
                              v->nomination ? v->nomination : "?");
    d->form = &r->forms[f - 1];
    v->nnodes = d->form->n;
    return TDKT_OK;
}

int saved_decision_json(saved_run *r, sqlite3_stmt *row, tdkt_buf *b)
{
    if (sqlite3_column_type(row, 9) == SQLITE_TEXT) {
        /* Saved by schema 1: the JSON itself. */
        tdkt_buf_put(b, (const char *)sqlite3_column_text(row, 9),
                     (size_t)sqlite3_column_bytes(row, 9));
        return TDKT_OK;
    }
    tdkt_result_view v;
    const char *ruleset;
    saved_decision d;
    int error = saved_decision_read(r, row, &v, &ruleset, &d);
    if (error < 0)
        return error;
    result_json_write(b, &v, ruleset, saved_node_view, &d);
    return b->oom ? tdkt_error_set(TDKT_ENOMEM, "out of memory") : TDKT_OK;
}
