#!/usr/bin/env bash
# A real PostgreSQL server on loopback for the tests of the team database. Its cluster,
# socket, password file and log live in one folder, so several servers can run side by side
# and a stopped server leaves nothing behind but that folder.
#
#   bash scripts/postgres.sh start DIR [--tls] [--watch PID] [--port PORT]
#   bash scripts/postgres.sh stop DIR
#
# `start` writes DIR/postgres.env once the server takes connections:
#   DATABASE_URL   the superuser `confab` on the maintenance database (tests create their own
#                  databases through it)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD   the same, for psql
#   CA_FILE        with --tls: the certificate authority that signed the server's certificate
# The server checks passwords (scram-sha-256) on every connection, as a lab's server would.
# With --tls it also takes TLS, with a certificate for 127.0.0.1 and localhost signed by a
# certificate authority of its own (as a university's server may be), not by a public one.
# With --watch, the server stops by itself when process PID ends. With --port, it listens on
# that port only (to start a stopped server again where its clients look for it); otherwise
# on a free port, tried again on another if one is taken meanwhile.
#
# PostgreSQL refuses to run as root; run as root, this script runs the server as the
# unprivileged user `nobody` from a folder that user owns.
set -euo pipefail

PASSWORD=confab-test
USER_NAME=confab
START_ATTEMPTS=3
SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

die() { printf 'postgres: %s\n' "$*" >&2; exit 1; }
usage() { die "usage: $0 start DIR [--tls] [--watch PID] [--port PORT] | stop DIR"; }

bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  die "PostgreSQL's server is not installed (Debian: apt-get install postgresql)"
}

# Runs a command as the server's owner: ourselves, or `nobody` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A certificate authority of the server's own and a certificate for loopback signed by it.
make_certificates() {
  local tls=$1
  mkdir -p "$tls"
  openssl req -new -x509 -days 2 -nodes -subj "/CN=Confab test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
  openssl req -new -nodes -subj "/CN=127.0.0.1" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial \
    -days 2 -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
  chmod 600 "$tls/server.key"
  [ "$(id -u)" != 0 ] || chown -R nobody "$tls"
}

start_server() {
  local dir=$1 owner=$2 tls=$3 wanted_port=$4 bin port attempt ssl_options=""
  bin=$(bin_dir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -f "$dir/postgres.env" ] || die "a server already runs from $dir; stop it first"
  if [ ! -d "$dir/data" ]; then
    printf '%s\n' "$PASSWORD" >"$dir/password"
    chmod 600 "$dir/password"
    [ "$(id -u)" != 0 ] || chown nobody "$dir" "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U "$USER_NAME" --pwfile="$dir/password" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    rm -f "$dir/password"
  fi
  if [ "$tls" = yes ]; then
    [ -f "$dir/tls/server.crt" ] || make_certificates "$dir/tls"
    ssl_options="-c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key"
  fi
  for attempt in $(seq 1 "$START_ATTEMPTS"); do
    port=${wanted_port:-$(free_port)}
    # fsync stays on: the tests of a crash in the middle of a booking rely on what a
    # commit promises.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 $ssl_options" start \
      >>"$dir/pg_ctl.log" 2>&1; then
      {
        echo "DATABASE_URL=postgres://$USER_NAME:$PASSWORD@127.0.0.1:$port/postgres"
        echo "PGHOST=127.0.0.1"
        echo "PGPORT=$port"
        echo "PGUSER=$USER_NAME"
        echo "PGPASSWORD=$PASSWORD"
        [ "$tls" != yes ] || echo "CA_FILE=$dir/tls/ca.pem"
      } >"$dir/postgres.env.tmp"
      mv "$dir/postgres.env.tmp" "$dir/postgres.env"
      if [ -n "$owner" ]; then
        setsid bash "$SCRIPT" watch "$dir" "$owner" </dev/null >/dev/null 2>&1 &
      fi
      return 0
    fi
    printf 'postgres: start on port %s failed (attempt %s of %s)\n' "$port" "$attempt" "$START_ATTEMPTS" >&2
  done
  tail -n 20 "$dir/server.log" >&2 || true
  die "the server did not start; its log is $dir/server.log"
}

stop_server() {
  local dir=$1 bin
  bin=$(bin_dir)
  rm -f "$dir/postgres.env"
  [ -d "$dir/data" ] || return 0
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

watch_owner() {
  local dir=$1 owner=$2
  while kill -0 "$owner" 2>/dev/null && [ -f "$dir/postgres.env" ]; do sleep 1; done
  [ ! -f "$dir/postgres.env" ] || stop_server "$dir"
}

command=${1:-}; dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || usage
shift 2
case "$command" in
  start)
    owner="" tls=no port=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --watch) [ -n "${2:-}" ] || usage; owner=$2; shift 2 ;;
        --port) [ -n "${2:-}" ] || usage; port=$2; shift 2 ;;
        --tls) tls=yes; shift ;;
        *) usage ;;
      esac
    done
    start_server "$dir" "$owner" "$tls" "$port"
    ;;
  stop) stop_server "$dir" ;;
  watch) [ -n "${1:-}" ] || usage; watch_owner "$dir" "$1" ;;
  *) usage ;;
esac
