#!/usr/bin/env bash
# Generated scripts carry a shell session from step to step: variables a step
# sets (exported or not, with spaces and quotes in their values, arrays, names
# the runtime's own functions could use) and the directory it ends in reach
# the later steps; the runtime's own state does not
# leak, and a variable set by an earlier step is not demanded up front.
set -euo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir sub
cat > rb.md <<'MD'
# Session

## Steps

```bash
export NAMESPACE=prod
POD=$(printf '%s' "api-1 'quoted' \"twice\"")
HOSTS=(db-1 "db 2")
n=7
rc=3
name=mine
cd sub
```

```bash
printf '%s|%s|%s|%s|%s|%s\n' "$NAMESPACE" "$POD" "$(basename "$PWD")" "${HOSTS[1]}" "$n$rc$name" \
  "$(bash -c 'echo "$NAMESPACE"')" > result.txt
```
MD
"$RB" script rb.md -o run.sh
./run.sh --yes --log log.txt </dev/null >/dev/null 2>&1
expected="prod|api-1 'quoted' \"twice\"|sub|db 2|73mine|prod"
actual=$(cat sub/result.txt)
[[ $actual == "$expected" ]] || { echo "FAIL: expected [$expected], got [$actual]"; exit 1; }
grep -c '^exit: 0$' log.txt | grep -qx 2 || { echo "FAIL: both steps should be logged with exit 0"; cat log.txt; exit 1; }
echo "ok: script_session"
