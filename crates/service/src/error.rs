use std::fmt;

use confab_core::FieldErrors;
use confab_store::{DbErr, OpenError};
use serde::Serialize;
use ts_rs::TS;

/// The few kinds of failure the front end acts on differently. Keep this list short: a new
/// code is worth adding only when some caller will switch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input broke a rule; the message names the field and what to change.
    InvalidInput,
    NotFound,
    /// The input clashes with what is stored (a name already taken, a slot already full).
    Conflict,
    DataFolderUnusable,
    DatabaseCorrupt,
    DatabaseTooNew,
    /// The team database's server cannot be reached; what was last read can still be shown.
    DatabaseUnreachable,
    /// The team database's server refused the user name or password.
    DatabaseSignIn,
    /// The mail servers or the keyring refused or could not be reached; the message says
    /// which and what to check in Settings → Mail.
    Mail,
    /// The mail provider no longer accepts the account's sign-in (revoked or expired), or
    /// there is none: only signing in again helps, which the window offers at once.
    SignIn,
    /// Someone else (a colleague on the team database, another window) saved a change to
    /// the record while this one was being edited; nothing was saved, and the window shows
    /// the record as it is now.
    ChangedMeanwhile,
    /// Another Sync (another window, or `confab sync`) is running on this database; try
    /// again when it has finished.
    SyncRunning,
    /// The database failed in a way the researcher cannot fix by changing the input.
    Storage,
    Internal,
}

/// What is wrong with one field of a form, for the window to show beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldProblem {
    /// The field as the window's form names it (`timeZone`, `interviewsPerParticipant`).
    pub field: String,
    pub message: String,
}

/// An error as it crosses to the window or the terminal: a code to switch on, a message for a
/// person which says what went wrong and what to do, and, when the input broke a rule, each
/// field it is about, so that a form marks its fields without reading the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// Empty (and left out) when the error is about no field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<FieldProblem>>", optional)]
    pub fields: Vec<FieldProblem>,
    /// The team database ended the transaction to let another one through (a deadlock or a
    /// serialization failure): nothing was written, and running it again is safe.
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) run_again: bool,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
            run_again: false,
        }
    }

    /// Input that cannot be used as given; the message says what to change.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    /// Something asked for that is not there.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// "There is no interviewer 7.": a record asked for by its id that is not there.
    pub fn no_such(what: &str, id: i64) -> Self {
        Self::not_found(format!("There is no {what} {id}."))
    }

    /// A change that clashes with how things stand now.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }

    /// An error about one field of a form.
    pub fn about_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code,
            fields: vec![FieldProblem {
                field: field.to_owned(),
                message: message.clone(),
            }],
            message,
            run_again: false,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: errors.to_string(),
            fields: errors
                .0
                .into_iter()
                .map(|e| FieldProblem {
                    field: e.field.to_owned(),
                    message: e.message,
                })
                .collect(),
            run_again: false,
        }
    }
}

impl From<DbErr> for AppError {
    fn from(error: DbErr) -> Self {
        if confab_store::is_connection_lost(&error) {
            tracing::warn!(%error, "the connection to the database went");
            return Self::new(
                ErrorCode::DatabaseUnreachable,
                format!(
                    "Confab lost the connection to the team database, so nothing of this change was saved: {}. Try again once it is back.",
                    confab_store::why_unreachable_db(&error)
                ),
            );
        }
        if confab_store::is_write_conflict(&error) {
            tracing::info!(%error, "the team database ended a transaction to let another through");
            return Self {
                run_again: true,
                ..Self::new(
                    ErrorCode::Conflict,
                    "Another researcher's change met this one at the same moment, so nothing of it was saved. Try again.",
                )
            };
        }
        tracing::error!(%error, "database error");
        Self::new(
            ErrorCode::Storage,
            format!(
                "The database could not complete this change ({error}). Nothing was saved; try again, and if it keeps failing restore a backup."
            ),
        )
    }
}

impl From<OpenError> for AppError {
    fn from(error: OpenError) -> Self {
        let code = match &error {
            OpenError::DataFolder { .. } => ErrorCode::DataFolderUnusable,
            OpenError::Corrupt { .. } => ErrorCode::DatabaseCorrupt,
            OpenError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            OpenError::Backup { .. } | OpenError::Migration { .. } => ErrorCode::Storage,
            OpenError::TeamAddress { .. } => ErrorCode::InvalidInput,
            OpenError::TeamUnreachable { .. } => ErrorCode::DatabaseUnreachable,
            OpenError::TeamSignIn { .. } => ErrorCode::DatabaseSignIn,
            OpenError::TeamTooNew { .. } => ErrorCode::DatabaseTooNew,
            OpenError::TeamUnsupported { .. } | OpenError::TeamMigration { .. } => {
                ErrorCode::Storage
            }
        };
        let advice = match &error {
            OpenError::DataFolder { .. } => {
                "Make the folder writable, or point CONFAB_DATA_DIR at a folder you can write to."
            }
            OpenError::Corrupt { .. } => {
                "The file was left as it is. Restore a backup from the folder's backups/ subfolder, or move the file away to start afresh."
            }
            OpenError::TooNew { .. } => {
                "The file was left as it is. Open it with the newer Confab that wrote it."
            }
            OpenError::Backup { .. } => {
                "Nothing was changed. Free some disk space or fix the folder's permissions, then start Confab again."
            }
            OpenError::Migration { .. } => {
                "A copy made before the update is in the backups/ subfolder. Start Confab again; if it fails again, restore that copy."
            }
            OpenError::TeamAddress { .. } => {
                "Write it as postgres://USER@HOST:PORT/DATABASE (the password is asked for separately)."
            }
            // The reason already says what to check.
            OpenError::TeamUnreachable { .. } => "Nothing was changed.",
            OpenError::TeamSignIn { .. } => {
                "Check the user name and password in Settings → Database."
            }
            OpenError::TeamTooNew { .. } => {
                "Nothing was changed. Update Confab to the version your colleagues use."
            }
            OpenError::TeamUnsupported { .. } => "Nothing was changed.",
            OpenError::TeamMigration { .. } => {
                "Nothing was changed: the update is all or nothing. Try again; if it fails again, ask the server's administrator."
            }
        };
        Self::new(code, format!("{error} {advice}"))
    }
}
