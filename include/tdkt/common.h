/**
 * @file common.h
 * Version, result codes and the per-thread error slot shared by every module.
 *
 * Every function that can fail returns an int: TDKT_OK (0) or a negative
 * TDKT_E* code. The one-line message that explains it is kept per thread
 * (as libgit2's git_error_last) and read with tdkt_error_last().
 */
#ifndef TDKT_COMMON_H
#define TDKT_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define TDKT_API extern

/** Result codes; negative values are the failures callers may expect. */
enum tdkt_code {
    TDKT_OK = 0,
    TDKT_ERROR = -1,     /**< generic failure */
    TDKT_ENOTFOUND = -2, /**< a named thing does not exist */
    TDKT_EINVALID = -3,  /**< bad input (CSV, option, argument) */
    TDKT_EDB = -4,       /**< the database failed or refused */
    TDKT_ERULE = -5,     /**< a rule script or rule set is wrong */
    TDKT_ELIMIT = -6,    /**< a time, instruction or memory budget ran out */
    TDKT_ENOMEM = -7,    /**< out of memory */
    TDKT_EUSER = -8,     /**< a callback asked to stop */
    TDKT_EBUSY = -9      /**< the database stayed locked too long */
};

/** The engine's version string, e.g. "0.1.0". */
TDKT_API const char *tdkt_version(void);

/**
 * The engine build: the version and a hash of every file the library is
 * made of, e.g. "0.1.0+3f2a9c1b7d4e5f60". A saved run records it, and a
 * diff takes judgements again only from a run of the very same build
 * (tdkt_run_results), so a changed prelude or engine never lends a stale
 * judgement, whether or not the version was bumped.
 */
TDKT_API const char *tdkt_build(void);

/** Static English text for a result code. */
TDKT_API const char *tdkt_strerror(int code);


/**
 * The last error set on this thread: its code and one-line message. Never
 * NULL; the message is "" when nothing failed. Borrowed until the next
 * failing call on the same thread.
 */
typedef struct tdkt_error {
    int code;
    char message[1024];
} tdkt_error;
TDKT_API const tdkt_error *tdkt_error_last(void);
TDKT_API void tdkt_error_clear(void);

/** Set the thread's error (printf-style); returns @p code for chaining. */
TDKT_API int tdkt_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/**
 * A list of problems found in one pass (an import reports every bad cell,
 * not just the first). Each is printed as "FILE:LINE: COLUMN: message"
 * (COLUMN omitted when empty).
 */
typedef struct tdkt_diag {
    char *file;
    long line;
    char *column;
    char *message;
} tdkt_diag;

/** How many problems of one file were recorded and left out. */
typedef struct tdkt_diag_file {
    char *file;
    size_t recorded;
    size_t dropped;
} tdkt_diag_file;

typedef struct tdkt_diags {
    tdkt_diag *items;
    size_t count;
    size_t cap;
    size_t limit; /**< stop recording after this many (0: 1000) */
    size_t dropped; /**< problems found beyond the limits */
    /** Record at most this many problems of one file (0: no such limit),
     * so that a file with thousands does not hide the others'. */
    size_t per_file;
    tdkt_diag_file *files; /**< per file, when per_file is set */
    size_t nfiles;
} tdkt_diags;

/** Append a problem (printf-style message). @return TDKT_OK or TDKT_ENOMEM */
TDKT_API int tdkt_diags_add(tdkt_diags *d, const char *file, long line,
                            const char *column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/** Free the items (not the struct itself); leaves an empty list. */
TDKT_API void tdkt_diags_clear(tdkt_diags *d);

/** Language of human-facing text. Codes and JSON keys never change. */
typedef enum tdkt_lang { TDKT_LANG_VI = 0, TDKT_LANG_EN = 1 } tdkt_lang;

/** The system's error @p e (errno) in @p lang: the ones a user meets with
 * files, folders and disks in their words, any other (ENOMEM among them,
 * as "out of memory" everywhere) as strerror says. */
TDKT_API const char *tdkt_os_error(int e, tdkt_lang lang);

/** The language named @p name: "vi" or "en"; TDKT_EINVALID (nothing
 * set) for any other. */
TDKT_API int tdkt_lang_parse(tdkt_lang *out, const char *name);

/** The language of the messages the library leaves in tdkt_error_last()
 * and in its diagnostics (a rule script's errors follow the language of
 * its run instead). English unless set; a program sets it once, before it
 * starts any work, from its users' choice (the tdkt command: from --lang).
 * "out of memory", SQLite's texts and the system's rarer errors stay as
 * they are (tdkt_os_error). */
TDKT_API void tdkt_set_message_lang(tdkt_lang lang);
TDKT_API tdkt_lang tdkt_message_lang(void);

#endif
