/*
 * The sandbox: one Lua state per thread and rule set, in which rule scripts
 * can compute and nothing else.
 *
 * Walls, each tested in tests/unit/test_sandbox.c:
 * - only base functions without files, loading or GC control, and proxies
 *   of string, table, math (without random) and utf8: no io, os, package,
 *   debug, coroutine, require, load, dofile;
 * - text chunks only (mode "t"): bytecode is refused;
 * - globals, library tables, parameters and the string metatable are
 *   read-only proxies; reading or writing an undeclared global is an error;
 * - no state survives between nominations: tables reachable from rule code
 *   are frozen, and primitive upvalues are checked after every nomination;
 * - an instruction budget and a wall-clock deadline per nomination, checked
 *   by a count hook that turns sticky once a limit is hit (it fires on every
 *   instruction), so a script's own pcall cannot swallow the stop. The hook
 *   is set once the nomination has run for RT_WATCH_SLICE_NS (watch.c):
 *   the budget counts from then on;
 * - a memory cap per state: the allocator refuses growth past it, and the
 *   hook turns sticky the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>

#include "tdkt/vocab.h"
#include "rules/rules_internal.h"

extern const char *const tdkt__prelude_lua;
extern const size_t tdkt__prelude_lua_len;

static const char HOST_KEY = 'h';   /* registry: rt * */
static const char BASE_KEY = 'b';   /* registry: the shared globals */
static const char FROZEN_KEY = 'f'; /* registry: real table → proxy */
static const char PROXY_MT_KEY = 'p';

#define HOOK_EVERY 1000 /* instructions between budget checks */

void rt_default_limits(rt_limits *l)
{
    l->instructions = 50u * 1000 * 1000;
    l->time_ms = 2000;
    l->memory = 64u << 20;
}

rt *rt_host(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &HOST_KEY);
    rt *r = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return r;
}

/* ------------------------------------------------------------- limits */

static void hook(lua_State *L, lua_Debug *ar);

/* "file:line: " of the innermost Lua function running at stack levels
 * first..last (a library function such as string.rep has no line: its
 * caller's is taken), or "". */
static void where_in(lua_State *L, lua_Debug *ar, int first, int last,
                     char *buf, size_t n)
{
    buf[0] = '\0';
    for (int level = first; level <= last; level++)
        if (lua_getstack(L, level, ar) && lua_getinfo(L, "Sl", ar) &&
            ar->currentline > 0) {
            snprintf(buf, n, "%s:%d: ", ar->short_src, ar->currentline);
            return;
        }
}

static void where(lua_State *L, lua_Debug *ar, char *buf, size_t n)
{
    where_in(L, ar, 0, 3, buf, n);
}

/* The memory cap's one wording, after @p at ("file:line: " or ""). */
static void memory_limit_text(const rt *r, const char *at, char *buf,
                              size_t n)
{
    snprintf(buf, n,
             RT_TR(r, "%svượt giới hạn bộ nhớ (%zu MiB)",
                   "%smemory limit exceeded (%zu MiB)"),
             at, r->limits.memory >> 20);
}

static void make_sticky(rt *r)
{
    if (r->L)
        lua_sethook(r->L, hook, LUA_MASKCOUNT, 1);
}

/*
 * The allocator: counts bytes and refuses growth past the cap (ltests.c's
 * MEMLIMIT idea). Frees and shrinks always succeed, so the collector can
 * recover after a memory error.
 */
static void *rt_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    rt *r = ud;
    if (!ptr)
        osize = 0; /* osize encodes the object type then, not a size */
    if (nsize == 0) {
        rt_pool_free(&r->pool, ptr, osize);
        r->mem_used -= osize;
        return NULL;
    }
    if (nsize > osize && r->mem_used + (nsize - osize) > r->limits.memory) {
        if (!r->mem_exceeded) {
            r->mem_exceeded = true;
            /* Reading the stack allocates nothing; Lua keeps the running
             * function's position saved wherever an allocation may fail,
             * since the failure is an error with a traceback. */
            lua_Debug ar;
            if (r->L)
                where(r->L, &ar, r->mem_where, sizeof r->mem_where);
            make_sticky(r);
        }
        return NULL;
    }
    void *p = rt_pool_realloc(&r->pool, ptr, osize, nsize);
    if (!p) {
        /* The host, not the script, ran out: whatever the state computes
         * from here on (a script's pcall may swallow the error) cannot be
         * trusted, and the caller must fail the command. */
        r->host_oom = true;
        return NULL;
    }
    r->mem_used = r->mem_used - osize + nsize;
    if (r->mem_used > r->mem_peak)
        r->mem_peak = r->mem_used;
    return p;
}

/* The time limit's words, as the hook and rt_check_clock say it. */
static const char *time_limit_text(const rt *r, char *detail, size_t n)
{
    snprintf(detail, n, " (%u ms)", r->limits.time_ms);
    return RT_TR(r, "vượt giới hạn thời gian", "time limit exceeded");
}

/* Stop the script at @p pos ("file:line: " or ""): kill_msg says why. */
static void stop_with(rt *r, const char *pos, const char *what,
                      const char *detail)
{
    snprintf(r->kill_msg, sizeof r->kill_msg, "%s%s%s", pos, what, detail);
    rt_stop(r);
}

static void hook(lua_State *L, lua_Debug *ar)
{
    rt *r = rt_host(L);
    if (!r->killed) {
        const char *what = NULL;
        char detail[96] = "";
        if (r->mem_exceeded) {
            what = RT_TR(r, "vượt giới hạn bộ nhớ", "memory limit exceeded");
            snprintf(detail, sizeof detail, " (%zu MiB)",
                     r->limits.memory >> 20);
        } else if (r->budget_left <= HOOK_EVERY) {
            what = RT_TR(r, "vượt giới hạn số lệnh",
                         "instruction limit exceeded");
            snprintf(detail, sizeof detail,
                     RT_TR(r, " (%llu lệnh)", " (%llu instructions)"),
                     (unsigned long long)r->limits.instructions);
        } else if (rt_watch_now() > r->deadline_ns) {
            what = time_limit_text(r, detail, sizeof detail);
        }
        if (!what) {
            r->budget_left -= HOOK_EVERY;
            return;
        }
        char pos[200];
        where(L, ar, pos, sizeof pos);
        stop_with(r, pos, what, detail);
    }
    /* Sticky: raised again on every instruction until the host's pcall
     * returns, whatever pcalls the script wraps around it. */
    lua_pushstring(L, r->kill_msg);
    lua_error(L);
}

/* The deadline, checked by a guarded library function before it runs
 * (guards.c). Such a call may take a tenth of a second in C, and the
 * hook comes only between instructions, every HOOK_EVERY of them: a loop
 * of such calls ran ten times past the time limit before the hook saw
 * the clock. Stopped here, a script overruns by one call at most. */
void rt_check_clock(lua_State *L)
{
    rt *r = rt_host(L);
    if (r->killed || rt_watch_now() <= r->deadline_ns)
        return;
    lua_Debug ar;
    char pos[200], detail[96];
    where_in(L, &ar, 1, 4, pos, sizeof pos);
    stop_with(r, pos, time_limit_text(r, detail, sizeof detail), detail);
    lua_pushstring(L, r->kill_msg);
    lua_error(L);
}

/* Count instructions against the budget from here on. */
static void count_on(rt *r)
{
    lua_sethook(r->L, hook, LUA_MASKCOUNT, HOOK_EVERY);
}

/* The watchdog's poke, in a signal handler of the armed thread: start
 * counting, unless the hook is on already (sticky after a limit). */
static void start_count(void *arg)
{
    rt *r = arg;
    if (!r->killed && !r->mem_exceeded && !lua_gethookmask(r->L))
        count_on(r);
}

void rt_arm(rt *r)
{
    r->killed = false;
    r->mem_exceeded = false;
    r->mem_where[0] = '\0';
    r->kill_msg[0] = '\0';
    r->budget_left = r->limits.instructions;
    uint64_t now = rt_watch_now();
    r->deadline_ns = now + (uint64_t)r->limits.time_ms * 1000000u;
    if (r->watched)
        rt_watch_arm(&r->watch, now);
    else
        count_on(r);
}

bool rt_disarm(rt *r)
{
    if (r->watched)
        rt_watch_disarm(&r->watch);
    lua_sethook(r->L, NULL, 0, 0);
    r->deadline_ns = UINT64_MAX; /* unarmed: no clock (rt_check_clock) */
    bool hit = r->killed || r->mem_exceeded;
    /* The evaluation names the criterion running (eval.c); the place of
     * the refused allocation serves loading (rt_pcall, rt_protected). */
    if (r->mem_exceeded && !r->killed)
        memory_limit_text(r, "", r->kill_msg, sizeof r->kill_msg);
    r->killed = false;
    r->mem_exceeded = false;
    r->mem_where[0] = '\0';
    if (hit)
        lua_gc(r->L, LUA_GCCOLLECT); /* give the memory back now */
    return hit;
}

/* Error objects may be hostile (tables with a throwing __tostring): only
 * strings and numbers are taken as messages; nothing else is called. */
static int msgh(lua_State *L)
{
    int t = lua_type(L, 1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        size_t n;
        const char *s = lua_tolstring(L, 1, &n);
        lua_pushlstring(L, s, n); /* whole: a NUL inside is shown later */
        return 1;
    }
    lua_Debug ar;
    char pos[200];
    where_in(L, &ar, 1, 2, pos, sizeof pos); /* level 0: this handler */
    lua_pushfstring(L,
                    RT_TR_L(L, "%s(đối tượng lỗi là một giá trị %s)",
                            "%s(error object is a %s value)"),
                    pos, lua_typename(L, t));
    return 1;
}

int rt_pcall(rt *r, int nargs, int nresults)
{
    lua_State *L = r->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    if (status != LUA_OK && r->mem_exceeded) {
        /* the script's cap, not the machine: say so, and where (a guarded
         * library function raises it again as an ordinary error) */
        char msg[sizeof r->mem_where + 64];
        memory_limit_text(r, r->mem_where, msg, sizeof msg);
        lua_pop(L, 1);
        lua_pushstring(L, msg);
    } else if (status != LUA_OK && lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushstring(L, status == LUA_ERRMEM ? "not enough memory"
                                               : "error in error handling");
    }
    return status;
}

/* ------------------------------------------------------------ freezing */

static int ro_newindex(lua_State *L)
{
    rt *r = rt_host(L);
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L,
                          RT_TR(r, "không được sửa trường chỉ đọc '%s'",
                                "attempt to change read-only field '%s'"),
                          lua_tostring(L, 2));
    return luaL_error(L, RT_TR(r, "không được sửa bảng chỉ đọc",
                               "attempt to change a read-only table"));
}

static int proxy_len(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int proxy_next(lua_State *L)
{
    /* next over the real table: (proxy, key) → (key, value) */
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushvalue(L, 2);
    if (lua_next(L, -2))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int proxy_pairs(lua_State *L)
{
    lua_pushcfunction(L, proxy_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

bool rt_frozen_real(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return false;
    if (lua_getfield(L, -1, "__tdkt_proxy") != LUA_TBOOLEAN) {
        lua_pop(L, 2);
        return false;
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "__index"); /* mt real */
    lua_remove(L, -2);
    return true;
}

static bool is_proxy(lua_State *L, int idx)
{
    if (!rt_frozen_real(L, idx))
        return false;
    lua_pop(L, 1);
    return true;
}

/* Tables within tables a rule may hold, and functions a rule's function
 * reaches through its upvalues: far more than any rule writes, and few
 * enough that walking them (in C, one frame a level) cannot overflow the
 * C stack, which a table nested 140,000 deep did. */
#define NEST_MAX 100

static void freeze_at(lua_State *L, int idx, int depth);

static void too_deep(lua_State *L)
{
    luaL_error(L,
               RT_TR_L(L,
                       "bảng hoặc hàm lồng nhau quá sâu (quá %d cấp) trong "
                       "một quy tắc",
                       "tables or functions nested too deeply (over %d "
                       "levels) in a rule"),
               NEST_MAX);
}

/* Each table in the table at @p idx, frozen in its place. */
static void freeze_fields(lua_State *L, int idx, int depth)
{
    luaL_checkstack(L, 6, "freezing");
    lua_pushnil(L);
    while (lua_next(L, idx)) { /* key value */
        if (lua_type(L, -1) == LUA_TTABLE) {
            freeze_at(L, -1, depth + 1); /* key value frozen */
            lua_pushvalue(L, -3);
            lua_insert(L, -2);
            lua_rawset(L, idx); /* t[key] = frozen */
        }
        lua_pop(L, 1);
    }
}

void rt_freeze(lua_State *L, int idx)
{
    freeze_at(L, idx, 0);
}

static void freeze_at(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE || is_proxy(L, idx)) {
        lua_pushvalue(L, idx);
        return;
    }
    if (depth > NEST_MAX)
        too_deep(L);
    luaL_checkstack(L, 8, "freezing");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY); /* cache */
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) != LUA_TNIL) { /* cache proxy */
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L); /* cache proxy */
    lua_pushvalue(L, idx);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4); /* cache[real] = proxy, before recursing (cycles) */
    lua_createtable(L, 0, 6); /* cache proxy mt */
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ro_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, proxy_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, proxy_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "__tdkt_proxy");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* getmetatable() answers false */
    lua_setmetatable(L, -2);            /* cache proxy */
    /* Nested tables are frozen in place inside the real table, which only
     * the proxy can reach from now on; so are the tables of the real
     * table's own metatable (an __index table answers for it). */
    freeze_fields(L, idx, depth);
    if (lua_getmetatable(L, idx)) { /* cache proxy mt0 */
        freeze_fields(L, lua_gettop(L), depth);
        lua_pop(L, 1);
    }
    lua_remove(L, -2); /* proxy */
}

/* ----------------------------------------------------------- the state */

static int undeclared_global(lua_State *L)
{
    return luaL_error(L,
                      RT_TR_L(L, "biến toàn cục '%s' chưa được khai báo",
                              "undeclared global '%s'"),
                      luaL_tolstring(L, 2, NULL));
}

static int global_write(lua_State *L)
{
    return luaL_error(L,
                      RT_TR_L(L,
                              "gán cho biến toàn cục '%s': quy tắc không được "
                              "giữ trạng thái (hãy dùng local)",
                              "assignment to global '%s': rules may not keep "
                              "state (use local)"),
                      luaL_tolstring(L, 2, NULL));
}

/* Make a fresh environment for one chunk: reads fall through to the
 * shared globals, writes are errors. Pushes it. */
void rt_push_env(lua_State *L);
void rt_push_env(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &BASE_KEY);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, global_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

/* (chunk) → the chunk with its own _ENV; run protected, as it allocates. */
static int give_env(lua_State *L)
{
    rt_push_env(L);
    lua_setupvalue(L, 1, 1); /* _ENV */
    return 1;
}

/* Load a text chunk (bytecode refused) with its own environment. Like
 * luaL_loadbufferx, it never raises: on failure the message is pushed. */
int rt_load_chunk(lua_State *L, const char *buf, size_t len,
                  const char *chunkname);
int rt_load_chunk(lua_State *L, const char *buf, size_t len,
                  const char *chunkname)
{
    int status = luaL_loadbufferx(L, buf, len, chunkname, "t");
    if (status != LUA_OK)
        return status;
    lua_pushcfunction(L, give_env);
    lua_insert(L, -2);
    return lua_pcall(L, 1, 1, 0);
}

static const char *const base_allowed[] = {
    "assert", "error", "ipairs", "next", "pairs", "pcall", "select",
    "tonumber", "tostring", "type", "xpcall", "rawequal", "rawlen",
    "rawget", "setmetatable", "getmetatable", "_VERSION", NULL};

/* Build the shared globals table from the opened libraries. */
static void build_base(lua_State *L)
{
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 5);

    lua_newtable(L); /* base */
    lua_pushglobaltable(L);
    for (const char *const *n = base_allowed; *n; n++) {
        lua_getfield(L, -1, *n);
        lua_setfield(L, -3, *n);
    }
    rt_guard_libs(L, lua_gettop(L) - 1, lua_gettop(L));
    /* Deterministic evaluation: no random numbers. */
    lua_getfield(L, -1, LUA_MATHLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "random");
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    /* No bytecode, in either direction. */
    lua_getfield(L, -1, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    static const char *const libs[] = {LUA_STRLIBNAME, LUA_TABLIBNAME,
                                       LUA_MATHLIBNAME, LUA_UTF8LIBNAME,
                                       NULL};
    for (const char *const *n = libs; *n; n++) {
        lua_getfield(L, -1, *n);
        rt_freeze(L, -1);
        lua_setfield(L, -4, *n);
        lua_pop(L, 1);
    }
    lua_pop(L, 1); /* base */
    /* The string metatable: protected, and pointing at the frozen string
     * table, so ("").x cannot reach the real one. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_getfield(L, -3, LUA_STRLIBNAME);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    /* Empty the real globals: nothing should reach them. */
    lua_pushglobaltable(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, -4);
    }
    lua_pop(L, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &BASE_KEY);
}

/* Put name = value (top of stack) into the shared globals. */
void rt_set_global(lua_State *L, const char *name);
void rt_set_global(lua_State *L, const char *name)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &BASE_KEY);
    lua_insert(L, -2);
    lua_pushstring(L, name);
    lua_insert(L, -2);
    lua_rawset(L, -3); /* raw: the sealed base refuses ordinary writes */
    lua_pop(L, 1);
}

/* After setup: the globals turn strict (undeclared reads are errors). */
static void seal_base(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &BASE_KEY);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, undeclared_global);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, global_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

/*
 * Host code that drives a state outside a script (building the globals,
 * loading and compiling forms, reading manifests) calls the Lua API, which
 * raises an error when an allocation fails; raised outside a protected
 * call, that error is a panic (abort). Such code runs through
 * rt_protected(): fn's own error codes come back as they are, a raised
 * error becomes a tdkt error, and when the host ran out of memory at any
 * point the answer is TDKT_ENOMEM, whatever fn made of it. fn must keep
 * every block it mallocs reachable from ud or r, since a raised error
 * skips its cleanup.
 */
typedef struct protected_call {
    rt *r;
    int (*fn)(rt *r, void *ud);
    void *ud;
    int error;
} protected_call;

static int protected_trampoline(lua_State *L)
{
    protected_call *pc = lua_touserdata(L, 1);
    lua_pop(L, 1);
    pc->error = pc->fn(pc->r, pc->ud);
    return 0;
}

int rt_protected(rt *r, int (*fn)(rt *r, void *ud), void *ud)
{
    lua_State *L = r->L;
    int top = lua_gettop(L);
    protected_call pc = {r, fn, ud, TDKT_OK};
    lua_pushcfunction(L, protected_trampoline);
    lua_pushlightuserdata(L, &pc);
    int status = lua_pcall(L, 1, 0, 0);
    int error = pc.error;
    if (status == LUA_ERRMEM) {
        char msg[sizeof r->mem_where + 64];
        memory_limit_text(r, r->mem_where, msg, sizeof msg);
        error = tdkt_error_set(TDKT_ELIMIT, "%s", msg);
    } else if (status != LUA_OK) {
        error = rt_lua_error(r, NULL,
                             lua_type(L, -1) == LUA_TSTRING
                                 ? lua_tostring(L, -1)
                                 : "error in a Lua state");
    }
    if (r->host_oom)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    lua_settop(L, top);
    return error;
}

char *rt_strdup(rt *r, const char *s)
{
    char *d = strdup(s);
    if (!d) {
        r->host_oom = true;
        luaL_error(r->L, "out of memory");
    }
    return d;
}

/*
 * The prelude's own tables (STATE_AWARDS …) are locals its helpers close
 * over, out of the rules' reach, until a helper hands one to a function
 * the rule supplied: lib.one_state_award_a_year(s, n) passes its list of
 * codes to s:honours, and s may be a rule's table with a honours method
 * that changes the list for every later judgement. So every table a
 * prelude function closes over, at any depth through the functions it
 * closes over, is frozen in place as the rules' are (C reads them through
 * the proxy's __index, as it reads parameters).
 */
static void freeze_closed_over(lua_State *L, int fidx, int seen, int depth)
{
    fidx = lua_absindex(L, fidx);
    if (!lua_isfunction(L, fidx) || lua_iscfunction(L, fidx))
        return;
    lua_pushvalue(L, fidx);
    if (lua_rawget(L, seen) != LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, fidx);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    if (depth > NEST_MAX)
        too_deep(L);
    luaL_checkstack(L, 6, "freezing the prelude");
    for (int i = 1;; i++) {
        const char *name = lua_getupvalue(L, fidx, i); /* v */
        if (!name)
            break;
        if (strcmp(name, "_ENV") != 0 && lua_type(L, -1) == LUA_TTABLE &&
            !is_proxy(L, -1)) {
            rt_freeze(L, -1); /* v proxy */
            lua_setupvalue(L, fidx, i);
        } else if (lua_type(L, -1) == LUA_TFUNCTION) {
            freeze_closed_over(L, -1, seen, depth + 1);
        }
        lua_pop(L, 1);
    }
}

static void freeze_prelude_locals(lua_State *L, int lib)
{
    lib = lua_absindex(L, lib);
    lua_newtable(L); /* seen */
    int seen = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, lib)) {
        freeze_closed_over(L, -1, seen, 0);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* The names of the vocabulary's codes the prelude shows in details, as
 * vocab.c has them: { rating = { good = { vi, en }, … }, kind = …, … },
 * pushed for the prelude chunk to take as its argument (so that there is
 * one table of names, and rules get no new global). */
static void push_vocab_names(lua_State *L)
{
    static const struct {
        const char *key;
        tdkt_vocab_domain d;
    } shown[] = {{"rating", TDKT_V_RATING},       {"kind", TDKT_V_KIND},
                 {"level", TDKT_V_LEVEL},         {"scope", TDKT_V_SCOPE},
                 {"unit_kind", TDKT_V_UNIT_KIND}, {"category", TDKT_V_CATEGORY}};
    size_t n = sizeof shown / sizeof *shown;
    lua_createtable(L, 0, (int)n);
    for (size_t k = 0; k < n; k++) {
        int count = tdkt_vocab_count(shown[k].d);
        lua_createtable(L, 0, count);
        for (int i = 0; i < count; i++) {
            lua_createtable(L, 2, 0);
            lua_pushstring(L, tdkt_vocab_name(shown[k].d, i, TDKT_LANG_VI));
            lua_rawseti(L, -2, 1);
            lua_pushstring(L, tdkt_vocab_name(shown[k].d, i, TDKT_LANG_EN));
            lua_rawseti(L, -2, 2);
            lua_setfield(L, -2, tdkt_vocab_code(shown[k].d, i));
        }
        lua_setfield(L, -2, shown[k].key);
    }
}

static int load_prelude(rt *r)
{
    lua_State *L = r->L;
    if (rt_load_chunk(L, tdkt__prelude_lua, tdkt__prelude_lua_len,
                      "=[tdkt prelude]") != LUA_OK)
        return tdkt_error_set(TDKT_ERULE, "prelude: %s",
                              lua_tostring(L, -1));
    push_vocab_names(L);
    lua_pushboolean(L, r->quiet); /* the prelude's QUIET */
    if (rt_pcall(r, 2, 1) != LUA_OK)
        return tdkt_error_set(TDKT_ERULE, "prelude: %s",
                              lua_tostring(L, -1));
    freeze_prelude_locals(L, -1);
    rt_freeze(L, -1);
    rt_set_global(L, "lib");
    lua_pop(L, 1);
    return TDKT_OK;
}

/* The globals, the rule API and the prelude (under rt_protected). */
static int setup_bare(rt *r, void *ud)
{
    (void)ud;
    lua_State *L = r->L;
    lua_pushlightuserdata(L, r);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &HOST_KEY);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode"); /* weak keys */
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &FROZEN_KEY);
    (void)PROXY_MT_KEY;
    build_base(L);
    rt_open_api(L);
    int error = load_prelude(r);
    if (error < 0)
        return error;
    seal_base(L);
    return TDKT_OK;
}

/* A sandboxed state with the globals, the rule API and the prelude, but
 * no forms: for manifests and test cases, and the base of rt_new(). */
static int new_state(rt **out, const rt_limits *limits, bool quiet)
{
    *out = NULL;
    rt *r = calloc(1, sizeof *r);
    if (!r)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    r->limits = *limits;
    r->quiet = quiet;
    r->deadline_ns = UINT64_MAX; /* not armed */
    r->snapshot_ref = LUA_NOREF;
    r->ctx.lang = tdkt_message_lang(); /* until a judgement sets its own */
    /* Loading may need more than one nomination's budget; the cap stays. */
    lua_State *L = lua_newstate(rt_alloc, r);
    if (!L) {
        free(r);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory (cannot create a "
                                           "Lua state)");
    }
    r->L = L;
    r->watched = rt_watch_add(&r->watch, start_count, r);
    int error = rt_protected(r, setup_bare, NULL);
    if (error < 0) {
        rt_free(r);
        return error;
    }
    *out = r;
    return TDKT_OK;
}

int rt_new_bare(rt **out, const rt_limits *limits);
int rt_new_bare(rt **out, const rt_limits *limits)
{
    return new_state(out, limits, false);
}

static int bind(rt *r, void *ud)
{
    (void)ud;
    return rt_bind(r);
}

int rt_new(rt **out, const tdkt_ruleset *rs, const rt_limits *limits,
           unsigned flags)
{
    rt *r = NULL;
    int error = new_state(&r, limits, flags & RT_QUIET);
    if (error < 0)
        return error;
    r->rs = rs;
    /* Loading runs every form file once: a larger budget, still bounded
     * (a slow, loaded or instrumented machine must not fail to load). */
    r->limits.instructions = limits->instructions * 20;
    r->limits.time_ms = limits->time_ms * 10;
    rt_arm(r);
    error = rt_load_forms(r, flags & RT_DESCRIPTORS ? (tdkt_ruleset *)rs
                                                    : NULL);
    if (rt_disarm(r) && error == TDKT_OK)
        error = tdkt_error_set(TDKT_ELIMIT,
                               RT_TR(r, "%s: khi nạp: %s", "%s: loading: %s"),
                               rs->dir, r->kill_msg);
    r->limits = *limits;
    if (error == TDKT_OK)
        error = rt_protected(r, bind, NULL);
    /* A form file that "failed" because the host's memory ran out is not
     * the rule set's fault. */
    if (error < 0 && r->host_oom)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    lua_gc(r->L, LUA_GCCOLLECT);
    if (error < 0) {
        rt_free(r);
        return error;
    }
    *out = r;
    return TDKT_OK;
}

void rt_free(rt *r)
{
    if (!r)
        return;
    if (r->watched)
        rt_watch_remove(&r->watch);
    if (r->L)
        lua_close(r->L);
    rt_pool_release(&r->pool); /* after every block went back */
    free(r->form_fns);
    free(r->form_params);
    for (int i = 0; i < RT_MAX_DEPTH; i++) {
        free(r->scratch[i].result);
        free(r->scratch[i].detail);
        free(r->scratch_text[i].ptr);
    }
    free(r);
}

/*
 * Data tables that the host reads after the script has run (manifests,
 * test cases) must hold plain data: a metatable would run code outside any
 * budget or protected call. Raises an error (with the caller's line) when
 * the table at idx, or one inside it, has a metatable.
 */
void rt_require_plain(lua_State *L, int idx, int depth);
void rt_require_plain(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    rt *r = rt_host(L);
    if (depth > 16)
        luaL_error(L, RT_TR(r, "các bảng lồng nhau quá sâu",
                            "tables nested too deeply"));
    if (lua_getmetatable(L, idx)) {
        lua_pop(L, 1);
        luaL_error(L, RT_TR(r, "bảng này không được có metatable (chỉ được "
                               "chứa dữ liệu)",
                            "this table may not have a metatable (plain "
                            "data only)"));
    }
    luaL_checkstack(L, 4, "plain data");
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -1) == LUA_TTABLE)
            rt_require_plain(L, -1, depth + 1);
        lua_pop(L, 1);
    }
}

/* ------------------------------------------------ kept-state detection */

/*
 * A rule may not carry anything from one judgement to the next: the
 * locals its functions close over (upvalues) must hold, after every
 * judgement, what they held when the rule set was loaded. So at load
 * each criterion's function is walked: tables it reaches are frozen in
 * place (the upvalue now holds the proxy), functions it reaches are
 * walked in turn, and every upvalue but _ENV (the chunk's environment,
 * read-only) is recorded with its value, under the form whose criterion
 * reached it. rt_check_state() compares them after a judgement, for the
 * forms that judgement ran. Values of every type are recorded: a local
 * that held a table could otherwise be given a new one (seen = {n = 1})
 * and carry it on. The prelude's functions are the engine's and assign
 * nothing of the rules': they are not walked.
 *
 * The registry table: snap[bit + 1] = { seen = {…}, f, i, v, name, f,
 * i, v, name, … } for the form of rt_form_bit 1 << bit, four slots a
 * record; seen holds the functions and tables walked and the upvalues
 * recorded (by upvalue id) for it.
 */
static void snapshot_function(rt *r, int fidx, int bit, int depth);
static void snapshot_table(rt *r, int tidx, int bit, int depth);

/* snap[bit + 1] and its seen, pushed (snap form seen). */
static void push_form_snapshot(rt *r, int bit)
{
    lua_State *L = r->L;
    luaL_checkstack(L, 8, "snapshot");
    if (r->snapshot_ref == LUA_NOREF) {
        lua_newtable(L);
        r->snapshot_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->snapshot_ref);
    if (lua_rawgeti(L, -1, bit + 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_newtable(L);
        lua_setfield(L, -2, "seen");
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, bit + 1);
    }
    lua_getfield(L, -1, "seen");
}

/* Whether the value at @p idx is in the form's seen set; marks it. */
static bool seen_before(rt *r, int idx, int bit)
{
    lua_State *L = r->L;
    idx = lua_absindex(L, idx);
    push_form_snapshot(r, bit); /* snap form seen */
    lua_pushvalue(L, idx);
    bool seen = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
    if (!seen) {
        lua_pushvalue(L, idx);
        lua_pushboolean(L, 1);
        lua_rawset(L, -3);
    }
    lua_pop(L, 3);
    return seen;
}

/* The functions and tables held in the table at @p idx, walked. */
static void snapshot_fields(rt *r, int idx, int bit, int depth)
{
    lua_State *L = r->L;
    luaL_checkstack(L, 6, "snapshot");
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -1) == LUA_TFUNCTION)
            snapshot_function(r, -1, bit, depth + 1);
        else if (lua_type(L, -1) == LUA_TTABLE)
            snapshot_table(r, -1, bit, depth + 1);
        lua_pop(L, 1);
    }
}

/* Walk a (frozen) table for the functions it holds, at any depth, and
 * in its real table's metatable (an __index function's upvalues). */
static void snapshot_table(rt *r, int tidx, int bit, int depth)
{
    lua_State *L = r->L;
    tidx = lua_absindex(L, tidx);
    if (!is_proxy(L, tidx) || seen_before(r, tidx, bit))
        return;
    if (depth > NEST_MAX)
        too_deep(L);
    rt_frozen_real(L, tidx); /* real */
    int real = lua_gettop(L);
    snapshot_fields(r, real, bit, depth);
    if (lua_getmetatable(L, real)) { /* real mt0 */
        snapshot_fields(r, lua_gettop(L), bit, depth);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static bool from_prelude(lua_State *L, int fidx)
{
    lua_Debug ar;
    lua_pushvalue(L, fidx);
    return lua_getinfo(L, ">S", &ar) &&
           strcmp(ar.source, "=[tdkt prelude]") == 0;
}

static void snapshot_function(rt *r, int fidx, int bit, int depth)
{
    lua_State *L = r->L;
    fidx = lua_absindex(L, fidx);
    if (lua_iscfunction(L, fidx) || from_prelude(L, fidx) ||
        seen_before(r, fidx, bit))
        return;
    if (depth > NEST_MAX)
        too_deep(L);
    luaL_checkstack(L, 8, "snapshot");
    for (int i = 1;; i++) {
        const char *name = lua_getupvalue(L, fidx, i); /* v */
        if (!name)
            break;
        int t = lua_type(L, -1);
        lua_pushlightuserdata(L, lua_upvalueid(L, fidx, i)); /* v id */
        bool again = seen_before(r, -1, bit);
        lua_pop(L, 1);
        if (strcmp(name, "_ENV") == 0 || again) {
            lua_pop(L, 1);
            continue;
        }
        if (t == LUA_TTABLE) {
            rt_freeze(L, -1);                  /* v proxy */
            snapshot_table(r, -1, bit, depth); /* functions kept in it */
            lua_pushvalue(L, -1);
            lua_setupvalue(L, fidx, i);
            lua_remove(L, -2); /* proxy */
        } else if (t == LUA_TFUNCTION) {
            snapshot_function(r, -1, bit, depth + 1);
        }
        push_form_snapshot(r, bit); /* v snap form seen */
        lua_pop(L, 1);              /* v snap form */
        lua_Integer k = (lua_Integer)lua_rawlen(L, -1);
        lua_pushvalue(L, fidx);
        lua_rawseti(L, -2, k + 1);
        lua_pushinteger(L, i);
        lua_rawseti(L, -2, k + 2);
        lua_pushvalue(L, -3);
        lua_rawseti(L, -2, k + 3);
        lua_pushstring(L, name);
        lua_rawseti(L, -2, k + 4);
        r->snapshot_forms |= 1u << bit;
        lua_pop(L, 3);
    }
}

static int snapshot_protected(lua_State *L)
{
    snapshot_function(lua_touserdata(L, 2), 1, (int)lua_tointeger(L, 3), 0);
    return 0;
}

int rt_snapshot_function(rt *r, int fidx, int bit)
{
    lua_State *L = r->L;
    fidx = lua_absindex(L, fidx);
    lua_pushcfunction(L, snapshot_protected);
    lua_pushvalue(L, fidx);
    lua_pushlightuserdata(L, r);
    lua_pushinteger(L, bit);
    int status = lua_pcall(L, 3, 0, 0);
    if (status == LUA_OK)
        return 0;
    if (status == LUA_ERRMEM) /* the cap's own message, from the loader */
        lua_error(L);
    /* the message stays on the stack for the caller, who knows where */
    return -1;
}

/* The records of one form (at the top of the stack: f, i, value, name,
 * four slots each) compared; the first change is named in kill_msg. */
static bool check_form_state(rt *r, bool ok)
{
    lua_State *L = r->L;
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer k = 1; k + 3 <= n; k += 4) {
        lua_rawgeti(L, -1, k); /* form f */
        lua_rawgeti(L, -2, k + 1);
        int i = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        lua_getupvalue(L, -1, i);  /* form f now */
        lua_rawgeti(L, -3, k + 2); /* form f now was */
        if (lua_rawequal(L, -1, -2) ||
            (lua_type(L, -1) == LUA_TNUMBER && /* NaN is never equal */
             lua_type(L, -2) == LUA_TNUMBER &&
             lua_tonumber(L, -1) != lua_tonumber(L, -1) &&
             lua_tonumber(L, -2) != lua_tonumber(L, -2))) {
            lua_pop(L, 3);
            continue;
        }
        lua_setupvalue(L, -3, i); /* restore; form f now */
        lua_Debug ar;
        lua_pushvalue(L, -2);
        lua_getinfo(L, ">S", &ar);
        lua_rawgeti(L, -3, k + 3); /* form f now name */
        if (ok)
            snprintf(r->kill_msg, sizeof r->kill_msg,
                     RT_TR(r,
                           "%s:%d: quy tắc đã đổi biến cục bộ '%s' ở "
                           "ngoài hàm, làm mang trạng thái sang đề "
                           "nghị sau",
                           "%s:%d: the rule changed the local '%s', "
                           "which would carry state to the next "
                           "nomination"),
                     ar.short_src, ar.linedefined, lua_tostring(L, -1));
        ok = false;
        lua_pop(L, 3);
    }
    return ok;
}

bool rt_check_state(rt *r, uint32_t forms)
{
    forms &= r->snapshot_forms;
    if (!forms)
        return true;
    lua_State *L = r->L;
    luaL_checkstack(L, 8, "snapshot");
    bool ok = true;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->snapshot_ref); /* snap */
    for (int bit = 0; bit < 32; bit++) {
        if (!(forms >> bit & 1))
            continue;
        lua_rawgeti(L, -1, bit + 1); /* snap form */
        ok = check_form_state(r, ok);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return ok;
}

void rt_stop(rt *r)
{
    r->killed = true;
    make_sticky(r);
}
