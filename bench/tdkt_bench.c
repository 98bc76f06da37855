/*
 * tdkt_bench: time one step of the tdkt pipeline over the public API and
 * print one JSON object (one line) on stdout.
 *
 *   tdkt_bench --db DB --step load|eval|save|print|diff|report|rules|bk
 *              [--rules DIR] [--from DIR --to DIR] [--threads N]
 *              [--year Y] [--runs N] [--image on|off] [--saved]
 *              [--format jsonl|table|csv|json]
 *
 * One step per process, so that the peak RSS (getrusage, or /usr/bin/time
 * around the process) is the step's own. Each phase of the step (open the
 * store, load the index, open the rules, evaluate, save...) is timed
 * separately with clock_gettime(CLOCK_MONOTONIC) for wall time and
 * getrusage(RUSAGE_SELF) for CPU time (user + system, every thread).
 *
 *   load    tdkt_store_open + tdkt_index_load
 *   eval    load, tdkt_rules_open(--rules), tdkt_eval (--threads)
 *   save    eval, then tdkt_decisions_save into --db (give it a copy:
 *           a saved run grows the database)
 *   print   eval, then tdkt_results_write in --format (default jsonl),
 *           as `tdkt eval` prints, into a stream that counts the bytes
 *           and throws them away: the formatting, not the disk
 *   diff    load, open --from and --to, tdkt_diff_eval under each
 *           (quietly, as `tdkt diff`), tdkt_diff_compare, then
 *           tdkt_diff_explain for the details the default table prints;
 *           with --saved, side A takes the judgements of a saved run of
 *           --from (tdkt_run_results, timed as part of the diff), as
 *           `tdkt diff` does without --fresh
 *   report  tdkt_store_open + tdkt_report_compute(--year)
 *   rules   tdkt_rules_open on --rules (a rules root) and on each rule set
 *           folder found under it, each timed
 *   bk      eval under the BENCH-BK rule set (--rules, 1 thread unless
 *           --threads), with the counts other implementations check:
 *           person nominations, eligible, failures per criterion
 *
 * --image off loads the index from the record tables and writes no image
 * (the library's default, on, reads the store's index image when it has
 * one and writes it when not).
 *
 * --threads 0 (the default) is every core, as tdkt itself. --runs N repeats
 * the step's main phase N times in the process and reports the median (the
 * other phases once); scripts/bench.sh prefers separate processes.
 *
 * Exit status: 0 done, 1 a tdkt call failed (message on stderr), 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tdkt/tdkt.h"

/* ------------------------------------------------------------ timing */

typedef struct stamp {
    double wall; /* seconds, monotonic */
    double cpu;  /* seconds of user + system time, all threads */
} stamp;

static stamp now(void)
{
    struct timespec ts;
    struct rusage ru;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    getrusage(RUSAGE_SELF, &ru);
    stamp s;
    s.wall = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    s.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
    return s;
}

#define MAX_PHASES 32

typedef struct phase {
    char name[64];
    double wall, cpu;
} phase;

static phase phases[MAX_PHASES];
static int nphases;
static stamp started, t0;

static void begin(void) { t0 = now(); }

/* End the phase begun last; its time is added to a phase of that name. */
static double end(const char *name)
{
    stamp t = now();
    for (int i = 0; i < nphases; i++) {
        if (strcmp(phases[i].name, name) == 0) {
            phases[i].wall += t.wall - t0.wall;
            phases[i].cpu += t.cpu - t0.cpu;
            return t.wall - t0.wall;
        }
    }
    if (nphases < MAX_PHASES) {
        phase *p = &phases[nphases++];
        snprintf(p->name, sizeof p->name, "%s", name);
        p->wall = t.wall - t0.wall;
        p->cpu = t.cpu - t0.cpu;
    }
    return t.wall - t0.wall;
}

static const phase *find_phase(const char *name)
{
    for (int i = 0; i < nphases; i++)
        if (strcmp(phases[i].name, name) == 0)
            return &phases[i];
    return NULL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------ output */

static tdkt_buf js;

static void key(const char *k)
{
    if (js.len && js.ptr[js.len - 1] != '{')
        tdkt_buf_puts(&js, ",");
    tdkt_json_str(&js, k);
    tdkt_buf_puts(&js, ":");
}
static void kstr(const char *k, const char *v)
{
    key(k);
    tdkt_json_str(&js, v);
}
static void knum(const char *k, double v)
{
    key(k);
    tdkt_buf_printf(&js, "%.6g", v);
}
static void kint(const char *k, long long v)
{
    key(k);
    tdkt_buf_printf(&js, "%lld", v);
}
static void kopen(const char *k)
{
    key(k);
    tdkt_buf_puts(&js, "{");
}
static void kclose(void) { tdkt_buf_puts(&js, "}"); }

static int fail(const char *what)
{
    const tdkt_error *e = tdkt_error_last();
    fprintf(stderr, "tdkt_bench: %s: %s (%s)\n", what,
            e->message[0] ? e->message : "failed", tdkt_strerror(e->code));
    return 1;
}

static void usage(void)
{
    fputs("usage: tdkt_bench --db DB --step "
          "load|eval|save|print|diff|report|rules|bk\n"
          "                  [--rules DIR] [--from DIR --to DIR] "
          "[--threads N] [--year Y] [--runs N]\n"
          "                  [--image on|off] [--saved] "
          "[--format jsonl|table|csv|json]\n",
          stderr);
}

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* ------------------------------------------------------------ steps */

typedef struct args {
    const char *db, *step, *rules, *from, *to, *format;
    int threads, year, runs;
    bool saved; /* diff: side A from a saved run */
    bool image; /* --image: the store's index image read and written */
} args;

static void index_json(const tdkt_index *ix)
{
    tdkt_index_stats st;
    tdkt_index_stats_get(ix, &st);
    kopen("index");
    kint("units", (long long)st.units);
    kint("people", (long long)st.people);
    kint("appraisals", (long long)st.appraisals);
    kint("honours", (long long)st.honours);
    kint("initiatives", (long long)st.initiatives);
    kint("disciplines", (long long)st.disciplines);
    kint("facts", (long long)st.facts);
    kint("nominations", (long long)st.nominations);
    kint("bytes", (long long)st.bytes);
    kclose();
}

static void outcomes_json(const char *name, const tdkt_results *res)
{
    size_t n = tdkt_results_count(res), noform = 0;
    for (size_t i = 0; i < n; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (!v.form)
            noform++;
    }
    kopen(name);
    for (int o = 0; o < 4; o++)
        kint(tdkt_outcome_code(o),
             (long long)tdkt_results_with_outcome(res, o));
    /* Errors because the set has no form for the code: judged by nothing,
     * so not counted in the rate of judged nominations. */
    kint("no_form", (long long)noform);
    kclose();
}

static size_t judged(const tdkt_results *res)
{
    size_t n = tdkt_results_count(res), k = 0;
    for (size_t i = 0; i < n; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (v.form)
            k++;
    }
    return k;
}

/* The median of the @p runs wall times in w (sorted here); the phase,
 * which summed them, is made the time of one run. */
static double median_per_run(double *w, int runs, const char *phase_name)
{
    qsort(w, (size_t)runs, sizeof *w, cmp_double);
    for (int i = 0; i < nphases; i++)
        if (strcmp(phases[i].name, phase_name) == 0) {
            phases[i].wall /= runs;
            phases[i].cpu /= runs;
        }
    return w[runs / 2];
}

/* Evaluate opt.runs times; keep the last results, report the median. */
static int evaluate(tdkt_results **res, const tdkt_index *ix,
                    const tdkt_rules *rules, const args *a, int threads,
                    const char *phase_name, double *median)
{
    tdkt_eval_options o = TDKT_EVAL_OPTIONS_INIT;
    o.year = a->year;
    o.threads = threads;
    double *w = calloc((size_t)a->runs, sizeof *w);
    if (!w)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (int r = 0; r < a->runs; r++) {
        if (*res) {
            tdkt_results_free(*res);
            *res = NULL;
        }
        begin();
        if (tdkt_eval(res, ix, rules, &o) < 0) {
            free(w);
            return -1;
        }
        w[r] = end(phase_name);
    }
    *median = median_per_run(w, a->runs, phase_name);
    free(w);
    return 0;
}

static int open_load(tdkt_store **store, tdkt_index **ix, const args *a,
                     int flags)
{
    begin();
    if (tdkt_store_open(store, a->db, flags) < 0)
        return fail("tdkt_store_open");
    end("open");
    begin();
    tdkt_index_options o = TDKT_INDEX_OPTIONS_INIT;
    o.image = a->image;
    if (tdkt_index_load_with(ix, *store, &o) < 0)
        return fail("tdkt_index_load");
    end("load");
    index_json(*ix);
    return 0;
}

static int step_eval(const args *a, bool save, bool bk)
{
    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    tdkt_rules *rules = NULL;
    tdkt_results *res = NULL;
    int status = 1;
    int threads = bk && a->threads < 0 ? 1 : a->threads < 0 ? 0 : a->threads;
    double median = 0;
    if (open_load(&store, &ix, a, save ? TDKT_STORE_WRITE : TDKT_STORE_READ))
        goto done;
    begin();
    if (tdkt_rules_open(&rules, a->rules) < 0) {
        fail("tdkt_rules_open");
        goto done;
    }
    end("rules");
    if (evaluate(&res, ix, rules, a, threads, "eval", &median) < 0) {
        fail("tdkt_eval");
        goto done;
    }
    size_t n = tdkt_results_count(res), k = judged(res);
    kint("threads", threads ? threads : cores());
    kint("nominations", (long long)n);
    kint("judged", (long long)k);
    knum("eval_median_s", median);
    /* The rate of the step: nominations judged (a form applied) per
     * second of evaluation, and of every nomination selected. */
    knum("rate", median > 0 ? (double)k / median : 0);
    knum("rate_all", median > 0 ? (double)n / median : 0);
    outcomes_json("outcomes", res);
    if (bk) {
        /* The counts another implementation of BENCH-BK must reproduce:
         * over person nominations (BENCH-BK has no unit form). */
        size_t persons = 0, eligible = 0, ineligible = 0, errors = 0;
        size_t noform = 0;
        size_t fails[3] = {0}, unknown = 0;
        static const char *const ids[3] = {"two_years_excellent",
                                           "two_initiatives",
                                           "no_discipline"};
        for (size_t i = 0; i < n; i++) {
            tdkt_result_view v;
            tdkt_result_get(res, i, &v);
            if (strcmp(v.subject_type, "person") != 0)
                continue;
            persons++;
            if (!v.form)
                noform++; /* a code the set has no form for */
            if (v.outcome == TDKT_ELIGIBLE)
                eligible++;
            else if (v.outcome == TDKT_INELIGIBLE)
                ineligible++;
            else if (v.outcome == TDKT_OUTCOME_ERROR)
                errors++;
            for (size_t c = 0; c < v.nnodes; c++) {
                tdkt_criterion_view cv;
                tdkt_result_node(res, i, c, TDKT_LANG_EN, &cv);
                for (int q = 0; q < 3; q++)
                    if (strcmp(cv.id, ids[q]) == 0) {
                        if (cv.result == TDKT_FAIL)
                            fails[q]++;
                        else if (cv.result == TDKT_UNKNOWN)
                            unknown++;
                    }
            }
        }
        kopen("bk");
        kint("person_nominations", (long long)persons);
        kint("eligible", (long long)eligible);
        kint("ineligible", (long long)ineligible);
        kint("error", (long long)errors);
        kint("no_form", (long long)noform);
        kopen("fail");
        for (int q = 0; q < 3; q++)
            kint(ids[q], (long long)fails[q]);
        kclose();
        kint("unknown", (long long)unknown);
        kclose();
    }
    if (save) {
        char opts[128];
        snprintf(opts, sizeof opts,
                 "{\"year\":%d,\"ids\":[],\"threads\":%d,\"lang\":\"vi\","
                 "\"bench\":true}",
                 a->year, threads);
        int64_t run_id = 0;
        begin();
        if (tdkt_decisions_save(store, res, a->rules, opts, &run_id) < 0) {
            fail("tdkt_decisions_save");
            goto done;
        }
        end("save");
        kint("run_id", (long long)run_id);
        knum("save_rate", find_phase("save")->wall > 0
                              ? (double)n / find_phase("save")->wall
                              : 0);
    }
    status = 0;
done:
    begin();
    tdkt_results_free(res);
    tdkt_rules_free(rules);
    tdkt_index_free(ix);
    end("free");
    /* Closing the last connection checkpoints the WAL into the database:
     * after a save, that is where most of the writing happens. */
    begin();
    tdkt_store_close(store);
    end("close");
    return status;
}

/* A stream that counts what is written to it and keeps nothing. */
static ssize_t count_write(void *cookie, const char *buf, size_t n)
{
    (void)buf;
    *(size_t *)cookie += n;
    return (ssize_t)n;
}

static int step_print(const args *a)
{
    tdkt_format fmt;
    if (tdkt_format_parse(&fmt, a->format) < 0) {
        fprintf(stderr, "tdkt_bench: unknown --format %s\n", a->format);
        return 2;
    }
    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    tdkt_rules *rules = NULL;
    tdkt_results *res = NULL;
    FILE *out = NULL;
    size_t bytes = 0;
    int status = 1, threads = a->threads < 0 ? 0 : a->threads;
    double median = 0;
    if (open_load(&store, &ix, a, TDKT_STORE_READ))
        goto done;
    if (tdkt_rules_open(&rules, a->rules) < 0) {
        fail("tdkt_rules_open");
        goto done;
    }
    args once = *a;
    once.runs = 1; /* the printing is timed, not the evaluation */
    if (evaluate(&res, ix, rules, &once, threads, "eval", &median) < 0) {
        fail("tdkt_eval");
        goto done;
    }
    out = fopencookie(&bytes, "w", (cookie_io_functions_t){
                                       .write = count_write});
    if (!out) {
        fail("fopencookie");
        goto done;
    }
    setvbuf(out, NULL, _IOFBF, 1 << 16); /* as stdout to a file or pipe */
    double *w = calloc((size_t)a->runs, sizeof *w);
    if (!w) {
        fputs("tdkt_bench: out of memory\n", stderr);
        goto done;
    }
    for (int r = 0; r < a->runs; r++) {
        bytes = 0;
        begin();
        int error = tdkt_results_write(res, fmt, TDKT_LANG_VI, out);
        fflush(out);
        w[r] = end("print");
        if (error < 0) {
            free(w);
            fail("tdkt_results_write");
            goto done;
        }
    }
    kstr("format", tdkt_format_name(fmt));
    kint("threads", threads ? threads : cores());
    kint("nominations", (long long)tdkt_results_count(res));
    kint("bytes", (long long)bytes);
    knum("print_median_s", median_per_run(w, a->runs, "print"));
    free(w);
    status = 0;
done:
    if (out)
        fclose(out);
    tdkt_results_free(res);
    tdkt_rules_free(rules);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    return status;
}

static int step_load(const args *a)
{
    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    int status = open_load(&store, &ix, a, TDKT_STORE_READ);
    if (status == 0) {
        tdkt_index_stats st;
        tdkt_index_stats_get(ix, &st);
        kint("nominations", (long long)st.nominations);
        const phase *p = find_phase("load");
        knum("rate", p && p->wall > 0 ? (double)st.nominations / p->wall : 0);
    }
    begin();
    tdkt_index_free(ix);
    tdkt_store_close(store);
    end("free");
    return status;
}

static void changes_json(const tdkt_diff *d)
{
    kopen("changes");
    for (int c = TDKT_SAME; c <= TDKT_REASONS; c++)
        kint(tdkt_change_code(c), (long long)tdkt_diff_count(d, c));
    kclose();
}

static int step_diff(const args *a)
{
    tdkt_store *store = NULL;
    tdkt_index *ix = NULL;
    tdkt_rules *ra = NULL, *rb = NULL;
    tdkt_results *resa = NULL, *resb = NULL, *saved = NULL;
    tdkt_diff *d = NULL;
    int64_t saved_run = 0;
    int status = 1, threads = a->threads < 0 ? 0 : a->threads;
    tdkt_eval_options o = TDKT_EVAL_OPTIONS_INIT;
    o.year = a->year;
    o.threads = threads;
    o.quiet = true; /* as tdkt diff: the details it prints come after */
    if (open_load(&store, &ix, a, TDKT_STORE_READ))
        goto done;
    begin();
    if (tdkt_rules_open(&ra, a->from) < 0 || tdkt_rules_open(&rb, a->to) < 0) {
        fail("tdkt_rules_open");
        goto done;
    }
    end("rules");
    stamp s0 = now();
    if (a->saved) {
        begin();
        if (tdkt_run_results(&saved, &saved_run, store, ix, ra, &o) < 0) {
            fail("tdkt_run_results");
            goto done;
        }
        end("saved");
    }
    begin();
    if (tdkt_diff_eval(&resa, ix, ra, &o, saved) < 0) {
        fail("tdkt_eval (from)");
        goto done;
    }
    size_t reused = tdkt_results_reused(resa);
    tdkt_results_free(saved); /* as tdkt diff: side A has its own copy */
    saved = NULL;
    end("eval_from");
    begin();
    if (tdkt_diff_eval(&resb, ix, rb, &o, resa) < 0) {
        fail("tdkt_eval (to)");
        goto done;
    }
    end("eval_to");
    begin();
    if (tdkt_diff_compare(&d, resa, resb) < 0) {
        fail("tdkt_diff_compare");
        goto done;
    }
    end("compare");
    /* The details its table prints (tdkt diff's default format, every
     * change): judged again in full, as tdkt_diff_write() does first. */
    begin();
    if (tdkt_diff_explain(d, TDKT_FMT_TABLE, 0) < 0) {
        fail("tdkt_diff_explain");
        goto done;
    }
    end("explain");
    stamp s1 = now();
    size_t n = tdkt_results_count(resa);
    kint("threads", threads ? threads : cores());
    kint("nominations", (long long)n);
    kint("saved_run", (long long)saved_run);
    kint("reused_from", (long long)reused);
    /* The dry run as a user waits for it: both evaluations (with reading
     * the saved run, if any), the comparison and the details it prints
     * (not the load, shared with any other step, nor the printing). */
    knum("diff_s", s1.wall - s0.wall);
    knum("diff_cpu_s", s1.cpu - s0.cpu);
    knum("rate", s1.wall > s0.wall ? (double)n / (s1.wall - s0.wall) : 0);
    outcomes_json("outcomes_from", resa);
    outcomes_json("outcomes_to", resb);
    changes_json(d);
    status = 0;
done:
    begin();
    tdkt_diff_free(d);
    tdkt_results_free(resa);
    tdkt_results_free(resb);
    tdkt_results_free(saved);
    tdkt_rules_free(ra);
    tdkt_rules_free(rb);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    end("free");
    return status;
}

static int step_report(const args *a)
{
    tdkt_store *store = NULL;
    tdkt_report *r = NULL;
    int status = 1;
    begin();
    if (tdkt_store_open(&store, a->db, TDKT_STORE_READ) < 0) {
        fail("tdkt_store_open");
        goto done;
    }
    end("open");
    double *w = calloc((size_t)a->runs, sizeof *w);
    if (!w)
        goto done;
    for (int k = 0; k < a->runs; k++) {
        tdkt_report_free(r);
        r = NULL;
        begin();
        if (tdkt_report_compute(&r, store, a->year) < 0) {
            free(w);
            fail("tdkt_report_compute");
            goto done;
        }
        w[k] = end("report");
    }
    knum("report_median_s", median_per_run(w, a->runs, "report"));
    free(w);
    kint("year", a->year);
    const tdkt_report_row *tot = &r->rows[TDKT_REPORT_NFORMS];
    kint("total_honoured", tot->count[3]);
    status = 0;
done:
    tdkt_report_free(r);
    tdkt_store_close(store);
    return status;
}

/* The rule set folders under root (two levels: jurisdiction/set), sorted. */
static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static size_t list_sets(const char *root, char ***out)
{
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    DIR *d = opendir(root);
    struct dirent *e;
    while (v && d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char juris[PATH_MAX];
        snprintf(juris, sizeof juris, "%s/%s", root, e->d_name);
        DIR *d2 = opendir(juris);
        struct dirent *e2;
        while (d2 && (e2 = readdir(d2))) {
            if (e2->d_name[0] == '.')
                continue;
            char manifest[PATH_MAX + 300];
            struct stat st;
            snprintf(manifest, sizeof manifest, "%s/%s/ruleset.lua", juris,
                     e2->d_name);
            if (stat(manifest, &st) != 0)
                continue;
            if (n == cap) {
                char **nv = realloc(v, (cap *= 2) * sizeof *v);
                if (!nv)
                    break;
                v = nv;
            }
            size_t len = strlen(manifest) - strlen("/ruleset.lua");
            v[n] = malloc(len + 1);
            if (!v[n])
                break;
            memcpy(v[n], manifest, len);
            v[n++][len] = '\0';
        }
        if (d2)
            closedir(d2);
    }
    if (d)
        closedir(d);
    if (v)
        qsort(v, n, sizeof *v, cmp_str);
    *out = v;
    return n;
}

static size_t count_forms(const tdkt_rules *rules)
{
    size_t k = 0;
    for (size_t i = 0; i < tdkt_rules_count(rules); i++)
        k += tdkt_ruleset_forms(tdkt_rules_at(rules, i));
    return k;
}

static int time_open(const char *path, const char *label, int runs)
{
    double *w = calloc((size_t)runs, sizeof *w);
    size_t sets = 0, forms = 0;
    if (!w)
        return -1;
    stamp c0 = now();
    for (int r = 0; r < runs; r++) {
        tdkt_rules *rules = NULL;
        begin();
        if (tdkt_rules_open(&rules, path) < 0) {
            free(w);
            return fail(path);
        }
        w[r] = end(label);
        sets = tdkt_rules_count(rules);
        forms = count_forms(rules);
        tdkt_rules_free(rules);
    }
    stamp c1 = now();
    qsort(w, (size_t)runs, sizeof *w, cmp_double);
    kopen(label);
    kstr("path", path);
    kint("sets", (long long)sets);
    kint("forms", (long long)forms);
    knum("wall_s", w[runs / 2]);
    knum("min_s", w[0]);
    knum("cpu_s", (c1.cpu - c0.cpu) / runs);
    kclose();
    free(w);
    return 0;
}

static int step_rules(const args *a)
{
    char **sets = NULL;
    size_t n = list_sets(a->rules, &sets);
    int status = 0;
    kopen("open");
    /* The whole root: every set of every jurisdiction, as tdkt eval
     * without --rules opens it. */
    if (time_open(a->rules, "all", a->runs) != 0)
        status = 1;
    for (size_t i = 0; i < n && status == 0; i++) {
        const char *rel = sets[i] + strlen(a->rules) + 1;
        if (time_open(sets[i], rel, a->runs) != 0)
            status = 1;
    }
    kclose();
    for (size_t i = 0; i < n; i++)
        free(sets[i]);
    free(sets);
    return status;
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    args a = {NULL, NULL, NULL, NULL, NULL, "jsonl", -1, 0, 1, false, true};
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0) {
            usage();
            return 0;
        }
        if (strcmp(o, "--saved") == 0) {
            a.saved = true;
            continue;
        }
        if (!v) {
            usage();
            return 2;
        }
        if (strcmp(o, "--db") == 0)
            a.db = v;
        else if (strcmp(o, "--step") == 0)
            a.step = v;
        else if (strcmp(o, "--rules") == 0)
            a.rules = v;
        else if (strcmp(o, "--from") == 0)
            a.from = v;
        else if (strcmp(o, "--to") == 0)
            a.to = v;
        else if (strcmp(o, "--format") == 0)
            a.format = v;
        else if (strcmp(o, "--threads") == 0)
            a.threads = atoi(v);
        else if (strcmp(o, "--year") == 0)
            a.year = atoi(v);
        else if (strcmp(o, "--runs") == 0)
            a.runs = atoi(v) > 0 ? atoi(v) : 1;
        else if (strcmp(o, "--image") == 0 &&
                 (strcmp(v, "on") == 0 || strcmp(v, "off") == 0))
            a.image = strcmp(v, "on") == 0;
        else {
            usage();
            return 2;
        }
        i++;
    }
    if (!a.step) {
        usage();
        return 2;
    }
    bool needs_db = strcmp(a.step, "rules") != 0;
    bool needs_rules = strcmp(a.step, "eval") == 0 ||
                       strcmp(a.step, "save") == 0 ||
                       strcmp(a.step, "print") == 0 ||
                       strcmp(a.step, "bk") == 0;
    if ((needs_db && !a.db) || (needs_rules && !a.rules) ||
        (strcmp(a.step, "diff") == 0 && (!a.from || !a.to))) {
        usage();
        return 2;
    }
    if (strcmp(a.step, "rules") == 0 && !a.rules)
        a.rules = tdkt_rules_default_root();
    if (strcmp(a.step, "report") == 0 && !a.year)
        a.year = 2024;

    started = now();
    tdkt_buf_puts(&js, "{");
    kstr("step", a.step);
    kstr("tdkt", tdkt_version());
    kstr("build", tdkt_build());
    kint("cores", cores());
    if (a.db)
        kstr("db", a.db);
    if (a.rules && strcmp(a.step, "diff") != 0)
        kstr("rules", a.rules);
    if (a.from)
        kstr("from", a.from);
    if (a.to)
        kstr("to", a.to);
    kint("runs", a.runs);

    int status;
    if (strcmp(a.step, "load") == 0)
        status = step_load(&a);
    else if (strcmp(a.step, "eval") == 0)
        status = step_eval(&a, false, false);
    else if (strcmp(a.step, "save") == 0)
        status = step_eval(&a, true, false);
    else if (strcmp(a.step, "print") == 0)
        status = step_print(&a);
    else if (strcmp(a.step, "bk") == 0)
        status = step_eval(&a, false, true);
    else if (strcmp(a.step, "diff") == 0)
        status = step_diff(&a);
    else if (strcmp(a.step, "report") == 0)
        status = step_report(&a);
    else if (strcmp(a.step, "rules") == 0)
        status = step_rules(&a);
    else {
        usage();
        tdkt_buf_free(&js);
        return 2;
    }

    stamp fin = now();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    kopen("phases");
    for (int i = 0; i < nphases; i++) {
        kopen(phases[i].name);
        knum("wall_s", phases[i].wall);
        knum("cpu_s", phases[i].cpu);
        kclose();
    }
    kclose();
    knum("total_wall_s", fin.wall - started.wall);
    knum("total_cpu_s", fin.cpu - started.cpu);
    kint("maxrss_kb", ru.ru_maxrss);
    /* Voluntary switches: a thread waited (a lock, I/O); involuntary: it
     * was preempted (another process wanted the core, e.g. on a busy
     * machine). Tells a serialised evaluation from a crowded one. */
    kint("ctx_voluntary", ru.ru_nvcsw);
    kint("ctx_involuntary", ru.ru_nivcsw);
    kint("status", status);
    tdkt_buf_puts(&js, "}\n");
    if (js.oom) {
        fputs("tdkt_bench: out of memory\n", stderr);
        return 1;
    }
    fputs(tdkt_buf_cstr(&js), stdout);
    tdkt_buf_free(&js);
    return status;
}
