#!/usr/bin/env bash
# Install what tdkt needs to build and test, from Debian's packages, if
# anything is missing. Sourced by demo.sh and test.sh; idempotent; works as
# root or as a user with sudo.
TDKT_PACKAGES=(build-essential cmake pkg-config python3 sqlite3
               liblua5.4-dev libsqlite3-dev libcmocka-dev libutf8proc-dev
               libxlsxwriter-dev libmd-dev unzip)

tdkt_install_deps() {
    local missing=()
    for p in "${TDKT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
            --no-install-recommends "${missing[@]}" >/dev/null
}

# Configure and build into $1 (default: build) with extra cmake args.
tdkt_build() {
    local dir="${1:-build}"
    shift || true
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null &&
        cmake --build "$dir" -j"$(nproc)"
}
