//! The SMTP exchanges themselves: connecting and logging in, the envelope up to `DATA`, and
//! the time limit every exchange runs under.

use std::net::Ipv4Addr;
use std::sync::atomic::Ordering;
use std::time::Duration;

use lettre::address::Address;
use lettre::transport::smtp::client::{AsyncSmtpConnection, Tls};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use super::error::classify;
use super::{SendError, SendErrorKind, SmtpSender};

type SmtpResult<T> = Result<T, lettre::transport::smtp::Error>;

// Greets as [127.0.0.1] like common mail programs, so the computer's own name is not handed
// to the provider.
fn hello_name() -> ClientId {
    ClientId::Ipv4(Ipv4Addr::LOCALHOST)
}

impl SmtpSender {
    pub(super) async fn envelope_on(
        &self,
        slot: &mut Option<AsyncSmtpConnection>,
        sender: &Address,
        to: &[Address],
        message: &[u8],
    ) -> SmtpResult<()> {
        let mut connection = match slot.take() {
            Some(connection) if !connection.has_broken() => connection,
            _ => self.connect().await?,
        };
        let mut options = Vec::new();
        if !AsRef::<str>::as_ref(sender).is_ascii()
            || to.iter().any(|a| !AsRef::<str>::as_ref(a).is_ascii())
        {
            options.push(MailParameter::SmtpUtfEight);
        }
        if !message.is_ascii()
            && connection
                .server_info()
                .supports_feature(Extension::EightBitMime)
        {
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        // On any failure the connection is dropped: the next message starts afresh.
        connection
            .command(Mail::new(Some(sender.clone()), options))
            .await?;
        for recipient in to {
            connection
                .command(Rcpt::new(recipient.clone(), Vec::new()))
                .await?;
        }
        connection.command(Data).await?;
        *slot = Some(connection);
        Ok(())
    }

    pub(super) async fn connect(&self) -> SmtpResult<AsyncSmtpConnection> {
        let wrapper = match &self.tls {
            Tls::Wrapper(parameters) => Some(parameters.clone()),
            _ => None,
        };
        let mut connection = AsyncSmtpConnection::connect_tokio1(
            (self.host.as_str(), self.port),
            Some(self.timeout),
            &hello_name(),
            wrapper,
            None,
        )
        .await?;
        if let Tls::Required(parameters) = &self.tls {
            connection
                .starttls(parameters.clone(), &hello_name())
                .await?;
        }
        if let Some((credentials, mechanisms)) = &self.login {
            connection.auth(mechanisms, credentials).await?;
        }
        Ok(connection)
    }

    // The connection is bounded by its timeout only while connecting; a server that stops
    // answering later would hold a Sync forever. After a timeout the connection is out of
    // step with the server, so this sender is not used again.
    pub(super) async fn within<T>(
        &self,
        limit: Duration,
        doing: &str,
        exchange: impl Future<Output = SmtpResult<T>>,
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
                Err(self.timed_out(limit, doing))
            }
        }
    }

    pub(super) fn timed_out(&self, limit: Duration, doing: &str) -> SendError {
        SendError::new(
            SendErrorKind::Connection,
            format!(
                "The SMTP server {} did not answer within {} s while trying to {doing}. \
                 Check the port and the security setting; a port that expects TLS \
                 from the start stays silent otherwise.",
                self.server,
                limit.as_secs()
            ),
        )
    }
}

pub(super) fn envelope<S: AsRef<str>>(
    from: &str,
    recipients: &[S],
) -> Result<(Address, Vec<Address>), SendError> {
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
    if to.is_empty() {
        return Err(SendError::new(
            SendErrorKind::Permanent,
            "The message has no recipients.".to_owned(),
        ));
    }
    Ok((sender, to))
}
