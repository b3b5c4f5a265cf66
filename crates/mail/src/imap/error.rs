//! What went wrong with the IMAP server, sorted by where it went wrong.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::credentials::Secret;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImapErrorKind {
    /// The account settings are not usable (see `AccountSettings::validate`).
    Settings,
    /// The server name did not resolve.
    Dns,
    /// No TCP connection: refused, timed out or unreachable.
    Connect,
    /// No secure connection: handshake, certificate, or STARTTLS not offered.
    Tls,
    /// The login was refused.
    Authentication,
    /// The account signs in with OAuth, and the server announces no mechanism that takes
    /// an access token: no token will do.
    NoTokenLogin,
    /// A folder is missing or cannot be opened.
    Folder,
    /// The connection broke or stopped answering after it was made. The session cannot be
    /// used any more; connect again.
    Connection,
    /// The server refused a command (NO or BAD), or answered something unreadable.
    Server,
    /// An argument cannot be sent to the server (such as a line break in a Message-ID).
    InvalidInput,
}

/// A failed IMAP step. The message is for the researcher and never contains the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ImapError {
    pub kind: ImapErrorKind,
    pub message: String,
}

impl ImapError {
    pub(crate) fn new(kind: ImapErrorKind, message: impl Into<String>) -> Self {
        ImapError {
            kind,
            message: message.into(),
        }
    }

    /// An error from async-imap while doing `doing` (such as "open the folder Sent") on
    /// `server`.
    pub(crate) fn from_imap(err: async_imap::error::Error, server: &str, doing: &str) -> Self {
        use async_imap::error::Error as E;
        match err {
            E::Io(err) => Self::new(
                ImapErrorKind::Connection,
                format!(
                    "The connection to the IMAP server {server} broke while trying to {doing}: \
                     {err}."
                ),
            ),
            E::ConnectionLost => Self::new(
                ImapErrorKind::Connection,
                format!("The IMAP server {server} closed the connection while trying to {doing}."),
            ),
            E::No(raw) | E::Bad(raw) if names_missing_folder(&raw) => Self::new(
                ImapErrorKind::Folder,
                format!(
                    "Could not {doing} on the IMAP server {server}: the folder does not exist \
                     ({}).",
                    server_text(&raw)
                ),
            ),
            E::No(raw) => Self::new(
                ImapErrorKind::Server,
                format!(
                    "The IMAP server {server} refused to {doing}: {}",
                    server_text(&raw)
                ),
            ),
            E::Bad(raw) => Self::new(
                ImapErrorKind::Server,
                format!(
                    "The IMAP server {server} did not accept the command to {doing}: {}",
                    server_text(&raw)
                ),
            ),
            E::Validate(_) => Self::new(
                ImapErrorKind::InvalidInput,
                format!("Could not {doing}: a name contains a line break."),
            ),
            E::Append => Self::new(
                ImapErrorKind::Server,
                format!(
                    "The IMAP server {server} did not take the message while trying to {doing}."
                ),
            ),
            E::Parse(err) => Self::new(
                ImapErrorKind::Connection,
                format!(
                    "The answer of the IMAP server {server} could not be read while trying to \
                     {doing} ({}).",
                    parse_summary(&err)
                ),
            ),
            other => Self::new(
                ImapErrorKind::Server,
                format!("Could not {doing} on the IMAP server {server}: {other}."),
            ),
        }
    }

    pub(crate) fn timed_out(server: &str, doing: &str, seconds: u64) -> Self {
        Self::new(
            ImapErrorKind::Connection,
            format!(
                "The IMAP server {server} did not answer within {seconds} s while trying to \
                 {doing}."
            ),
        )
    }

    pub(crate) fn redacted(mut self, secret: &Secret) -> Self {
        if secret.expose().len() >= 3 {
            self.message = self.message.replace(secret.expose(), "<redacted>");
        }
        self
    }
}

// Parse errors may carry raw server bytes: only their kind is worth showing.
fn parse_summary(err: &async_imap::error::ParseError) -> &'static str {
    use async_imap::error::ParseError as P;
    match err {
        P::Invalid(_) => "invalid status",
        P::Unexpected(_) => "unexpected response",
        P::Authentication(..) => "unreadable login challenge",
        P::DataNotUtf8(..) => "text that is not UTF-8",
        P::ExpectedResponseNotFound(_) => "missing response",
    }
}

fn names_missing_folder(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    [
        "trycreate",
        "nonexistent",
        "doesn't exist",
        "does not exist",
        "unknown mailbox",
        "no such mailbox",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

/// The server's own words from async-imap's `code: …, info: Some("…")` rendering.
pub(crate) fn server_text(raw: &str) -> String {
    let Some(start) = raw.find("info: Some(\"") else {
        return raw.to_owned();
    };
    let rest = &raw[start + "info: Some(\"".len()..];
    let text = rest.strip_suffix("\")").unwrap_or(rest);
    text.replace("\\\"", "\"").replace("\\\\", "\\")
}

impl fmt::Display for ImapErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImapErrorKind::Settings => "settings",
            ImapErrorKind::Dns => "dns",
            ImapErrorKind::Connect => "connect",
            ImapErrorKind::Tls => "tls",
            ImapErrorKind::Authentication => "authentication",
            ImapErrorKind::NoTokenLogin => "no_token_login",
            ImapErrorKind::Folder => "folder",
            ImapErrorKind::Connection => "connection",
            ImapErrorKind::Server => "server",
            ImapErrorKind::InvalidInput => "invalid_input",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_is_taken_from_the_rendering() {
        assert_eq!(
            server_text(
                r#"code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")"#
            ),
            "[AUTHENTICATIONFAILED] Authentication failed."
        );
        assert_eq!(server_text("plain"), "plain");
    }

    #[test]
    fn a_missing_folder_is_a_folder_error() {
        let err = ImapError::from_imap(
            async_imap::error::Error::No(
                r#"code: Some(TryCreate), info: Some("Mailbox doesn't exist: Nope")"#.into(),
            ),
            "imap.example.org:993",
            "open the folder Nope",
        );
        assert_eq!(err.kind, ImapErrorKind::Folder);
        assert!(err.message.contains("Mailbox doesn't exist: Nope"), "{err}");
    }
}
