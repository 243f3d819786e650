#!/usr/bin/env bash
# Regenerates tests/golden/rule_messages.txt (every rule's findings on its bad
# example) after a deliberate message change; review the diff before committing.
# BUILD names the build directory (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ninja -C "$BUILD" -j2 gen_rule_messages
"$BUILD/gen_rule_messages" tests/golden/rule_messages.txt
git --no-pager diff --stat -- tests/golden/rule_messages.txt
