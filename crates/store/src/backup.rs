//! A copy of the open database in a file the researcher chose.

use std::path::{Path, PathBuf};

use sea_orm::DatabaseConnection;

use crate::files::{partial_beside, remove_if_present, replace_with, vacuum_into};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("A backup cannot be written over the database itself or its journal ({path}).")]
    OntoDatabase { path: PathBuf },
    #[error("Confab could not write the backup {path}: {detail}.")]
    Write { path: PathBuf, detail: String },
}

/// Writes a consistent copy of `db`, whose file is `database`, to `target`, replacing a file
/// already there only once the copy is complete.
pub async fn back_up(
    db: &DatabaseConnection,
    database: &Path,
    target: &Path,
) -> Result<(), BackupError> {
    if names_the_database(database, target) {
        return Err(BackupError::OntoDatabase {
            path: target.to_owned(),
        });
    }
    let fail = |detail: String| BackupError::Write {
        path: target.to_owned(),
        detail,
    };
    // SQLite writes a copy only into a file that does not exist yet, and a dialog may have
    // agreed to replace one: the copy goes beside it first.
    let partial = partial_beside(target, "partial");
    remove_if_present(&partial).map_err(|e| fail(e.to_string()))?;
    let written = match vacuum_into(db, &partial).await {
        Ok(()) => replace_with(&partial, target).map_err(|e| e.to_string()),
        Err(detail) => Err(detail),
    };
    if written.is_err() {
        let _ = remove_if_present(&partial);
    }
    written.map_err(fail)
}

/// The database's own file, or its `-wal` and `-shm` companions, in the same folder.
fn names_the_database(database: &Path, target: &Path) -> bool {
    let folder = |p: &Path| {
        p.parent()
            .filter(|f| !f.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .canonicalize()
            .ok()
    };
    let (Some(db_name), Some(target_name)) = (database.file_name(), target.file_name()) else {
        return false;
    };
    let db_name = db_name.to_string_lossy();
    let own_files = ["", "-wal", "-shm", "-journal"].map(|suffix| format!("{db_name}{suffix}"));
    folder(database).is_some()
        && folder(database) == folder(target)
        && own_files.contains(&target_name.to_string_lossy().into_owned())
}
