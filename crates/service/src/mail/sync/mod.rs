//! Sync: sends the outbox through the researcher's SMTP server and reads the replies from
//! their IMAP inbox. Each message goes out once, and each reply is applied once, even when a
//! Sync is cut off half-way and run again.

mod apply;
mod calendars;
mod not_applied;
mod read;
mod reminders;
mod send;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use confab_mail::account::{AccountSettings, AuthMethod};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::credentials::Secret;
use confab_mail::imap::ImapSession;
use confab_mail::oauth::connect::{OAuthLoginError, imap_session};
use confab_mail::smtp::SmtpSender;
use serde::Serialize;
use ts_rs::TS;

use confab_store::sync_lease;

use super::profile::{load_profile, login_secret, oauth_error};
use crate::clock::now_ts;
use crate::{AppError, Confab, ErrorCode};

pub use send::UNKNOWN_WINDOW_HOURS;

/// How long a Sync's lease lasts unless renewed, and how often a running Sync renews it. A
/// Sync that dies leaves the lease to expire after at most this long (at once when it ran on
/// this computer and its process is gone).
const LEASE_SECONDS: i64 = 60;
const RENEW_EVERY_SECONDS: u64 = 15;

/// Where a running Sync is, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "phase", rename_all = "camelCase")]
pub enum SyncProgress {
    Connecting,
    Sending { done: u32, total: u32 },
    Reading { done: u32, total: u32 },
    Finished,
}

/// What a Sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub sent: u32,
    /// Messages the server refused for good; they stay in the outbox as failed.
    pub failed: u32,
    /// Messages left for a later Sync after a temporary failure.
    pub deferred: u32,
    /// Messages whose data reached the server without a verdict: they may have gone out.
    /// Sync looks for the researcher's copy of each and sends it again only if none turns
    /// up within a day.
    pub unclear: u32,
    pub read: u32,
    /// Replies that changed something: a booking, a cancellation, a decline.
    pub applied: u32,
    /// Items added to the researcher's list.
    pub needs_attention: u32,
    /// Problems that did not stop the Sync, worded for the researcher.
    pub warnings: Vec<String>,
    /// One line per reply handled, e.g. "ada@example.org: booked their first choice".
    pub actions: Vec<String>,
    /// Interviewers whose busy times were read from their calendars.
    pub calendars_read: u32,
    /// Interviews written into (or updated in) the researcher's calendar.
    pub calendar_written: u32,
    /// Canceled interviews removed from it.
    pub calendar_removed: u32,
}

/// How Sync gets the account's secret.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// Given by a headless caller (a scheduled `confab sync`); otherwise the OS keyring.
    pub password: Option<String>,
    /// Connection timeouts and trusted certificates; the default trusts the public roots.
    pub connect: ConnectOptions,
    /// The calendar account's password, for a headless caller; otherwise the OS keyring.
    pub calendar_password: Option<String>,
}

pub(crate) const INBOX: &str = "INBOX";

/// The Syncs running in this process, by lease owner.
static RUNNING: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn running_here(owner: &str) -> bool {
    RUNNING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .any(|o| o == owner)
}

/// A Sync of this process while it runs: when it ends, or its caller drops it half-way, its
/// lease stops being renewed and is known to be free.
struct Running {
    owner: String,
    renewer: Option<tokio::task::JoinHandle<()>>,
}

impl Running {
    fn new(owner: String) -> Self {
        RUNNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(owner.clone());
        Running {
            owner,
            renewer: None,
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(renewer) = self.renewer.take() {
            renewer.abort();
        }
        RUNNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|o| o != &self.owner);
    }
}

/// An IMAP session, and the secret that logged it in, for SMTP. An account that signs in
/// gets its access token renewed when due, and once more if the server refuses it.
async fn log_in(
    account: &AccountSettings,
    password: Option<String>,
    connect: &ConnectOptions,
) -> Result<(ImapSession, Secret), AppError> {
    let mail_error = |message: String| AppError::new(ErrorCode::Mail, message);
    if account.auth == AuthMethod::OAuth2 && password.is_none() {
        return imap_session(account, connect)
            .await
            .map_err(|err| match err {
                OAuthLoginError::Token(err) => oauth_error(err),
                OAuthLoginError::Imap(err) => mail_error(err.message),
            });
    }
    let secret = login_secret(account, password, connect.timeout).await?;
    let imap = ImapSession::connect(account, &secret, connect)
        .await
        .map_err(|e| mail_error(e.message))?;
    Ok((imap, secret))
}

impl Confab {
    /// Sends what is due in the outbox, reads new mail and applies the replies, then sends
    /// what those replies queued (confirmations, answers). One Sync runs at a time on a
    /// database: another that is started meanwhile (another window, `confab sync`) is
    /// refused with [`ErrorCode::SyncRunning`].
    pub async fn sync(
        &self,
        options: SyncOptions,
        progress: impl FnMut(SyncProgress),
    ) -> Result<SyncReport, AppError> {
        let owner = sync_lease::owner_name(&uuid::Uuid::new_v4().simple().to_string());
        // A lease of this process whose Sync is no longer running (its caller dropped it
        // half-way) is given back at once.
        let this_process = sync_lease::this_process();
        if let Some(held) = sync_lease::holder(&self.db).await?
            // Only where this computer's name is known: the process id alone is not enough.
            && !this_process.starts_with('/')
            && held.owner.starts_with(&this_process)
            && !running_here(&held.owner)
        {
            sync_lease::release(&self.db, &held.owner).await?;
        }
        let mut running = Running::new(owner.clone());
        if sync_lease::take(&self.db, &owner, now_ts(), LEASE_SECONDS)
            .await?
            .is_err()
        {
            return Err(AppError::new(
                ErrorCode::SyncRunning,
                "A Sync is already running on this database (in another window or a `confab \
                 sync`). Wait for it to finish; there is nothing to do twice.",
            ));
        }
        let lost = Arc::new(AtomicBool::new(false));
        let renewer = {
            let db = self.db.clone();
            let owner = owner.clone();
            let lost = lost.clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(RENEW_EVERY_SECONDS)).await;
                    match sync_lease::renew(&db, &owner, now_ts(), LEASE_SECONDS).await {
                        Ok(true) => {}
                        Ok(false) => {
                            lost.store(true, Ordering::SeqCst);
                            return;
                        }
                        // A busy database: the next round tries again before the lease ends.
                        Err(_) => {}
                    }
                }
            })
        };
        running.renewer = Some(renewer);
        let result = self.sync_holding(options, progress, &owner, &lost).await;
        drop(running);
        let _ = sync_lease::release(&self.db, &owner).await;
        result
    }

    async fn sync_holding(
        &self,
        options: SyncOptions,
        mut progress: impl FnMut(SyncProgress),
        owner: &str,
        lease_lost: &AtomicBool,
    ) -> Result<SyncReport, AppError> {
        let profile = load_profile(&self.db).await?;
        let account = profile.account_settings()?;
        progress(SyncProgress::Connecting);
        let mut report = SyncReport::default();
        self.queue_due_reminders().await?;
        self.expire_waitlist_offers().await?;
        // Busy times first, so that the replies read below are judged against them.
        let calendar = self.read_calendars(&options, &mut report).await?;
        // IMAP logs in first: an account that must sign in again stops here, before
        // anything is sent.
        let (mut imap, secret) = log_in(&account, options.password, &options.connect).await?;
        // Where reading starts is settled before anything is sent, so that a quick answer to
        // this Sync's own messages is read as new.
        let read_since = match &profile.account {
            Some(account) => account.read_since_date()?,
            None => None,
        };
        self.reading_start(&mut imap, read_since, &mut report)
            .await?;
        let smtp = SmtpSender::new(&account, &secret, &options.connect)
            .map_err(|e| AppError::new(ErrorCode::Mail, e.message))?;
        let sent_folder = imap
            .sent_folder()
            .await
            .map_err(|e| AppError::new(ErrorCode::Mail, e.message))?;
        if sent_folder.is_none() {
            report.warnings.push(
                "Your mailbox has no Sent folder, so sent mail is not filed and an interrupted Sync cannot check what already went out.".into(),
            );
        }
        let mut outgoing = send::Outgoing {
            smtp: &smtp,
            imap: &mut imap,
            sent_folder: sent_folder.as_deref(),
            from: &account.address,
            profile: &profile,
            owner,
            lease_lost,
        };
        self.send_due(&mut outgoing, &mut report, &mut progress)
            .await?;
        self.read_inbox(
            outgoing.imap,
            outgoing.sent_folder,
            &mut report,
            &mut progress,
        )
        .await?;
        // Replies queue confirmations and answers: they go out in the same Sync.
        self.send_due(&mut outgoing, &mut report, &mut progress)
            .await?;
        let _ = imap.logout().await;
        smtp.close().await;
        if let Some(account) = &calendar {
            self.write_calendars(account, &mut report).await?;
        }
        // The studies' calendar files follow what this Sync booked, moved and canceled.
        if let Err(e) = self.write_calendar_files().await {
            report.warnings.push(e.message);
        }
        let waiting =
            confab_store::outbox::count_in(&self.db, &[confab_store::outbox::UNKNOWN]).await?;
        report.unclear = u32::try_from(waiting).unwrap_or(u32::MAX);
        if waiting > 0 {
            report.warnings.push(format!(
                "{waiting} message(s) may or may not have gone out: the connection to your mail server broke after the message was handed over. Confab looks for your copy of each at every Sync and sends one again only if no copy turns up within {UNKNOWN_WINDOW_HOURS} hours, so that nobody gets it twice."
            ));
        }
        progress(SyncProgress::Finished);
        Ok(report)
    }
}

impl Confab {
    /// Applies one received message as Sync would after reading it from the inbox, without a
    /// mail server: for tests that follow many participants through many replies. It moves
    /// the inbox reading position, so never use it on a database that also syncs for real.
    #[doc(hidden)]
    pub async fn receive_message(&self, bytes: &[u8]) -> Result<SyncReport, AppError> {
        let mut report = SyncReport::default();
        let uid = confab_store::inbound::position(&self.db, INBOX)
            .await?
            .map_or(1, |(_, last)| last.saturating_add(1));
        self.handle(0, uid, bytes, &mut report).await?;
        Ok(report)
    }
}
