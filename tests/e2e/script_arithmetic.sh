#!/usr/bin/env bash
# A --param value that bash would evaluate as arithmetic (where an array
# subscript in the value runs a command) must be a whole number; runbook text
# with terminal escape sequences reaches the terminal as visible escapes.
set -euo pipefail
RUNBOOKC=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

cat >arith.md <<'MD'
# Scaling by hand

## Steps

```bash
echo "expansion $(( <a> + 1 ))"
```

```bash
if [[ <b> -ge 2 ]]; then echo "test big"; else echo "test small"; fi
```

```bash
(( <c> > 3 )) && echo "command big" || echo "command small"
```

```bash
let total=<d>+1; echo "let $total"
```

```bash
declare -i n=<e>; echo "declare $n"
```

```bash
s=abcdefgh; echo "substring ${s:<f>:2}"
```

```bash
arr=(zero one two); echo "index ${arr[<g>]}"
```

```bash
for ((i = 0; i < <h>; i++)); do echo "loop $i"; done
```

```bash
count=<k>
```

```bash
echo "carried $(( count * 10 ))"
```

```bash
printf 'name %s\n' <w> && [ -n <w> ]
```
MD
"$RUNBOOKC" script arith.md -o arith.sh || fail "compile"

# Which step takes which parameter, and that it is integer-only.
expected_integer="a b c d e f g h k"
for p in $expected_integer; do
  grep -Eq "^  \[[0-9]+\]='$p'$" <(sed -n '/^RB_STEP_INTEGER=(/,/^)/p' arith.sh) || fail "<$p> is not integer-only"
done
grep -q "'w'" <(sed -n '/^RB_STEP_INTEGER=(/,/^)/p' arith.sh) && fail "<w> (a plain word) was made integer-only"

params=()
for p in $expected_integer; do params+=(--param "$p=a[\$(touch PWNED_$p)]"); done
for ((step = 1; step <= 9; step++)); do
  rc=0
  ./arith.sh --yes --from "$step" --log run.log "${params[@]}" --param w=x </dev/null >out.txt 2>&1 || rc=$?
  [[ $rc == 2 ]] || fail "step $step with a subscript payload: exit $rc: $(cat out.txt)"
  grep -q "must be whole numbers; no step was run" out.txt || fail "step $step: $(cat out.txt)"
done
# The plain-word check of other shells' text is separate: an injection in <w> is data.
./arith.sh --yes --step 11 --log run.log --param 'w=a[$(touch PWNED_w)]' </dev/null >out.txt 2>&1 ||
  fail "a word parameter: $(cat out.txt)"
grep -qF 'name a[$(touch PWNED_w)]' out.txt || fail "word output: $(cat out.txt)"
compgen -G 'PWNED_*' >/dev/null && fail "a payload ran: $(ls PWNED_*)"

# Whole numbers run, with the values in place.
./arith.sh --yes --log run.log --param a=41 --param b=-3 --param c=+7 --param d=9 --param e=5 --param f=2 \
  --param g=1 --param h=2 --param k=4 --param w=web </dev/null >ok.txt 2>&1 || fail "integers: $(cat ok.txt)"
for line in "expansion 42" "test small" "command big" "let 10" "declare 5" "substring cd" "index one" \
  "loop 1" "carried 40" "name web"; do
  grep -qxF "$line" ok.txt || fail "missing '$line' in: $(cat ok.txt)"
done

# Terminal escapes in the runbook's heading, prose and commands.
printf '# Escapes\n\n## Clear \033[2J the \033]0;title\007 screen\n\nRead \033[8mhidden\033[0m prose.\n\n```bash\necho safe\n```\n\n```bash\nrm -rf ./gone # \033[1A\033[2Kharmless\n```\n' >esc.md
"$RUNBOOKC" script esc.md -o esc.sh || fail "compile escapes"
# The only raw ESC bytes are the author's, in the code the step runs; none in what the script prints.
[[ $(grep -c $'\033' esc.sh) == 1 ]] && grep -q $'^rm -rf ./gone # \033\\[1A' esc.sh ||
  fail "raw ESC bytes outside the step's code: $(grep -n $'\033' esc.sh | cat -v)"
./esc.sh --list >list.txt 2>&1 || fail "list: $(cat list.txt)"
grep -qF '  1   [bash] Escapes > Clear \e[2J the \e]0;title\x07 screen' list.txt || fail "list: $(cat -v list.txt)"
grep -qF '  2   [bash] Escapes > Clear \e[2J the \e]0;title\x07 screen' list.txt || fail "list: $(cat -v list.txt)"
./esc.sh --dry-run >dry.txt 2>&1 || fail "dry run: $(cat dry.txt)"
grep -q $'[\001-\010\013-\037\177]' dry.txt && fail "control bytes on the terminal: $(cat -v dry.txt)"
grep -qF '   Read \e[8mhidden\e[0m prose.' dry.txt || fail "prose: $(cat -v dry.txt)"
grep -qF '   | rm -rf ./gone # \e[1A\e[2Kharmless' dry.txt || fail "command: $(cat -v dry.txt)"
# A value holding an escape sequence is refused.
rc=0
./arith.sh --yes --step 11 --log run.log --param $'w=x\033[2Jy' </dev/null >ctl.txt 2>&1 || rc=$?
[[ $rc == 2 ]] && grep -qF 'These values hold control characters' ctl.txt || fail "control value: exit $rc $(cat -v ctl.txt)"
echo "script_arithmetic: ok"
