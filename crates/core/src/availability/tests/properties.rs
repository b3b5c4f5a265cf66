//! Random small studies, checked against the naive implementation in `naive.rs`.
//!
//! Longer than 400 lines on purpose: the properties share one generator of studies and
//! bookings, which is most of the file.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::sample::Index;

use super::naive::Naive;
use crate::availability::{
    Availability, Busy, DateException, OpenSlot, RuleBreak, SessionPattern, SessionSpec,
    StudyRules, Taken,
};

const ZONES: [Tz; 5] = [
    Tz::America__New_York,
    Tz::Europe__Berlin,
    Tz::Asia__Kolkata,
    Tz::Australia__Sydney,
    Tz::UTC,
];

/// Dates a few days before a clock change in one of the zones (and one quiet date), each with
/// that zone, so that weekly windows regularly cross a skipped or repeated hour.
const ANCHORS: [((i32, u32, u32), usize); 7] = [
    ((2026, 3, 6), 0),   // New York springs forward on Sunday 8 March
    ((2026, 3, 27), 1),  // Berlin springs forward on Sunday 29 March
    ((2026, 4, 3), 3),   // Sydney falls back on Sunday 5 April
    ((2026, 6, 15), 2),  // no change anywhere
    ((2026, 10, 2), 3),  // Sydney springs forward on Sunday 4 October
    ((2026, 10, 23), 1), // Berlin falls back on Sunday 25 October
    ((2026, 10, 30), 0), // New York falls back on Sunday 1 November
];

const UNKNOWN_SESSION: i64 = 999;

#[derive(Debug, Clone)]
struct Scenario {
    rules: StudyRules,
    sessions: Vec<SessionSpec>,
    taken: Vec<TakenPick>,
    busy: Vec<BusyPick>,
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

/// A booking placed relative to a candidate start, so that bookings hit real slots often.
#[derive(Debug, Clone)]
struct TakenPick {
    candidate: Index,
    kind: u8,
    other_session: Index,
    jitter_minutes: i64,
    length_minutes: i64,
}

#[derive(Debug, Clone)]
struct BusyPick {
    candidate: Index,
    interviewer: i64,
    jitter_minutes: i64,
    length_minutes: i64,
}

fn anchor_instant(anchor: (i32, u32, u32)) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
}

fn quarter_hour(quarters: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(quarters / 4, (quarters % 4) * 15, 0).unwrap()
}

/// A local window; past midnight it wraps to an end before its start, which offers nothing.
fn local_hours(start_quarters: u32, length_quarters: u32) -> (NaiveTime, NaiveTime) {
    let start = quarter_hour(start_quarters);
    let (end, _) =
        start.overflowing_add_signed(TimeDelta::minutes(15 * i64::from(length_quarters)));
    (start, end)
}

/// Mostly the anchor's own zone, so that its clock change is in play.
fn rules_strategy(anchor_zone: usize) -> impl Strategy<Value = StudyRules> {
    (
        prop_oneof![2 => Just(anchor_zone), 1 => 0..ZONES.len()],
        prop_oneof![
            Just(15u32),
            Just(30),
            Just(45),
            Just(60),
            Just(90),
            5u32..=120
        ],
        0u32..=30,
        0u32..=30,
        prop_oneof![1 => 0u32..=120, 1 => 0u32..=5 * 24 * 60],
        prop_oneof![1 => 0u32..=3, 6 => 4u32..=40],
        proptest::option::of(prop_oneof![1 => Just(0u32), 6 => 1u32..=6]),
        proptest::option::of(prop_oneof![1 => Just(0u32), 6 => 1u32..=15]),
    )
        .prop_map(
            |(zone, interview, before, after, notice, horizon, per_day, per_week)| StudyRules {
                time_zone: ZONES[zone],
                interview_minutes: interview,
                buffer_before_minutes: before,
                buffer_after_minutes: after,
                min_notice_minutes: notice,
                horizon_days: horizon,
                max_per_day: per_day,
                max_per_week: per_week,
            },
        )
}

fn pattern_strategy(anchor: DateTime<Utc>) -> impl Strategy<Value = SessionPattern> {
    let anchor_date = anchor.date_naive();
    let exception = (0i64..=40, proptest::option::of((0u32..96, 0u32..=40)));
    prop_oneof![
        (0i64..14 * 96, 0i64..=120).prop_map(move |(quarters, fives)| {
            let start = anchor + TimeDelta::minutes(15 * quarters);
            SessionPattern::Window {
                start,
                end: start + TimeDelta::minutes(5 * fives),
            }
        }),
        (
            // Every clock change in `ANCHORS` happens on a Sunday, between 01:00 and 04:00.
            prop_oneof![1 => Just(6u8), 1 => 0u8..7],
            prop_oneof![1 => 0u32..16, 1 => 0u32..96],
            0u32..=40,
            -14i64..=7,
            proptest::option::of(0i64..=45),
            proptest::collection::vec(exception, 0..=2),
        )
            .prop_map(move |(weekday, start, length, from, until, exceptions)| {
                let (start, end) = local_hours(start, length);
                let from = anchor_date + TimeDelta::days(from);
                SessionPattern::Weekly {
                    weekday: Weekday::try_from(weekday).unwrap(),
                    start,
                    end,
                    from,
                    until: until.map(|days| from + TimeDelta::days(days)),
                    exceptions: exceptions
                        .into_iter()
                        .map(|(day, hours)| DateException {
                            date: from + TimeDelta::days(day),
                            hours: hours.map(|(start, length)| local_hours(start, length)),
                        })
                        .collect(),
                }
            },),
        (0i64..14 * 96, 0i64..=40).prop_map(move |(quarters, length)| {
            let start = anchor + TimeDelta::minutes(15 * quarters);
            SessionPattern::Day {
                start,
                end: start + TimeDelta::minutes(15 * length),
            }
        }),
    ]
}

fn sessions_strategy(anchor: DateTime<Utc>) -> impl Strategy<Value = Vec<SessionSpec>> {
    let session = (
        pattern_strategy(anchor),
        prop_oneof![1 => Just(0u32), 6 => 1u32..=3],
        proptest::bool::weighted(0.85),
        proptest::collection::vec(1i64..=4, 0..=3),
        1u32..=2,
    );
    proptest::collection::vec(session, 1..=5).prop_map(|sessions| {
        sessions
            .into_iter()
            .zip(1i64..)
            .map(
                |((pattern, capacity, visible, interviewers, panel), id)| SessionSpec {
                    id,
                    pattern,
                    capacity,
                    visible,
                    interviewers,
                    panel,
                },
            )
            .collect()
    })
}

fn taken_strategy() -> impl Strategy<Value = TakenPick> {
    (
        any::<Index>(),
        0u8..4,
        any::<Index>(),
        -90i64..=90,
        1i64..=120,
    )
        .prop_map(
            |(candidate, kind, other_session, jitter_minutes, length_minutes)| TakenPick {
                candidate,
                kind,
                other_session,
                jitter_minutes,
                length_minutes,
            },
        )
}

fn busy_strategy() -> impl Strategy<Value = BusyPick> {
    (any::<Index>(), 1i64..=4, -120i64..=120, 0i64..=240).prop_map(
        |(candidate, interviewer, jitter_minutes, length_minutes)| BusyPick {
            candidate,
            interviewer,
            jitter_minutes,
            length_minutes,
        },
    )
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    (0..ANCHORS.len())
        .prop_flat_map(|anchor| {
            let (date, zone) = ANCHORS[anchor];
            let anchor = anchor_instant(date);
            (
                Just(anchor),
                rules_strategy(zone),
                sessions_strategy(anchor),
                proptest::collection::vec(taken_strategy(), 0..=15),
                proptest::collection::vec(busy_strategy(), 0..=10),
                -2 * 24 * 60i64..=3 * 24 * 60,
                -3 * 24 * 60i64..=5 * 24 * 60,
                0i64..=45 * 24 * 60,
            )
        })
        .prop_map(|(anchor, rules, sessions, taken, busy, now, from, span)| {
            let from = anchor + TimeDelta::minutes(from);
            Scenario {
                rules,
                sessions,
                taken,
                busy,
                now: anchor + TimeDelta::minutes(now),
                from,
                to: from + TimeDelta::minutes(span),
            }
        })
}

/// Turns the picks into bookings and busy times around the study's own candidate starts.
fn place(scenario: &Scenario) -> (Vec<Taken>, Vec<Busy>) {
    let study = Availability {
        rules: &scenario.rules,
        sessions: &scenario.sessions,
        taken: &[],
        busy: &[],
    };
    let mut candidates = Naive::new(&study).all_candidates();
    if candidates.is_empty() {
        candidates.push((UNKNOWN_SESSION, scenario.now, scenario.now));
    }
    let minutes = TimeDelta::minutes;
    let taken = scenario
        .taken
        .iter()
        .map(|pick| {
            let (session_id, start, end) = *pick.candidate.get(&candidates);
            match pick.kind {
                0 => Taken {
                    session_id,
                    start,
                    end,
                },
                1 => {
                    let start = start + minutes(pick.jitter_minutes);
                    Taken {
                        session_id,
                        start,
                        end: start + minutes(pick.length_minutes),
                    }
                }
                2 => {
                    let mut ids: Vec<i64> = scenario.sessions.iter().map(|s| s.id).collect();
                    ids.push(UNKNOWN_SESSION);
                    Taken {
                        session_id: *pick.other_session.get(&ids),
                        start,
                        end: start + minutes(pick.length_minutes),
                    }
                }
                // A hold with no length: takes a place, occupies no time.
                _ => Taken {
                    session_id,
                    start,
                    end: start,
                },
            }
        })
        .collect();
    let busy = scenario
        .busy
        .iter()
        .map(|pick| {
            let (_, start, _) = *pick.candidate.get(&candidates);
            let start = start + minutes(pick.jitter_minutes);
            Busy {
                interviewer_id: pick.interviewer,
                start,
                end: start + minutes(pick.length_minutes),
            }
        })
        .collect();
    (taken, busy)
}

fn sorted(mut breaks: Vec<RuleBreak>) -> Vec<String> {
    let mut names: Vec<String> = breaks.drain(..).map(|rule| format!("{rule:?}")).collect();
    names.sort();
    names
}

fn offers(open: &[OpenSlot], session_id: i64, start: DateTime<Utc>) -> bool {
    open.iter()
        .any(|slot| slot.session_id == session_id && slot.start == start)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn offered_slots_are_exactly_those_that_break_no_rule(scenario in scenario_strategy()) {
        let (taken, busy) = place(&scenario);
        let study = Availability {
            rules: &scenario.rules,
            sessions: &scenario.sessions,
            taken: &taken,
            busy: &busy,
        };
        let (from, to, now) = (scenario.from, scenario.to, scenario.now);
        let naive = Naive::new(&study);
        let open = study.open_slots(from, to, now);

        // Soundness: each offered slot is a candidate in range that the naive rules accept,
        // with the same end and places.
        for slot in &open {
            prop_assert!(slot.start >= from && slot.start < to, "{slot:?} outside the range");
            let (breaks, remaining) = naive.judge(slot.session_id, slot.start, now);
            prop_assert!(breaks.is_empty(), "{slot:?} offered but breaks {breaks:?}");
            prop_assert_eq!(slot.remaining, remaining, "places of {:?}", slot);
            prop_assert!(remaining > 0);
            let candidate = naive
                .all_candidates()
                .into_iter()
                .find(|(id, start, _)| *id == slot.session_id && *start == slot.start);
            prop_assert_eq!(candidate.map(|(_, _, end)| end), Some(slot.end));
        }

        // Completeness: each candidate the naive rules accept is offered.
        let expected = naive.open_slots(from, to, now);
        for slot in &expected {
            prop_assert!(open.contains(slot), "{slot:?} missing from {open:?}");
        }
        prop_assert_eq!(open.len(), expected.len());

        // Sorted by (start, session), hence no instant twice for one session.
        for pair in open.windows(2) {
            prop_assert!(
                (pair[0].start, pair[0].session_id) < (pair[1].start, pair[1].session_id),
                "not strictly sorted: {pair:?}"
            );
        }
    }

    #[test]
    fn rule_breaks_agree_with_what_is_offered(scenario in scenario_strategy()) {
        let (taken, busy) = place(&scenario);
        let study = Availability {
            rules: &scenario.rules,
            sessions: &scenario.sessions,
            taken: &taken,
            busy: &busy,
        };
        let (from, to, now) = (scenario.from, scenario.to, scenario.now);
        let naive = Naive::new(&study);
        let open = study.open_slots(from, to, now);

        let mut probes: Vec<(i64, DateTime<Utc>)> = Vec::new();
        for (session_id, start, _) in naive.all_candidates() {
            probes.push((session_id, start));
            // Off the grid, and a session that does not exist.
            probes.push((session_id, start + TimeDelta::minutes(1)));
            probes.push((UNKNOWN_SESSION, start));
        }
        for entry in &taken {
            probes.push((entry.session_id, entry.start));
        }
        for (session_id, start) in probes {
            let breaks = study.rule_breaks(session_id, start, now);
            let (expected, _) = naive.judge(session_id, start, now);
            prop_assert_eq!(
                sorted(breaks.clone()),
                sorted(expected),
                "session {} at {}",
                session_id,
                start
            );
            if start >= from && start < to {
                prop_assert_eq!(
                    breaks.is_empty(),
                    offers(&open, session_id, start),
                    "session {} at {}: {:?}",
                    session_id,
                    start,
                    breaks
                );
            }
        }
    }
}
