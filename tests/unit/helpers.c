#define _POSIX_C_SOURCE 200809L
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

char *th_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/tdkt-test-XXXXXX", base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

char *th_write(const char *dir, const char *name, const char *text)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return path;
}

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

void th_rmtree(const char *dir)
{
    nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *th_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    if (len)
        *len = got;
    return s;
}

char *th_fixture(const char *rel)
{
    size_t n = strlen(TDKT_FIXTURES) + strlen(rel) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", TDKT_FIXTURES, rel);
    return p;
}

char *th_results_text(const tdkt_results *res, tdkt_format fmt)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(tdkt_results_write(res, fmt, TDKT_LANG_EN, out), 0);
    fclose(out);
    return text;
}

tdkt_store *th_store_new(char **dir, const char *name)
{
    *dir = th_tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", *dir, name);
    tdkt_store *store = NULL;
    assert_int_equal(tdkt_store_open(&store, path, TDKT_STORE_WRITE), 0);
    return store;
}

void th_store_done(tdkt_store *store, char *dir)
{
    tdkt_store_close(store);
    if (dir)
        th_rmtree(dir);
    free(dir);
}
