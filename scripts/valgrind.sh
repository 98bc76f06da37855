#!/usr/bin/env bash
# Memory check on request: build without sanitizers, then run every cmocka
# unit test and a small end-to-end session (import, eval, diff, runs,
# confer, report, a rejected import, rules check) under valgrind memcheck:
#
#   valgrind --tool=memcheck --leak-check=full --error-exitcode=1
#
# Any invalid read or write, use of uninitialised memory, bad free, or
# definite / indirect / possible leak fails the run. Logs, one per
# program run, go to BUILD_DIR/valgrind/; the summary names the failing
# ones, the cmocka tests that failed in them (a failing test jumps out
# before its frees, so its leaks follow from the failure), and their first
# and largest error with its stack.
#
#   scripts/valgrind.sh [BUILD_DIR]      default: build-valgrind
#   VALGRIND_UNIT=0 scripts/valgrind.sh  skip the unit tests
#   VALGRIND_CLI=0  scripts/valgrind.sh  skip the end-to-end session
#
# Exit status: 0 clean, 1 errors, leaks or failing tests found, other:
# could not build or run. Takes a few minutes (valgrind runs ~30x slower;
# rule deadlines measured in wall-clock time may then trip in the tests
# that probe them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/deps.sh
tdkt_install_deps
if ! command -v valgrind > /dev/null; then
    echo "Installing: valgrind" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
            --no-install-recommends valgrind > /dev/null
fi

dir=${1:-build-valgrind}
case "$dir" in /*) ;; *) dir="$root/$dir" ;; esac # absolute from here on
echo "== build ($dir, RelWithDebInfo, no sanitizers)"
tdkt_build "$dir" -DTDKT_SANITIZE=OFF -DBUILD_TESTING=ON -DTDKT_LUA_POOL=OFF
logs="$dir/valgrind"
rm -rf "$logs"
mkdir -p "$logs"

# shellcheck disable=SC2054  # commas inside option values
vg=(valgrind --tool=memcheck --leak-check=full --error-exitcode=1
    --errors-for-leak-kinds=definite,indirect,possible
    --show-leak-kinds=definite,indirect,possible
    --track-origins=yes --num-callers=40 --trace-children=no)
ran=0
bad=()

# vgrun NAME CMD...: one program under memcheck, its log kept as NAME.log.
# A non-zero status that is not valgrind's (the program's own failure) is
# reported too, as the test or command did not pass.
vgrun() {
    local name=$1
    shift
    local log="$logs/$name.log" rc=0
    ran=$((ran + 1))
    (cd "${wd:-$root}" && exec "${vg[@]}" --log-file="$log" "$@") \
        > "$logs/$name.out" 2>&1 || rc=$?
    local errors
    errors=$(grep -E 'ERROR SUMMARY: [0-9]+' "$log" | tail -n 1 |
             grep -oE 'SUMMARY: [0-9]+' | grep -oE '[0-9]+' || echo "?")
    if [ "$errors" != 0 ]; then
        bad+=("$name")
        printf '  %-28s %s memcheck error(s)\n' "$name" "$errors"
    elif [ "$rc" -ne "${expect_rc:-0}" ]; then
        bad+=("$name")
        printf '  %-28s exit %s (expected %s), memcheck clean\n' "$name" "$rc" "${expect_rc:-0}"
    else
        printf '  %-28s clean\n' "$name"
    fi
}

if [ "${VALGRIND_UNIT:-1}" != 0 ]; then
    echo "== unit tests under memcheck"
    for t in "$dir"/tests/test_*; do
        [ -f "$t" ] && [ -x "$t" ] || continue
        wd="$dir/tests" vgrun "unit-$(basename "$t")" "$t"
    done
fi

if [ "${VALGRIND_CLI:-1}" != 0 ]; then
    echo "== end to end under memcheck (examples/kontum-demo)"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    export TDKT_RULES="$root/rules"
    unset TDKT_DB TDKT_LANG
    tdkt=("$dir/tdkt" --db "$tmp/t.db" --threads 2)
    vgrun cli-import "${tdkt[@]}" import "$root/examples/kontum-demo"
    vgrun cli-reimport "${tdkt[@]}" import "$root/examples/kontum-demo"
    vgrun cli-eval-dry-jsonl "${tdkt[@]}" eval --dry-run --format jsonl
    vgrun cli-eval-table "${tdkt[@]}" eval --year 2024
    vgrun cli-eval-csv "${tdkt[@]}" eval --dry-run --format csv --lang en
    vgrun cli-diff "${tdkt[@]}" diff --from 2023-12-31 --to 2024-12-31
    # side A from the run eval --year 2024 saved (the same rules root)
    vgrun cli-diff-saved "${tdkt[@]}" diff --year 2024 --from "$root/rules" \
        --to 2024-12-31
    vgrun cli-runs "${tdkt[@]}" runs
    vgrun cli-runs-show "${tdkt[@]}" runs show 1
    vgrun cli-confer "${tdkt[@]}" confer --run 1 --decision-no 1/QĐ-UBND --date 2025-01-15
    vgrun cli-report "${tdkt[@]}" report --year 2024
    vgrun cli-report-xlsx "${tdkt[@]}" report --year 2024 --format xlsx --out "$tmp/r.xlsx"
    vgrun cli-rules-check "$dir/tdkt" rules check "$root/rules/kontum/qd56-2024"
    expect_rc=1 vgrun cli-rules-check-broken "$dir/tdkt" rules check \
        "$root/tests/fixtures/rules/errors/duplicate-id/e/set"
    mkdir -p "$tmp/big"
    { printf 'id,full_name,unit_id,is_leader\nP1,'
      head -c 2000000 /dev/zero | tr '\0' A
      printf ',U0001,0\n'; } > "$tmp/big/people.csv"
    expect_rc=1 vgrun cli-import-huge-field "${tdkt[@]}" import "$tmp/big"
    printf 'id,name,kind\nU1,,agency\nU2,X,nowhere\n' > "$tmp/units.csv"
    expect_rc=1 vgrun cli-import-rejected "${tdkt[@]}" import "$tmp/units.csv"
    expect_rc=1 vgrun cli-no-database "$dir/tdkt" --db "$tmp/none.db" eval --dry-run
    expect_rc=2 vgrun cli-usage "${tdkt[@]}" eval --bogus
fi

echo "== summary: $ran program runs, ${#bad[@]} with problems (logs: $logs)"
errpat='^==[0-9]+== (Invalid|Conditional|Use of|Mismatched|Source and|Syscall param|.* are definitely|.* are indirectly|.* are possibly)'
for n in "${bad[@]}"; do
    echo "---- $n"
    # A failing cmocka test jumps out of its function, so what it had not
    # freed yet shows as leaks: name the failures first.
    grep -E '^\[  FAILED  \] [a-z]' "$logs/$n.out" 2>/dev/null | sort -u || true
    if [ -e "$logs/$n.log" ] && grep -qE "$errpat" "$logs/$n.log"; then
        grep -E 'ERROR SUMMARY|definitely lost:|indirectly lost:|possibly lost:' "$logs/$n.log" | sed 's/^==[0-9]*== *//'
        # The first error or leak record and the last (the largest leak),
        # each with its stack.
        awk -v pat="$errpat" '$0 ~ pat { n++; buf = ""; p = 1 }
             p && /^==[0-9]+== $/ { p = 0; if (n == 1) first = buf; last = buf }
             p { buf = buf $0 "\n" }
             END { printf "%s", first; if (last != first) printf "...\n%s", last }' \
            "$logs/$n.log" | sed 's/^==[0-9]*==//'
    else
        tail -n 15 "$logs/$n.out"
    fi
done
[ ${#bad[@]} -eq 0 ]
