use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use confab_service::{AppError, Confab, ErrorCode, RestoreReport, StartupState};
use tauri::async_runtime::Mutex;

/// What the window's commands run on: the open database, or why it could not be opened. A
/// restore swaps the database underneath, so commands take a handle to the current one.
pub struct AppState {
    data_dir: PathBuf,
    confab: RwLock<Result<Confab, AppError>>,
    /// One restore at a time.
    restoring: Mutex<()>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, confab: Result<Confab, AppError>) -> Self {
        Self {
            data_dir,
            confab: RwLock::new(confab),
            restoring: Mutex::new(()),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn confab(&self) -> Result<Confab, AppError> {
        self.confab
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn startup(&self) -> StartupState {
        match self.confab() {
            Ok(confab) => StartupState::Ready {
                data_dir: self.data_dir.display().to_string(),
                database_path: confab.database_path().display().to_string(),
            },
            Err(error) => StartupState::Failed { error },
        }
    }

    /// Puts the backup `source` in place of the database. A file that could not be restored
    /// is refused before the database is closed, so the window keeps working on it.
    pub async fn restore(&self, source: &Path) -> Result<RestoreReport, AppError> {
        let _one_at_a_time = self.restoring.lock().await;
        Confab::check_restore_source(source).await?;
        let busy = AppError::new(
            ErrorCode::Storage,
            "Confab is restoring a backup. Try again in a moment.",
        );
        if let Ok(current) = self.replace(Err(busy)) {
            // Every connection must be closed, or the restore sees the database as in use.
            if let Err(error) = current.close().await {
                tracing::warn!(%error, "closing the database before a restore failed");
            }
        }
        match Confab::restore_from(&self.data_dir, source).await {
            Ok((restored, report)) => {
                self.set(Ok(restored));
                Ok(report)
            }
            Err(error) => {
                self.set(Confab::open(&self.data_dir).await);
                Err(error)
            }
        }
    }

    fn replace(&self, next: Result<Confab, AppError>) -> Result<Confab, AppError> {
        let mut slot = self.confab.write().unwrap_or_else(PoisonError::into_inner);
        std::mem::replace(&mut *slot, next)
    }

    fn set(&self, next: Result<Confab, AppError>) {
        *self.confab.write().unwrap_or_else(PoisonError::into_inner) = next;
    }
}

#[cfg(test)]
mod tests {
    use confab_service::NewStudy;

    use super::*;

    fn study(name: &str) -> NewStudy {
        NewStudy {
            name: name.into(),
            description: String::new(),
            time_zone: "UTC".into(),
            interview_minutes: 30,
        }
    }

    async fn names(state: &AppState) -> Vec<String> {
        let confab = state.confab().unwrap();
        let studies = confab.list_studies().await.unwrap();
        studies.into_iter().map(|s| s.name).collect()
    }

    #[tokio::test]
    async fn a_restore_swaps_the_open_database_and_a_refused_one_leaves_it_working() {
        let dir = tempfile::tempdir().unwrap();
        let copies = tempfile::tempdir().unwrap();
        let backup = copies.path().join("backup.sqlite3");
        let state = AppState::new(dir.path().to_owned(), Confab::open(dir.path()).await);
        let confab = state.confab().unwrap();
        confab.create_study(study("Kept")).await.unwrap();
        confab.back_up_to(&backup).await.unwrap();
        confab.create_study(study("Added later")).await.unwrap();
        drop(confab);

        let report = state.restore(&backup).await.unwrap();
        assert!(report.previous_kept_at.is_some());
        assert_eq!(names(&state).await, ["Kept"]);

        let notes = copies.path().join("notes.txt");
        std::fs::write(&notes, "not a database").unwrap();
        let refused = state.restore(&notes).await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert_eq!(names(&state).await, ["Kept"]);
        assert!(matches!(state.startup(), StartupState::Ready { .. }));
    }
}
