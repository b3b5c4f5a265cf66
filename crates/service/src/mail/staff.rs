//! What the interviewers and note-takers of an interview receive: a short message with the
//! interview's calendar invitation (the participant's UID and SEQUENCE, so that every calendar
//! holds one event), or its cancellation. Each person gets their own message, so that one
//! taken off an interview is sent a CANCEL of their own while the others keep theirs. Written
//! in English, as the window is: the study's staff work in the researcher's language.

use confab_core::Language;
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person};
use confab_mail::dates::interview_time;
use confab_mail::template::{Field, Template, Values, render};
use confab_store::entity::interview;
use confab_store::interview_interviewers::{NOTE_TAKER, OnInterview};
use confab_store::{ConnectionTrait, interview_interviewers, outbox};

use super::compose::{Draft, event_of, person_and_study, queue, rendering_error, researcher_zone};
use super::profile::load_profile;
use crate::AppError;
use crate::clock::from_ts;
use confab_core::OutboxKind;

/// What happened to an interview, for the people on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StaffChange {
    Booked,
    Moved,
    Canceled,
    /// The same time, other people: only those who joined or left hear of it.
    Restaffed,
}

/// The interview as the researcher's side sees it (its staff, the researcher's own calendar):
/// the participant's event, titled and written in English.
pub(crate) fn researcher_copy(
    study: &confab_store::entity::study::Model,
    participant: &confab_store::entity::participant::Model,
    row: &interview::Model,
    staff: &[OnInterview],
) -> InterviewEvent {
    let mut event = event_of(study, participant, row, staff);
    event.summary = format!("Interview with {}: {}", participant.name, study.name);
    event.language = Language::study_default().to_string();
    event
}

/// The interview as it goes into the researcher's own calendar (by CalDAV, or the study's
/// calendar file): the researcher organizes it.
pub(crate) async fn researcher_event(
    db: &impl ConnectionTrait,
    study: &confab_store::entity::study::Model,
    row: &interview::Model,
    staff: &[OnInterview],
) -> Result<InterviewEvent, AppError> {
    let (_, participant) = person_and_study(db, study.id, row.participant_id).await?;
    let profile = load_profile(db).await?;
    let mut event = researcher_copy(study, &participant, row, staff);
    event.organizer = Person::new(profile.researcher_name, profile.researcher_email);
    Ok(event)
}

/// The people on an interview now.
pub(crate) async fn staff_now(
    db: &impl ConnectionTrait,
    interview_id: i64,
) -> Result<Vec<OnInterview>, AppError> {
    Ok(interview_interviewers::staff_of(db, &[interview_id])
        .await?
        .remove(&interview_id)
        .unwrap_or_default())
}

/// Tells the interview's staff what changed: who joined gets the invitation, who stayed gets
/// the update (or the cancellation), and who was taken off (in `before`, not on it now) gets a
/// cancellation of their own.
pub(crate) async fn notify_staff(
    db: &impl ConnectionTrait,
    row: &interview::Model,
    before: &[OnInterview],
    change: StaffChange,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        return Ok(());
    }
    let now = staff_now(db, row.id).await?;
    let was_on = |p: &OnInterview| before.iter().any(|b| b.interviewer_id == p.interviewer_id);
    let is_on = |p: &OnInterview| now.iter().any(|n| n.interviewer_id == p.interviewer_id);
    let mut sends: Vec<(&OnInterview, Kind)> = Vec::new();
    for person in &now {
        let kind = match change {
            StaffChange::Canceled => Some(Kind::Canceled),
            StaffChange::Booked => Some(Kind::Invited),
            _ if !was_on(person) => Some(Kind::Invited),
            StaffChange::Moved => Some(Kind::Moved),
            StaffChange::Restaffed => None,
        };
        if let Some(kind) = kind {
            sends.push((person, kind));
        }
    }
    for person in before.iter().filter(|p| !is_on(p)) {
        // What they were not sent yet, they are not sent now.
        outbox::withdraw_unsent_to_staff(db, row.id, &person.email).await?;
        sends.push((person, Kind::TakenOff));
    }
    // The researcher organizes the interview; their own calendar gets it by its own route.
    let organizer = profile.researcher_email.to_lowercase();
    sends.retain(|(p, _)| p.email.to_lowercase() != organizer && !p.email.trim().is_empty());
    // A calendar that never received the event has nothing to remove.
    let mut kept = Vec::with_capacity(sends.len());
    for (person, kind) in sends {
        let cancels = matches!(kind, Kind::Canceled | Kind::TakenOff);
        if !cancels || outbox::staff_event_sent(db, row.id, &person.email).await? {
            kept.push((person, kind));
        }
    }
    let sends = kept;
    if sends.is_empty() {
        return Ok(());
    }
    let (study, participant) = person_and_study(db, row.study_id, row.participant_id).await?;
    let zone = researcher_zone(db, &study).await?;
    let english = Language::study_default();
    let when = interview_time(from_ts(row.starts_at), from_ts(row.ends_at), zone, &english);
    let event = researcher_copy(&study, &participant, row, &now);
    for (person, kind) in sends {
        let mut event = event.clone();
        if kind == Kind::TakenOff {
            // Uninviting one attendee: the CANCEL names only them (RFC 5546 §3.2.5).
            event.attendees = super::compose::staff_attendees(std::slice::from_ref(person));
        }
        let lines = lines(
            kind,
            person,
            &now,
            &participant.name,
            &study.name,
            &when,
            zone,
            &event,
        );
        let values = Values::new()
            .with(Field::ParticipantName, person.name.clone())
            .with(Field::ResearcherName, profile.researcher_name.clone())
            .with(Field::Itinerary, lines);
        let template = Template {
            subject: kind.subject(&participant.name, &when),
            body: "Hello {{participant_name}},\n\n{{itinerary}}\n\n{{researcher_name}}\n".into(),
        };
        let rendered = render(&template, &values).map_err(rendering_error)?;
        queue(
            db,
            &profile,
            Draft {
                study_id: Some(study.id),
                participant_id: None,
                interview_id: Some(row.id),
                kind: kind.outbox_kind(),
                to: vec![Person::new(person.name.clone(), person.email.clone())],
                rendered,
                calendar: Some((kind.method(), event)),
                in_reply_to: None,
            },
        )
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Invited,
    Moved,
    Canceled,
    TakenOff,
}

impl Kind {
    fn method(self) -> ItipMethod {
        match self {
            Kind::Invited | Kind::Moved => ItipMethod::Request,
            Kind::Canceled | Kind::TakenOff => ItipMethod::Cancel,
        }
    }

    fn outbox_kind(self) -> OutboxKind {
        match self {
            Kind::Invited => OutboxKind::StaffInvitation,
            Kind::Moved => OutboxKind::StaffUpdate,
            Kind::Canceled | Kind::TakenOff => OutboxKind::StaffCancellation,
        }
    }

    /// The subject is built here, not from a template the participant could reach: names are
    /// given as values only through the renderer's escaping of the body.
    fn subject(self, participant: &str, when: &str) -> String {
        let head = match self {
            Kind::Invited => "Interview",
            Kind::Moved => "Moved: interview",
            Kind::Canceled => "Canceled: interview",
            Kind::TakenOff => "No longer yours: interview",
        };
        // Braces in a participant's name must not read as template fields.
        let safe = |s: &str| s.replace(['{', '}'], "");
        format!("{head} with {} on {}", safe(participant), safe(when))
    }
}

fn role_words(role: &str) -> &'static str {
    if role == NOTE_TAKER {
        "the note-taker"
    } else {
        "an interviewer"
    }
}

#[allow(clippy::too_many_arguments)]
fn lines(
    kind: Kind,
    person: &OnInterview,
    everyone: &[OnInterview],
    participant: &str,
    study: &str,
    when: &str,
    zone: chrono_tz::Tz,
    event: &InterviewEvent,
) -> String {
    let head = match kind {
        Kind::Invited => format!(
            "You are {} for an interview in the study {study}.",
            role_words(&person.role)
        ),
        Kind::Moved => format!("Your interview in the study {study} has moved to a new time."),
        Kind::Canceled => format!("Your interview in the study {study} is canceled."),
        Kind::TakenOff => format!(
            "You are no longer on this interview in the study {study}; someone else takes it."
        ),
    };
    let mut out = vec![
        head,
        String::new(),
        format!("Participant: {participant}"),
        format!("When: {when} ({})", zone.name()),
    ];
    if !matches!(kind, Kind::TakenOff) && everyone.len() > 1 {
        let names: Vec<String> = everyone
            .iter()
            .map(|p| {
                if p.role == NOTE_TAKER {
                    format!("{} (note-taker)", p.name)
                } else {
                    format!("{} (interviewer)", p.name)
                }
            })
            .collect();
        out.push(format!("With: {}", names.join(", ")));
    }
    if !matches!(kind, Kind::TakenOff | Kind::Canceled) {
        let details = [
            ("Where", &event.location),
            ("Join online", &event.conferencing_url),
            ("Dial-in", &event.dial_in),
        ];
        for (label, value) in details {
            if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                out.push(format!("{label}: {value}"));
            }
        }
    }
    out.push(String::new());
    out.push(match kind {
        Kind::Invited | Kind::Moved => {
            "The calendar invitation is attached; accept it to keep the time in your calendar."
                .to_owned()
        }
        Kind::Canceled | Kind::TakenOff => {
            "The attached cancellation removes it from your calendar.".to_owned()
        }
    });
    out.join("\n")
}
