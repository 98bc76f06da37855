/*
 * failmalloc: an LD_PRELOAD shim that makes one chosen allocation fail, to
 * test that every allocation failure ends in a clean error (or a success),
 * never a crash or a leak. It wraps malloc, calloc and realloc (the Lua
 * allocator of src/lib/rules/sandbox.c goes through realloc, SQLite and
 * the C library through malloc), numbers the calls made after the shim's
 * constructor ran (so the dynamic loader's own start-up is not counted),
 * and fails the one numbered TDKT_FAIL_AT with ENOMEM.
 *
 * Environment:
 *   TDKT_FAIL_AT=N      fail the Nth allocation (1-based); unset or 0: none
 *   TDKT_FAIL_STICKY=1  fail every allocation from the Nth on, not just it
 *   TDKT_FAIL_COUNT=1   at exit, print "failmalloc: K allocations" on
 *                       stderr (any other value: append that line to the
 *                       file it names, keeping stderr clean)
 *   TDKT_FAIL_TRACE=1   print a backtrace on stderr where the failure is
 *                       injected (for bug reports; the stack is the
 *                       allocation's caller, not the crash)
 *
 * What is counted: malloc(n), calloc(n, m) and realloc(p, n) with n > 0
 * (realloc(NULL, n) too). realloc(p, 0) is a free and free() is never
 * failed. The count is atomic, but the order of allocations of several
 * threads is not fixed: run the program single-threaded (--threads 1).
 *
 * It works under AddressSanitizer too (the allocation is passed on to
 * ASan's malloc, which still reports leaks): run with
 * ASAN_OPTIONS=verify_asan_link_order=0 so that ASan accepts a preloaded
 * library ahead of it.
 *
 * dlsym() may itself call calloc/malloc before the real functions are
 * known: those requests are served from a static buffer, which free() and
 * realloc() recognise.
 */
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

/* Bootstrap arena for dlsym's own allocations (never freed). */
static _Alignas(16) unsigned char boot[16384];
static size_t boot_used;
static int resolving;

static unsigned long fail_at;
static int sticky, trace, armed;
static unsigned long count;
static _Thread_local int inside; /* in the shim's own reporting */

static int in_boot(const void *p)
{
    return (const unsigned char *)p >= boot &&
           (const unsigned char *)p < boot + sizeof boot;
}

static void *boot_alloc(size_t n)
{
    size_t off = (boot_used + 15) & ~(size_t)15;
    if (n > sizeof boot - off)
        return NULL;
    boot_used = off + n;
    return boot + off;
}

static void resolve(void)
{
    if (real_malloc || resolving)
        return;
    resolving = 1;
    /* Function pointers from dlsym()'s void *, without a cast ISO C
     * would frown at. */
    void *sym;
    sym = dlsym(RTLD_NEXT, "calloc");
    memcpy(&real_calloc, &sym, sizeof sym);
    sym = dlsym(RTLD_NEXT, "malloc");
    memcpy(&real_malloc, &sym, sizeof sym);
    sym = dlsym(RTLD_NEXT, "realloc");
    memcpy(&real_realloc, &sym, sizeof sym);
    sym = dlsym(RTLD_NEXT, "free");
    memcpy(&real_free, &sym, sizeof sym);
    resolving = 0;
    if (!real_malloc || !real_calloc || !real_realloc || !real_free) {
        static const char msg[] = "failmalloc: cannot find malloc\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(127);
    }
}

static void report_failure(unsigned long n)
{
    if (!trace)
        return;
    inside = 1;
    char head[80];
    int len = snprintf(head, sizeof head,
                       "failmalloc: allocation %lu fails here:\n", n);
    ssize_t w = write(2, head, (size_t)len);
    (void)w;
    void *frames[64];
    int k = backtrace(frames, 64);
    backtrace_symbols_fd(frames, k, 2);
    inside = 0;
}

/* Count one allocation; true when it is the one (or one of those) to
 * fail. */
static int should_fail(void)
{
    if (!armed || inside)
        return 0;
    unsigned long n = __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED);
    if (!fail_at || (n != fail_at && !(sticky && n > fail_at)))
        return 0;
    report_failure(n);
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t n)
{
    if (!real_malloc) {
        if (resolving)
            return boot_alloc(n);
        resolve();
    }
    if (should_fail())
        return NULL;
    return real_malloc(n);
}

void *calloc(size_t n, size_t m)
{
    if (!real_calloc) {
        if (resolving) {
            if (m && n > SIZE_MAX / m)
                return NULL;
            return boot_alloc(n * m); /* static storage: already zero */
        }
        resolve();
    }
    if (should_fail())
        return NULL;
    return real_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
    if (!real_realloc) {
        if (resolving)
            return p ? NULL : boot_alloc(n);
        resolve();
    }
    if (p && in_boot(p)) { /* move a bootstrap block to the real heap */
        void *q = real_malloc(n);
        if (q) {
            size_t avail = (size_t)(boot + sizeof boot - (unsigned char *)p);
            memcpy(q, p, n < avail ? n : avail);
        }
        return q;
    }
    if (p && n == 0)
        return real_realloc(p, n);
    if (should_fail())
        return NULL;
    return real_realloc(p, n);
}

void free(void *p)
{
    if (!p || in_boot(p))
        return;
    if (!real_free)
        resolve();
    real_free(p);
}

__attribute__((constructor)) static void failmalloc_init(void)
{
    resolve();
    const char *s = getenv("TDKT_FAIL_AT");
    fail_at = s ? strtoul(s, NULL, 10) : 0;
    s = getenv("TDKT_FAIL_STICKY");
    sticky = s && *s && strcmp(s, "0") != 0;
    s = getenv("TDKT_FAIL_TRACE");
    trace = s && *s && strcmp(s, "0") != 0;
    armed = 1;
}

__attribute__((destructor)) static void failmalloc_fini(void)
{
    const char *s = getenv("TDKT_FAIL_COUNT");
    if (!s || !*s || strcmp(s, "0") == 0)
        return;
    armed = 0;
    unsigned long n = __atomic_load_n(&count, __ATOMIC_RELAXED);
    char line[64];
    int len = snprintf(line, sizeof line, "failmalloc: %lu allocations\n", n);
    if (strcmp(s, "1") == 0) {
        ssize_t w = write(2, line, (size_t)len);
        (void)w;
        return;
    }
    FILE *f = fopen(s, "a");
    if (f) {
        fputs(line, f);
        fclose(f);
    }
}
