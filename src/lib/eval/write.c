/*
 * Printing evaluation results: JSON lines (spec/cli.md), CSV (one row per
 * nomination, for spreadsheets), and a readable table grouped by form,
 * in Vietnamese by default.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"
#include "output/append.h"
#include "output/ordered.h"

void result_json_write(tdkt_buf *b, const tdkt_result_view *v,
                       const char *ruleset, result_node_fn *node,
                       const void *ctx)
{
    buf_lit(b, "{\"nomination\":");
    tdkt_json_str(b, v->nomination);
    buf_lit(b, ",\"subject_type\":");
    tdkt_json_str(b, v->subject_type);
    buf_lit(b, ",\"subject_id\":");
    tdkt_json_str(b, v->subject_id);
    buf_lit(b, ",\"code\":");
    tdkt_json_str(b, v->code);
    tdkt_buf_printf(b, ",\"year\":%d,\"ruleset\":", v->year);
    tdkt_json_str(b, ruleset);
    buf_lit(b, ",\"outcome\":");
    tdkt_json_str(b, tdkt_outcome_code(v->outcome));
    if (v->message) {
        if (v->outcome == TDKT_OUTCOME_ERROR)
            buf_lit(b, ",\"error\":");
        else
            buf_lit(b, ",\"reason\":");
        tdkt_json_str(b, v->message);
    }
    buf_lit(b, ",\"criteria\":[");
    bool first = true;
    for (size_t k = 0; k < v->nnodes; k++) {
        tdkt_criterion_view c;
        node(ctx, k, &c);
        if (c.result < 0)
            continue;
        if (first)
            buf_lit(b, "{\"id\":");
        else
            buf_lit(b, ",{\"id\":");
        first = false;
        tdkt_json_str(b, c.id);
        if (strcmp(c.kind, "criterion") != 0) {
            buf_lit(b, ",\"kind\":");
            tdkt_json_str(b, c.kind);
        }
        if (c.route) {
            buf_lit(b, ",\"route\":");
            tdkt_json_str(b, c.route);
        }
        buf_lit(b, ",\"result\":");
        tdkt_json_str(b, tdkt_result_code(c.result));
        if (c.basis) {
            buf_lit(b, ",\"basis\":");
            tdkt_json_str(b, c.basis);
            buf_lit(b, ",\"status\":");
            tdkt_json_str(b, c.status);
        }
        buf_lit(b, ",\"detail\":");
        tdkt_json_str(b, c.detail);
        buf_lit(b, "}");
    }
    buf_lit(b, "]}");
}

void live_node(const void *ctx, size_t k, tdkt_criterion_view *out)
{
    const live_result *r = ctx;
    tdkt_result_node(r->res, r->i, k, r->lang, out);
}

void tdkt_result_json(const tdkt_results *res, size_t i, tdkt_buf *b)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    live_result r = {res, i, TDKT_LANG_VI}; /* JSON has ids, not words */
    result_json_write(b, &v, v.ruleset ? tdkt_ruleset_id(v.ruleset) : NULL,
                      live_node, &r);
}

/* Results are printed on the threads that judged them (--threads). */
static int threads_of(const tdkt_results *res)
{
    return res->narenas > 1 ? res->narenas - 1 : 1;
}

typedef struct json_items {
    const tdkt_results *res;
    const json_out *j; /* the framing: begun here, ended after all */
} json_items;

/* Result i with json_out's separator before it, terminal-safe like every
 * other output. */
static bool json_item(const void *ctx, size_t i, tdkt_buf *b)
{
    const json_items *t = ctx;
    size_t start = b->len;
    tdkt_buf_puts(b, json_out_sep(t->j, i));
    tdkt_result_json(t->res, i, b);
    tdkt_buf_make_safe(b, start);
    return true; /* b->oom: truncated JSON would be a lie, or unreadable */
}

/* Objects are printed as they come, so that a saved run is shown again
 * without holding it all; the separators make the same bytes as printing
 * the whole list at once. Terminal-safe, like every other output. */
void json_out_begin(json_out *j, FILE *out, tdkt_format fmt)
{
    j->out = out;
    j->array = fmt == TDKT_FMT_JSON;
    j->n = 0;
    if (j->array)
        fputs("[\n", out);
}

const char *json_out_sep(const json_out *j, size_t i)
{
    return i == 0 ? "" : j->array ? ",\n" : "\n";
}

void json_out_item(json_out *j, const char *obj)
{
    fputs(json_out_sep(j, j->n++), j->out);
    tdkt_safe_fputs(obj, j->out);
}

void json_out_end(json_out *j)
{
    if (j->n)
        fputc('\n', j->out);
    if (j->array)
        fputs("]\n", j->out);
}

const char *result_mark(int result)
{
    return result == TDKT_PASS   ? "✔"
           : result == TDKT_FAIL ? "✘"
                                 : "?";
}

/* One result as a CSV row, terminal-safe like every other output (a CSV
 * is often read with cat or less before a spreadsheet opens it). */
static bool csv_row(const void *ctx, size_t i, tdkt_buf *b)
{
    const tdkt_results *res = ctx;
    size_t start = b->len;
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    tdkt_buf why = {0};
    char year[8];
    snprintf(year, sizeof year, "%d", v.year);
    const char *cells[] = {v.nomination,
                           v.subject_type,
                           v.subject_id,
                           v.subject_name,
                           v.code,
                           year,
                           v.ruleset ? tdkt_ruleset_id(v.ruleset) : "",
                           tdkt_outcome_code(v.outcome),
                           NULL};
    live_result r = {res, i, TDKT_LANG_VI}; /* CSV has ids, not words */
    result_reasons_text(&why, &v, live_node, &r, false);
    cells[8] = tdkt_buf_cstr(&why);
    tdkt_csv_row(b, cells, sizeof cells / sizeof *cells);
    tdkt_buf_put(b, "\n", 1);
    tdkt_buf_make_safe(b, start);
    bool ok = !why.oom; /* a truncated row would pass for a whole one */
    tdkt_buf_free(&why);
    return ok;
}

static int write_csv(const tdkt_results *res, FILE *out)
{
    fputs("nomination,subject_type,subject_id,subject_name,code,year,"
          "ruleset,outcome,reasons\n",
          out);
    return print_ordered(res->n, threads_of(res), csv_row, res, out);
}

/* Items sorted by form (award code, subject), then nomination id. */
static int cmp_by_form(const void *a, const void *b, void *ctx)
{
    const tdkt_results *res = ctx;
    const res_item *x = &res->items[*(const size_t *)a];
    const res_item *y = &res->items[*(const size_t *)b];
    int cx = res->ix->noms[x->nom].code, cy = res->ix->noms[y->nom].code;
    if (cx != cy)
        return cx - cy;
    return strcmp(res->ix->noms[x->nom].id, res->ix->noms[y->nom].id);
}

typedef struct table_items {
    const tdkt_results *res;
    tdkt_lang lang;
    const size_t *order; /* items by form */
} table_items;

static int code_of(const tdkt_results *res, size_t i)
{
    return res->ix->noms[res->items[i].nom].code;
}

/* Item order[oi], under its form's heading when it is the form's first. */
static bool table_item(const void *ctx, size_t oi, tdkt_buf *b)
{
    const table_items *t = ctx;
    const tdkt_results *res = t->res;
    tdkt_lang lang = t->lang;
    size_t i = t->order[oi];
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    if (oi == 0 || code_of(res, t->order[oi - 1]) != code_of(res, i)) {
        const char *name =
            v.form ? tdkt_form_name(v.form, lang)
                   : tdkt_vocab_name(TDKT_V_AWARD, code_of(res, i), lang);
        tdkt_buf_safe_printf(b, "\n━━ %s (%s) ━━\n", name ? name : v.code,
                             v.code);
    }
    tdkt_buf_safe_printf(b, "\n%s  %s (%s), %d: %s", v.nomination,
                         v.subject_name, v.subject_id, v.year,
                         tdkt_outcome_name(v.outcome, lang));
    if (v.ruleset)
        tdkt_buf_safe_printf(b, "   [%s]", tdkt_ruleset_id(v.ruleset));
    tdkt_buf_put(b, "\n", 1);
    if (v.message)
        tdkt_buf_safe_printf(b, "    %s %s\n",
                             v.outcome == TDKT_OUTCOME_ERROR ? "!" : "→",
                             v.message);
    for (size_t k = 0; k < v.nnodes; k++) {
        tdkt_criterion_view c;
        tdkt_result_node(res, i, k, lang, &c);
        if (c.result < 0)
            continue;
        int indent = 4 + 2 * c.depth;
        if (strcmp(c.kind, "route") == 0 || strcmp(c.kind, "routes") == 0) {
            tdkt_buf_safe_printf(b, "%*s%s %s%s%s\n", indent, "",
                                 result_mark(c.result), criterion_label(&c),
                                 c.detail[0] ? ": " : "", c.detail);
            continue;
        }
        tdkt_buf_safe_printf(b, "%*s%s %s", indent, "", result_mark(c.result),
                             criterion_label(&c));
        if (c.detail[0])
            tdkt_buf_safe_printf(b, " — %s", c.detail);
        tdkt_buf_safe_printf(
            b, "  [%s%s]\n", c.basis ? c.basis : "",
            c.status && strcmp(c.status, "U") == 0
                ? TDKT_TR(lang, "; chưa kiểm chứng", "; unverified")
                : "");
    }
    return true;
}

static int write_table(const tdkt_results *res, tdkt_lang lang, FILE *out)
{
    size_t *order = malloc((res->n ? res->n : 1) * sizeof *order);
    if (!order)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < res->n; i++)
        order[i] = i;
    qsort_r(order, res->n, sizeof *order, cmp_by_form, (void *)res);
    /* counts[code][outcome] for the summary */
    size_t counts[TDKT_AWARD_COUNT_ + 1][4];
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < res->n; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        int code = code_of(res, i);
        counts[code == IX_NONE ? TDKT_AWARD_COUNT_ : code][v.outcome]++;
    }
    table_items items = {res, lang, order};
    int error = print_ordered(res->n, threads_of(res), table_item, &items,
                              out);
    free(order);
    if (error < 0)
        return error;
    /* Summary per award code. */
    fprintf(out, "\n%s\n", TDKT_TR(lang, "Tổng hợp", "Summary"));
    tdkt_table *t = tdkt_table_new(6);
    const char *head[] = {TDKT_TR(lang, "Hình thức", "Award"),
                          tdkt_outcome_name(TDKT_ELIGIBLE, lang),
                          tdkt_outcome_name(TDKT_INELIGIBLE, lang),
                          tdkt_outcome_name(TDKT_REVIEW, lang),
                          tdkt_outcome_name(TDKT_OUTCOME_ERROR, lang),
                          TDKT_TR(lang, "Tổng", "Total")};
    tdkt_table_row(t, head);
    tdkt_table_rule(t);
    for (int c = 1; c <= 5; c++)
        tdkt_table_align_right(t, c);
    size_t tot[5] = {0};
    for (int code = 0; code <= TDKT_AWARD_COUNT_; code++) {
        size_t sum = counts[code][0] + counts[code][1] + counts[code][2] +
                     counts[code][3];
        if (!sum)
            continue;
        char num[5][24];
        for (int o = 0; o < 4; o++) {
            snprintf(num[o], sizeof num[o], "%zu", counts[code][o]);
            tot[o] += counts[code][o];
        }
        snprintf(num[4], sizeof num[4], "%zu", sum);
        tot[4] += sum;
        const char *row[] = {code < TDKT_AWARD_COUNT_
                                 ? tdkt_vocab_code(TDKT_V_AWARD, code)
                                 : "?",
                             num[0],
                             num[1],
                             num[2],
                             num[3],
                             num[4]};
        tdkt_table_row(t, row);
    }
    tdkt_table_rule(t);
    char num[5][24];
    for (int o = 0; o < 5; o++)
        snprintf(num[o], sizeof num[o], "%zu", tot[o]);
    const char *row[] = {
        TDKT_TR(lang, "Cộng", "Total"), num[0], num[1], num[2], num[3], num[4]};
    tdkt_table_row(t, row);
    error = tdkt_table_print(t, out);
    tdkt_table_free(t);
    return error;
}

static int write_results(const tdkt_results *res, tdkt_format fmt,
                         tdkt_lang lang, FILE *out)
{
    switch (fmt) {
    case TDKT_FMT_JSONL:
    case TDKT_FMT_JSON: {
        json_out j;
        json_out_begin(&j, out, fmt);
        json_items items = {res, &j};
        int error = print_ordered(res->n, threads_of(res), json_item, &items,
                                  out);
        if (error < 0)
            return error;
        j.n = res->n;
        json_out_end(&j);
        return TDKT_OK;
    }
    case TDKT_FMT_CSV:
        return write_csv(res, out);
    case TDKT_FMT_TABLE:
        return write_table(res, lang, out);
    default:
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "kết quả xét chỉ in được dạng table, "
                                      "jsonl, json hoặc csv, không in %s",
                                      "results can be printed as table, "
                                      "jsonl, json or csv, not %s"),
                              tdkt_format_name(fmt));
    }
}

int tdkt_results_write(const tdkt_results *res, tdkt_format fmt,
                       tdkt_lang lang, FILE *out)
{
    int error = write_results(res, fmt, lang, out);
    return error < 0 ? error : tdkt_output_done(out, lang);
}
