#!/usr/bin/env bash
# A generated script as an engineer sees it in a terminal (tmux: keys sent,
# the screen read back): colour headers and a red DANGER, the confirmation
# prompts, a step that runs until Ctrl-C going on with the next one, Ctrl-C
# in a step stopping it with the way to resume, a second Ctrl-C quitting;
# the transcript holds each step's output, timestamped, secrets masked.
# NO_COLOR turns colour off.
# Usage: script_terminal.sh path/to/runbookc
set -uo pipefail
RB=$(realpath "$1")
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
source "$(cd "$(dirname "$0")" && pwd)/lib/tmux.sh"
command -v tmux >/dev/null || { echo "note: tmux absent (scripts/install-deps.sh --test installs it)"; exit 1; }
work=$(mktemp -d)
sock=$work/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
cat > rb.md <<'MD'
# Session store down

## Diagnosis

```bash
echo "dsn postgres://app:hunter2@db.internal:5432/app"
echo "token $API_TOKEN"
echo to-stderr >&2
```

```bash
tail -f growing.log
```

## Mitigation

```bash
echo "started $((6 * 7))"
sleep 300
echo never-printed
```

```bash
echo last-step
```
MD
"$RB" script rb.md -o run.sh
echo first-line > growing.log


tmux -S "$sock" new-session -d -s rb -x 160 -y 60 \
  "cd '$work' && API_TOKEN=tok-s3cr3t XDG_STATE_HOME='$work/state' TERM=xterm-256color ./run.sh; echo EXIT=\$?; sleep 600"
check "step 1 announced as 1/4" wait_for "== Step 1/4 [bash] Session store down > Diagnosis (rb.md line 5)"
check "DANGER shown" wait_for "DANGER:"
screen -e >colour.txt
check "the step header is bold cyan" contains colour.txt $'\033[1m\033[36m== Step 1/4'
check "DANGER is red" contains colour.txt $'\033[1m\033[31mDANGER:'
check "asked to type the step number" wait_for "Step 1 is dangerous. Type 1 to run it, anything else stops:"
keys 1 Enter
check "step 1's output on the screen" wait_for "to-stderr"
check "the follow step is announced" wait_for "Runs until Ctrl-C (\`tail -f\` follows the file); Ctrl-C goes on with the next step."
check "asked before step 2" wait_for "Run step 2? [Enter] run, s skip, q quit:"
keys Enter
check "tail shows the file" wait_for "first-line"
echo second-line >> growing.log
check "and follows it" wait_for "second-line"
keys C-c
check "Ctrl-C goes on" wait_for "stopped with Ctrl-C; going on"
check "asked before step 3" wait_for "Run step 3? [Enter] run, s skip, q quit:"
keys Enter
check "step 3 runs" wait_for "started 42"
keys C-c
check "Ctrl-C stops step 3 and says how to resume" wait_for "Step 3 interrupted. Resume with --from 3, or skip it with --from 4."
check "then offers to go on" wait_for "[Enter] go on with step 4, q quit (Ctrl-C quits):"
keys C-c
check "a second Ctrl-C quits with 130" wait_for "EXIT=130"
check "naming the step and the transcript" wait_for "Interrupted at step 3. Resume with --from 3 (transcript: $work/state/runbookc/runbook-rb-"
screen >screen.txt
check "step 3's rest never ran" bash -c '! grep -qx never-printed screen.txt'

log=$(ls "$work"/state/runbookc/runbook-rb-*.log)
check "the transcript is under XDG_STATE_HOME" test -f "$log"
check "output kept with its offset" contains "$log" "  +0s | to-stderr"
check "URL password masked" contains "$log" "  +0s | dsn postgres://app:***@db.internal:5432/app"
check "secret variable's value masked" contains "$log" "  +0s | token ***"
check "the secret never reaches the transcript" lacks "$log" "tok-s3cr3t"
check "nor the URL password" lacks "$log" "hunter2"
check "followed lines recorded" contains "$log" "| second-line"
check "the follow step's end recorded" contains "$log" "stopped with Ctrl-C (runs until interrupted)"
check "the interrupt recorded" contains "$log" "interrupted at step 3"

# NO_COLOR: the same screen without escape sequences.
tmux -S "$sock" kill-session -t rb
tmux -S "$sock" new-session -d -s rb -x 160 -y 60 \
  "cd '$work' && NO_COLOR=1 XDG_STATE_HOME='$work/state' TERM=xterm-256color ./run.sh --step 4; echo EXIT=\$?; sleep 600"
check "NO_COLOR run asks" wait_for "Run step 4? [Enter] run, s skip, q quit:"
screen -e >plain.txt
check "NO_COLOR: no escape sequence" lacks plain.txt $'\033[1m'
keys Enter
check "NO_COLOR run ends" wait_for "EXIT=0"
check "and its last line names the transcript" wait_for "Done: steps 4 to 4 ran. Transcript: $work/state/runbookc/"

echo "script_terminal: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
