//! How much the generator wants applicant `a` with interviewer `i` in round `r`, as one number
//! made of ranked parts so that a matching of largest total weight is best on the first part,
//! then on the second among those, and so on:
//!
//! 1. must-meet pairs placed;
//! 2. among them, the pairs with the fewest other rounds left to meet in;
//! 3. meetings;
//! 4. applicants who need a seat most: more breaks already (earlier ones count more), or a
//!    break in the round just before or after, so that breaks rotate;
//! 5. pairs with the fewest other rounds in which both are free, so that scarce chances are
//!    used first.

use super::day::Day;
use super::grid::Grid;

pub(crate) struct EdgeWeights {
    rounds: i128,
    /// Size of one unit of each part, from the least important (pair urgency, unit 1) upwards.
    need_unit: i128,
    meeting_unit: i128,
    must_urgency_unit: i128,
    must_unit: i128,
}

impl EdgeWeights {
    pub fn new(day: &Day) -> Self {
        let rounds = day.round_count() as i128;
        // No matching has more edges than this, so no part can add up past the next unit.
        let edges = (day
            .applicant_count()
            .min(day.interviewer_count())
            .max(day.round_count())
            + 1) as i128;
        let urgency_max = rounds;
        let need_max = 8 * rounds + 8;
        let need_unit = edges * (urgency_max + 1);
        let meeting_unit = need_unit * edges * (need_max + 1);
        let must_urgency_unit = meeting_unit * edges;
        let must_unit = must_urgency_unit * edges * (urgency_max + 1);
        Self {
            rounds,
            need_unit,
            meeting_unit,
            must_urgency_unit,
            must_unit,
        }
    }

    /// Rounds from `horizon` on (other than `r`) are not planned yet: they count as free and
    /// their empty seats are not breaks.
    pub fn weight(
        &self,
        day: &Day,
        grid: &Grid,
        a: usize,
        i: usize,
        r: usize,
        horizon: usize,
    ) -> i128 {
        let chances = (0..day.round_count())
            .filter(|&s| {
                s != r
                    && day.open(i, s)
                    && (s >= horizon || (grid.seat(a, s).is_none() && grid.host(i, s).is_none()))
            })
            .count() as i128;
        let scarcity = self.rounds - chances;
        let mut weight = self.meeting_unit + scarcity + self.need_unit * need(grid, a, r, horizon);
        if day.must(a, i) {
            weight += self.must_unit + self.must_urgency_unit * scarcity;
        }
        weight
    }
}

fn need(grid: &Grid, a: usize, r: usize, horizon: usize) -> i128 {
    let is_break = |s: usize| s < horizon && s != r && grid.seat(a, s).is_none();
    let before = (0..r).filter(|&s| is_break(s)).count() as i128;
    let after = (r + 1..horizon).filter(|&s| is_break(s)).count() as i128;
    let beside = i128::from(r > 0 && is_break(r - 1)) + i128::from(is_break(r + 1));
    6 * before + 2 * after + 4 * beside
}
