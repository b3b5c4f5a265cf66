#!/usr/bin/env bash
# Builds the release .deb and .rpm that researchers install. AppImage is left out: its
# bundler downloads its tools while building, which Confab's build machines cannot do.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup
cd "$REPO"
step "Building the release bundles (.deb, .rpm)"
npx tauri build --bundles deb,rpm

# Only this version's files: bundles of earlier versions stay in the same folders.
version="$(node -p 'require("./tauri.conf.json").version')"
bundle_dir="$CARGO_TARGET_DIR/release/bundle"
step "Bundles of Confab $version"
ls -1 "$bundle_dir"/deb/Confab_"$version"_*.deb "$bundle_dir"/rpm/Confab-"$version"-*.rpm
