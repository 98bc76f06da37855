/*
 * Checking a row of a record file (importer.h): each cell checked and
 * converted, the rules between cells, and the natural key of the tables
 * that have one instead of an id.
 */
#include <assert.h>
#include <string.h>

#include "tdkt/date.h"
#include "import/importer.h"

/* Distinct spellings of codes remembered per domain (the lookup of a
 * Vietnamese name normalises text, which is too slow to do per cell). */
#define MAX_SPELLINGS 1024

/* Bits of a packed natural key given to each kind of key column. */
#define BITS_SUBJECT_TYPE 2
#define BITS_INDEX 32
#define BITS_YEAR 13 /* year - 1899, 0 for none */
#define BITS_CODE 5
#define BITS_DATE 22     /* (year - 1899) * 372 + (month - 1) * 31 + day - 1 */
#define BITS_FACT_KEY 17 /* what is left of 64 bits in facts */

/* A code by any accepted spelling, remembered per domain. */
static int
lookup_code(importer *im, tdkt_vocab_domain d, const char *s, size_t len)
{
    tdkt__strset *set = &im->spellings[d];
    uint32_t idx = tdkt__strset_find(set, s, len);
    if (idx != TDKT__NONE)
        return tdkt__strset_at(set, idx)->value;
    int code = tdkt_vocab_lookup(d, s);
    if (set->count < MAX_SPELLINGS) {
        int rc = tdkt__strset_add(set, s, len, &idx);
        if (rc < 0 && im->error == 0)
            im->error = rc;
        else if (rc >= 0)
            tdkt__strset_at(set, idx)->value = code;
    }
    return code;
}

static bool is_snake_case(const char *s)
{
    if (*s < 'a' || *s > 'z')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

/* honours.initiatives: each id known; stored as "I1;I2" without blanks. */
static void
check_initiatives(file_ctx *fc, const tdkt__coldef *c, const char *s, value *v)
{
    importer *im = fc->im;
    im->list.len = 0;
    while (*s) {
        const char *end = strchr(s, ';');
        size_t n = end ? (size_t)(end - s) : strlen(s), len = n;
        const char *a = tdkt_text_trim(s, &len), *b = a + len;
        if (b > a) {
            if (tdkt__strset_find(&im->ids[TDKT__SET_INITIATIVES], a,
                                  (size_t)(b - a)) == TDKT__NONE) {
                char id[128];
                size_t k = (size_t)(b - a) < sizeof id ? (size_t)(b - a)
                                                       : sizeof id - 1;
                memcpy(id, a, k);
                id[k] = '\0';
                import_unknown_ref(fc, c, TDKT__SET_INITIATIVES, id);
            }
            if (im->list.len)
                tdkt_buf_put(&im->list, ";", 1);
            tdkt_buf_put(&im->list, a, (size_t)(b - a));
        }
        s += n + (end ? 1 : 0);
    }
    if (im->list.oom && im->error == 0)
        im->error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (im->list.len)
        *v = (value){.type = V_TEXT, .s = im->list.ptr, .len = im->list.len};
}

static int subject_set(int subject)
{
    return subject == TDKT_PERSON ? TDKT__SET_PEOPLE
           : subject == TDKT_UNIT ? TDKT__SET_UNITS
                                  : TDKT__SET_NOMINATIONS;
}

/* The row's own id; a second row with it names the first. */
static void check_id(
    file_ctx *fc, const tdkt__coldef *c, const char *s, size_t len, value *v)
{
    importer *im = fc->im;
    tdkt__strset *set = &im->ids[c->arg];
    int rc = tdkt__strset_add(set, s, len, &v->idx);
    if (rc < 0) {
        im->error = rc;
        return;
    }
    tdkt__strset_entry *e = tdkt__strset_at(set, v->idx);
    if (!tdkt__tables[fc->table].unique_id)
        return;
    if (!e->file) { /* its first row: pass 1 skipped the set */
        e->file = fc->index;
        e->line = fc->line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)fc->line;
        return;
    }
    if (e->file != fc->index || (long)e->line != fc->line) {
        char at[1100];
        import_where(at, sizeof at, im, fc, e->file, e->line);
        ROW_DIAG(fc, c->name, "mã '%s' bị trùng (đã có ở %s)",
                 "duplicate id '%s' (also at %s)", import_show(s).s, at);
    }
}

/* Whether a cell the year or date parser refused has the right @p shape
 * ('d' a digit, other bytes as they are) and a year outside the years
 * tdkt takes (TDKT_YEAR_MIN..MAX): the writer of such a cell deserves to
 * hear that rather than that the form is wrong. */
static bool year_out_of_range(const char *s, size_t len, const char *shape)
{
    if (len != strlen(shape))
        return false;
    for (size_t i = 0; i < len; i++)
        if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
            return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
               (s[3] - '0');
    return year < TDKT_YEAR_MIN || year > TDKT_YEAR_MAX;
}

/* A year or date cell of the right form, but a year out of range. */
static void out_of_range(file_ctx *fc, const tdkt__coldef *c, const char *s)
{
    static const char *const what[2][2] = {{"năm", "year"}, {"ngày", "date"}};
    ROW_DIAG(fc, c->name, "%s '%s' không hợp lệ (chỉ nhận năm từ %d đến %d)",
             "invalid %s '%s' (years from %d to %d only)",
             import_noun(what[c->kind == TDKT__COL_DATE], fc->im->lang),
             import_show(s).s, TDKT_YEAR_MIN, TDKT_YEAR_MAX);
}

/* ---- attested facts ------------------------------------------------- */

/* What the value of each fact that vocabulary.md lists must be: 0 or 1,
 * a whole number, or a code of a vocabulary domain. A key it does not
 * list (a regulation's new criterion) takes any text. */
enum fact_value { FACT_BOOL, FACT_WHOLE, FACT_CODE };

static const struct {
    const char *key;
    enum fact_value value;
    tdkt_vocab_domain domain; /* FACT_CODE */
} listed_facts[] = {
    {"compliance", FACT_BOOL, 0},
    {"self_reliance", FACT_BOOL, 0},
    {"studies", FACT_BOOL, 0},
    {"ethics", FACT_BOOL, 0},
    {"productive", FACT_BOOL, 0},
    {"outstanding", FACT_BOOL, 0},
    {"influence_scope", FACT_CODE, TDKT_V_SCOPE},
    {"internal_unity", FACT_BOOL, 0},
    {"emulation_movement", FACT_BOOL, 0},
    {"party_org_clean", FACT_BOOL, 0},
    {"thrift", FACT_BOOL, 0},
    {"exceeded_targets", FACT_BOOL, 0},
    {"new_model", FACT_BOOL, 0},
    {"bloc_rank", FACT_WHOLE, 0},
    {"movement_years", FACT_WHOLE, 0},
    {"movement_launched_by", FACT_CODE, TDKT_V_LAUNCHER},
    {"under_review", FACT_BOOL, 0},
};

/* The entry of listed_facts for @p key, or -1 (not listed: any text).
 * Looked up once per key an import meets (check_cell keeps it in the
 * key's set entry), not once per row. */
static int listed_fact(const char *key)
{
    for (size_t k = 0; k < sizeof listed_facts / sizeof listed_facts[0]; k++)
        if (strcmp(listed_facts[k].key, key) == 0)
            return (int)k;
    return -1;
}

/* Check and convert one non-empty cell. @p subject is the row's subject
 * type, once its column has been read (-1 before or when bad). */
void import_check_cell(file_ctx *fc,
                       const tdkt__coldef *c,
                       const char *s,
                       size_t len,
                       int *subject,
                       value *v)
{
    importer *im = fc->im;
    tdkt_date date;
    int year;
    *v = (value){.type = V_TEXT, .s = s, .len = len};
    switch ((enum tdkt__col_kind)c->kind) {
    case TDKT__COL_TEXT:
        break;
    case TDKT__COL_ID:
        check_id(fc, c, s, len, v);
        break;
    case TDKT__COL_REF:
        v->idx = tdkt__strset_find(&im->ids[c->arg], s, len);
        if (v->idx == TDKT__NONE)
            import_unknown_ref(fc, c, c->arg, s);
        break;
    case TDKT__COL_SUBJECT_TYPE: {
        int code = lookup_code(im, TDKT_V_SUBJECT, s, len);
        unsigned allowed = fc->t->subjects;
        if (code < 0 || !(allowed & 1u << code)) {
            import_unknown_code(fc, c, TDKT_V_SUBJECT, allowed, s);
            break;
        }
        *subject = code;
        *v = (value){.type = V_TEXT,
                     .s = tdkt_vocab_code(TDKT_V_SUBJECT, code),
                     .idx = (uint32_t)code};
        v->len = strlen(v->s);
        break;
    }
    case TDKT__COL_SUBJECT_ID:
        if (*subject < 0)
            break; /* its type was wrong, and said so */
        v->idx = tdkt__strset_find(&im->ids[subject_set(*subject)], s, len);
        if (v->idx == TDKT__NONE)
            import_unknown_ref(fc, c, subject_set(*subject), s);
        break;
    case TDKT__COL_CODE: {
        int code = lookup_code(im, (tdkt_vocab_domain)c->arg, s, len);
        if (code < 0) {
            import_unknown_code(fc, c, (tdkt_vocab_domain)c->arg, ~0u, s);
            break;
        }
        v->s = tdkt_vocab_code((tdkt_vocab_domain)c->arg, code);
        v->len = strlen(v->s);
        v->idx = (uint32_t)code;
        break;
    }
    case TDKT__COL_BOOL:
        if (len != 1 || (s[0] != '0' && s[0] != '1'))
            ROW_DIAG(fc, c->name,
                     "giá trị '%s' không hợp lệ (chỉ nhận 0 hoặc 1)",
                     "invalid value '%s' (expected 0 or 1)", import_show(s).s);
        *v = (value){.type = V_INT, .num = s[0] == '1'};
        break;
    case TDKT__COL_YEAR:
        if (tdkt_year_parse(&year, s) >= 0)
            *v = (value){.type = V_INT, .num = year};
        else if (year_out_of_range(s, len, "dddd"))
            out_of_range(fc, c, s);
        else
            ROW_DIAG(fc, c->name,
                     "năm '%s' không hợp lệ (cần bốn chữ số, ví dụ 2021)",
                     "invalid year '%s' (expected four digits, e.g. 2021)",
                     import_show(s).s);
        break;
    case TDKT__COL_DATE:
        if (tdkt_date_parse(&date, s) >= 0)
            v->num = date;
        else if (year_out_of_range(s, len, "dddd-dd-dd"))
            out_of_range(fc, c, s);
        else
            ROW_DIAG(fc, c->name,
                     "ngày '%s' không hợp lệ (cần dạng YYYY-MM-DD, một ngày "
                     "có thật)",
                     "invalid date '%s' (expected YYYY-MM-DD, a real day)",
                     import_show(s).s);
        break;
    case TDKT__COL_MONTHS: {
        int months = -1;
        if (len <= 2 && s[0] >= '0' && s[0] <= '9' &&
            (len == 1 || (s[1] >= '0' && s[1] <= '9')))
            months = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
        if (months < 0 || months > 12)
            ROW_DIAG(fc, c->name,
                     "số tháng '%s' không hợp lệ (cần số nguyên từ 0 đến 12)",
                     "invalid months_worked '%s' (expected a whole number "
                     "from 0 to 12)",
                     import_show(s).s);
        *v = (value){.type = V_INT, .num = months};
        break;
    }
    case TDKT__COL_INITIATIVES:
        *v = (value){.type = V_NULL};
        check_initiatives(fc, c, s, v);
        break;
    case TDKT__COL_FACT_KEY: {
        if (!is_snake_case(s)) {
            ROW_DIAG(fc, c->name,
                     "khóa '%s' không hợp lệ (cần dạng snake_case: chữ "
                     "thường không dấu, chữ số và _, ví dụ internal_unity)",
                     "invalid key '%s' (expected snake_case: lower-case "
                     "letters, digits and _, e.g. internal_unity)",
                     import_show(s).s);
            break;
        }
        int rc = tdkt__strset_add(&im->fact_keys, s, len, &v->idx);
        if (rc == 1)
            tdkt__strset_at(&im->fact_keys, v->idx)->value = listed_fact(s);
        if (rc < 0)
            im->error = rc;
        else if (v->idx >= (uint32_t)1 << BITS_FACT_KEY)
            ROW_DIAG(fc, c->name, "quá %u khóa khác nhau trong một lần nhập",
                     "more than %u different keys in one import",
                     (unsigned)1 << BITS_FACT_KEY);
        break;
    }
    }
}

/* The value of an empty cell: its default, or NULL. */
value import_default_value(const tdkt__coldef *c)
{
    if (c->def < 0)
        return (value){.type = V_NULL};
    if (c->kind == TDKT__COL_CODE) {
        const char *code = tdkt_vocab_code((tdkt_vocab_domain)c->arg, c->def);
        return (value){.type = V_TEXT,
                       .s = code,
                       .len = strlen(code),
                       .idx = (uint32_t)c->def};
    }
    return (value){.type = V_INT, .num = c->def};
}

/* The digits of a whole number from 1 to 9999 in @p s without its
 * leading zeros ("01" is 1, as a spreadsheet's number column may write
 * it), with their count in *@p len; NULL when @p s is not one. */
static const char *whole_number(const char *s, size_t *len)
{
    size_t n = *len;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return NULL;
    while (n > 0 && *s == '0') {
        s++;
        n--;
    }
    if (n == 0 || n > 4)
        return NULL;
    *len = n;
    return s;
}

/* A listed fact's value: a rule reading "có" where it wants 1 would fail
 * the criterion rather than leave it to a person, so such a value is the
 * file's problem. A code given by its Vietnamese name or in other letter
 * case, and a number with leading zeros, are stored as the code and the
 * number, which rules compare. */
static void check_fact_value(file_ctx *fc,
                             const tdkt__coldef *c,
                             const value *keyv,
                             value *val)
{
    int k = tdkt__strset_at(&fc->im->fact_keys, keyv->idx)->value;
    if (k < 0)
        return;
    const char *key = keyv->s;
    const char *s = val->s;
    switch (listed_facts[k].value) {
    case FACT_BOOL:
        if (val->len != 1 || (s[0] != '0' && s[0] != '1'))
            ROW_DIAG(fc, c->name,
                     "giá trị '%s' không hợp lệ cho '%s' (chỉ nhận 0 hoặc 1)",
                     "invalid value '%s' for '%s' (expected 0 or 1)",
                     import_show(s).s, key);
        break;
    case FACT_WHOLE: {
        size_t len = val->len;
        const char *digits = whole_number(s, &len);
        if (!digits) {
            ROW_DIAG(fc, c->name,
                     "giá trị '%s' không hợp lệ cho '%s' (cần một số nguyên "
                     "từ 1 đến 9999)",
                     "invalid value '%s' for '%s' (expected a whole number "
                     "from 1 to 9999)",
                     import_show(s).s, key);
            break;
        }
        val->s = digits; /* the cell's own tail: NUL-terminated */
        val->len = len;
        break;
    }
    case FACT_CODE: {
        tdkt_vocab_domain d = listed_facts[k].domain;
        int code = lookup_code(fc->im, d, s, val->len);
        if (code < 0) {
            import_unknown_code(fc, c, d, ~0u, s);
            break;
        }
        val->s = tdkt_vocab_code(d, code);
        val->len = strlen(val->s);
        break;
    }
    }
}

/* The rules between cells of a row. */
void import_check_row_rules(file_ctx *fc, value *v, int subject)
{
    const tdkt__tabledef *t = fc->t;
    int date = -1, ends = -1, key = -1;
    for (int j = 0; j < t->ncols; j++) {
        const tdkt__coldef *c = &t->cols[j];
        if (c->kind == TDKT__COL_FACT_KEY)
            key = j;
        if (key >= 0 && strcmp(c->name, "value") == 0 && v[j].type == V_TEXT)
            check_fact_value(fc, c, &v[key], &v[j]);
        if (c->kind == TDKT__COL_CODE && c->arg == TDKT_V_AWARD &&
            v[j].type == V_TEXT && subject >= 0 &&
            !(tdkt_award_subjects((int)v[j].idx) & 1 << subject)) {
            /* [lang]: who was named, who the award is for */
            static const char *const words[2][2][2] = {
                [TDKT_PERSON] = {{"cá nhân", "tập thể"}, {"a person", "units"}},
                [TDKT_UNIT] = {{"tập thể", "cá nhân"}, {"a unit", "persons"}},
            };
            const char *const *w = words[subject][fc->im->lang == TDKT_LANG_EN];
            ROW_DIAG(fc, c->name, "không trao '%s' cho %s (chỉ trao cho %s)",
                     "'%s' is not awarded to %s (it is for %s)", v[j].s, w[0],
                     w[1]);
        }
        if (c->kind == TDKT__COL_DATE && strcmp(c->name, "date") == 0)
            date = j;
        if (c->kind == TDKT__COL_DATE && strcmp(c->name, "ends") == 0)
            ends = j;
    }
    if (date >= 0 && ends >= 0 && v[date].type == V_TEXT && v[date].num &&
        v[ends].type == V_TEXT && v[ends].num && v[ends].num < v[date].num)
        ROW_DIAG(fc, t->cols[ends].name,
                 "ngày kết thúc '%s' trước ngày quyết định '%s'",
                 "ends '%s' is before date '%s'", import_show(v[ends].s).s,
                 import_show(v[date].s).s);
}

/* ---- natural keys --------------------------------------------------- */

/* Bits of a packed key given to each kind of key column: ids are set
 * indices, codes vocabulary indices. */
static const int key_bits[] = {
    [TDKT__COL_ID] = BITS_INDEX,
    [TDKT__COL_REF] = BITS_INDEX,
    [TDKT__COL_SUBJECT_ID] = BITS_INDEX,
    [TDKT__COL_SUBJECT_TYPE] = BITS_SUBJECT_TYPE,
    [TDKT__COL_CODE] = BITS_CODE,
    [TDKT__COL_YEAR] = BITS_YEAR,
    [TDKT__COL_DATE] = BITS_DATE,
    [TDKT__COL_FACT_KEY] = BITS_FACT_KEY,
};

/* Pack a row's natural key into 64 bits, exactly: ids are set indices,
 * codes vocabulary indices, years and dates small numbers. The bits
 * after the subject (or id) go to @p detail_bits: above them, the keys of
 * one subject are equal. */
static uint64_t
pack_key(const tdkt__tabledef *t, const value *v, int *detail_bits)
{
    uint64_t key = 0;
    int bits = 0, subject_end = -1;
    for (int j = 0; j < t->ncols; j++) {
        const tdkt__coldef *c = &t->cols[j];
        if (!c->key)
            continue;
        int w = key_bits[c->kind];
        uint64_t x = v[j].idx;
        if (c->kind == TDKT__COL_YEAR)
            x = v[j].num ? (uint64_t)(v[j].num - 1899) : 0;
        else if (c->kind == TDKT__COL_DATE)
            x = (uint64_t)(TDKT_DATE_YEAR(v[j].num) - 1899) * 372 +
                (uint64_t)(v[j].num / 100 % 100 - 1) * 31 +
                (uint64_t)(v[j].num % 100 - 1);
        bits += w;
        key = key << w | x;
        if (subject_end < 0 && w == BITS_INDEX)
            subject_end = bits;
    }
    assert(bits <= 64 && subject_end >= 0);
    *detail_bits = bits - subject_end;
    return key;
}

/* "person, P1, 2021": the key of a row, for a message; a timeless fact's
 * year (0, its cell empty) as "(no year)", not an empty slot. */
static void
key_text(tdkt_buf *b, const tdkt__tabledef *t, const value *v, tdkt_lang lang)
{
    bool first = true;
    for (int j = 0; j < t->ncols; j++) {
        if (!t->cols[j].key)
            continue;
        if (!first)
            tdkt_buf_puts(b, ", ");
        first = false;
        if (t->cols[j].kind == TDKT__COL_YEAR && v[j].num == 0)
            tdkt_buf_puts(b, TDKT_TR(lang, "(không có năm)", "(no year)"));
        else if (v[j].type == V_INT)
            tdkt_buf_printf(b, "%lld", (long long)v[j].num);
        else if (v[j].type == V_TEXT)
            tdkt_buf_puts(b, import_show(v[j].s).s);
    }
}

void import_check_duplicate_key(file_ctx *fc, const value *v)
{
    importer *im = fc->im;
    tdkt__keymap_slot first;
    uint32_t line =
        fc->line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)fc->line;
    int detail;
    uint64_t key = pack_key(fc->t, v, &detail);
    int rc = tdkt__keymap_put(&im->keys, key, detail, fc->index, line, &first);
    if (rc < 0) {
        im->error = rc;
    } else if (rc == 0) {
        char at[1100];
        tdkt_buf text = {0};
        import_where(at, sizeof at, im, fc, first.file, first.line);
        key_text(&text, fc->t, v, im->lang);
        ROW_DIAG(fc, fc->t->cols[fc->t->dup_col].name,
                 "dòng trùng khóa (%s) (đã có ở %s)",
                 "duplicate row (%s) (also at %s)", tdkt_buf_cstr(&text), at);
        tdkt_buf_free(&text);
    }
}
