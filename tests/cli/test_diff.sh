#!/usr/bin/env bash
# tdkt diff on the example province: what --set takes, and the order of
# the two sides' reasons in the table.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TDKT_DB="$tmp/t.db" TDKT_RULES="$TDKT_SOURCE_DIR/rules"
R=$TDKT_RULES
. "$(dirname "$0")/lib.sh"

"$TDKT" import "$TDKT_SOURCE_DIR/examples/kontum-demo" > /dev/null

# --set names a parameter of a rule set that judges side B, or is
# refused as an unknown name is: bk_ttg.years is regime A's (NĐ 91/2017),
# and regime B is in force on 2024-12-31.
for to in 2024-12-31 "$R" "$R/vn/luat-2022" "$R@2024-12-31"; do
    run diff --from 2024-12-31 --to "$to" --set bk_ttg.years=4
    check "--to $to --set of regime A's parameter: exit 2 (got $status)" test $status -eq 2
    check "... no parameter, with the near names" \
        grep -q "không có tham số 'bk_ttg.years'; tên gần giống: .*bk_ttg.good_years" "$tmp/err"
    check "... nothing printed" test ! -s "$tmp/out"
done
check "... naming the sets that have it" grep -q "chỉ có trong .*vn/nd91-2017" "$tmp/err"
run --rules "$R" diff --from 2024-12-31 --to 2024-12-31 --set bk_ttg.years=4
check "--rules ROOT with dates: the same (got $status)" test $status -eq 2
run --lang en diff --from 2024-12-31 --to 2024-12-31 --set bk_ttg.years=4
check "in English: exit 2" test $status -eq 2
check "... said in English" \
    grep -q "no parameter 'bk_ttg.years'; near names: .*(a parameter of .*vn/nd91-2017, not of a rule set judging these nominations)" "$tmp/err"
# Side B under regime A: its parameter is taken.
run diff --from 2024-12-31 --to 2020-12-31 --set bk_ttg.years=4 --format jsonl
check "a parameter of the set judging side B is taken (got $status)" test $status -eq 0
# eval takes no --set at all.
run eval --dry-run --set bk_ttg.years=4
check "eval --set: a usage error" test $status -eq 2

# The example of diff --help works: against the set in force, it is taken
# and changes something.
for lang in vi en; do
    set=$("$TDKT" --lang $lang diff --help | grep -o -- '--set [a-z_.]*=[^ ]*' | head -1)
    check "diff --help ($lang) gives an example of --set" test -n "$set"
    run diff --from 2024-12-31 --to 2024-12-31 $set --format jsonl
    check "... '$set' is taken against regime B (got $status)" test $status -eq 0
    check "... and changes a nomination" \
        bash -c "! grep -q '^{\"summary\":\"total\",\"nominations\":\([0-9]*\),\"same\":\1,' '$tmp/out'"
done

# The table gives side A's message and reasons, then side B's: within a
# nomination, no "before:" line after an "after:" line (N000150 and
# N000013 have reasons on side A and a quota's message on side B, which
# used to come first).
# before_after FILE BEFORE AFTER: fails, printing the first few, when a
# BEFORE line follows an AFTER line of the same nomination.
before_after() {
    awk -v b="    $2" -v a="    $3" '
        /^$/ { seen = 0 }
        index($0, a) == 1 { seen = 1 }
        index($0, b) == 1 && seen { if (bad++ < 3) print }
        END { exit bad > 0 }' "$1"
}
"$TDKT" diff --from 2024-12-31 --to 2023-12-31 --id N000150 --id N000013 > "$tmp/ab.txt"
check "diff table: two nominations with reasons on both sides" \
    test "$(grep -c '^    trước: ' "$tmp/ab.txt")" -ge 2
check "... side A's lines before side B's" before_after "$tmp/ab.txt" "trước:" "sau:"
"$TDKT" diff --from 2024-12-31 --to 2023-12-31 > "$tmp/ab.txt"
check "... for every nomination of the change of regime" \
    before_after "$tmp/ab.txt" "trước:" "sau:"
"$TDKT" --lang en diff --from 2024-12-31 --to 2023-12-31 > "$tmp/ab.txt"
check "... in English too" before_after "$tmp/ab.txt" "before:" "after:"

# The table is for people: a reason names its criterion by its words in
# the language asked, as eval's table does; the ids are for jsonl and csv.
# by_words FILE: fails, printing the first few, on a reason by id.
by_words() {
    ! grep -E -m 3 '^    (trước|sau|before|after): +(✔|✘|\?) [a-z][a-z0-9_]* — ' "$1"
}
"$TDKT" diff --from 2024-12-31 --to 2023-12-31 > "$tmp/ab.txt"
check "diff table: each reason by its criterion's words" by_words "$tmp/ab.txt"
check "... N000002's under Luật 2022, then NĐ 91/2017" grep -qzF \
    "    trước: ✔ Đạt một trong các thành tích của khoản 2 Điều 23 — đạt theo: Hoàn thành xuất sắc nhiệm vụ
    sau:   ✘ Có sáng kiến được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã nghiệm thu được áp dụng, hoặc mưu trí, sáng tạo trong chiến đấu được đơn vị công nhận — 0 sáng kiến, cần 1" \
    "$tmp/ab.txt"
"$TDKT" --lang en diff --from 2024-12-31 --to 2023-12-31 > "$tmp/ab.txt"
check "... in English too" by_words "$tmp/ab.txt"
check "... N000002's in English" grep -qzF \
    "    before: ✔ One of the achievements of Article 23(2) — met by: Excellent rating
    after:  ✘ Has an initiative recognised by the unit, or an accepted and applied research project, or recognised combat ingenuity — 0 initiatives, needs 1" \
    "$tmp/ab.txt"

# One set on both sides (a parameter changed): the table names the
# criteria that changed, from what to what, not each side's reasons.
run diff --from 2024-12-31 --to 2024-12-31 --set cstd_cs.initiatives=2 --id N000076
check "diff of a parameter: exit 0 (got $status)" test $status -eq 0
check "... the criterion that changed, by its words, before and after" \
    grep -qF "    Có sáng kiến được cơ sở công nhận, hoặc đề tài, đề án, công trình khoa học và công nghệ đã được nghiệm thu, hoặc mưu trí, sáng tạo trong chiến đấu được đơn vị công nhận: ✔ 1 sáng kiến (SK00039) → ✘ 1 sáng kiến (SK00039), cần 2" "$tmp/out"
check "... not each side's reasons" bash -c "! grep -q '^    trước: ' '$tmp/out'"

# tdkt diff judges both sides quietly (no details), then judges again in
# full the criteria whose details it prints: every format, language and
# choice prints the bytes the diff judged in full prints (TDKT_QUIET=off).
same_as_full() {
    local out=$tmp/quiet.txt full=$tmp/full.txt
    "$TDKT" "$@" > "$out" 2> "$tmp/quiet.err" || return 1
    TDKT_QUIET=off "$TDKT" "$@" > "$full" 2> "$tmp/full.err" || return 1
    cmp -s "$out" "$full" && cmp -s "$tmp/quiet.err" "$tmp/full.err" &&
        test -s "$out"
}
for fmt in table jsonl csv; do
    for lang in vi en; do
        check "quiet diff = full diff: regime change, $fmt, $lang" \
            same_as_full --lang $lang diff --from 2024-12-31 --to 2023-12-31 \
                --format $fmt --fresh
    done
    check "quiet diff = full diff: a parameter, $fmt" \
        same_as_full diff --from 2024-12-31 --to 2024-12-31 \
            --set cstd_cs.initiatives=2 --format $fmt
    check "quiet diff = full diff: B to A, --only lost, 1 thread, $fmt" \
        same_as_full --threads 1 diff --from 2023-12-31 --to 2024-12-31 \
            --only lost --only review --format $fmt
done
check "quiet diff = full diff: Kon Tum's amendment" \
    same_as_full diff --from "$R/kontum/qd29-2018" --to "$R/kontum/qd56-2024"
"$TDKT" eval --year 2024 --rules "$R/vn/nd91-2017" > /dev/null
check "quiet diff = full diff: side A from a saved run" \
    same_as_full diff --from "$R/vn/nd91-2017" --to 2024-12-31 --year 2024
check "... which it took" grep -q "lấy lại" "$tmp/quiet.err"

# A criterion whose result depends on its detail cannot be judged quietly:
# the diff says which, where, and prints nothing; rules check finds it in
# the set's own cases first.
mkdir -p "$tmp/r/vn" && cp -r "$R/vn/luat-2022" "$tmp/r/vn/"
python3 - "$tmp/r/vn/luat-2022/forms/ldtt.lua" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = 'return lib.fact_not(s, "under_review", n.year)'
assert s.count(old) == 1
s = s.replace(old, 'local ok, d = lib.fact_not(s, "under_review", n.year)\n'
              '      if d == nil then return fail("x") end\n      return ok, d')
open(p, "w").write(s)
PY
run diff --from 2024-12-31 --to "$tmp/r/vn/luat-2022"
check "a result that depends on its detail: the diff fails (got $status)" \
    test $status -eq 1
check "... naming the criterion and its file" \
    grep -q "ldtt.lua:[0-9]*: tiêu chí 'not_under_review' (đề nghị N[0-9]*) cho kết quả fail khi xét không kèm giải thích, pass khi có" "$tmp/err"
check "... printing nothing" test ! -s "$tmp/out"
run rules check "$tmp/r/vn/luat-2022"
check "rules check finds it (got $status)" test $status -eq 1
check "... with the criterion" grep -q "ldtt.lua:[0-9]*: tiêu chí 'not_under_review' (đề nghị CASE) cho kết quả fail khi xét không kèm giải thích" "$tmp/out" "$tmp/err"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
