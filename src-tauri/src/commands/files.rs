use confab_command::confab_command;
use confab_service::{AppError, ErrorCode};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save `contents` (a CSV export) with the OS's Save dialog and writes it there.
/// Returns the path written, or null when the researcher closed the dialog. The window never
/// gets to name a path itself.
#[confab_command]
pub async fn save_text_file<R: Runtime>(
    app: AppHandle<R>,
    suggested_name: String,
    contents: String,
) -> Result<Option<String>, AppError> {
    let Some(chosen) = app
        .dialog()
        .file()
        .set_file_name(&suggested_name)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("Confab can only save to a file on this computer ({e}). Choose a folder on a local disk."),
        )
    })?;
    // Written beside the target first, so a failure never leaves half a file in its place.
    let partial = path.with_extension("partial");
    std::fs::write(&partial, contents.as_bytes())
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            AppError::new(
                ErrorCode::Storage,
                format!(
                    "Confab could not write {} ({e}). Choose a folder you can write to.",
                    path.display()
                ),
            )
        })?;
    Ok(Some(path.display().to_string()))
}
