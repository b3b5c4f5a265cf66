use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

/// The study's rules that shape what can be offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyRules {
    pub time_zone: Tz,
    /// Length of one interview, e.g. 45.
    pub interview_minutes: u32,
    /// Kept free before each interview.
    pub buffer_before_minutes: u32,
    /// Kept free after each interview.
    pub buffer_after_minutes: u32,
    /// No slot starting sooner than now + this.
    pub min_notice_minutes: u32,
    /// No slot starting later than now + this many days (of 24 hours).
    pub horizon_days: u32,
    /// At most this many interviews (scheduled + held) on one local day of the study's time zone.
    pub max_per_day: Option<u32>,
    /// At most this many interviews in one ISO week (Monday–Sunday, local to the study's time zone).
    pub max_per_week: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionPattern {
    /// A one-off window, cut into slots.
    Window {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// Every week on `weekday`, from `start` to `end` local time (study time zone), on dates from
    /// `from` to `until` (inclusive; None = open-ended), except on dates in `exceptions`.
    Weekly {
        weekday: Weekday,
        start: NaiveTime,
        end: NaiveTime,
        from: NaiveDate,
        until: Option<NaiveDate>,
        exceptions: Vec<DateException>,
    },
    /// A whole interview day (or half-day): ONE slot from start to end whose capacity is the
    /// session's capacity; never cut.
    Day {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
}

/// A change to one date of a weekly pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateException {
    pub date: NaiveDate,
    /// None: no availability that date; Some: replaces that date's hours.
    pub hours: Option<(NaiveTime, NaiveTime)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSpec {
    pub id: i64,
    pub pattern: SessionPattern,
    pub capacity: u32,
    pub visible: bool,
    pub interviewers: Vec<i64>,
    /// How many of the interviewers each interview takes (a panel); at least one.
    pub panel: u32,
}

/// A scheduled interview or a Pending hold (a held choice): both take a place and count toward caps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A time an interviewer cannot interview, e.g. from their calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub interviewer_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A start time that can still be booked, and how many places it has left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSlot {
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub remaining: u32,
}

/// Everything the engine needs to know about one study, borrowed so that callers keep their data.
#[derive(Debug, Clone, Copy)]
pub struct Availability<'a> {
    pub rules: &'a StudyRules,
    pub sessions: &'a [SessionSpec],
    pub taken: &'a [Taken],
    pub busy: &'a [Busy],
}
