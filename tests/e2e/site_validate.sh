#!/usr/bin/env bash
# The built demo site: every page passes the Nu HTML Checker with no error,
# every JSON index validates against its schema, and a second build is
# byte-identical whatever --jobs is.
set -euo pipefail
RUNBOOKC=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$RUNBOOKC" build runbooks/ -o "$work/site" --today 2026-12-01 --jobs 1 2>/dev/null
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$work/site"
echo "ok vnu: $(find "$work/site" -name '*.html' | wc -l) pages without errors"
node tests/browser/validate_json.js "$work/site" schemas

# The scripts the build wrote: one per runbook and per incident section, all parse.
scripts=$(find "$work/site/scripts" -name '*.sh' | sort)
[ -n "$scripts" ] || { echo "FAIL no scripts written"; exit 1; }
for f in $scripts; do bash -n "$f" || { echo "FAIL bash -n $f"; exit 1; }; done
[ -x "$work/site/scripts/redis-session-store.sh" ] || { echo "FAIL scripts are not executable"; exit 1; }
[ -f "$work/site/scripts/redis-session-store--corrupted-session-data.sh" ] || { echo "FAIL no section script"; exit 1; }
grep -q '"path": "scripts/redis-session-store--corrupted-session-data.sh"' "$work/site/runbooks.json" ||
  { echo "FAIL section script not listed in runbooks.json"; exit 1; }
echo "ok scripts: $(echo "$scripts" | wc -l) pass bash -n"

# Determinism: a fresh build with other --jobs is identical, cache included.
"$RUNBOOKC" build runbooks/ -o "$work/again" --today 2026-12-01 --jobs 4 2>/dev/null
diff -r "$work/site" "$work/again"
echo "ok deterministic"

# Incremental: nothing changed, nothing rendered; the result is still identical.
out=$("$RUNBOOKC" build runbooks/ -o "$work/again" --today 2026-12-01 2>&1)
grep -q "(0 rendered, " <<<"$out" || { echo "FAIL expected a fully cached rebuild: $out"; exit 1; }
diff -r "$work/site" "$work/again"
echo "ok incremental"

# index writes runbooks.json alone, the same document as the site's.
"$RUNBOOKC" index runbooks/ -o "$work/runbooks.json" --today 2026-12-01
cmp "$work/runbooks.json" "$work/site/runbooks.json"
echo "ok index"
