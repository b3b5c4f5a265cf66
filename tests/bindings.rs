#![allow(clippy::unwrap_used)]

//! The TypeScript files the window compiles against must be exactly what the Rust types and
//! the command table generate, and the window may call exactly the commands it is granted.

use std::path::PathBuf;

use confab_desktop::{COMMAND_NAMES, bindings};

/// This checkout's root, as Cargo names it when the test runs (not where it was compiled:
/// another checkout sharing the build folder may have compiled it).
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn check(file: &str, generated: &str) {
    let path = root().join(file);
    if std::env::var_os("CONFAB_UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{file} differs from what the Rust types generate. Regenerate it with \
         `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings` and commit it.\n\
         --- generated ---\n{generated}\n--- committed ---\n{committed}"
    );
}

#[test]
fn typescript_types_match_the_rust_types() {
    check(bindings::TYPES_FILE, &bindings::types_ts());
}

#[test]
fn typescript_commands_match_the_command_table() {
    check(bindings::COMMANDS_FILE, &bindings::commands_ts());
}

#[test]
fn the_main_window_is_granted_exactly_its_commands() {
    check(bindings::CAPABILITY_FILE, &bindings::capability_json());
    let text = std::fs::read_to_string(root().join(bindings::CAPABILITY_FILE)).unwrap();
    let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert_eq!(
        capability["permissions"].as_array().unwrap().len(),
        COMMAND_NAMES.len()
    );
}

#[test]
fn the_window_runs_under_a_strict_content_security_policy() {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).unwrap();
    let conf: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let csp = conf["app"]["security"]["csp"].as_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("object-src 'none'"));
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert!(!csp.contains('*'), "{csp}");
}
