# Throwaway PostgreSQL 15 and Redis servers on 127.0.0.1 for end-to-end tests.
#   source tests/e2e/lib/servers.sh
#   servers_available || { echo "SKIP: ..."; exit 0; }
#   servers_start        # sets DATABASE_URL, REDIS_HOST, REDIS_PORT; an EXIT trap stops both
# As root, PostgreSQL runs as the `postgres` user (initdb refuses root).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

servers_available() {
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] && command -v redis-server >/dev/null &&
    command -v redis-cli >/dev/null && command -v psql >/dev/null
}

servers_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

servers_as_postgres() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

servers_stop() {
  [[ -n ${SERVERS_DIR:-} ]] || return 0
  [[ -n ${REDIS_PORT:-} ]] && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  [[ -d $SERVERS_DIR/pg ]] && servers_as_postgres "$PG_BIN/pg_ctl" -D "$SERVERS_DIR/pg" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$SERVERS_DIR"
  SERVERS_DIR=''
}

servers_start() {
  SERVERS_DIR=$(mktemp -d)
  trap servers_stop EXIT
  chmod 755 "$SERVERS_DIR"
  mkdir "$SERVERS_DIR/pg" "$SERVERS_DIR/sock"
  ((EUID == 0)) && chown postgres "$SERVERS_DIR/pg" "$SERVERS_DIR/sock"
  local pg_port
  pg_port=$(servers_free_port)
  servers_as_postgres "$PG_BIN/initdb" -D "$SERVERS_DIR/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null ||
    { echo "initdb failed" >&2; return 1; }
  servers_as_postgres "$PG_BIN/pg_ctl" -D "$SERVERS_DIR/pg" -l "$SERVERS_DIR/sock/pg.log" -w -t 30 \
    -o "-p $pg_port -k $SERVERS_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { cat "$SERVERS_DIR/sock/pg.log" >&2; return 1; }
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"

  REDIS_HOST=127.0.0.1
  REDIS_PORT=$(servers_free_port)
  export REDIS_HOST REDIS_PORT
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$SERVERS_DIR" --pidfile "$SERVERS_DIR/redis.pid" --logfile "$SERVERS_DIR/redis.log" >/dev/null
  local i
  for ((i = 0; i < 50; i++)); do
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" PING >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis-server did not start" >&2
  return 1
}
