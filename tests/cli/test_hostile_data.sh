#!/usr/bin/env bash
# Hostile data: what a malicious or broken input must not achieve.
#   a. formula injection: names starting with = + - @ never become a
#      formula in `--format csv` output (the cell starts with an apostrophe
#      inside quotes) nor in the `report --format xlsx` workbook (no <f>);
#   b. control characters and bidirectional overrides in names are never
#      written raw to the terminal (table output, import summary and
#      messages): they show as U+FFFD (or '?' in one-line messages);
#   c. a 100 MB field, a million-column header, a million-field row:
#      `tdkt import` refuses with FILE:LINE, exit 1, peak RSS < 200 MB, and
#      the database is left as it was;
#   d. a database that is not tdkt's, or from a newer tdkt: every command
#      refuses with a clear message naming it, exit 1, and the file is
#      unchanged byte for byte;
#   e. a rule's detail, error or caveat with line breaks never prints a
#      line of its own that reads like another nomination's result: the
#      breaks show as ⏎ in the tables (eval, runs show, diff, rules list)
#      and in the messages on stderr; a CSV cell keeps them, quoted.
#
# Environment (set by CTest): TDKT the binary, TDKT_SOURCE_DIR the source
# tree, TDKT_FIXTURES tests/fixtures (hostile-data/).
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset TDKT_DB TDKT_LANG
export TDKT_RULES="$TDKT_SOURCE_DIR/rules"
fx="$TDKT_FIXTURES/hostile-data"

. "$(dirname "$0")/lib.sh"
# run ARGS...: tdkt with stdout, stderr and status kept.
run() { status=0; "$TDKT" "$@" > "$tmp/out" 2> "$tmp/err" || status=$?; }
err() { head -c 400 "$tmp/err"; }
dump() { store_dump "$1"; }
t_all=$(date +%s)

# ---- a. formula injection --------------------------------------------------
db="$tmp/formula.db"
run --db "$db" import "$fx/formula"
check "formula fixture imports ($(err))" test "$status" -eq 0

# csv_defused FILE: every cell that a spreadsheet would run (first
# character = + @ tab CR, or - not followed by a plain number) is absent,
# and every formula-like name of the fixture appears as "'NAME".
csv_defused() {
    python3 - "$1" "$fx/formula" <<'PY'
import csv, io, re, sys
raw = open(sys.argv[1], encoding="utf-8", newline="").read()
rows = list(csv.reader(io.StringIO(raw)))
number = re.compile(r"^-\d+(\.\d+)?$")
problems = []
for i, row in enumerate(rows[1:], 2):
    for cell in row:
        if cell[:1] in ("=", "+", "@", "\t", "\r") or (
                cell[:1] == "-" and not number.match(cell)):
            problems.append("line %d: cell %r would be a formula" % (i, cell))
names = []
for f, col in (("people.csv", "full_name"), ("units.csv", "name")):
    for r in csv.DictReader(open("%s/%s" % (sys.argv[2], f), encoding="utf-8")):
        if r[col][:1] in "=+-@":
            names.append(r[col])
shown = 0
for n in names:
    if n in raw.replace('""', '"'):
        shown += 1
        if '"\'' + n.replace('"', '""') + '"' not in raw:
            problems.append("name %r is not written as \"'…\"" % n)
if shown == 0:
    problems.append("no formula-like name in the output at all")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}
run --db "$db" eval --dry-run --format csv
check "eval --dry-run --format csv: exit 0 ($(err))" test "$status" -eq 0
check "eval --dry-run --format csv: every formula defused" csv_defused "$tmp/out"
run --db "$db" eval --format csv
check "eval --format csv (saving): exit 0 ($(err))" test "$status" -eq 0
check "eval --format csv (saving): every formula defused" csv_defused "$tmp/out"
run --db "$db" diff --from 2023-12-31 --to 2024-12-31 --format csv
check "diff --format csv: exit 0 ($(err))" test "$status" -eq 0
check "diff --format csv: every formula defused" csv_defused "$tmp/out"
run --db "$db" report --year 2024 --format csv
check "report --format csv: exit 0 ($(err))" test "$status" -eq 0
check "report --format csv: no formula" python3 - "$tmp/out" <<'PY'
import csv, re, sys
number = re.compile(r"^-\d+(\.\d+)?$")
for row in csv.reader(open(sys.argv[1], encoding="utf-8", newline="")):
    for cell in row:
        if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not number.match(cell)):
            sys.exit("cell %r would be a formula" % cell)
PY

# The workbook: no formula anywhere, text as shared strings only.
xlsx="$tmp/report.xlsx"
run --db "$db" report --year 2024 --format xlsx --out "$xlsx"
check "report --format xlsx: exit 0 ($(err))" test "$status" -eq 0
check "report --format xlsx: a workbook" test -s "$xlsx"
check "the workbook holds no formula, and no name outside the shared strings" \
    python3 - "$xlsx" "$fx/formula" <<'PY'
import csv, re, sys, zipfile
from xml.sax.saxutils import escape
z = zipfile.ZipFile(sys.argv[1])
problems = []
sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
if not sheets:
    problems.append("no worksheet")
for n in z.namelist():
    if not n.endswith(".xml"):
        continue
    text = z.read(n).decode("utf-8")
    if re.search(r"<(\w+:)?f[\s>/]", text):
        problems.append("%s holds a formula element" % n)
for n in sheets:
    text = z.read(n).decode("utf-8")
    if re.search(r'\bt="(str|inlineStr)"', text):
        problems.append("%s holds text outside the shared strings" % n)
    for f, col in (("people.csv", "full_name"), ("units.csv", "name")):
        for r in csv.DictReader(open("%s/%s" % (sys.argv[2], f), encoding="utf-8")):
            if escape(r[col]) in text:
                problems.append("%s holds the name %r" % (n, r[col]))
shared = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
if "2024" not in shared:
    problems.append("the title (with its year) is not a shared string")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# ---- b. control characters and bidirectional overrides ---------------------
ctl="$tmp/ctl"
mkdir -p "$ctl" "$tmp/ctl-bad"
python3 - "$ctl" "$tmp/ctl-bad" <<'PY'
import csv, sys
out, badout = sys.argv[1], sys.argv[2]
ESC, CSI, RLO, PDF, LRI, PDI = "\x1b", "\u009b", "\u202e", "\u202c", "\u2066", "\u2069"
units = [["id", "name", "parent_id", "kind"],
         ["U1", "Sở " + ESC + "[31mNội vụ" + ESC + "[0m", "", "agency"],
         ["U2", "Phòng " + RLO + "exe.cod" + PDF + " Tổ chức", "", "agency"],
         ["U3", "Ban " + LRI + "Thi đua" + PDI + " " + CSI + "31m", "", "agency"]]
names = ["Nguyễn " + ESC + "[2J" + ESC + "[HVăn An",
         "Trần " + RLO + "Thị" + PDF + " Bình",
         "Lê " + LRI + "Văn" + PDI + " Cường\x07",
         "Phạm " + CSI + "31mDũng\u0085",
         "Hồ \u200fEm\u061c\x7f",
         "Ngô " + ESC + "]0;pwned\x07Giang"]
people = [["id", "full_name", "unit_id", "is_leader", "hired"]]
for i, n in enumerate(names, 1):
    people.append(["P%d" % i, n, "U%d" % (1 + (i - 1) % 3), "0", "2005-01-01"])
apps = [["subject_type", "subject_id", "year", "rating"]]
for p in people[1:]:
    for y in (2022, 2023, 2024):
        apps.append(["person", p[0], str(y), "excellent"])
noms = [["id", "subject_type", "subject_id", "code", "year", "submitted"]]
for p in people[1:]:
    noms.append(["N-" + p[0], "person", p[0], "ldtt", "2024", "2025-03-01"])
for u in units[1:]:
    noms.append(["N-" + u[0], "unit", u[0], "ttldtt", "2024", "2025-03-01"])
noms.append(["N-" + ESC + "[1mX", "person", "P1", "cstd_cs", "2024", "2025-03-01"])
for name, rows in (("units", units), ("people", people), ("appraisals", apps),
                   ("nominations", noms)):
    with open("%s/%s.csv" % (out, name), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
# A rejected import whose wrong cells hold the same characters.
with open("%s/people.csv" % badout, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n").writerows([
        ["id", "full_name", "unit_id", "is_leader"],
        ["P9", "X", "U" + ESC + "[31m" + RLO + "Z", "0"],
        ["P10", "Y", "U1", LRI + ESC + "[2J" + CSI + "H"],
        ["P11" + RLO, "Z", "U-" + CSI + "1m", "2"]])
PY
# clean FILE [REQUIRE_FFFD]: no control character (but newline), no C1
# control, no bidirectional control; with REQUIRE_FFFD, U+FFFD shown.
clean() {
    python3 - "$@" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8", errors="replace")
bad = set()
for ch in text:
    cp = ord(ch)
    if (cp < 0x20 and ch != "\n") or 0x7f <= cp < 0xa0 or 0x202a <= cp <= 0x202e \
            or 0x2066 <= cp <= 0x2069 or cp in (0x200e, 0x200f, 0x061c):
        bad.add("U+%04X" % cp)
if bad:
    sys.exit("raw control characters: " + " ".join(sorted(bad)))
if len(sys.argv) > 2 and "\ufffd" not in text:
    sys.exit("no U+FFFD shown in place of the controls")
PY
}
db="$tmp/ctl.db"
run --db "$db" import "$ctl"
check "control-character names import ($(err))" test "$status" -eq 0
check "import summary: nothing raw on stdout" clean "$tmp/out"
check "import summary: nothing raw on stderr" clean "$tmp/err"
run --db "$db" import "$tmp/ctl-bad"
check "a rejected import: exit 1" test "$status" -eq 1
check "a rejected import: names FILE:LINE" grep -q "people.csv:2: " "$tmp/err"
check "a rejected import: its messages hold nothing raw" clean "$tmp/err"
run --db "$db" eval --dry-run --format table
check "eval table: exit 0 ($(err))" test "$status" -eq 0
check "eval table: the names are shown" grep -q "Bình" "$tmp/out"
check "eval table: nothing raw, U+FFFD instead" clean "$tmp/out" 1
run --db "$db" eval --dry-run --format table --lang en
check "eval table (en): nothing raw, U+FFFD instead" clean "$tmp/out" 1
run --db "$db" eval --format table
check "eval (saving) table: exit 0 ($(err))" test "$status" -eq 0
check "eval (saving) table: nothing raw on stdout" clean "$tmp/out" 1
check "eval (saving): nothing raw on stderr" clean "$tmp/err"
run --db "$db" runs show 1
check "runs show: nothing raw ($(err))" clean "$tmp/out"
run --db "$db" diff --from 2023-12-31 --to 2024-12-31 --format table
check "diff table: exit 0 ($(err))" test "$status" -eq 0
check "diff table: shows changes" grep -q "Bình\|Tổ chức" "$tmp/out"
check "diff table: nothing raw, U+FFFD instead" clean "$tmp/out" 1
run --db "$db" report --year 2024
check "report table: nothing raw ($(err))" clean "$tmp/out"
# CSV and JSON lines are read on the terminal too (cat, less, head).
for cmd in "eval --dry-run --format csv" "eval --dry-run --format jsonl" \
           "diff --from 2023-12-31 --to 2024-12-31 --format csv" \
           "diff --from 2023-12-31 --to 2024-12-31 --format jsonl" \
           "runs show 1 --format csv"; do
  # shellcheck disable=SC2086
  run --db "$db" $cmd
  check "$cmd: exit 0 ($(err))" test "$status" -eq 0
  # (JSON escapes control characters as \u001b: no U+FFFD needed there)
  case "$cmd" in
  *csv) check "$cmd: nothing raw, U+FFFD instead" clean "$tmp/out" 1 ;;
  *) check "$cmd: nothing raw" clean "$tmp/out" ;;
  esac
done
# report check quotes the hand-filled table's cells in its messages.
printf 'STT,Hình thức khen thưởng,Tổng số\n1,"Bằng khen\033]0;pwned\a",x\n' > "$tmp/hand.csv"
run --db "$db" report check "$tmp/hand.csv"
check "report check: nothing raw ($(err))" clean "$tmp/out"
check "report check: nothing raw on stderr" clean "$tmp/err"

# ---- c. huge fields and headers --------------------------------------------
# peak RUN...: run tdkt, keep status and peak RSS (kB) in rss.
peak() {
    status=0
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$tmp/rss" "$TDKT" "$@" > "$tmp/out" 2> "$tmp/err" || status=$?
        rss=$(tail -n 1 "$tmp/rss")
    else
        python3 - "$tmp/rss" "$TDKT" "$@" > "$tmp/out" 2> "$tmp/err" <<'PY' || status=$?
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)
PY
        rss=$(cat "$tmp/rss")
    fi
}
db="$tmp/big.db"
"$TDKT" --db "$db" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null
before=$(dump "$db")
mkdir -p "$tmp/field" "$tmp/qfield" "$tmp/header" "$tmp/row"
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
mib = 1 << 20
with open(t + "/field/people.csv", "w") as f:        # 100 MB unquoted field
    f.write("id,full_name,unit_id,is_leader\nP1,")
    block = "A" * mib
    for _ in range(100):
        f.write(block)
    f.write(",U0001,0\n")
with open(t + "/qfield/people.csv", "w") as f:       # 100 MB quoted, many lines
    f.write('id,full_name,unit_id,is_leader\nP1,"')
    block = ("B" * 1023 + "\n") * 1024
    for _ in range(100):
        f.write(block)
    f.write('",U0001,0\n')
with open(t + "/header/units.csv", "w") as f:        # a million columns
    f.write(",".join("x_%d" % i for i in range(1000000)))
    f.write("\nU1\n")
with open(t + "/row/units.csv", "w") as f:           # a million fields
    f.write("id,name,kind\nU9,Tên,agency" + "," * 1000000 + "\n")
PY
for case in field:people.csv:2 qfield:people.csv: header:units.csv:1 row:units.csv:2; do
    dir=${case%%:*} rest=${case#*:}
    file=${rest%%:*} line=${rest#*:}
    peak --db "$db" import "$tmp/$dir"
    check "$dir: import refuses, exit 1 (got $status)" test "$status" -eq 1
    check "$dir: the message is FILE:LINE: … ($(err))" \
        grep -qE "$tmp/$dir/$file:${line:-[0-9]+}: " "$tmp/err"
    check "$dir: peak RSS ${rss} kB < 200 MB" test "$rss" -lt 204800
    check "$dir: the database is unchanged" test "$(dump "$db")" = "$before"
    echo "$dir: exit $status, peak RSS $rss kB: $(head -n 1 "$tmp/err")"
done
rm -rf "$tmp/field" "$tmp/qfield" "$tmp/header" "$tmp/row"

# ---- d. databases that are not tdkt's --------------------------------------
good="$tmp/good.db"
"$TDKT" --db "$good" import "$fx/formula" > /dev/null
sqlite3 "$tmp/other.db" "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);
                         INSERT INTO customers VALUES (1, 'Khách hàng');"
sqlite3 "$tmp/othermeta.db" "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
                             INSERT INTO meta VALUES ('application', 'other-app');
                             CREATE TABLE units(id TEXT PRIMARY KEY, name TEXT);"
python3 -c 'import random, sys; r = random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(65536)))' > "$tmp/random.db"
cp "$fx/formula/people.csv" "$tmp/csv.db"
cp "$good" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
cmds=("import $fx/formula"
      "eval"
      "eval --dry-run"
      "diff --from 2023-12-31 --to 2024-12-31"
      "report --year 2024"
      "report --year 2024 --format xlsx --out $tmp/refused.xlsx"
      "runs"
      "runs show 1"
      "confer --run 1 --decision-no 1/QĐ-UBND --date 2025-01-15")
# (the messages in the default language, Vietnamese)
for case in other:"không do tdkt tạo ra" othermeta:"không do tdkt tạo ra" \
            random:"không phải cơ sở dữ liệu" csv:"không phải cơ sở dữ liệu" \
            newer:"mới hơn"; do
    name=${case%%:*} want=${case#*:}
    f="$tmp/$name.db"
    sum=$(sha256sum < "$f")
    for c in "${cmds[@]}"; do
        # shellcheck disable=SC2086
        run --db "$f" $c
        check "$name.db: '${c%% *}': exit 1 (got $status)" test "$status" -eq 1
        check "$name.db: '$c': a clear message naming the file ($(err))" \
            bash -c "grep -qF -- '$f' '$tmp/err' && grep -qi -- '$want' '$tmp/err'"
    done
    check "$name.db: unchanged byte for byte" test "$(sha256sum < "$f")" = "$sum"
    check "$name.db: no workbook written" test ! -e "$tmp/refused.xlsx"
done
# A message in Vietnamese is in Vietnamese alone: SQLite's own words,
# which are English, follow an English message only.
run --db "$tmp/csv.db" runs
check "csv.db: in Vietnamese, without SQLite's English ($(err))" \
    bash -c "grep -q 'không phải cơ sở dữ liệu\$' '$tmp/err' && ! grep -q 'file is not' '$tmp/err'"
run --lang en --db "$tmp/csv.db" runs
check "csv.db: in English, SQLite's words after ours ($(err))" \
    grep -qF "csv.db: not a database (file is not a database)" "$tmp/err"
# A store in a folder tdkt may not write (SQLite writes its -wal and -shm
# beside it, even to read): the message says so, not "not a database".
# Permissions bind only a user other than root: the check runs where root
# can act as another user, and is skipped elsewhere.
if [ "$(id -u)" = 0 ] && command -v runuser > /dev/null &&
   runuser -u nobody -- true 2> /dev/null; then
    ro="$tmp/ro"
    mkdir -p "$ro"
    cp "$good" "$ro/t.db"
    chmod 755 "$tmp" "$ro"
    chmod 444 "$ro/t.db"
    status=0
    runuser -u nobody -- env TDKT_RULES="$TDKT_RULES" "$TDKT" --db "$ro/t.db" \
        eval --dry-run > "$tmp/out" 2> "$tmp/err" || status=$?
    check "read-only folder: exit 1 (got $status)" test "$status" -eq 1
    check "read-only folder: says tdkt needs to write there ($(err))" \
        grep -q "cần quyền ghi" "$tmp/err"
    check "read-only folder: not called a foreign file ($(err))" \
        bash -c "! grep -q 'không phải cơ sở dữ liệu' '$tmp/err'"
else
    echo "(read-only folder: skipped, needs root and runuser)"
fi

# An empty file is an empty database: readers refuse, and leave it empty.
: > "$tmp/empty.db"
for c in "eval --dry-run" "runs" "report --year 2024"; do
    # shellcheck disable=SC2086
    run --db "$tmp/empty.db" $c
    check "empty.db: '$c': exit 1 (got $status)" test "$status" -eq 1
done
check "empty.db: still empty" test ! -s "$tmp/empty.db"

# A mistyped --db: only an import creates a store; a folder that is not
# there, or a folder named as the store, is said as such.
for c in "eval" "confer --run 1 --decision-no 1/QĐ-UBND --date 2025-01-15"; do
    # shellcheck disable=SC2086
    run --db "$tmp/mistyped.db" $c
    check "missing store: '${c%% *}': exit 1 (got $status)" test "$status" -eq 1
    check "missing store: '${c%% *}': says so ($(err))" \
        grep -q "không có cơ sở dữ liệu này" "$tmp/err"
    check "missing store: '${c%% *}': none created" \
        test ! -e "$tmp/mistyped.db" -a ! -e "$tmp/mistyped.db-index"
done
run --db "$tmp/no-such-folder/t.db" import "$fx/formula"
check "store in a missing folder: exit 1 (got $status)" test "$status" -eq 1
check "store in a missing folder: says the folder is missing ($(err))" \
    grep -q "không có thư mục chứa tệp này" "$tmp/err"
run --db "$tmp" import "$fx/formula"
check "a folder as the store: exit 1 (got $status)" test "$status" -eq 1
check "a folder as the store: says it is a folder ($(err))" \
    grep -q "đây là một thư mục" "$tmp/err"
# A tdkt store whose schema page is damaged: called damaged, in the
# user's words, not "not a database".
cp "$good" "$tmp/damaged.db"
python3 -c 'import sys; f = open(sys.argv[1], "r+b"); f.seek(100); f.write(b"\x0d\x00\x00\x00\x05\x0f\x00" + b"\x07" * 200)' "$tmp/damaged.db"
run --db "$tmp/damaged.db" runs
check "damaged store: exit 1 (got $status)" test "$status" -eq 1
check "damaged store: says it is damaged ($(err))" \
    grep -q "tệp cơ sở dữ liệu bị hỏng (hãy dùng bản sao lưu)$" "$tmp/err"

# A named pipe where the index image goes: never opened for reading (that
# would wait for a writer forever); the run reads the records, and the
# image written after it takes the pipe's place.
mkdir "$tmp/pipe"
cp "$good" "$tmp/pipe/t.db"
rm -f "$tmp/pipe/t.db-index"
mkfifo "$tmp/pipe/t.db-index"
status=0
timeout 120 "$TDKT" --db "$tmp/pipe/t.db" eval --dry-run > "$tmp/out" \
    2> "$tmp/err" || status=$?
check "a pipe as the image: the run ends, exit 0 (got $status; $(err))" \
    test "$status" -eq 0
check "a pipe as the image: replaced by an image file" \
    test -f "$tmp/pipe/t.db-index" -a ! -p "$tmp/pipe/t.db-index"

# ---- e. line breaks in a rule's text ---------------------------------------
nl="$tmp/nl"
mkdir -p "$nl/rules/vn" "$nl/error/vn" "$nl/load/vn"
cp -r "$TDKT_SOURCE_DIR/rules/vn/luat-2022" "$nl/rules/vn/"
rm -rf "$nl/rules/vn/luat-2022/tests"
# What a detail would print after its criterion's line: a blank line,
# then lines that read like another nomination judged eligible.
forged='no\n\nN000003  Fake Person (P000003), 2024: Eligible   [vn/luat-2022]\n    ✔ x — ok  [x]'
# ldtt_form CHECK: LĐTT of one criterion whose check is CHECK.
ldtt_form() {
    cat <<EOF
form "ldtt" {
  subject = "person",
  name    = { vi = "Lao động tiên tiến", en = "Advanced Worker" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 24",
  criterion "x" { basis = "x", status = "V", vi = "x", en = "x",
    check = function(s, n, p) $1 end },
}
EOF
}
ldtt_form "return fail(\"$forged\")" > "$nl/rules/vn/luat-2022/forms/ldtt.lua"
cp -r "$nl/rules/vn/luat-2022" "$nl/error/vn/"
ldtt_form "error(\"$forged\", 0)" > "$nl/error/vn/luat-2022/forms/ldtt.lua"
cp -r "$nl/rules/vn/luat-2022" "$nl/load/vn/"
echo "error(\"$forged\", 0)" >> "$nl/load/vn/luat-2022/forms/ldtt.lua"
sed -i 's|^  caveats = {$|  caveats = { "one\\nN000003  Fake Person (P000003), 2024: Eligible",|' \
    "$nl/rules/vn/luat-2022/ruleset.lua"
mkdir "$nl/rules/vn/luat-2022/tests"
cat > "$nl/rules/vn/luat-2022/tests/cases.lua" <<'EOF'
case "a case whose failure quotes the detail" {
  form = "ldtt", year = 2024,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  expect = "eligible",
}
EOF
# one_line FILE: no line of the rule's own, and ⏎ where its break was.
one_line() {
    python3 - "$1" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for line in text.split("\n"):
    if line.startswith(("N000003  Fake", "    ✔ x — ok")):
        sys.exit("a line of the rule's own: %r" % line)
if "\u23ceN000003  Fake" not in text:
    sys.exit("no ⏎ where the rule's text breaks its line")
PY
}
db="$tmp/nl.db"
"$TDKT" --db "$db" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null
run --db "$db" --rules "$nl/rules" eval --dry-run --id N000001
check "e: eval: exit 0 ($(err))" test "$status" -eq 0
check "e: eval table: the detail on its criterion's line" one_line "$tmp/out"
run --db "$db" --rules "$nl/rules" eval --dry-run --id N000001 --lang en
check "e: eval table (en): the detail on its criterion's line" \
    one_line "$tmp/out"
run --db "$db" --rules "$nl/error" eval --dry-run --id N000001
check "e: eval table: the error on its line" one_line "$tmp/out"
run --db "$db" --rules "$nl/error" eval --dry-run --id N000001 --format csv
check "e: eval csv: the error kept whole in its quoted cell" \
    python3 - "$tmp/out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
if len(rows) != 1 or "no\n\nN000003  Fake" not in rows[0]["reasons"]:
    sys.exit("reasons: %r" % [r["reasons"] for r in rows])
PY
run --db "$db" --rules "$nl/error" eval --id N000001
check "e: eval (saving): exit 0 ($(err))" test "$status" -eq 0
run --db "$db" runs show 1
check "e: runs show: exit 0 ($(err))" test "$status" -eq 0
check "e: runs show: the saved error in its cell" one_line "$tmp/out"
run --db "$db" diff --from "$nl/rules" --to "$nl/error" --id N000001
check "e: diff: exit 0 ($(err))" test "$status" -eq 0
check "e: diff table: the detail and the error on their lines" \
    one_line "$tmp/out"
run --db "$db" --rules "$nl/load" eval --dry-run --id N000001
check "e: a rule set that errs as it loads: exit 1" test "$status" -eq 1
check "e: its message on stderr, on one line" one_line "$tmp/err"
run rules check "$nl/rules/vn/luat-2022"
check "e: rules check: the case fails, exit 1" test "$status" -eq 1
check "e: rules check: the failure quotes the detail on one line" \
    one_line "$tmp/err"
run rules list "$nl/rules/vn/luat-2022"
check "e: rules list SET: exit 0 ($(err))" test "$status" -eq 0
check "e: rules list SET: the caveat on its line" one_line "$tmp/out"

echo "($(($(date +%s) - t_all))s)"
echo "$passed passed, $failed failed"
test "$failed" -eq 0
