#!/usr/bin/env bash
# Hostile text in a runbook (title, headings, prose, file name) and hostile
# --param values are never executed by a generated script: they travel as
# single-quoted data, expansions or psql variables.
set -euo pipefail
RUNBOOKC=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/run"
runbook="$work/evil\$(touch x)'q\"\`touch x\`.md"
cat >"$runbook" <<'MD'
---
title: |
  Evil $(touch x) `touch x` ' " title
  second line $(touch x)
---
# Heading $(touch x) `touch x` 'q' "dq" \

Prose before $(touch x) `touch x` ' " the step.

```bash
echo <word> and "<name>" and '<name>' and $'<name>'
echo "nested: $(printf '%s' "<name>") $(printf '%s' <word>)"
cat <<END
value: <name>
END
# a comment with <ignored> in it
```

```sql
SELECT '<name>' AS whole, '%<name>%' AS inside, <word> AS bare;
SELECT E'<word>' AS escaped;
```
MD
"$RUNBOOKC" script "$runbook" -o "$work/run/evil.sh" || fail "compile"
cd "$work/run"
printf '%s\n' '#!/usr/bin/env bash' 'printf "arg: %s\n" "$@" >>psql.args' 'cat >>psql.stdin' >fake-psql
chmod +x fake-psql
export RUNBOOK_PSQL="$PWD/fake-psql"
hostile=$'$(touch x) `touch x` \'; touch x; \' "; touch x; " \n touch x'

./evil.sh --list >/dev/null
./evil.sh --help >/dev/null
./evil.sh --dry-run --param "word=$hostile" --param name=plain </dev/null >dry.out 2>&1 || fail "dry run: $(cat dry.out)"
grep -qF '$(touch x) `touch x`' dry.out || fail "dry run does not show the value: $(cat dry.out)"
[[ ! -e psql.args ]] || fail "dry run ran psql"
# A hostile value inserted into quoted text is refused before any step runs.
rc=0
./evil.sh --yes --param "word=plain" --param "name=$hostile" </dev/null >refused.out 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "hostile value inside quotes: exit $rc: $(cat refused.out)"
# For real, with the hostile value where it stands as one whole word.
./evil.sh --yes --param "word=$hostile" --param name=safe-1 --log run.log </dev/null >real.out 2>&1 ||
  fail "real run: $(cat real.out)"
grep -qF "and safe-1 and safe-1 and safe-1" real.out || fail "echo output: $(cat real.out)"
grep -qF '$(touch x) `touch x` '"'"'; touch x;' real.out || fail "echo output: $(cat real.out)"
grep -qF 'value: safe-1' real.out || fail "heredoc output: $(cat real.out)"
grep -qF 'nested: safe-1 $(touch x) `touch x`' real.out || fail "nested substitution output: $(cat real.out)"
grep -qF 'arg: rb_word=$(touch x)' psql.args || fail "psql variable: $(cat psql.args)"
grep -qF "SELECT :'rb_name' AS whole, :'rb_literal_1' AS inside, :'rb_word' AS bare;" psql.stdin ||
  fail "SQL text: $(cat psql.stdin)"
grep -qF "SELECT :'rb_word' AS escaped;" psql.stdin || fail "E'...' literal: $(cat psql.stdin)"
grep -qF "\\set rb_literal_1 '%' :rb_name '%'" psql.stdin || fail "literal built with \\set: $(cat psql.stdin)"
[[ ! -e x && ! -e ../x ]] || fail "hostile text was executed"
echo "ok: script_injection"
