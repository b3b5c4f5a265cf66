//! How close the generator comes to the best possible schedule, on small days where an exact
//! solver (a mixed-integer program, solved by `microlp`) can find the optimum of the same
//! [`Score`].
//!
//! The optimum is found in two steps, following the score's order: first the most must-meet
//! pairs and then meetings (one program, must-meet pairs weighted above all meetings), then,
//! holding those two, the least break penalty. The first step is always solved to the end; the
//! second starts from the generator's schedule and may use `NODES` branch-and-bound nodes, and
//! the days where that is not enough to prove its optimum are counted apart. Both schedules
//! are scored by the crate's own `assemble`, so the comparison uses exactly the generator's
//! objective.
//!
//! `cargo test -p confab-core --test interview_day_quality` compares a few days and asserts a
//! floor. The figures in docs/PERFORMANCE.md come from the larger run:
//! `cargo test -p confab-core --profile bench --test interview_day_quality -- --ignored --nocapture`.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use confab_core::interview_day::{
    Applicant, DayInput, Interviewer, Itinerary, Pair, Score, Seat, assemble, check, generate,
};
use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, Variable};

/// SplitMix64, so that every run compares the same days.
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

/// Up to 8 applicants, 6 interviewers and 6 rounds, with conflicts of interest (one pair in
/// ten), must-meet pairs (one in eight) and unavailable rounds (one in eight).
fn small_day(seed: u64) -> DayInput {
    let mut dice = Dice(seed);
    let applicants = 3 + dice.below(6) as i64;
    let interviewers = 2 + dice.below(5) as i64;
    let rounds = 2 + dice.below(5) as u32;
    let mut input = DayInput {
        start: NaiveDateTime::parse_from_str("2026-05-12 09:00", "%Y-%m-%d %H:%M").unwrap(),
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
    };
    for interviewer in &mut input.interviewers {
        interviewer.unavailable_rounds = (1..=rounds).filter(|_| dice.below(8) == 0).collect();
    }
    for a in 1..=applicants {
        for i in 101..=100 + interviewers {
            match dice.below(40) {
                0..=3 => input.conflicts.push(Pair::new(a, i)),
                4..=8 => input.must_meet.push(Pair::new(a, i)),
                _ => {}
            }
        }
    }
    input
}

/// The day as index tables, for the program.
struct Table {
    applicants: usize,
    interviewers: usize,
    rounds: usize,
    /// Every applicant–interviewer–round the hard rules allow.
    triples: Vec<(usize, usize, usize)>,
    must: Vec<(usize, usize)>,
}

impl Table {
    fn new(input: &DayInput) -> Self {
        let (applicants, interviewers, rounds) = (
            input.applicants.len(),
            input.interviewers.len(),
            input.rounds as usize,
        );
        let pair = |p: &Pair| {
            (
                input
                    .applicants
                    .iter()
                    .position(|a| a.id == p.applicant)
                    .unwrap(),
                input
                    .interviewers
                    .iter()
                    .position(|i| i.id == p.interviewer)
                    .unwrap(),
            )
        };
        let conflicts: Vec<(usize, usize)> = input.conflicts.iter().map(pair).collect();
        let mut triples = Vec::new();
        for a in 0..applicants {
            for (i, person) in input.interviewers.iter().enumerate() {
                for r in 0..rounds {
                    if !conflicts.contains(&(a, i))
                        && !person.unavailable_rounds.contains(&(r as u32 + 1))
                    {
                        triples.push((a, i, r));
                    }
                }
            }
        }
        Self {
            applicants,
            interviewers,
            rounds,
            triples,
            must: input.must_meet.iter().map(pair).collect(),
        }
    }
}

/// The decision variables `x[(a, i, r)]` (applicant `a` meets interviewer `i` in round `r`)
/// with the hard rules.
struct Program {
    problem: Problem,
    x: BTreeMap<(usize, usize, usize), Variable>,
}

type Terms = Vec<(Variable, f64)>;

impl Program {
    fn new(
        table: &Table,
        direction: OptimizationDirection,
        gain: impl Fn(usize, usize) -> f64,
    ) -> Self {
        let mut problem = Problem::new(direction);
        let x: BTreeMap<_, _> = table
            .triples
            .iter()
            .map(|&(a, i, r)| ((a, i, r), problem.add_binary_var(gain(a, i))))
            .collect();
        let mut program = Self { problem, x };
        for r in 0..table.rounds {
            for a in 0..table.applicants {
                program.at_most_one(|&(x, _, s)| x == a && s == r);
            }
            for i in 0..table.interviewers {
                program.at_most_one(|&(_, y, s)| y == i && s == r);
            }
        }
        for a in 0..table.applicants {
            for i in 0..table.interviewers {
                program.at_most_one(|&(x, y, _)| x == a && y == i);
            }
        }
        program
    }

    fn terms(&self, keep: impl Fn(&(usize, usize, usize)) -> bool, coeff: f64) -> Terms {
        self.x
            .iter()
            .filter(|(t, _)| keep(t))
            .map(|(_, &v)| (v, coeff))
            .collect()
    }

    fn at_most_one(&mut self, keep: impl Fn(&(usize, usize, usize)) -> bool) {
        let terms = self.terms(keep, 1.0);
        if terms.len() > 1 {
            self.problem.add_constraint(terms, ComparisonOp::Le, 1.0);
        }
    }

    fn met(&self, solution: &microlp::Solution) -> Vec<(usize, usize, usize)> {
        self.x
            .iter()
            .filter(|(_, v)| solution.var_value(**v) > 0.5)
            .map(|(t, _)| *t)
            .collect()
    }
}

/// The best schedule by the two steps described at the top, and whether the second step
/// proved its optimum within `nodes` branch-and-bound nodes (if not, it is the best found,
/// starting from `start`, the generator's schedule).
fn optimum(
    input: &DayInput,
    table: &Table,
    start: &[(usize, usize, usize)],
    nodes: u64,
) -> (Vec<Itinerary>, bool) {
    let must = |a: usize, i: usize| table.must.contains(&(a, i));
    let weight = (table.applicants * table.rounds + 1) as f64;
    let first = Program::new(table, OptimizationDirection::Maximize, |a, i| {
        1.0 + if must(a, i) { weight } else { 0.0 }
    });
    let solved = first.problem.solve().unwrap().into_solution().unwrap();
    let best = first.met(&solved);
    let best_must = best.iter().filter(|&&(a, i, _)| must(a, i)).count() as f64;
    let best_meetings = best.len() as f64;

    let mut second = Program::new(table, OptimizationDirection::Minimize, |_, _| 0.0);
    let must_terms = second.terms(|&(a, i, _)| must(a, i), 1.0);
    second
        .problem
        .add_constraint(must_terms, ComparisonOp::Ge, best_must);
    let all = second.terms(|_| true, 1.0);
    second
        .problem
        .add_constraint(all, ComparisonOp::Ge, best_meetings);
    // breaks(a, 0..=r) = (r + 1) - seated(a, 0..=r); pairs compare seated counts instead,
    // with the same differences.
    for r in 0..table.rounds {
        for a in 0..table.applicants {
            for b in a + 1..table.applicants {
                let e = second.problem.add_var(1.0, (0.0, f64::INFINITY));
                for (x, y) in [(a, b), (b, a)] {
                    // e >= seated(y) - seated(x) - 1
                    let mut terms = second.terms(|&(z, _, s)| z == y && s <= r, -1.0);
                    terms.extend(second.terms(|&(z, _, s)| z == x && s <= r, 1.0));
                    terms.push((e, 1.0));
                    second.problem.add_constraint(terms, ComparisonOp::Ge, -1.0);
                }
            }
            if r + 1 < table.rounds {
                // c >= breaks(r) + breaks(r + 1) - 1 = 1 - seated(r) - seated(r + 1)
                let c = second.problem.add_var(1.0, (0.0, f64::INFINITY));
                let mut terms = second.terms(|&(z, _, s)| z == a && (s == r || s == r + 1), 1.0);
                terms.push((c, 1.0));
                second.problem.add_constraint(terms, ComparisonOp::Ge, 1.0);
            }
        }
    }
    let warm = second
        .x
        .iter()
        .map(|(t, &v)| (v, if start.contains(t) { 1.0 } else { 0.0 }))
        .collect();
    let mut options = SolveOptions::default();
    options.node_limit = Some(nodes);
    options.warm_start = Some(warm);
    let outcome = second.problem.solve_with(options).unwrap();
    let proven = outcome.is_optimal();
    let met = match outcome.solution() {
        Some(solution) => second.met(solution),
        None => start.to_vec(),
    };

    let mut seats = vec![vec![Seat::Break; table.rounds]; table.applicants];
    for (a, i, r) in met {
        seats[a][r] = Seat::Meets(input.interviewers[i].id);
    }
    let itineraries = input
        .applicants
        .iter()
        .zip(seats)
        .map(|(a, seats)| Itinerary {
            applicant: a.id,
            seats,
        })
        .collect();
    (itineraries, proven)
}

struct Comparison {
    generated: Score,
    best: Score,
    /// The break penalty of `best` is proven least; must-meet pairs and meetings always are.
    proven: bool,
}

/// Branch-and-bound nodes allowed to the second step of each day.
const NODES: u64 = 20_000;

fn compare(seed: u64) -> Comparison {
    let input = small_day(seed);
    let generated = generate(&input).unwrap();
    let table = Table::new(&input);
    let start: Vec<(usize, usize, usize)> = generated
        .itineraries
        .iter()
        .enumerate()
        .flat_map(|(a, it)| {
            let input = &input;
            it.seats
                .iter()
                .enumerate()
                .filter_map(move |(r, seat)| match seat {
                    Seat::Meets(id) => {
                        Some((a, input.interviewers.iter().position(|p| p.id == *id)?, r))
                    }
                    Seat::Break => None,
                })
        })
        .collect();
    let (itineraries, proven) = optimum(&input, &table, &start, NODES);
    let best = assemble(&input, itineraries).unwrap();
    assert!(
        check(&best, &input).is_empty(),
        "seed {seed}: the optimum breaks a rule"
    );
    let top = |s: &Score| (s.must_meet_met, s.meetings);
    assert!(
        top(&generated.score) <= top(&best.score),
        "seed {seed}: the generator beat the optimum: {:?} vs {:?}",
        generated.score,
        best.score
    );
    assert!(
        !proven || !generated.score.is_better_than(&best.score),
        "seed {seed}: the generator beat a proven optimum: {:?} vs {:?}",
        generated.score,
        best.score
    );
    Comparison {
        generated: generated.score,
        best: best.score,
        proven,
    }
}

fn ratio(got: u32, best: u32) -> f64 {
    if best == 0 {
        1.0
    } else {
        f64::from(got) / f64::from(best)
    }
}

/// Prints the figures and returns the worst meetings ratio and the worst must-meet ratio.
fn report(seeds: std::ops::Range<u64>) -> (f64, f64) {
    let started = Instant::now();
    let results: Vec<Comparison> = seeds.clone().map(compare).collect();
    let n = results.len() as f64;
    let same = results
        .iter()
        .filter(|c| c.generated.rank() == c.best.rank())
        .count();
    let meetings: Vec<f64> = results
        .iter()
        .map(|c| ratio(c.generated.meetings, c.best.meetings))
        .collect();
    let must: Vec<f64> = results
        .iter()
        .map(|c| ratio(c.generated.must_meet_met, c.best.must_meet_met))
        .collect();
    let must_short: u32 = results
        .iter()
        .map(|c| c.best.must_meet_met - c.generated.must_meet_met.min(c.best.must_meet_met))
        .sum();
    let must_total: u32 = results.iter().map(|c| c.best.must_meet_met).sum();
    let same_top: Vec<&Comparison> = results
        .iter()
        .filter(|c| {
            c.proven
                && (c.generated.must_meet_met, c.generated.meetings)
                    == (c.best.must_meet_met, c.best.meetings)
        })
        .collect();
    let proven = results.iter().filter(|c| c.proven).count();
    let extra: Vec<i64> = same_top
        .iter()
        .map(|c| i64::from(c.generated.break_penalty()) - i64::from(c.best.break_penalty()))
        .collect();
    let worst = |v: &[f64]| v.iter().copied().fold(1.0, f64::min);
    println!(
        "{} days (seeds {}..{}), {:.1} s",
        results.len(),
        seeds.start,
        seeds.end,
        started.elapsed().as_secs_f64()
    );
    println!(
        "  same score as the best found: {same} of {}",
        results.len()
    );
    println!(
        "  meetings, generated / optimum: mean {:.4}, worst {:.4}",
        meetings.iter().sum::<f64>() / n,
        worst(&meetings)
    );
    println!(
        "  must-meet pairs met, generated / optimum: mean {:.4}, worst {:.4} ({must_short} of {must_total} short)",
        must.iter().sum::<f64>() / n,
        worst(&must)
    );
    println!(
        "  break penalty proven least on {proven} days; above it, on the {} of those with the same must-meet and meeting counts: mean {:.2}, worst {}, zero on {}",
        same_top.len(),
        extra.iter().sum::<i64>() as f64 / same_top.len().max(1) as f64,
        extra.iter().max().copied().unwrap_or(0),
        extra.iter().filter(|&&e| e == 0).count()
    );
    (worst(&meetings), worst(&must))
}

#[test]
fn the_generator_stays_close_to_the_optimum() {
    let (meetings, must) = report(0..12);
    assert!(meetings >= 0.9, "worst meetings ratio {meetings}");
    assert!(must >= 0.9, "worst must-meet ratio {must}");
}

#[test]
#[ignore = "takes minutes; prints the figures for docs/PERFORMANCE.md"]
fn quality_figures() {
    let (meetings, must) = report(0..200);
    assert!(meetings >= 0.9, "worst meetings ratio {meetings}");
    assert!(must >= 0.9, "worst must-meet ratio {must}");
}
