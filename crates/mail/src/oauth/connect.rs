//! Logging in to IMAP as an OAuth account: with the saved access token, renewed shortly
//! before it expires, and renewed once more if the server refuses it anyway (a token can be
//! revoked or cut short before its announced expiry).

use crate::account::AccountSettings;
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use crate::imap::{ImapError, ImapErrorKind, ImapSession};

use super::access;
use super::error::OAuthError;

/// Why an OAuth account could not log in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuthLoginError {
    /// No token could be had: the researcher must sign in again, or the provider or the
    /// keyring failed.
    #[error("{0}")]
    Token(OAuthError),
    /// The IMAP server failed or refused even a renewed token.
    #[error("{0}")]
    Imap(ImapError),
}

/// A logged-in IMAP session, and the access token that worked, for SMTP to use too.
pub async fn imap_session(
    account: &AccountSettings,
    options: &ConnectOptions,
) -> Result<(ImapSession, Secret), OAuthLoginError> {
    let token = access::access_token(account, options.timeout)
        .await
        .map_err(OAuthLoginError::Token)?;
    match ImapSession::connect(account, &token, options).await {
        Ok(session) => Ok((session, token)),
        Err(err) if err.kind == ImapErrorKind::Authentication => {
            tracing::info!("the IMAP server refused the access token; renewing it once");
            let token = access::renewed_access_token(account, options.timeout)
                .await
                .map_err(OAuthLoginError::Token)?;
            let session = ImapSession::connect(account, &token, options)
                .await
                .map_err(OAuthLoginError::Imap)?;
            Ok((session, token))
        }
        Err(err) => Err(OAuthLoginError::Imap(err)),
    }
}
