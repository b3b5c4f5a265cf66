//! The improvement pass, repeated while it helps and at most `MAX_PASSES` times: forces in
//! missing must-meet pairs and, while meetings are short of what the day could hold, meetings
//! into breaks; re-plans one round, one interviewer's day or one applicant's day at a time
//! (each an exact best matching with the rest of the schedule fixed); then moves breaks (see
//! `break_moves`). A re-plan is kept only when the [`Score`] gets strictly better.

use super::construct::{fill_applicant, fill_interviewer, fill_round};
use super::day::Day;
use super::grid::Grid;
use super::score::{Score, score};
use super::weights::EdgeWeights;

const MAX_PASSES: usize = 8;

pub(crate) fn improve(day: &Day, grid: &mut Grid, weights: &EdgeWeights) {
    let mut search = Search {
        day,
        weights,
        best: score(grid.seats(), &day.must_pairs),
        most_meetings: most_meetings(day),
    };
    for _ in 0..MAX_PASSES {
        let before = search.best;
        search.must_meet(grid);
        search.fill_breaks(grid);
        search.rounds(grid);
        search.interviewers(grid);
        search.applicants(grid);
        search.move_breaks(grid);
        if !search.best.is_better_than(&before) {
            break;
        }
    }
    debug_assert_eq!(search.best, score(grid.seats(), &day.must_pairs));
}

pub(super) struct Search<'a> {
    pub day: &'a Day,
    weights: &'a EdgeWeights,
    /// The score of the schedule being improved.
    pub best: Score,
    /// No schedule of the day has more meetings than this.
    most_meetings: u32,
}

impl Search<'_> {
    /// Applies `change` to a copy and keeps it if the score improves.
    fn attempt(&mut self, grid: &mut Grid, change: impl FnOnce(&mut Grid)) -> bool {
        let mut candidate = grid.clone();
        change(&mut candidate);
        let got = score(candidate.seats(), &self.day.must_pairs);
        if got.is_better_than(&self.best) {
            self.best = got;
            *grid = candidate;
            true
        } else {
            false
        }
    }

    fn rounds(&mut self, grid: &mut Grid) {
        let (day, weights) = (self.day, self.weights);
        for r in 0..day.round_count() {
            self.attempt(grid, |g| {
                for a in 0..day.applicant_count() {
                    g.clear(a, r);
                }
                fill_round(day, g, weights, r, day.round_count());
            });
        }
    }

    fn applicants(&mut self, grid: &mut Grid) {
        let (day, weights) = (self.day, self.weights);
        for a in 0..day.applicant_count() {
            self.attempt(grid, |g| {
                for r in 0..day.round_count() {
                    g.clear(a, r);
                }
                fill_applicant(day, g, weights, a);
            });
        }
    }

    fn interviewers(&mut self, grid: &mut Grid) {
        let (day, weights) = (self.day, self.weights);
        for i in 0..day.interviewer_count() {
            self.attempt(grid, |g| {
                clear_interviewer(g, day, i);
                fill_interviewer(day, g, weights, i);
            });
        }
    }

    /// For each must-meet pair not yet met, tries each round the interviewer is open in.
    fn must_meet(&mut self, grid: &mut Grid) {
        let (day, weights) = (self.day, self.weights);
        for &(a, i) in &day.must_pairs {
            if grid.met_in(a, i).is_some() {
                continue;
            }
            for r in day.open_rounds(i).collect::<Vec<_>>() {
                if self.attempt(grid, |g| force(day, weights, g, (a, i, r))) {
                    break;
                }
            }
        }
    }

    /// For each break, tries each interviewer the applicant may meet in that round, as long as
    /// the schedule has fewer meetings than the day could hold; at most a number of times that
    /// grows with the number of people, since each try re-plans whole days.
    fn fill_breaks(&mut self, grid: &mut Grid) {
        let (day, weights) = (self.day, self.weights);
        let mut budget = 64 + 2 * (day.applicant_count() + day.interviewer_count());
        for a in 0..day.applicant_count() {
            for r in 0..day.round_count() {
                for i in 0..day.interviewer_count() {
                    if self.best.meetings >= self.most_meetings || budget == 0 {
                        return;
                    }
                    if grid.seat(a, r).is_some() || !day.open(i, r) || !day.allowed(a, i) {
                        continue;
                    }
                    budget -= 1;
                    if self.attempt(grid, |g| force(day, weights, g, (a, i, r))) {
                        break;
                    }
                }
            }
        }
    }
}

fn clear_interviewer(g: &mut Grid, day: &Day, i: usize) {
    for r in 0..day.round_count() {
        if let Some(a) = g.host(i, r) {
            g.clear(a, r);
        }
    }
}

/// Seats `a` with `i` in round `r` whatever was there: whoever `i` was seeing then is moved
/// aside and gets a new day, `a`'s other rounds are planned again around the new meeting, and
/// interviewers left free are offered to whoever can use them.
fn force(day: &Day, weights: &EdgeWeights, g: &mut Grid, (a, i, r): (usize, usize, usize)) {
    let displaced = g.host(i, r).filter(|&b| b != a);
    let mut freed: Vec<usize> = (0..day.round_count())
        .filter_map(|s| g.clear(a, s))
        .collect();
    if let Some(b) = displaced {
        freed.extend((0..day.round_count()).filter_map(|s| g.clear(b, s)));
    }
    g.place(a, i, r);
    fill_applicant(day, g, weights, a);
    if let Some(b) = displaced {
        fill_applicant(day, g, weights, b);
    }
    freed.sort_unstable();
    freed.dedup();
    for j in freed {
        fill_interviewer(day, g, weights, j);
    }
}

/// An upper bound on the meetings of any schedule: no round seats more than its open
/// interviewers or the applicants, no applicant meets more than the rounds or the
/// interviewers they may meet, and no interviewer more than their open rounds or the
/// applicants who may meet them.
fn most_meetings(day: &Day) -> u32 {
    let (applicants, interviewers, rounds) = (
        day.applicant_count(),
        day.interviewer_count(),
        day.round_count(),
    );
    let present = |i: usize| day.open_rounds(i).count();
    let by_round: usize = (0..rounds)
        .map(|r| {
            let open = (0..interviewers).filter(|&i| day.open(i, r)).count();
            open.min(applicants)
        })
        .sum();
    let by_applicant: usize = (0..applicants)
        .map(|a| {
            let may = (0..interviewers)
                .filter(|&i| day.allowed(a, i) && present(i) > 0)
                .count();
            may.min(rounds)
        })
        .sum();
    let by_interviewer: usize = (0..interviewers)
        .map(|i| {
            let may = (0..applicants).filter(|&a| day.allowed(a, i)).count();
            may.min(present(i))
        })
        .sum();
    by_round.min(by_applicant).min(by_interviewer) as u32
}
