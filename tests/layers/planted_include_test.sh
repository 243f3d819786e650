#!/usr/bin/env bash
# The include-direction check catches what it is for: on a copy of the source
# tree it passes, then fails on a planted upward include and on a planted
# include between two back ends, naming the file, the line and the layers.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$src/compiler" "$src/linter" "$tmp/"
cp -r "$src/tests" "$tmp/tests"

bash "$tmp/tests/layers/check_includes.sh" "$tmp" >"$tmp/out" || fail "the clean tree is rejected: $(cat "$tmp/out")"

# Upward: base (layer 1) including the cli (layer 7), planted on a known line.
lines=$(wc -l <"$tmp/compiler/base/ascii.h")
echo '#include "compiler/cli/commands.h"' >>"$tmp/compiler/base/ascii.h"
if bash "$tmp/tests/layers/check_includes.sh" "$tmp" >"$tmp/out"; then fail "an upward include passed"; fi
expected="compiler/base/ascii.h:$((lines + 1)): includes compiler/cli/commands.h: layer base may not include layer cli above it"
[ "$(cat "$tmp/out")" = "$expected" ] || fail "got: $(cat "$tmp/out")"

# Sideways: the site back end including the script back end.
sed -i '$d' "$tmp/compiler/base/ascii.h"
sed -i '1i #include "compiler/emit/script/script.h"' "$tmp/compiler/emit/site/page.cc"
if bash "$tmp/tests/layers/check_includes.sh" "$tmp" >"$tmp/out"; then fail "a back-end-to-back-end include passed"; fi
expected="compiler/emit/site/page.cc:1: includes compiler/emit/script/script.h: back end site may not include back end script (share through compiler/emit/output or a lower layer)"
[ "$(cat "$tmp/out")" = "$expected" ] || fail "got: $(cat "$tmp/out")"
echo "ok: clean tree accepted; planted upward and sideways includes rejected at file:line"
