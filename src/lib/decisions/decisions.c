/*
 * The audit record: runs and their decisions, append-only (the schema's
 * triggers refuse updates and deletes), each run carrying the SHA-256 of
 * every rule set it used so that showing it again can tell whether the
 * rules have changed since.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

#include "tdkt/decisions.h"
#include "tdkt/eval.h"
#include "tdkt/rules.h"
#include "eval/eval_internal.h"

static int prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "saving decisions");
    return TDKT_OK;
}

static int step(sqlite3 *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(db, "saving decisions");
}

int tdkt_decisions_save(tdkt_store *store, const tdkt_results *res,
                        const char *rules, const char *options,
                        int64_t *run_id)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *run = NULL, *rsst = NULL, *dec = NULL;
    int error = tdkt_store_begin_write(store);
    if (error < 0)
        return error;
    char started[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if ((error = prepare(db, &run,
                         "INSERT INTO runs(started, engine, rules, options, "
                         "count) VALUES(?,?,?,?,?)")) < 0 ||
        (error = prepare(db, &rsst,
                         "INSERT OR IGNORE INTO run_rulesets(run_id, "
                         "ruleset, dir, sha256) VALUES(?,?,?,?)")) < 0 ||
        (error = prepare(db, &dec,
                         "INSERT INTO decisions(run_id, nomination_id, "
                         "subject_type, subject_id, code, year, ruleset, "
                         "outcome, message, result) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?)")) < 0)
        goto done;
    sqlite3_bind_text(run, 1, started, -1, SQLITE_STATIC);
    sqlite3_bind_text(run, 2, tdkt_version(), -1, SQLITE_STATIC);
    sqlite3_bind_text(run, 3, rules, -1, SQLITE_STATIC);
    sqlite3_bind_text(run, 4, options ? options : "{}", -1, SQLITE_STATIC);
    sqlite3_bind_int64(run, 5, (sqlite3_int64)tdkt_results_count(res));
    if ((error = step(db, run)) < 0)
        goto done;
    int64_t id = sqlite3_last_insert_rowid(db);
    tdkt_buf json = {0};
    for (size_t i = 0; i < tdkt_results_count(res) && error == TDKT_OK; i++) {
        tdkt_result_view v;
        tdkt_result_get(res, i, &v);
        if (v.ruleset) {
            /* The set and every parent it extends. */
            for (const tdkt_ruleset *s = v.ruleset; s && error == TDKT_OK;
                 s = tdkt_ruleset_parent(s)) {
                sqlite3_bind_int64(rsst, 1, id);
                sqlite3_bind_text(rsst, 2, tdkt_ruleset_id(s), -1,
                                  SQLITE_STATIC);
                sqlite3_bind_text(rsst, 3, tdkt_ruleset_dir(s), -1,
                                  SQLITE_STATIC);
                sqlite3_bind_text(rsst, 4, tdkt_ruleset_sha256(s), -1,
                                  SQLITE_STATIC);
                error = step(db, rsst);
            }
        }
        json.len = 0;
        tdkt_result_json(res, i, &json);
        if (json.oom) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        sqlite3_bind_int64(dec, 1, id);
        sqlite3_bind_text(dec, 2, v.nomination, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 3, v.subject_type, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 4, v.subject_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 5, v.code, -1, SQLITE_STATIC);
        sqlite3_bind_int(dec, 6, v.year);
        if (v.ruleset)
            sqlite3_bind_text(dec, 7, tdkt_ruleset_id(v.ruleset), -1,
                              SQLITE_STATIC);
        sqlite3_bind_text(dec, 8, tdkt_outcome_code(v.outcome), -1,
                          SQLITE_STATIC);
        if (v.message)
            sqlite3_bind_text(dec, 9, v.message, -1, SQLITE_STATIC);
        sqlite3_bind_text(dec, 10, tdkt_buf_cstr(&json), (int)json.len,
                          SQLITE_STATIC);
        if (error == TDKT_OK)
            error = step(db, dec);
    }
    tdkt_buf_free(&json);
    if (error == TDKT_OK && (error = tdkt_store_commit(store)) == TDKT_OK)
        *run_id = id;
done:
    sqlite3_finalize(run);
    sqlite3_finalize(rsst);
    sqlite3_finalize(dec);
    if (error < 0)
        tdkt_store_rollback(store);
    return error;
}

int tdkt_runs_list(tdkt_store *store, tdkt_format fmt, tdkt_lang lang,
                   FILE *out)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "SELECT r.id, r.started, r.engine, r.rules, r.count, "
            "(SELECT group_concat(ruleset, ' ') FROM run_rulesets s WHERE "
            "s.run_id = r.id), "
            "(SELECT count(*) FROM decisions d WHERE d.run_id = r.id AND "
            "outcome = 'eligible') FROM runs r ORDER BY r.id DESC",
            -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    tdkt_table *t = NULL;
    if (fmt == TDKT_FMT_TABLE) {
        t = tdkt_table_new(6);
        const char *head[] = {TDKT_TR(lang, "Lần xét", "Run"),
                              TDKT_TR(lang, "Thời điểm (UTC)", "Time (UTC)"),
                              TDKT_TR(lang, "Đề nghị", "Nominations"),
                              TDKT_TR(lang, "Đủ điều kiện", "Eligible"),
                              TDKT_TR(lang, "Bộ quy tắc", "Rule sets"),
                              "tdkt"};
        tdkt_table_row(t, head);
        tdkt_table_rule(t);
        tdkt_table_align_right(t, 0);
        tdkt_table_align_right(t, 2);
        tdkt_table_align_right(t, 3);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *sets = (const char *)sqlite3_column_text(st, 5);
        if (t) {
            const char *row[] = {(const char *)sqlite3_column_text(st, 0),
                                 (const char *)sqlite3_column_text(st, 1),
                                 (const char *)sqlite3_column_text(st, 4),
                                 (const char *)sqlite3_column_text(st, 6),
                                 sets ? sets : "",
                                 (const char *)sqlite3_column_text(st, 2)};
            tdkt_table_row(t, row);
        } else {
            tdkt_buf b = {0};
            tdkt_buf_printf(&b, "{\"run\":%lld,\"started\":",
                            (long long)sqlite3_column_int64(st, 0));
            tdkt_json_str(&b, (const char *)sqlite3_column_text(st, 1));
            tdkt_buf_puts(&b, ",\"rules\":");
            tdkt_json_str(&b, (const char *)sqlite3_column_text(st, 3));
            tdkt_buf_printf(&b, ",\"count\":%d,\"eligible\":%d}",
                            sqlite3_column_int(st, 4),
                            sqlite3_column_int(st, 6));
            fprintf(out, "%s\n", tdkt_buf_cstr(&b));
            tdkt_buf_free(&b);
        }
    }
    sqlite3_finalize(st);
    if (t) {
        tdkt_table_print(t, out);
        tdkt_table_free(t);
    }
    return rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(db, "runs");
}

/* Recompute each recorded rule set's hash from its folder now. */
static int verify_sets(sqlite3 *db, int64_t run_id, tdkt_lang lang,
                       tdkt_diags *problems)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT ruleset, dir, sha256 FROM run_rulesets "
                           "WHERE run_id = ? ORDER BY ruleset",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const char *dir = (const char *)sqlite3_column_text(st, 1);
        const char *sha = (const char *)sqlite3_column_text(st, 2);
        tdkt_rules *rules = NULL;
        const char *now = NULL;
        if (tdkt_rules_open(&rules, dir) == TDKT_OK)
            for (size_t i = 0; i < tdkt_rules_count(rules); i++)
                if (strcmp(tdkt_ruleset_id(tdkt_rules_at(rules, i)), id) == 0)
                    now = tdkt_ruleset_sha256(tdkt_rules_at(rules, i));
        if (!now)
            tdkt_diags_add(problems, dir, 0, NULL,
                           lang == TDKT_LANG_EN
                               ? "rule set %s can no longer be loaded; the "
                                 "run used %.12s…"
                               : "không nạp lại được bộ quy tắc %s; lần xét "
                                 "đã dùng bản %.12s…",
                           id, sha);
        else if (strcmp(now, sha) != 0)
            tdkt_diags_add(problems, dir, 0, NULL,
                           lang == TDKT_LANG_EN
                               ? "rule set %s changed since the run (then "
                                 "%.12s…, now %.12s…)"
                               : "bộ quy tắc %s đã thay đổi sau lần xét "
                                 "(khi đó %.12s…, nay %.12s…)",
                           id, sha, now);
        tdkt_rules_free(rules);
    }
    sqlite3_finalize(st);
    return TDKT_OK;
}

int tdkt_run_show(tdkt_store *store, int64_t run_id, tdkt_format fmt,
                  tdkt_lang lang, FILE *out, tdkt_diags *problems)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT started, rules, options FROM runs "
                               "WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return tdkt_error_set(TDKT_ENOTFOUND, "no run %lld",
                              (long long)run_id);
    }
    if (fmt == TDKT_FMT_TABLE)
        fprintf(out, "%s %lld — %s, %s: %s\n",
                TDKT_TR(lang, "Lần xét", "Run"), (long long)run_id,
                sqlite3_column_text(st, 0),
                TDKT_TR(lang, "quy tắc", "rules"),
                sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    int error = verify_sets(db, run_id, lang, problems);
    if (error < 0)
        return error;
    if (sqlite3_prepare_v2(db,
                           "SELECT nomination_id, subject_id, code, year, "
                           "ruleset, outcome, message, result FROM decisions "
                           "WHERE run_id = ? ORDER BY nomination_id",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    tdkt_table *t = NULL;
    if (fmt == TDKT_FMT_TABLE) {
        t = tdkt_table_new(6);
        const char *head[] = {TDKT_TR(lang, "Đề nghị", "Nomination"),
                              TDKT_TR(lang, "Đối tượng", "Subject"),
                              TDKT_TR(lang, "Hình thức", "Award"),
                              TDKT_TR(lang, "Năm", "Year"),
                              TDKT_TR(lang, "Kết quả", "Outcome"),
                              TDKT_TR(lang, "Lý do", "Reason")};
        tdkt_table_row(t, head);
        tdkt_table_rule(t);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (!t) {
            fprintf(out, "%s\n", sqlite3_column_text(st, 7));
            continue;
        }
        const char *oc = (const char *)sqlite3_column_text(st, 5);
        int o = strcmp(oc, "eligible") == 0     ? TDKT_ELIGIBLE
                : strcmp(oc, "ineligible") == 0 ? TDKT_INELIGIBLE
                : strcmp(oc, "review") == 0     ? TDKT_REVIEW
                                                : TDKT_OUTCOME_ERROR;
        const char *msg = (const char *)sqlite3_column_text(st, 6);
        const char *row[] = {(const char *)sqlite3_column_text(st, 0),
                             (const char *)sqlite3_column_text(st, 1),
                             (const char *)sqlite3_column_text(st, 2),
                             (const char *)sqlite3_column_text(st, 3),
                             tdkt_outcome_name(o, lang), msg ? msg : ""};
        tdkt_table_row(t, row);
    }
    sqlite3_finalize(st);
    if (t) {
        tdkt_table_print(t, out);
        tdkt_table_free(t);
    }
    return TDKT_OK;
}
