use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// Everything the researcher decides about one interview day before its schedule is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInput {
    /// When the first round may begin, on the wall clock of `time_zone`.
    pub start: NaiveDateTime,
    pub time_zone: Tz,
    pub rounds: u32,
    pub round_minutes: u32,
    /// Kept free between one round and the next, for walking to the next room.
    pub passing_minutes: u32,
    /// Welcome, lunch and the like: no round runs while one lasts.
    pub fixed_blocks: Vec<FixedBlock>,
    /// Interviewers, or rooms each holding an interview panel.
    pub interviewers: Vec<Interviewer>,
    /// The session's confirmed applicants.
    pub applicants: Vec<Applicant>,
    /// Pairs that must never meet (conflicts of interest).
    pub conflicts: Vec<Pair>,
    /// Pairs that should meet whenever the day allows it.
    pub must_meet: Vec<Pair>,
}

/// A part of the day without interviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedBlock {
    pub label: String,
    /// Wall-clock start in the day's time zone.
    pub start: NaiveDateTime,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interviewer {
    pub id: i64,
    pub name: String,
    /// Round numbers (the first round is 1) in which this interviewer cannot interview.
    pub unavailable_rounds: Vec<u32>,
    /// Times this interviewer cannot interview, e.g. from their calendar; a round that
    /// overlaps one of them is unavailable.
    pub unavailable: Vec<TimeSpan>,
}

/// A half-open interval of real time: a round ending when a span starts does not overlap it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeSpan {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub id: i64,
    pub name: String,
}

/// One applicant and one interviewer, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pair {
    pub applicant: i64,
    pub interviewer: i64,
}

impl Interviewer {
    /// An interviewer who is there for every round.
    pub fn new(id: i64, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            unavailable_rounds: Vec::new(),
            unavailable: Vec::new(),
        }
    }
}

impl Applicant {
    pub fn new(id: i64, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
        }
    }
}

impl Pair {
    pub fn new(applicant: i64, interviewer: i64) -> Self {
        Self {
            applicant,
            interviewer,
        }
    }
}
