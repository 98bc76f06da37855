/*
 * The rule states' small-block allocator (rules/pool.h): blocks keep
 * their bytes as they move between size classes and to and from malloc,
 * freed blocks are reused, and a whole Lua state runs on it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "rules/pool.h"

static void fill(unsigned char *b, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(seed + i * 7);
}

static void check(const unsigned char *b, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(b[i], (unsigned char)(seed + i * 7));
}

/* Growing one block through every size up to well past the pooled ones,
 * then shrinking it back, keeps its first bytes each time; every block is
 * aligned for any object. */
static void test_pool__realloc_keeps_bytes(void **state)
{
    (void)state;
    rt_pool p = {0};
    size_t sizes[] = {1, 8, 16, 17, 31, 32, 100, 255, 256, 257,
                      1000, 5000, 256, 200, 40, 16, 3};
    unsigned char *b = NULL;
    size_t have = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = sizes[i];
        b = rt_pool_realloc(&p, b, have, n);
        assert_non_null(b);
        assert_int_equal((uintptr_t)b % _Alignof(max_align_t), 0);
        check(b, have < n ? have : n, 5);
        fill(b, n, 5);
        have = n;
    }
    rt_pool_free(&p, b, have);
    rt_pool_release(&p);
}

/* Many live blocks of mixed sizes never overlap, and a freed block of a
 * class is the next one that class gives (the pool reuses, not grows). */
static void test_pool__blocks_are_distinct_and_reused(void **state)
{
    (void)state;
    rt_pool p = {0};
    enum { N = 5000 };
    static unsigned char *b[N];
    for (unsigned i = 0; i < N; i++) {
        size_t n = 1 + (i * 37) % 300;
        b[i] = rt_pool_realloc(&p, NULL, 0, n);
        assert_non_null(b[i]);
        fill(b[i], n, i);
    }
    for (unsigned i = 0; i < N; i++)
        check(b[i], 1 + (i * 37) % 300, i);
    if (rt_pool_on()) {
        void *old = b[10];
        size_t n = 1 + (10 * 37) % 300;
        rt_pool_free(&p, b[10], n);
        b[10] = rt_pool_realloc(&p, NULL, 0, n);
        assert_ptr_equal(b[10], old);
        /* within its class a block grows in place */
        assert_ptr_equal(rt_pool_realloc(&p, b[10], n, (n + 15) / 16 * 16),
                         old);
        n = (n + 15) / 16 * 16;
        rt_pool_free(&p, b[10], n);
        b[10] = NULL;
    }
    for (unsigned i = 0; i < N; i++)
        rt_pool_free(&p, b[i], 1 + (i * 37) % 300);
    rt_pool_release(&p);
}

static void *lua_on_pool(void *ud, void *ptr, size_t osize, size_t nsize)
{
    rt_pool *p = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        rt_pool_free(p, ptr, osize);
        return NULL;
    }
    return rt_pool_realloc(p, ptr, osize, nsize);
}

/* A Lua state whose every block comes from a pool: strings, tables that
 * grow and shrink, a full collection, then close and release. */
static void test_pool__lua_state(void **state)
{
    (void)state;
    rt_pool p = {0};
    lua_State *L = lua_newstate(lua_on_pool, &p);
    assert_non_null(L);
    luaL_openlibs(L);
    const char *script =
        "local t, s = {}, ''\n"
        "for i = 1, 20000 do\n"
        "  t[i] = ('x'):rep(i % 300) .. i\n"
        "  if i % 3 == 0 then t[i - 1] = nil end\n"
        "  s = s .. (i % 10)\n"
        "end\n"
        "collectgarbage()\n"
        "local n = 0\n"
        "for i = 1, 20000 do if t[i] then n = n + #t[i] end end\n"
        "return n, #s, t[20000]:sub(-5)\n";
    assert_int_equal(luaL_dostring(L, script), LUA_OK);
    assert_int_equal(lua_tointeger(L, -3), 2039599);
    assert_int_equal(lua_tointeger(L, -2), 20000);
    assert_string_equal(lua_tostring(L, -1), "20000");
    lua_close(L);
    rt_pool_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool__realloc_keeps_bytes),
        cmocka_unit_test(test_pool__blocks_are_distinct_and_reused),
        cmocka_unit_test(test_pool__lua_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
