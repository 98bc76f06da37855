/*
 * slowwrite: an LD_PRELOAD shim that makes every positioned write (the
 * writes SQLite makes to a database and its WAL) take longer, so that a
 * test can land a SIGKILL inside a save that would otherwise last a few
 * milliseconds (tests/cli/test_crash.sh). The writes themselves are
 * unchanged: only a pause comes before each.
 *
 * Environment:
 *   TDKT_SLOW_WRITE_US=N  pause N microseconds before each pwrite/pwrite64
 *                         (unset or 0: no pause)
 *
 * Like failmalloc, it is never built with the sanitizers; under ASan run
 * with ASAN_OPTIONS=verify_asan_link_order=0.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);

static void pause_write(void)
{
    static long us = -1;
    if (us < 0) {
        const char *v = getenv("TDKT_SLOW_WRITE_US");
        us = v ? atol(v) : 0;
        if (us < 0)
            us = 0;
    }
    if (us > 0) {
        struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
        while (nanosleep(&ts, &ts) != 0)
            ;
    }
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    static pwrite_fn real;
    if (!real) {
        void *sym = dlsym(RTLD_NEXT, "pwrite"); /* no cast ISO C frowns at */
        memcpy(&real, &sym, sizeof sym);
    }
    pause_write();
    return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    static pwrite64_fn real;
    if (!real) {
        void *sym = dlsym(RTLD_NEXT, "pwrite64");
        memcpy(&real, &sym, sizeof sym);
    }
    pause_write();
    return real(fd, buf, n, off);
}
