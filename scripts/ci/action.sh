#!/usr/bin/env bash
# The one step of the runbookc GitHub Action (action.yml at the repository
# root). It runs in the user's checkout and takes the action's inputs as
# environment variables, as action.yml passes them:
#   INPUT_PATHS       runbook files or directories, separated by spaces or newlines (default .)
#   INPUT_FAIL_ON     error | warning | note (default error)
#   INPUT_SARIF       true: also write runbookc.sarif for code scanning
#   INPUT_BUILD_SITE  true: also build the site into INPUT_SITE_DIR
#   INPUT_BASE_URL    the site's absolute URL (for alerts.json links)
#   INPUT_SITE_DIR    where the site goes (default _site)
# runbookc is $RUNBOOKC when set, else the one on PATH, else built from this
# checkout (GITHUB_ACTION_PATH) with scripts/install-deps.sh and CMake.
# Findings become annotations (--format github); a summary goes to
# $GITHUB_STEP_SUMMARY and outputs to $GITHUB_OUTPUT when they are set.
# Exit status: lint's (0 clean, 1 findings at or above fail-on, 2 usage or
# I/O error), or 2 when runbookc cannot be had or the site cannot be built.
set -uo pipefail

action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
fail_on=${INPUT_FAIL_ON:-error}
site_dir=${INPUT_SITE_DIR:-_site}
base_url=${INPUT_BASE_URL:-}
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)

is_on() {
  case "$(printf '%s' "${1:-}" | tr '[:upper:]' '[:lower:]')" in
    true | yes | on | 1) return 0 ;;
    *) return 1 ;;
  esac
}

# Prints the runbookc to use; builds one from the action's checkout if needed.
find_runbookc() {
  if [ -n "${RUNBOOKC:-}" ]; then
    command -v "$RUNBOOKC"
  elif command -v runbookc > /dev/null 2>&1; then
    command -v runbookc
  else
    echo "::group::Building runbookc from $action_path" >&2
    bash "$action_path/scripts/install-deps.sh" >&2 &&
      cmake -S "$action_path" -B "$action_path/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2 &&
      cmake --build "$action_path/build" --target runbookc >&2
    local rc=$?
    echo "::endgroup::" >&2
    [ $rc -eq 0 ] || return 1
    printf '%s\n' "$action_path/build/runbookc"
  fi
}

output() { [ -z "${GITHUB_OUTPUT:-}" ] || printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; }
summary() { [ -z "${GITHUB_STEP_SUMMARY:-}" ] || printf '%s\n' "$@" >> "$GITHUB_STEP_SUMMARY"; }

if ! runbookc=$(find_runbookc) || [ -z "$runbookc" ]; then
  echo "::error title=runbookc::runbookc could not be found or built (set RUNBOOKC, put it on PATH, or let the action build it)"
  exit 2
fi

"$runbookc" lint --format github --fail-on "$fail_on" -- "${paths[@]}"
status=$?
output exit-code "$status"

if is_on "${INPUT_SARIF:-false}"; then
  "$runbookc" lint --format sarif --fail-on "$fail_on" -- "${paths[@]}" > runbookc.sarif
  output sarif-file runbookc.sarif
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  report=$("$runbookc" lint --format text --color never --fail-on "$fail_on" -- "${paths[@]}" 2>&1)
  case $status in
    0) verdict="passed" ;;
    1) verdict="failed: findings at or above \`$fail_on\`" ;;
    *) verdict="could not lint (usage or I/O error)" ;;
  esac
  summary "## runbookc lint: $verdict" "" "$(printf '%s\n' "$report" | tail -n 1)" "" \
    "<details><summary>Findings</summary>" "" '```text' "$(printf '%s\n' "$report" | head -n 300)" '```' "" "</details>"
fi

if is_on "${INPUT_BUILD_SITE:-false}"; then
  build_args=(build -o "$site_dir")
  [ -z "$base_url" ] || build_args+=(--base-url "$base_url")
  if "$runbookc" "${build_args[@]}" -- "${paths[@]}"; then
    output site-dir "$site_dir"
    summary "" "Site built in \`$site_dir\`."
  else
    echo "::error title=runbookc::the site could not be built into $site_dir"
    [ "$status" -eq 0 ] && status=2
  fi
fi

exit "$status"
