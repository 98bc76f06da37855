/*
 * Fuzz target: the streaming CSV reader (src/lib/import/csv.h).
 *
 * Each input is read three times:
 *  1. as it is, with the default limits, and compared with a plain
 *     reference reader whenever the input is well formed (valid UTF-8, no
 *     NUL, quotes well placed, at most 1000 columns): same records, same
 *     cells (NULL for an empty one), same starting lines;
 *  2. with tiny limits (a field of 16 bytes, 4 columns, a record of 64
 *     bytes), so that every limit is hit;
 *  3. for one input in eight, behind one long record that puts the
 *     input across the 64 KiB input-buffer boundary, again compared with
 *     the reference.
 * Every record handed out must hold valid UTF-8 without NUL bytes within
 * the limits; every problem must have a one-line message and a line that
 * exists; the reader must make progress and, once done, stay done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "import/csv.h"
#include "tdkt/vocab.h"

#define INPUT_BUFFER (64 * 1024) /* csv.c's INPUT_SIZE */

/* The harness's own loops over every byte need no coverage feedback (and
 * its comparison tracing would make them the slowest part). */
#if defined(__clang__)
#define NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define NO_COVERAGE
#endif

/* ---- the reference reader ------------------------------------------ */

typedef struct ref_field {
    size_t off, len; /* in ref.text */
} ref_field;

typedef struct ref_record {
    long line;
    size_t first, count; /* in ref.fields */
} ref_record;

typedef struct ref {
    char *text;
    size_t text_len;
    ref_field *fields;
    size_t nfields, fields_cap;
    ref_record *records;
    size_t nrecords, records_cap;
} ref;

static void ref_free(ref *r)
{
    free(r->text);
    free(r->fields);
    free(r->records);
}

static void ref_push_field(ref *r, size_t off, size_t len)
{
    /* A cell of spaces only is empty (csv.h): the spaces tdkt_text_trim
     * takes away, Unicode ones too. */
    size_t text = len;
    tdkt_text_trim(r->text + off, &text);
    if (text == 0)
        len = 0;
    if (r->nfields == r->fields_cap) {
        r->fields_cap = r->fields_cap ? r->fields_cap * 2 : 64;
        r->fields = realloc(r->fields, r->fields_cap * sizeof *r->fields);
        if (!r->fields)
            abort();
    }
    r->fields[r->nfields++] = (ref_field){off, len};
}

static void ref_push_record(ref *r, long line, size_t first)
{
    if (r->nrecords == r->records_cap) {
        r->records_cap = r->records_cap ? r->records_cap * 2 : 64;
        r->records = realloc(r->records, r->records_cap * sizeof *r->records);
        if (!r->records)
            abort();
    }
    r->records[r->nrecords++] = (ref_record){line, first, r->nfields - first};
}

/*
 * RFC 4180 as csv.h describes it. Returns false when the input has any
 * problem the real reader reports (then there is nothing to compare).
 */
NO_COVERAGE static bool ref_parse(ref *r, const uint8_t *s, size_t n)
{
    memset(r, 0, sizeof *r);
    size_t pos = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    if (!fuzz_valid_utf8(s + pos, n - pos) || memchr(s, '\0', n))
        return false;
    r->text = malloc(n + 1);
    if (!r->text)
        abort();
    long line = 1;
    bool after_cr = false;
    while (pos < n) {
        uint8_t c = s[pos];
        if (c == '\n' && after_cr) { /* the LF of a CRLF */
            after_cr = false;
            pos++;
            continue;
        }
        if (c == '\n' || c == '\r') { /* a blank line */
            line++;
            after_cr = c == '\r';
            pos++;
            continue;
        }
        after_cr = false;
        long rec_line = line;
        size_t first = r->nfields;
        for (;;) {
            size_t off = r->text_len;
            if (pos < n && s[pos] == '"') {
                pos++;
                bool cr = false;
                for (;;) {
                    if (pos == n)
                        return false; /* never closed */
                    c = s[pos];
                    if (c == '"') {
                        if (pos + 1 < n && s[pos + 1] == '"') {
                            r->text[r->text_len++] = '"';
                            pos += 2;
                            cr = false;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    r->text[r->text_len++] = (char)c;
                    if (c == '\r' || (c == '\n' && !cr))
                        line++;
                    cr = c == '\r';
                    pos++;
                }
                if (pos < n && s[pos] != ',' && s[pos] != '\n' &&
                    s[pos] != '\r')
                    return false; /* text after the closing quote */
            } else {
                while (pos < n && s[pos] != ',' && s[pos] != '\n' &&
                       s[pos] != '\r') {
                    if (s[pos] == '"')
                        return false; /* a stray quote */
                    r->text[r->text_len++] = (char)s[pos++];
                }
            }
            ref_push_field(r, off, r->text_len - off);
            if (r->nfields - first > TDKT_CSV_MAX_COLUMNS)
                return false;
            if (pos == n)
                break;
            c = s[pos++];
            if (c == ',')
                continue;
            line++; /* a line break ends the record */
            after_cr = c == '\r';
            break;
        }
        ref_push_record(r, rec_line, first);
    }
    return true;
}

/* ---- the reader under test ----------------------------------------- */

/* Physical lines of the input as the reader counts them (CRLF, LF or a
 * lone CR end a line). */
NO_COVERAGE static long count_lines(const uint8_t *s, size_t n)
{
    long lines = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
            lines++;
    return lines;
}

static bool one_line(const char *s)
{
    return s && *s && !strchr(s, '\n') && !strchr(s, '\r');
}

static void read_all(const uint8_t *data, size_t size, tdkt_lang lang,
                     size_t max_field, size_t max_columns, size_t max_record,
                     const ref *expect)
{
    FILE *f = size ? fmemopen((void *)data, size, "rb")
                   : fopen("/dev/null", "rb");
    if (!f)
        return;
    tdkt_csv *csv = NULL;
    if (tdkt__csv_from_stream(&csv, f, lang) < 0) {
        fclose(f);
        return;
    }
    if (max_field)
        tdkt__csv_set_limits(csv, max_field, max_columns, max_record);
    else {
        max_field = TDKT_CSV_MAX_FIELD;
        max_columns = TDKT_CSV_MAX_COLUMNS;
        max_record = TDKT_CSV_MAX_RECORD;
    }
    long lines = count_lines(data, size);
    long last_line = 0;
    size_t calls = 0, got = 0;
    bool ended = false;
    for (;;) {
        int rc = tdkt__csv_next(csv);
        FUZZ_CHECK(++calls <= size + 2, "no progress after %zu records",
                   calls);
        if (rc == 0) {
            ended = true;
            break;
        }
        if (rc == TDKT_ENOMEM)
            break;
        if (rc == TDKT_EINVALID) {
            FUZZ_CHECK(expect == NULL, "a problem in well-formed input "
                                       "(record %zu): %s",
                       got, tdkt__csv_error(csv));
            FUZZ_CHECK(one_line(tdkt__csv_error(csv)), "message '%s'",
                       tdkt__csv_error(csv));
            long el = tdkt__csv_error_line(csv);
            FUZZ_CHECK(el >= 1 && el <= lines, "problem on line %ld of %ld",
                       el, lines);
            int ef = tdkt__csv_error_field(csv);
            FUZZ_CHECK(ef >= -1 && (size_t)(ef + 1) <= max_columns + 1,
                       "problem in field %d", ef);
            continue;
        }
        FUZZ_CHECK(rc == 1, "tdkt__csv_next returned %d", rc);
        size_t count = tdkt__csv_count(csv);
        long line = tdkt__csv_line(csv);
        FUZZ_CHECK(count >= 1 && count <= max_columns, "%zu fields", count);
        FUZZ_CHECK(line >= 1 && line <= lines && line > last_line,
                   "record on line %ld (last %ld, lines %ld)", line,
                   last_line, lines);
        last_line = line;
        size_t total = 0;
        for (size_t i = 0; i < count; i++) {
            const char *cell = tdkt__csv_field(csv, i);
            size_t len = tdkt__csv_field_len(csv, i);
            FUZZ_CHECK((cell == NULL) == (len == 0),
                       "field %zu: NULL iff empty (len %zu)", i, len);
            if (cell) {
                FUZZ_CHECK(strlen(cell) == len, "field %zu holds a NUL", i);
                FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *)cell, len),
                           "field %zu is not UTF-8", i);
                FUZZ_CHECK(len <= max_field, "field %zu: %zu bytes", i, len);
            }
            total += len + 1;
        }
        FUZZ_CHECK(total <= max_record, "record of %zu bytes", total);
        FUZZ_CHECK(tdkt__csv_field(csv, count) == NULL &&
                       tdkt__csv_field_len(csv, count) == 0,
                   "a field past the end");
        if (expect) {
            FUZZ_CHECK(got < expect->nrecords, "record %zu: the reference "
                                               "has %zu records",
                       got, expect->nrecords);
            const ref_record *rr = &expect->records[got];
            FUZZ_CHECK(rr->line == line, "record %zu: line %ld, expected %ld",
                       got, line, rr->line);
            FUZZ_CHECK(rr->count == count, "record %zu: %zu fields, "
                                           "expected %zu",
                       got, count, rr->count);
            for (size_t i = 0; i < count; i++) {
                const ref_field *rf = &expect->fields[rr->first + i];
                const char *cell = tdkt__csv_field(csv, i);
                size_t len = tdkt__csv_field_len(csv, i);
                FUZZ_CHECK(len == rf->len &&
                               (len == 0 ||
                                memcmp(cell, expect->text + rf->off, len) ==
                                    0),
                           "record %zu field %zu differs from the reference",
                           got, i);
            }
        }
        got++;
    }
    if (ended) {
        FUZZ_CHECK(tdkt__csv_next(csv) == 0, "records after the end");
        if (expect)
            FUZZ_CHECK(got == expect->nrecords,
                       "%zu records, the reference has %zu", got,
                       expect->nrecords);
    }
    tdkt__csv_free(csv);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    tdkt_lang lang = size & 1 ? TDKT_LANG_EN : TDKT_LANG_VI;

    ref r;
    bool ok = ref_parse(&r, data, size);
    read_all(data, size, lang, 0, 0, 0, ok ? &r : NULL);
    ref_free(&r);

    read_all(data, size, lang, 16, 4, 64, NULL);

    /* One input in eight (by size): the same across the input buffer's
     * end, which costs 64 KiB of reading. */
    if (size % 8 != 3)
        return 0;
    /* Across the input buffer's end: a long record first, then the input
     * from a few bytes before the boundary. A byte-order mark would no
     * longer be at the start there, so it is dropped from the copy. */
    const uint8_t *body = data;
    size_t blen = size;
    if (blen >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
        body += 3;
        blen -= 3;
    }
    static uint8_t *buf;
    static size_t cap;
    size_t pad = INPUT_BUFFER - 1 - (size % 13);
    if (pad + blen > cap) {
        free(buf);
        cap = pad + blen + 4096;
        if (!(buf = malloc(cap)))
            abort();
    }
    /* One record whose long field the reader's fast path copies at once:
     * cheap, unlike 64 KiB of blank lines. */
    memset(buf, 'a', pad);
    memcpy(buf, "pad,", 4);
    buf[pad - 1] = '\n';
    memcpy(buf + pad, body, blen);
    ok = ref_parse(&r, buf, pad + blen);
    read_all(buf, pad + blen, lang, 0, 0, 0, ok ? &r : NULL);
    ref_free(&r);
    return 0;
}
