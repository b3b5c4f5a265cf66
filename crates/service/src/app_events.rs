use serde::Serialize;
use ts_rs::TS;

use crate::{AppError, BackupReport, CalendarFile, RestoreReport};

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
    /// `action` names what failed, for a heading: "The backup", "The restore".
    ActionFailed {
        action: String,
        error: AppError,
    },
}
