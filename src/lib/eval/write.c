/*
 * Printing evaluation results: JSON lines (spec/cli.md), CSV (one row per
 * nomination, for spreadsheets), and a readable table grouped by form,
 * in Vietnamese by default.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

void result_json_write(tdkt_buf *b, const tdkt_result_view *v,
                       const char *ruleset, result_node_fn *node,
                       const void *ctx)
{
    tdkt_buf_puts(b, "{\"nomination\":");
    tdkt_json_str(b, v->nomination);
    tdkt_buf_puts(b, ",\"subject_type\":");
    tdkt_json_str(b, v->subject_type);
    tdkt_buf_puts(b, ",\"subject_id\":");
    tdkt_json_str(b, v->subject_id);
    tdkt_buf_puts(b, ",\"code\":");
    tdkt_json_str(b, v->code);
    tdkt_buf_printf(b, ",\"year\":%d,\"ruleset\":", v->year);
    tdkt_json_str(b, ruleset);
    tdkt_buf_puts(b, ",\"outcome\":");
    tdkt_json_str(b, tdkt_outcome_code(v->outcome));
    if (v->message) {
        tdkt_buf_puts(b, v->outcome == TDKT_OUTCOME_ERROR ? ",\"error\":"
                                                           : ",\"reason\":");
        tdkt_json_str(b, v->message);
    }
    tdkt_buf_puts(b, ",\"criteria\":[");
    bool first = true;
    for (size_t k = 0; k < v->nnodes; k++) {
        tdkt_criterion_view c;
        node(ctx, k, &c);
        if (c.result < 0)
            continue;
        tdkt_buf_puts(b, first ? "{\"id\":" : ",{\"id\":");
        first = false;
        tdkt_json_str(b, c.id);
        if (strcmp(c.kind, "criterion") != 0) {
            tdkt_buf_puts(b, ",\"kind\":");
            tdkt_json_str(b, c.kind);
        }
        if (c.route) {
            tdkt_buf_puts(b, ",\"route\":");
            tdkt_json_str(b, c.route);
        }
        tdkt_buf_puts(b, ",\"result\":");
        tdkt_json_str(b, tdkt_result_code(c.result));
        if (c.basis) {
            tdkt_buf_puts(b, ",\"basis\":");
            tdkt_json_str(b, c.basis);
            tdkt_buf_puts(b, ",\"status\":");
            tdkt_json_str(b, c.status);
        }
        tdkt_buf_puts(b, ",\"detail\":");
        tdkt_json_str(b, c.detail);
        tdkt_buf_puts(b, "}");
    }
    tdkt_buf_puts(b, "]}");
}

typedef struct live_result {
    const tdkt_results *res;
    size_t i;
} live_result;

static void live_node(const void *ctx, size_t k, tdkt_criterion_view *out)
{
    const live_result *r = ctx;
    tdkt_result_node(r->res, r->i, k, TDKT_LANG_VI, out);
}

void tdkt_result_json(const tdkt_results *res, size_t i, tdkt_buf *b)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    live_result r = {res, i};
    result_json_write(b, &v, v.ruleset ? tdkt_ruleset_id(v.ruleset) : NULL,
                      live_node, &r);
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

void json_out_item(json_out *j, const char *obj)
{
    if (j->n++)
        fputs(j->array ? ",\n" : "\n", j->out);
    tdkt_safe_fputs(obj, j->out);
}

void json_out_end(json_out *j)
{
    if (j->n)
        fputc('\n', j->out);
    if (j->array)
        fputs("]\n", j->out);
}

static const char *mark(int result)
{
    return result == TDKT_PASS   ? "✔"
           : result == TDKT_FAIL ? "✘"
                                 : "?";
}

/* Failed and unknown criteria ids, for one-line summaries. */
static void reasons(const tdkt_results *res, size_t i, tdkt_buf *b)
{
    tdkt_result_view v;
    tdkt_result_get(res, i, &v);
    if (v.message) {
        tdkt_buf_puts(b, v.message);
        return;
    }
    for (size_t k = 0; k < v.nnodes; k++) {
        tdkt_criterion_view c;
        tdkt_result_node(res, i, k, TDKT_LANG_VI, &c);
        if (strcmp(c.kind, "criterion") != 0 ||
            (c.result != TDKT_FAIL && c.result != TDKT_UNKNOWN))
            continue;
        /* Inside routes, a failed route is a reason only when no route
         * passed; the routes node tells. */
        tdkt_buf_printf(b, "%s%s%s", b->len ? "; " : "",
                        c.result == TDKT_UNKNOWN ? "?" : "", c.id);
    }
}

static int write_csv(const tdkt_results *res, tdkt_lang lang, FILE *out)
{
    (void)lang;
    fputs("nomination,subject_type,subject_id,subject_name,code,year,"
          "ruleset,outcome,reasons\n",
          out);
    for (size_t i = 0; i < res->n; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        tdkt_buf b = {0}, why = {0};
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
        reasons(res, i, &why);
        cells[8] = tdkt_buf_cstr(&why);
        for (int c = 0; c < 9; c++) {
            if (c)
                tdkt_buf_put(&b, ",", 1);
            tdkt_csv_cell(&b, cells[c]);
        }
        bool oom = b.oom || why.oom;
        if (!oom)
            fprintf(out, "%s\n", tdkt_buf_cstr(&b));
        tdkt_buf_free(&b);
        tdkt_buf_free(&why);
        if (oom) /* a truncated row would pass for a whole one */
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    return TDKT_OK;
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

static int write_table(const tdkt_results *res, tdkt_lang lang, FILE *out)
{
    size_t *order = malloc((res->n ? res->n : 1) * sizeof *order);
    if (!order)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < res->n; i++)
        order[i] = i;
    qsort_r(order, res->n, sizeof *order, cmp_by_form, (void *)res);
    int last_code = -1;
    bool cut = false; /* a line printed short: the host's memory ran out */
    /* counts[code][outcome] for the summary */
    size_t counts[TDKT_AWARD_COUNT_ + 1][4];
    memset(counts, 0, sizeof counts);
    for (size_t oi = 0; oi < res->n; oi++) {
        size_t i = order[oi];
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        int code = res->ix->noms[res->items[i].nom].code;
        counts[code == IX_NONE ? TDKT_AWARD_COUNT_ : code][v.outcome]++;
        if (code != last_code) {
            last_code = code;
            const char *name = v.form
                                   ? tdkt_form_name(v.form, lang)
                                   : tdkt_vocab_name(TDKT_V_AWARD, code, lang);
            cut |= tdkt_safe_printf(out, "\n━━ %s (%s) ━━\n",
                                    name ? name : v.code, v.code) < 0;
        }
        cut |= tdkt_safe_printf(out, "\n%s  %s (%s), %d: %s", v.nomination,
                                v.subject_name, v.subject_id, v.year,
                                tdkt_outcome_name(v.outcome, lang)) < 0;
        if (v.ruleset)
            cut |= tdkt_safe_printf(out, "   [%s]",
                                    tdkt_ruleset_id(v.ruleset)) < 0;
        fputc('\n', out);
        if (v.message)
            cut |= tdkt_safe_printf(out, "    %s %s\n",
                                    v.outcome == TDKT_OUTCOME_ERROR ? "!" : "→",
                                    v.message) < 0;
        for (size_t k = 0; k < v.nnodes; k++) {
            tdkt_criterion_view c;
            tdkt_result_node(res, i, k, lang, &c);
            if (c.result < 0)
                continue;
            int indent = 4 + 2 * c.depth;
            if (strcmp(c.kind, "route") == 0 || strcmp(c.kind, "routes") == 0) {
                cut |= tdkt_safe_printf(out, "%*s%s %s%s%s\n", indent, "",
                                        mark(c.result), c.text ? c.text : c.id,
                                        c.detail[0] ? ": " : "", c.detail) < 0;
                continue;
            }
            cut |= tdkt_safe_printf(out, "%*s%s %s", indent, "", mark(c.result),
                                    c.text ? c.text : c.id) < 0;
            if (c.detail[0])
                cut |= tdkt_safe_printf(out, " — %s", c.detail) < 0;
            cut |= tdkt_safe_printf(
                       out, "  [%s%s%s]\n", c.basis ? c.basis : "",
                       c.status && strcmp(c.status, "U") == 0
                           ? TDKT_TR(lang, "; chưa kiểm chứng", "; unverified")
                           : "",
                       "") < 0;
        }
    }
    free(order);
    /* Summary per award code. */
    cut |= tdkt_safe_printf(out, "\n%s\n",
                            TDKT_TR(lang, "Tổng hợp", "Summary")) < 0;
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
    int error = tdkt_table_print(t, out);
    tdkt_table_free(t);
    if (error == TDKT_OK && cut)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    return error;
}

int tdkt_results_write(const tdkt_results *res, tdkt_format fmt,
                       tdkt_lang lang, FILE *out)
{
    switch (fmt) {
    case TDKT_FMT_JSONL:
    case TDKT_FMT_JSON: {
        json_out j;
        json_out_begin(&j, out, fmt);
        tdkt_buf b = {0};
        for (size_t i = 0; i < res->n; i++) {
            b.len = 0;
            tdkt_result_json(res, i, &b);
            if (b.oom) { /* truncated JSON would be a lie, or unreadable */
                tdkt_buf_free(&b);
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            }
            json_out_item(&j, tdkt_buf_cstr(&b));
        }
        tdkt_buf_free(&b);
        json_out_end(&j);
        return TDKT_OK;
    }
    case TDKT_FMT_CSV:
        return write_csv(res, lang, out);
    case TDKT_FMT_TABLE:
        return write_table(res, lang, out);
    default:
        return tdkt_error_set(TDKT_EINVALID,
                              "results can be printed as table, jsonl, json "
                              "or csv, not %s",
                              tdkt_format_name(fmt));
    }
}
