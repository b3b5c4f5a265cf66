//! Small builders so that each test shows only the numbers it is about.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::availability::{
    Availability, Busy, OpenSlot, SessionPattern, SessionSpec, StudyRules, Taken,
};

pub(super) fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|error| panic!("{text}: {error}"))
        .to_utc()
}

pub(super) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

pub(super) fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

/// 45-minute interviews with 15 minutes after, so windows cut on the hour; nothing else limits.
pub(super) fn rules(time_zone: Tz) -> StudyRules {
    StudyRules {
        time_zone,
        interview_minutes: 45,
        buffer_before_minutes: 0,
        buffer_after_minutes: 15,
        min_notice_minutes: 0,
        horizon_days: 365,
        max_per_day: None,
        max_per_week: None,
    }
}

pub(super) fn session(id: i64, pattern: SessionPattern) -> SessionSpec {
    SessionSpec {
        id,
        pattern,
        capacity: 1,
        visible: true,
        interviewers: Vec::new(),
        panel: 1,
    }
}

pub(super) fn window(id: i64, start: &str, end: &str) -> SessionSpec {
    session(
        id,
        SessionPattern::Window {
            start: utc(start),
            end: utc(end),
        },
    )
}

pub(super) fn weekly(
    id: i64,
    weekday: Weekday,
    hours: (NaiveTime, NaiveTime),
    from: NaiveDate,
    until: Option<NaiveDate>,
) -> SessionSpec {
    session(
        id,
        SessionPattern::Weekly {
            weekday,
            start: hours.0,
            end: hours.1,
            from,
            until,
            exceptions: Vec::new(),
        },
    )
}

pub(super) fn taken(session_id: i64, start: &str, end: &str) -> Taken {
    Taken {
        session_id,
        start: utc(start),
        end: utc(end),
    }
}

pub(super) fn busy(interviewer_id: i64, start: &str, end: &str) -> Busy {
    Busy {
        interviewer_id,
        start: utc(start),
        end: utc(end),
    }
}

/// All open slots over a span wide enough for every fixture.
pub(super) fn all_open(availability: &Availability<'_>, now: &str) -> Vec<OpenSlot> {
    availability.open_slots(
        utc("2000-01-01T00:00:00Z"),
        utc("2100-01-01T00:00:00Z"),
        utc(now),
    )
}

pub(super) fn starts(slots: &[OpenSlot]) -> Vec<DateTime<Utc>> {
    slots.iter().map(|slot| slot.start).collect()
}

pub(super) fn utcs(texts: &[&str]) -> Vec<DateTime<Utc>> {
    texts.iter().map(|text| utc(text)).collect()
}
