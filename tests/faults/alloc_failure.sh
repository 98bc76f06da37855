#!/usr/bin/env bash
# Allocation failure: with tests/faults/libfailmalloc.so preloaded, fail the
# Nth allocation (in the core, SQLite, the C library and the Lua allocator)
# of `tdkt import` and of `tdkt eval --dry-run`, then of `eval` saving,
# `diff`, `runs show`, `report`, `confer` and `rules check`, for N across
# every allocation a clean run makes (K), and check that each run ends
# cleanly:
#   - exit 0 or 1, never a signal or another status, never a Lua panic;
#   - exit 1: stderr is one line "tdkt: …" that says memory ran out (a
#     message that blames the data or the rules instead is a failure);
#   - import, exit 1: the database is as it was (sqlite3 .dump);
#   - import, exit 0: the database holds the whole import, as a clean run;
#   - eval, exit 0: the output is the clean run's (the host running out
#     of memory fails the command; it never becomes a nomination's error
#     outcome or a detail silently left empty);
#   - eval saving and confer, exit 1: the database is as it was; exit 0:
#     it holds what a clean run writes;
#   - diff, runs show, report, rules check, exit 0: the clean run's
#     output;
#   - under an ASan build (TDKT_SANITIZE=ON): no ASan, UBSan or leak report.
# The dataset is tests/faults/data (a handful of rows of every table), the
# rule set tests/fixtures/rules/basic/t/base.
#
# In ctest as faults/alloc_failure (tests/faults/CMakeLists.txt sets the
# budget, shorter under the sanitizers).
#
# Which N: K is a few thousand per command, too many to run each within
# the time allowed, so import and eval --dry-run get TDKT_ALLOC_BUDGET
# seconds each (default 24), the others half as much
# (TDKT_ALLOC_BUDGET_MORE): first ~100 N spread over 1..K and 20 "sticky"
# runs (every allocation from the Nth on fails, as when memory is really
# exhausted),
# then the last 64 N (output, commit) one by one and sticky, then N =
# 1..300 one by one, then more spread over the rest, until the time is up.
# TDKT_ALLOC_FULL=1 runs every N from 1 to K with no time limit (minutes);
# TDKT_ALLOC_SHOW=N prints the first N failures (default 25).
#
# Environment (set by CTest): TDKT the binary, TDKT_SOURCE_DIR the sources.
set -uo pipefail
: "${TDKT:?set TDKT to the tdkt binary}"
: "${TDKT_SOURCE_DIR:?set TDKT_SOURCE_DIR to the source tree}"
build=$(cd "$(dirname "$TDKT")" && pwd)
shim=$build/tests/faults/libfailmalloc.so
data=$TDKT_SOURCE_DIR/tests/faults/data
rules=$TDKT_SOURCE_DIR/tests/fixtures/rules/basic/t/base
budget=${TDKT_ALLOC_BUDGET:-24}
full=${TDKT_ALLOC_FULL:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset TDKT_DB TDKT_LANG TDKT_RULES TDKT_FAIL_AT TDKT_FAIL_STICKY \
      TDKT_FAIL_COUNT TDKT_FAIL_TRACE

passed=0
failed=0
skipped=0
shown=0
show=${TDKT_ALLOC_SHOW:-25} # failures printed in full
fail() {
    failed=$((failed + 1))
    shown=$((shown + 1))
    if [ "$shown" -le "$show" ]; then
        echo "FAIL: $*" >&2
    elif [ "$shown" -eq $((show + 1)) ]; then
        echo "(further failures counted, not shown)" >&2
    fi
}

if [ ! -f "$shim" ]; then
    echo "FAIL: $shim is not built (tests/faults)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# Under ASan, the shim passes allocations on to ASan's malloc; ASan must
# accept a preloaded library ahead of it, and its reports must not look
# like a clean "exit 1".
asan=0
# (grep without -q: an early exit would make ldd fail under pipefail)
if ldd "$TDKT" 2>/dev/null | grep libasan >/dev/null ||
    nm -D "$TDKT" 2>/dev/null | grep __asan_init >/dev/null; then
    asan=1
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=1:abort_on_error=0:exitcode=86"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"
fi

now_ms() { date +%s%3N; }
# The store's content without the index image's token: a cache that the
# import and any command loading the records may write (index/image.c);
# and with a confer's time of day blanked (the confer log keeps when).
dump_hash() {
    sqlite3 "$1" .dump </dev/null 2>/dev/null |
        grep -v '^INSERT INTO index_image' |
        sed -E "s/^(INSERT INTO conferrals VALUES\([0-9]+,)'[^']*'/\1'AT'/" |
        cksum | cut -d' ' -f1
}
# What a message about running out of memory says.
memory_msg='memory|Cannot allocate|cannot create a Lua state'

# faulted N [sticky] -- ARGS...: run tdkt with allocation N failing.
faulted() {
    local n=$1 sticky=$2
    shift 3
    rc=0
    env LD_PRELOAD="$shim" TDKT_FAIL_AT="$n" TDKT_FAIL_STICKY="$sticky" \
        "$TDKT" "$@" </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# A crash: say where, with gdb when there is one (not needed under ASan,
# which prints its own stack).
crash_stack() {
    local n=$1 sticky=$2
    shift 3
    if [ "$asan" = 1 ]; then
        grep -E '^ +#[0-9]+ ' "$tmp/err" | head -8 | sed 's/^/    /' >&2
    elif command -v gdb >/dev/null && [ "$shown" -le 6 ]; then
        gdb -q -batch -ex "set environment LD_PRELOAD=$shim" \
            -ex "set environment TDKT_FAIL_AT=$n" \
            -ex "set environment TDKT_FAIL_STICKY=$sticky" \
            -ex run -ex bt --args "$TDKT" "$@" </dev/null 2>&1 |
            grep -E '^#' >"$tmp/bt"
        # tdkt's own frames (the C library's and Lua's say little)
        { grep -E ' at /.*/(src|tests)/' "$tmp/bt" || head -8 "$tmp/bt"; } |
            head -8 | sed 's/^/    /' >&2
    fi
}

# check_run WHAT N STICKY: the common assertions on the last run.
# Sets ok=1 when they hold.
check_run() {
    local what=$1 n=$2 sticky=$3 tag="$1 N=$2"
    [ "$sticky" = 1 ] && tag="$tag (sticky)"
    ok=0
    # ASan's own bookkeeping of a new thread (pthread_getattr_np) allocates
    # through the C library, so the shim can fail it, and ASan then stops
    # the process on an internal CHECK: the failure is ASan's, not tdkt's
    # (a plain build is not affected). Such a run proves nothing either way.
    if [ "$asan" = 1 ] &&
        grep -qE 'CHECK failed:.*pthread_getattr_np' "$tmp/err"; then
        skipped=$((skipped + 1))
        return
    fi
    if [ "$asan" = 1 ] &&
        grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$tmp/err"; then
        fail "$tag: sanitizer report (exit $rc): $(grep -m1 -E 'ERROR: |runtime error:' "$tmp/err")"
        crash_stack "$n" "$sticky" -- "${args[@]}"
        return
    fi
    if grep -qi 'panic' "$tmp/err"; then
        fail "$tag: Lua panic (exit $rc): $(grep -m1 -i panic "$tmp/err")"
        return
    fi
    if [ "$rc" -gt 128 ]; then
        fail "$tag: killed by signal $((rc - 128)) ($(kill -l $((rc - 128)) 2>/dev/null))"
        crash_stack "$n" "$sticky" -- "${args[@]}"
        return
    fi
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        fail "$tag: exit $rc: $(head -c 200 "$tmp/err")"
        return
    fi
    if [ "$rc" -eq 1 ]; then
        if [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q '^tdkt: ' "$tmp/err"; then
            fail "$tag: exit 1 without a one-line 'tdkt: …' message: $(head -c 200 "$tmp/err" | tr '\n' '|')"
            return
        fi
        if ! grep -qiE "$memory_msg" "$tmp/err"; then
            fail "$tag: exit 1 with a misleading message: $(head -c 200 "$tmp/err")"
            return
        fi
    fi
    ok=1
}

# on_copy SRC WHAT N STICKY -- ARGS...: check_run of tdkt ARGS (which name
# $tmp/t.db) on a fresh copy of the database SRC, allocation N failing.
on_copy() {
    local src=$1 what=$2 n=$3 sticky=$4
    shift 5
    cp "$src" "$tmp/t.db"
    rm -f "$tmp/t.db-wal" "$tmp/t.db-shm" "$tmp/t.db-index"
    # with its index image, if it has one (valid for the copy: the token
    # in the store is copied with it)
    [ ! -f "$src-index" ] || cp "$src-index" "$tmp/t.db-index"
    args=("$@")
    faulted "$n" "$sticky" -- "${args[@]}"
    check_run "$what" "$n" "$sticky"
}

# The N to run for a command whose clean run made K allocations, in the
# order described above; sticky runs are written "sN".
plan() {
    local k=$1 i n step
    declare -A seen=()
    emit() { [ -z "${seen[$1]:-}" ] && [ "${1#s}" -ge 1 ] && [ "${1#s}" -le "$k" ] &&
        { seen[$1]=1; echo "$1"; }; }
    if [ "$full" = 1 ]; then
        seq 1 "$k"
        return
    fi
    for i in $(seq 0 99); do emit $((1 + i * k / 100)); done
    for i in $(seq 0 19); do emit "s$((1 + i * k / 20))"; done
    # The last allocations are the output and the commit, where a lost
    # row or a half-written result would show: each of them.
    for n in $(seq $((k - 63)) "$k"); do emit "$n"; done
    for n in 63 31 15 7 3; do emit "s$((k - n))"; done
    for n in $(seq 1 300); do emit "$n"; done
    for step in 64 32 16 8 4 2 1; do # ever finer passes over the rest
        for ((n = 301; n <= k; n += step)); do emit "$n"; done
    done
}

# sweep WHAT CHECKER ARGS...: every planned N until the budget is spent.
sweep() {
    local what=$1 checker=$2 k start deadline runs=0 item n sticky
    shift 2
    args=("$@")
    k=$(sed -n 's/^failmalloc: \([0-9]*\) allocations$/\1/p' "$tmp/count.$what" | tail -1)
    if [ -z "$k" ] || [ "$k" -lt 1 ]; then
        fail "$what: the clean run's allocations were not counted"
        return
    fi
    start=$(now_ms)
    deadline=$((start + budget * 1000))
    local first_fail=$failed
    while read -r item; do
        if [ "$full" != 1 ] && [ "$(now_ms)" -ge "$deadline" ]; then
            break
        fi
        sticky=0
        n=$item
        if [ "${item#s}" != "$item" ]; then
            sticky=1
            n=${item#s}
        fi
        "$checker" "$n" "$sticky"
        runs=$((runs + 1))
    done < <(plan "$k")
    echo "$what: K=$k allocations; $runs runs in $((($(now_ms) - start) / 1000)) s;" \
         "$((failed - first_fail)) failed"
}

# ---- the data -------------------------------------------------------------

base=$tmp/base.db
if ! "$TDKT" --db "$base" import "$data/base" >/dev/null 2>"$tmp/err"; then
    fail "importing tests/faults/data/base: $(cat "$tmp/err")"
    echo "$passed passed, $failed failed"
    exit 1
fi
base_hash=$(dump_hash "$base")

# A clean run of "$@" under the shim, counted as $1; its output in
# $tmp/$1.clean.
clean_run() {
    local what=$1
    shift
    env LD_PRELOAD="$shim" TDKT_FAIL_COUNT="$tmp/count.$what" \
        "$TDKT" "$@" >"$tmp/$what.clean" 2>"$tmp/err" ||
        fail "clean $what failed: $(head -c 300 "$tmp/err")"
}

# Clean runs under the shim: the allocation counts, and the results to
# compare with.
cp "$base" "$tmp/full.db"
clean_run import --db "$tmp/full.db" import "$data/update"
full_hash=$(dump_hash "$tmp/full.db")
[ "$full_hash" != "$base_hash" ] || fail "the clean import changed nothing"

eval_args=(--db "$tmp/full.db" --threads 1 eval --dry-run --rules "$rules")
# The import wrote the index image; the faulted runs find it there. Load
# once more all the same (a no-op when the image is there), so that the
# count (and the last allocations, the output, that the sweep aims at)
# are theirs whatever the import managed.
"$TDKT" "${eval_args[@]}" >/dev/null 2>&1
clean_run eval "${eval_args[@]}"
grep -q 'N1 ' "$tmp/eval.clean" || fail "clean eval judged nothing"

# ---- import ---------------------------------------------------------------

check_import() {
    local n=$1 sticky=$2
    on_copy "$base" import "$n" "$sticky" -- --db "$tmp/t.db" import "$data/update"
    [ "$ok" = 1 ] || return
    local h
    h=$(dump_hash "$tmp/t.db")
    if [ "$rc" -eq 1 ] && [ "$h" != "$base_hash" ]; then
        fail "import N=$n: failed (exit 1) but changed the database"
    elif [ "$rc" -eq 0 ] && [ "$h" != "$full_hash" ]; then
        fail "import N=$n: succeeded (exit 0) but the database differs from a clean import"
    else
        passed=$((passed + 1))
    fi
}
sweep import check_import

# ---- eval -----------------------------------------------------------------

check_eval() {
    local n=$1 sticky=$2
    args=("${eval_args[@]}")
    faulted "$n" "$sticky" -- "${args[@]}"
    check_run eval "$n" "$sticky"
    [ "$ok" = 1 ] || return
    if [ "$rc" -eq 0 ] && ! cmp -s "$tmp/out" "$tmp/eval.clean"; then
        fail "eval N=$n: exit 0 with an output that differs from a clean run: $(diff "$tmp/eval.clean" "$tmp/out" | grep -m2 '^[<>]' | tr '\n' '|' | head -c 240)"
    else
        passed=$((passed + 1))
    fi
}
sweep eval check_eval

# ---- the other commands -----------------------------------------------
# Each gets half the budget: they share the code paths above (load,
# evaluation) and add their own (saving, comparing, conferring, reporting,
# showing a run again, a rule set's test cases).
budget=${TDKT_ALLOC_BUDGET_MORE:-$((budget / 2))}
amend=$TDKT_SOURCE_DIR/tests/fixtures/rules/basic/t/amend

# The decisions and detail texts saved in a database, without run ids or
# times: equal for equal saves.
saved_hash() {
    sqlite3 "$1" "SELECT nomination_id, outcome, ruleset, hex(result) FROM decisions
                  ORDER BY run_id, nomination_id;
                  SELECT hex(texts) FROM run_details ORDER BY run_id;
                  SELECT count, records FROM runs ORDER BY id" </dev/null | cksum | cut -d' ' -f1
}

# eval, saving: all of the run or nothing.
cp "$tmp/full.db" "$tmp/saved.db"
clean_run save --db "$tmp/saved.db" --threads 1 eval --rules "$rules"
saved_clean=$(saved_hash "$tmp/saved.db")
full_dump=$(dump_hash "$tmp/full.db")
check_save() {
    local n=$1 sticky=$2
    on_copy "$tmp/full.db" save "$n" "$sticky" -- \
        --db "$tmp/t.db" --threads 1 eval --rules "$rules"
    [ "$ok" = 1 ] || return
    if [ "$rc" -eq 1 ] && [ "$(dump_hash "$tmp/t.db")" != "$full_dump" ]; then
        fail "save N=$n: failed (exit 1) but changed the database"
    elif [ "$rc" -eq 0 ] && [ "$(saved_hash "$tmp/t.db")" != "$saved_clean" ]; then
        fail "save N=$n: succeeded (exit 0) but saved other decisions than a clean run"
    elif [ "$rc" -eq 0 ] && ! cmp -s "$tmp/out" "$tmp/save.clean"; then
        fail "save N=$n: exit 0 with an output that differs from a clean run"
    else
        passed=$((passed + 1))
    fi
}
sweep save check_save

# Read-only commands: exit 0 with the clean output, or exit 1 saying so.
check_same() {
    local what=$1 n=$2 sticky=$3
    faulted "$n" "$sticky" -- "${args[@]}"
    check_run "$what" "$n" "$sticky"
    [ "$ok" = 1 ] || return
    if [ "$rc" -eq 0 ] && ! cmp -s "$tmp/out" "$tmp/$what.clean"; then
        fail "$what N=$n: exit 0 with an output that differs from a clean run: $(diff "$tmp/$what.clean" "$tmp/out" | grep -m2 '^[<>]' | tr '\n' '|' | head -c 240)"
    else
        passed=$((passed + 1))
    fi
}
diff_args=(--db "$tmp/saved.db" --threads 1 diff --from "$rules" --to "$amend")
clean_run diff "${diff_args[@]}"
check_diff() { args=("${diff_args[@]}"); check_same diff "$1" "$2"; }
sweep diff check_diff

show_args=(--db "$tmp/saved.db" runs show 1)
clean_run show "${show_args[@]}"
check_show() { args=("${show_args[@]}"); check_same show "$1" "$2"; }
sweep show check_show

year=$(sqlite3 "$tmp/saved.db" "SELECT max(year) FROM nominations" </dev/null)
report_args=(--db "$tmp/saved.db" report --year "$year")
clean_run report "${report_args[@]}"
check_report() { args=("${report_args[@]}"); check_same report "$1" "$2"; }
sweep report check_report

# confer: all of it or nothing.
cp "$tmp/saved.db" "$tmp/conferred.db"
clean_run confer --db "$tmp/conferred.db" confer --run 1 --decision-no 1/QĐ \
    --date 2025-01-20
conferred_dump=$(dump_hash "$tmp/conferred.db")
saved_dump=$(dump_hash "$tmp/saved.db")
[ "$conferred_dump" != "$saved_dump" ] || fail "the clean confer changed nothing"
check_confer() {
    local n=$1 sticky=$2
    on_copy "$tmp/saved.db" confer "$n" "$sticky" -- \
        --db "$tmp/t.db" confer --run 1 --decision-no 1/QĐ --date 2025-01-20
    [ "$ok" = 1 ] || return
    if [ "$rc" -eq 1 ] && [ "$(dump_hash "$tmp/t.db")" != "$saved_dump" ]; then
        fail "confer N=$n: failed (exit 1) but changed the database"
    elif [ "$rc" -eq 0 ] && [ "$(dump_hash "$tmp/t.db")" != "$conferred_dump" ]; then
        fail "confer N=$n: succeeded (exit 0) but the database differs from a clean confer"
    else
        passed=$((passed + 1))
    fi
}
sweep confer check_confer

# rules check: a rule set's test cases. Running out of memory stops the
# check (it is no verdict on a case).
rules_args=(rules check "$rules")
clean_run rules "${rules_args[@]}"
check_rules() { args=("${rules_args[@]}"); check_same rules "$1" "$2"; }
sweep rules check_rules

[ "$asan" = 1 ] && echo "(ASan build: leaks and memory errors checked too)"
[ "$skipped" -gt 0 ] && echo "($skipped runs skipped: ASan's own thread set-up ran out of memory)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
