/*
 * The standard functions as rules see them. The budgets are kept by a
 * count hook, which Lua runs between the script's instructions: never
 * inside a C function, and not while an error's message handler runs.
 * A library function that can work for a long time without returning to
 * Lua, allocating nothing that the memory cap would stop, or that runs
 * script code out of the hook's reach, is replaced here by a guarded
 * form; so is setmetatable, which could attach a finalizer.
 */
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>

#include "rules/rules_internal.h"

/* Elements a rule may ask table.move to move: far more than any rule
 * needs (a table that large would not fit the memory cap), few enough to
 * finish within the time budget when moving nils allocates nothing. */
#define MOVE_MAX ((lua_Integer)1 << 24)

/*
 * Lua's pattern matching runs in C, and backtracking over k quantifiers
 * costs up to n^(k+1) steps on a subject of n bytes (a balance %b scans
 * on from each start, as a quantifier does; a plain find compares the
 * needle at every offset). The estimated cost must stay under a bound,
 * or the call is an error: a rule has no need for costly patterns.
 */
#define PATTERN_BUDGET 1e8

static int pattern_repeats(const char *p, size_t n)
{
    int q = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '%') {
            if (i + 1 < n && p[i + 1] == 'b') {
                q++;
                i += 3; /* %bxy */
            } else {
                i++; /* escaped character */
            }
            continue;
        }
        if (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?')
            q++;
    }
    return q;
}

/* Call the original function (upvalue 1) with every argument. An error
 * it raises names the place that called it, which is this wrapper, in
 * C: none. So one without a place is given the rule's line here. (A
 * memory error comes back as an ordinary one; the cap's flag, not the
 * status, says what it was: rt_pcall.) */
static int call_original(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0) == LUA_OK)
        return lua_gettop(L);
    if (lua_type(L, -1) == LUA_TSTRING && !rt_host(L)->killed &&
        !rt_lua_has_place(lua_tostring(L, -1))) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int guarded_pattern(lua_State *L)
{
    size_t n = 0, m = 0;
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &m);
    bool plain = lua_toboolean(L, 4) && /* find only */
                 strcmp(lua_tostring(L, lua_upvalueindex(2)), "find") == 0;
    int q = plain ? 0 : pattern_repeats(p, m);
    double cost = (double)(n + 1) * (double)(m + 1);
    for (int k = 0; k < q && cost <= PATTERN_BUDGET; k++)
        cost *= (double)(n + 1);
    rt_check_clock(L);
    if (cost > PATTERN_BUDGET)
        return luaL_error(L,
                          RT_TR_L(L,
                                  "mẫu (pattern) quá tốn kém cho một quy tắc "
                                  "(%d lần lặp trên %d byte)",
                                  "pattern too costly for a rule (%d "
                                  "repetitions over %d bytes)"),
                          q, (int)n);
    return call_original(L);
}

/* string.rep allocates its result before it loops, so the memory cap
 * stops a large one at once; but an empty string repeated (with an empty
 * separator) allocates nothing and loops n times: it is "". */
static int guarded_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_original(L);
}

/*
 * The table library loops in C, out of the hook's reach, reading and
 * writing through metamethods without returning to Lua: a __len that
 * answers math.maxinteger made table.remove loop for ever, and an __index
 * chain (Lua follows up to 2,000 tables per access) made each element of
 * table.move cost two thousand. So its functions take plain tables only:
 * without a metatable, or frozen (rt_freeze) over a table without one,
 * whose length and reads cost what a plain table's do.
 */
static bool plain_table(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return true; /* not a table: the original says what is wrong */
    lua_pop(L, 1);
    if (!rt_frozen_real(L, idx))
        return false;
    bool plain = !lua_getmetatable(L, -1);
    lua_pop(L, plain ? 1 : 2);
    return plain;
}

static int not_plain(lua_State *L)
{
    return luaL_error(L,
                      RT_TR_L(L,
                              "table.%s chỉ nhận bảng thường (không có "
                              "metatable)",
                              "table.%s takes plain tables only (no "
                              "metatable)"),
                      lua_tostring(L, lua_upvalueindex(2)));
}

/* table.insert, remove, concat, unpack, sort: the table is argument 1. */
static int guarded_table(lua_State *L)
{
    if (!plain_table(L, 1))
        return not_plain(L);
    return call_original(L);
}

static int guarded_move(lua_State *L)
{
    if (!plain_table(L, 1) || !plain_table(L, lua_isnoneornil(L, 5) ? 1 : 5))
        return not_plain(L);
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f && (lua_Unsigned)e - (lua_Unsigned)f >= (lua_Unsigned)MOVE_MAX)
        return luaL_error(L,
                          RT_TR_L(L,
                                  "table.move: %I phần tử là quá nhiều cho một "
                                  "quy tắc (tối đa %I)",
                                  "table.move: %I elements are too many for a "
                                  "rule (at most %I)"),
                          (lua_Integer)((lua_Unsigned)e - (lua_Unsigned)f + 1),
                          MOVE_MAX);
    return call_original(L);
}

/*
 * xpcall(f, handler, ...) as a pcall, the handler called afterwards. Lua
 * calls a message handler where the error is raised; when that is the
 * hook stopping a script at its budget, hooks are off until the error is
 * caught, so a handler that loops would never be stopped. Rules cannot
 * read the stack (no debug library), so the handler loses nothing by
 * running after the unwinding, where the budgets hold. A stopped script
 * stays stopped: the limit's error goes on up.
 */
static int guarded_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    rt *r = rt_host(L);
    lua_pushvalue(L, 1);
    for (int i = 3; i <= n; i++)
        lua_pushvalue(L, i);
    int status = lua_pcall(L, n >= 2 ? n - 2 : 0, LUA_MULTRET, 0);
    if (r->killed)
        return lua_error(L);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_insert(L, n + 1);
        return lua_gettop(L) - n;
    }
    if (status == LUA_ERRRUN) { /* Lua's own handler sees only these */
        lua_pushvalue(L, 2);
        lua_insert(L, -2);
        lua_pcall(L, 1, 1, 0);
        if (r->killed)
            return lua_error(L);
    }
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/*
 * setmetatable without finalizers: a __gc metamethod would run whenever the
 * collector decides, possibly in another nomination or while the state is
 * closed, outside every budget. Lua marks an object for finalization only
 * if its metatable has __gc when set, so checking here is enough.
 */
static int guarded_setmetatable(lua_State *L)
{
    /* as lbaselib's setmetatable, with every error raised here so that it
     * names the script's line */
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2,
                     RT_TR_L(L, "nil hoặc table", "nil or table"));
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, RT_TR_L(L,
                                     "không được đổi một metatable đã được "
                                     "bảo vệ",
                                     "cannot change a protected metatable"));
    /* raw: a plain lookup would run the metatable's own __index, which
     * could add __gc while answering nil */
    if (t == LUA_TTABLE && (lua_pushliteral(L, "__gc"),
                            lua_rawget(L, 2) != LUA_TNIL))
        return luaL_error(L,
                          RT_TR_L(L, "quy tắc không được dùng metamethod __gc",
                                  "__gc metamethods are not allowed in "
                                  "rules"));
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/*
 * A rule judges the same records the same way on every run, thread and
 * machine. Two things in Lua vary between runs: addresses (tostring of a
 * table, "%p"; the address space is laid out afresh each run) and the
 * order pairs() visits string keys in (string hashes are seeded afresh
 * for each state). So tostring and string.format show no address, and
 * pairs visits keys in a fixed order: numbers, then text, then false and
 * true, then any other key as next() gives it.
 */

/* The value at @p idx as tostring shows it without an address: a table,
 * function, userdata or thread without __tostring is its __name, or its
 * type's name. Pushes it and returns true; false (nothing pushed) for a
 * value the original shows as it is. */
static bool push_addressless(lua_State *L, int idx)
{
    int t = lua_type(L, idx);
    if (t != LUA_TTABLE && t != LUA_TFUNCTION && t != LUA_TUSERDATA &&
        t != LUA_TLIGHTUSERDATA && t != LUA_TTHREAD)
        return false;
    if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        return false;
    }
    int name = luaL_getmetafield(L, idx, "__name"); /* pushed unless nil */
    if (name == LUA_TSTRING)
        return true;
    if (name != LUA_TNIL)
        lua_pop(L, 1);
    lua_pushstring(L, lua_typename(L, t));
    return true;
}

static int guarded_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    if (push_addressless(L, 1))
        return 1;
    return call_original(L);
}

/* string.format: no "%p", and a "%s" of a table shows no address. */
static int guarded_format(lua_State *L)
{
    size_t n;
    const char *f = luaL_checklstring(L, 1, &n);
    int arg = 1, top = lua_gettop(L);
    for (size_t i = 0; i < n; i++) {
        if (f[i] != '%')
            continue;
        if (++i < n && f[i] == '%')
            continue;
        while (i < n && strchr("-+ #0123456789.", f[i]))
            i++;
        if (i >= n)
            break;
        arg++;
        if (f[i] == 'p')
            return luaL_error(L, RT_TR_L(L,
                                         "string.format: quy tắc không "
                                         "được dùng %%p (địa chỉ bộ nhớ)",
                                         "string.format: %%p (a memory "
                                         "address) is not for rules"));
        if (f[i] == 's' && arg <= top && push_addressless(L, arg))
            lua_replace(L, arg);
    }
    return call_original(L);
}

/* A key as pairs orders it: its rank, then its number or text, then its
 * place in the table's own order (ties, and keys of other kinds). */
typedef struct sort_key {
    int rank; /* 0 number, 1 text, 2 boolean, 3 other */
    lua_Number num;
    const char *text;
    size_t len;
    int pos;
} sort_key;

static int key_order(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->rank == 0 && a->num != b->num)
        return a->num < b->num ? -1 : 1;
    if (a->rank == 1) {
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->text, b->text, m);
        if (c || a->len != b->len)
            return c ? c : a->len < b->len ? -1 : 1;
    }
    if (a->rank == 2 && a->num != b->num)
        return a->num < b->num ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The iterator: upvalues 1 the keys in order, 2 the table, 3 the next
 * position. */
static int ordered_next(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
    if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL)
        return 1;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(2));
    return 2;
}

/* Push the keys of the table at @p t (a plain table, or a frozen one's
 * real table) in pairs' order, as a sequence. */
static void push_ordered_keys(lua_State *L, int t)
{
    t = lua_absindex(L, t);
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        n++;
    }
    sort_key *k = lua_newuserdatauv(L, (size_t)n * sizeof *k + 1, 0);
    lua_createtable(L, n, 0); /* the keys in next's order, anchored */
    int raw = lua_gettop(L), pos = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        sort_key *e = &k[pos];
        *e = (sort_key){.rank = 3, .pos = pos};
        switch (lua_type(L, -1)) {
        case LUA_TNUMBER:
            *e = (sort_key){.rank = 0, .num = lua_tonumber(L, -1), .pos = pos};
            break;
        case LUA_TSTRING: /* a string: tolstring converts nothing */
            e->rank = 1;
            e->text = lua_tolstring(L, -1, &e->len);
            break;
        case LUA_TBOOLEAN:
            e->rank = 2;
            e->num = lua_toboolean(L, -1);
            break;
        }
        lua_pushvalue(L, -1);
        lua_rawseti(L, raw, ++pos);
    }
    qsort(k, (size_t)n, sizeof *k, key_order);
    lua_createtable(L, n, 0);
    for (int j = 0; j < n; j++) {
        lua_rawgeti(L, raw, k[j].pos + 1);
        lua_rawseti(L, -2, j + 1);
    }
    lua_replace(L, -3); /* over the userdata */
    lua_pop(L, 1);      /* the keys in next's order */
}

static int ordered_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = 1;
    /* a frozen table: its real table's keys (its __pairs would give them
     * in next's order); a rule's own __pairs: its order */
    if (rt_frozen_real(L, 1)) {
        t = lua_gettop(L);
    } else if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pop(L, 1);
        return call_original(L);
    }
    if (lua_type(L, t) != LUA_TTABLE)
        return call_original(L); /* its error */
    push_ordered_keys(L, t);
    lua_pushvalue(L, t);
    lua_pushinteger(L, 1);
    lua_pushcclosure(L, ordered_next, 3);
    return 1;
}

/*
 * next(t, k) in pairs' order, for the same reasons (Lua's own order of
 * text keys differs from state to state), and over a frozen table's real
 * keys (its proxy is empty). Each call orders the keys afresh: rules use
 * next for "is it empty" and small tables, and pairs for walking.
 */
static int ordered_next_global(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    int t = 1;
    if (rt_frozen_real(L, 1))
        t = lua_gettop(L);
    push_ordered_keys(L, t); /* keys */
    int keys = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, keys), i = 0;
    if (!lua_isnil(L, 2)) {
        for (i = 1; i <= n; i++) {
            lua_rawgeti(L, keys, i);
            bool same = lua_rawequal(L, -1, 2);
            lua_pop(L, 1);
            if (same)
                break;
        }
        if (i > n)
            return luaL_error(L, RT_TR_L(L, "khóa không hợp lệ cho 'next'",
                                         "invalid key to 'next'"));
    }
    if (i + 1 > n) {
        lua_pushnil(L);
        return 1;
    }
    lua_rawgeti(L, keys, i + 1); /* the key */
    lua_pushvalue(L, -1);
    lua_rawget(L, t);
    return 2;
}

/* lib[name] = fn, closing over the original (upvalue 1) and the name
 * (upvalue 2: for messages, and for what differs between functions). */
static void wrap(lua_State *L, int lib, const char *name, lua_CFunction fn)
{
    lua_getfield(L, lib, name);
    lua_pushstring(L, name);
    lua_pushcclosure(L, fn, 2);
    lua_setfield(L, lib, name);
}

void rt_guard_libs(lua_State *L, int base, int globals)
{
    base = lua_absindex(L, base);
    globals = lua_absindex(L, globals);
    lua_pushcfunction(L, guarded_setmetatable);
    lua_setfield(L, base, "setmetatable");
    lua_pushcfunction(L, guarded_xpcall);
    lua_setfield(L, base, "xpcall");
    wrap(L, base, "tostring", guarded_tostring);
    wrap(L, base, "pairs", ordered_pairs);
    lua_pushcfunction(L, ordered_next_global);
    lua_setfield(L, base, "next");

    lua_getfield(L, globals, LUA_STRLIBNAME);
    int str = lua_gettop(L);
    static const char *const patterns[] = {"find", "match", "gmatch", "gsub",
                                           NULL};
    for (const char *const *f = patterns; *f; f++)
        wrap(L, str, *f, guarded_pattern);
    wrap(L, str, "rep", guarded_rep);
    wrap(L, str, "format", guarded_format);
    lua_getfield(L, globals, LUA_TABLIBNAME);
    int tab = lua_gettop(L);
    static const char *const tables[] = {"insert", "remove", "concat",
                                         "unpack", "sort",   NULL};
    for (const char *const *f = tables; *f; f++)
        wrap(L, tab, *f, guarded_table);
    wrap(L, tab, "move", guarded_move);
    lua_pop(L, 2);
}
