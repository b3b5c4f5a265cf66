//! Reading from the database what the slot engine needs about a study: all of it, or only
//! what can matter to one booking.

use chrono::{DateTime, Duration, Utc};
use confab_core::availability::{Availability, Busy, SessionSpec, StudyRules, Taken};
use confab_store::entity::{session, study};
use confab_store::interview_interviewers::NOTE_TAKER;
use confab_store::sessions::{SessionNear, SessionPeople};
use confab_store::{
    ConnectionTrait, choices, interview_interviewers, interviewers, interviews, sessions,
};

use super::engine_input::{date_exception, rules_of, spec};
use crate::AppError;
use crate::clock::from_ts;
use crate::staffing::Staffing;

/// Everything the slot engine needs about one study, read from the database.
pub(crate) struct StudyAvailability {
    pub rules: StudyRules,
    pub sessions: Vec<SessionSpec>,
    pub taken: Vec<Taken>,
    pub busy: Vec<Busy>,
}

impl StudyAvailability {
    pub fn engine(&self) -> Availability<'_> {
        Availability {
            rules: &self.rules,
            sessions: &self.sessions,
            taken: &self.taken,
            busy: &self.busy,
        }
    }
}

/// Reads a study's sessions, bookings, holds and busy times. `leave_out` drops one interview
/// (the one being rescheduled) and `leave_out_enrolment` one participant's held choices (the
/// ones being replaced), so that neither blocks itself.
pub(crate) async fn load(
    db: &impl ConnectionTrait,
    study: &study::Model,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<StudyAvailability, AppError> {
    let rules = rules_of(study)?;
    let rows = sessions::for_study(db, study.id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let links = sessions::interviewer_links(db, &ids).await?;
    let note_takers: Vec<i64> = interviewers::for_study(db, study.id)
        .await?
        .into_iter()
        .filter(|p| p.role == NOTE_TAKER)
        .map(|p| p.id)
        .collect();
    let exceptions = sessions::exceptions_for_sessions(db, &ids).await?;
    let staffing = Staffing::of(study);
    let specs: Vec<SessionSpec> = rows
        .iter()
        .map(|row| {
            let people: Vec<i64> = links
                .iter()
                .filter(|l| l.session_id == row.id && !note_takers.contains(&l.interviewer_id))
                .map(|l| l.interviewer_id)
                .collect();
            let own = exceptions
                .iter()
                .filter(|e| e.session_id == row.id)
                .filter_map(date_exception)
                .collect();
            spec(row, &staffing, &people, own)
        })
        .collect();
    // Caps count a whole week, so read a week beyond the range on both sides.
    let week = Duration::days(8).num_seconds();
    let now = Utc::now().timestamp();
    let (from, to) = (
        now - week,
        now + Duration::days(i64::from(study.horizon_days)).num_seconds() + week,
    );
    let taken = taken_in_study(db, study.id, from, to, leave_out, leave_out_enrolment).await?;
    let mut people: Vec<i64> = specs
        .iter()
        .flat_map(|s| s.interviewers.iter().copied())
        .collect();
    people.sort_unstable();
    people.dedup();
    let busy = busy_of(db, &people, from, to, leave_out).await?;
    Ok(StudyAvailability {
        rules,
        sessions: specs,
        taken,
        busy,
    })
}

/// Reads only what can matter to one booking at `start` in `session_id`: that session, its
/// bookings and holds near `start`, the study's bookings in that week when the study caps
/// them, and the busy times of its interviewers. A booking's cost then stays flat however
/// many interviews the study holds.
pub(crate) async fn load_for_booking(
    db: &impl ConnectionTrait,
    study: &study::Model,
    session_id: i64,
    start: DateTime<Utc>,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<(StudyAvailability, Option<(session::Model, SessionPeople)>), AppError> {
    let near = sessions::find_near(
        db,
        session_id,
        start.timestamp(),
        leave_out,
        leave_out_enrolment,
    )
    .await?;
    availability_near(db, study, near, start, leave_out, leave_out_enrolment).await
}

/// [`load_for_booking`] from the session as already read (by the booking's first statement),
/// reading the rest: exceptions of weekly hours, a capped study's week, interviewers' busy
/// times.
pub(crate) async fn availability_near(
    db: &impl ConnectionTrait,
    study: &study::Model,
    near: Option<SessionNear>,
    start: DateTime<Utc>,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<(StudyAvailability, Option<(session::Model, SessionPeople)>), AppError> {
    let rules = rules_of(study)?;
    let t = start.timestamp();
    let Some(SessionNear {
        session: row,
        people: session_people,
        taken: near,
    }) = near.filter(|s| s.session.study_id == study.id)
    else {
        return Ok((
            StudyAvailability {
                rules,
                sessions: vec![],
                taken: vec![],
                busy: vec![],
            },
            None,
        ));
    };
    let exceptions = if row.kind == "weekly" {
        sessions::exceptions_for_sessions(db, &[row.id])
            .await?
            .into_iter()
            .filter_map(|e| date_exception(&e))
            .collect()
    } else {
        Vec::new()
    };
    let spec = spec(
        &row,
        &Staffing::of(study),
        &session_people.interviewers,
        exceptions,
    );
    let people = spec.interviewers.clone();
    let day = Duration::days(1).num_seconds();
    // The same window as the places `find_near` read: what can touch a booking at `t`.
    let (near_from, near_to) = (t - day, row.ends_at.unwrap_or(t).max(t) + day);
    // Caps count a whole week, so a capped study's places are read for the weeks around `t`.
    let taken = if study.max_per_day.is_some() || study.max_per_week.is_some() {
        taken_in_study(
            db,
            study.id,
            t - 8 * day,
            t + 8 * day,
            leave_out,
            leave_out_enrolment,
        )
        .await?
    } else {
        near.into_iter()
            .flat_map(|(start, end, n)| {
                let one = Taken {
                    session_id: row.id,
                    start: from_ts(start),
                    end: from_ts(end),
                };
                std::iter::repeat_n(one, usize::try_from(n).unwrap_or(0))
            })
            .collect()
    };
    let busy = if people.is_empty() {
        Vec::new()
    } else {
        busy_of(db, &people, near_from, near_to, leave_out).await?
    };
    Ok((
        StudyAvailability {
            rules,
            sessions: vec![spec],
            taken,
            busy,
        },
        Some((row, session_people)),
    ))
}

/// The study's scheduled interviews and held choices touching [from, to), but the one
/// interview and the one participant's holds left out.
async fn taken_in_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    from: i64,
    to: i64,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<Vec<Taken>, AppError> {
    let booked = interviews::scheduled_between(db, study_id, from, to)
        .await?
        .into_iter()
        .filter(|i| Some(i.id) != leave_out)
        .map(|i| (i.session_id, i.starts_at, i.ends_at));
    let held = choices::held_between(db, study_id, None, from, to)
        .await?
        .into_iter()
        .filter(|c| Some(c.enrolment_id) != leave_out_enrolment)
        .map(|c| (c.session_id, c.starts_at, c.ends_at));
    Ok(booked
        .chain(held)
        .map(|(session_id, start, end)| Taken {
            session_id,
            start: from_ts(start),
            end: from_ts(end),
        })
        .collect())
}

/// When each interviewer is busy: their calendars' busy times, and the interviews they run in
/// any study (but `leave_out`, the one being moved).
async fn busy_of(
    db: &impl ConnectionTrait,
    people: &[i64],
    from: i64,
    to: i64,
    leave_out: Option<i64>,
) -> Result<Vec<Busy>, AppError> {
    let busy = interview_interviewers::busy_or_held_between(db, people, from, to, leave_out)
        .await?
        .into_iter()
        .map(|(interviewer_id, start, end)| Busy {
            interviewer_id,
            start: from_ts(start),
            end: from_ts(end),
        })
        .collect();
    Ok(busy)
}
