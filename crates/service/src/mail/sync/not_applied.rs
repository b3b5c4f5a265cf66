//! A received message that could not be applied: its changes are undone, and it goes on the
//! researcher's list with the reason, so that one message never stops the messages after it.

use confab_core::AttentionKind;
use confab_mail::inbound::Inbound;
use confab_store::{DatabaseTransaction, Set, TransactionTrait, attention, participants};

use super::apply::Applied;
use crate::clock::now_ts;
use crate::{AppError, Confab};

impl Confab {
    /// Applies `message` in a savepoint of `txn`. When applying fails, everything it did is
    /// rolled back and the message is recorded as not applied instead.
    pub(super) async fn apply_alone(
        &self,
        txn: &DatabaseTransaction,
        message: &Inbound,
    ) -> Result<Applied, AppError> {
        let savepoint = txn.begin().await?;
        match self.apply_inbound(&savepoint, message).await {
            Ok(applied) => {
                savepoint.commit().await?;
                Ok(applied)
            }
            Err(error) => {
                savepoint.rollback().await?;
                set_aside(txn, message, &error).await
            }
        }
    }
}

async fn set_aside(
    txn: &DatabaseTransaction,
    message: &Inbound,
    error: &AppError,
) -> Result<Applied, AppError> {
    let sender = message.from.as_deref().unwrap_or("an unknown sender");
    let person = match &message.from {
        Some(address) => participants::find_by_email(txn, address).await?,
        None => None,
    };
    let subject: String = message
        .subject
        .as_deref()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    let summary = format!(
        "The message from {sender} (\"{subject}\") could not be applied, so nothing in it was changed: {} Read it in your mail program and act on it by hand.",
        error.message
    );
    let mut row = attention::new_item(AttentionKind::NotApplied, summary.clone(), now_ts());
    row.participant_id = Set(person.as_ref().map(|p| p.id));
    attention::insert(txn, row).await?;
    Ok(Applied {
        kind: AttentionKind::NotApplied.key(),
        outcome: summary,
        participant_id: person.map(|p| p.id),
        interview_id: None,
        needs_attention: true,
        took_effect: false,
    })
}
