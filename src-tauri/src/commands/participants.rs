use confab_command::confab_command;
use confab_service::{
    Actor, AppError, ColumnMapping, CsvLayout, HistoryEntry, ImportMode, ImportReport,
    InvitationReadiness, NewParticipant, ParticipantDetail, ParticipantQuery, ParticipantSummary,
    ParticipantUpdate, StatusOption,
};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn search_participants(
    state: State<'_, AppState>,
    query: ParticipantQuery,
) -> Result<Vec<ParticipantSummary>, AppError> {
    state.confab()?.search_participants(query).await
}

#[confab_command]
pub async fn get_participant(
    state: State<'_, AppState>,
    participant_id: i64,
) -> Result<ParticipantDetail, AppError> {
    state.confab()?.get_participant(participant_id).await
}

#[confab_command]
pub async fn create_participant(
    state: State<'_, AppState>,
    input: NewParticipant,
) -> Result<ParticipantSummary, AppError> {
    state
        .confab()?
        .create_participant(input, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn update_participant(
    state: State<'_, AppState>,
    participant_id: i64,
    change: ParticipantUpdate,
) -> Result<ParticipantSummary, AppError> {
    state
        .confab()?
        .update_participant(participant_id, change, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn remove_participant(
    state: State<'_, AppState>,
    participant_id: i64,
) -> Result<(), AppError> {
    state
        .confab()?
        .remove_participant(participant_id, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn status_options(state: State<'_, AppState>) -> Result<Vec<StatusOption>, AppError> {
    Ok(state.confab()?.status_options())
}

/// Sets a participant's status by hand; returns the new status key.
#[confab_command]
pub async fn set_status(
    state: State<'_, AppState>,
    study_id: i64,
    participant_id: i64,
    status: String,
    reason: String,
) -> Result<String, AppError> {
    let set = state
        .confab()?
        .set_status(
            study_id,
            participant_id,
            &status,
            &reason,
            &Actor::researcher(),
        )
        .await?;
    Ok(set.key().to_owned())
}

/// Sets several participants' status by hand at once; all or none.
#[confab_command]
pub async fn set_statuses(
    state: State<'_, AppState>,
    study_id: i64,
    participant_ids: Vec<i64>,
    status: String,
    reason: String,
) -> Result<String, AppError> {
    let set = state
        .confab()?
        .set_statuses(
            study_id,
            &participant_ids,
            &status,
            &reason,
            &Actor::researcher(),
        )
        .await?;
    Ok(set.key().to_owned())
}

#[confab_command]
pub async fn participant_history(
    state: State<'_, AppState>,
    participant_id: i64,
    study_id: Option<i64>,
) -> Result<Vec<HistoryEntry>, AppError> {
    state
        .confab()?
        .participant_history(participant_id, study_id)
        .await
}

#[confab_command]
pub async fn preview_csv_import(
    state: State<'_, AppState>,
    study_id: i64,
    csv: Vec<u8>,
    mapping: Option<ColumnMapping>,
) -> Result<ImportReport, AppError> {
    state
        .confab()?
        .preview_csv_import(study_id, &csv, mapping.as_ref())
        .await
}

#[confab_command]
pub async fn import_csv(
    state: State<'_, AppState>,
    study_id: i64,
    csv: Vec<u8>,
    mapping: Option<ColumnMapping>,
    mode: ImportMode,
) -> Result<ImportReport, AppError> {
    state
        .confab()?
        .import_csv(study_id, &csv, mapping.as_ref(), mode, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn export_participants_csv(
    state: State<'_, AppState>,
    study_id: i64,
    layout: CsvLayout,
) -> Result<String, AppError> {
    state
        .confab()?
        .export_participants_csv_as(study_id, layout)
        .await
}

#[confab_command]
pub async fn invitation_readiness(
    state: State<'_, AppState>,
    study_id: i64,
    participant_id: i64,
) -> Result<InvitationReadiness, AppError> {
    state
        .confab()?
        .invitation_readiness(study_id, participant_id)
        .await
}
