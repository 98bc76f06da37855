/*
 * The importer (internal to the import module): its state, and what its
 * files share. import.c runs the import (tdkt_import) and pass 2 over
 * the files; files.c finds the record files among the paths given;
 * ids.c collects the ids a reference may name (pass 1); text.c gives a
 * cell's text as it is stored, to both passes; check.c checks and
 * converts a row's cells, the rules between them and its natural key;
 * messages.c words the problems.
 */
#ifndef TDKT_IMPORT_IMPORTER_H
#define TDKT_IMPORT_IMPORTER_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sqlite3.h>

#include "tdkt/import.h"
#include "tdkt/output.h"
#include "tdkt/vocab.h"
#include "core/sets.h"
#include "import/csv.h"
#include "import/tables.h"
#include "import/writer.h"

typedef struct input_file {
    char *path;
    int table;
    bool identified; /* dev and ino are known */
    dev_t dev;
    ino_t ino;
} input_file;

/* The same numbers as the writer's cells, which copy them. */
enum value_type {
    V_NULL = TDKT__CELL_NULL,
    V_TEXT = TDKT__CELL_TEXT,
    V_INT = TDKT__CELL_INT
};

typedef struct value {
    enum value_type type;
    const char *s; /* V_TEXT */
    size_t len;
    int64_t num;  /* V_INT; dates as YYYYMMDD too */
    uint32_t idx; /* set index of an id, vocabulary index of a code */
} value;

typedef struct importer {
    sqlite3 *db;
    tdkt_lang lang;
    tdkt_diags *diags;
    size_t problems;
    int error; /* sticky: out of memory or a database failure */
    input_file *files;
    size_t nfiles, files_cap;
    tdkt__strset ids[TDKT__SET_COUNT_];
    tdkt__strset fact_keys;
    tdkt__strset spellings[TDKT_V_COUNT_];
    tdkt__keymap keys; /* natural keys of the table being imported */
    tdkt__writer writer;
    tdkt_buf list;  /* a row's initiatives, normalised */
    tdkt_buf extra; /* a row's x_ cells, as JSON */
    tdkt_import_summary summary;
} importer;

/* A column of the file's own (x_…), kept in the row's extra. */
typedef struct extra_col {
    size_t field;
    char *key; /* the column's name as a JSON string, quotes included */
} extra_col;

/* One file being imported (pass 2). */
typedef struct file_ctx {
    importer *im;
    const char *path;
    uint32_t index; /* 1-based, as stored in the sets */
    int table;
    const tdkt__tabledef *t;
    int pos[TDKT__MAX_COLS]; /* field of each column, -1 when absent */
    unsigned given;          /* the cells its rows give (tdkt__batch.given) */
    char **names;            /* header names by field, for messages */
    extra_col *extra;        /* the x_ columns, in header order */
    size_t nextra, extra_cap;
    size_t nfields;
    long line; /* of the row being checked */
    bool row_ok;
} file_ctx;

/* ---- messages.c ------------------------------------------------------ */

/* Record a problem at FILE:LINE, COLUMN; import_show() quotes a value. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void import_diag(importer *im,
                 const char *file,
                 long line,
                 const char *column,
                 const char *fmt,
                 ...);

/* A problem in both languages; both formats are literals checked by
 * -Wformat. DIAG0 for the messages without arguments. */
#define DIAG(im, file, line, col, vi, en, ...)                                 \
    ((im)->lang == TDKT_LANG_EN                                                \
         ? import_diag(im, file, line, col, en, __VA_ARGS__)                   \
         : import_diag(im, file, line, col, vi, __VA_ARGS__))
#define DIAG0(im, file, line, col, vi, en)                                     \
    import_diag(im, file, line, col, "%s", TDKT_TR((im)->lang, vi, en))
/* A problem in the current row of a file. */
#define ROW_DIAG(fc, col, vi, en, ...)                                         \
    ((fc)->row_ok = false,                                                     \
     DIAG((fc)->im, (fc)->path, (fc)->line, col, vi, en, __VA_ARGS__))

/* A value quoted in a message: at most 60 bytes of whole UTF-8
 * characters, control characters as '?', so a message stays one line. */
typedef struct shown {
    char s[72];
} shown;

shown import_show(const char *s);
void import_join_list(tdkt_buf *b,
                      const char *const *items,
                      size_t n,
                      tdkt_lang lang);
const char *import_noun(const char *const pair[2], tdkt_lang lang);
void import_where(char *buf,
                  size_t n,
                  const importer *im,
                  const file_ctx *fc,
                  uint32_t file,
                  uint32_t line);
void import_unknown_code(file_ctx *fc,
                         const tdkt__coldef *c,
                         tdkt_vocab_domain d,
                         unsigned mask,
                         const char *s);
void import_unknown_ref(file_ctx *fc,
                        const tdkt__coldef *c,
                        int set,
                        const char *s);

/* ---- files.c --------------------------------------------------------- */

int import_add_path(importer *im, const char *path);

/* ---- text.c ---------------------------------------------------------- */

int import_cell_text(const char **s, size_t *len, char **owned);

/* ---- ids.c ----------------------------------------------------------- */

/* Pass 1 of the sets that the first tables do not read (initiatives,
 * nominations: a million rows each), on a thread of its own while pass 2
 * reads those tables: the importing thread mostly waits for the writer
 * then. Pass 2 touches these sets only after import_ahead_join. */
typedef struct ids_ahead {
    importer *im;
    unsigned sets; /* not read yet, or being read */
    bool threaded;
    pthread_t tid;
    int error;
} ids_ahead;

int import_load_ids(importer *im, unsigned sets);
bool import_has_files(const importer *im, int t);
size_t import_id_field(const tdkt_csv *csv);
int import_define_id(
    importer *im, int set, uint32_t file, const tdkt_csv *csv, size_t col);
int import_define_ids(
    importer *im, int set, uint32_t file, tdkt_csv *csv, size_t col);
int import_ahead_start(ids_ahead *a, importer *im);
int import_ahead_join(ids_ahead *a, int t);

/* ---- check.c --------------------------------------------------------- */

void import_check_cell(file_ctx *fc,
                       const tdkt__coldef *c,
                       const char *s,
                       size_t len,
                       int *subject,
                       value *v);
value import_default_value(const tdkt__coldef *c);
void import_check_row_rules(file_ctx *fc, value *v, int subject);
void import_check_duplicate_key(file_ctx *fc, const value *v);

#endif
