/*
 * Vocabulary lookups (src/lib/core/vocab.c). Matching folds case and
 * composition without allocating (so that no memory cannot read as
 * "unknown code"); these cases check that it still finds every spelling
 * the allocating fold (tdkt_text_fold) would: codes, names, abbreviations
 * and aliases, in upper case and decomposed (NFD).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "helpers.h"
#include "tdkt/vocab.h"

/* text upper-cased and decomposed: a spelling only a fold can match */
static char *mangle(const char *text)
{
    utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)text);
    assert_non_null(nfd);
    size_t n = strlen((char *)nfd);
    char *out = malloc(4 * n + 1);
    assert_non_null(out);
    size_t len = 0;
    const utf8proc_uint8_t *p = nfd;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        assert_true(k > 0);
        len += (size_t)utf8proc_encode_char(utf8proc_toupper(cp),
                                            (utf8proc_uint8_t *)out + len);
        p += k;
    }
    out[len] = '\0';
    free(nfd);
    return out;
}

static void test_every_name_found_however_spelled(void **state)
{
    (void)state;
    for (int d = 0; d < TDKT_V_COUNT_; d++)
        for (int i = 0; i < tdkt_vocab_count((tdkt_vocab_domain)d); i++) {
            const char *names[] = {
                tdkt_vocab_code((tdkt_vocab_domain)d, i),
                tdkt_vocab_name((tdkt_vocab_domain)d, i, TDKT_LANG_VI)};
            for (int k = 0; k < 2; k++) {
                char *m = mangle(names[k]);
                int got = tdkt_vocab_lookup((tdkt_vocab_domain)d, m);
                /* two entries may share a folded spelling: then the
                 * first wins, and it must fold to the same text */
                if (got != i) {
                    assert_true(got >= 0 && got < i);
                    char *a = tdkt_text_fold(m);
                    char *b = tdkt_text_fold(tdkt_vocab_name(
                        (tdkt_vocab_domain)d, got, TDKT_LANG_VI));
                    char *c = tdkt_text_fold(
                        tdkt_vocab_code((tdkt_vocab_domain)d, got));
                    assert_true(strcmp(a, b) == 0 || strcmp(a, c) == 0);
                    free(a);
                    free(b);
                    free(c);
                }
                free(m);
            }
        }
}

static void test_abbreviations_and_aliases(void **state)
{
    (void)state;
    int ldtt = tdkt_vocab_lookup(TDKT_V_AWARD, "ldtt");
    assert_true(ldtt >= 0);
    assert_int_equal(tdkt_vocab_lookup(TDKT_V_AWARD, "lđtt"), ldtt);
    assert_int_equal(tdkt_vocab_lookup(TDKT_V_AWARD, "LĐTT"), ldtt);
    int bk = tdkt_vocab_lookup(TDKT_V_AWARD, "bk_tinh");
    assert_int_equal(
        tdkt_vocab_lookup(TDKT_V_AWARD, "BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN "
                                        "NHÂN DÂN TỈNH"),
        bk); /* the second of two '|'-separated aliases */
}

static void test_unknown_and_too_long(void **state)
{
    (void)state;
    assert_int_equal(tdkt_vocab_lookup(TDKT_V_AWARD, "không có"), -1);
    assert_int_equal(tdkt_vocab_lookup(TDKT_V_AWARD, ""), -1);
    char *long_text = malloc(5001);
    assert_non_null(long_text);
    memset(long_text, 'A', 5000);
    long_text[5000] = '\0';
    assert_int_equal(tdkt_vocab_lookup(TDKT_V_AWARD, long_text), -1);
    free(long_text);
}

/* Text without the spaces around it: ASCII ones and tabs, the Unicode
 * space separators (no-break U+00A0, figure U+2007, narrow no-break
 * U+202F, ideographic U+3000) and U+FEFF; spaces inside stay, and so do
 * bytes that are not UTF-8. */
static void test_text_trim(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"U1", "U1"},
        {" \tU1\t ", "U1"},
        {"\xC2\xA0U1\xC2\xA0", "U1"},
        {"\xE2\x80\xAF\xE2\x80\x87U 1\xE3\x80\x80\xEF\xBB\xBF", "U 1"},
        {"\xE2\x80\x8AHo\xC3\xA0 \xC2\xA0", "Ho\xC3\xA0"},
        {" \xC2\xA0 \xEF\xBB\xBF", ""},
        {"", ""},
        {" \xFF\xA0 ", "\xFF\xA0"}, /* not UTF-8: text */
        {"\xA0 x", "\xA0 x"},
        {"x\xC2", "x\xC2"},
        {"\xE2\x80\x8B", "\xE2\x80\x8B"}, /* a zero-width space is no Zs */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i].in);
        const char *t = tdkt_text_trim(cases[i].in, &len);
        if (len != strlen(cases[i].out) ||
            memcmp(t, cases[i].out, len) != 0)
            fail_msg("case %zu: got '%.*s'", i, (int)len, t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_name_found_however_spelled),
        cmocka_unit_test(test_abbreviations_and_aliases),
        cmocka_unit_test(test_unknown_and_too_long),
        cmocka_unit_test(test_text_trim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
