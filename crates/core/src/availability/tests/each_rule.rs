//! One test per rule, each with the exact instants it expects.
//!
//! Longer than 400 lines on purpose: one test per rule, all on the fixtures of `fixtures.rs`;
//! the rules are read side by side.

use chrono::Weekday;
use chrono_tz::Tz;

use super::fixtures::{
    all_open, busy, date, rules, session, starts, taken, time, utc, utcs, weekly, window,
};
use crate::availability::{
    Availability, DateException, OpenSlot, RuleBreak, SessionPattern, StudyRules,
};

const NOW: &str = "2026-06-01T00:00:00Z";

fn study<'a>(
    rules: &'a StudyRules,
    sessions: &'a [crate::availability::SessionSpec],
    taken: &'a [crate::availability::Taken],
    busy: &'a [crate::availability::Busy],
) -> Availability<'a> {
    Availability {
        rules,
        sessions,
        taken,
        busy,
    }
}

#[test]
fn window_is_cut_with_both_buffers_inside_it() {
    let rules = StudyRules {
        buffer_before_minutes: 10,
        buffer_after_minutes: 5,
        ..rules(Tz::UTC)
    };
    let sessions = [window(1, "2026-06-02T09:00:00Z", "2026-06-02T12:00:00Z")];
    let open = all_open(&study(&rules, &sessions, &[], &[]), NOW);
    assert_eq!(
        open,
        vec![
            OpenSlot {
                session_id: 1,
                start: utc("2026-06-02T09:10:00Z"),
                end: utc("2026-06-02T09:55:00Z"),
                remaining: 1,
            },
            OpenSlot {
                session_id: 1,
                start: utc("2026-06-02T10:10:00Z"),
                end: utc("2026-06-02T10:55:00Z"),
                remaining: 1,
            },
            OpenSlot {
                session_id: 1,
                start: utc("2026-06-02T11:10:00Z"),
                end: utc("2026-06-02T11:55:00Z"),
                remaining: 1,
            },
        ]
    );
}

#[test]
fn places_are_capacity_minus_bookings_at_that_start() {
    let rules = rules(Tz::UTC);
    let mut group = window(1, "2026-06-02T09:00:00Z", "2026-06-02T11:00:00Z");
    group.capacity = 3;
    let sessions = [group];
    let taken = [
        taken(1, "2026-06-02T09:00:00Z", "2026-06-02T09:45:00Z"),
        taken(1, "2026-06-02T09:00:00Z", "2026-06-02T09:45:00Z"),
        taken(1, "2026-06-02T10:00:00Z", "2026-06-02T10:45:00Z"),
        taken(1, "2026-06-02T10:00:00Z", "2026-06-02T10:45:00Z"),
        taken(1, "2026-06-02T10:00:00Z", "2026-06-02T10:45:00Z"),
    ];
    let availability = study(&rules, &sessions, &taken, &[]);
    let open = all_open(&availability, NOW);
    assert_eq!(
        open,
        vec![OpenSlot {
            session_id: 1,
            start: utc("2026-06-02T09:00:00Z"),
            end: utc("2026-06-02T09:45:00Z"),
            remaining: 1,
        }]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T10:00:00Z"), utc(NOW)),
        vec![RuleBreak::Full]
    );
}

#[test]
fn busy_interviewers_cap_places_including_buffers() {
    let rules = StudyRules {
        buffer_before_minutes: 15,
        buffer_after_minutes: 15,
        ..rules(Tz::UTC)
    };
    // Block = 15 + 45 + 15 minutes: slots at 09:15 and 10:30, blocks [09:00, 10:15) and [10:15, 11:30).
    let mut group = window(1, "2026-06-02T09:00:00Z", "2026-06-02T11:30:00Z");
    group.capacity = 3;
    // Interviewer 2 is listed twice but is still one person.
    group.interviewers = vec![1, 2, 2];
    let sessions = [group];
    let busy = [
        // Overlaps only the first slot's before-buffer.
        busy(1, "2026-06-02T08:00:00Z", "2026-06-02T09:01:00Z"),
        // Ends exactly where the second block starts: no overlap.
        busy(2, "2026-06-02T09:30:00Z", "2026-06-02T10:15:00Z"),
        // Reaches into the second slot's after-buffer.
        busy(1, "2026-06-02T11:29:00Z", "2026-06-02T12:00:00Z"),
    ];
    let availability = study(&rules, &sessions, &[], &busy);
    let open = all_open(&availability, NOW);
    assert_eq!(
        open.iter()
            .map(|slot| (slot.start, slot.remaining))
            .collect::<Vec<_>>(),
        vec![
            (utc("2026-06-02T10:30:00Z"), 1),
            // The first slot has no one free: 1 is busy before it, 2 during it.
        ]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:15:00Z"), utc(NOW)),
        vec![RuleBreak::InterviewersBusy]
    );
}

#[test]
fn free_interviewers_cap_places_below_capacity() {
    let rules = rules(Tz::UTC);
    let mut group = window(1, "2026-06-02T09:00:00Z", "2026-06-02T10:00:00Z");
    group.capacity = 5;
    group.interviewers = vec![1, 2, 3];
    let sessions = [group];
    let busy = [busy(3, "2026-06-02T09:50:00Z", "2026-06-02T10:30:00Z")];
    let open = all_open(&study(&rules, &sessions, &[], &busy), NOW);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].remaining, 2);
}

#[test]
fn a_session_without_interviewers_ignores_busy_times() {
    let rules = rules(Tz::UTC);
    let sessions = [window(1, "2026-06-02T09:00:00Z", "2026-06-02T10:00:00Z")];
    let busy = [busy(1, "2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z")];
    let open = all_open(&study(&rules, &sessions, &[], &busy), NOW);
    assert_eq!(starts(&open), utcs(&["2026-06-02T09:00:00Z"]));
}

#[test]
fn a_booking_at_another_start_blocks_slots_it_overlaps_with_their_buffers() {
    let rules = rules(Tz::UTC);
    let sessions = [
        window(1, "2026-06-02T09:00:00Z", "2026-06-02T13:00:00Z"),
        window(2, "2026-06-02T09:00:00Z", "2026-06-02T10:00:00Z"),
    ];
    // Booked by hand off the grid; blocks [10:00, 11:00) and [11:00, 12:00) of session 1.
    let taken = [taken(1, "2026-06-02T10:30:00Z", "2026-06-02T11:15:00Z")];
    let availability = study(&rules, &sessions, &taken, &[]);
    let open = all_open(&availability, NOW);
    assert_eq!(
        open.iter()
            .map(|slot| (slot.session_id, slot.start))
            .collect::<Vec<_>>(),
        vec![
            (1, utc("2026-06-02T09:00:00Z")),
            (2, utc("2026-06-02T09:00:00Z")),
            (1, utc("2026-06-02T12:00:00Z")),
        ]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T11:00:00Z"), utc(NOW)),
        vec![RuleBreak::BufferConflict]
    );
    // 09:45 + 45 = 10:30: the after-buffer [10:30, 10:45) meets the booking.
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:45:00Z"), utc(NOW)),
        vec![RuleBreak::NotASlotStart, RuleBreak::BufferConflict]
    );
}

#[test]
fn notice_past_and_horizon_bound_the_start() {
    let rules = StudyRules {
        min_notice_minutes: 120,
        horizon_days: 1,
        ..rules(Tz::UTC)
    };
    let sessions = [window(1, "2026-06-01T09:00:00Z", "2026-06-02T14:00:00Z")];
    let availability = study(&rules, &sessions, &[], &[]);
    let now = utc("2026-06-01T10:00:00Z");
    let open = availability.open_slots(
        utc("2026-06-01T00:00:00Z"),
        utc("2026-06-03T00:00:00Z"),
        now,
    );
    // Earliest 12:00 (exactly the notice is enough); latest 2026-06-02T10:00 (exactly the horizon).
    let first = open.first().map(|slot| slot.start);
    let last = open.last().map(|slot| slot.start);
    assert_eq!(first, Some(utc("2026-06-01T12:00:00Z")));
    assert_eq!(last, Some(utc("2026-06-02T10:00:00Z")));
    assert_eq!(open.len(), 23);
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-01T11:00:00Z"), now),
        vec![RuleBreak::TooSoon]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-01T09:00:00Z"), now),
        vec![RuleBreak::InThePast]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T11:00:00Z"), now),
        vec![RuleBreak::BeyondHorizon]
    );
}

#[test]
fn daily_cap_counts_every_session_on_the_studys_local_day() {
    let rules = StudyRules {
        max_per_day: Some(2),
        ..rules(Tz::Europe__Berlin)
    };
    let sessions = [
        window(1, "2026-06-02T07:00:00Z", "2026-06-02T09:00:00Z"),
        window(2, "2026-06-03T07:00:00Z", "2026-06-03T09:00:00Z"),
        window(3, "2026-06-01T20:00:00Z", "2026-06-01T22:00:00Z"),
    ];
    let taken = [
        // Both fall on Wednesday 3 June in Berlin (the first is 00:30 local).
        taken(9, "2026-06-02T22:30:00Z", "2026-06-02T23:15:00Z"),
        taken(8, "2026-06-03T12:00:00Z", "2026-06-03T12:45:00Z"),
        // Tuesday 2 June in Berlin: one only.
        taken(8, "2026-06-02T12:00:00Z", "2026-06-02T12:45:00Z"),
    ];
    let availability = study(&rules, &sessions, &taken, &[]);
    let open = all_open(&availability, NOW);
    assert_eq!(
        starts(&open),
        utcs(&[
            "2026-06-01T20:00:00Z",
            "2026-06-01T21:00:00Z",
            "2026-06-02T07:00:00Z",
            "2026-06-02T08:00:00Z",
        ])
    );
    assert_eq!(
        availability.rule_breaks(2, utc("2026-06-03T07:00:00Z"), utc(NOW)),
        vec![RuleBreak::DailyCap]
    );
}

#[test]
fn weekly_cap_counts_monday_to_sunday_local() {
    let rules = StudyRules {
        max_per_week: Some(1),
        ..rules(Tz::America__New_York)
    };
    let sessions = [
        // Sunday 7 June 20:00–22:00 New York = Monday 00:00–02:00 UTC.
        window(1, "2026-06-08T00:00:00Z", "2026-06-08T02:00:00Z"),
        // Monday 8 June in New York.
        window(2, "2026-06-08T14:00:00Z", "2026-06-08T15:00:00Z"),
    ];
    // Tuesday 2 June: the week from Monday 1 to Sunday 7 June is full.
    let taken = [taken(7, "2026-06-02T14:00:00Z", "2026-06-02T14:45:00Z")];
    let availability = study(&rules, &sessions, &taken, &[]);
    let open = all_open(&availability, NOW);
    assert_eq!(starts(&open), utcs(&["2026-06-08T14:00:00Z"]));
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-08T01:00:00Z"), utc(NOW)),
        vec![RuleBreak::WeeklyCap]
    );
}

#[test]
fn hidden_and_unknown_sessions_offer_nothing() {
    let rules = rules(Tz::UTC);
    let mut hidden = window(1, "2026-06-02T09:00:00Z", "2026-06-02T10:00:00Z");
    hidden.visible = false;
    let sessions = [hidden];
    let availability = study(&rules, &sessions, &[], &[]);
    assert_eq!(all_open(&availability, NOW), Vec::new());
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:00:00Z"), utc(NOW)),
        vec![RuleBreak::HiddenSession]
    );
    assert_eq!(
        availability.rule_breaks(2, utc("2026-06-02T09:00:00Z"), utc(NOW)),
        vec![RuleBreak::UnknownSession]
    );
}

#[test]
fn a_time_off_the_grid_is_not_a_slot_start() {
    let rules = rules(Tz::UTC);
    let sessions = [window(1, "2026-06-02T09:00:00Z", "2026-06-02T12:00:00Z")];
    let availability = study(&rules, &sessions, &[], &[]);
    let now = utc(NOW);
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:30:00Z"), now),
        vec![RuleBreak::NotASlotStart]
    );
    // 12:00 would need the window to run to 13:00.
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T12:00:00Z"), now),
        vec![RuleBreak::NotASlotStart]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T11:00:00Z"), now),
        Vec::new()
    );
}

#[test]
fn a_day_session_is_one_slot_sharing_its_capacity() {
    let rules = rules(Tz::UTC);
    let mut day = session(
        1,
        SessionPattern::Day {
            start: utc("2026-06-02T08:00:00Z"),
            end: utc("2026-06-02T16:00:00Z"),
        },
    );
    day.capacity = 12;
    let sessions = [day];
    let taken = [
        taken(1, "2026-06-02T08:00:00Z", "2026-06-02T16:00:00Z"),
        taken(1, "2026-06-02T08:00:00Z", "2026-06-02T16:00:00Z"),
    ];
    let availability = study(&rules, &sessions, &taken, &[]);
    assert_eq!(
        all_open(&availability, NOW),
        vec![OpenSlot {
            session_id: 1,
            start: utc("2026-06-02T08:00:00Z"),
            end: utc("2026-06-02T16:00:00Z"),
            remaining: 10,
        }]
    );
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:00:00Z"), utc(NOW)),
        vec![RuleBreak::NotASlotStart, RuleBreak::BufferConflict]
    );
}

#[test]
fn the_range_is_half_open_and_output_is_sorted_by_start_then_session() {
    let rules = rules(Tz::UTC);
    let sessions = [
        window(5, "2026-06-02T09:00:00Z", "2026-06-02T12:00:00Z"),
        window(3, "2026-06-02T10:00:00Z", "2026-06-02T12:00:00Z"),
    ];
    let availability = study(&rules, &sessions, &[], &[]);
    let open = availability.open_slots(
        utc("2026-06-02T10:00:00Z"),
        utc("2026-06-02T11:00:00Z"),
        utc(NOW),
    );
    assert_eq!(
        open.iter()
            .map(|slot| (slot.start, slot.session_id))
            .collect::<Vec<_>>(),
        vec![
            (utc("2026-06-02T10:00:00Z"), 3),
            (utc("2026-06-02T10:00:00Z"), 5)
        ]
    );
}

#[test]
fn weekly_sessions_follow_their_dates_and_exceptions() {
    let rules = rules(Tz::Europe__Berlin);
    let mut tuesdays = weekly(
        1,
        Weekday::Tue,
        (time(9, 0), time(11, 0)),
        date(2026, 6, 2),
        Some(date(2026, 6, 16)),
    );
    if let SessionPattern::Weekly { exceptions, .. } = &mut tuesdays.pattern {
        exceptions.push(DateException {
            date: date(2026, 6, 9),
            hours: Some((time(14, 0), time(15, 0))),
        });
        exceptions.push(DateException {
            date: date(2026, 6, 16),
            hours: None,
        });
    }
    let sessions = [tuesdays];
    let open = all_open(&study(&rules, &sessions, &[], &[]), NOW);
    // Berlin is two hours ahead of UTC in June.
    assert_eq!(
        starts(&open),
        utcs(&[
            "2026-06-02T07:00:00Z",
            "2026-06-02T08:00:00Z",
            "2026-06-09T12:00:00Z",
        ])
    );
}

#[test]
fn zero_minute_interviews_and_empty_days_offer_nothing() {
    let rules = StudyRules {
        interview_minutes: 0,
        buffer_after_minutes: 0,
        ..rules(Tz::UTC)
    };
    let sessions = [
        window(1, "2026-06-02T09:00:00Z", "2026-06-02T12:00:00Z"),
        session(
            2,
            SessionPattern::Day {
                start: utc("2026-06-02T09:00:00Z"),
                end: utc("2026-06-02T09:00:00Z"),
            },
        ),
    ];
    let availability = study(&rules, &sessions, &[], &[]);
    assert_eq!(all_open(&availability, NOW), Vec::new());
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-02T09:00:00Z"), utc(NOW)),
        vec![RuleBreak::NotASlotStart]
    );
}

#[test]
fn several_rules_are_reported_together() {
    let rules = StudyRules {
        max_per_day: Some(1),
        max_per_week: Some(1),
        min_notice_minutes: 60,
        ..rules(Tz::UTC)
    };
    let mut full = window(1, "2026-06-01T00:00:00Z", "2026-06-01T02:00:00Z");
    full.visible = false;
    full.interviewers = vec![4];
    let sessions = [full];
    let taken = [taken(1, "2026-06-01T00:30:00Z", "2026-06-01T01:15:00Z")];
    let busy = [busy(4, "2026-06-01T00:00:00Z", "2026-06-01T03:00:00Z")];
    let availability = study(&rules, &sessions, &taken, &busy);
    assert_eq!(
        availability.rule_breaks(1, utc("2026-06-01T00:30:00Z"), utc("2026-06-01T00:10:00Z")),
        vec![
            RuleBreak::HiddenSession,
            RuleBreak::NotASlotStart,
            RuleBreak::TooSoon,
            RuleBreak::Full,
            RuleBreak::DailyCap,
            RuleBreak::WeeklyCap,
            RuleBreak::InterviewersBusy,
        ]
    );
}
