/*
 * The annual summary table: its rows, columns and headings (reports.md), and
 * computing it from the honours of a year.
 *
 * Only counts are stored; percentages and the headline are derived when
 * asked for, in integer tenths of a percent, so every output format and the
 * audit of `report check` round the same way.
 */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "report/report_int.h"

/* The forms of the table, in the order of reports.md. */
static const struct {
    const char *code;
    const char *vi;
    const char *en;
} forms[TDKT_REPORT_NFORMS] = {
    {"bk_tinh", "Bằng khen", "Provincial Certificate of Merit"},
    {"cstd_tinh", "Chiến sĩ thi đua cấp tỉnh",
     "Provincial Emulation Fighter"},
    {"co_tinh", "Cờ thi đua cấp tỉnh", "Provincial Emulation Flag"},
    {"huy_hieu_tinh", "Huy hiệu của tỉnh, thành phố",
     "Provincial Badge"},
};

const char *tdkt__report_form_name(size_t i, tdkt_lang lang)
{
    return lang == TDKT_LANG_EN ? forms[i].en : forms[i].vi;
}

/* Group headings of the official form, spelled once and pasted into the
 * self-contained headings at compile time. */
#define G_MERIT_VI "Khen theo công trạng, thành tích"
#define G_MERIT_EN "Merit and achievement"
#define G_THEME_VI "Khen chuyên đề, đột xuất"
#define G_THEME_EN "Thematic and ad hoc"
#define G_FOREIGN_VI "Khen thưởng đối ngoại"
#define G_FOREIGN_EN "Foreign relations"
#define G_RESIST_VI "Khen thưởng thành tích kháng chiến"
#define G_RESIST_EN "Resistance achievements"
#define DIRECT_VI                                                            \
    "nông dân, công nhân, chiến sỹ, người lao động trực tiếp, CCVC không "  \
    "làm quản lý"
#define DIRECT_EN                                                            \
    "farmers, workers, soldiers, direct workers, public employees not in "  \
    "management"

/* Indexed [col - 1][lang]. */
static const tdkt__report_heading headings[TDKT_REPORT_NCOLS][2] = {
    {{NULL, "STT", "STT", "STT"}, {NULL, "No.", "No.", "No."}},
    {{NULL, "Hình thức khen thưởng", "Hình thức khen thưởng",
      "Hình thức khen thưởng"},
     {NULL, "Award form", "Award form", "Award form"}},
    {{NULL, "Tổng số", "Tổng số", "Tổng số"},
     {NULL, "Total", "Total", "Total"}},
    {{NULL, "Số lượng khen cho Doanh nghiệp",
      "Số lượng khen cho Doanh nghiệp", "Doanh nghiệp"},
     {NULL, "Enterprises honoured", "Enterprises honoured", "Enterprises"}},
    {{NULL, "Số lượng khen cho cá nhân", "Số lượng khen cho cá nhân",
      "Cá nhân"},
     {NULL, "Individuals honoured", "Individuals honoured", "Individuals"}},
    {{G_MERIT_VI, "Tổng số", G_MERIT_VI ": Tổng số", "Công trạng"},
     {G_MERIT_EN, "Total", G_MERIT_EN ": Total", "Merit"}},
    {{G_MERIT_VI, "Tỷ lệ % (6:3)", G_MERIT_VI ": Tỷ lệ % (6:3)", "Tỷ lệ"},
     {G_MERIT_EN, "Share % (6:3)", G_MERIT_EN ": Share % (6:3)", "Share"}},
    {{G_MERIT_VI, "Trong đó: cá nhân là lãnh đạo, quản lý",
      G_MERIT_VI ": cá nhân là lãnh đạo, quản lý", "Lãnh đạo"},
     {G_MERIT_EN, "Of which: leaders and managers",
      G_MERIT_EN ": leaders and managers", "Leaders"}},
    {{G_MERIT_VI, DIRECT_VI, G_MERIT_VI ": " DIRECT_VI, "Trực tiếp"},
     {G_MERIT_EN, DIRECT_EN, G_MERIT_EN ": " DIRECT_EN, "Direct"}},
    {{G_THEME_VI, "Tổng số", G_THEME_VI ": Tổng số", "Chuyên đề"},
     {G_THEME_EN, "Total", G_THEME_EN ": Total", "Thematic"}},
    {{G_THEME_VI, "Tỷ lệ % (10:3)", G_THEME_VI ": Tỷ lệ % (10:3)", "Tỷ lệ"},
     {G_THEME_EN, "Share % (10:3)", G_THEME_EN ": Share % (10:3)",
      "Share"}},
    {{G_THEME_VI, "Trong đó: lãnh đạo, quản lý",
      G_THEME_VI ": lãnh đạo, quản lý", "Lãnh đạo"},
     {G_THEME_EN, "Of which: leaders and managers",
      G_THEME_EN ": leaders and managers", "Leaders"}},
    {{G_THEME_VI, DIRECT_VI, G_THEME_VI ": " DIRECT_VI, "Trực tiếp"},
     {G_THEME_EN, DIRECT_EN, G_THEME_EN ": " DIRECT_EN, "Direct"}},
    {{G_FOREIGN_VI, "Số lượng", G_FOREIGN_VI ": Số lượng", "Đối ngoại"},
     {G_FOREIGN_EN, "Number", G_FOREIGN_EN ": Number", "Foreign"}},
    {{G_FOREIGN_VI, "Tỷ lệ % (14:3)", G_FOREIGN_VI ": Tỷ lệ % (14:3)",
      "Tỷ lệ"},
     {G_FOREIGN_EN, "Share % (14:3)", G_FOREIGN_EN ": Share % (14:3)",
      "Share"}},
    {{G_RESIST_VI, "Số lượng", G_RESIST_VI ": Số lượng", "Kháng chiến"},
     {G_RESIST_EN, "Number", G_RESIST_EN ": Number", "Resistance"}},
    {{G_RESIST_VI, "Tỷ lệ % (16:3)", G_RESIST_VI ": Tỷ lệ % (16:3)",
      "Tỷ lệ"},
     {G_RESIST_EN, "Share % (16:3)", G_RESIST_EN ": Share % (16:3)",
      "Share"}},
};

const tdkt__report_heading *tdkt__report_heading_of(int col, tdkt_lang lang)
{
    if (col < 1 || col > TDKT_REPORT_NCOLS)
        return NULL;
    return &headings[col - 1][lang == TDKT_LANG_EN];
}

const char *tdkt_report_heading(int col, tdkt_lang lang)
{
    const tdkt__report_heading *h = tdkt__report_heading_of(col, lang);
    return h ? h->full : NULL;
}

void tdkt__report_title(tdkt_buf *b, int year, tdkt_lang lang)
{
    tdkt_buf_printf(b,
                    TDKT_TR(lang,
                            "TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG THUỘC THẨM "
                            "QUYỀN TỈNH NĂM %d",
                            "SUMMARY OF THE AWARD FORMS WITHIN THE "
                            "PROVINCE'S AUTHORITY, YEAR %d"),
                    year);
}

void tdkt__report_pct(tdkt_buf *b, long tenths, char sep)
{
    tdkt_buf_printf(b, "%ld%c%ld%%", tenths / 10, sep, tenths % 10);
}

void tdkt__report_headline_text(tdkt_buf *b, const tdkt_report *r,
                                tdkt_lang lang)
{
    long v;
    tdkt_buf_puts(b, TDKT_TR(lang,
                             "Tỷ lệ khen thưởng cho người lao động trực "
                             "tiếp: ",
                             "Share of individual honours that went to "
                             "direct workers: "));
    if (tdkt_report_headline(&v, r))
        tdkt__report_pct(b, v, TDKT__DECIMAL(lang));
    else
        tdkt_buf_puts(b, TDKT_TR(lang, "không có (không cá nhân nào được "
                                       "khen)",
                                 "none (no individual was honoured)"));
}

bool tdkt_report_is_percent(int col)
{
    return col == 7 || col == 11 || col == 15 || col == 17;
}

long tdkt_report_share(long num, long den)
{
    /* round(1000 * num / den), half up, in integers: no binary fraction
     * can turn 12,25% into 12,2%. */
    return (2000 * num + den) / (2 * den);
}

bool tdkt_report_value(long *out, const tdkt_report_row *row, int col)
{
    *out = 0;
    if (col < 3 || col > TDKT_REPORT_NCOLS || row->count[3] <= 0)
        return false;
    /* Each percentage is the column just left of it over column 3. */
    *out = tdkt_report_is_percent(col)
               ? tdkt_report_share(row->count[col - 1], row->count[3])
               : row->count[col];
    return true;
}

bool tdkt_report_headline(long *out, const tdkt_report *r)
{
    const long *c = r->rows[TDKT_REPORT_NFORMS].count;
    long direct = c[9] + c[13];
    long individuals = c[8] + c[9] + c[12] + c[13];
    *out = 0;
    if (individuals <= 0)
        return false;
    *out = tdkt_report_share(direct, individuals);
    return true;
}

static void init_rows(tdkt_report *r, int year)
{
    r->year = year;
    for (int i = 0; i < TDKT_REPORT_NFORMS; i++) {
        r->rows[i].code = forms[i].code;
        r->rows[i].name[TDKT_LANG_VI] = forms[i].vi;
        r->rows[i].name[TDKT_LANG_EN] = forms[i].en;
        r->rows[i].stt = i + 1;
    }
    tdkt_report_row *total = &r->rows[TDKT_REPORT_NFORMS];
    total->code = "total";
    total->name[TDKT_LANG_VI] = "Tổng cộng";
    total->name[TDKT_LANG_EN] = "Total";
    total->stt = 0;
}

/* Where each kind of honour is counted: its total column, and for merit
 * and thematic kinds the column of leaders (non-leaders are the next). */
static const struct {
    const char *kind;
    int col;
    int leaders;
} kind_cols[] = {
    {"merit", 6, 8},     {"dedication", 6, 8}, {"seniority", 6, 8},
    {"thematic", 10, 12}, {"ad_hoc", 10, 12},   {"foreign", 14, 0},
    {"resistance", 16, 0},
};

/* Count one honour into its form's row. The columns follow reports.md:
 * 3 every honour, 4 enterprises, 5 individuals, then by kind 6 / 10 / 14
 * / 16, with the individuals of 6 and 10 split by is_leader. */
static void count_honour(tdkt_report_row *row, const char *kind,
                         bool person, bool enterprise, int is_leader)
{
    long *c = row->count;
    c[3]++;
    if (enterprise)
        c[4]++;
    if (person)
        c[5]++;
    for (size_t k = 0; k < sizeof kind_cols / sizeof *kind_cols; k++) {
        if (strcmp(kind, kind_cols[k].kind) != 0)
            continue;
        c[kind_cols[k].col]++;
        /* A person missing from people (is_leader NULL, -1 here) is
         * counted as an individual but in neither split. */
        if (kind_cols[k].leaders && person && is_leader >= 0)
            c[kind_cols[k].leaders + (is_leader ? 0 : 1)]++;
        return;
    }
}

/* Served by the index honours_report (schema_report.sql), whose condition
 * is the codes' condition here, term for term. */
const char tdkt__report_count_sql[] =
    "SELECT h.code, h.kind, h.subject_type, u.kind, p.is_leader "
    "FROM honours h "
    "LEFT JOIN units u ON h.subject_type = 'unit' AND u.id = h.subject_id "
    "LEFT JOIN people p ON h.subject_type = 'person' "
    "  AND p.id = h.subject_id "
    "WHERE h.year = ?1 "
    "  AND (h.code = 'bk_tinh' OR h.code = 'cstd_tinh' OR h.code = 'co_tinh'"
    "       OR h.code = 'huy_hieu_tinh')";

int tdkt_report_compute(tdkt_report **out, tdkt_store *store, int year)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *st = NULL;
    int error = TDKT_OK, rc;
    tdkt_report *r = calloc(1, sizeof *r);

    *out = NULL;
    if (!r)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    init_rows(r, year);
    if (sqlite3_prepare_v2(db, tdkt__report_count_sql, -1, &st, NULL) !=
        SQLITE_OK) {
        error = tdkt_store_fail(db, "report");
        goto done;
    }
    sqlite3_bind_int(st, 1, year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        const char *kind = (const char *)sqlite3_column_text(st, 1);
        const char *type = (const char *)sqlite3_column_text(st, 2);
        const char *unit_kind = (const char *)sqlite3_column_text(st, 3);
        int is_leader = sqlite3_column_type(st, 4) == SQLITE_NULL
                            ? -1
                            : sqlite3_column_int(st, 4) != 0;
        for (int i = 0; i < TDKT_REPORT_NFORMS; i++)
            if (code && kind && type && !strcmp(code, forms[i].code))
                count_honour(&r->rows[i], kind, !strcmp(type, "person"),
                             unit_kind && !strcmp(unit_kind, "enterprise"),
                             is_leader);
    }
    if (rc != SQLITE_DONE) {
        error = tdkt_store_fail(db, "report");
        goto done;
    }
    tdkt_report_row *total = &r->rows[TDKT_REPORT_NFORMS];
    for (int i = 0; i < TDKT_REPORT_NFORMS; i++)
        for (int c = 3; c <= TDKT_REPORT_NCOLS; c++)
            total->count[c] += r->rows[i].count[c];
done:
    sqlite3_finalize(st);
    if (error < 0) {
        free(r);
        return error;
    }
    *out = r;
    return TDKT_OK;
}

void tdkt_report_free(tdkt_report *r)
{
    free(r);
}
