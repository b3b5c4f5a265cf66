use confab_command::confab_command;
use confab_service::{
    Actor, AppError, BusyImportReport, CalendarImport, ErrorCode, InterviewerView,
};
use tauri::State;

use crate::calendar_files::CalendarFiles;
use crate::state::AppState;

#[confab_command]
pub async fn list_interviewers(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<Vec<InterviewerView>, AppError> {
    state.confab()?.list_interviewers(study_id).await
}

#[confab_command]
pub async fn import_calendar_file(
    state: State<'_, AppState>,
    files: State<'_, CalendarFiles>,
    input: CalendarImport,
) -> Result<BusyImportReport, AppError> {
    let path = files.path(input.file_id).ok_or_else(|| {
        AppError::new(
            ErrorCode::NotFound,
            "That calendar file is no longer open. Open it with Confab again.",
        )
    })?;
    state
        .confab()?
        .import_busy_times_from_file(input.interviewer_id, &path, &Actor::researcher())
        .await
}
