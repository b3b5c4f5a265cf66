//! Confab's log: the OS log folder (Tauri's app log folder), one file a day, the last two
//! weeks kept, so that it never grows without bound.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::writer::MakeWriterExt;

const KEPT_DAYS: usize = 14;

/// Where the log files are, for the Settings screen and About.
pub struct LogFolder(pub PathBuf);

/// Starts writing the log and returns its folder. A log that cannot be written is no reason
/// to refuse to start: messages then go to standard error only.
pub fn start<R: Runtime>(app: &AppHandle<R>) -> LogFolder {
    let folder = app
        .path()
        .app_log_dir()
        .unwrap_or_else(|_| std::env::temp_dir().join("confab-logs"));
    // The appender prunes old files before it would create the folder.
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!(
            "Confab cannot create its log folder {}: {error}",
            folder.display()
        );
    }
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("confab")
        .filename_suffix("log")
        .max_log_files(KEPT_DAYS)
        .build(&folder);
    let subscriber = tracing_subscriber::fmt().with_max_level(tracing::Level::INFO);
    let started = match file {
        Ok(file) => subscriber.with_writer(file.and(std::io::stderr)).try_init(),
        Err(error) => {
            eprintln!(
                "Confab cannot write its log in {}: {error}",
                folder.display()
            );
            subscriber.with_writer(std::io::stderr).try_init()
        }
    };
    if let Err(error) = started {
        eprintln!("Confab could not start its log: {error}");
    }
    LogFolder(folder)
}
