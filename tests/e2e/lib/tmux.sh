# What a person sees in a terminal, for e2e scripts: a tmux server on its own
# socket ($sock), one session named rb. `screen` prints the pane (`-e` keeps
# the escape sequences), `wait_for TEXT` waits up to 10 s for the pane to show
# TEXT (printing the pane when it does not), `keys` types into it.
screen() { tmux -S "$sock" capture-pane -p -t rb "$@"; }
wait_for() {
  local i
  for ((i = 0; i < 100; i++)); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  echo "timed out waiting for: $1"
  screen | sed 's/^/  | /'
  return 1
}
keys() { tmux -S "$sock" send-keys -t rb "$@"; }
