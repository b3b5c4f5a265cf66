use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};
use std::thread::JoinHandle;

use confab_service::{AppError, Confab, ErrorCode, RestoreReport, StartupState};
use tauri::async_runtime::Mutex;

/// The database as opened, and how long that took.
type Opened = (Result<Confab, AppError>, std::time::Duration);

/// What the window's commands run on: the open database, or why it could not be opened. A
/// restore swaps the database underneath, so commands take a handle to the current one.
pub struct AppState {
    data_dir: PathBuf,
    confab: RwLock<Result<Confab, AppError>>,
    /// The database being opened while the window starts; the first caller that needs it
    /// waits for it and puts it in `confab`.
    opening: std::sync::Mutex<Option<JoinHandle<Opened>>>,
    /// One restore at a time.
    restoring: Mutex<()>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, confab: Result<Confab, AppError>) -> Self {
        Self {
            data_dir,
            confab: RwLock::new(confab),
            opening: std::sync::Mutex::new(None),
            restoring: Mutex::new(()),
        }
    }

    /// Starts opening (and if need be migrating) the database on a thread of its own, so that
    /// the window is built and its page loaded meanwhile rather than after it.
    pub fn opening(data_dir: PathBuf) -> Self {
        let dir = data_dir.clone();
        let started = std::thread::Builder::new()
            .name("open-database".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let opened = tauri::async_runtime::block_on(Confab::open_configured(&dir));
                (opened, started.elapsed())
            });
        match started {
            Ok(handle) => Self {
                opening: std::sync::Mutex::new(Some(handle)),
                ..Self::new(data_dir, Err(still_opening()))
            },
            Err(_) => {
                let opened = tauri::async_runtime::block_on(Confab::open_configured(&data_dir));
                Self::new(data_dir, opened)
            }
        }
    }

    /// Waits, the first time, for the database being opened.
    fn wait_until_open(&self) {
        let mut opening = self.opening.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(handle) = opening.take() {
            let opened = match handle.join() {
                Ok((opened, took)) => {
                    tracing::info!(ms = took.as_millis(), "database opened");
                    opened
                }
                Err(_) => Err(still_opening()),
            };
            self.set(opened);
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn confab(&self) -> Result<Confab, AppError> {
        self.wait_until_open();
        self.confab
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn startup(&self) -> StartupState {
        match self.confab() {
            Ok(confab) => StartupState::Ready {
                data_dir: self.data_dir.display().to_string(),
                database_path: confab.team_database().map_or_else(
                    || confab.database_path().display().to_string(),
                    |server| format!("postgres://{server}"),
                ),
                team_database: confab.team_database().map(str::to_owned),
            },
            Err(error) => StartupState::Failed { error },
        }
    }

    /// Puts the backup `source` in place of the database. A file that could not be restored
    /// is refused before the database is closed, so the window keeps working on it.
    pub async fn restore(&self, source: &Path) -> Result<RestoreReport, AppError> {
        let _one_at_a_time = self.restoring.lock().await;
        self.wait_until_open();
        if let Some(server) = self
            .confab()
            .ok()
            .and_then(|c| c.team_database().map(str::to_owned))
        {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "The data lives in the team database {server}, which its server restores (pg_restore), not Confab."
                ),
            ));
        }
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
                self.set(Confab::open_configured(&self.data_dir).await);
                Err(error)
            }
        }
    }

    /// Puts `next` in place of the open database, closing that one: the researcher chose
    /// another place for the data in Settings → Database, or tried again after a failed start.
    pub async fn switch_to(&self, next: Result<Confab, AppError>) {
        let _one_at_a_time = self.restoring.lock().await;
        self.wait_until_open();
        if let Ok(previous) = self.replace(next)
            && let Err(error) = previous.close().await
        {
            tracing::warn!(%error, "closing the previous database failed");
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

/// What a command meets if the thread opening the database stopped without an answer.
fn still_opening() -> AppError {
    AppError::new(
        ErrorCode::Storage,
        "Confab could not finish opening its database. Quit Confab and start it again.",
    )
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

    #[test]
    fn a_database_opened_while_the_window_starts_is_there_for_the_first_command() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::opening(dir.path().to_owned());
        let confab = state.confab().unwrap();
        tauri::async_runtime::block_on(confab.create_study(study("Opened meanwhile"))).unwrap();
        assert_eq!(
            tauri::async_runtime::block_on(names(&state)),
            ["Opened meanwhile"]
        );
        assert!(matches!(state.startup(), StartupState::Ready { .. }));
    }

    #[test]
    fn a_database_that_cannot_be_opened_meanwhile_is_reported_to_every_command() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the data folder should be.
        let taken = dir.path().join("not-a-folder");
        std::fs::write(&taken, b"").unwrap();
        let state = AppState::opening(taken.clone());
        let error = state.confab().unwrap_err();
        assert!(error.message.contains("not-a-folder"), "{}", error.message);
        assert!(matches!(state.startup(), StartupState::Failed { .. }));
        assert!(state.confab().is_err());
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
