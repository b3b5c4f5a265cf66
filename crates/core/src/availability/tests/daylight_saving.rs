//! Weekly windows across clock changes: a skipped local time is absent, a repeated one appears
//! once at its first real instant, and ordinary days keep their wall-clock starts.

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::fixtures::{all_open, date, rules, starts, time, utc, utcs, weekly};
use crate::availability::{Availability, RuleBreak, SessionSpec, StudyRules};

/// Slot starts of a Sunday window from `start_hour` to `end_hour`, hourly slots, for three
/// Sundays centred on `change`.
fn sunday_starts(
    time_zone: Tz,
    change: (i32, u32, u32),
    hours: (u32, u32),
    rules_for: impl Fn(Tz) -> StudyRules,
) -> Vec<DateTime<Utc>> {
    let rules = rules_for(time_zone);
    let centre = date(change.0, change.1, change.2);
    let sessions = [weekly(
        1,
        Weekday::Sun,
        (time(hours.0, 0), time(hours.1, 0)),
        centre - chrono::TimeDelta::weeks(1),
        Some(centre + chrono::TimeDelta::weeks(1)),
    )];
    let availability = Availability {
        rules: &rules,
        sessions: &sessions,
        taken: &[],
        busy: &[],
    };
    starts(&all_open(&availability, "2026-01-01T00:00:00Z"))
}

fn study_of(sessions: &[SessionSpec], rules: &StudyRules, start: &str) -> Vec<RuleBreak> {
    Availability {
        rules,
        sessions,
        taken: &[],
        busy: &[],
    }
    .rule_breaks(1, utc(start), utc("2026-01-01T00:00:00Z"))
}

#[test]
fn new_york_spring_forward_skips_the_missing_hour() {
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT.
    let found = sunday_starts(Tz::America__New_York, (2026, 3, 8), (0, 5), rules);
    assert_eq!(
        found,
        utcs(&[
            // 1 March, EST (UTC-5): 00, 01, 02, 03, 04 local.
            "2026-03-01T05:00:00Z",
            "2026-03-01T06:00:00Z",
            "2026-03-01T07:00:00Z",
            "2026-03-01T08:00:00Z",
            "2026-03-01T09:00:00Z",
            // 8 March: 00 and 01 EST, 02 does not exist, 03 and 04 EDT.
            "2026-03-08T05:00:00Z",
            "2026-03-08T06:00:00Z",
            "2026-03-08T07:00:00Z",
            "2026-03-08T08:00:00Z",
            // 15 March, EDT (UTC-4).
            "2026-03-15T04:00:00Z",
            "2026-03-15T05:00:00Z",
            "2026-03-15T06:00:00Z",
            "2026-03-15T07:00:00Z",
            "2026-03-15T08:00:00Z",
        ])
    );
}

#[test]
fn new_york_fall_back_offers_the_repeated_hour_once() {
    // 2026-11-01: clocks fall from 02:00 EDT back to 01:00 EST; 01:xx happens twice.
    let half_hours = |time_zone| StudyRules {
        interview_minutes: 30,
        buffer_after_minutes: 0,
        ..rules(time_zone)
    };
    let found = sunday_starts(Tz::America__New_York, (2026, 11, 1), (0, 3), half_hours);
    let on_the_day: Vec<_> = found
        .into_iter()
        .filter(|start| start.date_naive() == date(2026, 11, 1))
        .collect();
    assert_eq!(
        on_the_day,
        utcs(&[
            "2026-11-01T04:00:00Z", // 00:00 EDT
            "2026-11-01T04:30:00Z", // 00:30 EDT
            "2026-11-01T05:00:00Z", // 01:00 EDT, the first 01:00
            "2026-11-01T05:30:00Z", // 01:30 EDT, the first 01:30
            // 06:00 and 06:30 UTC are the second 01:00 and 01:30 (EST): not offered again.
            "2026-11-01T07:00:00Z", // 02:00 EST
            "2026-11-01T07:30:00Z", // 02:30 EST
        ])
    );
    let sessions = [weekly(
        1,
        Weekday::Sun,
        (time(0, 0), time(3, 0)),
        date(2026, 11, 1),
        None,
    )];
    let rules = half_hours(Tz::America__New_York);
    assert_eq!(
        study_of(&sessions, &rules, "2026-11-01T06:00:00Z"),
        vec![RuleBreak::NotASlotStart]
    );
    assert_eq!(
        study_of(&sessions, &rules, "2026-11-01T05:00:00Z"),
        Vec::new()
    );
}

#[test]
fn berlin_spring_forward_skips_the_missing_hour() {
    // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST.
    let found = sunday_starts(Tz::Europe__Berlin, (2026, 3, 29), (1, 5), rules);
    assert_eq!(
        found,
        utcs(&[
            // 22 March, CET (UTC+1): 01, 02, 03, 04 local.
            "2026-03-22T00:00:00Z",
            "2026-03-22T01:00:00Z",
            "2026-03-22T02:00:00Z",
            "2026-03-22T03:00:00Z",
            // 29 March: 01 CET, 02 does not exist, 03 and 04 CEST.
            "2026-03-29T00:00:00Z",
            "2026-03-29T01:00:00Z",
            "2026-03-29T02:00:00Z",
            // 5 April, CEST (UTC+2).
            "2026-04-04T23:00:00Z",
            "2026-04-05T00:00:00Z",
            "2026-04-05T01:00:00Z",
            "2026-04-05T02:00:00Z",
        ])
    );
    let sessions = [weekly(
        1,
        Weekday::Sun,
        (time(1, 0), time(5, 0)),
        date(2026, 3, 29),
        None,
    )];
    // 01:00 UTC is 03:00 CEST, a real start; there is no instant for 02:00 local to ask about.
    assert_eq!(
        study_of(
            &sessions,
            &rules(Tz::Europe__Berlin),
            "2026-03-29T01:00:00Z"
        ),
        Vec::new()
    );
}

#[test]
fn berlin_fall_back_offers_the_repeated_hour_once() {
    // 2026-10-25: clocks fall from 03:00 CEST back to 02:00 CET; 02:xx happens twice.
    let found = sunday_starts(Tz::Europe__Berlin, (2026, 10, 25), (1, 4), rules);
    assert_eq!(
        found,
        utcs(&[
            // 18 October, CEST (UTC+2): 01, 02, 03 local.
            "2026-10-17T23:00:00Z",
            "2026-10-18T00:00:00Z",
            "2026-10-18T01:00:00Z",
            // 25 October: 01 CEST, the first 02 (CEST), 03 CET; the second 02 (01:00 UTC) is absent.
            "2026-10-24T23:00:00Z",
            "2026-10-25T00:00:00Z",
            "2026-10-25T02:00:00Z",
            // 1 November, CET (UTC+1).
            "2026-11-01T00:00:00Z",
            "2026-11-01T01:00:00Z",
            "2026-11-01T02:00:00Z",
        ])
    );
}

#[test]
fn a_morning_window_keeps_its_local_starts_across_the_change() {
    let found = sunday_starts(Tz::Europe__Berlin, (2026, 3, 29), (9, 12), rules);
    assert_eq!(
        found,
        utcs(&[
            "2026-03-22T08:00:00Z",
            "2026-03-22T09:00:00Z",
            "2026-03-22T10:00:00Z",
            "2026-03-29T07:00:00Z",
            "2026-03-29T08:00:00Z",
            "2026-03-29T09:00:00Z",
            "2026-04-05T07:00:00Z",
            "2026-04-05T08:00:00Z",
            "2026-04-05T09:00:00Z",
        ])
    );
}

#[test]
fn daily_caps_count_the_long_local_day_as_one_day() {
    // 25 hours of 1 November 2026 in New York are one local day.
    let rules = StudyRules {
        max_per_day: Some(1),
        ..rules(Tz::America__New_York)
    };
    let sessions = [weekly(
        1,
        Weekday::Sun,
        (time(22, 0), time(23, 0)),
        date(2026, 11, 1),
        None,
    )];
    // 00:30 EDT on 1 November.
    let taken = [super::fixtures::taken(
        9,
        "2026-11-01T04:30:00Z",
        "2026-11-01T05:15:00Z",
    )];
    let availability = Availability {
        rules: &rules,
        sessions: &sessions,
        taken: &taken,
        busy: &[],
    };
    let open = availability.open_slots(
        utc("2026-10-31T00:00:00Z"),
        utc("2026-11-10T00:00:00Z"),
        utc("2026-10-01T00:00:00Z"),
    );
    // 22:00 EST on 1 November (03:00 UTC on the 2nd) is blocked; 8 November is not.
    assert_eq!(starts(&open), utcs(&["2026-11-09T03:00:00Z"]));
}
