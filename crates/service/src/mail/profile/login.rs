//! The secret the account logs in with (a password, or a sign-in's access token), and the
//! errors of getting it.

use confab_mail::account::{AccountSettings, AuthMethod};
use confab_mail::credentials::{self, CredentialError, Secret};
use confab_mail::oauth::{OAuthError, OAuthErrorKind};

use crate::{AppError, ErrorCode};

pub(crate) fn credential_error(error: CredentialError) -> AppError {
    AppError::new(ErrorCode::Mail, error.to_string())
}

pub(crate) fn oauth_error(error: OAuthError) -> AppError {
    let code = match error.kind {
        OAuthErrorKind::SignInAgain => ErrorCode::SignIn,
        _ => ErrorCode::Mail,
    };
    AppError::new(code, error.message)
}

/// The secret to log in with: `password` when given (a headless caller), else the keyring's
/// password, or for an account that signs in, an access token renewed if it is due.
pub(crate) async fn login_secret(
    account: &AccountSettings,
    password: Option<String>,
    timeout: std::time::Duration,
) -> Result<Secret, AppError> {
    match (password, account.auth) {
        (Some(p), _) => Ok(Secret::new(p)),
        (None, AuthMethod::Password) => credentials::load(account).await.map_err(credential_error),
        (None, AuthMethod::OAuth2) => confab_mail::oauth::access::access_token(account, timeout)
            .await
            .map_err(oauth_error),
    }
}
