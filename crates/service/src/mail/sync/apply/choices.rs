//! A participant's choice of times, by link, in their own words or made for them by the
//! researcher: booked, held for the researcher, moved, or answered with the times still open.

use confab_core::AttentionKind;
use confab_mail::inbound::{Inbound, InboundKind};
use confab_store::entity::{participant, study, token};
use confab_store::{DatabaseTransaction, enrolments, interviews, tokens};

use super::Applied;
use crate::bookings::{ChoiceInput, ChoiceOutcome, Chooser};
use crate::clock::{from_ts, now_ts};
use crate::mail::compose::{
    ChoicesMail, queue_choices_mail, queue_participant_note, queue_researcher_notice,
    reader_language, reader_zone, researcher_zone,
};
use crate::mail::invite::spread;
use crate::mail::profile::load_profile;
use crate::participants::records::require_enrolment_with_people;
use crate::{Actor, AppError, Confab};
use confab_core::language::phrases::fill;
use confab_mail::dates::choice_time;
use confab_mail::template::MessageKind;

impl Confab {
    /// A choice the researcher makes for a participant from an answer that was unclear: it
    /// acts as the participant's click on that link would.
    pub(crate) async fn choose_for_participant(
        &self,
        txn: &DatabaseTransaction,
        token: &str,
    ) -> Result<(bool, String), AppError> {
        // Candidates name a token by its stored hash; items kept before tokens were hashed
        // name the code itself.
        let row = match tokens::find_by_hash(txn, token).await? {
            Some(row) => Some(row),
            None => tokens::find_all(txn, &[token.to_owned()])
                .await?
                .into_iter()
                .next(),
        }
        .ok_or_else(|| AppError::new(crate::ErrorCode::NotFound, "That link's code is unknown."))?;
        let (enrolment, person, study) =
            require_enrolment_with_people(txn, row.enrolment_id).await?;
        if row.used_at.is_some() || tokens::expired(&row, now_ts()) {
            return Err(AppError::new(
                crate::ErrorCode::Conflict,
                format!(
                    "{}'s offer of that time has been used, replaced or has expired since; book them with Book manually instead.",
                    person.name
                ),
            ));
        }
        // As if they had written again: any answer goes to their address.
        let inbound = Inbound {
            message_id: None,
            from: Some(person.email.to_lowercase()),
            subject: Some(fill(
                reader_language(&person, &study).phrases().answer_subject,
                &[("study", &study.name)],
            )),
            date: None,
            in_reply_to: None,
            references: Vec::new(),
            own_words: String::new(),
            origin: confab_mail::inbound::Origin::Person,
            failed_sender_check: None,
            kind: InboundKind::Other,
        };
        let applied = self
            .choose_by_mail(
                txn,
                &inbound,
                Chooser {
                    study: &study,
                    person: &person,
                    enrolment: &enrolment,
                },
                &[&row],
            )
            .await?;
        Ok((applied.took_effect, applied.outcome))
    }

    /// A participant's choice by link. Their links are used up only when something was
    /// booked or held: a choice that is no longer free leaves the rest of their message
    /// usable and is answered with the times still open.
    pub(super) async fn choose_by_mail(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        chooser: Chooser<'_>,
        picked: &[&token::Model],
    ) -> Result<Applied, AppError> {
        let Chooser { study, person, .. } = chooser;
        let about = (Some(study.id), Some(person.id));
        let actor = Actor::participant(&person.email);
        let batch = &picked[0].batch;
        let picks: Vec<ChoiceInput> = picked
            .iter()
            .filter(|t| t.kind == tokens::CHOICE)
            .take(2)
            .filter_map(|t| {
                Some(ChoiceInput {
                    session_id: t.session_id?,
                    start: from_ts(t.starts_at?),
                })
            })
            .collect();
        // The researcher's notices give times in the researcher's zone.
        let zone = researcher_zone(txn, study).await?;
        // A reschedule request's choices move the interview it was about.
        if let Some(interview_id) = picked.first().and_then(|t| t.interview_id) {
            return self
                .move_by_mail(txn, inbound, study, person, interview_id, &picks, batch)
                .await;
        }
        let outcome = self
            .submit_choices_from(txn, chooser, &picks, &actor, Some(batch))
            .await?;
        let rank_word = |rank: u8| if rank == 1 { "first" } else { "second" };
        match outcome {
            ChoiceOutcome::Booked { interview, rank } => {
                let when = interview
                    .start
                    .with_timezone(&zone)
                    .format("%a %-d %b %Y %H:%M");
                queue_researcher_notice(
                    txn,
                    study,
                    Some(person),
                    &format!(
                        "{} booked their {} choice: {when} ({}). The confirmation with the calendar invitation went to them; nothing for you to do.",
                        person.name,
                        rank_word(rank),
                        zone.name()
                    ),
                )
                .await?;
                Ok(
                    Applied::done("choice", format!("booked their {} choice", rank_word(rank)))
                        .about(about.1, Some(interview.id))
                        .took_effect(),
                )
            }
            ChoiceOutcome::Pending => {
                tokens::use_batch(txn, batch, now_ts()).await?;
                queue_choices_received(txn, study, person).await?;
                queue_researcher_notice(
                    txn,
                    study,
                    Some(person),
                    &format!(
                        "{} gave their choices; they wait as Pending. Assign one in Interviews → Pending.",
                        person.name
                    ),
                )
                .await?;
                Ok(Applied::done("choice", "choices held for the researcher")
                    .about(about.1, None)
                    .took_effect())
            }
            ChoiceOutcome::Waitlisted => {
                tokens::use_batch(txn, batch, now_ts()).await?;
                self.refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::ChoiceTaken,
                    &|p| p.waitlisted.into(),
                    format!(
                        "{}'s choices were no longer free and nothing else is open; they are waitlisted",
                        person.name
                    ),
                )
                .await
            }
            ChoiceOutcome::NotFree { reasons } => {
                let reason = reasons.first().cloned().unwrap_or_default();
                // `NotFree` means other times are open, so the list is never empty here.
                offer_other_times(txn, study, person, None, &reason).await?;
                Ok(Applied::done(
                    "choice",
                    format!("the chosen time could not be booked ({reason}); other open times were offered"),
                )
                .about(about.1, None))
            }
        }
    }

    /// A choice from a reschedule request: the interview moves to the first chosen time that
    /// is free, or stays, and the participant is offered the times still open.
    #[allow(clippy::too_many_arguments)]
    async fn move_by_mail(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        study: &study::Model,
        person: &participant::Model,
        interview_id: i64,
        picks: &[ChoiceInput],
        batch: &str,
    ) -> Result<Applied, AppError> {
        let about = (Some(study.id), Some(person.id));
        let actor = Actor::participant(&person.email);
        let zone = researcher_zone(txn, study).await?;
        let Some(row) = interviews::find(txn, interview_id)
            .await?
            .filter(|r| r.state == interviews::SCHEDULED)
        else {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    AttentionKind::ChoiceTaken,
                    &|p| p.nothing_to_move.into(),
                    format!(
                        "{} chose a new time for an interview that is no longer scheduled",
                        person.name
                    ),
                )
                .await;
        };
        let language = reader_language(person, study);
        let phrases = language.phrases();
        let mut reason = String::new();
        for pick in picks {
            let why = crate::slots::why_not(txn, study, pick, Some(row.id), phrases).await?;
            if let Some(why) = why {
                if reason.is_empty() {
                    reason = why;
                }
                continue;
            }
            if self
                .reschedule_interview_in(txn, row.id, pick.session_id, pick.start, &[], &actor)
                .await
                .is_ok()
            {
                tokens::use_batch(txn, batch, now_ts()).await?;
                queue_researcher_notice(
                    txn,
                    study,
                    Some(person),
                    &format!(
                        "{} chose a new time: {} ({}). The updated calendar invitation went to them; nothing for you to do.",
                        person.name,
                        pick.start.with_timezone(&zone).format("%a %-d %b %Y %H:%M"),
                        zone.name()
                    ),
                )
                .await?;
                return Ok(Applied::done("choice", "rescheduled to the chosen time")
                    .about(about.1, Some(interview_id))
                    .took_effect());
            }
        }
        if reason.is_empty() {
            reason = phrases.reason_taken.into();
        }
        if offer_other_times(txn, study, person, Some(&row), &reason).await? {
            return Ok(Applied::done(
                "choice",
                format!("the new time could not be booked ({reason}); the interview stays and other open times were offered"),
            )
            .about(about.1, Some(interview_id)));
        }
        // Nothing else is open: a list of times would be empty, so the researcher decides.
        self.refuse(
            txn,
            inbound,
            Some(about),
            AttentionKind::ChoiceTaken,
            &|p| fill(p.new_time_unavailable, &[("reason", &reason)]),
            format!(
                "{}'s new time could not be booked ({reason}) and nothing else is open; the interview stays",
                person.name
            ),
        )
        .await
        .map(|a| a.about(about.1, Some(interview_id)))
    }
}

/// Answers a choice that could not be booked with the times still open, as fresh links; the
/// links of the earlier message keep working.
async fn offer_other_times(
    txn: &DatabaseTransaction,
    study: &study::Model,
    person: &participant::Model,
    reschedules: Option<&confab_store::entity::interview::Model>,
    reason: &str,
) -> Result<bool, AppError> {
    let enrolment = enrolments::find(txn, study.id, person.id)
        .await?
        .ok_or_else(|| crate::statuses::not_enrolled(study.id, person.id))?;
    let zone = reader_zone(person, study);
    let open: Vec<_> = crate::slots::open_for(txn, study, Some(enrolment.id))
        .await?
        .iter()
        .map(|s| crate::slots::slot_view(s, zone))
        .filter(|s| reschedules.is_none_or(|r| s.start.timestamp() != r.starts_at))
        .collect();
    if open.is_empty() {
        return Ok(false);
    }
    let profile = load_profile(txn).await?;
    queue_choices_mail(
        txn,
        &profile,
        study,
        person,
        enrolment.id,
        ChoicesMail {
            kind: MessageKind::ChoiceUnavailable,
            offers: &spread(&open),
            reschedules,
            message: reason,
            keeps_earlier_links: true,
        },
    )
    .await?;
    Ok(true)
}

/// Tells a participant whose choices wait for the researcher what arrived.
async fn queue_choices_received(
    txn: &DatabaseTransaction,
    study: &study::Model,
    person: &participant::Model,
) -> Result<(), AppError> {
    let enrolment = enrolments::find(txn, study.id, person.id)
        .await?
        .ok_or_else(|| crate::statuses::not_enrolled(study.id, person.id))?;
    let zone = reader_zone(person, study);
    let language = reader_language(person, study);
    let phrases = language.phrases();
    let held = confab_store::choices::for_enrolment(txn, enrolment.id).await?;
    let lines: Vec<String> = held
        .iter()
        .map(|c| {
            fill(
                if c.rank == 1 {
                    phrases.first_choice
                } else {
                    phrases.second_choice
                },
                &[(
                    "time",
                    &choice_time(from_ts(c.starts_at), from_ts(c.ends_at), zone, &language),
                )],
            )
        })
        .collect();
    queue_participant_note(
        txn,
        study,
        person,
        MessageKind::ChoicesReceived,
        &lines.join("\n"),
    )
    .await
}
