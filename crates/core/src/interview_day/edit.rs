//! Changes by hand: the researcher drags one assignment onto another, and sees at once which
//! rules the result breaks.

use super::check::{Conflict, check};
use super::day::Day;
use super::grid::Seats;
use super::input::DayInput;
use super::render::render;
use super::schedule::{DaySchedule, Itinerary, Seat};
use crate::FieldErrors;

/// One applicant's place in one round (rounds counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub applicant: i64,
    pub round: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swapped {
    pub schedule: DaySchedule,
    /// The hard rules the new schedule breaks; empty when it is sound.
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0}")]
    Input(FieldErrors),
    #[error("The schedule has no round {round} for applicant id {applicant}.")]
    NoSuchCell { applicant: i64, round: u32 },
    #[error("{0}")]
    NotThisDay(String),
}

/// Exchanges what two cells hold: two applicants in one round trade interviewers (or a
/// break), one applicant's two rounds trade places, or any two cells trade. The result is
/// re-scored and re-explained; `conflicts` lists the hard rules it breaks.
pub fn swap(
    schedule: &DaySchedule,
    input: &DayInput,
    a: Cell,
    b: Cell,
) -> Result<Swapped, EditError> {
    let mut itineraries = schedule.itineraries.clone();
    let first = position(&itineraries, a)?;
    let second = position(&itineraries, b)?;
    let held = itineraries[first.0].seats[first.1];
    itineraries[first.0].seats[first.1] = itineraries[second.0].seats[second.1];
    itineraries[second.0].seats[second.1] = held;
    let schedule = assemble(input, itineraries)?;
    let conflicts = check(&schedule, input);
    Ok(Swapped {
        schedule,
        conflicts,
    })
}

/// Puts an applicant with an interviewer (or on a break) in one round, as when a gap left by
/// a cancellation is filled with someone from the waitlist. Like [`swap`], the result is kept
/// even when it breaks a rule, and `conflicts` says which.
pub fn place(
    schedule: &DaySchedule,
    input: &DayInput,
    cell: Cell,
    interviewer: Option<i64>,
) -> Result<Swapped, EditError> {
    let mut itineraries = schedule.itineraries.clone();
    let (row, col) = position(&itineraries, cell)?;
    itineraries[row].seats[col] = interviewer.map_or(Seat::Break, Seat::Meets);
    let schedule = assemble(input, itineraries)?;
    let conflicts = check(&schedule, input);
    Ok(Swapped {
        schedule,
        conflicts,
    })
}

fn position(itineraries: &[Itinerary], cell: Cell) -> Result<(usize, usize), EditError> {
    let missing = EditError::NoSuchCell {
        applicant: cell.applicant,
        round: cell.round,
    };
    let row = itineraries
        .iter()
        .position(|it| it.applicant == cell.applicant)
        .ok_or(missing.clone())?;
    let col = (cell.round as usize)
        .checked_sub(1)
        .filter(|&c| c < itineraries[row].seats.len())
        .ok_or(missing)?;
    Ok((row, col))
}

/// Builds the whole schedule (times, timetables, score, what is unmet) from itineraries made
/// or edited elsewhere. The itineraries need not obey the rules (see [`check`]) but must be
/// for this day: one per applicant, one seat per round, only the day's interviewers.
pub fn assemble(input: &DayInput, itineraries: Vec<Itinerary>) -> Result<DaySchedule, EditError> {
    let day = Day::new(input).map_err(EditError::Input)?;
    let mut seats = Seats::empty(day.applicant_count(), day.round_count());
    let mut seen = vec![false; day.applicant_count()];
    for itinerary in &itineraries {
        let a = day.applicant_at(itinerary.applicant).ok_or_else(|| {
            EditError::NotThisDay(format!(
                "Applicant id {} is not one of the day's applicants.",
                itinerary.applicant
            ))
        })?;
        if std::mem::replace(&mut seen[a], true) {
            return Err(EditError::NotThisDay(format!(
                "{} has more than one itinerary.",
                day.applicant_name(a)
            )));
        }
        if itinerary.seats.len() != day.round_count() {
            return Err(EditError::NotThisDay(format!(
                "{}'s itinerary has {} rounds but the day has {}.",
                day.applicant_name(a),
                itinerary.seats.len(),
                day.round_count()
            )));
        }
        for (r, seat) in itinerary.seats.iter().enumerate() {
            if let Seat::Meets(id) = *seat {
                let i = day.interviewer_at(id).ok_or_else(|| {
                    EditError::NotThisDay(format!(
                        "Interviewer id {id} is not one of the day's interviewers."
                    ))
                })?;
                seats.set(a, r, Some(i));
            }
        }
    }
    if let Some(a) = seen.iter().position(|s| !s) {
        return Err(EditError::NotThisDay(format!(
            "{} has no itinerary.",
            day.applicant_name(a)
        )));
    }
    Ok(render(&day, &seats))
}
