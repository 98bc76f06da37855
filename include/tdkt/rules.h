/**
 * @file rules.h
 * Rule sets: folders of Lua scripts, one per award form, with a manifest
 * (rules/README.md describes the format). This stage loads them, resolves
 * inheritance (a child set extends its parent and overrides parameters,
 * forms or single criteria by name), checks them, and chooses the set in
 * force on a date.
 *
 * A tdkt_rules is read-only once opened and shared by every evaluation
 * thread; each thread runs the scripts in sandboxed Lua states of its own.
 */
#ifndef TDKT_RULES_H
#define TDKT_RULES_H

#include "tdkt/common.h"
#include "tdkt/date.h"

typedef struct tdkt_rules tdkt_rules;
typedef struct tdkt_ruleset tdkt_ruleset;
typedef struct tdkt_form tdkt_form;

/** The rules/ folder installed with the program (borrowed, static). */
TDKT_API const char *tdkt_rules_default_root(void);

/**
 * Where a parent is looked up when the rules root of the set that extends
 * it (the folder its id is relative to) does not hold it, as for a set
 * written outside the shipped rules/: these rules roots, in order. The
 * strings are copied; none (n = 0) by default. Process-wide, like
 * tdkt_set_message_lang(): set it before opening rules. The tdkt command
 * sets --rules (when given), then $TDKT_RULES or the installed rules/.
 * @return 0, TDKT_ENOMEM (the previous roots are kept)
 */
TDKT_API int tdkt_rules_set_parent_roots(const char *const *roots, size_t n);

/**
 * Open rule sets: @p path is one rule set folder (it holds ruleset.lua), or
 * a folder of rule sets (a jurisdiction such as rules/kontum, or a whole
 * rules root), in which case each nomination is judged by the set in force
 * on its date. Every script is loaded and checked now; the parents a set
 * extends are loaded from the same rules root, else from the roots of
 * tdkt_rules_set_parent_roots().
 * @param[out] out the rules; free with tdkt_rules_free()
 * @return 0, TDKT_ENOTFOUND, TDKT_ERULE (message: FILE:LINE: …), TDKT_ENOMEM
 */
TDKT_API int tdkt_rules_open(tdkt_rules **out, const char *path);
TDKT_API void tdkt_rules_free(tdkt_rules *rules);

/**
 * Override a parameter for this process only (`--set NAME=VALUE`): NAME is
 * "form.param" or a set-wide "param" of the set(s) opened. Applies to every
 * set opened by @p rules. An unknown name is TDKT_ENOTFOUND, with the near
 * names in the message.
 */
TDKT_API int tdkt_rules_set_param(tdkt_rules *rules, const char *name,
                                  const char *value);

/** The sets opened (not their parents), in path order. */
TDKT_API size_t tdkt_rules_count(const tdkt_rules *rules);
TDKT_API const tdkt_ruleset *tdkt_rules_at(const tdkt_rules *rules,
                                           size_t i);

/**
 * The set in force on @p date: the most specific set (a provincial set
 * before the national one it extends) whose effective range holds the date.
 * @return the set, or NULL with the thread's error set (naming the date)
 */
TDKT_API const tdkt_ruleset *tdkt_rules_select(const tdkt_rules *rules,
                                               tdkt_date date);

/* ---- one rule set ------------------------------------------------- */

TDKT_API const char *tdkt_ruleset_id(const tdkt_ruleset *rs);
TDKT_API const char *tdkt_ruleset_dir(const tdkt_ruleset *rs);
TDKT_API const char *tdkt_ruleset_title(const tdkt_ruleset *rs,
                                        tdkt_lang lang);
TDKT_API const char *tdkt_ruleset_basis(const tdkt_ruleset *rs);
TDKT_API tdkt_date tdkt_ruleset_from(const tdkt_ruleset *rs);
/** The last day in force, or 0 when open-ended. */
TDKT_API tdkt_date tdkt_ruleset_to(const tdkt_ruleset *rs);
/** The set this one extends, or NULL. */
TDKT_API const tdkt_ruleset *tdkt_ruleset_parent(const tdkt_ruleset *rs);
/** SHA-256 (hex) over every file of the set and its parents. */
TDKT_API const char *tdkt_ruleset_sha256(const tdkt_ruleset *rs);
TDKT_API size_t tdkt_ruleset_caveats(const tdkt_ruleset *rs);
TDKT_API const char *tdkt_ruleset_caveat(const tdkt_ruleset *rs, size_t i);

/** The forms of the set (its own and inherited), in code order. */
TDKT_API size_t tdkt_ruleset_forms(const tdkt_ruleset *rs);
TDKT_API const tdkt_form *tdkt_ruleset_form(const tdkt_ruleset *rs,
                                            size_t i);
/** The form for an award code and subject type, or NULL. */
TDKT_API const tdkt_form *tdkt_ruleset_find_form(const tdkt_ruleset *rs,
                                                 int award, int subject);

/** Parameters in force (after inheritance and overrides). */
TDKT_API size_t tdkt_ruleset_params(const tdkt_ruleset *rs);
/** Parameter @p i: its name, value as text, and the set that set it. */
TDKT_API void tdkt_ruleset_param(const tdkt_ruleset *rs, size_t i,
                                 const char **name, const char **value,
                                 const char **origin);

/* ---- one form ------------------------------------------------------ */

TDKT_API int tdkt_form_award(const tdkt_form *f);
TDKT_API int tdkt_form_subject(const tdkt_form *f);
TDKT_API const char *tdkt_form_name(const tdkt_form *f, tdkt_lang lang);
TDKT_API const char *tdkt_form_basis(const tdkt_form *f);
/** The file that defines the form (last amended by). */
TDKT_API const char *tdkt_form_file(const tdkt_form *f);
/** Criteria (leaves) and quotas, and how many of them rest on unverified
 * readings [U]. */
TDKT_API int tdkt_form_criteria(const tdkt_form *f);
TDKT_API int tdkt_form_unverified(const tdkt_form *f);

/**
 * Run the set's own test cases (tests/ *.lua in the set's folder).
 * Every failing case is reported in @p diags (file, line, message). A
 * case is judged in Vietnamese unless it says lang = "en" (its expected
 * texts are in one language).
 * @return 0 when every case passed, TDKT_ERULE when one failed, or
 *         another error (TDKT_ENOMEM) when the cases could not be run
 */
typedef struct tdkt_check_summary {
    size_t passed, failed;
} tdkt_check_summary;
struct tdkt_diags;
TDKT_API int tdkt_ruleset_check(const tdkt_rules *rules,
                                const tdkt_ruleset *rs,
                                tdkt_check_summary *summary,
                                struct tdkt_diags *diags);

#endif
