//! The desktop shell: a window over the service crate. Commands stay a few lines each; all
//! behaviour lives in `confab-service`.

pub mod bindings;
mod commands;
mod state;

use confab_service::{Confab, default_data_dir};

pub use commands::COMMAND_NAMES;
use state::AppState;

pub fn run() {
    let data_dir = default_data_dir();
    // A database that cannot be opened is not a reason to refuse to start: the window shows
    // what is wrong and what to do about it.
    let opened = tauri::async_runtime::block_on(Confab::open(&data_dir));
    if let Err(error) = &opened {
        eprintln!("Confab could not open its database: {}", error.message);
    }
    let result = tauri::Builder::default()
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
