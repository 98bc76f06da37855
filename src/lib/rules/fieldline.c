/*
 * Where a field of a table constructor stands in a rule file's text.
 *
 * Lua keeps a line for each call (`ruleset {`, `criterion "x" {`), not for
 * the fields of the table it is given: a manifest's misspelt parameter on
 * line 9 would be reported at line 2. The loader knows the call's line and
 * has the file's text, so it reads the text again, with a lexer that knows
 * Lua's comments and strings, and finds the field there: `name = …` or
 * `["name"] = …` at the table's own level (not inside a function body or
 * a nested table). A field the text does not show so (a key computed by
 * code) is not found, and the caller keeps the call's line.
 */
#include <stdbool.h>
#include <string.h>

#include "rules/rules_internal.h"

typedef enum { T_END, T_NAME, T_STRING, T_PUNCT, T_OTHER } tok_type;

typedef struct lexer {
    const char *p, *end;
    int line;
} lexer;

typedef struct token {
    tok_type type;
    const char *s; /* a name's text, a short string's contents */
    size_t n;
    char c; /* T_PUNCT: one of { } [ ] = , ; */
    int line;
} token;

/* At "[", "[=…[": the level of a long bracket, or -1. */
static int long_bracket(const lexer *lx)
{
    const char *q = lx->p + 1;
    while (q < lx->end && *q == '=')
        q++;
    return q < lx->end && *q == '[' ? (int)(q - lx->p - 1) : -1;
}

/* Skip a long string or comment of @p level from its opening bracket. */
static void skip_long(lexer *lx, int level)
{
    lx->p += level + 2;
    while (lx->p < lx->end) {
        if (*lx->p == '\n')
            lx->line++;
        if (*lx->p == ']') {
            const char *q = lx->p + 1;
            while (q < lx->end && *q == '=')
                q++;
            if (q < lx->end && *q == ']' && q - lx->p - 1 == level) {
                lx->p = q + 1;
                return;
            }
        }
        lx->p++;
    }
}

/* c is one of the characters of @p set (not the NUL that ends it). */
static bool one_of(char c, const char *set)
{
    return c && strchr(set, c);
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

static token next_token(lexer *lx)
{
    for (;;) {
        while (lx->p < lx->end && one_of(*lx->p, " \t\r\f\v\n")) {
            if (*lx->p == '\n')
                lx->line++;
            lx->p++;
        }
        if (lx->end - lx->p >= 2 && lx->p[0] == '-' && lx->p[1] == '-') {
            lx->p += 2;
            int level = lx->p < lx->end && *lx->p == '[' ? long_bracket(lx)
                                                          : -1;
            if (level >= 0)
                skip_long(lx, level);
            else
                while (lx->p < lx->end && *lx->p != '\n')
                    lx->p++;
            continue;
        }
        break;
    }
    token t = {.type = T_END, .line = lx->line};
    if (lx->p >= lx->end)
        return t;
    char c = *lx->p;
    t.s = lx->p;
    if (c == '"' || c == '\'') {
        lx->p++;
        t.s = lx->p;
        while (lx->p < lx->end && *lx->p != c && *lx->p != '\n') {
            if (*lx->p == '\\' && lx->p + 1 < lx->end) {
                lx->p++;
                if (*lx->p == '\n')
                    lx->line++;
                if (*lx->p == 'z') /* skips the white space after it */
                    while (lx->p + 1 < lx->end &&
                           one_of(lx->p[1], " \t\r\f\v\n"))
                        lx->line += *++lx->p == '\n';
            }
            lx->p++;
        }
        t.type = T_STRING;
        t.n = (size_t)(lx->p - t.s);
        if (lx->p < lx->end)
            lx->p++;
        return t;
    }
    if (c == '[' && long_bracket(lx) >= 0) {
        skip_long(lx, long_bracket(lx));
        t.type = T_OTHER; /* a long string: never compared with a name */
        return t;
    }
    if (name_char(c)) {
        bool number = c >= '0' && c <= '9';
        while (lx->p < lx->end &&
               (name_char(*lx->p) || (number && *lx->p == '.') ||
                (number && one_of(*lx->p, "+-") &&
                 one_of(lx->p[-1], "eEpP"))))
            lx->p++;
        t.type = number ? T_OTHER : T_NAME;
        t.n = (size_t)(lx->p - t.s);
        return t;
    }
    lx->p++;
    if (c == '=' && lx->p < lx->end && *lx->p == '=') {
        lx->p++; /* == */
        t.type = T_OTHER;
    } else if (one_of(c, "{}[]=,;")) {
        t.type = T_PUNCT;
        t.c = c;
    } else {
        t.type = T_OTHER; /* ~= <= >= are one token too many: harmless */
    }
    return t;
}

static bool is_name(const token *t, const char *s)
{
    return t->type == T_NAME && t->n == strlen(s) && memcmp(t->s, s, t->n) == 0;
}

/* Blocks a function body may open and close: inside one, `x = …` is an
 * assignment, not a field. */
static int block_change(const token *t)
{
    if (is_name(t, "function") || is_name(t, "do") || is_name(t, "if") ||
        is_name(t, "repeat"))
        return 1;
    if (is_name(t, "end") || is_name(t, "until"))
        return -1;
    return 0;
}

/* With the lexer just past a table's "{": the line of its field @p key
 * (with @p sub, of the field sub of the table that is key's value), or 0.
 * Reads to the table's "}". */
static int find_field(lexer *lx, const char *key, const char *sub)
{
    int depth = 1, blocks = 0;
    bool field_start = true; /* after "{", "," or ";" */
    while (depth > 0) {
        token t = next_token(lx);
        if (t.type == T_END)
            return 0;
        bool at_field = field_start && depth == 1 && blocks == 0;
        field_start = false;
        if (t.type == T_PUNCT && t.c == '{') {
            depth++;
            field_start = true;
            continue;
        }
        if (t.type == T_PUNCT && t.c == '}') {
            depth--;
            continue;
        }
        if (t.type == T_PUNCT && (t.c == ',' || t.c == ';')) {
            field_start = depth == 1 && blocks == 0;
            continue;
        }
        blocks += block_change(&t);
        if (!at_field)
            continue;
        /* name = …, or ["name"] = … */
        token k = t;
        if (t.type == T_PUNCT && t.c == '[') {
            k = next_token(lx);
            token close = next_token(lx);
            if (k.type != T_STRING || close.type != T_PUNCT || close.c != ']')
                continue; /* another key: skipped with its value */
        } else if (t.type != T_NAME) {
            continue;
        }
        lexer before = *lx;
        token eq = next_token(lx);
        if (eq.type != T_PUNCT || eq.c != '=') {
            *lx = before;
            continue;
        }
        if (k.n != strlen(key) || memcmp(k.s, key, k.n) != 0)
            continue;
        if (!sub)
            return k.line;
        before = *lx;
        token open = next_token(lx);
        if (open.type != T_PUNCT || open.c != '{') {
            *lx = before;
            return k.line;
        }
        int inner = find_field(lx, sub, NULL);
        return inner ? inner : k.line;
    }
    return 0;
}

int rt_field_line(const char *src, size_t len, int table_line,
                  const char *key, const char *sub)
{
    if (!src || table_line <= 0)
        return 0;
    lexer lx = {src, src + len, 1};
    for (;;) {
        token t = next_token(&lx);
        if (t.type == T_END)
            return 0;
        if (t.type == T_PUNCT && t.c == '{' && t.line >= table_line)
            return find_field(&lx, key, sub);
    }
}
