//! What can go wrong while signing in or renewing a sign-in. Each message is one sentence
//! for the researcher: what happened and what to do. No message carries a token.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OAuthErrorKind {
    /// No usable sign-in is saved, or the provider no longer accepts it (revoked, expired):
    /// only signing in again helps.
    SignInAgain,
    /// The researcher declined on the provider's page.
    Denied,
    /// The browser step did not come back within the time limit.
    TimedOut,
    /// The redirect came back with another `state` than the one sent.
    StateMismatch,
    /// The provider does not know the client ID (or refuses it for this flow).
    InvalidClient,
    /// The provider could not be reached, or answered something unusable.
    Provider,
    /// The sign-in settings themselves are unusable (an issuer URL, a tenant).
    Settings,
    /// The OS keyring failed.
    Keyring,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct OAuthError {
    pub kind: OAuthErrorKind,
    pub message: String,
}

impl OAuthError {
    pub(crate) fn new(kind: OAuthErrorKind, message: impl Into<String>) -> Self {
        OAuthError {
            kind,
            message: message.into(),
        }
    }
}
