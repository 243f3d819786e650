# ---- runbookc script runtime (templates/script_prelude.sh) ----
# Included in every generated script after its data (RB_* arrays, one entry
# per step) and before its step functions: rb_show_N prints step N with the
# parameter values in place, rb_input_N prints the standard input of a SQL or
# Redis step, rb_step_N holds a shell step's commands.
# Exit codes: 0 done, 2 bad options or parameters, 3 a dangerous step was
# refused, otherwise the exit code of the step that failed.

declare -A RB_VALUE=()
RB_DRY_RUN=0 RB_YES=0 RB_ALLOW_DANGER=0 RB_LIST=0
RB_FIRST=1 RB_LAST=$RB_STEP_COUNT RB_LOG=''
declare -A RB_GIVEN=()

rb_say() { printf '%s\n' "$*" >&2; }
rb_die() { # CODE MESSAGE...
  local code=$1
  shift
  printf '%s: %s\n' "${0##*/}" "$*" >&2
  exit "$code"
}
rb_tty() { [[ -t 0 && -t 2 ]]; }
rb_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
rb_millis() { local t=${EPOCHREALTIME/[.,]/}; printf '%s' "${t:0:-3}"; }

rb_usage() {
  cat <<EOF
Usage: ${0##*/} [options]

Runs the runbook "$RB_TITLE" ($RB_SOURCE${RB_SECTION:+, section #$RB_SECTION})
step by step: $RB_STEP_COUNT steps. Content hash $RB_HASH.

Options:
  --list                 list the steps (! marks a dangerous step) and exit
  --step N               run only step N
  --from N               start at step N (resume after a failure)
  --dry-run              print every command with the values given (<name?> for those
                         missing) and what a real run would ask for; run nothing
  --yes                  do not ask before each step
  --allow-danger         run dangerous steps without a terminal or with --yes
  --param NAME=VALUE     value of a placeholder (also from the environment: NAME in
                         upper snake case, e.g. previous-version -> PREVIOUS_VERSION)
  --log FILE             transcript file (default ./runbook-$RB_NAME-<UTC time>.log)
  --help                 show this help

Clients: RUNBOOK_PSQL (default: psql "\$DATABASE_URL"), RUNBOOK_MYSQL (default: mysql),
RUNBOOK_REDIS_CLI (default: redis-cli); each is split into words, never evaluated.
Each shell step runs in a subshell with errexit; the variables it sets and the directory
it ends in carry over to the next steps, as in one terminal session.

Exit status: 0 done, 2 bad options or parameters, 3 a dangerous step was refused,
otherwise the exit code of the step that failed.
EOF
}

rb_number() { # OPTION VALUE: a step number in range
  [[ $2 =~ ^[0-9]+$ ]] && ((10#$2 >= 1 && 10#$2 <= RB_STEP_COUNT)) ||
    rb_die 2 "$1 needs a step number from 1 to $RB_STEP_COUNT, got '$2'"
  printf '%d' "$((10#$2))"
}

rb_parse_options() {
  local step='' from='' arg name
  while (($#)); do
    arg=$1
    shift
    case $arg in
      --help | -h) rb_usage; exit 0 ;;
      --list) RB_LIST=1 ;;
      --dry-run) RB_DRY_RUN=1 ;;
      --yes | -y) RB_YES=1 ;;
      --allow-danger) RB_ALLOW_DANGER=1 ;;
      --step | --from | --param | --log)
        (($#)) || rb_die 2 "$arg needs a value"
        set -- "$arg=$1" "${@:2}"
        continue ;;
      --step=*) step=$(rb_number --step "${arg#*=}") || exit 2 ;;
      --from=*) from=$(rb_number --from "${arg#*=}") || exit 2 ;;
      --log=*) RB_LOG=${arg#*=} ;;
      --param=*)
        arg=${arg#*=}
        [[ $arg == *=* ]] || rb_die 2 "--param needs NAME=VALUE, got '$arg'"
        name=${arg%%=*}
        [[ -v "RB_PARAM_ENV[$name]" ]] ||
          rb_die 2 "unknown parameter '$name'; this script's parameters: ${RB_PARAMS[*]:-(none)}"
        RB_GIVEN[$name]=${arg#*=} ;;
      *) rb_die 2 "unknown option '$arg' (see --help)" ;;
    esac
  done
  [[ -n $step && -n $from ]] && rb_die 2 "--step and --from cannot be combined"
  [[ -n $step ]] && RB_FIRST=$step RB_LAST=$step
  [[ -n $from ]] && RB_FIRST=$from
  return 0
}

rb_runs() { [[ ${RB_STEP_RUNNER[$1]} != show ]]; }
rb_dangerous() { [[ -n ${RB_STEP_DANGER[$1]} ]]; }

rb_list() {
  local n mark
  for ((n = 1; n <= RB_STEP_COUNT; n++)); do
    mark=' '
    rb_dangerous "$n" && mark='!'
    rb_runs "$n" || mark='-'
    printf '%3d %s [%s] %s\n' "$n" "$mark" "${RB_STEP_LANG[$n]}" "${RB_STEP_HEADING[$n]:-(before the first heading)}"
  done
  printf '\n! dangerous (asks for confirmation)   - shown, not run\n'
}

# Fills RB_VALUE for every parameter the selected steps use: --param, then
# the environment, then a prompt on a terminal. Without a terminal (or with
# --yes) all missing ones are reported at once (exit 2). A dry run asks
# nothing: a missing value is shown as <name?> and listed in RB_WOULD_ASK.
RB_WOULD_ASK=()
rb_resolve_parameters() {
  local n name env value missing=()
  declare -A needed=()
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for name in ${RB_STEP_PARAMS[$n]}; do needed[$name]=$n; done
  done
  for name in "${RB_PARAMS[@]}"; do
    [[ -v "needed[$name]" ]] || continue
    env=${RB_PARAM_ENV[$name]}
    if [[ -v "RB_GIVEN[$name]" ]]; then
      RB_VALUE[$name]=${RB_GIVEN[$name]}
    elif [[ -n $env && -v $env ]]; then
      RB_VALUE[$name]=${!env}
    elif ((RB_DRY_RUN)); then
      RB_WOULD_ASK+=("  <$name>: --param $name=VALUE${env:+ or $env=VALUE in the environment} (step ${needed[$name]})")
      needed[$name]=missing
    elif rb_tty && ((!RB_YES)); then
      read -r -p "Value for <$name> (step ${needed[$name]}): " value || rb_die 2 "no value for <$name>"
      RB_VALUE[$name]=$value
    else
      missing+=("  <$name>: --param $name=VALUE${env:+ or $env=VALUE in the environment} (step ${needed[$name]})")
    fi
  done
  if ((${#missing[@]})); then
    rb_say "Missing parameters; no step was run:"
    printf '%s\n' "${missing[@]}" >&2
    exit 2
  fi
  local bad=()
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for name in ${RB_STEP_SPLICED[$n]}; do
      [[ ${needed[$name]} == missing ]] && continue
      value=${RB_VALUE[$name]}
      if [[ ! $value =~ ^[A-Za-z0-9_.,:/@%+-]*$ || $value == *--* ]]; then
        bad+=("  <$name> (step $n)")
      fi
    done
  done
  if ((${#bad[@]})); then
    rb_say "These values are inserted into quoted text another program parses (SQL, a remote shell), so they may"
    rb_say "only hold letters, digits and _ . , : / @ % + - (no '--'); no step was run:"
    printf '%s\n' "${bad[@]}" >&2
    exit 2
  fi
  # Bash evaluates these as arithmetic (array subscripts in a value run commands).
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for name in ${RB_STEP_INTEGER[$n]}; do
      [[ ${needed[$name]} == missing ]] && continue
      if [[ ! ${RB_VALUE[$name]} =~ ^[-+]?[0-9]+$ ]]; then bad+=("  <$name> (step $n)"); fi
    done
  done
  if ((${#bad[@]})); then
    rb_say "These values are used in arithmetic (\$(( )), (( )), [[ -gt ]], let, an array index...), so they"
    rb_say "must be whole numbers; no step was run:"
    printf '%s\n' "${bad[@]}" >&2
    exit 2
  fi
  # Control characters in a value would reach the terminal and the transcript.
  for name in "${!RB_VALUE[@]}"; do
    value=${RB_VALUE[$name]//[$'\t\n']/}
    if [[ $value =~ [[:cntrl:]] ]]; then bad+=("  <$name>"); fi
  done
  if ((${#bad[@]})); then
    rb_say "These values hold control characters (escape sequences); no step was run:"
    printf '%s\n' "${bad[@]}" >&2
    exit 2
  fi
  for name in "${!RB_VALUE[@]}"; do printf -v "RB_PARAM_${name//-/_}" '%s' "${RB_VALUE[$name]}"; done
  for name in "${!needed[@]}"; do
    [[ ${needed[$name]} == missing ]] && RB_VALUE[$name]="<$name?>"
  done
  return 0
}

# Environment variables the selected steps read, checked before the first one.
rb_check_environment() {
  local n var missing=()
  declare -A seen=()
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    rb_runs "$n" || continue
    local vars=${RB_STEP_ENV[$n]}
    [[ ${RB_STEP_RUNNER[$n]} == psql && -z ${RUNBOOK_PSQL:-} ]] && vars+=" DATABASE_URL"
    for var in $vars; do
      [[ -v $var || -v "seen[$var]" ]] && continue
      seen[$var]=1
      missing+=("$var")
    done
  done
  ((${#missing[@]} == 0)) && return 0
  if ((RB_DRY_RUN)); then
    rb_say "warning: not set in the environment: ${missing[*]} (a real run stops here)"
    return 0
  fi
  rb_die 2 "set these environment variables first (the steps read them): ${missing[*]}"
}

rb_announce() { # N
  local n=$1
  printf '\n== Step %d/%d [%s] %s (%s line %s)\n' "$n" "$RB_STEP_COUNT" "${RB_STEP_LANG[$n]}" \
    "${RB_STEP_HEADING[$n]}" "$RB_SOURCE" "${RB_STEP_LINE[$n]}" >&2
  [[ -n ${RB_STEP_CONTEXT[$n]} ]] && printf '   %s\n' "${RB_STEP_CONTEXT[$n]}" >&2
  if rb_dangerous "$n" && rb_runs "$n"; then
    printf '   DANGER:\n' >&2
    printf '     %s\n' "${RB_STEP_DANGER[$n]}" >&2
  fi
  return 0
}

rb_print_commands() { # N: the step's text, values in place, indented
  local text
  text=$("rb_show_$1"; printf x)
  text=${text%x}
  printf '%s\n' "${text%$'\n'}" | sed 's/^/   | /' >&2
}

# May step N run? Asks on a terminal; otherwise decided by --yes/--allow-danger.
rb_confirm() { # N
  local n=$1 answer
  if rb_dangerous "$n"; then
    if rb_tty && ((!RB_YES)); then
      read -r -p "Step $n is dangerous. Type $n to run it, anything else stops: " answer || answer=''
      [[ $answer == "$n" ]] && return 0
      rb_die 3 "step $n not confirmed; nothing else was run. Resume with --from $n, or skip it with --from $((n + 1))"
    fi
    ((RB_ALLOW_DANGER)) && return 0
    printf '== step %d/%d %s\nrefused: dangerous, not confirmed (no --allow-danger)\n\n' "$n" "$RB_STEP_COUNT" \
      "${RB_STEP_HEADING[$n]}" >>"$RB_LOG"
    rb_die 3 "refused dangerous step $n without confirmation. Rerun with --allow-danger --from $n to run it, or continue after it with --from $((n + 1))"
  fi
  if rb_tty && ((!RB_YES)); then
    read -r -p "Run step $n? [Enter] run, s skip, q quit: " answer || answer=q
    case $answer in
      s | S) return 1 ;;
      q | Q) rb_say "stopped before step $n; resume with --from $n"; exit 0 ;;
    esac
  fi
  return 0
}

# shellcheck disable=SC2034  # `words` is a nameref to the caller's array
rb_client() { # VAR DEFAULT...: the client command as words, never evaluated
  local -n words=$1
  local setting=$2
  shift 2
  if [[ -n ${!setting:-} ]]; then
    read -r -a words <<<"${!setting}"
  else
    words=("$@")
  fi
}

# The session that carries from one shell step to the next: variables the
# runbook's commands set (not the runtime's own, not bash's), and the working
# directory. Saved by the step's subshell as `declare -p` output of what the
# step changed, restored as globals by the script.
RB_SESSION_FILE=""
rb_save_session() {
  [[ -n $RB_SESSION_FILE ]] || return 0
  local name
  {
    printf 'cd -- %q 2>/dev/null || true\n' "$PWD"
    for name in $(compgen -v); do
      case $name in
        RB_* | rb_* | BASH* | COMP* | DIRSTACK | EUID | FUNCNAME | GROUPS | HISTCMD | HOSTNAME | HOSTTYPE | IFS | \
          LINENO | MACHTYPE | OLDPWD | OPTERR | OPTIND | OSTYPE | PIPESTATUS | PPID | PS4 | PWD | RANDOM | \
          SECONDS | SHELLOPTS | SHLVL | SRANDOM | UID | _ | name | decl | flags | EPOCH* | LINES | COLUMNS) continue ;;
      esac
      local decl
      decl=$(declare -p "$name" 2>/dev/null) || continue
      local flags=${decl#declare -}
      [[ ${flags%% *} == *r* ]] && continue                        # read-only: not ours to set
      [[ $'\n'$rb_before_step$'\n' == *$'\n'"$decl"$'\n'* ]] && continue  # unchanged by the step
      decl=${decl/#declare -- /declare -g }
      printf '%s\n' "${decl/#declare -/declare -g}"
    done
  } >"$RB_SESSION_FILE" 2>/dev/null
}
rb_restore_session() {
  [[ -n $RB_SESSION_FILE && -s $RB_SESSION_FILE ]] || return 0
  # shellcheck disable=SC1090 # written by rb_save_session from declare -p
  source "$RB_SESSION_FILE" 2>/dev/null || true
}

rb_run_step() { # N: runs it, returns its exit code
  local n=$1 name
  local -a client vars=()
  case ${RB_STEP_RUNNER[$n]} in
    shell)
      (set +u +o pipefail; rb_before_step=$(declare -p 2>/dev/null); trap rb_save_session EXIT; set -e; "rb_step_$n")
      local rc=$?
      rb_restore_session
      return "$rc" ;;
    psql)
      rb_client client RUNBOOK_PSQL psql "${DATABASE_URL:-}"
      for name in ${RB_STEP_PARAMS[$n]}; do vars+=(-v "rb_${name//-/_}=${RB_VALUE[$name]}"); done
      "rb_input_$n" | "${client[@]}" -v ON_ERROR_STOP=1 "${vars[@]}" ;;
    mysql)
      rb_client client RUNBOOK_MYSQL mysql
      "rb_input_$n" | "${client[@]}" ;;
    redis)
      rb_client client RUNBOOK_REDIS_CLI redis-cli
      "rb_input_$n" | "${client[@]}" ;;
  esac
}

rb_log_step() { # N START EXIT MILLIS
  {
    printf '== step %d/%d %s\n' "$1" "$RB_STEP_COUNT" "${RB_STEP_HEADING[$1]}"
    printf 'start: %s\n' "$2"
    printf 'command:\n'
    rb_print_commands "$1" 2>&1
    printf 'exit: %d\nduration_ms: %d\n\n' "$3" "$4"
  } >>"$RB_LOG"
}

rb_main() {
  rb_parse_options "$@"
  if ((RB_LIST)); then rb_list; exit 0; fi
  rb_resolve_parameters
  rb_check_environment
  if ((!RB_DRY_RUN)); then
    [[ -n $RB_LOG ]] || RB_LOG="./runbook-$RB_NAME-$(date -u +%Y%m%dT%H%M%SZ).log"
    [[ $RB_LOG == /* ]] || RB_LOG="$PWD/${RB_LOG#./}"  # steps may change directory
    printf '# %s (%s%s) %s, started %s\n\n' "$RB_TITLE" "$RB_SOURCE" "${RB_SECTION:+#$RB_SECTION}" \
      "$RB_HASH" "$(rb_now)" >>"$RB_LOG" || rb_die 2 "cannot write the log $RB_LOG"
    rb_say "Transcript: $RB_LOG"
  fi
  local n rc start began
  RB_SESSION_FILE=$(mktemp "${TMPDIR:-/tmp}/runbook-session.XXXXXX") || rb_die 2 "cannot create a session file"
  trap 'rm -f "$RB_SESSION_FILE"' EXIT
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    rb_announce "$n"
    if ! rb_runs "$n"; then
      printf '   (%s)\n' "${RB_STEP_NOTE[$n]}" >&2
      rb_print_commands "$n"
      continue
    fi
    if ((RB_DRY_RUN)); then
      printf '   would run (%s):\n' "${RB_STEP_RUNNER[$n]}" >&2
      rb_print_commands "$n"
      continue
    fi
    rb_print_commands "$n"
    rb_confirm "$n" || { rb_say "   skipped"; continue; }
    start=$(rb_now)
    began=$(rb_millis)
    set +e
    rb_run_step "$n"
    rc=$?
    set -e
    rb_log_step "$n" "$start" "$rc" "$(($(rb_millis) - began))"
    if ((rc != 0)); then
      rb_die "$rc" "step $n failed with exit code $rc. Fix the cause, then resume with --from $n (transcript: $RB_LOG)"
    fi
  done
  rb_say ""
  if ((RB_DRY_RUN)); then
    rb_say "Dry run: nothing was run."
    if ((${#RB_WOULD_ASK[@]})); then
      rb_say "A real run would ask for these values (shown above as <name?>):"
      printf '%s\n' "${RB_WOULD_ASK[@]}" >&2
    fi
  else rb_say "Done: steps $RB_FIRST to $RB_LAST ran."; fi
}
# ---- end of runtime ----
