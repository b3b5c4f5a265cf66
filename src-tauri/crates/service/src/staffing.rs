//! Who runs an interview: the session's interviewer who is free then and has run the fewest
//! of the study's interviews (ties by name), so that work spreads evenly and nobody is
//! booked twice. The database refuses a second overlapping interview for the same person in
//! any study, so two bookings at once cannot both take them.

use confab_store::entity::interview;
use confab_store::{ConnectionTrait, interview_interviewers, interviewers, sessions};
use confab_store::{Refusal, refusal};

use crate::AppError;

/// Puts an interviewer on a newly booked or moved interview and returns their name; `None`
/// when the session has no interviewers, or when every one of them is busy then (a booking
/// the researcher made past that rule).
pub(crate) async fn assign_interviewer(
    db: &impl ConnectionTrait,
    row: &interview::Model,
) -> Result<Option<String>, AppError> {
    let Some((session, people)) = sessions::find_with_interviewers(db, row.session_id).await?
    else {
        return Ok(None);
    };
    // An interview day's applicants meet its interviewers round by round, as its schedule
    // says; nobody runs an applicant's whole day.
    if people.is_empty() || session.kind == "day" {
        return Ok(None);
    }
    let mut taken: Vec<i64> =
        interview_interviewers::held_between(db, &people, row.starts_at, row.ends_at, Some(row.id))
            .await?
            .into_iter()
            .map(|(who, _, _)| who)
            .collect();
    taken.extend(
        interviewers::busy_times(db, &people, row.starts_at, row.ends_at)
            .await?
            .into_iter()
            .map(|b| b.interviewer_id),
    );
    let load = interview_interviewers::load_in_study(db, row.study_id).await?;
    let mut free = Vec::new();
    for id in people.iter().filter(|id| !taken.contains(id)) {
        if let Some(person) = interviewers::find(db, *id).await? {
            free.push(person);
        }
    }
    free.sort_by(|a, b| {
        let (la, lb) = (load.get(&a.id).unwrap_or(&0), load.get(&b.id).unwrap_or(&0));
        la.cmp(lb)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    for person in free {
        match interview_interviewers::assign(db, row.id, person.id).await {
            Ok(()) => return Ok(Some(person.name)),
            // Taken in the moment between reading and writing: the next one is asked.
            Err(e) if refusal(&e) == Some(Refusal::InterviewerOverlap) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(None)
}
