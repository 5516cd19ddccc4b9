#!/usr/bin/env bash
# The whole cchc-flow stack on one machine, as docs/operations.md describes it:
#   scripts/local-stack.sh up     PostgreSQL databases for cchc and Prefect, a Prefect server,
#                                 `cchc setup` (schema + work pool), two workers, `cchc serve`
#   scripts/local-stack.sh worker N   start (or replace) worker N on the running stack
#   scripts/local-stack.sh down   stop every process it started (by the pids it recorded)
# Settings (environment, with defaults): STACK_DIR=var/stack, STACK_PG=postgresql://postgres@127.0.0.1:5432,
# STACK_CCHC_PG=$STACK_PG (where cchc processes reach their database, e.g. through a proxy),
# STACK_CCHC_DB=cchc, STACK_PREFECT_DB=prefect, STACK_PREFECT_PORT=4200, STACK_CCHC_PORT=8000,
# STACK_WORKERS=2 (STACK_ names: CCHC_DB would be read as the `db` settings group).
# `up` writes $STACK_DIR/env: source it to run `cchc` commands against this stack.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/.venv/bin
STACK_DIR=${STACK_DIR:-$ROOT/var/stack}
PG=${STACK_PG:-postgresql://postgres@127.0.0.1:5432}
APP_DB=${STACK_CCHC_DB:-cchc}
PREFECT_DB=${STACK_PREFECT_DB:-prefect}
PREFECT_PORT=${STACK_PREFECT_PORT:-4200}
APP_PORT=${STACK_CCHC_PORT:-8000}
WORKERS=${STACK_WORKERS:-2}
HOSTPART=${PG#postgresql://}
APP_PG=${STACK_CCHC_PG:-$PG}
APP_HOSTPART=${APP_PG#postgresql://}

start() {  # start NAME CMD...: run CMD in its own session, log and pid under $STACK_DIR
  local name=$1; shift
  setsid "$@" >"$STACK_DIR/$name.log" 2>&1 < /dev/null &
  echo $! >"$STACK_DIR/$name.pid"
}

wait_http() {  # wait_http URL SECONDS
  for _ in $(seq 1 "$2"); do
    curl -fsS -m 2 -o /dev/null "$1" && return 0
    sleep 1
  done
  echo "$1 did not answer within $2 s" >&2
  return 1
}

create_db() {  # create_db NAME: create the database unless it exists
  if ! psql "$PG/postgres" -tAc "select 1 from pg_database where datname = '$1'" | grep -q 1; then
    psql "$PG/postgres" -qc "create database \"$1\""
  fi
}

up() {
  mkdir -p "$STACK_DIR"
  # 1. Two PostgreSQL databases: one for cchc-flow, one for the Prefect server.
  create_db "$APP_DB"
  create_db "$PREFECT_DB"
  cat >"$STACK_DIR/env" <<ENV
export CCHC_DATABASE_URL=postgresql+psycopg://$APP_HOSTPART/$APP_DB
export CCHC_VAR_DIR=$STACK_DIR/var
export CCHC_API_PORT=$APP_PORT
export PREFECT_API_URL=http://127.0.0.1:$PREFECT_PORT/api
export PREFECT_HOME=$STACK_DIR/prefect
export PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://$HOSTPART/$PREFECT_DB
export PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1 PREFECT_LOGGING_LEVEL=WARNING
ENV
  # shellcheck disable=SC1091
  source "$STACK_DIR/env"
  # 2. The Prefect server (API and UI) on its database.
  start prefect-server "$BIN/prefect" server start --host 127.0.0.1 --port "$PREFECT_PORT"
  wait_http "$PREFECT_API_URL/health" 180
  # 3. The cchc schema and the work pool (idempotent).
  "$BIN/cchc" setup
  # 4. Workers on the pool (run more, on more machines, the same way).
  for i in $(seq 1 "$WORKERS"); do worker "$i"; done
  # 5. The API and dashboard (put a reverse proxy with TLS in front: deploy/).
  start serve "$BIN/cchc" serve --host 127.0.0.1 --port "$APP_PORT"
  wait_http "http://127.0.0.1:$APP_PORT/health" 180
  echo "cchc-flow: http://127.0.0.1:$APP_PORT  Prefect: http://127.0.0.1:$PREFECT_PORT  (source $STACK_DIR/env)"
}

worker() {  # worker N: a worker polling the pool (a dead one's replacement takes its number)
  start "worker-$1" "$BIN/prefect" worker start --pool cchc-pool --name "worker-$1-$(hostname)"
}

down() {
  for pidfile in "$STACK_DIR"/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill -TERM -- "-$pid" 2>/dev/null || true  # its own session: the process and its children
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  up) up ;;
  worker)
    [ -n "${2:-}" ] || { echo "usage: $0 worker N" >&2; exit 2; }
    # shellcheck disable=SC1091
    source "$STACK_DIR/env"
    worker "$2" ;;
  down) down ;;
  *) echo "usage: $0 up|worker N|down" >&2; exit 2 ;;
esac
