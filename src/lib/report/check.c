/*
 * `tdkt report check`: the audit of a summary table filled in by hand
 * (reports.md). The table is read whole, every cell parsed, and only then
 * checked, so a malformed file is reported as such rather than as a heap
 * of contradictions.
 *
 * Contradictions name the cell that must move to make the arithmetic
 * hold: for "4 <= 3" and "6 + 10 + 14 + 16 = 3" that is column 3 (the
 * total every part must fit in), for "8 + 9 <= 6" column 6, for a
 * percentage the percentage, for the total row its own cell. The parts
 * involved are quoted in the message.
 *
 * The file is read with the importer's RFC 4180 reader (import/csv.h):
 * quoting, line ends, the byte-order mark and UTF-8 are checked there, the
 * same way for every CSV file tdkt reads.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/vocab.h"
#include "import/csv.h"
#include "report/report_int.h"

#define NCOLS TDKT_REPORT_NCOLS
/* More digits than this would not be a count or a percentage. */
#define MAX_DIGITS 15

/* ------------------------------------------------------------------ */
/* The file's records, kept whole: the total row is known only at the    */
/* end, and each row is checked against the others.                     */

typedef struct csv_row {
    long line; /* the line the record starts on, the header being 1 */
    size_t n;
    char **cells; /* "" for an empty cell */
} csv_row;

typedef struct csv_rows {
    csv_row *items;
    size_t count, cap;
} csv_rows;

static void csv_rows_free(csv_rows *t)
{
    for (size_t i = 0; i < t->count; i++) {
        for (size_t c = 0; c < t->items[i].n; c++)
            free(t->items[i].cells[c]);
        free(t->items[i].cells);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* Copy the record just read into a new row. */
static int keep_record(csv_rows *t, const tdkt_csv *csv)
{
    if (t->count == t->cap) {
        size_t n = t->cap ? t->cap * 2 : 16;
        csv_row *items = realloc(t->items, n * sizeof *items);
        if (!items)
            return TDKT_ENOMEM;
        t->items = items;
        t->cap = n;
    }
    csv_row *row = &t->items[t->count];
    row->line = tdkt__csv_line(csv);
    row->n = 0;
    row->cells = calloc(tdkt__csv_count(csv) + 1, sizeof *row->cells);
    if (!row->cells)
        return TDKT_ENOMEM;
    t->count++;
    for (size_t c = 0; c < tdkt__csv_count(csv); c++) {
        const char *f = tdkt__csv_field(csv, c);
        if (!(row->cells[c] = strdup(f ? f : "")))
            return TDKT_ENOMEM;
        row->n++;
    }
    return TDKT_OK;
}

/* ------------------------------------------------------------------ */
/* Cells.                                                               */

/* Trim the spaces around a cell in place, as the import does: a table
 * filled in a spreadsheet carries no-break spaces (tdkt_text_trim). */
static char *trim(char *s)
{
    size_t n = strlen(s);
    char *t = (char *)tdkt_text_trim(s, &n);
    t[n] = '\0';
    return t;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The bytes of the space at @p p: a space, or a no-break space a
 * spreadsheet writes between digit groups and before "%" (U+00A0,
 * U+202F: tdkt_text_space_at's), but not a tab; 0 for anything else. */
static size_t space_len(const char *p)
{
    return *p == '\t' ? 0 : tdkt_text_space_at(p, strnlen(p, 4));
}

/* A whole number, digit groups of three optionally separated by '.', ','
 * or a space ("2.134" in a Vietnamese table is two thousand). Empty is 0. */
static bool parse_count(long *out, const char *s)
{
    long v = 0;
    int digits = 0, group = 0; /* digits since the last separator */
    char gsep = 0;
    *out = 0;
    for (const char *p = s; *p; p++) {
        size_t sp = space_len(p);
        char c = sp ? ' ' : *p;
        if (is_digit(c)) {
            if (++digits > MAX_DIGITS)
                return false;
            v = v * 10 + (c - '0');
            group++;
        } else if (c == '.' || c == ',' || c == ' ') {
            /* The first group has one to three digits, the others three,
             * all behind the same separator (the spaces are one). */
            if (group < 1 || group > 3 ||
                (gsep && (gsep != c || group != 3)))
                return false;
            gsep = c;
            group = 0;
            if (sp)
                p += sp - 1;
        } else {
            return false;
        }
    }
    if (gsep && group != 3)
        return false;
    *out = v;
    return true;
}

/*
 * A percentage "21,5%", "21.5%" or a fraction "0.215", as tenths of a
 * percent rounded half up (21.54% gives 215). Empty is not a value.
 */
static bool parse_pct(long *out, bool *given, const char *s)
{
    long mant = 0, scale = 1;
    int digits = 0;
    bool point = false, pct = false;
    *out = 0;
    *given = *s != '\0';
    for (const char *p = s; *p; p++) {
        if (is_digit(*p) && !pct) {
            if (++digits > MAX_DIGITS)
                return false;
            mant = mant * 10 + (*p - '0');
            if (point)
                scale *= 10;
        } else if ((*p == ',' || *p == '.') && !point && digits > 0 &&
                   !pct) {
            point = true;
        } else if (*p == '%' && digits > 0 && !pct) {
            pct = true;
        } else if (space_len(p) && !pct && p[space_len(p)] == '%') {
            p += space_len(p) - 1;
            continue;
        } else {
            return false;
        }
    }
    if (*given && !digits)
        return false;
    /* tenths = mant / scale * (10 for a percent, 1000 for a fraction) */
    long mult = pct ? 10 : 1000;
    *out = (2 * mant * mult + scale) / (2 * scale);
    return true;
}

/* ------------------------------------------------------------------ */
/* The table.                                                           */

typedef struct trow {
    long line;
    const char *stt, *name;
    const char *text[NCOLS + 1]; /* cells as written, trimmed */
    long value[NCOLS + 1];       /* counts; percentages in tenths */
    bool given[NCOLS + 1];       /* a percentage was written */
} trow;

typedef struct audit {
    const char *path;
    tdkt_lang lang;
    tdkt_diags *out;
    tdkt_buf where; /* scratch: "dòng 1 (…), cột 4 (…)" */
    int error;      /* TDKT_ENOMEM once an append failed */
} audit;

static void cell_label(audit *a, const trow *r, int col)
{
    tdkt_lang l = a->lang;
    a->where.len = 0;
    tdkt_buf_puts(&a->where, TDKT_TR(l, "dòng ", "row "));
    if (*r->stt && *r->name)
        tdkt_buf_printf(&a->where, "%s (%s)", r->stt, r->name);
    else if (*r->stt || *r->name)
        tdkt_buf_puts(&a->where, *r->stt ? r->stt : r->name);
    else
        tdkt_buf_printf(&a->where, TDKT_TR(l, "ở dòng %ld của tệp",
                                           "at line %ld of the file"),
                        r->line);
    if (col > 0)
        tdkt_buf_printf(&a->where, TDKT_TR(l, ", cột %d (%s)",
                                           ", column %d (%s)"),
                        col, tdkt_report_heading(col, l));
}

/* Record one problem about cell (@p r, @p col); @p fmt gets the text. */
static void problem(audit *a, const trow *r, int col, const char *fmt,
                    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void problem(audit *a, const trow *r, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cell_label(a, r, col);
    if (a->where.oom ||
        tdkt_diags_add(a->out, a->path, r->line, tdkt_buf_cstr(&a->where),
                       "%s", msg) < 0)
        a->error = TDKT_ENOMEM;
}

static const char *written(const audit *a, const trow *r, int col)
{
    return *r->text[col] ? r->text[col] : TDKT_TR(a->lang, "(trống)",
                                                  "(empty)");
}

/* "ghi 200, phải ít nhất 210 (cột 4)": @p col must be >= @p need. */
static void at_least(audit *a, const trow *r, int col, long need,
                     const char *parts)
{
    if (r->value[col] >= need)
        return;
    problem(a, r, col,
            TDKT_TR(a->lang, "ghi %s, phải ít nhất %ld (%s)",
                    "written %s, should be at least %ld (%s)"),
            written(a, r, col), need, parts);
}

static void equals(audit *a, const trow *r, int col, long need,
                   const char *why)
{
    if (r->value[col] == need)
        return;
    problem(a, r, col,
            TDKT_TR(a->lang, "ghi %s, phải là %ld (%s)",
                    "written %s, should be %ld (%s)"),
            written(a, r, col), need, why);
}

/* A written share t (tenths) agrees with num/den when it is the ratio
 * rounded to one decimal: within half a tenth, so on an exact tie
 * (6,25%) both 6,2% and 6,3% are accepted. Cells hold up to 15 digits,
 * so the products are taken in 128 bits. */
__extension__ typedef __int128 wide; /* gcc and clang have it */

static bool share_agrees(long t, long num, long den)
{
    wide diff = (wide)2 * t * den - (wide)2000 * num;
    return (diff < 0 ? -diff : diff) <= den;
}

/* A share of a total of 0 is 0 or left empty. */
static bool share_fits(long t, long num, long den)
{
    return den == 0 ? t == 0 : share_agrees(t, num, den);
}

/* Column @p col, a share of column col - 1 in column 3. It fits the row
 * as written, or what the checks say the counts should be (@p want, see
 * check_row): a share that is right beside a wrong count is not flagged
 * as well, and the share suggested is the one the right counts give. */

static void check_share(audit *a, const trow *r, const long *want, int col)
{
    tdkt_lang l = a->lang;
    long t = r->value[col];
    if (!r->given[col] || share_fits(t, r->value[col - 1], r->value[3]) ||
        share_fits(t, want[col - 1], want[3]))
        return;
    if (want[3] == 0) {
        problem(a, r, col,
                TDKT_TR(l, "ghi %s, phải để trống (cột 3 bằng 0)",
                        "written %s, should be empty (column 3 is 0)"),
                r->text[col]);
        return;
    }
    tdkt_buf shown = {0};
    tdkt__report_pct(&shown, tdkt_report_share(want[col - 1], want[3]),
                     TDKT__DECIMAL(l));
    if (shown.oom)
        a->error = TDKT_ENOMEM;
    else
        problem(a, r, col,
                TDKT_TR(l, "ghi %s, phải là %s (cột %d : cột 3)",
                        "written %s, should be %s (column %d : column 3)"),
                r->text[col], tdkt_buf_cstr(&shown), col - 1);
    tdkt_buf_free(&shown);
}

/* Every check of one row, column by column, so the lines of a row come in
 * the order of its cells. @p above: the form rows when @p r is the total
 * row, else NULL. */
static void check_row(audit *a, const trow *r, const trow *above,
                      size_t nabove)
{
    static const int kinds[] = {6, 10, 14, 16};
    tdkt_lang l = a->lang;
    const char *sum_rows = TDKT_TR(l, "tổng các dòng trên",
                                   "the sum of the rows above");
    char parts[64];
    const long *v = r->value;
    /* Each count as the checks say it should be: the sum of the rows
     * above in the total row; as written in a form row, but column 3 the
     * sum of its kinds. */
    long want[NCOLS + 1];
    for (int col = 0; col <= NCOLS; col++) {
        want[col] = above ? 0 : v[col];
        for (size_t i = 0; above && i < nabove; i++)
            want[col] += above[i].value[col];
    }
    if (!above) {
        want[3] = 0;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
            want[3] += v[kinds[k]];
    }

    for (int col = 3; col <= NCOLS; col++) {
        if (col == 3) {
            static const int within[] = {4, 5, 6, 10, 14, 16};
            for (size_t k = 0; k < sizeof within / sizeof *within; k++) {
                snprintf(parts, sizeof parts, TDKT_TR(l, "cột %d",
                                                      "column %d"),
                         within[k]);
                at_least(a, r, 3, v[within[k]], parts);
            }
            long sum = 0;
            for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
                sum += v[kinds[k]];
            equals(a, r, 3, sum,
                   TDKT_TR(l, "cột 6 + cột 10 + cột 14 + cột 16",
                           "column 6 + column 10 + column 14 + column 16"));
        } else if (col == 6 || col == 10) {
            snprintf(parts, sizeof parts,
                     TDKT_TR(l, "cột %d + cột %d", "column %d + column %d"),
                     col + 2, col + 3);
            at_least(a, r, col, v[col + 2] + v[col + 3], parts);
        } else if (tdkt_report_is_percent(col)) {
            check_share(a, r, want, col);
        }
        if (above && !tdkt_report_is_percent(col))
            equals(a, r, col, want[col], sum_rows);
    }
}

/* Words that name row @p i of the table (reports.md's order, then the
 * total), as people write them in either language, case-folded: a
 * hand-filled table may say "Bằng khen của Chủ tịch UBND tỉnh". */
static const char *const row_words[TDKT_REPORT_NROWS][4] = {
    {"bằng khen", "certificate of merit", NULL},
    {"chiến sĩ thi đua", "chiến sỹ thi đua", "emulation fighter", NULL},
    {"cờ thi đua", "emulation flag", NULL},
    {"huy hiệu", "badge", NULL},
    {"tổng", "total", NULL}};

/* Row @p i names its form (or the total), or says none: a table with its
 * rows in another order, or another form's row, would add up and still
 * be wrong. An empty name is not judged. */
static void check_name(audit *a, const trow *r, size_t i)
{
    if (!*r->name)
        return;
    char *folded = tdkt_text_fold(r->name);
    if (!folded) {
        a->error = TDKT_ENOMEM; /* the name was read as UTF-8 */
        return;
    }
    bool named = false;
    for (int k = 0; row_words[i][k] && !named; k++)
        named = strstr(folded, row_words[i][k]) != NULL;
    free(folded);
    if (named)
        return;
    tdkt_lang l = a->lang;
    if (i + 1 == TDKT_REPORT_NROWS)
        problem(a, r, 2,
                TDKT_TR(l, "ghi '%s'; dòng cuối là dòng Tổng cộng",
                        "written '%s'; the last row is the total"),
                r->name);
    else
        problem(a, r, 2,
                TDKT_TR(l,
                        "ghi '%s'; dòng %zu là của %s (các hình thức theo "
                        "thứ tự: Bằng khen, Chiến sĩ thi đua cấp tỉnh, Cờ "
                        "thi đua cấp tỉnh, Huy hiệu của tỉnh, thành phố)",
                        "written '%s'; row %zu is for %s (the forms in "
                        "order: Bằng khen, Chiến sĩ thi đua cấp tỉnh, Cờ "
                        "thi đua cấp tỉnh, Huy hiệu của tỉnh, thành phố)"),
                r->name, i + 1, tdkt__report_form_name(i, l));
}

/* ------------------------------------------------------------------ */
/* Reading the table.                                                   */

static bool blank_row(const csv_row *row)
{
    for (size_t c = 0; c < row->n; c++)
        if (*trim(row->cells[c]))
            return false;
    return true;
}

/* Columns up to the last non-empty cell. */
static size_t used_cols(const csv_row *row)
{
    size_t n = row->n;
    while (n > 0 && !*trim(row->cells[n - 1]))
        n--;
    return n;
}

/* The row some official forms put under the header: 1, 2, … 17, or
 * (1), (2), … (17). */
static bool numbering_row(const csv_row *row)
{
    if (used_cols(row) != NCOLS)
        return false;
    for (int c = 1; c <= NCOLS; c++) {
        char a[8], b[8];
        const char *s = trim(row->cells[c - 1]);
        snprintf(a, sizeof a, "%d", c);
        snprintf(b, sizeof b, "(%d)", c);
        if (strcmp(s, a) != 0 && strcmp(s, b) != 0)
            return false;
    }
    return true;
}

/* Parse one form or total row; problems go to the audit's list. */
static void read_row(audit *a, trow *r, const csv_row *row)
{
    tdkt_lang l = a->lang;
    memset(r, 0, sizeof *r);
    r->line = row->line;
    for (int c = 1; c <= NCOLS; c++)
        r->text[c] = (size_t)c <= row->n ? trim(row->cells[c - 1]) : "";
    r->stt = r->text[1];
    r->name = r->text[2];
    /* Too many: up to its last non-empty cell (a spreadsheet may keep
     * empty ones after the table). Too few: as written, since a row cut
     * short leaves its counts for the columns it lost. */
    size_t n = used_cols(row);
    if (n > NCOLS || row->n < NCOLS) {
        problem(a, r, 0,
                TDKT_TR(l, "dòng có %zu cột; bảng có 17 cột",
                        "the row has %zu columns; the table has 17"),
                n > NCOLS ? n : row->n);
        return;
    }
    for (int c = 3; c <= NCOLS; c++) {
        if (tdkt_report_is_percent(c)) {
            if (!parse_pct(&r->value[c], &r->given[c], r->text[c]))
                problem(a, r, c,
                        TDKT_TR(l,
                                "'%s' không phải tỷ lệ phần trăm (21,5%%, "
                                "21.5%% hoặc 0.215)",
                                "'%s' is not a percentage (21,5%%, 21.5%% "
                                "or 0.215)"),
                        r->text[c]);
        } else if (!parse_count(&r->value[c], r->text[c])) {
            problem(a, r, c,
                    TDKT_TR(l, "'%s' không phải số nguyên",
                            "'%s' is not a whole number"),
                    r->text[c]);
        }
    }
}

/* Report a problem of the whole file (line 0) or of one line. */
static int file_problem(audit *a, long line, const char *msg)
{
    if (tdkt_diags_add(a->out, a->path, line, "", "%s", msg) < 0)
        return TDKT_ENOMEM;
    return TDKT_EINVALID;
}

/* Read every record of the file; a record the reader rejects (a stray
 * quote, invalid UTF-8) is a problem of the file. */
static int read_records(audit *a, csv_rows *rows)
{
    tdkt_csv *csv = NULL;
    int rc, error = tdkt__csv_open(&csv, a->path, a->lang);
    if (error < 0) {
        /* The reader says why, the caller which file. */
        char why[sizeof tdkt_error_last()->message];
        snprintf(why, sizeof why, "%s", tdkt_error_last()->message);
        return tdkt_error_set(error, "%s: %s", a->path, why);
    }
    while (error == TDKT_OK && (rc = tdkt__csv_next(csv)) != 0) {
        if (rc == TDKT_EINVALID && tdkt_diags_add(a->out, a->path,
                                                  tdkt__csv_error_line(csv),
                                                  "", "%s",
                                                  tdkt__csv_error(csv)) < 0)
            error = TDKT_ENOMEM;
        else if (rc == TDKT_EINVALID)
            continue;
        else if (rc < 0 || keep_record(rows, csv) < 0)
            error = rc < 0 ? rc : TDKT_ENOMEM;
    }
    tdkt__csv_free(csv);
    if (error == TDKT_ENOMEM)
        tdkt_error_set(error, "out of memory");
    return error;
}

int tdkt_report_check(const char *csv_path, tdkt_lang lang,
                      tdkt_diags *problems)
{
    audit a = {.path = csv_path, .lang = lang, .out = problems};
    csv_rows rows = {0};
    trow *table = NULL;
    size_t ntable = 0, first = 0;
    size_t before = problems->count + problems->dropped;
    int error = read_records(&a, &rows);
    if (error < 0)
        goto done;
    if (problems->count + problems->dropped > before) {
        error = TDKT_EINVALID;
        goto done;
    }

    /* The header, an optional numbering row, the forms, the total. */
    if (rows.count == 0) {
        error = file_problem(&a, 0, TDKT_TR(lang, "tệp trống",
                                            "the file is empty"));
        goto done;
    }
    const csv_row *header = &rows.items[first++];
    if (used_cols(header) != NCOLS) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 TDKT_TR(lang, "dòng tiêu đề có %zu cột; bảng có 17 cột",
                         "the header has %zu columns; the table has 17"),
                 used_cols(header));
        error = file_problem(&a, header->line, msg);
        goto done;
    }
    if (first < rows.count && numbering_row(&rows.items[first]))
        first++;
    table = calloc(rows.count, sizeof *table);
    if (!table) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = first; i < rows.count; i++)
        if (!blank_row(&rows.items[i]))
            read_row(&a, &table[ntable++], &rows.items[i]);
    if (a.error < 0) {
        error = tdkt_error_set(a.error, "out of memory");
        goto done;
    }
    if (problems->count + problems->dropped > before) {
        error = TDKT_EINVALID;
        goto done;
    }
    /* reports.md: one row per form (all four, an empty one too), then
     * the total. */
    if (ntable != TDKT_REPORT_NFORMS + 1) {
        char msg[400];
        snprintf(msg, sizeof msg,
                 TDKT_TR(lang,
                         "bảng có %zu dòng số liệu; cần %d dòng, mỗi hình "
                         "thức một dòng (Bằng khen, Chiến sĩ thi đua cấp "
                         "tỉnh, Cờ thi đua cấp tỉnh, Huy hiệu của tỉnh, "
                         "thành phố; cả hình thức không có khen thưởng) và "
                         "dòng tổng cộng ở cuối",
                         "the table has %zu rows of figures; it needs %d: "
                         "a row per form (Bằng khen, Chiến sĩ thi đua cấp "
                         "tỉnh, Cờ thi đua cấp tỉnh, Huy hiệu của tỉnh, "
                         "thành phố; a form with no award too) and the "
                         "total row last"),
                 ntable, TDKT_REPORT_NFORMS + 1);
        error = file_problem(&a, header->line, msg);
        goto done;
    }

    for (size_t i = 0; i < ntable; i++)
        check_name(&a, &table[i], i);
    for (size_t i = 0; i < ntable; i++)
        check_row(&a, &table[i], i + 1 == ntable ? table : NULL,
                  i + 1 == ntable ? ntable - 1 : 0);
    if (a.error < 0)
        error = tdkt_error_set(a.error, "out of memory");
done:
    tdkt_buf_free(&a.where);
    free(table);
    csv_rows_free(&rows);
    return error;
}
