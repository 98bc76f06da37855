#!/usr/bin/env bash
# Crash safety: SIGKILL `tdkt import` and `tdkt eval` at many points and
# check, each time, that
#   - PRAGMA integrity_check says ok,
#   - the database holds exactly the state before or the state after the
#     interrupted command (fingerprints of an uninterrupted run: a row
#     count of every table and a SHA3 of the record tables' contents),
#   - every saved run is complete (as many decisions as its count),
#   - the next command works (import / eval succeed afterwards).
#
# Kill points come from a deterministic sequence (the fractional parts of
# i * golden ratio, spread over a window measured on this machine), never
# from $RANDOM. Import kills spread over the whole import; eval kills wait
# until the results are printed (the save starts right after) and then
# spread over the time the save takes.
#
# Environment (set by CTest): TDKT the binary, TDKT_SOURCE_DIR the source
# tree. Optional: TDKT_CRASH_PEOPLE (default 4000), TDKT_CRASH_ROUNDS (10).
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
bg=""
cleanup() {
    [ -n "$bg" ] && kill -KILL "$bg" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
unset TDKT_DB TDKT_LANG
export TDKT_RULES="$TDKT_SOURCE_DIR/rules"
people=${TDKT_CRASH_PEOPLE:-4000}
rounds=${TDKT_CRASH_ROUNDS:-10}

. "$(dirname "$0")/lib.sh"
# delay I LO HI: the I-th point of the golden-ratio sequence in [LO, HI].
delay() {
    awk -v i="$1" -v lo="$2" -v hi="$3" \
        'BEGIN { f = i * 0.6180339887; f -= int(f); printf "%.3f", lo + f * (hi - lo) }'
}

record_tables="units people appraisals honours initiatives disciplines facts nominations"
all_tables="meta $record_tables runs run_rulesets run_forms run_criteria run_details decisions"
counts() {
    local q="SELECT ''" t
    for t in $all_tables; do q="$q||' $t='||(SELECT count(*) FROM $t)"; done
    sqlite3 "$1" "$q"
}
# The contents of the record tables, in stored order.
content() {
    local q="" t
    for t in $record_tables; do q="$q SELECT * FROM $t;"; done
    if [ "$have_sha3" = 1 ]; then
        sqlite3 "$1" "SELECT hex(sha3_query('$q'))"
    else
        sqlite3 "$1" "$q" | sha256sum | cut -d' ' -f1
    fi
}
fingerprint() { echo "$(counts "$1") $(content "$1")"; }
# The decisions of run $2 and the detail texts they refer to, without the
# run id: equal for equal runs.
run_hash() {
    sqlite3 "$1" "SELECT nomination_id, outcome, ruleset, hex(result) FROM decisions
                  WHERE run_id = $2 ORDER BY nomination_id;
                  SELECT hex(texts) FROM run_details WHERE run_id = $2" |
        sha256sum | cut -d' ' -f1
}
# kill_at SECONDS OUT ERR CMD...: run CMD, SIGKILL it after SECONDS.
# Sets rc (137 when killed, the command's status when it ended first).
kill_at() {
    local d=$1 out=$2 err=$3
    shift 3
    "$@" >"$out" 2>"$err" &
    bg=$!
    sleep "$d"
    kill -KILL "$bg" 2>/dev/null || true
    rc=0
    wait "$bg" 2>/dev/null || rc=$?
    bg=""
}

have_sha3=0
[ "$(sqlite3 :memory: "SELECT length(sha3_query('SELECT 1'))" 2>/dev/null)" = 32 ] && have_sha3=1

t_all=$(now)
# ---- data: two provinces with the same ids, different records --------------
python3 "$TDKT_SOURCE_DIR/scripts/gen_example.py" --people "$people" --seed 1 \
    --jobs 1 --out "$tmp/A" > /dev/null &
gen_a=$!
python3 "$TDKT_SOURCE_DIR/scripts/gen_example.py" --people "$people" --seed 2 \
    --jobs 1 --out "$tmp/B" > /dev/null
wait "$gen_a"
demo="$TDKT_SOURCE_DIR/examples/kontum-demo"

# Before: A imported. After: B imported over it (rows replaced and added).
"$TDKT" --db "$tmp/A.db" import "$tmp/A" > /dev/null
copy_db "$tmp/A.db" "$tmp/AB.db"
t0=$(now)
"$TDKT" --db "$tmp/AB.db" import "$tmp/B" > /dev/null
t_import=$(elapsed "$t0")
fp_before=$(fingerprint "$tmp/A.db")
fp_after=$(fingerprint "$tmp/AB.db")
check "reference: the import changes the fingerprint" test "$fp_before" != "$fp_after"
check "reference databases are sound" integrity "$tmp/AB.db"
echo "setup: $(elapsed "$t_all")s"

# ---- 1. SIGKILL during import over existing records ------------------------
# Window: from the start to just past the end of an uninterrupted import.
n_before=0 n_after=0
w="$tmp/w.db"
for i in $(seq 1 "$rounds"); do
    copy_db "$tmp/A.db" "$w"
    d=$(delay "$i" 0.02 "$(awk -v t="$t_import" 'BEGIN { print t * 1.1 }')")
    kill_at "$d" "$tmp/k.out" "$tmp/k.err" "$TDKT" --db "$w" import "$tmp/B"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ]; then
        bad "import round $i: exit $rc before the kill: $(head -c 300 "$tmp/k.err")"
    fi
    if ! integrity "$w"; then
        bad "import round $i (killed at ${d}s): integrity_check: $(sqlite3 "$w" 'PRAGMA integrity_check' 2>&1 | head -5)"
        continue
    fi
    ok
    fp=$(fingerprint "$w")
    if [ "$fp" = "$fp_before" ]; then
        n_before=$((n_before + 1)); ok
    elif [ "$fp" = "$fp_after" ]; then
        n_after=$((n_after + 1)); ok
    else
        bad "import round $i (killed at ${d}s): neither before nor after: $fp"
    fi
    # The next command works. Every fourth round the whole import again,
    # which must give exactly the "after" state; otherwise a small import.
    if [ $((i % 4)) -eq 0 ]; then
        rc=0
        "$TDKT" --db "$w" import "$tmp/B" > /dev/null 2> "$tmp/n.err" || rc=$?
        check "import round $i: importing again succeeds ($(head -c 200 "$tmp/n.err"))" test "$rc" -eq 0
        check "import round $i: importing again gives the after state" \
            test "$(fingerprint "$w")" = "$fp_after"
        check "import round $i: sound after importing again" integrity "$w"
    else
        units0=$(sqlite3 "$w" "SELECT count(*) FROM units")
        printf 'id,name,kind\nUZZZ%d,Đơn vị sau sự cố,agency\n' "$i" > "$tmp/units.csv"
        rc=0
        "$TDKT" --db "$w" import "$tmp/units.csv" > /dev/null 2> "$tmp/n.err" || rc=$?
        check "import round $i: the next import succeeds ($(head -c 200 "$tmp/n.err"))" test "$rc" -eq 0
        check "import round $i: the next import is stored" \
            test "$(sqlite3 "$w" "SELECT count(*) FROM units")" -eq $((units0 + 1))
    fi
done
check "sound after the last round's next command" integrity "$w"
echo "[$(elapsed "$t_all")s] import kills: $n_before left the before state, $n_after the after state (import takes ${t_import}s)"

# ---- 2. SIGKILL during the very first import (schema creation) -------------
demo_db="$tmp/demo-ref.db"
"$TDKT" --db "$demo_db" import "$demo" > /dev/null
fp_demo=$(fingerprint "$demo_db")
for i in 1 2 3 4; do
    fresh "$w"
    d=$(delay "$i" 0.001 0.25)
    kill_at "$d" "$tmp/k.out" "$tmp/k.err" "$TDKT" --db "$w" import "$demo"
    if [ -e "$w" ]; then
        check "first import round $i (killed at ${d}s): integrity" integrity "$w"
        ntab=$(sqlite3 "$w" "SELECT count(*) FROM sqlite_schema WHERE type='table'")
        if [ "$ntab" -gt 0 ]; then
            fp=$(fingerprint "$w")
            case "$fp" in
            "$fp_demo") ok ;;
            # the schema alone: meta holds application and records_version
            " meta=2 units=0 people=0 appraisals=0 honours=0 initiatives=0 disciplines=0 facts=0 nominations=0 runs=0 run_rulesets=0 run_forms=0 run_criteria=0 run_details=0 decisions=0 "*) ok ;;
            *) bad "first import round $i: partial state: $fp" ;;
            esac
        fi
    fi
    rc=0
    "$TDKT" --db "$w" import "$demo" > /dev/null 2> "$tmp/n.err" || rc=$?
    check "first import round $i: importing again succeeds ($(head -c 200 "$tmp/n.err"))" test "$rc" -eq 0
    check "first import round $i: the records are all there" test "$(fingerprint "$w")" = "$fp_demo"
done

echo "[$(elapsed "$t_all")s] first-import kills done"
# ---- 3. SIGKILL while eval saves its decisions -----------------------------
# Reference: an uninterrupted dry run (its output size tells when the save
# begins) and an uninterrupted saving run.
"$TDKT" --db "$tmp/AB.db" eval --dry-run --format jsonl > "$tmp/ref.jsonl"
ref_size=$(stat -c %s "$tmp/ref.jsonl")
n_noms=$(sqlite3 "$tmp/AB.db" "SELECT count(*) FROM nominations")
# The save of a few thousand decisions lasts milliseconds, less than the
# polling below can aim at: the killed evals run with the slowwrite shim
# (tests/faults), which pauses before each write to the database and its
# WAL, so that the save lasts long enough to be hit. The writes are the
# same; without the shim (not built) the evals run at full speed.
shim=$(cd "$(dirname "$TDKT")" && pwd)/tests/faults/libslowwrite.so
# (Run in the background: exec, so that $! is the tdkt process itself.)
slowly() {
    if [ -f "$shim" ]; then
        exec env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
            LD_PRELOAD="$shim" TDKT_SLOW_WRITE_US="${TDKT_CRASH_SLOW_US:-1000}" "$@"
    else
        exec "$@"
    fi
}
# wait_output FILE: until the eval in $bg has printed all its results (the
# save starts right after), it has ended, or 60 s have passed.
wait_output() {
    local n=0 size
    while size=$(stat -c %s "$1" 2>/dev/null || echo 0) &&
          [ "$size" -lt "$ref_size" ] && kill -0 "$bg" 2>/dev/null &&
          [ "$n" -lt 3000 ]; do
        sleep 0.02
        n=$((n + 1))
    done
}
copy_db "$tmp/AB.db" "$tmp/E.db"
ev_before=$(counts "$tmp/E.db")
ev_content=$(content "$tmp/E.db")
copy_db "$tmp/E.db" "$w"
t0=$(now)
"$TDKT" --db "$w" eval --format jsonl > "$tmp/e.out" 2> /dev/null
t_eval=$(elapsed "$t0")
ev_after=$(counts "$w")
ev_hash=$(run_hash "$w" 1)
check "reference eval saves one complete run" \
    test "$(sqlite3 "$w" "SELECT count(*) || ' ' || max(count) FROM runs")" = "1 $n_noms"
# The save of the reference run, timed: run the same eval, wait for its
# output, time from there to its end.
copy_db "$tmp/E.db" "$w"
: > "$tmp/e.out"
slowly "$TDKT" --db "$w" eval --format jsonl > "$tmp/e.out" 2> /dev/null &
bg=$!
wait_output "$tmp/e.out"
t0=$(now)
wait "$bg" || true
bg=""
t_save=$(elapsed "$t0")

n_before=0 n_after=0 n_early=0
for i in $(seq 1 "$rounds"); do
    copy_db "$tmp/E.db" "$w"
    # Most kill points inside the transaction, some in the checkpoint and
    # close after the commit (the last quarter of the measured save time).
    d=$(delay "$i" 0 "$(awk -v t="$t_save" 'BEGIN { print t * 0.8 }')")
    : > "$tmp/k.out"  # before the job starts: wait_output reads its size
    slowly "$TDKT" --db "$w" eval --format jsonl > "$tmp/k.out" 2> "$tmp/k.err" &
    bg=$!
    wait_output "$tmp/k.out"
    sleep "$d"
    kill -KILL "$bg" 2>/dev/null || true
    rc=0
    wait "$bg" 2>/dev/null || rc=$?
    bg=""
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ]; then
        bad "eval round $i: exit $rc before the kill: $(head -c 300 "$tmp/k.err")"
    fi
    [ "$(stat -c %s "$tmp/k.out")" -lt "$ref_size" ] && n_early=$((n_early + 1))
    if ! integrity "$w"; then
        bad "eval round $i (killed ${d}s into the save): integrity_check: $(sqlite3 "$w" 'PRAGMA integrity_check' 2>&1 | head -5)"
        continue
    fi
    ok
    c=$(counts "$w")
    if [ "$c" = "$ev_before" ]; then
        n_before=$((n_before + 1)); ok
    elif [ "$c" = "$ev_after" ]; then
        n_after=$((n_after + 1)); ok
        check "eval round $i: the saved run holds the reference decisions" \
            test "$(run_hash "$w" 1)" = "$ev_hash"
    else
        bad "eval round $i (killed ${d}s into the save): neither before nor after: $c"
    fi
    check "eval round $i: every saved run is complete" test "$(incomplete_runs "$w")" -eq 0
    # The next command works: every fourth round a whole eval (which must
    # save the reference decisions), otherwise one nomination.
    last=$(sqlite3 "$w" "SELECT ifnull(max(id), 0) FROM runs")
    rc=0
    if [ $((i % 4)) -eq 0 ]; then
        "$TDKT" --db "$w" eval --format jsonl > /dev/null 2> "$tmp/n.err" || rc=$?
        check "eval round $i: eval again succeeds ($(head -c 200 "$tmp/n.err"))" test "$rc" -eq 0
        check "eval round $i: eval again saves the reference decisions" \
            test "$(run_hash "$w" $((last + 1)))" = "$ev_hash"
        check "eval round $i: sound after the next command" integrity "$w"
    else
        "$TDKT" --db "$w" eval --id N000001 --format jsonl > /dev/null 2> "$tmp/n.err" || rc=$?
        check "eval round $i: the next eval succeeds ($(head -c 200 "$tmp/n.err"))" test "$rc" -eq 0
        check "eval round $i: the next eval saved its run" \
            test "$(sqlite3 "$w" "SELECT count FROM runs WHERE id = $((last + 1))")" = 1
    fi
    check "eval round $i: every run complete after the next command" test "$(incomplete_runs "$w")" -eq 0
done
check "eval kills and saves leave the records untouched" test "$(content "$w")" = "$ev_content"
echo "[$(elapsed "$t_all")s] eval kills: $n_before left no run, $n_after the whole run, $n_early before the save began (eval ${t_eval}s, save ${t_save}s)"
check "some eval kills landed inside the save" test $((rounds - n_after - n_early)) -ge 1

echo "($(elapsed "$t_all")s)"
echo "$passed passed, $failed failed"
test "$failed" -eq 0
