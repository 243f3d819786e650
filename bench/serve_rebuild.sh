#!/usr/bin/env bash
# runbookc serve on a copy of ../shared/corpus: the time to the first
# "Serving" line (the full build), then for each of N edits of one runbook
# the rebuild time serve prints and the time from the write to the reload
# event reaching a page's event stream (rebuild plus the 100 ms debounce).
# Usage: bench/serve_rebuild.sh [RUNBOOKC] [CORPUS] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNBOOKC=$(realpath "${1:-build/runbookc}")
CORPUS=${2:-../shared/corpus}
EDITS=${3:-5}
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/md"
(cd "$CORPUS" && find . -name "*.md" -exec cp --parents {} "$work/md/" \;)
files=$(find "$work/md" -name '*.md' | wc -l)
target=$(find "$work/md" -name '*.md' -not -path '*/.*' -not -path '*/node_modules/*' | sort | sed -n 1p)
echo "corpus: $files Markdown files, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"

cd "$work"
start=$(date +%s.%N)
"$RUNBOOKC" serve md --port 0 2>"$work/serve.log" &
server=$!
for _ in $(seq 600); do grep -q '^Serving' serve.log && break; sleep 0.05; done
ready=$(date +%s.%N)
port=$(sed -n 's|^Serving .* at http://127.0.0.1:\([0-9]*\)/ .*|\1|p' serve.log)
[ -n "$port" ] || { cat serve.log; exit 1; }
python3 -c "print(f'first build, to the Serving line: {$ready - $start:.2f} s')"

# Each edit appends a paragraph to one runbook; a client of the event stream
# times the write to the next generation event.
python3 - "$port" "$target" "$EDITS" <<'PY'
import http.client, sys, time
port, target, edits = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
conn.request("GET", "/__runbookc/events")
stream = conn.getresponse()

def next_generation():
    while True:
        line = stream.readline().decode()
        if line.startswith("data: "):
            return int(line[6:])

next_generation()  # the current one, sent on connecting
times = []
for i in range(edits):
    time.sleep(0.5)
    t0 = time.monotonic()
    with open(target, "a", encoding="utf-8") as f:
        f.write(f"\nEdited paragraph {i}.\n")
    next_generation()
    times.append((time.monotonic() - t0) * 1000)
print("edit -> reload event (ms):", " ".join(f"{t:.0f}" for t in times), f"(median {sorted(times)[len(times) // 2]:.0f})")
PY
sleep 0.2
echo "serve's own lines:"
sed -n 's|^Rebuilt in \([0-9]*\) ms after a change to \(.*\): \(.*\)|  rebuild \1 ms (\3)|p' serve.log
