use std::path::PathBuf;

use confab_service::{AppError, Confab, StartupState};

/// What the window's commands run on: the open database, or why it could not be opened.
pub struct AppState {
    data_dir: PathBuf,
    confab: Result<Confab, AppError>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, confab: Result<Confab, AppError>) -> Self {
        Self { data_dir, confab }
    }

    pub fn confab(&self) -> Result<&Confab, AppError> {
        self.confab.as_ref().map_err(Clone::clone)
    }

    pub fn startup(&self) -> StartupState {
        match &self.confab {
            Ok(confab) => StartupState::Ready {
                data_dir: self.data_dir.display().to_string(),
                database_path: confab.database_path().display().to_string(),
            },
            Err(error) => StartupState::Failed {
                error: error.clone(),
            },
        }
    }
}
