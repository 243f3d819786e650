#!/usr/bin/env bash
# `cmake --install` as a user runs it: what lands under the prefix, and that
# the installed binary, man page and completions work from there.
# Usage: install.sh path/to/build/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
build=$(dirname "$RB")
source_dir=$PWD
work=$(mktemp -d)
trap 'tmux -L rbc-install kill-server 2>/dev/null; rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

prefix=$work/prefix
cmake --install "$build" --strip --prefix "$prefix" >"$work/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
bin=$prefix/bin/runbookc
for f in bin/runbookc share/man/man1/runbookc.1 share/bash-completion/completions/runbookc \
  share/zsh/site-functions/_runbookc share/fish/vendor_completions.d/runbookc.fish lib/runbookc/runbookc-http.so; do
  check "installed: $f" test -s "$prefix/$f"
done
check "nothing else installed" test "$(cd "$prefix" && find . -type f | wc -l)" -eq 6

# --version: the version, the commit and every embedded parser.
"$bin" --version >"$work/version.txt"
check "--version exits 0" test $? -eq 0
check "--version first line" grep -qE '^runbookc [0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{12}(-dirty)?\)$' <(head -1 "$work/version.txt")
for parser in cmark-gfm tree-sitter-bash tree-sitter-sql libpg_query libfyaml; do
  check "--version names $parser" grep -qE "^  $parser +[0-9A-Za-z]" "$work/version.txt"
done
check "--version: libpg_query is PostgreSQL 15" grep -qE '^  libpg_query +PostgreSQL 15\.' "$work/version.txt"

# The installed binary: stripped, no build-machine path, only libc-level
# libraries and mimalloc (declared as the package's dependency); cpp-httplib
# is `serve`'s HTTP module's, not the binary's.
check "stripped" bash -c "file -b '$bin' 2>/dev/null | grep -q ', stripped' || ! readelf -S '$bin' | grep -q '\.symtab'"
check "no source path in the binary" test "$(grep -c -a -F "$source_dir/" "$bin")" -eq 0
check "no build path in the binary" test "$(grep -c -a -F "$build/" "$bin")" -eq 0
ldd "$bin" | awk '{print $1}' | sed 's/\.so.*//; s|.*/||' | sort >"$work/libs.txt"
unexpected=$(grep -vxE 'linux-vdso|ld-linux-x86-64|ld-linux-aarch64|libc|libm|libmimalloc|libpthread|libdl|librt' "$work/libs.txt")
check "ldd: libc, libm, mimalloc only (got: $(tr '\n' ' ' <"$work/libs.txt"))" test -z "$unexpected"
size=$(stat -c %s "$bin")
echo "installed binary: $((size / 1024)) KiB"
check "binary under 20 MiB" test "$size" -lt $((20 * 1024 * 1024))

# `serve` loads its HTTP module from the installed library directory.
mkdir -p "$work/site-in"
printf '# Wipe\n\nNothing here.\n' >"$work/site-in/wipe.md"
(cd "$work" && exec "$bin" serve site-in --port 0 2>"$work/serve.log") &
serve_pid=$!
for _ in $(seq 100); do grep -q '^Serving' "$work/serve.log" && break; sleep 0.1; done
port=$(sed -n 's|^Serving 1 runbooks at http://127.0.0.1:\([0-9]*\)/ (Ctrl-C to stop)$|\1|p' "$work/serve.log")
check "installed serve starts ($(head -1 "$work/serve.log"))" test -n "$port"
check "installed serve answers" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port:-1}/runbooks/wipe.html")" = 200
kill -TERM "$serve_pid"; wait "$serve_pid"
check "installed serve stops on SIGTERM" test $? -eq 0
ldd "$prefix/lib/runbookc/runbookc-http.so" | awk '{print $1}' | sed 's/\.so.*//; s|.*/||' | sort >"$work/module-libs.txt"
check "the HTTP module links cpp-httplib" grep -qx libcpp-httplib "$work/module-libs.txt"

# It lints from the installed path, with the same finding as the build tree's.
mkdir -p "$work/repo"
printf '# Wipe\n\n```bash\nrm -rf /var/lib/postgresql\n```\n' >"$work/repo/wipe.md"
(cd "$work/repo" && "$bin" lint wipe.md >"$work/lint.txt" 2>&1)
check "installed binary lints: exit 0 below --fail-on error" test $? -eq 0
check "installed binary lints: RB295 at 4:1" grep -qE '^wipe\.md:4:1: warning: .*\[RB295 destroys-data-command\]$' "$work/lint.txt"

# man: found on the MANPATH, and one section per subcommand that says what
# --help says (every option name and description, every subcommand).
check "man -w finds it" test "$(MANPATH=$prefix/share/man man -w runbookc 2>/dev/null)" = "$prefix/share/man/man1/runbookc.1"
MANWIDTH=1000 MANPATH=$prefix/share/man man runbookc 2>/dev/null | col -b >"$work/man.txt"
check "man renders" contains "$work/man.txt" "RUNBOOKC LINT"
python3 - "$bin" "$work/man.txt" >"$work/drift.txt" <<'PY'
import re, subprocess, sys
binary, man_path = sys.argv[1], sys.argv[2]
man = open(man_path).read()
def help_blocks(*path):
    """{block title: [(names, description)]} of a CLI11 --help (Options:, Subcommands:...)."""
    text = subprocess.run([binary, *path, "--help"], capture_output=True, text=True).stdout
    blocks, title, lines = {}, None, text.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^[A-Z][a-z]+:$", line):
            title = line[:-1]; blocks[title] = []; continue
        m = re.match(r"^  (\S.*?)(?:\s{2,}(\S.*))?$", line)
        if title is None or not m or line.startswith("   "):
            continue
        head, desc = m.group(1), m.group(2)
        if desc is None and i + 1 < len(lines) and lines[i + 1].startswith("    "):
            desc = lines[i + 1].strip()
        names = [w for w in re.split(r"[ ,]", head) if w.startswith("-")] or [head.split()[0]]
        blocks[title].append((names, desc or ""))
    return blocks
problems = checked = commands = 0
def check(path):
    """Every option and subcommand in `runbookc PATH --help` is in PATH's man section."""
    global problems, checked, commands
    commands += 1
    parts = man.split("RUNBOOKC " + " ".join(path).upper() + "\n", 1)
    if len(parts) < 2:
        print(f"no man section for {' '.join(path)}"); problems += 1; return
    body = parts[1].split("\nRUNBOOKC ", 1)[0]
    blocks = help_blocks(*path)
    for title, items in blocks.items():
        for names, desc in items:
            checked += 1
            for n in names:
                if not re.search(r"(^|[\s,|\[])" + re.escape(n) + r"($|[\s,|\]])", body):
                    print(f"{' '.join(path)}: {n} missing from the man page"); problems += 1
            if title != "Subcommands" and desc and desc not in " ".join(body.split()):
                print(f"{' '.join(path)}: description of {names[-1]} differs: {desc!r}"); problems += 1
    for names, _ in blocks.get("Subcommands", []):
        check(path + [names[0]])
for names, _ in help_blocks()["Subcommands"]:
    check([names[0]])
print(f"subcommands={commands} options={checked} problems={problems}")
PY
cat "$work/drift.txt"
check "man page and --help agree" grep -qE "^subcommands=(1[0-9]) options=([4-9][0-9]) problems=0$" "$work/drift.txt"

# bash: the installed script, completing as bash-completion would call it.
cat >"$work/complete.bash" <<EOF2
source "$prefix/share/bash-completion/completions/runbookc"
t() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _runbookc; echo "\${COMPREPLY[*]}"; }
t runbookc li
t runbookc lint --format s
t runbookc lint --select RB201,RB30
t runbookc explain RB00
t runbookc script --li
EOF2
bash "$work/complete.bash" >"$work/bash.txt" 2>&1
check "bash: subcommand" test "$(sed -n 1p "$work/bash.txt")" = "lint"
check "bash: --format value" test "$(sed -n 2p "$work/bash.txt")" = "sarif"
check "bash: comma list of rule codes" grep -q "^RB201,RB301 RB201,RB302 " <(sed -n 3p "$work/bash.txt")
check "bash: explain completes codes" grep -q "^RB001 RB002 RB003 " <(sed -n 4p "$work/bash.txt")
check "bash: script flag" test "$(sed -n 5p "$work/bash.txt")" = "--list-sections"
check "complete -p registers _runbookc" bash -c "source '$prefix/share/bash-completion/completions/runbookc'; complete -p runbookc | grep -q -- '-F _runbookc'"

# fish: `complete -C` asks fish for the candidates of a command line.
fish --no-config -c "source '$prefix/share/fish/vendor_completions.d/runbookc.fish'
complete -C 'runbookc lint --format '; echo ---; complete -C 'runbookc explain RB20'" >"$work/fish.txt" 2>&1
check "fish: --format values" test "$(sed -n '1,/^---$/p' "$work/fish.txt" | cut -f1 | grep -v -- --- | tr '\n' ' ')" = "concise github gitlab json sarif text "
check "fish: rule code with its name" grep -qP '^RB201\trm-recursive-system-path$' "$work/fish.txt"

# zsh: an interactive zsh in tmux, Tab pressed, the screen read back.
mkdir -p "$work/zhome"
printf 'fpath=(%s $fpath)\nautoload -Uz compinit && compinit -u -D\nPS1="%%%% "\n' "$prefix/share/zsh/site-functions" >"$work/zhome/.zshrc"
zsh -n "$prefix/share/zsh/site-functions/_runbookc"
check "zsh: the script parses" test $? -eq 0
tmux -L rbc-install new-session -d -s z -x 200 -y 30 \
  "env -i HOME=$work/zhome ZDOTDIR=$work/zhome PATH=$prefix/bin:/usr/bin:/bin TERM=xterm zsh -i"
screen_after() {  # screen_after KEYS...: type, press Tab, read the screen
  tmux -L rbc-install send-keys -t z C-u "$@" Tab
  local i
  for i in $(seq 1 40); do
    sleep 0.1
    tmux -L rbc-install capture-pane -p -t z >"$work/screen.txt"
    [ "$(grep -c . "$work/screen.txt")" -ge 2 ] && break
  done
  sleep 0.3
  tmux -L rbc-install capture-pane -p -t z >"$work/screen.txt"
}
for i in $(seq 1 50); do tmux -L rbc-install capture-pane -p -t z | grep -q '^%' && break; sleep 0.1; done
screen_after 'runbookc lint --format '
check "zsh: --format values listed" grep -qE '^concise +github +gitlab +json +sarif +text' "$work/screen.txt"
tmux -L rbc-install send-keys -t z C-c; sleep 0.2; tmux -L rbc-install send-keys -t z C-l
screen_after 'runbookc expl'
check "zsh: subcommand completed in place" grep -qE '^% runbookc explain *$' "$work/screen.txt"

echo "install: $pass checks passed, $failures failed"
[ "$failures" -eq 0 ]
