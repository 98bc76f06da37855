/*
 * The import's problems, worded in the user's language (importer.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "import/importer.h"

void import_diag(importer *im,
                 const char *file,
                 long line,
                 const char *column,
                 const char *fmt,
                 ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    im->problems++;
    int error = tdkt_diags_add(im->diags, file, line, column, "%s", msg);
    if (error < 0 && im->error == 0)
        im->error = error;
}

shown import_show(const char *s)
{
    shown r;
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        size_t k = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (n + k > 60) {
            memcpy(r.s + n, "…", sizeof "…");
            return r;
        }
        /* Stop at a NUL even inside a sequence: file names from the
         * folder may be any bytes. */
        size_t i = 0;
        for (; i < k && p[i]; i++)
            r.s[n++] = p[i] < 0x20 || p[i] == 0x7f ? '?' : (char)p[i];
        p += i;
    }
    r.s[n] = '\0';
    return r;
}

/* "a, b, c or d" in the language of the messages. */
void import_join_list(tdkt_buf *b,
                      const char *const *items,
                      size_t n,
                      tdkt_lang lang)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            tdkt_buf_puts(b,
                          i + 1 < n ? ", " : TDKT_TR(lang, " hoặc ", " or "));
        tdkt_buf_puts(b, items[i]);
    }
}

/* The codes of a domain a cell may hold (those in @p mask), comma
 * separated: the message goes on "… or their Vietnamese names". */
static void expected_codes(tdkt_buf *b, tdkt_vocab_domain d, unsigned mask)
{
    int count = tdkt_vocab_count(d);
    bool first = true;
    for (int i = 0; i < count; i++) {
        /* Ratings best first, as data-format.md lists them. */
        int k = d == TDKT_V_RATING ? count - 1 - i : i;
        if (!(mask & 1u << k))
            continue;
        tdkt_buf_printf(b, "%s%s", first ? "" : ", ", tdkt_vocab_code(d, k));
        first = false;
    }
}

static const char *const set_noun[TDKT__SET_COUNT_][2] = {
    [TDKT__SET_UNITS] = {"đơn vị", "unit"},
    [TDKT__SET_PEOPLE] = {"cá nhân", "person"},
    [TDKT__SET_NOMINATIONS] = {"đề nghị", "nomination"},
    [TDKT__SET_INITIATIVES] = {"sáng kiến", "initiative"},
};

const char *import_noun(const char *const pair[2], tdkt_lang lang)
{
    return pair[lang == TDKT_LANG_EN];
}

/* Where a row was first seen: "line 3", or "FILE:3" in another file. */
void import_where(char *buf,
                  size_t n,
                  const importer *im,
                  const file_ctx *fc,
                  uint32_t file,
                  uint32_t line)
{
    if (file == fc->index)
        snprintf(buf, n, "%s %u", TDKT_TR(im->lang, "dòng", "line"), line);
    else
        snprintf(buf, n, "%s:%u", im->files[file - 1].path, line);
}

void import_unknown_code(file_ctx *fc,
                         const tdkt__coldef *c,
                         tdkt_vocab_domain d,
                         unsigned mask,
                         const char *s)
{
    tdkt_buf codes = {0};
    expected_codes(&codes, d, mask);
    ROW_DIAG(fc, c->name,
             "%s '%s' không hợp lệ (cần một trong: %s hoặc tên tiếng Việt "
             "tương ứng)",
             "unknown %s '%s' (expected %s or their Vietnamese names)",
             tdkt_vocab_domain_name(d, fc->im->lang), import_show(s).s,
             tdkt_buf_cstr(&codes));
    tdkt_buf_free(&codes);
}

void import_unknown_ref(file_ctx *fc,
                        const tdkt__coldef *c,
                        int set,
                        const char *s)
{
    ROW_DIAG(fc, c->name,
             "không tìm thấy %s '%s' (không có trong cơ sở dữ liệu hay "
             "trong lần nhập này)",
             "unknown %s '%s' (not in the database nor in this import)",
             import_noun(set_noun[set], fc->im->lang), import_show(s).s);
}
