#!/usr/bin/env bash
# Install what is missing, build, and run every test (ctest).
#   scripts/test.sh            the normal build
#   TDKT_SANITIZE=1 scripts/test.sh   also a clang ASan+UBSan build
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tdkt_install_deps
tdkt_build build -DTDKT_WERROR=ON
ctest --test-dir build --output-on-failure -j"$(nproc)"
