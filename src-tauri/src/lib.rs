//! The desktop shell: a window over the service crate. Commands stay a few lines each; all
//! behaviour lives in `confab-service`.

pub mod bindings;
mod commands;
mod desktop;
mod state;

use std::path::PathBuf;

use confab_service::{Confab, DATA_DIR_ENV, default_data_dir};

pub use commands::COMMAND_NAMES;
use state::AppState;

pub fn run() {
    let named_data_dir = data_dir_argument(std::env::args());
    let usual_database =
        named_data_dir.is_none() && std::env::var_os(DATA_DIR_ENV).is_none_or(|dir| dir.is_empty());
    let data_dir = named_data_dir.unwrap_or_else(default_data_dir);
    // A database that cannot be opened is not a reason to refuse to start: the window shows
    // what is wrong and what to do about it.
    let opened = tauri::async_runtime::block_on(Confab::open(&data_dir));
    if let Err(error) = &opened {
        eprintln!("Confab could not open its database: {}", error.message);
    }
    let result = desktop::with_plugins(tauri::Builder::default(), usual_database)
        .manage(AppState::new(data_dir, opened))
        .invoke_handler(tauri::generate_handler![
            commands::startup_state,
            commands::list_studies,
            commands::create_study,
            commands::load_demo_study,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Confab could not start its window: {error}");
        std::process::exit(1);
    }
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
