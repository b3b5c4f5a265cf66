//! A message whose sender check failed at the researcher's provider: held for the
//! researcher, never applied or answered.

use confab_core::AttentionKind;
use confab_mail::inbound::{Inbound, InboundKind};
use confab_store::{DatabaseTransaction, Set, attention, enrolments, participants, tokens};

use super::{Applied, display_sender, sender};
use crate::clock::{from_ts, now_ts};
use crate::mail::attention::ReplyCandidate;
use crate::{AppError, Confab};

impl Confab {
    /// A message that would act (a code, a calendar answer, a participant's answer in their
    /// own words) whose sender check failed at the researcher's provider: it may be forged,
    /// so it is not applied, and not answered, but put to the researcher, with the times it
    /// chose to book with one click if they know it is genuine.
    pub(super) async fn hold_unverified(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        failed: &str,
    ) -> Result<Option<Applied>, AppError> {
        let from = sender(inbound);
        let writer = participants::find_by_email(txn, &from).await?;
        let mut candidates: Vec<ReplyCandidate> = Vec::new();
        let mut owner = writer.as_ref().map(|p| p.id);
        let mut study_id = None;
        let what = match &inbound.kind {
            InboundKind::Tokens(found) => {
                let rows = tokens::find_all(txn, found).await?;
                for code in found {
                    let hashed = tokens::hash(code);
                    let Some(row) = rows.iter().find(|r| r.token == hashed) else {
                        continue;
                    };
                    let Some(enrolment) = enrolments::find_by_id(txn, row.enrolment_id).await?
                    else {
                        continue;
                    };
                    owner = owner.or(Some(enrolment.participant_id));
                    study_id = study_id.or(Some(enrolment.study_id));
                    // Only the sender's own offer is bookable here, as it would be by their
                    // click; someone else's code is refused even from a confirmed sender.
                    let senders_own = writer
                        .as_ref()
                        .is_some_and(|w| w.id == enrolment.participant_id);
                    if let (Some(start), None, true, true) = (
                        row.starts_at,
                        row.used_at,
                        row.kind == "choice",
                        senders_own,
                    ) {
                        candidates.push(ReplyCandidate {
                            token: row.token.clone(),
                            start: from_ts(start),
                        });
                    }
                }
                "a message with Confab's codes"
            }
            InboundKind::Itip(_) => "a calendar answer",
            InboundKind::Other if writer.is_some() => "a message",
            _ => return Ok(None),
        };
        let next = if candidates.is_empty() {
            "If they really sent it, do by hand what it asks; otherwise dismiss this."
        } else {
            "If they really sent it, book the time they chose below; otherwise dismiss this."
        };
        let summary = format!(
            "{what} from {} was not applied: your mail provider's sender check failed ({failed}), so it may not be from them. {next}",
            display_sender(inbound)
        );
        let summary = capitalised(&summary);
        let mut row =
            attention::new_item(AttentionKind::SenderUnverified, summary.clone(), now_ts());
        row.study_id = Set(study_id);
        row.participant_id = Set(owner);
        row.candidates = Set(serde_json::to_string(&candidates)
            .map_err(|e| AppError::new(crate::ErrorCode::Internal, e.to_string()))?);
        attention::insert(txn, row).await?;
        Ok(Some(
            Applied::done("sender_unverified", summary)
                .about(owner, None)
                .attention(),
        ))
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
