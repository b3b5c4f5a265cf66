use confab_command::confab_command;
use confab_service::{
    Actor, AppError, AttentionItem, InterviewView, InviteReport, OutboxEdit, OutboxFilter,
    OutboxMessage, RuleBreak, RuleBreakView, SyncOptions, SyncProgress, SyncReport,
};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

#[confab_command]
pub async fn invite_participants(
    state: State<'_, AppState>,
    study_id: i64,
    participant_ids: Vec<i64>,
) -> Result<InviteReport, AppError> {
    state
        .confab()?
        .invite_participants(study_id, &participant_ids, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn compose_reschedule_request(
    state: State<'_, AppState>,
    interview_id: i64,
    message: String,
) -> Result<OutboxMessage, AppError> {
    state
        .confab()?
        .compose_reschedule_request(interview_id, &message)
        .await
}

#[confab_command]
pub async fn list_outbox(
    state: State<'_, AppState>,
    filter: OutboxFilter,
) -> Result<Vec<OutboxMessage>, AppError> {
    state.confab()?.list_outbox(filter).await
}

#[confab_command]
pub async fn edit_outbox_message(
    state: State<'_, AppState>,
    message_id: i64,
    edit: OutboxEdit,
) -> Result<OutboxMessage, AppError> {
    state.confab()?.edit_outbox_message(message_id, edit).await
}

#[confab_command]
pub async fn hold_outbox_message(
    state: State<'_, AppState>,
    message_id: i64,
) -> Result<OutboxMessage, AppError> {
    state.confab()?.hold_outbox_message(message_id).await
}

#[confab_command]
pub async fn release_outbox_message(
    state: State<'_, AppState>,
    message_id: i64,
) -> Result<OutboxMessage, AppError> {
    state.confab()?.release_outbox_message(message_id).await
}

#[confab_command]
pub async fn delete_outbox_message(
    state: State<'_, AppState>,
    message_id: i64,
) -> Result<(), AppError> {
    state.confab()?.delete_outbox_message(message_id).await
}

/// Sends the outbox and reads the replies, reporting where it is on `on_progress`. The
/// password comes from the OS keyring.
#[confab_command]
pub async fn sync_mail(
    state: State<'_, AppState>,
    on_progress: Channel<SyncProgress>,
) -> Result<SyncReport, AppError> {
    state
        .confab()?
        .sync(SyncOptions::default(), |progress| {
            // A closed window only stops hearing about progress; Sync goes on.
            let _ = on_progress.send(progress);
        })
        .await
}

#[confab_command]
pub async fn attention_items(
    state: State<'_, AppState>,
    study_id: Option<i64>,
) -> Result<Vec<AttentionItem>, AppError> {
    state.confab()?.attention_items(study_id).await
}

#[confab_command]
pub async fn dismiss_attention_item(
    state: State<'_, AppState>,
    item_id: i64,
    note: String,
) -> Result<(), AppError> {
    state.confab()?.dismiss_attention_item(item_id, &note).await
}

#[confab_command]
pub async fn check_counter_proposal(
    state: State<'_, AppState>,
    item_id: i64,
) -> Result<Vec<RuleBreakView>, AppError> {
    state.confab()?.check_counter_proposal(item_id).await
}

#[confab_command]
pub async fn accept_counter_proposal(
    state: State<'_, AppState>,
    item_id: i64,
    accepted_rules: Vec<RuleBreak>,
) -> Result<InterviewView, AppError> {
    state
        .confab()?
        .accept_counter_proposal(item_id, &accepted_rules, &Actor::researcher())
        .await
}

#[confab_command]
pub async fn book_reply_candidate(
    state: State<'_, AppState>,
    item_id: i64,
    token: String,
) -> Result<String, AppError> {
    state.confab()?.book_reply_candidate(item_id, &token).await
}

#[confab_command]
pub async fn decline_counter_proposal(
    state: State<'_, AppState>,
    item_id: i64,
    note: String,
) -> Result<(), AppError> {
    state
        .confab()?
        .decline_counter_proposal(item_id, &note)
        .await
}
