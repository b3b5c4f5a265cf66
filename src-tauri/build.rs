// The command list, read for its names alone: one permission per command.
macro_rules! command_table {
    ($($name:ident),* $(,)?) => {
        const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/commands/table.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/table.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
