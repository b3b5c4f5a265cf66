//! How long `generate` takes for interview days of four sizes, and how long `check` takes
//! on the largest (the screen calls it after every drag).
//!
//! Each day starts at 08:30 in Europe/Berlin with 30-minute rounds, 5 minutes' passing time, a
//! welcome block and a lunch hour. About one pair in thirty has a conflict of interest, one
//! applicant in four has a must-meet interviewer, and one interviewer in five is away for
//! one or two rounds.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use confab_core::interview_day::{
    Applicant, DayInput, FixedBlock, Interviewer, Pair, check, generate,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

struct Size {
    applicants: i64,
    interviewers: i64,
    rounds: u32,
}

/// The three sizes asked for, where applicants outnumber interviewers, and one as many
/// applicants as interviewers, where everybody can be busy every round.
const SIZES: [Size; 4] = [
    Size {
        applicants: 20,
        interviewers: 8,
        rounds: 6,
    },
    Size {
        applicants: 60,
        interviewers: 15,
        rounds: 8,
    },
    Size {
        applicants: 200,
        interviewers: 20,
        rounds: 10,
    },
    Size {
        applicants: 20,
        interviewers: 20,
        rounds: 10,
    },
];

/// SplitMix64: every run measures the same days without a rand dependency.
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

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn day(size: &Size) -> DayInput {
    let mut dice = Dice(size.applicants as u64 * 1_000 + size.interviewers as u64);
    let interviewers: Vec<Interviewer> = (1..=size.interviewers)
        .map(|n| {
            let mut person = Interviewer::new(1_000 + n, format!("Interviewer {n}"));
            if dice.below(5) == 0 {
                let first = 1 + dice.below(u64::from(size.rounds)) as u32;
                person.unavailable_rounds = (first..=(first + 1).min(size.rounds)).collect();
            }
            person
        })
        .collect();
    let mut conflicts = Vec::new();
    let mut must_meet = Vec::new();
    for a in 1..=size.applicants {
        for i in 1..=size.interviewers {
            if dice.below(30) == 0 {
                conflicts.push(Pair::new(a, 1_000 + i));
            }
        }
        if dice.below(4) == 0 {
            let i = 1_000 + 1 + dice.below(size.interviewers as u64) as i64;
            if !conflicts.contains(&Pair::new(a, i)) {
                must_meet.push(Pair::new(a, i));
            }
        }
    }
    DayInput {
        start: local("2026-05-12 08:30"),
        time_zone: Tz::Europe__Berlin,
        rounds: size.rounds,
        round_minutes: 30,
        passing_minutes: 5,
        fixed_blocks: vec![
            FixedBlock {
                label: "Welcome".into(),
                start: local("2026-05-12 08:30"),
                minutes: 30,
            },
            FixedBlock {
                label: "Lunch".into(),
                start: local("2026-05-12 12:00"),
                minutes: 60,
            },
        ],
        interviewers,
        applicants: (1..=size.applicants)
            .map(|n| Applicant::new(n, format!("Applicant {n}")))
            .collect(),
        conflicts,
        must_meet,
    }
}

fn label(size: &Size) -> String {
    format!("{}x{}x{}", size.applicants, size.interviewers, size.rounds)
}

fn bench_generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("interview_day_generate");
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(20);
    for size in &SIZES {
        let input = day(size);
        let schedule = generate(&input).unwrap();
        let score = schedule.score;
        eprintln!(
            "{}: {} meetings, must-meet {}/{}, break penalty {}, {} unmet",
            label(size),
            score.meetings,
            score.must_meet_met,
            score.must_meet_pairs,
            score.break_penalty(),
            schedule.unmet.len()
        );
        group.bench_with_input(
            BenchmarkId::from_parameter(label(size)),
            &input,
            |b, input| b.iter(|| generate(black_box(input)).unwrap()),
        );
    }
    group.finish();
}

fn bench_check(c: &mut Criterion) {
    let size = &SIZES[2];
    let input = day(size);
    let schedule = generate(&input).unwrap();
    c.bench_function(&format!("interview_day_check/{}", label(size)), |b| {
        b.iter(|| check(black_box(&schedule), black_box(&input)))
    });
}

criterion_group!(benches, bench_generate, bench_check);
criterion_main!(benches);
