use confab_command::confab_command;
use confab_service::{AboutInfo, AppError, ErrorCode};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::logging::LogFolder;
use crate::state::AppState;

#[confab_command]
pub fn about(state: State<'_, AppState>, logs: State<'_, LogFolder>) -> AboutInfo {
    AboutInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        license: env!("CARGO_PKG_LICENSE").into(),
        data_dir: state.data_dir().display().to_string(),
        log_dir: logs.0.display().to_string(),
    }
}

/// Opens the log folder in the file manager, through the opener plugin's Rust side: the
/// window is granted this one command, not the plugin's general "open any path".
#[confab_command]
pub fn open_logs_folder<R: Runtime>(
    app: AppHandle<R>,
    logs: State<'_, LogFolder>,
) -> Result<(), AppError> {
    let folder = &logs.0;
    std::fs::create_dir_all(folder)
        .map_err(|e| e.to_string())
        .and_then(|()| {
            app.opener()
                .open_path(folder.display().to_string(), None::<&str>)
                .map_err(|e| e.to_string())
        })
        .map_err(|reason| {
            AppError::new(
                ErrorCode::Internal,
                format!(
                    "Confab could not open the logs folder {} ({reason}). Open it in your file manager instead.",
                    folder.display()
                ),
            )
        })
}
