/*
 * The annual summary table (reports.md): the cells computed from a dataset
 * built to known counts (tests/fixtures/report/dataset.sql), every output
 * format, the workbook read back from its XML, and `report check` on one
 * purpose-made table per check (tests/fixtures/report/check/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "helpers.h"
#include "report/report_int.h"

typedef struct fixture {
    char *dir;
    tdkt_store *store;
    tdkt_report *report; /* of 2023 */
} fixture;

static void load_sql(tdkt_store *store, const char *rel)
{
    char *path = th_fixture(rel);
    char *sql = th_read(path, NULL);
    assert_non_null(sql);
    assert_int_equal(tdkt_store_exec(store, sql), TDKT_OK);
    free(sql);
    free(path);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->store = th_store_new(&f->dir, "t.db");
    load_sql(f->store, "report/dataset.sql");
    assert_int_equal(tdkt_report_compute(&f->report, f->store, 2023), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tdkt_report_free(f->report);
    th_store_done(f->store, f->dir);
    free(f);
    return 0;
}

/* The cells of dataset.sql for 2023, columns 3..17; -1 = empty. */
static const long expected[TDKT_REPORT_NROWS][TDKT_REPORT_NCOLS + 1] = {
    {0, 0, 0, 14, 2, 10, 7, 500, 2, 3, 5, 357, 1, 3, 1, 71, 1, 71},
    {0, 0, 0, 3, 0, 3, 3, 1000, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 3, 2, 0, 2, 667, 0, 0, 1, 333, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 0, 0, 20, 4, 13, 12, 600, 3, 5, 6, 300, 1, 3, 1, 50, 1, 50},
};

static void test_report__cells(void **state)
{
    fixture *f = *state;
    static const char *const codes[] = {"bk_tinh", "cstd_tinh", "co_tinh",
                                        "huy_hieu_tinh", "total"};
    assert_int_equal(f->report->year, 2023);
    for (int r = 0; r < TDKT_REPORT_NROWS; r++) {
        const tdkt_report_row *row = &f->report->rows[r];
        assert_string_equal(row->code, codes[r]);
        assert_int_equal(row->stt, r < TDKT_REPORT_NFORMS ? r + 1 : 0);
        for (int c = 3; c <= TDKT_REPORT_NCOLS; c++) {
            long v = -7;
            bool has = tdkt_report_value(&v, row, c);
            if (expected[r][c] < 0) {
                assert_false(has);
            } else {
                assert_true(has);
                if (v != expected[r][c])
                    fail_msg("row %s column %d: %ld, expected %ld", codes[r],
                             c, v, expected[r][c]);
            }
        }
    }
    long v;
    assert_false(tdkt_report_value(&v, &f->report->rows[0], 2));
    assert_false(tdkt_report_value(&v, &f->report->rows[0], 18));
}

/* The count reads the year's provincial honours through honours_report
 * (schema_report.sql), a partial index: its condition must stay the
 * query's, word for word, or SQLite scans every honour. */
static void test_report__count_uses_its_index(void **state)
{
    fixture *f = *state;
    sqlite3 *db = tdkt_store_sqlite(f->store);
    char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s",
                                tdkt__report_count_sql);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    bool indexed = false, scan = false;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(st, 3);
        indexed = indexed || strstr(detail, "INDEX honours_report");
        scan = scan || strncmp(detail, "SCAN h", 6) == 0;
    }
    assert_true(indexed);
    assert_false(scan);
    sqlite3_finalize(st);
    sqlite3_free(sql);
}

static void test_report__headline(void **state)
{
    fixture *f = *state;
    long v = 0;
    /* (9 + 13) / (8 + 9 + 12 + 13) = (5 + 3) / (3 + 5 + 1 + 3) */
    assert_true(tdkt_report_headline(&v, f->report));
    assert_int_equal(v, 667);
}

static void test_report__share_rounds_half_up(void **state)
{
    (void)state;
    static const struct {
        long num, den, tenths;
    } cases[] = {
        {1, 16, 63},  {1, 8, 125},  {2, 3, 667}, {1, 3, 333},
        {7, 14, 500}, {0, 5, 0},    {5, 5, 1000}, {1, 2000, 1},
        {1, 2001, 0}, {3, 40, 75},  {1, 7, 143}, {5, 6, 833},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(tdkt_report_share(cases[i].num, cases[i].den),
                         cases[i].tenths);
    assert_true(tdkt_report_is_percent(7));
    assert_true(tdkt_report_is_percent(17));
    assert_false(tdkt_report_is_percent(6));
    assert_string_equal(tdkt_report_heading(10, TDKT_LANG_VI),
                        "Khen chuyên đề, đột xuất: Tổng số");
    assert_string_equal(tdkt_report_heading(3, TDKT_LANG_EN), "Total");
    assert_null(tdkt_report_heading(0, TDKT_LANG_VI));
    assert_null(tdkt_report_heading(18, TDKT_LANG_EN));
}

static void test_report__empty_year(void **state)
{
    fixture *f = *state;
    tdkt_report *r = NULL;
    long v;
    assert_int_equal(tdkt_report_compute(&r, f->store, 1999), 0);
    for (int i = 0; i < TDKT_REPORT_NROWS; i++)
        for (int c = 3; c <= TDKT_REPORT_NCOLS; c++)
            assert_false(tdkt_report_value(&v, &r->rows[i], c));
    assert_false(tdkt_report_headline(&v, r));
    tdkt_report_free(r);
}

/* The report printed in @p fmt, as a malloc'd string. */
static char *render(const tdkt_report *r, tdkt_format fmt, tdkt_lang lang)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    assert_non_null(m);
    assert_int_equal(tdkt_report_write(r, fmt, lang, m), 0);
    fclose(m);
    return text;
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("missing \"%s\" in:\n%s", part, text);
}

/* The line of @p text that starts with @p start once its runs of blanks
 * are squeezed to one space and its ends trimmed (malloc'd). */
static char *squeezed_line(const char *text, const char *start)
{
    for (const char *l = text; *l;) {
        const char *end = strchr(l, '\n');
        if (!end)
            end = l + strlen(l);
        char *out = calloc((size_t)(end - l) + 1, 1);
        size_t n = 0;
        for (const char *p = l; p < end; p++)
            if (*p != ' ' || (n > 0 && out[n - 1] != ' '))
                out[n++] = *p;
        while (n > 0 && out[n - 1] == ' ')
            out[--n] = '\0';
        if (!strncmp(out, start, strlen(start)))
            return out;
        free(out);
        l = *end ? end + 1 : end;
    }
    fail_msg("no line starting with \"%s\" in:\n%s", start, text);
    return NULL;
}

static void assert_line(const char *text, const char *start,
                        const char *want)
{
    char *line = squeezed_line(text, start);
    assert_string_equal(line, want);
    free(line);
}

static void test_report__table_vi(void **state)
{
    fixture *f = *state;
    char *t = render(f->report, TDKT_FMT_TABLE, TDKT_LANG_VI);
    assert_contains(t, "TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG THUỘC THẨM "
                       "QUYỀN TỈNH NĂM 2023\n");
    assert_line(t, "1 Bằng khen",
                "1 Bằng khen 14 2 10 7 50,0% 2 3 5 35,7% 1 3 1 7,1% 1 7,1%");
    assert_line(t, "2 Chiến sĩ",
                "2 Chiến sĩ thi đua cấp tỉnh 3 0 3 3 100,0% 1 2 0 0,0% 0 0 "
                "0 0,0% 0 0,0%");
    assert_line(t, "3 Cờ",
                "3 Cờ thi đua cấp tỉnh 3 2 0 2 66,7% 0 0 1 33,3% 0 0 0 0,0% "
                "0 0,0%");
    assert_line(t, "4 Huy", "4 Huy hiệu của tỉnh, thành phố");
    assert_line(t, "Tổng cộng",
                "Tổng cộng 20 4 13 12 60,0% 3 5 6 30,0% 1 3 1 5,0% 1 5,0%");
    assert_line(t, "(1)", "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) "
                          "(12) (13) (14) (15) (16) (17)");
    assert_contains(t, "\nTỷ lệ khen thưởng cho người lao động trực tiếp: "
                       "66,7%\n");
    free(t);
}

static void test_report__table_en(void **state)
{
    fixture *f = *state;
    char *t = render(f->report, TDKT_FMT_TABLE, TDKT_LANG_EN);
    assert_contains(t, "YEAR 2023\n");
    assert_line(t, "1 Provincial Certificate",
                "1 Provincial Certificate of Merit 14 2 10 7 50.0% 2 3 5 "
                "35.7% 1 3 1 7.1% 1 7.1%");
    assert_line(t, "Total 20", "Total 20 4 13 12 60.0% 3 5 6 30.0% 1 3 1 "
                               "5.0% 1 5.0%");
    assert_contains(t, "Share of individual honours that went to direct "
                       "workers: 66.7%\n");
    assert_null(strstr(t, "66,7"));
    free(t);
}

static void test_report__csv_is_the_golden_file(void **state)
{
    fixture *f = *state;
    static const struct {
        tdkt_lang lang;
        const char *golden;
    } cases[] = {{TDKT_LANG_VI, "report/expected-2023-vi.csv"},
                 {TDKT_LANG_EN, "report/expected-2023-en.csv"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = th_fixture(cases[i].golden);
        char *want = th_read(path, NULL);
        char *got = render(f->report, TDKT_FMT_CSV, cases[i].lang);
        assert_non_null(want);
        assert_string_equal(got, want);
        free(got);
        free(want);
        free(path);
    }
}

static void test_report__json(void **state)
{
    fixture *f = *state;
    char *t = render(f->report, TDKT_FMT_JSON, TDKT_LANG_VI);
    assert_contains(t, "\"year\": 2023");
    assert_contains(t, "\"title\": \"TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG "
                       "THUỘC THẨM QUYỀN TỈNH NĂM 2023\"");
    assert_contains(t, "{\"code\": \"bk_tinh\", \"name\": \"Bằng khen\", "
                       "\"values\": [1, \"Bằng khen\", 14, 2, 10, 7, 50.0, "
                       "2, 3, 5, 35.7, 1, 3, 1, 7.1, 1, 7.1]}");
    assert_contains(t, "{\"code\": \"huy_hieu_tinh\", \"name\": \"Huy hiệu "
                       "của tỉnh, thành phố\", \"values\": [4, \"Huy hiệu "
                       "của tỉnh, thành phố\", null, null, null, null, null, "
                       "null, null, null, null, null, null, null, null, "
                       "null, null]}");
    assert_contains(t, "{\"code\": \"total\", \"name\": \"Tổng cộng\", "
                       "\"values\": [null, \"Tổng cộng\", 20, 4, 13, 12, "
                       "60.0, 3, 5, 6, 30.0, 1, 3, 1, 5.0, 1, 5.0]}");
    assert_contains(t, "\"headline\": 66.7\n}\n");
    free(t);

    /* English names, the same numbers; no headline without individuals. */
    t = render(f->report, TDKT_FMT_JSON, TDKT_LANG_EN);
    assert_contains(t, "\"name\": \"Provincial Emulation Flag\"");
    assert_contains(t, "66.7, 0, 0, 1, 33.3,");
    free(t);
    tdkt_report *empty = NULL;
    assert_int_equal(tdkt_report_compute(&empty, f->store, 1999), 0);
    t = render(empty, TDKT_FMT_JSON, TDKT_LANG_EN);
    assert_contains(t, "\"headline\": null");
    free(t);
    tdkt_report_free(empty);
}

static void test_report__md(void **state)
{
    fixture *f = *state;
    char *t = render(f->report, TDKT_FMT_MD, TDKT_LANG_VI);
    assert_contains(t, "**TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG THUỘC THẨM "
                       "QUYỀN TỈNH NĂM 2023**\n\n| (1) STT | (2) Hình thức "
                       "khen thưởng | (3) Tổng số |");
    assert_contains(t, "\n| ---: | --- | ---: |");
    assert_contains(t, "\n| 1 | Bằng khen | 14 | 2 | 10 | 7 | 50,0% | 2 | 3 "
                       "| 5 | 35,7% | 1 | 3 | 1 | 7,1% | 1 | 7,1% |\n");
    assert_contains(t, "\n| 4 | Huy hiệu của tỉnh, thành phố |  |  |");
    assert_contains(t, "\n|  | Tổng cộng | 20 | 4 | 13 | 12 | 60,0% |");
    assert_contains(t, "\n\nTỷ lệ khen thưởng cho người lao động trực "
                       "tiếp: 66,7%\n");
    free(t);

    /* A '|' in a name must not split the cell. */
    tdkt_report r = *f->report;
    r.rows[0].name[TDKT_LANG_EN] = "A|B";
    t = render(&r, TDKT_FMT_MD, TDKT_LANG_EN);
    assert_contains(t, "| 1 | A\\|B | 14 |");
    free(t);
}

static void test_report__other_formats_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(tdkt_report_write(f->report, TDKT_FMT_JSONL,
                                       TDKT_LANG_VI, stdout),
                     TDKT_EINVALID);
    assert_non_null(strstr(tdkt_error_last()->message, "jsonl"));
}

/* A member of the workbook (a zip file), read with unzip. */
static char *unzip_member(const char *xlsx, const char *member)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", xlsx, member);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, p)) > 0)
        fwrite(chunk, 1, got, m);
    fclose(m);
    assert_int_equal(pclose(p), 0);
    return text;
}

/* The <v> of cell @p ref ("C6") of a sheet's XML: malloc'd, or NULL when
 * the cell has no value (or is absent). */
static char *cell_v(const char *xml, const char *ref)
{
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *c = strstr(xml, key);
    if (!c)
        return NULL;
    const char *end = strchr(c, '>');
    if (end[-1] == '/')
        return NULL; /* <c r=".." s=".."/>: styled but empty */
    const char *v = strstr(end, "<v>");
    const char *close = strstr(end, "</c>");
    if (!v || v > close)
        return NULL;
    v += 3;
    return strndup(v, (size_t)(strstr(v, "</v>") - v));
}

static void assert_cell(const char *xml, const char *ref, double want)
{
    char *v = cell_v(xml, ref);
    if (!v)
        fail_msg("cell %s has no value", ref);
    double got = strtod(v, NULL);
    if (got < want - 1e-9 || got > want + 1e-9)
        fail_msg("cell %s: %s, expected %g", ref, v, want);
    free(v);
}

static void test_report__xlsx(void **state)
{
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/r.xlsx", f->dir);
    assert_int_equal(tdkt_report_write_xlsx(f->report, TDKT_LANG_VI, path),
                     0);
    char *sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
    char *strings = unzip_member(path, "xl/sharedStrings.xml");
    char *styles = unzip_member(path, "xl/styles.xml");
    char *book = unzip_member(path, "xl/workbook.xml");

    assert_contains(strings, "<t>TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG THUỘC "
                             "THẨM QUYỀN TỈNH NĂM 2023</t>");
    assert_contains(strings, "<t>Khen theo công trạng, thành tích</t>");
    assert_contains(strings, "<t>Tỷ lệ % (6:3)</t>");
    assert_contains(strings, "<t>Huy hiệu của tỉnh, thành phố</t>");
    assert_contains(strings, "<t>Tổng cộng</t>");
    assert_contains(strings, "<t>Tỷ lệ khen thưởng cho người lao động trực "
                             "tiếp: 66,7%</t>");
    assert_contains(sheet, "<mergeCell ref=\"A1:Q1\"/>");
    assert_contains(sheet, "<mergeCell ref=\"F3:I3\"/>");
    /* Row 5 numbers the 17 columns; rows 6..10 are the table. */
    assert_cell(sheet, "A5", 1);
    assert_cell(sheet, "Q5", 17);
    static const char cols[] = "CDEFGHIJKLMNOPQ";
    for (int r = 0; r < TDKT_REPORT_NROWS; r++) {
        for (int c = 3; c <= TDKT_REPORT_NCOLS; c++) {
            char ref[8];
            snprintf(ref, sizeof ref, "%c%d", cols[c - 3], 6 + r);
            long want = expected[r][c];
            if (want < 0) {
                assert_null(cell_v(sheet, ref));
                continue;
            }
            assert_cell(sheet, ref,
                        tdkt_report_is_percent(c) ? (double)want / 1000.0
                                                  : (double)want);
        }
    }
    /* Percentages are numbers shown as 0.0%; no cell is a formula. */
    assert_contains(styles, "formatCode=\"0.0%\"");
    assert_null(strstr(sheet, "<f>"));
    /* Printable: landscape, fitted to the width, header rows repeated. */
    assert_contains(sheet, "<pageSetUpPr fitToPage=\"1\"/>");
    assert_contains(sheet, "fitToHeight=\"0\"");
    assert_contains(sheet, "orientation=\"landscape\"");
    assert_contains(book, "_xlnm.Print_Titles");
    assert_contains(book, "<sheet name=\"Năm 2023\"");
    free(sheet);
    free(strings);
    free(styles);
    free(book);
}

static void test_report__xlsx_text_never_formula(void **state)
{
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/formula.xlsx", f->dir);
    tdkt_report r = *f->report;
    r.rows[0].name[TDKT_LANG_EN] = "=HYPERLINK(\"http://x\",\"y\")";
    r.rows[1].name[TDKT_LANG_EN] = "+1+2";
    assert_int_equal(tdkt_report_write_xlsx(&r, TDKT_LANG_EN, path), 0);
    char *sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
    char *strings = unzip_member(path, "xl/sharedStrings.xml");
    assert_contains(strings, "<t>=HYPERLINK(\"http://x\",\"y\")</t>");
    assert_contains(strings, "<t>+1+2</t>");
    assert_contains(sheet, "<c r=\"B6\" s=\"5\" t=\"s\">");
    assert_null(strstr(sheet, "<f>"));
    free(sheet);
    free(strings);

    /* And in CSV, a spreadsheet would not run it either. */
    char *csv = render(&r, TDKT_FMT_CSV, TDKT_LANG_EN);
    assert_contains(csv, "\n1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
    free(csv);
}

static void test_report__xlsx_to_a_stream(void **state)
{
    fixture *f = *state;
    char *t = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&t, &len);
    assert_int_equal(tdkt_report_write(f->report, TDKT_FMT_XLSX,
                                       TDKT_LANG_EN, m),
                     0);
    fclose(m);
    assert_true(len > 1000);
    assert_memory_equal(t, "PK\x03\x04", 4);
    free(t);
}

static void test_report__xlsx_unwritable(void **state)
{
    fixture *f = *state;
    assert_int_equal(tdkt_report_write_xlsx(f->report, TDKT_LANG_VI,
                                            "/nonexistent/dir/r.xlsx"),
                     TDKT_ERROR);
    assert_non_null(strstr(tdkt_error_last()->message, "/nonexistent"));
}

/* ------------------------------------------------------------------ */
/* report check                                                          */

static void write_file(const char *path, const char *text)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

static void test_report__csv_passes_its_own_check(void **state)
{
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/own.csv", f->dir);
    tdkt_report *empty = NULL;
    assert_int_equal(tdkt_report_compute(&empty, f->store, 1999), 0);
    const tdkt_report *reports[] = {f->report, empty};
    for (size_t i = 0; i < 2; i++) {
        for (int lang = TDKT_LANG_VI; lang <= TDKT_LANG_EN; lang++) {
            char *csv = render(reports[i], TDKT_FMT_CSV, (tdkt_lang)lang);
            write_file(path, csv);
            tdkt_diags d = {0};
            assert_int_equal(tdkt_report_check(path, (tdkt_lang)lang, &d),
                             0);
            if (d.count)
                fail_msg("%s", d.items[0].message);
            tdkt_diags_clear(&d);
            free(csv);
        }
    }
    tdkt_report_free(empty);
}

typedef struct check_case {
    const char *file;
    tdkt_lang lang;
    int error;
    size_t count;
    const char *lines[4]; /* "LINE|COLUMN|MESSAGE", in order */
} check_case;

static const check_case check_cases[] = {
    {"consistent.csv", TDKT_LANG_VI, 0, 0, {NULL}},
    {"consistent_en.csv", TDKT_LANG_EN, 0, 0, {NULL}},
    {"enterprises_exceed.csv", TDKT_LANG_VI, 0, 1,
     {"4|dòng 3 (Cờ thi đua cấp tỉnh), cột 3 (Tổng số)|ghi 8, phải ít nhất "
      "9 (cột 4)"}},
    {"persons_exceed.csv", TDKT_LANG_VI, 0, 1,
     {"3|dòng 2 (Chiến sĩ thi đua cấp tỉnh), cột 3 (Tổng số)|ghi 40, phải "
      "ít nhất 45 (cột 5)"}},
    {"merit_split.csv", TDKT_LANG_VI, 0, 1,
     {"3|dòng 2 (Chiến sĩ thi đua cấp tỉnh), cột 6 (Khen theo công trạng, "
      "thành tích: Tổng số)|ghi 40, phải ít nhất 41 (cột 8 + cột 9)"}},
    {"thematic_split.csv", TDKT_LANG_EN, 0, 2,
     {"2|row 1 (Bằng khen), column 10 (Thematic and ad hoc: Total)|written "
      "30, should be at least 31 (column 12 + column 13)",
      "6|row Tổng cộng, column 10 (Thematic and ad hoc: Total)|written 30, "
      "should be at least 31 (column 12 + column 13)"}},
    {"kind_exceeds.csv", TDKT_LANG_VI, 0, 3,
     {"4|dòng 3 (Cờ thi đua cấp tỉnh), cột 3 (Tổng số)|ghi 8, phải ít nhất "
      "9 (cột 14)",
      "4|dòng 3 (Cờ thi đua cấp tỉnh), cột 3 (Tổng số)|ghi 8, phải là 17 "
      "(cột 6 + cột 10 + cột 14 + cột 16)",
      "6|dòng Tổng cộng, cột 3 (Tổng số)|ghi 248, phải là 257 (cột 6 + cột "
      "10 + cột 14 + cột 16)"}},
    {"kinds_sum.csv", TDKT_LANG_VI, 0, 2,
     {"3|dòng 2 (Chiến sĩ thi đua cấp tỉnh), cột 3 (Tổng số)|ghi 40, phải "
      "là 41 (cột 6 + cột 10 + cột 14 + cột 16)",
      "6|dòng Tổng cộng, cột 3 (Tổng số)|ghi 248, phải là 249 (cột 6 + cột "
      "10 + cột 14 + cột 16)"}},
    {"percent_wrong.csv", TDKT_LANG_VI, 0, 3,
     {"2|dòng 1 (Bằng khen), cột 7 (Khen theo công trạng, thành tích: Tỷ lệ "
      "% (6:3))|ghi 79,0%, phải là 80,0% (cột 6 : cột 3)",
      "2|dòng 1 (Bằng khen), cột 17 (Khen thưởng thành tích kháng chiến: Tỷ "
      "lệ % (16:3))|ghi 0.03, phải là 2,0% (cột 16 : cột 3)",
      "5|dòng 4 (Huy hiệu của tỉnh, thành phố), cột 7 (Khen theo công "
      "trạng, thành tích: Tỷ lệ % (6:3))|ghi 5%, phải để trống (cột 3 bằng "
      "0)"}},
    {"percent_wrong.csv", TDKT_LANG_EN, 0, 3,
     {"2|row 1 (Bằng khen), column 7 (Merit and achievement: Share % "
      "(6:3))|written 79,0%, should be 80.0% (column 6 : column 3)"}},
    {"total_wrong.csv", TDKT_LANG_VI, 0, 1,
     {"6|dòng Tổng cộng, cột 4 (Số lượng khen cho Doanh nghiệp)|ghi 12, "
      "phải là 13 (tổng các dòng trên)"}},
    {"not_a_number.csv", TDKT_LANG_VI, TDKT_EINVALID, 1,
     {"2|dòng 1 (Bằng khen), cột 4 (Số lượng khen cho Doanh nghiệp)|'mười' "
      "không phải số nguyên"}},
    {"short_header.csv", TDKT_LANG_EN, TDKT_EINVALID, 1,
     {"1||the header has 15 columns; the table has 17"}},
    {"only_header.csv", TDKT_LANG_EN, TDKT_EINVALID, 1,
     {"1||the table has 0 rows of figures; it needs 5: a row per form"}},
    {"unterminated.csv", TDKT_LANG_EN, TDKT_EINVALID, 1, {"6||"}},
};

static void test_report__check_fixtures(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof check_cases / sizeof *check_cases; i++) {
        const check_case *k = &check_cases[i];
        char rel[128];
        snprintf(rel, sizeof rel, "report/check/%s", k->file);
        char *path = th_fixture(rel);
        tdkt_diags d = {0};
        int error = tdkt_report_check(path, k->lang, &d);
        if (error != k->error || d.count != k->count)
            fail_msg("%s: error %d and %zu lines, expected %d and %zu%s%s",
                     k->file, error, d.count, k->error, k->count,
                     d.count ? ": " : "", d.count ? d.items[0].message : "");
        for (size_t l = 0; l < 4 && k->lines[l]; l++) {
            char got[2048];
            snprintf(got, sizeof got, "%ld|%s|%s", d.items[l].line,
                     d.items[l].column, d.items[l].message);
            if (strncmp(got, k->lines[l], strlen(k->lines[l])) != 0)
                fail_msg("%s line %zu:\n  got  %s\n  want %s", k->file, l,
                         got, k->lines[l]);
            assert_string_equal(d.items[l].file, path);
        }
        tdkt_diags_clear(&d);
        free(path);
    }
}

/* The rows of the forms after the first, with no award: a table has a
 * row for each of the four forms. */
#define EMPTY_FORMS                                                            \
    "2,Chiến sĩ thi đua cấp tỉnh,,,,,,,,,,,,,,,\n"                          \
    "3,Cờ thi đua cấp tỉnh,,,,,,,,,,,,,,,\n"                                \
    "4,\"Huy hiệu của tỉnh, thành phố\",,,,,,,,,,,,,,,\n"

/* A table of one form with 16 honours, 1 of them foreign (6,25%): the
 * share is written @p written; total row copied from the form row. */
static int check_foreign_share(const char *dir, const char *written)
{
    char path[512], text[1024], row[256];
    snprintf(path, sizeof path, "%s/tie.csv", dir);
    snprintf(row, sizeof row,
             "16,0,16,15,93.8%%,5,10,0,0%%,0,0,1,\"%s\",0,0%%", written);
    snprintf(text, sizeof text,
             "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
             "1,Bằng khen,%s\n" EMPTY_FORMS ",Tổng cộng,%s\n", row, row);
    write_file(path, text);
    tdkt_diags d = {0};
    int error = tdkt_report_check(path, TDKT_LANG_VI, &d);
    if (error != 0)
        fail_msg("'%s': %d: %s", written, error,
                 d.count ? d.items[0].message : "");
    int n = (int)d.count;
    tdkt_diags_clear(&d);
    return n;
}

/* Counts of 15 digits, the most a cell may hold: the share is checked
 * without overflow (the sanitizer build would catch one) and found
 * wrong. */
static void test_report__check_huge_counts(void **state)
{
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/huge.csv", f->dir);
    const char *n = "999999999999999";
    char row[512], text[1400];
    snprintf(row, sizeof row,
             "%s,0,%s,%s,100%%,0,%s,0,0%%,0,0,%s,\"99,9%%\",0,0%%", n, n,
             n, n, n);
    snprintf(text, sizeof text,
             "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
             "1,Bằng khen,%s\n" EMPTY_FORMS ",Tổng cộng,%s\n",
             row, row);
    write_file(path, text);
    tdkt_diags d = {0};
    assert_int_equal(tdkt_report_check(path, TDKT_LANG_EN, &d), 0);
    bool share_wrong = false;
    for (size_t i = 0; i < d.count; i++)
        share_wrong |= strstr(d.items[i].message, "written 99,9%") != NULL;
    tdkt_diags_clear(&d);
    assert_true(share_wrong);
}

/* A table has exactly a row per form and the total: a fifth form row, or
 * one form only, is reported, though its sums agree. */
static void test_report__check_row_count(void **state)
{
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/rows.csv", f->dir);
    static const char *const extra[] = {"", EMPTY_FORMS,
                                        EMPTY_FORMS "5,Khác,,,,,,,,,,,,,,,\n"};
    static const size_t rows[] = {2, 5, 6};
    for (size_t i = 0; i < 3; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
                 "1,Bằng khen,1,0,1,1,100%%,0,1,0,0%%,0,0,0,0%%,0,0%%\n"
                 "%s,Tổng cộng,1,0,1,1,100%%,0,1,0,0%%,0,0,0,0%%,0,0%%\n",
                 extra[i]);
        write_file(path, text);
        tdkt_diags d = {0};
        int error = tdkt_report_check(path, TDKT_LANG_EN, &d);
        char want[64];
        snprintf(want, sizeof want, "the table has %zu rows of figures",
                 rows[i]);
        if (rows[i] == 5 ? error != 0 || d.count != 0
                         : error != TDKT_EINVALID || d.count != 1 ||
                               !strstr(d.items[0].message, want))
            fail_msg("%zu rows: %d, %zu lines%s%s", rows[i], error, d.count,
                     d.count ? ": " : "", d.count ? d.items[0].message : "");
        tdkt_diags_clear(&d);
    }
}

static void test_report__check_percent_forms(void **state)
{
    fixture *f = *state;
    /* 6,25% is a tie at one decimal: either neighbour is right. */
    assert_int_equal(check_foreign_share(f->dir, "6,3%"), 0);
    assert_int_equal(check_foreign_share(f->dir, "6,2%"), 0);
    assert_int_equal(check_foreign_share(f->dir, "6,25%"), 0);
    assert_int_equal(check_foreign_share(f->dir, "6.3 %"), 0);
    assert_int_equal(check_foreign_share(f->dir, "0.0625"), 0);
    assert_int_equal(check_foreign_share(f->dir, "0.063"), 0);
    assert_int_equal(check_foreign_share(f->dir, ""), 0);
    /* Off by a tenth beyond the tie, in each row. */
    assert_int_equal(check_foreign_share(f->dir, "6,4%"), 2);
    assert_int_equal(check_foreign_share(f->dir, "6.1%"), 2);
    assert_int_equal(check_foreign_share(f->dir, "0.061"), 2);
    /* A number without '%' is a fraction: 6.3 is 630%. */
    assert_int_equal(check_foreign_share(f->dir, "6.3"), 2);
}

static void test_report__check_unreadable(void **state)
{
    fixture *f = *state;
    tdkt_diags d = {0};
    char path[512];
    snprintf(path, sizeof path, "%s/missing.csv", f->dir);
    assert_int_equal(tdkt_report_check(path, TDKT_LANG_EN, &d),
                     TDKT_ENOTFOUND);
    assert_int_equal(d.count, 0);

    /* Not a percentage, not a count, too many columns: every bad cell is
     * reported, and no arithmetic is checked. */
    snprintf(path, sizeof path, "%s/bad.csv", f->dir);
    write_file(path, "h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,h13,h14,h15,"
                     "h16,h17\n"
                     "1,A,1,0,1,1,abc,0,1,0,0%,0,0,0,0%,0,0%\n"
                     "2,B,1.5,0,0,1,100%,0,0,0,0%,0,0,0,0%,0,0%,x\n"
                     ",T,2,0,1,2,100%,0,1,0,0%,0,0,0,0%,0,0%\n");
    assert_int_equal(tdkt_report_check(path, TDKT_LANG_EN, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 2);
    assert_string_equal(d.items[0].column,
                        "row 1 (A), column 7 (Merit and achievement: Share "
                        "% (6:3))");
    assert_string_equal(d.items[0].message,
                        "'abc' is not a percentage (21,5%, 21.5% or 0.215)");
    assert_int_equal(d.items[1].line, 3);
    assert_string_equal(d.items[1].message,
                        "the row has 18 columns; the table has 17");
    tdkt_diags_clear(&d);

    /* A row cut short is said as such, whatever it holds: not as the
     * sums its missing cells would break. */
    write_file(path, "h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,h13,h14,h15,"
                     "h16,h17\n"
                     "1,A,1,0,1,1,100%,0,1,0,0%,0,0,0,0%,0\n"
                     "2,B,10\n"
                     ",T,11,0,1,1,100%,0,1,0,0%,0,0,0,0%,0,0%\n");
    assert_int_equal(tdkt_report_check(path, TDKT_LANG_EN, &d),
                     TDKT_EINVALID);
    assert_int_equal(d.count, 2);
    assert_int_equal(d.items[0].line, 2);
    assert_string_equal(d.items[0].message,
                        "the row has 16 columns; the table has 17");
    assert_int_equal(d.items[1].line, 3);
    assert_string_equal(d.items[1].message,
                        "the row has 3 columns; the table has 17");
    tdkt_diags_clear(&d);

    /* Counts: digit groups of three, one separator kind, nothing else. */
    static const struct {
        const char *cell;
        bool ok;
    } counts[] = {{"2.134", true},   {"2,134", true},  {"2 134", true},
                  {"1.234.567", true}, {"1234", true},  {"", true},
                  {"12.5", false},   {"1.2345", false}, {"1.234,567", false},
                  {"-1", false},     {"1e3", false},   {".123", false}};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
                 "1,A,5,\"%s\",0,5,,0,0,0,,0,0,0,,0,\n" EMPTY_FORMS
                 ",T,5,\"%s\",0,5,,0,0,0,,0,0,0,,0,\n",
                 counts[i].cell, counts[i].cell);
        write_file(path, text);
        int error = tdkt_report_check(path, TDKT_LANG_EN, &d);
        if ((error == 0) != counts[i].ok)
            fail_msg("count '%s': %d", counts[i].cell, error);
        tdkt_diags_clear(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__cells),
        cmocka_unit_test(test_report__count_uses_its_index),
        cmocka_unit_test(test_report__headline),
        cmocka_unit_test(test_report__share_rounds_half_up),
        cmocka_unit_test(test_report__empty_year),
        cmocka_unit_test(test_report__table_vi),
        cmocka_unit_test(test_report__table_en),
        cmocka_unit_test(test_report__csv_is_the_golden_file),
        cmocka_unit_test(test_report__json),
        cmocka_unit_test(test_report__md),
        cmocka_unit_test(test_report__other_formats_refused),
        cmocka_unit_test(test_report__xlsx),
        cmocka_unit_test(test_report__xlsx_text_never_formula),
        cmocka_unit_test(test_report__xlsx_to_a_stream),
        cmocka_unit_test(test_report__xlsx_unwritable),
        cmocka_unit_test(test_report__csv_passes_its_own_check),
        cmocka_unit_test(test_report__check_fixtures),
        cmocka_unit_test(test_report__check_percent_forms),
        cmocka_unit_test(test_report__check_row_count),
        cmocka_unit_test(test_report__check_huge_counts),
        cmocka_unit_test(test_report__check_unreadable),
    };
    return cmocka_run_group_tests_name("report", tests, setup, teardown);
}
