#!/usr/bin/env bash
# Build the libFuzzer targets (tests/fuzz) into build-fuzz with clang, replay
# the regression inputs of tests/fuzz/regressions, then fuzz each target for
# SECONDS (default 20) from its seed corpus, all targets at once.
#
#   scripts/fuzz.sh [--no-deps] [--no-build] [--target NAME]...
#                   [--corpus DIR] [SECONDS]
#
#   --no-deps      do not install missing packages (clang, libFuzzer, …)
#   --no-build     use build-fuzz as it is
#   --target NAME  only this target (csv, import or rules); repeatable
#   --corpus DIR   keep the inputs found in DIR/NAME instead of
#                  build-fuzz/corpus/NAME (a fresh DIR: start from the
#                  seeds alone, as the smoke test does)
#
# New inputs go to build-fuzz/corpus/NAME (the seeds in tests/fuzz/NAME are
# only read), crashes to build-fuzz/artifacts/NAME/, each run's log to
# build-fuzz/logs/NAME.log. Exit status: 0 when nothing crashed, 1 when a
# regression input still fails or the fuzzing found a crash, 2 on a usage
# or build error. tests/fuzz/README.md explains the targets, how to make a
# crash a regression input, and a long run.
set -euo pipefail
cd "$(dirname "$0")/.."

# What fuzzing needs besides what deps.sh installs: clang and its runtime
# libraries, libFuzzer among them (Debian ships it in libclang-rt-14-dev).
TDKT_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

deps=1 build=1 seconds=20 corpus=
targets=()
while [ $# -gt 0 ]; do
    case $1 in
    --no-deps) deps=0 ;;
    --no-build) build=0 ;;
    --target)
        [ $# -ge 2 ] || { echo "fuzz.sh: --target needs a name" >&2; exit 2; }
        targets+=("$2")
        shift
        ;;
    --corpus)
        [ $# -ge 2 ] || { echo "fuzz.sh: --corpus needs a folder" >&2; exit 2; }
        corpus=$2
        shift
        ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *[!0-9]* | '')
        echo "fuzz.sh: unknown argument '$1' (see --help)" >&2
        exit 2
        ;;
    *) seconds=$1 ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=(csv import rules)
for t in "${targets[@]}"; do
    case $t in
    csv | import | rules) ;;
    *) echo "fuzz.sh: unknown target '$t' (csv, import, rules)" >&2; exit 2 ;;
    esac
done

if [ "$deps" = 1 ]; then
    . scripts/deps.sh
    tdkt_install_deps
    (TDKT_PACKAGES=("${TDKT_FUZZ_PACKAGES[@]}") && tdkt_install_deps)
fi

cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$cc" ]; then
    echo "fuzz.sh: clang is not installed (apt-get install ${TDKT_FUZZ_PACKAGES[*]})" >&2
    exit 2
fi

out=build-fuzz
if [ "$build" = 1 ]; then
    echo "== build ($out, $(basename "$cc"), -fsanitize=fuzzer,address,undefined)"
    # CMake drops the whole cache (and the -D options given with it) when
    # the compiler changes: start afresh then.
    if [ -f "$out/CMakeCache.txt" ] &&
        ! grep -qx "CMAKE_C_COMPILER:[A-Z]*=$cc" "$out/CMakeCache.txt"; then
        rm -rf "$out/CMakeCache.txt" "$out/CMakeFiles"
    fi
    cmake -S . -B "$out" -DCMAKE_C_COMPILER="$cc" -DTDKT_FUZZ=ON \
        -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null ||
        exit 2
    : >"$out/build.log"
    for t in "${targets[@]}"; do # one at a time: parallel goals race
        cmake --build "$out" -j"$(nproc)" --target "fuzz_$t" \
            >>"$out/build.log" 2>&1 ||
            { tail -30 "$out/build.log" >&2; exit 2; }
    done
fi
bin=$out/tests/fuzz
mkdir -p "$out/logs"
# The targets' scratch folders (tests/fuzz/fuzz_util.c) go under one folder
# removed at the end: a crashing target cannot clean up after itself.
scratch=$(mktemp -d /dev/shm/tdkt-fuzz.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
corpus=${corpus:-$out/corpus}

# Crashes must stop a run; leaks count as crashes. Known, reported UBSan
# findings are suppressed while fuzzing (tests/fuzz/ubsan.supp), not in
# the regression replays.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=1:symbolize=1"
strict_ubsan="halt_on_error=1:print_stacktrace=1"
fuzz_ubsan="$strict_ubsan:suppressions=$PWD/tests/fuzz/ubsan.supp"
# The same for the targets' own invariants: names in tests/fuzz/known-bugs.
fuzz_ignore=$(sed 's/#.*//' tests/fuzz/known-bugs 2>/dev/null | tr -s ' \n' ' ')
unset FUZZ_IGNORE

status=0

# (A regression input runs in well under a second; 3 s catches the hangs.)
echo "== regression inputs (tests/fuzz/regressions)"
for t in "${targets[@]}"; do
    dir=tests/fuzz/regressions/$t
    files=()
    [ -d "$dir" ] && while IFS= read -r f; do files+=("$f"); done \
        < <(find "$dir" -type f ! -name '*.md' ! -name '.*' | sort)
    if [ ${#files[@]} -eq 0 ]; then
        echo "$t: none"
        continue
    fi
    bad=0
    for f in "${files[@]}"; do
        if ! UBSAN_OPTIONS=$strict_ubsan "$bin/fuzz_$t" -timeout=3 "$f" \
            >"$out/logs/replay-$t.log" 2>&1; then
            echo "$t: FAILS: $f" >&2
            grep -m3 -E 'ERROR: |runtime error|==fuzz==|timeout' \
                "$out/logs/replay-$t.log" | sed 's/^/    /' >&2 || true
            bad=$((bad + 1))
        fi
    done
    echo "$t: ${#files[@]} inputs, $bad failing"
    [ "$bad" -eq 0 ] || status=1
done

echo "== fuzzing ${seconds} s: ${targets[*]}"
pids=()
for t in "${targets[@]}"; do
    mkdir -p "$corpus/$t" "$out/artifacts/$t"
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    UBSAN_OPTIONS=$fuzz_ubsan FUZZ_IGNORE=$fuzz_ignore "$bin/fuzz_$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" \
        "$corpus/$t" "tests/fuzz/$t" >"$out/logs/$t.log" 2>&1 &
    pids+=($!)
done
for i in "${!targets[@]}"; do
    t=${targets[$i]}
    if wait "${pids[$i]}"; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log")
        cov=$(grep -oE 'cov: [0-9]+' "$out/logs/$t.log" | tail -1)
        echo "$t: ok, ${execs:-?} inputs, ${cov:-cov: ?}, corpus $(find "$corpus/$t" -type f | wc -l) inputs"
    else
        status=1
        echo "$t: CRASH (log: $out/logs/$t.log)" >&2
        grep -m5 -E 'ERROR: |runtime error|==fuzz==|^artifact_prefix|Test unit written' \
            "$out/logs/$t.log" | sed 's/^/    /' >&2 || true
    fi
done
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: failures; see tests/fuzz/README.md to turn a crash into a regression input" >&2
fi
exit "$status"
