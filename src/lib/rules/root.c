/* Where the shipped rule sets are: installed beside the binary
 * (PREFIX/share/tdkt/rules), else the source tree it was built from. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tdkt/rules.h"

const char *tdkt_rules_default_root(void)
{
    static _Thread_local char path[4096];
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (strlen(exe) + 24 >= sizeof path)
                return TDKT_RULES_SOURCE_DIR;
            memcpy(path, exe, strlen(exe));
            memcpy(path + strlen(exe), "/../share/tdkt/rules", 21);
            if (access(path, R_OK) == 0)
                return path;
        }
    }
    if (access(TDKT_RULES_INSTALL_DIR, R_OK) == 0)
        return TDKT_RULES_INSTALL_DIR;
    return TDKT_RULES_SOURCE_DIR;
}
