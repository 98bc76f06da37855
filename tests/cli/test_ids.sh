#!/usr/bin/env bash
# Ids typed on the command line are taken as tdkt import stores ids:
# without the spaces around them (Unicode ones too), composed (NFC).
# eval --id, diff --id and runs show ID.
set -euo pipefail
: "${TDKT:?}" "${TDKT_SOURCE_DIR:?}" "${TDKT_FIXTURES:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TDKT_DB="$tmp/t.db" TDKT_RULES="$TDKT_SOURCE_DIR/rules"
. "$(dirname "$0")/lib.sh"

# The nominations of a jsonl output, one a line.
noms() { grep -o '^{"nomination":"[^"]*"' "$1" | cut -d'"' -f4; }

# The example province, with one nomination's id holding an accent
# (typed precomposed: "à" is U+00E0).
cp -r "$TDKT_SOURCE_DIR/examples/kontum-demo" "$tmp/demo"
sed -i 's/^N000003,/N-Hoà-3,/' "$tmp/demo/nominations.csv"
"$TDKT" import "$tmp/demo" > /dev/null
nfd=$(printf 'N-Hoa\xcc\x80-3') # the same id with a combining grave accent

# (the last with a no-break space before and a narrow one after it)
for id in "N000001 " " N000001" $'\tN000001\t' $'\xc2\xa0N000001\xe2\x80\xaf'; do
    run eval --dry-run --format jsonl --id "$id"
    check "eval --id '$id': exit 0 (got $status)" test $status -eq 0
    check "... judges N000001" test "$(noms "$tmp/out")" = N000001
done
run eval --dry-run --format jsonl --id " $nfd " --id N000002
check "eval --id with combining accents: exit 0 (got $status)" test $status -eq 0
check "... judges the nomination imported precomposed" \
    test "$(noms "$tmp/out" | tr '\n' ' ')" = "N-Hoà-3 N000002 "
run eval --dry-run --id "N999999 "
check "an id that is not there: still exit 1" test $status -eq 1
check "... named without its spaces" grep -q "'N999999'" "$tmp/err"

# Saved: the run's options hold the ids as stored.
run eval --format jsonl --id "N000001 " --id " $nfd"
check "eval (saving) with spaced ids: exit 0 (got $status)" test $status -eq 0
check "... the run's options name them as stored" \
    test "$(sqlite3 "$TDKT_DB" "SELECT options->>'ids' FROM runs WHERE id = 1")" = '["N000001","N-Hoà-3"]'
cp "$tmp/out" "$tmp/saved.jsonl"

run diff --from 2024-12-31 --to 2023-12-31 --format jsonl --id "N000007 " --id $'\tN000013' --id "$nfd "
check "diff --id with spaces and combining accents: exit 0 (got $status)" test $status -eq 0
check "... compares the three nominations" \
    grep -q '^{"summary":"total","nominations":3,' "$tmp/out"

for id in " 1" "1 " $'\t1\t'; do
    run runs show "$id" --format jsonl
    check "runs show '$id': exit 0 (got $status)" test $status -eq 0
    check "... shows run 1" cmp -s "$tmp/out" "$tmp/saved.jsonl"
done
run runs show " 1x"
check "runs show of no number: still a usage error" test $status -eq 2

# confer --id: the decision of the run is found (conferred, or refused
# for its outcome), not "no decision in run 1".
for id in " N000001 " " $nfd"; do
    run confer --run 1 --decision-no "1/QĐ-UBND" --date 2025-03-01 --id "$id"
    check "confer --id '$id': its decision is found ($(cat "$tmp/err"))" \
        bash -c "! grep -q 'không có quyết định trong lần xét' '$tmp/err'"
done

echo "$passed passed, $failed failed"
test "$failed" -eq 0
