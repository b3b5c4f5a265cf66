//! Moves that change when applicants have their breaks, judged from the applicants they touch
//! through a [`BreakLedger`] rather than by scoring the whole schedule, so that they can be
//! tried for every break of a large day. They are also kept when the score stays the same:
//! that lets a break travel through equal schedules to a better one, and the passes of the
//! improvement bound how long it may wander.

use super::day::Day;
use super::grid::Grid;
use super::improve::Search;
use super::ledger::{BreakLedger, Pattern, consecutive};
use super::score::Score;

impl Search<'_> {
    /// For each break that adds to the penalty, tries in turn: moving one of the applicant's
    /// own meetings into it; giving it to another applicant `b` seated in that round (the
    /// applicant takes `b`'s interviewer); and trading with `b` both ways, `b` taking the
    /// applicant's seat in a round where `b` has a break, so both keep their number of breaks.
    pub(super) fn move_breaks(&mut self, grid: &mut Grid) {
        let day = self.day;
        let (applicants, rounds) = (day.applicant_count(), day.round_count());
        let mut ledger = BreakLedger::new(grid.seats());
        for a in 0..applicants {
            for r in 0..rounds {
                if grid.seat(a, r).is_some() || !worth_moving(&ledger, a, r) {
                    continue;
                }
                if self.shift_meeting(grid, &mut ledger, a, r) {
                    continue;
                }
                'partners: for b in 0..applicants {
                    let Some(j) = grid.seat(b, r) else { continue };
                    if !day.allowed(a, j) {
                        continue;
                    }
                    if self.try_trade(grid, &mut ledger, (a, b), r, None) {
                        break 'partners;
                    }
                    for s in 0..rounds {
                        if s != r
                            && grid.seat(b, s).is_none()
                            && grid.seat(a, s).is_some()
                            && self.try_trade(grid, &mut ledger, (a, b), r, Some(s))
                        {
                            break 'partners;
                        }
                    }
                }
            }
        }
    }

    /// Moves one of `a`'s meetings into round `r`, where `a` has a break, when that
    /// interviewer is free then: the break moves to the meeting's old round.
    fn shift_meeting(
        &mut self,
        grid: &mut Grid,
        ledger: &mut BreakLedger,
        a: usize,
        r: usize,
    ) -> bool {
        let day = self.day;
        for s in 0..day.round_count() {
            let Some(i) = grid.seat(a, s) else { continue };
            if !day.open(i, r) || grid.host(i, r).is_some() {
                continue;
            }
            let mut row = ledger.row(a).to_vec();
            row.swap(r, s);
            let pattern = [Pattern {
                applicant: a,
                on_break: &row,
            }];
            let (uneven, consecutive) = ledger.penalty_change(&pattern);
            let got = Score {
                uneven_breaks: shift(self.best.uneven_breaks, uneven),
                consecutive_breaks: shift(self.best.consecutive_breaks, consecutive),
                ..self.best
            };
            if got.is_better_than(&self.best) || got.rank() == self.best.rank() {
                grid.clear(a, s);
                grid.place(a, i, r);
                ledger.update(&pattern);
                self.best = got;
                return true;
            }
        }
        false
    }

    /// Makes the trade if the rules allow it and the score does not get worse.
    fn try_trade(
        &mut self,
        grid: &mut Grid,
        ledger: &mut BreakLedger,
        (a, b): (usize, usize),
        r: usize,
        back: Option<usize>,
    ) -> bool {
        let day = self.day;
        let cells: Vec<(usize, usize)> = [(a, r), (b, r)]
            .into_iter()
            .chain(back.into_iter().flat_map(|s| [(a, s), (b, s)]))
            .collect();
        let saved: Vec<Option<usize>> = cells.iter().map(|&(x, t)| grid.seat(x, t)).collect();
        let must_before = must_met(day, grid, a) + must_met(day, grid, b);
        if !trade(day, grid, a, b, r, back) {
            return false;
        }
        let must_after = must_met(day, grid, a) + must_met(day, grid, b);
        let rows: Vec<Vec<bool>> = [a, b]
            .iter()
            .map(|&x| {
                (0..day.round_count())
                    .map(|t| grid.seat(x, t).is_none())
                    .collect()
            })
            .collect();
        let patterns = [
            Pattern {
                applicant: a,
                on_break: &rows[0],
            },
            Pattern {
                applicant: b,
                on_break: &rows[1],
            },
        ];
        let (uneven, consecutive) = ledger.penalty_change(&patterns);
        let got = Score {
            must_meet_met: shift(
                self.best.must_meet_met,
                must_after as i64 - must_before as i64,
            ),
            uneven_breaks: shift(self.best.uneven_breaks, uneven),
            consecutive_breaks: shift(self.best.consecutive_breaks, consecutive),
            ..self.best
        };
        if got.is_better_than(&self.best) || got.rank() == self.best.rank() {
            ledger.update(&patterns);
            self.best = got;
            true
        } else {
            for &(x, t) in &cells {
                grid.clear(x, t);
            }
            for (&(x, t), seat) in cells.iter().zip(saved) {
                if let Some(i) = seat {
                    grid.place(x, i, t);
                }
            }
            false
        }
    }
}

/// A break worth moving: back to back with another when the applicant's meetings would allow
/// them apart, or one that puts its applicant two breaks ahead of someone.
fn worth_moving(ledger: &BreakLedger, a: usize, r: usize) -> bool {
    let row = ledger.row(a);
    let rounds = row.len();
    let breaks = row.iter().filter(|&&b| b).count();
    let unavoidable = (2 * breaks).saturating_sub(rounds + 1) as i64;
    let beside = (r > 0 && row[r - 1]) || (r + 1 < rounds && row[r + 1]);
    if beside && consecutive(row) > unavoidable {
        return true;
    }
    let so_far = row[..=r].iter().filter(|&&b| b).count();
    so_far >= ledger.fewest(r) + 2 || breaks >= ledger.fewest(rounds - 1) + 2
}

fn must_met(day: &Day, grid: &Grid, a: usize) -> usize {
    (0..day.interviewer_count())
        .filter(|&i| day.must(a, i) && grid.met_in(a, i).is_some())
        .count()
}

fn shift(value: u32, by: i64) -> u32 {
    u32::try_from(i64::from(value) + by).unwrap_or(0)
}

/// `a` (on a break in round `r`) takes `b`'s interviewer there; with `back = Some(s)`, `b`
/// (on a break in round `s`) takes `a`'s interviewer in `s`. Leaves the grid unchanged and
/// returns false if any hard rule would break.
fn trade(day: &Day, g: &mut Grid, a: usize, b: usize, r: usize, back: Option<usize>) -> bool {
    let Some(j) = g.clear(b, r) else { return false };
    let mut removed = vec![(b, j, r)];
    let mut given_back = None;
    if let Some(s) = back {
        match g.clear(a, s) {
            Some(k) => {
                removed.push((a, k, s));
                given_back = Some((k, s));
            }
            None => {
                restore(g, &[], &removed);
                return false;
            }
        }
    }
    if !g.can_place(day, a, j, r) {
        restore(g, &[], &removed);
        return false;
    }
    g.place(a, j, r);
    if let Some((k, s)) = given_back {
        if !g.can_place(day, b, k, s) {
            restore(g, &[(a, r)], &removed);
            return false;
        }
        g.place(b, k, s);
    }
    true
}

fn restore(g: &mut Grid, placed: &[(usize, usize)], removed: &[(usize, usize, usize)]) {
    for &(a, r) in placed {
        g.clear(a, r);
    }
    for &(a, i, r) in removed {
        g.place(a, i, r);
    }
}
