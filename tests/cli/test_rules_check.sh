#!/usr/bin/env bash
# `tdkt rules check` as a provincial officer uses it on a set of their
# own: what it says, in which language. The rule sets are written here,
# in a scratch rules root.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
unset TDKT_RULES

# manifest DIR ID FROM [TO] [EXTENDS]: a ruleset.lua for set ID in DIR.
manifest() {
    mkdir -p "$1/forms" "$1/tests"
    {
        echo "ruleset {"
        echo "  id = \"$2\", title = \"Thử $2\", basis = \"Tests\","
        echo "  effective_from = \"$3\","
        [ -z "${4:-}" ] || echo "  effective_to = \"$4\","
        [ -z "${5:-}" ] || echo "  extends = \"$5\","
        echo "}"
    } > "$1/ruleset.lua"
}

# --- Messages in Vietnamese have no English words left.
R="$tmp/vi"
manifest "$R/t/set" t/set 2020-01-01
cat > "$R/t/set/forms/ldtt.lua" <<'EOF'
form "ldtt" {
  name = { vi = "Lao động tiên tiến", en = "Advanced Worker" },
  basis = "Tests", kinds = { "merit" },
  criterion "rated" { basis = "Tests", status = "V", vi = "Đánh giá", en = "Rated",
    check = function(s, n, p) return pass() end },
  criterion "cs" { basis = "Tests", status = "V", vi = "CSTĐCS", en = "CSTĐCS",
    check = function(s, n, p)
      if n:fact("meets") then return meets("cstd_cs", s, n) and pass() or fail() end
      if n:fact("setmeta") then setmetatable({}, 5) end
      return pass()
    end },
}
EOF
cat > "$R/t/set/tests/a_cases.lua" <<'EOF'
-- A kind the form does not judge: its criteria are not judged.
case "thematic: a kind the form leaves to a person" {
  form = "ldtt", year = 2021, kind = "thematic",
  expect = "review", criteria = { rated = "pass" },
}
case "meets a form the set does not have" {
  form = "ldtt", year = 2021,
  facts = { { subject_type = "nomination", subject_id = "CASE", key = "meets", value = "1" } },
  expect = "eligible",
}
case "setmetatable with a number" {
  form = "ldtt", year = 2021,
  facts = { { subject_type = "nomination", subject_id = "CASE", key = "setmeta", value = "1" } },
  expect = "eligible",
}
-- The same judged in English.
for _, fact in ipairs { "meets", "setmeta" } do
  case(fact .. " in English") {
    form = "ldtt", year = 2021, lang = "en",
    facts = { { subject_type = "nomination", subject_id = "CASE", key = fact, value = "1" } },
    expect = "eligible",
  }
end
EOF
printf 'case "unclosed" {\n  form = "ldtt", year = 2021\n' > "$R/t/set/tests/b_syntax.lua"
run rules check "$R/t/set"
check "a failing check exits 1 (got $status)" test "$status" -eq 1
check "an unjudged criterion is said in Vietnamese ($(grep -o 'tiêu chí rated[^;]*' "$tmp/err"))" \
    grep -q "tiêu chí rated: mong đợi pass, nhận được không được xét$" "$tmp/err"
check "... no 'not judged' left" bash -c "! grep -q 'not judged' '$tmp/err'"
check "meets() of a missing form, in Vietnamese" \
    grep -q "meets: bộ quy tắc t/set không có hình thức 'cstd_cs' cho cá nhân" "$tmp/err"
check "a bad argument to setmetatable, in Vietnamese" \
    grep -q "cần nil hoặc table, nhận được number" "$tmp/err"
check "a test file that does not load: Lua's message in Vietnamese" \
    grep -q "b_syntax.lua:3: thiếu '}' (để đóng '{' ở dòng 1) ở cuối tệp" "$tmp/err"
run --lang en rules check "$R/t/set"
check "... and in English with --lang en" grep -q "criterion rated: expected pass, got not judged" "$tmp/err"
check "... meets() in English" grep -q "meets: rule set t/set has no form 'cstd_cs' for a person" "$tmp/err"
check "... setmetatable in English" grep -q "nil or table expected, got number" "$tmp/err"
check "... Lua's message as Lua says it" grep -q "'}' expected (to close '{' at line 1) near <eof>" "$tmp/err"

# --- The dates of a set are checked against its siblings' (the sets of
# its jurisdiction in its rules root, among which eval chooses by date),
# not only when the whole root is checked.
R="$tmp/sib"
manifest "$R/vn/base" vn/base 2020-01-01
cat > "$R/vn/base/forms/ldtt.lua" <<'EOF'
form "ldtt" {
  name = { vi = "Lao động tiên tiến", en = "Advanced Worker" }, basis = "Tests",
  criterion "rated" { basis = "Tests", status = "V", vi = "Đánh giá", en = "Rated",
    check = function(s, n, p) return pass() end },
}
EOF
manifest "$R/kt/a" kt/a 2021-01-01 "" vn/base
manifest "$R/kt/b" kt/b 2022-06-01 "" vn/base
for set in a b; do
  echo 'case "ldtt" { form = "ldtt", year = 2023, expect = "eligible" }' > "$R/kt/$set/tests/cases.lua"
done
run rules check "$R/kt/a"
check "a set whose dates overlap a sibling's fails its check (exit $status)" test "$status" -eq 1
check "... naming both files and their dates ($(cat "$tmp/err"))" \
    grep -qF "$R/kt/a/ruleset.lua:3: có hiệu lực từ 2021-01-01 (không thời hạn), trùng ngày với kt/b ($R/kt/b/ruleset.lua:3, từ 2022-06-01 (không thời hạn))" "$tmp/err"
check "... counted as a failure beside its cases" grep -q "Cộng: 1 ca đạt, 1 ca không đạt" "$tmp/out"
run rules check "$R/kt/b"
check "the sibling's check names itself first" \
    grep -qF "$R/kt/b/ruleset.lua:3: có hiệu lực từ 2022-06-01 (không thời hạn), trùng ngày với kt/a ($R/kt/a/ruleset.lua:3," "$tmp/err"
run rules check "$R"
check "the whole root refuses it too (exit $status)" test "$status" -eq 1
check "... in the same words" grep -qF "$R/kt/b/ruleset.lua:3: có hiệu lực từ 2022-06-01" "$tmp/err"
# An amendment extends the set it amends: it may overlap it, and then
# checks clean.
manifest "$R/kt/b" kt/b 2022-06-01 "" kt/a
run rules check "$R/kt/b"
check "an amendment that extends the set it overlaps passes (exit $status)" test "$status" -eq 0
# A sibling that does not load stops eval by date over the root: said.
manifest "$R/kt/c" kt/c 2030-01-01 "" kt/nowhere
run rules check "$R/kt/a"
check "a sibling that does not load fails the check (exit $status)" test "$status" -eq 1
check "... saying why" grep -qF "$R/kt: các bộ quy tắc cùng phạm vi áp dụng không nạp được: $R/kt/c/ruleset.lua:4: extends: không có bộ quy tắc 'kt/nowhere'" "$tmp/err"
rm -r "${R:?}/kt/c"

# --- A set written outside the rules root finds its parent there: in
# the folder tree that holds it first, then under --rules, then under
# $TDKT_RULES (else the installed rules/).
M="$tmp/mine"
manifest "$M/kt/new" kt/new 2030-01-01 "" kt/b
echo 'case "ldtt" { form = "ldtt", year = 2031, expect = "eligible" }' > "$M/kt/new/tests/cases.lua"
run rules check "$M/kt/new"
check "a parent in no root searched: exit 1 (got $status)" test "$status" -eq 1
check "... naming every folder looked in ($(cat "$tmp/err"))" \
    grep -qF "$M/kt/new/ruleset.lua:4: extends: không có bộ quy tắc 'kt/b' (đã tìm trong $M, " "$tmp/err"
run --rules "$R" rules check "$M/kt/new"
check "--rules ROOT holds the parent: the set checks (exit $status)" test "$status" -eq 0
check "... and its case is judged by the parent's forms" grep -q "Cộng: 1 ca đạt, 0 ca không đạt" "$tmp/out"
status=0
TDKT_RULES="$R" "$TDKT" rules check "$M/kt/new" > "$tmp/out" 2> "$tmp/err" || status=$?
check "\$TDKT_RULES holds the parent: the set checks (exit $status)" test "$status" -eq 0
run --rules "$R" rules list "$M/kt/new"
check "rules list shows the parent found there" grep -q "Kế thừa: kt/b" "$tmp/out"
# The folder tree that holds the set comes first: a parent there wins.
manifest "$M/kt/b" kt/b 2022-06-01 "" nowhere/x
run --rules "$R" rules check "$M/kt/new"
check "a parent in the set's own tree comes first (exit $status)" test "$status" -eq 1
check "... and is the one loaded" grep -qF "$M/kt/b/ruleset.lua:4: extends: không có bộ quy tắc 'nowhere/x'" "$tmp/err"
rm -r "${M:?}/kt/b"
# The shipped rules are the last place looked in, with no option at all.
manifest "$M/kontum/new" kontum/new 2030-01-01 "" kontum/qd56-2024
run rules check "$M/kontum/new"
check "a set extending a shipped set needs no option (exit $status: $(cat "$tmp/err"))" test "$status" -eq 0

# --- What rules/README.md says an amend does: it replaces a route whole,
# which adds a criterion inside it; it adds nothing at the top level.
R="$tmp/amend"
mkdir -p "$R/t"
cp -r "$TDKT_FIXTURES/rules/basic/t/base" "$R/t/"
manifest "$R/t/c" t/c 2022-01-01 "" t/base
cat > "$R/t/c/forms/cstd_cs.lua" <<'EOF'
amend "cstd_cs" {
  route "by_rating" {
    vi = "Hoàn thành xuất sắc và học tập", en = "Excellent, and studies",
    criterion "excellent" {
      basis = "Fixture Điều 2, khoản 2, điểm b", status = "V-en",
      vi = "Hoàn thành xuất sắc nhiệm vụ", en = "Rated excellent",
      check = function(s, n, p) return lib.consecutive(s, "excellent", n.year, 1) end,
    },
    criterion "studies" {
      basis = "Tests", status = "V", vi = "Học tập", en = "Studies",
      check = function(s, n, p) return lib.fact_true(s, "studies", n.year) end,
    },
  },
}
EOF
cat > "$R/t/c/tests/cases.lua" <<'EOF'
case "the route replaced judges the criterion it added" {
  form = "cstd_cs", year = 2022,
  appraisals = { { year = 2022, rating = "excellent" } },
  expect = "review", criteria = { excellent = "pass", studies = "unknown" },
}
EOF
run rules check "$R/t/c"
check "an amend replacing a route adds the criteria inside it (exit $status: $(cat "$tmp/err"))" test "$status" -eq 0
cat > "$R/t/c/forms/cstd_cs.lua" <<'EOF'
amend "cstd_cs" {
  criterion "studies" {
    basis = "Tests", status = "V", vi = "Học tập", en = "Studies",
    check = function(s, n, p) return lib.fact_true(s, "studies", n.year) end,
  },
}
EOF
run rules check "$R/t/c"
check "... not beside the others: refused, saying what to do" \
    grep -q "forms/cstd_cs.lua:2: amend 'cstd_cs': hình thức không có mục 'studies' để thay thế (amend thay các mục theo id, không thêm mục mới: muốn thêm, hãy đưa cả hình thức vào bộ quy tắc; xem rules/README.md)" "$tmp/err"

# --- rules/README.md tells every field a case may have: the list
# `rules check` gives for a misspelt one.
R="$tmp/fields"
manifest "$R/t/set" t/set 2020-01-01
cp "$tmp/vi/t/set/forms/ldtt.lua" "$R/t/set/forms/"
echo 'case "misspelt" { form = "ldtt", year = 2021, expcet = "eligible" }' > "$R/t/set/tests/cases.lua"
run --lang en rules check "$R/t/set"
fields=$(sed -n "s/.*no field 'expcet' (the fields: \(.*\))$/\1/p" "$tmp/err" | tr -d ',')
check "the misspelt field is refused, listing the fields ($(cat "$tmp/err"))" test -n "$fields"
cases_doc=$(sed -n '/^## Test cases/,/^## /p' "$TDKT_SOURCE_DIR/rules/README.md")
for f in $fields; do
  check "rules/README.md's test cases tell the field '$f'" grep -qF "\`$f\`" <<< "$cases_doc"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
