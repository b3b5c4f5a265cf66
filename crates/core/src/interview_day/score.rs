//! The objective that the generator improves and that its quality is measured by.

use std::cmp::Reverse;

use super::grid::Seats;

/// How good a schedule is. Schedules are compared on, in this order:
///
/// 1. `must_meet_met`, more is better: a must-meet pair outweighs any number of meetings;
/// 2. `meetings`, more is better: every meeting is an applicant seeing an interviewer;
/// 3. the break penalty, `uneven_breaks + consecutive_breaks`, less is better.
///
/// `uneven_breaks` adds, after every round and for every two applicants A and B, by how much
/// A's breaks so far exceed B's by more than one. It is zero exactly when nobody ever has two
/// breaks more than someone else, so nobody has a second break before everyone had a first,
/// and it also weighs unequal totals at the end of the day. `consecutive_breaks` counts the
/// times an applicant's break follows a break in the round before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    pub must_meet_met: u32,
    pub must_meet_pairs: u32,
    pub meetings: u32,
    pub uneven_breaks: u32,
    pub consecutive_breaks: u32,
}

impl Score {
    pub fn break_penalty(&self) -> u32 {
        self.uneven_breaks + self.consecutive_breaks
    }

    /// The comparison key: the larger key is the better schedule.
    pub fn rank(&self) -> (u32, u32, Reverse<u32>) {
        (
            self.must_meet_met,
            self.meetings,
            Reverse(self.break_penalty()),
        )
    }

    pub fn is_better_than(&self, other: &Score) -> bool {
        self.rank() > other.rank()
    }
}

pub(crate) fn score(seats: &Seats, must_pairs: &[(usize, usize)]) -> Score {
    let rounds = seats.rounds();
    let applicants = seats.applicants();
    let must_meet_met = must_pairs
        .iter()
        .filter(|&&(a, i)| (0..rounds).any(|r| seats.get(a, r) == Some(i)))
        .count();
    let mut meetings = 0;
    let mut consecutive = 0;
    for a in 0..applicants {
        for r in 0..rounds {
            if seats.is_break(a, r) {
                if r > 0 && seats.is_break(a, r - 1) {
                    consecutive += 1;
                }
            } else {
                meetings += 1;
            }
        }
    }
    Score {
        must_meet_met: saturate(must_meet_met as u64),
        must_meet_pairs: saturate(must_pairs.len() as u64),
        meetings: saturate(meetings),
        uneven_breaks: saturate(uneven_breaks(seats)),
        consecutive_breaks: saturate(consecutive),
    }
}

/// After each round, counts how many applicants have had 0, 1, 2, … breaks, and adds
/// `(k - j - 1)` for every two applicants with `k` and `j <= k - 2` breaks.
fn uneven_breaks(seats: &Seats) -> u64 {
    let rounds = seats.rounds();
    let mut so_far = vec![0usize; seats.applicants()];
    let mut count_with = vec![0u64; rounds + 1];
    count_with[0] = so_far.len() as u64;
    let mut total = 0;
    for r in 0..rounds {
        for (a, breaks) in so_far.iter_mut().enumerate() {
            if seats.is_break(a, r) {
                count_with[*breaks] -= 1;
                *breaks += 1;
                count_with[*breaks] += 1;
            }
        }
        total += spread_excess(&count_with[..=r + 1]);
    }
    total
}

/// `sum over k, j <= k - 2 of count[k] * count[j] * (k - j - 1)`, in one pass: keeps the number
/// of applicants with at most `k - 2` breaks and the sum of their distances.
fn spread_excess(count_with: &[u64]) -> u64 {
    let mut total = 0;
    let mut below = 0u64;
    let mut distance = 0u64;
    for k in 2..count_with.len() {
        below += count_with[k - 2];
        distance += below;
        total += count_with[k] * distance;
    }
    total
}

fn saturate(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seats(rows: &[&str]) -> Seats {
        let rounds = rows[0].len();
        let mut seats = Seats::empty(rows.len(), rounds);
        for (a, row) in rows.iter().enumerate() {
            for (r, c) in row.chars().enumerate() {
                if let Some(i) = c.to_digit(10) {
                    seats.set(a, r, Some(i as usize));
                }
            }
        }
        seats
    }

    fn brute_uneven(seats: &Seats) -> u64 {
        let mut total = 0;
        for r in 0..seats.rounds() {
            let so_far: Vec<i64> = (0..seats.applicants())
                .map(|a| (0..=r).filter(|&s| seats.is_break(a, s)).count() as i64)
                .collect();
            for x in &so_far {
                for y in &so_far {
                    total += (x - y - 1).max(0) as u64;
                }
            }
        }
        total
    }

    #[test]
    fn a_second_break_before_someone_has_a_first_is_uneven() {
        // Applicant 0 has breaks in rounds 1 and 2 while applicant 1 has none until round 3.
        let s = seats(&["..01", "01.2", "1023"]);
        let got = score(&s, &[]);
        assert_eq!(got.uneven_breaks as u64, brute_uneven(&s));
        assert!(got.uneven_breaks > 0);
        assert_eq!(got.consecutive_breaks, 1);
        assert_eq!(got.meetings, 9);
    }

    #[test]
    fn a_rotation_of_breaks_is_even() {
        let s = seats(&[".012", "0.12", "01.2", "012."]);
        let got = score(&s, &[]);
        assert_eq!(got.uneven_breaks, 0);
        assert_eq!(got.consecutive_breaks, 0);
    }

    #[test]
    fn the_histogram_sum_matches_the_pairwise_definition() {
        let s = seats(&["....", ".1..", "0123", "..2.", ".1.3", "0..."]);
        assert_eq!(score(&s, &[]).uneven_breaks as u64, brute_uneven(&s));
    }

    #[test]
    fn must_meet_pairs_count_once_however_often_they_meet() {
        let s = seats(&["00.", "1.2"]);
        let got = score(&s, &[(0, 0), (1, 2), (1, 0)]);
        assert_eq!((got.must_meet_met, got.must_meet_pairs), (2, 3));
    }

    #[test]
    fn must_meet_outweighs_meetings_which_outweigh_breaks() {
        let base = Score {
            must_meet_met: 1,
            must_meet_pairs: 2,
            meetings: 10,
            uneven_breaks: 0,
            consecutive_breaks: 0,
        };
        let more_must = Score {
            must_meet_met: 2,
            meetings: 3,
            uneven_breaks: 50,
            ..base
        };
        let more_meetings = Score {
            meetings: 11,
            consecutive_breaks: 9,
            ..base
        };
        let fewer_penalty = Score {
            consecutive_breaks: 0,
            ..more_meetings
        };
        assert!(more_must.is_better_than(&base));
        assert!(more_meetings.is_better_than(&base));
        assert!(fewer_penalty.is_better_than(&more_meetings));
        assert!(!base.is_better_than(&base));
    }
}
