//! The schedule as the window and the command line show it.

use chrono::{DateTime, NaiveDateTime, Utc};
use confab_core::interview_day::{Conflict, ConflictKind, DaySchedule, Duty, Seat};
use confab_store::entity::day_schedule;
use serde::Serialize;
use ts_rs::TS;

use super::day::{Day, DaySettings, settings_of};
use crate::AppError;
use crate::clock::from_ts;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayScheduleView {
    #[ts(type = "number")]
    pub session_id: i64,
    pub settings: DaySettings,
    /// The study's time zone, in which the local times are given.
    pub time_zone: String,
    pub rounds: Vec<DayRoundView>,
    /// Welcomes, lunches and other parts of the day without interviews.
    pub blocks: Vec<DayRoundView>,
    pub itineraries: Vec<DayItineraryView>,
    pub timetables: Vec<DayTimetableView>,
    /// Wishes the schedule does not fulfil, each with the reason.
    pub unmet: Vec<String>,
    /// Hard rules the schedule breaks (only after changes by hand); it cannot be published
    /// while there are any.
    pub conflicts: Vec<DayConflictView>,
    pub published_at: Option<DateTime<Utc>>,
    /// The calendar SEQUENCE of the last publication.
    pub sequence: u32,
    /// True when the applicants have not been sent the schedule as it is now.
    pub unpublished_changes: bool,
    /// Applicants who canceled or were booked since the schedule was made or published.
    pub roster_changes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayRoundView {
    /// The round's number (from 1), or the block's name.
    pub label: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// `YYYY-MM-DDTHH:MM` on the study's wall clock.
    pub local_start: String,
    pub local_end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayItineraryView {
    #[ts(type = "number")]
    pub applicant_id: i64,
    pub name: String,
    /// One per round, in order.
    pub seats: Vec<DaySeatView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DaySeatView {
    pub round: u32,
    /// None for a break.
    #[ts(type = "number | null")]
    pub interviewer_id: Option<i64>,
    pub interviewer_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayTimetableView {
    #[ts(type = "number")]
    pub interviewer_id: i64,
    pub name: String,
    pub duties: Vec<DayDutyView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayDutyView {
    pub round: u32,
    /// None when free or unavailable.
    #[ts(type = "number | null")]
    pub applicant_id: Option<i64>,
    pub applicant_name: Option<String>,
    pub unavailable: bool,
}

/// A hard rule the schedule breaks: in words, and the seats it is about, so that the grid
/// marks them without reading the words: each named applicant's seat in each named round, with
/// one of the named interviewers (any, when none is named; every round, when none is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayConflictView {
    pub message: String,
    #[ts(type = "number[]")]
    pub applicants: Vec<i64>,
    #[ts(type = "number[]")]
    pub interviewers: Vec<i64>,
    /// Counted from 1.
    pub rounds: Vec<u32>,
}

impl From<&Conflict> for DayConflictView {
    fn from(conflict: &Conflict) -> Self {
        let (applicants, interviewers, rounds) = match &conflict.kind {
            ConflictKind::MeetsTwice {
                applicant,
                interviewer,
                rounds,
            } => (vec![*applicant], vec![*interviewer], rounds.clone()),
            ConflictKind::DoubleBooked {
                interviewer,
                round,
                applicants,
            } => (applicants.clone(), vec![*interviewer], vec![*round]),
            ConflictKind::ConflictOfInterest {
                applicant,
                interviewer,
                round,
            }
            | ConflictKind::Unavailable {
                applicant,
                interviewer,
                round,
            }
            | ConflictKind::UnknownInterviewer {
                applicant,
                interviewer,
                round,
            } => (vec![*applicant], vec![*interviewer], vec![*round]),
            ConflictKind::NotThisDay => (Vec::new(), Vec::new(), Vec::new()),
        };
        Self {
            message: conflict.message.clone(),
            applicants,
            interviewers,
            rounds,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SwapReport {
    pub schedule: DayScheduleView,
    /// The hard rules the schedule breaks after the swap; empty when it is sound.
    pub conflicts: Vec<DayConflictView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishReport {
    /// Itineraries queued, one per applicant.
    pub itineraries: u32,
    /// Timetables queued, one per interviewer with an address.
    pub timetables: u32,
    /// Interviewers left out, each with the reason.
    pub skipped: Vec<String>,
    pub sequence: u32,
    /// Messages of the previous publication that had not been sent yet, replaced by these.
    pub withdrawn: u32,
    /// Applicants no longer on the day whose calendar event is canceled.
    pub canceled: u32,
}

pub(crate) fn local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

pub(crate) fn view(
    day: &Day,
    schedule: &DaySchedule,
    conflicts: &[Conflict],
    row: &day_schedule::Model,
    roster_changes: &[String],
) -> Result<DayScheduleView, AppError> {
    let times = |label: String, t: &confab_core::interview_day::Times| DayRoundView {
        label,
        start: t.start,
        end: t.end,
        local_start: local(t.local_start),
        local_end: local(t.local_end),
    };
    let interviewer_name = |id: i64| day.interviewer(id).map(|i| i.name.clone());
    let applicant_name = |id: i64| day.applicant(id).map(|p| p.participant.name.clone());
    Ok(DayScheduleView {
        session_id: day.session.id,
        settings: settings_of(row)?,
        time_zone: day.zone.name().to_owned(),
        rounds: schedule
            .rounds
            .iter()
            .enumerate()
            .map(|(r, t)| times((r + 1).to_string(), t))
            .collect(),
        blocks: schedule
            .blocks
            .iter()
            .map(|b| times(b.label.clone(), &b.times))
            .collect(),
        itineraries: schedule
            .itineraries
            .iter()
            .map(|it| DayItineraryView {
                applicant_id: it.applicant,
                name: applicant_name(it.applicant).unwrap_or_default(),
                seats: it
                    .seats
                    .iter()
                    .enumerate()
                    .map(|(r, seat)| {
                        let id = match seat {
                            Seat::Meets(i) => Some(*i),
                            Seat::Break => None,
                        };
                        DaySeatView {
                            round: r as u32 + 1,
                            interviewer_id: id,
                            interviewer_name: id.and_then(interviewer_name),
                        }
                    })
                    .collect(),
            })
            .collect(),
        timetables: schedule
            .timetables
            .iter()
            .map(|t| DayTimetableView {
                interviewer_id: t.interviewer,
                name: interviewer_name(t.interviewer).unwrap_or_default(),
                duties: t
                    .duties
                    .iter()
                    .enumerate()
                    .map(|(r, duty)| {
                        let id = match duty {
                            Duty::Meets(a) => Some(*a),
                            Duty::Free | Duty::Unavailable => None,
                        };
                        DayDutyView {
                            round: r as u32 + 1,
                            applicant_id: id,
                            applicant_name: id.and_then(applicant_name),
                            unavailable: *duty == Duty::Unavailable,
                        }
                    })
                    .collect(),
            })
            .collect(),
        unmet: schedule.unmet.iter().map(|u| u.message.clone()).collect(),
        conflicts: conflicts.iter().map(DayConflictView::from).collect(),
        published_at: row.published_at.map(from_ts),
        sequence: u32::try_from(row.sequence).unwrap_or(0),
        unpublished_changes: row.changed_since_publish || !roster_changes.is_empty(),
        roster_changes: roster_changes.to_vec(),
    })
}
