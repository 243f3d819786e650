# The e2e scripts' checks, sourced by each: `check NAME COMMAND...` counts a
# pass or prints "FAIL: NAME"; the script ends with `finish NAME`.
failures=0
pass=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }      # contains FILE TEXT
lacks() { ! grep -rqF -- "$2" "$1"; }      # lacks FILE-OR-DIRECTORY TEXT
same() { [ "$(cat "$1")" = "$2" ]; }       # same FILE TEXT: the whole file is TEXT
