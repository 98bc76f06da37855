/* Shared helpers for the cmocka unit tests. */
#ifndef TDKT_TEST_HELPERS_H
#define TDKT_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tdkt/tdkt.h"

/* A fresh temporary folder (mkdtemp under $TMPDIR); caller frees. */
char *th_tmpdir(void);
/* Write @p text to DIR/NAME; returns the malloc'd path. */
char *th_write(const char *dir, const char *name, const char *text);
/* Remove a folder tree made by th_tmpdir. */
void th_rmtree(const char *dir);
/* Read a whole file into a malloc'd string (NULL when missing). */
char *th_read(const char *path, size_t *len);
/* Path under tests/fixtures (malloc'd). */
char *th_fixture(const char *rel);
/* A new store NAME, open for writing, in a fresh temporary folder (*dir,
 * malloc'd). */
tdkt_store *th_store_new(char **dir, const char *name);
/* Close the store, remove its folder and free @p dir. */
void th_store_done(tdkt_store *store, char *dir);
/* The results as tdkt eval prints them in @p fmt, in English (malloc'd). */
char *th_results_text(const tdkt_results *res, tdkt_format fmt);

#endif
