//! Reading the inbox: new messages by UID since the last Sync, handled a few at a time in one
//! transaction with the records that they were handled and the new reading position. A
//! message that cannot be applied is undone alone and set aside for the researcher, and
//! reading goes on past it.
//!
//! A mailbox read for the first time is read from its end as it is when the account is
//! connected, or from the day the researcher chose: old mail is never taken for answers. A
//! mailbox the server renumbered (its UIDVALIDITY changed) goes on from its new end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use confab_mail::imap::{FetchedMessage, ImapSession, MAX_FETCH_BYTES, MailboxPosition};
use confab_mail::inbound::{Inbound, InboundKind, interpret};
use confab_store::{DatabaseConnection, DatabaseTransaction, begin_write, inbound, outbox};

use super::{INBOX, SyncProgress, SyncReport};
use crate::clock::now_ts;
use crate::mail::read_once::{self, Kept};
use crate::{AppError, Confab, ErrorCode};

/// Messages fetched per round trip: enough to be quick, few enough to bound memory.
const BATCH: usize = 50;

/// How long the messages handled since the last commit may wait for the next one. A commit
/// for several answers saves a write to disk for each; the bound keeps the write lock (the
/// team database's too, which every lab member's change waits for) from being held long.
const GROUP_FOR: Duration = Duration::from_millis(100);

const RENUMBERED: &str = "The server renumbered your inbox (its UIDVALIDITY changed), so Confab cannot tell old messages from new ones there: reading goes on with what arrives from now on. Answers that arrived since the last Sync may not have been read; look for them in your mail program, or set \"Read mail received since\" in Settings → Mail to read them again.";

impl Confab {
    /// Settles where this Sync reads the inbox from: where the last one stopped; for a
    /// mailbox read for the first time (or after the account or its "read since" day
    /// changed), its end now, or the first message received on `since` or later; for a
    /// renumbered mailbox, its end now.
    pub(super) async fn reading_start(
        &self,
        imap: &mut ImapSession,
        since: Option<NaiveDate>,
        report: &mut SyncReport,
    ) -> Result<(), AppError> {
        let mail = |e: confab_mail::imap::ImapError| AppError::new(ErrorCode::Mail, e.message);
        let stored = inbound::position(&self.db, INBOX).await?;
        let start = match (stored, since) {
            (Some((uid_validity, _)), _) => {
                let end = imap.mailbox_end(INBOX).await.map_err(mail)?;
                if end.uid_validity == uid_validity {
                    return Ok(());
                }
                report.warnings.push(RENUMBERED.into());
                end
            }
            (None, Some(day)) => imap.position_since(INBOX, day).await.map_err(mail)?,
            (None, None) => imap.mailbox_end(INBOX).await.map_err(mail)?,
        };
        inbound::set_position(&self.db, INBOX, start.uid_validity, start.last_uid).await?;
        Ok(())
    }

    pub(super) async fn read_inbox(
        &self,
        imap: &mut ImapSession,
        sent_folder: Option<&str>,
        report: &mut SyncReport,
        progress: &mut impl FnMut(SyncProgress),
    ) -> Result<(), AppError> {
        let mut position =
            inbound::position(&self.db, INBOX)
                .await?
                .map(|(uid_validity, last_uid)| MailboxPosition {
                    uid_validity,
                    last_uid,
                });
        let mut done = 0_u32;
        loop {
            let batch = imap
                .fetch_new(INBOX, position, BATCH)
                .await
                .map_err(|e| AppError::new(ErrorCode::Mail, e.message))?;
            let total =
                done + u32::try_from(batch.messages.len() + batch.remaining).unwrap_or(u32::MAX);
            progress(SyncProgress::Reading { done, total });
            if batch.restarted {
                report.warnings.push(RENUMBERED.into());
            }
            let mut own_copies: Vec<(u32, String)> = Vec::new();
            let mut group: Option<Group> = None;
            for message in &batch.messages {
                // Read before the write lock is taken: parsing needs no database.
                let inbound = if message.oversized {
                    oversized(message)
                } else {
                    interpret(&message.bytes)
                };
                let open = match group.take() {
                    Some(open) => open,
                    None => Group::begin(&self.db).await?,
                };
                let own = read_once::within(
                    &open.kept,
                    self.handle_in(
                        &open.txn,
                        (batch.uid_validity, message.uid),
                        inbound,
                        report,
                    ),
                )
                .await?;
                if let Some(id) = own {
                    own_copies.push((message.uid, id));
                }
                let open = open.handled(message.uid);
                if open.is_due() {
                    open.commit(batch.uid_validity).await?;
                } else {
                    group = Some(open);
                }
                done += 1;
                progress(SyncProgress::Reading { done, total });
            }
            if let Some(open) = group {
                open.commit(batch.uid_validity).await?;
            }
            // Filed once per batch: a few commands for all of them rather than several for
            // each. A Sync cut off before this leaves those copies in the inbox: only copies.
            if let Some(sent) = sent_folder {
                let copies: Vec<(u32, &str)> = own_copies
                    .iter()
                    .map(|(uid, id)| (*uid, id.as_str()))
                    .collect();
                imap.file_copies(INBOX, sent, &copies)
                    .await
                    .map_err(|e| AppError::new(ErrorCode::Mail, e.message))?;
            }
            if batch.messages.is_empty() {
                inbound::set_position(
                    &self.db,
                    INBOX,
                    batch.position.uid_validity,
                    batch.position.last_uid,
                )
                .await?;
            }
            position = Some(batch.position);
            if batch.remaining == 0 || batch.messages.is_empty() {
                return Ok(());
            }
        }
    }

    /// Handles one message in a transaction of its own; returns its Message-ID when it is
    /// Confab's own copy of something it sent.
    pub(super) async fn handle(
        &self,
        uid_validity: u32,
        uid: u32,
        bytes: &[u8],
        report: &mut SyncReport,
    ) -> Result<Option<String>, AppError> {
        let message = interpret(bytes);
        let open = Group::begin(&self.db).await?;
        let own = self
            .handle_in(&open.txn, (uid_validity, uid), message, report)
            .await?;
        open.handled(uid).commit(uid_validity).await?;
        Ok(own)
    }

    /// Handles one message inside `txn`, which the caller commits with the new reading
    /// position; returns its Message-ID when it is Confab's own copy of something it sent.
    async fn handle_in(
        &self,
        txn: &DatabaseTransaction,
        (uid_validity, uid): (u32, u32),
        message: Inbound,
        report: &mut SyncReport,
    ) -> Result<Option<String>, AppError> {
        let key = message
            .message_id
            .clone()
            .unwrap_or_else(|| format!("{INBOX}/{uid_validity}/{uid}"));
        let arrival = inbound::arrival(txn, message.message_id.as_deref(), &key).await?;
        if let Some(id) = &message.message_id
            && let Some((own, state)) = arrival.own
        {
            // The researcher's copy of a message whose sending was cut off: the server took
            // it, so it went out.
            if state == outbox::UNKNOWN {
                outbox::mark_sent(txn, own, now_ts()).await?;
            }
            return Ok(Some(id.clone()));
        }
        report.read += 1;
        if !arrival.seen {
            let applied = self.apply_alone(txn, &message).await?;
            confab_store::crash_point("applied");
            let from = message.from.clone().unwrap_or_default();
            if applied.needs_attention {
                report.needs_attention += 1;
            } else if applied.participant_id.is_some() {
                report.applied += 1;
            }
            report.actions.push(format!(
                "{}: {}",
                if from.is_empty() {
                    "(no sender)"
                } else {
                    &from
                },
                applied.outcome
            ));
            let mut row = inbound::new_row(
                key,
                from,
                message.subject.clone().unwrap_or_default(),
                applied.kind,
                applied.outcome,
                now_ts(),
            );
            row.participant_id = confab_store::Set(applied.participant_id);
            row.interview_id = confab_store::Set(applied.interview_id);
            inbound::insert(txn, row).await?;
        }
        Ok(None)
    }
}

/// Messages handled in one transaction, committed with the reading position after the last
/// of them. A crash before the commit undoes them all, and the next Sync reads them again.
struct Group {
    txn: DatabaseTransaction,
    /// The mail profile and templates, read once for all of them.
    kept: Arc<Kept>,
    opened: Instant,
    last_uid: Option<u32>,
}

impl Group {
    async fn begin(db: &DatabaseConnection) -> Result<Self, AppError> {
        Ok(Self {
            txn: begin_write(db).await?,
            kept: Arc::default(),
            opened: Instant::now(),
            last_uid: None,
        })
    }

    fn handled(mut self, uid: u32) -> Self {
        self.last_uid = Some(uid);
        self
    }

    fn is_due(&self) -> bool {
        self.opened.elapsed() >= GROUP_FOR
    }

    async fn commit(self, uid_validity: u32) -> Result<(), AppError> {
        if let Some(uid) = self.last_uid {
            inbound::set_position(&self.txn, INBOX, uid_validity, uid).await?;
        }
        confab_store::crash_point("before_commit_reply");
        self.txn.commit().await?;
        Ok(())
    }
}

/// A message too large to download, read from the start of its header: it is set aside for
/// the researcher to open in their mail program.
fn oversized(message: &FetchedMessage) -> Inbound {
    // The header's start, with the blank line that ends a header, reads as a message
    // without a body.
    let mut head = message.bytes.clone();
    head.extend_from_slice(b"\r\n\r\n");
    let mut inbound = interpret(&head);
    inbound.own_words.clear();
    inbound.kind = InboundKind::Unreadable {
        reason: format!(
            "it is {} MB, and Sync does not download messages over {} MB; open it in your mail program",
            message.size.div_ceil(1024 * 1024),
            MAX_FETCH_BYTES / (1024 * 1024)
        ),
    };
    inbound
}
