//! "Test connection" in the account settings: tries both servers the way a Sync would, and
//! says at which stage the first failure happened, so the researcher knows which setting to
//! fix.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::account::{AccountField, AccountSettings};
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use crate::dial::{DialError, dial};
use crate::imap::{ImapError, ImapErrorKind, ImapSession};
use crate::smtp::{SendError, SendErrorKind, SmtpSender};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Server {
    /// Outgoing mail.
    Smtp,
    /// Incoming mail.
    Imap,
}

/// Where a connection failed, in the order the stages happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The settings themselves are unusable; nothing was tried.
    Settings,
    /// Looking up the server name.
    Dns,
    /// Opening the TCP connection (refused, timed out, unreachable).
    Connect,
    /// The TLS handshake or STARTTLS.
    Tls,
    /// Logging in (wrong user name, password or token).
    Login,
    /// Opening INBOX, or finding the Sent folder.
    Folder,
    /// The server answered, but not as a mail server should (no greeting, a refusal).
    Conversation,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{message}")]
pub struct ConnectionFailure {
    pub server: Server,
    pub stage: Stage,
    pub message: String,
}

/// What a successful test found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionReport {
    /// `host:port` of each server.
    pub smtp_server: String,
    pub imap_server: String,
    /// Where sent messages will be filed.
    pub sent_folder: String,
    pub inbox_messages: u32,
}

/// Tests both servers at once with short timeouts ([`ConnectOptions::TEST_TIMEOUT`]).
/// When both fail, the IMAP failure is the one reported.
pub async fn test_connection(
    account: &AccountSettings,
    secret: &Secret,
) -> Result<ConnectionReport, ConnectionFailure> {
    let options = ConnectOptions::default().with_timeout(ConnectOptions::TEST_TIMEOUT);
    test_connection_with(account, secret, &options).await
}

pub async fn test_connection_with(
    account: &AccountSettings,
    secret: &Secret,
    options: &ConnectOptions,
) -> Result<ConnectionReport, ConnectionFailure> {
    if let Err(problem) = account.validate() {
        let server = match problem.field {
            AccountField::SmtpHost
            | AccountField::SmtpPort
            | AccountField::SmtpSecurity
            | AccountField::SmtpLogin => Server::Smtp,
            _ => Server::Imap,
        };
        return Err(ConnectionFailure {
            server,
            stage: Stage::Settings,
            message: problem.to_string(),
        });
    }
    let (imap, smtp) = tokio::join!(
        check_imap(account, secret, options),
        check_smtp(account, secret, options)
    );
    let (sent_folder, inbox_messages) = imap?;
    smtp?;
    Ok(ConnectionReport {
        smtp_server: account.smtp.address(),
        imap_server: account.imap.address(),
        sent_folder,
        inbox_messages,
    })
}

async fn check_imap(
    account: &AccountSettings,
    secret: &Secret,
    options: &ConnectOptions,
) -> Result<(String, u32), ConnectionFailure> {
    let mut session = ImapSession::connect(account, secret, options)
        .await
        .map_err(imap_failure)?;
    let inbox_messages = session
        .message_count("INBOX")
        .await
        .map_err(|err| match err.kind {
            ImapErrorKind::Connection => imap_failure(err),
            _ => ConnectionFailure {
                server: Server::Imap,
                stage: Stage::Folder,
                message: err.message,
            },
        })?;
    let sent_folder = session
        .sent_folder()
        .await
        .map_err(imap_failure)?
        .ok_or_else(|| ConnectionFailure {
            server: Server::Imap,
            stage: Stage::Folder,
            message: format!(
                "The IMAP server {} has no Sent folder (none is marked as such, and none is \
                 called Sent, Sent Items or Sent Messages). Create one in your mail program or \
                 webmail.",
                account.imap.address()
            ),
        })?;
    let _ = session.logout().await;
    Ok((sent_folder, inbox_messages))
}

fn imap_failure(err: ImapError) -> ConnectionFailure {
    let stage = match err.kind {
        ImapErrorKind::Settings => Stage::Settings,
        ImapErrorKind::Dns => Stage::Dns,
        ImapErrorKind::Connect => Stage::Connect,
        ImapErrorKind::Tls => Stage::Tls,
        ImapErrorKind::Authentication | ImapErrorKind::NoTokenLogin => Stage::Login,
        ImapErrorKind::Folder => Stage::Folder,
        ImapErrorKind::Connection | ImapErrorKind::Server | ImapErrorKind::InvalidInput => {
            Stage::Conversation
        }
    };
    ConnectionFailure {
        server: Server::Imap,
        stage,
        message: err.message,
    }
}

async fn check_smtp(
    account: &AccountSettings,
    secret: &Secret,
    options: &ConnectOptions,
) -> Result<(), ConnectionFailure> {
    // The name lookup and the TCP connection are tried separately first: the SMTP library
    // reports both as one kind of connection error.
    let probe = dial(&account.smtp.host, account.smtp.port, options.timeout).await;
    if let Err(err) = probe {
        let stage = match err {
            DialError::Dns { .. } => Stage::Dns,
            DialError::Connect { .. } => Stage::Connect,
        };
        return Err(ConnectionFailure {
            server: Server::Smtp,
            stage,
            message: err.explain("SMTP"),
        });
    }
    drop(probe);
    let sender = SmtpSender::new(account, secret, options).map_err(smtp_failure)?;
    let checked = sender.check().await;
    sender.close().await;
    checked.map_err(smtp_failure)
}

fn smtp_failure(err: SendError) -> ConnectionFailure {
    let stage = match err.kind {
        SendErrorKind::Tls => Stage::Tls,
        SendErrorKind::Authentication => Stage::Login,
        SendErrorKind::Connection
        | SendErrorKind::Temporary
        | SendErrorKind::Permanent
        | SendErrorKind::Unclear => Stage::Conversation,
    };
    ConnectionFailure {
        server: Server::Smtp,
        stage,
        message: err.message,
    }
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Server::Smtp => "outgoing (SMTP) server",
            Server::Imap => "incoming (IMAP) server",
        })
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Settings => "settings",
            Stage::Dns => "server name lookup",
            Stage::Connect => "connection",
            Stage::Tls => "secure connection (TLS)",
            Stage::Login => "login",
            Stage::Folder => "folders",
            Stage::Conversation => "server conversation",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imap::Flag;

    // Tauri runs commands on a multi-threaded runtime: every future of the transport API
    // must be Send. This only has to compile.
    #[allow(dead_code, clippy::let_underscore_future)]
    async fn every_future_is_send(
        account: AccountSettings,
        secret: Secret,
        options: ConnectOptions,
        mut session: ImapSession,
        sender: SmtpSender,
    ) {
        fn send<T: Send>(future: T) -> T {
            future
        }
        let _ = send(test_connection(&account, &secret));
        let _ = send(ImapSession::connect(&account, &secret, &options));
        let _ = send(session.sent_folder());
        let _ = send(session.message_count("INBOX"));
        let _ = send(session.append("Sent", b"", &[Flag::Seen]));
        let _ = send(session.contains_message_id("Sent", "<a@b>"));
        let _ = send(session.fetch_new("INBOX", None, 10));
        let _ = send(session.logout());
        let _ = send(sender.check());
        let _ = send(sender.send("a@b.example", &["c@d.example"], b""));
        let _ = send(sender.close());
        let _ = send(crate::credentials::load(&account));
        let _ = send(crate::credentials::store(&account, &secret));
        let _ = send(crate::credentials::delete(&account));
    }
}
