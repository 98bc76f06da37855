/*
 * The in-memory index's layout, shared by the modules that read it (rules
 * API, evaluation, output). Records of one subject are contiguous and
 * ordered by year; each subject holds an offset and a count per table.
 *
 * Sizes matter: a million people with ten years of history is ~20 M
 * records, so records are small fixed structs and strings live in one arena.
 */
#ifndef TDKT_INDEX_INTERNAL_H
#define TDKT_INDEX_INTERNAL_H

#include "tdkt/index.h"
#include "tdkt/date.h"
#include "tdkt/vocab.h"

#define IX_NONE 0xff /* an enumerated column left empty */

typedef struct ix_appraisal {
    int16_t year;
    uint8_t rating;  /* enum tdkt_rating */
    uint8_t months;  /* months_worked, 12 when not given */
    uint8_t absence; /* enum tdkt_absence or IX_NONE */
    uint8_t pad_[3];
    int32_t unit;    /* unit index that year, or -1: the current unit */
} ix_appraisal;

typedef struct ix_honour {
    int16_t year;
    uint8_t code; /* enum tdkt_award */
    uint8_t kind; /* enum tdkt_kind */
    tdkt_date decision_date;
} ix_honour;

typedef struct ix_initiative {
    int16_t year;
    uint8_t scope;   /* enum tdkt_scope */
    uint8_t kind;    /* enum tdkt_init_kind */
    uint8_t applied; /* 0/1 */
    uint8_t used;    /* 1 when the basis of some honour */
    uint8_t pad_[2];
    int32_t id;      /* interned initiative id (strings[id]) */
} ix_initiative;

typedef struct ix_discipline {
    tdkt_date date;
    tdkt_date ends; /* 0 when not given */
    uint8_t level;  /* enum tdkt_level */
    uint8_t pad_[3];
} ix_discipline;

typedef struct ix_fact {
    int16_t year;  /* 0 = timeless */
    bool is_num;
    uint8_t pad_;
    int32_t key;   /* interned key */
    double num;
    const char *value;
} ix_fact;

typedef struct ix_range {
    uint32_t off;
    uint32_t n;
} ix_range;

typedef struct ix_subject {
    const char *id;
    const char *name;
    uint8_t type; /* TDKT_PERSON or TDKT_UNIT */
    /* person */
    uint8_t is_leader, category, gender, ethnic;
    uint8_t pad_a_;
    int16_t birth_year;
    tdkt_date hired;
    int32_t unit; /* person: current unit; unit: parent (or -1) */
    /* unit */
    uint8_t kind, small;
    uint8_t pad_b_[6];
    const char *bloc;
    ix_range app, hon, ini, dis, fac;
    ix_range members; /* unit: candidate members (persons), see below */
    ix_range children; /* unit: sub-units */
} ix_subject;

typedef struct ix_nomination {
    const char *id;
    int32_t subject; /* subject index */
    uint8_t code;    /* enum tdkt_award */
    uint8_t kind;    /* enum tdkt_kind */
    int16_t year;
    tdkt_date submitted;
    uint8_t pad_[4];
    const char *campaign;
    const char *proposed_by;
    ix_range fac; /* facts about the nomination */
} ix_nomination;

/* The records have no implicit padding (the pad_ members are explicit):
 * every byte is a member, so `= {0}` and copies define all of them, and
 * the index image (image.c) is written without undefined bytes. */
_Static_assert(sizeof(ix_appraisal) == 12, "ix_appraisal has no padding");
_Static_assert(sizeof(ix_honour) == 8, "ix_honour has no padding");
_Static_assert(sizeof(ix_initiative) == 12, "ix_initiative has no padding");
_Static_assert(sizeof(ix_discipline) == 12, "ix_discipline has no padding");
_Static_assert(sizeof(ix_fact) == 16 + sizeof(char *), "ix_fact: padding");
_Static_assert(sizeof(ix_range) == 8, "ix_range has no padding");
_Static_assert(sizeof(ix_subject) == 24 + 3 * sizeof(char *) +
                                        7 * sizeof(ix_range),
               "ix_subject has no padding");
_Static_assert(sizeof(ix_nomination) == 24 + 3 * sizeof(char *),
               "ix_nomination has no padding");

/* String → int32 map (open addressing), for ids and interned keys. */
typedef struct ix_map {
    const char **keys;
    int32_t *vals;
    size_t cap, count;
} ix_map;

typedef struct ix_arena_block ix_arena_block;

struct tdkt_index {
    ix_subject *subjects;
    size_t nsubjects;
    ix_nomination *noms;
    size_t nnoms;
    ix_appraisal *app;
    size_t napp;
    ix_honour *hon;
    size_t nhon;
    ix_initiative *ini;
    size_t nini;
    ix_discipline *dis;
    size_t ndis;
    ix_fact *fac;
    size_t nfac;
    int32_t *members; /* unit member lists (person indexes) */
    size_t nmembers;
    int32_t *children; /* unit child lists (unit indexes) */
    size_t nchildren;
    ix_map people, units, noms_by_id, fact_keys, init_ids;
    const char **init_names; /* interned initiative id → its text */
    size_t ninit_names, cap_init_names;
    ix_arena_block *arena;
    void *image; /* loaded from the store's image: every array lives in it */
    size_t bytes;
    bool parallel; /* loaded on two connections at once (for tests) */
    int64_t records_version; /* the store's, in the load's snapshot */
};


/* Map the ids of the subjects of @p type (TDKT_UNIT, TDKT_PERSON) from
 * index @p from on, once they are all loaded, so that the map never
 * rehashes. @return 0 or TDKT_ENOMEM */
int ix_map_subjects(tdkt_index *ix, int type, size_t from);
/* The same for the nominations. */
int ix_map_noms(tdkt_index *ix);
/* Free the index's maps (and leave them empty). */
void ix_maps_free(tdkt_index *ix);

struct sqlite3;
/* Another connection to @p db's file (read-write, its own); NULL when
 * there is none to open (an in-memory database) or it fails. */
struct sqlite3 *ix_open_twin(struct sqlite3 *db);
/* sqlite3_exec of @p sql succeeded. */
bool ix_exec_ok(struct sqlite3 *db, const char *sql);

/* Find a subject by type and id: its index, or -1. */
int32_t ix_find_subject(const tdkt_index *ix, int type, const char *id);
/* Find a nomination by id: its index, or -1. */
int32_t ix_map_get_nom(const tdkt_index *ix, const char *id);
/* Find an interned fact key: its id, or -1 (no record has that key). */
int32_t ix_fact_key(const tdkt_index *ix, const char *key);
/* The unit a person belonged to in year y (index), or -1. */
int32_t ix_unit_in(const tdkt_index *ix, const ix_subject *p, int y);
/* A fact of subject for year y (falling back to the timeless one), or
 * NULL. */
const ix_fact *ix_subject_fact(const tdkt_index *ix, const ix_subject *s,
                               int32_t key, int y);
const ix_fact *ix_nomination_fact(const tdkt_index *ix,
                                  const ix_nomination *n, int32_t key);
/* The appraisal of year y, or NULL. */
const ix_appraisal *ix_appraisal_of(const tdkt_index *ix,
                                    const ix_subject *s, int y);

#endif
