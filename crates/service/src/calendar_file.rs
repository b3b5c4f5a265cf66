//! Busy times from a calendar file that was opened with Confab.

use std::path::Path;

use confab_mail::busy::MAX_BUSY_CALENDAR_BYTES;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Actor, AppError, BusyImportReport, Confab};

/// A calendar file handed to the app, named by a number so that the window never sends a
/// path of its own choosing back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFile {
    pub id: u32,
    /// The file's name, to show.
    pub name: String,
    pub path: String,
}

/// Whose busy times an opened calendar file holds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarImport {
    pub file_id: u32,
    #[ts(type = "number")]
    pub interviewer_id: i64,
}

impl Confab {
    /// Replaces an interviewer's busy times with those of the `.ics` file at `path`.
    pub async fn import_busy_times_from_file(
        &self,
        interviewer_id: i64,
        path: &Path,
        actor: &Actor,
    ) -> Result<BusyImportReport, AppError> {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_BUSY_CALENDAR_BYTES as u64 {
            return Err(AppError::invalid(format!(
                "{} is {} MB; calendar files over {} MB are not read. Export a shorter stretch of time, such as the next few months, and open that.",
                path.display(),
                size.div_ceil(1024 * 1024),
                MAX_BUSY_CALENDAR_BYTES / (1024 * 1024)
            )));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| AppError::invalid(format!("Cannot read {}: {e}.", path.display())))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            AppError::invalid(format!(
                "{} is not UTF-8 text; export the calendar again as .ics.",
                path.display()
            ))
        })?;
        self.import_busy_times(interviewer_id, &text, actor).await
    }
}
