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
    },
    Failed {
        error: AppError,
    },
}
