//! The first schedule: round after round, the best matching of free applicants to open
//! interviewers given the rounds already planned.

use super::day::Day;
use super::grid::Grid;
use super::matching::Weights;
use super::weights::EdgeWeights;

pub(crate) fn construct(day: &Day, weights: &EdgeWeights) -> Grid {
    let mut grid = Grid::empty(day);
    for r in 0..day.round_count() {
        fill_round(day, &mut grid, weights, r, r + 1);
    }
    grid
}

/// Seats the applicants who are free in round `r` with the open interviewers who are free
/// then, by a best matching. `horizon` is passed on to [`EdgeWeights::weight`].
pub(crate) fn fill_round(
    day: &Day,
    grid: &mut Grid,
    weights: &EdgeWeights,
    r: usize,
    horizon: usize,
) {
    let interviewers: Vec<usize> = (0..day.interviewer_count())
        .filter(|&i| day.open(i, r) && grid.host(i, r).is_none())
        .collect();
    let applicants: Vec<usize> = (0..day.applicant_count())
        .filter(|&a| grid.seat(a, r).is_none())
        .collect();
    let mut table = Weights::new(applicants.len(), interviewers.len());
    for (row, &a) in applicants.iter().enumerate() {
        for (col, &i) in interviewers.iter().enumerate() {
            if grid.may_meet(day, a, i) {
                table.set(row, col, weights.weight(day, grid, a, i, r, horizon));
            }
        }
    }
    for (row, col) in table.best_matching().into_iter().enumerate() {
        if let Some(col) = col {
            grid.place(applicants[row], interviewers[col], r);
        }
    }
}

/// Gives applicant `a`, whose day is empty, the best meetings the other schedules leave open.
pub(crate) fn fill_applicant(day: &Day, grid: &mut Grid, weights: &EdgeWeights, a: usize) {
    let rounds = day.round_count();
    let mut table = Weights::new(rounds, day.interviewer_count());
    for r in (0..rounds).filter(|&r| grid.seat(a, r).is_none()) {
        for i in 0..day.interviewer_count() {
            if grid.can_place(day, a, i, r) {
                table.set(r, i, weights.weight(day, grid, a, i, r, rounds));
            }
        }
    }
    for (r, i) in table.best_matching().into_iter().enumerate() {
        if let Some(i) = i {
            grid.place(a, i, r);
        }
    }
}

/// Gives interviewer `i`, whose day is empty, the best applicants the other schedules leave
/// free; a matching of rounds to applicants, so nobody meets `i` twice.
pub(crate) fn fill_interviewer(day: &Day, grid: &mut Grid, weights: &EdgeWeights, i: usize) {
    let rounds: Vec<usize> = day
        .open_rounds(i)
        .filter(|&r| grid.host(i, r).is_none())
        .collect();
    let mut table = Weights::new(rounds.len(), day.applicant_count());
    for (row, &r) in rounds.iter().enumerate() {
        for a in 0..day.applicant_count() {
            if grid.can_place(day, a, i, r) {
                table.set(
                    row,
                    a,
                    weights.weight(day, grid, a, i, r, day.round_count()),
                );
            }
        }
    }
    for (row, a) in table.best_matching().into_iter().enumerate() {
        if let Some(a) = a {
            grid.place(a, i, rounds[row]);
        }
    }
}
