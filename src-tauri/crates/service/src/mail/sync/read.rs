//! Reading the inbox: new messages by UID since the last Sync, each handled in one
//! transaction with the record that it was handled and the new reading position. A message
//! that cannot be applied is undone alone and set aside for the researcher, and reading goes
//! on past it.

use confab_mail::imap::{ImapSession, MailboxPosition};
use confab_mail::inbound::interpret;
use confab_store::{begin_write, inbound, outbox};

use super::{INBOX, SyncProgress, SyncReport};
use crate::clock::now_ts;
use crate::{AppError, Confab, ErrorCode};

/// Messages fetched per round trip: enough to be quick, few enough to bound memory.
const BATCH: usize = 50;

impl Confab {
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
                report.warnings.push(
                    "The server renumbered your inbox (its UIDVALIDITY changed), so it was read again from the start; messages handled before were recognised and skipped.".into(),
                );
            }
            for message in &batch.messages {
                let own = self
                    .handle(batch.uid_validity, message.uid, &message.bytes, report)
                    .await?;
                if let (Some(id), Some(sent)) = (own, sent_folder) {
                    file_own_copy(imap, sent, message.uid, &id).await?;
                }
                done += 1;
                progress(SyncProgress::Reading { done, total });
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

    /// Handles one message; returns its Message-ID when it is Confab's own copy of
    /// something it sent.
    pub(super) async fn handle(
        &self,
        uid_validity: u32,
        uid: u32,
        bytes: &[u8],
        report: &mut SyncReport,
    ) -> Result<Option<String>, AppError> {
        let message = interpret(bytes);
        let key = message
            .message_id
            .clone()
            .unwrap_or_else(|| format!("{INBOX}/{uid_validity}/{uid}"));
        let txn = begin_write(&self.db).await?;
        if let Some(id) = &message.message_id
            && let Some(own) = outbox::find_by_message_id(&txn, id).await?
        {
            // The researcher's copy of a message whose sending was cut off: the server took
            // it, so it went out.
            if own.state == outbox::UNKNOWN {
                outbox::mark_sent(&txn, own.id, now_ts()).await?;
            }
            inbound::set_position(&txn, INBOX, uid_validity, uid).await?;
            txn.commit().await?;
            return Ok(Some(id.clone()));
        }
        report.read += 1;
        if !inbound::seen(&txn, &key).await? {
            let applied = self.apply_alone(&txn, &message).await?;
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
            inbound::insert(&txn, row).await?;
        }
        inbound::set_position(&txn, INBOX, uid_validity, uid).await?;
        confab_store::crash_point("before_commit_reply");
        txn.commit().await?;
        Ok(None)
    }
}

/// Moves the researcher's copy of a sent message from the inbox to Sent, or drops it where
/// the provider filed one in Sent by itself.
async fn file_own_copy(
    imap: &mut ImapSession,
    sent: &str,
    uid: u32,
    message_id: &str,
) -> Result<(), AppError> {
    let mail = |e: confab_mail::imap::ImapError| AppError::new(ErrorCode::Mail, e.message);
    if imap
        .contains_message_id(sent, message_id)
        .await
        .map_err(mail)?
    {
        imap.remove_message(INBOX, uid).await.map_err(mail)
    } else {
        imap.move_message(INBOX, uid, sent).await.map_err(mail)
    }
}
