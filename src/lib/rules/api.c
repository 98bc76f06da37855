/*
 * What rules can see: the subject and the nomination, as userdata whose
 * methods read the in-memory index (no SQL, no files, no clock), and the
 * result helpers pass / fail / unknown and meets().
 *
 * The userdata are made once per state and depth and re-pointed at each
 * nomination, so judging one allocates nothing here.
 *
 * Reads are the hot path of every rule, so each handle has its own
 * metatables (made in rt_bind), laid out for the VM's own lookups:
 * - a subject's __index is a table of its methods, so `s:rating(y)` finds
 *   its function without calling C; a miss falls to that table's own
 *   __index, a C closure that knows its subject (upvalue) and maps the
 *   field name to a number with one table lookup (pre-interned names);
 * - a nomination's __index is a table holding `fact`, and `year` copied
 *   in at each nomination (rules read n.year over and over); the other
 *   fields fall to a C closure as above. A stale handle wears another
 *   metatable, whose __index raises the stale handle error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "rules/rules_internal.h"

/* registry: the host box, a userdata holding the rt * (NULL until
 * rt_bind); meets() and tr() have it as upvalue 1, which is cheaper to
 * reach than the registry at every call. */
static const char HOST_KEY_API = 'a';

/* Scripts cannot make userdata, so the only ones they hold are these two,
 * told apart by a tag: cheaper than luaL_checkudata's registry lookup by
 * name, which every method call would pay. */
enum { SUBJ_TAG = 0x53554a42, NOM_TAG = 0x4e4f4d49 };

typedef struct subj_ud {
    uint32_t tag;
    rt *r;
    int32_t subject;
} subj_ud;

typedef struct nom_ud {
    uint32_t tag;
    rt *r;
    const ix_nomination *n;
    int year;  /* the year in the field table (only this file writes it) */
    bool live; /* wearing the live metatable */
} nom_ud;

/* A nomination handle's user values (rt_bind): the table its live
 * metatable's __index points at, its live metatable and the stale one. */
enum { NUV_FIELDS = 1, NUV_LIVE, NUV_STALE, NUV_COUNT_ };

/* The only full userdata a script can reach are the handles below (it
 * cannot make any), all larger than the tag: checking the type and the
 * tag is enough. */
static void *check_tagged(lua_State *L, int idx, uint32_t tag,
                          const char *name)
{
    uint32_t *u = lua_type(L, idx) == LUA_TUSERDATA ? lua_touserdata(L, idx)
                                                    : NULL;
    if (!u || *u != tag)
        luaL_typeerror(L, idx, name);
    return u;
}

static rt *api_host(lua_State *L)
{
    return *(rt **)lua_touserdata(L, lua_upvalueindex(1));
}

static void stale_subject(lua_State *L)
{
    luaL_error(L, RT_TR_L(L,
                          "đối tượng (s) chỉ dùng được trong khi đề nghị "
                          "của nó đang được xét",
                          "the subject is only valid while its nomination "
                          "is judged"));
}

static subj_ud *check_subject(lua_State *L, int idx)
{
    subj_ud *u = check_tagged(L, idx, SUBJ_TAG, "tdkt.subject");
    if (!u->r || u->subject < 0)
        stale_subject(L);
    return u;
}

static const ix_subject *subject_of(const subj_ud *u, const tdkt_index **ix)
{
    *ix = u->r->ctx.ix;
    return &(*ix)->subjects[u->subject];
}

static const ix_subject *subj(lua_State *L, int idx, const tdkt_index **ix)
{
    return subject_of(check_subject(L, idx), ix);
}

/* Argument @p arg as a code of domain @p d, or an error naming the domain. */
static int check_enum(lua_State *L, int arg, tdkt_vocab_domain d)
{
    const char *s = luaL_checkstring(L, arg);
    int v = tdkt_vocab_lookup(d, s);
    if (v < 0) {
        const rt *r = rt_host(L);
        return luaL_error(L, RT_TR(r, "không có %s '%s'", "unknown %s '%s'"),
                          tdkt_vocab_domain_name(d, r->ctx.lang), s);
    }
    return v;
}

/* An optional code argument: absent or nil gives @p dflt. */
static int opt_enum(lua_State *L, int arg, tdkt_vocab_domain d, int dflt)
{
    return lua_isnoneornil(L, arg) ? dflt : check_enum(L, arg, d);
}

static int check_year(lua_State *L, int arg)
{
    lua_Integer y = luaL_checkinteger(L, arg);
    if (y < TDKT_YEAR_MIN || y > TDKT_YEAR_MAX)
        return luaL_error(L,
                          RT_TR_L(L, "năm %d nằm ngoài phạm vi cho phép",
                                  "year %d is out of range"),
                          (int)y);
    return (int)y;
}

/* An integer argument as an int (clamped: any year range reads the same
 * as the widest one). */
static int check_int(lua_State *L, int arg)
{
    lua_Integer v = luaL_checkinteger(L, arg);
    return v < INT_MIN ? INT_MIN : v > INT_MAX ? INT_MAX : (int)v;
}

/* The codes of a vocabulary domain as Lua strings, index value + 1:
 * pushed by lua_rawgeti, already interned (no hashing per read). */
static void push_code_strings(lua_State *L, tdkt_vocab_domain d)
{
    int n = tdkt_vocab_count(d);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, tdkt_vocab_code(d, i));
        lua_rawseti(L, -2, i + 1);
    }
}

/* ------------------------------------------------- result helpers */

static int result_helper(lua_State *L)
{
    /* upvalue 1: true, false or nil; returns it and the detail. pass()
     * is pass(nil): the detail's type is read before the upvalue is
     * pushed, which would otherwise take slot 1 and be read as it. */
    int t = lua_type(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    if (t == LUA_TNONE)
        lua_pushnil(L);
    else if (t == LUA_TNIL || t == LUA_TSTRING)
        lua_pushvalue(L, 1);
    else if (t == LUA_TNUMBER)
        lua_pushstring(L, lua_tostring(L, 1));
    else
        return luaL_error(L,
                          RT_TR_L(L,
                                  "phần giải thích của kết quả phải là "
                                  "văn bản, không phải %s",
                                  "a result's detail must be text, not a %s"),
                          luaL_typename(L, 1));
    return 2;
}

/* ------------------------------------------------------ subject: any */

static int s_rating(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    const ix_appraisal *a = ix_appraisal_of(ix, s, check_year(L, 2));
    if (!a || a->rating == IX_NONE)
        return 0;
    lua_rawgeti(L, lua_upvalueindex(1), a->rating + 1); /* the codes */
    return 1;
}

static int s_ratings(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int y1 = check_year(L, 2), y2 = check_year(L, 3);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    /* "2020: excellent, 2021: —", by hand (a detail of most forms): the
     * years are checked to have four digits. */
    for (int y = y1; y <= y2 && y - y1 < 100; y++) {
        const ix_appraisal *a = ix_appraisal_of(ix, s, y);
        if (y > y1)
            luaL_addlstring(&b, ", ", 2);
        char head[6] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                        (char)('0' + y / 10 % 10), (char)('0' + y % 10), ':',
                        ' '};
        luaL_addlstring(&b, head, sizeof head);
        luaL_addstring(&b, a && a->rating != IX_NONE
                               ? tdkt_vocab_code(TDKT_V_RATING, a->rating)
                               : "—");
    }
    luaL_pushresult(&b);
    return 1;
}

static int s_streak(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int level = check_enum(L, 2, TDKT_V_RATING);
    int y = check_year(L, 3);
    int n = 0;
    for (;; y--, n++) {
        const ix_appraisal *a = ix_appraisal_of(ix, s, y);
        if (!a || a->rating == IX_NONE || a->rating < level)
            break;
    }
    lua_pushinteger(L, n);
    return 1;
}

static int s_count_rated(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int level = check_enum(L, 2, TDKT_V_RATING);
    int y1 = check_year(L, 3), y2 = check_year(L, 4);
    int n = 0;
    const ix_appraisal *a = ix->app + s->app.off;
    for (uint32_t i = 0; i < s->app.n; i++)
        if (a[i].year >= y1 && a[i].year <= y2 && a[i].rating != IX_NONE &&
            a[i].rating >= level)
            n++;
    lua_pushinteger(L, n);
    return 1;
}


/* Months worked in y: maternity leave, duty-injury treatment and training
 * count as worked (NĐ 91 Đ10; TT 01/2024 Đ1 k5; NĐ 98 Đ4); a hire during
 * the year counts from the hire date, in fractions of a month. */
static int s_months(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int y = check_year(L, 2);
    double since_hire = 12;
    if (s->hired) {
        int hy = TDKT_DATE_YEAR(s->hired);
        int hm = (int)(s->hired / 100 % 100), hd = (int)(s->hired % 100);
        if (hy > y)
            since_hire = 0;
        else if (hy == y) {
            int dim = tdkt_days_in_month(hy, hm);
            since_hire = (12 - hm) + (double)(dim - hd + 1) / dim;
        }
    }
    const ix_appraisal *a = ix_appraisal_of(ix, s, y);
    double m;
    if (a) {
        m = a->months;
        if (a->absence == TDKT_MATERNITY || a->absence == TDKT_WORK_INJURY ||
            a->absence == TDKT_TRAINING)
            m = 12;
        if (since_hire < m)
            m = since_hire;
    } else if (s->hired && TDKT_DATE_YEAR(s->hired) >= y) {
        m = since_hire; /* hired that year (or after it: 0) */
    } else {
        return 0;
    }
    lua_pushnumber(L, m);
    return 1;
}

/* Read an option table's field `name` (index opt) as a set of codes of
 * domain d, into a bitmask. Absent: returns `dflt`. */
static unsigned opt_codes(lua_State *L, int opt, const char *name,
                          tdkt_vocab_domain d, unsigned dflt)
{
    if (opt == 0 || lua_getfield(L, opt, name) == LUA_TNIL) {
        if (opt)
            lua_pop(L, 1);
        return dflt;
    }
    unsigned mask = 0;
    if (lua_isstring(L, -1)) {
        int v = tdkt_vocab_lookup(d, lua_tostring(L, -1));
        if (v < 0)
            luaL_error(
                L, RT_TR_L(L, "%s: không có mã '%s'", "%s: unknown code '%s'"),
                name, lua_tostring(L, -1));
        mask = 1u << v;
    } else if (lua_istable(L, -1)) {
        for (lua_Integer i = 1;; i++) {
            if (lua_geti(L, -1, i) == LUA_TNIL) {
                lua_pop(L, 1);
                break;
            }
            const char *c = lua_tostring(L, -1);
            int v = c ? tdkt_vocab_lookup(d, c) : -1;
            if (v < 0)
                luaL_error(
                    L,
                    RT_TR_L(L, "%s: không có mã '%s'", "%s: unknown code '%s'"),
                    name, c ? c : "?");
            mask |= 1u << v;
            lua_pop(L, 1);
        }
    } else {
        luaL_error(L,
                   RT_TR_L(L, "%s: cần một mã hoặc một danh sách mã",
                           "%s: expected a code or a list of codes"),
                   name);
    }
    lua_pop(L, 1);
    return mask;
}

static lua_Integer opt_int(lua_State *L, int opt, const char *name,
                           lua_Integer dflt)
{
    if (opt == 0)
        return dflt;
    lua_getfield(L, opt, name);
    lua_Integer v = lua_isnil(L, -1) ? dflt : luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    return v;
}

static bool opt_bool(lua_State *L, int opt, const char *name)
{
    if (opt == 0)
        return false;
    lua_getfield(L, opt, name);
    bool v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* The honours filter shared by honours() and latest(). */
typedef struct hfilter {
    unsigned codes, kinds;
    int from, to;
    int skip_award, skip_year; /* the award being judged: -1, none */
} hfilter;

/* The honour that the judgement under way decides, when @p s is its
 * subject: a nomination judged again once its honour was conferred must
 * not find that honour among its previous ones (a BK TTg of 2024 is no
 * "previous BK TTg" of the BK TTg of 2024). */
static void skip_judged(const subj_ud *u, hfilter *f)
{
    const rt *r = u->r;
    const struct rt_judging *j = &r->judging[r->depth];
    bool same = u->subject == j->subject;
    f->skip_award = same ? j->award : -1;
    f->skip_year = same ? j->year : -1;
}

/* The filter of honours of subject @p u the options at @p opt ask for. */
static void read_hfilter(lua_State *L, const subj_ud *u, int opt, hfilter *f,
                         bool need_code)
{
    f->codes = opt_codes(L, opt, "code", TDKT_V_AWARD, 0);
    if (need_code && !f->codes)
        luaL_error(L, RT_TR_L(L, "honours: cần nêu mã khen thưởng (code)",
                              "honours: say which code"));
    unsigned kinds = opt_codes(L, opt, "kinds", TDKT_V_KIND, ~0u);
    unsigned excl = opt_codes(L, opt, "exclude_kinds", TDKT_V_KIND, 0);
    f->kinds = kinds & ~excl;
    f->from = (int)opt_int(L, opt, "from", 0);
    f->to = (int)opt_int(L, opt, "to", 9999);
    skip_judged(u, f);
}

static bool hmatch(const ix_honour *h, const hfilter *f)
{
    return (f->codes >> h->code & 1) && (f->kinds >> h->kind & 1) &&
           h->year >= f->from && h->year <= f->to &&
           !(h->code == f->skip_award && h->year == f->skip_year);
}

/* Whether an honour before @p i matches @p f with h[i]'s code and year. */
static bool counted_before(const ix_honour *h, uint32_t i, const hfilter *f)
{
    for (uint32_t k = 0; k < i; k++)
        if (h[k].code == h[i].code && h[k].year == h[i].year &&
            hmatch(&h[k], f))
            return true;
    return false;
}

/* honours{…, per_year = true}: a year counts once for each code, however
 * many honours of it the year has. A title (danh hiệu) is one a year: two
 * records of one year (a merit one and an ad-hoc one, or a correction
 * imported with another kind) are not two titles. A subject holds a few
 * honours: a look back at those before costs less than a set. */
static int s_honours(lua_State *L)
{
    const tdkt_index *ix;
    const subj_ud *u = check_subject(L, 1);
    const ix_subject *s = subject_of(u, &ix);
    luaL_checktype(L, 2, LUA_TTABLE);
    hfilter f;
    read_hfilter(L, u, 2, &f, true);
    bool per_year = opt_bool(L, 2, "per_year");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_honour *h = ix->hon + s->hon.off;
    for (uint32_t i = 0; i < s->hon.n; i++) {
        if (!hmatch(&h[i], &f) || (per_year && counted_before(h, i, &f)))
            continue;
        char item[16];
        snprintf(item, sizeof item, "%s%d", n ? ", " : "", h[i].year);
        luaL_addstring(&b, item);
        n++;
    }
    luaL_pushresult(&b); /* before anything else is pushed */
    lua_pushinteger(L, n);
    lua_insert(L, -2);
    return 2;
}

static int s_latest(lua_State *L)
{
    const tdkt_index *ix;
    const subj_ud *u = check_subject(L, 1);
    const ix_subject *s = subject_of(u, &ix);
    int code = check_enum(L, 2, TDKT_V_AWARD);
    int opt = lua_istable(L, 3) ? 3 : 0;
    hfilter f;
    read_hfilter(L, u, opt, &f, false);
    f.codes = 1u << code;
    /* A cap on the year as a plain argument: the prelude asks "latest up
     * to y" with a form's constant options, which would otherwise need a
     * new options table per call. */
    if (!lua_isnoneornil(L, 4)) {
        lua_Integer upto = luaL_checkinteger(L, 4);
        if (upto < f.to)
            f.to = (int)(upto < 0 ? 0 : upto);
    }
    int best = 0;
    const ix_honour *h = ix->hon + s->hon.off;
    for (uint32_t i = 0; i < s->hon.n; i++)
        if (hmatch(&h[i], &f) && h[i].year > best)
            best = h[i].year;
    if (!best)
        return 0;
    lua_pushinteger(L, best);
    return 1;
}

/* The initiatives filter shared by initiatives() and
 * count_initiatives(). */
typedef struct ifilter {
    int from, to, scope;
    unsigned kinds;
    bool unused, applied;
} ifilter;

static bool imatch(const ix_initiative *r, const ifilter *f)
{
    return r->year >= f->from && r->year <= f->to && r->scope >= f->scope &&
           (f->kinds >> r->kind & 1) && !(f->unused && r->used) &&
           !(f->applied && !r->applied);
}

static int s_initiatives(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int opt = lua_istable(L, 2) ? 2 : 0;
    ifilter f;
    f.from = (int)opt_int(L, opt, "from", 0);
    f.to = (int)opt_int(L, opt, "to", 9999);
    f.scope = 0;
    if (opt && lua_getfield(L, opt, "scope") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, opt, "scope");
        f.scope = check_enum(L, -1, TDKT_V_SCOPE);
    }
    if (opt)
        lua_pop(L, 1);
    f.kinds = opt_codes(L, opt, "kinds", TDKT_V_INIT_KIND, ~0u);
    f.unused = opt_bool(L, opt, "unused");
    f.applied = opt_bool(L, opt, "applied");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_initiative *r = ix->ini + s->ini.off;
    for (uint32_t i = 0; i < s->ini.n; i++) {
        if (!imatch(&r[i], &f))
            continue;
        if (n)
            luaL_addstring(&b, ", ");
        luaL_addstring(&b, ix->init_names[r[i].id]);
        n++;
    }
    luaL_pushresult(&b); /* before anything else is pushed */
    lua_pushinteger(L, n);
    lua_insert(L, -2);
    return 2;
}

/* s:count_initiatives(y1, y2 [, scope]): the count alone, from plain
 * arguments: no option table to build, no list of ids (the hot path of
 * rules that only compare a count). */
static int s_count_initiatives(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    ifilter f = {0, 0, 0, ~0u, false, false};
    f.from = check_int(L, 2);
    f.to = check_int(L, 3);
    f.scope = opt_enum(L, 4, TDKT_V_SCOPE, 0);
    int n = 0;
    const ix_initiative *r = ix->ini + s->ini.off;
    for (uint32_t i = 0; i < s->ini.n; i++)
        n += imatch(&r[i], &f);
    lua_pushinteger(L, n);
    return 1;
}

/* The disciplines filter shared by disciplines() and
 * count_disciplines(): measures dated in from..to at or above level. */
static bool dmatch(const ix_discipline *d, int from, int to, int level)
{
    int y = TDKT_DATE_YEAR(d->date);
    return y >= from && y <= to && d->level >= level;
}

static int s_disciplines(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int opt = lua_istable(L, 2) ? 2 : 0;
    int from = (int)opt_int(L, opt, "from", 0);
    int to = (int)opt_int(L, opt, "to", 9999);
    int level = 0;
    if (opt && lua_getfield(L, opt, "level") != LUA_TNIL)
        level = check_enum(L, -1, TDKT_V_LEVEL);
    if (opt)
        lua_pop(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_discipline *d = ix->dis + s->dis.off;
    for (uint32_t i = 0; i < s->dis.n; i++) {
        if (!dmatch(&d[i], from, to, level))
            continue;
        char item[64], date[11];
        snprintf(item, sizeof item, "%s%s: %s", n ? ", " : "",
                 tdkt_date_format(date, d[i].date),
                 tdkt_vocab_code(TDKT_V_LEVEL, d[i].level));
        luaL_addstring(&b, item);
        n++;
    }
    luaL_pushresult(&b); /* before anything else is pushed */
    lua_pushinteger(L, n);
    lua_insert(L, -2);
    return 2;
}

/* s:count_disciplines(y1, y2 [, level]): the count alone (as
 * count_initiatives). */
static int s_count_disciplines(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int from = check_int(L, 2), to = check_int(L, 3);
    int level = opt_enum(L, 4, TDKT_V_LEVEL, 0);
    int n = 0;
    const ix_discipline *d = ix->dis + s->dis.off;
    for (uint32_t i = 0; i < s->dis.n; i++)
        n += dmatch(&d[i], from, to, level);
    lua_pushinteger(L, n);
    return 1;
}

/* A measure without an end date is taken to last twelve months (the usual
 * period; the exact periods were not researched, domain §5.7). */
static tdkt_date period_end(const ix_discipline *d)
{
    if (d->ends)
        return d->ends;
    tdkt_date end = d->date + 10000; /* same day next year */
    if (end % 10000 == 229 && tdkt_days_in_month(TDKT_DATE_YEAR(end), 2) < 29)
        end -= 1; /* 29 February → 28 February */
    return end;
}

static int s_in_discipline(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    tdkt_date when;
    if (tdkt_date_parse(&when, luaL_checkstring(L, 2)) < 0)
        return luaL_error(L, RT_TR_L(L,
                                     "in_discipline: cần một ngày dạng "
                                     "YYYY-MM-DD",
                                     "in_discipline: expected a date "
                                     "YYYY-MM-DD"));
    const ix_discipline *d = ix->dis + s->dis.off;
    bool in = false;
    for (uint32_t i = 0; i < s->dis.n && !in; i++)
        in = d[i].date <= when && when <= period_end(&d[i]);
    lua_pushboolean(L, in);
    return 1;
}

static int s_discipline_end(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int level = lua_isnoneornil(L, 2)
                    ? 0
                    : check_enum(L, 2, TDKT_V_LEVEL);
    /* upto: only measures dated by the end of that year */
    int upto = lua_isnoneornil(L, 3) ? 9999 : check_year(L, 3);
    tdkt_date last = 0;
    const ix_discipline *d = ix->dis + s->dis.off;
    for (uint32_t i = 0; i < s->dis.n; i++)
        if (d[i].level >= level && TDKT_DATE_YEAR(d[i].date) <= upto &&
            period_end(&d[i]) > last)
            last = period_end(&d[i]);
    if (!last)
        return 0;
    char date[11];
    lua_pushstring(L, tdkt_date_format(date, last));
    return 1;
}

static void push_fact(lua_State *L, const ix_fact *f)
{
    if (!f)
        lua_pushnil(L);
    else if (f->is_num) {
        lua_Integer i;
        if (lua_numbertointeger(f->num, &i) && (double)i == f->num)
            lua_pushinteger(L, i); /* "1" reads as 1, not 1.0 */
        else
            lua_pushnumber(L, f->num);
    }
    else
        lua_pushstring(L, f->value);
}

static int s_fact(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    const char *key = luaL_checkstring(L, 2);
    int y = lua_isnoneornil(L, 3) ? 0 : check_year(L, 3);
    push_fact(L, ix_subject_fact(ix, s, ix_fact_key(ix, key), y));
    return 1;
}

static int s_unit_in(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    if (s->type != TDKT_PERSON)
        return luaL_error(L, RT_TR_L(L, "unit_in: chỉ dùng cho cá nhân",
                                     "unit_in: only for a person"));
    int32_t u = ix_unit_in(ix, s, check_year(L, 2));
    if (u < 0)
        return 0;
    lua_pushstring(L, ix->subjects[u].id);
    return 1;
}

/* ------------------------------------------------------- unit members */

typedef struct member_q {
    enum { MQ_COUNT, MQ_WITH, MQ_RATED, MQ_DISC, MQ_MEETING } what;
    int arg;  /* code, rating or level */
    int year;
    int count, total, unknown;
    rt *r;
    char error[400]; /* a member's form failed: the unit's fails too */
} member_q;

static void visit_unit(const tdkt_index *ix, int32_t u, bool sub,
                       member_q *q, int depth)
{
    const ix_subject *unit = &ix->subjects[u];
    for (uint32_t i = 0; i < unit->members.n; i++) {
        int32_t p = ix->members[unit->members.off + i];
        const ix_subject *ps = &ix->subjects[p];
        if (ix_unit_in(ix, ps, q->year) != u)
            continue;
        q->total++;
        bool yes = false;
        switch (q->what) {
        case MQ_COUNT:
            yes = true;
            break;
        case MQ_WITH:
        case MQ_MEETING: {
            const ix_honour *h = ix->hon + ps->hon.off;
            for (uint32_t k = 0; k < ps->hon.n && !yes; k++)
                yes = h[k].code == q->arg && h[k].year == q->year;
            if (!yes && q->what == MQ_MEETING && !q->error[0]) {
                char detail[400];
                int res = rt_meets(q->r, q->arg, p, q->year, detail,
                                   sizeof detail, false);
                yes = res == R_PASS;
                if (res == R_UNKNOWN)
                    q->unknown++;
                if (res == R_ERROR)
                    snprintf(q->error, sizeof q->error, "%s", detail);
            }
            break;
        }
        case MQ_RATED: {
            const ix_appraisal *a = ix_appraisal_of(ix, ps, q->year);
            yes = a && a->rating != IX_NONE && a->rating >= q->arg;
            break;
        }
        case MQ_DISC: {
            const ix_discipline *d = ix->dis + ps->dis.off;
            for (uint32_t k = 0; k < ps->dis.n && !yes; k++)
                yes = TDKT_DATE_YEAR(d[k].date) == q->year &&
                      d[k].level >= q->arg;
            break;
        }
        }
        q->count += yes;
    }
    if (sub && depth < 8)
        for (uint32_t i = 0; i < unit->children.n; i++)
            visit_unit(ix, ix->children[unit->children.off + i], sub, q,
                       depth + 1);
}

static int members_common(lua_State *L, int what, tdkt_vocab_domain d)
{
    subj_ud *u = check_subject(L, 1);
    const tdkt_index *ix = u->r->ctx.ix;
    if (ix->subjects[u->subject].type != TDKT_UNIT)
        return luaL_error(L, RT_TR_L(L, "members: chỉ dùng cho tập thể",
                                     "members: only for a unit"));
    member_q q = {0};
    q.what = what;
    q.r = u->r;
    int argi = 2;
    if (what != MQ_COUNT)
        q.arg = check_enum(L, argi++, d);
    q.year = check_year(L, argi++);
    bool sub = lua_istable(L, argi) && opt_bool(L, argi, "subunits");
    visit_unit(ix, u->subject, sub, &q, 0);
    if (q.error[0])
        return luaL_error(L, "%s", q.error);
    lua_pushinteger(L, what == MQ_COUNT ? q.total : q.count);
    lua_pushinteger(L, q.total);
    lua_pushinteger(L, q.unknown);
    return 3;
}

static int s_members(lua_State *L)
{
    return members_common(L, MQ_COUNT, TDKT_V_AWARD);
}
static int s_members_with(lua_State *L)
{
    return members_common(L, MQ_WITH, TDKT_V_AWARD);
}
static int s_members_rated(lua_State *L)
{
    return members_common(L, MQ_RATED, TDKT_V_RATING);
}
static int s_members_disciplined(lua_State *L)
{
    return members_common(L, MQ_DISC, TDKT_V_LEVEL);
}
static int s_members_meeting(lua_State *L)
{
    return members_common(L, MQ_MEETING, TDKT_V_AWARD);
}

static const luaL_Reg subject_methods[] = {
    {"rating", s_rating},
    {"ratings", s_ratings},
    {"streak", s_streak},
    {"count_rated", s_count_rated},
    {"months", s_months},
    {"honours", s_honours},
    {"latest", s_latest},
    {"initiatives", s_initiatives},
    {"count_initiatives", s_count_initiatives},
    {"disciplines", s_disciplines},
    {"count_disciplines", s_count_disciplines},
    {"in_discipline", s_in_discipline},
    {"discipline_end", s_discipline_end},
    {"fact", s_fact},
    {"unit_in", s_unit_in},
    {"members", s_members},
    {"members_with", s_members_with},
    {"members_rated", s_members_rated},
    {"members_disciplined", s_members_disciplined},
    {"members_meeting", s_members_meeting},
    {NULL, NULL}};

static void push_opt_str(lua_State *L, const char *s)
{
    if (s)
        lua_pushstring(L, s);
    else
        lua_pushnil(L);
}

static void push_code(lua_State *L, tdkt_vocab_domain d, int v)
{
    push_opt_str(L, v == IX_NONE ? NULL : tdkt_vocab_code(d, v));
}

static void push_opt_date(lua_State *L, tdkt_date d)
{
    char date[11];
    if (d)
        lua_pushlstring(L, tdkt_date_format(date, d), 10);
    else
        lua_pushnil(L);
}

/* ----------------------------------------------------- record fields */

/* Every record field of a subject or a nomination, by name. The names
 * table (name → F_*) is an upvalue of the field readers: one lookup of
 * the key, already an interned string, instead of a chain of strcmp. */
enum {
    F_TYPE, F_ID, F_NAME, F_UNIT, F_IS_LEADER, F_CATEGORY, F_GENDER,
    F_ETHNIC, F_BIRTH_YEAR, F_HIRED, F_KIND, F_PARENT, F_BLOC, F_SMALL,
    F_CODE, F_YEAR, F_CAMPAIGN, F_PROPOSED_BY, F_SUBMITTED, F_COUNT_
};

static const char *const field_names[F_COUNT_] = {
    [F_TYPE] = "type", [F_ID] = "id", [F_NAME] = "name", [F_UNIT] = "unit",
    [F_IS_LEADER] = "is_leader", [F_CATEGORY] = "category",
    [F_GENDER] = "gender", [F_ETHNIC] = "ethnic_minority",
    [F_BIRTH_YEAR] = "birth_year", [F_HIRED] = "hired", [F_KIND] = "kind",
    [F_PARENT] = "parent", [F_BLOC] = "bloc", [F_SMALL] = "small",
    [F_CODE] = "code", [F_YEAR] = "year", [F_CAMPAIGN] = "campaign",
    [F_PROPOSED_BY] = "proposed_by", [F_SUBMITTED] = "submitted"};

/* The field named by the key at arg 2 (names: upvalue 2), or -1. */
static int field_of(lua_State *L)
{
    lua_pushvalue(L, 2);
    int f = lua_rawget(L, lua_upvalueindex(2)) == LUA_TNUMBER
                ? (int)lua_tointeger(L, -1)
                : -1;
    lua_pop(L, 1);
    return f;
}

/* Which subjects have each field; nomination fields belong to none. */
enum { FOR_PERSON = 1, FOR_UNIT = 2, FOR_BOTH = 3 };
static const unsigned char subject_has[F_COUNT_] = {
    [F_TYPE] = FOR_BOTH, [F_ID] = FOR_BOTH, [F_NAME] = FOR_BOTH,
    [F_UNIT] = FOR_PERSON, [F_IS_LEADER] = FOR_PERSON,
    [F_CATEGORY] = FOR_PERSON, [F_GENDER] = FOR_PERSON,
    [F_ETHNIC] = FOR_PERSON, [F_BIRTH_YEAR] = FOR_PERSON,
    [F_HIRED] = FOR_PERSON, [F_KIND] = FOR_UNIT, [F_PARENT] = FOR_UNIT,
    [F_BLOC] = FOR_UNIT, [F_SMALL] = FOR_UNIT};

/* s.field, when the key is no method: (methods, key), upvalues (the
 * subject handle, the names). */
static int subject_field(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, lua_upvalueindex(1), &ix);
    bool person = s->type == TDKT_PERSON;
    int f = field_of(L);
    if (f < 0 || !(subject_has[f] & (person ? FOR_PERSON : FOR_UNIT)))
        return luaL_error(L,
                          person ? RT_TR_L(L, "cá nhân không có trường '%s'",
                                           "a person has no field '%s'")
                                 : RT_TR_L(L, "tập thể không có trường '%s'",
                                           "a unit has no field '%s'"),
                          luaL_checkstring(L, 2));
    switch (f) {
    case F_TYPE:
        lua_pushstring(L, person ? "person" : "unit");
        break;
    case F_ID:
        lua_pushstring(L, s->id);
        break;
    case F_NAME:
        lua_pushstring(L, s->name);
        break;
    case F_UNIT:   /* a person's unit */
    case F_PARENT: /* a unit's parent */
        push_opt_str(L, s->unit >= 0 ? ix->subjects[s->unit].id : NULL);
        break;
    case F_IS_LEADER:
        lua_pushboolean(L, s->is_leader);
        break;
    case F_CATEGORY:
        push_code(L, TDKT_V_CATEGORY, s->category);
        break;
    case F_GENDER:
        push_code(L, TDKT_V_GENDER, s->gender);
        break;
    case F_ETHNIC:
        lua_pushboolean(L, s->ethnic);
        break;
    case F_BIRTH_YEAR:
        if (s->birth_year)
            lua_pushinteger(L, s->birth_year);
        else
            lua_pushnil(L);
        break;
    case F_HIRED:
        push_opt_date(L, s->hired);
        break;
    case F_KIND:
        push_code(L, TDKT_V_UNIT_KIND, s->kind);
        break;
    case F_BLOC:
        push_opt_str(L, s->bloc);
        break;
    default: /* F_SMALL */
        lua_pushboolean(L, s->small);
        break;
    }
    return 1;
}

/* ------------------------------------------------------- nomination */

static void stale_nomination(lua_State *L)
{
    luaL_error(L, RT_TR_L(L,
                          "đề nghị (n) chỉ dùng được trong khi đang được "
                          "xét",
                          "the nomination is only valid while it is "
                          "judged"));
}

static const ix_nomination *check_nom(lua_State *L, int idx,
                                      const tdkt_index **ix)
{
    nom_ud *u = check_tagged(L, idx, NOM_TAG, "tdkt.nomination");
    if (!u->r || !u->n)
        stale_nomination(L);
    *ix = u->r->ctx.ix;
    return u->n;
}

/* The rules read a field of the (checked) handle at @p idx that the
 * synthetic nominations of meets() lack: see rt_nom_read. */
static void nom_read(lua_State *L, int idx)
{
    const nom_ud *u = lua_touserdata(L, idx);
    rt_nom_read(u->r, u->n);
}

static int n_fact(lua_State *L)
{
    const tdkt_index *ix;
    const ix_nomination *n = check_nom(L, 1, &ix);
    nom_read(L, 1);
    push_fact(L, ix_nomination_fact(ix, n, ix_fact_key(ix,
                                                       luaL_checkstring(L, 2))));
    return 1;
}

/* n.field other than fact and year (in the handle's field table):
 * (fields, key), upvalues (the nomination handle, the names). */
static int nomination_field(lua_State *L)
{
    const tdkt_index *ix;
    const ix_nomination *n = check_nom(L, lua_upvalueindex(1), &ix);
    switch (field_of(L)) {
    case F_ID:
        nom_read(L, lua_upvalueindex(1));
        lua_pushstring(L, n->id ? n->id : "");
        return 1;
    case F_CODE:
        lua_pushstring(L, tdkt_vocab_code(TDKT_V_AWARD, n->code));
        return 1;
    case F_YEAR: /* not reached while the field table holds it */
        lua_pushinteger(L, n->year);
        return 1;
    case F_KIND:
        lua_pushstring(L, tdkt_vocab_code(TDKT_V_KIND, n->kind));
        return 1;
    case F_CAMPAIGN:
        nom_read(L, lua_upvalueindex(1));
        push_opt_str(L, n->campaign);
        return 1;
    case F_PROPOSED_BY:
        nom_read(L, lua_upvalueindex(1));
        push_opt_str(L, n->proposed_by);
        return 1;
    case F_SUBMITTED:
        nom_read(L, lua_upvalueindex(1));
        push_opt_date(L, n->submitted);
        return 1;
    default:
        return luaL_error(L,
                          RT_TR_L(L, "đề nghị không có trường '%s'",
                                  "a nomination has no field '%s'"),
                          luaL_checkstring(L, 2));
    }
}

/* The __index of a nomination handle between nominations. */
static int nomination_stale(lua_State *L)
{
    stale_nomination(L);
    return 0;
}

static int ud_tostring(lua_State *L)
{
    check_tagged(L, 1, SUBJ_TAG, "tdkt.subject");
    lua_pushliteral(L, "subject");
    return 1;
}

/* ------------------------------------------------------------ meets */

static int l_meets(lua_State *L)
{
    rt *r = api_host(L);
    int award = check_enum(L, 1, TDKT_V_AWARD);
    subj_ud *s = check_subject(L, 2);
    int year;
    if (!lua_isnoneornil(L, 4)) {
        year = check_year(L, 4);
    } else {
        const tdkt_index *ix;
        year = check_nom(L, 3, &ix)->year;
    }
    char detail[400];
    int res = rt_meets(r, award, s->subject, year, detail, sizeof detail,
                       true);
    if (res == R_ERROR)
        return luaL_error(L, "%s", detail);
    if (res == R_PASS)
        lua_pushboolean(L, 1);
    else if (res == R_FAIL)
        lua_pushboolean(L, 0);
    else
        lua_pushnil(L);
    lua_pushstring(L, detail);
    return 2;
}

static int l_tr(lua_State *L)
{
    rt *r = api_host(L);
    lua_settop(L, 2);
    lua_pushvalue(L, r && r->ctx.lang == TDKT_LANG_EN ? 2 : 1);
    return 1;
}

void rt_set_global(lua_State *L, const char *name);

void rt_open_api(lua_State *L)
{
    rt **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    lua_rawsetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);

    lua_pushboolean(L, 1);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "pass");
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "fail");
    lua_pushnil(L);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "unknown");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);
    lua_pushcclosure(L, l_meets, 1);
    rt_set_global(L, "meets");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);
    lua_pushcclosure(L, l_tr, 1);
    rt_set_global(L, "tr");
}

/* A metatable for a handle, __index at the top of the stack (popped);
 * pushes it. getmetatable() on the handle answers false. */
static void push_handle_mt(lua_State *L, bool subject)
{
    lua_createtable(L, 0, 3); /* index mt */
    lua_insert(L, -2);
    lua_setfield(L, -2, "__index");
    if (subject) {
        lua_pushcfunction(L, ud_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
}

/* Give the table at the top a metatable whose __index is fn, a closure
 * over (the handle at ud, the names at names). */
static void set_field_reader(lua_State *L, lua_CFunction fn, int ud,
                             int names)
{
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, ud);
    lua_pushvalue(L, names);
    lua_pushcclosure(L, fn, 2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

/* The subject handle of one depth: methods, then fields (see the top). */
static void new_subject_handle(lua_State *L, int names, int ratings)
{
    subj_ud *s = lua_newuserdatauv(L, sizeof *s, 0); /* ud */
    s->tag = SUBJ_TAG;
    s->r = NULL;
    s->subject = -1;
    int ud = lua_gettop(L);
    lua_createtable(L, 0, (int)(sizeof subject_methods /
                                sizeof *subject_methods)); /* ud methods */
    lua_pushvalue(L, ratings);
    luaL_setfuncs(L, subject_methods, 1);
    set_field_reader(L, subject_field, ud, names);
    push_handle_mt(L, true); /* ud mt */
    lua_setmetatable(L, ud);
}

/* The nomination handle of one depth, stale until rt_push_nomination. */
static void new_nomination_handle(lua_State *L, int names)
{
    nom_ud *n = lua_newuserdatauv(L, sizeof *n, NUV_COUNT_ - 1); /* ud */
    n->tag = NOM_TAG;
    n->r = NULL;
    n->n = NULL;
    n->year = 0;
    n->live = false;
    int ud = lua_gettop(L);
    /* The field table, with year already a key so that setting it per
     * nomination never allocates (that happens outside any protected
     * call). */
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, n_fact);
    lua_setfield(L, -2, "fact");
    lua_pushinteger(L, 0);
    lua_setfield(L, -2, "year");
    set_field_reader(L, nomination_field, ud, names);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, ud, NUV_FIELDS);
    push_handle_mt(L, false);
    lua_setiuservalue(L, ud, NUV_LIVE);
    lua_pushcfunction(L, nomination_stale);
    push_handle_mt(L, false);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, ud, NUV_STALE);
    lua_setmetatable(L, ud);
}

int rt_bind(rt *r)
{
    lua_State *L = r->L;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);
    *(rt **)lua_touserdata(L, -1) = r;
    lua_pop(L, 1);
    lua_createtable(L, 0, F_COUNT_); /* names */
    for (int f = 0; f < F_COUNT_; f++) {
        lua_pushinteger(L, f);
        lua_setfield(L, -2, field_names[f]);
    }
    int names = lua_gettop(L);
    push_code_strings(L, TDKT_V_RATING);
    int ratings = lua_gettop(L);
    for (int d = 0; d < RT_MAX_DEPTH; d++) {
        new_subject_handle(L, names, ratings);
        r->subj_ud[d] = luaL_ref(L, LUA_REGISTRYINDEX);
        new_nomination_handle(L, names);
        r->nom_ud[d] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_pop(L, 2);
    const tdkt_ruleset *rs = r->rs;
    r->form_params = calloc(rs->nforms ? rs->nforms : 1, sizeof(int));
    if (!r->form_params)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < rs->nforms; i++) {
        rt_push_params(r, &rs->forms[i]);
        r->form_params[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return TDKT_OK;
}

void rt_push_subject(rt *r, int depth, int32_t subject)
{
    lua_rawgeti(r->L, LUA_REGISTRYINDEX, r->subj_ud[depth]);
    subj_ud *s = lua_touserdata(r->L, -1);
    s->r = subject >= 0 ? r : NULL;
    s->subject = subject;
}

/* Outside any protected call: nothing here may raise or allocate (the
 * field table's key exists already, and keeps a value). */
void rt_push_nomination(rt *r, int depth, const ix_nomination *n)
{
    lua_State *L = r->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->nom_ud[depth]); /* ud */
    nom_ud *u = lua_touserdata(L, -1);
    u->r = n ? r : NULL;
    u->n = n;
    /* Consecutive nominations nearly always share the year (nested
     * judgements of a unit's members always do): set it when it changes. */
    if (n && n->year != u->year) {
        lua_getiuservalue(L, -1, NUV_FIELDS); /* ud fields */
        lua_pushinteger(L, n->year);
        lua_setfield(L, -2, "year");
        lua_pop(L, 1);
        u->year = n->year;
    }
    /* A stale handle must not answer n.year from the field table, so it
     * wears the stale metatable. At depth 0 it need not: no script runs
     * between two top-level judgements (a script can only keep a handle
     * in an upvalue, which rt_check_state catches after the nomination),
     * so there only the C readers check, and two metatable swaps per
     * nomination are saved. Deeper handles go stale while the script that
     * called meets() runs on. */
    bool live = n || depth == 0;
    if (live != u->live) {
        lua_getiuservalue(L, -1, live ? NUV_LIVE : NUV_STALE); /* ud mt */
        lua_setmetatable(L, -2);
        u->live = live;
    }
}
