#!/usr/bin/env bash
# Smoke test of the benchmark (issue 7): scripts/bench.sh at 1000 people,
# one run per step, into a temporary folder; the results JSON must hold
# every step with its figures, and the BENCH-BK counts must add up. It must
# work, not be fast (< 60 s, sanitizer builds included).
set -uo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}"
build=$(cd "$(dirname "$TDKT")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

check "tdkt_bench is built" test -x "$build/bench/tdkt_bench"

start=$SECONDS
bash "$TDKT_SOURCE_DIR/scripts/bench.sh" --quick --no-build --no-deps \
    --build "$build" --data "$tmp/data" --out "$tmp/out" 1000 \
    > "$tmp/table.txt" 2> "$tmp/log.txt"
rc=$?
check "bench.sh exits 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || tail -20 "$tmp/log.txt" >&2
check "bench.sh within 60 s" test $((SECONDS - start)) -lt 60
check "table printed" grep -q "BENCH-BK (1 thread)" "$tmp/table.txt"
check "targets printed" grep -q "^targets:" "$tmp/table.txt"
check "history line appended" test "$(wc -l < "$tmp/out/history.jsonl" 2>/dev/null || echo 0)" -eq 1

check "results JSON has every step" python3 - "$tmp/out/bench-1000.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
steps = d["steps"]
for s in ("import", "load", "eval", "eval_1t", "eval_pair", "save",
          "load_eval_save", "print", "print_table", "diff", "diff_saved", "report", "rules",
          "bk"):
    assert s in steps, "missing step " + s
    for k in ("wall_s", "cpu_s", "peak_rss_mib", "process_wall_s", "runs"):
        assert k in steps[s], (s, k)
    assert steps[s]["wall_s"] is not None and steps[s]["wall_s"] >= 0, s
    assert steps[s]["peak_rss_mib"] > 0, s
for s in ("import", "load", "eval", "eval_1t", "save", "diff", "diff_saved",
          "bk"):
    assert steps[s]["nominations_per_s"] > 0, s
# every result printed: a JSON line each, the same count as judged
for s, fmt in (("print", "jsonl"), ("print_table", "table")):
    assert steps[s]["format"] == fmt and steps[s]["bytes"] > 0, steps[s]
    assert steps[s]["nominations"] == steps["eval"]["nominations"], s
m = d["meta"]
assert m["people"] == 1000 and m["nominations"] > 1000, m
assert steps["eval_1t"]["threads"] == 1 and steps["bk"]["threads"] == 1
# two processes in the round, one ceiling: 2 x alone over the pair's mean
p = steps["eval_pair"]
assert p["runs"] == 2 and p["processes"] == 2 and len(p["wall_s_all"]) == 1, p
assert abs(p["ceiling"]["median_of_rounds"] - 2 * steps["eval_1t"]["wall_s"]
           / p["wall_s_all"][0]) < 1e-9, p
assert steps["eval"]["speedup_of_ceiling"] > 0
o = steps["eval"]["outcomes"]
assert sum(o[k] for k in ("eligible", "ineligible", "review", "error")) == m["nominations"], o
assert o["eligible"] > 0 and o["ineligible"] > 0
assert steps["eval"]["outcomes"] == steps["eval_1t"]["outcomes"], "threads change results"
c = steps["bk"]["counts"]
assert c["person_nominations"] == 1000, c
assert c["eligible"] + c["ineligible"] + c["error"] == c["person_nominations"], c
# errors only for codes BENCH-BK has no form for, never a failing script
assert c["error"] == c["no_form"] and c["error"] * 20 < c["person_nominations"], c
f = c["fail"]
assert set(f) == {"two_years_excellent", "two_initiatives", "no_discipline"}, f
assert all(f[k] <= c["ineligible"] for k in f) and max(f.values()) > 0, f
assert c["ineligible"] <= sum(f.values()), c
ch = steps["diff"]["changes"]
assert sum(ch.values()) == m["nominations"], ch
# side A from the saved run: the same changes, every judged one taken
assert steps["diff_saved"]["changes"] == ch, steps["diff_saved"]["changes"]
o = steps["eval"]["outcomes"]
assert 0 < steps["diff_saved"]["reused_from"] <= o["eligible"] + o["ineligible"] + o["review"]
r = steps["rules"]["sets"]
assert r["all"]["sets"] >= 4 and r["all"]["forms"] > 0, r
names = [t["target"] for t in d["targets"]]
assert any("BENCH-BK" in n for n in names) and any("diff" in n for n in names), names
PY

# tdkt_bench on its own: usage errors and one JSON object per run
"$build/bench/tdkt_bench" --step eval > /dev/null 2>&1
check "tdkt_bench without --db is a usage error" test $? -eq 2
check "tdkt_bench --step rules prints one JSON object" bash -c \
    "'$build/bench/tdkt_bench' --step rules --rules '$TDKT_SOURCE_DIR/rules' |
     python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"status\"]==0 and \"all\" in d[\"open\"]'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
