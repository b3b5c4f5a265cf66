//! Reminders: a study that sets "remind N hours before" gets a reminder queued for each
//! scheduled interview once it is that close, and only once.

use confab_core::OutboxKind;
use confab_mail::template::MessageKind;

use crate::clock::now_ts;
use crate::mail::compose::queue_interview_mail;
use crate::transaction::in_transaction;
use crate::{AppError, Confab};

impl Confab {
    /// Queues the reminders that are due now; Sync calls it before sending. Returns how many.
    pub async fn queue_due_reminders(&self) -> Result<u32, AppError> {
        let due = confab_store::interviews::needing_reminder(
            &self.db,
            now_ts(),
            OutboxKind::Reminder.key(),
        )
        .await?;
        if due.is_empty() {
            return Ok(0);
        }
        in_transaction(&self.db, async |txn| {
            for row in &due {
                queue_interview_mail(txn, row, MessageKind::Reminder).await?;
            }
            Ok(u32::try_from(due.len()).unwrap_or(u32::MAX))
        })
        .await
    }
}
