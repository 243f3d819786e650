#!/usr/bin/env bash
# Growth of lint, script and build on generated pathological runbooks:
# 1k / 10k / 100k sections (each with a small bash step), dangerous steps in
# one section, broken links on one line, suppression comment pairs.
# Prints the wall time and the cost per unit (µs); a flat cost per unit means
# linear growth. A benchmark, not a test: it asserts nothing.
# Usage: bench/pathological.sh [RUNBOOKC] [SIZES]   (TIMEOUT=seconds per run, default 60)
set -uo pipefail
cd "$(dirname "$0")/.."
RUNBOOKC=$(realpath "${1:-build/runbookc}")
SIZES=${2:-"1000 10000 100000"}
TIMEOUT=${TIMEOUT:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" $SIZES <<'PY'
import os, sys
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
for n in sizes:
    write(f"sections-{n}.md", "# Sections\n\n" + "".join(
        f"## Step {i}\n\nRun it.\n\n```bash\necho step {i} <value-{i % 50}>\n```\n\n" for i in range(n)))
    write(f"dangerous-{n}.md", "# Dangerous\n\n## Mitigation\n\n" + "".join(
        f"```bash\nkubectl delete pod p{i}\n```\n\n" for i in range(n)))
    write(f"links-{n}.md", "# Links\n\n## Notes\n\n" + " ".join("[x](#missing)" for _ in range(n)) +
          "\n\n```bash\necho done\n```\n")
    write(f"suppressions-{n}.md", "# Suppressions\n\n## Cleanup\n\n" + "".join(
        f'<!-- runbookc-disable RB{200 + i % 50} reason="bench" -->\n```bash\nrm -rf /tmp/{i}\n```\n'
        f"<!-- runbookc-enable RB{200 + i % 50} -->\n" for i in range(n)))
PY

# Seconds taken by one run, or ">TIMEOUT" when it was stopped.
run() {
  local start end rc
  start=$(date +%s.%N)
  timeout -s KILL "$TIMEOUT" "$@" >/dev/null 2>&1
  rc=$?
  end=$(date +%s.%N)
  if [ "$rc" -ge 124 ] && [ "$rc" != 125 ]; then echo ">$TIMEOUT"; else python3 -c "print(f'{$end - $start:.2f}')"; fi
}
per_unit() { case $1 in ">"*) echo "-" ;; *) python3 -c "print(f'{$1 * 1e6 / $2:.0f}')" ;; esac; }

printf '%-13s %7s | %8s %7s | %8s %7s | %8s %7s\n' input n "lint s" "µs/n" "script s" "µs/n" "build s" "µs/n"
for kind in sections dangerous links suppressions; do
  for n in $SIZES; do
    f="$work/$kind-$n.md"
    lint=$(run "$RUNBOOKC" lint --format text "$f")
    script=$(run "$RUNBOOKC" script "$f" -o "$work/out.sh")
    build=$(run "$RUNBOOKC" build -j 1 --today 2026-12-01 -o "$work/site" "$f")
    rm -rf "$work/site" "$work/out.sh"
    printf '%-13s %7s | %8s %7s | %8s %7s | %8s %7s\n' "$kind" "$n" "$lint" "$(per_unit "$lint" "$n")" \
      "$script" "$(per_unit "$script" "$n")" "$build" "$(per_unit "$build" "$n")"
  done
done
