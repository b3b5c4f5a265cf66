//! Break counts kept up to date while breaks are traded, so that a trade between two
//! applicants is judged in time proportional to rounds², not to the whole schedule.

use super::grid::Seats;

pub(crate) struct BreakLedger {
    rounds: usize,
    /// `[a * rounds + r]`: `a` has a break in round `r`.
    on_break: Vec<bool>,
    /// `[r * (rounds + 1) + k]`: how many applicants have had `k` breaks by the end of round `r`.
    count_with: Vec<u32>,
}

/// The most applicants one change may touch.
const MAX_CHANGES: usize = 4;

/// A proposed break pattern for one applicant.
pub(crate) struct Pattern<'a> {
    pub applicant: usize,
    pub on_break: &'a [bool],
}

impl BreakLedger {
    pub fn new(seats: &Seats) -> Self {
        let (applicants, rounds) = (seats.applicants(), seats.rounds());
        let mut ledger = Self {
            rounds,
            on_break: vec![false; applicants * rounds],
            count_with: vec![0; rounds * (rounds + 1)],
        };
        for a in 0..applicants {
            let row: Vec<bool> = (0..rounds).map(|r| seats.is_break(a, r)).collect();
            ledger.on_break[a * rounds..(a + 1) * rounds].copy_from_slice(&row);
            ledger.tally(&row, 1);
        }
        ledger
    }

    pub fn row(&self, a: usize) -> &[bool] {
        &self.on_break[a * self.rounds..(a + 1) * self.rounds]
    }

    fn tally(&mut self, row: &[bool], sign: i32) {
        let mut so_far = 0;
        for (r, &b) in row.iter().enumerate() {
            so_far += usize::from(b);
            let cell = &mut self.count_with[r * (self.rounds + 1) + so_far];
            *cell = cell.wrapping_add_signed(sign);
        }
    }

    /// Records that the applicants now have these patterns.
    pub fn update(&mut self, changes: &[Pattern]) {
        for change in changes {
            let old = self.row(change.applicant).to_vec();
            self.tally(&old, -1);
            self.tally(change.on_break, 1);
            let start = change.applicant * self.rounds;
            self.on_break[start..start + self.rounds].copy_from_slice(change.on_break);
        }
    }

    /// The fewest breaks anyone has had by the end of round `r`.
    pub fn fewest(&self, r: usize) -> usize {
        let counts = &self.count_with[r * (self.rounds + 1)..(r + 1) * (self.rounds + 1)];
        counts.iter().position(|&n| n > 0).unwrap_or(0)
    }

    /// How much `uneven_breaks` and `consecutive_breaks` of [`super::score::Score`] would change
    /// if the applicants (a few, all different) had these patterns instead.
    pub fn penalty_change(&self, changes: &[Pattern]) -> (i64, i64) {
        assert!(changes.len() <= MAX_CHANGES);
        let n = changes.len();
        let mut consecutive_change = 0i64;
        for c in changes {
            consecutive_change += consecutive(c.on_break) - consecutive(self.row(c.applicant));
        }
        let mut old = [0usize; MAX_CHANGES];
        let mut new = [0usize; MAX_CHANGES];
        let mut change = 0i64;
        for r in 0..self.rounds {
            for (x, c) in changes.iter().enumerate() {
                old[x] += usize::from(self.row(c.applicant)[r]);
                new[x] += usize::from(c.on_break[r]);
            }
            // Nobody has more than r + 1 breaks by the end of round r.
            let counts = &self.count_with[r * (self.rounds + 1)..r * (self.rounds + 1) + r + 2];
            // The changed applicants against everyone else (the ledger holds their old counts,
            // which are taken out again) and against each other.
            let against = |values: &[usize]| -> i64 {
                let mut total = 0;
                for (x, &v) in values.iter().enumerate() {
                    for (k, &count) in counts.iter().enumerate() {
                        total += i64::from(count) * apart(v, k);
                    }
                    for &o in &old[..n] {
                        total -= apart(v, o);
                    }
                    for &w in &values[x + 1..] {
                        total += apart(v, w);
                    }
                }
                total
            };
            change += against(&new[..n]) - against(&old[..n]);
        }
        (change, consecutive_change)
    }
}

/// The uneven-break cost of two applicants with `x` and `y` breaks so far.
fn apart(x: usize, y: usize) -> i64 {
    (x.abs_diff(y) as i64 - 1).max(0)
}

pub(crate) fn consecutive(row: &[bool]) -> i64 {
    row.windows(2).filter(|w| w[0] && w[1]).count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview_day::score::score;

    /// A day's seats from rows of '.' (break) and digits (interviewer).
    fn seats(rows: &[&str]) -> Seats {
        let mut seats = Seats::empty(rows.len(), rows[0].len());
        for (a, row) in rows.iter().enumerate() {
            for (r, c) in row.chars().enumerate() {
                seats.set(a, r, c.to_digit(10).map(|i| i as usize));
            }
        }
        seats
    }

    #[test]
    fn a_change_costs_what_scoring_the_whole_day_says() {
        let before = seats(&["0.1.", "..01", "01..", ".0.1", "1.0."]);
        let after = seats(&["0..1", "..01", ".01.", ".0.1", "1.0."]);
        let ledger = BreakLedger::new(&before);
        let rows: Vec<Vec<bool>> = [0, 2]
            .iter()
            .map(|&a| (0..4).map(|r| after.is_break(a, r)).collect())
            .collect();
        let patterns = [
            Pattern {
                applicant: 0,
                on_break: &rows[0],
            },
            Pattern {
                applicant: 2,
                on_break: &rows[1],
            },
        ];
        let (old, new) = (score(&before, &[]), score(&after, &[]));
        let (uneven, consecutive) = ledger.penalty_change(&patterns);
        assert_eq!(
            i64::from(old.uneven_breaks) + uneven,
            i64::from(new.uneven_breaks)
        );
        assert_eq!(
            i64::from(old.consecutive_breaks) + consecutive,
            i64::from(new.consecutive_breaks)
        );
        assert_ne!(
            (uneven, consecutive),
            (0, 0),
            "the example changes something"
        );

        let mut updated = ledger;
        updated.update(&patterns);
        let fresh = BreakLedger::new(&after);
        assert_eq!(updated.count_with, fresh.count_with);
        assert_eq!(updated.on_break, fresh.on_break);
    }
}
