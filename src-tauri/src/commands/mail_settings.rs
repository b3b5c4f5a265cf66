use confab_command::confab_command;
use std::time::Duration;

use confab_service::{
    AppError, ConnectionCheck, ErrorCode, FoundMailSettings, LanguageOption, MailAuth, MailProfile,
    MessageTemplate, OutboxKind, SignInChoice, TemplatePreview,
};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

#[confab_command]
pub async fn mail_profile(state: State<'_, AppState>) -> Result<MailProfile, AppError> {
    state.confab()?.mail_profile().await
}

#[confab_command]
pub async fn update_mail_profile(
    state: State<'_, AppState>,
    profile: MailProfile,
) -> Result<MailProfile, AppError> {
    state.confab()?.update_mail_profile(profile).await
}

/// Puts the mail password in the OS keyring; it never reaches the database.
#[confab_command]
pub async fn save_mail_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<(), AppError> {
    state.confab()?.save_mail_password(&password).await
}

#[confab_command]
pub async fn forget_mail_password(state: State<'_, AppState>) -> Result<(), AppError> {
    state.confab()?.forget_mail_password().await
}

/// Tries the servers with `password`, or with the one in the keyring when it is null.
#[confab_command]
pub async fn test_mail_connection(
    state: State<'_, AppState>,
    password: Option<String>,
) -> Result<ConnectionCheck, AppError> {
    state.confab()?.test_mail_connection(password).await
}

/// How long the browser step of a sign-in may take.
const SIGN_IN_TIME_LIMIT: Duration = Duration::from_secs(5 * 60);

/// Signs the account in with the provider in the system browser and waits for it to come
/// back (at most five minutes). The browser is opened from here, so the window is not granted
/// the opener plugin's general "open any URL".
#[confab_command]
pub async fn sign_in_mail<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    choice: SignInChoice,
) -> Result<MailProfile, AppError> {
    let confab = state.confab()?;
    let pending = confab.start_mail_sign_in(choice).await?;
    let url = pending.authorization_url().to_owned();
    tracing::info!("signing in: the browser opens the provider's page");
    app.opener()
        .open_url(url.clone(), None::<&str>)
        .map_err(|reason| {
            AppError::new(
                ErrorCode::Mail,
                format!(
                    "Confab could not open your browser ({reason}). Open this address in it to sign in: {url}"
                ),
            )
        })?;
    confab
        .finish_mail_sign_in(pending, SIGN_IN_TIME_LIMIT)
        .await
}

/// Switches how the account logs in: a password, or signing in with the provider.
#[confab_command]
pub async fn set_mail_sign_in_method(
    state: State<'_, AppState>,
    auth: MailAuth,
) -> Result<MailProfile, AppError> {
    state.confab()?.set_mail_sign_in_method(auth).await
}

/// The servers, security and sign-in for an address, and where they came from.
#[confab_command]
pub async fn find_mail_settings(
    state: State<'_, AppState>,
    address: String,
) -> Result<FoundMailSettings, AppError> {
    state.confab()?.find_mail_settings(&address).await
}

#[confab_command]
pub async fn message_templates(
    state: State<'_, AppState>,
    study_id: i64,
    language: String,
) -> Result<Vec<MessageTemplate>, AppError> {
    state.confab()?.message_templates(study_id, &language).await
}

#[confab_command]
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

#[confab_command]
pub async fn reset_message_template(
    state: State<'_, AppState>,
    study_id: i64,
    kind: OutboxKind,
    language: String,
) -> Result<(), AppError> {
    state
        .confab()?
        .reset_message_template(study_id, kind, &language)
        .await
}

#[confab_command]
pub async fn preview_message_template(
    state: State<'_, AppState>,
    subject: String,
    body: String,
    language: String,
) -> Result<TemplatePreview, AppError> {
    state
        .confab()?
        .preview_message_template(&subject, &body, &language)
}

/// Every language messages can be written in, for the study's and a participant's choice.
#[confab_command]
pub fn message_languages() -> Vec<LanguageOption> {
    confab_service::language_options()
}
