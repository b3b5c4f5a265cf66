//! Reading and filing mail over IMAP: one logged-in session kept open across a Sync, so
//! that SMTP sends and APPENDs to Sent can be interleaved on it.
//!
//! Folder names are used as the server lists them (modified UTF-7 for non-ASCII names);
//! pass back the names that [`ImapSession::sent_folder`] returns, or plain ASCII names
//! such as `INBOX`.

mod connect;
mod error;
mod fetch;
mod filing;
mod folders;
mod stream;

use std::fmt;
use std::future::Future;
use std::time::Duration;

pub use error::{ImapError, ImapErrorKind};
pub use fetch::{Batch, FetchedMessage, MAX_FETCH_BYTES, MailboxPosition};
pub use folders::Flag;

use crate::account::AccountSettings;
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use stream::MailStream;

type Connection = async_imap::Session<MailStream>;

pub struct ImapSession {
    session: Connection,
    server: String,
    timeout: Duration,
    /// Set once a command timed out or the connection broke: the conversation with the
    /// server is out of step, and only a new session can continue.
    broken: bool,
}

impl ImapSession {
    /// Connects, secures the connection and logs in.
    pub async fn connect(
        account: &AccountSettings,
        secret: &Secret,
        options: &ConnectOptions,
    ) -> Result<Self, ImapError> {
        let session = connect::open(account, secret, options).await?;
        Ok(ImapSession {
            session,
            server: account.imap.address(),
            timeout: options.timeout,
            broken: false,
        })
    }

    /// Says goodbye to the server. Dropping the session without it just closes the
    /// connection, which servers accept too.
    pub async fn logout(mut self) -> Result<(), ImapError> {
        if self.broken {
            return Ok(());
        }
        let timeout = self.timeout;
        let result = within(timeout, self.session.logout()).await;
        self.settle(result, "log out")
    }

    /// Runs one exchange with the server under the session's timeout.
    async fn run<T>(
        &mut self,
        doing: &str,
        exchange: impl AsyncFnOnce(&mut Connection) -> async_imap::error::Result<T>,
    ) -> Result<T, ImapError> {
        let timeout = self.timeout;
        self.run_within(timeout, doing, exchange).await
    }

    /// Runs one exchange with the server under `timeout`.
    async fn run_within<T>(
        &mut self,
        timeout: Duration,
        doing: &str,
        exchange: impl AsyncFnOnce(&mut Connection) -> async_imap::error::Result<T>,
    ) -> Result<T, ImapError> {
        if self.broken {
            return Err(ImapError::new(
                ImapErrorKind::Connection,
                format!(
                    "The connection to the IMAP server {} was lost earlier; connect again to \
                     {doing}.",
                    self.server
                ),
            ));
        }
        let result = within(timeout, exchange(&mut self.session)).await;
        self.settle_within(result, doing, timeout)
    }

    fn settle<T>(&mut self, result: Outcome<T>, doing: &str) -> Result<T, ImapError> {
        let timeout = self.timeout;
        self.settle_within(result, doing, timeout)
    }

    fn settle_within<T>(
        &mut self,
        result: Outcome<T>,
        doing: &str,
        timeout: Duration,
    ) -> Result<T, ImapError> {
        let err = match result {
            Outcome::Done(Ok(value)) => return Ok(value),
            Outcome::Done(Err(err)) => ImapError::from_imap(err, &self.server, doing),
            Outcome::TimedOut => ImapError::timed_out(&self.server, doing, timeout.as_secs()),
        };
        if err.kind == ImapErrorKind::Connection {
            self.broken = true;
        }
        Err(err)
    }
}

enum Outcome<T> {
    Done(async_imap::error::Result<T>),
    TimedOut,
}

async fn within<T>(
    timeout: Duration,
    exchange: impl Future<Output = async_imap::error::Result<T>>,
) -> Outcome<T> {
    match tokio::time::timeout(timeout, exchange).await {
        Ok(result) => Outcome::Done(result),
        Err(_) => Outcome::TimedOut,
    }
}

impl fmt::Debug for ImapSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImapSession")
            .field("server", &self.server)
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}
