/*
 * The columns of the record files of shared/spec/data-format.md, as data
 * (internal). import.c checks and writes every table from these
 * definitions; only the few rules that tie columns together (a subject's
 * id is looked up by its type, an award must suit its subject, a
 * discipline cannot end before it starts) are code.
 *
 * Each file column is the store column of the same name (schema.sql), so
 * the definitions also give the INSERT statements.
 */
#ifndef TDKT_IMPORT_TABLES_H
#define TDKT_IMPORT_TABLES_H

#include "tdkt/import.h"
#include "tdkt/vocab.h"

/* The sets of ids that references resolve against. */
enum tdkt__idset {
    TDKT__SET_UNITS,
    TDKT__SET_PEOPLE,
    TDKT__SET_NOMINATIONS,
    TDKT__SET_INITIATIVES,
    TDKT__SET_COUNT_
};

/* How a cell is read, checked and stored. */
enum tdkt__col_kind {
    TDKT__COL_TEXT,         /* any text */
    TDKT__COL_ID,           /* the row's own id, in set `arg` */
    TDKT__COL_REF,          /* the id of a row of set `arg` */
    TDKT__COL_SUBJECT_TYPE, /* person, unit (or nomination for facts) */
    TDKT__COL_SUBJECT_ID,   /* an id in the set its subject_type names */
    TDKT__COL_CODE,         /* a code of vocabulary domain `arg` */
    TDKT__COL_BOOL,         /* 0 or 1 */
    TDKT__COL_YEAR,         /* YYYY */
    TDKT__COL_DATE,         /* YYYY-MM-DD */
    TDKT__COL_MONTHS,       /* 0..12 */
    TDKT__COL_INITIATIVES,  /* initiative ids separated by ';' */
    TDKT__COL_FACT_KEY      /* snake_case */
};

typedef struct tdkt__coldef {
    const char *name;
    unsigned char kind;
    bool required;
    bool key;        /* part of the primary key (schema.sql) */
    signed char arg; /* id set or vocabulary domain, by kind */
    short def;       /* the value of an empty cell: a vocabulary index
                        or a number; -1: NULL */
} tdkt__coldef;

/* The most cells of a stored row: a table's columns, then extra. */
#define TDKT__MAX_COLS 10

typedef struct tdkt__tabledef {
    const char *name;
    const tdkt__coldef *cols;
    int ncols;
    signed char id_set;     /* the set its ids (column 0) go to, or -1 */
    bool unique_id;         /* its id names one row (not initiatives) */
    unsigned char subjects; /* subject types allowed: 1 << TDKT_PERSON … */
    unsigned char refs;     /* sets its references need: 1 << TDKT__SET_* */
    signed char dup_col;    /* column a duplicate key is reported on */
} tdkt__tabledef;

extern const tdkt__tabledef tdkt__tables[TDKT_T_COUNT_];

/* A stored row has one cell more than its file's columns, `extra`
 * (schema_extra.sql): its x_ cells as one JSON object, or NULL. It is no
 * column of the file: a file's column named "extra" is unknown. */
static inline int tdkt__row_cells(const tdkt__tabledef *t)
{
    return t->ncols + 1;
}

#endif
