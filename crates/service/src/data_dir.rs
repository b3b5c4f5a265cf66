use std::path::PathBuf;

/// The desktop app's identifier; Tauri names the app-data folder after it, and so do we, so
/// that the app and `confab` open the same database.
pub const APP_IDENTIFIER: &str = "org.confab.desktop";
pub const DATA_DIR_ENV: &str = "CONFAB_DATA_DIR";

/// `CONFAB_DATA_DIR` if set, otherwise the OS's per-user data folder for Confab.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}
