use confab_service::{AppError, NewStudy, StudySummary};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_studies(state: State<'_, AppState>) -> Result<Vec<StudySummary>, AppError> {
    state.confab()?.list_studies().await
}

#[tauri::command]
pub async fn create_study(
    state: State<'_, AppState>,
    input: NewStudy,
) -> Result<StudySummary, AppError> {
    state.confab()?.create_study(input).await
}

#[tauri::command]
pub async fn load_demo_study(state: State<'_, AppState>) -> Result<StudySummary, AppError> {
    state.confab()?.load_demo_study().await
}
