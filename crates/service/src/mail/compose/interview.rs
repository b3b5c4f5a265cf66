//! Interview mail: the calendar event of an interview, and the confirmation, update,
//! cancellation or reminder that carries it to the participant.

use chrono::Utc;
use confab_core::language::phrases::fill;
use confab_mail::calendar::{AttendeeRole, InterviewEvent, ItipMethod, Person};
use confab_mail::dates::interview_time;
use confab_mail::template::{Field, LinkList, MessageKind, render};
use confab_store::ConnectionTrait;
use confab_store::entity::{interview, participant, study};
use confab_store::interview_interviewers::{NOTE_TAKER, OnInterview};

use super::draft::{Draft, queue};
use super::links::LinkBatch;
use super::reader::{person_and_study, reader_language, reader_zone};
use super::values::{base_values, round_words};
use super::wording::{outbox_kind, rendering_error, template_for};
use crate::AppError;
use crate::clock::from_ts;
use crate::mail::profile::{MailProfile, load_profile};

/// The people on an interview as its calendar attendees: interviewers lead it, note-takers
/// may come.
pub(crate) fn staff_attendees(staff: &[OnInterview]) -> Vec<Person> {
    staff
        .iter()
        .map(|p| {
            let role = if p.role == NOTE_TAKER {
                AttendeeRole::Optional
            } else {
                AttendeeRole::Chair
            };
            Person::new(p.name.clone(), p.email.clone()).with_role(role)
        })
        .collect()
}

/// The interview's calendar event, as its participant receives it; everyone on the interview
/// is an attendee beside them.
pub(crate) fn event_of(
    study: &study::Model,
    person: &participant::Model,
    row: &interview::Model,
    staff: &[OnInterview],
) -> InterviewEvent {
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let language = reader_language(person, study);
    let phrases = language.phrases();
    InterviewEvent {
        uid: row.calendar_uid.clone(),
        sequence: u32::try_from(row.sequence).unwrap_or(0),
        organizer: Person::new("", ""),
        attendees: std::iter::once(Person::new(person.name.clone(), person.email.clone()))
            .chain(staff_attendees(staff))
            .collect(),
        start: from_ts(row.starts_at),
        end: from_ts(row.ends_at),
        summary: match round_words(row.round, study.interviews_per_participant, &language) {
            round if round.is_empty() => fill(phrases.calendar_summary, &[("study", &study.name)]),
            round => fill(
                phrases.calendar_summary_round,
                &[("round", &round), ("study", &study.name)],
            ),
        },
        description: study.description.clone(),
        location: non_empty(&study.location),
        conferencing_url: non_empty(&study.conferencing_url),
        dial_in: non_empty(&study.dial_in),
        dtstamp: Utc::now(),
        language: language.to_string(),
    }
}

/// Queues the message that tells a participant about their interview: a confirmation, an
/// update after a reschedule, a cancellation or a reminder, with its calendar part.
pub(crate) async fn queue_interview_mail(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    kind: MessageKind,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        // Nothing can be sent before the researcher has said who sends it.
        return Ok(());
    }
    let (study, person) = person_and_study(db, row.study_id, row.participant_id).await?;
    let staff = crate::mail::staff::staff_now(db, row.id).await?;
    queue_with(db, &profile, row, kind, &study, &person, &staff).await
}

/// [`queue_interview_mail`] for the interview's study, participant and staff as the caller
/// read them in the same transaction.
pub(crate) async fn queue_interview_mail_to(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    kind: MessageKind,
    study: &study::Model,
    person: &participant::Model,
    staff: &[OnInterview],
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        return Ok(());
    }
    queue_with(db, &profile, row, kind, study, person, staff).await
}

async fn queue_with(
    db: &impl ConnectionTrait,
    profile: &MailProfile,
    row: &interview::Model,
    kind: MessageKind,
    study: &study::Model,
    person: &participant::Model,
    staff: &[OnInterview],
) -> Result<(), AppError> {
    let zone = reader_zone(person, study);
    let language = reader_language(person, study);
    let mut values = base_values(profile, study, person)
        .with(
            Field::InterviewTime,
            interview_time(
                from_ts(row.starts_at),
                from_ts(row.ends_at),
                zone,
                &language,
            ),
        )
        .with(
            Field::InterviewRound,
            round_words(row.round, study.interviews_per_participant, &language),
        );
    let names: Vec<&str> = staff.iter().map(|p| p.name.as_str()).collect();
    values = values.with(Field::Interviewers, names.join(", "));
    let method = match kind {
        MessageKind::Cancellation => ItipMethod::Cancel,
        _ => ItipMethod::Request,
    };
    if kind != MessageKind::Cancellation {
        // Earlier cancel links of this interview keep working (a participant may click the
        // one in the confirmation after a reminder came); they retire with the interview.
        let mut links = LinkBatch::new(
            row.enrolment_id,
            &profile.researcher_email,
            language.clone(),
        );
        values = values.with_links(LinkList::CancelLink, vec![links.cancel(row)]);
        links.save(db).await?;
    }
    let template = template_for(db, Some(study.id), kind, language.base()).await?;
    let rendered = render(&template, &values).map_err(rendering_error)?;
    // A reminder repeats the invitation as it stands, so calendars that missed it catch up.
    let calendar = Some((method, event_of(study, person, row, staff)));
    queue(
        db,
        profile,
        Draft {
            study_id: Some(study.id),
            participant_id: Some(person.id),
            interview_id: Some(row.id),
            kind: outbox_kind(kind),
            to: vec![Person::new(person.name.clone(), person.email.clone())],
            rendered,
            calendar,
            in_reply_to: None,
        },
    )
    .await?;
    Ok(())
}
