use chrono::{DateTime, NaiveDateTime, Utc};

use super::score::Score;
use super::unmet::Unmet;

/// The day as generated: when each round runs, where each applicant is, whom each interviewer
/// sees, and what could not be arranged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySchedule {
    /// Round `n` (counting from 1) is `rounds[n - 1]`.
    pub rounds: Vec<Times>,
    pub blocks: Vec<BlockTime>,
    /// One per applicant, in the order of the input. These are the schedule: timetables are
    /// the same assignments seen from the interviewers' side.
    pub itineraries: Vec<Itinerary>,
    /// One per interviewer, in the order of the input.
    pub timetables: Vec<Timetable>,
    /// Wishes the schedule does not fulfil, each with the reason.
    pub unmet: Vec<Unmet>,
    pub score: Score,
}

/// A stretch of the day as real instants and as the wall clock of the day's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub local_start: NaiveDateTime,
    pub local_end: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockTime {
    pub label: String,
    pub times: Times,
}

/// One applicant's day: `seats[n - 1]` is where they are in round `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Itinerary {
    pub applicant: i64,
    pub seats: Vec<Seat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// With this interviewer (by id).
    Meets(i64),
    Break,
}

/// One interviewer's day: `duties[n - 1]` is what they do in round `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timetable {
    pub interviewer: i64,
    pub duties: Vec<Duty>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// With this applicant (by id).
    Meets(i64),
    Free,
    Unavailable,
}

impl DaySchedule {
    pub fn itinerary(&self, applicant: i64) -> Option<&Itinerary> {
        self.itineraries.iter().find(|it| it.applicant == applicant)
    }

    pub fn timetable(&self, interviewer: i64) -> Option<&Timetable> {
        self.timetables
            .iter()
            .find(|t| t.interviewer == interviewer)
    }
}

impl Itinerary {
    pub fn breaks(&self) -> usize {
        self.seats.iter().filter(|s| **s == Seat::Break).count()
    }
}
