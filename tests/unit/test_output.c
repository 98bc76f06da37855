/*
 * Output primitives (src/lib/output): terminal-safe printing and JSON
 * strings. Both skip plain text eight bytes at a time and decode common
 * UTF-8 without a library call; these cases hold them to the plain
 * definitions, written here one code point (or byte) at a time with
 * utf8proc, on chosen texts and on many generated ones that put every
 * byte that matters at every offset of a word. Printed lines keep only
 * their format's newlines: one in the text put in them (a rule's detail)
 * is shown as ⏎, and cannot start a line that reads like a result.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "helpers.h"
#include "tdkt/output.h"
#include "output/ordered.h"

/* ------------------------------------------------ the plain definitions */

#define RETURN_SYMBOL "\xE2\x8F\x8E" /* ⏎ */

static bool unsafe(utf8proc_int32_t cp)
{
    return (cp < 0x20 && cp != '\n') || cp == 0x7f ||
           (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
           cp == 0x061c;
}

/* A whole text made safe (newlines kept), or with @p line, a line's text
 * (each newline shown as ⏎). */
static void reference_safe(tdkt_buf *b, const char *s, bool line)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, n, &cp);
        if (k > 0 && cp == '\n' && line) {
            tdkt_buf_puts(b, RETURN_SYMBOL);
        } else if (k <= 0 || unsafe(cp)) {
            tdkt_buf_puts(b, "\xEF\xBF\xBD");
            k = k <= 0 ? 1 : k;
        } else {
            tdkt_buf_put(b, (const char *)p, (size_t)k);
        }
        p += k;
        n -= k;
    }
}

static void reference_json(tdkt_buf *b, const char *s)
{
    tdkt_buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"')
            tdkt_buf_puts(b, "\\\"");
        else if (*p == '\\')
            tdkt_buf_puts(b, "\\\\");
        else if (*p == '\n')
            tdkt_buf_puts(b, "\\n");
        else if (*p == '\r')
            tdkt_buf_puts(b, "\\r");
        else if (*p == '\t')
            tdkt_buf_puts(b, "\\t");
        else if (*p < 0x20)
            tdkt_buf_printf(b, "\\u%04x", *p);
        else
            tdkt_buf_put(b, (const char *)p, 1);
    }
    tdkt_buf_puts(b, "\"");
}

/* ------------------------------------------------------------ helpers */

/* A file in memory: what was printed to it is mem_text() once done. */
typedef struct memfile {
    char *text;
    size_t len;
    FILE *f;
} memfile;

static FILE *mem_open(memfile *m)
{
    m->text = NULL;
    m->len = 0;
    m->f = open_memstream(&m->text, &m->len);
    assert_non_null(m->f);
    return m->f;
}

/* Close the file; its text, for the caller to free. */
static char *mem_text(memfile *m)
{
    assert_int_equal(fclose(m->f), 0);
    return m->text;
}

static char *safe_text(const char *s)
{
    memfile m;
    tdkt_safe_fputs(s, mem_open(&m));
    return mem_text(&m);
}

/* tdkt_safe_printf("%s", s) into a string. */
static char *safe_line(const char *s)
{
    memfile m;
    assert_int_equal(tdkt_safe_printf(mem_open(&m), "%s", s), TDKT_OK);
    return mem_text(&m);
}

/* Each text is checked from a copy of its exact size, so that a word
 * read past its end shows under AddressSanitizer. */
static void check_safe(const char *text)
{
    char *s = strdup(text);
    assert_non_null(s);
    tdkt_buf want = {0}, line = {0};
    reference_safe(&want, s, false);
    reference_safe(&line, s, true);
    char *got = safe_text(s);
    if (strcmp(got, tdkt_buf_cstr(&want)) != 0)
        fail_msg("safe_fputs of a %zu-byte text differs from the "
                 "reference", strlen(s));
    free(got);
    got = safe_line(s);
    if (strcmp(got, tdkt_buf_cstr(&line)) != 0)
        fail_msg("safe_printf of a %zu-byte text differs from the "
                 "reference",
                 strlen(s));
    free(got);
    /* the buffer forms: appended safe, and made safe after a prefix */
    tdkt_buf put = {0}, made = {0};
    tdkt_buf_safe_printf(&put, "%s", s);
    assert_string_equal(tdkt_buf_cstr(&put), tdkt_buf_cstr(&line));
    tdkt_buf_puts(&made, "\x1b kept\n");
    tdkt_buf_puts(&made, s);
    tdkt_buf_make_safe(&made, strlen("\x1b kept\n"));
    assert_memory_equal(made.ptr, "\x1b kept\n", strlen("\x1b kept\n"));
    assert_string_equal(tdkt_buf_cstr(&made) + strlen("\x1b kept\n"),
                        tdkt_buf_cstr(&want));
    tdkt_buf_free(&put);
    tdkt_buf_free(&made);
    free(s);
    tdkt_buf_free(&want);
    tdkt_buf_free(&line);
}

static void check_json(const char *text)
{
    char *s = strdup(text);
    assert_non_null(s);
    tdkt_buf want = {0}, got = {0};
    reference_json(&want, s);
    tdkt_json_str(&got, s);
    if (strcmp(tdkt_buf_cstr(&got), tdkt_buf_cstr(&want)) != 0)
        fail_msg("json_str of a %zu-byte text differs from the reference",
                 strlen(s));
    free(s);
    tdkt_buf_free(&want);
    tdkt_buf_free(&got);
}

/* -------------------------------------------------------------- cases */

static void test_safe_fputs_chosen_texts(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"", ""},
        {"Nguyễn Thị Hồng — ✔ → đạt", "Nguyễn Thị Hồng — ✔ → đạt"},
        {"line one\nline two", "line one\nline two"},
        {"a long plain ASCII run\x1b[2Jthen more", /* ESC in a word */
         "a long plain ASCII run\xEF\xBF\xBD[2Jthen more"},
        {"tab\there", "tab\xEF\xBF\xBDhere"},
        {"del\x7f" "del", "del\xEF\xBF\xBD" "del"},
        {"C1 \xC2\x9B control", "C1 \xEF\xBF\xBD" " control"},
        {"NBSP \xC2\xA0 is fine", "NBSP \xC2\xA0 is fine"},
        {"RLO \xE2\x80\xAE evil", "RLO \xEF\xBF\xBD evil"},
        {"LRI \xE2\x81\xA6 PDI \xE2\x81\xA9", "LRI \xEF\xBF\xBD PDI \xEF\xBF\xBD"},
        {"ALM \xD8\x9C mark", "ALM \xEF\xBF\xBD mark"},
        {"overlong \xC0\xAF slash", "overlong \xEF\xBF\xBD\xEF\xBF\xBD slash"},
        {"surrogate \xED\xA0\x80!", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!"},
        {"lone \x80 continuation", "lone \xEF\xBF\xBD" " continuation"},
        {"cut at the end \xE1\xBB", "cut at the end \xEF\xBF\xBD\xEF\xBF\xBD"},
        {"four bytes \xF0\x9F\x98\x80 ok", "four bytes \xF0\x9F\x98\x80 ok"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = safe_text(cases[i].in);
        assert_string_equal(got, cases[i].out);
        free(got);
        check_safe(cases[i].in);
    }
}

static void test_json_str_chosen_texts(void **state)
{
    (void)state;
    tdkt_buf b = {0};
    tdkt_json_str(&b, "a plain run of text, then \"quoted\" and a \\ and "
                      "a tab\there and Việt Nam\n");
    assert_string_equal(tdkt_buf_cstr(&b),
                        "\"a plain run of text, then \\\"quoted\\\" and a "
                        "\\\\ and a tab\\there and Việt Nam\\n\"");
    tdkt_buf_free(&b);
    tdkt_json_str(&b, NULL);
    assert_string_equal(tdkt_buf_cstr(&b), "null");
    tdkt_buf_free(&b);
}

/* A detail that would print a line of its own, like another
 * nomination's result (and the criterion line after it). */
#define FORGED                                                                 \
    "no\n\nN000003  Fake Person (P000003), 2024: Eligible   "                  \
    "[vn/luat-2022]\n    ✔ x — ok  [x]"

/* The same lines by either printer: PRINTF(to, fmt, …). */
#define PRINT_LINES(PRINTF, to)                                                \
    do {                                                                       \
        PRINTF(to, "    ✘ x — %s  [x]\n", FORGED);                             \
        PRINTF(to, "\n%s\n", "\nstarts and ends\n");                           \
        PRINTF(to, "\n\n%s|", "a\r\nb");                                       \
        PRINTF(to, "%s\n\n", "\n");                                            \
        PRINTF(to, "%s|", "\n\n");                                             \
        PRINTF(to, "\n%s", "");                                                \
        PRINTF(to, "%s", "\n");                                                \
        PRINTF(to, "\n\n");                                                    \
    } while (0)

static const char printed_lines[] =
    "    ✘ x — no" RETURN_SYMBOL RETURN_SYMBOL
    "N000003  Fake Person (P000003), 2024: Eligible   "
    "[vn/luat-2022]" RETURN_SYMBOL "    ✔ x — ok  [x]  [x]\n"
    "\n" RETURN_SYMBOL "starts and ends" RETURN_SYMBOL "\n"
    "\n\na\xEF\xBF\xBD" RETURN_SYMBOL "b|" RETURN_SYMBOL
    "\n\n" RETURN_SYMBOL RETURN_SYMBOL "|"
    "\n" RETURN_SYMBOL "\n\n";

/* A printed line keeps the newlines its format begins and ends with; one
 * in the text put in it is shown as ⏎, so that a rule's detail cannot
 * print a line that reads like another nomination's result. */
static void test_safe_printf_shows_the_texts_newlines(void **state)
{
    (void)state;
    memfile m;
    FILE *f = mem_open(&m);
    PRINT_LINES(tdkt_safe_printf, f);
    char *out = mem_text(&m);
    assert_string_equal(out, printed_lines);
    free(out);
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "before\n");
    PRINT_LINES(tdkt_buf_safe_printf, &b);
    assert_string_equal(tdkt_buf_cstr(&b) + strlen("before\n"), printed_lines);
    tdkt_buf_free(&b);
    /* longer than the stack buffer: formatted in the heap, the same */
    enum { LONG = 3000 };
    char *text = malloc(LONG + 1);
    assert_non_null(text);
    memset(text, 'a', LONG);
    text[LONG / 2] = '\n';
    text[LONG] = '\0';
    assert_int_equal(tdkt_safe_printf(mem_open(&m), "\n%s\n", text), TDKT_OK);
    out = mem_text(&m);
    tdkt_buf want = {0};
    tdkt_buf_printf(&want, "\n%.*s" RETURN_SYMBOL "%s\n", LONG / 2, text,
                    text + LONG / 2 + 1);
    assert_string_equal(out, tdkt_buf_cstr(&want));
    free(out);
    tdkt_buf_free(&want);
    free(text);
}

/* A table cell's newline is shown as ⏎ too, one column wide. */
static void test_table_cell_shows_newlines(void **state)
{
    (void)state;
    tdkt_table *t = tdkt_table_new(3);
    assert_non_null(t);
    const char *head[] = {"Đề nghị", "Lý do", "|"};
    const char *row1[] = {"N000001", "boom\nN000003  Fake", "|"};
    const char *row2[] = {"N000002", "x", "|"};
    tdkt_table_row(t, head);
    tdkt_table_row(t, row1);
    tdkt_table_row(t, row2);
    memfile m;
    assert_int_equal(tdkt_table_print(t, mem_open(&m)), TDKT_OK);
    char *out = mem_text(&m);
    assert_string_equal(out, "Đề nghị  Lý do               |\n"
                             "N000001  boom" RETURN_SYMBOL "N000003  Fake  |\n"
                             "N000002  x                   |\n");
    free(out);
    tdkt_table_free(t);
}

/* A text column wider than 60 columns wraps at the last space that
 * fits (a word longer than the column is cut), the other cells of its row
 * blank on the lines after; numbers never wrap, and no line ends in
 * blanks. */
static void test_table_wraps_long_text(void **state)
{
    (void)state;
    tdkt_table *t = tdkt_table_new(3);
    assert_non_null(t);
    tdkt_table_align_right(t, 2);
    const char *head[] = {"Mã", "Tên", "Số"};
    const char *row1[] = {
        "A",
        "Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Kon "
        "Tum (QĐ 29/2018/QĐ-UBND)",
        "13"};
    const char *row2[] = {"B", "ngắn", "7"};
    char word[100];
    memset(word, 'x', 70);
    word[70] = '\0';
    const char *row3[] = {"C", word, "1"};
    tdkt_table_row(t, head);
    tdkt_table_row(t, row1);
    tdkt_table_row(t, row2);
    tdkt_table_row(t, row3);
    memfile m;
    assert_int_equal(tdkt_table_print(t, mem_open(&m)), TDKT_OK);
    char *out = mem_text(&m);
    /* "Tên" is 60 columns wide, then two blanks and "Số" */
    char want[2048];
    snprintf(want, sizeof want,
             "Mã  Tên%57s  Số\n"
             "A   Quy định về công tác thi đua, khen thưởng trên địa bàn "
             "tỉnh%1s  13\n"
             "    Kon Tum (QĐ 29/2018/QĐ-UBND)\n"
             "B   ngắn%56s   7\n"
             "C   %.60s   1\n"
             "    %s\n",
             "", "", "", word, word + 60);
    assert_string_equal(out, want);
    free(out);
    tdkt_table_free(t);
}

/* Appends that fit the buffer's room and appends that must grow it give
 * the same text. */
static void test_buf_printf_fits_or_grows(void **state)
{
    (void)state;
    tdkt_buf b = {0};
    char want[8192] = "";
    size_t len = 0;
    for (int i = 0; i < 60; i++) {
        int width = (i * 37) % 200;
        tdkt_buf_printf(&b, "%d:%*s|", i, width, "x");
        len += (size_t)snprintf(want + len, sizeof want - len, "%d:%*s|", i,
                                width, "x");
        assert_int_equal(b.len, len);
        assert_string_equal(tdkt_buf_cstr(&b), want);
    }
    tdkt_buf_free(&b);
}

/* Every byte that matters, at every offset of a word, in texts of every
 * length around a word's: plain ASCII with one odd byte or sequence put
 * in, then mixtures drawn at random (a fixed seed: the same texts each
 * run). */
static void test_fast_paths_match_the_definitions(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "\n", "\t", "\x1b", "\x01", "\x1f", "\x7f", "\"", "\\", " ", "~",
        "\xC2\x80", "\xC2\x9F", "\xC2\xA0", "\xC3\xA9", "\xDF\xBF", "\xD8\x9C",
        "\xE1\xBB\x87", "\xE2\x80\x94", "\xE2\x80\x8E", "\xE2\x80\xAA",
        "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xE2\x9C\x94",
        "\xEC\xBF\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBD",
        "\xE0\x80\x80", "\xE0\xA0\x80", "\xF0\x90\x80\x80", "\xF4\x90\x80\x80",
        "\xC0\x80", "\xC1\xBF", "\x80", "\xBF", "\xFE", "\xFF", "\xE1\xBB",
        "\xC3", "\xE1\x41\x80", "\xC3\x41"};
    size_t nodd = sizeof odd / sizeof *odd;
    char text[64];
    for (size_t o = 0; o < nodd; o++)
        for (size_t len = 0; len < 24; len++)
            for (size_t at = 0; at <= len; at++) {
                memset(text, 'a' + (int)(at % 26), len);
                size_t k = strlen(odd[o]);
                memcpy(text + at, odd[o], k);
                memset(text + at + k, 'z', len - at);
                text[len + k] = '\0';
                check_safe(text);
                check_json(text);
            }
    srand(20261130);
    char mixed[200];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, want = (size_t)(rand() % 120);
        while (len < want) {
            const char *piece = rand() % 3 ? "plain text " : odd[rand() % nodd];
            size_t k = strlen(piece);
            memcpy(mixed + len, piece, k);
            len += k;
        }
        mixed[len] = '\0';
        check_safe(mixed);
        check_json(mixed);
    }
}

/* ------------------------------------------------- ordered printing */

typedef struct numbered {
    size_t fail_at; /* the item that cannot be formatted, or SIZE_MAX */
} numbered;

static bool number_item(const void *ctx, size_t i, tdkt_buf *b)
{
    const numbered *n = ctx;
    if (i == n->fail_at)
        return false;
    tdkt_buf_printf(b, "item %zu%s\n", i, i % 7 ? "" : " (a longer line)");
    return true;
}

static char *print_numbered(size_t n, int threads, size_t fail_at,
                            int *error)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    numbered ctx = {fail_at};
    *error = print_ordered(n, threads, number_item, &ctx, f);
    assert_int_equal(fclose(f), 0);
    return out;
}

/* Items come out in their order, whole, on any number of threads, for
 * counts around the sizes of a chunk and of a batch. */
static void test_print_ordered_keeps_the_order(void **state)
{
    (void)state;
    static const size_t counts[] = {0, 1, 127, 128, 129, 2047, 2048, 2049,
                                    10000};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        tdkt_buf want = {0};
        for (size_t i = 0; i < counts[c]; i++)
            tdkt_buf_printf(&want, "item %zu%s\n", i,
                            i % 7 ? "" : " (a longer line)");
        for (int threads = 0; threads <= 5; threads++) {
            int error;
            char *got = print_numbered(counts[c], threads, SIZE_MAX, &error);
            assert_int_equal(error, TDKT_OK);
            assert_string_equal(got, tdkt_buf_cstr(&want));
            free(got);
        }
        tdkt_buf_free(&want);
    }
}

/* An item that cannot be formatted fails the print: what came before its
 * batch is printed whole, nothing of the batch or after. */
static void test_print_ordered_stops_whole(void **state)
{
    (void)state;
    for (int threads = 1; threads <= 3; threads++) {
        int error;
        char *got = print_numbered(10000, threads, 5000, &error);
        assert_int_equal(error, TDKT_ENOMEM);
        size_t len = strlen(got);
        assert_true(len > 0);
        assert_true(got[len - 1] == '\n');
        assert_null(strstr(got, "item 5000\n"));
        assert_null(strstr(got, "item 9999\n"));
        /* the lines are 0, 1, 2... with none missing */
        size_t next = 0;
        for (const char *p = got; *p; p = strchr(p, '\n') + 1) {
            char line[32];
            snprintf(line, sizeof line, "item %zu", next);
            assert_true(strncmp(p, line, strlen(line)) == 0);
            next++;
        }
        assert_true(next <= 5000);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_safe_fputs_chosen_texts),
        cmocka_unit_test(test_json_str_chosen_texts),
        cmocka_unit_test(test_safe_printf_shows_the_texts_newlines),
        cmocka_unit_test(test_table_cell_shows_newlines),
        cmocka_unit_test(test_table_wraps_long_text),
        cmocka_unit_test(test_buf_printf_fits_or_grows),
        cmocka_unit_test(test_fast_paths_match_the_definitions),
        cmocka_unit_test(test_print_ordered_keeps_the_order),
        cmocka_unit_test(test_print_ordered_stops_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
