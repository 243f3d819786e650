#!/usr/bin/env bash
# Installs whatever runbookc needs that is missing: Debian packages (apt-get)
# and the pinned npm packages (npm ci). Idempotent: a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and link dependencies, then the tools the tests and benchmarks use.
APT_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libtree-sitter-dev libpg-query-dev libprotobuf-c-dev
  libpugixml-dev libcli11-dev libfmt-dev doctest-dev
  libfyaml-dev nlohmann-json3-dev libutf8proc-dev libxxhash-dev
  libre2-dev libmimalloc-dev
  clang libclang-rt-14-dev
  bash-static shellcheck
  postgresql redis-server
  chromium default-jre-headless
  hugo hyperfine python3 bc valgrind
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: grammars (compiled by CMake), test and site tooling.
# --ignore-scripts: the grammars' install scripts download a CLI, which is not needed.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "install-deps: npm ci"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
