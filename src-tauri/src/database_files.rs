//! File → Back up database… and Restore database…: the native dialogs, then the service.
//! The chosen paths never pass through the window; it only hears how each ended.

use std::path::PathBuf;

use confab_service::{AppEvent, kept_backups_folder, suggested_backup_name};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath, MessageDialogButtons, MessageDialogKind};

use crate::events::WindowEvents;
use crate::state::AppState;

const FILTER_NAME: &str = "Confab database";
const EXTENSIONS: &[&str] = &["sqlite3", "sqlite", "db"];

pub fn back_up<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    app.dialog()
        .file()
        .set_title("Back up database")
        .add_filter(FILTER_NAME, EXTENSIONS)
        .set_file_name(suggested_backup_name())
        .save_file(move |chosen| {
            let Some(target) = chosen.and_then(local_path) else {
                return;
            };
            tauri::async_runtime::spawn(async move {
                let result = match app.state::<AppState>().confab() {
                    Ok(confab) => confab.back_up_to(&target).await,
                    Err(error) => Err(error),
                };
                let event = match result {
                    Ok(report) => AppEvent::BackedUp { report },
                    Err(error) => {
                        tracing::error!(%error, "backup failed");
                        failed("The backup", error)
                    }
                };
                app.state::<WindowEvents>().send(event);
            });
        });
}

pub fn restore<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Restore database")
        .add_filter(FILTER_NAME, EXTENSIONS);
    // Backups that Confab kept by itself are the likeliest ones to look for.
    let kept = kept_backups_folder(app.state::<AppState>().data_dir());
    if kept.is_dir() {
        dialog = dialog.set_directory(kept);
    }
    dialog.pick_file(move |chosen| {
        if let Some(source) = chosen.and_then(local_path) {
            confirm_restore(app, source);
        }
    });
}

/// Restoring replaces every record, so it is confirmed by name first.
fn confirm_restore<R: Runtime>(app: AppHandle<R>, source: PathBuf) {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.display().to_string());
    app.dialog()
        .message(format!(
            "Replace Confab's database with {name}? The database as it is now is kept in the \
             backups folder first."
        ))
        .title("Restore database")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Restore".into(),
            "Cancel".into(),
        ))
        .show(move |confirmed| {
            if confirmed {
                tauri::async_runtime::spawn(run_restore(app, source));
            }
        });
}

async fn run_restore<R: Runtime>(app: AppHandle<R>, source: PathBuf) {
    let events = app.state::<WindowEvents>();
    match app.state::<AppState>().restore(&source).await {
        Ok(report) => {
            // Every screen shows the restored records once the page loads afresh; the
            // report waits for it.
            events.detach();
            events.send(AppEvent::Restored { report });
            if let Some(window) = app.get_webview_window("main")
                && let Err(error) = window.reload()
            {
                tracing::error!(%error, "the window could not reload after a restore");
            }
        }
        Err(error) => {
            tracing::error!(%error, source = %source.display(), "restore refused or failed");
            events.send(failed("The restore", error));
        }
    }
}

fn failed(action: &str, error: confab_service::AppError) -> AppEvent {
    AppEvent::ActionFailed {
        action: action.into(),
        error,
    }
}

fn local_path(chosen: FilePath) -> Option<PathBuf> {
    chosen.into_path().ok()
}
