/*
 * The vocabulary tables of shared/domain/vocabulary.md.
 *
 * Matching folds case and normalises to NFC with utf8proc, so "LĐTT",
 * "lđtt" and a decomposed (NFD) "Lao động tiên tiến" all find ldtt.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tdkt/vocab.h"

typedef struct entry {
    const char *code;
    const char *vi;
    const char *en;
    const char *abbrev;  /* usual abbreviation, or NULL */
    const char *aliases; /* more accepted spellings, '|' separated */
} entry;

static const entry subjects[] = {
    {"person", "Cá nhân", "Individual", NULL, "cá nhân"},
    {"unit", "Tập thể", "Collective", NULL, "tập thể"},
    {"nomination", "Đề nghị", "Nomination", NULL, NULL},
};

static const entry awards[] = {
    {"ldtt", "Lao động tiên tiến", "Advanced Worker", "LĐTT", NULL},
    {"cstt", "Chiến sĩ tiên tiến", "Advanced Soldier", "CSTT", NULL},
    {"cstd_cs", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter",
     "CSTĐCS", NULL},
    {"cstd_tinh", "Chiến sĩ thi đua cấp tỉnh",
     "Provincial Emulation Fighter", "CSTĐ cấp tỉnh",
     "Chiến sĩ thi đua cấp tỉnh (cấp bộ, ban, ngành, tỉnh)"},
    {"cstd_tq", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter",
     "CSTĐTQ", NULL},
    {"ttldtt", "Tập thể lao động tiên tiến", "Advanced Labour Collective",
     "TTLĐTT", NULL},
    {"ttldxs", "Tập thể lao động xuất sắc", "Excellent Labour Collective",
     "TTLĐXS", NULL},
    {"co_tinh", "Cờ thi đua cấp tỉnh", "Provincial Emulation Flag",
     "Cờ thi đua UBND tỉnh",
     "Cờ thi đua cấp tỉnh (của Ủy ban nhân dân tỉnh)"},
    {"co_cp", "Cờ thi đua của Chính phủ", "Government Emulation Flag",
     "Cờ thi đua Chính phủ", NULL},
    {"giay_khen", "Giấy khen", "Certificate of Commendation", "GK", NULL},
    {"bk_tinh", "Bằng khen của Chủ tịch UBND tỉnh",
     "Provincial Certificate of Merit", "Bằng khen UBND tỉnh",
     "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cấp bộ, ban, ngành, "
     "tỉnh)|Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
    {"bk_ttg", "Bằng khen của Thủ tướng Chính phủ",
     "Prime Minister's Certificate of Merit", "BKTTg", NULL},
    {"hcld3", "Huân chương Lao động hạng Ba", "Third-class Labour Order",
     "HCLĐ hạng Ba", NULL},
    {"hcld2", "Huân chương Lao động hạng Nhì", "Second-class Labour Order",
     "HCLĐ hạng Nhì", NULL},
    {"hcld1", "Huân chương Lao động hạng Nhất", "First-class Labour Order",
     "HCLĐ hạng Nhất", NULL},
    {"huy_hieu_tinh", "Huy hiệu của tỉnh", "Provincial Badge", NULL, NULL},
};

static const unsigned char award_subjects[] = {
    TDKT_AWARDS_PERSON, TDKT_AWARDS_PERSON, TDKT_AWARDS_PERSON,
    TDKT_AWARDS_PERSON, TDKT_AWARDS_PERSON, TDKT_AWARDS_UNIT,
    TDKT_AWARDS_UNIT,   TDKT_AWARDS_UNIT,   TDKT_AWARDS_UNIT,
    TDKT_AWARDS_BOTH,   TDKT_AWARDS_BOTH,   TDKT_AWARDS_BOTH,
    TDKT_AWARDS_BOTH,   TDKT_AWARDS_BOTH,   TDKT_AWARDS_BOTH,
    TDKT_AWARDS_BOTH,
};

static const entry ratings[] = {
    {"incomplete", "Không hoàn thành nhiệm vụ", "Task not completed",
     "KHTNV", "KHT"},
    {"complete", "Hoàn thành nhiệm vụ", "Task completed", "HTNV", "HT"},
    {"good", "Hoàn thành tốt nhiệm vụ", "Task completed well", "HTTNV",
     "HTT"},
    {"excellent", "Hoàn thành xuất sắc nhiệm vụ",
     "Task completed excellently", "HTXSNV", "HTXS"},
};

static const entry kinds[] = {
    {"merit", "Khen thưởng theo công trạng và thành tích",
     "Merit (regular, yearly)", NULL,
     "Khen thưởng theo công trạng và thành tích đạt được (thường xuyên, "
     "hằng năm)|công trạng"},
    {"thematic", "Khen thưởng theo đợt, chuyên đề",
     "Thematic (campaign, movement)", NULL,
     "Khen thưởng theo đợt, chuyên đề / theo phong trào thi đua|chuyên đề"},
    {"ad_hoc", "Khen thưởng đột xuất", "Ad hoc", NULL, "đột xuất"},
    {"dedication", "Khen thưởng quá trình cống hiến", "Dedication", NULL,
     "cống hiến"},
    {"seniority", "Khen thưởng theo niên hạn", "Seniority", NULL,
     "niên hạn"},
    {"foreign", "Khen thưởng đối ngoại", "Foreign relations", NULL,
     "đối ngoại"},
    {"resistance", "Khen thưởng thành tích kháng chiến",
     "Resistance achievements", NULL, "kháng chiến"},
};

static const entry levels[] = {
    {"reprimand", "Khiển trách", "Reprimand", NULL, NULL},
    {"warning", "Cảnh cáo", "Warning", NULL, NULL},
    {"demotion", "Hạ bậc lương / Giáng chức", "Demotion", NULL,
     "Hạ bậc lương|Giáng chức"},
    {"removal", "Cách chức", "Removal from office", NULL, NULL},
    {"dismissal", "Buộc thôi việc", "Dismissal", NULL, NULL},
};

static const entry scopes[] = {
    {"unit", "Cấp cơ sở", "Unit level", NULL,
     "Công nhận, áp dụng trong phạm vi cơ sở|cơ sở"},
    {"province", "Cấp tỉnh", "Provincial level", NULL,
     "Phạm vi cấp bộ, ban, ngành, tỉnh|tỉnh"},
    {"national", "Toàn quốc", "National level", NULL,
     "Phạm vi toàn quốc"},
};

static const entry init_kinds[] = {
    {"initiative", "Sáng kiến", "Initiative", NULL, NULL},
    {"research", "Đề tài, đề án khoa học", "Research project", NULL,
     "đề tài"},
    {"invention", "Sáng chế, giải pháp hữu ích", "Invention", NULL,
     "sáng chế"},
    {"combat", "Mưu trí, sáng tạo trong chiến đấu", "Combat ingenuity",
     NULL, NULL},
};

static const entry unit_kinds[] = {
    {"agency", "Cơ quan", "Agency", NULL, NULL},
    {"public_service", "Đơn vị sự nghiệp công lập", "Public service unit",
     NULL, NULL},
    {"enterprise", "Doanh nghiệp", "Enterprise", NULL, NULL},
    {"cooperative", "Hợp tác xã", "Cooperative", NULL, NULL},
    {"local_government", "Chính quyền địa phương", "Local government",
     NULL, NULL},
    {"armed_forces", "Lực lượng vũ trang", "Armed forces", NULL, NULL},
    {"social_org", "Tổ chức chính trị - xã hội", "Social organisation",
     NULL, NULL},
    {"household", "Hộ gia đình", "Household", NULL, NULL},
    {"other", "Khác", "Other", NULL, NULL},
};

static const entry categories[] = {
    {"civil_servant", "Công chức", "Civil servant", NULL, NULL},
    {"public_employee", "Viên chức", "Public employee", NULL, NULL},
    {"worker", "Công nhân", "Worker", NULL, NULL},
    {"farmer", "Nông dân", "Farmer", NULL, NULL},
    {"soldier", "Chiến sĩ", "Soldier", NULL, NULL},
    {"direct_worker", "Người lao động trực tiếp", "Direct worker", NULL,
     NULL},
    {"entrepreneur", "Doanh nhân", "Entrepreneur", NULL, NULL},
    {"other", "Khác", "Other", NULL, NULL},
};

static const entry genders[] = {
    {"female", "Nữ", "Female", NULL, NULL},
    {"male", "Nam", "Male", NULL, NULL},
};

static const entry absences[] = {
    {"maternity", "Nghỉ thai sản", "Maternity leave", NULL, NULL},
    {"work_injury", "Điều trị thương do làm nhiệm vụ", "Duty injury", NULL,
     NULL},
    {"training", "Đi học, đào tạo", "Training", NULL, NULL},
    {"sick", "Nghỉ ốm", "Sick leave", NULL, NULL},
    {"other", "Khác", "Other", NULL, NULL},
};

/* Who launched the emulation movement a nomination comes from (fact
 * movement_launched_by). vocabulary.md lists the codes alone; the names
 * are those Luật Thi đua, khen thưởng 2022 gives them. */
static const entry launchers[] = {
    {"president", "Chủ tịch nước", "President", NULL, NULL},
    {"prime_minister", "Thủ tướng Chính phủ", "Prime Minister", NULL, NULL},
    {"central_council", "Hội đồng Thi đua - Khen thưởng Trung ương",
     "Central Emulation and Commendation Council", NULL, NULL},
    {"ministry", "Bộ, ban, ngành, đoàn thể trung ương",
     "Ministry, central agency or mass organisation", NULL, NULL},
    {"province", "Tỉnh, thành phố trực thuộc trung ương",
     "Province or centrally-run city", NULL, NULL},
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
/* Each domain's entries, and what they are called in messages. */
static const struct {
    const entry *e;
    int n;
    const char *noun[2]; /* vi, en */
} domains[TDKT_V_COUNT_] = {
    [TDKT_V_SUBJECT] = {subjects, N(subjects),
                        {"loại đối tượng", "subject type"}},
    [TDKT_V_AWARD] = {awards, N(awards),
                      {"danh hiệu, hình thức khen thưởng", "award code"}},
    [TDKT_V_RATING] = {ratings, N(ratings), {"xếp loại", "rating"}},
    [TDKT_V_KIND] = {kinds, N(kinds),
                     {"loại hình khen thưởng", "kind of honour"}},
    [TDKT_V_LEVEL] = {levels, N(levels),
                      {"hình thức kỷ luật", "disciplinary level"}},
    [TDKT_V_SCOPE] = {scopes, N(scopes), {"phạm vi", "scope"}},
    [TDKT_V_INIT_KIND] = {init_kinds, N(init_kinds),
                          {"loại sáng kiến", "initiative kind"}},
    [TDKT_V_UNIT_KIND] = {unit_kinds, N(unit_kinds),
                          {"loại hình đơn vị", "unit kind"}},
    [TDKT_V_CATEGORY] = {categories, N(categories), {"đối tượng", "category"}},
    [TDKT_V_GENDER] = {genders, N(genders), {"giới tính", "gender"}},
    [TDKT_V_ABSENCE] = {absences, N(absences), {"lý do nghỉ", "absence reason"}},
    [TDKT_V_LAUNCHER] = {launchers, N(launchers),
                         {"cấp phát động phong trào", "movement launcher"}},
};

_Static_assert(sizeof(awards) / sizeof(awards[0]) == TDKT_AWARD_COUNT_,
               "award table and enum disagree");
_Static_assert(sizeof(award_subjects) == TDKT_AWARD_COUNT_,
               "award subject table and enum disagree");

int tdkt_vocab_count(tdkt_vocab_domain d)
{
    return (unsigned)d < TDKT_V_COUNT_ ? domains[d].n : 0;
}

bool tdkt_utf8_valid(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (n > 0) {
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* Whether @p c is a space that may stand around a cell's text: a tab, a
 * Unicode space separator (Zs: the space, the no-break spaces U+00A0,
 * U+2007 and U+202F that spreadsheets and web pages carry, U+2000 to
 * U+200A, U+3000…) or U+FEFF (a byte-order mark pasted in with a text). */
static bool is_space(utf8proc_int32_t c)
{
    return c == '\t' || c == 0xFEFF ||
           utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

size_t tdkt_text_space_at(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) /* most cells: one comparison */
        return c == ' ' || c == '\t';
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)n, &cp);
    return k > 0 && is_space(cp) ? (size_t)k : 0;
}

/* The bytes of the space that ends @p s (@p n bytes), 0 when none. */
static size_t space_before(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[n - 1];
    if (c < 0x80)
        return c == ' ' || c == '\t';
    size_t k = 1; /* back to the first byte of the last character */
    while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xC0) == 0x80)
        k++;
    return tdkt_text_space_at(s + n - k, k) == k ? k : 0;
}

/* A byte that is neither a space nor part of a wider character: a cell
 * that begins and ends with one (nearly every cell) is trimmed already. */
static inline bool plain_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return u > ' ' && u < 0x80;
}

const char *tdkt_text_trim(const char *s, size_t *len)
{
    size_t n = *len, k;
    if (n == 0 || (plain_byte(s[0]) && plain_byte(s[n - 1])))
        return s; /* the import calls this for every cell, twice */
    while (n > 0 && (k = tdkt_text_space_at(s, n)) > 0) {
        s += k;
        n -= k;
    }
    while (n > 0 && (k = space_before(s, n)) > 0)
        n -= k;
    *len = n;
    return s;
}

char *tdkt_text_fold(const char *text)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map(
        (const utf8proc_uint8_t *)text, 0, &out,
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
            UTF8PROC_CASEFOLD);
    if (r < 0)
        return NULL;
    return (char *)out;
}

char *tdkt_text_nfc(const char *text)
{
    return (char *)utf8proc_NFC((const utf8proc_uint8_t *)text);
}

/* Case-folded, composed text in a caller's buffer, without allocating: a
 * lookup must not turn "no memory" into "unknown code" and blame the
 * data. Text longer than FOLD_MAX code points matches no entry (NULL). */
#define FOLD_MAX 256
typedef struct fold_buf {
    utf8proc_int32_t cp[FOLD_MAX + 1];
} fold_buf;

static const char *fold_into(fold_buf *b, const char *text)
{
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t n = utf8proc_decompose(
        (const utf8proc_uint8_t *)text, (utf8proc_ssize_t)strlen(text),
        b->cp, FOLD_MAX, opt);
    if (n < 0 || n > FOLD_MAX)
        return NULL;
    n = utf8proc_reencode(b->cp, n, opt); /* in place, NUL-terminated */
    return n < 0 ? NULL : (const char *)b->cp;
}

/* Compare the folded needle with one '|'-separated candidate list. */
static bool matches_list(const char *folded, const char *list)
{
    if (!list)
        return false;
    const char *p = list;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        char one[256];
        if (len < sizeof one) {
            memcpy(one, p, len);
            one[len] = '\0';
            fold_buf b;
            const char *f = fold_into(&b, one);
            if (f && strcmp(f, folded) == 0)
                return true;
        }
        p += len;
        if (*p == '|')
            p++;
    }
    return false;
}

int tdkt_vocab_lookup(tdkt_vocab_domain d, const char *text)
{
    if ((unsigned)d >= TDKT_V_COUNT_ || !text)
        return -1;
    const entry *e = domains[d].e;
    int n = domains[d].n;
    /* The code itself, exactly: the common case, no allocation. */
    for (int i = 0; i < n; i++)
        if (strcmp(e[i].code, text) == 0)
            return i;
    fold_buf b;
    const char *folded = fold_into(&b, text);
    if (!folded)
        return -1;
    int found = -1;
    for (int i = 0; i < n && found < 0; i++) {
        if (matches_list(folded, e[i].code) ||
            matches_list(folded, e[i].vi) ||
            matches_list(folded, e[i].abbrev) ||
            matches_list(folded, e[i].aliases))
            found = i;
    }
    return found;
}

const char *tdkt_vocab_domain_name(tdkt_vocab_domain d, tdkt_lang lang)
{
    if ((unsigned)d >= TDKT_V_COUNT_)
        return lang == TDKT_LANG_EN ? "code" : "mã";
    return domains[d].noun[lang == TDKT_LANG_EN];
}

const char *tdkt_vocab_code(tdkt_vocab_domain d, int i)
{
    if ((unsigned)d >= TDKT_V_COUNT_ || i < 0 || i >= domains[d].n)
        return NULL;
    return domains[d].e[i].code;
}

const char *tdkt_vocab_name(tdkt_vocab_domain d, int i, tdkt_lang lang)
{
    if ((unsigned)d >= TDKT_V_COUNT_ || i < 0 || i >= domains[d].n)
        return NULL;
    return lang == TDKT_LANG_EN ? domains[d].e[i].en : domains[d].e[i].vi;
}

const char *tdkt_vocab_abbrev(tdkt_vocab_domain d, int i)
{
    if ((unsigned)d >= TDKT_V_COUNT_ || i < 0 || i >= domains[d].n)
        return NULL;
    const entry *e = &domains[d].e[i];
    return e->abbrev ? e->abbrev : e->code;
}

int tdkt_award_subjects(int award)
{
    if (award < 0 || award >= TDKT_AWARD_COUNT_)
        return 0;
    return award_subjects[award];
}
