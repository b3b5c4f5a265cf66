//! Sending finished messages (the bytes the outbox keeps) over SMTP, with an explicit
//! envelope, through one connection that stays open across a Sync.
//!
//! A send has two halves. Up to the server's go-ahead for the message data (`354` after
//! `DATA`) nothing can have been delivered, so a failure there is plainly "not sent". Once the
//! data is on its way, a connection that drops or a reply that never comes leaves the outcome
//! unclear: the server may have taken the message. [`SmtpSender::start`] and
//! [`Handover::finish`] let the caller record that moment before it happens, and a failure
//! after it is [`SendErrorKind::Unclear`].

mod error;
mod exchange;

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Tls};
use tokio::sync::{Mutex, MutexGuard};

pub use error::{SendError, SendErrorKind};

use crate::account::{AccountSettings, AuthMethod, Security};
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use error::{Context, classify, redact};
use exchange::envelope;

/// An SMTP client for one account. Build it once per Sync and send every message through
/// it: the connection is opened on the first send and reused for the next ones.
pub struct SmtpSender {
    host: String,
    port: u16,
    tls: Tls,
    login: Option<(Credentials, Vec<Mechanism>)>,
    connection: Mutex<Option<AsyncSmtpConnection>>,
    server: String,
    username: String,
    secret: Secret,
    signs_in: bool,
    timeout: Duration,
    broken: AtomicBool,
}

/// A message the server has agreed to take (it answered `DATA` with `354`): what is left is
/// to hand over its bytes. Holds the connection until then.
pub struct Handover<'a> {
    sender: &'a SmtpSender,
    connection: MutexGuard<'a, Option<AsyncSmtpConnection>>,
    finished: bool,
}

impl Drop for Handover<'_> {
    // A handover given up before its data: the server is waiting for message data, so the
    // connection cannot carry another command. Dropping it closes it, and the server
    // forgets the message.
    fn drop(&mut self) {
        if !self.finished {
            self.connection.take();
        }
    }
}

impl SmtpSender {
    /// Prepares the client; nothing is sent over the network yet.
    pub fn new(
        account: &AccountSettings,
        secret: &Secret,
        options: &ConnectOptions,
    ) -> Result<Self, SendError> {
        account
            .validate()
            .map_err(|err| SendError::new(SendErrorKind::Permanent, err.to_string()))?;
        let smtp = &account.smtp;
        let server = smtp.address();
        let context = Context {
            server: &server,
            username: &account.username,
            secret,
            signs_in: account.auth == AuthMethod::OAuth2,
        };
        let tls = match smtp.security {
            Security::Tls | Security::StartTls => {
                let parameters = options
                    .trust
                    .lettre_tls(&smtp.host)
                    .map_err(|err| classify(&err, &context))?;
                if smtp.security == Security::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                }
            }
            Security::Plain => Tls::None,
        };
        let login = account.smtp_login.then(|| {
            let mechanisms = match account.auth {
                AuthMethod::Password => vec![Mechanism::Plain, Mechanism::Login],
                AuthMethod::OAuth2 => vec![Mechanism::Xoauth2],
            };
            (
                Credentials::new(account.username.clone(), secret.expose().to_owned()),
                mechanisms,
            )
        });
        Ok(SmtpSender {
            host: smtp.host.clone(),
            port: smtp.port,
            tls,
            login,
            connection: Mutex::new(None),
            server,
            username: account.username.clone(),
            secret: secret.clone(),
            signs_in: account.auth == AuthMethod::OAuth2,
            timeout: options.timeout,
            broken: AtomicBool::new(false),
        })
    }

    /// Connects, secures the connection and logs in, without sending anything.
    pub async fn check(&self) -> Result<(), SendError> {
        let mut slot = self.connection.lock().await;
        let mut connection = self.within(self.timeout, "log in", self.connect()).await?;
        let alive = self
            .within(self.timeout, "log in", async {
                Ok(connection.test_connected().await)
            })
            .await?;
        if alive {
            *slot = Some(connection);
            Ok(())
        } else {
            Err(SendError::new(
                SendErrorKind::Connection,
                format!(
                    "The SMTP server {} closed the connection right after the login.",
                    self.server
                ),
            ))
        }
    }

    /// Sends `message` (a whole RFC 5322 message, as formatted when it was queued) from
    /// `from` to each of `recipients`. The headers are not read: Bcc recipients are simply
    /// in `recipients` and not in the bytes. The time limit is the timeout once per started
    /// MiB of message, so a large attachment on a slow line is not cut off.
    pub async fn send<S: AsRef<str>>(
        &self,
        from: &str,
        recipients: &[S],
        message: &[u8],
    ) -> Result<(), SendError> {
        self.start(from, recipients, message)
            .await?
            .finish(message)
            .await
    }

    /// The first half of a send: the envelope (`MAIL`, `RCPT`) and `DATA`, up to the server's
    /// go-ahead. A failure here means the message was not taken. `message` is only looked at
    /// (for 8-bit content), not sent.
    pub async fn start<S: AsRef<str>>(
        &self,
        from: &str,
        recipients: &[S],
        message: &[u8],
    ) -> Result<Handover<'_>, SendError> {
        let (sender, to) = envelope(from, recipients)?;
        let mut slot = self.connection.lock().await;
        // A kept connection may have been closed by the server while idle: that shows only
        // when it is used, so the envelope is tried once more on a fresh connection.
        let reused = slot.is_some();
        let first = self
            .within(
                self.timeout,
                "send the message",
                self.envelope_on(&mut slot, &sender, &to, message),
            )
            .await;
        match first {
            Ok(()) => Ok(Handover {
                sender: self,
                connection: slot,
                finished: false,
            }),
            Err(err)
                if reused
                    && err.kind == SendErrorKind::Connection
                    && !self.broken.load(Ordering::Relaxed) =>
            {
                self.within(
                    self.timeout,
                    "send the message",
                    self.envelope_on(&mut slot, &sender, &to, message),
                )
                .await?;
                Ok(Handover {
                    sender: self,
                    connection: slot,
                    finished: false,
                })
            }
            Err(err) => Err(err),
        }
    }

    /// Ends the connection politely (QUIT).
    pub async fn close(self) {
        if let Some(mut connection) = self.connection.into_inner() {
            let _ = tokio::time::timeout(self.timeout, connection.quit()).await;
        }
    }

    fn context(&self) -> Context<'_> {
        Context {
            server: &self.server,
            username: &self.username,
            secret: &self.secret,
            signs_in: self.signs_in,
        }
    }
}

impl Handover<'_> {
    /// The second half of a send: the message's bytes and the server's verdict. A refusal
    /// the server states is as plain as before `DATA`; a connection that breaks, or a verdict
    /// that does not come in time, is [`SendErrorKind::Unclear`]: the server may have taken
    /// the message.
    pub async fn finish(mut self, message: &[u8]) -> Result<(), SendError> {
        let sender = self.sender;
        self.finished = true;
        let Some(mut connection) = self.connection.take() else {
            return Err(SendError::new(
                SendErrorKind::Connection,
                "The connection to the SMTP server was lost before the message was sent.",
            ));
        };
        // lettre ends the data with CRLF "." CRLF on its own; the message's last line end
        // is that first CRLF, so the server stores exactly `message`.
        let data = message.strip_suffix(b"\r\n").unwrap_or(message);
        let started_mib = u32::try_from(message.len() / (1 << 20) + 1).unwrap_or(u32::MAX);
        let limit = sender.timeout.saturating_mul(started_mib);
        match tokio::time::timeout(limit, connection.message(data)).await {
            Ok(Ok(_)) => {
                *self.connection = Some(connection);
                Ok(())
            }
            Ok(Err(err)) if err.status().is_some() => {
                *self.connection = Some(connection);
                Err(classify(&err, &sender.context()))
            }
            Ok(Err(err)) => Err(unclear(sender, &redact(&err.to_string(), &sender.secret))),
            Err(_) => {
                sender.broken.store(true, Ordering::Relaxed);
                Err(unclear(
                    sender,
                    &sender
                        .timed_out(limit, "hear whether it took the message")
                        .message,
                ))
            }
        }
    }
}

fn unclear(sender: &SmtpSender, why: &str) -> SendError {
    SendError::new(
        SendErrorKind::Unclear,
        format!(
            "The message was handed to the SMTP server {}, but the connection ended before the \
             server said whether it took it ({why}).",
            sender.server
        ),
    )
}

impl fmt::Debug for SmtpSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSender")
            .field("server", &self.server)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
