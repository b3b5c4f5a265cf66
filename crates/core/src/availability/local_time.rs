//! The one place where the study's wall clock meets real instants.

use chrono::offset::MappedLocalTime;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The real instant at which the study's clocks show `local`, if they ever do.
///
/// A time skipped by a spring-forward change never happens, so it cannot be offered. A time
/// repeated by a fall-back change is offered once, at its first occurrence, because a
/// participant reading "01:30" expects the first one and a second copy would be a duplicate.
pub(super) fn earliest_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        MappedLocalTime::Single(instant) => Some(instant.with_timezone(&Utc)),
        MappedLocalTime::Ambiguous(first, second) => Some(first.min(second).with_timezone(&Utc)),
        MappedLocalTime::None => None,
    }
}

/// The date the study's clocks show at `instant`: the day that daily caps count in, and via its
/// ISO week the Monday-to-Sunday week that weekly caps count in.
pub(super) fn local_date(tz: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn skipped_time_has_no_instant() {
        let tz = Tz::America__New_York;
        assert_eq!(earliest_instant(tz, local("2026-03-08 02:30")), None);
        assert_eq!(
            earliest_instant(tz, local("2026-03-08 03:00")),
            Some(utc("2026-03-08T07:00:00Z"))
        );
    }

    #[test]
    fn repeated_time_maps_to_its_first_occurrence() {
        assert_eq!(
            earliest_instant(Tz::America__New_York, local("2026-11-01 01:30")),
            Some(utc("2026-11-01T05:30:00Z"))
        );
        assert_eq!(
            earliest_instant(Tz::Europe__Berlin, local("2026-10-25 02:30")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
    }

    #[test]
    fn the_date_follows_the_study_clock() {
        // 20:00 UTC on Sunday is already Monday 01:30 in Kolkata.
        let instant = utc("2026-06-07T20:00:00Z");
        assert_eq!(
            local_date(Tz::Asia__Kolkata, instant),
            NaiveDate::from_ymd_opt(2026, 6, 8).unwrap()
        );
        assert_eq!(
            local_date(Tz::UTC, instant),
            NaiveDate::from_ymd_opt(2026, 6, 7).unwrap()
        );
    }
}
