#![allow(clippy::unwrap_used)]

//! What the installable bundles promise: `.ics` files open with Confab, and the path reaches
//! it; About shows the version the bundles are named after.

fn conf() -> serde_json::Value {
    let text = std::fs::read_to_string(package_dir().join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn calendar_files_are_associated_with_confab() {
    let conf = conf();
    let associations = conf["bundle"]["fileAssociations"].as_array().unwrap();
    assert!(
        associations.iter().any(|a| {
            a["ext"] == serde_json::json!(["ics"]) && a["mimeType"] == "text/calendar"
        })
    );
}

#[test]
fn the_linux_menu_entry_hands_the_opened_files_to_confab() {
    let conf = conf();
    for package in ["deb", "rpm"] {
        let template = conf["bundle"]["linux"][package]["desktopTemplate"]
            .as_str()
            .unwrap_or_else(|| panic!("{package} uses the bundler's entry, which passes no file"));
        let text = std::fs::read_to_string(package_dir().join(template)).unwrap();
        assert!(text.lines().any(|l| l == "Exec={{exec}} %F"), "{text}");
        assert!(text.contains("MimeType={{mime_type}};"), "{text}");
    }
}

#[test]
fn the_bundles_carry_the_package_version() {
    assert_eq!(conf()["version"], env!("CARGO_PKG_VERSION"));
}

/// This package's folder as Cargo names it when the test runs, not where the test was
/// compiled: another checkout sharing the build folder may have compiled it.
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}
