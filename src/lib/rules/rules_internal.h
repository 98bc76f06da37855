/*
 * Rule sets inside the library: descriptors (C structs built once when a
 * set is opened, shared read-only by every thread) and runtimes (one Lua
 * state per thread and set, holding the compiled check functions).
 *
 * The descriptors carry everything output needs (ids, citations, reading
 * status, texts); the Lua states carry only code. A worker's state loads
 * the same files in the same order, so node i of a form's descriptor is
 * function i of that form in every state.
 */
#ifndef TDKT_RULES_INTERNAL_H
#define TDKT_RULES_INTERNAL_H

#include <lua.h>
#include <pthread.h>
#include <stdatomic.h>
#include "tdkt/rules.h"
#include "tdkt/output.h"
#include "index/index_internal.h"
#include "rules/pool.h"

typedef enum rn_kind { RN_CRITERION, RN_ROUTES, RN_ROUTE, RN_QUOTA } rn_kind;

typedef struct rule_node {
    rn_kind kind;
    char *id, *basis, *status, *vi, *en, *file;
    int line;
    int parent;    /* node index, -1 at the top */
    int depth;     /* 0 at the top */
    int *children; /* node indexes */
    int nchildren;
} rule_node;

struct tdkt_form {
    int award, subject; /* enum tdkt_award, TDKT_PERSON/TDKT_UNIT */
    char *name_vi, *name_en, *basis, *file;
    int line;
    rule_node *nodes; /* preorder */
    int nnodes;
    int *top;         /* top-level node indexes */
    int ntop;
    int quota;        /* node index of the quota, or -1 */
    int quota_base;   /* award code the cap is a share of */
    char *quota_rate; /* name of the parameter holding the percent */
    bool quota_all;   /* per = "all" (else per unit) */
    int ncriteria, nunverified;
    unsigned kinds; /* kinds of honour the criteria judge (mask); 0: all */
};

typedef struct rule_param {
    char *name;   /* "x" set-wide, or "form.x" */
    int type;     /* LUA_TNUMBER, LUA_TSTRING, LUA_TBOOLEAN */
    double num;
    char *str;
    char *text;   /* the value as text, for listings */
    char *origin; /* the set (or "--set") that gave it */
    int line;     /* its line in the manifest that declares it, or 0 */
} rule_param;

struct tdkt_ruleset {
    char *id, *dir, *root, *manifest;
    char *title_vi, *title_en, *basis, *parent_id;
    int manifest_line; /* of `ruleset {` */
    /* the lines of the manifest's fields, for errors (manifest_line when
     * the text does not show one: fieldline.c) */
    int id_line, extends_line, from_line, to_line;
    tdkt_date from, to;
    tdkt_ruleset *parent;
    char **caveats;
    size_t ncaveats;
    rule_param *params; /* own manifest params (before inheritance) */
    size_t nparams;
    rule_param *merged; /* in force: chain, forms' defaults, overrides */
    size_t nmerged;
    char **files; /* own form files, sorted */
    size_t nfiles;
    /* Their bytes, and the manifest's, read once as the set is opened:
     * the audit hash and every Lua state (each worker's, made later)
     * are these, so that a file edited during a run changes neither. */
    char **sources;
    size_t *source_lens;
    char *manifest_src;
    size_t manifest_len;
    char **tests; /* own test files, sorted */
    size_t ntests;
    tdkt_form *forms; /* sorted by award code, then subject */
    size_t nforms;
    char sha256[65];
    /* A form file of the set or its ancestors names meets(): only then is
     * a run's memo worth seeding (eval.c). A script that reaches meets()
     * without naming it still gets the right answers, unmemoized. */
    bool asks_meets;
    size_t index; /* position in tdkt_rules.sets */
    tdkt_rules *owner;
};

struct tdkt_rules {
    tdkt_ruleset **sets; /* every set loaded: opened ones and parents */
    size_t nsets;
    tdkt_ruleset **opened;
    size_t nopened;
    bool by_date; /* a folder of sets: choose by date */
    bool overridden; /* a parameter was set by tdkt_rules_set_param (--set):
                      * the sets' files no longer tell every parameter */
};

/* Sandbox limits of one Lua state. */
typedef struct rt_limits {
    uint64_t instructions; /* per nomination */
    unsigned time_ms;      /* per nomination, wall clock */
    size_t memory;         /* bytes per Lua state */
} rt_limits;

#define RT_MAX_DEPTH 4 /* nested meets() */

/* Levels of routes a form may nest: a routes inside a route of a routes,
 * and so on. The regulations encoded so far need one (the alternatives of
 * an article); 8 leaves room for alternatives within alternatives several
 * times over. The loader recurses once per routes and per route, so the
 * bound is also what keeps a form nested thousands deep, or holding a
 * routes inside itself, from overrunning the Lua and C stacks (load.c).
 * rules/README.md tells the officials who write forms. */
#define RT_MAX_ROUTES 8

/* A state the watchdog (watch.c) looks after while it is armed. */
typedef struct rt_watch {
    _Atomic int state;          /* watch.c's WATCH_* */
    _Atomic uint64_t armed_ns;  /* when the nomination started, then when
                                   the watchdog last signalled it */
    _Atomic bool poked;         /* the signal handler ran since arming */
    pthread_t thread;           /* the thread that armed it */
    void (*poke)(void *arg);    /* in that thread's signal handler */
    void *arg;
    struct rt_watch *outer;     /* the thread's previously armed one */
    struct rt_watch *prev, *next;
} rt_watch;

/* How long a nomination runs before its count hook is set. */
#define RT_WATCH_SLICE_NS (2u * 1000 * 1000)

/* What a running evaluation needs from the host; set per nomination. */
typedef struct rt_eval_ctx {
    const tdkt_index *ix;
    tdkt_lang lang;
} rt_eval_ctx;

/* One sandboxed Lua state with one rule set's forms compiled into it. */
typedef struct rt {
    lua_State *L;
    const tdkt_ruleset *rs;
    rt_limits limits;
    /* allocator and its accounting */
    rt_pool pool;
    size_t mem_used, mem_peak;
    bool mem_exceeded;
    /* "file:line: " of the allocation the cap refused first: Lua raises a
     * memory error without a message handler, so its position is kept
     * here (empty: none known) */
    char mem_where[200];
    bool host_oom; /* the C allocator failed: nothing since is trusted */
    /* Judges for verdicts alone (RT_QUIET): the prelude's helpers build no
     * detail, criteria keep none and meets() writes no summary. */
    bool quiet;
    /* time and instruction budget of the current call */
    uint64_t budget_left;
    uint64_t deadline_ns;
    rt_watch watch;
    bool watched; /* false: the hook is on from the start */
    bool killed;
    char kill_msg[512];
    /* registry refs */
    int *form_fns;    /* per form: table of check functions by node */
    int *form_params; /* per form: frozen parameter table */
    int subj_ud[RT_MAX_DEPTH], nom_ud[RT_MAX_DEPTH];
    int snapshot_ref;        /* upvalues by form, to detect kept state */
    uint32_t snapshot_forms; /* the forms that have any (rt_form_bit) */
    int depth;
    rt_eval_ctx ctx;
    /* scratch results of nested evaluations (meets), one per depth */
    struct rt_out_scratch {
        int8_t *result;
        char **detail;
        int cap;
    } scratch[RT_MAX_DEPTH];
    tdkt_buf scratch_text[RT_MAX_DEPTH];
    /* meets() results of this run and set, shared by every thread and
     * owned by the results (memo.c); NULL: no memo */
    struct rt_memo *memo;
    /* The judgement under way, for the memo: the deepest depth it
     * reached (RT_MAX_DEPTH or more: a meets() was refused for depth),
     * the forms it ran (rt_form_bit), and whether the rules read a field
     * of the top-level nomination that nested()'s synthetic ones lack. */
    int reach;
    uint32_t forms;
    /* The judgement under way at each depth: its subject, award and year
     * (rt_eval_form). That award, once conferred, is not its own
     * history: s:honours and s:latest leave it out (api.c). */
    struct rt_judging {
        int32_t subject;
        int year;
        int award;
    } judging[RT_MAX_DEPTH];
    const ix_nomination *top_nom;
    bool top_nom_read;
    /* where the running criterion was defined (for limit messages) */
    const rule_node *running;
    const tdkt_form *running_form;
    /* The text of the rule file being run (load.c, ruleset.c) and its
     * chunk name, while it runs: a field's line is found in it
     * (fieldline.c). NULL otherwise. */
    const char *src;
    size_t src_len;
    const char *src_chunk;
} rt;

/* ---- sandbox.c ---- */
/* rt_new()'s flags: build the set's form descriptors (once, when the set
 * is opened); judge quietly (rt.quiet). */
enum { RT_DESCRIPTORS = 1u, RT_QUIET = 2u };
int rt_new(rt **out, const tdkt_ruleset *rs, const rt_limits *limits,
           unsigned flags);
void rt_free(rt *r);
void rt_default_limits(rt_limits *l);
/* Arm the budget for one nomination. */
void rt_arm(rt *r);
/* Disarm; returns true when a limit was hit (message in r->kill_msg). */
bool rt_disarm(rt *r);
/* In a guarded library function: raise the time limit's error when the
 * armed call is past its deadline (sandbox.c). */
void rt_check_clock(lua_State *L);
/* Protected call with a message handler; leaves an error string on top
 * on failure. */
int rt_pcall(rt *r, int nargs, int nresults);
/* Run host code that drives the state (fn) in a protected call: a raised
 * error becomes a tdkt error, and any host allocation failure meanwhile
 * TDKT_ENOMEM. fn keeps what it mallocs reachable from ud or r. */
int rt_protected(rt *r, int (*fn)(rt *r, void *ud), void *ud);
/* Inside rt_protected: a copy of s, or (no memory) a raised error. */
char *rt_strdup(rt *r, const char *s);
/* Replace a table by a read-only proxy (deeply); pushes the proxy. */
void rt_freeze(lua_State *L, int idx);
/* The rt a state belongs to. */
rt *rt_host(lua_State *L);
/* Put the guarded forms of the standard functions that could run past
 * the budgets or keep state (guards.c) into the globals @p base, and into
 * the libraries of @p globals (not yet frozen). */
void rt_guard_libs(lua_State *L, int base, int globals);
/* Check and restore the upvalues recorded for @p forms (rt_form_bit
 * bits); returns false, the first change named in kill_msg, when a
 * script changed one (sandbox.c). */
bool rt_check_state(rt *r, uint32_t forms);
/* At load: walk a criterion's function (at @p fidx) for the state it
 * keeps, recorded under form bit number @p bit. -1 with the reason on
 * the stack when its tables or functions nest too deeply. */
int rt_snapshot_function(rt *r, int fidx, int bit);
/* Stop the running script: its kill_msg is raised at its next
 * instruction, through whatever pcall it wraps around the call. */
void rt_stop(rt *r);
/* When the table at @p idx is frozen (rt_freeze), push the real table
 * behind it and return true; else push nothing. */
bool rt_frozen_real(lua_State *L, int idx);

/* A node as a reader sees it: its words in @p lang (a criterion always
 * has them; a route or routes may not), else its id (evalform.c). Human
 * text only: JSON and CSV name nodes by id. */
const char *rt_node_label(const rule_node *nd, tdkt_lang lang);

/* A message of the rule runtime in r's language: the judgement's, or
 * while loading, the library's messages' (tdkt_message_lang). */
#define RT_TR(r, vi, en) TDKT_TR((r)->ctx.lang, vi, en)
/* The same from inside the state: a registry read, for errors only. */
#define RT_TR_L(L, vi, en) RT_TR(rt_host(L), vi, en)

/* ---- luamsg.c ---- */
/* Whether an error message starts with a place in a rule's file: not
 * without one (error("x", 0), a library function's own), nor in the
 * prelude's (the rule's call of a helper is the place to fix). */
bool rt_lua_placed(const char *msg);
/* Whether an error message starts with "file:line: ", wherever. */
bool rt_lua_has_place(const char *msg);
/* A Lua error message @p msg in @p lang into dst[dn]: Lua's own messages
 * ("attempt to index a nil value (field 'x')", syntax errors) rewritten in
 * Vietnamese, any "file:line: " kept; other messages as they are. Cut at
 * a character's start when dst is short. */
void rt_lua_message(char *dst, size_t dn, const char *msg, tdkt_lang lang);
/* tdkt_error_set(TDKT_ERULE) with Lua's message @p msg in r's language,
 * after "where: " when where is given. */
int rt_lua_error(const rt *r, const char *where, const char *msg);

/* After loading: build parameter tables and the reusable userdata. */
int rt_bind(rt *r);

/* ---- watch.c ---- */
/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t rt_watch_now(void);
/* Look after @p w from now on: @p poke(@p arg) runs in the thread of an
 * armed state, from a signal handler, once it has run RT_WATCH_SLICE_NS.
 * Returns false when no watchdog can run (the caller keeps its hook on). */
bool rt_watch_add(rt_watch *w, void (*poke)(void *), void *arg);
void rt_watch_remove(rt_watch *w);
/* A nomination starts (at @p now) / ends, in the calling thread. */
void rt_watch_arm(rt_watch *w, uint64_t now);
void rt_watch_disarm(rt_watch *w);

/* ---- fieldline.c ---- */
/* The line of field @p key (with @p sub, of field sub of the table that
 * is key's value) of the table constructor that starts on @p table_line
 * of the Lua text src[0..len): the first "{" on or after that line. 0
 * when the text does not show it as `key = …` or `["key"] = …`. */
int rt_field_line(const char *src, size_t len, int table_line,
                  const char *key, const char *sub);

/* ---- load.c ---- */
/* Raise "file:line: message" for field @p key (@p sub: as in
 * rt_field_line) of the table given to the constructor running (a C
 * function called from a rule file): the field's line when r->src shows
 * it, else (or with key NULL) the call's. Does not return. */
void rt_raise_at_field(lua_State *L, const char *key, const char *sub,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;
/* Load the chain's forms into r->L; with @p build, fill rs->forms.
 * Protected: never raises. */
int rt_load_forms(rt *r, tdkt_ruleset *rs_build);
/* Raise an error at the calling constructor's file and line when the
 * table at @p body has a field not in @p fields (NULL-terminated), naming
 * it, @p what ("tiêu chí 'x'") and the fields; with @p items, its array
 * part may hold criteria, routes, route and quota. A `name` or `title`
 * given as a table takes vi and en only. */
void rt_refuse_unknown_fields(lua_State *L, int body, const char *what,
                              const char *const *fields, bool items);
/* Build the frozen params table for a form (pushes it). */
int rt_push_params(rt *r, const tdkt_form *f);

/* ---- api.c ---- */
void rt_open_api(lua_State *L);
/* Point the reusable userdata of @p depth at a subject / nomination;
 * pushes them (subject, nomination). */
void rt_push_subject(rt *r, int depth, int32_t subject);
void rt_push_nomination(rt *r, int depth, const ix_nomination *n);

/* ---- evalform.c ---- */
/* Result codes of criteria and forms (three-valued, plus error). */
enum { R_FAIL = 0, R_PASS = 1, R_UNKNOWN = 2, R_ERROR = 3, R_SKIP = 4 };

/* Where a form's evaluation writes: one slot per node. */
typedef struct rt_out {
    int8_t *result;
    char **detail; /* allocated with alloc() */
    /* A NUL-terminated copy of the detail s[0..n), each NUL byte in it
     * shown as U+FFFD (rt_detail_copy) */
    char *(*alloc)(void *arena, const char *s, size_t n);
    void *arena;
    char error[1024]; /* filled when the form errs */
} rt_out;

/* Copy a detail's @p n bytes to @p dst, which has room for n + 1, and
 * end them with a NUL. A rule's detail may hold a NUL byte ("a\0b"),
 * where every C reader would stop and cut it short without a sign; it is
 * shown as U+FFFD instead, as the printers show invalid text. Details are
 * copied for every criterion judged, so the copy itself looks for NUL
 * bytes, eight at a time, rather than a search before it.
 * @return n, or when a NUL byte was among them the length of the text
 *         shown, for rt_detail_show() to write into room of its own */
size_t rt_detail_copy(char *dst, const char *s, size_t n);
/* Write s[0..n) to @p dst with each NUL byte shown as U+FFFD, then a
 * NUL; @p dst has room for the length rt_detail_copy() gave, plus 1. */
void rt_detail_show(char *dst, const char *s, size_t n);

/* An rt_out with no error. Not an initializer: that would zero all of
 * error, a kilobyte per judgement (2% of BENCH-BK's instructions). */
static inline void rt_out_init(rt_out *o, int8_t *result, char **detail,
                               char *(*alloc)(void *, const char *, size_t),
                               void *arena)
{
    o->result = result;
    o->detail = detail;
    o->alloc = alloc;
    o->arena = arena;
    o->error[0] = '\0';
}

/* Evaluate form @p f for subject @p subject and nomination @p n at the
 * current depth. Returns R_PASS/R_FAIL/R_UNKNOWN/R_ERROR. With
 * @p verdict_only, criteria that cannot change the verdict are skipped
 * (left R_SKIP, no detail). */
int rt_eval_form(rt *r, const tdkt_form *f, int32_t subject,
                 const ix_nomination *n, rt_out *out, bool verdict_only);

/* meets(award, subject, year): the judgement of that form for that
 * subject and year, memoised. Its summary goes to detail (may be NULL);
 * with @p summary false (counting members), only the verdict is judged
 * and detail receives only an error's message. */
int rt_meets(rt *r, int award, int32_t subject, int year, char *detail,
             size_t n, bool summary);

/* Judge @p n at the top level (depth 0) with rt_eval_form(), tracking
 * what the memo needs (r->reach, r->forms, r->top_nom_read). With @p only
 * (a flag per node; NULL: all), only the criteria it marks run, for their
 * details (eval/explain.c): the others are left R_SKIP, and the routes
 * and the verdict returned mean nothing then, only an error. */
int rt_eval_top(rt *r, const tdkt_form *f, const ix_nomination *n,
                rt_out *out, const uint8_t *only);
/* A top-level judgement kept in the memo: the memo copies this, and its
 * arrays (in the results, which outlive the memo) are read by reference;
 * its summary is written only when a meets() asks for it (most never
 * are). */
typedef struct rt_judged {
    const tdkt_form *f;
    const int8_t *result;
    char *const *detail;
    int year;
} rt_judged;
/* After a top-level judgement @p v of @p n that hit no limit: is it
 * provably the judgement meets() would make (a merit nomination, and the
 * rules read nothing of it but its code, year and kind)? */
bool rt_seedable(const rt *r, const tdkt_form *f, const ix_nomination *n,
                 int v);
/* Then keep it in the memo for meets() (@p src is copied; its arrays
 * must live as long as the memo: in the results). */
void rt_memo_seed(rt *r, const ix_nomination *n, int v,
                  const rt_judged *src);

/* api.c: a rule read a field of nomination @p n that the synthetic
 * nominations of nested judgements lack (id, campaign, proposed_by,
 * submitted, facts): its judgement cannot stand for a meets(). */
static inline void rt_nom_read(rt *r, const ix_nomination *n)
{
    if (r && n == r->top_nom)
        r->top_nom_read = true;
}

/* ---- memo.c ---- */
/* The meets() memo of one run and rule set, shared by every thread. */
typedef struct rt_memo rt_memo;
typedef struct rt_memo_val {
    int8_t result;  /* R_PASS, R_FAIL, R_UNKNOWN: errors are not kept */
    uint8_t height; /* nesting below the form: valid at depth d only when
                       d + height < RT_MAX_DEPTH, where it would not be
                       refused for depth either */
    uint32_t forms; /* the forms it ran, itself included (rt_form_bit) */
    bool verdict_only; /* judged for its verdict alone: no summary */
    bool quiet; /* judged whole in a quiet state: no summary either */
} rt_memo_val;
typedef struct rt_memo_counts {
    size_t entries, seeded, hits;
} rt_memo_counts;

/* One bit per form of a set: forms are keyed by award and subject type. */
static inline int rt_form_bit_number(int award, int subject)
{
    _Static_assert(TDKT_AWARD_COUNT_ * 2 <= 32, "a form bit per award");
    return award * 2 + (subject == TDKT_UNIT);
}

static inline uint32_t rt_form_bit(const tdkt_form *f)
{
    return 1u << rt_form_bit_number(f->award, f->subject);
}

rt_memo *rt_memo_new(void);
void rt_memo_free(rt_memo *m);
uint64_t rt_memo_key(int award, int32_t subject, int year);
/* Copy the value and its text (truncated to tn), or point *src at the
 * judgement it was seeded from, when key is known. */
bool rt_memo_get(rt_memo *m, uint64_t key, rt_memo_val *v, char *text,
                 size_t tn, const rt_judged **src);
/* Keep the first value of a key (errors must not be put): with its text,
 * with the judgement it comes from (@p src: a seed, copied), or with
 * neither (text got back as ""). A judgement replaces a lesser one, never
 * the other way: a verdict only (v->verdict_only) < a whole judgement
 * made quietly (v->quiet) < one with its summary. */
void rt_memo_put(rt_memo *m, uint64_t key, const rt_memo_val *v,
                 const char *text, const rt_judged *src);
/* Add m's counts to c. */
void rt_memo_stats(rt_memo *m, rt_memo_counts *c);
/* Copy @p s into out[n], truncated like snprintf("%s") (out may be NULL). */
void rt_copy_text(char *out, size_t n, const char *s);

/* ---- ruleset.c ---- */
/* Levenshtein distance, for "near names" of a misspelt name (99 for
 * names longer than 64 bytes). */
size_t rs_distance(const char *a, const char *b);
/* The set of @p rules with id @p id (NULL: none, or id NULL). */
tdkt_ruleset *rs_find(const tdkt_rules *rules, const char *id);
const tdkt_form *rs_form(const tdkt_ruleset *rs, int award, int subject);
/* Parameter in force for a form (form.x, else x), or NULL. */
const rule_param *rs_param(const tdkt_ruleset *rs, const char *form_code,
                           const char *name);
/* 0 when a set marked in @p used (by tdkt_ruleset.index; NULL: any set
 * of @p rules) has parameter @p name (`--set`); else TDKT_ENOTFOUND,
 * naming the near names among those sets and the other sets that have
 * it. */
int rules_param_check(const tdkt_rules *rules, const bool *used,
                      const char *name);
/* Set parameter `name` of rs->merged from the Lua value at idx. With
 * must_exist, an unknown name is a load error. */
int rs_param_put(tdkt_ruleset *rs, const char *name, lua_State *L, int idx,
                 const char *origin, bool must_exist);
/* `rules check`: load the manifests of every set of @p rs's jurisdiction
 * in its rules root (the folder eval chooses among by date, with their
 * parents) and add to @p diags each pair whose dates overlap, or why
 * they do not load; *found counts them. Only ENOMEM is returned as an
 * error. */
int rs_check_siblings(const tdkt_ruleset *rs, tdkt_diags *diags,
                      size_t *found);
/* After the forms' defaults are known: apply the chain's "form.x"
 * overrides, then check every quota's rate parameter. */
int rs_params_finish(tdkt_ruleset *rs);

#endif
