//! How long `open_slots` takes over a 90-day horizon for a busy study, at three sizes.
//!
//! Full size: 20 interviewers, each with a weekly Monday–Friday 09:00–17:00 session (100 weekly
//! sessions), 45-minute interviews with a 15-minute buffer after, 10,000 taken interviews spread
//! over the 90 days before and after `now`, and 5,000 busy times. The smaller sizes take a quarter
//! and a half of every count (interviewers, interviews, busy times).

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use confab_core::availability::{
    Availability, Busy, SessionPattern, SessionSpec, StudyRules, Taken,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const TIME_ZONE: Tz = Tz::Europe__Berlin;
const HORIZON_DAYS: u32 = 90;
const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

struct Size {
    label: &'static str,
    interviewers: i64,
    taken: usize,
    busy: usize,
}

const SIZES: [Size; 3] = [
    Size {
        label: "quarter",
        interviewers: 5,
        taken: 2_500,
        busy: 1_250,
    },
    Size {
        label: "half",
        interviewers: 10,
        taken: 5_000,
        busy: 2_500,
    },
    Size {
        label: "full",
        interviewers: 20,
        taken: 10_000,
        busy: 5_000,
    },
];

/// SplitMix64: deterministic, so every run measures the same study without a rand dependency.
struct Dice(u64);

impl Dice {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }
}

struct Study {
    rules: StudyRules,
    sessions: Vec<SessionSpec>,
    taken: Vec<Taken>,
    busy: Vec<Busy>,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 6, 0, 0).unwrap()
}

fn local_instant(date: NaiveDate, minutes_after_midnight: i64) -> DateTime<Utc> {
    let local = date.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::minutes(minutes_after_midnight);
    TIME_ZONE
        .from_local_datetime(&local)
        .earliest()
        .unwrap()
        .to_utc()
}

fn study(size: &Size) -> Study {
    let rules = StudyRules {
        time_zone: TIME_ZONE,
        interview_minutes: 45,
        buffer_before_minutes: 0,
        buffer_after_minutes: 15,
        min_notice_minutes: 24 * 60,
        horizon_days: HORIZON_DAYS,
        // High enough never to bind, so that every slot is judged in full.
        max_per_day: Some(1_000),
        max_per_week: Some(5_000),
    };
    let today = now().with_timezone(&TIME_ZONE).date_naive();
    let mut sessions = Vec::new();
    for interviewer in 1..=size.interviewers {
        for (offset, weekday) in (0..).zip(WEEKDAYS) {
            sessions.push(SessionSpec {
                id: interviewer * 10 + offset,
                pattern: SessionPattern::Weekly {
                    weekday,
                    start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                    end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
                    from: today - TimeDelta::days(i64::from(HORIZON_DAYS)),
                    until: None,
                    exceptions: Vec::new(),
                },
                capacity: 1,
                visible: true,
                interviewers: vec![interviewer],
                panel: 1,
            });
        }
    }
    let mut dice = Dice(0x00C0_FFEE);
    let span_days = 2 * u64::from(HORIZON_DAYS);
    let first_day = today - TimeDelta::days(i64::from(HORIZON_DAYS));
    let mut taken = Vec::with_capacity(size.taken);
    while taken.len() < size.taken {
        let date = first_day + TimeDelta::days(dice.below(span_days) as i64);
        let Some(weekday_index) = WEEKDAYS.iter().position(|day| *day == date.weekday()) else {
            continue;
        };
        let interviewer = 1 + dice.below(size.interviewers as u64) as i64;
        let hour = 9 + dice.below(8) as i64;
        let start = local_instant(date, hour * 60);
        taken.push(Taken {
            session_id: interviewer * 10 + weekday_index as i64,
            start,
            end: start + TimeDelta::minutes(45),
        });
    }
    let busy = (0..size.busy)
        .map(|_| {
            let date = today + TimeDelta::days(dice.below(u64::from(HORIZON_DAYS)) as i64);
            let start = local_instant(date, 7 * 60 + 15 * dice.below(48) as i64);
            Busy {
                interviewer_id: 1 + dice.below(size.interviewers as u64) as i64,
                start,
                end: start + TimeDelta::minutes(30 + 15 * dice.below(11) as i64),
            }
        })
        .collect();
    Study {
        rules,
        sessions,
        taken,
        busy,
    }
}

/// The same study with interviewer assignment on: each booked interview also holds its
/// session's interviewer, so the engine sees it as that person's busy time too.
fn with_assignment(mut study: Study) -> Study {
    let held: Vec<Busy> = study
        .taken
        .iter()
        .map(|t| Busy {
            interviewer_id: t.session_id / 10,
            start: t.start,
            end: t.end,
        })
        .collect();
    study.busy.extend(held);
    study
}

fn open_slots_over_the_horizon(c: &mut Criterion) {
    let mut group = c.benchmark_group("open_slots_90_days");
    group.measurement_time(Duration::from_secs(5));
    let (from, now) = (now(), now());
    let to = now + TimeDelta::days(i64::from(HORIZON_DAYS) + 1);
    let full = SIZES.iter().find(|s| s.label == "full").unwrap();
    let variants = SIZES
        .iter()
        .map(|size| (size.label.to_owned(), study(size)))
        .chain(std::iter::once((
            "full_with_assignment".to_owned(),
            with_assignment(study(full)),
        )));
    for (label, study) in variants {
        let availability = Availability {
            rules: &study.rules,
            sessions: &study.sessions,
            taken: &study.taken,
            busy: &study.busy,
        };
        let offered = availability.open_slots(from, to, now).len();
        println!(
            "{}: {} sessions, {} taken, {} busy -> {offered} open slots",
            label,
            study.sessions.len(),
            study.taken.len(),
            study.busy.len()
        );
        group.bench_with_input(
            BenchmarkId::from_parameter(&label),
            &availability,
            |bencher, availability| {
                bencher.iter(|| black_box(availability.open_slots(from, to, now)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, open_slots_over_the_horizon);
criterion_main!(benches);
