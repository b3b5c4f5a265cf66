//! A message without a code: a participant's answer in their own words, read against the
//! times they were offered, or else put to the researcher.

use confab_core::AttentionKind;
use confab_mail::inbound::Inbound;
use confab_store::entity::{participant, study, token};
use confab_store::{DatabaseTransaction, Set, attention, enrolments, participants, tokens};

use super::{Applied, Flag, flag, sender};
use crate::bookings::Chooser;
use crate::clock::{from_ts, now_ts};
use crate::mail::attention::ReplyCandidate;
use crate::mail::compose::reader_zone;
use crate::participants::records::require_study;
use crate::{AppError, Confab};
use confab_mail::reply_choice::{OfferedTime, ReplyChoices, ReplyIntent, intent_of, read_choices};

impl Confab {
    /// A message without a link's code. From a participant who holds a live offer of
    /// times, it may name one in their own words ("2", "the code B4TR", "Thursday at 2pm"):
    /// a clear answer books as a click would; an unclear one goes to the researcher with the
    /// candidates.
    pub(super) async fn apply_other(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
    ) -> Result<Applied, AppError> {
        let from = sender(inbound);
        let Some(person) = participants::find_by_email(txn, &from).await? else {
            return Ok(Applied::done("other", "not from a participant; left alone"));
        };
        let offer = tokens::newest_live_offer(txn, person.id).await?;
        if let Some(first) = offer.first() {
            let enrolment = enrolments::find_by_id(txn, first.enrolment_id)
                .await?
                .ok_or_else(|| AppError::new(crate::ErrorCode::NotFound, "enrolment gone"))?;
            let study = require_study(txn, enrolment.study_id).await?;
            let read = read_own_words(inbound, &offer, &person, &study);
            if read.is_clear() {
                let picked: Vec<&token::Model> = read.picks.iter().map(|&i| &offer[i]).collect();
                if picked.iter().any(|t| tokens::expired(t, now_ts())) {
                    let about = (Some(study.id), Some(person.id));
                    return self.refuse_expired(txn, inbound, about, &person).await;
                }
                return self
                    .choose_by_mail(
                        txn,
                        inbound,
                        Chooser {
                            study: &study,
                            person: &person,
                            enrolment: &enrolment,
                        },
                        &picked,
                    )
                    .await;
            }
            if let Some(candidates) = read.ambiguous.first() {
                // The times themselves are on the buttons below the summary, written the way
                // the window writes every time; the summary only counts them.
                let summary = format!(
                    "{} answered in their own words, which fit {} of the offered times: \"{}\". Book the one they mean, or reply to ask.",
                    person.name,
                    candidates.len(),
                    excerpt(&inbound.own_words)
                );
                let listed: Vec<ReplyCandidate> = candidates
                    .iter()
                    .filter_map(|&i| {
                        Some(ReplyCandidate {
                            token: offer[i].token.clone(),
                            start: from_ts(offer[i].starts_at?),
                        })
                    })
                    .collect();
                let mut row =
                    attention::new_item(AttentionKind::ReplyAmbiguous, summary.clone(), now_ts());
                row.study_id = Set(Some(study.id));
                row.participant_id = Set(Some(person.id));
                row.candidates = Set(serde_json::to_string(&listed)
                    .map_err(|e| AppError::new(crate::ErrorCode::Internal, e.to_string()))?);
                attention::insert(txn, row).await?;
                return Ok(Applied::done("other", summary)
                    .about(Some(person.id), None)
                    .attention());
            }
        }
        let subject = inbound.subject.clone().unwrap_or_default();
        // Words that ask to cancel or to leave are told to the researcher as such; Confab
        // does not act on them by itself, since a sentence can mean the opposite.
        let summary = match intent_of(&inbound.own_words) {
            Some(ReplyIntent::Cancel) => format!(
                "{} seems to ask to cancel their interview: \"{}\". Cancel it under Interviews, or reply to ask.",
                person.name,
                excerpt(&inbound.own_words)
            ),
            Some(ReplyIntent::Decline) => format!(
                "{} seems to no longer want to take part: \"{}\". Set their status to Declined, or reply to ask.",
                person.name,
                excerpt(&inbound.own_words)
            ),
            None => format!(
                "{} wrote without using a link: \"{}\"",
                person.name,
                subject.trim()
            ),
        };
        flag(
            txn,
            Flag {
                kind: AttentionKind::Message,
                summary,
                study_id: None,
                participant_id: Some(person.id),
                interview_id: None,
                proposed: None,
            },
        )
        .await?;
        Ok(Applied::done("other", "a message to read")
            .about(Some(person.id), None)
            .attention())
    }
}

/// The offered times a participant named in their own words.
pub(super) fn read_own_words(
    inbound: &Inbound,
    offer: &[token::Model],
    person: &participant::Model,
    study: &study::Model,
) -> ReplyChoices {
    let zone = reader_zone(person, study);
    let offered: Vec<OfferedTime> = offer
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            Some(OfferedTime {
                number: i + 1,
                code: t.short_code.clone(),
                start: from_ts(t.starts_at?).with_timezone(&zone).naive_local(),
            })
        })
        .collect();
    read_choices(&inbound.own_words, &offered)
}

/// The start of a participant's words, for a one-line summary.
fn excerpt(words: &str) -> String {
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}…", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}
