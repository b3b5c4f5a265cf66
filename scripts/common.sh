# Shared by scripts/start.sh and scripts/test.sh: installs whatever is missing, and only that,
# so both are safe to run again.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Build output lives outside the clone so a fresh clone builds incrementally on a machine
# that has built Confab before.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/confab/target}"
export PATH="$HOME/.cargo/bin:$PATH"

APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
  xvfb xauth webkit2gtk-driver
)

# What the tests need beyond the app: a real mail stack on loopback (OpenSMTPD delivering to
# Dovecot), a real Secret Service for the keyring, Python for the independent iCalendar parser
# and as the web server for autoconfig files, dnsmasq as the DNS server for SRV and MX, and
# xdg-open, through which the window hands a sign-in to the browser ($BROWSER in the tests), and
# PostgreSQL for the team database (scripts/postgres.sh runs its own server in a folder), and
# DejaVu's serif and sans faces, between which a test tells which one the window writes in.
# The mail stack's OAuth server (oauth2-mock-server) comes from package.json's devDependencies.
TEST_APT_PACKAGES=(
  opensmtpd dovecot-imapd dovecot-lmtpd dovecot-submissiond
  dbus dbus-x11 gnome-keyring libsecret-tools
  python3 python3-venv
  dnsmasq-base xdg-utils
  postgresql
  fonts-dejavu-core
)

# Each step says how far into the run it starts, so a slow step shows in any log.
step() { printf '\n==> %s (at %dm%02ds)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

check_toolchains() {
  command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), then run this again."
  if ! command -v node >/dev/null; then
    install_system_packages nodejs npm
  fi
  local node_version
  node_version="$(node -p 'process.versions.node')"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $node_version is too old: Confab's front end needs Node.js 20.19 or newer."
}

# `npm ci` installs exactly what package-lock.json lists (which names every platform's packages)
# and refuses a lock that the package.json files have outgrown. It starts from an empty
# node_modules, so it runs only when one of the three files changed since the last install.
install_npm_packages() {
  local stamp="$REPO/node_modules/.confab-lock-hash"
  local hash
  hash="$(cat "$REPO/package.json" "$REPO/ui/package.json" "$REPO/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ] || [ ! -f "$REPO/node_modules/.package-lock.json" ]; then
    step "Installing npm packages from package-lock.json (npm ci)"
    (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
}

install_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    step "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked
  fi
}

# Python's `icalendar` reads what Confab writes, as an independent check and a speed reference.
# Python's icalendar reads Confab's calendar parts as another program would, and openpyxl
# writes the Excel workbooks the import tests read.
install_python_icalendar() {
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/confab/python"
  if ! "$venv/bin/python" -c 'import icalendar, openpyxl' 2>/dev/null; then
    step "Installing Python's icalendar and openpyxl packages"
    [ -x "$venv/bin/pip" ] || /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'icalendar>=6,<7' 'openpyxl>=3.1,<4'
  fi
  export CONFAB_PYTHON="$venv/bin/python"
}

# Radicale, a CalDAV server, in the same Python environment: the calendar tests run it on
# loopback (scripts/radicale.sh) and read what Confab stored with Python's icalendar.
install_python_radicale() {
  install_python_icalendar
  local venv
  venv="$(dirname "$(dirname "$CONFAB_PYTHON")")"
  if ! "$venv/bin/python" -c 'import radicale' 2>/dev/null; then
    step "Installing Radicale (CalDAV server for the tests)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'radicale>=3.5,<4'
  fi
}

setup() {
  install_system_packages "${APT_PACKAGES[@]}"
  check_toolchains
  install_npm_packages
}
