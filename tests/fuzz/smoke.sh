#!/usr/bin/env bash
# Fuzz smoke test: when clang with libFuzzer is installed, scripts/fuzz.sh 10
# builds the fuzz targets (tests/fuzz, into build-fuzz of the source tree),
# replays tests/fuzz/regressions and fuzzes each target for 10 seconds from
# its seeds alone (a fresh corpus folder, so that a big corpus left by a
# long run does not slow it down). One check per target for its regression inputs, one for its
# run, and one that the whole took less than 90 s.
#
# Skipped (reported as such) when clang or libFuzzer is missing
# (scripts/fuzz.sh installs them), and in a sanitizer build's test pass:
# the fuzz targets carry ASan and UBSan already, so one pass is enough.
#
# Environment (set by CTest): TDKT the binary, TDKT_SOURCE_DIR the sources.
set -uo pipefail
: "${TDKT_SOURCE_DIR:?set TDKT_SOURCE_DIR to the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

skip() {
    echo "skipped: $*"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
}

if [ -n "${TDKT:-}" ] && ldd "$TDKT" 2>/dev/null | grep libasan >/dev/null; then
    skip "a sanitizer build: the fuzz smoke runs in the plain build's pass"
fi
cc=$(command -v clang || command -v clang-14 || true)
[ -n "$cc" ] || skip "clang is not installed (scripts/fuzz.sh installs it)"
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
    '{ (void)d; (void)n; return 0; }' >"$tmp/probe.c"
"$cc" -fsanitize=fuzzer,address,undefined "$tmp/probe.c" -o "$tmp/probe" \
    >/dev/null 2>&1 ||
    skip "$cc cannot link libFuzzer (apt-get install libclang-rt-14-dev, or scripts/fuzz.sh)"

passed=0
failed=0
check() {
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what" >&2
    fi
}

start=$SECONDS
bash "$TDKT_SOURCE_DIR/scripts/fuzz.sh" --no-deps --corpus "$tmp/corpus" 10 \
    >"$tmp/log" 2>&1
rc=$?
elapsed=$((SECONDS - start))
cat "$tmp/log"

check "scripts/fuzz.sh built the targets (exit $rc)" test "$rc" -ne 2
for t in csv import rules; do
    check "$t: regression inputs pass" \
        grep -qE "^$t: (none|[0-9]+ inputs, 0 failing)$" "$tmp/log"
    check "$t: 10 s of fuzzing without a crash" grep -qE "^$t: ok, " "$tmp/log"
done
check "within 90 s (took ${elapsed} s)" test "$elapsed" -lt 90

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
