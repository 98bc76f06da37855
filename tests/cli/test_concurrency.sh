#!/usr/bin/env bash
# Concurrency: several tdkt processes on one database at once.
#   1. saving evals and re-imports in parallel (background jobs, wait):
#      every command succeeds or fails with a clear busy message and exit 1
#      (never a crash, never another status), the database stays sound,
#      every saved run is complete and holds exactly what its eval printed,
#      one run per successful eval;
#   2. `eval --dry-run` started while a re-import writes sees one snapshot:
#      its output is the whole old result or the whole new one;
#   3. a writer holding the write lock (python3 sqlite3, BEGIN IMMEDIATE)
#      makes `tdkt import` and a saving `tdkt eval` wait the busy timeout,
#      then fail with exit 1 and a message naming the busy database, within
#      a bound; readers are not blocked; nothing is changed;
#   4. the first import into a new database, from several processes at once.
#
# Environment (set by CTest): TDKT the binary, TDKT_SOURCE_DIR the source
# tree.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
holder=""
cleanup() {
    [ -n "$holder" ] && kill "$holder" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
unset TDKT_DB TDKT_LANG
export TDKT_RULES="$TDKT_SOURCE_DIR/rules"
people=${TDKT_CONC_PEOPLE:-3000}

. "$(dirname "$0")/lib.sh"
record_tables="units people appraisals honours initiatives disciplines facts nominations"
content() {
    local t
    for t in $record_tables runs decisions; do
        sqlite3 "$1" "SELECT * FROM $t"
    done | sha256sum | cut -d' ' -f1
}
# status_ok NAME RC ERRFILE: 0, or 1 with a busy message. Anything else
# (2: usage, >2: killed by a signal, crashed) is a failure.
status_ok() {
    local name=$1 rc=$2 err=$3
    if [ "$rc" -eq 0 ]; then
        ok
    elif [ "$rc" -eq 1 ] && grep -qiE 'busy|bận' "$err"; then
        ok
        n_busy=$((n_busy + 1))
    else
        bad "$name: exit $rc: $(head -c 300 "$err")"
    fi
}

t_all=$(now)
python3 "$TDKT_SOURCE_DIR/scripts/gen_example.py" --people "$people" --seed 1 \
    --jobs 1 --out "$tmp/A" > /dev/null &
gen=$!
python3 "$TDKT_SOURCE_DIR/scripts/gen_example.py" --people "$people" --seed 2 \
    --jobs 1 --out "$tmp/B" > /dev/null
wait "$gen"

# Old: A imported. New: B imported over it.
"$TDKT" --db "$tmp/old.db" import "$tmp/A" > /dev/null
copy_db "$tmp/old.db" "$tmp/new.db"
t0=$(now)
"$TDKT" --db "$tmp/new.db" import "$tmp/B" > /dev/null
t_import=$(elapsed "$t0")
"$TDKT" --db "$tmp/old.db" eval --dry-run --format jsonl > "$tmp/old.jsonl"
"$TDKT" --db "$tmp/new.db" eval --dry-run --format jsonl > "$tmp/new.jsonl"
check "the re-import changes the results" bash -c "! cmp -s '$tmp/old.jsonl' '$tmp/new.jsonl'"

# ---- 1. saving evals and re-imports at once --------------------------------
db="$tmp/t.db"
copy_db "$tmp/old.db" "$db"
n_busy=0 n_evals_ok=0
for round in 1 2 3; do
    pids=() names=()
    for j in 1 2 3; do
        "$TDKT" --db "$db" eval --format jsonl > "$tmp/e$j.out" 2> "$tmp/e$j.err" &
        pids+=($!) names+=("e$j")
    done
    "$TDKT" --db "$db" import "$tmp/B" > /dev/null 2> "$tmp/i1.err" &
    pids+=($!) names+=(i1)
    "$TDKT" --db "$db" import "$tmp/A" > /dev/null 2> "$tmp/i2.err" &
    pids+=($!) names+=(i2)
    "$TDKT" --db "$db" eval --dry-run --format jsonl > "$tmp/r1.out" 2> "$tmp/r1.err" &
    pids+=($!) names+=(r1)
    "$TDKT" --db "$db" runs --format jsonl > /dev/null 2> "$tmp/r2.err" &
    pids+=($!) names+=(r2)
    for k in "${!pids[@]}"; do
        rc=0
        wait "${pids[$k]}" || rc=$?
        status_ok "round $round: ${names[$k]}" "$rc" "$tmp/${names[$k]}.err"
        case "${names[$k]}" in
        e*) if [ "$rc" -eq 0 ]; then
                n_evals_ok=$((n_evals_ok + 1))
                run=$(grep -oE 'runs show [0-9]+' "$tmp/${names[$k]}.err" | grep -oE '[0-9]+$' || true)
                if [ -z "$run" ]; then
                    bad "round $round: ${names[$k]} did not say which run it saved"
                else
                    "$TDKT" --db "$db" runs show "$run" --format jsonl > "$tmp/shown.jsonl" 2>/dev/null || true
                    check "round $round: run $run holds exactly what its eval printed" \
                        cmp -s "$tmp/shown.jsonl" "$tmp/${names[$k]}.out"
                fi
            fi ;;
        esac
    done
    check "round $round: integrity_check ok" integrity "$db"
    check "round $round: every saved run is complete" test "$(incomplete_runs "$db")" -eq 0
done
check "one run per successful eval" test "$(sqlite3 "$db" 'SELECT count(*) FROM runs')" -eq "$n_evals_ok"
echo "[$(elapsed "$t_all")s] parallel writers: $n_evals_ok of 9 evals saved, $n_busy busy refusals"

# ---- 2. a reader during a re-import sees a whole snapshot ------------------
# Two chains of readers, one reader after another (so that they do not
# starve the import), from the start of the import until after its end;
# the reader running when the import commits straddles the commit.
copy_db "$tmp/old.db" "$db"
rm -f "$tmp/imp.done"
reader_chain() {
    local c=$1 j=0 rc
    while :; do
        rc=0
        "$TDKT" --db "$db" eval --dry-run --format jsonl > "$tmp/s$c-$j.jsonl" 2> "$tmp/s$c-$j.err" || rc=$?
        echo "$rc" > "$tmp/s$c-$j.rc"
        j=$((j + 1))
        [ -e "$tmp/imp.done" ] && [ -e "$tmp/s$c-last" ] && break
        [ -e "$tmp/imp.done" ] && touch "$tmp/s$c-last"  # one more, after
        [ "$j" -ge 60 ] && break
    done
}
"$TDKT" --db "$db" import "$tmp/B" > /dev/null 2> "$tmp/imp.err" &
imp=$!
reader_chain 1 &
chain1=$!
sleep "$(awk -v t="$t_import" 'BEGIN { printf "%.3f", t / 7 }')"
reader_chain 2 &
chain2=$!
rc=0
wait "$imp" || rc=$?
touch "$tmp/imp.done"
check "the re-import during reads succeeds ($(head -c 200 "$tmp/imp.err"))" test "$rc" -eq 0
wait "$chain1" "$chain2"
n_old=0 n_new=0
for out in "$tmp"/s[12]-*.jsonl; do
    base=${out%.jsonl}
    rc=$(cat "$base.rc")
    check "reader $(basename "$base"): exit 0 ($(head -c 200 "$base.err"))" test "$rc" -eq 0
    if cmp -s "$out" "$tmp/old.jsonl"; then
        n_old=$((n_old + 1)); ok
    elif cmp -s "$out" "$tmp/new.jsonl"; then
        n_new=$((n_new + 1)); ok
    else
        bad "reader $(basename "$base") saw neither the old nor the new data ($(wc -l < "$out") lines)"
    fi
done
for c in 1 2; do
    last=$(ls "$tmp"/s$c-*.jsonl | sed 's/.*-\([0-9]*\)\.jsonl/\1/' | sort -n | tail -n 1)
    check "chain $c: the reader started after the import sees the new data" \
        cmp -s "$tmp/s$c-$last.jsonl" "$tmp/new.jsonl"
done
echo "[$(elapsed "$t_all")s] readers during a re-import: $n_old saw the old data, $n_new the new (import ${t_import}s)"

# ---- 3. a foreign writer holds the lock longer than the busy timeout -------
copy_db "$tmp/new.db" "$db"
before=$(content "$db")
runs_before=$(sqlite3 "$db" "SELECT count(*) FROM runs")
python3 - "$db" "$tmp/locked" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO meta(key, value) VALUES ('lock-test', 'x')")
open(sys.argv[2], "w").close()
time.sleep(30)  # killed by the test long before
PY
holder=$!
for _ in $(seq 1 500); do [ -e "$tmp/locked" ] && break; sleep 0.02; done
check "the lock holder got the lock" test -e "$tmp/locked"
t0=$(now)
timeout 40 "$TDKT" --db "$db" import "$tmp/A/units.csv" > /dev/null 2> "$tmp/busy-imp.err" &
bi=$!
timeout 40 "$TDKT" --db "$db" eval --format jsonl > /dev/null 2> "$tmp/busy-eval.err" &
be=$!
t1=$(now)
rc=0
timeout 40 "$TDKT" --db "$db" eval --dry-run --format jsonl > "$tmp/busy-read.jsonl" 2> "$tmp/busy-read.err" || rc=$?
t_read=$(elapsed "$t1")
check "a reader is not blocked by the writer (exit $rc, $(head -c 200 "$tmp/busy-read.err"))" test "$rc" -eq 0
check "the reader sees the committed data" cmp -s "$tmp/busy-read.jsonl" "$tmp/new.jsonl"
check "the reader did not wait for the lock (${t_read}s)" awk -v t="$t_read" 'BEGIN { exit !(t < 8) }'
rc_i=0
wait "$bi" || rc_i=$?
t_imp=$(elapsed "$t0")
rc_e=0
wait "$be" || rc_e=$?
kill "$holder" 2>/dev/null || true
wait "$holder" 2>/dev/null || true
holder=""
check "import under a held lock: exit 1 (got $rc_i; 124 = hung)" test "$rc_i" -eq 1
check "import under a held lock: says the database is busy ($(head -c 300 "$tmp/busy-imp.err"))" \
    grep -qiE 'busy|bận' "$tmp/busy-imp.err"
check "import under a held lock: the message names the database ($(head -c 300 "$tmp/busy-imp.err"))" \
    grep -qF "$db" "$tmp/busy-imp.err"
check "import under a held lock: waited for the busy timeout (${t_imp}s)" \
    awk -v t="$t_imp" 'BEGIN { exit !(t >= 8) }'
check "import under a held lock: gave up within a bound (${t_imp}s)" \
    awk -v t="$t_imp" 'BEGIN { exit !(t < 25) }'
check "eval under a held lock: exit 1 (got $rc_e; 124 = hung)" test "$rc_e" -eq 1
check "eval under a held lock: says the database is busy ($(head -c 300 "$tmp/busy-eval.err"))" \
    grep -qiE 'busy|bận' "$tmp/busy-eval.err"
check "eval under a held lock: the message names the database ($(head -c 300 "$tmp/busy-eval.err"))" \
    grep -qF "$db" "$tmp/busy-eval.err"
check "nothing was written under the held lock" test "$(content "$db")" = "$before"
check "no run was saved under the held lock" \
    test "$(sqlite3 "$db" "SELECT count(*) FROM runs")" -eq "$runs_before"
check "the holder's transaction was not kept" \
    test "$(sqlite3 "$db" "SELECT count(*) FROM meta WHERE key = 'lock-test'")" -eq 0
rc=0
"$TDKT" --db "$db" import "$tmp/A/units.csv" > /dev/null 2> "$tmp/after-lock.err" || rc=$?
check "import works once the lock is gone ($(head -c 200 "$tmp/after-lock.err"))" test "$rc" -eq 0
check "sound after the lock test" integrity "$db"
echo "[$(elapsed "$t_all")s] held lock: import gave up after ${t_imp}s"

# ---- 4. the first import into a new database, four at once -----------------
demo="$TDKT_SOURCE_DIR/examples/kontum-demo"
n_demo=$(($(wc -l < "$demo/people.csv") - 1))
for round in 1 2; do
    db="$tmp/first$round.db"
    pids=()
    for j in 1 2 3 4; do
        "$TDKT" --db "$db" import "$demo" > /dev/null 2> "$tmp/f$j.err" &
        pids+=($!)
    done
    for j in "${!pids[@]}"; do
        rc=0
        wait "${pids[$j]}" || rc=$?
        status_ok "first import $round.$j" "$rc" "$tmp/f$((j + 1)).err"
    done
    check "first import $round: sound" integrity "$db"
    check "first import $round: one schema, tdkt's" \
        test "$(sqlite3 "$db" "SELECT count(*) FROM meta WHERE key = 'application'")" = 1
    check "first import $round: the records are there" \
        test "$(sqlite3 "$db" "SELECT count(*) FROM people")" -eq "$n_demo"
    check "first import $round: in WAL mode" test "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal
done

echo "($(elapsed "$t_all")s)"
echo "$passed passed, $failed failed"
test "$failed" -eq 0
