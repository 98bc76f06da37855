/**
 * @file vocab.h
 * The codes of ../shared/domain/vocabulary.md: titles and awards, ratings,
 * kinds of honour, disciplinary levels, initiative scopes, the other
 * enumerated columns of the record files and the coded values of attested
 * facts (who launched a movement).
 *
 * Each domain is an ordered table; an entry's index is its enum value, so
 * ordered domains (ratings, levels, scopes) compare as integers. Import
 * accepts a code, its Vietnamese name or an alias, matched without regard to
 * case or Unicode normalisation; output always uses the code.
 */
#ifndef TDKT_VOCAB_H
#define TDKT_VOCAB_H

#include "tdkt/common.h"

typedef enum tdkt_vocab_domain {
    TDKT_V_SUBJECT,     /* person, unit, nomination */
    TDKT_V_AWARD,       /* ldtt … huy_hieu_tinh */
    TDKT_V_RATING,      /* incomplete < complete < good < excellent */
    TDKT_V_KIND,        /* merit … resistance */
    TDKT_V_LEVEL,       /* reprimand < … < dismissal */
    TDKT_V_SCOPE,       /* unit < province < national */
    TDKT_V_INIT_KIND,   /* initiative, research, invention, combat */
    TDKT_V_UNIT_KIND,   /* agency … other */
    TDKT_V_CATEGORY,    /* civil_servant … other */
    TDKT_V_GENDER,      /* female, male */
    TDKT_V_ABSENCE,     /* maternity … other */
    TDKT_V_LAUNCHER,    /* president … province (movement_launched_by) */
    TDKT_V_COUNT_
} tdkt_vocab_domain;

enum tdkt_subject_type { TDKT_PERSON, TDKT_UNIT, TDKT_NOMINATION };

enum tdkt_award {
    TDKT_LDTT, TDKT_CSTT, TDKT_CSTD_CS, TDKT_CSTD_TINH, TDKT_CSTD_TQ,
    TDKT_TTLDTT, TDKT_TTLDXS, TDKT_CO_TINH, TDKT_CO_CP, TDKT_GIAY_KHEN,
    TDKT_BK_TINH, TDKT_BK_TTG, TDKT_HCLD3, TDKT_HCLD2, TDKT_HCLD1,
    TDKT_HUY_HIEU_TINH, TDKT_AWARD_COUNT_
};

/* Ordered: a higher value is a better rating. */
enum tdkt_rating {
    TDKT_INCOMPLETE, TDKT_COMPLETE, TDKT_GOOD, TDKT_EXCELLENT
};

enum tdkt_kind {
    TDKT_MERIT, TDKT_THEMATIC, TDKT_AD_HOC, TDKT_DEDICATION, TDKT_SENIORITY,
    TDKT_FOREIGN, TDKT_RESISTANCE
};

/* Ordered: a higher value is a heavier measure. */
enum tdkt_level {
    TDKT_REPRIMAND, TDKT_WARNING, TDKT_DEMOTION, TDKT_REMOVAL, TDKT_DISMISSAL
};

/* Ordered: a wider scope is higher. */
enum tdkt_scope { TDKT_SCOPE_UNIT, TDKT_SCOPE_PROVINCE, TDKT_SCOPE_NATIONAL };

enum tdkt_init_kind {
    TDKT_INITIATIVE, TDKT_RESEARCH, TDKT_INVENTION, TDKT_COMBAT
};

enum tdkt_absence {
    TDKT_MATERNITY, TDKT_WORK_INJURY, TDKT_TRAINING, TDKT_SICK, TDKT_OTHER
};

/** Subject kinds an award code may be given to (vocabulary.md). */
enum tdkt_award_subject {
    TDKT_AWARDS_PERSON = 1, TDKT_AWARDS_UNIT = 2, TDKT_AWARDS_BOTH = 3
};

/** Number of entries of a domain. */
TDKT_API int tdkt_vocab_count(tdkt_vocab_domain d);

/**
 * Find an entry by code, Vietnamese name or alias (case- and
 * normalisation-insensitive). @return its index, or -1 when nothing matches.
 */
TDKT_API int tdkt_vocab_lookup(tdkt_vocab_domain d, const char *text);

/** What the entries of @p d are called, for messages ("xếp loại",
 * "rating"), in @p lang (static). */
TDKT_API const char *tdkt_vocab_domain_name(tdkt_vocab_domain d,
                                            tdkt_lang lang);

/** The code of entry @p i (borrowed, static), or NULL when out of range. */
TDKT_API const char *tdkt_vocab_code(tdkt_vocab_domain d, int i);

/** The human name of entry @p i in @p lang (static), or NULL. */
TDKT_API const char *tdkt_vocab_name(tdkt_vocab_domain d, int i,
                                     tdkt_lang lang);

/** The usual abbreviation (e.g. "HTXSNV"), or the code when it has none. */
TDKT_API const char *tdkt_vocab_abbrev(tdkt_vocab_domain d, int i);

/** Which subjects an award code applies to (TDKT_AWARDS_*). */
TDKT_API int tdkt_award_subjects(int award);

/**
 * Normalise @p text for matching: NFC, case-folded. @return a malloc'd
 * string the caller frees, or NULL (invalid UTF-8 or out of memory).
 */
TDKT_API char *tdkt_text_fold(const char *text);

/**
 * @p text composed (NFC), as stored: the same words typed with combining
 * accents (NFD) or precomposed are then the same bytes. @return a
 * malloc'd string the caller frees, or NULL (invalid UTF-8 or out of
 * memory).
 */
TDKT_API char *tdkt_text_nfc(const char *text);

/**
 * @p s (@p *len bytes) without the spaces around it, as tdkt stores text
 * and takes ids: tabs, every Unicode space separator (the space, the
 * no-break spaces U+00A0, U+2007 and U+202F that spreadsheets and web
 * pages carry, U+3000…) and U+FEFF. Bytes that are not UTF-8 are text.
 * @return where the text starts; *@p len becomes its length (0: only
 *         spaces)
 */
TDKT_API const char *tdkt_text_trim(const char *s, size_t *len);

/** The bytes of the space tdkt_text_trim would take off that begins
 * @p s (@p n bytes: a space, a tab, a no-break or other Unicode space),
 * 0 when @p s begins with anything else. */
TDKT_API size_t tdkt_text_space_at(const char *s, size_t n);

/** True when @p s (length @p n) is valid UTF-8. */
TDKT_API bool tdkt_utf8_valid(const char *s, size_t n);

#endif
