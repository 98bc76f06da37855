/*
 * Fuzz target: the rule set loader (tdkt_rules_open, tdkt_rules_free).
 *
 * Input: files of a rules folder, each introduced by a line
 * "--@@ PATH" (PATH under the rules root, e.g. t/base/forms/ldtt.lua);
 * the bytes before the first such line are t/base/ruleset.lua. A Lua
 * comment line, so that each section stays a valid script. Even-sized
 * inputs open the whole root (sets chosen by date), odd-sized ones the
 * folder of the first file (one set, its parents found from the root).
 *
 * The sandbox limits are lowered for speed (see __wrap_rt_default_limits;
 * the target links with -Wl,--wrap=rt_default_limits): a script that
 * loops or eats memory is stopped within a fraction of a second.
 *
 * When the rules open, every accessor is walked, a parameter override is
 * tried, the set in force on a few dates is chosen, and each set's own
 * test cases (tests/ *.lua) are run, which drives the evaluation engine
 * too. Invariants: a failure has a known code and a message; an opened
 * set's forms and parameters are consistent; no set is loaded from
 * outside the rules root (a decoy set waits beside it, at ../outside/x).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"
#include "rules/rules_internal.h"
#include "tdkt/rules.h"

#define MAX_FILES 16

void __real_rt_default_limits(rt_limits *l);
void __wrap_rt_default_limits(rt_limits *l);
void __wrap_rt_default_limits(rt_limits *l)
{
    __real_rt_default_limits(l);
    l->instructions = 200 * 1000; /* loading: 20 times that */
    l->time_ms = 250;
    l->memory = 24u << 20;
}

static const char *scratch;
static char root[4200], root_real[PATH_MAX];

/* A rule set beside the rules root, which no set inside it may reach
 * (as "extends = '../outside/x'" would). */
static const char decoy[] =
    "ruleset { id = \"x\", title = \"Outside\", basis = \"decoy\",\n"
    "  effective_from = \"2000-01-01\" }\n";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    scratch = fuzz_scratch("rules");
    fuzz_write(scratch, "outside/x/ruleset.lua", decoy, strlen(decoy));
    snprintf(root, sizeof root, "%s/r", scratch);
    mkdir(root, 0700);
    if (!realpath(root, root_real))
        abort();
    return 0;
}

/* Every set loaded, parents included, lies inside the rules root. */
static void check_inside(const tdkt_ruleset *rs)
{
    if (fuzz_ignored("rules-outside-root"))
        return;
    char real[PATH_MAX];
    const char *dir = tdkt_ruleset_dir(rs);
    if (!realpath(dir, real))
        return;
    size_t n = strlen(root_real);
    FUZZ_CHECK(strncmp(real, root_real, n) == 0 && real[n] == '/',
               "rule set '%s' loaded from %s, outside the rules root %s",
               tdkt_ruleset_id(rs), real, root_real);
}

static void walk(const tdkt_rules *rules)
{
    size_t n = tdkt_rules_count(rules);
    FUZZ_CHECK(n >= 1, "opened without a rule set");
    for (size_t i = 0; i < n; i++) {
        const tdkt_ruleset *rs = tdkt_rules_at(rules, i);
        FUZZ_CHECK(rs != NULL, "set %zu is NULL", i);
        for (const tdkt_ruleset *p = rs; p; p = tdkt_ruleset_parent(p)) {
            check_inside(p);
            FUZZ_CHECK(tdkt_ruleset_id(p) && tdkt_ruleset_dir(p) &&
                           tdkt_ruleset_title(p, TDKT_LANG_VI) &&
                           tdkt_ruleset_title(p, TDKT_LANG_EN) &&
                           tdkt_ruleset_basis(p),
                       "set %zu: a missing attribute", i);
            FUZZ_CHECK(strlen(tdkt_ruleset_sha256(p)) == 64,
                       "set %s: hash '%s'", tdkt_ruleset_id(p),
                       tdkt_ruleset_sha256(p));
            tdkt_date to = tdkt_ruleset_to(p);
            FUZZ_CHECK(to == 0 || to >= tdkt_ruleset_from(p),
                       "set %s ends before it starts", tdkt_ruleset_id(p));
        }
        for (size_t k = 0; k < tdkt_ruleset_caveats(rs); k++)
            FUZZ_CHECK(tdkt_ruleset_caveat(rs, k) != NULL, "caveat %zu", k);
        size_t nf = tdkt_ruleset_forms(rs);
        for (size_t k = 0; k < nf; k++) {
            const tdkt_form *f = tdkt_ruleset_form(rs, k);
            FUZZ_CHECK(f && tdkt_form_name(f, TDKT_LANG_VI) &&
                           tdkt_form_name(f, TDKT_LANG_EN) &&
                           tdkt_form_file(f),
                       "form %zu: a missing attribute", k);
            FUZZ_CHECK(tdkt_ruleset_find_form(rs, tdkt_form_award(f),
                                              tdkt_form_subject(f)) == f,
                       "form %zu is not found by its code", k);
            FUZZ_CHECK(tdkt_form_criteria(f) >= tdkt_form_unverified(f) &&
                           tdkt_form_unverified(f) >= 0,
                       "form %zu: %d criteria, %d unverified", k,
                       tdkt_form_criteria(f), tdkt_form_unverified(f));
            (void)tdkt_form_basis(f);
        }
        size_t np = tdkt_ruleset_params(rs);
        for (size_t k = 0; k < np; k++) {
            const char *name = NULL, *value = NULL, *origin = NULL;
            tdkt_ruleset_param(rs, k, &name, &value, &origin);
            FUZZ_CHECK(name && value && origin, "parameter %zu", k);
        }
    }
}

static void exercise(tdkt_rules *rules)
{
    walk(rules);
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    if (tdkt_ruleset_params(rs) > 0) {
        const char *name = NULL, *value = NULL, *origin = NULL;
        tdkt_ruleset_param(rs, 0, &name, &value, &origin);
        char *copy = strdup(name);
        if (copy) {
            int rc = tdkt_rules_set_param(rules, copy, "7");
            FUZZ_CHECK(rc == TDKT_OK || rc == TDKT_EINVALID ||
                           rc == TDKT_ENOTFOUND || rc == TDKT_ERULE,
                       "set_param '%s' returned %d", copy, rc);
            free(copy);
        }
    }
    int rc = tdkt_rules_set_param(rules, "no_such.param", "1");
    FUZZ_CHECK(rc < 0, "an unknown parameter was accepted");
    static const tdkt_date dates[] = {19000101, 20180101, 20221231,
                                      20240615, 99991231};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        (void)tdkt_rules_select(rules, dates[i]);
    walk(rules); /* overrides must leave everything readable */
    for (size_t i = 0; i < tdkt_rules_count(rules); i++) {
        tdkt_check_summary sum;
        tdkt_diags diags = {0};
        rc = tdkt_ruleset_check(rules, tdkt_rules_at(rules, i), &sum,
                                &diags);
        FUZZ_CHECK(rc == TDKT_OK || rc == TDKT_ERULE || rc == TDKT_ENOMEM ||
                       rc == TDKT_ELIMIT || rc == TDKT_EDB,
                   "check returned %d: %s", rc, tdkt_error_last()->message);
        tdkt_diags_clear(&diags);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    fuzz_section sec[MAX_FILES];
    size_t nsec = fuzz_sections(data, size, "--@@", "t/base/ruleset.lua", sec,
                                MAX_FILES);
    for (size_t i = 0; i < nsec; i++)
        if (sec[i].name[0])
            fuzz_write(root, sec[i].name, sec[i].data, sec[i].len);

    char open_path[4400];
    snprintf(open_path, sizeof open_path, "%s", root);
    if (size & 1 && nsec > 0) {
        snprintf(open_path, sizeof open_path, "%s/%s", root, sec[0].name);
        char *slash = strrchr(open_path, '/');
        if (slash && slash > open_path + strlen(root))
            *slash = '\0';
    }

    tdkt_error_clear();
    tdkt_rules *rules = NULL;
    int rc = tdkt_rules_open(&rules, open_path);
    if (fuzz_verbose())
        fprintf(stderr, "fuzz_rules: %zu files, open %s: %d %s\n", nsec,
                open_path, rc, rc < 0 ? tdkt_error_last()->message : "");
    if (rc == TDKT_OK) {
        FUZZ_CHECK(rules != NULL, "opened, but no rules");
        exercise(rules);
        tdkt_rules_free(rules);
    } else {
        FUZZ_CHECK(rules == NULL, "failed (%d), but rules were returned", rc);
        FUZZ_CHECK(rc == TDKT_ENOTFOUND || rc == TDKT_ERULE ||
                       rc == TDKT_ENOMEM || rc == TDKT_ELIMIT,
                   "tdkt_rules_open returned %d: %s", rc,
                   tdkt_error_last()->message);
        FUZZ_CHECK(tdkt_error_last()->code == rc &&
                       tdkt_error_last()->message[0],
                   "failed (%d) without its message (code %d, '%s')", rc,
                   tdkt_error_last()->code, tdkt_error_last()->message);
    }
    fuzz_empty_dir(root);
    return 0;
}
