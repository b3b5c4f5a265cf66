use chrono::{DateTime, Utc};
use confab_command::confab_command;
use confab_service::{
    Actor, AppError, BusyTimeView, InterviewerView, NewSession, RemovalReport, SessionChange,
    SessionExceptionView, SessionView, SlotView, StaffRole,
};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn list_sessions(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<Vec<SessionView>, AppError> {
    state.confab()?.list_sessions(study_id).await
}

#[confab_command]
pub async fn create_session(
    state: State<'_, AppState>,
    input: NewSession,
) -> Result<SessionView, AppError> {
    state
        .confab()?
        .create_session(input, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn update_session(
    state: State<'_, AppState>,
    session_id: i64,
    change: SessionChange,
) -> Result<SessionView, AppError> {
    state
        .confab()?
        .update_session(session_id, change, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn delete_session(state: State<'_, AppState>, session_id: i64) -> Result<(), AppError> {
    state
        .confab()?
        .delete_session(session_id, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn set_session_visible(
    state: State<'_, AppState>,
    session_id: i64,
    visible: bool,
) -> Result<(), AppError> {
    state
        .confab()?
        .set_session_visible(session_id, visible, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn set_session_exception(
    state: State<'_, AppState>,
    session_id: i64,
    exception: SessionExceptionView,
) -> Result<(), AppError> {
    state
        .confab()?
        .set_session_exception(session_id, exception, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn open_slots(
    state: State<'_, AppState>,
    study_id: i64,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    time_zone: Option<String>,
) -> Result<Vec<SlotView>, AppError> {
    state
        .confab()?
        .open_slots(study_id, from, to, time_zone.as_deref())
        .await
}

#[confab_command]
pub async fn add_interviewer(
    state: State<'_, AppState>,
    study_id: i64,
    name: String,
    email: String,
) -> Result<InterviewerView, AppError> {
    state
        .confab()?
        .add_interviewer(study_id, &name, &email, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn update_interviewer(
    state: State<'_, AppState>,
    interviewer_id: i64,
    name: String,
    role: StaffRole,
) -> Result<InterviewerView, AppError> {
    state
        .confab()?
        .update_interviewer(interviewer_id, &name, role, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn remove_interviewer(
    state: State<'_, AppState>,
    interviewer_id: i64,
    takeover: Option<i64>,
) -> Result<RemovalReport, AppError> {
    state
        .confab()?
        .remove_interviewer(interviewer_id, takeover, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn busy_times(
    state: State<'_, AppState>,
    study_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<BusyTimeView>, AppError> {
    state.confab()?.busy_times(study_id, from, to).await
}
