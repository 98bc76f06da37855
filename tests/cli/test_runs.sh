#!/usr/bin/env bash
# tdkt runs and runs show on the example province: what they print, what
# they note on stderr, and their exit status.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy of the rules, to change one of their files after a run.
cp -r "$TDKT_SOURCE_DIR/rules" "$tmp/rules"
export TDKT_DB="$tmp/t.db" TDKT_RULES="$tmp/rules"
. "$(dirname "$0")/lib.sh"

"$TDKT" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null
formats="table jsonl json csv"
"$TDKT" eval > /dev/null 2>&1
"$TDKT" confer --run 1 --decision-no 1/QĐ-UBND --date 2025-03-01 > /dev/null
"$TDKT" eval > /dev/null 2>&1
"$TDKT" confer --run 1 --decision-no 1/QĐ-UBND --date 2025-03-01 > /dev/null

# Nothing changed since run 2: nothing to note.
for f in $formats; do
    run runs show 2 --format "$f"
    check "runs show 2 --format $f: exit 0" test $status -eq 0
    check "... says nothing on stderr" test ! -s "$tmp/err"
    cp "$tmp/out" "$tmp/show.$f"
done
# The table's reasons are for people: each criterion by its words in the
# language asked, after its mark, as eval's table names it; csv keeps the
# ids, for machines. (N000007: a Giấy khen whose standard a person
# decides.)
check "runs show table: a reason by its criterion's words" grep -q \
    "^N000007 .* Cần xem xét  *? Đạt tiêu chuẩn xét tặng Giấy khen do bộ" "$tmp/show.table"
check "... no reason by id" bash -c "! grep -q 'standard_delegated' '$tmp/show.table'"
check "... csv keeps the ids" grep -q ",review,?standard_delegated$" "$tmp/show.csv"
run --lang en runs show 2
check "... in English" grep -q \
    "^N000007 .* Needs review  *? Meets the Certificate standard that the ministry" "$tmp/out"

# An import that changes no stored value (rows given as they are stored,
# a file of only its header) writes nothing: its rows are counted
# unchanged, and tdkt runs and runs show read as before it.
"$TDKT" runs --format jsonl > "$tmp/runs.before"
"$TDKT" runs > "$tmp/runs-table.before"
check "before: run 2's records unchanged" \
    grep -q '^{"run":2,.*"records_changed":false' "$tmp/runs.before"
mkdir "$tmp/same" "$tmp/header"
head -3 "$TDKT_SOURCE_DIR/examples/kontum-demo/units.csv" > "$tmp/same/units.csv"
head -1 "$TDKT_SOURCE_DIR/examples/kontum-demo/people.csv" > "$tmp/header/people.csv"
run --format jsonl import "$tmp/same"
check "rows as stored: exit 0 (got $status)" test $status -eq 0
check "... counted unchanged, not replaced" \
    grep -qF '{"table":"units","added":0,"replaced":0,"unchanged":2}' "$tmp/out"
run import "$tmp/header"
check "a file of only its header: exit 0 (got $status)" test $status -eq 0
"$TDKT" runs --format jsonl > "$tmp/runs.after"
"$TDKT" runs > "$tmp/runs-table.after"
check "... tdkt runs --format jsonl as before" cmp -s "$tmp/runs.before" "$tmp/runs.after"
check "... tdkt runs as before" cmp -s "$tmp/runs-table.before" "$tmp/runs-table.after"
check "... no run marked changed" bash -c "! grep -q 'đã đổi' '$tmp/runs-table.after'"
run runs show 2
check "... runs show 2: exit 0" test $status -eq 0
check "... says nothing on stderr" test ! -s "$tmp/err"
check "... prints run 2 as before" cmp -s "$tmp/out" "$tmp/show.table"

# The records change after run 2 (one appraisal imported again, rated
# otherwise): every format notes it on stderr, exits 0, and prints the
# same decisions as before.
{ head -1 "$TDKT_SOURCE_DIR/examples/kontum-demo/appraisals.csv"
  echo "person,P000001,2015,excellent,,,"; } > "$tmp/appraisals.csv"
"$TDKT" import "$tmp/appraisals.csv" > /dev/null
note_vi="tdkt: lưu ý: hồ sơ đã thay đổi sau lần xét 2 (ngoài các khen thưởng ghi từ chính lần xét này)"
note_en="tdkt: note: the records changed after run 2 (other than by honours recorded from that run)"
for f in $formats; do
    run runs show 2 --format "$f"
    check "records changed: runs show 2 --format $f: exit 0 (got $status)" test $status -eq 0
    check "... notes it on stderr" grep -qF "$note_vi" "$tmp/err"
    check "... once" test "$(wc -l < "$tmp/err")" -eq 1
    if [ "$f" = table ]; then
        check "... and in the heading" grep -q "dữ liệu: [0-9]* (đã đổi)" "$tmp/out"
    else
        check "... stdout as it was" cmp -s "$tmp/out" "$tmp/show.$f"
    fi
    run --lang en runs show 2 --format "$f"
    check "... in English with --lang en: exit 0" test $status -eq 0
    check "... the note in English" grep -qF "$note_en" "$tmp/err"
done

# A rule file changes after run 3: noted, exit 0 (the command did its
# work), the decisions printed as before.
"$TDKT" eval > /dev/null 2>&1
"$TDKT" runs show 3 --format jsonl > "$tmp/show3.jsonl"
echo "-- a comment is a change too" >> "$tmp/rules/vn/luat-2022/ruleset.lua"
for f in $formats; do
    run runs show 3 --format "$f"
    check "rule set changed: runs show 3 --format $f: exit 0 (got $status)" test $status -eq 0
    check "... notes it on stderr" \
        grep -q "^tdkt: lưu ý: bộ quy tắc vn/luat-2022 đã thay đổi sau lần xét" "$tmp/err"
done
run runs show 3 --format jsonl
check "... stdout as it was" cmp -s "$tmp/out" "$tmp/show3.jsonl"
run --lang en runs show 3
check "... in English: exit 0" test $status -eq 0
check "... the note in English" \
    grep -q "^tdkt: note: rule set vn/luat-2022 changed since the run" "$tmp/err"
# Not a run: still a failure.
run runs show 99
check "runs show of no run: exit 1" test $status -eq 1

# runs: jsonl and json give each run's rule sets and engine, as the table
# and csv do.
for f in csv jsonl json; do
    "$TDKT" runs --format "$f" > "$tmp/runs.$f"
done
check "runs --format jsonl and json: rule_sets and engine, as in csv" \
    python3 - "$tmp" "$("$TDKT" --version)" <<'PY'
import csv, json, sys
tmp, version = sys.argv[1], sys.argv[2]
rows = {int(r["run"]): r for r in csv.DictReader(open(tmp + "/runs.csv"))}
lines = [json.loads(l) for l in open(tmp + "/runs.jsonl")]
assert json.load(open(tmp + "/runs.json")) == lines
assert sorted(d["run"] for d in lines) == sorted(rows) == [1, 2, 3], rows
for d in lines:
    r = rows[d["run"]]
    assert d["rule_sets"] == r["rule_sets"].split(" "), (d, r)
    assert "vn/luat-2022" in d["rule_sets"], d
    assert d["engine"] == r["engine"] and d["engine"] in version, (d, version)
    # the keys that were there keep their order, records_changed last
    keys = [k for k in d if k not in ("rule_sets", "engine")]
    assert keys == ["run", "started", "rules", "count", "eligible",
                    "records", "records_changed"], keys
PY

echo "$passed passed, $failed failed"
test "$failed" -eq 0
