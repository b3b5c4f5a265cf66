#!/usr/bin/env bash
# Runs every test of Confab: formatting, lints, Rust tests, front-end lints and tests, and the
# end-to-end suite in the real app window under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# A fresh clone rebuilds the workspace's own crates whatever the cache holds: incremental
# data for them would only be written, never read, and it fills the disk run after run.
if [[ -n "${CI:-}" ]]; then
  export CARGO_INCREMENTAL=0
fi

setup
install_system_packages "${TEST_APT_PACKAGES[@]}"
install_python_icalendar
install_python_radicale
install_tauri_driver
cd "$REPO"

step "Formatting (cargo fmt --check)"
cargo fmt --all --check

step "Lints (clippy, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests"
cargo test --workspace --locked

step "The store, the use cases and the CLI again, on a team database (a real PostgreSQL)"
team_dir=$(mktemp -d)
bash scripts/postgres.sh start "$team_dir" --watch $$
# The crash test cuts fewer Syncs here than on the file (60 rather than 200): the same moments,
# on the other database. Of the CLI's tests, the lab's many processes: the others run the
# same use cases as the service's tests.
export CONFAB_TEST_DATABASE_URL
CONFAB_TEST_DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$team_dir/postgres.env")
CONFAB_CRASH_KILLS=60 cargo test --locked -p confab-store -p confab-service
cargo test --locked -p confab-cli --test lab
unset CONFAB_TEST_DATABASE_URL
bash scripts/postgres.sh stop "$team_dir"
rm -rf "$team_dir"

step "Front-end lints (ESLint, warnings are errors)"
npm run lint --workspace ui

step "Front-end type check and tests (tsc, Vitest)"
npm run build --workspace ui
npm run test --workspace ui

step "Building the app and its .deb as a user would get them"
npx tauri build --debug --bundles deb

step "End-to-end tests in the real window (tauri-driver, WebKitWebDriver, Xvfb)"
rm -rf "$REPO/target/e2e-screenshots"
xvfb-run -a --server-args="-screen 0 1280x900x24" npm run test:e2e
echo "Screenshots: $REPO/target/e2e-screenshots"
step "Every test passed"
