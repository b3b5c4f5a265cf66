//! Random small days: the generator never breaks a hard rule, and after any hand swap `check`
//! finds exactly the rules that an independent count finds broken.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use confab_core::interview_day::{
    Applicant, Cell, ConflictKind, DayInput, DaySchedule, Interviewer, Pair, Seat, check, generate,
    swap,
};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Shape {
    applicants: usize,
    interviewers: usize,
    rounds: usize,
    /// One flag per applicant–interviewer pair, and one per interviewer–round.
    conflict: Vec<bool>,
    must: Vec<bool>,
    away: Vec<bool>,
}

fn shapes() -> impl Strategy<Value = Shape> {
    (1usize..=8, 1usize..=6, 1usize..=7).prop_flat_map(|(a, i, r)| {
        (
            prop::collection::vec(prop::bool::weighted(0.15), a * i),
            prop::collection::vec(prop::bool::weighted(0.15), a * i),
            prop::collection::vec(prop::bool::weighted(0.15), i * r),
        )
            .prop_map(move |(conflict, must, away)| Shape {
                applicants: a,
                interviewers: i,
                rounds: r,
                conflict,
                must,
                away,
            })
    })
}

fn input(shape: &Shape) -> DayInput {
    let mut input = DayInput {
        start: NaiveDateTime::parse_from_str("2026-05-12 09:00", "%Y-%m-%d %H:%M").unwrap(),
        time_zone: Tz::Europe__Berlin,
        rounds: shape.rounds as u32,
        round_minutes: 20,
        passing_minutes: 0,
        fixed_blocks: Vec::new(),
        interviewers: (0..shape.interviewers)
            .map(|i| {
                let mut person = Interviewer::new(100 + i as i64, format!("I{i}"));
                person.unavailable_rounds = (0..shape.rounds)
                    .filter(|&r| shape.away[i * shape.rounds + r])
                    .map(|r| r as u32 + 1)
                    .collect();
                person
            })
            .collect(),
        applicants: (0..shape.applicants)
            .map(|a| Applicant::new(a as i64, format!("A{a}")))
            .collect(),
        conflicts: Vec::new(),
        must_meet: Vec::new(),
    };
    for a in 0..shape.applicants {
        for i in 0..shape.interviewers {
            let pair = Pair::new(a as i64, 100 + i as i64);
            if shape.conflict[a * shape.interviewers + i] {
                input.conflicts.push(pair);
            } else if shape.must[a * shape.interviewers + i] {
                input.must_meet.push(pair);
            }
        }
    }
    input
}

/// The broken rules, counted directly from the itineraries, as (rule, applicant or
/// interviewer, round) with 0 for "every round".
fn broken(schedule: &DaySchedule, input: &DayInput) -> BTreeSet<(&'static str, i64, u32)> {
    let mut found = BTreeSet::new();
    let mut rounds_of_pair: BTreeMap<(i64, i64), u32> = BTreeMap::new();
    let mut hosts: BTreeMap<(i64, u32), u32> = BTreeMap::new();
    for it in &schedule.itineraries {
        for (r, seat) in it.seats.iter().enumerate() {
            let Seat::Meets(i) = *seat else { continue };
            let round = r as u32 + 1;
            *rounds_of_pair.entry((it.applicant, i)).or_default() += 1;
            *hosts.entry((i, round)).or_default() += 1;
            if input.conflicts.contains(&Pair::new(it.applicant, i)) {
                found.insert(("conflict", it.applicant, round));
            }
            let person = input.interviewers.iter().find(|p| p.id == i).unwrap();
            if person.unavailable_rounds.contains(&round) {
                found.insert(("away", i, round));
            }
        }
    }
    for ((a, _), n) in rounds_of_pair {
        if n > 1 {
            found.insert(("twice", a, 0));
        }
    }
    for ((i, round), n) in hosts {
        if n > 1 {
            found.insert(("double", i, round));
        }
    }
    found
}

fn reported(schedule: &DaySchedule, input: &DayInput) -> BTreeSet<(&'static str, i64, u32)> {
    check(schedule, input)
        .into_iter()
        .map(|c| match c.kind {
            ConflictKind::MeetsTwice { applicant, .. } => ("twice", applicant, 0),
            ConflictKind::DoubleBooked {
                interviewer, round, ..
            } => ("double", interviewer, round),
            ConflictKind::ConflictOfInterest {
                applicant, round, ..
            } => ("conflict", applicant, round),
            ConflictKind::Unavailable {
                interviewer, round, ..
            } => ("away", interviewer, round),
            other => panic!("unexpected {other:?}: {}", c.message),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_days_break_no_hard_rule(shape in shapes()) {
        let input = input(&shape);
        let schedule = generate(&input).unwrap();
        prop_assert!(broken(&schedule, &input).is_empty(), "{:?}", broken(&schedule, &input));
        prop_assert!(check(&schedule, &input).is_empty());
        let pairs: BTreeSet<(i64, i64)> = schedule
            .itineraries
            .iter()
            .flat_map(|it| it.seats.iter().filter_map(move |s| match s {
                Seat::Meets(i) => Some((it.applicant, *i)),
                Seat::Break => None,
            }))
            .collect();
        prop_assert_eq!(pairs.len() as u32, schedule.score.meetings, "every meeting is a new pair");
        prop_assert_eq!(&generate(&input).unwrap(), &schedule, "the same input, the same day");
    }

    #[test]
    fn check_finds_what_a_swap_breaks(shape in shapes(), picks in (0usize..64, 0usize..64, 0usize..64, 0usize..64)) {
        let input = input(&shape);
        let schedule = generate(&input).unwrap();
        let cell = |a: usize, r: usize| Cell {
            applicant: (a % shape.applicants) as i64,
            round: (r % shape.rounds) as u32 + 1,
        };
        let swapped = swap(&schedule, &input, cell(picks.0, picks.1), cell(picks.2, picks.3)).unwrap();
        prop_assert_eq!(reported(&swapped.schedule, &input), broken(&swapped.schedule, &input));
        prop_assert_eq!(swapped.conflicts.len(), check(&swapped.schedule, &input).len());
    }
}
