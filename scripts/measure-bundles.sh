#!/usr/bin/env bash
# The figures of docs/PERFORMANCE.md's "Release bundles" section, in one run: builds Confab's
# release .deb and .rpm, and those of a minimal Tauri 2 app (generated here, built with the
# same release profile, as the baseline), then prints for each the bundle sizes, the installed
# size, the time from launch to the first screen painted, and the resident memory after
# start-up; Confab's with an empty database, with one study and no participants, and with
# 10,000 participants in that study. The start-up figures also hold the minimal app's twin
# whose heading React renders: the floor under a React window.
#
#   bash scripts/measure-bundles.sh        (three release builds: about 25 minutes on 2 cores)
#
# RUNS (default 5) sets how many launches each start-up figure is the median of.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup
install_tauri_driver
cd "$REPO"
work="$(mktemp -d "${TMPDIR:-/tmp}/confab-measure-XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="$(node -p 'require("./tauri.conf.json").version')"
bundle_dir="$CARGO_TARGET_DIR/release/bundle"

step "Building Confab's release bundles"
npx tauri build --bundles deb,rpm
confab_deb="$bundle_dir/deb/Confab_${version}_amd64.deb"
confab_rpm="$(ls "$bundle_dir"/rpm/Confab-"$version"-*.x86_64.rpm)"

# The baseline: what Tauri's own template would build, with Confab's [profile.release].
step "Generating a minimal Tauri 2 app with Confab's release profile"
minimal="$work/minimal-tauri"
mkdir -p "$minimal/src" "$minimal/dist" "$minimal/icons"
cp src-tauri/icons/32x32.png src-tauri/icons/128x128.png src-tauri/icons/128x128@2x.png \
  src-tauri/icons/icon.icns src-tauri/icons/icon.ico "$minimal/icons/"
# Confab's lock file, so that both apps are built from the same versions of Tauri and its crates.
cp Cargo.lock "$minimal/"
{
  cat <<'EOF'
[package]
name = "minimal-tauri"
version = "0.1.0"
edition = "2021"

[build-dependencies]
tauri-build = { version = "2", features = [] }

[dependencies]
tauri = { version = "2", features = [] }

# Its own workspace, whatever folder it is generated in.
[workspace]

EOF
  # [profile.release] exactly as Confab's root Cargo.toml has it.
  awk '/^\[/{keep = ($0 == "[profile.release]")} keep' Cargo.toml
} > "$minimal/Cargo.toml"
cat > "$minimal/build.rs" <<'EOF'
fn main() {
    tauri_build::build()
}
EOF
cat > "$minimal/src/main.rs" <<'EOF'
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the minimal app could not start");
}
EOF
cat > "$minimal/tauri.conf.json" <<'EOF'
{
  "$schema": "https://schema.tauri.app/config/2",
  "productName": "MinimalTauri",
  "version": "0.1.0",
  "identifier": "org.example.minimal-tauri",
  "build": { "frontendDist": "dist" },
  "app": {
    "windows": [{ "label": "main", "title": "Minimal Tauri", "width": 1200, "height": 800 }],
    "security": { "csp": "default-src 'self'; script-src 'self'" }
  },
  "bundle": {
    "active": true,
    "targets": ["deb", "rpm"],
    "icon": ["icons/32x32.png", "icons/128x128.png", "icons/128x128@2x.png", "icons/icon.icns", "icons/icon.ico"]
  }
}
EOF
cat > "$minimal/dist/index.html" <<'EOF'
<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Minimal Tauri</title>
    <script type="module" src="/main.js"></script>
  </head>
  <body>
    <h1>Hello from Tauri</h1>
  </body>
</html>
EOF
# The same "painted" moment as Confab's studies list: after the frame that shows the page.
cat > "$minimal/dist/main.js" <<'EOF'
requestAnimationFrame(() => setTimeout(() => performance.mark("minimal:painted"), 0));
EOF

# A second baseline: the same app with its heading rendered by React (Confab's own copy, built
# by Vite for production), the floor under any React window's start-up.
step "Generating its twin whose heading React renders"
react_app="$work/minimal-react"
cp -r "$minimal" "$react_app"
sed -i 's/^name = "minimal-tauri"/name = "minimal-react"/' "$react_app/Cargo.toml"
sed -i 's/"MinimalTauri"/"MinimalReact"/; s/org.example.minimal-tauri/org.example.minimal-react/' "$react_app/tauri.conf.json"
mkdir -p "$react_app/web"
ln -s "$REPO/node_modules" "$react_app/node_modules"
sed 's|<h1>Hello from Tauri</h1>|<div id="root"></div>|' "$minimal/dist/index.html" > "$react_app/web/index.html"
cat > "$react_app/web/main.js" <<'EOF'
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";

const root = createRoot(document.getElementById("root"));
flushSync(() => root.render(createElement("h1", null, "Hello from Tauri")));
requestAnimationFrame(() => setTimeout(() => performance.mark("minimal:painted"), 0));
EOF
"$REPO/node_modules/.bin/vite" build "$react_app/web" --outDir "$react_app/dist" --emptyOutDir --logLevel warn

step "Building the minimal app's release bundles, and its twin's binary"
(cd "$minimal" && "$REPO/node_modules/.bin/tauri" build --bundles deb,rpm)
(cd "$react_app" && "$REPO/node_modules/.bin/tauri" build --no-bundle)
react_bin="$CARGO_TARGET_DIR/release/minimal-react"
minimal_deb="$bundle_dir/deb/MinimalTauri_0.1.0_amd64.deb"
minimal_rpm="$(ls "$bundle_dir"/rpm/MinimalTauri-0.1.0-*.x86_64.rpm)"

step "Installing both .deb files into folders of their own (dpkg-deb -x)"
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
for app in confab minimal; do
  deb_var="${app}_deb"
  mkdir -p "$work/installed-$app"
  dpkg-deb -x "${!deb_var}" "$work/installed-$app"
done
confab_bin="$work/installed-confab/usr/bin/confab-desktop"
minimal_bin="$work/installed-minimal/usr/bin/minimal-tauri"

step "A database with 10,000 participants (through confab participants import)"
cargo build -q -p confab-cli
cli="$CARGO_TARGET_DIR/debug/confab"
empty_dir="$work/empty-data"
full_dir="$work/full-data"
# One study and no one in it: the first screen of the 10,000 (the studies list, with its one
# row) without the participants, to tell what the row costs from what they do.
one_dir="$work/one-study-data"
for dir in "$one_dir" "$full_dir"; do
  "$cli" --data-dir "$dir" studies create --name "Ten thousand participants" --time-zone Europe/Berlin >/dev/null
done
{
  echo "name,email"
  for i in $(seq 1 10000); do echo "Participant $i,participant$i@example.org"; done
} > "$work/participants.csv"
"$cli" --data-dir "$full_dir" participants import --study 1 "$work/participants.csv" --json \
  | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const { newlyEnrolled } = JSON.parse(s).totals;
      if (newlyEnrolled !== 10000) throw new Error(`${newlyEnrolled} participants enrolled, not 10000`);
    })'

step "Start-up time and memory under Xvfb (tauri-driver)"
cat > "$work/cases.json" <<EOF
[
  { "label": "Confab, empty database", "binary": "$confab_bin", "args": ["--data-dir", "$empty_dir"], "mark": "confab:studies-painted" },
  { "label": "Confab, one study, no participants", "binary": "$confab_bin", "args": ["--data-dir", "$one_dir"], "mark": "confab:studies-painted" },
  { "label": "Confab, 10,000 participants", "binary": "$confab_bin", "args": ["--data-dir", "$full_dir"], "mark": "confab:studies-painted" },
  { "label": "minimal Tauri 2 app", "binary": "$minimal_bin", "args": [], "mark": "minimal:painted", "baseline": true },
  { "label": "minimal Tauri 2 app, heading rendered by React", "binary": "$react_bin", "args": [], "mark": "minimal:painted" }
]
EOF
startup="$(xvfb-run -a --server-args="-screen 0 1280x900x24" node scripts/measure-startup.mjs "$work/cases.json")"

step "Figures (Confab $version, $(date -u +%Y-%m-%d), $(nproc) cores)"
echo "| app | .deb | .rpm | installed (files of the .deb) | dpkg Installed-Size |"
echo "|---|---:|---:|---:|---:|"
for app in confab minimal; do
  deb_var="${app}_deb" rpm_var="${app}_rpm"
  label="Confab"; [ "$app" = minimal ] && label="minimal Tauri 2 app"
  echo "| $label | $(mib "$(stat -c %s "${!deb_var}")") | $(mib "$(stat -c %s "${!rpm_var}")") |" \
    "$(mib "$(du -sb "$work/installed-$app" | cut -f1)") |" \
    "$(mib "$(( $(dpkg-deb -f "${!deb_var}" Installed-Size) * 1024 ))") |"
done
echo "$startup"
