//! The interview-day schedule generator, seen from outside: its rules, its times, its
//! explanations and the checks behind dragging assignments by hand.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use confab_core::interview_day::{
    Applicant, Cell, ConflictKind, DayInput, DaySchedule, Duty, FixedBlock, Interviewer, Itinerary,
    Pair, Seat, TimeSpan, UnmetKind, assemble, check, generate, place, swap,
};

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A plain day: applicants 1.., interviewers 101.., 30-minute rounds with 5 minutes between.
fn day(applicants: i64, interviewers: i64, rounds: u32) -> DayInput {
    DayInput {
        start: local("2026-05-12 09:00"),
        time_zone: Tz::Europe__Berlin,
        rounds,
        round_minutes: 30,
        passing_minutes: 5,
        fixed_blocks: Vec::new(),
        interviewers: (1..=interviewers)
            .map(|n| Interviewer::new(100 + n, format!("Interviewer {n}")))
            .collect(),
        applicants: (1..=applicants)
            .map(|n| Applicant::new(n, format!("Applicant {n}")))
            .collect(),
        conflicts: Vec::new(),
        must_meet: Vec::new(),
    }
}

/// SplitMix64, so that every run sees the same instances.
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

/// A day with random conflicts, must-meet pairs and unavailable rounds and times.
fn random_day(seed: u64) -> DayInput {
    let mut dice = Dice(seed);
    let applicants = 1 + dice.below(14) as i64;
    let interviewers = 1 + dice.below(9) as i64;
    let rounds = 1 + dice.below(9) as u32;
    let mut input = day(applicants, interviewers, rounds);
    for interviewer in &mut input.interviewers {
        for round in 1..=rounds {
            if dice.below(6) == 0 {
                interviewer.unavailable_rounds.push(round);
            }
        }
        if dice.below(4) == 0 {
            // An hour off somewhere in the day, by the clock rather than by round.
            let start =
                utc("2026-05-12T07:00:00Z") + chrono::TimeDelta::minutes(dice.below(240) as i64);
            interviewer.unavailable.push(TimeSpan {
                start,
                end: start + chrono::TimeDelta::minutes(60),
            });
        }
    }
    for a in 1..=applicants {
        for i in 101..=100 + interviewers {
            match dice.below(10) {
                0 => input.conflicts.push(Pair::new(a, i)),
                1 => input.must_meet.push(Pair::new(a, i)),
                _ => {}
            }
        }
    }
    input
}

/// Checks every hard rule without the crate's own `check`, so the two can disagree.
fn assert_hard_rules(schedule: &DaySchedule, input: &DayInput) {
    let rounds = input.rounds as usize;
    assert_eq!(schedule.rounds.len(), rounds);
    let ids: Vec<i64> = schedule.itineraries.iter().map(|i| i.applicant).collect();
    let expected: Vec<i64> = input.applicants.iter().map(|a| a.id).collect();
    assert_eq!(ids, expected, "one itinerary per applicant, in input order");
    let conflicts: BTreeSet<(i64, i64)> = input
        .conflicts
        .iter()
        .map(|p| (p.applicant, p.interviewer))
        .collect();
    let mut pairs = BTreeSet::new();
    let mut taken = BTreeSet::new();
    for itinerary in &schedule.itineraries {
        assert_eq!(itinerary.seats.len(), rounds);
        for (r, seat) in itinerary.seats.iter().enumerate() {
            let Seat::Meets(i) = *seat else { continue };
            let person = input.interviewers.iter().find(|p| p.id == i).unwrap();
            assert!(
                pairs.insert((itinerary.applicant, i)),
                "{} meets {i} twice",
                itinerary.applicant
            );
            assert!(taken.insert((i, r)), "{i} double-booked in round {}", r + 1);
            assert!(!conflicts.contains(&(itinerary.applicant, i)));
            assert!(!person.unavailable_rounds.contains(&(r as u32 + 1)));
            let t = &schedule.rounds[r];
            assert!(
                !person
                    .unavailable
                    .iter()
                    .any(|s| s.start < t.end && t.start < s.end),
                "{i} is away during round {}",
                r + 1
            );
            let duty = schedule.timetable(i).unwrap().duties[r];
            assert_eq!(duty, Duty::Meets(itinerary.applicant));
        }
    }
    let meetings = pairs.len() as u32;
    assert_eq!(schedule.score.meetings, meetings);
    assert!(
        check(schedule, input).is_empty(),
        "{:?}",
        check(schedule, input)
    );
}

#[test]
fn hard_rules_hold_on_varied_days() {
    for seed in 0..300 {
        let input = random_day(seed);
        let schedule = generate(&input).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_hard_rules(&schedule, &input);
    }
}

#[test]
fn the_same_input_gives_the_same_schedule() {
    for seed in [3, 17, 42, 99] {
        let input = random_day(seed);
        assert_eq!(generate(&input).unwrap(), generate(&input.clone()).unwrap());
    }
}

#[test]
fn everyone_meets_everyone_when_the_numbers_match() {
    let input = day(6, 6, 6);
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.meetings, 36);
    assert!(schedule.unmet.is_empty(), "{:?}", schedule.unmet);
}

#[test]
fn rounds_keep_real_time_across_a_spring_forward() {
    // New York skips 02:00–03:00 on 2026-03-08.
    let mut input = day(2, 2, 4);
    input.time_zone = Tz::America__New_York;
    input.start = local("2026-03-08 00:30");
    input.round_minutes = 45;
    input.passing_minutes = 15;
    let schedule = generate(&input).unwrap();
    let starts: Vec<String> = schedule
        .rounds
        .iter()
        .map(|t| t.start.to_rfc3339())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-03-08T05:30:00+00:00",
            "2026-03-08T06:30:00+00:00",
            "2026-03-08T07:30:00+00:00",
            "2026-03-08T08:30:00+00:00",
        ]
    );
    let clock: Vec<String> = schedule
        .rounds
        .iter()
        .map(|t| t.local_start.format("%H:%M").to_string())
        .collect();
    assert_eq!(clock, ["00:30", "01:30", "03:30", "04:30"]);
    assert_eq!(schedule.rounds[1].local_end, local("2026-03-08 03:15"));
}

#[test]
fn rounds_keep_real_time_across_a_fall_back() {
    // Berlin repeats 02:00–03:00 on 2026-10-25; 01:30 is still summer time (UTC+2).
    let mut input = day(2, 2, 4);
    input.start = local("2026-10-25 01:30");
    input.round_minutes = 45;
    input.passing_minutes = 15;
    let schedule = generate(&input).unwrap();
    let starts: Vec<String> = schedule
        .rounds
        .iter()
        .map(|t| t.start.to_rfc3339())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-10-24T23:30:00+00:00",
            "2026-10-25T00:30:00+00:00",
            "2026-10-25T01:30:00+00:00",
            "2026-10-25T02:30:00+00:00",
        ]
    );
    let clock: Vec<String> = schedule
        .rounds
        .iter()
        .map(|t| t.local_start.format("%H:%M").to_string())
        .collect();
    assert_eq!(clock, ["01:30", "02:30", "02:30", "03:30"]);
}

#[test]
fn a_start_the_clocks_skip_is_refused() {
    let mut input = day(2, 2, 2);
    input.time_zone = Tz::America__New_York;
    input.start = local("2026-03-08 02:30");
    let err = generate(&input).unwrap_err();
    let message = err.get("start").unwrap();
    assert!(
        message.contains("2026-03-08 02:30 does not exist"),
        "{message}"
    );
    assert!(message.contains("daylight saving"), "{message}");

    let mut input = day(2, 2, 2);
    input.start = local("2026-03-29 01:00");
    input.fixed_blocks.push(FixedBlock {
        label: "Welcome".into(),
        start: local("2026-03-29 02:15"),
        minutes: 30,
    });
    let err = generate(&input).unwrap_err();
    let message = err.get("fixedBlocks").unwrap();
    assert!(
        message.starts_with("Welcome: 2026-03-29 02:15 does not exist"),
        "{message}"
    );
}

#[test]
fn fixed_blocks_push_rounds_past_them() {
    let mut input = day(3, 3, 6);
    input.round_minutes = 45;
    input.passing_minutes = 5;
    input.fixed_blocks = vec![
        FixedBlock {
            label: "Lunch".into(),
            start: local("2026-05-12 12:00"),
            minutes: 60,
        },
        FixedBlock {
            label: "Welcome".into(),
            start: local("2026-05-12 09:00"),
            minutes: 30,
        },
    ];
    let schedule = generate(&input).unwrap();
    let clock: Vec<String> = schedule
        .rounds
        .iter()
        .map(|t| {
            format!(
                "{}–{}",
                t.local_start.format("%H:%M"),
                t.local_end.format("%H:%M")
            )
        })
        .collect();
    assert_eq!(
        clock,
        [
            "09:30–10:15",
            "10:20–11:05",
            "11:10–11:55",
            "13:00–13:45",
            "13:50–14:35",
            "14:40–15:25"
        ]
    );
    let labels: Vec<&str> = schedule.blocks.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Welcome", "Lunch"], "blocks in time order");
    assert_eq!(schedule.blocks[1].times.start, utc("2026-05-12T10:00:00Z"));
}

#[test]
fn conflicts_of_interest_are_respected_and_explained() {
    let mut input = day(4, 6, 6);
    for i in [101, 102, 103] {
        input.conflicts.push(Pair::new(1, i));
    }
    input.conflicts.push(Pair::new(2, 106));
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    let one = schedule.itinerary(1).unwrap();
    assert_eq!(one.breaks(), 3);
    assert!(
        one.seats
            .iter()
            .all(|s| !matches!(s, Seat::Meets(101..=103)))
    );
    let few: Vec<&str> = schedule
        .unmet
        .iter()
        .filter(|u| matches!(u.kind, UnmetKind::FewOptions { .. }))
        .map(|u| u.message.as_str())
        .collect();
    assert_eq!(
        few,
        [
            "Applicant 1 can meet only 3 of 6 interviewers because of conflicts of interest, so has at least 3 breaks in 6 rounds.",
            "Applicant 2 can meet only 5 of 6 interviewers because of conflicts of interest, so has at least 1 breaks in 6 rounds."
        ]
    );
}

/// Dana must meet three interviewers who are all there only for the last two rounds.
fn crowded_must_meets() -> DayInput {
    let mut input = day(4, 5, 6);
    input.applicants[0].name = "Dana Ruiz".into();
    input.interviewers[0].name = "Dr Okafor".into();
    input.interviewers[1].name = "Dr Lee".into();
    input.interviewers[2].name = "Dr Kim".into();
    for interviewer in &mut input.interviewers[..3] {
        interviewer.unavailable_rounds = vec![1, 2, 3, 4];
    }
    input.must_meet = vec![Pair::new(1, 101), Pair::new(1, 102), Pair::new(1, 103)];
    input
}

#[test]
fn must_meet_pairs_meet_when_they_can() {
    let mut input = crowded_must_meets();
    input.must_meet.pop();
    // Applicant 2 must meet interviewer 4, who is there only in round 3.
    input.interviewers[3].unavailable_rounds = vec![1, 2, 4, 5, 6];
    input.must_meet.push(Pair::new(2, 104));
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.must_meet_met, 3);
    assert_eq!(schedule.itinerary(2).unwrap().seats[2], Seat::Meets(104));
    assert!(
        !schedule
            .unmet
            .iter()
            .any(|u| matches!(u.kind, UnmetKind::MustMeet { .. }))
    );
}

#[test]
fn a_must_meet_pair_that_cannot_meet_is_explained() {
    let input = crowded_must_meets();
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.must_meet_met, 2);
    let unmet: Vec<&str> = schedule
        .unmet
        .iter()
        .filter(|u| matches!(u.kind, UnmetKind::MustMeet { .. }))
        .map(|u| u.message.as_str())
        .collect();
    assert_eq!(unmet.len(), 1);
    let message = unmet[0];
    assert!(
        message.starts_with("Must-meet pair Dana Ruiz – Dr "),
        "{message}"
    );
    assert!(
        message.contains("is unavailable in rounds 1–4"),
        "{message}"
    );
    assert!(
        message.contains("in rounds 5–6 Dana Ruiz has other must-meet meetings (Dr "),
        "{message}"
    );
}

fn breaks_of(schedule: &DaySchedule) -> Vec<Vec<usize>> {
    schedule
        .itineraries
        .iter()
        .map(|it| {
            it.seats
                .iter()
                .enumerate()
                .filter(|(_, s)| **s == Seat::Break)
                .map(|(r, _)| r)
                .collect()
        })
        .collect()
}

/// Nobody has a (k + 2)-th break while someone else has had only k, after any round.
fn assert_breaks_rotate(breaks: &[Vec<usize>], rounds: usize) {
    for r in 0..rounds {
        let so_far: Vec<usize> = breaks
            .iter()
            .map(|b| b.iter().filter(|&&x| x <= r).count())
            .collect();
        let (min, max) = (so_far.iter().min().unwrap(), so_far.iter().max().unwrap());
        assert!(max - min <= 1, "after round {}: {so_far:?}", r + 1);
    }
    for b in breaks {
        assert!(b.windows(2).all(|w| w[1] > w[0] + 1), "back to back: {b:?}");
    }
}

#[test]
fn breaks_are_spread_when_applicants_outnumber_interviewers() {
    // 120 places for 100 meetings: twenty breaks, so eight applicants have two and four one.
    let input = day(12, 10, 10);
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.meetings, 100);
    let breaks = breaks_of(&schedule);
    let mut counts: Vec<usize> = breaks.iter().map(Vec::len).collect();
    counts.sort_unstable();
    assert_eq!(counts, [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    assert_breaks_rotate(&breaks, 10);
    assert_eq!(schedule.score.break_penalty(), 0);
    assert!(schedule.unmet.is_empty(), "{:?}", schedule.unmet);
}

#[test]
fn with_two_rounds_more_than_interviewers_everyone_has_exactly_two_breaks() {
    let input = day(12, 10, 12);
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.meetings, 120);
    let breaks = breaks_of(&schedule);
    assert!(breaks.iter().all(|b| b.len() == 2), "{breaks:?}");
    assert_breaks_rotate(&breaks, 12);
    let kinds: Vec<&UnmetKind> = schedule.unmet.iter().map(|u| &u.kind).collect();
    assert_eq!(
        kinds,
        [&UnmetKind::MoreRoundsThanInterviewers {
            rounds: 12,
            interviewers: 10
        }]
    );
    assert!(schedule.unmet[0].message.contains("at least 2 breaks"));
}

#[test]
fn breaks_that_cannot_be_spread_are_explained() {
    // Applicant 1 may meet neither interviewer, so sits out both rounds while the others
    // never do.
    let mut input = day(3, 2, 2);
    input.conflicts = vec![Pair::new(1, 101), Pair::new(1, 102)];
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.meetings, 4);
    assert!(schedule.score.break_penalty() > 0);
    let messages: Vec<&str> = schedule.unmet.iter().map(|u| u.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Applicant 1 can meet only 0 of 2 interviewers because of conflicts of interest, so has at least 2 breaks in 2 rounds.",
            "Applicant 1 has a second break in round 2 while Applicant 2 and Applicant 3 have had none.",
            "Applicant 1 has breaks back to back that no order of the day avoids: they have at least two breaks more than meetings.",
        ]
    );
}

#[test]
fn breaks_back_to_back_that_could_be_apart_are_named() {
    // Two applicants, two interviewers, four rounds: each can meet both, so each has two
    // breaks, which this hand-made schedule puts side by side for applicant 1 only.
    let input = day(2, 2, 4);
    let itineraries = vec![
        Itinerary {
            applicant: 1,
            seats: vec![Seat::Meets(101), Seat::Break, Seat::Break, Seat::Meets(102)],
        },
        Itinerary {
            applicant: 2,
            seats: vec![Seat::Break, Seat::Meets(101), Seat::Meets(102), Seat::Break],
        },
    ];
    let schedule = assemble(&input, itineraries).unwrap();
    assert!(check(&schedule, &input).is_empty());
    assert_eq!(schedule.score.consecutive_breaks, 1);
    let messages: Vec<&str> = schedule.unmet.iter().map(|u| u.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "The day has 4 rounds but only 2 interviewers, so nobody can meet a different interviewer in every round: each applicant has at least 2 breaks.",
            "Applicant 1 has breaks back to back in rounds 2–3.",
        ]
    );
    // The generator keeps both applicants' breaks apart.
    let generated = generate(&input).unwrap();
    assert_eq!(generated.score.meetings, 4);
    assert_eq!(generated.score.break_penalty(), 0);
}

#[test]
fn a_swap_that_repeats_a_meeting_is_reported() {
    let input = day(5, 5, 5);
    let schedule = generate(&input).unwrap();
    let first = schedule.itinerary(1).unwrap();
    let Seat::Meets(x) = first.seats[0] else {
        panic!("applicant 1 meets someone in round 1")
    };
    // Someone else meets x in a later round: take their seat for applicant 1 there.
    let (other, round) = schedule
        .itineraries
        .iter()
        .find_map(|it| {
            (1..5)
                .find(|&r| it.seats[r] == Seat::Meets(x))
                .map(|r| (it.applicant, r as u32 + 1))
        })
        .unwrap();
    let swapped = swap(
        &schedule,
        &input,
        Cell {
            applicant: 1,
            round,
        },
        Cell {
            applicant: other,
            round,
        },
    )
    .unwrap();
    let twice: Vec<_> = swapped
        .conflicts
        .iter()
        .filter(|c| matches!(&c.kind, ConflictKind::MeetsTwice { applicant: 1, interviewer, .. } if *interviewer == x))
        .collect();
    assert_eq!(twice.len(), 1, "{:?}", swapped.conflicts);
    assert_eq!(
        twice[0].message,
        format!(
            "Applicant 1 meets Interviewer {} more than once, in rounds 1 and {round}; each applicant meets each interviewer at most once.",
            x - 100
        )
        .replace(" and 2;", "–2;")
    );
    assert_eq!(
        swapped.schedule.itinerary(1).unwrap().seats[round as usize - 1],
        Seat::Meets(x)
    );
    assert!(check(&schedule, &input).is_empty());
}

#[test]
fn a_swap_into_an_unavailable_round_is_reported() {
    let mut input = day(3, 4, 4);
    input.interviewers[0].unavailable_rounds = vec![3];
    let schedule = generate(&input).unwrap();
    assert_eq!(
        schedule.timetable(101).unwrap().duties[2],
        Duty::Unavailable
    );
    let (applicant, round) = schedule
        .itineraries
        .iter()
        .find_map(|it| {
            it.seats
                .iter()
                .position(|s| *s == Seat::Meets(101))
                .map(|r| (it.applicant, r as u32 + 1))
        })
        .unwrap();
    let swapped = swap(
        &schedule,
        &input,
        Cell { applicant, round },
        Cell {
            applicant,
            round: 3,
        },
    )
    .unwrap();
    let away: Vec<&str> = swapped
        .conflicts
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                ConflictKind::Unavailable {
                    interviewer: 101,
                    round: 3,
                    ..
                }
            )
        })
        .map(|c| c.message.as_str())
        .collect();
    assert_eq!(
        away,
        [format!("Interviewer 1 is unavailable in round 3 (10:10–10:40), but is with Applicant {applicant} then.").as_str()]
    );
}

#[test]
fn a_swap_can_double_book_or_cross_a_conflict_and_a_clean_one_reports_nothing() {
    let mut input = day(4, 4, 4);
    input.conflicts.push(Pair::new(2, 101));
    let schedule = generate(&input).unwrap();
    // Moving applicant 1's round-1 interviewer into round 2 of applicant 1 doubles them up
    // with whoever has that interviewer in round 2, unless it is a break.
    let seat_of = |a: i64, r: usize| schedule.itinerary(a).unwrap().seats[r];
    let who_has_101 = |r: usize| {
        schedule
            .itineraries
            .iter()
            .find(|it| it.seats[r] == Seat::Meets(101))
            .map(|it| it.applicant)
    };
    // Give applicant 2 the seat with interviewer 101, whatever round it is in.
    let r = (0..4).find(|&r| who_has_101(r).is_some()).unwrap();
    let holder = who_has_101(r).unwrap();
    let swapped = swap(
        &schedule,
        &input,
        Cell {
            applicant: holder,
            round: r as u32 + 1,
        },
        Cell {
            applicant: 2,
            round: r as u32 + 1,
        },
    )
    .unwrap();
    assert!(swapped.conflicts.iter().any(|c| matches!(
        c.kind,
        ConflictKind::ConflictOfInterest {
            applicant: 2,
            interviewer: 101,
            ..
        }
    ) && c.message.contains("conflict of interest")));

    // Applicant 3's seats in rounds 1 and 2 moved into applicant 4's rounds 2 and 1 clash.
    let crossed = swap(
        &schedule,
        &input,
        Cell {
            applicant: 3,
            round: 1,
        },
        Cell {
            applicant: 4,
            round: 2,
        },
    )
    .unwrap();
    let doubled = crossed
        .conflicts
        .iter()
        .any(|c| matches!(c.kind, ConflictKind::DoubleBooked { .. }));
    assert_eq!(
        doubled,
        matches!(seat_of(3, 0), Seat::Meets(_))
            && (0..4).any(|a| a != 3 && schedule.itineraries[a].seats[1] == seat_of(3, 0))
    );

    // One applicant's own two rounds trading places breaks nothing when both interviewers are
    // free in the other round.
    let clean = swap(
        &schedule,
        &input,
        Cell {
            applicant: 1,
            round: 1,
        },
        Cell {
            applicant: 1,
            round: 1,
        },
    )
    .unwrap();
    assert!(clean.conflicts.is_empty());
    assert_eq!(clean.schedule, schedule);
}

#[test]
fn a_swap_of_a_cell_that_does_not_exist_is_refused() {
    let input = day(2, 2, 2);
    let schedule = generate(&input).unwrap();
    let err = swap(
        &schedule,
        &input,
        Cell {
            applicant: 1,
            round: 3,
        },
        Cell {
            applicant: 2,
            round: 1,
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "The schedule has no round 3 for applicant id 1."
    );
}

#[test]
fn inputs_that_cannot_be_scheduled_are_refused_with_reasons() {
    let mut input = day(0, 0, 0);
    input.round_minutes = 0;
    let err = generate(&input).unwrap_err();
    assert_eq!(err.get("rounds"), Some("Choose at least one round."));
    assert_eq!(
        err.get("roundMinutes"),
        Some("A round lasts at least one minute.")
    );
    assert!(
        err.get("applicants")
            .unwrap()
            .contains("no confirmed applicants")
    );
    assert_eq!(
        err.get("interviewers"),
        Some("Add at least one interviewer or room.")
    );

    let mut input = day(3, 3, 3);
    input.applicants[2].id = 1;
    input.interviewers[1].id = 101;
    input.interviewers[2].unavailable_rounds = vec![4];
    input.must_meet.push(Pair::new(2, 101));
    input.conflicts.push(Pair::new(2, 101));
    input.conflicts.push(Pair::new(9, 101));
    let err = generate(&input).unwrap_err();
    let all = err.to_string();
    for expected in [
        "Applicant id 1 is given twice (Applicant 1 and Applicant 3)",
        "Interviewer id 101 is given twice (Interviewer 1 and Interviewer 2)",
        "Interviewer 3 is marked unavailable in round 4, but the day's rounds are 1 to 3.",
        "Applicant 2 – Interviewer 1 is both a must-meet pair and a conflict of interest",
        "A conflict of interest names applicant id 9, who is not among the session's applicants.",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in {all}");
    }
}

#[test]
fn more_rounds_than_interviewers_is_scheduled_with_breaks_and_said() {
    let input = day(2, 3, 5);
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    assert_eq!(schedule.score.meetings, 6);
    assert_eq!(
        schedule.unmet[0].message,
        "The day has 5 rounds but only 3 interviewers, so nobody can meet a different interviewer in every round: each applicant has at least 2 breaks."
    );
}

#[test]
fn an_unavailable_time_closes_every_round_it_overlaps() {
    // Rounds run 09:00–09:30, 09:35–10:05, 10:10–10:40, 10:45–11:15 (Berlin, UTC+2).
    let mut input = day(2, 2, 4);
    input.interviewers[0].unavailable.push(TimeSpan {
        start: utc("2026-05-12T08:00:00Z"),
        end: utc("2026-05-12T08:20:00Z"),
    });
    // Ending exactly when round 4 starts leaves round 4 open.
    input.interviewers[1].unavailable.push(TimeSpan {
        start: utc("2026-05-12T08:30:00Z"),
        end: utc("2026-05-12T08:45:00Z"),
    });
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    let away = |id: i64| -> Vec<usize> {
        let duties = &schedule.timetable(id).unwrap().duties;
        (0..4).filter(|&r| duties[r] == Duty::Unavailable).collect()
    };
    assert_eq!(away(101), [1, 2]);
    assert_eq!(away(102), [2]);
}

#[test]
fn a_must_meet_pair_whose_interviewer_is_never_there_is_explained() {
    let mut input = day(2, 3, 3);
    input.interviewers[2].unavailable_rounds = vec![1, 2, 3];
    input.must_meet.push(Pair::new(2, 103));
    let schedule = generate(&input).unwrap();
    assert_hard_rules(&schedule, &input);
    let messages: Vec<&str> = schedule
        .unmet
        .iter()
        .filter(|u| {
            u.kind
                == UnmetKind::MustMeet {
                    applicant: 2,
                    interviewer: 103,
                }
        })
        .map(|u| u.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "Must-meet pair Applicant 2 – Interviewer 3 could not be placed: Interviewer 3 is unavailable in every round."
        ]
    );
}

#[test]
fn placing_an_applicant_fills_a_gap_and_a_double_booking_is_reported() {
    let input = day(3, 3, 3);
    let schedule = generate(&input).unwrap();
    // Applicant 3 goes on a break in round 1: interviewer who met them is free there.
    let freed = match schedule
        .itineraries
        .iter()
        .find(|it| it.applicant == 3)
        .unwrap()
        .seats[0]
    {
        Seat::Meets(i) => i,
        Seat::Break => panic!("everyone meets someone when the numbers match"),
    };
    let cell = |applicant| Cell {
        applicant,
        round: 1,
    };
    let gap = place(&schedule, &input, cell(3), None).unwrap();
    assert!(gap.conflicts.is_empty(), "{:?}", gap.conflicts);
    let seat = |s: &DaySchedule, a: i64| {
        s.itineraries
            .iter()
            .find(|it| it.applicant == a)
            .unwrap()
            .seats[0]
    };
    assert_eq!(seat(&gap.schedule, 3), Seat::Break);

    // Back into the gap: sound again. Onto an interviewer already busy: double-booked.
    let filled = place(&gap.schedule, &input, cell(3), Some(freed)).unwrap();
    assert!(filled.conflicts.is_empty(), "{:?}", filled.conflicts);
    assert_eq!(seat(&filled.schedule, 3), Seat::Meets(freed));
    let busy = match seat(&schedule, 1) {
        Seat::Meets(i) => i,
        Seat::Break => unreachable!(),
    };
    let clash = place(&gap.schedule, &input, cell(3), Some(busy)).unwrap();
    assert!(
        clash
            .conflicts
            .iter()
            .any(|c| matches!(c.kind, ConflictKind::DoubleBooked { .. })),
        "{:?}",
        clash.conflicts
    );
    assert!(
        place(
            &schedule,
            &input,
            Cell {
                applicant: 9,
                round: 1
            },
            None
        )
        .is_err()
    );
}
