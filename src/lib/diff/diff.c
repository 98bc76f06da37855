/*
 * Comparing two evaluations of the same nominations, criterion by
 * criterion (by id: the two sides may be different regimes, with criteria
 * of their own), and printing who gains or loses eligibility and why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/diff.h"
#include "core/msg.h"
#include "eval/eval_internal.h"

typedef struct diff_item {
    size_t i;   /* index in both results */
    int change; /* enum tdkt_change */
} diff_item;

/* Where each node of form x is in form y, by id: the node index, or -2
 * when y has no such node or it is a route there (result_of()'s answer).
 * The two sides of a diff pair few forms, and compare every criterion of
 * every nomination: matching ids once per pair of forms, not per
 * nomination, took three quarters off the comparison's instructions. */
typedef struct node_map {
    const tdkt_form *x, *y;
    int *to;
} node_map;

struct tdkt_diff {
    tdkt_results *a, *b; /* borrowed; explained in place (explain.c) */
    diff_item *items;
    size_t n;
    node_map *maps;
    size_t nmaps, capmaps;
};

const char *tdkt_change_code(int c)
{
    static const char *const codes[] = {"same",   "gained",      "lost",
                                        "review", "from_review", "changed",
                                        "reasons"};
    return c >= 0 && c <= TDKT_REASONS ? codes[c] : "?";
}

static const char *change_name(int c, tdkt_lang lang)
{
    static const char *const vi[] = {
        "không đổi",        "thêm đủ điều kiện",    "mất điều kiện",
        "chuyển sang xem xét", "thôi phải xem xét", "đổi kết quả",
        "chỉ đổi lý do"};
    static const char *const en[] = {
        "same",            "gains eligibility", "loses eligibility",
        "moves to review", "leaves review",     "outcome changes",
        "reasons only"};
    if (c < 0 || c > TDKT_REASONS)
        return "?";
    return lang == TDKT_LANG_EN ? en[c] : vi[c];
}

/* Node k of an item as the views give it: TDKT_PASS/FAIL/UNKNOWN or -1
 * (not judged), its detail or "". The comparison reads the items
 * directly: it runs for every criterion of every nomination. */
static int node_result(const res_item *it, int k, const char **detail)
{
    int r = it->result[k];
    *detail = it->detail && it->detail[k] ? it->detail[k] : "";
    return r == R_PASS      ? TDKT_PASS
           : r == R_FAIL    ? TDKT_FAIL
           : r == R_UNKNOWN ? TDKT_UNKNOWN
                            : -1;
}

static int nnodes_of(const res_item *it)
{
    return it->form && it->result ? it->form->nnodes : 0;
}

/* The map of form x's nodes into form y's (either may be NULL: no
 * nodes), or NULL when the comparison has not made it (out of memory). */
static const int *map_of(const tdkt_diff *d, const tdkt_form *x,
                         const tdkt_form *y)
{
    for (size_t k = 0; k < d->nmaps; k++)
        if (d->maps[k].x == x && d->maps[k].y == y)
            return d->maps[k].to;
    return NULL;
}

static int add_map(tdkt_diff *d, const tdkt_form *x, const tdkt_form *y)
{
    if (!x || map_of(d, x, y))
        return TDKT_OK;
    if (d->nmaps == d->capmaps) {
        size_t cap = d->capmaps ? 2 * d->capmaps : 16;
        node_map *m = realloc(d->maps, cap * sizeof *m);
        if (!m)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        d->maps = m;
        d->capmaps = cap;
    }
    int *to = malloc((size_t)(x->nnodes ? x->nnodes : 1) * sizeof *to);
    if (!to)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (int i = 0; i < x->nnodes; i++) {
        to[i] = -2;
        for (int j = 0; y && j < y->nnodes; j++)
            if (strcmp(y->nodes[j].id, x->nodes[i].id) == 0) {
                to[i] = y->nodes[j].kind == RN_ROUTE ? -2 : j;
                break;
            }
    }
    d->maps[d->nmaps++] = (node_map){x, y, to};
    return TDKT_OK;
}

/* The result of node k of item ix in item iy of the other side (mapped
 * by @p to), -2 when it has no such node. */
static int result_of(const res_item *iy, const int *to, int k,
                     const char **detail)
{
    int j = nnodes_of(iy) ? to[k] : -2;
    if (j < 0) {
        *detail = "";
        return -2;
    }
    return node_result(iy, j, detail);
}

/* A criterion that differs: its view (its words in the language asked)
 * on the side that has it, and on each side its node (-1: none there),
 * result (-2: none) and detail. */
typedef struct difference {
    const tdkt_criterion_view *c;
    int ka, ra;
    const char *da;
    int kb, rb;
    const char *db;
} difference;

/* Does any criterion differ between the two sides? Calls fn for each. */
typedef void (*differ_fn)(void *ctx, const difference *d);

static int walk_differences(const tdkt_diff *d, size_t i, tdkt_lang lang,
                            differ_fn fn, void *ctx)
{
    int count = 0;
    for (int side = 0; side < 2; side++) {
        const tdkt_results *x = side ? d->b : d->a;
        const tdkt_results *y = side ? d->a : d->b;
        const res_item *it = &x->items[i], *iy = &y->items[i];
        const int *to = map_of(d, it->form, iy->form);
        for (int k = 0; k < nnodes_of(it); k++) {
            const rule_node *nd = &it->form->nodes[k];
            const char *dx, *dy;
            int rx = node_result(it, k, &dx);
            if (nd->kind == RN_ROUTE || rx < 0)
                continue; /* routes say it; unjudged quotas say nothing */
            int ry = result_of(iy, to, k, &dy);
            int ky = ry == -2 ? -1 : to[k];
            if (ry == -1)
                ry = -2;
            if (side == 1 && ry != -2)
                continue; /* both sides have it: seen on side 0 */
            if (ry == rx)
                continue;
            count++;
            if (fn) {
                tdkt_criterion_view c;
                tdkt_result_node(x, i, (size_t)k, lang, &c);
                difference df = side == 0
                                    ? (difference){&c, k, rx, dx, ky, ry, dy}
                                    : (difference){&c, ky, ry, dy, k, rx, dx};
                fn(ctx, &df);
            }
        }
    }
    return count;
}

/* The set a rule set's lineage starts from: the regime it amends (the
 * two sides are opened apart: compared by id). */
static const tdkt_ruleset *root_of(const tdkt_ruleset *rs)
{
    while (tdkt_ruleset_parent(rs))
        rs = tdkt_ruleset_parent(rs);
    return rs;
}

static bool judged_any(const res_item *it)
{
    const char *detail;
    for (int k = 0; k < nnodes_of(it); k++)
        if (node_result(it, k, &detail) >= 0)
            return true;
    return false;
}

static int classify(const tdkt_diff *d, size_t i)
{
    tdkt_result_view a, b;
    tdkt_result_get(d->a, i, &a);
    tdkt_result_get(d->b, i, &b);
    if (a.outcome != b.outcome) {
        if (b.outcome == TDKT_ELIGIBLE)
            return TDKT_GAINED;
        if (a.outcome == TDKT_ELIGIBLE)
            return TDKT_LOST;
        if (b.outcome == TDKT_REVIEW)
            return TDKT_TO_REVIEW;
        if (a.outcome == TDKT_REVIEW)
            return TDKT_FROM_REVIEW;
        return TDKT_CHANGED;
    }
    /* Judged by neither side of one lineage (a set and its amendment): no
     * form for the code, or a kind of honour neither form encodes (review,
     * no criterion judged). The messages differ only by the set they
     * name. Across regimes the footing itself differs: a reason. */
    const res_item *ia = &d->a->items[i], *ib = &d->b->items[i];
    bool neither = (!ia->form && !ib->form) ||
                   (a.outcome == TDKT_REVIEW && !judged_any(ia) &&
                    !judged_any(ib));
    if (neither && ia->rs && ib->rs &&
        strcmp(tdkt_ruleset_id(root_of(ia->rs)),
               tdkt_ruleset_id(root_of(ib->rs))) == 0)
        return TDKT_SAME;
    if (walk_differences(d, i, TDKT_LANG_VI, NULL, NULL) ||
        (a.message && b.message && strcmp(a.message, b.message) != 0))
        return TDKT_REASONS;
    return TDKT_SAME;
}

int tdkt_diff_eval(tdkt_results **out, const tdkt_index *ix,
                   const tdkt_rules *rules, const tdkt_eval_options *opt,
                   const tdkt_results *a)
{
    return eval_run_from(out, ix, rules, NULL, opt, a);
}

int tdkt_diff_param_used(const tdkt_results *b, const char *name)
{
    const tdkt_rules *rules = b->rules;
    bool *used = calloc(rules->nsets ? rules->nsets : 1, sizeof *used);
    if (!used)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < b->n; i++)
        if (b->items[i].rs)
            used[b->items[i].rs->index] = true;
    int error = rules_param_check(rules, used, name);
    free(used);
    return error;
}

int tdkt_diff_compare(tdkt_diff **out, tdkt_results *a, tdkt_results *b)
{
    *out = NULL;
    if (tdkt_results_count(a) != tdkt_results_count(b))
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_MSG("diff: hai bên so sánh đã xét những "
                                       "đề nghị khác nhau",
                                       "diff: the two evaluations judged "
                                       "different nominations"));
    tdkt_diff *d = calloc(1, sizeof *d);
    size_t n = tdkt_results_count(a);
    if (d)
        d->items = calloc(n ? n : 1, sizeof *d->items);
    if (!d || !d->items) {
        free(d);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    d->a = a;
    d->b = b;
    for (size_t i = 0; i < n; i++) {
        const tdkt_form *fa = a->items[i].form, *fb = b->items[i].form;
        if (add_map(d, fa, fb) < 0 || add_map(d, fb, fa) < 0) {
            tdkt_diff_free(d);
            return TDKT_ENOMEM;
        }
        d->items[i].i = i;
        d->items[i].change = classify(d, i);
    }
    d->n = n;
    *out = d;
    return TDKT_OK;
}

void tdkt_diff_free(tdkt_diff *d)
{
    if (!d)
        return;
    for (size_t k = 0; k < d->nmaps; k++)
        free(d->maps[k].to);
    free(d->maps);
    free(d->items);
    free(d);
}

size_t tdkt_diff_count(const tdkt_diff *d, int change)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i].change == change;
    return n;
}

static bool wanted(int change, unsigned only)
{
    if (change == TDKT_SAME)
        return false;
    return !only || (only >> change & 1);
}

/* Item k of the comparison, when @p only wants it: both sides' views. */
static bool wanted_item(const tdkt_diff *d, size_t k, unsigned only,
                        tdkt_result_view *a, tdkt_result_view *b)
{
    if (!wanted(d->items[k].change, only))
        return false;
    tdkt_result_get(d->a, d->items[k].i, a);
    tdkt_result_get(d->b, d->items[k].i, b);
    return true;
}

/* ------------------------------------------------------------ jsonl */

static void json_changed(void *ctx, const difference *d)
{
    tdkt_buf *b = ctx;
    if (b->ptr && b->ptr[b->len - 1] != '[')
        tdkt_buf_puts(b, ",");
    tdkt_json_str(b, d->c->id);
}

static void json_side(tdkt_buf *b, const char *name, const tdkt_results *r,
                      size_t i)
{
    tdkt_result_view v;
    tdkt_result_get(r, i, &v);
    tdkt_buf_printf(b, ",\"%s\":{\"ruleset\":", name);
    tdkt_json_str(b, v.ruleset ? tdkt_ruleset_id(v.ruleset) : NULL);
    tdkt_buf_puts(b, ",\"outcome\":");
    tdkt_json_str(b, tdkt_outcome_code(v.outcome));
    if (v.message) {
        tdkt_buf_puts(b, ",\"reason\":");
        tdkt_json_str(b, v.message);
    }
    tdkt_buf_puts(b, "}");
}

/* The writers print nothing of a line they could not build whole: a
 * line with a part missing would be a wrong answer. */
static int oom(void)
{
    return tdkt_error_set(TDKT_ENOMEM, "out of memory");
}

/* The summary's counts by change: per award code (TDKT_AWARD_COUNT_ for a
 * code the vocabulary lacks), and in total. */
typedef struct summary_counts {
    size_t by_code[TDKT_AWARD_COUNT_ + 1][TDKT_REASONS + 1];
    size_t total[TDKT_REASONS + 1];
} summary_counts;

static void count_changes(const tdkt_diff *d, summary_counts *sc)
{
    memset(sc, 0, sizeof *sc);
    for (size_t k = 0; k < d->n; k++) {
        int code = d->a->ix->noms[d->a->items[d->items[k].i].nom].code;
        int change = d->items[k].change;
        sc->by_code[code == IX_NONE ? TDKT_AWARD_COUNT_ : code][change]++;
        sc->total[change]++;
    }
}

/* The nominations a row of counts is about: every change, "same" too. */
static size_t nominations_of(const size_t *count)
{
    size_t all = 0;
    for (int c = 0; c <= TDKT_REASONS; c++)
        all += count[c];
    return all;
}

/* One summary line: {"summary":"code","code":..} for award code @p code
 * (null when the vocabulary lacks it), {"summary":"total"} for all
 * (@p code < 0); a count per change, by its code. */
static int json_summary_line(const size_t *count, int code, FILE *out)
{
    tdkt_buf b = {0};
    if (code < 0) {
        tdkt_buf_puts(&b, "{\"summary\":\"total\"");
    } else {
        tdkt_buf_puts(&b, "{\"summary\":\"code\",\"code\":");
        tdkt_json_str(&b, code < TDKT_AWARD_COUNT_
                              ? tdkt_vocab_code(TDKT_V_AWARD, code)
                              : NULL);
    }
    tdkt_buf_printf(&b, ",\"nominations\":%zu", nominations_of(count));
    for (int c = 0; c <= TDKT_REASONS; c++)
        tdkt_buf_printf(&b, ",\"%s\":%zu", tdkt_change_code(c), count[c]);
    tdkt_buf_puts(&b, "}");
    bool lost = b.oom;
    if (!lost)
        tdkt_safe_printf(out, "%s\n", tdkt_buf_cstr(&b));
    tdkt_buf_free(&b);
    return lost ? oom() : TDKT_OK;
}

/* After the nominations, as the table's summary: one line per award code
 * judged, then the total. Every change is counted, whatever --only. */
static int json_summary(const tdkt_diff *d, FILE *out)
{
    summary_counts sc;
    count_changes(d, &sc);
    for (int code = 0; code <= TDKT_AWARD_COUNT_; code++) {
        if (!nominations_of(sc.by_code[code]))
            continue;
        int error = json_summary_line(sc.by_code[code], code, out);
        if (error < 0)
            return error;
    }
    return json_summary_line(sc.total, -1, out);
}

static int write_jsonl(const tdkt_diff *d, unsigned only, FILE *out)
{
    for (size_t k = 0; k < d->n; k++) {
        if (!wanted(d->items[k].change, only))
            continue;
        size_t i = d->items[k].i;
        tdkt_result_view v;
        tdkt_result_get(d->a, i, &v);
        tdkt_buf b = {0};
        tdkt_buf_puts(&b, "{\"nomination\":");
        tdkt_json_str(&b, v.nomination);
        tdkt_buf_puts(&b, ",\"subject_type\":");
        tdkt_json_str(&b, v.subject_type);
        tdkt_buf_puts(&b, ",\"subject_id\":");
        tdkt_json_str(&b, v.subject_id);
        tdkt_buf_puts(&b, ",\"code\":");
        tdkt_json_str(&b, v.code);
        tdkt_buf_printf(&b, ",\"year\":%d", v.year);
        json_side(&b, "from", d->a, i);
        json_side(&b, "to", d->b, i);
        tdkt_buf_puts(&b, ",\"change\":");
        tdkt_json_str(&b, tdkt_change_code(d->items[k].change));
        tdkt_buf_puts(&b, ",\"changed\":[");
        walk_differences(d, i, TDKT_LANG_VI, json_changed, &b); /* ids */
        tdkt_buf_puts(&b, "]}");
        bool lost = b.oom;
        if (!lost)
            tdkt_safe_printf(out, "%s\n", tdkt_buf_cstr(&b));
        tdkt_buf_free(&b);
        if (lost)
            return oom();
    }
    return json_summary(d, out);
}

/* -------------------------------------------------------------- csv */

static void csv_changed(void *ctx, const difference *d)
{
    tdkt_buf *b = ctx;
    tdkt_buf_printf(b, "%s%s: %s→%s", b->len ? "; " : "", d->c->id,
                    d->ra == -2 ? "—" : tdkt_result_code(d->ra),
                    d->rb == -2 ? "—" : tdkt_result_code(d->rb));
}

static int write_csv(const tdkt_diff *d, unsigned only, FILE *out)
{
    fputs("nomination,subject_type,subject_id,subject_name,code,year,"
          "from_ruleset,from_outcome,to_ruleset,to_outcome,change,"
          "changed_criteria\n",
          out);
    for (size_t k = 0; k < d->n; k++) {
        tdkt_result_view a, b;
        if (!wanted_item(d, k, only, &a, &b))
            continue;
        size_t i = d->items[k].i;
        tdkt_buf row = {0}, crit = {0};
        walk_differences(d, i, TDKT_LANG_VI, csv_changed, &crit); /* ids */
        char year[8];
        snprintf(year, sizeof year, "%d", a.year);
        const char *cells[] = {
            a.nomination, a.subject_type, a.subject_id, a.subject_name,
            a.code, year, a.ruleset ? tdkt_ruleset_id(a.ruleset) : "",
            tdkt_outcome_code(a.outcome),
            b.ruleset ? tdkt_ruleset_id(b.ruleset) : "",
            tdkt_outcome_code(b.outcome),
            tdkt_change_code(d->items[k].change), tdkt_buf_cstr(&crit)};
        tdkt_csv_row(&row, cells, sizeof cells / sizeof *cells);
        /* printed whole: a quoted cell may hold a line break */
        tdkt_buf_put(&row, "\n", 1);
        bool lost = row.oom || crit.oom;
        if (!lost)
            tdkt_safe_fputs(tdkt_buf_cstr(&row), out);
        tdkt_buf_free(&row);
        tdkt_buf_free(&crit);
        if (lost)
            return oom();
    }
    return TDKT_OK;
}

/* ------------------------------------------------------------ table */

typedef struct table_ctx {
    FILE *out;
    tdkt_lang lang;
    bool cut; /* a line printed short: the host's memory ran out */
} table_ctx;

/* A side's result: the tables' mark, or "—" where it has no such node. */
static const char *mark(int r)
{
    return r == -2 ? "—" : result_mark(r);
}

static void table_changed(void *ctx, const difference *d)
{
    table_ctx *t = ctx;
    int ra = d->ra, rb = d->rb;
    const char *da = d->da, *db = d->db;
    /* Between regimes most criteria exist on one side only; one that
     * passes there explains nothing, so only the failing ones are shown. */
    bool routes = strstr(ra == -2 ? db : da, TDKT_TR(t->lang, "đạt theo",
                                                     "met by")) != NULL;
    if (!routes &&
        ((ra == -2 && rb == TDKT_PASS) || (rb == -2 && ra == TDKT_PASS)))
        return;
    t->cut |= tdkt_safe_printf(t->out, "    %s: %s %s → %s %s\n",
                               criterion_label(d->c),
                               mark(ra),
                               ra == -2 ? TDKT_TR(t->lang, "(không có)",
                                                  "(absent)")
                                        : da,
                               mark(rb),
                               rb == -2 ? TDKT_TR(t->lang, "(không có)",
                                                  "(absent)")
                                        : db) < 0;
}

/* A row of the summary table: the label, then the counts in the
 * header's order. */
static void table_counts_row(tdkt_table *t, const char *label,
                             const size_t *count)
{
    size_t v[7] = {nominations_of(count),    count[TDKT_GAINED],
                   count[TDKT_LOST],         count[TDKT_TO_REVIEW],
                   count[TDKT_FROM_REVIEW],  count[TDKT_CHANGED],
                   count[TDKT_REASONS]};
    char num[7][24];
    for (int c = 0; c < 7; c++)
        snprintf(num[c], sizeof num[c], "%zu", v[c]);
    const char *row[] = {label,  num[0], num[1], num[2],
                         num[3], num[4], num[5], num[6]};
    tdkt_table_row(t, row);
}

static int write_summary(const tdkt_diff *d, tdkt_lang lang, FILE *out)
{
    summary_counts sc;
    count_changes(d, &sc);
    tdkt_table *t = tdkt_table_new(8);
    const char *head[] = {TDKT_TR(lang, "Hình thức", "Award"),
                          TDKT_TR(lang, "Số đề nghị", "Judged"),
                          TDKT_TR(lang, "Thêm đủ ĐK", "Gain"),
                          TDKT_TR(lang, "Mất ĐK", "Lose"),
                          TDKT_TR(lang, "Sang xem xét", "To review"),
                          TDKT_TR(lang, "Thôi xem xét", "From review"),
                          TDKT_TR(lang, "Đổi kết quả khác", "Other outcome"),
                          TDKT_TR(lang, "Chỉ đổi lý do", "Reasons only")};
    tdkt_table_row(t, head);
    tdkt_table_rule(t);
    for (int c = 1; c < 8; c++)
        tdkt_table_align_right(t, c);
    for (int code = 0; code <= TDKT_AWARD_COUNT_; code++)
        if (nominations_of(sc.by_code[code]))
            table_counts_row(t,
                             code < TDKT_AWARD_COUNT_
                                 ? tdkt_vocab_code(TDKT_V_AWARD, code)
                                 : "?",
                             sc.by_code[code]);
    tdkt_table_rule(t);
    table_counts_row(t, TDKT_TR(lang, "Cộng", "Total"), sc.total);
    int error = tdkt_table_print(t, out); /* fails on a row it lost */
    tdkt_table_free(t);
    return error;
}

/* One set on both sides (its parameters or its files changed: the two
 * sides open it apart), by its id? Then the criteria that differ say what
 * changed; with two sets, each side's reasons do. */
static bool one_set(const tdkt_result_view *a, const tdkt_result_view *b)
{
    return a->ruleset && b->ruleset &&
           strcmp(tdkt_ruleset_id(a->ruleset), tdkt_ruleset_id(b->ruleset)) ==
               0;
}

typedef struct side_print {
    const char *label;
    FILE *out;
    bool whole; /* false once a line was printed short (out of memory) */
} side_print;

static void print_node(void *arg, const tdkt_criterion_view *c)
{
    side_print *s = arg;
    if (tdkt_safe_printf(s->out, "    %s %s %s — %s\n", s->label,
                         mark(c->result), criterion_label(c), c->detail) < 0)
        s->whole = false;
}

/* One side's reasons: failing criteria, or the routes that passed.
 * @return false when a line was printed short (out of memory) */
static bool print_side(const tdkt_results *res, size_t i, const char *label,
                       tdkt_lang lang, FILE *out)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    side_print s = {label, out, true};
    if (!v.form || !res->items[i].result)
        return s.whole;
    live_result r = {res, i, lang};
    if (v.outcome != TDKT_ELIGIBLE) {
        result_reasons(&v, live_node, &r, print_node, &s);
        return s.whole;
    }
    for (size_t k = 0; k < v.nnodes; k++) {
        tdkt_criterion_view c;
        live_node(&r, k, &c);
        if (strcmp(c.kind, "routes") == 0)
            print_node(&s, &c);
    }
    return s.whole;
}

static int write_table(const tdkt_diff *d, tdkt_lang lang, unsigned only,
                       FILE *out)
{
    /* Every nomination that changed (spec/cli.md), or those @p only
     * asks for, then the summary. */
    table_ctx ctx = {out, lang, false};
    const char *before = TDKT_TR(lang, "trước:", "before:");
    const char *after = TDKT_TR(lang, "sau:  ", "after: ");
    for (size_t k = 0; k < d->n; k++) {
        tdkt_result_view a, b;
        if (!wanted_item(d, k, only, &a, &b))
            continue;
        size_t i = d->items[k].i;
        ctx.cut |= tdkt_safe_printf(out, "\n%s  %s (%s), %s %d — %s\n",
                                    a.nomination, a.subject_name,
                                    a.subject_id, a.code, a.year,
                                    change_name(d->items[k].change,
                                                lang)) < 0;
        ctx.cut |= tdkt_safe_printf(out, "    %s [%s] → %s [%s]\n",
                                    tdkt_outcome_name(a.outcome, lang),
                                    a.ruleset ? tdkt_ruleset_id(a.ruleset)
                                              : "—",
                                    tdkt_outcome_name(b.outcome, lang),
                                    b.ruleset ? tdkt_ruleset_id(b.ruleset)
                                              : "—") < 0;
        /* Side A's message and reasons, then side B's. */
        bool same_set = one_set(&a, &b);
        if (a.message)
            ctx.cut |= tdkt_safe_printf(out, "    %s %s\n", before,
                                        a.message) < 0;
        if (!same_set)
            ctx.cut |= !print_side(d->a, i, before, lang, out);
        if (b.message)
            ctx.cut |= tdkt_safe_printf(out, "    %s %s\n", after,
                                        b.message) < 0;
        if (same_set)
            walk_differences(d, i, lang, table_changed, &ctx);
        else
            ctx.cut |= !print_side(d->b, i, after, lang, out);
    }
    if (ctx.cut)
        return oom();
    fputs("\n", out);
    return write_summary(d, lang, out);
}

/* ---------------------------------------------------------- explain */

/* The nodes of each side whose details the table prints (eval_explain()
 * judges those a quiet run left without one): per item, a flag per node,
 * made when first needed. */
typedef struct wants {
    const tdkt_results *res;
    uint8_t **node; /* per item */
    bool oom;
} wants;

static void want_node(wants *w, size_t i, int k)
{
    const res_item *it = &w->res->items[i];
    if (k < 0)
        return; /* none on this side */
    if (!w->node[i] &&
        !(w->node[i] = calloc((size_t)it->form->nnodes, 1))) {
        w->oom = true;
        return;
    }
    w->node[i][k] = 1;
}

typedef struct want_both {
    wants *a, *b;
    size_t i;
} want_both;

static void want_changed(void *ctx, const difference *d)
{
    want_both *w = ctx;
    want_node(w->a, w->i, d->ka);
    want_node(w->b, w->i, d->kb);
}

typedef struct want_side {
    wants *w;
    size_t i;
} want_side;

static void want_reason(void *arg, const tdkt_criterion_view *c)
{
    want_side *s = arg;
    const tdkt_form *f = s->w->res->items[s->i].form;
    for (int k = 0; k < f->nnodes; k++)
        if (f->nodes[k].id == c->id) { /* the view lends the node's id */
            want_node(s->w, s->i, k);
            return;
        }
}

/* The nodes print_side() prints with their details: the reasons of an
 * outcome other than eligible (an eligible one shows its routes, whose
 * details the engine writes, quiet or not). */
static void want_side_reasons(wants *w, size_t i)
{
    tdkt_result_view v;
    tdkt_result_get(w->res, i, &v);
    if (!v.form || !w->res->items[i].result || v.outcome == TDKT_ELIGIBLE)
        return;
    live_result r = {w->res, i, TDKT_LANG_VI};
    want_side s = {w, i};
    result_reasons(&v, live_node, &r, want_reason, &s);
}

int tdkt_diff_explain(tdkt_diff *d, tdkt_format fmt, unsigned only)
{
    if (fmt != TDKT_FMT_TABLE || (!d->a->quiet && !d->b->quiet))
        return TDKT_OK; /* jsonl and csv print no details */
    wants wa = {d->a, calloc(d->n ? d->n : 1, sizeof(uint8_t *)), false};
    wants wb = {d->b, calloc(d->n ? d->n : 1, sizeof(uint8_t *)), false};
    int error = TDKT_OK;
    if (!wa.node || !wb.node) {
        error = oom();
        goto done;
    }
    /* What write_table() prints, item by item. */
    for (size_t k = 0; k < d->n; k++) {
        tdkt_result_view a, b;
        if (!wanted_item(d, k, only, &a, &b))
            continue;
        size_t i = d->items[k].i;
        if (one_set(&a, &b)) {
            want_both w = {&wa, &wb, i};
            walk_differences(d, i, TDKT_LANG_VI, want_changed, &w);
        } else {
            want_side_reasons(&wa, i);
            want_side_reasons(&wb, i);
        }
    }
    if (wa.oom || wb.oom)
        error = oom();
    if (error == TDKT_OK)
        error = eval_explain(d->a, wa.node);
    if (error == TDKT_OK)
        error = eval_explain(d->b, wb.node);
done:
    for (size_t k = 0; k < d->n; k++) {
        if (wa.node)
            free(wa.node[k]);
        if (wb.node)
            free(wb.node[k]);
    }
    free(wa.node);
    free(wb.node);
    return error;
}

static int write_diff(const tdkt_diff *d, tdkt_format fmt, tdkt_lang lang,
                      unsigned only, FILE *out)
{
    switch (fmt) {
    case TDKT_FMT_JSONL:
        return write_jsonl(d, only, out);
    case TDKT_FMT_CSV:
        return write_csv(d, only, out);
    case TDKT_FMT_TABLE:
        return write_table(d, lang, only, out);
    default:
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "lệnh diff in table, jsonl hoặc csv, "
                                      "không in %s",
                                      "diff prints table, jsonl or csv, not "
                                      "%s"),
                              tdkt_format_name(fmt));
    }
}

int tdkt_diff_write(tdkt_diff *d, tdkt_format fmt, tdkt_lang lang,
                    unsigned only, FILE *out)
{
    int error = tdkt_diff_explain(d, fmt, only);
    if (error == TDKT_OK)
        error = write_diff(d, fmt, lang, only, out);
    return error < 0 ? error : tdkt_output_done(out, lang);
}
