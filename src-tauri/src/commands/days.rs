use confab_command::confab_command;
use confab_service::{AppError, DayScheduleView, DaySettings, DaySlot, PublishReport, SwapReport};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn day_schedule(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<DayScheduleView, AppError> {
    state.confab()?.day_schedule(session_id).await
}

#[confab_command]
pub async fn generate_day_schedule(
    state: State<'_, AppState>,
    session_id: i64,
    settings: DaySettings,
) -> Result<DayScheduleView, AppError> {
    state
        .confab()?
        .generate_day_schedule(session_id, settings)
        .await
}

#[confab_command]
pub async fn swap_day_assignments(
    state: State<'_, AppState>,
    session_id: i64,
    a: DaySlot,
    b: DaySlot,
) -> Result<SwapReport, AppError> {
    state.confab()?.swap_day_assignments(session_id, a, b).await
}

#[confab_command]
pub async fn publish_day_schedule(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<PublishReport, AppError> {
    state.confab()?.publish_day_schedule(session_id).await
}

#[confab_command]
pub async fn export_day_schedule_csv(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<String, AppError> {
    state.confab()?.export_day_schedule_csv(session_id).await
}

#[confab_command]
pub async fn place_day_applicant(
    state: State<'_, AppState>,
    session_id: i64,
    slot: DaySlot,
    interviewer_id: Option<i64>,
) -> Result<SwapReport, AppError> {
    state
        .confab()?
        .place_day_applicant(session_id, slot, interviewer_id)
        .await
}
