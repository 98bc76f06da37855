#!/usr/bin/env bash
# End to end: import the example province, judge, save, show again, diff,
# and the rules commands, as a user would run them.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TDKT_DB="$tmp/t.db" TDKT_RULES="$TDKT_SOURCE_DIR/rules"
. "$(dirname "$0")/lib.sh"
dump() { store_dump "$TDKT_DB"; }

"$TDKT" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null
n_noms=$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM nominations")
# The import leaves the records' index ready beside the store, and the
# next command reads it: one that could not would write another, with
# another token.
check "import writes the index image" test -s "$TDKT_DB-index"
check "import leaves its token in the store" test "$(image_parts "$TDKT_DB")" -eq 1
token=$(image_token "$TDKT_DB")
"$TDKT" eval --dry-run --threads 1 > /dev/null
check "the run after an import reads its image" test "$token" = "$(image_token "$TDKT_DB")"

# --help everywhere, exit 0
for c in import eval diff report confer runs rules; do
  check "$c --help" "$TDKT" "$c" --help > /dev/null
done
check "tdkt --help" "$TDKT" --help > /dev/null
# Help is read in a terminal: no line is wider than 80 columns, in either
# language, and the Vietnamese help says what an option takes in
# Vietnamese (TỆP, THƯ_MỤC, ĐỊNH_DẠNG, NĂM…), as the commands' help does.
cat > "$tmp/help.py" <<'PY'
import re, sys, unicodedata
lang, text = sys.argv[1], sys.stdin.read()
bad = [l for l in text.splitlines()
       if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
              for c in l) > 80]
if lang == "vi":
    bad += [l for l in text.splitlines() if re.search(
        r"\b(PATH|DIR|FMT|FILE|YEAR|NAME|VALUE|AWARD|NOMINATION|NO)\b", l)]
for l in bad[:5]:
    print("  " + l, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
for lang in vi en; do
    for c in "" import eval diff report confer runs rules; do
        # shellcheck disable=SC2086
        "$TDKT" --lang $lang $c --help > "$tmp/help.txt"
        check "tdkt ${c:+$c }--help ($lang): lines of 80 columns at most, its own words" \
            python3 "$tmp/help.py" $lang < "$tmp/help.txt"
    done
done
check "tdkt --version" "$TDKT" --version > /dev/null
# the build: the version and 16 hex digits of the library's sources' hash
check "tdkt --version names the build" bash -c \
    "'$TDKT' --version | grep -Eq '^tdkt [0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{16} \('"

# eval --dry-run: one valid JSON object per nomination, nothing written
before=$(dump)
"$TDKT" eval --dry-run --format jsonl > "$tmp/a.jsonl"
check "dry-run judges every nomination" test "$(wc -l < "$tmp/a.jsonl")" -eq "$n_noms"
check "dry-run writes nothing" test "$before" = "$(dump)"
check "jsonl is valid and complete" python3 - "$tmp/a.jsonl" <<'PY'
import json, sys
outcomes = {"eligible", "ineligible", "review", "error"}
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert d["outcome"] in outcomes, d
    for k in ("nomination", "subject_type", "subject_id", "code", "year", "ruleset", "criteria"):
        assert k in d, (k, d)
    for c in d["criteria"]:
        assert c["result"] in ("pass", "fail", "unknown"), c
        if d["outcome"] != "error" and c.get("kind") is None:
            assert c["basis"] and c["status"] in ("V", "V-en", "P", "U"), c
    if d["outcome"] == "error":
        assert d.get("error"), d
PY
check "kinds of outcome present" bash -c "grep -q '\"outcome\":\"eligible\"' '$tmp/a.jsonl' && grep -q '\"outcome\":\"ineligible\"' '$tmp/a.jsonl' && grep -q '\"outcome\":\"review\"' '$tmp/a.jsonl'"

# The same with 1 and 4 threads
"$TDKT" eval --dry-run --format jsonl --threads 1 > "$tmp/t1.jsonl"
"$TDKT" eval --dry-run --format jsonl --threads 4 > "$tmp/t4.jsonl"
check "thread count does not change results" cmp -s "$tmp/t1.jsonl" "$tmp/t4.jsonl"
check "threads agree with the default" cmp -s "$tmp/t1.jsonl" "$tmp/a.jsonl"
# printed on those threads too, chunk by chunk: the same bytes
for fmt in table csv json; do
    "$TDKT" eval --dry-run --format "$fmt" --threads 1 > "$tmp/t1.$fmt"
    "$TDKT" eval --dry-run --format "$fmt" --threads 4 > "$tmp/t4.$fmt"
    check "$fmt printed the same on 1 and 4 threads" cmp -s "$tmp/t1.$fmt" "$tmp/t4.$fmt"
done

# Table in Vietnamese and English
"$TDKT" eval --dry-run --id N000001 > "$tmp/vi.txt"
check "table in Vietnamese" grep -q "Tổng hợp" "$tmp/vi.txt"
"$TDKT" eval --dry-run --id N000001 --lang en > "$tmp/en.txt"
check "table in English" grep -q "Summary" "$tmp/en.txt"
# $TDKT_LANG is --lang's default; a bad one is said and Vietnamese used.
TDKT_LANG=en "$TDKT" eval --dry-run --id N000001 > "$tmp/env-en.txt"
check "TDKT_LANG=en: English" cmp -s "$tmp/en.txt" "$tmp/env-en.txt"
TDKT_LANG=fr "$TDKT" eval --dry-run --id N000001 > "$tmp/env-fr.txt" 2> "$tmp/env-fr.err"
check "TDKT_LANG=fr: Vietnamese, still judged" cmp -s "$tmp/vi.txt" "$tmp/env-fr.txt"
check "TDKT_LANG=fr: said on stderr" grep -q "TDKT_LANG.*'fr'" "$tmp/env-fr.err"
TDKT_LANG=fr "$TDKT" --lang en eval --dry-run --id N000001 > /dev/null 2> "$tmp/env-fr.err"
check "--lang overrides a bad TDKT_LANG, unsaid" test ! -s "$tmp/env-fr.err"
"$TDKT" eval --dry-run --format csv > "$tmp/a.csv"
check "csv has a row per nomination" test "$(($(wc -l < "$tmp/a.csv") - 1))" -eq "$n_noms"
# An eligible nomination has no reasons against it: the criteria of a
# route that failed when another route passed are none.
check "csv gives no reasons for eligible nominations" bash -c "! grep -q ',eligible,.' '$tmp/a.csv'"
check "... while ineligible ones have theirs" grep -q ',ineligible,.' "$tmp/a.csv"

# Saving: a run, shown again identically, append-only
"$TDKT" eval --format jsonl > "$tmp/saved.jsonl" 2> "$tmp/saved.err"
check "eval says it saved" grep -q "runs show 1" "$tmp/saved.err"
check "saved output equals the dry run" cmp -s "$tmp/saved.jsonl" "$tmp/a.jsonl"
"$TDKT" runs show 1 --format jsonl > "$tmp/shown.jsonl"
check "runs show gives the stored results" cmp -s "$tmp/shown.jsonl" "$tmp/a.jsonl"
"$TDKT" eval --dry-run --format json > "$tmp/a.json"
"$TDKT" runs show 1 --format json > "$tmp/shown.json"
check "runs show --format json is eval --format json, byte for byte" cmp -s "$tmp/shown.json" "$tmp/a.json"
"$TDKT" runs show 1 --format csv > "$tmp/shown.csv"
check "runs show --format csv is eval --format csv, byte for byte" cmp -s "$tmp/shown.csv" "$tmp/a.csv"
"$TDKT" runs show 1 > "$tmp/shown.txt"
check "runs show: the reasons of an ineligible decision" grep -qE "Không đủ điều kiện +[a-z_?]" "$tmp/shown.txt"
"$TDKT" runs --format csv > "$tmp/runs.csv"
check "runs --format csv: a header and the run" grep -q '^1,.*,0,' "$tmp/runs.csv"
"$TDKT" rules list --format jsonl > "$tmp/sets.jsonl"
check "rules list --format jsonl: an object per set" grep -q '^{"id":"vn/luat-2022",' "$tmp/sets.jsonl"
"$TDKT" rules list "$TDKT_SOURCE_DIR/rules/kontum/qd29-2018" --format jsonl > "$tmp/forms.jsonl"
check "QĐ 29/2018's CSTĐCS cap rests on an unread provincial rate" \
  grep -q '"code":"cstd_cs",.*"criteria":4,"unverified":1}' "$tmp/forms.jsonl"
check "each form of the run stored once" test "$(sqlite3 "$TDKT_DB" 'SELECT count(*) FROM run_forms WHERE run_id=1')" -eq "$(sqlite3 "$TDKT_DB" 'SELECT count(DISTINCT form) FROM decisions WHERE run_id=1')"
check "decisions cannot be deleted" bash -c "! sqlite3 '$TDKT_DB' 'DELETE FROM decisions' 2>/dev/null"
check "runs cannot be updated" bash -c "! sqlite3 '$TDKT_DB' \"UPDATE runs SET rules='x'\" 2>/dev/null"
check "run rule sets recorded" test "$(sqlite3 "$TDKT_DB" 'SELECT count(*) FROM run_rulesets WHERE run_id=1')" -ge 2
# A saved run is closed: the store refuses a decision added by hand.
forged="INSERT INTO decisions(run_id, nomination_id, subject_type,
                           subject_id, code, year, ruleset, form, outcome, result)
                           VALUES (1, 'N-DAMAGED', 'person', 'P1', 'ldtt', 2024,
                                   'vn/luat-2022', 1, 'eligible', X'70')"
copy_db "$TDKT_DB" "$tmp/damaged.db"
check "a saved run takes no decision added by hand" \
  bash -c "! sqlite3 '$tmp/damaged.db' \"$forged\" 2>/dev/null"
check "... nor a form" \
  bash -c "! sqlite3 '$tmp/damaged.db' \"INSERT INTO run_forms(run_id, form, ruleset, code, subject_type, name_vi, name_en, file) SELECT run_id, form + 1000, ruleset, code, subject_type, name_vi, name_en, file FROM run_forms WHERE run_id = 1 LIMIT 1\" 2>/dev/null"
check "... and the store is as it was" test "$(sqlite3 "$tmp/damaged.db" "SELECT count(*) FROM decisions WHERE nomination_id = 'N-DAMAGED'")" -eq 0
# A decision damaged behind tdkt's back all the same (its triggers
# dropped, on a copy) is refused, in Vietnamese by default and in English
# with --lang en.
sqlite3 "$tmp/damaged.db" "DROP TRIGGER decisions_sealed; $forged"
set +e
"$TDKT" --db "$tmp/damaged.db" runs show 1 > /dev/null 2> "$tmp/damaged.err"; rc=$?
set -e
check "runs show of a damaged decision: exit 1" test $rc -eq 1
check "... said in Vietnamese" grep -q "lần xét 1: quyết định về đề nghị N-DAMAGED bị hư hỏng" "$tmp/damaged.err"
set +e
"$TDKT" --db "$tmp/damaged.db" --lang en runs show 1 > /dev/null 2> "$tmp/damaged.err"; rc=$?
set -e
check "... and in English with --lang en: exit 1" test $rc -eq 1
check "... said in English" grep -q "run 1: the decision of N-DAMAGED is damaged" "$tmp/damaged.err"

# The records version each run judged, and whether the records changed since
"$TDKT" runs --format jsonl > "$tmp/runs.jsonl"
check "runs: run 1 judged the records as they are" grep -q '^{"run":1,.*"records":1,"records_changed":false}$' "$tmp/runs.jsonl"
sqlite3 "$TDKT_DB" "UPDATE appraisals SET rating = rating WHERE (subject_type, subject_id, year) =
                    (SELECT subject_type, subject_id, year FROM appraisals LIMIT 1)"
"$TDKT" runs > "$tmp/runs.txt"
check "runs: a record changed since run 1 is shown" grep -q "1 (đã đổi)" "$tmp/runs.txt"
"$TDKT" runs show 1 > "$tmp/show1.txt"
check "runs show: the records changed since" grep -q "dữ liệu: 1 (đã đổi)" "$tmp/show1.txt"
"$TDKT" --lang en runs --format jsonl > "$tmp/runs.jsonl"
check "runs: records_changed after the change" grep -q '^{"run":1,.*"records":1,"records_changed":true}$' "$tmp/runs.jsonl"

# Exit statuses
set +e
"$TDKT" eval --id NO-SUCH > /dev/null 2>&1; rc=$?
check "unknown nomination: exit 1" test $rc -eq 1
runs_before=$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM runs")
"$TDKT" eval --year 2031 > /dev/null 2> "$tmp/empty.err"; rc=$?
check "a year without nominations: exit 1" test $rc -eq 1
check "... said" grep -q "không có đề nghị nào để xét năm 2031" "$tmp/empty.err"
"$TDKT" diff --from 2023-12-31 --to 2024-12-31 --year 2031 > "$tmp/empty.out" 2> "$tmp/empty.err"; rc=$?
check "diff, a year without nominations: exit 1 (got $rc)" test $rc -eq 1
check "... said" grep -q "không có đề nghị nào để xét năm 2031; không có gì để so sánh" "$tmp/empty.err"
check "... and no empty table printed" test ! -s "$tmp/empty.out"
"$TDKT" eval --year 2201 > /dev/null 2> "$tmp/late.err"; rc=$?
check "a year past 2200: a usage error (got $rc)" test $rc -eq 2
check "... saying the years taken" grep -q "từ 1900 đến 2200" "$tmp/late.err"
for c in "runs show" "confer --decision-no 1/QĐ --date 2025-01-15 --run"; do
    # shellcheck disable=SC2086
    "$TDKT" $c 99999999999999999999 > /dev/null 2>&1; rc=$?
    check "$c: a run id too large for a number is a usage error (got $rc)" test $rc -eq 2
done
"$TDKT" eval --id N000001 --year 2031 > /dev/null 2>&1; rc=$?
check "a named nomination of another year: exit 1" test $rc -eq 1
check "... and no empty run saved" \
  test "$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM runs")" -eq "$runs_before"
"$TDKT" eval --bogus > /dev/null 2>&1; rc=$?
check "unknown option: exit 2" test $rc -eq 2
"$TDKT" eval --year 20x4 > /dev/null 2>&1; rc=$?
check "bad year: exit 2" test $rc -eq 2
"$TDKT" frobnicate > /dev/null 2>&1; rc=$?
check "unknown command: exit 2" test $rc -eq 2
for cmd in "--format md eval" "--format json diff" "--format xlsx runs" \
           "--format jsonl rules check rules" "rules list --bogus" \
           "rules check --bogus" "--format md confer --run 1"; do
  # shellcheck disable=SC2086
  "$TDKT" $cmd > /dev/null 2>&1; rc=$?
  check "tdkt $cmd: a usage error, exit 2 (got $rc)" test $rc -eq 2
done
"$TDKT" --db "$tmp/none.db" eval --dry-run > /dev/null 2> "$tmp/none.err"; rc=$?
check "missing database: exit 1" test $rc -eq 1
check "... said in Vietnamese by default" grep -q "không có cơ sở dữ liệu này" "$tmp/none.err"
"$TDKT" --db "$tmp/none.db" eval --dry-run --lang en > /dev/null 2> "$tmp/none.err"
check "... in English with --lang en" grep -q "no such database" "$tmp/none.err"
"$TDKT" --format bogus --lang en eval > /dev/null 2> "$tmp/fmt.err"; rc=$?
check "an option before --lang is refused in its language: exit 2" test $rc -eq 2
check "... in English" grep -q "unknown format 'bogus'" "$tmp/fmt.err"
# A database SQLite would keep in memory only: refused, nothing "imported".
for db in "" ":memory:"; do
  "$TDKT" --db "$db" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null 2>&1; rc=$?
  check "--db '$db': exit 2" test $rc -eq 2
done
(cd "$tmp" && "$TDKT" --db 'file:u.db?mode=memory' import "$TDKT_SOURCE_DIR/examples/kontum-demo/units.csv" > /dev/null)
check "--db file:… is the name of a file, not a URI" test -s "$tmp/file:u.db?mode=memory"
# Output that cannot be written is no success, and eval then saves
# nothing.
runs_before=$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM runs")
for cmd in "eval" "eval --format jsonl" "runs" "runs show 1" "rules list" \
           "diff --from 2023-12-31 --to 2024-12-31"; do
  # shellcheck disable=SC2086
  "$TDKT" $cmd > /dev/full 2> "$tmp/full.err"; rc=$?
  check "$cmd > /dev/full: exit 1 (got $rc)" test $rc -eq 1
  check "... and says so" grep -q "không ghi được kết quả ra" "$tmp/full.err"
  check "... in the user's words ($(cat "$tmp/full.err"))" grep -q "đĩa hết chỗ" "$tmp/full.err"
done
"$TDKT" report --year 2024 --out "$tmp/no-such-folder/x.csv" 2> "$tmp/nf.err"; rc=$?
check "report to a missing folder: exit 1 (got $rc)" test $rc -eq 1
check "... said in Vietnamese ($(cat "$tmp/nf.err"))" \
  grep -q "no-such-folder/x.csv: không có tệp hay thư mục này" "$tmp/nf.err"
check "an eval whose results could not be printed saves no run" \
  test "$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM runs")" -eq "$runs_before"
set -e

# diff: regime A → B, writes nothing
before=$(dump)
"$TDKT" diff --from 2023-12-31 --to 2024-12-31 --format jsonl > "$tmp/d.jsonl"
check "diff writes nothing" test "$before" = "$(dump)"
# Nominations neither side judges (no form for the code; a kind of honour
# neither form encodes) are no change between a set and its amendment
# (vn/luat-2022 and kontum/qd56-2024), though each side's message names
# its own set. (Across regimes they are a change of reasons: the D-cases.)
"$TDKT" diff --from 2024-06-01 --to 2025-06-01 --year 2024 --format jsonl > "$tmp/dk.jsonl"
check "diff: no form on either side is no change" \
    test "$(grep -c 'không có mẫu xét.*không có mẫu xét' "$tmp/dk.jsonl")" -eq 0
check "diff: a kind encoded on neither side is no change" \
    test "$(grep -c 'chưa được mã hóa.*chưa được mã hóa' "$tmp/dk.jsonl")" -eq 0
# A date with no rule set in force, or no date at all: refused, not 440
# "changes" between error outcomes.
set +e
"$TDKT" diff --from 1990-01-01 --to 2024-12-31 > "$tmp/d0.out" 2> "$tmp/d0.err"; rc=$?
"$TDKT" diff --from 2023-13-01 --to 2024-12-31 > /dev/null 2> "$tmp/d1.err"; rc1=$?
set -e
check "diff from a date with no set in force: exit 1 ($rc)" test $rc -eq 1
check "... saying so" grep -q "không có bộ quy tắc nào có hiệu lực ngày 1990-01-01" "$tmp/d0.err"
check "... and printing nothing" test ! -s "$tmp/d0.out"
check "diff from an impossible date: wrong usage ($rc1)" test $rc1 -eq 2
check "... saying so" grep -q -- "--from cần một ngày có thật dạng YYYY-MM-DD, năm từ 1900 đến 2200; không phải '2023-13-01'" "$tmp/d1.err"
set +e
"$TDKT" diff --from 2023-01-01 --to 1850-01-01 > /dev/null 2> "$tmp/d2.err"; rc2=$?
set -e
set +e
"$TDKT" eval --dry-run --year 2024 --year 2023 > /dev/null 2> "$tmp/y2.err"; rc3=$?
"$TDKT" eval --dry-run --year 2024 --id N000001 --id N000002 > /dev/null 2>&1; rc4=$?
set -e
check "an option given twice: wrong usage ($rc3)" test $rc3 -eq 2
check "... saying so" grep -q -- "--year chỉ được cho một lần" "$tmp/y2.err"
check "a repeatable option twice: fine ($rc4)" test $rc4 -eq 0
check "diff to a year out of range: wrong usage ($rc2)" test $rc2 -eq 2
check "... saying which years" grep -q -- "--to cần một ngày có thật dạng YYYY-MM-DD, năm từ 1900 đến 2200; không phải '1850-01-01'" "$tmp/d2.err"
check "a loading command keeps the index image" test "$(image_parts "$TDKT_DB")" -ge 1
sqlite3 "$TDKT_DB" "UPDATE people SET is_leader = 1 - is_leader WHERE rowid = 1"
check "a changed record table drops the image" test "$(image_parts "$TDKT_DB")" -eq 0
sqlite3 "$TDKT_DB" "UPDATE people SET is_leader = 1 - is_leader WHERE rowid = 1"
"$TDKT" eval --dry-run --threads 1 > /dev/null
check "the next load writes it again" test "$(image_parts "$TDKT_DB")" -eq 1
check "with a new token" test "$token" != "$(image_token "$TDKT_DB")"
# A writer killed half-way leaves its temporary image (index/temp.c); the
# next one removes it, but not one a live writer holds locked, nor one
# just made (its writer may not hold the lock yet), nor other files.
for f in Orph01 Live01 New001; do : > "$TDKT_DB-index.$f"; done
: > "$TDKT_DB-index.notmine"
touch -d '2 minutes ago' "$TDKT_DB-index.Orph01" "$TDKT_DB-index.Live01" \
  "$TDKT_DB-index.notmine"
flock "$TDKT_DB-index.Live01" sleep 30 & holder=$!
until ! flock -n "$TDKT_DB-index.Live01" true; do sleep 0.1; done # held
sqlite3 "$TDKT_DB" "UPDATE people SET is_leader = is_leader WHERE rowid = 1"
"$TDKT" eval --dry-run --threads 1 > /dev/null
check "the next image writer removes a killed writer's file" test ! -e "$TDKT_DB-index.Orph01"
check "... not a live writer's" test -e "$TDKT_DB-index.Live01"
check "... not a new one" test -e "$TDKT_DB-index.New001"
check "... nor another file" test -e "$TDKT_DB-index.notmine"
check "... and writes its own" test "$(image_parts "$TDKT_DB")" -eq 1
kill "$holder" 2> /dev/null; wait "$holder" 2> /dev/null || true
rm -f "$TDKT_DB"-index.?*
check "diff finds gains" grep -q '"change":"gained"' "$tmp/d.jsonl"
check "diff names both rule sets" grep -q '"from":{"ruleset":"kontum/qd29-2018"' "$tmp/d.jsonl"
"$TDKT" diff --from 2023-12-31 --to 2024-12-31 --format jsonl --threads 1 > "$tmp/d1.jsonl"
check "diff is the same on 1 thread" cmp -s "$tmp/d.jsonl" "$tmp/d1.jsonl"
"$TDKT" diff --from 2023-12-31 --to 2024-12-31 > "$tmp/d.txt"
check "diff table has the summary" grep -q "Thêm đủ ĐK" "$tmp/d.txt"
"$TDKT" diff --from 2023-12-31 --to 2024-12-31 --only lost --format jsonl > "$tmp/lost.jsonl"
check "--only lost keeps only losses" bash -c "! grep -v '\"change\":\"lost\"\\|^{\"summary\"' '$tmp/lost.jsonl'"
check "--only lost still counts every change" grep -q '^{"summary":"total",.*"reasons":[1-9]' "$tmp/lost.jsonl"
set +e
"$TDKT" diff --from "$TDKT_RULES/vn/luat-2022" --to "$TDKT_RULES/vn/luat-2022" --set ldtt.new_hire_min_montsh=7 > /dev/null 2> "$tmp/set.err"; rc=$?
set -e
check "unknown --set name: exit 2" test $rc -eq 2
check "unknown --set lists near names" grep -q "tên gần giống" "$tmp/set.err"
"$TDKT" diff --from "$TDKT_RULES/vn/luat-2022" --to "$TDKT_RULES/vn/luat-2022" --format jsonl > "$tmp/same.jsonl"
check "a set against itself lists no nomination" bash -c "! grep -v '^{\"summary\"' '$tmp/same.jsonl'"
check "... and counts them all the same" \
    grep -q '^{"summary":"total","nominations":\([1-9][0-9]*\),"same":\1,"gained":0,"lost":0,"review":0,"from_review":0,"changed":0,"reasons":0}$' "$tmp/same.jsonl"
"$TDKT" diff --from "$TDKT_RULES/vn/luat-2022" --to "$TDKT_RULES/vn/luat-2022" --set new_hire_min_months=13 --only lost --format jsonl > "$tmp/flip.jsonl"
check "--set new_hire_min_months=13 makes LĐTT lose" grep -q '"code":"ldtt",.*"change":"lost"' "$tmp/flip.jsonl"

# A parameter edited in a rule file changes outcomes without rebuilding,
# and the saved run notices that its rule set changed.
cp -r "$TDKT_SOURCE_DIR/rules" "$tmp/rules"
export TDKT_RULES="$tmp/rules"
"$TDKT" eval --format jsonl > "$tmp/r1.jsonl" 2>/dev/null
sed -i 's/new_hire_min_months *= *6/new_hire_min_months = 13/' "$tmp/rules/vn/luat-2022/ruleset.lua"
"$TDKT" eval --dry-run --format jsonl > "$tmp/r2.jsonl"
check "editing a parameter changes outcomes" bash -c "! cmp -s '$tmp/r1.jsonl' '$tmp/r2.jsonl'"
set +e
"$TDKT" runs show 2 > /dev/null 2> "$tmp/hash.err"; rc=$?
set -e
check "runs show of a changed rule set: exit 0 (it did its work)" test $rc -eq 0
check "the hash note names the set" grep -q "lưu ý: bộ quy tắc vn/luat-2022" "$tmp/hash.err"

# A rule that fails at run time: an error outcome naming its file and
# line, in the language asked for, Lua's own message included.
ldtt="$tmp/rules/vn/luat-2022/forms/ldtt.lua"
cp "$ldtt" "$tmp/ldtt.lua"
sed -i 's/return lib.fact_true(s, "self_reliance", n.year)/return s.facts.nope/' "$ldtt"
"$TDKT" eval --dry-run --id N000001 > "$tmp/err_vi.txt" 2> "$tmp/err_vi.err"
"$TDKT" eval --dry-run --id N000001 --lang en > "$tmp/err_en.txt" 2> "$tmp/err_en.err"
check "a failing rule: the outcome is an error" grep -q "Không xét được" "$tmp/err_vi.txt"
check "... counted on stderr (exit 0: it is a result)" \
    grep -q "Lưu ý: 1 đề nghị có kết quả lỗi (error)" "$tmp/err_vi.err"
check "... in English too" grep -q "Note: 1 nomination(s) ended in the outcome error" "$tmp/err_en.err"
check "... with Lua's message in Vietnamese, file and line" \
    grep -q "ldtt.lua:[0-9]*: cá nhân không có trường 'facts'" "$tmp/err_vi.txt"
check "... and in English with --lang en" \
    grep -q "ldtt.lua:[0-9]*: a person has no field 'facts'" "$tmp/err_en.txt"
sed -i 's/return s.facts.nope/return lib.nope(s)/' "$ldtt"
"$TDKT" eval --dry-run --id N000001 > "$tmp/err_vi.txt"
"$TDKT" eval --dry-run --id N000001 --lang en > "$tmp/err_en.txt"
check "Lua's own message in Vietnamese" grep -q \
    "ldtt.lua:[0-9]*: không gọi được giá trị nil như một hàm (trường 'nope')" \
    "$tmp/err_vi.txt"
check "... and as Lua says it with --lang en" grep -q \
    "ldtt.lua:[0-9]*: attempt to call a nil value (field 'nope')" "$tmp/err_en.txt"
cp "$tmp/ldtt.lua" "$ldtt"

# rules list / check
"$TDKT" rules list > "$tmp/list.txt"
check "rules list shows the regimes" grep -q "vn/nd91-2017" "$tmp/list.txt"
"$TDKT" rules list "$TDKT_SOURCE_DIR/rules/kontum/qd56-2024" > "$tmp/list1.txt"
check "rules list DIR shows the Kon Tum names" grep -q "Kon Tum" "$tmp/list1.txt"
check "... for the persons' and the collectives' Bằng khen alike" \
    test "$(grep -c '^bk_tinh .*Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Kon Tum' "$tmp/list1.txt")" -eq 2
"$TDKT" --format jsonl rules list > "$tmp/list.jsonl"
check "rules list names each set's basis" \
    grep -q '"id":"vn/luat-2022","title":"[^"]*","basis":"Luật Thi đua, khen thưởng 2022' "$tmp/list.jsonl"
TDKT_RULES="$TDKT_SOURCE_DIR/rules" "$TDKT" rules check > "$tmp/chk_all.out" 2> "$tmp/chk_all.err"
check "rules check without DIR checks every installed set" \
    grep -q "^vn/nd91-2017: [0-9]* ca đạt, 0 ca không đạt" "$tmp/chk_all.err"
set +e
"$TDKT" rules check "$TDKT_FIXTURES/rules/errors-cli/x/bad" > "$tmp/chk.out" 2> "$tmp/chk.err"; rc=$?
set -e
check "rules check on a broken set: exit 1" test $rc -eq 1
check "the error names file and line" grep -q "forms/ldtt.lua:4:" "$tmp/chk.err"
check "... and says what is wrong in Vietnamese" \
    grep -q "thiếu '}' (để đóng '{' ở dòng 3) gần 'check'" "$tmp/chk.err"
check "... and counts the set as failed" grep -q "Cộng: 0 ca đạt, 1 ca không đạt" "$tmp/chk.out"
set +e
"$TDKT" --lang en rules check "$TDKT_FIXTURES/rules/errors-cli/x/bad" > "$tmp/chk.out" 2> "$tmp/chk.err"
set -e
check "... or as Lua says it with --lang en" \
    grep -q "'}' expected (to close '{' at line 3) near 'check'" "$tmp/chk.err"
check "... in English" grep -q "0 passed, 1 failed" "$tmp/chk.out"
# A case's misspelt field, or a date when the set is not in force, fails
# the case rather than passing unseen.
set +e
"$TDKT" rules check "$TDKT_FIXTURES/rules/errors-cli/y/cases" > "$tmp/chk.out" 2> "$tmp/chk.err"; rc=$?
set -e
check "rules check of wrong cases: exit 1 (got $rc)" test $rc -eq 1
check "a misspelt field of a case is named, with file and line" \
    grep -q "tests/a_field.lua:2: ca 'ldtt: rated good, the criteria misspelt': không có trường 'criterion'" "$tmp/chk.err"
check "a case dated when the set is not in force is refused" \
    grep -q "b_date.lua:2: ca 'ldtt: submitted in 2024': đề nghị CASE nộp ngày 2024-03-01, khi bộ quy tắc y/cases không có hiệu lực (từ 2018-01-01 đến 2023-12-31)" "$tmp/chk.err"
check "... the set's last day is still in force" grep -q "Cộng: 1 ca đạt, 2 ca không đạt" "$tmp/chk.out"
# Cases expect Vietnamese texts: --lang en changes the report, not them.
set +e
"$TDKT" --lang en rules check "$TDKT_SOURCE_DIR/rules/vn/luat-2022" > "$tmp/chk.out" 2> "$tmp/chk.err"; rc=$?
set -e
check "rules check --lang en: the same cases pass (exit $rc)" test $rc -eq 0
check "rules check --lang en reports in English" grep -q "cases passed, 0 failed" "$tmp/chk.out" "$tmp/chk.err"

# A dry-run diff takes side A from a saved run of the same rules on these
# very records instead of judging it again: the same output; --fresh,
# another language, changed records or a changed rule file judge afresh.
A="$TDKT_SOURCE_DIR/rules/vn/nd91-2017" B="$TDKT_SOURCE_DIR/rules/vn/luat-2022"
"$TDKT" eval --rules "$A" > /dev/null 2>&1
run=$(sqlite3 "$TDKT_DB" "SELECT max(id) FROM runs")
for f in table jsonl csv; do
  "$TDKT" diff --from "$A" --to "$B" --format $f > "$tmp/warm.$f" 2> "$tmp/warm.err"
  "$TDKT" diff --fresh --from "$A" --to "$B" --format $f > "$tmp/cold.$f" 2> "$tmp/cold.err"
  check "diff ($f) takes side A from saved run $run" grep -q "lần xét $run đã lưu" "$tmp/warm.err"
  check "diff --fresh ($f) judges side A" test ! -s "$tmp/cold.err"
  check "diff ($f) from the saved run prints what --fresh prints" cmp -s "$tmp/warm.$f" "$tmp/cold.$f"
done
check "... and that is not nothing" grep -q '"change":"gained"' "$tmp/warm.jsonl"
"$TDKT" --lang en diff --from "$A" --to "$B" > /dev/null 2> "$tmp/en.err"
check "a Vietnamese run is not taken for English" test ! -s "$tmp/en.err"
mkdir -p "$tmp/edited/vn"
cp -r "$A" "$tmp/edited/vn/"
"$TDKT" diff --from "$tmp/edited/vn/nd91-2017" --to "$B" > /dev/null 2> "$tmp/copy.err"
check "the same files elsewhere are the same rules" grep -q "lần xét $run đã lưu" "$tmp/copy.err"
echo "-- edited" >> "$tmp/edited/vn/nd91-2017/forms/ldtt.lua"
"$TDKT" diff --from "$tmp/edited/vn/nd91-2017" --to "$B" > /dev/null 2> "$tmp/edit.err"
check "a changed rule file is judged afresh" test ! -s "$tmp/edit.err"
sqlite3 "$TDKT_DB" "UPDATE appraisals SET rating = rating WHERE (subject_type, subject_id, year) =
                    (SELECT subject_type, subject_id, year FROM appraisals LIMIT 1)"
"$TDKT" diff --from "$A" --to "$B" > /dev/null 2> "$tmp/rec.err"
check "changed records are judged afresh" test ! -s "$tmp/rec.err"

# A quota ranks its whole cohort and counts its whole base, whichever
# nominations are named: eval --id and diff --id give a nomination the
# outcome and the reasons the whole run gives it, and a saved --id run
# holds only the named decisions, judged so. (QĐ 29/2018's CSTĐCS: at
# most 15% of the unit's LĐTT; left out, the LĐTT nominations once made
# the cap 0, and left out, the competitors let the last one pass.)
export TDKT_RULES="$TDKT_SOURCE_DIR/rules" TDKT_DB="$tmp/q.db"
"$TDKT" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null
Q="$TDKT_RULES/kontum/qd29-2018" Q2="$TDKT_RULES/kontum/qd56-2024"
"$TDKT" --rules "$Q" eval --dry-run --format jsonl > "$tmp/q.jsonl" 2> /dev/null
# the nominations a quota judged, and a person's ranked behind others
# beyond the cap
python3 - "$tmp/q.jsonl" "$tmp" <<'PY'
import json, re, sys
quota, over = [], ""
for line in open(sys.argv[1]):
    d = json.loads(line)
    if any(c.get("kind") == "quota" for c in d["criteria"]):
        quota.append(d["nomination"])
        rank = re.search(r"xếp thứ ([0-9]+)/", d.get("reason", ""))
        if d["subject_type"] == "person" and rank and int(rank[1]) > 1 \
                and not over:
            over = d["nomination"]
open(sys.argv[2] + "/quota.ids", "w").write("\n".join(quota) + "\n")
open(sys.argv[2] + "/over.id", "w").write(over + "\n")
PY
over=$(cat "$tmp/over.id")
check "the example has nominations beyond a quota" \
    grep -q "\"nomination\":\"$over\".*\"reason\":\"vượt chỉ tiêu: xếp thứ [2-9]" "$tmp/q.jsonl"
bad_ids=""
while read -r id; do
    "$TDKT" --rules "$Q" eval --dry-run --format jsonl --id "$id" > "$tmp/one.jsonl" 2> /dev/null
    grep -F "\"nomination\":\"$id\"," "$tmp/q.jsonl" | cmp -s - "$tmp/one.jsonl" || bad_ids="$bad_ids $id"
done < "$tmp/quota.ids"
check "eval --id: each quota's nomination as the whole run judges it ($bad_ids)" test -z "$bad_ids"
# The one beyond the cap with the others of its form and unit, and none
# of the unit's LĐTT nominations.
mapfile -t cohort < <(sqlite3 "$TDKT_DB" "
    SELECT n.id FROM nominations n JOIN people p ON p.id = n.subject_id,
           nominations o JOIN people q ON q.id = o.subject_id
    WHERE o.id = '$over' AND n.code = o.code AND n.year = o.year
      AND p.unit_id = q.unit_id ORDER BY n.id")
args=(); for id in "${cohort[@]}"; do args+=(--id "$id"); done
"$TDKT" --rules "$Q" eval --dry-run --format jsonl "${args[@]}" > "$tmp/cohort.jsonl" 2> /dev/null
grep -F -f <(printf '"nomination":"%s",\n' "${cohort[@]}") "$tmp/q.jsonl" > "$tmp/cohort.whole"
check "eval --id of a cohort without its base: ${#cohort[@]} as the whole run judges them" \
    cmp -s "$tmp/cohort.jsonl" "$tmp/cohort.whole"
# diff --id: the line the whole diff prints for each of them
"$TDKT" diff --fresh --from 2024-12-31 --to 2023-12-31 --format jsonl > "$tmp/qd.jsonl"
bad_ids=""
while read -r id; do
    "$TDKT" diff --fresh --from 2024-12-31 --to 2023-12-31 --format jsonl \
        --id "$id" | { grep -v '^{"summary"' || true; } > "$tmp/one.jsonl"
    grep -F "\"nomination\":\"$id\"," "$tmp/qd.jsonl" | cmp -s - "$tmp/one.jsonl" || bad_ids="$bad_ids $id"
done < "$tmp/quota.ids"
check "diff --id: each quota's nomination as the whole diff gives it ($bad_ids)" test -z "$bad_ids"
check "... and that is not nothing" grep -q '"reason":"vượt chỉ tiêu' "$tmp/qd.jsonl"
# Saved: an --id run holds the named decisions alone, as the whole run
# judged them; a diff takes side A from it, the same as judged afresh.
"$TDKT" --rules "$Q" eval --format jsonl "${args[@]}" > /dev/null 2>&1
run=$(sqlite3 "$TDKT_DB" "SELECT max(id) FROM runs")
check "a saved --id run holds the named decisions alone" \
    test "$(sqlite3 "$TDKT_DB" "SELECT count(*) FROM decisions WHERE run_id = $run")" -eq "${#cohort[@]}"
"$TDKT" runs show "$run" --format jsonl > "$tmp/shown.jsonl"
check "... judged as the whole run judges them" cmp -s "$tmp/shown.jsonl" "$tmp/cohort.whole"
"$TDKT" diff --from "$Q" --to "$Q2" --format jsonl "${args[@]}" > "$tmp/warm.jsonl" 2> "$tmp/warm.err"
"$TDKT" diff --fresh --from "$Q" --to "$Q2" --format jsonl "${args[@]}" > "$tmp/cold.jsonl"
check "diff --id takes side A from the saved --id run" grep -q "lần xét $run đã lưu" "$tmp/warm.err"
check "... and prints what --fresh prints" cmp -s "$tmp/warm.jsonl" "$tmp/cold.jsonl"
"$TDKT" diff --from "$Q" --to "$Q2" --format jsonl > "$tmp/warm.jsonl" 2> "$tmp/warm.err"
"$TDKT" diff --fresh --from "$Q" --to "$Q2" --format jsonl > "$tmp/cold.jsonl"
check "a whole diff takes side A from the saved --id run" grep -q "lần xét $run đã lưu" "$tmp/warm.err"
check "... and prints what --fresh prints" cmp -s "$tmp/warm.jsonl" "$tmp/cold.jsonl"
check "... where the quota's review is" grep -q "\"nomination\":\"$over\".*\"reason\":\"vượt chỉ tiêu" "$tmp/cold.jsonl"

# Every text a rule writes follows --lang (rules/README.md: tr(vi, en)):
# in English, no detail or reason of any shipped set is Vietnamese, on the
# example province and on the D-cases (which reach the regime A routes the
# example lacks). What is Vietnamese in either language is left aside:
# text from the records (names of units and blocs, campaigns, ids) and the
# words of legal citations (Điều, khoản, NĐ…).
cat > "$tmp/english.py" <<'PY'
import csv, glob, json, os, re, sys
VI = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                "ùúủũụưừứửữựỳýỷỹỵđ]", re.I)
CITATION = re.compile(r"\b(Điều|khoản|điểm|Luật|NĐ)\b")
records = set()
for f in glob.glob(os.path.join(sys.argv[1], "*.csv")):
    for row in csv.reader(open(f, encoding="utf-8")):
        records.update(c.strip() for c in row if VI.search(c))
records = sorted(records, key=len, reverse=True)
bad = {}
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    texts = [c["detail"] for c in d["criteria"]]
    texts += [d[k] for k in ("reason", "error") if k in d]
    for t in texts:
        rest = t
        for r in records:
            rest = rest.replace(r, "")
        if VI.search(CITATION.sub("", rest)):
            bad.setdefault(t, d["nomination"])
for t, nom in sorted(bad.items())[:10]:
    print(f"  {nom}: {t}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
# In Vietnamese, a detail says a code of the vocabulary (a rating, a kind
# of honour, a category, a kind of unit, a scope, a disciplinary level,
# who launched a movement) by its name, and a group of routes names the
# routes that pass by their words, not by their ids.
cat > "$tmp/names.py" <<'PY'
import json, re, sys
CODES = re.compile(r"\b(incomplete|complete|good|excellent|merit|thematic|"
    r"ad_hoc|dedication|seniority|foreign|resistance|civil_servant|"
    r"public_employee|worker|farmer|soldier|direct_worker|entrepreneur|"
    r"other|agency|public_service|enterprise|cooperative|local_government|"
    r"armed_forces|social_org|household|unit|province|national|reprimand|"
    r"warning|demotion|removal|dismissal|president|prime_minister|"
    r"central_council|ministry)\b")
ID = re.compile(r"[a-z][a-z0-9_]*")
bad = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    for c in d["criteria"]:
        t = c["detail"]
        routes = t.split("đạt theo: ", 1)[1].split("; ") if t.startswith("đạt theo: ") else []
        if CODES.search(t) or any(ID.fullmatch(r) for r in routes):
            bad.setdefault(t, d["nomination"])
for t, nom in sorted(bad.items())[:10]:
    print(f"  {nom}: {t}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
for data in "$TDKT_SOURCE_DIR/examples/kontum-demo" "$TDKT_FIXTURES/dcases"; do
    db="$tmp/lang-$(basename "$data").db"
    "$TDKT" --db "$db" import "$data" > /dev/null
    for set in vn/nd91-2017 kontum/qd29-2018 vn/luat-2022 kontum/qd56-2024; do
        "$TDKT" --db "$db" --rules "$TDKT_RULES/$set" --lang en eval \
            --dry-run --format jsonl > "$tmp/en.jsonl" 2> /dev/null
        check "$(basename "$data"), $set: every rule text in English" \
            python3 "$tmp/english.py" "$data" "$tmp/en.jsonl"
        "$TDKT" --db "$db" --rules "$TDKT_RULES/$set" eval --dry-run \
            --format jsonl > "$tmp/vi.jsonl" 2> /dev/null
        check "$(basename "$data"), $set: codes and routes by name" \
            python3 "$tmp/names.py" "$tmp/vi.jsonl"
    done
done

echo "$passed passed, $failed failed"
test "$failed" -eq 0
