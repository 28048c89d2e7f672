# Shared by scripts/kith and scripts/test: install what is missing from Debian's packages,
# then configure and build kith incrementally. Sourced, not run.
set -euo pipefail

KITH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KITH_BUILD=${KITH_BUILD_DIR:-$KITH_ROOT/build}
# Extra configure options for a new build directory, e.g. -DKITH_SANITIZE=ON.
KITH_CMAKE_ARGS=${KITH_CMAKE_ARGS:-}

# Everything kith needs to build and test on Debian 12; nothing else is downloaded.
KITH_PACKAGES=(
  g++ cmake ninja-build pkg-config
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libhowardhinnant-date-dev
  nlohmann-json3-dev uuid-dev libicu-dev libtomlplusplus-dev libical-dev
  libgtest-dev libgmock-dev
  sqlite3 tzdata bsdutils scdoc dpkg-dev file
  clang-14 libclang-rt-14-dev
)

kith_install_packages() {
  local missing=() p
  for p in "${KITH_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "kith: missing packages; install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "kith: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

kith_build() {
  if [ ! -f "$KITH_BUILD/build.ninja" ]; then
    cmake -S "$KITH_ROOT" -B "$KITH_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DKITH_WERROR=ON ${KITH_CMAKE_ARGS:-} >&2
  fi
  cmake --build "$KITH_BUILD" -j "$(nproc)" "${KITH_BUILD_TARGETS[@]/#/--target=}" >&2
}
