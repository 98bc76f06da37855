#!/usr/bin/env bash
# Install what is missing, build, and run every test (ctest): cmocka unit
# tests, end-to-end command tests, and every rule set's own cases. Then the
# same suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
#   TDKT_SANITIZE=0 scripts/test.sh   skip the sanitizer build
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
