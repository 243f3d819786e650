#!/usr/bin/env bash
# Builds runbooks/ plus a hostile runbook, serves the site on 127.0.0.1 and
# drives it in chromium (tests/browser/site_test.js). The screenshot stays in
# tests/artifacts/.
set -euo pipefail
RUNBOOKC=$1
work=$(mktemp -d)
server=""
cleanup() {
  local status=$?
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

mkdir -p "$work/in"
cp runbooks/*.md "$work/in/"
cat >"$work/in/hostile.md" <<'MD'
---
title: "<script>window.pwned = true; alert('title')</script><img src=x onerror=alert(1)>"
severity: P3
service: "<b onmouseover=alert(2)>svc</b>"
alerts:
  - "<img src=x onerror=alert(3)>"
---

# Hostile input

<script>window.pwned = true; alert(1)</script>

<img src="x" onerror="window.pwned = true; alert(4)">

Links: [js](javascript:alert(5)), [spaced]( JaVaScRiPt:alert(6)), [vb](vbscript:msgbox(7)),
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==), ![img](javascript:alert(9)).

Inline <span onclick="alert(10)">html</span> and <iframe src="javascript:alert(11)"></iframe>.

```bash {name="<script>alert(12)</script>" danger="<img src=x onerror=alert(13)>"}
echo "</code></pre><script>alert(14)</script>"
```

## Snippet bait

Escaped prose &lt;img src=x onerror="window.pwned = true; alert(15)"&gt; about marzipan.
MD
# Two runbooks with the same title in two folders; prose words found only in
# their bodies; a title that another runbook's body mentions.
mkdir -p "$work/in/storage" "$work/in/db"
cat >"$work/in/storage/disk-full.md" <<'MD'
---
title: Disk full
severity: P2
alerts:
  - NodeFilesystemAlmostFull
---

# Disk full

The node's root filesystem is filling up.

## Diagnosis

### Check inodes

A volume can be out of inodes while df still shows free blocks, so compare both numbers.

```bash
df -i /
```

## Mitigation

Truncate old journal files. Tablespace replication is not involved here.
MD
cat >"$work/in/db/disk-full.md" <<'MD'
---
title: Disk full
severity: P1
---

# Disk full

The database volume is filling up with WAL segments.
MD
cat >"$work/in/db/tablespace-replication.md" <<'MD'
---
title: Tablespace replication stalled
severity: P2
---

# Tablespace replication stalled

A replica stopped applying changes.
MD
"$RUNBOOKC" build "$work/in" -o "$work/site" --today 2026-12-01 2>/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2>/dev/null && break
  sleep 0.1
done
node tests/browser/site_test.js "http://127.0.0.1:$port" tests/artifacts
