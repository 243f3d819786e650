# ---- runbookc script runtime (templates/script_prelude.sh) ----
# Included in every generated script after its data (RB_* arrays, one entry
# per step) and before its step functions: rb_show_N prints step N with the
# parameter values in place, rb_input_N prints the standard input of a SQL or
# Redis step, rb_step_N holds a shell step's commands.
# Written for bash 3.2 (macOS): indexed arrays only, no [[ -v ]], namerefs,
# declare -g, EPOCHREALTIME or ${x,,}; a possibly empty array is expanded as
# ${a[@]+"${a[@]}"} (set -u). tests/e2e/script_bash32.sh checks the list.
# Functions that are running while a step runs name their locals rb_*: a
# step's variables must never land in them.
# Exit codes: 0 done, 2 bad options or parameters, 3 a dangerous step was
# refused, 130 interrupted (Ctrl-C), otherwise the exit code of the step
# that failed.

RB_DRY_RUN=0 RB_YES=0 RB_ALLOW_DANGER=0 RB_LIST=0
RB_FIRST=1 RB_LAST=$RB_STEP_COUNT RB_LOG='' RB_NO_COLOR=0 RB_CURRENT='' RB_INTERRUPTED=0 RB_WORK=''
RB_GIVEN_NAMES=' '  # --param names, space-separated; values in RB_GIVEN_<name with _ for ->

rb_say() { printf '%s\n' "$*" >&2; }
rb_die() { # CODE MESSAGE...
  local code=$1
  shift
  printf '%s: %s\n' "${0##*/}" "$*" >&2
  exit "$code"
}
rb_tty() { [[ -t 0 && -t 2 ]]; }
rb_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# Colour on a terminal, unless NO_COLOR is set (no-color.org) or --no-color.
RB_BOLD='' RB_RED='' RB_YELLOW='' RB_CYAN='' RB_DIM='' RB_OFF=''
rb_setup_colors() {
  [[ -t 2 && -z ${NO_COLOR:-} && $RB_NO_COLOR == 0 && ${TERM:-dumb} != dumb ]] || return 0
  RB_BOLD=$'\033[1m' RB_RED=$'\033[1;31m' RB_YELLOW=$'\033[33m' RB_CYAN=$'\033[1;36m' RB_DIM=$'\033[2m'
  RB_OFF=$'\033[0m'
}

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
  --log FILE             transcript file (default: runbook-$RB_NAME-<UTC time>.log in
                         \${XDG_STATE_HOME:-~/.local/state}/runbookc/)
  --branch NAME          run this alternative where the runbook offers several (If ... /
                         Option A/B); see --list. Without it a terminal asks when one is
                         reached; without a terminal nothing runs
  --no-color             no colour (also when NO_COLOR is set or not on a terminal)
  --help                 show this help

Clients: RUNBOOK_PSQL (default: psql "\$DATABASE_URL"), RUNBOOK_MYSQL (default: mysql),
RUNBOOK_REDIS_CLI (default: redis-cli); each is split into words, never evaluated.
Each shell step runs in a subshell with errexit; the variables it sets and the directory
it ends in carry over to the next steps, as in one terminal session. What a step prints
goes to the terminal and, timestamped and with secrets masked, to the transcript.
Ctrl-C stops the step that runs (a step marked ~ runs until Ctrl-C, which goes on with
the next step); a second Ctrl-C quits.

Exit status: 0 done, 2 bad options or parameters, 3 a dangerous step was refused,
130 interrupted, otherwise the exit code of the step that failed.
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
      --no-color) RB_NO_COLOR=1 ;;
      --step | --from | --param | --log | --branch)
        (($#)) || rb_die 2 "$arg needs a value"
        set -- "$arg=$1" "${@:2}"
        continue ;;
      --step=*) step=$(rb_number --step "${arg#*=}") || exit 2 ;;
      --from=*) from=$(rb_number --from "${arg#*=}") || exit 2 ;;
      --log=*) RB_LOG=${arg#*=} ;;
      --branch=*) rb_choose_given "${arg#*=}" ;;
      --param=*)
        arg=${arg#*=}
        [[ $arg == *=* ]] || rb_die 2 "--param needs NAME=VALUE, got '$arg'"
        name=${arg%%=*}
        rb_param_index "$name" ||
          rb_die 2 "unknown parameter '$name'; this script's parameters: ${RB_PARAMS[*]:-(none)}"
        RB_GIVEN_NAMES+="$name "
        printf -v "RB_GIVEN_${name//-/_}" '%s' "${arg#*=}" ;;
      *) rb_die 2 "unknown option '$arg' (see --help)" ;;
    esac
  done
  [[ -n $step && -n $from ]] && rb_die 2 "--step and --from cannot be combined"
  [[ -n $step ]] && RB_FIRST=$step RB_LAST=$step
  [[ -n $from ]] && RB_FIRST=$from
  return 0
}

# NAME: sets RB_INDEX to the parameter's index in RB_PARAMS (and RB_PARAM_ENV);
# fails for a name that is not one of this script's parameters.
rb_param_index() {
  local i
  for ((i = 0; i < ${#RB_PARAMS[@]}; i++)); do
    [[ ${RB_PARAMS[$i]} == "$1" ]] && { RB_INDEX=$i; return 0; }
  done
  return 1
}
# NAME: sets RB_USED_AT to the first selected step that uses it, 0 when none does.
rb_first_use() {
  local n p
  RB_USED_AT=0
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    ((RB_DRY_RUN)) || rb_active "$n" || continue
    for p in ${RB_STEP_PARAMS[$n]}; do [[ $p == "$1" ]] && { RB_USED_AT=$n; return 0; }; done
  done
  return 0
}

# Alternatives: RB_GROUP_CHOICE[g] is the anchor chosen in group g, '-' for
# none of them, unset while not chosen.
RB_GROUP_CHOICE=()
rb_branch_index() { # ANCHOR: sets RB_INDEX to its index in RB_BRANCHES; fails when unknown
  local i
  for ((i = 0; i < ${#RB_BRANCHES[@]}; i++)); do
    [[ ${RB_BRANCHES[$i]} == "$1" ]] && { RB_INDEX=$i; return 0; }
  done
  return 1
}
rb_choose_given() { # ANCHOR from --branch
  local g
  rb_branch_index "$1" ||
    rb_die 2 "--branch: '$1' is not one of this script's alternatives: ${RB_BRANCHES[*]:-(it has none)}"
  g=${RB_BRANCH_GROUP[$RB_INDEX]}
  [[ -n ${RB_GROUP_CHOICE[$g]:-} && ${RB_GROUP_CHOICE[$g]} != "$1" ]] &&
    rb_die 2 "--branch ${RB_GROUP_CHOICE[$g]} and --branch $1 are alternatives to each other: choose one"
  RB_GROUP_CHOICE[$g]=$1
}
# Step N runs only if each alternative it is under is the one chosen.
rb_active() { # N
  local b
  for b in ${RB_STEP_BRANCH[$1]}; do
    rb_branch_index "$b"
    [[ ${RB_GROUP_CHOICE[${RB_BRANCH_GROUP[$RB_INDEX]}]:-} == "$b" ]] || return 1
  done
  return 0
}
rb_group_in_range() { # G: a selected step is under one of its alternatives
  local n b
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for b in ${RB_STEP_BRANCH[$n]}; do
      rb_branch_index "$b"
      [[ ${RB_BRANCH_GROUP[$RB_INDEX]} == "$1" ]] && return 0
    done
  done
  return 1
}
rb_group_options() { # G: one "--branch ANCHOR (title)" line per alternative
  local i
  for ((i = 0; i < ${#RB_BRANCHES[@]}; i++)); do
    [[ ${RB_BRANCH_GROUP[$i]} == "$1" ]] && printf '    --branch %s   (%s)\n' "${RB_BRANCHES[$i]}" "${RB_BRANCH_TITLE[$i]}"
  done
  return 0
}
# A group nobody chose is asked on a terminal when it is reached; without a
# terminal (or with --yes) the groups are listed and nothing runs (exit 2).
rb_check_branches() {
  local g listed=0
  for ((g = 0; g < ${#RB_GROUP_HEADING[@]}; g++)); do
    [[ -n ${RB_GROUP_CHOICE[$g]:-} ]] && continue
    rb_group_in_range "$g" || continue
    if ((RB_DRY_RUN)) || { rb_tty && ((!RB_YES)); }; then continue; fi
    ((listed)) || rb_say "The runbook offers alternatives: choose the one that applies (nothing was run):"
    listed=1
    rb_say "  under \"${RB_GROUP_HEADING[$g]}\":"
    rb_group_options "$g" >&2
  done
  ((listed)) && exit 2
  return 0
}
rb_choose() { # G: asks which alternative applies
  local i answer options=()
  rb_say ""
  rb_say "${RB_BOLD}\"${RB_GROUP_HEADING[$1]}\" offers alternatives; run the one that applies:${RB_OFF}"
  for ((i = 0; i < ${#RB_BRANCHES[@]}; i++)); do
    [[ ${RB_BRANCH_GROUP[$i]} == "$1" ]] || continue
    options+=("$i")
    printf '  %d) %s\n' "${#options[@]}" "${RB_BRANCH_TITLE[$i]}" >&2
  done
  printf '  0) none of them\n' >&2
  while :; do
    read -r -p "Which one? [1-${#options[@]}, 0]: " answer || rb_quit_interrupted
    if [[ $answer == 0 ]]; then
      RB_GROUP_CHOICE[$1]=-
      break
    fi
    if [[ $answer =~ ^[0-9]+$ ]] && ((answer >= 1 && answer <= ${#options[@]})); then
      RB_GROUP_CHOICE[$1]=${RB_BRANCHES[${options[$((answer - 1))]}]}
      break
    fi
  done
  [[ -n $RB_LOG ]] && printf 'alternative under "%s": %s\n\n' "${RB_GROUP_HEADING[$1]}" "${RB_GROUP_CHOICE[$1]}" >>"$RB_LOG"
  return 0
}

rb_runs() { [[ ${RB_STEP_RUNNER[$1]} != show ]]; }
rb_dangerous() { [[ -n ${RB_STEP_DANGER[$1]} ]]; }

rb_list() {
  local n mark
  for ((n = 1; n <= RB_STEP_COUNT; n++)); do
    mark=' '
    [[ -n ${RB_STEP_UNTIL[$n]} ]] && mark='~'
    rb_dangerous "$n" && mark='!'
    rb_runs "$n" || mark='-'
    printf '%3d %s [%s] %s\n' "$n" "$mark" "${RB_STEP_LANG[$n]}" "${RB_STEP_HEADING[$n]:-(before the first heading)}"
  done
  printf '\n! dangerous (asks for confirmation)   ~ runs until Ctrl-C   - shown, not run\n'
  local g
  for ((g = 0; g < ${#RB_GROUP_HEADING[@]}; g++)); do
    ((g)) || printf '\nAlternatives (one of each group runs; a terminal asks, or give --branch):\n'
    printf '  under "%s":\n' "${RB_GROUP_HEADING[$g]}"
    rb_group_options "$g"
  done
  return 0
}

# Sets RB_PARAM_<name> for every parameter the selected steps use: --param,
# then the environment, then a prompt on a terminal. Without a terminal (or
# with --yes) all missing ones are reported at once (exit 2). A dry run asks
# nothing: a missing value is shown as <name?> and listed in RB_WOULD_ASK.
RB_WOULD_ASK=()
RB_RESOLVED=' '  # names resolved so far: an alternative chosen later resolves its own
rb_resolve_parameters() {
  local n name env value var missing=() bad=() resolved=' '
  for name in ${RB_PARAMS[@]+"${RB_PARAMS[@]}"}; do
    [[ $RB_RESOLVED == *" $name "* ]] && continue
    rb_first_use "$name"
    ((RB_USED_AT)) || continue
    rb_param_index "$name"
    env=${RB_PARAM_ENV[$RB_INDEX]}
    var=RB_GIVEN_${name//-/_}
    if [[ $RB_GIVEN_NAMES == *" $name "* ]]; then
      value=${!var}
    elif [[ -n $env && -n ${!env+set} ]]; then
      value=${!env}
    elif ((RB_DRY_RUN)); then
      RB_WOULD_ASK+=("  <$name>: --param $name=VALUE${env:+ or $env=VALUE in the environment} (step $RB_USED_AT)")
      printf -v "RB_PARAM_${name//-/_}" '%s' "<$name?>"
      continue
    elif rb_tty && ((!RB_YES)); then
      read -r -p "Value for <$name> (step $RB_USED_AT): " value || rb_die 2 "no value for <$name>"
    else
      missing+=("  <$name>: --param $name=VALUE${env:+ or $env=VALUE in the environment} (step $RB_USED_AT)")
      continue
    fi
    printf -v "RB_PARAM_${name//-/_}" '%s' "$value"
    resolved+="$name "
    RB_RESOLVED+="$name "
  done
  if ((${#missing[@]})); then
    rb_say "Missing parameters; no step was run:"
    printf '%s\n' ${missing[@]+"${missing[@]}"} >&2
    exit 2
  fi
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for name in ${RB_STEP_SPLICED[$n]}; do
      [[ $resolved == *" $name "* ]] || continue
      var=RB_PARAM_${name//-/_}
      value=${!var}
      if [[ ! $value =~ ^[A-Za-z0-9_.,:/@%+-]*$ || $value == *--* ]]; then
        bad+=("  <$name> (step $n)")
      fi
    done
  done
  if ((${#bad[@]})); then
    rb_say "These values are inserted into quoted text another program parses (SQL, a remote shell), so they may"
    rb_say "only hold letters, digits and _ . , : / @ % + - (no '--'); no step was run:"
    printf '%s\n' ${bad[@]+"${bad[@]}"} >&2
    exit 2
  fi
  # Bash evaluates these as arithmetic (array subscripts in a value run commands).
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    for name in ${RB_STEP_INTEGER[$n]}; do
      [[ $resolved == *" $name "* ]] || continue
      var=RB_PARAM_${name//-/_}
      if [[ ! ${!var} =~ ^[-+]?[0-9]+$ ]]; then bad+=("  <$name> (step $n)"); fi
    done
  done
  if ((${#bad[@]})); then
    rb_say "These values are used in arithmetic (\$(( )), (( )), [[ -gt ]], let, an array index...), so they"
    rb_say "must be whole numbers; no step was run:"
    printf '%s\n' ${bad[@]+"${bad[@]}"} >&2
    exit 2
  fi
  # Control characters in a value would reach the terminal and the transcript.
  for name in $resolved; do
    var=RB_PARAM_${name//-/_}
    value=${!var}
    value=${value//[$'\t\n']/}
    if [[ $value =~ [[:cntrl:]] ]]; then bad+=("  <$name>"); fi
  done
  if ((${#bad[@]})); then
    rb_say "These values hold control characters (escape sequences); no step was run:"
    printf '%s\n' ${bad[@]+"${bad[@]}"} >&2
    exit 2
  fi
  return 0
}

# Environment variables the selected steps read, checked before the first one.
rb_check_environment() {
  local n var vars missing=() seen=' '
  for ((n = RB_FIRST; n <= RB_LAST; n++)); do
    rb_runs "$n" || continue
    ((RB_DRY_RUN)) || rb_active "$n" || continue
    vars=${RB_STEP_ENV[$n]}
    [[ ${RB_STEP_RUNNER[$n]} == psql && -z ${RUNBOOK_PSQL:-} ]] && vars+=" DATABASE_URL"
    for var in $vars; do
      [[ -n ${!var+set} || $seen == *" $var "* ]] && continue
      seen+="$var "
      missing+=("$var")
    done
  done
  ((${#missing[@]} == 0)) && return 0
  if ((RB_DRY_RUN)); then
    rb_say "warning: not set in the environment: ${missing[*]:-} (a real run stops here)"
    return 0
  fi
  rb_die 2 "set these environment variables first (the steps read them): ${missing[*]:-}"
}

rb_announce() { # N
  local n=$1
  printf '\n%s== Step %d/%d%s [%s] %s%s%s %s(%s line %s)%s\n' "$RB_CYAN" "$n" "$RB_STEP_COUNT" "$RB_OFF" \
    "${RB_STEP_LANG[$n]}" "$RB_BOLD" "${RB_STEP_HEADING[$n]}" "$RB_OFF" "$RB_DIM" "$RB_SOURCE" "${RB_STEP_LINE[$n]}" \
    "$RB_OFF" >&2
  [[ -n ${RB_STEP_CONTEXT[$n]} ]] && printf '   %s\n' "${RB_STEP_CONTEXT[$n]}" >&2
  if rb_dangerous "$n" && rb_runs "$n"; then
    printf '   %sDANGER:%s\n' "$RB_RED" "$RB_OFF" >&2
    local line
    while IFS= read -r line; do printf '     %s%s%s\n' "$RB_RED" "$line" "$RB_OFF" >&2; done <<<"${RB_STEP_DANGER[$n]}"
  fi
  if [[ -n ${RB_STEP_UNTIL[$n]} ]] && rb_runs "$n"; then
    printf '   %sRuns until Ctrl-C (%s); Ctrl-C goes on with the next step.%s\n' "$RB_YELLOW" \
      "${RB_STEP_UNTIL[$n]}" "$RB_OFF" >&2
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
      read -r -p "${RB_RED}Step $n is dangerous.${RB_OFF} Type $n to run it, anything else stops: " answer || answer=''
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

rb_client() { # VAR DEFAULT...: RB_CLIENT = the client command as words, never evaluated
  local setting=$1
  shift
  if [[ -n ${!setting:-} ]]; then
    read -r -a RB_CLIENT <<<"${!setting}"
  else
    RB_CLIENT=("$@")
  fi
}

# The session that carries from one shell step to the next: variables the
# runbook's commands set (not the runtime's own, not bash's), and the working
# directory. The step's subshell writes what it changed as plain assignments
# (bash 3.2 has no declare -g); rb_main, whose locals are all rb_*, sources
# them, so they land in globals.
RB_SESSION_FILE=""
rb_save_session() {
  [[ -n $RB_SESSION_FILE ]] || return 0
  # shellcheck disable=SC2034  # rb_i is the loop variable of the eval'd array copy
  local rb_name rb_decl rb_flags rb_i
  {
    printf 'cd -- %q 2>/dev/null || true\n' "$PWD"
    for rb_name in $(compgen -v); do
      case $rb_name in
        RB_* | rb_* | BASH* | COMP* | DIRSTACK | EUID | FUNCNAME | GROUPS | HISTCMD | HOSTNAME | HOSTTYPE | IFS | \
          LINENO | MACHTYPE | OLDPWD | OPTERR | OPTIND | OSTYPE | PIPESTATUS | PPID | PS4 | PWD | RANDOM | \
          SECONDS | SHELLOPTS | SHLVL | SRANDOM | UID | _ | EPOCH* | LINES | COLUMNS) continue ;;
      esac
      rb_decl=$(declare -p "$rb_name" 2>/dev/null) || continue
      rb_flags=${rb_decl#declare -}
      rb_flags=${rb_flags%% *}
      [[ $rb_flags == *r* ]] && continue                                      # read-only: not ours to set
      [[ $'\n'$rb_before_step$'\n' == *$'\n'"$rb_decl"$'\n'* ]] && continue  # unchanged by the step
      if [[ $rb_flags == *A* ]]; then
        printf '%s\n' "${rb_decl/#declare -A/declare -gA}"  # bash 4+ only: where a step can make one
      elif [[ $rb_flags == *a* ]]; then
        printf '%s=(' "$rb_name"
        eval 'for rb_i in "${!'"$rb_name"'[@]}"; do printf "[%s]=%q " "$rb_i" "${'"$rb_name"'[$rb_i]}"; done'
        printf ')\n'
      else
        printf '%s=%q\n' "$rb_name" "${!rb_name}"
      fi
      if [[ $rb_flags == *x* ]]; then printf 'export %s\n' "$rb_name"; fi
    done
  } >"$RB_SESSION_FILE" 2>/dev/null
  return 0
}
rb_restore_session() {  # no locals: the assignments must reach rb_main's caller
  [[ -n $RB_SESSION_FILE && -s $RB_SESSION_FILE ]] || return 0
  # shellcheck disable=SC1090 # written by rb_save_session
  source "$RB_SESSION_FILE" 2>/dev/null || true
  : >"$RB_SESSION_FILE"
}

rb_run_step() { # N: runs it, returns its exit code
  local rb_step=$1 rb_name rb_var
  local rb_vars=()
  case ${RB_STEP_RUNNER[$rb_step]} in
    shell)
      # The EXIT trap keeps the step's status (errexit is still on in it).
      (set +u +o pipefail; rb_before_step=$(declare -p 2>/dev/null)
       # shellcheck disable=SC2154  # rb_status is set in the trap itself
       trap 'rb_status=$?; set +e; rb_save_session; exit "$rb_status"' EXIT
       set -e; "rb_step_$rb_step") ;;
    psql)
      rb_client RUNBOOK_PSQL psql "${DATABASE_URL:-}"
      for rb_name in ${RB_STEP_PARAMS[$rb_step]}; do
        rb_var=RB_PARAM_${rb_name//-/_}
        rb_vars+=(-v "rb_${rb_name//-/_}=${!rb_var}")
      done
      "rb_input_$rb_step" | ${RB_CLIENT[@]+"${RB_CLIENT[@]}"} -v ON_ERROR_STOP=1 ${rb_vars[@]+"${rb_vars[@]}"} ;;
    mysql)
      rb_client RUNBOOK_MYSQL mysql
      "rb_input_$rb_step" | ${RB_CLIENT[@]+"${RB_CLIENT[@]}"} ;;
    redis)
      rb_client RUNBOOK_REDIS_CLI redis-cli
      "rb_input_$rb_step" | ${RB_CLIENT[@]+"${RB_CLIENT[@]}"} ;;
  esac
}

# Secrets in what reaches the transcript: the values of the variables the
# secret rules name (RB_SECRET_VARS) and passwords in URLs (scheme://user:pw@).
RB_MASKED=''
rb_mask() { # TEXT: sets RB_MASKED
  local text=$1 var value i
  for var in ${RB_SECRET_VARS[@]+"${RB_SECRET_VARS[@]}"}; do
    value=${!var:-}
    [[ ${#value} -ge 4 ]] && text=${text//"$value"/***}
  done
  for ((i = 0; i < 8; i++)); do
    [[ $text =~ ([A-Za-z][A-Za-z0-9+.-]*://[^/:@[:space:]]*:)([^/@[:space:]]+)@ ]] || break
    [[ ${BASH_REMATCH[2]} == '***' ]] && break
    text=${text//"${BASH_REMATCH[0]}"/${BASH_REMATCH[1]}***@}
  done
  RB_MASKED=$text
}

rb_log_begin() { # N START
  local text
  text=$(rb_print_commands "$1" 2>&1)
  rb_mask "$text"
  {
    printf '== step %d/%d %s\n' "$1" "$RB_STEP_COUNT" "${RB_STEP_HEADING[$1]}"
    printf 'start: %s\n' "$2"
    printf 'command:\n%s\n' "$RB_MASKED"
    printf 'output:\n'
  } >>"$RB_LOG"
}
rb_log_end() { # EXIT SECONDS [NOTE]
  {
    [[ -n ${3:-} ]] && printf '%s\n' "$3"
    printf 'exit: %d\nduration_s: %d\n\n' "$1" "$2"
  } >>"$RB_LOG"
}

# Copies a step's output (standard input here) to the terminal as it comes
# and to the transcript, each line after the seconds since the step began.
rb_copy_output() {
  local line start=$SECONDS
  while IFS= read -r line || [[ -n $line ]]; do
    printf '%s\n' "$line"
    rb_mask "$line"
    printf '  +%ss | %s\n' "$((SECONDS - start))" "$RB_MASKED" >>"$RB_LOG"
  done
}

# Runs step N, its output through rb_copy_output (a FIFO rather than a pipe:
# the step must run in this shell, whose session it updates). Full-screen or
# interactive steps keep the terminal: their output is not copied.
rb_run_captured() { # N
  local rb_step=$1 rb_fifo rb_copier rb_rc
  if [[ -n ${RB_STEP_TERMINAL[$rb_step]} ]]; then
    printf '  (full-screen or interactive: output not recorded)\n' >>"$RB_LOG"
    rb_run_step "$rb_step"
    return
  fi
  rb_fifo=$RB_WORK/output.$rb_step
  mkfifo "$rb_fifo" || { rb_run_step "$rb_step"; return; }
  (trap '' INT; rb_copy_output <"$rb_fifo") &
  rb_copier=$!
  rb_run_step "$rb_step" >"$rb_fifo" 2>&1
  rb_rc=$?
  while ! wait "$rb_copier" 2>/dev/null && kill -0 "$rb_copier" 2>/dev/null; do :; done
  rm -f "$rb_fifo"
  return "$rb_rc"
}

rb_on_interrupt() { RB_INTERRUPTED=1; }
# Ctrl-C outside a step, or a second one: recorded, then the script ends.
rb_quit_interrupted() {
  trap - INT
  printf '\n' >&2
  if [[ -n $RB_LOG && -f $RB_LOG ]]; then
    printf 'interrupted%s at %s\n' "${RB_CURRENT:+ at step $RB_CURRENT}" "$(rb_now)" >>"$RB_LOG"
  fi
  rb_say "${RB_RED}Interrupted${RB_CURRENT:+ at step $RB_CURRENT}.${RB_OFF} Resume with --from ${RB_CURRENT:-$RB_FIRST}${RB_LOG:+ (transcript: $RB_LOG)}"
  exit 130
}

rb_main() {
  rb_parse_options "$@"
  rb_setup_colors
  if ((RB_LIST)); then rb_list; exit 0; fi
  rb_check_branches
  rb_resolve_parameters
  rb_check_environment
  if ((!RB_DRY_RUN)); then
    if [[ -z $RB_LOG ]]; then
      local rb_dir=${XDG_STATE_HOME:-${HOME:-.}/.local/state}/runbookc
      mkdir -p "$rb_dir" 2>/dev/null || rb_die 2 "cannot create $rb_dir for the transcript (choose one with --log FILE)"
      RB_LOG="$rb_dir/runbook-$RB_NAME-$(date -u +%Y%m%dT%H%M%SZ).log"
    fi
    [[ $RB_LOG == /* ]] || RB_LOG="$PWD/${RB_LOG#./}"  # steps may change directory
    printf '# %s (%s%s) %s, started %s\n\n' "$RB_TITLE" "$RB_SOURCE" "${RB_SECTION:+#$RB_SECTION}" \
      "$RB_HASH" "$(rb_now)" >>"$RB_LOG" || rb_die 2 "cannot write the log $RB_LOG"
    rb_say "Transcript: $RB_LOG"
  fi
  local rb_n rb_rc rb_start rb_began rb_answer rb_b
  RB_WORK=$(mktemp -d "${TMPDIR:-/tmp}/runbook.XXXXXX") || rb_die 2 "cannot create a work directory"
  RB_SESSION_FILE=$RB_WORK/session
  trap 'rm -rf "$RB_WORK"' EXIT
  trap rb_quit_interrupted INT
  for ((rb_n = RB_FIRST; rb_n <= RB_LAST; rb_n++)); do
    RB_CURRENT=$rb_n
    if ((!RB_DRY_RUN)); then
      for rb_b in ${RB_STEP_BRANCH[$rb_n]}; do  # an alternative not chosen yet: asked now
        rb_branch_index "$rb_b"
        [[ -n ${RB_GROUP_CHOICE[${RB_BRANCH_GROUP[$RB_INDEX]}]:-} ]] && continue
        rb_choose "${RB_BRANCH_GROUP[$RB_INDEX]}"
        rb_resolve_parameters
        rb_check_environment
      done
      if ! rb_active "$rb_n"; then
        printf '%s-- step %d/%d skipped: not the alternative chosen (%s)%s\n' "$RB_DIM" "$rb_n" "$RB_STEP_COUNT" \
          "${RB_STEP_HEADING[$rb_n]}" "$RB_OFF" >&2
        continue
      fi
    fi
    rb_announce "$rb_n"
    if ! rb_runs "$rb_n"; then
      printf '   (%s)\n' "${RB_STEP_NOTE[$rb_n]}" >&2
      rb_print_commands "$rb_n"
      continue
    fi
    if ((RB_DRY_RUN)); then
      if [[ -n ${RB_STEP_BRANCH[$rb_n]} ]] && ! rb_active "$rb_n"; then
        printf '   (an alternative: a real run asks which applies, or takes --branch)\n' >&2
      fi
      printf '   would run (%s):\n' "${RB_STEP_RUNNER[$rb_n]}" >&2
      rb_print_commands "$rb_n"
      continue
    fi
    rb_print_commands "$rb_n"
    rb_confirm "$rb_n" || { rb_say "   skipped"; continue; }
    rb_start=$(rb_now)
    rb_began=$SECONDS
    rb_log_begin "$rb_n" "$rb_start"
    RB_INTERRUPTED=0
    trap rb_on_interrupt INT
    set +e
    rb_run_captured "$rb_n"
    rb_rc=$?
    rb_restore_session
    set -e
    trap rb_quit_interrupted INT
    if ((RB_INTERRUPTED)) && [[ -n ${RB_STEP_UNTIL[$rb_n]} ]]; then
      rb_log_end "$rb_rc" "$((SECONDS - rb_began))" "stopped with Ctrl-C (runs until interrupted)"
      rb_say "   stopped with Ctrl-C; going on"
      continue
    fi
    if ((RB_INTERRUPTED)); then
      rb_log_end "$rb_rc" "$((SECONDS - rb_began))" "interrupted at step $rb_n"
      rb_say "${RB_YELLOW}Step $rb_n interrupted.${RB_OFF} Resume with --from $rb_n, or skip it with --from $((rb_n + 1))."
      if rb_tty && ((!RB_YES)) && ((rb_n < RB_LAST)); then
        read -r -p "[Enter] go on with step $((rb_n + 1)), q quit (Ctrl-C quits): " rb_answer || rb_answer=q
        [[ $rb_answer == q || $rb_answer == Q ]] && { RB_CURRENT=$rb_n; trap - INT; rb_say "Transcript: $RB_LOG"; exit 130; }
        continue
      fi
      rb_say "Transcript: $RB_LOG"
      exit 130
    fi
    rb_log_end "$rb_rc" "$((SECONDS - rb_began))"
    if ((rb_rc != 0)); then
      rb_die "$rb_rc" "step $rb_n failed with exit code $rb_rc. Fix the cause, then resume with --from $rb_n (transcript: $RB_LOG)"
    fi
  done
  RB_CURRENT=
  rb_say ""
  if ((RB_DRY_RUN)); then
    rb_say "Dry run: nothing was run."
    if ((${#RB_WOULD_ASK[@]})); then
      rb_say "A real run would ask for these values (shown above as <name?>):"
      printf '%s\n' ${RB_WOULD_ASK[@]+"${RB_WOULD_ASK[@]}"} >&2
    fi
  else rb_say "Done: steps $RB_FIRST to $RB_LAST ran. Transcript: $RB_LOG"; fi
}
# ---- end of runtime ----
