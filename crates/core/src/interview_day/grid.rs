//! The assignment being built: who sits where in every round, with the reverse look-ups
//! (who an interviewer is with, when a pair met) kept beside it so that every move is checked
//! in constant time.

use super::day::Day;

const NONE: u32 = u32::MAX;

/// Where every applicant is in every round; any table of this shape, even one that breaks the
/// rules after a hand edit, so that it can be scored and explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seats {
    rounds: usize,
    /// `[a * rounds + r]`: the interviewer, or `NONE` for a break.
    cells: Vec<u32>,
}

impl Seats {
    pub fn empty(applicants: usize, rounds: usize) -> Self {
        Self {
            rounds,
            cells: vec![NONE; applicants * rounds],
        }
    }

    pub fn rounds(&self) -> usize {
        self.rounds
    }

    pub fn applicants(&self) -> usize {
        self.cells.len().checked_div(self.rounds).unwrap_or(0)
    }

    pub fn get(&self, a: usize, r: usize) -> Option<usize> {
        match self.cells[a * self.rounds + r] {
            NONE => None,
            i => Some(i as usize),
        }
    }

    pub fn is_break(&self, a: usize, r: usize) -> bool {
        self.cells[a * self.rounds + r] == NONE
    }

    pub fn set(&mut self, a: usize, r: usize, seat: Option<usize>) {
        self.cells[a * self.rounds + r] = seat.map_or(NONE, |i| i as u32);
    }
}

/// Who each interviewer is with, read from seats; the first applicant if a hand edit put two
/// there.
pub(crate) struct Hosts {
    rounds: usize,
    host: Vec<Option<usize>>,
}

impl Hosts {
    pub fn new(seats: &Seats, interviewers: usize) -> Self {
        let rounds = seats.rounds();
        let mut host = vec![None; interviewers * rounds];
        for a in 0..seats.applicants() {
            for r in 0..rounds {
                if let Some(i) = seats.get(a, r) {
                    host[i * rounds + r].get_or_insert(a);
                }
            }
        }
        Self { rounds, host }
    }

    pub fn get(&self, i: usize, r: usize) -> Option<usize> {
        self.host[i * self.rounds + r]
    }
}

/// A schedule that obeys every hard rule by construction: `place` is only called after
/// `can_place` said yes.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    seats: Seats,
    interviewers: usize,
    /// `[i * rounds + r]`: the applicant with interviewer `i` in round `r`.
    host: Vec<u32>,
    /// `[a * interviewers + i]`: the round in which `a` meets `i`.
    met: Vec<u32>,
}

impl Grid {
    pub fn empty(day: &Day) -> Self {
        let (a, i, r) = (
            day.applicant_count(),
            day.interviewer_count(),
            day.round_count(),
        );
        Self {
            seats: Seats::empty(a, r),
            interviewers: i,
            host: vec![NONE; i * r],
            met: vec![NONE; a * i],
        }
    }

    pub fn seats(&self) -> &Seats {
        &self.seats
    }

    pub fn seat(&self, a: usize, r: usize) -> Option<usize> {
        self.seats.get(a, r)
    }

    pub fn host(&self, i: usize, r: usize) -> Option<usize> {
        match self.host[i * self.seats.rounds + r] {
            NONE => None,
            a => Some(a as usize),
        }
    }

    pub fn met_in(&self, a: usize, i: usize) -> Option<usize> {
        match self.met[a * self.interviewers + i] {
            NONE => None,
            r => Some(r as usize),
        }
    }

    /// The pair may meet at all: no conflict of interest and not met yet.
    pub fn may_meet(&self, day: &Day, a: usize, i: usize) -> bool {
        day.allowed(a, i) && self.met_in(a, i).is_none()
    }

    pub fn can_place(&self, day: &Day, a: usize, i: usize, r: usize) -> bool {
        self.seat(a, r).is_none()
            && self.host(i, r).is_none()
            && day.open(i, r)
            && self.may_meet(day, a, i)
    }

    pub fn place(&mut self, a: usize, i: usize, r: usize) {
        debug_assert!(self.seat(a, r).is_none() && self.host(i, r).is_none());
        debug_assert!(self.met_in(a, i).is_none());
        self.seats.set(a, r, Some(i));
        self.host[i * self.seats.rounds + r] = a as u32;
        self.met[a * self.interviewers + i] = r as u32;
    }

    /// Turns `a`'s round `r` into a break; returns whom they were meeting.
    pub fn clear(&mut self, a: usize, r: usize) -> Option<usize> {
        let i = self.seat(a, r)?;
        self.seats.set(a, r, None);
        self.host[i * self.seats.rounds + r] = NONE;
        self.met[a * self.interviewers + i] = NONE;
        Some(i)
    }
}
