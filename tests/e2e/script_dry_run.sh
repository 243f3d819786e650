#!/usr/bin/env bash
# `--dry-run` needs no values (and takes none from bash's own SECONDS): it shows every step with the values it was
# given, the missing ones as <name?>, lists what a real run would ask for,
# and runs nothing (a step that would write a file writes none).
# Usage: script_dry_run.sh path/to/runbookc
set -uo pipefail
RB=$(realpath "$1")
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > rb.md <<'MD'
# Roll back

## Steps

```bash
touch ran.txt
kubectl rollout undo deployment/<deployment> --to-revision=<revision>
```

```bash
sleep <seconds>
```
MD
"$RB" script rb.md -o run.sh

./run.sh --dry-run </dev/null >out.txt 2>&1
echo $? >rc.txt
check "dry run without values exits 0" same rc.txt 0
check "missing values shown as <name?>" contains out.txt '   | kubectl rollout undo deployment/<deployment?> --to-revision=<revision?>'
check "a missing integer value is not refused" contains out.txt '   | sleep <seconds?>'
tail -4 out.txt >asked.txt
check "the closing list names what a real run would ask for" same asked.txt \
"A real run would ask for these values (shown above as <name?>):
  <deployment>: --param deployment=VALUE or DEPLOYMENT=VALUE in the environment (step 1)
  <revision>: --param revision=VALUE or REVISION=VALUE in the environment (step 1)
  <seconds>: --param seconds=VALUE (step 2)"
ls >files.txt
check "no step ran: no ran.txt" same files.txt "asked.txt
files.txt
out.txt
rb.md
rc.txt
run.sh"

DEPLOYMENT=api ./run.sh --dry-run --param revision=7 </dev/null >given.txt 2>&1
check "given values are in place" contains given.txt '   | kubectl rollout undo deployment/api --to-revision=7'
grep -c '^  <' given.txt >count.txt
check "only the missing value is listed" same count.txt 1

./run.sh --yes </dev/null >real.txt 2>&1
echo $? >rc.txt
check "a real run still refuses missing values (exit 2)" same rc.txt 2
check "and says so before any step" contains real.txt 'Missing parameters; no step was run:'
echo "script_dry_run: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
