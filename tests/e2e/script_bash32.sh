#!/usr/bin/env bash
# The script runtime stays within bash 3.2, the bash macOS ships. Debian has
# no bash 3.2 to run it under, so this reads a generated script (every kind
# of step, parameters, secrets, a step that runs until Ctrl-C) without the
# author's step bodies and refuses each construct bash 4.0 or later added, as
# bash's NEWS file lists them, and any array expansion that bash < 4.4 calls
# unbound under `set -u` when the array is empty. Then it checks that the
# list catches each construct (a planted line per pattern).
# Usage: script_bash32.sh path/to/runbookc
set -uo pipefail
RB=$(realpath "$1")
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > rb.md <<'MD'
# Everything a script holds

## Diagnosis

```bash
kubectl logs -f deploy/<deployment> -n <namespace>
echo "$DB_PASSWORD" | wc -c
```

```sql
SELECT pg_terminate_backend(<pid>);
```

```redis
FLUSHDB
```

## Mitigation

```bash
for i in $(seq 1 <count>); do echo "$i"; done
```
MD
"$RB" script rb.md -o run.sh
# The runtime and the data, without the runbook's own commands (rb_step_N
# bodies), comments, and the lines marked "bash 4+ only" (counted below).
awk '/^rb_step_[0-9]+\(\) \{$/ { skip = 1 } !skip { print } skip && /^}$/ { skip = 0 }' run.sh |
  grep -vE '^[[:space:]]*#' | grep -v '# bash 4+ only' | sed 's/  # .*$//' > runtime.sh
grep -c '# bash 4+ only' run.sh >exempt.txt
check "one line is bash 4+ only: carrying a step's associative array, which only bash 4+ can make" same exempt.txt 1

# pattern <TAB> what it is <TAB> a line it must catch
cat > constructs.tsv <<'TSV'
(declare|local|typeset)[[:space:]]+-[a-zA-Z]*A	associative arrays (bash 4.0)	declare -A map=()
(declare|local|typeset)[[:space:]]+-[a-zA-Z]*n[[:space:]]	namerefs (bash 4.3)	local -n ref=$1
(declare|local|typeset)[[:space:]]+-[a-zA-Z]*g	declare -g (bash 4.2)	declare -g x=1
(declare|local|typeset)[[:space:]]+-[a-zA-Z]*[lu][[:space:]=]	case-converting attributes (bash 4.0)	declare -l lower=X
\[\[[^]]*[[:space:]]-v[[:space:]]	[[ -v ]] (bash 4.2)	[[ -v name ]] && echo
test[[:space:]]+-v[[:space:]]	test -v (bash 4.2)	test -v name
\$\{[^}]*(,,|\^\^|,\}|\^\})	case modification ${x,,} ${x^^} (bash 4.0)	echo "${x,,}"
(^|[^[:alnum:]_])(mapfile|readarray)[[:space:]]	mapfile / readarray (bash 4.0)	mapfile -t lines < f
\$\{?(EPOCHREALTIME|EPOCHSECONDS|SRANDOM|BASH_ARGV0)	$EPOCHREALTIME, $EPOCHSECONDS (5.0), $SRANDOM (5.1), $BASH_ARGV0 (5.0)	t=${EPOCHREALTIME}
\$\{?BASHPID	$BASHPID (bash 4.0)	echo $BASHPID
wait[[:space:]]+-[a-z]*[np]	wait -n (4.3), wait -p (5.1)	wait -n
%\([^)]*\)T	printf %(...)T (bash 4.2)	printf '%(%s)T' -1
(^|[[:space:]])coproc[[:space:]]	coproc (bash 4.0)	coproc cat
&>>	&>> (bash 4.0)	echo x &>> log
\|&	|& (bash 4.0)	echo x |& cat
;;&|;&	case fall-through ;& ;;& (bash 4.0)	  a) echo ;&
\$\{[^}]*@[QEPAaKkUuL]\}	${x@Q} operators (bash 4.4, 5.1)	echo "${x@Q}"
\$\{[A-Za-z_][A-Za-z0-9_]*:[^}:]*:-[0-9]	negative substring length (bash 4.2)	echo "${t:0:-3}"
\$\{[A-Za-z_][A-Za-z0-9_]*\[-[0-9]+\]\}	negative array index (bash 4.3)	echo "${a[-1]}"
shopt[[:space:]]+-s[[:space:]]+(globstar|lastpipe|inherit_errexit|autocd|checkjobs|direxpand|localvar_inherit|assoc_expand_once|patsub_replacement)	shopt options (bash 4.0+)	shopt -s globstar
\{[A-Za-z_][A-Za-z0-9_]*\}[<>]	{var}> file descriptor allocation (bash 4.1)	exec {fd}> file
read[[:space:]][^|;]*-[a-zA-Z]*i[[:space:]]	read -i (bash 4.0)	read -e -i default x
(^|[^+])"\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\]\}"	array expansion unbound when empty under set -u (bash < 4.4): write ${a[@]+"${a[@]}"}	printf '%s\n' "${list[@]}"
(^|[^+])\$\{[A-Za-z_][A-Za-z0-9_]*\[\*\]\}	${a[*]} unbound when empty under set -u (bash < 4.4): write ${a[*]:-}	echo "${list[*]}"
TSV

while IFS=$'\t' read -r pattern what planted; do
  grep -nE -- "$pattern" runtime.sh >hits.txt
  check "no $what in the runtime" test ! -s hits.txt
  [[ -s hits.txt ]] && sed 's/^/    /' hits.txt
  printf '%s\n' "$planted" >planted.sh
  check "the pattern for $what catches: $planted" grep -qE -- "$pattern" planted.sh
done < constructs.tsv

# The scan reads the runtime, not an empty file.
check "the runtime was scanned" grep -q '^rb_main() {' runtime.sh
check "the author's step bodies were left out" bash -c '! grep -q "^rb_step_1() {" runtime.sh && grep -q "^rb_show_1() {" runtime.sh'

echo "script_bash32: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
