/*
 * Lua's own error messages in Vietnamese (rules/luamsg.c). The messages
 * are Lua's real ones, raised by running and compiling code in a plain
 * state, so a template that no longer matches what Lua says fails here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "rules/rules_internal.h"

/* What Lua says when it runs (or compiles) @p code, as "=rule.lua". */
static const char *lua_says(lua_State *L, const char *code)
{
    lua_settop(L, 0);
    int st = luaL_loadbufferx(L, code, strlen(code), "=rule.lua", "t");
    if (st == LUA_OK)
        st = lua_pcall(L, 0, 0, 0);
    assert_int_not_equal(st, LUA_OK);
    return lua_tostring(L, -1);
}

typedef struct said {
    const char *code, *en, *vi;
} said;

static void test_luamsg__lua_messages_in_vietnamese(void **state)
{
    (void)state;
    static const said cases[] = {
        {"local t = {} return t.a.b",
         "rule.lua:1: attempt to index a nil value (field 'a')",
         "rule.lua:1: không lấy được trường của giá trị nil (trường 'a')"},
        {"undefined_fn()",
         "rule.lua:1: attempt to call a nil value (global 'undefined_fn')",
         "rule.lua:1: không gọi được giá trị nil như một hàm (biến toàn cục "
         "'undefined_fn')"},
        {"local x\nreturn x + 1",
         "rule.lua:2: attempt to perform arithmetic on a nil value (local "
         "'x')",
         "rule.lua:2: không tính toán được với giá trị nil (biến cục bộ "
         "'x')"},
        {"return 'a' .. {}", "rule.lua:1: attempt to concatenate a table value",
         "rule.lua:1: không nối chuỗi được với giá trị table"},
        {"local n = 1 return n < 'x'",
         "rule.lua:1: attempt to compare number with string",
         "rule.lua:1: không so sánh được number với string"},
        {"return {} < {}", "rule.lua:1: attempt to compare two table values",
         "rule.lua:1: không so sánh được hai giá trị table"},
        {"local x return #x",
         "rule.lua:1: attempt to get length of a nil value (local 'x')",
         "rule.lua:1: không lấy được độ dài của giá trị nil (biến cục bộ "
         "'x')"},
        {"local z = 0 return 1 // z", "rule.lua:1: attempt to divide by zero",
         "rule.lua:1: không chia cho 0 được"},
        {"local z = 0 return 1 % z", "rule.lua:1: attempt to perform 'n%0'",
         "rule.lua:1: không lấy phần dư khi chia cho 0 được ('n%0')"},
        {"local h = 1.5 return h | 0",
         "rule.lua:1: number (local 'h') has no integer representation",
         "rule.lua:1: số (biến cục bộ 'h') không có giá trị nguyên tương "
         "ứng"},
        {"return ('x'):rep({})",
         "rule.lua:1: bad argument #1 to 'rep' (number expected, got table)",
         "rule.lua:1: đối số thứ 1 của 'rep' không hợp lệ (cần number, nhận "
         "được table)"},
        {"return string.format('%d', 1.5)",
         "rule.lua:1: bad argument #2 to 'format' (number has no integer "
         "representation)",
         "rule.lua:1: đối số thứ 2 của 'format' không hợp lệ (số không có "
         "giá trị nguyên tương ứng)"},
        {"return math.floor()",
         "rule.lua:1: bad argument #1 to 'floor' (number expected, got no "
         "value)",
         "rule.lua:1: đối số thứ 1 của 'floor' không hợp lệ (cần number, "
         "nhận được không có giá trị)"},
        {"for i = nil, 2 do end",
         "rule.lua:1: bad 'for' initial value (number expected, got nil)",
         "rule.lua:1: giá trị đầu của vòng lặp 'for' không hợp lệ (cần "
         "number, nhận được nil)"},
        {"local t = {} t[nil] = 1", "rule.lua:1: table index is nil",
         "rule.lua:1: khóa của bảng là nil"},
        {"local function f() return f() + 1 end f()",
         "rule.lua:1: stack overflow",
         "rule.lua:1: tràn ngăn xếp (gọi lồng nhau quá sâu)"},
        /* syntax */
        {"local x = ", "rule.lua:1: unexpected symbol near <eof>",
         "rule.lua:1: ký hiệu không đúng chỗ ở cuối tệp"},
        {"if x then\nreturn 1\nelse else end",
         "rule.lua:3: 'end' expected (to close 'if' at line 1) near 'else'",
         "rule.lua:3: thiếu 'end' (để đóng 'if' ở dòng 1) gần 'else'"},
        {"return 1 end", "rule.lua:1: <eof> expected near 'end'",
         "rule.lua:1: thừa 'end' (mọi khối lệnh đã đóng)"},
        {"local s = 'abc\nlocal t = 1",
         "rule.lua:1: unfinished string near ''abc'",
         "rule.lua:1: chuỗi chưa được đóng gần ''abc'"},
        {"x = a is b", "rule.lua:1: syntax error near 'b'",
         "rule.lua:1: lỗi cú pháp gần 'b'"},
        {"local n = 3x", "rule.lua:1: malformed number near '3x'",
         "rule.lua:1: số viết sai gần '3x'"},
        {"for i in pairs(t)", "rule.lua:1: 'do' expected near <eof>",
         "rule.lua:1: thiếu 'do' ở cuối tệp"},
        {"for i pairs(t) do end", "rule.lua:1: '=' or 'in' expected near "
                                  "'pairs'",
         "rule.lua:1: thiếu '=' hoặc 'in' gần 'pairs'"},
        {"break", "rule.lua:1: break outside loop at line 1",
         "rule.lua:1: 'break' nằm ngoài vòng lặp ở dòng 1"},
        {"local c <const> = 1 c = 2",
         "rule.lua:1: attempt to assign to const variable 'c'",
         "rule.lua:1: không gán được cho biến hằng 'c'"},
    };
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *msg = lua_says(L, cases[i].code);
        char vi[512], en[512];
        rt_lua_message(en, sizeof en, msg, TDKT_LANG_EN);
        rt_lua_message(vi, sizeof vi, msg, TDKT_LANG_VI);
        if (strcmp(msg, cases[i].en) != 0 || strcmp(en, cases[i].en) != 0 ||
            strcmp(vi, cases[i].vi) != 0)
            fail_msg("case %zu (%s):\n  lua:  %s\n  en:   %s\n  vi:   %s\n"
                     "  want: %s",
                     i, cases[i].code, msg, en, vi, cases[i].vi);
    }
    lua_close(L);
}

/* Messages that are not Lua's stay as they are: a rule's own error(),
 * tdkt's (already in the run's language), a name that happens to read
 * like a template inside an unmatched message. Positions stack up from
 * nested judgements and all stay. */
static void test_luamsg__others_kept(void **state)
{
    (void)state;
    static const char *const kept[] = {
        "ldtt.lua:12: boom for M1",
        "ldtt.lua:12: vượt giới hạn số lệnh (50000000 lệnh)",
        "something expected, got nothing at all",
        "ldtt.lua:3 not a position: attempt to index a nil value",
        "",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        char vi[256];
        rt_lua_message(vi, sizeof vi, kept[i], TDKT_LANG_VI);
        if (i == 2)
            assert_string_equal(vi, "cần something, nhận được nothing at all");
        else
            assert_string_equal(vi, kept[i]);
    }
    char vi[256];
    rt_lua_message(vi, sizeof vi,
                   "bk_tinh.lua:40: cstd_cs.lua:12: attempt to call a nil "
                   "value (method 'nope')",
                   TDKT_LANG_VI);
    assert_string_equal(vi, "bk_tinh.lua:40: cstd_cs.lua:12: không gọi được "
                            "giá trị nil như một hàm (phương thức 'nope')");
    /* a quoted name is a hole's text, not a template's */
    rt_lua_message(vi, sizeof vi,
                   "f.lua:1: attempt to index a nil value (field 'near')",
                   TDKT_LANG_VI);
    assert_string_equal(vi, "f.lua:1: không lấy được trường của giá trị nil "
                            "(trường 'near')");
}

/* Matching has a bound of steps (a rule chooses the words of its
 * messages); a long but ordinary message is well within it. */
static void test_luamsg__long_message(void **state)
{
    (void)state;
    static char msg[1100], name[900], want[1200], got[1200];
    memset(name, 'x', sizeof name - 1);
    snprintf(msg, sizeof msg, "f.lua:9: attempt to index a nil value "
                              "(field '%s')", name);
    snprintf(want, sizeof want, "f.lua:9: không lấy được trường của giá "
                                "trị nil (trường '%s')", name);
    rt_lua_message(got, sizeof got, msg, TDKT_LANG_VI);
    assert_string_equal(got, want);
}

/* A short buffer cuts at a character's start, never inside one. */
static void test_luamsg__cut_at_a_character(void **state)
{
    (void)state;
    const char *msg = "x.lua:1: attempt to index a nil value";
    char full[256];
    rt_lua_message(full, sizeof full, msg, TDKT_LANG_VI);
    size_t len = strlen(full);
    for (size_t n = 1; n <= len + 1; n++) {
        char buf[256];
        memset(buf, 'Z', sizeof buf);
        rt_lua_message(buf, n, msg, TDKT_LANG_VI);
        size_t got = strlen(buf);
        assert_true(got < n);
        assert_memory_equal(buf, full, got); /* a prefix of the whole */
        assert_true(got == len || ((unsigned char)full[got] & 0xC0) != 0x80);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_luamsg__lua_messages_in_vietnamese),
        cmocka_unit_test(test_luamsg__others_kept),
        cmocka_unit_test(test_luamsg__long_message),
        cmocka_unit_test(test_luamsg__cut_at_a_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
