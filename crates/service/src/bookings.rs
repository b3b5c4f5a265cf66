//! Booking, and everything that happens to an interview after: cancel, reschedule, no-show,
//! completion. Each change runs in one write transaction with its status change and its line
//! in the audit log; the database's triggers refuse a full slot or an overlap whatever the
//! caller checked before.

use chrono::{DateTime, Duration, Utc};
use confab_store::entity::{session, study};
use confab_store::{DbErr, Refusal, refusal};

use crate::AppError;
use crate::clock::from_ts;
use confab_store::sessions::SessionPeople;

mod choices;
mod lifecycle;
mod manual;
mod new_interview;
mod views;

pub(crate) use choices::Chooser;
pub use choices::{ChoiceInput, ChoiceOutcome};
pub use lifecycle::CancelOutcome;
pub(crate) use views::view_of;
pub use views::{InterviewList, InterviewView};

fn refused(error: DbErr) -> AppError {
    match refusal(&error) {
        Some(Refusal::SlotFull) => AppError::conflict(
            "That time has no place left: another booking took it. Choose another time.",
        ),
        Some(Refusal::ParticipantOverlap) => {
            AppError::conflict("The participant already has another interview at that time.")
        }
        Some(Refusal::InterviewerOverlap) => AppError::conflict(
            "The interviewer already has another interview at that time. Choose another time.",
        ),
        Some(Refusal::AlreadyScheduled) => AppError::conflict(
            "The participant already has a scheduled interview in this study; reschedule it instead.",
        ),
        None => error.into(),
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
        .ok_or_else(|| AppError::no_such("session of this study", session_id))?;
    Ok(match (session.kind.as_str(), session.ends_at) {
        ("day", Some(end)) => from_ts(end),
        _ => start + Duration::minutes(i64::from(study.interview_minutes)),
    })
}

/// A session with the people it has, as read for one booking.
type LoadedSession = (session::Model, SessionPeople);
