#!/usr/bin/env bash
# The include-direction rule (CONTRIBUTING.md): a layer includes only itself
# and the layers below it, and the back ends under compiler/emit/ do not
# include each other (they share compiler/emit/output/ only).
#   tests/layers/check_includes.sh [SOURCE_ROOT]
# Prints one line per violation, file:line first; exits 1 when there is any.
set -euo pipefail
root=${1:-$(dirname "$0")/../..}
cd "$root"

# Layers, lowest first: folder (prefix) and name.
layers=(compiler/base:base compiler/syntax:syntax compiler/languages:languages
        compiler/model:model linter:lint compiler/emit:emit compiler/cli:cli)

rank_of() {  # rank of the layer a path lives in; -1 when in none
  local i
  for i in "${!layers[@]}"; do
    [[ $1 == "${layers[$i]%%:*}/"* ]] && { echo "$i"; return; }
  done
  echo -1
}
name_of() { local r; r=$(rank_of "$1"); [ "$r" -ge 0 ] && echo "${layers[$r]#*:}" || echo "none"; }
backend_of() {  # compiler/emit/<backend>/...: the back end, "" elsewhere
  [[ $1 == compiler/emit/*/* ]] || { echo ""; return; }
  local rest=${1#compiler/emit/}
  echo "${rest%%/*}"
}

status=0
while IFS= read -r file; do
  from=$(rank_of "$file")
  if [ "$from" -lt 0 ]; then
    echo "$file: outside every layer (move it under one of: ${layers[*]%%:*})"
    status=1
    continue
  fi
  while IFS=: read -r line target; do
    [[ $target == compiler/* || $target == linter/* ]] || continue
    to=$(rank_of "$target")
    if [ "$to" -gt "$from" ]; then
      echo "$file:$line: includes $target: layer $(name_of "$file") may not include layer $(name_of "$target") above it"
      status=1
    fi
    from_backend=$(backend_of "$file"); to_backend=$(backend_of "$target")
    if [ -n "$from_backend" ] && [ -n "$to_backend" ] && [ "$from_backend" != "$to_backend" ] &&
       [ "$to_backend" != output ]; then
      echo "$file:$line: includes $target: back end $from_backend may not include back end $to_backend (share through compiler/emit/output or a lower layer)"
      status=1
    fi
  done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" |
           sed 's/^\([0-9]*\):[^"]*"\([^"]*\)".*/\1:\2/' || true)
done < <(find compiler linter -type f \( -name '*.h' -o -name '*.cc' \) | sort)
exit $status
