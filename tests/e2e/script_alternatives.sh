#!/usr/bin/env bash
# Alternatives are a choice, not a sequence: sibling sections headed "If ..."
# (or Si, Option, Case, Scenario...) run one of them. --branch picks it; on a
# terminal the script asks when it gets there (tmux: keys sent, screen read);
# without a terminal and without --branch it lists them and runs nothing.
# Usage: script_alternatives.sh path/to/runbookc
set -uo pipefail
RB=$(realpath "$1")
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
source "$(cd "$(dirname "$0")" && pwd)/lib/tmux.sh"
work=$(mktemp -d)
sock=$work/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
cat > rb.md <<'MD'
# Queue backlog

## Diagnosis

```bash
touch diagnosed
```

## Mitigation

### If the consumers are down

```bash
touch restarted-consumers
```

### If one message is poisoned

```bash
touch moved-<message-id>
```

## Verify

```bash
touch verified
```
MD
"$RB" script rb.md -o run.sh

./run.sh --list >list.txt 2>&1
check "--list names the alternatives" same <(sed -n '/^Alternatives/,$p' list.txt) 'Alternatives (one of each group runs; a terminal asks, or give --branch):
  under "Mitigation":
    --branch if-the-consumers-are-down   (If the consumers are down)
    --branch if-one-message-is-poisoned   (If one message is poisoned)'

./run.sh --yes </dev/null >none.txt 2>&1
echo $? >rc.txt
check "without a terminal or --branch: exit 2" same rc.txt 2
check "the choices are listed" contains none.txt '    --branch if-one-message-is-poisoned   (If one message is poisoned)'
ls >files.txt
check "and nothing ran" lacks files.txt diagnosed

./run.sh --yes --branch if-one-message-is-poisoned --param message-id=42 --log log.txt </dev/null >chosen.txt 2>&1
echo $? >rc.txt
check "--branch runs: exit 0" same rc.txt 0
ls >files.txt
check "the chosen alternative ran" contains files.txt moved-42
check "the other did not" lacks files.txt restarted-consumers
check "steps before and after the alternatives ran" bash -c 'test -f diagnosed && test -f verified'
check "the skipped step is said" contains chosen.txt '-- step 2/4 skipped: not the alternative chosen (Queue backlog > Mitigation > If the consumers are down)'
rm -f diagnosed verified moved-42

./run.sh --yes --branch if-the-consumers-are-down </dev/null >consumers.txt 2>&1
check "the other alternative's parameter is not asked for" lacks consumers.txt 'message-id'
rm -f diagnosed verified restarted-consumers

./run.sh --branch nope </dev/null >bad.txt 2>&1
echo $? >rc.txt
check "an unknown --branch: exit 2" same rc.txt 2
check "naming the alternatives" contains bad.txt "--branch: 'nope' is not one of this script's alternatives: if-the-consumers-are-down if-one-message-is-poisoned"
./run.sh --branch if-the-consumers-are-down --branch if-one-message-is-poisoned </dev/null >both.txt 2>&1
check "two alternatives of one group refused" contains both.txt 'are alternatives to each other: choose one'

./run.sh --dry-run </dev/null >dry.txt 2>&1
echo $? >rc.txt
check "a dry run shows every alternative" same rc.txt 0
check "marked as alternatives" contains dry.txt '   (an alternative: a real run asks which applies, or takes --branch)'

# On a terminal: asked when the alternatives are reached.
tmux -S "$sock" new-session -d -s rb -x 150 -y 50 \
  "cd '$work' && XDG_STATE_HOME='$work/state' ./run.sh; echo EXIT=\$?; sleep 600"
check "step 1 is asked first" wait_for "Run step 1? [Enter] run, s skip, q quit:"
keys Enter
check "then the choice" wait_for '"Mitigation" offers alternatives; run the one that applies:'
screen >choice.txt
check "numbered" contains choice.txt '  2) If one message is poisoned'
check "with none of them" contains choice.txt '  0) none of them'
keys 1 Enter
check "the chosen one runs" wait_for "Run step 2? [Enter] run, s skip, q quit:"
keys Enter
check "the other is skipped" wait_for "-- step 3/4 skipped: not the alternative chosen"
check "and its parameter never asked" bash -c '! tmux -S "'"$sock"'" capture-pane -p -t rb | grep -q "Value for <message-id>"'
check "then the rest" wait_for "Run step 4? [Enter] run, s skip, q quit:"
keys Enter
check "done" wait_for "EXIT=0"
ls >files.txt
check "consumers restarted, nothing moved" bash -c 'grep -qx restarted-consumers files.txt && ! grep -q moved files.txt'
check "the choice is in the transcript" contains "$(ls "$work"/state/runbookc/*.log)" 'alternative under "Mitigation": if-the-consumers-are-down'

echo "script_alternatives: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
