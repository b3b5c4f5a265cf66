//! Writing a new interview: its round, its row, its staff, the participant's status and the
//! confirmation, in the caller's transaction.

use chrono::{DateTime, Utc};
use confab_core::StatusEvent;
use confab_store::audit::NewEntry;
use confab_store::entity::{enrolment, interview, participant, study};
use confab_store::{ConnectionTrait, DatabaseTransaction, interviews};

use super::{LoadedSession, refused};
use crate::clock::{from_ts, now_ts};
use crate::mail::compose::{queue_interview_mail, queue_interview_mail_to};
use crate::mail::staff::{StaffChange, notify_staff, staff_now};
use crate::statuses::apply_event_and_log;
use crate::{Actor, AppError};
use confab_mail::template::MessageKind;

pub(super) struct NewInterview<'a> {
    pub(super) study: &'a study::Model,
    pub(super) enrolment: &'a enrolment::Model,
    /// The participant, when already read; read again for the confirmation otherwise.
    pub(super) person: Option<&'a participant::Model>,
    /// The session as already read, when it was; read again otherwise.
    pub(super) session: Option<&'a LoadedSession>,
    /// The rounds the participant holds, when already read; read again otherwise.
    pub(super) held_rounds: Option<&'a [i32]>,
    /// Whether links of an earlier invitation to choose a time still act, when already read;
    /// they are retired regardless otherwise.
    pub(super) open_choice_links: Option<bool>,
    /// The message whose link made the booking: its other links stop acting with it.
    pub(super) used_batch: Option<&'a str>,
    pub(super) session_id: i64,
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    pub(super) overrides: String,
}

pub(super) async fn insert_interview(
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
    if new.open_choice_links != Some(false) {
        confab_store::tokens::retire_for_booking(txn, new.enrolment.id, new.used_batch, now)
            .await?;
    } else if let Some(batch) = new.used_batch {
        confab_store::tokens::use_batch(txn, batch, now).await?;
    }
    let booked = NewEntry {
        study_id: Some(row.study_id),
        participant_id: Some(row.participant_id),
        interview_id: Some(row.id),
        from_value: String::new(),
        to_value: from_ts(row.starts_at).to_rfc3339(),
        reason: reason.into(),
        ..actor.entry("interview booked", now)
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
        let kind = MessageKind::Confirmation;
        match new.person {
            Some(person) => {
                // Only this transaction can have staffed an interview it just wrote.
                let staff = if staffed {
                    staff_now(txn, row.id).await?
                } else {
                    Vec::new()
                };
                queue_interview_mail_to(txn, &row, kind, new.study, person, &staff).await?
            }
            None => queue_interview_mail(txn, &row, kind).await?,
        }
        if staffed {
            notify_staff(txn, &row, &[], StaffChange::Booked).await?;
        }
    }
    Ok((row, staffed))
}

/// The round a new booking holds: the first the participant has not held (a completed
/// interview later marked a no-show leaves its round to hold again). A participant who has
/// had every interview the study holds is not booked again.
pub(super) async fn next_round(
    db: &impl ConnectionTrait,
    study: &study::Model,
    enrolment: &enrolment::Model,
) -> Result<i32, AppError> {
    round_to_hold(study, interviews::next_round(db, enrolment.id).await?)
}

/// The rounds the participant holds, once it is clear that they may hold another.
pub(super) async fn held_rounds(
    db: &impl ConnectionTrait,
    study: &study::Model,
    enrolment: &enrolment::Model,
) -> Result<Vec<i32>, AppError> {
    let held = interviews::held_rounds(db, enrolment.id).await?;
    round_to_hold(study, interviews::first_free_round(&held))?;
    Ok(held)
}

/// `next`, unless the participant has had every interview the study holds.
fn round_to_hold(study: &study::Model, next: i32) -> Result<i32, AppError> {
    if next > study.interviews_per_participant {
        let all = match study.interviews_per_participant {
            1 => "the one interview".to_owned(),
            n => format!("all {n} interviews"),
        };
        return Err(AppError::conflict(format!(
            "This participant has completed {all} this study holds with each person. To hold another, raise \"Interviews per participant\" in the study's settings first."
        )));
    }
    Ok(next)
}
