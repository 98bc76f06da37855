/*
 * Helpers shared by the fuzz targets: a scratch folder per process,
 * writing files into it, splitting an input into named sections, and the
 * checks that abort (so that libFuzzer records the input) when an
 * invariant does not hold.
 */
#ifndef TDKT_FUZZ_UTIL_H
#define TDKT_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Abort with a message when @p cond is false: libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                                  \
    do {                                                                       \
        if (!(cond))                                                           \
            fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                 \
    } while (0)

#if defined(__GNUC__)
__attribute__((noreturn, format(printf, 4, 5)))
#endif
void fuzz_fail(const char *file, int line, const char *cond, const char *fmt,
               ...);

/* A scratch folder for this process (in $TMPDIR, /dev/shm or /tmp),
 * removed at exit. @p tag names it. */
const char *fuzz_scratch(const char *tag);

/* Remove everything inside @p dir (not @p dir itself). */
void fuzz_empty_dir(const char *dir);

/* Write @p len bytes to dir/rel, making the folders on the way. */
void fuzz_write(const char *dir, const char *rel, const void *data,
                size_t len);

/*
 * Split an input into sections. A section starts with a line that begins
 * with @p marker followed by a space and a name; the bytes before the
 * first such line form a section named @p first_name (skipped when empty
 * and a marker follows). Names are cleaned: only [A-Za-z0-9_.+/-] are
 * kept, at most 64 bytes, no "..", no leading "/".
 */
typedef struct fuzz_section {
    char name[72];
    const uint8_t *data;
    size_t len;
} fuzz_section;
size_t fuzz_sections(const uint8_t *data, size_t size, const char *marker,
                     const char *first_name, fuzz_section *out, size_t max);

/* Whether $FUZZ_VERBOSE is set: then targets say what each input did. */
bool fuzz_verbose(void);

/* Whether the invariant @p name is listed in $FUZZ_IGNORE (names separated
 * by commas or spaces): scripts/fuzz.sh lists there, from
 * tests/fuzz/known-bugs, the invariants of bugs known and reported but not
 * fixed yet, so that fuzzing can go past them. Replays do not. */
bool fuzz_ignored(const char *name);

/* Strict UTF-8 (no overlongs, surrogates, or code points past U+10FFFF). */
bool fuzz_valid_utf8(const uint8_t *s, size_t n);

#endif
