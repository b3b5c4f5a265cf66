use confab_command::confab_command;
use confab_service::{
    AppError, CalendarAccountInput, CalendarAccountView, RemoteCalendarView, StudyCalendarView,
};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn calendar_account(
    state: State<'_, AppState>,
) -> Result<Option<CalendarAccountView>, AppError> {
    state.confab()?.calendar_account().await
}

#[confab_command]
pub async fn connect_calendar_account(
    state: State<'_, AppState>,
    input: CalendarAccountInput,
) -> Result<Vec<RemoteCalendarView>, AppError> {
    state.confab()?.connect_calendar_account(input).await
}

#[confab_command]
pub async fn remote_calendars(
    state: State<'_, AppState>,
) -> Result<Vec<RemoteCalendarView>, AppError> {
    state.confab()?.remote_calendars().await
}

#[confab_command]
pub async fn remove_calendar_account(state: State<'_, AppState>) -> Result<(), AppError> {
    state.confab()?.remove_calendar_account().await
}

#[confab_command]
pub async fn set_interviewer_calendar(
    state: State<'_, AppState>,
    interviewer_id: i64,
    href: Option<String>,
) -> Result<(), AppError> {
    state
        .confab()?
        .set_interviewer_calendar(interviewer_id, href)
        .await
}

#[confab_command]
pub async fn study_calendar(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<StudyCalendarView, AppError> {
    state.confab()?.study_calendar(study_id).await
}

#[confab_command]
pub async fn set_study_calendar(
    state: State<'_, AppState>,
    study_id: i64,
    href: Option<String>,
) -> Result<(), AppError> {
    state.confab()?.set_study_calendar(study_id, href).await
}

/// Writes the study's calendar file now and says where it is, for the researcher to import or
/// subscribe to.
#[confab_command]
pub async fn study_calendar_file(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<String, AppError> {
    let path = state.confab()?.write_study_calendar_file(study_id).await?;
    Ok(path.display().to_string())
}
