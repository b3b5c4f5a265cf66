#!/usr/bin/env bash
# A real mail stack on loopback for the tests: OpenSMTPD takes mail and hands it over LMTP to
# Dovecot, which serves it over IMAP. Dovecot's submission service adds what providers offer
# (implicit TLS and STARTTLS, both with login) and relays through OpenSMTPD. Everything
# (configuration, certificates, mail, logs) lives in one folder, so several stacks can run
# side by side and a stopped stack leaves nothing behind but that folder.
#
#   bash scripts/mail-stack.sh start DIR [--oauth] [--watch PID]
#   bash scripts/mail-stack.sh stop DIR
#
# `start` writes DIR/stack.env once every listener answers. With --watch, the stack stops by
# itself when process PID ends, so a test run that is killed leaves no daemons behind.
# With --oauth, an OAuth 2 authorization server (scripts/oauth-server.mjs, on the npm package
# oauth2-mock-server) runs beside it, Dovecot also takes its access tokens with XOAUTH2 and
# OAUTHBEARER (checking each one by introspection) on IMAP and submission, and stack.env
# names the server (OAUTH_ISSUER) and the client ID it accepts (OAUTH_CLIENT_ID).
#
# A port taken by another program between choosing it and binding it makes a daemon fail
# to start; the stack then starts again on new ports, up to START_ATTEMPTS times.
# Needs root: OpenSMTPD starts as root and drops privileges itself.
#
# TLS goes through Dovecot rather than OpenSMTPD because Debian 12's OpenSMTPD 6.8 fails
# every TLS handshake with OpenSSL 3 ("EVP lib", OpenSMTPD issue #1171).
set -euo pipefail

DOMAIN=confab.test
PASSWORD=confab-test
USERS=(researcher alice bob carol dave)
READY_SECONDS=15
START_ATTEMPTS=3
OAUTH_CLIENT_ID=confab-test-client
SUBMISSION=/usr/lib/dovecot/submission
SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
OAUTH_SERVER="$(dirname "$SCRIPT")/oauth-server.mjs"

die() { printf 'mail-stack: %s\n' "$*" >&2; exit 1; }

usage() { die "usage: $0 start DIR [--oauth] [--watch PID] | stop DIR"; }

# Ports the kernel hands out now. A daemon that loses one in a race fails to start, and the
# readiness check reports it with the daemon's log.
free_ports() {
  local count=$1
  if command -v python3 >/dev/null; then
    python3 - "$count" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
  else
    local ports=() port
    while [ ${#ports[@]} -lt "$count" ]; do
      port=$((20000 + RANDOM % 40000))
      [[ " ${ports[*]} " == *" $port "* ]] && continue
      port_open "$port" && continue
      ports+=("$port")
    done
    echo "${ports[*]}"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A private CA and a server certificate for 127.0.0.1 and localhost, so clients verify the
# servers the way they verify a real provider, with only this CA added to their roots.
make_certificates() {
  local tls=$1
  mkdir -p "$tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=Confab test CA" -keyout "$tls/ca.key" -out "$tls/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
    -keyout "$tls/key.pem" -out "$tls/server.csr" 2>/dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" \
    "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
    -CAcreateserial -days 2 -extfile "$tls/server.ext" -out "$tls/cert.pem" 2>/dev/null
  chmod 600 "$tls/key.pem" "$tls/ca.key"
}

write_dovecot_config() {
  local dir=$1 imap_port=$2 imaps_port=$3 lmtp_port=$4 smtp_port=$5
  local submission_port=$6 smtps_port=$7 oauth_issuer=$8
  local conf="$dir/dovecot"
  mkdir -p "$conf/run" "$conf/state" "$dir/mail"
  # Mail belongs to an unprivileged user; the folders above it only need to be passable.
  chmod 711 "$dir"
  chown nobody:nogroup "$dir/mail"
  : >"$conf/users"
  for user in "${USERS[@]}"; do
    printf '%s:{PLAIN}%s:65534:65534::%s::\n' "$user" "$PASSWORD" "$dir/mail/$user" >>"$conf/users"
  done
  local protocols="imap lmtp"
  [ -z "$submission_port" ] || protocols="$protocols submission"
  cat >"$conf/dovecot.conf" <<EOF
protocols = $protocols
listen = 127.0.0.1
hostname = localhost
base_dir = $conf/run
state_dir = $conf/state
instance_name = confab-mail-$imap_port
log_path = $dir/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1

ssl = yes
ssl_cert = <$dir/tls/cert.pem
ssl_key = <$dir/tls/key.pem
# Loopback counts as secure, so logins also work on the ports without TLS.
disable_plaintext_auth = no
# Users log in as "alice" or "alice@$DOMAIN"; LMTP delivers to the full address.
auth_username_format = %Ln
EOF
  if [ -n "$oauth_issuer" ]; then
    write_dovecot_oauth2 "$conf" "$oauth_issuer"
  else
    echo "auth_mechanisms = plain login" >>"$conf/dovecot.conf"
  fi
  cat >>"$conf/dovecot.conf" <<EOF

passdb {
  driver = passwd-file
  args = scheme=PLAIN $conf/users
}
userdb {
  driver = passwd-file
  args = $conf/users
}

mail_location = maildir:~/Maildir
mail_uid = nobody
mail_gid = nogroup

namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0600
  }
}
EOF
  [ -n "$submission_port" ] || return 0
  cat >>"$conf/dovecot.conf" <<EOF

submission_relay_host = 127.0.0.1
submission_relay_port = $smtp_port
submission_relay_trusted = yes
service submission-login {
  inet_listener submission {
    address = 127.0.0.1
    port = $submission_port
  }
  inet_listener submissions {
    address = 127.0.0.1
    port = $smtps_port
    ssl = yes
  }
}
EOF
}

# Access tokens are checked by the authorization server on every login (introspection,
# RFC 7662), so a token that expired or is not the server's own is refused at once. The
# token names its user by email address, which is compared with the login name as both are
# formatted (the user part, lower case).
write_dovecot_oauth2() {
  local conf=$1 issuer=$2
  cat >"$conf/oauth2.conf.ext" <<EOF
introspection_mode = post
introspection_url = $issuer/introspect
force_introspection = yes
username_attribute = email
username_format = %Ln
active_attribute = active
active_value = true
EOF
  cat >>"$conf/dovecot.conf" <<EOF
auth_mechanisms = plain login xoauth2 oauthbearer

passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $conf/oauth2.conf.ext
}
EOF
}

write_smtpd_config() {
  local dir=$1 smtp_port=$2 lmtp_port=$3
  local conf="$dir/smtpd"
  mkdir -p "$conf/spool" "$conf/run"
  : >"$conf/users"
  : >"$conf/mailboxes"
  for user in "${USERS[@]}"; do
    printf '%s@%s %s\n' "$user" "$DOMAIN" "$user" >>"$conf/users"
    # The mail users exist only in Dovecot; OpenSMTPD needs an owner for each, not a login,
    # and a home that exists (it looks for a .forward there).
    printf '%s 65534:65534:%s\n' "$user" "$dir/mail" >>"$conf/mailboxes"
  done
  cat >"$conf/smtpd.conf" <<EOF
table users file:$conf/users
table mailboxes file:$conf/mailboxes

listen on 127.0.0.1 port $smtp_port hostname localhost

action "deliver" lmtp "127.0.0.1:$lmtp_port" rcpt-to virtual <users> userbase <mailboxes>

match from local for domain "$DOMAIN" action "deliver"
EOF
}

# "PID START-TIME", so that stopping never hits a later process that reuses the pid.
write_pid_file() {
  local pid=$1 file=$2
  echo "$pid $(process_start "$pid")" >"$file"
}

process_start() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }

# OpenSMTPD's queue folder and control socket are fixed paths; a private mount namespace
# gives this instance its own, so it neither collides with another stack nor touches the
# machine's. Without namespaces (no CAP_SYS_ADMIN) it uses the fixed paths as they are,
# and only one stack can run at a time.
start_smtpd() {
  local dir=$1
  local conf="$dir/smtpd"
  if unshare --mount --propagation private true 2>/dev/null; then
    # shellcheck disable=SC2016
    setsid unshare --mount --propagation private sh -c \
      'mount --bind "$1/spool" /var/spool && mount --bind "$1/run" /run && exec /usr/sbin/smtpd -d -f "$1/smtpd.conf"' \
      smtpd "$conf" </dev/null >"$dir/smtpd.log" 2>&1 &
  else
    setsid /usr/sbin/smtpd -d -f "$conf/smtpd.conf" </dev/null >"$dir/smtpd.log" 2>&1 &
  fi
  write_pid_file $! "$dir/smtpd.pid"
}

start_dovecot() {
  local dir=$1
  setsid /usr/sbin/dovecot -F -c "$dir/dovecot/dovecot.conf" </dev/null >>"$dir/dovecot.log" 2>&1 &
  write_pid_file $! "$dir/dovecot.pid"
}

# Stops the stack once the owning process has gone, or ends by itself once the stack was
# stopped. It runs in its own session, so whatever ends the caller's process group does not
# end the watcher too.
watch_owner() {
  local dir=$1 owner=$2
  while kill -0 "$owner" 2>/dev/null && [ -f "$dir/stack.env" ]; do sleep 1; done
  [ ! -f "$dir/stack.env" ] || stop_stack "$dir"
}

# Waits until every port accepts connections, or fails at once when a daemon has exited,
# or after READY_SECONDS, showing the daemons' logs.
wait_ready() {
  local dir=$1; shift
  local deadline=$((SECONDS + READY_SECONDS)) waiting=("$@") port still problem=""
  while [ ${#waiting[@]} -gt 0 ]; do
    still=()
    for port in "${waiting[@]}"; do port_open "$port" || still+=("$port"); done
    waiting=("${still[@]+"${still[@]}"}")
    [ ${#waiting[@]} -gt 0 ] || break
    for daemon in dovecot smtpd; do
      [ -n "$(live_pid "$dir/$daemon.pid")" ] || problem="$daemon exited"
    done
    [ $SECONDS -lt $deadline ] || problem="ports ${waiting[*]} still closed after ${READY_SECONDS}s"
    if [ -n "$problem" ]; then
      {
        echo "mail-stack: $problem."
        echo "--- dovecot.log"; tail -n 40 "$dir/dovecot.log" 2>/dev/null || true
        echo "--- smtpd.log"; tail -n 40 "$dir/smtpd.log" 2>/dev/null || true
      } >&2
      return 1
    fi
    sleep 0.1
  done
  # Another program on a chosen port answers just as well; the daemon that could not bind
  # it reports that in its log and exits, within moments of starting.
  sleep 0.3
  if grep -qi "address already in use" "$dir/dovecot.log" "$dir/smtpd.log" 2>/dev/null; then
    echo "mail-stack: a port was taken by another program." >&2
    return 1
  fi
}

# Starts the authorization server and waits for the port it chose, so Dovecot can be told
# where to check tokens.
start_oauth_server() {
  local dir=$1
  rm -f "$dir/oauth.port"
  setsid node "$OAUTH_SERVER" --client-id "$OAUTH_CLIENT_ID" --domain "$DOMAIN" \
    --port-file "$dir/oauth.port" </dev/null >"$dir/oauth.log" 2>&1 &
  write_pid_file $! "$dir/oauth.pid"
  local deadline=$((SECONDS + READY_SECONDS))
  while [ ! -s "$dir/oauth.port" ]; do
    if [ -z "$(live_pid "$dir/oauth.pid")" ] || [ $SECONDS -ge $deadline ]; then
      { echo "mail-stack: the OAuth server did not start."; echo "--- oauth.log"; tail -n 40 "$dir/oauth.log"; } >&2
      return 1
    fi
    sleep 0.1
  done
  echo "http://127.0.0.1:$(cat "$dir/oauth.port")"
}

# One attempt at starting the mail daemons on ports chosen now. Returns 2 when a port was
# taken meanwhile (worth another attempt), 1 for any other failure.
start_mail_daemons() {
  local dir=$1 oauth_issuer=$2
  local smtp_port imap_port imaps_port lmtp_port submission_port="" smtps_port=""
  if [ -x "$SUBMISSION" ]; then
    read -r smtp_port imap_port imaps_port lmtp_port submission_port smtps_port < <(free_ports 6)
  else
    echo "mail-stack: no SMTP with TLS and login ($SUBMISSION is missing: apt-get install dovecot-submissiond)" >&2
    read -r smtp_port imap_port imaps_port lmtp_port < <(free_ports 4)
  fi
  : >"$dir/dovecot.log"
  write_dovecot_config "$dir" "$imap_port" "$imaps_port" "$lmtp_port" "$smtp_port" \
    "$submission_port" "$smtps_port" "$oauth_issuer"
  write_smtpd_config "$dir" "$smtp_port" "$lmtp_port"
  start_dovecot "$dir"
  start_smtpd "$dir"
  # shellcheck disable=SC2086 # the optional ports are empty or one word each
  if ! wait_ready "$dir" "$smtp_port" "$imap_port" "$imaps_port" "$lmtp_port" \
    $submission_port $smtps_port 2>"$dir/start-problem.log"; then
    stop_daemons "$dir" smtpd dovecot
    if grep -qi "address already in use" "$dir/dovecot.log" "$dir/smtpd.log" 2>/dev/null; then
      return 2
    fi
    cat "$dir/start-problem.log" >&2
    return 1
  fi
  {
    echo "SMTP_PORT=$smtp_port"
    [ -z "$smtps_port" ] || echo "SMTPS_PORT=$smtps_port"
    [ -z "$submission_port" ] || echo "SUBMISSION_PORT=$submission_port"
    echo "IMAP_PORT=$imap_port"
    echo "IMAPS_PORT=$imaps_port"
  } >"$dir/stack.env.tmp"
}

start_stack() {
  local dir=$1 owner=$2 oauth=$3
  [ "$(id -u)" -eq 0 ] || die "must run as root (OpenSMTPD starts as root and drops privileges)"
  [ -x /usr/sbin/smtpd ] || die "OpenSMTPD is missing: apt-get install opensmtpd"
  [ -x /usr/sbin/dovecot ] || die "Dovecot is missing: apt-get install dovecot-imapd dovecot-lmtpd"
  [ -x /usr/lib/dovecot/lmtp ] || die "Dovecot's LMTP is missing: apt-get install dovecot-lmtpd"
  command -v openssl >/dev/null || die "openssl is missing: apt-get install openssl"
  if [ -n "$oauth" ]; then
    command -v node >/dev/null || die "the OAuth server needs Node.js"
    [ -d "$(dirname "$SCRIPT")/../node_modules/oauth2-mock-server" ] \
      || die "the OAuth server needs the npm packages: run npm ci in the project folder"
  fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ ! -f "$dir/stack.env" ] || die "a stack already runs in $dir (stop it first)"

  make_certificates "$dir/tls"
  local oauth_issuer=""
  if [ -n "$oauth" ]; then
    oauth_issuer="$(start_oauth_server "$dir")" || { stop_stack "$dir"; exit 1; }
  fi
  local attempt=1 status
  while true; do
    status=0
    start_mail_daemons "$dir" "$oauth_issuer" || status=$?
    [ $status -eq 2 ] && [ $attempt -lt $START_ATTEMPTS ] || break
    echo "mail-stack: a port was taken meanwhile; starting again on new ports" >&2
    attempt=$((attempt + 1))
  done
  if [ $status -ne 0 ]; then
    [ $status -ne 2 ] || cat "$dir/start-problem.log" >&2
    stop_stack "$dir"
    exit 1
  fi
  {
    echo "DOMAIN=$DOMAIN"
    echo "PASSWORD=$PASSWORD"
    echo "USERS=$(IFS=,; echo "${USERS[*]}")"
    echo "CA_FILE=$dir/tls/ca.pem"
    if [ -n "$oauth_issuer" ]; then
      echo "OAUTH_ISSUER=$oauth_issuer"
      echo "OAUTH_CLIENT_ID=$OAUTH_CLIENT_ID"
    fi
  } >>"$dir/stack.env.tmp"
  mv "$dir/stack.env.tmp" "$dir/stack.env"
  if [ -n "$owner" ]; then
    # A simple command with its own redirections: the caller's pipes are not held open,
    # so a caller that reads this script's output to the end is not kept waiting.
    setsid bash "$SCRIPT" watch "$dir" "$owner" </dev/null >/dev/null 2>&1 &
  fi
}

# The pid from a pid file ("PID START-TIME"), if that process still runs: a pid can be
# reused by a later process once the first one ended.
live_pid() {
  local file=$1 pid start
  [ -f "$file" ] || return 0
  read -r pid start <"$file" || true
  if [ -n "${pid:-}" ] && [ -n "${start:-}" ] && [ "$(process_start "$pid")" = "$start" ]; then
    echo "$pid"
  fi
}

# Each daemon leads its own process group (setsid at start), so one signal reaches all of
# its processes. The mail is thrown away with the folder, so a daemon that has not finished
# within a second is killed rather than waited for.
stop_daemons() {
  local dir=$1; shift
  local groups=() pid waited=0 daemon
  for daemon in "$@"; do
    pid="$(live_pid "$dir/$daemon.pid")"
    [ -z "$pid" ] || groups+=("-$pid")
  done
  if [ ${#groups[@]} -gt 0 ]; then
    kill -TERM -- "${groups[@]}" 2>/dev/null || true
    while kill -0 -- "${groups[@]}" 2>/dev/null && [ $waited -lt 10 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL -- "${groups[@]}" 2>/dev/null || true
  fi
  for daemon in "$@"; do rm -f "$dir/$daemon.pid"; done
}

stop_stack() {
  local dir=$1
  [ -d "$dir" ] || return 0
  rm -f "$dir/stack.env"
  stop_daemons "$dir" smtpd dovecot oauth
}

[ $# -ge 2 ] || usage
command=$1 dir=$2
shift 2
case "$command" in
  start)
    owner="" oauth=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --watch) [ -n "${2:-}" ] || usage; owner=$2; shift 2 ;;
        --oauth) oauth=1; shift ;;
        *) usage ;;
      esac
    done
    start_stack "$dir" "$owner" "$oauth"
    ;;
  stop) stop_stack "$dir" ;;
  watch) [ -n "${1:-}" ] || usage; watch_owner "$dir" "$1" ;;
  *) usage ;;
esac
