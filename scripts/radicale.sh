#!/usr/bin/env bash
# A real CalDAV server on loopback for the tests: Radicale 3, from PyPI in Confab's Python
# environment (installed here when missing). Its configuration, users and calendars live in
# one folder, so several servers can run side by side and a stopped one leaves nothing
# behind but that folder.
#
#   bash scripts/radicale.sh start DIR [--watch PID]
#   bash scripts/radicale.sh stop DIR
#
# `start` writes DIR/radicale.env once the server answers: RADICALE_URL, the users and their
# passwords, and PYTHON (an interpreter with Python's icalendar, to read what was stored).
# Each user owns the collections under /USER/ and nothing else. With --watch, the server
# stops by itself when process PID ends, so a test run that is killed leaves no server behind.
#
# A port taken by another program between choosing it and binding it makes Radicale exit;
# the server then starts again on a new port, up to START_ATTEMPTS times. RADICALE_FIRST_PORT
# names the port of the first attempt, to check that with a port known to be taken.
set -euo pipefail

USERS=(researcher interviewer)
PASSWORDS=(secret-pass other-pass)
READY_SECONDS=20
START_ATTEMPTS=5
SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

die() { printf 'radicale: %s\n' "$*" >&2; exit 1; }

usage() { die "usage: $0 start DIR [--watch PID] | stop DIR"; }

# Radicale and icalendar in Confab's Python environment, installed once (scripts/common.sh).
python_with_radicale() {
  # shellcheck source=common.sh
  source "$(dirname "$SCRIPT")/common.sh"
  install_python_radicale >&2
  echo "$CONFAB_PYTHON"
}

# A port the kernel hands out now; another program may still take it before Radicale binds
# it, which the start detects.
free_port() {
  "$1" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_config() {
  local dir=$1 port=$2 i
  mkdir -p "$dir/collections"
  : >"$dir/users"
  for i in "${!USERS[@]}"; do
    printf '%s:%s\n' "${USERS[$i]}" "${PASSWORDS[$i]}" >>"$dir/users"
  done
  chmod 600 "$dir/users"
  cat >"$dir/config" <<EOF
[server]
hosts = 127.0.0.1:$port

[auth]
type = htpasswd
htpasswd_filename = $dir/users
htpasswd_encryption = plain
# A wrong password is answered at once rather than after the default second.
delay = 0

[rights]
# Each user reads and writes the collections under /USER/, and nothing of the others.
type = owner_only

[storage]
filesystem_folder = $dir/collections

[web]
type = none

[logging]
level = info
EOF
}

# "PID START-TIME", so that stopping never hits a later process that reuses the pid.
write_pid_file() { echo "$1 $(process_start "$1")" >"$2"; }

process_start() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }

# The pid from the pid file, if that process still runs.
live_pid() {
  local file=$1 pid start
  [ -f "$file" ] || return 0
  read -r pid start <"$file" || true
  if [ -n "${pid:-}" ] && [ -n "${start:-}" ] && [ "$(process_start "$pid")" = "$start" ]; then
    echo "$pid"
  fi
}

# One attempt on a port chosen now. Returns 2 when the port was taken meanwhile (worth
# another attempt), 1 for any other failure.
start_once() {
  local dir=$1 python=$2 port=${3:-}
  [ -n "$port" ] || port="$(free_port "$python")"
  write_config "$dir" "$port"
  : >"$dir/radicale.log"
  setsid "$python" -m radicale --config "$dir/config" </dev/null >>"$dir/radicale.log" 2>&1 &
  write_pid_file $! "$dir/radicale.pid"
  local deadline=$((SECONDS + READY_SECONDS))
  # Radicale logs that it is ready once it holds the port; another program that took the
  # port answers on it too, so the log, not the port, says whether this server got it.
  until grep -q "Radicale server ready" "$dir/radicale.log" && port_open "$port"; do
    if [ -z "$(live_pid "$dir/radicale.pid")" ]; then
      rm -f "$dir/radicale.pid"
      grep -qi "address already in use" "$dir/radicale.log" && return 2
      { echo "radicale: the server exited."; echo "--- radicale.log"; tail -n 40 "$dir/radicale.log"; } >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      { echo "radicale: not ready after ${READY_SECONDS}s."; echo "--- radicale.log"; tail -n 40 "$dir/radicale.log"; } >&2
      stop_server "$dir"
      return 1
    fi
    sleep 0.1
  done
  echo "$port" >"$dir/radicale.port"
}

start_server() {
  local dir=$1 owner=$2
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ ! -f "$dir/radicale.env" ] || die "a server already runs in $dir (stop it first)"
  local python
  python="$(python_with_radicale)" || die "Radicale could not be installed"
  local attempt=1 status
  while true; do
    status=0
    start_once "$dir" "$python" "${RADICALE_FIRST_PORT:-}" || status=$?
    RADICALE_FIRST_PORT=""
    [ $status -eq 2 ] && [ $attempt -lt $START_ATTEMPTS ] || break
    echo "radicale: the port was taken meanwhile; starting again on a new port" >&2
    attempt=$((attempt + 1))
  done
  if [ $status -ne 0 ]; then
    [ $status -ne 2 ] || { echo "radicale: every port tried was taken."; tail -n 20 "$dir/radicale.log"; } >&2
    stop_server "$dir"
    exit 1
  fi
  {
    echo "RADICALE_URL=http://127.0.0.1:$(cat "$dir/radicale.port")/"
    echo "USERS=$(IFS=,; echo "${USERS[*]}")"
    local i
    for i in "${!USERS[@]}"; do echo "PASSWORD_${USERS[$i]}=${PASSWORDS[$i]}"; done
    echo "PYTHON=$python"
  } >"$dir/radicale.env.tmp"
  mv "$dir/radicale.env.tmp" "$dir/radicale.env"
  if [ -n "$owner" ]; then
    # Its own redirections, so a caller that reads this script's output to the end is not
    # kept waiting by the watcher.
    setsid bash "$SCRIPT" watch "$dir" "$owner" </dev/null >/dev/null 2>&1 &
  fi
}

# Stops the server once the owning process has gone, or ends by itself once it was stopped.
watch_owner() {
  local dir=$1 owner=$2
  while kill -0 "$owner" 2>/dev/null && [ -f "$dir/radicale.env" ]; do sleep 1; done
  [ ! -f "$dir/radicale.env" ] || stop_server "$dir"
}

# Radicale leads its own process group (setsid at start), so one signal reaches all of it.
stop_server() {
  local dir=$1 pid waited=0
  [ -d "$dir" ] || return 0
  rm -f "$dir/radicale.env"
  pid="$(live_pid "$dir/radicale.pid")"
  if [ -n "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    while kill -0 -- "-$pid" 2>/dev/null && [ $waited -lt 20 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/radicale.pid"
}

[ $# -ge 2 ] || usage
command=$1 dir=$2
shift 2
case "$command" in
  start)
    owner=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --watch) [ -n "${2:-}" ] || usage; owner=$2; shift 2 ;;
        *) usage ;;
      esac
    done
    start_server "$dir" "$owner"
    ;;
  stop) stop_server "$dir" ;;
  watch) [ -n "${1:-}" ] || usage; watch_owner "$dir" "$1" ;;
  *) usage ;;
esac
