/*
 * Judging one form for one subject: every criterion's check is called in
 * order (all of them, so the explanation is complete), then routes and the
 * form are combined in three-valued logic:
 *   AND (a form, a route): fail if any fails, else unknown if any is
 *       unknown, else pass;
 *   OR (routes): pass if any passes, else unknown if any is unknown, else
 *       fail.
 * The whole form runs under one protected call; a script error, a limit or
 * kept state makes the outcome an error with the file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "rules/rules_internal.h"
#include "output/append.h"
#include "output/words.h"

typedef struct form_call {
    rt *r;
    const tdkt_form *f;
    rt_out *out;
    bool verdict_only; /* stop where the verdict can no longer change */
    const uint8_t *only; /* run only the criteria it marks (NULL: all) */
} form_call;

/* A criterion's detail is kept whole up to this many bytes. A longer one
 * (a rule printing a list without end) is cut at a character's start and
 * ends with "…": the results live in the host's memory, outside the
 * rule's cap, for every nomination of the run. */
#define DETAIL_MAX 4096

/* U+FFFD for a NUL byte in a detail: the printers' mark for invalid
 * text. */
#define NUL_SHOWN "\xEF\xBF\xBD"

size_t rt_detail_copy(char *dst, const char *s, size_t n)
{
    uint64_t nul = 0, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        w = word_at(s + i);
        memcpy(dst + i, &w, 8);
        nul |= word_below(w, 1);
    }
    w = ~(uint64_t)0; /* the bytes past the end are none */
    memcpy(&w, s + i, n - i);
    memcpy(dst + i, s + i, n - i);
    nul |= word_below(w, 1);
    dst[n] = '\0';
    if (!nul)
        return n;
    size_t len = n; /* rare: count them, two more bytes each */
    for (i = 0; i < n; i++)
        len += s[i] ? 0 : sizeof NUL_SHOWN - 2;
    return len;
}

void rt_detail_show(char *dst, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i]) {
            *dst++ = s[i];
        } else {
            memcpy(dst, NUL_SHOWN, sizeof NUL_SHOWN - 1);
            dst += sizeof NUL_SHOWN - 1;
        }
    *dst = '\0';
}

/* Stack slots of run_criteria's arguments. */
enum { ARG_CTX = 1, ARG_FNS, ARG_PARAMS, ARG_SUBJ, ARG_NOM };

static int form_index(const rt *r, const tdkt_form *f)
{
    return (int)(f - r->rs->forms);
}

static int criterion_result(lua_State *L, const rt *r, int base,
                            const rule_node *nd)
{
    int nres = lua_gettop(L) - base;
    if (nres == 0)
        return luaL_error(L,
                          RT_TR(r,
                                "%s:%d: tiêu chí '%s' không trả về kết quả "
                                "(hãy dùng pass(…), fail(…) hoặc "
                                "unknown(…))",
                                "%s:%d: criterion '%s' returned no result "
                                "(use pass(…), fail(…) or unknown(…))"),
                          nd->file, nd->line, nd->id);
    int t = lua_type(L, base + 1);
    if (t == LUA_TBOOLEAN)
        return lua_toboolean(L, base + 1) ? R_PASS : R_FAIL;
    if (t == LUA_TNIL)
        return R_UNKNOWN;
    if (t == LUA_TSTRING) {
        const char *s = lua_tostring(L, base + 1);
        if (strcmp(s, "pass") == 0)
            return R_PASS;
        if (strcmp(s, "fail") == 0)
            return R_FAIL;
        if (strcmp(s, "unknown") == 0)
            return R_UNKNOWN;
    }
    return luaL_error(L,
                      RT_TR(r,
                            "%s:%d: tiêu chí '%s' trả về một giá trị %s; "
                            "hãy dùng pass(…), fail(…) hoặc unknown(…)",
                            "%s:%d: criterion '%s' returned a %s; use "
                            "pass(…), fail(…) or unknown(…)"),
                      nd->file, nd->line, nd->id, lua_typename(L, t));
}

/*
 * A judgement wanted for its verdict alone (a member counted for a
 * collective) skips the criteria that cannot change it: those under a
 * route that has failed, and all that remain once the form has. A failed
 * route or group of routes is marked R_FAIL in the results as it happens;
 * combine() recomputes every route from its criteria after, and a route
 * with a skipped criterion has a failed one too, so the verdict is the
 * one the whole judgement gives, unless a skipped criterion would have
 * raised an error. Such judgements are kept in the memo as verdicts only
 * (rt_meets).
 */
static bool under_failed_route(const tdkt_form *f, const int8_t *result,
                               int i)
{
    for (int p = f->nodes[i].parent; p >= 0; p = f->nodes[p].parent)
        if (result[p] == R_FAIL)
            return true;
    return false;
}

/* Criterion i failed: mark what fails with it; true when the form does. */
static bool fail_upwards(const tdkt_form *f, int8_t *result, int i)
{
    for (int p = f->nodes[i].parent;; i = p, p = f->nodes[p].parent) {
        if (p < 0)
            return true; /* a criterion or group at the top: AND */
        const rule_node *pn = &f->nodes[p];
        if (pn->kind == RN_ROUTES) /* OR: fails when all its routes do */
            for (int k = 0; k < pn->nchildren; k++)
                if (result[pn->children[k]] != R_FAIL)
                    return false;
        result[p] = R_FAIL;
    }
}

/* The protected body: runs every criterion of the form. */
static int run_criteria(lua_State *L)
{
    form_call *c = lua_touserdata(L, ARG_CTX);
    const tdkt_form *f = c->f;
    for (int i = 0; i < f->nnodes; i++) {
        const rule_node *nd = &f->nodes[i];
        if (nd->kind != RN_CRITERION || (c->only && !c->only[i]) ||
            (c->verdict_only && under_failed_route(f, c->out->result, i)))
            continue;
        c->r->running = nd;
        c->r->running_form = f;
        int base = lua_gettop(L);
        lua_rawgeti(L, ARG_FNS, i + 1);
        lua_pushvalue(L, ARG_SUBJ);
        lua_pushvalue(L, ARG_NOM);
        lua_pushvalue(L, ARG_PARAMS);
        lua_call(L, 3, LUA_MULTRET);
        int res = criterion_result(L, c->r, base, nd);
        const char *detail = "";
        size_t len = 0;
        if (lua_gettop(L) >= base + 2) {
            int t = lua_type(L, base + 2);
            if (t == LUA_TSTRING || t == LUA_TNUMBER)
                detail = lua_tolstring(L, base + 2, &len);
            else if (t != LUA_TNIL)
                return luaL_error(L,
                                  RT_TR(c->r,
                                        "%s:%d: tiêu chí '%s': phần giải "
                                        "thích phải là văn bản, không phải "
                                        "%s",
                                        "%s:%d: criterion '%s': the detail "
                                        "must be text, not a %s"),
                                  nd->file, nd->line, nd->id,
                                  lua_typename(L, t));
        }
        c->out->result[i] = (int8_t)res;
        if (c->r->quiet) { /* no detail: NULL, told apart from "" */
            c->out->detail[i] = NULL;
            lua_settop(L, base);
            continue;
        }
        char cut[DETAIL_MAX + sizeof "…"];
        if (len > DETAIL_MAX) {
            len = DETAIL_MAX;
            while (len > 0 && ((unsigned char)detail[len] & 0xC0) == 0x80)
                len--; /* detail[len] continues a character */
            memcpy(cut, detail, len);
            memcpy(cut + len, "…", sizeof "…" - 1);
            detail = cut;
            len += sizeof "…" - 1;
        }
        c->out->detail[i] = c->out->alloc(c->out->arena, detail, len);
        lua_settop(L, base);
        if (c->verdict_only && res == R_FAIL &&
            fail_upwards(f, c->out->result, i))
            break;
    }
    c->r->running = NULL;
    return 0;
}

/* Text written as snprintf() would at successive offsets: `len` counts
 * every byte asked for, at most n - 1 are stored, then a NUL. Details are
 * written for every member of every collective: memcpy, not printf. */
typedef struct text_out {
    char *p;
    size_t n, len;
} text_out;

static void put(text_out *t, const char *s, size_t k)
{
    if (t->len + 1 < t->n) {
        size_t room = t->n - 1 - t->len;
        memcpy(t->p + t->len, s, k < room ? k : room);
    }
    t->len += k;
}

static void puts_(text_out *t, const char *s)
{
    put(t, s, strlen(s));
}

/* Ends the text; returns how many bytes it holds. A text cut short is
 * cut where a character begins, never inside one. */
static size_t end(text_out *t)
{
    size_t held = t->len < t->n ? t->len : t->n ? t->n - 1 : 0;
    if (held < t->len && held > 0) {
        size_t k = held - 1; /* the start of the last character kept */
        while (k > 0 && ((unsigned char)t->p[k] & 0xC0) == 0x80)
            k--;
        unsigned char lead = (unsigned char)t->p[k];
        size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3
                                                                        : 2;
        if (k + need > held)
            held = k;
    }
    if (t->n)
        t->p[held] = '\0';
    return held;
}

static int and3(int a, int b)
{
    if (a == R_FAIL || b == R_FAIL)
        return R_FAIL;
    if (a == R_UNKNOWN || b == R_UNKNOWN)
        return R_UNKNOWN;
    return R_PASS;
}

static int or3(int a, int b)
{
    if (a == R_PASS || b == R_PASS)
        return R_PASS;
    if (a == R_UNKNOWN || b == R_UNKNOWN)
        return R_UNKNOWN;
    return R_FAIL;
}

const char *rt_node_label(const rule_node *nd, tdkt_lang lang)
{
    const char *words = lang == TDKT_LANG_EN ? nd->en : nd->vi;
    return words && words[0] ? words : nd->id;
}

/* Routes and route results, children before parents (reverse preorder). */
static int combine(rt *r, const tdkt_form *f, rt_out *out)
{
    for (int i = f->nnodes - 1; i >= 0; i--) {
        const rule_node *nd = &f->nodes[i];
        if (nd->kind == RN_ROUTE) {
            int v = R_PASS;
            for (int k = 0; k < nd->nchildren; k++)
                v = and3(v, out->result[nd->children[k]]);
            out->result[i] = (int8_t)v;
            out->detail[i] = out->alloc(out->arena, "", 0);
        } else if (nd->kind == RN_ROUTES) {
            int v = R_FAIL;
            for (int k = 0; k < nd->nchildren; k++)
                v = or3(v, out->result[nd->children[k]]);
            /* "met by: a; b": the routes that pass, by name (a name may
             * hold commas), each whole or, once one does not fit, "…" */
            char detail[1024];
            text_out t = {detail, sizeof detail, 0};
            if (v == R_PASS) {
                puts_(&t, TDKT_TR(r->ctx.lang, "đạt theo: ", "met by: "));
                size_t head = t.len;
                for (int k = 0; k < nd->nchildren; k++) {
                    if (out->result[nd->children[k]] != R_PASS)
                        continue;
                    const char *name =
                        rt_node_label(&f->nodes[nd->children[k]], r->ctx.lang);
                    const char *sep = t.len > head ? "; " : "";
                    if (t.len + strlen(sep) + strlen(name) +
                            strlen("; …") >= sizeof detail) {
                        puts_(&t, t.len > head ? "; …" : "…");
                        break;
                    }
                    puts_(&t, sep);
                    puts_(&t, name);
                }
            } else {
                puts_(&t, v == R_UNKNOWN
                              ? TDKT_TR(r->ctx.lang,
                                        "chưa xác định được điều kiện nào",
                                        "no route decided yet")
                              : TDKT_TR(r->ctx.lang,
                                        "không đạt điều kiện nào",
                                        "no route is met"));
            }
            out->result[i] = (int8_t)v;
            out->detail[i] = out->alloc(out->arena, detail, end(&t));
        } else if (nd->kind == RN_QUOTA) {
            out->result[i] = R_SKIP; /* decided later, for the cohort */
            out->detail[i] = out->alloc(out->arena, "", 0);
        }
    }
    int v = R_PASS;
    for (int k = 0; k < f->ntop; k++)
        if (f->nodes[f->top[k]].kind != RN_QUOTA)
            v = and3(v, out->result[f->top[k]]);
    return v;
}

static int eval_form(rt *r, const tdkt_form *f, int32_t subject,
                     const ix_nomination *n, rt_out *out, bool verdict_only,
                     const uint8_t *only)
{
    lua_State *L = r->L;
    int top = lua_gettop(L);
    int fi = form_index(r, f);
    form_call c = {r, f, out, verdict_only, only};
    r->judging[r->depth] = (struct rt_judging){subject, n->year, f->award};
    for (int i = 0; i < f->nnodes; i++) {
        out->result[i] = R_SKIP;
        out->detail[i] = NULL;
    }
    lua_pushcfunction(L, run_criteria);
    lua_pushlightuserdata(L, &c);                          /* 1: ctx */
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->form_fns[fi]);    /* 2: fns */
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->form_params[fi]); /* 3: p */
    rt_push_subject(r, r->depth, subject);                 /* 4: s */
    rt_push_nomination(r, r->depth, n);                    /* 5: n */
    int status = rt_pcall(r, 5, 0);
    int v;
    if (status != LUA_OK) {
        /* Every error outcome names a place in the rules: one raised
         * without, or in the prelude, is given the criterion's. */
        size_t mlen = 0;
        const char *msg = lua_tolstring(L, -1, &mlen);
        /* A NUL byte in it (error("a\0b")) is shown, not an end, as in
         * a detail (rt_detail_show); the text is cut to fit. */
        char shown[sizeof out->error];
        if (memchr(msg, '\0', mlen)) {
            size_t fit = (sizeof shown - 1) / 3;
            rt_detail_show(shown, msg, mlen < fit ? mlen : fit);
            msg = shown;
        }
        char placed[2 * sizeof out->error]; /* cut to fit below */
        if (r->running && !rt_lua_placed(msg)) {
            snprintf(placed, sizeof placed, "%s:%d: %s", r->running->file,
                     r->running->line, msg);
            msg = placed;
        }
        rt_lua_message(out->error, sizeof out->error, msg, r->ctx.lang);
        v = R_ERROR;
    } else {
        v = combine(r, f, out);
    }
    rt_push_subject(r, r->depth, -1); /* stale handles fail cleanly */
    rt_push_nomination(r, r->depth, NULL);
    lua_settop(L, top);
    return v;
}

int rt_eval_form(rt *r, const tdkt_form *f, int32_t subject,
                 const ix_nomination *n, rt_out *out, bool verdict_only)
{
    return eval_form(r, f, subject, n, out, verdict_only, NULL);
}

/* ------------------------------------------------ nested evaluation */

/* Nested results keep their details in a per-depth buffer that may move
 * as it grows, so a detail is stored as its offset + 1 and read back with
 * scratch_str(). */
static char *scratch_alloc(void *arena, const char *s, size_t n)
{
    tdkt_buf *b = arena;
    size_t off = b->len;
    char *p = buf_room(b, n + 1);
    if (!p)
        return (char *)"";
    size_t len = rt_detail_copy(p, s, n);
    if (len != n) { /* a NUL byte inside: shown, over the copy */
        if (!(p = buf_room(b, len + 1)))
            return (char *)"";
        rt_detail_show(p, s, n);
    }
    b->len += len + 1; /* keep the NUL inside */
    b->ptr[b->len] = '\0';
    return (char *)(uintptr_t)(off + 1); /* offsets; resolved below */
}

static const char *scratch_str(const tdkt_buf *b, const char *p)
{
    uintptr_t off = (uintptr_t)p;
    if (!off || !b->ptr || off - 1 >= b->len)
        return "";
    return b->ptr + off - 1;
}

/* The verdict, the award and the year: all a passing summary says. */
static void summary_head(text_out *t, const rt *r, int v, int award,
                         int year)
{
    char y[16];
    int yn = snprintf(y, sizeof y, " %d", year);
    puts_(t, v == R_PASS      ? TDKT_TR(r->ctx.lang, "đạt chuẩn", "meets")
             : v == R_UNKNOWN ? TDKT_TR(r->ctx.lang, "chưa xác định chuẩn",
                                        "cannot yet tell")
                              : TDKT_TR(r->ctx.lang, "không đạt chuẩn",
                                        "does not meet"));
    put(t, " ", 1);
    puts_(t, tdkt_vocab_code(TDKT_V_AWARD, award));
    put(t, y, (size_t)yn);
}

/* What meets() says of a judgement: the verdict, and unless it passes,
 * each failing or undecided criterion with its detail. One writer for
 * nested judgements and for the top-level ones that seed the memo, so the
 * two are byte-identical. @p scratch: the details are scratch offsets. */
static void summary(const rt *r, const tdkt_form *f, int v, int year,
                    const int8_t *result, char *const *details,
                    const tdkt_buf *scratch, char *detail, size_t dn)
{
    text_out t = {detail, dn, 0};
    summary_head(&t, r, v, f->award, year);
    int listed = 0;
    if (v != R_PASS)
        for (int i = 0; i < f->nnodes && t.len + 8 < dn; i++) {
            if (f->nodes[i].kind != RN_CRITERION ||
                (result[i] != R_FAIL && result[i] != R_UNKNOWN))
                continue;
            const char *dt = scratch ? scratch_str(scratch, details[i])
                             : details[i] ? details[i]
                                          : "";
            put(&t, listed++ ? "; " : ": ", 2);
            puts_(&t, f->nodes[i].id);
            if (dt[0]) {
                put(&t, " (", 2);
                puts_(&t, dt);
                put(&t, ")", 1);
            }
        }
    end(&t);
}

static int nested(rt *r, int award, int32_t subject, int year, char *detail,
                  size_t dn, bool verdict_only)
{
    const tdkt_index *ix = r->ctx.ix;
    const ix_subject *s = &ix->subjects[subject];
    const tdkt_form *f = rs_form(r->rs, award, s->type);
    const char *code = tdkt_vocab_code(TDKT_V_AWARD, award);
    if (!f) {
        snprintf(detail, dn,
                 RT_TR(r,
                       "meets: bộ quy tắc %s không có hình thức '%s' cho %s",
                       "meets: rule set %s has no form '%s' for a %s"),
                 r->rs->id, code,
                 s->type == TDKT_UNIT ? RT_TR(r, "tập thể", "unit")
                                      : RT_TR(r, "cá nhân", "person"));
        return R_ERROR;
    }
    int d = r->depth + 1;
    if (d >= RT_MAX_DEPTH) {
        snprintf(detail, dn,
                 RT_TR(r, "meets('%s'): lồng nhau quá %d cấp",
                       "meets('%s'): nested more than %d deep"),
                 code, RT_MAX_DEPTH - 1);
        return R_ERROR;
    }
    r->forms |= rt_form_bit(f);
    struct rt_out_scratch *sc = &r->scratch[d];
    if (sc->cap < f->nnodes) {
        int8_t *res = realloc(sc->result, (size_t)f->nnodes);
        char **det = realloc(sc->detail, (size_t)f->nnodes * sizeof *det);
        if (res)
            sc->result = res;
        if (det)
            sc->detail = det;
        if (!res || !det) {
            r->host_oom = true; /* the host's memory: the command fails */
            snprintf(detail, dn, "out of memory");
            return R_ERROR;
        }
        sc->cap = f->nnodes;
    }
    tdkt_buf *text = &r->scratch_text[d];
    text->len = 0;
    rt_out out;
    rt_out_init(&out, sc->result, sc->detail, scratch_alloc, text);
    ix_nomination n = {0};
    n.subject = subject;
    n.code = (uint8_t)award;
    n.kind = TDKT_MERIT;
    n.year = (int16_t)year;
    int saved = r->depth;
    const rule_node *running = r->running;
    const tdkt_form *running_form = r->running_form;
    r->depth = d;
    int v = rt_eval_form(r, f, subject, &n, &out, verdict_only);
    /* A script could change a local, ask meets() and put the local back:
     * the judgement asked for would then depend on who asked, and be
     * memoised for everyone, while the check after the nomination sees
     * the local as it was. So the form is checked as it ends here (the
     * forms it asked in turn were, as they ended), and a change stops the
     * whole nomination. */
    if (v != R_ERROR && !rt_check_state(r, rt_form_bit(f))) {
        v = R_ERROR;
        snprintf(out.error, sizeof out.error, "%s", r->kill_msg);
        rt_stop(r);
    }
    if (text->oom) /* details lost: the command fails (eval.c) */
        r->host_oom = true;
    r->depth = saved;
    r->running = running;
    r->running_form = running_form;
    if (v == R_ERROR)
        snprintf(detail, dn, "%s", out.error);
    else if (verdict_only || r->quiet)
        rt_copy_text(detail, dn, ""); /* skipped criteria, or no details */
    else
        summary(r, f, v, year, out.result, out.detail, text, detail, dn);
    return v;
}

/* ----------------------------------------------------------- memo */

/* The memoised meets(): each question is judged once per run and set,
 * whatever the thread. Errors are not kept (the nomination fails anyway,
 * and a later one deserves its own message), nor judgements that were
 * refused a meets() for depth: at another depth they would differ.
 * Without a summary wanted the judgement is for its verdict only (see
 * run_criteria), and kept as such: a meets() that shows a summary judges
 * again in full, and keeps that. A quiet state judges in full but writes
 * no summary (rt.quiet): a full state that shows one judges again too.
 * Either way the verdict is the same, so it does not depend on which came
 * first. */
int rt_meets(rt *r, int award, int32_t subject, int year, char *detail,
             size_t dn, bool want_summary)
{
    /* a hit is never an error: without a summary it writes nothing; a
     * quiet state asks for the full judgement but never its summary */
    bool write = detail && want_summary && !r->quiet;
    int d = r->depth + 1;
    uint64_t key = rt_memo_key(award, subject, year);
    char text[400];
    rt_memo_val mv;
    const rt_judged *src;
    if (r->memo &&
        rt_memo_get(r->memo, key, &mv, write ? text : NULL, sizeof text,
                    &src) &&
        d + mv.height < RT_MAX_DEPTH &&
        !(want_summary && (mv.verdict_only || (mv.quiet && !r->quiet)))) {
        /* as if it ran here: as deep, the same forms */
        if (d + mv.height > r->reach)
            r->reach = d + mv.height;
        r->forms |= mv.forms;
        if (!write) {
        } else if (mv.result == R_PASS) { /* kept without its text */
            text_out t = {detail, dn, 0};
            summary_head(&t, r, R_PASS, award, year);
            end(&t);
        } else if (src) { /* a seed: its summary now, as nested() writes */
            summary(r, src->f, mv.result, src->year, src->result,
                    src->detail, NULL, detail, dn);
        } else {
            rt_copy_text(detail, dn, text);
        }
        return mv.result;
    }
    int reach = r->reach;
    uint32_t forms = r->forms;
    r->reach = d;
    r->forms = 0;
    int v = nested(r, award, subject, year, text, sizeof text, !want_summary);
    mv.result = (int8_t)v;
    mv.height = (uint8_t)(r->reach - d);
    mv.forms = r->forms;
    mv.verdict_only = !want_summary;
    mv.quiet = r->quiet;
    bool keep = v != R_ERROR && r->reach < RT_MAX_DEPTH;
    if (reach > r->reach)
        r->reach = reach;
    r->forms |= forms;
    if (write || v == R_ERROR)
        rt_copy_text(detail, dn, text);
    if (keep && r->memo)
        rt_memo_put(r->memo, key, &mv,
                    v == R_PASS || mv.verdict_only || mv.quiet ? NULL : text,
                    NULL);
    return v;
}

int rt_eval_top(rt *r, const tdkt_form *f, const ix_nomination *n,
                rt_out *out, const uint8_t *only)
{
    r->depth = 0;
    r->reach = 0;
    r->forms = rt_form_bit(f);
    r->top_nom = n;
    r->top_nom_read = false;
    int v = eval_form(r, f, n->subject, n, out, false, only);
    r->top_nom = NULL;
    return v;
}

bool rt_seedable(const rt *r, const tdkt_form *f, const ix_nomination *n,
                 int v)
{
    /* nested()'s synthetic nomination: this code, subject and year, kind
     * merit, nothing else; the same form of the same set */
    return r->memo && v != R_ERROR && n->kind == TDKT_MERIT &&
           !r->top_nom_read && r->reach < RT_MAX_DEPTH && n->code == f->award;
}

void rt_memo_seed(rt *r, const ix_nomination *n, int v, const rt_judged *src)
{
    /* a quiet judgement has no details to make a summary of */
    rt_memo_val mv = {(int8_t)v, (uint8_t)r->reach, r->forms, false,
                      r->quiet};
    rt_memo_put(r->memo, rt_memo_key(n->code, n->subject, n->year), &mv,
                NULL, r->quiet ? NULL : src);
}
