#!/usr/bin/env bash
# End to end: `tdkt report` in every format, `tdkt report check` on the
# purpose-made tables of tests/fixtures/report/check, and `tdkt confer`,
# on a database filled with the sqlite3 shell from tests/fixtures/report/
# (dataset.sql: a year built to known counts; runs.sql: saved decisions).
# Needs: TDKT (the binary), TDKT_FIXTURES, TDKT_SOURCE_DIR; sqlite3, unzip,
# python3.
set -euo pipefail
: "${TDKT:?path to the tdkt binary}" "${TDKT_FIXTURES:?}" "${TDKT_SOURCE_DIR:?}"
fx="$TDKT_FIXTURES/report"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export TDKT_DB="$work/t.db"
unset TDKT_LANG

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*" >&2
}

# run ARGS...: run tdkt; keeps stdout, stderr and the exit status.
run() {
    set +e
    "$TDKT" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    set -e
}
# expect STATUS WHAT: the last run exited STATUS.
expect() {
    if [ "$rc" -eq "$1" ]; then pass; else
        fail "$2: exit $rc, expected $1; stderr: $(head -c 400 "$work/err")"
    fi
}
# has STREAM TEXT WHAT: the last run printed TEXT on out or err.
has() {
    if grep -qF -- "$2" "$work/$1"; then pass; else
        fail "$3: $1 lacks '$2': $(head -c 400 "$work/$1")"
    fi
}
# lines STREAM N WHAT: the last run printed exactly N lines on out or err.
lines() {
    local n
    n=$(wc -l <"$work/$1")
    if [ "$n" -eq "$2" ]; then pass; else
        fail "$3: $n lines on $1, expected $2: $(head -c 600 "$work/$1")"
    fi
}
same() {
    if cmp -s "$1" "$2"; then pass; else
        fail "$3: $(diff "$1" "$2" | head -20)"
    fi
}

# --- help and usage -------------------------------------------------------
run report --help
expect 0 "report --help"
has out "Cách dùng: tdkt report --year NĂM" "report --help in Vietnamese"
run --lang en report --help
expect 0 "report --help --lang en"
has out "Usage: tdkt report --year YEAR" "report --help in English"
has out "tdkt report check FILE.csv" "report --help names check"
run confer --help
expect 0 "confer --help"
has out "Cách dùng: tdkt confer --run ID" "confer --help in Vietnamese"
run --lang en confer --help
has out "--decision-no NO" "confer --help in English"

run report
expect 2 "report without --year"
has err "--year" "report without --year says what is missing"
run report --year 20x3
expect 2 "report --year 20x3"
run report --year 2023 extra
expect 2 "report with a stray argument"
has err "không hiểu tham số 'extra'" "a stray argument is named, in Vietnamese"
run report --yeer 2023
expect 2 "report --yeer (a typo)"
has err "không có tùy chọn '--yeer'" "an unknown option is named, in Vietnamese"
run --lang en report --year=2023 --out
expect 2 "report --out without a value"
has err "--out needs a value" "a missing value is named, in English"
run --format jsonl report --year 2023
expect 2 "report --format jsonl"
run report check
expect 2 "report check without a file"
run report check "$work/no-such.csv"
expect 1 "report check of a missing file"
has err "no-such.csv: không có tệp hay thư mục này" "a missing file is said in Vietnamese"
run --lang en report check "$work/no-such.csv"
has err "no-such.csv: no such file" "... and in English"
run report check a.csv b.csv
expect 2 "report check with two files"
run report --year 2300
expect 2 "report of a year out of range"
has err "năm là bốn chữ số, từ 1900 đến 2200; không phải '2300'" \
    "report says which years it takes"
run report --year 2023
expect 1 "report without a database"
has err "t.db" "report without a database names it"

# --- a database: only an import creates it --------------------------------
run confer --run 1 --decision-no "1/QĐ-UBND" --date 2025-01-20
expect 1 "confer without a database"
has err "không có cơ sở dữ liệu này" "confer without a database says so"
[ ! -e t.db ] && pass || fail "confer created a database"
mkdir -p "$work/empty" && printf 'id,name,kind\n' >"$work/empty/units.csv"
run import "$work/empty"
expect 0 "an import of no rows makes the store"
run confer --run 1 --decision-no "1/QĐ-UBND" --date 2025-01-20
expect 1 "confer on an empty database"
has err "không có lần xét 1" "confer refuses a missing run"
sqlite3 t.db <"$fx/dataset.sql"

# --- report ---------------------------------------------------------------
run report --year 2023
expect 0 "report --year 2023"
has out "TỔNG HỢP CÁC HÌNH THỨC KHEN THƯỞNG THUỘC THẨM QUYỀN TỈNH NĂM 2023" \
    "table title"
has out "Tỷ lệ khen thưởng cho người lao động trực tiếp: 66,7%" "headline"
tr -s ' ' <"$work/out" >"$work/squeezed"
grep -qF " 1 Bằng khen 14 2 10 7 50,0% 2 3 5 35,7% 1 3 1 7,1% 1 7,1%" \
    "$work/squeezed" && pass || fail "table row bk_tinh: $(cat "$work/out")"
grep -qF " Tổng cộng 20 4 13 12 60,0% 3 5 6 30,0% 1 3 1 5,0% 1 5,0%" \
    "$work/squeezed" && pass || fail "table total row"

run --lang en report --year 2023
expect 0 "report --lang en"
has out "Share of individual honours that went to direct workers: 66.7%" \
    "English headline"
has out "Provincial Emulation Flag" "English form names"

run --format csv report --year 2023
expect 0 "report --format csv"
same "$work/out" "$fx/expected-2023-vi.csv" "csv output"
run --format csv --lang en report --year 2023
same "$work/out" "$fx/expected-2023-en.csv" "csv output in English"

run --format csv report --year 2023 --out r.csv
expect 0 "report --out r.csv"
has out "Đã ghi r.csv" "report --out says which file"
same r.csv "$fx/expected-2023-vi.csv" "csv written with --out"
run report check r.csv
expect 0 "the report's own csv passes report check"
lines out 0 "report check is silent on a consistent table"
lines err 0 "report check is silent on a consistent table (stderr)"
# Its lines are messages, so another format is refused before reading.
for f in json jsonl csv xlsx; do
    run --format "$f" report check r.csv
    expect 2 "report check refuses --format $f"
    has err "report check" "the refusal of --format $f names the command"
done

run --format json report --year 2023
expect 0 "report --format json"
if python3 - "$work/out" <<'EOF'; then pass; else fail "json content"; fi
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["year"] == 2023, d
assert d["headline"] == 66.7, d["headline"]
rows = {r["code"]: r for r in d["rows"]}
assert [r["code"] for r in d["rows"]] == [
    "bk_tinh", "cstd_tinh", "co_tinh", "huy_hieu_tinh", "total"]
assert rows["bk_tinh"]["values"] == [1, "Bằng khen", 14, 2, 10, 7, 50.0, 2, 3,
                                     5, 35.7, 1, 3, 1, 7.1, 1, 7.1]
assert rows["huy_hieu_tinh"]["values"][2:] == [None] * 15
assert rows["total"]["values"][:7] == [None, "Tổng cộng", 20, 4, 13, 12, 60.0]
assert len(d["headings"]) == 17
EOF

run --format md report --year 2023
expect 0 "report --format md"
has out "| 1 | Bằng khen | 14 | 2 | 10 | 7 | 50,0% |" "md row"
has out "| ---: | --- |" "md alignment row"

run --format xlsx report --year 2023 --out r.xlsx
expect 0 "report --format xlsx --out r.xlsx"
has out "Đã ghi r.xlsx" "xlsx says which file"
unzip -p r.xlsx xl/sharedStrings.xml >"$work/strings" 2>/dev/null &&
    pass || fail "r.xlsx is not a workbook"
grep -qF "NĂM 2023</t>" "$work/strings" && pass || fail "xlsx title"
unzip -p r.xlsx xl/worksheets/sheet1.xml >"$work/sheet"
grep -qF 'orientation="landscape"' "$work/sheet" && pass ||
    fail "xlsx is not landscape"
grep -qF '<c r="C10" s="7"><v>20</v></c>' "$work/sheet" && pass ||
    fail "xlsx total cell C10"
run --format xlsx report --year 2023 --out no-such-dir/r.xlsx
expect 1 "report --format xlsx into a missing folder"
has err "no-such-dir/r.xlsx: không có tệp hay thư mục này" \
    "an unwritable workbook is said in Vietnamese"
grep -q "ERROR" "$work/err" && fail "the xlsx library's own English lines on stderr" || pass
run --format xlsx --lang en report --year 2023 --out no-such-dir/r.xlsx
expect 1 "report --format xlsx --lang en into a missing folder"
has err "no-such-dir/r.xlsx: no such file or folder" \
    "an unwritable workbook is said in English"
run --format xlsx --lang en report --year 2023
expect 0 "report --format xlsx without --out"
has out "Wrote report-2023.xlsx" "xlsx default file name"
[ -s report-2023.xlsx ] && pass || fail "report-2023.xlsx missing"

# --- report check ---------------------------------------------------------
check_case() { # FILE STATUS OUT_LINES ERR_LINES [TEXT]
    run report check "$fx/check/$1"
    expect "$2" "report check $1"
    lines out "$3" "report check $1"
    lines err "$4" "report check $1"
    if [ $# -ge 5 ]; then has "$([ "$3" -gt 0 ] && echo out || echo err)" \
        "$5" "report check $1"; fi
}
check_case consistent.csv 0 0 0
# No-break spaces around the cells (a spreadsheet's) are spaces, as in
# the import: the same table still adds up.
python3 - "$fx/check/consistent.csv" "$work/nbsp.csv" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = [rows[0]] + [",".join("\u00a0" + c.replace("%", "\u00a0%") + "\u00a0"
                            if c and '"' not in c else c
                            for c in r.split(",")) if r else r for r in rows[1:]]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
# and a count of four digits, its groups split by a no-break space
r = rows[1].split(",")
r[2] = "1\u00a0000"
open(sys.argv[2] + ".1000", "w", encoding="utf-8").write(
    "\n".join([rows[0], ",".join(r)] + rows[2:]))
PY
run report check "$work/nbsp.csv"
expect 0 "report check: no-break spaces around cells and before %"
lines out 0 "report check: no-break spaces around cells, nothing said"
run report check "$work/nbsp.csv.1000"
expect 1 "report check: 1 000 with a no-break space is a number, too big"
has out "phải là 200 (cột 6 + cột 10" "a count grouped by a no-break space is read"
check_case consistent_en.csv 0 0 0
check_case enterprises_exceed.csv 1 1 0 \
    "enterprises_exceed.csv:4: dòng 3 (Cờ thi đua cấp tỉnh), cột 3 (Tổng số): ghi 8, phải ít nhất 9 (cột 4)"
check_case persons_exceed.csv 1 1 0 "ghi 40, phải ít nhất 45 (cột 5)"
check_case merit_split.csv 1 1 0 "cột 6 (Khen theo công trạng, thành tích: Tổng số): ghi 40, phải ít nhất 41 (cột 8 + cột 9)"
check_case thematic_split.csv 1 2 0 "phải ít nhất 31 (cột 12 + cột 13)"
check_case kind_exceeds.csv 1 3 0 "ghi 8, phải ít nhất 9 (cột 14)"
check_case kinds_sum.csv 1 2 0 "phải là 41 (cột 6 + cột 10 + cột 14 + cột 16)"
check_case percent_wrong.csv 1 3 0 "ghi 79,0%, phải là 80,0% (cột 6 : cột 3)"
check_case total_wrong.csv 1 1 0 "dòng Tổng cộng, cột 4 (Số lượng khen cho Doanh nghiệp): ghi 12, phải là 13 (tổng các dòng trên)"
# Rows in another order add up, and are still the wrong table.
check_case names_swapped.csv 1 2 0 "dòng 1 (Cờ thi đua cấp tỉnh), cột 2 (Hình thức khen thưởng): ghi 'Cờ thi đua cấp tỉnh'; dòng 1 là của Bằng khen"
# A wrong count, and the shares beside it right: the count alone is said.
check_case total_count_wrong.csv 1 2 0 "dòng Tổng cộng, cột 3 (Tổng số): ghi 250, phải là 248 (tổng các dòng trên)"
check_case row_count_wrong.csv 1 2 0 "dòng 1 (Bằng khen), cột 3 (Tổng số): ghi 201, phải là 200 (cột 6 + cột 10 + cột 14 + cột 16)"
check_case not_a_number.csv 1 0 1 "'mười' không phải số nguyên"
check_case short_header.csv 1 0 1 "dòng tiêu đề có 15 cột"
check_case unterminated.csv 1 0 1 "unterminated.csv:6:"
run --lang en report check "$fx/check/percent_wrong.csv"
has out "written 79,0%, should be 80.0% (column 6 : column 3)" \
    "report check in English"
run report check missing.csv
expect 1 "report check of a missing file"
has err "missing.csv" "report check names the missing file"

# --- confer ---------------------------------------------------------------
sqlite3 t.db <"$fx/runs.sql"
honours() { sqlite3 t.db "SELECT count(*) FROM honours $*"; }
before=$(honours)
run confer --run 1 --decision-no "1234/QĐ-UBND"
expect 2 "confer without --date"
has err "cần --date YYYY-MM-DD" "confer says --date is needed"
run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2025-01-20 \
    --code bk_tinhh
expect 2 "confer --code of no award"
has err "--code: không có hình thức khen thưởng 'bk_tinhh'" \
    "confer names the unknown award"
run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2025-01-20 \
    --code co_tinh --id N1
expect 1 "confer of a named nomination of another award"
has err "N1: là đề nghị 'bk_tinh', không thuộc các hình thức quyết định này trao" \
    "confer names the nomination of another award"
[ "$(honours)" -eq "$before" ] && pass || fail "a confer of another award wrote"
run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2025-02-30
expect 2 "confer with an impossible date"
has err "--date cần một ngày có thật dạng YYYY-MM-DD, năm từ 1900 đến 2200" \
    "confer says what a date is"
run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2020-01-20
expect 1 "confer dated before the achievements' year"
has err "ngày quyết định 2020-01-20 có trước năm thành tích 2024" \
    "confer names the year the date precedes"
run --lang en confer --run 1 --decision-no "1234/QĐ-UBND" --date 2020-01-20
has err "before 2024, the year of the achievements of nomination 'N" \
    "the early date in English"
[ "$(honours)" -eq "$before" ] && pass || fail "an early date wrote"
run confer --run x --decision-no "1234/QĐ-UBND" --date 2025-01-20
expect 2 "confer --run x"
run confer --run 1 --date 2025-01-20
expect 2 "confer without --decision-no"
run confer --run 1 --decision-no 1 --date 2025-01-20 --bogus
expect 2 "confer with an unknown option"

run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2025-01-20 \
    --id N1 --id N3
expect 1 "confer of a named ineligible nomination"
has err "N3: kết quả xét là 'Không đủ điều kiện', không phải 'Đủ điều kiện'" "confer names the refused one"
[ "$(honours)" -eq "$before" ] && pass || fail "a refused confer wrote"

run confer --run 1 --decision-no "1234/QĐ-UBND" --date 2025-01-20
expect 0 "confer --run 1"
has out "Đã ghi 2 khen thưởng từ lần xét 1" "confer summary"
has out "1 đã có" "confer counts the imported honour"
[ "$(honours)" -eq $((before + 2)) ] && pass || fail "confer added $(honours)"
[ "$(honours "WHERE run_id = 1 AND nomination_id = 'N2' AND kind = 'thematic' \
    AND decision_no = '1234/QĐ-UBND' AND decision_date = '2025-01-20'")" \
    -eq 1 ] && pass || fail "the honour of N2"

# The honours book imported again from a spreadsheet without the decision
# columns: the row is given as it is stored (unchanged), the signed number
# confer recorded kept.
row=$(sqlite3 -csv t.db "SELECT subject_type, subject_id, code, year, kind
    FROM honours WHERE run_id = 1 AND nomination_id = 'N2'")
printf 'subject_type,subject_id,code,year,kind\n%s\n' "$row" \
    >"$work/honours.csv"
run import "$work/honours.csv"
expect 0 "re-import of a conferred honour"
grep -qE '^honours +0 +0 +1$' "$work/out" && pass ||
    fail "the honour is unchanged: $(head -c 400 "$work/out")"
[ "$(honours "WHERE run_id = 1 AND nomination_id = 'N2' AND \
    decision_no = '1234/QĐ-UBND' AND decision_date = '2025-01-20'")" \
    -eq 1 ] && pass || fail "the re-import erased the signed decision"

run runs show 1
has out "  trao theo quyết định 1234/QĐ-UBND ngày 2025-01-20 (ghi " \
    "runs show lists the run's confer"
has out ": 2 khen thưởng mới, 1 đã có" "... with what it did"

run --format json confer --run=1 --decision-no="1234/QĐ-UBND" \
    --date=2025-01-20
expect 0 "confer again"
has out '"added":0,"already":3,"records_changed":false}' \
    "confer twice adds nothing"
[ "$(honours)" -eq $((before + 2)) ] && pass || fail "confer twice wrote"
run --lang en confer --run 42 --decision-no 1 --date 2025-01-20
expect 1 "confer of a missing run"
has err "there is no run 42" "confer names the missing run"

# A run judged on the records as they are now: conferring its own
# decisions says nothing more; after another change it says to judge again
# (and still records the signed decision).
version() { sqlite3 t.db "SELECT value FROM meta WHERE key = 'records_version'"; }
sqlite3 t.db "INSERT INTO runs (id, started, engine, rules, options, count,
    records) VALUES (3, '2025-01-15T08:00:00Z', '0.1.0', 'rules', '{}', 2,
    $(version));
  INSERT INTO decisions (run_id, nomination_id, subject_type, subject_id,
    code, year, outcome, result) VALUES
    (3, 'N3', 'person', 'P2', 'bk_tinh', 2024, 'eligible', '{}'),
    (3, 'N4', 'person', 'P3', 'cstd_tinh', 2024, 'eligible', '{}');"
run confer --run 3 --decision-no "7/QĐ-UBND" --date 2025-01-21 --id N3
expect 0 "confer from a run on today's records"
lines err 0 "no note when only the run's own honours changed the records"
run --format jsonl runs
has out '"records_changed":false}' "runs: its own honours are no change"
sqlite3 t.db "INSERT INTO disciplines (subject_type, subject_id, date, level)
    VALUES ('person', 'P3', '2024-09-01', 'reprimand')"
run confer --run 3 --decision-no "7/QĐ-UBND" --date 2025-01-21
expect 0 "confer after the records changed"
has out "Đã ghi 1 khen thưởng từ lần xét 3" "the signed decision is recorded"
has err "lưu ý: hồ sơ đã thay đổi sau lần xét 3" \
    "confer says the records changed after the run"
run --lang en --format json confer --run 3 --decision-no "7/QĐ-UBND" \
    --date 2025-01-21
has out '"records_changed":true}' "the JSON summary says so"
has err "note: the records changed after run 3" "and in English"
run runs
has out "(đã đổi)" "runs marks the run whose records changed since"
sqlite3 t.db "DELETE FROM honours WHERE run_id = 3"

# This year's report sees what was conferred.
run --format csv report --year 2024
has out "1,Bằng khen,2,0,2,1,50.0%,1,0,1,50.0%,0,1,0,0.0%,0,0.0%" \
    "the 2024 report counts conferred honours"
has out "3,Cờ thi đua cấp tỉnh,2,1,0,1,50.0%,0,0,1,50.0%,0,0,0,0.0%,0,0.0%" \
    "the 2024 report counts a conferred unit"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
