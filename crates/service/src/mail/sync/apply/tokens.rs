//! A message carrying Confab's codes (a click on a link): a decline, a cancel, or a choice
//! of times, checked against its sender, its age and whether it was used already.

use confab_core::AttentionKind;
use confab_core::StatusEvent;
use confab_mail::inbound::Inbound;
use confab_store::entity::{participant, study, token};
use confab_store::{DatabaseTransaction, interviews, tokens};

use super::own_words::read_own_words;
use super::{Applied, display_sender, sender};
use crate::bookings::{ChoiceInput, Chooser};
use crate::clock::{from_ts, now_ts};
use crate::mail::compose::{queue_researcher_notice, researcher_zone};
use crate::participants::records::{require_enrolment_with_people, require_participant};
use crate::statuses::{apply_event, status_of};
use crate::{Actor, AppError, Confab};
use confab_core::language::phrases::fill;

impl Confab {
    pub(super) async fn apply_tokens(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        found: &[String],
    ) -> Result<Applied, AppError> {
        let from = sender(inbound);
        let rows = tokens::find_all_with_offers(txn, found).await?;
        // Keep the participant's order: the first code given is the first choice.
        let ordered: Vec<&token::Model> = found
            .iter()
            .filter_map(|t| {
                let hashed = tokens::hash(t);
                rows.iter().find(|r| r.token == hashed)
            })
            .collect();
        let Some(&first) = ordered.first() else {
            return self
                .refuse(
                    txn,
                    inbound,
                    None,
                    AttentionKind::TokenUnknown,
                    &|p| p.unknown_code.into(),
                    format!(
                        "{} sent a code Confab never issued",
                        display_sender(inbound)
                    ),
                )
                .await;
        };
        let (enrolment, person, study) =
            require_enrolment_with_people(txn, first.enrolment_id).await?;
        let about = (Some(study.id), Some(person.id));
        if person.email.to_lowercase() != from {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::TokenWrongSender,
                    &|p| p.other_address.into(),
                    format!(
                        "{} used a link that belongs to {} ({}); it was not applied",
                        display_sender(inbound),
                        person.name,
                        person.email
                    ),
                )
                .await;
        }
        if ordered.iter().any(|t| tokens::expired(t, now_ts())) {
            return self.refuse_expired(txn, inbound, about, &person).await;
        }
        // A click may come with a second choice written below it ("3", or a code).
        let mut ordered = ordered;
        let extra: Vec<token::Model>;
        if ordered.len() == 1 && first.kind == tokens::CHOICE && first.interview_id.is_none() {
            let offer = tokens::offered_in(&rows, &first.batch);
            let read = read_own_words(inbound, &offer, &person, &study);
            extra = read
                .picks
                .iter()
                .map(|&i| offer[i].clone())
                .filter(|t| t.token != first.token)
                .take(1)
                .collect();
            ordered.extend(extra.iter());
        }
        let first = ordered[0];
        let one_batch = ordered
            .iter()
            .all(|t| t.enrolment_id == enrolment.id && t.batch == first.batch);
        if one_batch && first.kind == tokens::CHOICE && first.used_at.is_some() {
            // The invitation asks for a second choice as a second message.
            if let Some(applied) = self
                .later_choice(txn, &study, &person, &enrolment, first)
                .await?
            {
                return Ok(applied);
            }
        }
        if ordered
            .iter()
            .any(|t| t.used_at.is_some() || t.enrolment_id != enrolment.id)
        {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::TokenUsed,
                    &|p| p.link_used.into(),
                    format!(
                        "{} used a link that was already used or replaced",
                        person.name
                    ),
                )
                .await;
        }
        let actor = Actor::participant(&person.email);
        if first.kind != tokens::CHOICE {
            tokens::use_batch(txn, &first.batch, now_ts()).await?;
        }
        match first.kind.as_str() {
            tokens::DECLINE => {
                let status = status_of(&enrolment)?;
                if status.after(StatusEvent::InvitationDeclined).is_none() {
                    return self
                        .refuse(
                            txn,
                            inbound,
                            Some(about),
                            AttentionKind::DeclineRefused,
                            &|p| p.not_recorded.into(),
                            format!("{} declined, but is {status}; check with them", person.name),
                        )
                        .await;
                }
                apply_event(
                    txn,
                    &enrolment,
                    StatusEvent::InvitationDeclined,
                    &actor,
                    None,
                    "declined by mail",
                )
                .await?;
                queue_researcher_notice(
                    txn,
                    &study,
                    Some(&person),
                    &format!("{} declined the invitation.", person.name),
                )
                .await?;
                Ok(Applied::done("decline", "declined the invitation").about(about.1, None))
            }
            tokens::CANCEL => {
                self.cancel_by_mail(txn, inbound, &study, &person, first)
                    .await
            }
            _ => {
                let chooser = Chooser {
                    study: &study,
                    person: &person,
                    enrolment: &enrolment,
                };
                self.choose_by_mail(txn, inbound, chooser, &ordered).await
            }
        }
    }

    /// A choice sent after the first one from the same invitation: while the participant
    /// waits as Pending it becomes their second choice; once booked it changes nothing.
    async fn later_choice(
        &self,
        txn: &DatabaseTransaction,
        study: &study::Model,
        person: &participant::Model,
        enrolment: &confab_store::entity::enrolment::Model,
        token: &token::Model,
    ) -> Result<Option<Applied>, AppError> {
        match status_of(enrolment)? {
            confab_core::EnrolmentStatus::Pending => {
                let held = confab_store::choices::for_enrolment(txn, enrolment.id).await?;
                let (Some(first), Some(session_id), Some(start)) =
                    (held.first(), token.session_id, token.starts_at)
                else {
                    return Ok(None);
                };
                if held.len() != 1 || (first.session_id, first.starts_at) == (session_id, start) {
                    return Ok(Some(
                        Applied::done("choice", "a further choice; the held choices stay")
                            .about(Some(person.id), None),
                    ));
                }
                let picks = [
                    ChoiceInput {
                        session_id: first.session_id,
                        start: from_ts(first.starts_at),
                    },
                    ChoiceInput {
                        session_id,
                        start: from_ts(start),
                    },
                ];
                let actor = Actor::participant(&person.email);
                let chooser = Chooser {
                    study,
                    person,
                    enrolment,
                };
                self.submit_choices_of(txn, chooser, &picks, &actor).await?;
                Ok(Some(
                    Applied::done("choice", "second choice held for the researcher")
                        .about(Some(person.id), None),
                ))
            }
            confab_core::EnrolmentStatus::InterviewScheduled => Ok(Some(
                Applied::done(
                    "choice",
                    "a second choice after the first was booked; nothing to change",
                )
                .about(Some(person.id), None),
            )),
            _ => Ok(None),
        }
    }

    async fn cancel_by_mail(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        study: &study::Model,
        person: &participant::Model,
        token: &token::Model,
    ) -> Result<Applied, AppError> {
        let about = (Some(study.id), Some(person.id));
        let row = match token.interview_id {
            Some(id) => interviews::find(txn, id).await?,
            None => None,
        };
        let Some(row) = row.filter(|r| r.state == interviews::SCHEDULED) else {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::CancelRefused,
                    &|p| p.nothing_to_cancel.into(),
                    format!(
                        "{} asked to cancel an interview that is not scheduled",
                        person.name
                    ),
                )
                .await;
        };
        let cutoff = row.starts_at - i64::from(study.change_cutoff_hours) * 3600;
        if now_ts() > cutoff {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::CancelTooLate,
                    &|p| {
                        fill(
                            p.too_late_to_cancel,
                            &[(
                                "notice",
                                &p.hours
                                    .of(u64::try_from(study.change_cutoff_hours).unwrap_or(0)),
                            )],
                        )
                    },
                    format!(
                        "{} asked to cancel after the cut-off; the interview stands",
                        person.name
                    ),
                )
                .await
                .map(|a| a.about(about.1, Some(row.id)));
        }
        let reason = "canceled by the participant by mail";
        let canceled = self
            .cancel_interview_in(txn, row.id, reason, &Actor::participant(&person.email))
            .await?;
        let zone = researcher_zone(txn, study).await?;
        let when = from_ts(row.starts_at)
            .with_timezone(&zone)
            .format("%a %-d %b %Y %H:%M");
        let next = match canceled.offered_to {
            Some(id) => format!(
                "The time was offered to {} from the waiting list; nothing for you to do.",
                require_participant(txn, id).await?.name
            ),
            None => "Nobody is on the waiting list, so the time is simply open again.".into(),
        };
        queue_researcher_notice(
            txn,
            study,
            Some(person),
            &format!(
                "{} canceled their interview of {when} ({}). {next}",
                person.name,
                zone.name()
            ),
        )
        .await?;
        Ok(Applied::done("cancel", "canceled the interview").about(about.1, Some(row.id)))
    }
}
