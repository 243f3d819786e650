#!/usr/bin/env bash
# Installs whatever runbookc needs that is missing: Debian packages (apt-get)
# and the pinned npm packages (npm ci). Idempotent: a second run does nothing.
#   scripts/install-deps.sh            what building and running needs (make build, make demo)
#   scripts/install-deps.sh --package  and what `make package` needs (dpkg-shlibdeps)
#   scripts/install-deps.sh --test     and the tools the tests and benchmarks use (make test)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
case $mode in build | --package | --test) ;; *) echo "usage: $0 [--package|--test]" >&2; exit 2 ;; esac

# Building: the compiler, the parsers and libraries runbookc links (cpp-httplib
# is `serve`'s HTTP server), Node.js for the pinned grammars. Running:
# bash-static, which lint prefers for `bash -n` as it starts faster (lint
# falls back to bash).
APT_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libtree-sitter-dev libpg-query-dev libprotobuf-c-dev
  libpugixml-dev libcli11-dev libfmt-dev doctest-dev
  libfyaml-dev nlohmann-json3-dev libutf8proc-dev libxxhash-dev
  libre2-dev libmimalloc-dev libcpp-httplib-dev
  bash-static
)
PACKAGE_TOOLS=(dpkg-dev)
# The tests: the sanitizer build (clang), servers the scripts run against,
# a browser and an HTML validator for the site, the installed man page and
# completions (man-db, zsh, fish), pre-commit for the hook, Neovim as an LSP
# client, curl for serve's; the benchmarks.
TEST_TOOLS=(
  clang libclang-rt-14-dev shellcheck
  postgresql redis-server
  chromium default-jre-headless
  man-db groff-base bash-completion zsh fish tmux pre-commit git neovim
  hugo hyperfine python3 bc valgrind curl
)
[ "$mode" = build ] || APT_PACKAGES+=("${PACKAGE_TOOLS[@]}")
[ "$mode" = --test ] && APT_PACKAGES+=("${TEST_TOOLS[@]}")

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

# npm packages: "dependencies" are what the build compiles or embeds (the
# grammars, the site's search library); "devDependencies" are the test
# tooling (browser driver, validators), installed for --test only.
# --ignore-scripts: the grammars' install scripts download a CLI, which is not needed.
want=prod
[ "$mode" = --test ] && want=dev
have=$(cat node_modules/.runbookc-npm 2>/dev/null || echo none)
if [ "$have" = none ] || [ package-lock.json -nt node_modules/.runbookc-npm ] || { [ "$want" = dev ] && [ "$have" = prod ]; }; then
  omit=()
  [ "$want" = prod ] && omit=(--omit=dev)
  echo "install-deps: npm ci ${omit[*]}"
  npm ci "${omit[@]}" --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" >node_modules/.runbookc-npm
fi
