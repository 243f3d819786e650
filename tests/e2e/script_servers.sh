#!/usr/bin/env bash
# `runbookc script` against real servers: runbooks/redis-session-store.md
# compiled and run non-interactively against throwaway PostgreSQL and Redis.
set -euo pipefail
RUNBOOKC=$(realpath "$1")
source tests/e2e/lib/servers.sh
servers_available || { echo "SKIP: PostgreSQL 15 or Redis not installed"; exit 0; }
servers_start

fail() { echo "FAIL: $*" >&2; exit 1; }
redis() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }
rows() { psql "$DATABASE_URL" -XAtc "SELECT count(*) FROM user_sessions"; }

redis SET session:a 1 EX 3600 >/dev/null
redis SET session:b 2 EX 3600 >/dev/null
redis SET session:c 3 EX 3600 >/dev/null
psql "$DATABASE_URL" -Xq -c "CREATE TABLE user_sessions (id text PRIMARY KEY)" \
  -c "INSERT INTO user_sessions VALUES ('a'), ('b')"

work=$(mktemp -d)
trap 'rm -rf "$work"; servers_stop' EXIT
script=$work/session-store.sh
"$RUNBOOKC" script runbooks/redis-session-store.md -o "$script"
[[ -x $script ]] || fail "script not executable"
count=$("$script" --list | grep -c '^ *[0-9]')
[[ $count == 11 ]] || fail "expected 11 steps, got $count"
flush=''
for ((n = 1; n <= count; n++)); do
  [[ $("$script" --dry-run --yes --step "$n" </dev/null 2>&1) == *FLUSHDB* ]] && flush=$n
done
[[ $flush == 10 ]] || fail "expected FLUSHDB in step 10, got '$flush'"
"$script" --list | grep '^ *10 ! ' >/dev/null || fail "step 10 not marked dangerous: $("$script" --list)"

# --dry-run changes nothing in either server.
"$script" --dry-run --yes --allow-danger </dev/null >"$work/dry.out" 2>&1 || fail "dry run: $(cat "$work/dry.out")"
grep -q 'FLUSHDB' "$work/dry.out" || fail "dry run does not show the FLUSHDB command"
[[ $(redis DBSIZE) == 3 && $(rows) == 2 ]] || fail "dry run changed the servers"
ls "$work"/*.log >/dev/null 2>&1 && fail "dry run wrote a transcript"

# --yes without --allow-danger: the steps before the first dangerous one run
# and are logged; that one is refused with exit 3.
first=$("$script" --list | awk '$2 == "!" { print $1; exit }')
rc=0
"$script" --yes --log "$work/run1.log" </dev/null >"$work/run1.out" 2>&1 || rc=$?
[[ $rc == 3 ]] || fail "expected exit 3, got $rc: $(cat "$work/run1.out")"
grep -q -- "--allow-danger --from $first" "$work/run1.out" || fail "refusal does not say how to go on"
[[ $(grep -c '^exit: 0$' "$work/run1.log") == $((first - 1)) ]] || fail "transcript exit codes: $(cat "$work/run1.log")"
grep -q '^refused: dangerous' "$work/run1.log" || fail "refusal not in the transcript"
grep -q '^start: 20[0-9-]*T[0-9:]*Z$' "$work/run1.log" || fail "no UTC start time in the transcript"
grep -q 'INFO clients' "$work/run1.log" || fail "commands not in the transcript"

# The FLUSHDB step itself is refused without --allow-danger; the keys stay.
rc=0
"$script" --yes --step 10 --log "$work/run2.log" </dev/null >"$work/run2.out" 2>&1 || rc=$?
[[ $rc == 3 ]] || fail "FLUSHDB: expected exit 3, got $rc: $(cat "$work/run2.out")"
[[ $(redis DBSIZE) == 3 ]] || fail "keys were flushed without --allow-danger"

# With --allow-danger every step runs, each logged with exit 0, and the keys are gone.
"$script" --yes --allow-danger --log "$work/run3.log" </dev/null >"$work/run3.out" 2>&1 ||
  fail "run with --allow-danger: $(cat "$work/run3.out")"
[[ $(redis DBSIZE) == 0 ]] || fail "keys still there after FLUSHDB"
[[ $(grep -c '^== step ' "$work/run3.log") == 11 && $(grep -c '^exit: 0$' "$work/run3.log") == 11 ]] ||
  fail "transcript: $(cat "$work/run3.log")"

# A failing step stops the script with its exit code and says how to resume.
rc=0
REDIS_PORT=1 "$script" --yes --step 1 --log "$work/run4.log" </dev/null >"$work/run4.out" 2>&1 || rc=$?
[[ $rc != 0 && $rc != 3 ]] || fail "failing step: exit $rc"
grep -q -- "--from 1" "$work/run4.out" || fail "no resume hint: $(cat "$work/run4.out")"
grep -q "^exit: $rc$" "$work/run4.log" || fail "failing exit code not in the transcript"
echo "ok: script_servers"
