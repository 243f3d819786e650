#!/usr/bin/env bash
# Hostile input trees: links out of the tree, FIFOs, colliding or over-long
# names, deep nesting. Each must cost at most the file concerned, never the
# whole run, never a secret, never a crash.
# Usage: input_hardening.sh path/to/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
not_crashed() { [ "$1" -le 2 ]; }  # 0, 1 or 2: never a signal (128 + n)

cd "$work"
marker="RUNBOOKC-SECRET-$$-do-not-publish"

# --- F4: a link to a file outside the input is skipped, never read ---------
mkdir -p secret in/sub
printf '# Stolen\n\n%s\n\n```bash\necho %s\n```\n' "$marker" "$marker" > secret/credentials
printf '# Plain\n\n```bash\necho plain\n```\n' > in/plain.md
printf '# Shared target\n\n```bash\necho shared\n```\n' > in/shared.md
ln -s ../secret/credentials in/leak.md
ln -s ../shared.md in/sub/inner.md   # inside the tree: still read

"$RB" build in -o site --today 2026-12-01 2> err.txt; rc=$?
check "build with an outside link exits 0" test $rc -eq 0
check "build warns about the link" contains err.txt "in/leak.md: skipped: a symbolic link to a file outside the input ($work/secret/credentials)"
check "the secret is nowhere in the site" lacks site "$marker"
check "no page for the link" test ! -e site/runbooks/leak.html
check "a link inside the tree is built" contains site/runbooks/sub-inner.html "Shared target"

"$RB" lint --format json in > lint.json 2> err.txt; rc=$?
check "lint of the tree exits 0" test $rc -eq 0
check "lint warns about the link" contains err.txt "in/leak.md: skipped: a symbolic link to a file outside the input"
check "lint reports the three runbooks inside" python3 -c 'import json; assert json.load(open("lint.json"))["summary"]["files"] == 3'
check "the secret is not in the lint report" lacks lint.json "$marker"

"$RB" lint in/leak.md > lint.txt 2> err.txt
check "lint of the link named on the command line warns" contains err.txt "in/leak.md: skipped: a symbolic link to a file outside the input"
check "and does not read it" lacks lint.txt "$marker"
"$RB" lint in/sub/inner.md > lint.txt 2> err.txt; rc=$?
check "a named link outside its directory but inside no given directory is skipped too" contains err.txt "in/sub/inner.md: skipped"
"$RB" lint in in/sub/inner.md > /dev/null 2> err.txt; rc=$?
check "a named link into a given directory is read" test $rc -eq 0
check "without a warning about it" lacks err.txt "inner.md"

"$RB" script in/leak.md > script.sh 2> err.txt; rc=$?
check "script of the link exits 2" test $rc -eq 2
check "script warns about the link" contains err.txt "in/leak.md: skipped: a symbolic link to a file outside the input"
check "the secret is not in the script" lacks script.sh "$marker"
"$RB" index in > index.json 2> err.txt
check "the secret is not in the index" lacks index.json "$marker"

# --- F11: a FIFO named on the command line is refused, not waited on -------
mkdir fifo
printf '# Fine\n\n```bash\necho fine\n```\n' > fifo/fine.md
mkfifo fifo/pipe.md
timeout 10 "$RB" lint --format json fifo/fine.md fifo/pipe.md > lint.json 2> err.txt; rc=$?
check "lint of a FIFO exits 2 (not 124: blocked)" test $rc -eq 2
check "lint names the FIFO" contains err.txt "fifo/pipe.md: not a regular file but a named pipe (FIFO); not read"
check "lint still checks the other file" python3 -c 'import json; assert json.load(open("lint.json"))["summary"]["files"] == 1'
timeout 10 "$RB" build fifo/pipe.md -o fifo-site --today 2026-12-01 2> err.txt; rc=$?
check "build of a FIFO exits 2" test $rc -eq 2
check "build names the FIFO" contains err.txt "fifo/pipe.md: not a regular file but a named pipe (FIFO); not read"
timeout 10 "$RB" script fifo/pipe.md > /dev/null 2> err.txt; rc=$?
check "script of a FIFO exits 2" test $rc -eq 2
check "script names the FIFO" contains err.txt "fifo/pipe.md: not a regular file but a named pipe (FIFO); not read"

# --- F5: names never abort the build ----------------------------------------
runbook='# A\n\n## Fix\n\n```bash\necho a\n```\n\n## Check\n\n```bash\necho b\n```\n'
mkdir ids
printf "$runbook" > ids/A.md; printf "$runbook" > ids/a-2.md; printf "$runbook" > ids/a.md
"$RB" build ids -o ids-site --today 2026-12-01 2> err.txt; rc=$?
check "colliding ids build" test $rc -eq 0
check "ids: A.md a, a-2.md a-2, a.md a-3" python3 -c '
import json
got = {r["path"]: r["id"] for r in json.load(open("ids-site/runbooks.json"))["runbooks"]}
assert got == {"ids/A.md": "a", "ids/a-2.md": "a-2", "ids/a.md": "a-3"}, got'
check "three pages" test -f ids-site/runbooks/a.html -a -f ids-site/runbooks/a-2.html -a -f ids-site/runbooks/a-3.html
# A runbook whose name holds the section-script separator: a.md's "## B" and a--b.md.
mkdir sep
printf '# A\n\n## B\n\n```bash\necho 1\n```\n\n## C\n\n```bash\necho 2\n```\n' > sep/a.md
printf "$runbook" > sep/a--b.md
"$RB" build sep -o sep-site --today 2026-12-01 2> err.txt; rc=$?
check "a--b.md beside a.md with a section B builds" test $rc -eq 0
check "a.md's section script and a--b.md's script are distinct" \
  test -f sep-site/scripts/a--b.sh -a -f sep-site/scripts/a-b.sh -a -f sep-site/runbooks/a-b.html

mkdir long
long_name=$(printf 'l%.0s' $(seq 251))
printf "$runbook" > "long/$long_name.md"   # 254 bytes: the longest name most file systems allow, with .md
printf '# T\n\n## %s\n\n```bash\necho x\n```\n\n## Other\n\n```bash\necho y\n```\n' "$(printf 'H%.0s' $(seq 300))" > long/t.md
"$RB" build long -o long-site --today 2026-12-01 2> err.txt; rc=$?
check "a 254-byte file name and a 300-character heading build" test $rc -eq 0
cut100=$(printf 'l%.0s' $(seq 100))
check "the long id is cut to 100 bytes and a hash" test -f "long-site/runbooks/$cut100-13bf87cc.html"
check "its section scripts too" test -f "long-site/scripts/$cut100-13bf87cc--fix.sh"
h100=$(printf 'h%.0s' $(seq 100))
check "the long anchor is cut in the script's name" test -f "long-site/scripts/t--$h100-1e0a7f17.sh"
check "the page keeps the whole anchor" contains long-site/runbooks/t.html "id=\"$(printf 'h%.0s' $(seq 300))\""

# --- F2: deep nesting never crashes build or script -------------------------
mkdir deep
python3 -c "import sys; sys.stdout.write('# Deep quotes\n\n' + '> ' * 200000 + 'deep\n\n\`\`\`bash\necho after-quotes\n\`\`\`\n')" > deep/quotes.md
python3 -c "import sys; sys.stdout.write('# Deep list\n\n' + '- ' * 60000 + 'x\n\n\`\`\`bash\necho after-list\n\`\`\`\n')" > deep/list.md
for f in quotes list; do
  "$RB" script "deep/$f.md" > "$f.sh" 2> err.txt; rc=$?
  check "script of deep $f does not crash (rc $rc)" not_crashed $rc
  check "script of deep $f has the step" contains "$f.sh" "echo after-$f"
done
"$RB" build deep -o deep-site --today 2026-12-01 2> err.txt; rc=$?
check "build of deep nesting does not crash (rc $rc)" not_crashed $rc
check "the quotes page has the step" contains deep-site/runbooks/quotes.html "after-quotes"
check "the list page has the step" contains deep-site/runbooks/list.html "after-list"
check "the deep text is shown, not dropped" contains deep-site/runbooks/quotes.html "deep"
"$RB" lint --format json deep/quotes.md > lint.json
check "lint reports the nesting at line 3, column 65" python3 -c '
import json
d = [(f["code"], f["line"], f["column"]) for f in json.load(open("lint.json"))["diagnostics"] if f["code"] == "RB007"]
assert d == [("RB007", 3, 65)], d'

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
