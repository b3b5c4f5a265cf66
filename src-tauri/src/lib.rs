//! The desktop shell: a window over the service crate. Commands stay a few lines each; all
//! behaviour lives in `confab-service`.

pub mod bindings;
mod calendar_files;
mod commands;
#[cfg(target_os = "linux")]
pub mod compositing;
mod database_files;
mod desktop;
mod events;
mod logging;
mod menu;
mod state;
mod team_changes;

use std::path::PathBuf;

use confab_service::{DATA_DIR_ENV, default_data_dir};
use tauri::{App, AppHandle, Manager, RunEvent, Runtime};

use calendar_files::CalendarFiles;
pub use commands::COMMAND_NAMES;
use events::WindowEvents;
use state::AppState;

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let named_data_dir = data_dir_argument(args.iter().cloned());
    let usual_database =
        named_data_dir.is_none() && std::env::var_os(DATA_DIR_ENV).is_none_or(|dir| dir.is_empty());
    let data_dir = named_data_dir.unwrap_or_else(default_data_dir);
    let calendars = std::env::current_dir()
        .map(|cwd| calendar_files::in_arguments(&args, &cwd))
        .unwrap_or_default();
    let result = desktop::with_plugins(tauri::Builder::default(), usual_database)
        .plugin(tauri_plugin_dialog::init())
        // Only our own commands open anything; no script for links in the page.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        // Opened while the window starts. A database that cannot be opened is not a reason to
        // refuse to start: the window shows what is wrong and what to do about it.
        .manage(AppState::opening(data_dir))
        .manage(WindowEvents::default())
        .manage(team_changes::TeamListener::default())
        .manage(CalendarFiles::default())
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .setup(move |app| {
            started(app);
            calendar_files::open(app.handle(), calendars);
            team_changes::watch(app.handle().clone());
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(on_run_event),
        Err(error) => {
            eprintln!("Confab could not start its window: {error}");
            std::process::exit(1);
        }
    }
}

/// Starts the log, and says in it which database this run opened.
fn started<R: Runtime>(app: &mut App<R>) {
    let logs = logging::start(app.handle());
    let state = app.state::<AppState>();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = %state.data_dir().display(),
        "Confab started"
    );
    #[cfg(target_os = "linux")]
    tracing::info!(compositing = ?compositing::chosen(), "How WebKit draws the window");
    // Logged once the database is open, without holding up the window meanwhile.
    let handle = app.handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        if let Err(error) = handle.state::<AppState>().confab() {
            tracing::error!(%error, "Confab could not open its database");
        }
    });
    app.manage(logs);
}

fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    // macOS hands files to a running app as an event instead of arguments.
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    if let RunEvent::Opened { urls } = event {
        let paths = urls
            .into_iter()
            .filter_map(|url| url.to_file_path().ok())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("ics"))
            })
            .collect();
        calendar_files::open(app, paths);
    }
    #[cfg(not(any(target_os = "macos", target_os = "ios")))]
    let _ = (app, event);
}

/// `--data-dir DIR` (or `--data-dir=DIR`) opens another database than the usual one, as
/// `confab --data-dir` does.
fn data_dir_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Option<PathBuf> {
        data_dir_argument(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn the_data_dir_argument_is_read_in_both_spellings() {
        assert_eq!(
            parse(&["confab", "--data-dir", "/d"]),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            parse(&["confab", "--data-dir=/e"]),
            Some(PathBuf::from("/e"))
        );
        assert_eq!(parse(&["confab"]), None);
        assert_eq!(parse(&["--data-dir"]), None);
    }
}
