//! A saved schedule fitted to the day's applicants as they are now. Applicants cancel and
//! others are booked from the waitlist after a schedule is made; the rounds of everyone else
//! stay as they were, a canceled applicant's rounds become open, and a newcomer starts with
//! breaks to be placed into them.

use confab_core::interview_day::{Itinerary, Seat};
use confab_store::ConnectionTrait;

use super::day::Day;
use super::stored::{StoredItinerary, Uids};
use crate::AppError;
use crate::participants::records::require_participant;

pub(crate) struct Fitted {
    pub itineraries: Vec<Itinerary>,
    /// What changed since the schedule was saved or published, for the researcher.
    pub changes: Vec<String>,
}

pub(crate) async fn fit(
    db: &impl ConnectionTrait,
    day: &Day,
    stored: Vec<StoredItinerary>,
    published_to: &Uids,
) -> Result<Fitted, AppError> {
    let rounds = day.input.rounds as usize;
    let mut changes = Vec::new();
    let mut itineraries = Vec::with_capacity(day.applicants.len());
    for person in &day.applicants {
        let id = person.participant.id;
        let seats = match stored.iter().find(|s| s.applicant == id) {
            Some(saved) => (0..rounds)
                .map(|r| match saved.seats.get(r).copied().flatten() {
                    Some(i) if day.interviewer(i).is_some() => Seat::Meets(i),
                    _ => Seat::Break,
                })
                .collect(),
            None => {
                changes.push(format!(
                    "{} was booked into the day after its schedule was made: place them in the open rounds.",
                    person.participant.name
                ));
                vec![Seat::Break; rounds]
            }
        };
        itineraries.push(Itinerary {
            applicant: id,
            seats,
        });
    }
    let mut gone: Vec<i64> = stored
        .iter()
        .map(|s| s.applicant)
        .chain(published_to.keys().copied())
        .filter(|id| day.applicant(*id).is_none())
        .collect();
    gone.sort_unstable();
    gone.dedup();
    for id in gone {
        let name = require_participant(db, id)
            .await
            .map(|p| p.name)
            .unwrap_or_else(|_| format!("Participant {id}"));
        let notice = if published_to.contains_key(&id) {
            " Publishing again sends them a cancellation of their calendar event."
        } else {
            ""
        };
        changes.push(format!(
            "{name} is no longer booked for the day: their rounds are open for someone from the waitlist.{notice}"
        ));
    }
    Ok(Fitted {
        itineraries,
        changes,
    })
}
