//! Backing the database up into a file the researcher chose, and restoring such a file.

use std::path::{Path, PathBuf};

use confab_store::{BackupError, RestoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::{AppError, Confab, ErrorCode};

/// Where a backup was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    pub path: String,
}

/// What a restore put in place, and where the database it replaced is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub restored_from: String,
    /// Missing when there was no database before the restore.
    pub previous_kept_at: Option<String>,
}

/// The name a save dialog proposes for a backup: the day it was made, in the researcher's
/// own time.
pub fn suggested_backup_name() -> String {
    format!(
        "confab-backup-{}.sqlite3",
        chrono::Local::now().format("%Y-%m-%d")
    )
}

/// Where Confab keeps copies of the database by itself: before a migration, before a restore.
pub fn kept_backups_folder(data_dir: &Path) -> PathBuf {
    data_dir.join(confab_store::BACKUP_FOLDER)
}

impl Confab {
    /// Writes a consistent copy of the database to `target`, even while it is in use.
    pub async fn back_up_to(&self, target: &Path) -> Result<BackupReport, AppError> {
        if let Some(server) = self.team_database() {
            return Err(AppError::invalid(format!(
                "The data lives in the team database {server}, which its server backs up (pg_dump), not in a file on this computer. Ask the server's administrator for a copy."
            )));
        }
        confab_store::back_up(&self.db, self.database_path(), target).await?;
        tracing::info!(target = %target.display(), "database backed up");
        Ok(BackupReport {
            path: target.display().to_string(),
        })
    }

    /// Says whether `source` could be restored, changing nothing.
    pub async fn check_restore_source(source: &Path) -> Result<(), AppError> {
        Ok(confab_store::check_restore_source(source).await?)
    }

    /// Replaces the database in `data_dir` with a copy of `source`, after keeping the current
    /// one in `backups/`, then opens it, which migrates a backup made by an older Confab.
    /// Every `Confab` of this process on `data_dir` must be closed first.
    pub async fn restore_from(
        data_dir: &Path,
        source: &Path,
    ) -> Result<(Self, RestoreReport), AppError> {
        let restored = confab_store::restore(data_dir, source).await?;
        let previous_kept_at = restored.previous.map(|p| p.display().to_string());
        tracing::info!(
            source = %source.display(),
            previous = previous_kept_at.as_deref().unwrap_or("none"),
            "database restored"
        );
        let confab = Self::open(data_dir).await?;
        Ok((
            confab,
            RestoreReport {
                restored_from: source.display().to_string(),
                previous_kept_at,
            },
        ))
    }
}

impl From<BackupError> for AppError {
    fn from(error: BackupError) -> Self {
        let (code, advice) = match &error {
            BackupError::OntoDatabase { .. } => (
                ErrorCode::InvalidInput,
                "Choose another name or folder for the backup.",
            ),
            BackupError::Write { .. } => (
                ErrorCode::Storage,
                "Choose a folder you can write to, with free space, and back up again.",
            ),
        };
        Self::new(code, format!("{error} {advice}"))
    }
}

impl From<RestoreError> for AppError {
    fn from(error: RestoreError) -> Self {
        use RestoreError as E;
        let (code, advice) = match &error {
            E::NotSqlite { .. } | E::NotConfab { .. } | E::Damaged { .. } | E::SameFile { .. } => (
                ErrorCode::InvalidInput,
                "Nothing was restored. Choose a backup that Confab wrote.",
            ),
            E::Read { .. } => (
                ErrorCode::InvalidInput,
                "Nothing was restored. Check that the file is there and readable.",
            ),
            E::TooNew { .. } => (
                ErrorCode::DatabaseTooNew,
                "Nothing was restored. Open that file with the newer Confab that wrote it.",
            ),
            E::InUse { .. } => (
                ErrorCode::Conflict,
                "Nothing was restored. Close the other Confab window or command, then restore again.",
            ),
            E::Keep { .. } => (
                ErrorCode::Storage,
                "Nothing was restored. Free some disk space or fix the data folder's permissions, then try again.",
            ),
            E::Write { .. } => (
                ErrorCode::Storage,
                "The database was not replaced. Free some disk space or fix the data folder's permissions, then try again.",
            ),
        };
        Self::new(code, format!("{error} {advice}"))
    }
}
