#!/usr/bin/env bash
# `runbookc serve` end to end: serves a temporary runbook directory on a free
# port, and checks what is served (the files `build` writes, plus the reload
# script in HTML only), that no path leads outside the site, that a port in
# use is a clear error, that SIGTERM stops it and removes its temporary
# directory, and in chromium (tests/browser/serve_test.js) that an open page
# shows an edit of its Markdown within 2 seconds.
set -uo pipefail
RUNBOOKC=$(realpath "$1")
. "$(dirname "$0")/lib/checks.sh"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rb" "$work/tmp"
cat >"$work/rb/db-failover.md" <<'MD'
# Database failover

Promote the replica.

```bash
pg_ctl promote -D /var/lib/postgresql/data
```
MD
cat >"$work/rb/cache-flush.md" <<'MD'
# Cache flush

```bash
redis-cli FLUSHDB
```
MD

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
src=$(pwd)
cd "$work"
TMPDIR="$work/tmp" "$RUNBOOKC" serve rb --port "$port" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q '^Serving' "$work/serve.log" && break; sleep 0.1; done
check "prints where it serves ($(head -3 "$work/serve.log"))" \
  grep -qx "Serving 2 runbooks at $url/ (Ctrl-C to stop)" "$work/serve.log"
# The listening sockets on the port (from /proc/net/tcp and tcp6, state 0A): 127.0.0.1 alone.
listeners=$(python3 - "$port" <<'PY'
import sys
port = int(sys.argv[1])
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    for line in open(table).readlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            print(address)
PY
)
check "listens on 127.0.0.1 only (got: $listeners)" test "$listeners" = 0100007F

status() { curl -s -o /dev/null -w '%{http_code}' --path-as-is "$url$1"; }
check "/ is the index" test "$(status /)" = 200
curl -s "$url/" -o "$work/index.served"
curl -s -D "$work/css.headers" "$url/assets/style.css" -o "$work/style.served"
curl -s -D "$work/page.headers" "$url/runbooks/db-failover.html" -o "$work/page.served"
check "HTML is text/html" grep -qi '^content-type: text/html; charset=utf-8' "$work/page.headers"
check "CSS is text/css" grep -qi '^content-type: text/css; charset=utf-8' "$work/css.headers"
check "the page carries the reload script before </body>" \
  grep -qF '<script src="/__runbookc/reload.js" data-generation="1"></script></body>' "$work/page.served"

# The files are `build`'s, byte for byte, but for the reload script in the served HTML.
"$RUNBOOKC" build rb -o "$work/built" 2>/dev/null
check "served CSS is build's" cmp -s "$work/style.served" "$work/built/assets/style.css"
sed 's|<script src="/__runbookc/reload.js" data-generation="1"></script>||' "$work/page.served" >"$work/page.stripped"
check "served page is build's plus the script" cmp -s "$work/page.stripped" "$work/built/runbooks/db-failover.html"
sed 's|<script src="/__runbookc/reload.js" data-generation="1"></script>||' "$work/index.served" >"$work/index.stripped"
check "served index is build's plus the script" cmp -s "$work/index.stripped" "$work/built/index.html"
check "no reload script in the site's files" lacks "$(ls -d "$work"/tmp/runbookc-serve-*/site)" "__runbookc"

# Nothing outside the site: .. segments (raw and encoded), absolute paths, links out.
echo secret >"$work/tmp/secret.txt"
check "/../secret.txt is 403" test "$(status /../tmp/secret.txt)" = 403
check "/runbooks/../../../etc/passwd is 403" test "$(status /runbooks/../../../etc/passwd)" = 403
check "/%2e%2e/%2e%2e/etc/passwd is 403" test "$(status /%2e%2e/%2e%2e/etc/passwd)" = 403
check "/runbooks/..%2f..%2fetc%2fpasswd is 403" test "$(status /runbooks/..%2f..%2fetc%2fpasswd)" = 403
check "//etc/passwd is 404" test "$(status //etc/passwd)" = 404
check "/assets (a directory without index.html) is 404" test "$(status /assets)" = 404
check "a missing page is 404" test "$(status /runbooks/nope.html)" = 404

# A port in use: a clear error, exit 2, nothing else started.
"$RUNBOOKC" serve rb --port "$port" >/dev/null 2>"$work/busy.log"
busy=$?
check "port in use: exit 2 (got $busy)" test "$busy" = 2
check "port in use: says so ($(cat "$work/busy.log"))" \
  grep -qF "runbookc: error: cannot listen on 127.0.0.1:$port: the port is in use or not allowed; pick another with --port (0: any free port)" "$work/busy.log"

# The browser: edits show in the open page within 2 seconds.
node "$src/tests/browser/serve_test.js" "$url" "$work/rb"
check "browser test" test $? -eq 0
check "one line per rebuild, naming the file" \
  grep -qE "^Rebuilt in [0-9]+ ms after a change to rb/db-failover\.md: 2 runbooks, 1 rendered, 1 error, 1 warning, 0 notes$" "$work/serve.log"
check "a new runbook: rebuilt with 3" grep -qE "^Rebuilt in [0-9]+ ms after a change to rb/queue-backlog\.md: 3 runbooks, 3 rendered, " "$work/serve.log"

# SIGTERM: exits 0 and leaves no temporary directory.
kill -TERM "$server"
wait "$server"
stopped=$?
server=""
check "SIGTERM: exit 0 (got $stopped)" test "$stopped" = 0
check "SIGTERM: temporary directory removed ($(ls "$work/tmp"))" test "$(ls "$work/tmp")" = secret.txt

# --port 0: any free port, printed. $TMPDIR inside the watched directory:
# the builds' own writes there do not start another build.
mkdir "$work/rb/tmp"
TMPDIR="$work/rb/tmp" "$RUNBOOKC" serve rb --port 0 >/dev/null 2>"$work/any.log" &
server=$!
for _ in $(seq 100); do grep -q '^Serving' "$work/any.log" && break; sleep 0.1; done
any=$(sed -n 's|^Serving 3 runbooks at http://127.0.0.1:\([0-9]*\)/ (Ctrl-C to stop)$|\1|p' "$work/any.log")
check "--port 0 prints the port it got ($(head -1 "$work/any.log"))" test -n "$any"
check "--port 0 serves there" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${any:-1}/")" = 200
echo "<!-- not a runbook -->" >"$work/rb/tmp/notes.html"
sleep 0.5
check "no rebuild for the temporary site's writes ($(tail -1 "$work/any.log"))" lacks "$work/any.log" "Rebuilt"
kill -INT "$server"
wait "$server"
check "SIGINT: exit 0" test $? = 0
check "SIGINT: temporary directory removed ($(ls "$work/rb/tmp"))" test "$(ls "$work/rb/tmp")" = notes.html
server=""

# A rebuild that fails (the runbook named on the command line is gone): the
# error is printed, the previous site stays served, and the runbook's return
# is built again.
cp "$work/rb/cache-flush.md" "$work/one.md"
TMPDIR="$work/tmp" "$RUNBOOKC" serve one.md --port 0 >/dev/null 2>"$work/one.log" &
server=$!
for _ in $(seq 100); do grep -q '^Serving' "$work/one.log" && break; sleep 0.1; done
one=$(sed -n 's|^Serving 1 runbooks at http://127.0.0.1:\([0-9]*\)/ (Ctrl-C to stop)$|\1|p' "$work/one.log")
mv "$work/one.md" "$work/one.md.away"
for _ in $(seq 30); do grep -q 'failed' "$work/one.log" && break; sleep 0.1; done
check "a failed rebuild is printed ($(tail -1 "$work/one.log"))" \
  grep -qE "^runbookc: rebuild after a change to one\.md failed \([0-9]+ ms\); still serving the previous site$" "$work/one.log"
check "and the previous site is still served" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${one:-1}/runbooks/one.html")" = 200
mv "$work/one.md.away" "$work/one.md"
for _ in $(seq 30); do grep -q '^Rebuilt' "$work/one.log" && break; sleep 0.1; done
check "the runbook's return is rebuilt" grep -qE "^Rebuilt in [0-9]+ ms after a change to one\.md: 1 runbooks, " "$work/one.log"
kill -TERM "$server"
wait "$server"
server=""

echo "serve_browser: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
