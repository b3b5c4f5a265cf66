//! A participant's answer in their calendar (iTIP REPLY and COUNTER): an accept or decline,
//! or a proposed new time, once it is known whose interview it is about.

use confab_core::AttentionKind;
use confab_mail::calendar::{ItipMessage, PartStat};
use confab_mail::inbound::Inbound;
use confab_store::audit::{self, NewEntry};
use confab_store::{DatabaseTransaction, interviews};

use super::{Applied, Flag, Target, display_sender, flag, sender, staff_reply};
use crate::clock::{from_ts, now_ts};
use crate::mail::compose::{queue_researcher_notice, reader_zone};
use crate::participants::records::{require_participant, require_study};
use crate::{Actor, AppError, Confab};

impl Confab {
    pub(super) async fn apply_calendar_reply(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        message: &ItipMessage,
    ) -> Result<Applied, AppError> {
        let (row, person, study) = match self.reply_target(txn, inbound, message).await? {
            Target::Found(found) => *found,
            Target::Settled(outcome) => return Ok(outcome.kind("calendar_reply")),
        };
        let about = (Some(study.id), Some(person.id));
        let partstat = message
            .attendee_from(&sender(inbound))
            .map(|a| a.partstat.clone())
            .unwrap_or(PartStat::NeedsAction);
        let actor = Actor::calendar(&person.email);
        match partstat {
            PartStat::Declined if row.state == interviews::SCHEDULED => {
                self.cancel_interview_in(
                    txn,
                    row.id,
                    "declined in the participant's calendar",
                    &actor,
                )
                .await?;
                queue_researcher_notice(
                    txn,
                    &study,
                    Some(&person),
                    &format!(
                        "{} declined the interview in their calendar; it is canceled.",
                        person.name
                    ),
                )
                .await?;
                Ok(
                    Applied::done("calendar_reply", "declined: interview canceled")
                        .about(about.1, Some(row.id)),
                )
            }
            other => {
                let word = match &other {
                    PartStat::Accepted => "accepted",
                    PartStat::Tentative => "tentatively accepted",
                    PartStat::Declined => "declined (already not scheduled)",
                    _ => "answered",
                };
                audit::record(
                    txn,
                    NewEntry {
                        study_id: Some(study.id),
                        participant_id: Some(person.id),
                        interview_id: Some(row.id),
                        to_value: word.into(),
                        ..Actor::calendar(&person.email).entry("calendar reply", now_ts())
                    },
                )
                .await?;
                Ok(Applied::done("calendar_reply", word).about(about.1, Some(row.id)))
            }
        }
    }

    pub(super) async fn apply_counter(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        message: &ItipMessage,
    ) -> Result<Applied, AppError> {
        let (row, person, study) = match self.reply_target(txn, inbound, message).await? {
            Target::Found(found) => *found,
            Target::Settled(outcome) => return Ok(outcome.kind("counter")),
        };
        let zone = reader_zone(&person, &study);
        let start = message.start.and_then(|t| t.in_zone(zone));
        let end = message
            .end
            .and_then(|t| t.in_zone(zone))
            .or_else(|| start.map(|s| s + (from_ts(row.ends_at) - from_ts(row.starts_at))));
        let (Some(start), Some(end)) = (start, end) else {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some((Some(study.id), Some(person.id))),
                    AttentionKind::CounterUnreadable,
                    &|p| p.unreadable_proposal.into(),
                    format!("{} proposed a new time that could not be read", person.name),
                )
                .await;
        };
        // A study that books free times by itself takes a proposal that fits an open slot.
        if study.self_scheduling
            && row.state == interviews::SCHEDULED
            && let Some(session_id) = crate::slots::open_at(txn, &study, start).await?
        {
            let actor = Actor::calendar(&person.email);
            if self
                .reschedule_interview_in(txn, row.id, session_id, start, &[], &actor)
                .await
                .is_ok()
            {
                queue_researcher_notice(txn, &study, Some(&person), &format!("{} proposed a new time in their calendar; it was free, so the interview moved.", person.name)).await?;
                return Ok(
                    Applied::done("counter", "proposed time was free: rescheduled")
                        .about(Some(person.id), Some(row.id)),
                );
            }
        }
        let summary = format!(
            "{} proposes {} instead{}",
            person.name,
            start.with_timezone(&zone).format("%a %-d %b %Y %H:%M %Z"),
            message
                .comment
                .as_deref()
                .map(|c| format!(": \"{}\"", c.trim()))
                .unwrap_or_default()
        );
        flag(
            txn,
            Flag {
                kind: AttentionKind::Counter,
                summary: summary.clone(),
                study_id: Some(study.id),
                participant_id: Some(person.id),
                interview_id: Some(row.id),
                proposed: Some((start.timestamp(), end.timestamp())),
            },
        )
        .await?;
        queue_researcher_notice(
            txn,
            &study,
            Some(&person),
            &format!("{summary}. Accept or decline it in Confab's Outbox."),
        )
        .await?;
        Ok(Applied::done("counter", summary)
            .about(Some(person.id), Some(row.id))
            .attention())
    }

    /// The interview a calendar reply is about, if it came from its participant: the
    /// attendee who answers is the interview's participant, and so is the sender. An answer
    /// to an older version of the invitation (a lower SEQUENCE) is ignored.
    async fn reply_target(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        message: &ItipMessage,
    ) -> Result<Target, AppError> {
        let row = interviews::find_by_uid(txn, &message.uid).await?;
        let Some(row) = row else {
            flag(
                txn,
                Flag {
                    kind: AttentionKind::UnmatchedReply,
                    summary: format!(
                        "{} answered a calendar invitation Confab does not know (UID {})",
                        display_sender(inbound),
                        message.uid
                    ),
                    study_id: None,
                    participant_id: None,
                    interview_id: None,
                    proposed: None,
                },
            )
            .await?;
            return Ok(Target::Settled(
                Applied::done("calendar_reply", "an answer to no interview of Confab's")
                    .attention(),
            ));
        };
        let person = require_participant(txn, row.participant_id).await?;
        let study = require_study(txn, row.study_id).await?;
        let from = sender(inbound);
        let email = person.email.to_lowercase();
        let answering = message.attendee.as_ref().map(|a| a.email.as_str());
        if from != email || answering != Some(email.as_str()) {
            if let Some(outcome) =
                staff_reply::staff_answer(txn, &row, &person, &study, &from, message).await?
            {
                return Ok(Target::Settled(outcome));
            }
            let who = match answering {
                Some(attendee) if attendee != from => {
                    format!("{} (for the attendee {attendee})", display_sender(inbound))
                }
                _ => display_sender(inbound),
            };
            let summary = format!(
                "{who} answered {}'s calendar invitation; only {} can, so it was not applied",
                person.name, person.email
            );
            flag(
                txn,
                Flag {
                    kind: AttentionKind::UnmatchedReply,
                    summary: summary.clone(),
                    study_id: Some(study.id),
                    participant_id: Some(person.id),
                    interview_id: Some(row.id),
                    proposed: None,
                },
            )
            .await?;
            return Ok(Target::Settled(
                Applied::done("calendar_reply", summary)
                    .about(Some(person.id), Some(row.id))
                    .attention(),
            ));
        }
        if i64::from(message.sequence) < i64::from(row.sequence) {
            return Ok(Target::Settled(
                Applied::done(
                    "calendar_reply",
                    format!(
                        "an answer to an older version of the invitation (sequence {}, now {}); ignored",
                        message.sequence, row.sequence
                    ),
                )
                .about(Some(person.id), Some(row.id)),
            ));
        }
        Ok(Target::Found(Box::new((row, person, study))))
    }
}
