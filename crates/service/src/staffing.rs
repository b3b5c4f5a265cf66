//! Who runs an interview, as the study's staffing rule says: the least booked free interviewer
//! (round robin, ties by name), one fixed interviewer, or a panel of several; note-takers of the
//! session sit in when free. The database refuses a second overlapping interview for the same
//! person in any study, so two bookings at once cannot both take them.

use confab_store::entity::{interview, session, study};
use confab_store::interview_interviewers::{INTERVIEWER, NOTE_TAKER, OnInterview};
use confab_store::sessions::SessionPeople;
use confab_store::{ConnectionTrait, interview_interviewers, sessions};
use confab_store::{Refusal, refusal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;

/// How a study puts interviewers on its interviews.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum Staffing {
    /// The session's free interviewer who has run the fewest of the study's interviews.
    #[default]
    RoundRobin,
    /// One interviewer runs every interview, whichever session it is in.
    #[serde(rename_all = "camelCase")]
    Fixed {
        #[ts(type = "number")]
        interviewer_id: i64,
    },
    /// Several of the session's interviewers sit on each interview: `size` of them, or all.
    Panel { size: Option<u32> },
}

/// What a person does on an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StaffRole {
    Interviewer,
    /// Sits in and takes notes when free; never counts as a place.
    NoteTaker,
}

impl StaffRole {
    pub(crate) fn key(self) -> &'static str {
        match self {
            StaffRole::Interviewer => INTERVIEWER,
            StaffRole::NoteTaker => NOTE_TAKER,
        }
    }

    pub(crate) fn of_key(key: &str) -> Self {
        if key == NOTE_TAKER {
            StaffRole::NoteTaker
        } else {
            StaffRole::Interviewer
        }
    }
}

/// One person on an interview, as the views show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffView {
    #[ts(type = "number")]
    pub interviewer_id: i64,
    pub name: String,
    pub email: String,
    pub role: StaffRole,
}

impl From<OnInterview> for StaffView {
    fn from(p: OnInterview) -> Self {
        Self {
            interviewer_id: p.interviewer_id,
            role: StaffRole::of_key(&p.role),
            name: p.name,
            email: p.email,
        }
    }
}

impl Staffing {
    pub(crate) fn of(study: &study::Model) -> Self {
        match (study.staffing.as_str(), study.fixed_interviewer_id) {
            ("fixed", Some(interviewer_id)) => Staffing::Fixed { interviewer_id },
            ("panel", _) => Staffing::Panel {
                size: study.panel_size.and_then(|n| u32::try_from(n).ok()),
            },
            _ => Staffing::RoundRobin,
        }
    }

    /// The study's columns that hold this rule: (staffing, fixed interviewer, panel size).
    pub(crate) fn columns(&self) -> (&'static str, Option<i64>, Option<i32>) {
        match self {
            Staffing::RoundRobin => ("round_robin", None, None),
            Staffing::Fixed { interviewer_id } => ("fixed", Some(*interviewer_id), None),
            Staffing::Panel { size } => ("panel", None, size.and_then(|n| i32::try_from(n).ok())),
        }
    }

    /// Words for the audit log.
    pub(crate) fn describe(&self) -> String {
        match self {
            Staffing::RoundRobin => "round robin".into(),
            Staffing::Fixed { interviewer_id } => format!("fixed interviewer {interviewer_id}"),
            Staffing::Panel { size: Some(n) } => format!("panel of {n}"),
            Staffing::Panel { size: None } => "panel of all".into(),
        }
    }

    /// The interviewers a session's interviews draw on, and how many each takes, for the
    /// open-slot engine.
    pub(crate) fn engine_people(&self, session_interviewers: &[i64]) -> (Vec<i64>, u32) {
        match self {
            Staffing::RoundRobin => (session_interviewers.to_vec(), 1),
            Staffing::Fixed { interviewer_id } => (vec![*interviewer_id], 1),
            Staffing::Panel { size } => {
                let all = u32::try_from(session_interviewers.len()).unwrap_or(u32::MAX);
                let size = size.unwrap_or(all).clamp(1, all.max(1));
                (session_interviewers.to_vec(), size)
            }
        }
    }
}

/// Puts the study's interviewers (and the session's free note-takers) on a newly booked or
/// moved interview. Nobody is put on it when the session has no interviewers, or when those
/// the rule asks for are busy then (a booking the researcher made past that rule).
/// `prefer` (those who ran it before it moved) are kept on it where they are free.
pub(crate) async fn assign_interviewer(
    db: &impl ConnectionTrait,
    study: &study::Model,
    row: &interview::Model,
    prefer: &[i64],
    loaded: Option<&(session::Model, SessionPeople)>,
) -> Result<bool, AppError> {
    let read;
    let (session, people) = match loaded {
        Some((session, people)) if session.id == row.session_id => (session, people),
        _ => match sessions::find_with_interviewers(db, row.session_id).await? {
            Some(found) => {
                read = found;
                (&read.0, &read.1)
            }
            None => return Ok(false),
        },
    };
    // An interview day's applicants meet its interviewers round by round, as its schedule
    // says; nobody runs an applicant's whole day.
    if session.kind == "day" {
        return Ok(false);
    }
    let staffing = Staffing::of(study);
    let (candidates, wanted) = match staffing {
        Staffing::Fixed { interviewer_id } => (vec![interviewer_id], 1),
        _ if people.interviewers.is_empty() => (Vec::new(), 0),
        Staffing::RoundRobin => (people.interviewers.clone(), 1),
        Staffing::Panel { .. } => staffing.engine_people(&people.interviewers),
    };
    let free = free_in_load_order(db, row, &candidates, prefer).await?;
    let mut placed = 0;
    for id in free {
        if placed >= wanted {
            break;
        }
        if put_on(db, row.id, id, StaffRole::Interviewer).await? {
            placed += 1;
        }
    }
    let note_takers = add_note_takers(db, row, people).await?;
    Ok(placed > 0 || note_takers > 0)
}

/// The session's note-takers who are free then sit in.
async fn add_note_takers(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    people: &SessionPeople,
) -> Result<usize, AppError> {
    let mut placed = 0;
    for id in free_in_load_order(db, row, &people.note_takers, &[]).await? {
        if put_on(db, row.id, id, StaffRole::NoteTaker).await? {
            placed += 1;
        }
    }
    Ok(placed)
}

/// Puts one person on an interview; `false` when they were taken in the moment between
/// reading and writing (the database refused the overlap).
async fn put_on(
    db: &impl ConnectionTrait,
    interview_id: i64,
    interviewer_id: i64,
    role: StaffRole,
) -> Result<bool, AppError> {
    match interview_interviewers::assign(db, interview_id, interviewer_id, role.key()).await {
        Ok(()) => Ok(true),
        Err(e) if refusal(&e) == Some(Refusal::InterviewerOverlap) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Those of `candidates` who are free for the whole interview: `prefer` first, then the least
/// booked in the study, then by name.
async fn free_in_load_order(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    candidates: &[i64],
    prefer: &[i64],
) -> Result<Vec<i64>, AppError> {
    let mut free = interview_interviewers::free_candidates(
        db,
        candidates,
        row.study_id,
        row.starts_at,
        row.ends_at,
        row.id,
    )
    .await?;
    free.sort_by(|a, b| {
        let (pa, pb) = (!prefer.contains(&a.id), !prefer.contains(&b.id));
        pa.cmp(&pb)
            .then(a.load.cmp(&b.load))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    Ok(free.into_iter().map(|p| p.id).collect())
}
