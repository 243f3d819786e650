#!/usr/bin/env bash
# runbookc lsp over raw stdio, without an editor: a Python client writes
# framed JSON-RPC (some messages cut in pieces), and checks the answers:
# initialize, diagnostics at open, one lint for two quick changes (the
# debounce), a code action, hover, didClose, shutdown and exit code 0.
# Usage: lsp_stdio.sh path/to/runbookc
set -uo pipefail
RB=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'root: true\n' > .runbookc.yaml
cat > client.py <<'PY'
import json, os, subprocess, sys, time

rb, work = sys.argv[1], sys.argv[2]
server = subprocess.Popen([rb, "lsp", "--debounce-ms", "300"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
failures = []

def check(name, cond):
    if not cond:
        failures.append(name)
        print("FAIL:", name)

def send(msg, pieces=1):
    body = json.dumps(msg).encode()
    data = b"Content-Length: %d\r\n\r\n" % len(body) + body
    step = max(1, len(data) // pieces)
    for i in range(0, len(data), step):
        server.stdin.write(data[i:i + step])
        server.stdin.flush()
        if pieces > 1:
            time.sleep(0.01)

def receive():
    length = None
    while True:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("FAIL: the server closed its output")
        if line == b"\r\n":
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(server.stdout.read(length))

def until(pred):
    seen = []
    while True:
        m = receive()
        seen.append(m)
        if pred(m):
            return m, seen

uri = "file://" + work + "/r%C3%A9sum%C3%A9.md"
mistag = "# Mistag\n\nProse é😀 here.\n\n```bash\necho é😀 \"unclosed\n```\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n"

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}}, pieces=7)
init = receive()
check("initialize answers id 1", init.get("id") == 1)
check("utf-16 by default", init["result"]["capabilities"]["positionEncoding"] == "utf-16")
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": mistag}}}, pieces=3)
pub = receive()
check("publishDiagnostics after open", pub["method"] == "textDocument/publishDiagnostics")
got = [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
        d["range"]["end"]["line"], d["range"]["end"]["character"], d["severity"]) for d in pub["params"]["diagnostics"]]
check("diagnostics at open: RB001 after é😀 in UTF-16, RB401 on the fence: %s" % got,
      got == [("RB001", 5, 9, 5, 18, 1), ("RB401", 8, 0, 8, 7, 2)])

# Two changes within the delay: one lint, of the second.
send({"jsonrpc": "2.0", "method": "textDocument/didChange",
      "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "# T\n"}]}})
time.sleep(0.05)
send({"jsonrpc": "2.0", "method": "textDocument/didChange",
      "params": {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "\n" + mistag}]}})
started = time.monotonic()
pub = receive()
waited = time.monotonic() - started
check("the lint after changes is of version 3", pub["params"].get("version") == 3)
check("it waited for the delay (%.3fs)" % waited, waited >= 0.25)
check("lines moved down by one", [d["range"]["start"]["line"] for d in pub["params"]["diagnostics"]] == [6, 9])

send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
      "params": {"textDocument": {"uri": uri},
                 "range": {"start": {"line": 9, "character": 1}, "end": {"line": 9, "character": 1}},
                 "context": {"diagnostics": []}}})
reply, _ = until(lambda m: m.get("id") == 2)
titles = [a["title"] for a in reply["result"]]
check("code actions: %s" % titles,
      titles == ["retag the block as `promql` (RB401)", "Suppress RB401 for this code block (with a reason)"])
check("fix edit", reply["result"][0]["edit"]["changes"][uri] ==
      [{"range": {"start": {"line": 9, "character": 3}, "end": {"line": 9, "character": 7}}, "newText": "promql"}])
check("suppression edit", reply["result"][1]["edit"]["changes"][uri] ==
      [{"range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 0}},
        "newText": "<!-- runbookc-disable-next-block RB401 reason=\"\" -->\n"}])

send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
      "params": {"textDocument": {"uri": uri}, "position": {"line": 6, "character": 12}}})
reply, _ = until(lambda m: m.get("id") == 3)
check("hover explains RB001", reply["result"]["contents"]["value"].startswith("RB001 bash-syntax (error): "))

send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
pub = receive()
check("didClose clears", pub["params"] == {"uri": uri, "diagnostics": []})
send({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
reply = receive()
check("shutdown answers null", reply.get("id") == 4 and reply["result"] is None)
send({"jsonrpc": "2.0", "method": "exit"})
code = server.wait(timeout=10)
check("exit code 0 after shutdown and exit (%d)" % code, code == 0)

# Without shutdown, `exit` is exit code 1; closing the input also ends the server.
again = subprocess.Popen([rb, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
server = again
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
receive()
send({"jsonrpc": "2.0", "method": "exit"})
check("exit without shutdown is 1", again.wait(timeout=10) == 1)
closed = subprocess.Popen([rb, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
closed.stdin.close()
check("end of input ends the server", closed.wait(timeout=10) == 1)

print("lsp_stdio: %d failed" % len(failures))
sys.exit(1 if failures else 0)
PY
timeout 120 python3 client.py "$RB" "$work"
