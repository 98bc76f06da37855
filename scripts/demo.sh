#!/usr/bin/env bash
# Install what is missing, build, and run the main job on the bundled
# example province: import its records, then show what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tdkt_install_deps
tdkt_build build
export TDKT_DB="${TDKT_DB:-build/demo.db}"
rm -f "$TDKT_DB" "$TDKT_DB-wal" "$TDKT_DB-shm"
tdkt=build/tdkt
echo "== tdkt import examples/kontum-demo"
$tdkt import examples/kontum-demo
