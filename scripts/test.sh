#!/usr/bin/env bash
# Install what is missing, build, and run every test (ctest): cmocka unit
# tests, end-to-end command tests, and every rule set's own cases. Then the
# same suite again under AddressSanitizer + UndefinedBehaviorSanitizer, then
# a short fuzzing run: every libFuzzer target replays its regression inputs
# and fuzzes for $TDKT_FUZZ_SECONDS (default 15) seconds from its seeds.
#   TDKT_SANITIZE=0 scripts/test.sh   skip the sanitizer build
#   TDKT_FUZZ=0 scripts/test.sh       skip the fuzzing run
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tdkt_install_deps
jobs=$(nproc)

echo "== build (gcc, -Werror) and test"
tdkt_build build -DTDKT_WERROR=ON
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "${TDKT_SANITIZE:-1}" != 0 ]; then
    echo "== build with ASan + UBSan and test"
    tdkt_build build-asan -DTDKT_WERROR=ON -DTDKT_SANITIZE=ON \
        -DCMAKE_BUILD_TYPE=Debug
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

if [ "${TDKT_FUZZ:-1}" != 0 ]; then
    echo "== fuzz: regression inputs, then ${TDKT_FUZZ_SECONDS:-15} s per target"
    # A fresh corpus folder: start from the seeds, as a clean checkout would.
    corpus=$(mktemp -d)
    trap 'rm -rf "$corpus"' EXIT
    bash scripts/fuzz.sh --corpus "$corpus" "${TDKT_FUZZ_SECONDS:-15}"
fi
