use confab_service::StartupState;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn startup_state(state: State<'_, AppState>) -> StartupState {
    state.startup()
}
