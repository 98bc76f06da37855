/*
 * Temporary files beside a target, "TARGET.XXXXXX", renamed over the
 * target once written. A writer killed half-way (Ctrl-C during an import
 * of a million people) leaves its file, as large as the target, and
 * nothing else would ever remove it. So each writer holds an flock() on
 * its file until it is done, which the kernel drops when the process
 * dies, and the next writer removes the files nobody holds.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "index/temp.h"

#define SUFFIX ".XXXXXX"
#define SUFFIX_LEN 7
/* A file this new is left alone even when unlocked: its writer may be
 * between mkostemp() and flock(). */
#define GRACE_SECONDS 60

int ix_temp_open(const char *target, char **name)
{
    size_t n = strlen(target) + sizeof SUFFIX;
    char *p = malloc(n);
    if (!p)
        return -1;
    snprintf(p, n, "%s%s", target, SUFFIX);
    int fd = mkostemp(p, O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        free(p);
        errno = e;
        return -1;
    }
    /* Where locks are not supported the file is unprotected; the sweep
     * cannot lock it either and leaves it alone. */
    (void)flock(fd, LOCK_EX | LOCK_NB);
    *name = p;
    return fd;
}

/* Is @p name "BASE" followed by six characters mkstemp() may choose? */
static bool is_temp_of(const char *name, const char *base, size_t blen)
{
    if (strncmp(name, base, blen) != 0 || name[blen] != '.' ||
        strlen(name) != blen + SUFFIX_LEN)
        return false;
    for (size_t i = blen + 1; name[i]; i++)
        if (!isalnum((unsigned char)name[i]))
            return false;
    return true;
}

/* Remove @p name (in @p dir) if it is an old regular file no process
 * holds locked. */
static void sweep_one(int dir, const char *name, time_t now)
{
    struct stat st;
    if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode) || now - st.st_mtime < GRACE_SECONDS)
        return;
    int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0)
        (void)unlinkat(dir, name, 0); /* its writer is gone */
    close(fd);
}

void ix_temp_sweep(const char *target)
{
    char *d = strdup(target), *b = strdup(target);
    if (!d || !b) {
        free(d);
        free(b);
        return;
    }
    const char *base = basename(b);
    size_t blen = strlen(base);
    DIR *dir = opendir(dirname(d));
    if (dir) {
        time_t now = time(NULL);
        struct dirent *e;
        while ((e = readdir(dir)))
            if (is_temp_of(e->d_name, base, blen))
                sweep_one(dirfd(dir), e->d_name, now);
        closedir(dir);
    }
    free(d);
    free(b);
}
