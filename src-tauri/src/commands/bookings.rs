use chrono::{DateTime, Utc};
use confab_command::confab_command;
use confab_service::{
    Actor, AppError, CancelOutcome, InterviewList, InterviewView, PendingParticipant, RuleBreak,
    RuleBreakView, StaffPick,
};
use tauri::State;

use crate::state::AppState;

#[confab_command]
pub async fn list_interviews(
    state: State<'_, AppState>,
    study_id: i64,
    list: InterviewList,
) -> Result<Vec<InterviewView>, AppError> {
    state.confab()?.list_interviews(study_id, list).await
}

#[confab_command]
pub async fn check_booking(
    state: State<'_, AppState>,
    study_id: i64,
    session_id: i64,
    start: DateTime<Utc>,
    interview_id: Option<i64>,
) -> Result<Vec<RuleBreakView>, AppError> {
    state
        .confab()?
        .check_booking(study_id, session_id, start, interview_id)
        .await
}

#[confab_command]
pub async fn book_manually(
    state: State<'_, AppState>,
    study_id: i64,
    participant_id: i64,
    session_id: i64,
    start: DateTime<Utc>,
    accepted_rules: Vec<RuleBreak>,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .book_manually(
            study_id,
            participant_id,
            session_id,
            start,
            &accepted_rules,
            &Actor::researcher(),
        )
        .await
}

#[confab_command]
pub async fn cancel_interview(
    state: State<'_, AppState>,
    interview_id: i64,
    reason: String,
) -> Result<CancelOutcome, AppError> {
    state
        .confab()?
        .cancel_interview(interview_id, &reason, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn reschedule_interview(
    state: State<'_, AppState>,
    interview_id: i64,
    session_id: i64,
    start: DateTime<Utc>,
    accepted_rules: Vec<RuleBreak>,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .reschedule_interview(
            interview_id,
            session_id,
            start,
            &accepted_rules,
            &Actor::researcher(),
        )
        .await
}

#[confab_command]
pub async fn mark_no_show(
    state: State<'_, AppState>,
    interview_id: i64,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .mark_no_show(interview_id, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn mark_completed(
    state: State<'_, AppState>,
    interview_id: i64,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .mark_completed(interview_id, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn pending_choices(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<Vec<PendingParticipant>, AppError> {
    state.confab()?.pending_choices(study_id).await
}

#[confab_command]
pub async fn assign_choice(
    state: State<'_, AppState>,
    study_id: i64,
    participant_id: i64,
    rank: i32,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .assign_choice(study_id, participant_id, rank, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn set_interview_staff(
    state: State<'_, AppState>,
    interview_id: i64,
    staff: Vec<StaffPick>,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .set_interview_staff(interview_id, &staff, &Actor::researcher())
        .await
}
