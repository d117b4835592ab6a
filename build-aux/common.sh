# Shared by build-aux/run and build-aux/test: install what is missing, then build.
# Sourced, not executed.

build_packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libcbor-dev libsecret-1-dev libgtksourceview-5-dev
  # The validators of the data suite: without them its tests would not run.
  desktop-file-utils appstream libglib2.0-bin
)
# clang builds the sanitizer build and the fuzzers: libclang-rt-14-dev has
# the ASan, UBSan and libFuzzer runtimes, llvm the llvm-symbolizer that turns
# their stacks into file names and lines.
test_packages=(
  xvfb xauth valgrind python3 clang libclang-rt-14-dev llvm
  # Ships JSON-Schema-Test-Suite as data, for tests/lib/test-schema-suite.c.
  libtest-json-schema-acceptance-perl
)

log () {
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

# Installs the Debian packages of "$@" that are not installed yet.
ensure_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    [ "${NEED_NODE:-0}" = 1 ] && missing+=(nodejs npm)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0

  log "Installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Debian 12's own nodejs is 18, older than the test servers need (RivetKit
# 2.3): say so up front rather than through a server that fails to start.
check_node_version () {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 20 ] ||
    log "Warning: the test servers need Node.js 20 or newer; this is $(node --version 2>/dev/null || echo none)"
}

# Installs the npm packages of every folder given, when its lock file changed.
ensure_npm_packages () {
  local dir
  for dir in "$@"; do
    [ -f "$dir/package.json" ] || continue
    if [ -f "$dir/node_modules/.package-lock.json" ] &&
       [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
      continue
    fi
    log "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  done
}

# Configures (once) and builds the build folder "$1"; the rest goes to meson setup.
ensure_build () {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    log "Configuring $dir"
    meson setup "$dir" "$@"
  fi
  log "Building $dir"
  meson compile -C "$dir"
}

# Like ensure_build, for a build folder that must use the C compiler "$1"
# (CC must name it too): a folder configured with another compiler is
# configured again from scratch.
ensure_build_with_compiler () {
  local compiler=$1 dir=$2 used
  shift 2
  if [ -f "$dir/build.ninja" ]; then
    used=$(awk '/^rule c_COMPILER$/ { getline; print $3; exit }' "$dir/build.ninja")
    case ${used##*/} in
      "$compiler"*) ;;
      *)
        log "Configuring $dir again, with $compiler instead of ${used##*/}"
        rm -rf "$dir"
        ;;
    esac
  fi
  ensure_build "$dir" "$@"
}
