/*
 * The end of a printout: whether everything written to the stream got
 * there. Writes are buffered, so a full disk or a closed pipe shows only
 * when the buffer is flushed; a command must not say it did its work
 * when its output was lost.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tdkt/output.h"

int tdkt_output_done(FILE *out, tdkt_lang lang)
{
    errno = 0;
    if (fflush(out) == 0 && !ferror(out))
        return TDKT_OK;
    int e = errno;
    return tdkt_error_set(TDKT_ERROR, "%s%s%s",
                          TDKT_TR(lang, "không ghi được kết quả ra",
                                  "cannot write the output"),
                          e ? ": " : "", e ? tdkt_os_error(e, lang) : "");
}
