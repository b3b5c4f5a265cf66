//! How long to wait for a mail server, and which certificates to trust.

use std::time::Duration;

use crate::trust::Trust;

#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// The longest wait for one step: a DNS lookup, a connection, a TLS handshake, or one
    /// command's answer.
    pub timeout: Duration,
    pub trust: Trust,
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
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            timeout: Self::DEFAULT_TIMEOUT,
            trust: Trust::web_pki(),
        }
    }
}
