//! What went wrong with a send, sorted by what the researcher (or the outbox) should do.

use std::error::Error as _;
use std::fmt;
use std::io;

use lettre::transport::smtp::Error as LettreError;
use serde::{Deserialize, Serialize};

use crate::credentials::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SendErrorKind {
    /// The server said "not now" (4xx): try again at the next Sync.
    Temporary,
    /// The server refused this message for good (5xx): an address or the content is wrong.
    Permanent,
    /// The server could not be reached, or the connection broke.
    Connection,
    /// The login was refused: the user name, password or token is wrong.
    Authentication,
    /// No secure connection: the certificate, or the port and security setting, is wrong.
    Tls,
    /// The message's data was handed over, and then the connection broke or the server's
    /// verdict did not come: it may have been taken. Sending it again could deliver it twice.
    Unclear,
}

/// A failed send or check. The message is for the researcher and never contains the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub kind: SendErrorKind,
    pub message: String,
}

impl SendError {
    pub(crate) fn new(kind: SendErrorKind, message: impl Into<String>) -> Self {
        SendError {
            kind,
            message: message.into(),
        }
    }

    /// Whether sending the same message again later may work.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            SendErrorKind::Temporary | SendErrorKind::Connection
        )
    }
}

/// The server and login that a lettre error is about, for the explanation.
pub(crate) struct Context<'a> {
    pub server: &'a str,
    pub username: &'a str,
    /// The account logs in with a sign-in token, not a password.
    pub signs_in: bool,
    pub secret: &'a Secret,
}

pub(crate) fn classify(err: &LettreError, context: &Context<'_>) -> SendError {
    let detail = redact(&err.to_string(), context.secret);
    let server = context.server;
    let kind = kind_of(err, &detail);
    let message = match kind {
        // lettre sends tokens with XOAUTH2 only; it has no OAUTHBEARER.
        SendErrorKind::Authentication
            if context.signs_in && detail.contains("authentication mechanism") =>
        {
            format!(
                "The SMTP server {server} does not take sign-in tokens the way Confab sends them \
                 (XOAUTH2): choose password login for this account in Settings → Mail, or ask \
                 your provider for an SMTP server that takes XOAUTH2. The server said: {detail}"
            )
        }
        SendErrorKind::Authentication if context.signs_in => format!(
            "The SMTP server {server} refused the sign-in token for {}: sign in to the account \
             again under Settings → Mail; if that does not help, ask whether your provider \
             allows sending with a sign-in (Microsoft 365 administrators can turn SMTP AUTH \
             off). The server said: {detail}",
            context.username
        ),
        SendErrorKind::Authentication => format!(
            "The SMTP server {server} refused the login for {}: check the user name and the \
             password (some providers want an app password) in the account settings. The \
             server said: {detail}",
            context.username
        ),
        SendErrorKind::Tls => format!(
            "No secure connection with the SMTP server {server}: {detail}. Check the port and \
             the security setting (TLS is usually port 465, STARTTLS port 587)."
        ),
        SendErrorKind::Connection | SendErrorKind::Unclear => format!(
            "Could not talk to the SMTP server {server}: {detail}. Check the server name and \
             port, and that this computer is online."
        ),
        SendErrorKind::Temporary => format!(
            "The SMTP server {server} cannot take the message now: {detail}. It will be tried \
             again at the next Sync."
        ),
        SendErrorKind::Permanent => {
            format!("The SMTP server {server} refused the message: {detail}")
        }
    };
    SendError::new(kind, message)
}

fn kind_of(err: &LettreError, detail: &str) -> SendErrorKind {
    if let Some(code) = err.status() {
        return match code.to_string().as_str() {
            // 530 authentication required, 534 mechanism too weak, 535 credentials invalid,
            // 538 encryption required for the mechanism.
            "530" | "534" | "535" | "538" => SendErrorKind::Authentication,
            _ if err.is_transient() => SendErrorKind::Temporary,
            _ => SendErrorKind::Permanent,
        };
    }
    if err.is_tls() || has_tls_cause(err) {
        return SendErrorKind::Tls;
    }
    if err.is_client() {
        return if detail.contains("authentication mechanism") {
            SendErrorKind::Authentication
        } else if detail.contains("STARTTLS") || detail.contains("not encrypted") {
            SendErrorKind::Tls
        } else {
            // Things such as 8-bit content to a server without 8BITMIME: sending again does
            // not help.
            SendErrorKind::Permanent
        };
    }
    SendErrorKind::Connection
}

// lettre reports a failed TLS handshake as a connection error; the rustls error inside says
// what it really was. io::Error hides its inner error from `source()`, so it is opened here.
fn has_tls_cause(err: &LettreError) -> bool {
    let mut cause = err.source();
    while let Some(current) = cause {
        if current.is::<tokio_rustls::rustls::Error>() {
            return true;
        }
        if let Some(io) = current.downcast_ref::<io::Error>()
            && let Some(inner) = io.get_ref()
        {
            if inner.is::<tokio_rustls::rustls::Error>() {
                return true;
            }
            cause = Some(inner);
            continue;
        }
        cause = current.source();
    }
    false
}

/// Removes the secret from text that came from elsewhere (a server's reply, a library's
/// error), in case it was echoed.
pub(crate) fn redact(text: &str, secret: &Secret) -> String {
    if secret.expose().len() >= 3 {
        text.replace(secret.expose(), "<redacted>")
    } else {
        text.to_owned()
    }
}

impl fmt::Display for SendErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SendErrorKind::Temporary => "temporary",
            SendErrorKind::Permanent => "permanent",
            SendErrorKind::Connection => "connection",
            SendErrorKind::Authentication => "authentication",
            SendErrorKind::Tls => "tls",
            SendErrorKind::Unclear => "unclear",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_removes_every_copy() {
        let secret = Secret::new("pa55word");
        assert_eq!(
            redact("535 pa55word is wrong, pa55word", &secret),
            "535 <redacted> is wrong, <redacted>"
        );
    }

    #[test]
    fn only_temporary_and_connection_failures_are_retried() {
        let retryable: Vec<_> = [
            SendErrorKind::Temporary,
            SendErrorKind::Permanent,
            SendErrorKind::Connection,
            SendErrorKind::Authentication,
            SendErrorKind::Tls,
            SendErrorKind::Unclear,
        ]
        .into_iter()
        .filter(|kind| SendError::new(*kind, "").is_retryable())
        .collect();
        assert_eq!(
            retryable,
            [SendErrorKind::Temporary, SendErrorKind::Connection]
        );
    }
}
