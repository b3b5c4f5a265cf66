//! The account Confab reads and writes calendars with.

use std::time::Duration;

use crate::credentials::Secret;
use crate::trust::Trust;

/// A calendar account on a CalDAV server.
#[derive(Debug, Clone)]
pub struct CalDavAccount {
    /// The server's address (`https://caldav.fastmail.com/`), or the account's own
    /// (principal) address; discovery finds the calendars from either.
    pub url: String,
    pub username: String,
    pub auth: CalDavAuth,
    /// Which certificate authorities the server's certificate may come from.
    pub trust: Trust,
    /// The longest wait for each request: connecting, sending and the whole answer.
    pub timeout: Duration,
}

/// How Confab logs in.
#[derive(Debug, Clone)]
pub enum CalDavAuth {
    /// HTTP Basic with the user name and this password (often an app password).
    Password(Secret),
    /// An OAuth 2 access token, sent as `Authorization: Bearer`.
    Bearer(Secret),
}

impl CalDavAccount {
    /// The wait for one request unless [`CalDavAccount::with_timeout`] says otherwise.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

    /// An account that logs in with a user name and password, trusting the web PKI.
    pub fn new(
        url: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        CalDavAccount {
            url: url.into(),
            username: username.into(),
            auth: CalDavAuth::Password(password.into()),
            trust: Trust::web_pki(),
            timeout: Self::DEFAULT_TIMEOUT,
        }
    }

    /// An account that logs in with an OAuth 2 access token.
    pub fn with_bearer(
        url: impl Into<String>,
        username: impl Into<String>,
        access_token: impl Into<Secret>,
    ) -> Self {
        CalDavAccount {
            auth: CalDavAuth::Bearer(access_token.into()),
            ..CalDavAccount::new(url, username, "")
        }
    }

    pub fn with_trust(mut self, trust: Trust) -> Self {
        self.trust = trust;
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}
