/*
 * The streaming CSV reader (src/lib/import/csv.c): every quoting rule,
 * line endings, the byte-order mark, empty cells, invalid UTF-8, and the
 * limits that keep memory bounded on endless input.
 *
 * Each table row feeds a byte string to the reader and compares a dump of
 * everything it returned: "LINE:f1|f2" per record ("-" for an empty cell,
 * line breaks inside a field as \n and \r), "!LINE@FIELD" per rejected
 * record, with "F" when reading stopped there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "import/csv.h"

/* A stream of prefix, then `count` times `fill` (forever when endless),
 * then suffix; it counts what was read from it. */
typedef struct gen {
    const char *prefix;
    size_t prefix_len;
    char fill;
    size_t count;
    bool endless;
    const char *suffix;
    size_t pos; /* bytes produced so far */
} gen;

static ssize_t gen_read(void *cookie, char *buf, size_t size)
{
    gen *g = cookie;
    size_t n = 0;
    while (n < size) {
        size_t p = g->pos;
        if (p < g->prefix_len) {
            buf[n++] = g->prefix[p];
        } else if (g->endless || p < g->prefix_len + g->count) {
            buf[n++] = g->fill;
        } else {
            size_t s = p - g->prefix_len - g->count;
            if (!g->suffix || !g->suffix[s])
                break;
            buf[n++] = g->suffix[s];
        }
        g->pos++;
    }
    return (ssize_t)n;
}

static FILE *gen_open(gen *g)
{
    cookie_io_functions_t io = {.read = gen_read};
    FILE *f = fopencookie(g, "r", io);
    assert_non_null(f);
    return f;
}

static void dump_field(tdkt_buf *b, const char *s, size_t n)
{
    if (!s) {
        tdkt_buf_puts(b, "-");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            tdkt_buf_puts(b, "\\n");
        else if (s[i] == '\r')
            tdkt_buf_puts(b, "\\r");
        else
            tdkt_buf_put(b, &s[i], 1);
    }
}

/* Read everything and describe it; the last message goes to @p msg. */
static char *dump(tdkt_csv *csv, char *msg, size_t msgsize)
{
    tdkt_buf b = {0};
    int rc;
    tdkt_buf_puts(&b, "");
    while ((rc = tdkt__csv_next(csv)) != 0) {
        if (rc < 0) {
            assert_int_equal(rc, TDKT_EINVALID);
            tdkt_buf_printf(&b, "!%ld@%d%s\n", tdkt__csv_error_line(csv),
                            tdkt__csv_error_field(csv),
                            tdkt__csv_fatal(csv) ? "F" : "");
            snprintf(msg, msgsize, "%s", tdkt__csv_error(csv));
            continue;
        }
        tdkt_buf_printf(&b, "%ld:", tdkt__csv_line(csv));
        for (size_t i = 0; i < tdkt__csv_count(csv); i++) {
            if (i)
                tdkt_buf_puts(&b, "|");
            dump_field(&b, tdkt__csv_field(csv, i),
                       tdkt__csv_field_len(csv, i));
        }
        tdkt_buf_puts(&b, "\n");
    }
    /* After the end, or after a fatal problem, it stays at the end. */
    assert_int_equal(tdkt__csv_next(csv), 0);
    assert_false(b.oom);
    return b.ptr;
}

typedef struct csv_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    const char *expect;
    size_t max_field; /* lowered limits, 0: default */
    size_t max_columns;
    const char *message; /* part of the last problem's message (English) */
} csv_case;

static const csv_case cases[] = {
    {"simple", "a,b\n1,2\n", 0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"no final newline", "a,b\n1,2", 0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"crlf", "a,b\r\n1,2\r\n", 0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"crlf, no final newline", "a,b\r\n1,2", 0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"lone cr", "a,b\r1,2\r", 0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"bom",
     "\xEF\xBB\xBF"
     "a,b\n1,2\n",
     0, "1:a|b\n2:1|2\n", 0, 0, NULL},
    {"bom only", "\xEF\xBB\xBF", 0, "", 0, 0, NULL},
    {"empty input", "", 0, "", 0, 0, NULL},
    {"header only", "id,name", 0, "1:id|name\n", 0, 0, NULL},
    {"empty cells", "a,b,c\n,,\n1,,3\n", 0, "1:a|b|c\n2:-|-|-\n3:1|-|3\n", 0, 0,
     NULL},
    {"empty last cell", "a,b\n1,\n", 0, "1:a|b\n2:1|-\n", 0, 0, NULL},
    {"empty last cell at eof", "a,b\n1,", 0, "1:a|b\n2:1|-\n", 0, 0, NULL},
    {"quoted empty is empty", "a,b\n\"\",x\n", 0, "1:a|b\n2:-|x\n", 0, 0, NULL},
    {"quoted comma", "a,b\n\"x,y\",z\n", 0, "1:a|b\n2:x,y|z\n", 0, 0, NULL},
    {"doubled quotes", "a\n\"say \"\"hi\"\"\"\n", 0, "1:a\n2:say \"hi\"\n", 0,
     0, NULL},
    {"only a quote", "a\n\"\"\"\"\n", 0, "1:a\n2:\"\n", 0, 0, NULL},
    {"quoted at eof", "a\n\"x\"", 0, "1:a\n2:x\n", 0, 0, NULL},
    {"embedded newline", "a,b\n\"l1\nl2\",x\n3,4\n", 0,
     "1:a|b\n2:l1\\nl2|x\n4:3|4\n", 0, 0, NULL},
    {"embedded crlf", "a,b\r\n\"l1\r\nl2\",x\r\n3,4\r\n", 0,
     "1:a|b\n2:l1\\r\\nl2|x\n4:3|4\n", 0, 0, NULL},
    {"embedded blank lines", "a\n\"\n\n\"\nz\n", 0, "1:a\n2:\\n\\n\n5:z\n", 0,
     0, NULL},
    {"blank lines skipped", "a\n\n1\r\n\r\n2\n\n", 0, "1:a\n3:1\n5:2\n", 0, 0,
     NULL},
    {"spaces kept", "a,b\n x , y\n", 0, "1:a|b\n2: x | y\n", 0, 0, NULL},
    /* a cell of spaces is empty, Unicode ones too (tdkt_text_trim) */
    {"cells of spaces are empty",
     "a,b,c,d\n \t,\xC2\xA0\xE2\x80\xAF,\xEF\xBB\xBF\xE3\x80\x80,\xC2\xA0x\n", 0,
     "1:a|b|c|d\n2:-|-|-|\xC2\xA0x\n", 0, 0, NULL},
    {"vietnamese", "tên\nNguyễn Thị Hồng\n", 0, "1:tên\n2:Nguyễn Thị Hồng\n", 0,
     0, NULL},
    {"four-byte utf-8", "a\n\xF0\x9F\x98\x80\n", 0, "1:a\n2:\xF0\x9F\x98\x80\n",
     0, 0, NULL},
    {"invalid utf-8", "a\nok\n\xFF\nok2\n", 0, "1:a\n2:ok\n!3@0\n4:ok2\n", 0, 0,
     "invalid UTF-8"},
    {"latin-1 in second field", "a,b\n1,caf\xE9\n2,x\n", 0,
     "1:a|b\n!2@1\n3:2|x\n", 0, 0, "invalid UTF-8"},
    {"invalid utf-8 on its own line", "a\n\"x\ny\xC3\"\nz\n", 0,
     "1:a\n!3@0\n4:z\n", 0, 0, "invalid UTF-8"},
    {"overlong", "a\n\xC0\xAF\n", 0, "1:a\n!2@0\n", 0, 0, "UTF-8"},
    {"overlong three bytes", "a\n\xE0\x80\xAF\n", 0, "1:a\n!2@0\n", 0, 0,
     "UTF-8"},
    {"surrogate", "a\n\xED\xA0\x80\n", 0, "1:a\n!2@0\n", 0, 0, "UTF-8"},
    {"past U+10FFFF", "a\n\xF4\x90\x80\x80\n", 0, "1:a\n!2@0\n", 0, 0, "UTF-8"},
    {"truncated at eof", "a\nx\xE1\x80", 0, "1:a\n!2@0\n", 0, 0, "UTF-8"},
    {"invalid header",
     "\xFF"
     "a\n1\n",
     0, "!1@0\n2:1\n", 0, 0, "UTF-8"},
    {"nul byte", "a\nx\0y\nz\n", 8, "1:a\n!2@0\n3:z\n", 0, 0, "NUL"},
    {"stray quote", "a,b\n1,x\"y\n2,3\n", 0, "1:a|b\n!2@1\n3:2|3\n", 0, 0,
     "quote inside an unquoted field"},
    {"text after closing quote", "a\n\"x\"y\nz\n", 0, "1:a\n!2@0\n3:z\n", 0, 0,
     "after the closing quote"},
    {"unterminated quote", "a\n\"abc\n\nxyz\n", 0, "1:a\n!2@0F\n", 0, 0,
     "opened on line 2 is never closed"},
    {"columns at the limit", "a,b,c\n1,2,3\n", 0, "1:a|b|c\n2:1|2|3\n", 0, 3,
     NULL},
    {"too many columns", "a,b,c,d\n1,2,3,4\n", 0, "!1@3F\n", 0, 3,
     "more than 3 columns"},
    {"field at the limit", "abcd\n\"wxyz\"\n", 0, "1:abcd\n2:wxyz\n", 4, 0,
     NULL},
    {"field too long", "abcd\nabcde\nx\n", 0, "1:abcd\n!2@0F\n", 4, 0,
     "field longer than 4 bytes"},
    {"quoted field too long", "a\n\"ab\ncde\"\n", 0, "1:a\n!2@0F\n", 4, 0,
     "quoted field opened on line 2 runs past 4 bytes"},
    /* One stray quote swallows the rest of the file: the problem is where
     * it opened, not where the reading gave up. */
    {"stray opening quote", "a,b\n1,\"x\n2,3\n4,5\n6,7\n", 0,
     "1:a|b\n!2@1F\n", 8, 0,
     "quoted field opened on line 2 runs past 8 bytes (a closing quote"},
    {"nul bytes count toward the field limit", "a\nx\0\0\0\0y\nz\n", 11, "1:a\n!2@0F\n",
     4, 0, "field longer than 4 bytes"},
};

static void test_csv__table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const csv_case *t = &cases[i];
        size_t len = t->len ? t->len : strlen(t->input);
        gen g = {.prefix = t->input, .prefix_len = len};
        FILE *f = gen_open(&g);
        tdkt_csv *csv = NULL;
        assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_EN), 0);
        tdkt__csv_set_limits(csv, t->max_field, t->max_columns, 0);
        char msg[256] = "";
        char *got = dump(csv, msg, sizeof msg);
        if (strcmp(got, t->expect) != 0)
            fail_msg("case '%s': expected\n%sgot\n%s", t->name, t->expect, got);
        if (t->message && !strstr(msg, t->message))
            fail_msg("case '%s': message '%s' lacks '%s'", t->name, msg,
                     t->message);
        free(got);
        tdkt__csv_free(csv);
        fclose(f);
    }
}

/* Which fields of the records of @p input read without a problem, as
 * @p expect has it: one line a record, "+" for a good field, "x" for a
 * bad one, "." for one past those read. */
static void assert_fields_ok(const char *input, const char *expect)
{
    gen g = {.prefix = input, .prefix_len = strlen(input)};
    FILE *f = gen_open(&g);
    tdkt_csv *csv = NULL;
    assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_EN), 0);
    tdkt_buf b = {0};
    tdkt_buf_puts(&b, "");
    while (tdkt__csv_next(csv) != 0) {
        for (size_t i = 0; i < 4; i++)
            tdkt_buf_puts(&b, i >= tdkt__csv_count(csv)    ? "."
                              : tdkt__csv_field_ok(csv, i) ? "+"
                                                           : "x");
        tdkt_buf_puts(&b, "\n");
    }
    assert_false(b.oom);
    assert_string_equal(b.ptr, expect);
    tdkt_buf_free(&b);
    tdkt__csv_free(csv);
    fclose(f);
}

/* A rejected record keeps its fields, and says which read as written
 * (the importer takes a bad row's id from them): every field a problem
 * was found in is bad, not only the first reported; after a fatal one,
 * the fields not read are bad too. */
static void test_csv__good_fields_of_bad_records(void **state)
{
    (void)state;
    assert_fields_ok("a,b,c,d\n1,x\xFF,3,\"y\"z\n5,6,7,8\n",
                     "++++\n+x+x\n++++\n");
    assert_fields_ok("a,b,c,d\n\xC3,2,x\"y,4\n", "++++\nx+x+\n");
    assert_fields_ok("a,b,c,d\n1,2,\"open\n", "++++\n++..\n");
}

/* The default limits, exactly: a 1 MiB field passes, one byte more not. */
static void test_csv__one_mib_field(void **state)
{
    (void)state;
    for (int extra = 0; extra <= 1; extra++) {
        gen g = {.prefix = "a\n\"",
                 .prefix_len = 3,
                 .fill = 'x',
                 .count = TDKT_CSV_MAX_FIELD + (size_t)extra,
                 .suffix = "\"\nok\n"};
        FILE *f = gen_open(&g);
        tdkt_csv *csv = NULL;
        assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_EN), 0);
        assert_int_equal(tdkt__csv_next(csv), 1);
        int rc = tdkt__csv_next(csv);
        if (extra == 0) {
            assert_int_equal(rc, 1);
            assert_int_equal(tdkt__csv_field_len(csv, 0), TDKT_CSV_MAX_FIELD);
            assert_int_equal(tdkt__csv_next(csv), 1);
            assert_string_equal(tdkt__csv_field(csv, 0), "ok");
            assert_int_equal(tdkt__csv_line(csv), 3);
        } else {
            assert_int_equal(rc, TDKT_EINVALID);
            assert_true(tdkt__csv_fatal(csv));
            assert_int_equal(tdkt__csv_error_line(csv), 2);
            assert_string_equal(tdkt__csv_error(csv),
                                "quoted field opened on line 2 runs past 1 MiB "
                                "(a closing quote missing?); reading stopped");
        }
        assert_int_equal(tdkt__csv_next(csv), 0);
        tdkt__csv_free(csv);
        fclose(f);
    }
}

/*
 * Endless input: the reader must stop on its own, having read little more
 * than the limit, or this test would never end (or run out of memory).
 */
typedef struct endless_case {
    const char *name;
    const char *prefix;
    char fill;
    const char *message;
    size_t max_read;
} endless_case;

static const endless_case endless[] = {
    {"endless field", "id\n", 'a', "field longer than 1 MiB",
     TDKT_CSV_MAX_FIELD + 256 * 1024},
    {"endless quoted field", "id\n\"", 'a',
     "quoted field opened on line 2 runs past 1 MiB",
     TDKT_CSV_MAX_FIELD + 256 * 1024},
    {"endless NUL bytes", "id\n", '\0', "field longer than 1 MiB",
     TDKT_CSV_MAX_FIELD + 256 * 1024},
    {"endless NUL bytes in quotes", "id\n\"", '\0', "runs past 1 MiB",
     TDKT_CSV_MAX_FIELD + 256 * 1024},
    {"million-column header", "", ',', "more than 1000 columns", 256 * 1024},
    {"endless line breaks in quotes", "id\n\"", '\n', "opened on line 2 runs past",
     TDKT_CSV_MAX_FIELD + 256 * 1024},
};

static void test_csv__endless_input_is_bounded(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof endless / sizeof *endless; i++) {
        const endless_case *t = &endless[i];
        gen g = {.prefix = t->prefix,
                 .prefix_len = strlen(t->prefix),
                 .fill = t->fill,
                 .endless = true};
        FILE *f = gen_open(&g);
        tdkt_csv *csv = NULL;
        assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_EN), 0);
        int rc;
        while ((rc = tdkt__csv_next(csv)) == 1)
            ;
        if (rc != TDKT_EINVALID || !tdkt__csv_fatal(csv) ||
            !strstr(tdkt__csv_error(csv), t->message))
            fail_msg("case '%s': rc %d, message '%s'", t->name, rc,
                     tdkt__csv_error(csv));
        if (g.pos > t->max_read)
            fail_msg("case '%s': read %zu bytes", t->name, g.pos);
        assert_int_equal(tdkt__csv_next(csv), 0);
        tdkt__csv_free(csv);
        fclose(f);
    }
}

/* Each field's starting line: a quoted cell with line breaks moves the
 * fields after it down, and a problem in one of them must name its line. */
static void test_csv__field_lines(void **state)
{
    (void)state;
    static const char text[] = "a,b,c\n"
                               "\"x\ny\nz\",2,3\n"    /* lines 2-4 */
                               "1,\"p\r\nq\",r\n"     /* lines 5-6 */
                               "last\n";               /* line 7 */
    static const struct {
        long line;
        size_t n;
        long fields[3];
    } want[] = {{1, 3, {1, 1, 1}}, {2, 3, {2, 4, 4}}, {5, 3, {5, 5, 6}},
                {7, 1, {7}}};
    gen g = {.prefix = text, .prefix_len = sizeof text - 1};
    FILE *f = gen_open(&g);
    tdkt_csv *csv = NULL;
    assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_EN), 0);
    for (size_t r = 0; r < sizeof want / sizeof *want; r++) {
        assert_int_equal(tdkt__csv_next(csv), 1);
        assert_int_equal(tdkt__csv_line(csv), want[r].line);
        assert_int_equal(tdkt__csv_count(csv), want[r].n);
        for (size_t i = 0; i < want[r].n; i++)
            if (tdkt__csv_field_line(csv, i) != want[r].fields[i])
                fail_msg("record %zu field %zu: line %ld, expected %ld", r, i,
                         tdkt__csv_field_line(csv, i), want[r].fields[i]);
        /* past the last field: the record's line */
        assert_int_equal(tdkt__csv_field_line(csv, 9), want[r].line);
    }
    assert_int_equal(tdkt__csv_next(csv), 0);
    tdkt__csv_free(csv);
    fclose(f);
}

/* Messages are Vietnamese unless English is asked for. */
static void test_csv__vietnamese_messages(void **state)
{
    (void)state;
    gen g = {.prefix = "a\n\xFF\n", .prefix_len = 4};
    FILE *f = gen_open(&g);
    tdkt_csv *csv = NULL;
    assert_int_equal(tdkt__csv_from_stream(&csv, f, TDKT_LANG_VI), 0);
    assert_int_equal(tdkt__csv_next(csv), 1);
    assert_int_equal(tdkt__csv_next(csv), TDKT_EINVALID);
    assert_string_equal(tdkt__csv_error(csv),
                        "không phải UTF-8 hợp lệ (hãy lưu tệp dạng UTF-8)");
    assert_int_equal(tdkt__csv_error_line(csv), 2);
    assert_false(tdkt__csv_fatal(csv));
    tdkt__csv_free(csv);
    fclose(f);
}

/* Files: opened by path, read across many input buffers, missing ones
 * reported as such. */
static void test_csv__files(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    tdkt_buf text = {0};
    tdkt_buf_puts(&text, "id,name\r\n");
    for (int i = 0; i < 20000; i++)
        tdkt_buf_printf(&text, "P%d,\"Nguyễn, Văn \"\"%d\"\"\"\r\n", i, i);
    char *path = th_write(dir, "people.csv", text.ptr);
    tdkt_csv *csv = NULL;
    assert_int_equal(tdkt__csv_open(&csv, path, TDKT_LANG_EN), 0);
    assert_int_equal(tdkt__csv_next(csv), 1);
    int n = 0;
    char want[64];
    while (tdkt__csv_next(csv) == 1) {
        snprintf(want, sizeof want, "Nguyễn, Văn \"%d\"", n);
        assert_string_equal(tdkt__csv_field(csv, 1), want);
        assert_int_equal(tdkt__csv_line(csv), n + 2);
        n++;
    }
    assert_int_equal(n, 20000);
    tdkt__csv_free(csv);

    char *missing = th_fixture("import/no-such-file.csv");
    csv = NULL;
    assert_int_equal(tdkt__csv_open(&csv, missing, TDKT_LANG_EN),
                     TDKT_ENOTFOUND);
    assert_null(csv);
    tdkt__csv_free(NULL);

    free(missing);
    free(path);
    tdkt_buf_free(&text);
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv__table),
        cmocka_unit_test(test_csv__one_mib_field),
        cmocka_unit_test(test_csv__endless_input_is_bounded),
        cmocka_unit_test(test_csv__vietnamese_messages),
        cmocka_unit_test(test_csv__files),
        cmocka_unit_test(test_csv__good_fields_of_bad_records),
        cmocka_unit_test(test_csv__field_lines),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
