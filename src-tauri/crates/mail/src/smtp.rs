//! Sending finished messages (the bytes the outbox keeps) over SMTP, with an explicit
//! envelope, through one pooled connection that stays open across a Sync.

mod error;

use std::fmt;
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use lettre::address::{Address, Envelope};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::Tls;
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::{AsyncSmtpTransport, PoolConfig};
use lettre::{AsyncTransport, Tokio1Executor};

pub use error::{SendError, SendErrorKind};

use crate::account::{AccountSettings, AuthMethod, Security};
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use error::{Context, classify};

/// An SMTP client for one account. Build it once per Sync and send every message through
/// it: the connection is opened on the first send and reused for the next ones.
///
/// Build and drop it inside a Tokio runtime (the pool keeps a background task); or call
/// [`SmtpSender::close`] to say goodbye to the server first.
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    server: String,
    username: String,
    secret: Secret,
    signs_in: bool,
    timeout: Duration,
    broken: AtomicBool,
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
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .timeout(Some(options.timeout))
            // Greets as [127.0.0.1] like common mail programs, so the computer's own name
            // is not handed to the provider.
            .hello_name(ClientId::Ipv4(Ipv4Addr::LOCALHOST))
            .pool_config(
                PoolConfig::new()
                    .max_size(2)
                    .idle_timeout(Duration::from_secs(60)),
            );
        builder = match smtp.security {
            Security::Tls | Security::StartTls => {
                let parameters = options
                    .trust
                    .lettre_tls(&smtp.host)
                    .map_err(|err| classify(&err, &context))?;
                builder.tls(if smtp.security == Security::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                })
            }
            Security::Plain => builder.tls(Tls::None),
        };
        if account.smtp_login {
            let mechanisms = match account.auth {
                AuthMethod::Password => vec![Mechanism::Plain, Mechanism::Login],
                AuthMethod::OAuth2 => vec![Mechanism::Xoauth2],
            };
            builder = builder
                .credentials(Credentials::new(
                    account.username.clone(),
                    secret.expose().to_owned(),
                ))
                .authentication(mechanisms);
        }
        Ok(SmtpSender {
            transport: builder.build(),
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
        let checked = self
            .within(self.timeout, "log in", self.transport.test_connection())
            .await?;
        if checked {
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
        let envelope = envelope(from, recipients)?;
        // lettre ends the data with CRLF "." CRLF on its own; the message's last line end
        // is that first CRLF, so the server stores exactly `message`.
        let data = message.strip_suffix(b"\r\n").unwrap_or(message);
        let started_mib = u32::try_from(message.len() / (1 << 20) + 1).unwrap_or(u32::MAX);
        let limit = self.timeout.saturating_mul(started_mib);
        self.within(
            limit,
            "send the message",
            self.transport.send_raw(&envelope, data),
        )
        .await
        .map(drop)
    }

    // lettre bounds only the TCP connect by its timeout; a server that stops answering
    // later would hold a Sync forever. After a timeout the pooled connection is out of
    // step with the server, so this sender is not used again.
    async fn within<T>(
        &self,
        limit: Duration,
        doing: &str,
        exchange: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
    ) -> Result<T, SendError> {
        if self.broken.load(Ordering::Relaxed) {
            return Err(SendError::new(
                SendErrorKind::Connection,
                format!(
                    "The SMTP server {} stopped answering earlier; the message will be sent at \
                     the next Sync.",
                    self.server
                ),
            ));
        }
        match tokio::time::timeout(limit, exchange).await {
            Ok(result) => result.map_err(|err| classify(&err, &self.context())),
            Err(_) => {
                self.broken.store(true, Ordering::Relaxed);
                Err(SendError::new(
                    SendErrorKind::Connection,
                    format!(
                        "The SMTP server {} did not answer within {} s while trying to {doing}. \
                         Check the port and the security setting; a port that expects TLS \
                         from the start stays silent otherwise.",
                        self.server,
                        limit.as_secs()
                    ),
                ))
            }
        }
    }

    /// Ends the pooled connections politely (QUIT) and stops the pool's task.
    pub async fn close(self) {
        self.transport.shutdown().await;
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

impl fmt::Debug for SmtpSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSender")
            .field("server", &self.server)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

fn envelope<S: AsRef<str>>(from: &str, recipients: &[S]) -> Result<Envelope, SendError> {
    let invalid = |what: &str, address: &str| {
        SendError::new(
            SendErrorKind::Permanent,
            format!("The {what} \"{address}\" is not a valid email address."),
        )
    };
    let sender: Address = from.parse().map_err(|_| invalid("sender", from))?;
    let to = recipients
        .iter()
        .map(|recipient| {
            let recipient = recipient.as_ref();
            recipient
                .parse::<Address>()
                .map_err(|_| invalid("recipient", recipient))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Envelope::new(Some(sender), to).map_err(|_| {
        SendError::new(
            SendErrorKind::Permanent,
            "The message has no recipients.".to_owned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::ServerSettings;

    fn account(host: &str, security: Security) -> AccountSettings {
        AccountSettings {
            display_name: "Ada".into(),
            address: "ada@example.org".into(),
            username: "ada".into(),
            auth: AuthMethod::Password,
            smtp: ServerSettings::new(host, 2525, security),
            smtp_login: true,
            imap: ServerSettings::new("imap.example.org", 993, Security::Tls),
        }
    }

    #[tokio::test]
    async fn plain_to_a_remote_host_is_refused_before_connecting() {
        let err = SmtpSender::new(
            &account("smtp.example.org", Security::Plain),
            &Secret::new("pw"),
            &ConnectOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.kind, SendErrorKind::Permanent);
        assert!(
            err.message
                .contains("only allowed to a server on this computer")
        );
    }

    #[test]
    fn a_bad_envelope_names_the_address() {
        let err = envelope("ada@example.org", &["not an address"]).unwrap_err();
        assert_eq!(err.kind, SendErrorKind::Permanent);
        assert!(err.message.contains("\"not an address\""), "{err}");
        assert!(envelope::<&str>("ada@example.org", &[]).is_err());
    }

    #[tokio::test]
    async fn debug_shows_no_secret() {
        let sender = SmtpSender::new(
            &account("localhost", Security::Plain),
            &Secret::new("hunter2-secret"),
            &ConnectOptions::default(),
        )
        .unwrap();
        assert!(!format!("{sender:?}").contains("hunter2"));
    }
}
