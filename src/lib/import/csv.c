/*
 * The streaming CSV reader of csv.h.
 *
 * A byte-at-a-time state machine over a fixed input buffer, with a fast
 * path that copies runs of plain ASCII at once. Fields of the current
 * record lie back to back, each NUL-terminated, in one buffer that is
 * reused from record to record, so reading allocates nothing once the
 * largest record has been seen. UTF-8 is validated as the bytes go by
 * (overlong forms, surrogates and code points past U+10FFFF are refused),
 * which lets a problem be reported on its own physical line even inside
 * a multi-line quoted field.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/output.h"
#include "tdkt/vocab.h"
#include "import/csv.h"
#include "core/sets.h"

#define INPUT_SIZE (64 * 1024)

/* Messages of the problems that take no argument, indexed by tdkt_lang. */
static const char *const msg_nul[] = {
    "có byte NUL trong nội dung (đây có phải tệp CSV?)",
    "NUL byte in the text (is this a CSV file?)"};
static const char *const msg_stray_quote[] = {
    "dấu ngoặc kép trong ô không đặt trong ngoặc kép (hãy đặt cả ô trong "
    "ngoặc kép và viết dấu ngoặc kép hai lần)",
    "quote inside an unquoted field (enclose the field in quotes and double "
    "the quote)"};
static const char *const msg_after_quote[] = {
    "có ký tự sau dấu ngoặc kép đóng ô",
    "text after the closing quote of a field"};
static const char *const msg_utf8[] = {
    "không phải UTF-8 hợp lệ (hãy lưu tệp dạng UTF-8)",
    "invalid UTF-8 (save the file as UTF-8)"};

enum state {
    ST_START,    /* at the start of a field */
    ST_UNQUOTED, /* inside an unquoted field */
    ST_QUOTED,   /* inside a quoted field */
    ST_QUOTE     /* a quote seen inside a quoted field: end or "" */
};

struct tdkt_csv {
    FILE *f;
    bool own;
    tdkt_lang lang;

    unsigned char *in;
    size_t in_pos, in_len;
    bool started;  /* the byte-order mark has been looked for */
    bool after_cr; /* the last byte was a CR that ended a line */
    bool stopped;  /* end of input or a fatal problem: no more records */

    char *rec; /* the fields, each NUL-terminated */
    size_t rec_len, rec_cap;
    size_t *ends;  /* ends[i]: offset just past field i's NUL */
    long *flines;  /* flines[i]: the line field i starts on */
    size_t nfields, fields_cap; /* both arrays hold fields_cap */
    long fline; /* the line the field being read starts on */
    size_t flen; /* length of the field being read */

    long line;     /* physical line of the next byte */
    long rec_line; /* line the current record starts on */
    long quote_line; /* line the quoted field being read opened on */
    bool in_quotes;  /* between a field's opening and closing quotes */

    size_t max_field, max_columns, max_record;

    int u8_need;                /* continuation bytes still expected */
    unsigned char u8_lo, u8_hi; /* range of the next continuation byte */

    bool bad; /* the current record has a (non-fatal) problem */
    /* The fields of the current record a problem was found in, in
     * ascending order (tdkt__csv_field_ok); when there was no memory to
     * note one, every field from bad_from on counts as bad. */
    size_t *bad_fields;
    size_t nbad, bad_cap, bad_from;
    bool fatal;
    long err_line;
    int err_field;
    char err[256];
};

/* Bytes the fast path may copy without a second look: printable ASCII and
 * tab, i.e. everything below 0x80 but NUL, CR, LF, comma and quote. */
static bool plain_byte(unsigned char ch)
{
    return ch < 0x80 && ch != '\0' && ch != '\n' && ch != '\r' && ch != ',' &&
           ch != '"';
}

static int new_reader(tdkt_csv **out, FILE *f, bool own, tdkt_lang lang)
{
    tdkt_csv *c = calloc(1, sizeof *c);
    if (!c || !(c->in = malloc(INPUT_SIZE))) {
        free(c);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    c->f = f;
    c->own = own;
    c->lang = lang;
    c->line = 1;
    c->err_field = -1;
    c->max_field = TDKT_CSV_MAX_FIELD;
    c->max_columns = TDKT_CSV_MAX_COLUMNS;
    c->max_record = TDKT_CSV_MAX_RECORD;
    *out = c;
    return TDKT_OK;
}

int tdkt__csv_open(tdkt_csv **out, const char *path, tdkt_lang lang)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        /* ENOMEM must read as such: the importer's first pass skips a
         * file it cannot open (the second reports it), but not one it
         * had no memory to open, whose ids would then look missing. */
        int e = errno;
        return tdkt_error_set(e == ENOENT   ? TDKT_ENOTFOUND
                              : e == ENOMEM ? TDKT_ENOMEM
                                            : TDKT_ERROR,
                              "%s", tdkt_os_error(e, lang));
    }
    int error = new_reader(out, f, true, lang);
    if (error < 0)
        fclose(f);
    return error;
}

int tdkt__csv_from_stream(tdkt_csv **out, FILE *f, tdkt_lang lang)
{
    *out = NULL;
    return new_reader(out, f, false, lang);
}

void tdkt__csv_set_limits(tdkt_csv *c,
                          size_t max_field,
                          size_t max_columns,
                          size_t max_record)
{
    if (max_field)
        c->max_field = max_field;
    if (max_columns)
        c->max_columns = max_columns;
    if (max_record)
        c->max_record = max_record;
}

void tdkt__csv_free(tdkt_csv *c)
{
    if (!c)
        return;
    if (c->own && c->f)
        fclose(c->f);
    free(c->in);
    free(c->rec);
    free(c->ends);
    free(c->flines);
    free(c->bad_fields);
    free(c);
}

/* "1 MiB" rather than "1048576 bytes" where the limit is round. */
static void format_size(char *buf, size_t n, size_t size, tdkt_lang lang)
{
    if (size >= ((size_t)1 << 20) && size % ((size_t)1 << 20) == 0)
        snprintf(buf, n, "%zu MiB", size >> 20);
    else
        snprintf(buf, n, TDKT_TR(lang, "%zu byte", "%zu bytes"), size);
}

/* Note that the field being read has a problem. Problems are rare, so
 * this costs nothing to the good records. */
static void note_bad_field(tdkt_csv *c)
{
    size_t field = c->nfields;
    if (c->nbad && c->bad_fields[c->nbad - 1] == field)
        return;
    size_t *p = tdkt__grow(c->bad_fields, c->nbad, &c->bad_cap, sizeof *p);
    if (!p) {
        if (field < c->bad_from)
            c->bad_from = field;
        return;
    }
    c->bad_fields = p;
    c->bad_fields[c->nbad++] = field;
}

/* Record a problem. The first one of a record is the one reported: later
 * ones are usually its consequences. A fatal one always wins and stops. */
static int problem(tdkt_csv *c, bool fatal, long line, const char *msg)
{
    note_bad_field(c);
    if (!c->bad || fatal) {
        snprintf(c->err, sizeof c->err, "%s", msg);
        c->err_line = line;
        c->err_field = (int)c->nfields;
    }
    c->bad = true;
    if (fatal) {
        c->fatal = true;
        c->stopped = true;
        return TDKT_EINVALID;
    }
    return TDKT_OK;
}

/* Messages with one argument; both formats are literals, so -Wformat
 * checks them. */
#define RETURN_PROBLEM(c, fatal, line, vi, en, arg)                            \
    do {                                                                       \
        char msg_[sizeof(c)->err];                                             \
        if ((c)->lang == TDKT_LANG_EN)                                         \
            snprintf(msg_, sizeof msg_, en, arg);                              \
        else                                                                   \
            snprintf(msg_, sizeof msg_, vi, arg);                              \
        return problem(c, fatal, line, msg_);                                  \
    } while (0)

static int limit_problem(tdkt_csv *c, bool record, size_t limit)
{
    char size[32];
    format_size(size, sizeof size, limit, c->lang);
    if (c->in_quotes) {
        /* Most likely one quote never closed: name the line it opened on,
         * not the one the reading reached thousands of lines later. */
        char msg[sizeof c->err];
        if (c->lang == TDKT_LANG_EN)
            snprintf(msg, sizeof msg,
                     "quoted field opened on line %ld runs past %s (a closing "
                     "quote missing?); reading stopped",
                     c->quote_line, size);
        else
            snprintf(msg, sizeof msg,
                     "ô mở ngoặc kép ở dòng %ld dài quá %s (thiếu dấu ngoặc "
                     "kép đóng?); dừng đọc tệp",
                     c->quote_line, size);
        return problem(c, true, c->quote_line, msg);
    }
    if (record)
        RETURN_PROBLEM(c, true, c->line, "bản ghi dài quá %s; dừng đọc tệp",
                       "record longer than %s; reading stopped", size);
    RETURN_PROBLEM(c, true, c->line, "ô dài quá %s; dừng đọc tệp",
                   "field longer than %s; reading stopped", size);
}

/* Make room for @p n more bytes, refusing to pass the field and record
 * limits: this is what keeps memory bounded. */
static int reserve(tdkt_csv *c, size_t n)
{
    if (c->flen + n > c->max_field)
        return limit_problem(c, false, c->max_field);
    if (c->rec_len + n + 1 > c->max_record)
        return limit_problem(c, true, c->max_record);
    if (c->rec_len + n + 1 <= c->rec_cap)
        return TDKT_OK;
    size_t cap = c->rec_cap ? c->rec_cap : 256;
    while (cap < c->rec_len + n + 1)
        cap *= 2;
    /* Never past the record limit, so that append() may skip this check
     * while the buffer has room. */
    if (cap > c->max_record)
        cap = c->max_record;
    char *p = realloc(c->rec, cap);
    if (!p)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    c->rec = p;
    c->rec_cap = cap;
    return TDKT_OK;
}

/* A NUL byte is not kept (fields are NUL-terminated), but it counts
 * toward the field limit like any other byte: a file of zeros must stop
 * as any overlong field does, not be read to its end (/dev/zero). */
static int nul_byte(tdkt_csv *c)
{
    if (c->flen + 1 > c->max_field)
        return limit_problem(c, false, c->max_field);
    c->flen++;
    return problem(c, false, c->line, msg_nul[c->lang == TDKT_LANG_EN]);
}

static int append(tdkt_csv *c, const unsigned char *s, size_t n)
{
    int error;
    /* The limits are checked where the buffer must grow, and in between
     * only against the field limit. */
    if ((c->rec_len + n + 1 > c->rec_cap || c->flen + n > c->max_field) &&
        (error = reserve(c, n)) < 0)
        return error;
    memcpy(c->rec + c->rec_len, s, n);
    c->rec_len += n;
    c->flen += n;
    return TDKT_OK;
}

/* Room for more fields in both per-field arrays (on a field's end, the
 * hot path, one comparison decides). */
static int grow_fields(tdkt_csv *c)
{
    size_t cap = c->fields_cap ? 2 * c->fields_cap : 16;
    size_t *ends = realloc(c->ends, cap * sizeof *ends);
    if (!ends)
        return -1;
    c->ends = ends;
    long *fl = realloc(c->flines, cap * sizeof *fl);
    if (!fl)
        return -1;
    c->flines = fl;
    c->fields_cap = cap;
    return 0;
}

static int end_field(tdkt_csv *c)
{
    int error = reserve(c, 0); /* room for the NUL */
    if (error < 0)
        return error;
    if (c->nfields == c->fields_cap && grow_fields(c) < 0)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    c->flines[c->nfields] = c->fline;
    c->rec[c->rec_len++] = '\0';
    c->ends[c->nfields++] = c->rec_len;
    c->flen = 0;
    return TDKT_OK;
}

/* A comma: the field ends and another one follows, which must not make
 * one column too many. */
static int next_field(tdkt_csv *c)
{
    int error = end_field(c);
    if (error < 0)
        return error;
    c->fline = c->line; /* the next field starts where the comma stands */
    if (c->nfields >= c->max_columns)
        RETURN_PROBLEM(c, true, c->line, "quá %zu cột; dừng đọc tệp",
                       "more than %zu columns; reading stopped",
                       c->max_columns);
    return TDKT_OK;
}

static int invalid_utf8(tdkt_csv *c)
{
    c->u8_need = 0;
    return problem(c, false, c->line, msg_utf8[c->lang == TDKT_LANG_EN]);
}

/* What a lead byte asks for (Unicode 15, table 3-7): how many
 * continuation bytes, and the range of the first of them, narrowed so as
 * to refuse overlong forms, surrogates and code points past U+10FFFF.
 * @return false when @p ch cannot lead a sequence. */
static bool
utf8_lead(unsigned char ch, int *need, unsigned char *lo, unsigned char *hi)
{
    *lo = ch == 0xE0 ? 0xA0 : ch == 0xF0 ? 0x90 : 0x80;
    *hi = ch == 0xED ? 0x9F : ch == 0xF4 ? 0x8F : 0xBF;
    *need = ch >= 0xC2 && ch <= 0xDF   ? 1
            : ch >= 0xE0 && ch <= 0xEF ? 2
            : ch >= 0xF0 && ch <= 0xF4 ? 3
                                       : 0;
    return *need > 0;
}

/* Feed one byte to the UTF-8 validator. */
static int check_utf8(tdkt_csv *c, unsigned char ch)
{
    if (c->u8_need > 0) {
        if (ch >= c->u8_lo && ch <= c->u8_hi) {
            c->u8_need--;
            c->u8_lo = 0x80;
            c->u8_hi = 0xBF;
            return TDKT_OK;
        }
        int error = invalid_utf8(c);
        if (error < 0)
            return error;
        /* The byte itself may start something valid: look at it again. */
    }
    if (ch < 0x80)
        return TDKT_OK;
    if (!utf8_lead(ch, &c->u8_need, &c->u8_lo, &c->u8_hi))
        return invalid_utf8(c);
    return TDKT_OK;
}

/* The length of the valid UTF-8 sequence at @p p, wholly before @p end,
 * or 0 (invalid or cut by the end of the buffer: check_utf8() decides). */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    int need;
    unsigned char lo, hi;
    if (!utf8_lead(p[0], &need, &lo, &hi) || end - p <= need || p[1] < lo ||
        p[1] > hi)
        return 0;
    for (int i = 2; i <= need; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return (size_t)need + 1;
}

/* @return 1 with bytes in the buffer, 0 at the end of input, or < 0. */
static int refill(tdkt_csv *c)
{
    c->in_pos = 0;
    c->in_len = fread(c->in, 1, INPUT_SIZE, c->f);
    if (c->in_len == 0) {
        if (ferror(c->f))
            RETURN_PROBLEM(c, true, c->line, "lỗi đọc tệp: %s",
                           "read error: %s", tdkt_os_error(errno, c->lang));
        return 0;
    }
    if (!c->started) {
        c->started = true;
        if (c->in_len >= 3 && memcmp(c->in, "\xEF\xBB\xBF", 3) == 0)
            c->in_pos = 3;
        if (c->in_pos == c->in_len)
            return refill(c);
    }
    return 1;
}

/* The record is complete: hand it out, unless it had a problem. */
static int finish(tdkt_csv *c)
{
    return c->bad ? TDKT_EINVALID : 1;
}

/* Line break outside quotes: the record ends. */
static int end_record(tdkt_csv *c, unsigned char ch)
{
    int error = end_field(c);
    if (error < 0)
        return error;
    c->line++;
    c->after_cr = ch == '\r';
    return finish(c);
}

static int at_end_of_input(tdkt_csv *c, enum state st, bool in_record)
{
    c->stopped = true;
    int error = TDKT_OK;
    if (c->u8_need > 0 && (error = invalid_utf8(c)) < 0)
        return error;
    if (st == ST_QUOTED)
        RETURN_PROBLEM(
            c, true, c->quote_line, "ô mở ngoặc kép ở dòng %ld không được đóng",
            "quoted field opened on line %ld is never closed", c->quote_line);
    if (!in_record)
        return 0;
    if ((error = end_field(c)) < 0)
        return error;
    return finish(c);
}

int tdkt__csv_next(tdkt_csv *c)
{
    if (c->stopped)
        return 0;
    c->rec_len = 0;
    c->nfields = 0;
    c->flen = 0;
    c->bad = false;
    c->nbad = 0;
    c->bad_from = SIZE_MAX;

    int error = TDKT_OK;
    enum state st = ST_START;
    bool in_record = false;
    for (;;) {
        if (c->in_pos == c->in_len) {
            int rc = refill(c);
            if (rc < 0)
                return rc;
            if (rc == 0)
                return at_end_of_input(c, st, in_record);
        }
        /* Fast path: a run of plain ASCII and whole, valid UTF-8
         * sequences inside a field. */
        if ((st == ST_UNQUOTED || st == ST_QUOTED) && c->u8_need == 0) {
            const unsigned char *p = c->in + c->in_pos;
            const unsigned char *q = p, *end = c->in + c->in_len;
            for (;;) {
                while (q < end && plain_byte(*q))
                    q++;
                size_t k = q < end && *q >= 0x80 ? utf8_sequence(q, end) : 0;
                if (!k)
                    break;
                q += k;
            }
            if (q > p) {
                if ((error = append(c, p, (size_t)(q - p))) < 0)
                    return error;
                c->in_pos += (size_t)(q - p);
                c->after_cr = false;
                continue;
            }
        }
        unsigned char ch = c->in[c->in_pos++];
        bool after_cr = c->after_cr;
        c->after_cr = false;
        if ((error = check_utf8(c, ch)) < 0)
            return error;

        if (st == ST_START && !in_record) {
            if (ch == '\n' && after_cr)
                continue; /* the LF of a CRLF that ended the last line */
            if (ch == '\n' || ch == '\r') { /* a blank line */
                c->line++;
                c->after_cr = ch == '\r';
                continue;
            }
            in_record = true;
            c->rec_line = c->fline = c->line;
        }
        switch (st) {
        case ST_QUOTE:
            if (ch == '"') {
                error = append(c, &ch, 1);
                st = ST_QUOTED;
                c->in_quotes = true;
                break;
            }
            if (ch != ',' && ch != '\n' && ch != '\r') {
                if ((error =
                         problem(c, false, c->line,
                                 msg_after_quote[c->lang == TDKT_LANG_EN])) < 0)
                    return error;
                st = ST_UNQUOTED;
            }
            /* The field ended: read ch as if it stood outside quotes. */
            /* fall through */
        case ST_START:
            if (st == ST_START && ch == '"') {
                st = ST_QUOTED;
                c->quote_line = c->line;
                c->in_quotes = true;
                break;
            }
            /* fall through */
        case ST_UNQUOTED:
            if (ch == ',') {
                error = next_field(c);
                st = ST_START;
            } else if (ch == '\n' || ch == '\r') {
                return end_record(c, ch);
            } else if (ch == '\0') {
                error = nul_byte(c);
                st = ST_UNQUOTED;
            } else {
                if (ch == '"' &&
                    (error =
                         problem(c, false, c->line,
                                 msg_stray_quote[c->lang == TDKT_LANG_EN])) < 0)
                    return error;
                error = append(c, &ch, 1);
                st = ST_UNQUOTED;
            }
            break;
        case ST_QUOTED:
            if (ch == '"') {
                st = ST_QUOTE;
                c->in_quotes = false;
            } else if (ch == '\0') {
                error = nul_byte(c);
            } else {
                error = append(c, &ch, 1);
                /* A line break inside quotes: the next physical line. */
                if (ch == '\r' || (ch == '\n' && !after_cr))
                    c->line++;
                c->after_cr = ch == '\r';
            }
            break;
        }
        if (error < 0)
            return error;
    }
}

size_t tdkt__csv_count(const tdkt_csv *c)
{
    return c->nfields;
}

long tdkt__csv_line(const tdkt_csv *c)
{
    return c->rec_line;
}

long tdkt__csv_field_line(const tdkt_csv *c, size_t i)
{
    return i < c->nfields ? c->flines[i] : c->rec_line;
}

/* Field i's bytes and length; NULL and 0 when it is empty. A cell of
 * spaces looks empty in a spreadsheet, and is: a required column
 * "filled" with a space (or a no-break space, tdkt_text_trim) is no
 * value. */
static const char *field_span(const tdkt_csv *c, size_t i, size_t *len)
{
    *len = 0;
    if (i >= c->nfields)
        return NULL;
    size_t start = i ? c->ends[i - 1] : 0;
    const char *p = c->rec + start;
    size_t n = c->ends[i] - start - 1, text = n;
    tdkt_text_trim(p, &text);
    if (text == 0)
        return NULL;
    *len = n;
    return p;
}

const char *tdkt__csv_field(const tdkt_csv *c, size_t i)
{
    size_t len;
    return field_span(c, i, &len);
}

size_t tdkt__csv_field_len(const tdkt_csv *c, size_t i)
{
    size_t len;
    field_span(c, i, &len);
    return len;
}

bool tdkt__csv_field_ok(const tdkt_csv *c, size_t i)
{
    if (i >= c->nfields || i >= c->bad_from)
        return false;
    for (size_t k = 0; k < c->nbad; k++)
        if (c->bad_fields[k] == i)
            return false;
    return true;
}

const char *tdkt__csv_error(const tdkt_csv *c)
{
    return c->err;
}

long tdkt__csv_error_line(const tdkt_csv *c)
{
    return c->err_line;
}

int tdkt__csv_error_field(const tdkt_csv *c)
{
    return c->err_field;
}

bool tdkt__csv_fatal(const tdkt_csv *c)
{
    return c->fatal;
}
