# Shared by the end-to-end tests (sourced): the pass/fail tally every test
# prints last as "N passed, M failed", and helpers on database files.

passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
# check WHAT COMMAND...: one check, passed when COMMAND succeeds.
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# run ARGS...: run tdkt with ARGS; its exit status in $status, stdout in
# $tmp/out, stderr in $tmp/err ($tmp: the test's folder).
run() { status=0; "$TDKT" "$@" > "$tmp/out" 2> "$tmp/err" || status=$?; }

now() { date +%s.%N; }
# elapsed T0: seconds since T0 (from now), three decimals.
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }

# A database file, its WAL companions and its index image, gone.
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal" "$1-index"; }
# A copy of a closed database (no -wal left, so the main file is all),
# with its index image when it has one.
copy_db() {
    fresh "$2"
    cp "$1" "$2"
    [ ! -f "$1-index" ] || cp "$1-index" "$2-index"
}
# The store's content (a hash of its SQL text) without the index image:
# a cache that any command loading the records may write (index/image.c).
store_dump() {
    sqlite3 "$1" .dump | grep -v '^INSERT INTO index_image' | sha256sum |
        cut -d' ' -f1
}
# Rows of index_image in the store: 1 while it holds the token of a
# current index image (the file DB-index), 0 once the records changed.
image_parts() { sqlite3 "$1" "SELECT count(*) FROM index_image"; }
# That token, in hex.
image_token() { sqlite3 "$1" "SELECT hex(data) FROM index_image"; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]; }
# Saved runs whose decisions are not all there (must always be 0).
incomplete_runs() {
    sqlite3 "$1" "SELECT count(*) FROM runs r WHERE r.count <>
                  (SELECT count(*) FROM decisions d WHERE d.run_id = r.id)"
}
