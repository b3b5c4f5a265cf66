//! Whole-file operations on SQLite databases that backup and restore share: a connection of
//! their own to one file, a consistent copy, and writes that survive a power cut.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, DatabaseConnection, DbErr};

/// One connection to an existing file, with the journal mode left as the file has it.
pub(crate) async fn connect_file(
    path: &Path,
    read_only: bool,
    busy: Duration,
) -> Result<DatabaseConnection, DbErr> {
    let file = path.to_owned();
    let mut options = ConnectOptions::new("sqlite://confab.sqlite3");
    options
        .max_connections(1)
        .min_connections(0)
        .test_before_acquire(false)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            o.filename(&file)
                .create_if_missing(false)
                .read_only(read_only)
                .busy_timeout(busy)
        });
    sea_orm::Database::connect(options).await
}

/// `VACUUM INTO` writes a consistent copy even while the WAL holds changes not yet in the
/// main file, which a plain file copy would miss. The target must not exist yet.
pub(crate) async fn vacuum_into(db: &DatabaseConnection, target: &Path) -> Result<(), String> {
    let text = target
        .to_str()
        .ok_or_else(|| format!("the path {} is not valid UTF-8", target.display()))?;
    db.execute_raw(crate::dialect::statement(
        db,
        "VACUUM INTO ?",
        [text.into()],
    ))
    .await
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// A name beside `path` for a file that becomes `path` by a rename once it is complete.
pub(crate) fn partial_beside(path: &Path, purpose: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{purpose}-{}", std::process::id()))
}

/// Makes a finished `partial` file durable, then puts it in place of `target` in one step:
/// readers see the old file or the new one, never half of either.
pub(crate) fn replace_with(partial: &Path, target: &Path) -> io::Result<()> {
    fs::File::open(partial)?.sync_all()?;
    fs::rename(partial, target)?;
    sync_folder_of(target)
}

/// A rename is durable only once the folder that holds it is written back.
fn sync_folder_of(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Removes a file if it is there.
pub(crate) fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
