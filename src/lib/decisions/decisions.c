/*
 * The audit record read again: the runs, and one run's decisions, each
 * run carrying the SHA-256 of every rule set it used so that showing it
 * again can tell whether the rules have changed since. (Saving: save.c;
 * the stored form of a decision: saved.c.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decisions/decisions_internal.h"
#include "core/msg.h"

/* Column i of a row as text, "" when NULL; sets *error when SQLite ran
 * out of memory converting it (it then gives NULL too), since a cell
 * silently left empty would be a wrong answer. */
static const char *cell(sqlite3_stmt *st, int i, int *error)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    if (!v && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
        *error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    return v ? v : "";
}

/* A run's records version as the list shows it: the number (column
 * @p col), and whether anything but the run's own honours has changed the
 * records since (column col + 1, RUN_RECORDS_DRIFT). */
static const char *records_text(char *buf, size_t n, sqlite3_stmt *st,
                                int col, tdkt_lang lang)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return "—"; /* saved before the store counted its changes */
    snprintf(buf, n, "%lld%s", (long long)sqlite3_column_int64(st, col),
             sqlite3_column_int64(st, col + 1) == 0
                 ? ""
                 : TDKT_TR(lang, " (đã đổi)", " (changed)"));
    return buf;
}

int tdkt_runs_list(tdkt_store *store, tdkt_format fmt, tdkt_lang lang,
                   FILE *out)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *st = NULL;
    int64_t now = -1;
    int error = tdkt_store_records_version(store, &now);
    if (error < 0)
        return error;
    if (sqlite3_prepare_v2(
            db,
            "SELECT r.id, r.started, r.engine, r.rules, r.count, "
            "(SELECT group_concat(ruleset, ' ') FROM run_rulesets s WHERE "
            "s.run_id = r.id), "
            "(SELECT count(*) FROM decisions d WHERE d.run_id = r.id AND "
            "outcome = 'eligible'), r.records, " RUN_RECORDS_DRIFT("?1")
            ", (SELECT json_group_array(ruleset) FROM run_rulesets s "
            "WHERE s.run_id = r.id) FROM runs r ORDER BY r.id DESC",
            -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, now);
    tdkt_table *t = NULL;
    bool table = fmt == TDKT_FMT_TABLE, csv = fmt == TDKT_FMT_CSV;
    json_out j;
    if (csv)
        fputs("run,started,rules,count,eligible,records,records_changed,"
              "rule_sets,engine\n",
              out);
    else if (!table)
        json_out_begin(&j, out, fmt);
    if (table) {
        t = tdkt_table_new(7);
        const char *head[] = {TDKT_TR(lang, "Lần xét", "Run"),
                              TDKT_TR(lang, "Thời điểm (UTC)", "Time (UTC)"),
                              TDKT_TR(lang, "Đề nghị", "Nominations"),
                              TDKT_TR(lang, "Đủ điều kiện", "Eligible"),
                              TDKT_TR(lang, "Bộ quy tắc", "Rule sets"),
                              TDKT_TR(lang, "Dữ liệu", "Records"),
                              "tdkt"};
        tdkt_table_row(t, head);
        tdkt_table_rule(t);
        tdkt_table_align_right(t, 0);
        tdkt_table_align_right(t, 2);
        tdkt_table_align_right(t, 3);
    }
    int rc = SQLITE_DONE;
    while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        bool known = sqlite3_column_type(st, 7) != SQLITE_NULL;
        if (table) {
            char records[64];
            const char *row[] = {cell(st, 0, &error),
                                 cell(st, 1, &error),
                                 cell(st, 4, &error),
                                 cell(st, 6, &error),
                                 cell(st, 5, &error),
                                 records_text(records, sizeof records, st, 7,
                                              lang),
                                 cell(st, 2, &error)};
            tdkt_table_row(t, row);
        } else if (csv) {
            tdkt_buf b = {0};
            const char *cells[] = {
                cell(st, 0, &error), cell(st, 1, &error), cell(st, 3, &error),
                cell(st, 4, &error), cell(st, 6, &error),
                known ? cell(st, 7, &error) : "",
                !known ? "" : sqlite3_column_int64(st, 8) == 0 ? "0" : "1",
                cell(st, 5, &error), cell(st, 2, &error)};
            tdkt_csv_row(&b, cells, sizeof cells / sizeof *cells);
            /* printed whole: a quoted cell may hold a line break */
            tdkt_buf_put(&b, "\n", 1);
            if (b.oom && error == TDKT_OK)
                error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            if (error == TDKT_OK)
                tdkt_safe_fputs(tdkt_buf_cstr(&b), out);
            tdkt_buf_free(&b);
        } else {
            tdkt_buf b = {0};
            tdkt_buf_printf(&b, "{\"run\":%lld,\"started\":",
                            (long long)sqlite3_column_int64(st, 0));
            tdkt_json_str(&b, cell(st, 1, &error));
            /* The build and the sets, as the table and csv give them
             * (before "rules": the keys that follow keep their order). */
            tdkt_buf_puts(&b, ",\"engine\":");
            tdkt_json_str(&b, cell(st, 2, &error));
            tdkt_buf_puts(&b, ",\"rule_sets\":");
            tdkt_buf_puts(&b, cell(st, 9, &error)); /* JSON already */
            tdkt_buf_puts(&b, ",\"rules\":");
            tdkt_json_str(&b, cell(st, 3, &error));
            tdkt_buf_printf(&b, ",\"count\":%d,\"eligible\":%d",
                            sqlite3_column_int(st, 4),
                            sqlite3_column_int(st, 6));
            if (known)
                tdkt_buf_printf(&b, ",\"records\":%lld,\"records_changed\":%s}",
                                (long long)sqlite3_column_int64(st, 7),
                                sqlite3_column_int64(st, 8) == 0 ? "false"
                                                                 : "true");
            else
                tdkt_buf_puts(&b,
                              ",\"records\":null,\"records_changed\":null}");
            if (b.oom && error == TDKT_OK)
                error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            if (error == TDKT_OK)
                json_out_item(&j, tdkt_buf_cstr(&b));
            tdkt_buf_free(&b);
        }
    }
    sqlite3_finalize(st);
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    if (error == TDKT_OK && table)
        error = tdkt_table_print(t, out);
    else if (error == TDKT_OK && !csv)
        json_out_end(&j);
    tdkt_table_free(t);
    return error < 0 ? error : tdkt_output_done(out, lang);
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
    int error = TDKT_OK, rc = SQLITE_DONE;
    while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = cell(st, 0, &error);
        const char *dir = cell(st, 1, &error);
        const char *sha = cell(st, 2, &error);
        if (error < 0)
            break;
        tdkt_rules *rules = NULL;
        const char *now = NULL;
        int opened = tdkt_rules_open(&rules, dir);
        if (opened == TDKT_ENOMEM) { /* not the set's fault */
            error = opened;
            break;
        }
        const tdkt_ruleset *rs = opened == TDKT_OK ? rs_find(rules, id) : NULL;
        if (rs)
            now = rs->sha256;
        if (!now)
            error = tdkt_diags_add(problems, dir, 0, NULL,
                                   lang == TDKT_LANG_EN
                                       ? "rule set %s can no longer be "
                                         "loaded; the run used %.12s…"
                                       : "không nạp lại được bộ quy tắc %s; "
                                         "lần xét đã dùng bản %.12s…",
                                   id, sha);
        else if (strcmp(now, sha) != 0)
            error = tdkt_diags_add(problems, dir, 0, NULL,
                                   lang == TDKT_LANG_EN
                                       ? "rule set %s changed since the run "
                                         "(then %.12s…, now %.12s…)"
                                       : "bộ quy tắc %s đã thay đổi sau lần "
                                         "xét (khi đó %.12s…, nay %.12s…)",
                                   id, sha, now);
        tdkt_rules_free(rules);
    }
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    return error;
}

void tdkt_records_changed_note(char *buf, size_t n, int64_t run_id,
                               tdkt_lang lang)
{
    snprintf(buf, n,
             TDKT_TR(lang,
                     "hồ sơ đã thay đổi sau lần xét %lld (ngoài các khen "
                     "thưởng ghi từ chính lần xét này); kết quả xét có thể "
                     "đã khác, nên xét lại (tdkt eval) để kiểm tra",
                     "the records changed after run %lld (other than by "
                     "honours recorded from that run); its judgements may "
                     "be out of date, so judge again (tdkt eval) to check"),
             (long long)run_id);
}

/* The table's heading: each confer of the run, a line each. */
static int print_conferrals(sqlite3 *db, int64_t run_id, tdkt_lang lang,
                            FILE *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT decision_no, decision_date, at, added, "
                           "already, (SELECT group_concat(value, ', ') FROM "
                           "json_each(codes)) FROM conferrals WHERE run_id = "
                           "?1 ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    int rc = SQLITE_DONE, error = TDKT_OK;
    while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *no = cell(st, 0, &error), *date = cell(st, 1, &error),
                   *at = cell(st, 2, &error), *codes = cell(st, 5, &error);
        if (error < 0)
            break;
        /* as the heading's line above it: errors are the caller's, who
         * checks the stream (a decision number holds no control byte) */
        fprintf(out,
                TDKT_TR(lang,
                        "  trao theo quyết định %s ngày %s (ghi %s): %lld "
                        "khen thưởng mới, %lld đã có%s%s\n",
                        "  conferred by decision %s of %s (recorded %s): "
                        "%lld new honours, %lld already there%s%s\n"),
                no, date, at, (long long)sqlite3_column_int64(st, 3),
                (long long)sqlite3_column_int64(st, 4),
                *codes ? TDKT_TR(lang, "; hình thức ", "; awards ") : "",
                codes);
    }
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    return error;
}

int tdkt_run_show(tdkt_store *store, int64_t run_id, tdkt_format fmt,
                  tdkt_lang lang, FILE *out, tdkt_diags *problems)
{
    sqlite3 *db = tdkt_store_sqlite(store);
    sqlite3_stmt *st = NULL;
    int64_t now = -1;
    int error = tdkt_store_records_version(store, &now);
    if (error < 0)
        return error;
    if (sqlite3_prepare_v2(db, "SELECT started, rules, records, "
                               RUN_RECORDS_DRIFT("?2") " FROM runs r "
                               "WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "runs");
    sqlite3_bind_int64(st, 1, run_id);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        error = rc == SQLITE_DONE ? tdkt_error_set(TDKT_ENOTFOUND,
                                                   TDKT_MSG("không có lần xét "
                                                            "%lld",
                                                            "no run %lld"),
                                                   (long long)run_id)
                                  : tdkt_store_fail(db, "runs");
        sqlite3_finalize(st);
        return error;
    }
    char records[64];
    const char *started = cell(st, 0, &error), *rules = cell(st, 1, &error);
    if (error == TDKT_OK && fmt == TDKT_FMT_TABLE)
        fprintf(out, "%s %lld — %s, %s: %s, %s: %s\n",
                TDKT_TR(lang, "Lần xét", "Run"), (long long)run_id, started,
                TDKT_TR(lang, "quy tắc", "rules"), rules,
                TDKT_TR(lang, "dữ liệu", "records"),
                records_text(records, sizeof records, st, 2, lang));
    /* Said in every format, not only in the table's heading. */
    bool drifted = sqlite3_column_type(st, 2) != SQLITE_NULL &&
                   sqlite3_column_int64(st, 3) != 0;
    sqlite3_finalize(st);
    if (error == TDKT_OK && fmt == TDKT_FMT_TABLE)
        error = print_conferrals(db, run_id, lang, out);
    if (error == TDKT_OK && drifted) {
        char note[400];
        tdkt_records_changed_note(note, sizeof note, run_id, lang);
        error = tdkt_diags_add(problems, NULL, 0, NULL, "%s", note);
    }
    if (error < 0)
        return error;
    error = verify_sets(db, run_id, lang, problems);
    if (error < 0)
        return error;
    saved_run run;
    if ((error = saved_run_load(db, run_id, &run)) < 0)
        return error;
    run.lang = lang; /* the table names criteria in words */
    /* The subject's name as the records have it now (CSV). */
    if (sqlite3_prepare_v2(db,
                           "SELECT " SAVED_DECISION_COLUMNS ", CASE "
                           "subject_type WHEN 'person' THEN (SELECT "
                           "full_name FROM people p WHERE p.id = "
                           "d.subject_id) ELSE (SELECT name FROM units u "
                           "WHERE u.id = d.subject_id) END FROM decisions d "
                           "WHERE run_id = ? ORDER BY nomination_id",
                           -1, &st, NULL) != SQLITE_OK) {
        saved_run_free(&run);
        return tdkt_store_fail(db, "runs");
    }
    sqlite3_bind_int64(st, 1, run_id);
    tdkt_table *t = NULL;
    json_out j;
    tdkt_buf b = {0};
    bool table = fmt == TDKT_FMT_TABLE, csv = fmt == TDKT_FMT_CSV;
    if (csv)
        fputs("nomination,subject_type,subject_id,subject_name,code,year,"
              "ruleset,outcome,reasons\n",
              out);
    if (table) {
        t = tdkt_table_new(6);
        const char *head[] = {TDKT_TR(lang, "Đề nghị", "Nomination"),
                              TDKT_TR(lang, "Đối tượng", "Subject"),
                              TDKT_TR(lang, "Hình thức", "Award"),
                              TDKT_TR(lang, "Năm", "Year"),
                              TDKT_TR(lang, "Kết quả", "Outcome"),
                              TDKT_TR(lang, "Lý do", "Reason")};
        tdkt_table_row(t, head);
        tdkt_table_rule(t);
    } else if (!csv) {
        json_out_begin(&j, out, fmt);
    }
    while (error == TDKT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        b.len = 0;
        if (!table && !csv) {
            if ((error = saved_decision_json(&run, st, &b)) == TDKT_OK)
                json_out_item(&j, tdkt_buf_cstr(&b));
            continue;
        }
        tdkt_result_view v;
        const char *ruleset;
        saved_decision d;
        if ((error = saved_decision_read(&run, st, &v, &ruleset, &d)) < 0)
            break;
        tdkt_buf why = {0};
        result_reasons_text(&why, &v, saved_node_view, &d, table);
        char year[16];
        snprintf(year, sizeof year, "%d", v.year);
        if (table) {
            const char *row[] = {cell(st, 0, &error),
                                 cell(st, 2, &error),
                                 cell(st, 3, &error),
                                 year,
                                 tdkt_outcome_name(v.outcome, lang),
                                 tdkt_buf_cstr(&why)};
            tdkt_table_row(t, row);
        } else {
            const char *cells[] = {cell(st, 0, &error), cell(st, 1, &error),
                                   cell(st, 2, &error), cell(st, 10, &error),
                                   cell(st, 3, &error), year,
                                   ruleset ? ruleset : "",
                                   tdkt_outcome_code(v.outcome),
                                   tdkt_buf_cstr(&why)};
            tdkt_csv_row(&b, cells, sizeof cells / sizeof *cells);
            /* printed whole: a quoted cell may hold a line break */
            tdkt_buf_put(&b, "\n", 1);
            if (!b.oom && error == TDKT_OK)
                tdkt_safe_fputs(tdkt_buf_cstr(&b), out);
        }
        if ((why.oom || b.oom) && error == TDKT_OK)
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        tdkt_buf_free(&why);
    }
    if (error == TDKT_OK && rc != SQLITE_DONE)
        error = tdkt_store_fail(db, "runs");
    sqlite3_finalize(st);
    saved_run_free(&run);
    tdkt_buf_free(&b);
    if (table) {
        if (error == TDKT_OK)
            error = tdkt_table_print(t, out);
        tdkt_table_free(t);
    } else if (!csv) {
        json_out_end(&j);
    }
    return error < 0 ? error : tdkt_output_done(out, lang);
}
