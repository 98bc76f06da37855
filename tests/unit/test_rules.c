/*
 * Rule sets: loading and inheritance, every load error with the file and
 * line it names, parameters (inherited, overridden, --set), and the choice
 * of the set in force on a date.
 *
 * Fixtures: tests/fixtures/rules/errors/<case>/ (one broken rule-set
 * folder per load error; ids match their path under the case folder),
 * tests/fixtures/rules/dates/regimes (national A and B, provincial P1 on A
 * and P2 on B, with a gap), tests/fixtures/rules/dates/amendment (a set and
 * an amendment that supersedes it from its own date) and the basic/t sets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "rules/rules_internal.h"

/* ------------------------------------------------------------ helpers */

static tdkt_rules *open_fixture(const char *rel)
{
    char *path = th_fixture(rel);
    tdkt_rules *rules = NULL;
    int rc = tdkt_rules_open(&rules, path);
    if (rc < 0)
        print_error("%s: %s\n", path, tdkt_error_last()->message);
    free(path);
    assert_int_equal(rc, TDKT_OK);
    return rules;
}

/*
 * The message begins with FILE:LINE: (FILE: alone when @p line is 0).
 * FILE is the full path, or for errors Lua itself reports a tail of it:
 * Lua shortens chunk names longer than LUA_IDSIZE from the left, at a
 * folder boundary. The tail must still hold @p rel, the file's path under
 * the fixture folder, so the reader can find the file.
 */
static void assert_at(const char *msg, const char *full, const char *rel,
                      int line)
{
    char pos[24];
    snprintf(pos, sizeof pos, line ? ":%d: " : ": ", line);
    const char *end = strstr(msg, pos);
    if (!end) {
        print_error("expected the message to start with (a tail of) %s%s\n"
                    "got: %s\n",
                    full, pos, msg);
        fail();
    }
    size_t lp = (size_t)(end - msg), lf = strlen(full);
    bool tail = lp >= strlen(rel) && lp <= lf &&
                strncmp(full + lf - lp, msg, lp) == 0 &&
                (lp == lf || full[lf - lp - 1] == '/');
    if (!tail) {
        print_error("expected the message to start with (a tail of) %s%s\n"
                    "got: %s\n",
                    full, pos, msg);
        fail();
    }
}

/* ------------------------------------------------------- load errors */

typedef struct load_error {
    const char *name; /* the test's name */
    const char *open; /* folder opened, under rules/errors */
    const char *file; /* file the message names, under rules/errors */
    int line;         /* 0: a file-level problem, no line */
    const char *text; /* what the message says after the position */
} load_error;

static const load_error load_errors[] = {
    {"test_rules__load_error_manifest_no_id", "manifest-no-id/e/set",
     "manifest-no-id/e/set/ruleset.lua", 2,
     "the manifest needs a valid id"},
    {"test_rules__load_error_manifest_no_title", "manifest-no-title/e/set",
     "manifest-no-title/e/set/ruleset.lua", 2,
     "the manifest needs a valid title"},
    {"test_rules__load_error_manifest_no_basis", "manifest-no-basis/e/set",
     "manifest-no-basis/e/set/ruleset.lua", 2,
     "the manifest needs a valid basis"},
    {"test_rules__load_error_manifest_no_from", "manifest-no-from/e/set",
     "manifest-no-from/e/set/ruleset.lua", 2,
     "the manifest needs a valid effective_from (YYYY-MM-DD)"},
    {"test_rules__load_error_manifest_bad_from", "manifest-bad-from/e/set",
     "manifest-bad-from/e/set/ruleset.lua", 4,
     "the manifest needs a valid effective_from (YYYY-MM-DD)"},
    {"test_rules__load_error_manifest_bad_to", "manifest-bad-to/e/set",
     "manifest-bad-to/e/set/ruleset.lua", 4,
     "the manifest needs a valid effective_to (YYYY-MM-DD)"},
    {"test_rules__load_error_manifest_to_before_from",
     "manifest-to-before-from/e/set",
     "manifest-to-before-from/e/set/ruleset.lua", 4,
     "effective_to is before effective_from"},
    {"test_rules__load_error_manifest_without_ruleset",
     "manifest-empty/e/set", "manifest-empty/e/set/ruleset.lua", 1,
     "no ruleset { … } in the manifest"},
    {"test_rules__load_error_manifest_param_not_a_value",
     "manifest-bad-param/e/set", "manifest-bad-param/e/set/ruleset.lua", 4,
     "parameter 'years' must be a number, text or true/false"},
    {"test_rules__load_error_id_not_folder", "id-mismatch/e/set",
     "id-mismatch/e/set/ruleset.lua", 3,
     "id 'e/other' does not match the folder"},
    {"test_rules__load_error_unknown_parent", "unknown-parent/e/set",
     "unknown-parent/e/set/ruleset.lua", 4,
     "extends unknown rule set 'e/nowhere'"},
    {"test_rules__load_error_extends_cycle", "cycle",
     "cycle/e/a/ruleset.lua", 4, "'extends' makes a cycle"},
    {"test_rules__load_error_extends_itself", "self-cycle/e/set",
     "self-cycle/e/set/ruleset.lua", 4, "'extends' makes a cycle"},
    {"test_rules__load_error_override_setwide_nothing",
     "override-setwide/e/child", "override-setwide/e/child/ruleset.lua", 4,
     "parameter 'bars' overrides nothing: the rule sets it extends have "
     "no such parameter"},
    {"test_rules__load_error_override_form_param_nothing",
     "override-form-param/e/child",
     "override-form-param/e/child/ruleset.lua", 4,
     "parameter 'ldtt.yeras' overrides nothing: no form declares it"},
    {"test_rules__load_error_amend_unknown_criterion",
     "amend-criterion/e/child", "amend-criterion/e/child/forms/ldtt.lua", 4,
     "amend 'ldtt': the form has no item 'rating' to replace (an amend "
     "replaces items by id and adds none: to add one, give the set the "
     "whole form; see rules/README.md)"},
    /* What an amend cannot add is refused, saying what to do instead. */
    {"test_rules__load_error_amend_adds_quota", "amend-quota/e/child",
     "amend-quota/e/child/forms/ldtt.lua", 3,
     "amend 'ldtt': the form has no item 'cap' to replace (an amend "
     "replaces items by id and adds none: to add one, give the set the "
     "whole form; see rules/README.md)"},
    {"test_rules__load_error_amend_adds_param", "amend-param/e/child",
     "amend-param/e/child/forms/ldtt.lua", 4,
     "amend 'ldtt': the form has no parameter 'quota_pct' to change (an "
     "amend changes declared parameters and adds none: to add one, give "
     "the set the whole form; see rules/README.md)"},
    /* A field the loader does not read is refused at the constructor,
     * with the fields it takes: once it was ignored, and the rule loaded
     * as if the field were right. */
    {"test_rules__load_error_amend_unknown_field",
     "amend-unknown-field/e/child",
     "amend-unknown-field/e/child/forms/ldtt.lua", 3,
     "amend 'ldtt': no field 'nmae' (the fields: subject, name, basis, "
     "params)"},
    {"test_rules__load_error_form_unknown_field", "form-unknown-field/e/set",
     "form-unknown-field/e/set/forms/ldtt.lua", 3,
     "form 'ldtt': no field 'kind' (the fields: subject, name, basis, kinds, "
     "params)"},
    {"test_rules__load_error_form_name_unknown_field",
     "name-unknown-field/e/set", "name-unknown-field/e/set/forms/ldtt.lua", 4,
     "form 'ldtt', name: no field 'eng' (the fields: vi, en)"},
    {"test_rules__load_error_criterion_unknown_field",
     "criterion-unknown-field/e/set",
     "criterion-unknown-field/e/set/forms/ldtt.lua", 8,
     "criterion 'rated': no field 'citation' (the fields: basis, status, vi, "
     "en, check)"},
    {"test_rules__load_error_criterion_holds_item",
     "criterion-holds-item/e/set",
     "criterion-holds-item/e/set/forms/ldtt.lua", 4,
     "criterion 'rated': cannot hold criterion 'months' (only form, amend, "
     "routes and route hold items)"},
    {"test_rules__load_error_routes_unknown_field",
     "routes-unknown-field/e/set",
     "routes-unknown-field/e/set/forms/ldtt.lua", 4,
     "routes 'ways': no field 'basis' (the fields: vi, en)"},
    {"test_rules__load_error_quota_unknown_field",
     "quota-unknown-field/e/set", "quota-unknown-field/e/set/forms/ldtt.lua",
     7,
     "quota 'cap': no field 'pre' (the fields: id, basis, status, vi, en, "
     "base, rate, per)"},
    {"test_rules__load_error_manifest_unknown_field",
     "manifest-unknown-field/e/set",
     "manifest-unknown-field/e/set/ruleset.lua", 5,
     "ruleset: no field 'extend' (the fields: id, title, basis, "
     "effective_from, effective_to, extends, caveats, params)"},
    {"test_rules__load_error_amend_unknown_form", "amend-form/e/child",
     "amend-form/e/child/forms/cstd_cs.lua", 2,
     "amend: no form 'cstd_cs' (person) to amend"},
    {"test_rules__load_error_overlapping_dates", "overlap",
     "overlap/e/b/ruleset.lua", 4,
     /* both files, with the line of each one's dates */
     "in force from 2020-06-01 (open-ended), on dates that e/a also "
     "covers ("},
    {"test_rules__load_error_overlapping_dates_names_both", "overlap",
     "overlap/e/b/ruleset.lua", 4,
     "overlap/e/a/ruleset.lua:3, from 2018-01-01 to 2020-12-31): one "
     "jurisdiction, one set per date"},
    {"test_rules__load_error_criterion_no_basis", "criterion-no-basis/e/set",
     "criterion-no-basis/e/set/forms/ldtt.lua", 3,
     "criterion 'rated': missing basis"},
    {"test_rules__load_error_criterion_bad_status",
     "criterion-bad-status/e/set",
     "criterion-bad-status/e/set/forms/ldtt.lua", 6,
     "criterion 'rated': invalid status 'verified' (accepted: V, V-en, P, "
     "U)"},
    {"test_rules__load_error_criterion_no_check", "criterion-no-check/e/set",
     "criterion-no-check/e/set/forms/ldtt.lua", 4,
     "criterion 'rated': missing check = function(s, n, p)"},
    {"test_rules__load_error_route_outside_routes", "route-outside/e/set",
     "route-outside/e/set/forms/ldtt.lua", 3,
     "form 'ldtt': a route stands directly inside routes, and only routes "
     "there"},
    /* Routes may nest RT_MAX_ROUTES deep (the limit itself loads: see
     * test_rules__routes_at_the_limit). Deeper, or inside themselves, the
     * loader recursed until the process crashed; now refused. */
    {"test_rules__load_error_routes_too_deep", "routes-too-deep/e/set",
     "routes-too-deep/e/set/forms/ldtt.lua", 6,
     "form 'ldtt': routes 'ways1' is nested too deeply (at most 8 levels "
     "of routes)"},
    {"test_rules__load_error_routes_cycle", "routes-cycle/e/set",
     "routes-cycle/e/set/forms/ldtt.lua", 5,
     "form 'ldtt': routes 'ways' lies inside itself"},
    /* An amendment searches the form before it is compiled: refused
     * there, at the amend. */
    {"test_rules__load_error_amend_routes_too_deep",
     "amend-routes-too-deep/e/set",
     "amend-routes-too-deep/e/set/forms/ldtt.lua", 12,
     "form 'ldtt': routes 'ways4992' is nested too deeply (at most 8 "
     "levels of routes)"},
    {"test_rules__load_error_amend_routes_cycle", "amend-routes-cycle/e/set",
     "amend-routes-cycle/e/set/forms/ldtt.lua", 11,
     "form 'ldtt': routes 'ways' lies inside itself"},
    /* Tables and functions a criterion reaches nest at most 100 deep:
     * walking them takes a C frame a level (a table 140,000 deep crashed
     * the loader). Refused, naming the criterion. */
    {"test_rules__load_error_nested_table", "nested-table/e/set",
     "nested-table/e/set/forms/ldtt.lua", 7,
     "criterion 'deep': tables or functions nested too deeply (over 100 "
     "levels) in a rule"},
    {"test_rules__load_error_nested_functions", "nested-functions/e/set",
     "nested-functions/e/set/forms/ldtt.lua", 6,
     "criterion 'deep': tables or functions nested too deeply (over 100 "
     "levels) in a rule"},
    {"test_rules__load_error_duplicate_id", "duplicate-id/e/set",
     "duplicate-id/e/set/forms/ldtt.lua", 7,
     "form 'ldtt': the id 'rated' is used twice (also at line 3)"},
    {"test_rules__load_error_unknown_award_code", "unknown-code/e/set",
     "unknown-code/e/set/forms/ldtt.lua", 2,
     "unknown award code 'ldtt_plus'"},
    {"test_rules__load_error_form_unknown_kind", "form-kinds/e/set",
     "form-kinds/e/set/forms/ldtt.lua", 2,
     "form 'ldtt': kinds lists an unknown kind of honour"},
    {"test_rules__load_error_quota_rate_not_number", "quota-rate/e/set",
     "quota-rate/e/set/forms/ldtt.lua", 5,
     "quota: rate 'share' is not a number parameter of form 'ldtt'"},
    {"test_rules__load_error_two_quotas", "quota-two/e/set",
     "quota-two/e/set/forms/ldtt.lua", 7,
     "quota 'cap2': a form has one quota only"},
    {"test_rules__load_error_lua_syntax", "syntax/e/set",
     "syntax/e/set/forms/ldtt.lua", 4, "unexpected symbol near 'end'"},
    {"test_rules__load_error_lua_runtime", "runtime-error/e/set",
     "runtime-error/e/set/forms/ldtt.lua", 3,
     "attempt to perform arithmetic on a nil value (field 'count')"},
    /* The memory cap hit while a file runs: Lua raises no message of its
     * own place for it, the sandbox keeps it. */
    {"test_rules__load_error_memory_cap", "memory/e/set",
     "memory/e/set/forms/ldtt.lua", 3, "memory limit exceeded ("},
    /* A precompiled chunk (luac5.4 -s): refused, since chunks load with
     * mode "t". A binary file has no line; the message must still name
     * it. */
    {"test_rules__load_error_bytecode", "bytecode/e/set",
     "bytecode/e/set/forms/ldtt.lua", 0,
     "attempt to load a binary chunk (mode is 't')"},
    /* error("…", 0) carries no place: the message names the file. */
    {"test_rules__load_error_without_place", "bare-error/e/set",
     "bare-error/e/set/forms/ldtt.lua", 0, "no place of its own"},
    /* forms/ldtt.lua links to basic/t/base/forms/ldtt.lua. */
    {"test_rules__load_error_symlinked_form", "symlink/e/set",
     "symlink/e/set/forms/ldtt.lua", 0,
     "a symbolic link; rule files must be plain files inside the rule set"},
};

static void test_rules__load_error(void **state)
{
    const load_error *e = *state;
    char dir[1024], file[1024];
    snprintf(dir, sizeof dir, "%s/rules/errors/%s", TDKT_FIXTURES, e->open);
    snprintf(file, sizeof file, "%s/rules/errors/%s", TDKT_FIXTURES,
             e->file);
    tdkt_error_clear();
    static int sentinel;
    tdkt_rules *rules = (tdkt_rules *)&sentinel; /* reset on failure */
    int rc = tdkt_rules_open(&rules, dir);
    const char *msg = tdkt_error_last()->message;
    if (rc != TDKT_ERULE)
        print_error("%s: rc %d: %s\n", dir, rc, msg);
    assert_int_equal(rc, TDKT_ERULE);
    assert_null(rules);
    /* FILE:LINE: names the file under the set's id path, e.g.
     * e/set/forms/ldtt.lua. */
    assert_at(msg, file, strstr(e->file, "e/"), e->line);
    if (!strstr(msg, e->text)) {
        print_error("expected '%s' in: %s\n", e->text, msg);
        fail();
    }
}

/* A forms folder that is itself a link out of the set reaches files
 * outside it as surely as a linked file does. */
static void test_rules__load_error_symlinked_forms_folder(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char path[1024], target[1024];
    snprintf(path, sizeof path, "%s/e", tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/e/set", tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    free(th_write(path, "ruleset.lua",
                  "ruleset { id = \"e/set\", title = \"Liên kết\", basis = "
                  "\"Tests\", effective_from = \"2020-01-01\" }\n"));
    char *outside = th_fixture("rules/basic/t/base/forms");
    snprintf(target, sizeof target, "%s", outside);
    snprintf(path, sizeof path, "%s/e/set/forms", tmp);
    assert_int_equal(symlink(target, path), 0);
    tdkt_rules *rules = NULL;
    snprintf(path, sizeof path, "%s/e/set", tmp);
    int rc = tdkt_rules_open(&rules, path);
    tdkt_rules_free(rules);
    const char *msg = tdkt_error_last()->message;
    if (rc != TDKT_ERULE)
        print_error("a set whose forms/ links to %s loaded (rc %d)\n",
                    outside, rc);
    free(outside);
    th_rmtree(tmp);
    free(tmp);
    assert_int_equal(rc, TDKT_ERULE);
    assert_non_null(strstr(msg, "symbolic link"));
}

static void test_rules__open_missing_or_empty_folder(void **state)
{
    (void)state;
    tdkt_rules *rules = NULL;
    assert_int_equal(tdkt_rules_open(&rules, "/nonexistent/tdkt-rules"),
                     TDKT_ENOTFOUND);
    assert_null(rules);
    assert_string_equal(tdkt_error_last()->message,
                        "/nonexistent/tdkt-rules: no such folder");
    char *tmp = th_tmpdir();
    assert_int_equal(tdkt_rules_open(&rules, tmp), TDKT_ENOTFOUND);
    assert_non_null(strstr(tdkt_error_last()->message,
                           ": no rule sets here (a rule set is a folder "
                           "with a ruleset.lua)"));
    th_rmtree(tmp);
    free(tmp);
}

/* Load errors are in the language of the library's messages: Vietnamese
 * (what the tdkt command sets unless --lang en), or English. The position
 * comes first in both. One error of the manifest (ruleset.c) and one of a
 * form file (load.c). */
static void test_rules__load_error_language(void **state)
{
    (void)state;
    static const struct {
        const char *open, *vi, *en;
    } cases[] = {
        {"manifest-to-before-from/e/set",
         "ruleset.lua:4: effective_to sớm hơn effective_from",
         "ruleset.lua:4: effective_to is before effective_from"},
        {"criterion-no-basis/e/set",
         "forms/ldtt.lua:3: tiêu chí 'rated': thiếu basis (điều, khoản mà "
         "tiêu chí thể hiện)",
         "forms/ldtt.lua:3: criterion 'rated': missing basis (the article "
         "it encodes)"},
        {"bytecode/e/set",
         "forms/ldtt.lua: không nạp tệp đã biên dịch (bytecode): quy tắc "
         "phải là mã nguồn Lua",
         "forms/ldtt.lua: attempt to load a binary chunk (mode is 't')"},
        {"memory/e/set", "forms/ldtt.lua:3: vượt giới hạn bộ nhớ (",
         "forms/ldtt.lua:3: memory limit exceeded ("},
        {"routes-too-deep/e/set",
         "forms/ldtt.lua:6: hình thức 'ldtt': routes 'ways1' lồng quá sâu "
         "(tối đa 8 cấp routes lồng nhau)",
         "forms/ldtt.lua:6: form 'ldtt': routes 'ways1' is nested too "
         "deeply (at most 8 levels of routes)"},
        {"amend-form/e/child",
         "forms/cstd_cs.lua:2: amend: không có hình thức 'cstd_cs' (cá "
         "nhân) để sửa đổi",
         "forms/cstd_cs.lua:2: amend: no form 'cstd_cs' (person) to "
         "amend"},
        {"amend-unknown-field/e/child",
         "forms/ldtt.lua:3: amend 'ldtt': không có trường 'nmae' (các "
         "trường: subject, name, basis, params)",
         "forms/ldtt.lua:3: amend 'ldtt': no field 'nmae' (the fields: "
         "subject, name, basis, params)"},
        {"routes-cycle/e/set",
         "forms/ldtt.lua:5: hình thức 'ldtt': routes 'ways' nằm trong "
         "chính nó",
         "forms/ldtt.lua:5: form 'ldtt': routes 'ways' lies inside itself"},
    };
    tdkt_lang saved = tdkt_message_lang();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        for (int en = 0; en < 2; en++) {
            char dir[1024];
            snprintf(dir, sizeof dir, "%s/rules/errors/%s", TDKT_FIXTURES,
                     cases[i].open);
            tdkt_set_message_lang(en ? TDKT_LANG_EN : TDKT_LANG_VI);
            tdkt_rules *rules = NULL;
            int rc = tdkt_rules_open(&rules, dir);
            tdkt_set_message_lang(saved);
            tdkt_rules_free(rules);
            const char *msg = tdkt_error_last()->message;
            const char *want = en ? cases[i].en : cases[i].vi;
            if (rc != TDKT_ERULE || !strstr(msg, want)) {
                print_error("%s (%s): rc %d, expected '%s' in: %s\n", dir,
                            en ? "en" : "vi", rc, want, msg);
                fail();
            }
        }
}

/* Lua keeps no line for a table's fields: the loader finds them in the
 * file's text (fieldline.c), past comments, strings, function bodies and
 * nested tables that mention the same name. */
static void test_rules__field_line(void **state)
{
    (void)state;
    static const char src[] =
        "-- years = 1 in a comment\n"                        /* 1 */
        "local note = \"params = {\"\n"                    /* 2 */
        "ruleset { id = 'x', --[[ extends = 'y'\n"          /* 3 */
        "  ]] title = [==[ extends = ]] ]==],\n"            /* 4 */
        "  check = function(s) local extends = 1\n"         /* 5 */
        "    if s then extends = 2 end end,\n"              /* 6 */
        "  caveats = { { extends = 3 } },\n"                /* 7 */
        "  extends = 'vn/a',\n"                             /* 8 */
        "  params = { a = 1, -- [\"b.c\"] = 0\n"          /* 9 */
        "    x = 'a == b', [\"b.c\"] = 2,\n"              /* 10 */
        "    ['d'] =\n"                                     /* 11 */
        "      3 },\n"                                      /* 12 */
        "  s = 'it\\'s', z = \"\\z\n"                  /* 13 */
        "     \", last = 1,\n"                             /* 14 */
        "}\n";
    static const struct {
        int table_line;
        const char *key, *sub;
        int line;
    } cases[] = {
        {3, "id", NULL, 3},         {3, "title", NULL, 4},
        {3, "check", NULL, 5},      {3, "extends", NULL, 8},
        {3, "caveats", NULL, 7},    {3, "params", NULL, 9},
        {3, "params", "a", 9},      {3, "params", "b.c", 10},
        {3, "params", "d", 11},     {3, "params", "nothing", 9},
        {3, "last", NULL, 14},      {3, "nothing", NULL, 0},
        {3, "years", NULL, 0},      {1, "extends", NULL, 8},
        {9, "d", NULL, 11},         {15, "id", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int got = rt_field_line(src, sizeof src - 1, cases[i].table_line,
                                cases[i].key, cases[i].sub);
        if (got != cases[i].line) {
            print_error("%s%s%s from line %d: line %d, expected %d\n",
                        cases[i].key, cases[i].sub ? "." : "",
                        cases[i].sub ? cases[i].sub : "",
                        cases[i].table_line, got, cases[i].line);
            fail();
        }
    }
}

/* ------------------------------------------------------- inheritance */

static const tdkt_form *form_of(const tdkt_ruleset *rs, int award)
{
    const tdkt_form *f = tdkt_ruleset_find_form(rs, award, TDKT_PERSON);
    if (!f)
        f = tdkt_ruleset_find_form(rs, award, TDKT_UNIT);
    assert_non_null(f);
    return f;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t ls = strlen(s), lt = strlen(tail);
    return ls >= lt && strcmp(s + ls - lt, tail) == 0;
}

static const rule_node *node_named(const tdkt_form *f, const char *id)
{
    for (int i = 0; i < f->nnodes; i++)
        if (strcmp(f->nodes[i].id, id) == 0)
            return &f->nodes[i];
    print_error("no node '%s'\n", id);
    fail();
    return NULL;
}

/* t/amend extends t/base: inherits its forms and parameters, replaces one
 * criterion of cstd_cs by id, and changes two parameters. */
static void test_rules__inheritance_amend(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/basic/t/amend");
    assert_int_equal(tdkt_rules_count(rules), 1);
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    assert_null(tdkt_rules_at(rules, 1));
    assert_string_equal(tdkt_ruleset_id(rs), "t/amend");
    assert_string_equal(tdkt_ruleset_title(rs, TDKT_LANG_EN), "Sửa đổi thử");
    assert_int_equal(tdkt_ruleset_from(rs), TDKT_DATE(2021, 1, 15));
    assert_int_equal(tdkt_ruleset_to(rs), 0);
    const tdkt_ruleset *base = tdkt_ruleset_parent(rs);
    assert_non_null(base);
    assert_string_equal(tdkt_ruleset_id(base), "t/base");
    assert_null(tdkt_ruleset_parent(base));
    assert_int_equal(tdkt_ruleset_caveats(base), 1);
    assert_string_equal(tdkt_ruleset_caveat(base, 0), "A fixture for tests.");
    assert_null(tdkt_ruleset_caveat(base, 1));

    /* Every form of the parent, in award-code order. */
    static const int awards[] = {TDKT_LDTT, TDKT_CSTD_CS, TDKT_TTLDTT};
    assert_int_equal(tdkt_ruleset_forms(rs), 3);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(tdkt_form_award(tdkt_ruleset_form(rs, i)),
                         awards[i]);
    assert_null(tdkt_ruleset_form(rs, 3));
    assert_int_equal(tdkt_form_subject(form_of(rs, TDKT_TTLDTT)), TDKT_UNIT);

    /* The amended form names the file that amended it last; the others
     * stay the parent's. */
    const tdkt_form *cs = form_of(rs, TDKT_CSTD_CS);
    assert_true(ends_with(tdkt_form_file(cs), "t/amend/forms/cstd_cs.lua"));
    assert_true(ends_with(tdkt_form_file(form_of(rs, TDKT_LDTT)),
                          "t/base/forms/ldtt.lua"));
    assert_string_equal(tdkt_form_name(cs, TDKT_LANG_EN),
                        "Grassroots Emulation Fighter");
    assert_int_equal(tdkt_form_criteria(cs), 4); /* its quota counts */
    /* Replaced by id, in place (still inside its route), with the
     * amendment's citation and status. */
    const rule_node *ex = node_named(cs, "excellent");
    assert_string_equal(ex->basis, "Fixture amendment Điều 1");
    assert_string_equal(ex->status, "V");
    assert_string_equal(cs->nodes[ex->parent].id, "by_rating");
    assert_true(ends_with(ex->file, "t/amend/forms/cstd_cs.lua"));
    assert_string_equal(node_named(cs, "initiative")->basis,
                        "Fixture Điều 2, khoản 2, điểm a");
    /* The parent's descriptor is untouched. */
    const tdkt_form *base_cs = form_of(base, TDKT_CSTD_CS);
    assert_string_equal(node_named(base_cs, "excellent")->basis,
                        "Fixture Điều 2, khoản 2, điểm b");
    assert_int_equal(tdkt_form_unverified(form_of(rs, TDKT_LDTT)), 1);

    /* Each set's hash covers its own files and its parent's. */
    assert_int_equal(strlen(tdkt_ruleset_sha256(rs)), 64);
    assert_string_not_equal(tdkt_ruleset_sha256(rs),
                            tdkt_ruleset_sha256(base));
    tdkt_rules_free(rules);
}

/* n/base nests routes as deep as a form may, RT_MAX_ROUTES (the fixture
 * is written for 8); n/child amends the criterion at the bottom, which
 * the amendment's search reaches through every level. One deeper is
 * refused (routes-too-deep). */
static void test_rules__routes_at_the_limit(void **state)
{
    (void)state;
    assert_int_equal(RT_MAX_ROUTES, 8);
    tdkt_rules *rules = open_fixture("rules/nesting/n/child");
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    const tdkt_ruleset *base = tdkt_ruleset_parent(rs);
    assert_non_null(base);
    for (int i = 0; i < 2; i++) {
        const tdkt_form *f = form_of(i ? rs : base, TDKT_LDTT);
        assert_int_equal(f->nnodes, 2 * RT_MAX_ROUTES + 1);
        const rule_node *deepest = node_named(f, "deepest");
        assert_int_equal(deepest->depth, 2 * RT_MAX_ROUTES);
        assert_string_equal(f->nodes[deepest->parent].id, "way1");
        assert_int_equal(node_named(f, "ways8")->depth, 0);
        assert_true(ends_with(deepest->file, i ? "n/child/forms/ldtt.lua"
                                               : "n/base/forms/ldtt.lua"));
    }
    tdkt_rules_free(rules);
}

typedef struct param_want {
    const char *name, *value, *origin; /* origin: a tail of it */
} param_want;

static void assert_params(const tdkt_ruleset *rs, const param_want *want,
                          size_t n)
{
    assert_int_equal(tdkt_ruleset_params(rs), n);
    for (size_t i = 0; i < n; i++) {
        const char *name, *value, *origin;
        tdkt_ruleset_param(rs, i, &name, &value, &origin);
        assert_string_equal(name, want[i].name);
        assert_string_equal(value, want[i].value);
        if (!ends_with(origin, want[i].origin)) {
            print_error("%s: origin %s, expected …%s\n", name, origin,
                        want[i].origin);
            fail();
        }
    }
}

/* Parameters in force, sorted by name, each with the set (or file) that
 * gave it: the child's overrides win, the rest is inherited. */
static void test_rules__params_inherited_and_overridden(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/basic/t/amend");
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    static const param_want amend[] = {
        {"cstd_cs.initiatives", "1", "t/base/forms/cstd_cs.lua"},
        {"cstd_cs.quota_pct", "10", "t/amend"},
        {"discipline_bar", "reprimand", "t/base"},
        {"new_hire_min_months", "6", "t/amend"},
        {"ttldtt.share", "50", "t/base/forms/ttldtt.lua"},
    };
    assert_params(rs, amend, sizeof amend / sizeof *amend);
    static const param_want base[] = {
        {"cstd_cs.initiatives", "1", "t/base/forms/cstd_cs.lua"},
        {"cstd_cs.quota_pct", "15", "t/base/forms/cstd_cs.lua"},
        {"discipline_bar", "reprimand", "t/base"},
        {"new_hire_min_months", "10", "t/base"},
        {"ttldtt.share", "50", "t/base/forms/ttldtt.lua"},
    };
    assert_params(tdkt_ruleset_parent(rs), base, sizeof base / sizeof *base);
    tdkt_rules_free(rules);
}

static void test_rules__set_param(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/basic/t/amend");
    const tdkt_ruleset *rs = tdkt_rules_at(rules, 0);
    assert_int_equal(tdkt_rules_set_param(rules, "cstd_cs.quota_pct", "20"),
                     TDKT_OK);
    assert_int_equal(tdkt_rules_set_param(rules, "discipline_bar",
                                          "warning"),
                     TDKT_OK);
    static const param_want want[] = {
        {"cstd_cs.initiatives", "1", "t/base/forms/cstd_cs.lua"},
        {"cstd_cs.quota_pct", "20", "--set"},
        {"discipline_bar", "warning", "--set"},
        {"new_hire_min_months", "6", "t/amend"},
        {"ttldtt.share", "50", "t/base/forms/ttldtt.lua"},
    };
    assert_params(rs, want, sizeof want / sizeof *want);
    const rule_param *p = rs_param(rs, "cstd_cs", "quota_pct");
    assert_non_null(p);
    assert_true(p->num == 20.0);

    /* A number parameter takes only numbers. */
    assert_int_equal(tdkt_rules_set_param(rules, "new_hire_min_months",
                                          "ten"),
                     TDKT_EINVALID);
    assert_string_equal(tdkt_error_last()->message,
                        "--set new_hire_min_months: 'ten' is not a number");
    /* An unknown name lists the near ones (same form, or a short edit
     * away). */
    assert_int_equal(tdkt_rules_set_param(rules, "cstd_cs.quota", "5"),
                     TDKT_ENOTFOUND);
    assert_string_equal(tdkt_error_last()->message,
                        "--set: no parameter 'cstd_cs.quota'; near names: "
                        "cstd_cs.initiatives, cstd_cs.quota_pct");
    assert_int_equal(tdkt_rules_set_param(rules, "zzz", "5"),
                     TDKT_ENOTFOUND);
    assert_string_equal(tdkt_error_last()->message,
                        "--set: no parameter 'zzz'");
    tdkt_rules_free(rules);
}

/* ---------------------------------------------------- date selection */

typedef struct pick {
    tdkt_date date;
    const char *id; /* NULL: nothing in force */
} pick;

static void assert_picks(const tdkt_rules *rules, const pick *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char date[11];
        tdkt_date_format(date, p[i].date);
        tdkt_error_clear();
        const tdkt_ruleset *rs = tdkt_rules_select(rules, p[i].date);
        const char *got = rs ? tdkt_ruleset_id(rs) : NULL;
        if (!p[i].id != !got || (got && strcmp(got, p[i].id) != 0)) {
            print_error("%s: expected %s, got %s (%s)\n", date,
                        p[i].id ? p[i].id : "none", got ? got : "none",
                        tdkt_error_last()->message);
            fail();
        }
        if (!got) {
            /* The message names the date nothing covers. */
            assert_int_equal(tdkt_error_last()->code, TDKT_ENOTFOUND);
            assert_non_null(strstr(tdkt_error_last()->message, date));
        }
    }
}

/* A, B national; P1 on A from 2018-11-01; P2 on B from 2024-11-08. The
 * most specific set in force wins; between B's start and P2's, B. */
static void test_rules__select_by_date(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/dates/regimes");
    assert_int_equal(tdkt_rules_count(rules), 4);
    static const pick picks[] = {
        {TDKT_DATE(2017, 1, 1), NULL},
        {TDKT_DATE(2017, 9, 30), NULL},
        {TDKT_DATE(2017, 10, 1), "vn/a"},
        {TDKT_DATE(2018, 10, 31), "vn/a"},
        {TDKT_DATE(2018, 11, 1), "kt/p1"},
        {TDKT_DATE(2023, 12, 31), "kt/p1"},
        {TDKT_DATE(2024, 1, 1), "vn/b"},
        {TDKT_DATE(2024, 11, 7), "vn/b"},
        {TDKT_DATE(2024, 11, 8), "kt/p2"},
        {TDKT_DATE(2040, 6, 30), "kt/p2"},
    };
    assert_picks(rules, picks, sizeof picks / sizeof *picks);
    tdkt_error_clear();
    assert_null(tdkt_rules_select(rules, TDKT_DATE(2017, 1, 1)));
    assert_string_equal(tdkt_error_last()->message,
                        "no rule set is in force on 2017-01-01 (choose one "
                        "with --rules)");
    tdkt_rules_free(rules);
}

/* Opening one jurisdiction's folder loads the national parents from the
 * rules root; they fill the dates the province's own sets leave. */
static void test_rules__select_jurisdiction_folder(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/dates/regimes/kt");
    assert_int_equal(tdkt_rules_count(rules), 2);
    assert_string_equal(tdkt_ruleset_id(tdkt_rules_at(rules, 0)), "kt/p1");
    assert_string_equal(tdkt_ruleset_id(tdkt_rules_at(rules, 1)), "kt/p2");
    static const pick picks[] = {
        {TDKT_DATE(2018, 10, 31), "vn/a"},
        {TDKT_DATE(2018, 11, 1), "kt/p1"},
        {TDKT_DATE(2024, 11, 7), "vn/b"},
        {TDKT_DATE(2024, 11, 8), "kt/p2"},
        {TDKT_DATE(2016, 12, 31), NULL},
    };
    assert_picks(rules, picks, sizeof picks / sizeof *picks);
    tdkt_rules_free(rules);
}

/* An amendment that extends its parent may overlap it, and supersedes it
 * from its own date. */
static void test_rules__select_amendment_supersedes_parent(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/dates/amendment");
    static const pick picks[] = {
        {TDKT_DATE(2018, 12, 31), NULL},
        {TDKT_DATE(2019, 1, 1), "x/base"},
        {TDKT_DATE(2021, 6, 30), "x/base"},
        {TDKT_DATE(2021, 7, 1), "x/amend"},
        {TDKT_DATE(2035, 1, 1), "x/amend"},
    };
    assert_picks(rules, picks, sizeof picks / sizeof *picks);
    tdkt_rules_free(rules);
}

/* One set's folder: that set judges everything, whatever the date. */
static void test_rules__select_single_set_folder(void **state)
{
    (void)state;
    tdkt_rules *rules = open_fixture("rules/dates/regimes/kt/p1");
    assert_int_equal(tdkt_rules_count(rules), 1);
    assert_string_equal(
        tdkt_ruleset_id(tdkt_ruleset_parent(tdkt_rules_at(rules, 0))),
        "vn/a");
    static const pick picks[] = {
        {TDKT_DATE(2000, 1, 1), "kt/p1"},
        {TDKT_DATE(2018, 10, 31), "kt/p1"},
        {TDKT_DATE(2030, 1, 1), "kt/p1"},
    };
    assert_picks(rules, picks, sizeof picks / sizeof *picks);
    tdkt_rules_free(rules);
}

/* Two sets in force on a date, neither extending the other (another
 * jurisdiction's set in the same folder): no choice is made for the user. */
static void test_rules__select_tie_is_an_error(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    static const char *const sets[][2] = {
        {"q/one", "2020-01-01"},
        {"r/two", "2021-01-01"},
    };
    for (size_t i = 0; i < 2; i++) {
        char dir[1024], manifest[512];
        snprintf(dir, sizeof dir, "%s/%c", tmp, sets[i][0][0]);
        mkdir(dir, 0700);
        snprintf(dir, sizeof dir, "%s/%s", tmp, sets[i][0]);
        assert_int_equal(mkdir(dir, 0700), 0);
        snprintf(manifest, sizeof manifest,
                 "ruleset { id = '%s', title = 'T', basis = 'Tests', "
                 "effective_from = '%s' }\n",
                 sets[i][0], sets[i][1]);
        free(th_write(dir, "ruleset.lua", manifest));
    }
    tdkt_rules *rules = NULL;
    assert_int_equal(tdkt_rules_open(&rules, tmp), 0);
    static const pick picks[] = {
        {TDKT_DATE(2020, 12, 31), "q/one"},
    };
    assert_picks(rules, picks, 1);
    tdkt_error_clear();
    assert_null(tdkt_rules_select(rules, TDKT_DATE(2021, 1, 1)));
    assert_int_equal(tdkt_error_last()->code, TDKT_ERULE);
    assert_string_equal(tdkt_error_last()->message,
                        "two rule sets are in force on 2021-01-01: q/one and "
                        "r/two (choose one with --rules)");
    tdkt_rules_free(rules);
    th_rmtree(tmp);
    free(tmp);
}

/* A set outside a rules root (its own folder tree holds only it) finds
 * its parent under the parent roots, the first that holds it; without
 * them, the error names where it looked. */
static void test_rules__parent_in_another_root(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/kt", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(dir, sizeof dir, "%s/kt/p3", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    free(th_write(dir, "ruleset.lua",
                  "ruleset { id = 'kt/p3', title = 'P3', basis = 'Tests',\n"
                  "  extends = 'kt/p2',\n"
                  "  effective_from = '2030-01-01' }\n"));
    tdkt_rules *rules = NULL;
    assert_int_equal(tdkt_rules_open(&rules, dir), TDKT_ERULE);
    char want[2048];
    snprintf(want, sizeof want,
             "%s/ruleset.lua:2: extends unknown rule set 'kt/p2' (looked in "
             "%s)",
             dir, tmp);
    assert_string_equal(tdkt_error_last()->message, want);

    char *regimes = th_fixture("rules/dates/regimes");
    const char *roots[] = {"/nonexistent/tdkt-rules", regimes};
    assert_int_equal(tdkt_rules_set_parent_roots(roots, 2), TDKT_OK);
    int rc = tdkt_rules_open(&rules, dir);
    if (rc < 0)
        print_error("%s\n", tdkt_error_last()->message);
    assert_int_equal(rc, TDKT_OK);
    const tdkt_ruleset *p2 = tdkt_ruleset_parent(tdkt_rules_at(rules, 0));
    assert_string_equal(tdkt_ruleset_id(p2), "kt/p2");
    snprintf(want, sizeof want, "%s/kt/p2", regimes);
    assert_string_equal(tdkt_ruleset_dir(p2), want);
    assert_string_equal(tdkt_ruleset_id(tdkt_ruleset_parent(p2)), "vn/b");
    tdkt_rules_free(rules);

    assert_int_equal(tdkt_rules_set_parent_roots(NULL, 0), TDKT_OK);
    assert_int_equal(tdkt_rules_open(&rules, dir), TDKT_ERULE);
    free(regimes);
    th_rmtree(tmp);
    free(tmp);
}

/* Each nomination is judged by the set in force on its submission date,
 * else on 31 December of its year; `as_of` puts every one on one date. */
static void test_rules__eval_by_nomination_date(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char db[1024];
    snprintf(db, sizeof db, "%s/t.db", tmp);
    tdkt_store *store = NULL;
    assert_int_equal(tdkt_store_open(&store, db, TDKT_STORE_WRITE), 0);
    assert_int_equal(
        tdkt_store_exec(store,
                        "INSERT INTO units(id, name, kind) VALUES "
                        "('U1', 'Phòng', 'agency');"
                        "INSERT INTO people(id, full_name, unit_id, "
                        "is_leader) VALUES ('P1', 'A', 'U1', 0);"
                        "INSERT INTO nominations(id, subject_type, "
                        "subject_id, code, year, submitted) VALUES "
                        "('N1', 'person', 'P1', 'ldtt', 2021, '2021-06-30'),"
                        "('N2', 'person', 'P1', 'ldtt', 2021, '2021-07-01'),"
                        "('N3', 'person', 'P1', 'ldtt', 2021, NULL),"
                        "('N4', 'person', 'P1', 'ldtt', 2018, NULL),"
                        "('N5', 'person', 'P1', 'cstd_cs', 2021, NULL)"),
        0);
    tdkt_index *ix = NULL;
    assert_int_equal(tdkt_index_load(&ix, store), 0);
    tdkt_rules *rules = open_fixture("rules/dates/amendment");
    tdkt_results *res = NULL;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 1;
    opt.lang = TDKT_LANG_EN;
    assert_int_equal(tdkt_eval(&res, ix, rules, &opt), 0);
    static const struct {
        const char *id, *ruleset, *detail, *message;
        int outcome;
    } want[] = {
        {"N1", "x/base", "10", NULL, TDKT_ELIGIBLE},
        {"N2", "x/amend", "6", NULL, TDKT_ELIGIBLE},
        {"N3", "x/amend", "6", NULL, TDKT_ELIGIBLE},
        {"N4", NULL, NULL,
         "no rule set is in force on 2018-12-31 (choose one with --rules)",
         TDKT_OUTCOME_ERROR},
        {"N5", "x/amend", NULL,
         "rule set x/amend has no form for 'cstd_cs' (individual)",
         TDKT_OUTCOME_ERROR},
    };
    assert_int_equal(tdkt_results_count(res), 5);
    for (size_t i = 0; i < 5; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        assert_string_equal(v.nomination, want[i].id);
        assert_int_equal(v.outcome, want[i].outcome);
        if (want[i].ruleset)
            assert_string_equal(tdkt_ruleset_id(v.ruleset), want[i].ruleset);
        else
            assert_null(v.ruleset);
        if (want[i].message)
            assert_string_equal(v.message, want[i].message);
        else
            assert_null(v.message);
        if (want[i].detail) {
            tdkt_criterion_view c;
            assert_int_equal(v.nnodes, 1);
            tdkt_result_node(res, i, 0, TDKT_LANG_EN, &c);
            assert_string_equal(c.id, "months");
            assert_string_equal(c.detail, want[i].detail);
        }
    }
    tdkt_results_free(res);

    opt.as_of = TDKT_DATE(2021, 6, 30);
    assert_int_equal(tdkt_eval(&res, ix, rules, &opt), 0);
    for (size_t i = 0; i < 5; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        assert_string_equal(tdkt_ruleset_id(v.ruleset), "x/base");
        assert_int_equal(v.outcome, i == 4 ? TDKT_OUTCOME_ERROR
                                           : TDKT_ELIGIBLE);
    }
    tdkt_results_free(res);
    tdkt_rules_free(rules);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    th_rmtree(tmp);
    free(tmp);
}

/* A form file edited after the set was opened, before a worker makes its
 * Lua state (lazily, on its first nomination), judges nothing: every
 * state is made from the bytes the audit hash was taken of. */
static void test_rules__file_edited_after_open(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char dir[1024], forms[1100], db[1024];
    snprintf(dir, sizeof dir, "%s/x", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(dir, sizeof dir, "%s/x/set", tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    free(th_write(dir, "ruleset.lua",
                  "ruleset { id = 'x/set', title = 'T', basis = 'Tests', "
                  "effective_from = '2020-01-01' }\n"));
    snprintf(forms, sizeof forms, "%s/forms", dir);
    assert_int_equal(mkdir(forms, 0700), 0);
    static const char form[] =
        "form 'ldtt' { name = { vi = 'A', en = 'A' }, basis = 'Tests',\n"
        "  criterion 'c' { basis = 'Tests', status = 'V', vi = 'C', en = 'C',\n"
        "    check = function(s, n, p) return %s('as opened') end } }\n";
    char text[512];
    snprintf(text, sizeof text, form, "pass");
    free(th_write(forms, "ldtt.lua", text));

    snprintf(db, sizeof db, "%s/t.db", tmp);
    tdkt_store *store = NULL;
    assert_int_equal(tdkt_store_open(&store, db, TDKT_STORE_WRITE), 0);
    assert_int_equal(
        tdkt_store_exec(store,
                        "INSERT INTO units(id, name, kind) VALUES "
                        "('U1', 'Phòng', 'agency');"
                        "INSERT INTO people(id, full_name, unit_id, "
                        "is_leader) VALUES ('P1', 'A', 'U1', 0);"
                        "INSERT INTO nominations(id, subject_type, "
                        "subject_id, code, year) VALUES "
                        "('N1', 'person', 'P1', 'ldtt', 2021)"),
        0);
    tdkt_index *ix = NULL;
    assert_int_equal(tdkt_index_load(&ix, store), 0);
    tdkt_rules *rules = NULL;
    assert_int_equal(tdkt_rules_open(&rules, dir), 0);
    char sha[65];
    snprintf(sha, sizeof sha, "%s",
             tdkt_ruleset_sha256(tdkt_rules_select(rules, TDKT_DATE(2021, 12, 31))));

    snprintf(text, sizeof text, form, "fail");
    free(th_write(forms, "ldtt.lua", text)); /* edited during the run */

    tdkt_results *res = NULL;
    tdkt_eval_options opt = TDKT_EVAL_OPTIONS_INIT;
    opt.threads = 2;
    opt.lang = TDKT_LANG_EN;
    assert_int_equal(tdkt_eval(&res, ix, rules, &opt), 0);
    tdkt_result_view v;
    tdkt_result_get(res, 0, &v);
    assert_int_equal(v.outcome, TDKT_ELIGIBLE);
    assert_string_equal(tdkt_ruleset_sha256(v.ruleset), sha);
    tdkt_results_free(res);
    tdkt_rules_free(rules);
    tdkt_index_free(ix);
    tdkt_store_close(store);
    th_rmtree(tmp);
    free(tmp);
}

int main(void)
{
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_rules__load_error_symlinked_forms_folder),
        cmocka_unit_test(test_rules__open_missing_or_empty_folder),
        cmocka_unit_test(test_rules__load_error_language),
        cmocka_unit_test(test_rules__field_line),
        cmocka_unit_test(test_rules__inheritance_amend),
        cmocka_unit_test(test_rules__routes_at_the_limit),
        cmocka_unit_test(test_rules__params_inherited_and_overridden),
        cmocka_unit_test(test_rules__set_param),
        cmocka_unit_test(test_rules__select_by_date),
        cmocka_unit_test(test_rules__select_jurisdiction_folder),
        cmocka_unit_test(test_rules__select_amendment_supersedes_parent),
        cmocka_unit_test(test_rules__select_single_set_folder),
        cmocka_unit_test(test_rules__select_tie_is_an_error),
        cmocka_unit_test(test_rules__parent_in_another_root),
        cmocka_unit_test(test_rules__eval_by_nomination_date),
        cmocka_unit_test(test_rules__file_edited_after_open),
    };
    /* One named test per load error, from the table. */
    enum { NERR = sizeof load_errors / sizeof *load_errors,
           NFIXED = sizeof fixed / sizeof *fixed };
    struct CMUnitTest tests[NERR + NFIXED];
    for (size_t i = 0; i < NERR; i++)
        tests[i] = (struct CMUnitTest){load_errors[i].name,
                                       test_rules__load_error, NULL, NULL,
                                       (void *)&load_errors[i]};
    memcpy(tests + NERR, fixed, sizeof fixed);
    return _cmocka_run_group_tests("rules", tests, NERR + NFIXED, NULL,
                                   NULL);
}
