#!/usr/bin/env bash
# The Debian package as a user gets it: built by CPack from this build,
# installed with dpkg -i, used from the installed paths (binary, man page,
# bash/zsh/fish completions found where each shell looks by default), then
# removed with dpkg -r, leaving nothing behind. Needs root (or sudo -n).
# Usage: deb_package.sh path/to/build/runbookc   (run from the repository root)
set -uo pipefail
RB=$(realpath "$1")
build=$(dirname "$RB")
work=$(mktemp -d)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
installed_by_us=0
cleanup() {
  tmux -L rbc-deb kill-server 2>/dev/null
  [ "$installed_by_us" -eq 1 ] && $SUDO dpkg -r runbookc >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"
die() { echo "FAIL: $*"; exit 1; }

$SUDO true 2>/dev/null || die "dpkg -i needs root or password-less sudo"
dpkg-query -W -f='${Status}' runbookc 2>/dev/null | grep -q installed &&
  die "a runbookc package is already installed; this test will not replace it"
[ -e /usr/bin/runbookc ] && die "/usr/bin/runbookc exists outside any package; this test will not replace it"

# Build the package from this build tree.
cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1
check "cpack succeeds ($(tail -1 "$work/cpack.log"))" test $? -eq 0
deb=$(ls "$work"/pkg/runbookc_*.deb 2>/dev/null | head -1)
check "one .deb named runbookc_<version>_<arch>.deb" test -f "$deb"
echo "package: $(basename "$deb"), $(( $(stat -c %s "$deb") / 1024 )) KiB"
dpkg-deb --field "$deb" Package Version Depends >"$work/fields.txt"
check "Package: runbookc" grep -qx "Package: runbookc" "$work/fields.txt"
check "Version is the project's" grep -qE "^Version: [0-9]+\.[0-9]+\.[0-9]+$" "$work/fields.txt"
check "Depends on libc6 ($(grep Depends "$work/fields.txt"))" grep -qE "^Depends: .*libc6 \(>= 2\.[0-9]+\)" "$work/fields.txt"
check "Depends on mimalloc's runtime" grep -qE "^Depends: .*libmimalloc2" "$work/fields.txt"
check "Depends on cpp-httplib's runtime (serve's module)" grep -qE "^Depends: .*libcpp-httplib0\.11" "$work/fields.txt"
dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ {print $6}' | sort >"$work/files.txt"
cat >"$work/expected.txt" <<'LIST'
./usr/bin/runbookc
./usr/lib/runbookc/runbookc-http.so
./usr/share/bash-completion/completions/runbookc
./usr/share/fish/vendor_completions.d/runbookc.fish
./usr/share/man/man1/runbookc.1
./usr/share/zsh/vendor-completions/_runbookc
LIST
check "the package holds exactly the six files" diff "$work/expected.txt" "$work/files.txt"

# Install.
$SUDO dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1
rc=$?
[ $rc -eq 0 ] && installed_by_us=1
check "dpkg -i succeeds ($(tail -1 "$work/dpkg-i.log"))" test $rc -eq 0
check "runbookc on the PATH is /usr/bin/runbookc" test "$(PATH=/usr/bin:/bin command -v runbookc)" = /usr/bin/runbookc
check "installed --version" grep -qE '^runbookc [0-9.]+ \(commit ' <(/usr/bin/runbookc --version)

mkdir -p "$work/repo/runbooks"
printf '# Cache\n\n```bash\nredis-cli FLUSHALL\n```\n' >"$work/repo/runbooks/cache.md"
(cd "$work/repo" && /usr/bin/runbookc lint runbooks >"$work/lint.txt" 2>&1)
check "installed binary: lint exits 1 on an error" test $? -eq 1
check "installed binary: RB250 at 4:11" grep -qE '^runbooks/cache\.md:4:11: error: .*\[RB250 redis-flush\]$' "$work/lint.txt"

check "man -w runbookc" test "$(env -u MANPATH man -w runbookc 2>/dev/null)" = /usr/share/man/man1/runbookc.1
check "man runbookc renders" grep -q "RUNBOOKC LINT" <(env -u MANPATH MANWIDTH=200 man runbookc 2>/dev/null | col -b)

# bash: loaded on demand by bash-completion, as in an interactive shell.
bash -c 'source /usr/share/bash-completion/bash_completion
  _completion_loader runbookc
  COMP_WORDS=(runbookc lint --format s); COMP_CWORD=3; COMPREPLY=()
  _runbookc; echo "${COMPREPLY[*]}"' >"$work/bash.txt" 2>&1
check "bash-completion loads it: --format s -> sarif" test "$(cat "$work/bash.txt")" = "sarif"
# fish: from its vendor directory, with no configuration.
check "fish finds it: explain RB25 -> RB250" grep -qP '^RB250\tredis-flush$' \
  <(HOME=$work XDG_CONFIG_HOME=$work/config fish -c 'complete -C "runbookc explain RB25"' 2>&1)
# zsh: Debian's default fpath, compinit, Tab in tmux.
mkdir -p "$work/zhome"
printf 'autoload -Uz compinit && compinit -u -D\nPS1="%%%% "\n' >"$work/zhome/.zshrc"
tmux -L rbc-deb new-session -d -s z -x 200 -y 30 \
  "env -i HOME=$work/zhome ZDOTDIR=$work/zhome PATH=/usr/bin:/bin TERM=xterm zsh -i"
for i in $(seq 1 50); do tmux -L rbc-deb capture-pane -p -t z | grep -q '^%' && break; sleep 0.1; done
tmux -L rbc-deb send-keys -t z 'runbookc hook ' Tab
for i in $(seq 1 30); do
  sleep 0.1
  tmux -L rbc-deb capture-pane -p -t z >"$work/screen.txt"
  grep -q uninstall "$work/screen.txt" && break
done
check "zsh finds it: hook -> install uninstall" grep -qE '^install +uninstall' "$work/screen.txt"

# Remove: every file the package installed is gone.
$SUDO dpkg -r runbookc >"$work/dpkg-r.log" 2>&1
rc=$?
[ $rc -eq 0 ] && installed_by_us=0
check "dpkg -r succeeds" test $rc -eq 0
left=0
while read -r f; do [ -e "${f#.}" ] && { echo "left behind: ${f#.}"; left=$((left + 1)); }; done <"$work/files.txt"
check "dpkg -r leaves none of the five files" test "$left" -eq 0
check "dpkg knows it is gone" bash -c "! dpkg-query -W -f='\${Status}' runbookc 2>/dev/null | grep -q 'install ok installed'"

echo "deb_package: $pass checks passed, $failures failed"
[ "$failures" -eq 0 ]
