/*
 * The text of a cell as it is stored (importer.h), one function for every
 * cell: the ids pass 1 reads ahead (ids.c) and every cell pass 2 checks,
 * so that an id and each reference to it are the same bytes however the
 * file spelled them.
 */
#include <stdlib.h>
#include <string.h>

#include "import/importer.h"

/* Whether @p s (valid UTF-8, the reader checked) is NFC for certain
 * without asking utf8proc, which costs an allocation and two passes: a
 * third more on a whole import, where nearly every Vietnamese cell is
 * precomposed already. True when every character is one that NFC leaves
 * as it is and that never composes with the one before: below U+0300
 * (ASCII, Latin-1, Latin Extended A and B: đ, ơ, ư…), Latin Extended
 * Additional U+1E00–U+1EFF (ạ, ả, ấ… ỹ), dashes, quotes and the other
 * general punctuation U+2010–U+206F, currency signs U+20A0–U+20CF.
 * (Checked against Unicode's data: none decomposes, none combines.) */
static bool surely_nfc(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        uint32_t c = *p;
        if (c < 0x80) {
            p++;
        } else if (c < 0xE0) { /* two bytes: below U+0800 */
            if (((c & 0x1F) << 6 | (p[1] & 0x3F)) >= 0x300)
                return false;
            p += 2;
        } else if (c < 0xF0) {
            c = (c & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            if (!(c >= 0x1E00 && c <= 0x1EFF) &&
                !(c >= 0x2010 && c <= 0x206F) && !(c >= 0x20A0 && c <= 0x20CF))
                return false;
            p += 3;
        } else {
            return false;
        }
    }
    return true;
}

/* A cell's text as it is stored:
 * - without the spaces around it (tdkt_text_trim), which spreadsheets
 *   keep: "U1 " or "U1" and a no-break space (Excel, web pages) was
 *   another unit than "U1" (and " good" no rating at all); a cell of only
 *   spaces is empty (*@p s NULL);
 * - composed (NFC): an id or a name typed with combining accents (NFD,
 *   as some keyboards and systems write Vietnamese) and the same typed
 *   precomposed must be one id, one name, or the messages would quote
 *   two spellings that look the same.
 * *@p s and *@p len are the cell (valid UTF-8, the reader checked), then
 * its text, in *@p owned (to free) when it had to be copied: most cells
 * need neither, and are not copied.
 * @return 0 or TDKT_ENOMEM */
int import_cell_text(const char **s, size_t *len, char **owned)
{
    size_t trimmed = *len;
    const char *text = tdkt_text_trim(*s, &trimmed);
    *owned = NULL;
    if (trimmed == 0) {
        *s = NULL;
        *len = 0;
        return TDKT_OK;
    }
    if (trimmed < *len) {
        char *t = strndup(text, trimmed);
        if (!t)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        *s = *owned = t;
        *len = trimmed;
    }
    if (surely_nfc(*s, *len))
        return TDKT_OK;
    char *n = tdkt_text_nfc(*s);
    if (!n) /* the reader lets only valid UTF-8 through */
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (strcmp(n, *s) == 0) {
        free(n);
        return TDKT_OK;
    }
    free(*owned);
    *len = strlen(n);
    *s = *owned = n;
    return TDKT_OK;
}
