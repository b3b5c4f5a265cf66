//! How the app behaves as a desktop app: launching it again brings back the window that is
//! already open, with any calendar file it was given, and the window reopens where the
//! researcher left it.

use std::path::Path;

use tauri::{AppHandle, Builder, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::calendar_files;

/// Adds the plugins when Confab opens the usual database. A launch that names another one
/// (`--data-dir`, `CONFAB_DATA_DIR`; the end-to-end tests do) must open that database rather
/// than hand over to the usual window, and must not move the usual window's remembered place.
pub fn with_plugins<R: Runtime>(builder: Builder<R>, usual_database: bool) -> Builder<R> {
    if !usual_database {
        return builder;
    }
    // Single-instance goes first so that a second launch exits before anything else starts.
    builder
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            // "Open with Confab" on a calendar file while Confab runs lands here.
            calendar_files::open(app, calendar_files::in_arguments(&args, Path::new(&cwd)));
            show_main_window(app)
        }))
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // Not VISIBLE, DECORATIONS or FULLSCREEN: the window is always shown, framed
                // and windowed, whatever a previous session saved.
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .build(),
        )
}

fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    // The second process has already exited, so there is no one to report a failure to; a
    // window that does not come forward is still open where it was.
    let shown = window
        .unminimize()
        .and_then(|()| window.show())
        .and_then(|()| window.set_focus());
    if let Err(error) = shown {
        eprintln!("Confab could not bring its window forward: {error}");
    }
}
