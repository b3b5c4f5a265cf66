//! A sign-in as it is kept: the refresh token and the current access token with its expiry,
//! and what is needed to renew them (the client and the token endpoint). It is stored as one
//! item in the OS keyring, in the account's entry, and nowhere else.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::error::{OAuthError, OAuthErrorKind};
use super::provider::OAuthClient;
use crate::account::{AccountSettings, AuthMethod};
use crate::credentials::{self, CredentialError, Secret};

/// An access token is renewed this long before it expires, so it does not run out in the
/// middle of a Sync.
pub const RENEW_BEFORE_EXPIRY: TimeDelta = TimeDelta::seconds(60);

#[derive(Clone, PartialEq, Eq)]
pub struct Grant {
    pub client: OAuthClient,
    /// Where refresh tokens are traded for access tokens.
    pub token_url: String,
    pub scopes: Vec<String>,
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    /// When the access token expires, if the provider said.
    pub expires_at: Option<DateTime<Utc>>,
}

/// What the keyring holds for an OAuth account: a sign-in, or a bare access token pasted by
/// hand (as `confab mail password` saved it before sign-in existed), which cannot be renewed.
#[derive(Clone)]
pub enum SavedToken {
    Grant(Box<Grant>),
    Pasted(Secret),
}

// The keyring item's layout. Only this module reads or writes it.
#[derive(Serialize, Deserialize)]
struct Stored {
    confab_oauth_grant: u8,
    client: OAuthClient,
    token_url: String,
    scopes: Vec<String>,
    access_token: String,
    refresh_token: Option<String>,
    expires_at: Option<i64>,
}

impl Grant {
    /// Whether the access token should be renewed before use at `now`.
    pub fn needs_renewal(&self, now: DateTime<Utc>) -> bool {
        self.expires_at
            .is_some_and(|expires| expires - RENEW_BEFORE_EXPIRY <= now)
    }

    fn to_secret(&self) -> Secret {
        let stored = Stored {
            confab_oauth_grant: 1,
            client: self.client.clone(),
            token_url: self.token_url.clone(),
            scopes: self.scopes.clone(),
            access_token: self.access_token.expose().to_owned(),
            refresh_token: self.refresh_token.as_ref().map(|t| t.expose().to_owned()),
            expires_at: self.expires_at.map(|t| t.timestamp()),
        };
        Secret::new(serde_json::to_string(&stored).expect("a grant serialises"))
    }

    fn from_stored(stored: Stored) -> Grant {
        Grant {
            client: stored.client,
            token_url: stored.token_url,
            scopes: stored.scopes,
            access_token: Secret::new(stored.access_token),
            refresh_token: stored.refresh_token.map(Secret::new),
            expires_at: stored
                .expires_at
                .and_then(|t| DateTime::from_timestamp(t, 0)),
        }
    }
}

impl std::fmt::Debug for Grant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grant")
            .field("client", &self.client)
            .field("token_url", &self.token_url)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// The keyring entry of an OAuth account: the account's own entry, as an OAuth account.
fn oauth_account(account: &AccountSettings) -> AccountSettings {
    AccountSettings {
        auth: AuthMethod::OAuth2,
        ..account.clone()
    }
}

/// Saves the sign-in for `account`, replacing what was saved before.
pub async fn save(account: &AccountSettings, grant: &Grant) -> Result<(), OAuthError> {
    credentials::store(&oauth_account(account), &grant.to_secret())
        .await
        .map_err(keyring_error)
}

/// Reads what is saved for `account`.
pub async fn load(account: &AccountSettings) -> Result<SavedToken, OAuthError> {
    let secret = credentials::load(&oauth_account(account))
        .await
        .map_err(|err| match err {
            CredentialError::Missing { .. } => OAuthError::new(
                OAuthErrorKind::SignInAgain,
                format!(
                    "Confab is not signed in to the mail account {}: sign in under Settings → \
                     Mail (or with `confab mail sign-in`).",
                    account.username
                ),
            ),
            other => keyring_error(other),
        })?;
    Ok(match serde_json::from_str::<Stored>(secret.expose()) {
        Ok(stored) => SavedToken::Grant(Box::new(Grant::from_stored(stored))),
        Err(_) => SavedToken::Pasted(secret),
    })
}

fn keyring_error(err: CredentialError) -> OAuthError {
    OAuthError::new(OAuthErrorKind::Keyring, err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::Provider;

    fn grant(expires_at: Option<DateTime<Utc>>) -> Grant {
        Grant {
            client: OAuthClient {
                provider: Provider::Google,
                client_id: "id".into(),
                client_secret: None,
            },
            token_url: "https://oauth2.googleapis.com/token".into(),
            scopes: vec!["https://mail.google.com/".into()],
            access_token: Secret::new("ya29.access-secret"),
            refresh_token: Some(Secret::new("1//refresh-secret")),
            expires_at,
        }
    }

    #[test]
    fn renewal_starts_a_minute_before_expiry() {
        let now = Utc::now();
        assert!(!grant(Some(now + TimeDelta::seconds(120))).needs_renewal(now));
        assert!(grant(Some(now + TimeDelta::seconds(30))).needs_renewal(now));
        assert!(grant(Some(now - TimeDelta::seconds(1))).needs_renewal(now));
        assert!(!grant(None).needs_renewal(now));
    }

    #[test]
    fn a_grant_survives_the_keyring_text_and_never_shows_its_tokens() {
        let expires = DateTime::from_timestamp(1_900_000_000, 0);
        let original = grant(expires);
        let text = original.to_secret();
        let stored: Stored = serde_json::from_str(text.expose()).unwrap();
        assert_eq!(Grant::from_stored(stored), original);
        let shown = format!("{original:?}");
        assert!(!shown.contains("access-secret"), "{shown}");
        assert!(!shown.contains("refresh-secret"), "{shown}");
    }
}
