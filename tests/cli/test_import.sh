#!/usr/bin/env bash
# `tdkt import` end to end: the summary, exit statuses 0/1/2, problems as
# FILE:LINE: COLUMN: message on stderr, and a database left exactly as it
# was (sqlite3 .dump) when the input is rejected.
#
# Environment (set by CTest): TDKT the binary, TDKT_FIXTURES the fixtures.
set -euo pipefail
: "${TDKT:?set TDKT to the tdkt binary}"
: "${TDKT_FIXTURES:?set TDKT_FIXTURES to tests/fixtures}"
fx="$TDKT_FIXTURES/import"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/tdkt.db"
unset TDKT_DB TDKT_LANG

passed=0
failed=0
# check NAME COMMAND...: one assertion.
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name" >&2
        echo "  stdout: $(cat "$tmp/out" 2>/dev/null)" >&2
        echo "  stderr: $(cat "$tmp/err" 2>/dev/null)" >&2
    fi
}
# run ARGS...: run tdkt, keeping stdout, stderr and the exit status.
run() {
    status=0
    "$TDKT" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
}
contains() { grep -qF -- "$2" "$tmp/$1"; }
lacks() { ! grep -qF -- "$2" "$tmp/$1"; }
count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }

# Help and usage.
run import --help
check "help exits 0" test "$status" -eq 0
check "help is Vietnamese" contains out "Cách dùng: tdkt import"
run --lang en import --help
check "help in English" contains out "Usage: tdkt import"
run --db "$db" import
check "no path: exit 2" test "$status" -eq 2
check "no path: hint" contains err "tdkt import --help"
run --db "$db" import --frobnicate "$fx/good"
check "unknown option: exit 2" test "$status" -eq 2
run --db "$db" --format xlsx import "$fx/good"
check "unsupported format: exit 2" test "$status" -eq 2
check "usage errors write nothing" test ! -e "$db"

# A refused first import leaves no store behind (the next command would
# take an empty one for the records).
run --db "$db" import "$fx/bad/unit-cycle"
check "refused first import: exit 1" test "$status" -eq 1
check "refused first import: no store left" \
    test ! -e "$db" -a ! -e "$db-wal" -a ! -e "$db-shm" -a ! -e "$db-index"

# A good folder: a summary in Vietnamese, every row stored.
run --db "$db" import "$fx/good"
check "good: exit 0" test "$status" -eq 0
check "good: heading" contains out "Bảng"
check "good: added column" contains out "Thêm mới"
check "good: replaced column" contains out "Thay thế"
check "good: unchanged column" contains out "Không đổi"
check "good: units row" grep -qE '^units +5 +0 +0$' "$tmp/out"
check "good: total" grep -qE '^Tổng +28 +0 +0$' "$tmp/out"
check "good: files" contains out "Đã nhập 8 tệp"
check "good: nothing on stderr" test ! -s "$tmp/err"
check "good: units stored" test "$(count units)" -eq 5
check "good: codes canonical" test \
    "$(sqlite3 "$db" "SELECT rating FROM appraisals WHERE subject_id='P1' AND year=2022")" = excellent

# A file of only its header was read: its table is in the summary, with
# nothing added.
mkdir -p "$tmp/header-only"
printf 'id,name,kind\n' >"$tmp/header-only/units.csv"
run --db "$db" import "$tmp/header-only"
check "header only: exit 0" test "$status" -eq 0
check "header only: its table, zeros" grep -qE '^units +0 +0 +0$' "$tmp/out"
run --db "$db" --format csv import "$tmp/header-only"
check "header only, csv: its table" contains out "units,0,0,0"

# The same again, in English: every row as it is stored, unchanged.
run --db "$db" --lang en import "$fx/good"
check "again: exit 0" test "$status" -eq 0
check "again: heading" contains out "Unchanged"
check "again: all unchanged" grep -qE '^Total +0 +0 +28$' "$tmp/out"
check "again: no new rows" test "$(count units)" -eq 5

# $TDKT_DB names the database; --format jsonl and csv.
TDKT_DB="$db" run --format jsonl import "$fx/update"
check "jsonl: exit 0" test "$status" -eq 0
check "jsonl: units" contains out '{"table":"units","added":1,"replaced":1,"unchanged":0}'
check "jsonl: appraisals" contains out '{"table":"appraisals","added":1,"replaced":1,"unchanged":0}'
run --db "$db" --format csv import "$fx/update/units.csv"
check "csv: header" contains out "table,added,replaced,unchanged"
check "csv: units, as imported just before" contains out "units,0,0,2"

# Rejected input: every problem as FILE:LINE: COLUMN: message, exit 1,
# and the database untouched.
sqlite3 "$db" .dump >"$tmp/before.sql"
run --db "$db" --lang en import "$fx/bad/unknown-code" "$fx/bad-last-file" \
    "$fx/bad/wrong-cell-count/units.csv" "$tmp/nowhere"
check "bad: exit 1" test "$status" -eq 1
check "bad: unknown code" contains err \
    "$fx/bad/unknown-code/appraisals.csv:2: rating: unknown rating 'HTXSS' (expected excellent, good, complete, incomplete or their Vietnamese names)"
check "bad: last file" contains err \
    "$fx/bad-last-file/nominations.csv:3: code: unknown award code 'bk_tinhh'"
check "bad: no column" contains err \
    "$fx/bad/wrong-cell-count/units.csv:2: 2 cells, but the header has 3 columns"
check "bad: missing path" contains err "$tmp/nowhere: no such file or folder"
check "bad: count line" contains err "4 problems found; nothing was written."
check "bad: nothing on stdout" test ! -s "$tmp/out"
sqlite3 "$db" .dump >"$tmp/after.sql"
check "bad: database unchanged" cmp -s "$tmp/before.sql" "$tmp/after.sql"
check "bad: no half-written unit" test "$(sqlite3 "$db" "SELECT count(*) FROM units WHERE id='U7'")" -eq 0

# A file with many problems does not hide the next file's: each file
# shows its first 100, and says how many more it has.
mkdir -p "$tmp/many"
cp "$fx/good/"*.csv "$tmp/many/"
{ head -n 1 "$fx/good/units.csv"
  for i in $(seq 1 150); do echo "UB$i,Bad $i,,nokind,,,"; done
  tail -n +2 "$fx/good/units.csv"; } > "$tmp/many/units.csv"
sed -i '2s/^\([^,]*,[^,]*,[^,]*,\)[^,]*/\1nocode/' "$tmp/many/nominations.csv"
run --db "$tmp/many.db" --lang en import "$tmp/many"
check "many: exit 1" test "$status" -eq 1
check "many: the second file's problem is shown" contains err "many/nominations.csv:2: code: unknown award code 'nocode'"
check "many: 100 of the first file's" test "$(grep -c '^.*many/units.csv:[0-9]*: kind:' "$tmp/err")" -eq 100
check "many: and how many more" contains err "many/units.csv: 50 more problems (the first 100 of each file are shown)"
check "many: the count line" contains err "151 problems found (the first shown); nothing was written."

# A cell of spaces is empty: a required one is refused, an optional one
# is not given.
mkdir -p "$tmp/ws"
printf 'id,name,parent_id,kind\n  ,A,,agency\nU2,"   ",,agency\nU3,C, ,agency\n' \
    > "$tmp/ws/units.csv"
run --db "$tmp/ws.db" --lang en import "$tmp/ws"
check "spaces: exit 1" test "$status" -eq 1
check "spaces: an id of spaces is empty" contains err "ws/units.csv:2: id: empty, but id is required"
check "spaces: a quoted name of spaces too" contains err "ws/units.csv:3: name: empty, but name is required"
check "spaces: an optional one is not given" lacks err "ws/units.csv:4"

# Vietnamese problems by default.
run --db "$db" import "$fx/bad/dangling-reference"
check "vi: exit 1" test "$status" -eq 1
check "vi: message" contains err \
    "dangling-reference/people.csv:2: unit_id: không tìm thấy đơn vị 'U99'"
check "vi: count line" contains err "Tìm thấy 1 lỗi; không ghi gì vào cơ sở dữ liệu."
check "vi: no English" lacks err "unknown unit"

# A header's problems, in Vietnamese: a stray space in a name (once, not
# also as a missing column), nameless columns at the end, tabs.
mkdir -p "$tmp/header"
printf 'id,name,kind \nU1,A,agency\n' > "$tmp/header/units.csv"
printf 'id,full_name,unit_id,is_leader,,\n' > "$tmp/header/people.csv"
printf 'subject_type\tsubject_id\tdate\tlevel\n' > "$tmp/header/disciplines.csv"
run --db "$db" import "$tmp/header"
check "header: exit 1" test "$status" -eq 1
check "header: a stray space" contains err \
    "header/units.csv:1: kind : tên cột 'kind ' có dấu cách thừa ở đầu hoặc cuối (hãy viết đúng 'kind')"
check "header: ... said once" lacks err "thiếu cột bắt buộc 'kind'"
check "header: nameless columns" contains err \
    "header/people.csv:1: các cột từ 5 đến 6 của dòng tiêu đề không có tên (dấu phẩy thừa ở cuối dòng?)"
check "header: tabs" contains err \
    "header/disciplines.csv:1: các cột được ngăn bằng dấu tab; hãy lưu tệp dạng CSV ngăn bằng dấu phẩy (,)"
check "header: the count line" contains err "Tìm thấy 3 lỗi"

# An import into an empty store writes with a rollback journal and holds
# the write lock (src/lib/import/journal.h); a command opened meanwhile
# switches the store back to WAL, which needs that lock: it waits for the
# writer (here a python3 sqlite3 connection holding it 2 s) rather than
# failing at once, then works.
held="$tmp/held.db"
"$TDKT" --db "$held" import "$fx/good/units.csv" >/dev/null
sqlite3 "$held" "PRAGMA journal_mode=DELETE" >/dev/null
python3 - "$held" "$tmp/held.ready" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE meta SET value = value WHERE key = 'application'")
open(sys.argv[2], "w").close()
time.sleep(2)
c.execute("COMMIT")
PY
holder=$!
while [ ! -e "$tmp/held.ready" ]; do sleep 0.05; done
run --db "$held" import "$fx/update/units.csv"
wait "$holder"
check "rollback journal held: the next import waits, then works" test "$status" -eq 0
check "rollback journal held: WAL mode after" \
    test "$(sqlite3 "$held" 'PRAGMA journal_mode')" = wal

# A summary that cannot be printed after the import committed: exit 1,
# and the message says the data is stored, so that nobody imports it
# again believing nothing happened.
full="$tmp/full.db"
status=0
"$TDKT" --db "$full" import "$fx/good" > /dev/full 2> "$tmp/err" || status=$?
check "import > /dev/full: exit 1 (got $status)" test "$status" -eq 1
check "... says the data was saved ($(head -c 300 "$tmp/err"))" \
    grep -q "dữ liệu đã được lưu" "$tmp/err"
check "... and it was" test "$(sqlite3 "$full" 'SELECT count(*) FROM people')" -gt 0

echo "$passed passed, $failed failed"
test "$failed" -eq 0
