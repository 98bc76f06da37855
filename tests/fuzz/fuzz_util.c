#include "fuzz_util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt,
               ...)
{
    fprintf(stderr, "\n==fuzz== %s:%d: invariant failed: %s\n==fuzz== ",
            file, line, cond);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

static char scratch[4096];

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    if (ftw->level > 0)
        remove(path);
    return 0;
}

void fuzz_empty_dir(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_scratch(void)
{
    if (scratch[0]) {
        fuzz_empty_dir(scratch);
        rmdir(scratch);
    }
}

const char *fuzz_scratch(const char *tag)
{
    if (scratch[0])
        return scratch;
    const char *base = getenv("TMPDIR");
    struct stat sb;
    if (!base || !*base)
        base = stat("/dev/shm", &sb) == 0 && access("/dev/shm", W_OK) == 0
                   ? "/dev/shm"
                   : "/tmp";
    snprintf(scratch, sizeof scratch, "%s/tdkt-fuzz-%s-XXXXXX", base, tag);
    if (!mkdtemp(scratch)) {
        fprintf(stderr, "fuzz: cannot make %s: %s\n", scratch,
                strerror(errno));
        exit(1);
    }
    atexit(remove_scratch);
    return scratch;
}

void fuzz_write(const char *dir, const char *rel, const void *data,
                size_t len)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    /* mkdir -p of the folders of rel */
    for (char *p = path + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return; /* e.g. a name that is a folder already: the input's loss */
    const char *s = data;
    while (len > 0) {
        ssize_t w = write(fd, s, len);
        if (w <= 0)
            break;
        s += w;
        len -= (size_t)w;
    }
    close(fd);
}

static void clean_name(char *dst, size_t cap, const uint8_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap && k < 64; i++) {
        char c = (char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '+' ||
            c == '/' || c == '-')
            dst[k++] = c;
    }
    dst[k] = '\0';
    /* no "..", no absolute or empty components */
    char *p;
    while ((p = strstr(dst, "..")) != NULL)
        memmove(p, p + 1, strlen(p + 1) + 1);
    while ((p = strstr(dst, "//")) != NULL)
        memmove(p, p + 1, strlen(p + 1) + 1);
    while (dst[0] == '/')
        memmove(dst, dst + 1, strlen(dst));
    size_t len = strlen(dst);
    while (len > 0 && dst[len - 1] == '/')
        dst[--len] = '\0';
}

size_t fuzz_sections(const uint8_t *data, size_t size, const char *marker,
                     const char *first_name, fuzz_section *out, size_t max)
{
    size_t ml = strlen(marker), n = 0;
    const uint8_t *end = data + size, *p = data;
    const uint8_t *start = data;
    char name[72];
    snprintf(name, sizeof name, "%s", first_name);
    bool first = true;
    for (;;) {
        /* find the next line that starts with "marker " */
        const uint8_t *line = p, *next = NULL;
        while (line < end) {
            if ((size_t)(end - line) > ml && memcmp(line, marker, ml) == 0 &&
                line[ml] == ' ') {
                next = line;
                break;
            }
            const uint8_t *nl = memchr(line, '\n', (size_t)(end - line));
            if (!nl)
                break;
            line = nl + 1;
        }
        const uint8_t *stop = next ? next : end;
        /* the part before the first marker only when it holds
         * something, or when there is no marker at all */
        if (n < max && (!first || stop > start || !next)) {
            fuzz_section *s = &out[n++];
            snprintf(s->name, sizeof s->name, "%s", name);
            s->data = start;
            s->len = (size_t)(stop - start);
        }
        first = false;
        if (!next || n >= max)
            break;
        const uint8_t *ns = next + ml + 1;
        const uint8_t *nl = memchr(ns, '\n', (size_t)(end - ns));
        const uint8_t *ne = nl ? nl : end;
        clean_name(name, sizeof name, ns, (size_t)(ne - ns));
        start = nl ? nl + 1 : end;
        p = start;
    }
    return n;
}

#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
bool fuzz_valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            k = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return false;
        if (n - i < k || s[i + 1] < lo || s[i + 1] > hi)
            return false;
        for (size_t j = 2; j < k; j++)
            if (s[i + j] < 0x80 || s[i + j] > 0xBF)
                return false;
        i += k;
    }
    return true;
}

bool fuzz_verbose(void)
{
    static int v = -1;
    if (v < 0) {
        const char *s = getenv("FUZZ_VERBOSE");
        v = s && *s && strcmp(s, "0") != 0;
    }
    return v;
}

bool fuzz_ignored(const char *name)
{
    const char *list = getenv("FUZZ_IGNORE");
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        p += strspn(p, ", ");
        size_t k = strcspn(p, ", ");
        if (k == n && strncmp(p, name, n) == 0)
            return true;
        p += k;
    }
    return false;
}
