use confab_command::confab_command;
use confab_service::StartupState;
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub fn startup_state(state: State<'_, AppState>) -> StartupState {
    state.startup()
}
