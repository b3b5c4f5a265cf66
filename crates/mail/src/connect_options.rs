//! How long to wait for a mail server, and which certificates to trust.

use std::time::Duration;

use crate::trust::Trust;

#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// The longest wait for one step: a DNS lookup, a connection, a TLS handshake, or one
    /// command's answer.
    pub timeout: Duration,
    pub trust: Trust,
    /// The SASL mechanisms an OAuth account may log in to IMAP with, most preferred first;
    /// the first one the server announces is used. SMTP always uses XOAUTH2, the only one
    /// the SMTP library has.
    pub oauth_mechanisms: Vec<OAuthMechanism>,
}

/// SASL mechanisms that carry an OAuth 2 access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OAuthMechanism {
    /// RFC 7628, the standard one.
    OAuthBearer,
    /// Google's and Microsoft's older one, which both still announce.
    XOAuth2,
}

impl OAuthMechanism {
    pub fn name(self) -> &'static str {
        match self {
            OAuthMechanism::OAuthBearer => "OAUTHBEARER",
            OAuthMechanism::XOAuth2 => "XOAUTH2",
        }
    }
}

impl ConnectOptions {
    /// For a Sync: patient enough for a slow provider and a large message.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
    /// For "Test connection", where the researcher is waiting for an answer.
    pub const TEST_TIMEOUT: Duration = Duration::from_secs(10);

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn with_trust(mut self, trust: Trust) -> Self {
        self.trust = trust;
        self
    }

    pub fn with_oauth_mechanisms(mut self, mechanisms: &[OAuthMechanism]) -> Self {
        self.oauth_mechanisms = mechanisms.to_vec();
        self
    }
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            timeout: Self::DEFAULT_TIMEOUT,
            trust: Trust::web_pki(),
            oauth_mechanisms: vec![OAuthMechanism::OAuthBearer, OAuthMechanism::XOAuth2],
        }
    }
}
