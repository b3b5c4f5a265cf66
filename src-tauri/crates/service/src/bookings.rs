//! Booking, and everything that happens to an interview after: cancel, reschedule, no-show,
//! completion. Each change runs in one write transaction with its status change and its line
//! in the audit log; the database's triggers refuse a full slot or an overlap whatever the
//! caller checked before.

use chrono::{DateTime, Duration, Utc};
use confab_core::StatusEvent;
use confab_core::availability::RuleBreak;
use confab_store::audit::{self, NewEntry};
use confab_store::enrolments::ForBooking;
use confab_store::entity::{enrolment, interview, session, study};
use confab_store::{
    ConnectionTrait, DatabaseTransaction, DbErr, Refusal, Set, begin_write, choices, interviews,
    refusal,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::RuleKey;
use crate::clock::{from_ts, now_ts};
use crate::commit::{Landed, run_again_on_conflict};
use crate::mail::compose::queue_interview_mail;
use crate::mail::staff::{StaffChange, notify_staff, staff_now};
use crate::participants::records::{require_participant, require_study};
use crate::slots::{RuleBreakView, load_for_booking};
use crate::staffing::StaffView;
use crate::statuses::{apply_event, apply_event_and_log, not_enrolled};
use crate::{Actor, AppError, Confab, ErrorCode};
use confab_mail::template::MessageKind;
use confab_store::interview_interviewers::OnInterview;
use confab_store::sessions::SessionPeople;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum ChoiceOutcome {
    /// Self-scheduling booked the first free choice (`rank` 1 or 2).
    Booked {
        interview: Box<InterviewView>,
        rank: u8,
    },
    /// The choices wait for the researcher.
    Pending,
    /// No choice was free, and no other time is open either.
    Waitlisted,
    /// No choice can be booked, but other times are open: nothing changed, and the
    /// participant may choose again. One reason per choice, in the participant's words.
    NotFree { reasons: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub study_id: i64,
    #[ts(type = "number")]
    pub participant_id: i64,
    pub participant_name: String,
    pub participant_email: String,
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// scheduled, completed, canceled or no_show
    pub state: String,
    pub calendar_uid: String,
    pub sequence: i32,
    /// The rules the researcher booked past; empty if none.
    pub rule_overrides: Vec<RuleKey>,
    pub cancel_reason: String,
    /// Which of the study's interviews with this participant it is, from 1 ...
    pub round: i32,
    /// ... of this many (the study's setting); the views name the round only when above 1.
    pub rounds: i32,
    /// Who runs it (interviewers first, then note-takers); empty when nobody was put on it.
    pub interviewers: Vec<StaffView>,
}

/// The tabs of the Interviews screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InterviewList {
    Upcoming,
    Completed,
    Canceled,
    NoShow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CancelOutcome {
    pub interview: InterviewView,
    /// The waitlisted participant the freed place is offered to, if any.
    #[ts(type = "number | null")]
    pub offered_to: Option<i64>,
}

fn refused(error: DbErr) -> AppError {
    match refusal(&error) {
        Some(Refusal::SlotFull) => AppError::new(
            ErrorCode::Conflict,
            "That time has no place left: another booking took it. Choose another time.",
        ),
        Some(Refusal::ParticipantOverlap) => AppError::new(
            ErrorCode::Conflict,
            "The participant already has another interview at that time.",
        ),
        Some(Refusal::InterviewerOverlap) => AppError::new(
            ErrorCode::Conflict,
            "The interviewer already has another interview at that time. Choose another time.",
        ),
        Some(Refusal::AlreadyScheduled) => AppError::new(
            ErrorCode::Conflict,
            "The participant already has a scheduled interview in this study; reschedule it instead.",
        ),
        None => error.into(),
    }
}

fn not_found(what: &str, id: i64) -> AppError {
    AppError::new(ErrorCode::NotFound, format!("There is no {what} {id}."))
}

pub(crate) async fn view_of(
    db: &impl ConnectionTrait,
    row: interview::Model,
) -> Result<InterviewView, AppError> {
    let person = require_participant(db, row.participant_id).await?;
    let study = require_study(db, row.study_id).await?;
    let interviewers = staff_now(db, row.id).await?;
    Ok(view_with(
        row,
        &person.name,
        &person.email,
        study.interviews_per_participant,
        interviewers,
    ))
}

fn view_with(
    row: interview::Model,
    name: &str,
    email: &str,
    rounds: i32,
    interviewers: Vec<OnInterview>,
) -> InterviewView {
    InterviewView {
        interviewers: interviewers.into_iter().map(StaffView::from).collect(),
        round: row.round,
        rounds: rounds.max(row.round),
        id: row.id,
        study_id: row.study_id,
        participant_id: row.participant_id,
        participant_name: name.to_owned(),
        participant_email: email.to_owned(),
        session_id: row.session_id,
        start: from_ts(row.starts_at),
        end: from_ts(row.ends_at),
        state: row.state,
        calendar_uid: row.calendar_uid,
        sequence: row.sequence,
        rule_overrides: RuleKey::parse_list(&row.rule_overrides),
        cancel_reason: row.cancel_reason,
    }
}

/// The end of an interview that starts at `start` in `session_id`: a whole day for an
/// interview day, the interview length otherwise.
fn end_of(
    study: &study::Model,
    session: Option<&LoadedSession>,
    session_id: i64,
    start: DateTime<Utc>,
) -> Result<DateTime<Utc>, AppError> {
    let (session, _) = session
        .filter(|(s, _)| s.study_id == study.id)
        .ok_or_else(|| not_found("session of this study", session_id))?;
    Ok(match (session.kind.as_str(), session.ends_at) {
        ("day", Some(end)) => from_ts(end),
        _ => start + Duration::minutes(i64::from(study.interview_minutes)),
    })
}

fn explain(
    breaks: &[RuleBreak],
    rules: &confab_core::availability::StudyRules,
) -> Vec<RuleBreakView> {
    breaks
        .iter()
        .map(|b| RuleBreakView {
            rule: RuleKey::of(b),
            explanation: b.describe(rules),
        })
        .collect()
}

/// Refuses a booking that breaks rules the researcher has not seen and accepted. A full slot
/// can never be accepted: capacity is a promise to the participants already booked.
fn check_accepted(breaks: &[RuleBreakView], accepted: &[RuleKey]) -> Result<(), AppError> {
    if breaks.iter().any(|b| !b.rule.can_be_accepted()) {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "That time has no place left. Choose another time.",
        ));
    }
    let unseen: Vec<&RuleBreakView> = breaks
        .iter()
        .filter(|b| !accepted.contains(&b.rule))
        .collect();
    if unseen.is_empty() {
        return Ok(());
    }
    let list: Vec<&str> = unseen.iter().map(|b| b.explanation.as_str()).collect();
    Err(AppError::new(
        ErrorCode::InvalidInput,
        format!(
            "This booking breaks the study's rules: {} Confirm that you want to book it anyway.",
            list.join(" ")
        ),
    ))
}

/// A session with the people it has, as read for one booking.
type LoadedSession = (session::Model, SessionPeople);

struct NewInterview<'a> {
    study: &'a study::Model,
    enrolment: &'a enrolment::Model,
    /// The session as already read, when it was; read again otherwise.
    session: Option<&'a LoadedSession>,
    /// The rounds the participant holds, when already read; read again otherwise.
    held_rounds: Option<&'a [i32]>,
    session_id: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    overrides: String,
}

async fn insert_interview(
    txn: &DatabaseTransaction,
    new: NewInterview<'_>,
    actor: &Actor,
    reason: &str,
    confirm: bool,
) -> Result<(interview::Model, bool), AppError> {
    let now = now_ts();
    let round = match new.held_rounds {
        Some(held) => round_to_hold(new.study, interviews::first_free_round(held))?,
        None => next_round(txn, new.study, new.enrolment).await?,
    };
    let row = interviews::insert(
        txn,
        interview::Model {
            id: 0,
            study_id: new.study.id,
            enrolment_id: new.enrolment.id,
            participant_id: new.enrolment.participant_id,
            session_id: new.session_id,
            starts_at: new.start.timestamp(),
            ends_at: new.end.timestamp(),
            state: interviews::SCHEDULED.into(),
            calendar_uid: format!("{}@confab", uuid::Uuid::new_v4()),
            sequence: confab_mail::calendar::FIRST_SEQUENCE,
            rule_overrides: new.overrides,
            cancel_reason: String::new(),
            created_at: now,
            updated_at: now,
            round,
        },
    )
    .await
    .map_err(refused)?;
    let staffed =
        crate::staffing::assign_interviewer(txn, new.study, &row, &[], new.session).await?;
    // Once booked, the times offered before stop acting: a later click is read as a further
    // choice that changes nothing, not as a second booking.
    confab_store::tokens::retire_for_enrolment(
        txn,
        new.enrolment.id,
        confab_store::tokens::CHOICE,
        now,
    )
    .await?;
    let booked = NewEntry {
        at: now,
        actor_kind: Some(actor.kind),
        actor: actor.name.clone(),
        study_id: Some(row.study_id),
        participant_id: Some(row.participant_id),
        interview_id: Some(row.id),
        action: "interview booked".into(),
        from_value: String::new(),
        to_value: from_ts(row.starts_at).to_rfc3339(),
        reason: reason.into(),
    };
    apply_event_and_log(
        txn,
        new.enrolment,
        StatusEvent::InterviewBooked,
        actor,
        Some(row.id),
        reason,
        Some(booked),
    )
    .await?;
    if confirm {
        queue_interview_mail(txn, &row, MessageKind::Confirmation).await?;
        if staffed {
            notify_staff(txn, &row, &[], StaffChange::Booked).await?;
        }
    }
    Ok((row, staffed))
}

/// The round a new booking holds: the first the participant has not held (a completed
/// interview later marked a no-show leaves its round to hold again). A participant who has
/// had every interview the study holds is not booked again.
async fn next_round(
    db: &impl ConnectionTrait,
    study: &study::Model,
    enrolment: &enrolment::Model,
) -> Result<i32, AppError> {
    round_to_hold(study, interviews::next_round(db, enrolment.id).await?)
}

/// `next`, unless the participant has had every interview the study holds.
fn round_to_hold(study: &study::Model, next: i32) -> Result<i32, AppError> {
    if next > study.interviews_per_participant {
        let all = match study.interviews_per_participant {
            1 => "the one interview".to_owned(),
            n => format!("all {n} interviews"),
        };
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "This participant has completed {all} this study holds with each person. To hold another, raise \"Interviews per participant\" in the study's settings first."
            ),
        ));
    }
    Ok(next)
}

async fn log(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    actor: &Actor,
    action: &str,
    from: &str,
    to: &str,
    reason: &str,
) -> Result<(), AppError> {
    audit::record(
        db,
        NewEntry {
            at: now_ts(),
            actor_kind: Some(actor.kind),
            actor: actor.name.clone(),
            study_id: Some(row.study_id),
            participant_id: Some(row.participant_id),
            interview_id: Some(row.id),
            action: action.into(),
            from_value: from.into(),
            to_value: to.into(),
            reason: reason.into(),
        },
    )
    .await
    .map_err(Into::into)
}

/// Takes back what was prepared about an interview that is no longer scheduled: unsent
/// confirmations, updates, reminders and reschedule requests, and the links they carry.
pub(crate) async fn withdraw_interview_mail(
    txn: &DatabaseTransaction,
    interview_id: i64,
) -> Result<(), AppError> {
    confab_store::outbox::withdraw_unsent_for_interview(txn, interview_id).await?;
    confab_store::tokens::retire_for_interview(txn, interview_id, now_ts()).await?;
    Ok(())
}

impl Confab {
    pub(crate) async fn interview_row(
        &self,
        db: &impl ConnectionTrait,
        id: i64,
    ) -> Result<interview::Model, AppError> {
        interviews::find(db, id)
            .await?
            .ok_or_else(|| not_found("interview", id))
    }

    /// A participant's first and (optional) second choice. With self-scheduling on, the first
    /// free one is booked at once, or the participant is waitlisted if neither is; with it
    /// off, both are held and the participant waits as Pending.
    pub async fn submit_choices(
        &self,
        study_id: i64,
        participant_id: i64,
        picks: &[ChoiceInput],
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let outcome = self
                .submit_choices_in(&txn, study_id, participant_id, picks, actor)
                .await?;
            txn.commit().await?;
            Ok(outcome)
        })
    }

    /// [`Confab::submit_choices`] inside the caller's transaction, so that a reply read by
    /// Sync and its effects are written together.
    pub(crate) async fn submit_choices_in(
        &self,
        txn: &DatabaseTransaction,
        study_id: i64,
        participant_id: i64,
        picks: &[ChoiceInput],
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        if picks.is_empty() || picks.len() > 2 {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "Give a first choice and at most a second one.",
            ));
        }
        let study = require_study(txn, study_id).await?;
        let enrolment = self.enrolment_row(txn, study_id, participant_id).await?;
        // Every interview the study holds is done: there is nothing left to choose a time for.
        next_round(txn, &study, &enrolment).await?;
        // Why a time cannot be booked is told to the participant, in their language.
        let person = crate::participants::records::require_participant(txn, participant_id).await?;
        let language = crate::mail::compose::reader_language(&person, &study);
        let phrases = language.phrases();
        let now = Utc::now();
        let mut free = Vec::new();
        let mut found = Vec::new();
        let mut reasons = Vec::new();
        for p in picks {
            let (data, session) =
                load_for_booking(txn, &study, p.session_id, p.start, None, Some(enrolment.id))
                    .await?;
            let breaks = data.engine().rule_breaks(p.session_id, p.start, now);
            free.push(breaks.is_empty());
            reasons.push(
                breaks
                    .first()
                    .map(|b| b.for_participant(&data.rules, phrases))
                    .unwrap_or_default(),
            );
            found.push(session);
        }
        let Some(first_free) = free.iter().position(|f| *f) else {
            return self
                .none_free(txn, &study, &enrolment, reasons, actor)
                .await;
        };
        let outcome = if study.self_scheduling {
            let pick = &picks[first_free];
            let end = end_of(
                &study,
                found[first_free].as_ref(),
                pick.session_id,
                pick.start,
            )?;
            let new = NewInterview {
                study: &study,
                enrolment: &enrolment,
                session: found[first_free].as_ref(),
                held_rounds: None,
                session_id: pick.session_id,
                start: pick.start,
                end,
                overrides: String::new(),
            };
            let reason = if first_free == 0 {
                "first choice"
            } else {
                "second choice; the first was taken"
            };
            let row = match insert_interview(txn, new, actor, reason, true).await {
                Ok((row, _)) => row,
                // The participant's own interview in another study overlaps it: the database
                // refused the booking, and nothing was written.
                Err(e) if e.code == ErrorCode::Conflict => {
                    return Ok(ChoiceOutcome::NotFree {
                        reasons: vec![phrases.reason_other_interview.into()],
                    });
                }
                Err(e) => return Err(e),
            };
            let interview = view_of(txn, row).await?;
            ChoiceOutcome::Booked {
                interview: Box::new(interview),
                rank: u8::try_from(first_free + 1).unwrap_or(1),
            }
        } else {
            let mut held = Vec::new();
            for (rank, pick) in picks.iter().enumerate().filter(|(i, _)| free[*i]) {
                let end = end_of(&study, found[rank].as_ref(), pick.session_id, pick.start)?;
                held.push((
                    i32::try_from(rank + 1).unwrap_or(1),
                    pick.session_id,
                    pick.start.timestamp(),
                    end.timestamp(),
                ));
            }
            choices::replace(txn, enrolment.id, &held, now_ts()).await?;
            apply_event(
                txn,
                &enrolment,
                StatusEvent::ChoicesHeld,
                actor,
                None,
                "choices given",
            )
            .await?;
            ChoiceOutcome::Pending
        };
        Ok(outcome)
    }

    /// None of the chosen times can be booked. The participant waits on the waitlist only
    /// when nothing at all is open; otherwise they stay as they are and may choose again.
    async fn none_free(
        &self,
        txn: &DatabaseTransaction,
        study: &study::Model,
        enrolment: &enrolment::Model,
        reasons: Vec<String>,
        actor: &Actor,
    ) -> Result<ChoiceOutcome, AppError> {
        if !crate::slots::open_for(txn, study, Some(enrolment.id))
            .await?
            .is_empty()
        {
            return Ok(ChoiceOutcome::NotFree { reasons });
        }
        // Leaving Pending releases any earlier holds (see `statuses::write_status`).
        apply_event(
            txn,
            enrolment,
            StatusEvent::NoChoiceFree,
            actor,
            None,
            "no choice was free and no other time is open",
        )
        .await?;
        Ok(ChoiceOutcome::Waitlisted)
    }

    /// Books a Pending participant's held choice of `rank` (1 or 2).
    pub async fn assign_choice(
        &self,
        study_id: i64,
        participant_id: i64,
        rank: i32,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let study = self.study_row(study_id).await?;
            let txn = begin_write(&self.db).await?;
            let enrolment = self.enrolment_row(&txn, study_id, participant_id).await?;
            let held = choices::for_enrolment(&txn, enrolment.id).await?;
            let choice = held.iter().find(|c| c.rank == rank).ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    format!("The participant has no held choice number {rank}."),
                )
            })?;
            let new = NewInterview {
                study: &study,
                enrolment: &enrolment,
                session: None,
                held_rounds: None,
                session_id: choice.session_id,
                start: from_ts(choice.starts_at),
                end: from_ts(choice.ends_at),
                overrides: String::new(),
            };
            let reason = if rank == 1 {
                "assigned first choice"
            } else {
                "assigned second choice"
            };
            let (row, _) = insert_interview(&txn, new, actor, reason, true).await?;
            let interview = view_of(&txn, row).await?;
            txn.commit().await?;
            self.calendar_file_follows(study_id);
            Ok(interview)
        })
    }

    /// The rules a booking at `start` in `session_id` would break, for the researcher to see
    /// before booking by hand. `interview_id` leaves out the interview being rescheduled.
    pub async fn check_booking(
        &self,
        study_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        interview_id: Option<i64>,
    ) -> Result<Vec<RuleBreakView>, AppError> {
        let study = self.study_row(study_id).await?;
        let (data, _) =
            load_for_booking(&self.db, &study, session_id, start, interview_id, None).await?;
        Ok(explain(
            &data.engine().rule_breaks(session_id, start, Utc::now()),
            &data.rules,
        ))
    }

    /// Books on a participant's behalf. Rules the booking breaks must be listed in
    /// `accepted_rules` (the keys `check_booking` returned), so nothing is booked past a rule
    /// the researcher has not seen.
    pub async fn book_manually(
        &self,
        study_id: i64,
        participant_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleKey],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let Some(ForBooking {
                study,
                enrolment,
                person_name: name,
                person_email: email,
                researcher_email,
                held_rounds,
            }) = confab_store::enrolments::find_for_booking(&txn, study_id, participant_id).await?
            else {
                // Say which one is missing: the study, or the participant's place in it.
                require_study(&txn, study_id).await?;
                return Err(not_enrolled(study_id, participant_id));
            };
            let (data, session) =
                load_for_booking(&txn, &study, session_id, start, None, Some(enrolment.id)).await?;
            let breaks = explain(
                &data.engine().rule_breaks(session_id, start, Utc::now()),
                &data.rules,
            );
            check_accepted(&breaks, accepted_rules)?;
            let end = end_of(&study, session.as_ref(), session_id, start)?;
            let overrides: Vec<RuleKey> = breaks.iter().map(|b| b.rule).collect();
            let new = NewInterview {
                study: &study,
                enrolment: &enrolment,
                session: session.as_ref(),
                held_rounds: Some(&held_rounds),
                session_id,
                start,
                end,
                overrides: RuleKey::join(&overrides),
            };
            let reason = if overrides.is_empty() {
                "booked by hand".to_owned()
            } else {
                let names: Vec<&str> = overrides.iter().map(|k| k.as_str()).collect();
                format!("booked by hand past: {}", names.join(", "))
            };
            // Without the researcher's address there is nobody to send a confirmation from.
            let confirm = !researcher_email.is_empty();
            let (row, staffed) = insert_interview(&txn, new, actor, &reason, confirm).await?;
            let interviewers = if staffed {
                staff_now(&txn, row.id).await?
            } else {
                Vec::new()
            };
            let landed = Landed {
                interview_id: row.id,
                state: interviews::SCHEDULED,
                starts_at: None,
            };
            self.commit_checked(txn, "the booking", landed).await?;
            self.calendar_file_follows(study_id);
            Ok(view_with(
                row,
                &name,
                &email,
                study.interviews_per_participant,
                interviewers,
            ))
        })
    }

    /// Cancels a scheduled interview, frees its place, and offers it to the participant who
    /// has waited longest on the waitlist.
    pub async fn cancel_interview(
        &self,
        interview_id: i64,
        reason: &str,
        actor: &Actor,
    ) -> Result<CancelOutcome, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let outcome = self
                .cancel_interview_in(&txn, interview_id, reason, actor)
                .await?;
            let landed = Landed {
                interview_id,
                state: interviews::CANCELED,
                starts_at: None,
            };
            self.commit_checked(txn, "the cancellation", landed).await?;
            self.calendar_file_follows(outcome.interview.study_id);
            Ok(outcome)
        })
    }

    pub(crate) async fn cancel_interview_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        reason: &str,
        actor: &Actor,
    ) -> Result<CancelOutcome, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        if row.state != interviews::SCHEDULED {
            return Err(AppError::new(
                ErrorCode::Conflict,
                format!(
                    "The interview is {}, not scheduled, so it cannot be canceled.",
                    row.state.replace('_', " ")
                ),
            ));
        }
        let now = now_ts();
        let mut change = interviews::set_state(&row, interviews::CANCELED, now);
        change.sequence = Set(confab_mail::calendar::sequence_after_change(row.sequence));
        change.cancel_reason = Set(reason.trim().to_owned());
        // Who was on it stays on record; a canceled interview holds nobody's time.
        let updated = interviews::update(txn, change).await.map_err(refused)?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| not_found("enrolment", row.enrolment_id))?;
        apply_event(
            txn,
            &enrolment,
            StatusEvent::InterviewCanceled,
            actor,
            Some(row.id),
            reason,
        )
        .await?;
        log(
            txn,
            &updated,
            actor,
            "interview canceled",
            &from_ts(row.starts_at).to_rfc3339(),
            "",
            reason,
        )
        .await?;
        withdraw_interview_mail(txn, row.id).await?;
        // A calendar that never received the event has nothing to remove.
        if confab_store::outbox::calendar_event_sent(txn, row.participant_id, &row.calendar_uid)
            .await?
        {
            queue_interview_mail(txn, &updated, MessageKind::Cancellation).await?;
        }
        notify_staff(txn, &updated, &[], StaffChange::Canceled).await?;
        let offered_to =
            crate::waitlist::offer_place(txn, &crate::waitlist::FreedPlace::of(&updated), actor)
                .await?;
        let interview = view_of(txn, updated).await?;
        Ok(CancelOutcome {
            interview,
            offered_to,
        })
    }

    /// Moves a scheduled interview to a new time. It stays the same interview (same calendar
    /// UID) with its calendar sequence raised, so calendars update the event in place.
    pub async fn reschedule_interview(
        &self,
        interview_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleKey],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        run_again_on_conflict!(async {
            let txn = begin_write(&self.db).await?;
            let interview = self
                .reschedule_interview_in(
                    &txn,
                    interview_id,
                    session_id,
                    start,
                    accepted_rules,
                    actor,
                )
                .await?;
            let landed = Landed {
                interview_id,
                state: interviews::SCHEDULED,
                starts_at: Some(start.timestamp()),
            };
            self.commit_checked(txn, "the new time", landed).await?;
            self.calendar_file_follows(interview.study_id);
            Ok(interview)
        })
    }

    pub(crate) async fn reschedule_interview_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
        accepted_rules: &[RuleKey],
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        if row.state != interviews::SCHEDULED {
            return Err(AppError::new(
                ErrorCode::Conflict,
                "Only a scheduled interview can be rescheduled; book a new one instead.",
            ));
        }
        let study = require_study(txn, row.study_id).await?;
        let (data, session) =
            load_for_booking(txn, &study, session_id, start, Some(row.id), None).await?;
        let breaks = explain(
            &data.engine().rule_breaks(session_id, start, Utc::now()),
            &data.rules,
        );
        check_accepted(&breaks, accepted_rules)?;
        let end = end_of(&study, session.as_ref(), session_id, start)?;
        // The rules booked past are those of the new time; the old time's go with it.
        let overrides: Vec<RuleKey> = breaks.iter().map(|b| b.rule).collect();
        let change = interview::ActiveModel {
            id: Set(row.id),
            session_id: Set(session_id),
            starts_at: Set(start.timestamp()),
            ends_at: Set(end.timestamp()),
            sequence: Set(confab_mail::calendar::sequence_after_change(row.sequence)),
            rule_overrides: Set(RuleKey::join(&overrides)),
            updated_at: Set(now_ts()),
            ..Default::default()
        };
        // Whoever ran the old time is free of it; those of them free at the new time keep it.
        let before = staff_now(txn, row.id).await?;
        confab_store::interview_interviewers::clear(txn, row.id).await?;
        let updated = interviews::update(txn, change).await.map_err(refused)?;
        let prefer: Vec<i64> = before.iter().map(|p| p.interviewer_id).collect();
        crate::staffing::assign_interviewer(txn, &study, &updated, &prefer, session.as_ref())
            .await?;
        // Cancel links already sent act until the interview's new end.
        confab_store::tokens::move_interview_end(txn, row.id, updated.ends_at).await?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| not_found("enrolment", row.enrolment_id))?;
        apply_event(
            txn,
            &enrolment,
            StatusEvent::InterviewRescheduled,
            actor,
            Some(row.id),
            "rescheduled",
        )
        .await?;
        log(
            txn,
            &updated,
            actor,
            "interview rescheduled",
            &from_ts(row.starts_at).to_rfc3339(),
            &start.to_rfc3339(),
            "",
        )
        .await?;
        queue_interview_mail(txn, &updated, MessageKind::Update).await?;
        notify_staff(txn, &updated, &before, StaffChange::Moved).await?;
        let interview = view_of(txn, updated).await?;
        Ok(interview)
    }

    pub async fn mark_no_show(
        &self,
        interview_id: i64,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        self.finish(
            interview_id,
            interviews::NO_SHOW,
            StatusEvent::MarkedNoShow,
            actor,
        )
        .await
    }

    pub async fn mark_completed(
        &self,
        interview_id: i64,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        self.finish(
            interview_id,
            interviews::COMPLETED,
            StatusEvent::InterviewCompleted,
            actor,
        )
        .await
    }

    async fn finish(
        &self,
        interview_id: i64,
        state: &str,
        event: StatusEvent,
        actor: &Actor,
    ) -> Result<InterviewView, AppError> {
        let txn = begin_write(&self.db).await?;
        let updated = self
            .finish_in(&txn, interview_id, state, event, actor, "")
            .await?;
        let interview = view_of(&txn, updated).await?;
        txn.commit().await?;
        Ok(interview)
    }

    /// Ends an interview as completed or a no-show inside the caller's transaction.
    pub(crate) async fn finish_in(
        &self,
        txn: &DatabaseTransaction,
        interview_id: i64,
        state: &str,
        event: StatusEvent,
        actor: &Actor,
        reason: &str,
    ) -> Result<interview::Model, AppError> {
        let row = self.interview_row(txn, interview_id).await?;
        let allowed = row.state == interviews::SCHEDULED
            || (state == interviews::NO_SHOW && row.state == interviews::COMPLETED);
        if !allowed {
            return Err(AppError::new(
                ErrorCode::Conflict,
                format!(
                    "The interview is {}; that cannot change to {}.",
                    row.state.replace('_', " "),
                    state.replace('_', " ")
                ),
            ));
        }
        let updated = interviews::update(txn, interviews::set_state(&row, state, now_ts()))
            .await
            .map_err(refused)?;
        let enrolment = confab_store::enrolments::find_by_id(txn, row.enrolment_id)
            .await?
            .ok_or_else(|| not_found("enrolment", row.enrolment_id))?;
        // An earlier interview found to be a no-show after the participant moved on (to the
        // study's next interview, say) changes its own record, not where they stand now.
        let about_now = row.state == interviews::SCHEDULED
            || (crate::statuses::status_of(&enrolment)? == confab_core::EnrolmentStatus::Completed
                && !interviews::completed_after(txn, &row).await?);
        if about_now {
            apply_event(txn, &enrolment, event, actor, Some(row.id), reason).await?;
        }
        log(
            txn,
            &updated,
            actor,
            &format!("interview {}", state.replace('_', " ")),
            &row.state,
            state,
            reason,
        )
        .await?;
        // Nothing about an interview that is over should still go out.
        withdraw_interview_mail(txn, row.id).await?;
        Ok(updated)
    }

    /// Marks every scheduled interview whose end has passed as completed. Runs when the app
    /// starts and before interview lists are read.
    pub async fn complete_ended_interviews(&self) -> Result<u32, AppError> {
        let ended = interviews::ended_before(&self.db, now_ts()).await?;
        let mut done = 0;
        for row in ended {
            match self
                .finish(
                    row.id,
                    interviews::COMPLETED,
                    StatusEvent::InterviewCompleted,
                    &Actor::system(),
                )
                .await
            {
                Ok(_) => done += 1,
                // Another process completed or changed it in between: nothing left to do.
                Err(e) if e.code == ErrorCode::Conflict => {}
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }

    /// One tab of the Interviews screen: Upcoming soonest first, the others latest first.
    pub async fn list_interviews(
        &self,
        study_id: i64,
        list: InterviewList,
    ) -> Result<Vec<InterviewView>, AppError> {
        let study = self.study_row(study_id).await?;
        self.complete_ended_interviews().await?;
        let state = match list {
            InterviewList::Upcoming => interviews::SCHEDULED,
            InterviewList::Completed => interviews::COMPLETED,
            InterviewList::Canceled => interviews::CANCELED,
            InterviewList::NoShow => interviews::NO_SHOW,
        };
        let rows = interviews::for_study_in_state(&self.db, study_id, state).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut staff = confab_store::interview_interviewers::staff_of(&self.db, &ids).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let person = require_participant(&self.db, row.participant_id).await?;
            let interviewers = staff.remove(&row.id).unwrap_or_default();
            out.push(view_with(
                row,
                &person.name,
                &person.email,
                study.interviews_per_participant,
                interviewers,
            ));
        }
        Ok(out)
    }
}

impl Confab {
    pub async fn interview(&self, interview_id: i64) -> Result<InterviewView, AppError> {
        let row = self.interview_row(&self.db, interview_id).await?;
        view_of(&self.db, row).await
    }
}
