use serde::Serialize;
use ts_rs::TS;

use crate::{AppError, BackupReport, CalendarFile, ErrorCode, RestoreReport};

/// What the desktop app tells its window of its own accord: a menu choice, a file opened with
/// Confab, or how an action the window did not start ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AppEvent {
    ShowAbout,
    CalendarFileOpened {
        file: CalendarFile,
    },
    BackedUp {
        report: BackupReport,
    },
    Restored {
        report: RestoreReport,
    },
    /// Data on the team database changed (by another researcher's desktop, or this one's):
    /// the window loads again what it shows. `tables` names what changed; empty when it may be
    /// anything (the connection was lost for a while).
    DataChanged {
        tables: Vec<String>,
    },
    /// The team database went out of reach while the window was open: the window shows what it
    /// last knew, read-only, until the server is back (a `DataChanged` then).
    TeamDatabaseLost {
        error: AppError,
    },
    /// `action` names what failed, for a heading: "The backup", "The restore".
    ActionFailed {
        action: String,
        error: AppError,
    },
}

impl AppEvent {
    /// The team database out of reach while the window is open, in words that say what the
    /// researcher sees now and what happens next.
    pub fn team_database_lost(why: &str, detail: &str) -> Self {
        Self::TeamDatabaseLost {
            error: AppError::new(
                ErrorCode::DatabaseUnreachable,
                format!(
                    "Confab lost the connection to the team database: {why}. What it last knew is shown below, read-only; nothing you typed is lost. Confab keeps trying, and the window comes back by itself when the server can be reached. (In technical terms: {detail}.)"
                ),
            ),
        }
    }
}
