//! What a received message does. Each runs inside the transaction that also records the
//! message as handled, so a reply is applied exactly once even if Sync stops half-way.

use chrono::Utc;
use confab_core::StatusEvent;
use confab_mail::calendar::{ItipKind, ItipMessage, PartStat};
use confab_mail::inbound::{Inbound, InboundKind};
use confab_store::audit::{self, ActorKind, NewEntry};
use confab_store::entity::{participant, study, token};
use confab_store::{
    DatabaseTransaction, Set, attention, enrolments, interviews, participants, tokens,
};

use crate::bookings::{ChoiceInput, ChoiceOutcome};
use crate::clock::{from_ts, now_ts};
use crate::mail::attention::ReplyCandidate;
use crate::mail::compose::{
    ANSWER, ChoicesMail, queue_answer, queue_choices_mail, queue_participant_note,
    queue_researcher_notice, reader_language, reader_zone, researcher_zone,
};
use crate::mail::invite::spread;
use crate::mail::profile::load_profile;
use crate::participants::records::{require_participant, require_study};
use crate::statuses::{apply_event, status_of};
use crate::{Actor, AppError, Confab};
use confab_core::Language;
use confab_core::language::{Phrases, phrases::fill};
use confab_mail::dates::choice_time;
use confab_mail::inbound::without_reply_prefixes;
use confab_mail::reply_choice::{OfferedTime, ReplyChoices, ReplyIntent, intent_of, read_choices};
use confab_mail::template::MessageKind;
use confab_mail::token::without_tokens;

mod staff_reply;

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
struct Flag<'a> {
    kind: &'a str,
    summary: String,
    study_id: Option<i64>,
    participant_id: Option<i64>,
    interview_id: Option<i64>,
    proposed: Option<(i64, i64)>,
}

async fn flag(txn: &DatabaseTransaction, item: Flag<'_>) -> Result<(), AppError> {
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
                        kind: "unreadable",
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

    /// A message that would act (a code, a calendar answer, a participant's answer in their
    /// own words) whose sender check failed at the researcher's provider: it may be forged,
    /// so it is not applied, and not answered, but put to the researcher, with the times it
    /// chose to book with one click if they know it is genuine.
    async fn hold_unverified(
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
        let mut row = attention::new_item("sender_unverified", summary.clone(), now_ts());
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

    async fn apply_tokens(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        found: &[String],
    ) -> Result<Applied, AppError> {
        let from = sender(inbound);
        let rows = tokens::find_all(txn, found).await?;
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
                    "token_unknown",
                    &|p| p.unknown_code.into(),
                    format!(
                        "{} sent a code Confab never issued",
                        display_sender(inbound)
                    ),
                )
                .await;
        };
        let enrolment = enrolments::find_by_id(txn, first.enrolment_id)
            .await?
            .ok_or_else(|| AppError::new(crate::ErrorCode::NotFound, "enrolment gone"))?;
        let person = require_participant(txn, enrolment.participant_id).await?;
        let study = require_study(txn, enrolment.study_id).await?;
        let about = (Some(study.id), Some(person.id));
        if person.email.to_lowercase() != from {
            return self
                .refuse(
                    txn,
                    inbound,
                    Some(about),
                    "token_wrong_sender",
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
            let offer = tokens::batch_choices(txn, &first.batch).await?;
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
                    "token_used",
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
                            "decline_refused",
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
                self.choose_by_mail(txn, inbound, &study, &person, &ordered)
                    .await
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
                self.submit_choices_in(txn, study.id, person.id, &picks, &actor)
                    .await?;
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
                    "cancel_refused",
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
                    "cancel_too_late",
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
        let enrolment = enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| AppError::new(crate::ErrorCode::NotFound, "enrolment gone"))?;
        let person = require_participant(txn, enrolment.participant_id).await?;
        let study = require_study(txn, enrolment.study_id).await?;
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
            .choose_by_mail(txn, &inbound, &study, &person, &[&row])
            .await?;
        Ok((applied.took_effect, applied.outcome))
    }

    /// A participant's choice by link. Their links are used up only when something was
    /// booked or held: a choice that is no longer free leaves the rest of their message
    /// usable and is answered with the times still open.
    async fn choose_by_mail(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        study: &study::Model,
        person: &participant::Model,
        picked: &[&token::Model],
    ) -> Result<Applied, AppError> {
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
            .submit_choices_in(txn, study.id, person.id, &picks, &actor)
            .await?;
        let rank_word = |rank: u8| if rank == 1 { "first" } else { "second" };
        match outcome {
            ChoiceOutcome::Booked { interview, rank } => {
                tokens::use_batch(txn, batch, now_ts()).await?;
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
                    "choice_taken",
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
                    "choice_taken",
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
            "choice_taken",
            &|p| fill(p.new_time_unavailable, &[("reason", &reason)]),
            format!(
                "{}'s new time could not be booked ({reason}) and nothing else is open; the interview stays",
                person.name
            ),
        )
        .await
        .map(|a| a.about(about.1, Some(interview_id)))
    }

    async fn apply_calendar_reply(
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
        let actor = Actor {
            kind: ActorKind::Calendar,
            name: person.email.clone(),
        };
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
                        at: now_ts(),
                        actor_kind: Some(ActorKind::Calendar),
                        actor: person.email.clone(),
                        study_id: Some(study.id),
                        participant_id: Some(person.id),
                        interview_id: Some(row.id),
                        action: "calendar reply".into(),
                        to_value: word.into(),
                        ..Default::default()
                    },
                )
                .await?;
                Ok(Applied::done("calendar_reply", word).about(about.1, Some(row.id)))
            }
        }
    }

    async fn apply_counter(
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
                    "counter_unreadable",
                    &|p| p.unreadable_proposal.into(),
                    format!("{} proposed a new time that could not be read", person.name),
                )
                .await;
        };
        // A study that books free times by itself takes a proposal that fits an open slot.
        if study.self_scheduling && row.state == interviews::SCHEDULED {
            let open = self
                .open_slots(
                    study.id,
                    Some(start - chrono::Duration::seconds(1)),
                    Some(start + chrono::Duration::seconds(1)),
                    None,
                )
                .await?;
            if let Some(slot) = open.iter().find(|s| s.start == start) {
                let actor = Actor {
                    kind: ActorKind::Calendar,
                    name: person.email.clone(),
                };
                if self
                    .reschedule_interview_in(txn, row.id, slot.session_id, start, &[], &actor)
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
                kind: "counter",
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
                    kind: "unmatched_reply",
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
                    kind: "unmatched_reply",
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

    /// A message without a link's code. From a participant who holds a live offer of
    /// times, it may name one in their own words ("2", "the code B4TR", "Thursday at 2pm"):
    /// a clear answer books as a click would; an unclear one goes to the researcher with the
    /// candidates.
    async fn apply_other(
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
                    .choose_by_mail(txn, inbound, &study, &person, &picked)
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
                let mut row = attention::new_item("reply_ambiguous", summary.clone(), now_ts());
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
                kind: "message",
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

    /// Answers the sender and puts the message on the researcher's list; nothing is applied.
    #[allow(clippy::too_many_arguments)]
    /// A link past its time (a choice whose time has come, a cancel link after the
    /// interview, an old decline link, any link of an archived study): answered politely,
    /// nothing changed.
    async fn refuse_expired(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        about: (Option<i64>, Option<i64>),
        person: &participant::Model,
    ) -> Result<Applied, AppError> {
        self.refuse(
            txn,
            inbound,
            Some(about),
            "token_expired",
            &|p| p.link_expired.into(),
            format!(
                "{} used a link that has expired; nothing was changed",
                person.name
            ),
        )
        .await
    }

    async fn refuse(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        about: Option<(Option<i64>, Option<i64>)>,
        kind: &'static str,
        answer: &(dyn Fn(&Phrases) -> String + Sync),
        summary: String,
    ) -> Result<Applied, AppError> {
        let (study_id, participant_id) = about.unwrap_or((None, None));
        // Lists and programs are never answered: that is how mail loops and backscatter start.
        // Nor is an address that is no participant's (its mail may be forged), nor one that
        // had an automatic answer in the last day.
        let answered = match inbound.from.as_deref() {
            Some(to) if inbound.origin.may_be_answered() => {
                match participants::find_by_email(txn, to).await? {
                    Some(person)
                        if !confab_store::outbox::sent_to_since(
                            txn,
                            ANSWER,
                            to,
                            now_ts() - 86_400,
                        )
                        .await? =>
                    {
                        Some(person)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let (Some(to), Some(person)) = (inbound.from.as_ref(), answered) {
            // The answer is in the participant's language: theirs, else the study's.
            let study = match study_id {
                Some(id) => confab_store::studies::find(txn, id).await?,
                None => None,
            };
            let language = match &study {
                Some(study) => reader_language(&person, study),
                None => person
                    .language
                    .as_deref()
                    .and_then(|l| l.parse().ok())
                    .unwrap_or_else(Language::study_default),
            };
            let phrases = language.phrases();
            let subject = inbound
                .subject
                .as_deref()
                .map(|s| format!("Re: {}", without_tokens(without_reply_prefixes(s))))
                .unwrap_or_else(|| phrases.answer_subject_fallback.into());
            queue_answer(
                txn,
                study_id,
                participant_id,
                to,
                &subject,
                &answer(phrases),
                inbound.message_id.clone(),
            )
            .await?;
        }
        flag(
            txn,
            Flag {
                kind,
                summary: summary.clone(),
                study_id,
                participant_id,
                interview_id: None,
                proposed: None,
            },
        )
        .await?;
        Ok(Applied::done(kind, summary)
            .about(participant_id, None)
            .attention())
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

/// The offered times a participant named in their own words.
fn read_own_words(
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
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn excerpt(words: &str) -> String {
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}…", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

fn display_sender(inbound: &Inbound) -> String {
    inbound
        .from
        .clone()
        .unwrap_or_else(|| "an unknown sender".into())
}

async fn mark_problem(
    txn: &DatabaseTransaction,
    inbound: &Inbound,
    kind: &'static str,
) -> Result<Applied, AppError> {
    let Some(person) = participants::find_by_email(txn, &sender(inbound)).await? else {
        return Ok(Applied::done(
            kind,
            "an automatic reply from someone who is not a participant",
        ));
    };
    let note = format!(
        "Automatic reply on {}: \"{}\"",
        Utc::now().format("%-d %b %Y"),
        inbound.subject.clone().unwrap_or_default().trim()
    );
    participants::set_mail_problem(txn, person.id, &note).await?;
    Ok(Applied::done(kind, note).about(Some(person.id), None))
}

async fn bounce(
    txn: &DatabaseTransaction,
    failed: Option<&str>,
    original: Option<&str>,
) -> Result<Applied, AppError> {
    let mut person = match failed {
        Some(address) => participants::find_by_email(txn, address).await?,
        None => None,
    };
    if person.is_none()
        && let Some(id) = original
    {
        let sent = confab_store::outbox::find_by_message_id(txn, id).await?;
        if let Some(pid) = sent.and_then(|m| m.participant_id) {
            person = participants::find(txn, pid).await?;
        }
    }
    let Some(person) = person else {
        return Ok(Applied::done(
            "bounce",
            "a delivery failure about no participant",
        ));
    };
    let note = format!(
        "Mail to {} could not be delivered ({})",
        person.email,
        Utc::now().format("%-d %b %Y")
    );
    participants::set_mail_problem(txn, person.id, &note).await?;
    flag(
        txn,
        Flag {
            kind: "bounce",
            summary: format!("{}: {note}", person.name),
            study_id: None,
            participant_id: Some(person.id),
            interview_id: None,
            proposed: None,
        },
    )
    .await?;
    Ok(Applied::done("bounce", note)
        .about(Some(person.id), None)
        .attention())
}
