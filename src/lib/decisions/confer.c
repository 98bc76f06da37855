/*
 * Conferring: recording the eligible decisions of a run as honours, so that
 * the next year's evaluation (history) and this year's report see them.
 *
 * All or nothing, in one write transaction: every named nomination is
 * checked first (it must have an `eligible` decision in the run), and any
 * refusal writes nothing. Honours are keyed (subject, code, year, kind); an
 * honour already there, recorded by an earlier confer or imported, is left
 * as it is and counted as `already`, so conferring twice changes nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "tdkt/date.h"
#include "tdkt/output.h"
#include "tdkt/vocab.h"
#include "decisions/decisions_internal.h"

/* The run, and whether anything but its own honours changed the records
 * since it judged them. */
static const char run_sql[] =
    "SELECT " RUN_RECORDS_DRIFT("?2") " FROM runs r WHERE r.id = ?1";

static const char outcome_sql[] =
    "SELECT outcome, code FROM decisions "
    "WHERE run_id = ?1 AND nomination_id = ?2";

/* The decisions to confer; ?2 NULL selects every eligible one. The kind
 * is the one the run judged; runs saved before schema 8 did not keep it,
 * and take their nomination's (merit when it has gone since the run). */
static const char pick_sql[] =
    "SELECT d.nomination_id, d.subject_type, d.subject_id, d.code, d.year, "
    "       coalesce(d.kind, n.kind, 'merit') "
    "FROM decisions d LEFT JOIN nominations n ON n.id = d.nomination_id "
    "WHERE d.run_id = ?1 AND d.outcome = 'eligible' "
    "  AND (?2 IS NULL OR d.nomination_id = ?2) "
    "ORDER BY d.nomination_id";

/* The confer itself, kept (schema_conferrals.sql). */
static const char log_sql[] =
    "INSERT INTO conferrals (at, run_id, decision_no, decision_date, codes, "
    "  ids, added, already, engine) "
    "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, "
    "  ?7, ?8)";

static const char insert_sql[] =
    "INSERT INTO honours (subject_type, subject_id, code, year, kind, "
    "  decision_no, decision_date, run_id, nomination_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT DO NOTHING";

typedef struct confer {
    sqlite3 *db;
    const tdkt_confer_options *opt;
    unsigned codes; /* the awards conferred, a bit each; ~0: all */
    tdkt_confer_summary *sum;
    sqlite3_stmt *pick, *insert;
    tdkt_date date; /* the decision's */
    tdkt_lang lang;
} confer;

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return tdkt_store_fail(db, "confer");
    return TDKT_OK;
}

static bool seen_before(const tdkt_confer_options *opt, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (!strcmp(opt->ids[k], opt->ids[i]))
            return true;
    return false;
}

static bool code_conferred(unsigned codes, const char *code)
{
    int award = code ? tdkt_vocab_lookup(TDKT_V_AWARD, code) : -1;
    return award >= 0 && (codes >> award & 1);
}

/* Refuse each named nomination that has no eligible decision in the run,
 * or one of an award the decision does not confer (@p codes). */
static int check_named(sqlite3 *db, const tdkt_confer_options *opt,
                       unsigned codes, tdkt_lang lang, tdkt_diags *diags)
{
    sqlite3_stmt *st = NULL;
    int error = prepare(db, outcome_sql, &st);
    for (size_t i = 0; error == TDKT_OK && i < opt->nids; i++) {
        if (seen_before(opt, i))
            continue;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, opt->run_id);
        sqlite3_bind_text(st, 2, opt->ids[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) {
            error = tdkt_diags_add(
                diags, opt->ids[i], 0, "",
                TDKT_TR(lang, "không có quyết định trong lần xét %lld",
                        "has no decision in run %lld"),
                (long long)opt->run_id);
        } else if (rc == SQLITE_ROW) {
            const char *outcome = (const char *)sqlite3_column_text(st, 0);
            if (!outcome && sqlite3_errcode(db) == SQLITE_NOMEM)
                error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            else if (!outcome || strcmp(outcome, "eligible") != 0)
                /* the outcomes in words, as the tables say them */
                error = tdkt_diags_add(
                    diags, opt->ids[i], 0, "",
                    TDKT_TR(lang,
                            "kết quả xét là '%s', không phải '%s'; "
                            "không thể ghi khen thưởng",
                            "its outcome is '%s', not '%s'; it "
                            "cannot be conferred"),
                    tdkt_outcome_name(saved_outcome(outcome), lang),
                    tdkt_outcome_name(TDKT_ELIGIBLE, lang));
            else if (!code_conferred(
                         codes, (const char *)sqlite3_column_text(st, 1)))
                error = tdkt_diags_add(
                    diags, opt->ids[i], 0, "",
                    TDKT_TR(lang,
                            "là đề nghị '%s', không thuộc các hình thức "
                            "quyết định này trao",
                            "is a nomination for '%s', not among the "
                            "awards this decision confers"),
                    (const char *)sqlite3_column_text(st, 1));
        } else {
            error = tdkt_store_fail(db, "confer");
        }
    }
    sqlite3_finalize(st);
    return error;
}

/* Record every decision @p c->pick yields (bound already). */
static int record(confer *c)
{
    int rc;
    sqlite3_stmt *in = c->insert;
    while ((rc = sqlite3_step(c->pick)) == SQLITE_ROW) {
        if (!code_conferred(c->codes,
                            (const char *)sqlite3_column_text(c->pick, 3)))
            continue; /* another authority's award */
        /* A decision honours the achievements of its year: it cannot be
         * signed before that year began (a mistyped date, most likely). */
        int year = sqlite3_column_int(c->pick, 4);
        if (TDKT_DATE_YEAR(c->date) < year)
            return tdkt_error_set(
                TDKT_EINVALID,
                TDKT_TR(c->lang,
                        "ngày quyết định %s có trước năm thành tích %d "
                        "của đề nghị '%s'; không ghi gì",
                        "the decision date %s is before %d, the year of "
                        "the achievements of nomination '%s'; nothing "
                        "was written"),
                c->opt->decision_date, year,
                (const char *)sqlite3_column_text(c->pick, 0));
        sqlite3_reset(in);
        /* nomination, subject_type, subject_id, code, year, kind: copied,
         * which allocates; a copy that fails would leave NULL bound */
        int bound = SQLITE_OK;
        for (int k = 1; k <= 5 && bound == SQLITE_OK; k++)
            bound = sqlite3_bind_value(in, k, sqlite3_column_value(c->pick, k));
        if (bound == SQLITE_OK)
            bound = sqlite3_bind_value(in, 9, sqlite3_column_value(c->pick, 0));
        if (bound != SQLITE_OK)
            return bound == SQLITE_NOMEM
                       ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                       : tdkt_store_fail(c->db, "confer");
        sqlite3_bind_text(in, 6, c->opt->decision_no, -1, SQLITE_STATIC);
        sqlite3_bind_text(in, 7, c->opt->decision_date, -1, SQLITE_STATIC);
        sqlite3_bind_int64(in, 8, c->opt->run_id);
        if (sqlite3_step(in) != SQLITE_DONE)
            return tdkt_store_fail(c->db, "confer");
        if (sqlite3_changes(c->db) > 0)
            c->sum->added++;
        else
            c->sum->already++;
    }
    return rc == SQLITE_DONE ? TDKT_OK : tdkt_store_fail(c->db, "confer");
}

/* Keep the confer in the log: what it was asked and what it did. */
static int log_confer(confer *c)
{
    const tdkt_confer_options *o = c->opt;
    /* the awards as their codes, however they were named (all known:
     * check_options) */
    const char *named[TDKT_AWARD_COUNT_];
    size_t n = 0;
    for (int a = 0; a < TDKT_AWARD_COUNT_ && o->ncodes; a++)
        if (c->codes >> a & 1)
            named[n++] = tdkt_vocab_code(TDKT_V_AWARD, a);
    tdkt_buf codes = {0}, ids = {0};
    if (n)
        tdkt_json_strs(&codes, named, n);
    if (o->ids)
        tdkt_json_strs(&ids, o->ids, o->nids);
    sqlite3_stmt *st = NULL;
    int error = codes.oom || ids.oom
                    ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                    : prepare(c->db, log_sql, &st);
    if (error == TDKT_OK) {
        sqlite3_bind_int64(st, 1, o->run_id);
        sqlite3_bind_text(st, 2, o->decision_no, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, o->decision_date, -1, SQLITE_STATIC);
        if (codes.len)
            sqlite3_bind_text(st, 4, tdkt_buf_cstr(&codes), -1,
                              SQLITE_STATIC);
        if (ids.len)
            sqlite3_bind_text(st, 5, tdkt_buf_cstr(&ids), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)c->sum->added);
        sqlite3_bind_int64(st, 7, (sqlite3_int64)c->sum->already);
        sqlite3_bind_text(st, 8, tdkt_build(), -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            error = tdkt_store_fail(c->db, "confer");
    }
    sqlite3_finalize(st);
    tdkt_buf_free(&codes);
    tdkt_buf_free(&ids);
    return error;
}

/* A decision number is text as honours.csv holds it: valid UTF-8 without
 * control characters, or the honour could be neither printed safely nor
 * exported and imported again. */
static bool decision_no_ok(const char *no)
{
    for (const unsigned char *p = (const unsigned char *)no; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return tdkt_utf8_valid(no, strlen(no));
}

static int check_options(const tdkt_confer_options *opt, tdkt_lang lang)
{
    tdkt_date d;
    if (!opt->decision_no || !*opt->decision_no)
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "cần số quyết định (ví dụ "
                                      "1234/QĐ-UBND)",
                                      "a decision number is required "
                                      "(e.g. 1234/QĐ-UBND)"));
    if (!decision_no_ok(opt->decision_no))
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "số quyết định phải là chữ UTF-8, "
                                      "không có ký tự điều khiển",
                                      "the decision number must be UTF-8 "
                                      "text without control characters"));
    if (!opt->decision_date || tdkt_date_parse(&d, opt->decision_date) < 0)
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang,
                                      "ngày quyết định phải là một ngày "
                                      "dạng YYYY-MM-DD, không phải '%s'",
                                      "the decision date must be a date "
                                      "YYYY-MM-DD, not '%s'"),
                              opt->decision_date ? opt->decision_date : "");
    if (opt->nids && !opt->ids)
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang, "thiếu danh sách mã đề nghị",
                                      "nomination ids missing"));
    if (opt->ncodes && !opt->codes)
        return tdkt_error_set(TDKT_EINVALID,
                              TDKT_TR(lang, "thiếu danh sách hình thức",
                                      "award codes missing"));
    for (size_t i = 0; i < opt->ncodes; i++)
        if (tdkt_vocab_lookup(TDKT_V_AWARD, opt->codes[i]) < 0)
            return tdkt_error_set(TDKT_EINVALID,
                                  TDKT_TR(lang,
                                          "không có hình thức khen thưởng "
                                          "'%s' (xem docs/vocabulary.md)",
                                          "there is no award '%s' (see "
                                          "docs/vocabulary.md)"),
                                  opt->codes[i]);
    return TDKT_OK;
}

/* The awards @p opt confers, a bit each (checked by check_options). */
static unsigned codes_of(const tdkt_confer_options *opt)
{
    if (!opt->ncodes)
        return ~0u;
    unsigned codes = 0;
    for (size_t i = 0; i < opt->ncodes; i++)
        codes |= 1u << tdkt_vocab_lookup(TDKT_V_AWARD, opt->codes[i]);
    return codes;
}

int tdkt_confer(tdkt_store *store, const tdkt_confer_options *opt,
                tdkt_lang lang, tdkt_confer_summary *summary,
                tdkt_diags *diags)
{
    confer c = {.db = tdkt_store_sqlite(store),
                .opt = opt,
                .sum = summary,
                .lang = lang};
    sqlite3_stmt *run = NULL;
    int error;

    memset(summary, 0, sizeof *summary);
    if ((error = check_options(opt, lang)) < 0)
        return error;
    tdkt_date_parse(&c.date, opt->decision_date); /* checked above */
    c.codes = codes_of(opt);
    if ((error = tdkt_store_begin_write(store)) < 0)
        return error;

    int64_t now;
    if ((error = tdkt_store_records_version(store, &now)) < 0 ||
        (error = prepare(c.db, run_sql, &run)) < 0)
        goto done;
    sqlite3_bind_int64(run, 1, opt->run_id);
    sqlite3_bind_int64(run, 2, now);
    int rc = sqlite3_step(run);
    if (rc == SQLITE_DONE) {
        error = tdkt_error_set(TDKT_ENOTFOUND,
                               TDKT_TR(lang, "không có lần xét %lld",
                                       "there is no run %lld"),
                               (long long)opt->run_id);
        goto done;
    }
    if (rc != SQLITE_ROW) {
        error = tdkt_store_fail(c.db, "confer");
        goto done;
    }
    /* Changed by anything but conferring this run: another run's
     * honours, an import, an edit. Told, not refused: the decision
     * conferring the honours has been signed. */
    bool changed = sqlite3_column_type(run, 0) != SQLITE_NULL &&
                   sqlite3_column_int64(run, 0) != 0;

    size_t before = diags->count + diags->dropped;
    if ((error = check_named(c.db, opt, c.codes, lang, diags)) < 0)
        goto done;
    if (diags->count + diags->dropped > before) {
        error = tdkt_error_set(TDKT_EINVALID,
                               TDKT_TR(lang,
                                       "có đề nghị không đủ điều kiện; "
                                       "không ghi gì",
                                       "some nominations cannot be "
                                       "conferred; nothing was written"));
        goto done;
    }

    if ((error = prepare(c.db, pick_sql, &c.pick)) < 0 ||
        (error = prepare(c.db, insert_sql, &c.insert)) < 0)
        goto done;
    sqlite3_bind_int64(c.pick, 1, opt->run_id);
    if (!opt->ids) {
        error = record(&c);
    }
    for (size_t i = 0; opt->ids && error == TDKT_OK && i < opt->nids; i++) {
        if (seen_before(opt, i))
            continue;
        sqlite3_reset(c.pick);
        sqlite3_bind_text(c.pick, 2, opt->ids[i], -1, SQLITE_STATIC);
        error = record(&c);
    }
    if (error == TDKT_OK)
        error = log_confer(&c);
    if (error == TDKT_OK)
        error = tdkt_store_commit(store);
    summary->records_changed = changed;
done:
    sqlite3_finalize(run);
    sqlite3_finalize(c.pick);
    sqlite3_finalize(c.insert);
    if (error < 0) {
        tdkt_store_rollback(store);
        memset(summary, 0, sizeof *summary);
    }
    return error;
}
