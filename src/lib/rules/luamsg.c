/*
 * Lua's own error messages in Vietnamese. tdkt's messages are written in
 * both languages where they are raised (TDKT_MSG, TDKT_TR); Lua's come
 * from Lua's source in English, and a rule author or a civil servant
 * reading an error outcome meets them as often as tdkt's: "attempt to
 * index a nil value (field 'x')", "'end' expected near 'else'". Each is
 * matched whole against the templates below and rewritten; a message that
 * matches none (a rule's own error(), tdkt's messages) is kept as it is.
 */
#include <stdbool.h>
#include <string.h>

#include "rules/rules_internal.h"

/* A template is literal text with holes %1..%4, each matching any text
 * (the shortest that lets the rest match). In the Vietnamese, a hole
 * stands for its text, itself translated when it matches a template
 * whole: a variable's description, a syntax error's reason, the reason in
 * a "bad argument". First match wins: the longer forms come first. */
typedef struct phrase {
    const char *en, *vi;
} phrase;

static const phrase phrases[] = {
    /* ldebug.c: operations on values of the wrong type */
    {"attempt to index a %1 value%2", "không lấy được trường của giá trị %1%2"},
    {"attempt to call a %1 value%2", "không gọi được giá trị %1 như một hàm%2"},
    {"attempt to perform arithmetic on a %1 value%2",
     "không tính toán được với giá trị %1%2"},
    {"attempt to perform bitwise operation on a %1 value%2",
     "không thực hiện được phép toán bit với giá trị %1%2"},
    {"attempt to concatenate a %1 value%2",
     "không nối chuỗi được với giá trị %1%2"},
    {"attempt to get length of a %1 value%2",
     "không lấy được độ dài của giá trị %1%2"},
    {"attempt to compare two %1 values", "không so sánh được hai giá trị %1"},
    {"attempt to compare %1 with %2", "không so sánh được %1 với %2"},
    {"attempt to perform 'n%%0'", "không lấy phần dư khi chia cho 0 được "
                                  "('n%%0')"},
    {"attempt to divide by zero", "không chia cho 0 được"},
    {"attempt to load a binary chunk (mode is '%1')",
     "không nạp tệp đã biên dịch (bytecode): quy tắc phải là mã nguồn Lua"},
    {"attempt to assign to const variable '%1'",
     "không gán được cho biến hằng '%1'"},
    {"number%1 has no integer representation",
     "số%1 không có giá trị nguyên tương ứng"},
    {"'for' step is zero", "bước của vòng lặp 'for' bằng 0"},
    {"bad 'for' initial value (number expected, got %1)",
     "giá trị đầu của vòng lặp 'for' không hợp lệ (cần number, nhận được %1)"},
    {"bad 'for' limit (number expected, got %1)",
     "giới hạn của vòng lặp 'for' không hợp lệ (cần number, nhận được %1)"},
    {"bad 'for' step (number expected, got %1)",
     "bước của vòng lặp 'for' không hợp lệ (cần number, nhận được %1)"},
    {"table index is nil", "khóa của bảng là nil"},
    {"table index is NaN", "khóa của bảng là NaN"},
    {"'__index' chain too long; possible loop",
     "chuỗi '__index' quá dài; có thể là vòng lặp vô hạn"},
    {"'__newindex' chain too long; possible loop",
     "chuỗi '__newindex' quá dài; có thể là vòng lặp vô hạn"},
    {"C stack overflow", "tràn ngăn xếp C (gọi lồng nhau quá sâu)"},
    {"stack overflow (%1)", "tràn ngăn xếp (%1)"},
    {"stack overflow", "tràn ngăn xếp (gọi lồng nhau quá sâu)"},
    {"not enough memory", "không đủ bộ nhớ"},
    {"error in error handling", "lỗi trong khi xử lý lỗi"},
    {"string length overflow", "chuỗi quá dài"},
    {"resulting string too large", "chuỗi kết quả quá dài"},
    {"invalid key to 'next'", "khóa không hợp lệ cho 'next'"},
    {"variable '%1' got a non-closable value",
     "biến '%1' nhận một giá trị không đóng được"},

    /* ldebug.c: what the value was (varinfo) */
    {" (global '%1')", " (biến toàn cục '%1')"},
    {" (local '%1')", " (biến cục bộ '%1')"},
    {" (field '%1')", " (trường '%1')"},
    {" (method '%1')", " (phương thức '%1')"},
    {" (upvalue '%1')", " (biến của hàm bao ngoài '%1')"},
    {" (constant '%1')", " (hằng '%1')"},
    {" (for iterator 'for iterator')", " (bộ lặp của vòng lặp 'for')"},

    /* lauxlib.c and the libraries: arguments */
    {"bad argument #%1 to '%2' (%3)",
     "đối số thứ %1 của '%2' không hợp lệ (%3)"},
    {"bad argument #%1 (%2)", "đối số thứ %1 không hợp lệ (%2)"},
    {"calling '%1' on bad self (%2)",
     "gọi '%1' trên một đối tượng không hợp lệ (%2)"},
    {"%1 expected, got %2", "cần %1, nhận được %2"},
    {"no value", "không có giá trị"},
    {"number has no integer representation",
     "số không có giá trị nguyên tương ứng"},
    {"invalid value (%1) at index %2 in table for 'concat'",
     "giá trị không hợp lệ (%1) ở vị trí %2 của bảng cho 'concat'"},
    {"invalid order function for sorting",
     "hàm so sánh không hợp lệ cho việc sắp xếp"},
    {"wrong number of arguments to 'insert'", "sai số đối số của 'insert'"},
    {"wrong number of arguments", "sai số đối số"},
    {"too many results to unpack", "quá nhiều giá trị để unpack"},
    {"invalid conversion '%1' to 'format'",
     "định dạng '%1' không hợp lệ cho 'format'"},
    {"invalid conversion specification: '%1'",
     "đặc tả định dạng không hợp lệ: '%1'"},
    {"invalid value (at index %1) in table for 'concat'",
     "giá trị không hợp lệ (ở vị trí %1) của bảng cho 'concat'"},
    {"invalid capture index %1", "chỉ số capture %1 không hợp lệ"},
    {"malformed pattern (%1)", "mẫu (pattern) viết sai (%1)"},

    /* llex.c, lparser.c: syntax; "MESSAGE near TOKEN" */
    {"<eof> expected near %1", "thừa %1 (mọi khối lệnh đã đóng)"},
    {"%1 near <eof>", "%1 ở cuối tệp"},
    {"%1 near %2", "%1 gần %2"},
    {"unexpected symbol", "ký hiệu không đúng chỗ"},
    {"syntax error", "lỗi cú pháp"},
    {"%1 expected (to close %2 at line %3)",
     "thiếu %1 (để đóng %2 ở dòng %3)"},
    {"%1 or %2 expected", "thiếu %1 hoặc %2"},
    {"%1 expected", "thiếu %1"},
    {"function arguments expected", "thiếu đối số của hàm"},
    {"unfinished string", "chuỗi chưa được đóng"},
    {"unfinished long string (starting at line %1)",
     "chuỗi dài chưa được đóng (bắt đầu ở dòng %1)"},
    {"unfinished long comment (starting at line %1)",
     "chú thích dài chưa được đóng (bắt đầu ở dòng %1)"},
    {"malformed number", "số viết sai"},
    {"invalid escape sequence", "ký tự thoát không hợp lệ"},
    {"decimal escape too large", "mã thoát thập phân quá lớn"},
    {"hexadecimal digit expected", "thiếu chữ số thập lục phân"},
    {"UTF-8 value too large", "giá trị UTF-8 quá lớn"},
    {"invalid long string delimiter", "dấu mở chuỗi dài không hợp lệ"},
    {"lexical element too long", "từ tố quá dài"},
    {"chunk has too many lines", "tệp có quá nhiều dòng"},
    {"break outside loop at line %1", "'break' nằm ngoài vòng lặp ở dòng %1"},
    {"no visible label '%1' for <goto> at line %2",
     "không thấy nhãn '%1' cho goto ở dòng %2"},
    {"label '%1' already defined on line %2",
     "nhãn '%1' đã được đặt ở dòng %2"},
    {"unknown attribute '%1'", "thuộc tính '%1' không hợp lệ"},
};

/* A message longer than TEXT_MAX is kept as it is, and so is one whose
 * matching takes more than STEPS steps: rule code chooses what goes into
 * a message (names, values, its own texts), and translating must stay
 * cheap whatever it wrote. */
enum { HOLES = 4, DEPTH = 3, TEXT_MAX = 1024, STEPS = 20000 };

typedef struct span {
    const char *p;
    size_t n;
} span;

/* Does template t match s[0, n) whole? Holes go into caps; *steps
 * counts down the work allowed. */
static bool match(const char *t, const char *s, size_t n, span *caps,
                  long *steps)
{
    for (;;) {
        if (--*steps < 0)
            return false;
        if (*t == '\0')
            return n == 0;
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '0' + HOLES) {
            span *c = &caps[t[1] - '1'];
            t += 2;
            if (*t == '\0') { /* the last hole takes the rest */
                c->p = s;
                c->n = n;
                return true;
            }
            /* The literal after the hole decides where it may end. */
            for (size_t k = 0; k <= n; k++) {
                if (--*steps < 0)
                    return false;
                if (*t != '%' && (k == n || s[k] != *t))
                    continue;
                if (match(t, s + k, n - k, caps, steps)) {
                    c->p = s;
                    c->n = k;
                    return true;
                }
            }
            return false;
        }
        if (t[0] == '%' && t[1] == '%')
            t++; /* "%%" is a literal '%' */
        if (n == 0 || *s != *t)
            return false;
        t++;
        s++;
        n--;
    }
}

typedef struct out {
    char *p;
    size_t n, len;
    bool full; /* cut: nothing more is written, so it stays a prefix */
} out;

static void put(out *o, const char *s, size_t n)
{
    size_t room = o->n - 1 - o->len;
    if (o->full)
        return;
    if (n > room) {
        o->full = true;
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* s[n] continues a character: cut before it */
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void translate(out *o, const char *s, size_t n, int depth);

/* Writes the Vietnamese of s[0, n) when a template matches it whole. */
static bool rewrite(out *o, const char *s, size_t n, int depth)
{
    long steps = STEPS;
    for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++) {
        span caps[HOLES] = {{0}};
        if (!match(phrases[i].en, s, n, caps, &steps))
            continue;
        for (const char *v = phrases[i].vi; *v;) {
            if (v[0] == '%' && v[1] >= '1' && v[1] <= '0' + HOLES) {
                const span *c = &caps[v[1] - '1'];
                translate(o, c->p, c->n, depth + 1);
                v += 2;
                continue;
            }
            if (v[0] == '%' && v[1] == '%')
                v++;
            const char *e = v + 1;
            while (*e && *e != '%')
                e++;
            put(o, v, (size_t)(e - v));
            v = e;
        }
        return true;
    }
    return false;
}

static void translate(out *o, const char *s, size_t n, int depth)
{
    if (depth > DEPTH || !rewrite(o, s, n, depth))
        put(o, s, n);
}

/* The length of the "where: " a message starts with ("file.lua:12: "),
 * or 0. A path has no newline; the line is digits. */
static size_t position_length(const char *s)
{
    for (const char *c = s; *c && *c != '\n'; c++) {
        if (*c != ':' || c[1] < '0' || c[1] > '9')
            continue;
        const char *d = c + 1;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d[0] == ':' && d[1] == ' ')
            return (size_t)(d + 2 - s);
    }
    return 0;
}

bool rt_lua_has_place(const char *msg)
{
    return position_length(msg) > 0;
}

bool rt_lua_placed(const char *msg)
{
    return position_length(msg) > 0 &&
           strncmp(msg, "[tdkt prelude]", strlen("[tdkt prelude]")) != 0;
}

int rt_lua_error(const rt *r, const char *where, const char *msg)
{
    char text[1024];
    rt_lua_message(text, sizeof text, msg, r->ctx.lang);
    return where ? tdkt_error_set(TDKT_ERULE, "%s: %s", where, text)
                 : tdkt_error_set(TDKT_ERULE, "%s", text);
}

void rt_lua_message(char *dst, size_t dn, const char *msg, tdkt_lang lang)
{
    if (!dst || dn == 0)
        return;
    out o = {dst, dn, 0, false};
    dst[0] = '\0';
    size_t len = strlen(msg);
    if (lang == TDKT_LANG_EN || len > TEXT_MAX) {
        put(&o, msg, len);
        return;
    }
    /* Positions stay as they are: one per level the error went through
     * ("ldtt.lua:50: cstd_cs.lua:12: …" from a nested meets()). */
    size_t at = 0, k;
    while ((k = position_length(msg + at)) > 0)
        at += k;
    put(&o, msg, at);
    translate(&o, msg + at, len - at, 0);
}
