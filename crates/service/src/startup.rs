use serde::Serialize;
use ts_rs::TS;

use crate::AppError;

/// Whether the app could open its database, told to the window when it starts, so that it can
/// show either the app or a message that says what is wrong.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "status", rename_all = "camelCase")]
pub enum StartupState {
    #[serde(rename_all = "camelCase")]
    Ready {
        data_dir: String,
        database_path: String,
        /// The team database (`host:port/database`) when the data lives there, rather than in
        /// the file of the data folder.
        team_database: Option<String>,
    },
    Failed {
        error: AppError,
    },
}
