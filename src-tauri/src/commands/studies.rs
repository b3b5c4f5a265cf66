use confab_command::confab_command;
use confab_service::{
    Actor, AppError, HistoryEntry, NewStudy, StudyOverview, StudySettings, StudySummary,
    StudyTransferReport,
};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn list_studies(state: State<'_, AppState>) -> Result<Vec<StudySummary>, AppError> {
    state.confab()?.list_studies().await
}

#[confab_command]
pub async fn create_study(
    state: State<'_, AppState>,
    input: NewStudy,
) -> Result<StudySummary, AppError> {
    state.confab()?.create_study(input).await
}

#[confab_command]
pub async fn update_study(
    state: State<'_, AppState>,
    study_id: i64,
    input: NewStudy,
    loaded: Option<NewStudy>,
) -> Result<StudySummary, AppError> {
    state
        .confab()?
        .save_study_details(study_id, loaded, input, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn archive_study(state: State<'_, AppState>, study_id: i64) -> Result<(), AppError> {
    state
        .confab()?
        .archive_study(study_id, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn load_demo_study(state: State<'_, AppState>) -> Result<StudySummary, AppError> {
    state.confab()?.load_demo_study().await
}

#[confab_command]
pub async fn study_settings(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<StudySettings, AppError> {
    state.confab()?.study_settings(study_id).await
}

#[confab_command]
pub async fn update_study_settings(
    state: State<'_, AppState>,
    study_id: i64,
    settings: StudySettings,
    loaded: Option<StudySettings>,
) -> Result<StudySettings, AppError> {
    state
        .confab()?
        .save_study_settings(study_id, loaded, settings, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn study_overview(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<StudyOverview, AppError> {
    state.confab()?.study_overview(study_id).await
}

#[confab_command]
pub async fn study_history(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<Vec<HistoryEntry>, AppError> {
    state.confab()?.study_history(study_id).await
}

#[confab_command]
pub async fn studies_on_this_computer(
    state: State<'_, AppState>,
) -> Result<Vec<StudySummary>, AppError> {
    state.confab()?.studies_on_this_computer().await
}

#[confab_command]
pub async fn move_study_from_this_computer(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<StudyTransferReport, AppError> {
    state
        .confab()?
        .move_study_from_this_computer(study_id)
        .await
}

#[confab_command]
pub async fn copy_study_to_this_computer(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<StudyTransferReport, AppError> {
    state.confab()?.copy_study_to_this_computer(study_id).await
}
