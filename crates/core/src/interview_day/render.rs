//! Turns a table of seats into the schedule the researcher sees.

use super::day::Day;
use super::grid::{Hosts, Seats};
use super::schedule::{DaySchedule, Duty, Itinerary, Seat, Timetable};
use super::score::score;
use super::unmet::explain;

pub(crate) fn render(day: &Day, seats: &Seats) -> DaySchedule {
    let rounds = day.round_count();
    let itineraries = day
        .applicants
        .iter()
        .enumerate()
        .map(|(a, person)| Itinerary {
            applicant: person.id,
            seats: (0..rounds)
                .map(|r| match seats.get(a, r) {
                    Some(i) => Seat::Meets(day.interviewers[i].id),
                    None => Seat::Break,
                })
                .collect(),
        })
        .collect();
    let hosts = Hosts::new(seats, day.interviewer_count());
    let timetables = day
        .interviewers
        .iter()
        .enumerate()
        .map(|(i, person)| Timetable {
            interviewer: person.id,
            duties: (0..rounds)
                .map(|r| match hosts.get(i, r) {
                    Some(a) => Duty::Meets(day.applicants[a].id),
                    None if day.open(i, r) => Duty::Free,
                    None => Duty::Unavailable,
                })
                .collect(),
        })
        .collect();
    DaySchedule {
        rounds: day.rounds.clone(),
        blocks: day.blocks.clone(),
        itineraries,
        timetables,
        unmet: explain(day, seats),
        score: score(seats, &day.must_pairs),
    }
}
