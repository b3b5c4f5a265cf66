#!/usr/bin/env bash
# Builds Confab and starts it. `--demo` first adds a demo study to the database.
# The database is the usual one for this user, or the folder named by CONFAB_DATA_DIR.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    *) die "unknown option $arg (use --demo to add a demo study)" ;;
  esac
done

setup
cd "$REPO"
step "Building Confab"
npx tauri build --debug --no-bundle
cargo build -p confab-cli
if $demo; then
  step "Adding the demo study"
  "$CARGO_TARGET_DIR/debug/confab" demo
fi
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || die "no display to open the window on (set DISPLAY, or run under xvfb-run)"
step "Starting Confab"
exec "$CARGO_TARGET_DIR/debug/confab-desktop"
