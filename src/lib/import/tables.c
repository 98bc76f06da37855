/* The record files' columns, transcribed from shared/spec/data-format.md. */
#include "import/tables.h"

#define COLS(a) (a), (int)(sizeof(a) / sizeof((a)[0]))

/* Shorthands: name, kind, required, key, arg, default. */
#define TEXT(n, req)                                                           \
    {                                                                          \
        n, TDKT__COL_TEXT, req, false, -1, -1                                  \
    }
#define BOOL(n, req, d)                                                        \
    {                                                                          \
        n, TDKT__COL_BOOL, req, false, -1, d                                   \
    }
#define YEAR(n, req, key, d)                                                   \
    {                                                                          \
        n, TDKT__COL_YEAR, req, key, -1, d                                     \
    }
#define DATE(n, req, key)                                                      \
    {                                                                          \
        n, TDKT__COL_DATE, req, key, -1, -1                                    \
    }
#define CODE(n, req, key, dom, d)                                              \
    {                                                                          \
        n, TDKT__COL_CODE, req, key, dom, d                                    \
    }
#define REF(n, req, key, set)                                                  \
    {                                                                          \
        n, TDKT__COL_REF, req, key, set, -1                                    \
    }
#define ID(set)                                                                \
    {                                                                          \
        "id", TDKT__COL_ID, true, true, set, -1                                \
    }
#define SUBJECT(key)                                                           \
    {"subject_type", TDKT__COL_SUBJECT_TYPE, true, key, -1, -1},               \
    {                                                                          \
        "subject_id", TDKT__COL_SUBJECT_ID, true, key, -1, -1                  \
    }

static const tdkt__coldef units[] = {
    ID(TDKT__SET_UNITS),
    TEXT("name", true),
    REF("parent_id", false, false, TDKT__SET_UNITS),
    CODE("kind", true, false, TDKT_V_UNIT_KIND, -1),
    TEXT("bloc", false),
    BOOL("small", false, -1),
};

static const tdkt__coldef people[] = {
    ID(TDKT__SET_PEOPLE),
    TEXT("full_name", true),
    REF("unit_id", true, false, TDKT__SET_UNITS),
    BOOL("is_leader", true, -1),
    CODE("category", false, false, TDKT_V_CATEGORY, -1),
    CODE("gender", false, false, TDKT_V_GENDER, -1),
    BOOL("ethnic_minority", false, -1),
    YEAR("birth_year", false, false, -1),
    DATE("hired", false, false),
};

static const tdkt__coldef appraisals[] = {
    SUBJECT(true),
    YEAR("year", true, true, -1),
    CODE("rating", true, false, TDKT_V_RATING, -1),
    REF("unit_id", false, false, TDKT__SET_UNITS),
    /* "default 12": stored, so that no reader has to know the default. */
    {"months_worked", TDKT__COL_MONTHS, false, false, -1, 12},
    CODE("absence", false, false, TDKT_V_ABSENCE, -1),
};

static const tdkt__coldef honours[] = {
    SUBJECT(true),
    CODE("code", true, true, TDKT_V_AWARD, -1),
    YEAR("year", true, true, -1),
    CODE("kind", false, true, TDKT_V_KIND, TDKT_MERIT),
    TEXT("decision_no", false),
    DATE("decision_date", false, false),
    {"initiatives", TDKT__COL_INITIATIVES, false, false, -1, -1},
};

static const tdkt__coldef initiatives[] = {
    ID(TDKT__SET_INITIATIVES),
    REF("person_id", true, true, TDKT__SET_PEOPLE),
    YEAR("year", true, false, -1),
    CODE("scope", true, false, TDKT_V_SCOPE, -1),
    CODE("kind", false, false, TDKT_V_INIT_KIND, TDKT_INITIATIVE),
    BOOL("applied", false, 1),
    TEXT("title", false),
};

static const tdkt__coldef disciplines[] = {
    SUBJECT(true),
    DATE("date", true, true),
    CODE("level", true, true, TDKT_V_LEVEL, -1),
    DATE("ends", false, false),
    TEXT("note", false),
};

static const tdkt__coldef facts[] = {
    SUBJECT(true),
    /* Empty: timeless, stored as 0 (a NULL in a key would not be unique). */
    YEAR("year", false, true, 0),
    {"key", TDKT__COL_FACT_KEY, true, true, -1, -1},
    TEXT("value", true),
    TEXT("source", false),
};

static const tdkt__coldef nominations[] = {
    ID(TDKT__SET_NOMINATIONS),
    SUBJECT(false),
    CODE("code", true, false, TDKT_V_AWARD, -1),
    YEAR("year", true, false, -1),
    CODE("kind", false, false, TDKT_V_KIND, TDKT_MERIT),
    TEXT("campaign", false),
    REF("proposed_by", false, false, TDKT__SET_UNITS),
    DATE("submitted", false, false),
};

/* Each table leaves a cell of TDKT__MAX_COLS to extra. */
#define FITS(a)                                                                \
    _Static_assert(sizeof(a) / sizeof((a)[0]) < TDKT__MAX_COLS,                \
                   #a ": no cell left for extra")
FITS(units);
FITS(people);
FITS(appraisals);
FITS(honours);
FITS(initiatives);
FITS(disciplines);
FITS(facts);
FITS(nominations);

#define PERSON_UNIT (1 << TDKT_PERSON | 1 << TDKT_UNIT)
#define SET(s) (1 << TDKT__SET_##s)

/* The subject_id column is where a subject's duplicate row is reported. */
const tdkt__tabledef tdkt__tables[TDKT_T_COUNT_] = {
    [TDKT_T_UNITS] = {"units", COLS(units), TDKT__SET_UNITS, true, 0,
                      SET(UNITS), 0},
    [TDKT_T_PEOPLE] = {"people", COLS(people), TDKT__SET_PEOPLE, true, 0,
                       SET(UNITS), 0},
    [TDKT_T_APPRAISALS] = {"appraisals", COLS(appraisals), -1, false,
                           PERSON_UNIT, SET(UNITS) | SET(PEOPLE), 1},
    [TDKT_T_HONOURS] = {"honours", COLS(honours), -1, false, PERSON_UNIT,
                        SET(UNITS) | SET(PEOPLE) | SET(INITIATIVES), 1},
    [TDKT_T_INITIATIVES] = {"initiatives", COLS(initiatives),
                            TDKT__SET_INITIATIVES, false, 0, SET(PEOPLE), 0},
    [TDKT_T_DISCIPLINES] = {"disciplines", COLS(disciplines), -1, false,
                            PERSON_UNIT, SET(UNITS) | SET(PEOPLE), 1},
    [TDKT_T_FACTS] = {"facts", COLS(facts), -1, false,
                      PERSON_UNIT | 1 << TDKT_NOMINATION,
                      SET(UNITS) | SET(PEOPLE) | SET(NOMINATIONS), 1},
    [TDKT_T_NOMINATIONS] = {"nominations", COLS(nominations),
                            TDKT__SET_NOMINATIONS, true, PERSON_UNIT,
                            SET(UNITS) | SET(PEOPLE), 0},
};

const char *tdkt_table_name(int table)
{
    return table >= 0 && table < TDKT_T_COUNT_ ? tdkt__tables[table].name
                                               : NULL;
}
