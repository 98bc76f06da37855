/*
 * Why a result has its outcome: the criteria that failed or are not yet
 * decided. A form with routes (điều kiện thay thế: "by route a, or by
 * route b") passes when one route does; the criteria of the routes that
 * failed then explain nothing, so they are not reasons.
 */
#include <string.h>

#include "eval/eval_internal.h"

void result_reasons(const tdkt_result_view *v, result_node_fn *node,
                    const void *ctx, reason_fn *fn, void *arg)
{
    /* Nodes come in preorder with their depth: the nodes under a routes
     * group are those after it that are deeper. */
    int passed_routes = -1; /* the depth of the passing group we are in */
    for (size_t k = 0; k < v->nnodes; k++) {
        tdkt_criterion_view c;
        node(ctx, k, &c);
        if (passed_routes >= 0 && c.depth <= passed_routes)
            passed_routes = -1;
        if (c.result < 0)
            continue; /* not judged */
        if (strcmp(c.kind, "routes") == 0) {
            if (passed_routes < 0 && c.result == TDKT_PASS)
                passed_routes = c.depth;
            continue; /* its criteria say more */
        }
        if (strcmp(c.kind, "route") == 0 || passed_routes >= 0 ||
            (c.result != TDKT_FAIL && c.result != TDKT_UNKNOWN))
            continue;
        fn(arg, &c);
    }
}

const char *criterion_label(const tdkt_criterion_view *c)
{
    return c->text && c->text[0] ? c->text : c->id;
}

static void add_id(void *arg, const tdkt_criterion_view *c)
{
    tdkt_buf *b = arg;
    tdkt_buf_printf(b, "%s%s%s", b->len ? "; " : "",
                    c->result == TDKT_UNKNOWN ? "?" : "", c->id);
}

static void add_label(void *arg, const tdkt_criterion_view *c)
{
    tdkt_buf *b = arg;
    tdkt_buf_printf(b, "%s%s %s", b->len ? "; " : "", result_mark(c->result),
                    criterion_label(c));
}

void result_reasons_text(tdkt_buf *b, const tdkt_result_view *v,
                         result_node_fn *node, const void *ctx, bool words)
{
    if (v->message)
        tdkt_buf_puts(b, v->message);
    else
        result_reasons(v, node, ctx, words ? add_label : add_id, b);
}
