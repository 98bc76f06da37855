/*
 * What rules can see: the subject and the nomination, as userdata whose
 * methods read the in-memory index (no SQL, no files, no clock), and the
 * result helpers pass / fail / unknown and meets().
 *
 * The userdata are made once per state and depth and re-pointed at each
 * nomination, so judging one allocates nothing here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "rules/rules_internal.h"

#define SUBJECT_MT "tdkt.subject"
#define NOMINATION_MT "tdkt.nomination"

static const char HOST_KEY_API = 'a'; /* registry: rt * (api's own key) */

/* Scripts cannot make userdata, so the only ones they hold are these two,
 * told apart by a tag: cheaper than luaL_checkudata's registry lookup by
 * name, which every method call and field read would pay. */
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
} nom_ud;

static void *check_tagged(lua_State *L, int idx, uint32_t tag, size_t size,
                          const char *name)
{
    uint32_t *u = lua_touserdata(L, idx);
    if (!u || lua_type(L, idx) != LUA_TUSERDATA ||
        lua_rawlen(L, idx) != size || *u != tag)
        luaL_typeerror(L, idx, name);
    return u;
}

static rt *api_host(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);
    rt *r = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return r;
}

static subj_ud *check_subject(lua_State *L, int idx)
{
    subj_ud *u = check_tagged(L, idx, SUBJ_TAG, sizeof(subj_ud), SUBJECT_MT);
    if (!u->r || u->subject < 0)
        luaL_error(L, "the subject is only valid while its nomination is "
                      "judged");
    return u;
}

static const ix_subject *subj(lua_State *L, int idx, const tdkt_index **ix)
{
    subj_ud *u = check_subject(L, idx);
    *ix = u->r->ctx.ix;
    return &(*ix)->subjects[u->subject];
}

static int check_enum(lua_State *L, int arg, tdkt_vocab_domain d,
                      const char *what)
{
    const char *s = luaL_checkstring(L, arg);
    int v = tdkt_vocab_lookup(d, s);
    if (v < 0)
        return luaL_error(L, "unknown %s '%s'", what, s);
    return v;
}

static int check_year(lua_State *L, int arg)
{
    lua_Integer y = luaL_checkinteger(L, arg);
    if (y < 1900 || y > 2200)
        return luaL_error(L, "year %d is out of range", (int)y);
    return (int)y;
}

/* ------------------------------------------------- result helpers */

static int result_helper(lua_State *L)
{
    /* upvalue 1: true, false or nil; returns it and the detail */
    lua_pushvalue(L, lua_upvalueindex(1));
    if (lua_isnoneornil(L, 1) || lua_type(L, 1) == LUA_TSTRING)
        lua_pushvalue(L, 1);
    else if (lua_type(L, 1) == LUA_TNUMBER)
        lua_pushstring(L, lua_tostring(L, 1));
    else
        return luaL_error(L, "a result's detail must be text, not a %s",
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
    lua_pushstring(L, tdkt_vocab_code(TDKT_V_RATING, a->rating));
    return 1;
}

static int s_ratings(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int y1 = check_year(L, 2), y2 = check_year(L, 3);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int y = y1; y <= y2 && y - y1 < 100; y++) {
        const ix_appraisal *a = ix_appraisal_of(ix, s, y);
        char item[64];
        snprintf(item, sizeof item, "%s%d: %s", y > y1 ? ", " : "", y,
                 a && a->rating != IX_NONE
                     ? tdkt_vocab_code(TDKT_V_RATING, a->rating)
                     : "—");
        luaL_addstring(&b, item);
    }
    luaL_pushresult(&b);
    return 1;
}

static int s_streak(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int level = check_enum(L, 2, TDKT_V_RATING, "rating");
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
    int level = check_enum(L, 2, TDKT_V_RATING, "rating");
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

static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

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
            bool leap = (hy % 4 == 0 && hy % 100 != 0) || hy % 400 == 0;
            int dim = days_in[hm - 1] + (hm == 2 && leap);
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
        m = since_hire;
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
            luaL_error(L, "%s: unknown code '%s'", name, lua_tostring(L, -1));
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
                luaL_error(L, "%s: unknown code '%s'", name, c ? c : "?");
            mask |= 1u << v;
            lua_pop(L, 1);
        }
    } else {
        luaL_error(L, "%s: expected a code or a list of codes", name);
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
} hfilter;

static void read_hfilter(lua_State *L, int opt, hfilter *f, bool need_code)
{
    f->codes = opt_codes(L, opt, "code", TDKT_V_AWARD, 0);
    if (need_code && !f->codes)
        luaL_error(L, "honours: say which code");
    unsigned kinds = opt_codes(L, opt, "kinds", TDKT_V_KIND, ~0u);
    unsigned excl = opt_codes(L, opt, "exclude_kinds", TDKT_V_KIND, 0);
    f->kinds = kinds & ~excl;
    f->from = (int)opt_int(L, opt, "from", 0);
    f->to = (int)opt_int(L, opt, "to", 9999);
}

static bool hmatch(const ix_honour *h, const hfilter *f)
{
    return (f->codes >> h->code & 1) && (f->kinds >> h->kind & 1) &&
           h->year >= f->from && h->year <= f->to;
}

static int s_honours(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    luaL_checktype(L, 2, LUA_TTABLE);
    hfilter f;
    read_hfilter(L, 2, &f, true);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_honour *h = ix->hon + s->hon.off;
    for (uint32_t i = 0; i < s->hon.n; i++) {
        if (!hmatch(&h[i], &f))
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
    const ix_subject *s = subj(L, 1, &ix);
    int code = check_enum(L, 2, TDKT_V_AWARD, "award code");
    int opt = lua_istable(L, 3) ? 3 : 0;
    hfilter f;
    read_hfilter(L, opt, &f, false);
    f.codes = 1u << code;
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

static int s_initiatives(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int opt = lua_istable(L, 2) ? 2 : 0;
    int from = (int)opt_int(L, opt, "from", 0);
    int to = (int)opt_int(L, opt, "to", 9999);
    int scope = 0;
    if (opt && lua_getfield(L, opt, "scope") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, opt, "scope");
        scope = check_enum(L, -1, TDKT_V_SCOPE, "scope");
    }
    if (opt)
        lua_pop(L, 1);
    unsigned kinds = opt_codes(L, opt, "kinds", TDKT_V_INIT_KIND, ~0u);
    bool unused = opt_bool(L, opt, "unused");
    bool applied = opt_bool(L, opt, "applied");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_initiative *r = ix->ini + s->ini.off;
    for (uint32_t i = 0; i < s->ini.n; i++) {
        if (r[i].year < from || r[i].year > to || r[i].scope < scope ||
            !(kinds >> r[i].kind & 1) || (unused && r[i].used) ||
            (applied && !r[i].applied))
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

static int s_disciplines(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    int opt = lua_istable(L, 2) ? 2 : 0;
    int from = (int)opt_int(L, opt, "from", 0);
    int to = (int)opt_int(L, opt, "to", 9999);
    int level = 0;
    if (opt && lua_getfield(L, opt, "level") != LUA_TNIL)
        level = check_enum(L, -1, TDKT_V_LEVEL, "level");
    if (opt)
        lua_pop(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int n = 0;
    const ix_discipline *d = ix->dis + s->dis.off;
    for (uint32_t i = 0; i < s->dis.n; i++) {
        int y = TDKT_DATE_YEAR(d[i].date);
        if (y < from || y > to || d[i].level < level)
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

/* A measure without an end date is taken to last twelve months (the usual
 * period; the exact periods were not researched, domain §5.7). */
static tdkt_date period_end(const ix_discipline *d)
{
    if (d->ends)
        return d->ends;
    return d->date + 10000; /* same day next year */
}

static int s_in_discipline(lua_State *L)
{
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    tdkt_date when;
    if (tdkt_date_parse(&when, luaL_checkstring(L, 2)) < 0)
        return luaL_error(L, "in_discipline: expected a date YYYY-MM-DD");
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
                    : check_enum(L, 2, TDKT_V_LEVEL, "level");
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
        return luaL_error(L, "unit_in: only for a person");
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

int rt_meets(rt *r, int award, int32_t subject, int year, char *detail,
             size_t n);

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
                                   sizeof detail);
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

static int members_common(lua_State *L, int what, tdkt_vocab_domain d,
                          const char *dname)
{
    subj_ud *u = check_subject(L, 1);
    const tdkt_index *ix = u->r->ctx.ix;
    if (ix->subjects[u->subject].type != TDKT_UNIT)
        return luaL_error(L, "members: only for a unit");
    member_q q = {0};
    q.what = what;
    q.r = u->r;
    int argi = 2;
    if (what != MQ_COUNT)
        q.arg = check_enum(L, argi++, d, dname);
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
    return members_common(L, MQ_COUNT, TDKT_V_AWARD, NULL);
}
static int s_members_with(lua_State *L)
{
    return members_common(L, MQ_WITH, TDKT_V_AWARD, "award code");
}
static int s_members_rated(lua_State *L)
{
    return members_common(L, MQ_RATED, TDKT_V_RATING, "rating");
}
static int s_members_disciplined(lua_State *L)
{
    return members_common(L, MQ_DISC, TDKT_V_LEVEL, "level");
}
static int s_members_meeting(lua_State *L)
{
    return members_common(L, MQ_MEETING, TDKT_V_AWARD, "award code");
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
    {"disciplines", s_disciplines},
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

/* s.field: methods first (upvalue table), then the record's fields. */
static int subject_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    const tdkt_index *ix;
    const ix_subject *s = subj(L, 1, &ix);
    const char *k = luaL_checkstring(L, 2);
    char date[11];
    if (strcmp(k, "type") == 0)
        lua_pushstring(L, s->type == TDKT_UNIT ? "unit" : "person");
    else if (strcmp(k, "id") == 0)
        lua_pushstring(L, s->id);
    else if (strcmp(k, "name") == 0)
        lua_pushstring(L, s->name);
    else if (s->type == TDKT_PERSON && strcmp(k, "unit") == 0)
        push_opt_str(L, s->unit >= 0 ? ix->subjects[s->unit].id : NULL);
    else if (s->type == TDKT_PERSON && strcmp(k, "is_leader") == 0)
        lua_pushboolean(L, s->is_leader);
    else if (s->type == TDKT_PERSON && strcmp(k, "category") == 0)
        push_code(L, TDKT_V_CATEGORY, s->category);
    else if (s->type == TDKT_PERSON && strcmp(k, "gender") == 0)
        push_code(L, TDKT_V_GENDER, s->gender);
    else if (s->type == TDKT_PERSON && strcmp(k, "ethnic_minority") == 0)
        lua_pushboolean(L, s->ethnic);
    else if (s->type == TDKT_PERSON && strcmp(k, "birth_year") == 0) {
        if (s->birth_year)
            lua_pushinteger(L, s->birth_year);
        else
            lua_pushnil(L);
    } else if (s->type == TDKT_PERSON && strcmp(k, "hired") == 0)
        push_opt_str(L, s->hired ? tdkt_date_format(date, s->hired) : NULL);
    else if (s->type == TDKT_UNIT && strcmp(k, "kind") == 0)
        push_code(L, TDKT_V_UNIT_KIND, s->kind);
    else if (s->type == TDKT_UNIT && strcmp(k, "parent") == 0)
        push_opt_str(L, s->unit >= 0 ? ix->subjects[s->unit].id : NULL);
    else if (s->type == TDKT_UNIT && strcmp(k, "bloc") == 0)
        push_opt_str(L, s->bloc);
    else if (s->type == TDKT_UNIT && strcmp(k, "small") == 0)
        lua_pushboolean(L, s->small);
    else
        return luaL_error(L, "a %s has no field '%s'",
                          s->type == TDKT_UNIT ? "unit" : "person", k);
    return 1;
}

/* ------------------------------------------------------- nomination */

static const ix_nomination *check_nom(lua_State *L, int idx,
                                      const tdkt_index **ix)
{
    nom_ud *u = check_tagged(L, idx, NOM_TAG, sizeof(nom_ud), NOMINATION_MT);
    if (!u->r || !u->n)
        luaL_error(L, "the nomination is only valid while it is judged");
    *ix = u->r->ctx.ix;
    return u->n;
}

static int n_fact(lua_State *L)
{
    const tdkt_index *ix;
    const ix_nomination *n = check_nom(L, 1, &ix);
    rt_nom_read(api_host(L), n);
    push_fact(L, ix_nomination_fact(ix, n, ix_fact_key(ix,
                                                       luaL_checkstring(L, 2))));
    return 1;
}

static int nomination_index(lua_State *L)
{
    const tdkt_index *ix;
    const ix_nomination *n = check_nom(L, 1, &ix);
    const char *k = luaL_checkstring(L, 2);
    char date[11];
    if (strcmp(k, "fact") == 0)
        lua_pushcfunction(L, n_fact);
    else if (strcmp(k, "id") == 0) {
        rt_nom_read(api_host(L), n);
        lua_pushstring(L, n->id ? n->id : "");
    } else if (strcmp(k, "code") == 0)
        lua_pushstring(L, tdkt_vocab_code(TDKT_V_AWARD, n->code));
    else if (strcmp(k, "year") == 0)
        lua_pushinteger(L, n->year);
    else if (strcmp(k, "kind") == 0)
        lua_pushstring(L, tdkt_vocab_code(TDKT_V_KIND, n->kind));
    else if (strcmp(k, "campaign") == 0) {
        rt_nom_read(api_host(L), n);
        push_opt_str(L, n->campaign);
    } else if (strcmp(k, "proposed_by") == 0) {
        rt_nom_read(api_host(L), n);
        push_opt_str(L, n->proposed_by);
    } else if (strcmp(k, "submitted") == 0) {
        rt_nom_read(api_host(L), n);
        push_opt_str(L,
                     n->submitted ? tdkt_date_format(date, n->submitted) : NULL);
    } else
        return luaL_error(L, "a nomination has no field '%s'", k);
    return 1;
}

static int ud_tostring(lua_State *L)
{
    lua_pushstring(L, luaL_checkudata(L, 1, SUBJECT_MT) ? "subject" : "?");
    return 1;
}

/* ------------------------------------------------------------ meets */

int rt_meets(rt *r, int award, int32_t subject, int year, char *detail,
             size_t n);

static int l_meets(lua_State *L)
{
    rt *r = api_host(L);
    int award = check_enum(L, 1, TDKT_V_AWARD, "award code");
    subj_ud *s = check_subject(L, 2);
    int year;
    if (!lua_isnoneornil(L, 4)) {
        year = check_year(L, 4);
    } else {
        const tdkt_index *ix;
        year = check_nom(L, 3, &ix)->year;
    }
    char detail[400];
    int res = rt_meets(r, award, s->subject, year, detail, sizeof detail);
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
    lua_pushlightuserdata(L, NULL);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);

    luaL_newmetatable(L, SUBJECT_MT);
    luaL_newlib(L, subject_methods);
    lua_pushcclosure(L, subject_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ud_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    luaL_newmetatable(L, NOMINATION_MT);
    lua_pushcfunction(L, nomination_index);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    lua_pushboolean(L, 1);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "pass");
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "fail");
    lua_pushnil(L);
    lua_pushcclosure(L, result_helper, 1);
    rt_set_global(L, "unknown");
    lua_pushcfunction(L, l_meets);
    rt_set_global(L, "meets");
    lua_pushcfunction(L, l_tr);
    rt_set_global(L, "tr");
}

int rt_bind(rt *r)
{
    lua_State *L = r->L;
    lua_pushlightuserdata(L, r);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &HOST_KEY_API);
    for (int d = 0; d < RT_MAX_DEPTH; d++) {
        subj_ud *s = lua_newuserdatauv(L, sizeof *s, 0);
        s->tag = SUBJ_TAG;
        s->r = NULL;
        s->subject = -1;
        luaL_setmetatable(L, SUBJECT_MT);
        r->subj_ud[d] = luaL_ref(L, LUA_REGISTRYINDEX);
        nom_ud *n = lua_newuserdatauv(L, sizeof *n, 0);
        n->tag = NOM_TAG;
        n->r = NULL;
        n->n = NULL;
        luaL_setmetatable(L, NOMINATION_MT);
        r->nom_ud[d] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
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

void rt_push_nomination(rt *r, int depth, const ix_nomination *n)
{
    lua_rawgeti(r->L, LUA_REGISTRYINDEX, r->nom_ud[depth]);
    nom_ud *u = lua_touserdata(r->L, -1);
    u->r = n ? r : NULL;
    u->n = n;
}
