#!/usr/bin/env bash
# The main job on the bundled example province, from a fresh machine:
# install what is missing, build, import the records, judge the year's
# nominations (saving the decisions), dry-run the national change of
# regime (NĐ 91/2017 → Luật 2022), confer the eligible provincial awards
# and print the annual summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tdkt_install_deps
tdkt_build build
export TDKT_DB="${TDKT_DB:-build/demo.db}"
export TDKT_RULES="${TDKT_RULES:-$PWD/rules}"
rm -f "$TDKT_DB" "$TDKT_DB-wal" "$TDKT_DB-shm" "$TDKT_DB-index"
tdkt=build/tdkt
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tdkt import examples/kontum-demo"
$tdkt import examples/kontum-demo

step "tdkt rules list"
$tdkt rules list

step "tdkt eval --year 2024 (bộ quy tắc theo ngày trình; lưu quyết định)"
$tdkt eval --year 2024 > build/demo-eval.txt
# The whole explanation is long: show its head and the summary.
head -n 40 build/demo-eval.txt
echo "…"
sed -n '/^Tổng hợp/,$p' build/demo-eval.txt
echo "(toàn bộ kết quả: build/demo-eval.txt)"

step "tdkt diff --from 2023-12-31 --to 2024-12-31 (chạy thử: NĐ 91/2017 → Luật 2022)"
$tdkt diff --year 2024 --from 2023-12-31 --to 2024-12-31 > build/demo-diff.txt
# Each nomination that changes, then the summary: show the first ones and
# the summary.
head -n 30 build/demo-diff.txt
echo "…"
sed -n '/^Hình thức/,$p' build/demo-diff.txt
echo "(toàn bộ: build/demo-diff.txt)"

step "tdkt confer (ghi các khen thưởng cấp tỉnh đủ điều kiện thành khen thưởng đã trao)"
run=$($tdkt runs --format jsonl | head -n 1 | sed 's/.*"run":\([0-9]*\).*/\1/')
# The chairman's decision confers the province's own awards (those of the
# annual report), not the Prime Minister's or the State's.
$tdkt confer --run "$run" --decision-no "123/QĐ-UBND" --date 2025-03-20 \
    --code bk_tinh --code cstd_tinh --code co_tinh --code huy_hieu_tinh

step "tdkt report --year 2024"
$tdkt report --year 2024
