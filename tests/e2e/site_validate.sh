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
"$RUNBOOKC" index runbooks/ -o "$work/runbooks.json"
cmp "$work/runbooks.json" "$work/site/runbooks.json"
echo "ok index"
