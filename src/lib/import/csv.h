/*
 * A streaming RFC 4180 CSV reader for the record files (internal).
 *
 * One record at a time, from a fixed 64 KiB input buffer, into one reused
 * record buffer: memory stays bounded by the limits below however large or
 * hostile the file is. UTF-8 only (a leading byte-order mark is skipped);
 * CRLF, LF or a lone CR end a line; quoted fields may hold commas, doubled
 * quotes and line breaks; a last line without a line break is a record;
 * blank lines are skipped; an empty cell, quoted or not, reads as NULL.
 *
 * Problems come in two weights. A record with invalid UTF-8, a NUL byte or
 * a stray quote is reported and skipped, and reading goes on with the next
 * record (the structure is intact, so every such line can be reported). An
 * unterminated quote, a field or record over its limit, too many columns or
 * a read error is fatal: the reader stops there and reports EOF afterwards,
 * so a 100 MB field or a million-column header is never held in memory.
 */
#ifndef TDKT_IMPORT_CSV_H
#define TDKT_IMPORT_CSV_H

#include <stdio.h>

#include "tdkt/common.h"

typedef struct tdkt_csv tdkt_csv;

/* Default limits: a field of 1 MiB, 1000 columns, a record of 16 MiB. */
#define TDKT_CSV_MAX_FIELD ((size_t)1 << 20)
#define TDKT_CSV_MAX_COLUMNS 1000
#define TDKT_CSV_MAX_RECORD ((size_t)16 << 20)

/*
 * Open the file at @p path for reading. Messages are in @p lang.
 * @return 0, TDKT_ENOTFOUND or TDKT_ERROR (cannot open; tdkt_error_last()
 *         says why) or TDKT_ENOMEM
 */
int tdkt__csv_open(tdkt_csv **out, const char *path, tdkt_lang lang);

/* Read from an open stream, which stays the caller's (tests use this to
 * feed endless input). */
int tdkt__csv_from_stream(tdkt_csv **out, FILE *f, tdkt_lang lang);

/* Lower the limits (tests); 0 keeps a limit as it is. */
void tdkt__csv_set_limits(tdkt_csv *csv,
                          size_t max_field,
                          size_t max_columns,
                          size_t max_record);

/*
 * Read the next record.
 * @return 1 when a record was read; 0 at the end of the input (also after
 *         a fatal problem); TDKT_EINVALID for a bad record, described by
 *         tdkt__csv_error() and tdkt__csv_error_line(); TDKT_ENOMEM.
 */
int tdkt__csv_next(tdkt_csv *csv);

/* The record just read: its number of fields and the physical line it
 * starts on (the header is line 1). */
size_t tdkt__csv_count(const tdkt_csv *csv);
long tdkt__csv_line(const tdkt_csv *csv);
/* The physical line field @p i starts on: later than the record's in a
 * record whose quoted cells hold line breaks. */
long tdkt__csv_field_line(const tdkt_csv *csv, size_t i);

/* Field @p i (borrowed until the next read), or NULL when the cell is empty
 * (or holds only spaces, tdkt_text_trim) or @p i is out of range. Never
 * holds a NUL byte. */
const char *tdkt__csv_field(const tdkt_csv *csv, size_t i);
/* Its length in bytes (0 for an empty cell, as tdkt__csv_field tells). */
size_t tdkt__csv_field_len(const tdkt_csv *csv, size_t i);

/* Whether field @p i of the record just read is free of problems. A
 * record refused with TDKT_EINVALID still holds its fields, and those no
 * problem was found in read as written: the importer takes a bad row's
 * id from them, so that the rows naming it are not reported too. False
 * for a field past the last one read. */
bool tdkt__csv_field_ok(const tdkt_csv *csv, size_t i);

/* The last problem: one line without the file name, the line it was found
 * on, the field index it was found in (-1: none), and whether reading
 * stopped there. */
const char *tdkt__csv_error(const tdkt_csv *csv);
long tdkt__csv_error_line(const tdkt_csv *csv);
int tdkt__csv_error_field(const tdkt_csv *csv);
bool tdkt__csv_fatal(const tdkt_csv *csv);

/* Close (the file, if the reader opened it); NULL is a no-op. */
void tdkt__csv_free(tdkt_csv *csv);

#endif
