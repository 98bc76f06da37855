#!/usr/bin/env bash
# The README's main command on a fresh clone: scripts/demo.sh builds and
# runs the whole job (import, eval, diff, confer, report) from nothing.
# (scripts/test.sh is not run here: it runs this very suite.)
set -euo pipefail
: "${TDKT_SOURCE_DIR:?}"
if ! git -C "$TDKT_SOURCE_DIR" rev-parse HEAD > /dev/null 2>&1; then
    echo "not a git checkout: skipped"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet "$TDKT_SOURCE_DIR" "$tmp/repo"
passed=0 failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what" >&2; fi; }
rc=0
( cd "$tmp/repo" && TDKT_DB= TDKT_RULES= bash scripts/demo.sh ) > "$tmp/demo.out" 2>&1 || rc=$?
check "demo.sh exits 0" test $rc -eq 0
check "demo imported the example" grep -q "nominations" "$tmp/demo.out"
check "demo judged the nominations" grep -q "Tổng hợp" "$tmp/demo.out"
check "demo ran the dry-run" grep -q "Thêm đủ ĐK" "$tmp/demo.out"
check "demo conferred" grep -q "Đã ghi" "$tmp/demo.out"
check "demo printed the annual table" grep -q "Bằng khen" "$tmp/demo.out"
[ "$failed" -eq 0 ] || tail -40 "$tmp/demo.out" >&2
echo "$passed passed, $failed failed"
test "$failed" -eq 0
