#!/usr/bin/env bash
# runbookc build of ../shared/corpus beside hugo rendering the same Markdown
# with a minimal theme (one layouts/_default/single.html), in one run.
# Prints wall times: full builds, rebuilds with nothing changed, then
# rebuilds after changing one runbook.
# Usage: bench/build_vs_hugo.sh [RUNBOOKC] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNBOOKC=${1:-build/runbookc}
CORPUS=${2:-../shared/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

# The same Markdown for both: a copy, so one file can be changed.
mkdir -p "$work/md" "$work/hugo/content" "$work/hugo/layouts/_default"
(cd "$CORPUS" && find . -name "*.md" -exec cp --parents {} "$work/md/" \;)
files=$(find "$work/md" -name '*.md' | wc -l)
cp -r "$work/md/." "$work/hugo/content/"
# hugo refuses a file whose front matter is not valid YAML (runbookc reports it
# and goes on): hugo's copy of those files loses its front matter block.
python3 - "$work/hugo/content" <<'PY'
import pathlib, sys, yaml
for p in pathlib.Path(sys.argv[1]).rglob("*.md"):
    text = p.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---"):
        continue
    end = text.find("\n---", 3)
    try:
        if end < 0 or not isinstance(yaml.safe_load(text[3:end]) or {}, dict):
            raise ValueError
    except Exception:
        p.write_text(text[end + 4:] if end >= 0 else text.lstrip("-"), encoding="utf-8")
PY
cat >"$work/hugo/config.toml" <<'TOML'
baseURL = "http://example.invalid/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
[params]
BookRepo = "https://example.invalid/repo"  # a shortcode in one corpus file reads it
TOML
cat >"$work/hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
HTML
cp "$work/hugo/layouts/_default/single.html" "$work/hugo/layouts/_default/list.html"

echo "corpus: $files Markdown files ($(du -sh "$work/md" | cut -f1)), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"

# timed LABEL N BEFORE CMD...: runs CMD N times, the shell command BEFORE
# before each run (untimed); prints the fastest run's wall and CPU (user+sys of
# CMD alone) seconds and keeps its wall time in $wall. Best of N: the machine
# may be shared.
timed() {
  local label=$1 n=$2 before=$3; shift 3
  local r
  r=$(python3 -c '
import os, subprocess, sys, time
n, before, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
best = None
for _ in range(n):
    if before:
        subprocess.run(before, shell=True, check=True)
    c0 = os.times(); t = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    w = time.monotonic() - t; c1 = os.times()
    if p.returncode:
        sys.stderr.write(p.stderr.decode(errors="replace")[-300:])
        print(f"0 0 {p.returncode}"); sys.exit()
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    if best is None or w < best[0]: best = (w, cpu)
print(f"{best[0]:.3f} {best[1]:.3f} 0")' "$n" "$before" "$@")
  set -- $r
  [ "$3" = 0 ] || { echo "FAILED: $label"; exit 1; }
  printf '%-52s %7s s wall %7s s CPU\n' "$label" "$1" "$2"
  wall=$1
}

hugo_cmd=(hugo --quiet --source "$work/hugo" --destination "$work/hugo-out")
rb_cmd=("$RUNBOOKC" build "$work/md" -o "$work/site")
timed "hugo, full render (minimal theme), best of 3" 3 "rm -rf '$work/hugo-out'" "${hugo_cmd[@]}"; hugo_full=$wall
timed "runbookc build, full (lint+highlight+site), best of 3" 3 "rm -rf '$work/site' '$work/.site.runbookc'" "${rb_cmd[@]}"; rb_full=$wall
# The first rebuild has no previous generation to update: it stages every file.
timed "runbookc build, nothing changed, first rebuild" 1 "" "${rb_cmd[@]}"
timed "runbookc build, nothing changed, best of 5" 5 "" "${rb_cmd[@]}"

# Change one runbook (again before each run) and rebuild; then hugo.
one=$(find "$work/md" -name "*.md" -not -path "*/.*" | sort | sed -n 1p)
rel=${one#"$work/md/"}
timed "runbookc build, one runbook changed, best of 5" 5 "printf '\nEdited for the benchmark.\n' >>'$one'" "${rb_cmd[@]}"; rb_one=$wall
printf '\nEdited for the benchmark.\n' >>"$work/hugo/content/$rel"
timed "hugo, render after one change" 1 "" "${hugo_cmd[@]}"
python3 -c "print(f'rebuild after one change: {100*$rb_one/$rb_full:.1f}% of a full runbookc build; full build: {$rb_full/$hugo_full:.2f}x hugo wall time')"
