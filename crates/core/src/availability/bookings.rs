//! Existing interviews and holds, indexed for the questions the slot rules ask.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, IsoWeek, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

use super::Taken;
use super::local_time::local_date;
use super::span::Span;

/// Every `Taken` entry, grouped by session and counted by local day and week.
#[derive(Debug, Default)]
pub(super) struct Bookings {
    sessions: HashMap<i64, SessionBookings>,
    per_day: HashMap<NaiveDate, u32>,
    per_week: HashMap<IsoWeek, u32>,
}

/// One session's bookings in start order, so that each question is a binary search.
#[derive(Debug, Default)]
pub(super) struct SessionBookings {
    /// Every booking's start, empty ones included: each takes a place.
    starts: Vec<DateTime<Utc>>,
    /// Only bookings that occupy time.
    spans: Vec<Span>,
    longest: TimeDelta,
}

static NO_BOOKINGS: SessionBookings = SessionBookings {
    starts: Vec::new(),
    spans: Vec::new(),
    longest: TimeDelta::zero(),
};

impl Bookings {
    pub(super) fn new(taken: &[Taken], time_zone: Tz) -> Self {
        let mut bookings = Self::default();
        for entry in taken {
            let date = local_date(time_zone, entry.start);
            *bookings.per_day.entry(date).or_default() += 1;
            *bookings.per_week.entry(date.iso_week()).or_default() += 1;
            let session = bookings.sessions.entry(entry.session_id).or_default();
            session.starts.push(entry.start);
            // An empty or inverted booking still takes a place, but occupies no time.
            if entry.start < entry.end {
                session.spans.push((entry.start, entry.end));
                session.longest = session.longest.max(entry.end - entry.start);
            }
        }
        for session in bookings.sessions.values_mut() {
            session.starts.sort_unstable();
            session.spans.sort_unstable();
        }
        bookings
    }

    pub(super) fn of(&self, session_id: i64) -> &SessionBookings {
        self.sessions.get(&session_id).unwrap_or(&NO_BOOKINGS)
    }

    pub(super) fn on_day(&self, date: NaiveDate) -> u32 {
        self.per_day.get(&date).copied().unwrap_or(0)
    }

    pub(super) fn in_week(&self, week: IsoWeek) -> u32 {
        self.per_week.get(&week).copied().unwrap_or(0)
    }
}

impl SessionBookings {
    /// Places already taken in the slot starting at `start`.
    pub(super) fn at(&self, start: DateTime<Utc>) -> u32 {
        let first = self.starts.partition_point(|other| *other < start);
        let after = self.starts.partition_point(|other| *other <= start);
        u32::try_from(after - first).unwrap_or(u32::MAX)
    }

    /// Whether a booking at another start than `start` lies within `[low, high)`.
    ///
    /// Bookings at `start` itself share the slot and count against its places instead.
    pub(super) fn crowd(
        &self,
        start: DateTime<Utc>,
        low: DateTime<Utc>,
        high: DateTime<Utc>,
    ) -> bool {
        // No booking is longer than `longest`, so one starting this early has ended by `low`.
        let earliest = low
            .checked_sub_signed(self.longest)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let first = self
            .spans
            .partition_point(|(other_start, _)| *other_start <= earliest);
        self.spans[first..]
            .iter()
            .take_while(|(other_start, _)| *other_start < high)
            .any(|(other_start, other_end)| *other_start != start && *other_end > low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn taken(session_id: i64, start: &str, end: &str) -> Taken {
        Taken {
            session_id,
            start: utc(start),
            end: utc(end),
        }
    }

    #[test]
    fn counts_per_slot_day_and_week_in_study_time() {
        let bookings = Bookings::new(
            &[
                taken(1, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"),
                taken(1, "2026-06-01T10:00:00Z", "2026-06-01T10:00:00Z"),
                taken(2, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"),
                // 23:30 UTC on Sunday 7 June is already Monday 8 June in Berlin.
                taken(2, "2026-06-07T23:30:00Z", "2026-06-08T00:30:00Z"),
            ],
            Tz::Europe__Berlin,
        );
        assert_eq!(bookings.of(1).at(utc("2026-06-01T10:00:00Z")), 2);
        assert_eq!(bookings.of(2).at(utc("2026-06-01T10:00:00Z")), 1);
        assert_eq!(bookings.of(1).at(utc("2026-06-01T11:00:00Z")), 0);
        assert_eq!(bookings.of(3).at(utc("2026-06-01T10:00:00Z")), 0);
        let monday = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let next_monday = NaiveDate::from_ymd_opt(2026, 6, 8).unwrap();
        assert_eq!(bookings.on_day(monday), 3);
        assert_eq!(bookings.on_day(next_monday), 1);
        assert_eq!(bookings.in_week(monday.iso_week()), 3);
        assert_eq!(bookings.in_week(next_monday.iso_week()), 1);
    }

    #[test]
    fn crowding_ignores_the_same_start_other_sessions_and_mere_touching() {
        let bookings = Bookings::new(
            &[
                taken(1, "2026-06-01T08:00:00Z", "2026-06-01T12:00:00Z"),
                taken(1, "2026-06-01T14:00:00Z", "2026-06-01T15:00:00Z"),
                taken(2, "2026-06-01T16:00:00Z", "2026-06-01T17:00:00Z"),
            ],
            Tz::UTC,
        );
        let crowds = |start: &str, low: &str, high: &str| {
            bookings.of(1).crowd(utc(start), utc(low), utc(high))
        };
        // The long morning booking reaches into a block that starts well after it began.
        assert!(crowds(
            "2026-06-01T11:30:00Z",
            "2026-06-01T11:30:00Z",
            "2026-06-01T12:30:00Z"
        ));
        assert!(!crowds(
            "2026-06-01T12:00:00Z",
            "2026-06-01T12:00:00Z",
            "2026-06-01T14:00:00Z"
        ));
        assert!(!crowds(
            "2026-06-01T14:00:00Z",
            "2026-06-01T13:50:00Z",
            "2026-06-01T15:10:00Z"
        ));
        assert!(crowds(
            "2026-06-01T15:05:00Z",
            "2026-06-01T14:55:00Z",
            "2026-06-01T16:00:00Z"
        ));
        assert!(!crowds(
            "2026-06-01T16:00:00Z",
            "2026-06-01T16:00:00Z",
            "2026-06-01T17:00:00Z"
        ));
    }
}
