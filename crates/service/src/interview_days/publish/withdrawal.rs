//! Telling an applicant who is no longer on the day that its calendar event is withdrawn.

use chrono::{DateTime, Utc};
use confab_core::language::{Phrases, phrases::fill};
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person};
use confab_mail::template::{MessageKind, Template, render};
use confab_store::ConnectionTrait;
use confab_store::entity::participant;

use super::message_text::{Reader, rendering_error, values_for};
use crate::AppError;
use crate::interview_days::day::Day;
use crate::mail::compose::{Draft, outbox_kind, queue, reader_language};

fn withdrawal_template(phrases: &Phrases) -> Template {
    Template {
        subject: phrases.itinerary_withdrawn_subject.to_owned(),
        body: phrases.itinerary_withdrawn_body.to_owned(),
    }
}

/// A METHOD:CANCEL of the day's event for an applicant who is no longer on it.
#[allow(clippy::too_many_arguments)]
pub(super) async fn cancel_itinerary(
    db: &impl ConnectionTrait,
    profile: &crate::MailProfile,
    day: &Day,
    who: &participant::Model,
    uid: String,
    sequence: i32,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<i64, AppError> {
    let language = reader_language(who, &day.study);
    let phrases = language.phrases();
    let values = values_for(
        day,
        &profile.researcher_name,
        &Reader::applicant(who, day),
        start,
        end,
    );
    let rendered = render(&withdrawal_template(phrases), &values).map_err(rendering_error)?;
    let person = Person::new(who.name.clone(), who.email.clone());
    let event = InterviewEvent {
        uid,
        sequence: sequence as u32,
        organizer: Person::new("", ""),
        attendees: vec![person.clone()],
        start,
        end,
        summary: fill(phrases.interview_day_summary, &[("study", &day.study.name)]),
        description: String::new(),
        location: None,
        conferencing_url: None,
        dial_in: None,
        dtstamp: Utc::now(),
        language: language.to_string(),
    };
    queue(
        db,
        profile,
        Draft {
            study_id: Some(day.study.id),
            participant_id: Some(who.id),
            interview_id: None,
            kind: outbox_kind(MessageKind::Itinerary),
            to: vec![person],
            rendered,
            calendar: Some((ItipMethod::Cancel, event)),
            in_reply_to: None,
        },
    )
    .await
}
