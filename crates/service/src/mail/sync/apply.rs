//! What a received message does. Each runs inside the transaction that also records the
//! message as handled, so a reply is applied exactly once even if Sync stops half-way.

use confab_core::AttentionKind;
use confab_mail::calendar::ItipKind;
use confab_mail::inbound::{Inbound, InboundKind};
use confab_store::entity::{participant, study};
use confab_store::{DatabaseTransaction, Set, attention};

use crate::clock::now_ts;
use crate::{AppError, Confab};

mod calendar_replies;
mod choices;
mod mail_problems;
mod own_words;
mod refusals;
mod staff_reply;
mod tokens;
mod unverified;

use mail_problems::{bounce, mark_problem};

/// What Sync did with one message, as the inbound log keeps it.
pub(crate) struct Applied {
    pub kind: &'static str,
    pub outcome: String,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    /// The researcher has something to look at.
    pub needs_attention: bool,
    /// A choice was booked, held for assignment, or moved the interview (rather than
    /// answered with other times or refused).
    pub took_effect: bool,
}

impl Applied {
    fn done(kind: &'static str, outcome: impl Into<String>) -> Self {
        Self {
            kind,
            outcome: outcome.into(),
            participant_id: None,
            interview_id: None,
            needs_attention: false,
            took_effect: false,
        }
    }

    fn about(mut self, participant: Option<i64>, interview: Option<i64>) -> Self {
        self.participant_id = participant;
        self.interview_id = interview;
        self
    }

    fn attention(mut self) -> Self {
        self.needs_attention = true;
        self
    }

    fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    fn took_effect(mut self) -> Self {
        self.took_effect = true;
        self
    }
}

/// Whom a calendar answer is about, or what became of it when it is about no one.
enum Target {
    Found(
        Box<(
            confab_store::entity::interview::Model,
            participant::Model,
            study::Model,
        )>,
    ),
    Settled(Applied),
}

/// One item for the researcher's "needs attention" list.
struct Flag {
    kind: AttentionKind,
    summary: String,
    study_id: Option<i64>,
    participant_id: Option<i64>,
    interview_id: Option<i64>,
    proposed: Option<(i64, i64)>,
}

async fn flag(txn: &DatabaseTransaction, item: Flag) -> Result<(), AppError> {
    let mut row = attention::new_item(item.kind, item.summary, now_ts());
    row.study_id = Set(item.study_id);
    row.participant_id = Set(item.participant_id);
    row.interview_id = Set(item.interview_id);
    if let Some((start, end)) = item.proposed {
        row.proposed_start = Set(Some(start));
        row.proposed_end = Set(Some(end));
    }
    attention::insert(txn, row).await?;
    Ok(())
}

fn sender(inbound: &Inbound) -> String {
    inbound.from.clone().unwrap_or_default()
}

impl Confab {
    pub(crate) async fn apply_inbound(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
    ) -> Result<Applied, AppError> {
        if let Some(failed) = &inbound.failed_sender_check
            && let Some(held) = self.hold_unverified(txn, inbound, failed).await?
        {
            return Ok(held);
        }
        match &inbound.kind {
            InboundKind::Tokens(found) => self.apply_tokens(txn, inbound, found).await,
            InboundKind::Itip(message) => match message.method {
                ItipKind::Reply => self.apply_calendar_reply(txn, inbound, message).await,
                ItipKind::Counter => self.apply_counter(txn, inbound, message).await,
                _ => Ok(Applied::done(
                    "calendar",
                    "a calendar message that is not an answer; nothing to do",
                )),
            },
            InboundKind::AutoReply => mark_problem(txn, inbound, "auto_reply").await,
            InboundKind::Bounce {
                failed_recipient,
                original_message_id,
            } => {
                bounce(
                    txn,
                    failed_recipient.as_deref(),
                    original_message_id.as_deref(),
                )
                .await
            }
            InboundKind::Unreadable { reason } => {
                let summary = format!(
                    "A message from {} could not be read: {reason}",
                    display_sender(inbound)
                );
                flag(
                    txn,
                    Flag {
                        kind: AttentionKind::Unreadable,
                        summary: summary.clone(),
                        study_id: None,
                        participant_id: None,
                        interview_id: None,
                        proposed: None,
                    },
                )
                .await?;
                Ok(Applied::done("unreadable", summary).attention())
            }
            InboundKind::Other => self.apply_other(txn, inbound).await,
        }
    }
}

fn display_sender(inbound: &Inbound) -> String {
    inbound
        .from
        .clone()
        .unwrap_or_else(|| "an unknown sender".into())
}
