use confab_service::{AppError, ConnectionCheck, MailProfile, MessageTemplate, TemplatePreview};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn mail_profile(state: State<'_, AppState>) -> Result<MailProfile, AppError> {
    state.confab()?.mail_profile().await
}

#[tauri::command]
pub async fn update_mail_profile(
    state: State<'_, AppState>,
    profile: MailProfile,
) -> Result<MailProfile, AppError> {
    state.confab()?.update_mail_profile(profile).await
}

/// Puts the mail password in the OS keyring; it never reaches the database.
#[tauri::command]
pub async fn save_mail_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<(), AppError> {
    state.confab()?.save_mail_password(&password).await
}

#[tauri::command]
pub async fn forget_mail_password(state: State<'_, AppState>) -> Result<(), AppError> {
    state.confab()?.forget_mail_password().await
}

/// Tries the servers with `password`, or with the one in the keyring when it is null.
#[tauri::command]
pub async fn test_mail_connection(
    state: State<'_, AppState>,
    password: Option<String>,
) -> Result<ConnectionCheck, AppError> {
    state.confab()?.test_mail_connection(password).await
}

#[tauri::command]
pub async fn message_templates(
    state: State<'_, AppState>,
    study_id: i64,
) -> Result<Vec<MessageTemplate>, AppError> {
    state.confab()?.message_templates(study_id).await
}

#[tauri::command]
pub async fn save_message_template(
    state: State<'_, AppState>,
    study_id: i64,
    template: MessageTemplate,
) -> Result<MessageTemplate, AppError> {
    state
        .confab()?
        .save_message_template(study_id, template)
        .await
}

#[tauri::command]
pub async fn reset_message_template(
    state: State<'_, AppState>,
    study_id: i64,
    kind: String,
) -> Result<(), AppError> {
    state
        .confab()?
        .reset_message_template(study_id, &kind)
        .await
}

#[tauri::command]
pub async fn preview_message_template(
    state: State<'_, AppState>,
    subject: String,
    body: String,
) -> Result<TemplatePreview, AppError> {
    state.confab()?.preview_message_template(&subject, &body)
}
