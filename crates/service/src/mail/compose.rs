//! Turns what happened into outbox rows: the wording from the study's templates, the calendar
//! part for interviews, and the links that carry participants' answers back.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_core::OutboxKind;
use confab_core::time_zone::parse_time_zone;
use confab_mail::calendar::{AttendeeRole, InterviewEvent, ItipMethod, Person};
use confab_mail::mailto::mailto_link;
use confab_mail::mime::new_message_id;
use confab_mail::template::{
    Field, Link, LinkList, MessageKind, Rendered, Template, Values, render,
};
use confab_mail::token::{new_token, short_code, tagged_subject};
use confab_store::entity::{interview, outbox_message, participant, study, token};
use confab_store::interview_interviewers::{NOTE_TAKER, OnInterview};
use confab_store::{ConnectionTrait, Set, outbox, tokens};

use super::profile::{MailProfile, load_profile};
use crate::clock::{from_ts, now_ts};
use crate::{AppError, ErrorCode};
use confab_core::language::phrases::fill;
use confab_core::{BaseLanguage, Language};
use confab_mail::dates::{choice_time, interview_time, moment};

/// One message before it is queued.
pub(crate) struct Draft {
    pub study_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub kind: OutboxKind,
    pub to: Vec<Person>,
    pub rendered: Rendered,
    /// The organizer is filled in when the message is sent, from the profile of that moment.
    pub calendar: Option<(ItipMethod, InterviewEvent)>,
    pub in_reply_to: Option<String>,
}

/// The outbox's kind for a message written from a template of `kind`.
pub(crate) fn outbox_kind(kind: MessageKind) -> OutboxKind {
    match kind {
        MessageKind::Invitation => OutboxKind::Invitation,
        MessageKind::Confirmation => OutboxKind::Confirmation,
        MessageKind::Update => OutboxKind::Update,
        MessageKind::Cancellation => OutboxKind::Cancellation,
        MessageKind::RescheduleRequest => OutboxKind::RescheduleRequest,
        MessageKind::Reminder => OutboxKind::Reminder,
        MessageKind::WaitlistOffer => OutboxKind::WaitlistOffer,
        MessageKind::Itinerary => OutboxKind::Itinerary,
        MessageKind::ResearcherNotice => OutboxKind::ResearcherNotice,
        MessageKind::ChoiceUnavailable => OutboxKind::ChoiceUnavailable,
        MessageKind::ChoicesReceived => OutboxKind::ChoicesReceived,
    }
}

/// The key a template of `kind` is stored under: the same as its messages' outbox kind.
pub(crate) fn template_key(kind: MessageKind) -> &'static str {
    outbox_kind(kind).key()
}

/// The study's own wording of `kind` in `language`, or Confab's.
pub(crate) async fn template_for(
    db: &impl ConnectionTrait,
    study_id: Option<i64>,
    kind: MessageKind,
    language: BaseLanguage,
) -> Result<Template, AppError> {
    if let Some(study) = study_id
        && let Some(row) =
            confab_store::templates::find(db, study, template_key(kind), language.code()).await?
    {
        return Ok(Template {
            subject: row.subject,
            body: row.body,
        });
    }
    Ok(kind.default_template(language))
}

pub(crate) async fn queue(
    db: &impl ConnectionTrait,
    profile: &MailProfile,
    draft: Draft,
) -> Result<outbox_message::Model, AppError> {
    let now = now_ts();
    let recipients = serde_json::to_string(&draft.to)
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    let (method, event) = match &draft.calendar {
        Some((method, event)) => (
            Some(method.as_str().to_owned()),
            Some(
                serde_json::to_string(event)
                    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?,
            ),
        ),
        None => (None, None),
    };
    let from = if profile.researcher_email.is_empty() {
        "confab@localhost"
    } else {
        &profile.researcher_email
    };
    let row = outbox_message::ActiveModel {
        study_id: Set(draft.study_id),
        participant_id: Set(draft.participant_id),
        interview_id: Set(draft.interview_id),
        kind: Set(draft.kind.key().to_owned()),
        recipients: Set(recipients),
        subject: Set(draft.rendered.subject),
        text_body: Set(draft.rendered.text),
        html_body: Set(draft.rendered.html),
        calendar_method: Set(method),
        calendar_event: Set(event),
        message_id: Set(new_message_id(from)),
        in_reply_to: Set(draft.in_reply_to),
        raw: Set(None),
        state: Set(outbox::QUEUED.to_owned()),
        attempts: Set(0),
        last_error: Set(String::new()),
        next_attempt_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    Ok(outbox::insert(db, row).await?)
}

/// The zone a participant reads times in: their own, else the study's.
pub(crate) fn reader_zone(person: &participant::Model, study: &study::Model) -> Tz {
    person
        .time_zone
        .as_deref()
        .and_then(|z| parse_time_zone(z).ok())
        .or_else(|| parse_time_zone(&study.time_zone).ok())
        .unwrap_or(chrono_tz::UTC)
}

/// The language a study writes in when a participant has none of their own.
pub(crate) fn study_language(study: &study::Model) -> Language {
    study
        .language
        .parse()
        .unwrap_or_else(|_| Language::study_default())
}

/// The language a participant reads their messages in: their own, else the study's.
pub(crate) fn reader_language(person: &participant::Model, study: &study::Model) -> Language {
    person
        .language
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| study_language(study))
}

/// The zone the researcher reads times in: their own, else the study's.
pub(crate) async fn researcher_zone(
    db: &impl ConnectionTrait,
    study: &study::Model,
) -> Result<Tz, AppError> {
    let profile = load_profile(db).await?;
    Ok(parse_time_zone(&profile.time_zone)
        .or_else(|_| parse_time_zone(&study.time_zone))
        .unwrap_or(chrono_tz::UTC))
}

fn base_values(profile: &MailProfile, study: &study::Model, person: &participant::Model) -> Values {
    Values::new()
        .with(Field::ParticipantName, person.name.clone())
        .with(Field::StudyName, study.name.clone())
        .with(Field::ResearcherName, profile.researcher_name.clone())
        .with(
            Field::ParticipantTimeZone,
            reader_zone(person, study).name(),
        )
        .with(Field::Location, study.location.clone())
        .with(Field::ConferencingUrl, study.conferencing_url.clone())
        .with(Field::DialIn, study.dial_in.clone())
}

/// "2 of 3" for a study that holds several interviews with each participant; empty for one.
pub(crate) fn round_words(round: i32, of: i32, language: &Language) -> String {
    if of.max(round) <= 1 {
        String::new()
    } else {
        fill(
            language.phrases().round_of,
            &[
                ("round", &round.to_string()),
                ("count", &of.max(round).to_string()),
            ],
        )
    }
}

pub(crate) fn rendering_error(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(format!(
        "A message template of this study cannot be used: {e}. Fix it in the study's templates."
    ))
}

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

/// A new set of links for one participant: each choice (or the decline, or the cancel) is a
/// mailto: to the researcher whose subject carries its own token.
pub(crate) struct LinkBatch {
    batch: String,
    enrolment_id: i64,
    researcher: String,
    /// The links' texts and the messages they open are in the participant's language.
    language: Language,
    rows: Vec<token::Model>,
}

impl LinkBatch {
    pub fn new(enrolment_id: i64, researcher_email: &str, language: Language) -> Self {
        Self {
            batch: uuid::Uuid::new_v4().to_string(),
            enrolment_id,
            researcher: researcher_email.to_owned(),
            language,
            rows: Vec::new(),
        }
    }

    fn link(
        &mut self,
        kind: &str,
        label: String,
        subject: String,
        body: &str,
        target: (Option<i64>, Option<i64>, Option<i64>),
    ) -> Link {
        let token = new_token();
        let href = mailto_link(&self.researcher, &tagged_subject(&subject, &token), body);
        self.rows.push(token::Model {
            short_code: short_code(&token),
            expires_at: None,
            token,
            enrolment_id: self.enrolment_id,
            kind: kind.to_owned(),
            batch: self.batch.clone(),
            session_id: target.0,
            starts_at: target.1,
            interview_id: target.2,
            created_at: now_ts(),
            used_at: None,
        });
        Link::new(label, href)
    }

    pub fn choice(
        &mut self,
        session_id: i64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Tz,
        reschedules: Option<i64>,
    ) -> Link {
        let phrases = self.language.phrases();
        let time = choice_time(start, end, zone, &self.language);
        let number = self
            .rows
            .iter()
            .filter(|r| r.kind == tokens::CHOICE)
            .count()
            + 1;
        let mut link = self.link(
            tokens::CHOICE,
            String::new(),
            fill(phrases.choice_subject, &[("time", &time)]),
            phrases.choice_body,
            (Some(session_id), Some(start.timestamp()), reschedules),
        );
        // The number and the code let a participant answer in their own words.
        let code = self
            .rows
            .last()
            .map(|r| r.short_code.clone())
            .unwrap_or_default();
        link.label = fill(
            phrases.choice_label,
            &[
                ("number", &number.to_string()),
                ("time", &time),
                ("code", &code),
            ],
        );
        link
    }

    pub fn decline(&mut self) -> Link {
        let phrases = self.language.phrases();
        self.link(
            tokens::DECLINE,
            phrases.decline_label.into(),
            phrases.decline_subject.into(),
            phrases.decline_body,
            (None, None, None),
        )
    }

    pub fn cancel(&mut self, interview_id: i64) -> Link {
        let phrases = self.language.phrases();
        self.link(
            tokens::CANCEL,
            phrases.cancel_label.into(),
            phrases.cancel_subject.into(),
            phrases.cancel_body,
            (None, None, Some(interview_id)),
        )
    }

    pub async fn save(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        Ok(tokens::insert_all(db, self.rows).await?)
    }
}

pub(crate) async fn person_and_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
) -> Result<(study::Model, participant::Model), AppError> {
    let study = crate::participants::records::require_study(db, study_id).await?;
    let person = crate::participants::records::require_participant(db, participant_id).await?;
    Ok((study, person))
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
    let zone = reader_zone(&person, &study);
    let language = reader_language(&person, &study);
    let mut values = base_values(&profile, &study, &person)
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
    let staff = super::staff::staff_now(db, row.id).await?;
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
        values = values.with_links(LinkList::CancelLink, vec![links.cancel(row.id)]);
        links.save(db).await?;
    }
    let template = template_for(db, Some(study.id), kind, language.base()).await?;
    let rendered = render(&template, &values).map_err(rendering_error)?;
    // A reminder repeats the invitation as it stands, so calendars that missed it catch up.
    let calendar = Some((method, event_of(&study, &person, row, &staff)));
    queue(
        db,
        &profile,
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

/// One open time to offer.
pub(crate) struct Offer {
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// What a message that offers times says.
pub(crate) struct ChoicesMail<'a> {
    pub kind: MessageKind,
    pub offers: &'a [Offer],
    /// The interview a reschedule request moves; the participant's choice moves it.
    pub reschedules: Option<&'a interview::Model>,
    /// The researcher's own words, or the reason an earlier choice could not be booked.
    pub message: &'a str,
    /// An answer offering other times after a choice was taken leaves the earlier message's
    /// links working; any other such message replaces them.
    pub keeps_earlier_links: bool,
}

/// Queues a message that offers times to choose from: an invitation, a waitlist offer, a
/// reschedule request, or other times after a choice was taken.
pub(crate) async fn queue_choices_mail(
    db: &impl ConnectionTrait,
    profile: &MailProfile,
    study: &study::Model,
    person: &participant::Model,
    enrolment_id: i64,
    mail: ChoicesMail<'_>,
) -> Result<outbox_message::Model, AppError> {
    if profile.researcher_email.is_empty() {
        return Err(AppError::invalid(
            "Set your email address in Settings → Mail first: participants answer to it.",
        ));
    }
    let zone = reader_zone(person, study);
    let language = reader_language(person, study);
    let now = now_ts();
    if !mail.keeps_earlier_links {
        tokens::retire_for_enrolment(db, enrolment_id, tokens::CHOICE, now).await?;
        tokens::retire_for_enrolment(db, enrolment_id, tokens::DECLINE, now).await?;
    }
    let mut links = LinkBatch::new(enrolment_id, &profile.researcher_email, language.clone());
    let moves = mail.reschedules.map(|r| r.id);
    let choices = mail
        .offers
        .iter()
        .map(|o| links.choice(o.session_id, o.start, o.end, zone, moves))
        .collect();
    // The interview the times are for: the one being moved, or the next the study holds.
    let round = match mail.reschedules {
        Some(row) => row.round,
        None => confab_store::interviews::next_round(db, enrolment_id).await?,
    };
    let mut values = base_values(profile, study, person)
        .with(Field::Message, mail.message.trim().to_owned())
        .with(
            Field::InterviewRound,
            round_words(round, study.interviews_per_participant, &language),
        )
        .with_links(LinkList::Choices, choices);
    match mail.reschedules {
        // The time being moved, and a way to cancel it rather than choose another.
        Some(row) => {
            values = values
                .with(
                    Field::InterviewTime,
                    interview_time(
                        from_ts(row.starts_at),
                        from_ts(row.ends_at),
                        zone,
                        &language,
                    ),
                )
                .with_links(LinkList::CancelLink, vec![links.cancel(row.id)]);
        }
        None => {
            values = values.with_links(LinkList::DeclineLink, vec![links.decline()]);
        }
    }
    links.save(db).await?;
    let template = template_for(db, Some(study.id), mail.kind, language.base()).await?;
    let rendered = render(&template, &values).map_err(rendering_error)?;
    queue(
        db,
        profile,
        Draft {
            study_id: Some(study.id),
            participant_id: Some(person.id),
            interview_id: moves,
            kind: outbox_kind(mail.kind),
            to: vec![Person::new(person.name.clone(), person.email.clone())],
            rendered,
            calendar: None,
            in_reply_to: None,
        },
    )
    .await
}

/// Tells the researcher that a participant acted, or that something needs them.
pub(crate) async fn queue_researcher_notice(
    db: &impl ConnectionTrait,
    study: &study::Model,
    person: Option<&participant::Model>,
    what: &str,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        return Ok(());
    }
    let mut values = Values::new()
        .with(Field::StudyName, study.name.clone())
        .with(Field::ResearcherName, profile.researcher_name.clone())
        .with(Field::Message, what.to_owned());
    if let Some(p) = person {
        values = values.with(Field::ParticipantName, p.name.clone());
    }
    // The researcher reads Confab in English, and so its notices: what happened is told in
    // English words, whatever the participants read.
    let template = template_for(
        db,
        Some(study.id),
        MessageKind::ResearcherNotice,
        BaseLanguage::English,
    )
    .await?;
    let rendered = render(&template, &values).map_err(rendering_error)?;
    queue(
        db,
        &profile,
        Draft {
            study_id: Some(study.id),
            participant_id: person.map(|p| p.id),
            interview_id: None,
            kind: OutboxKind::ResearcherNotice,
            to: vec![Person::new(
                profile.researcher_name.clone(),
                profile.researcher_email.clone(),
            )],
            rendered,
            calendar: None,
            in_reply_to: None,
        },
    )
    .await?;
    Ok(())
}

/// A message to a participant in the study's wording of `kind`, with `what` as its message:
/// no links, no calendar part.
pub(crate) async fn queue_participant_note(
    db: &impl ConnectionTrait,
    study: &study::Model,
    person: &participant::Model,
    kind: MessageKind,
    what: &str,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        return Ok(());
    }
    let values = base_values(&profile, study, person).with(Field::Message, what.to_owned());
    let language = reader_language(person, study);
    let template = template_for(db, Some(study.id), kind, language.base()).await?;
    let rendered = render(&template, &values).map_err(rendering_error)?;
    queue(
        db,
        &profile,
        Draft {
            study_id: Some(study.id),
            participant_id: Some(person.id),
            interview_id: None,
            kind: outbox_kind(kind),
            to: vec![Person::new(person.name.clone(), person.email.clone())],
            rendered,
            calendar: None,
            in_reply_to: None,
        },
    )
    .await?;
    Ok(())
}

/// A short answer to whoever wrote, when their message could not be acted on.
pub(crate) async fn queue_answer(
    db: &impl ConnectionTrait,
    study_id: Option<i64>,
    participant_id: Option<i64>,
    to: &str,
    subject: &str,
    text: &str,
    in_reply_to: Option<String>,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    let values = Values::new()
        .with(Field::ResearcherName, profile.researcher_name.clone())
        .with(Field::Message, text.to_owned());
    let template = Template {
        subject: "Your message".to_owned(),
        body: "{{message}}\n\n{{researcher_name}}\n".to_owned(),
    };
    let mut rendered = render(&template, &values).map_err(rendering_error)?;
    // The subject echoes what a stranger wrote: it is text, never a template.
    rendered.subject = subject.to_owned();
    queue(
        db,
        &profile,
        Draft {
            study_id,
            participant_id,
            interview_id: None,
            kind: OutboxKind::Answer,
            to: vec![Person::new("", to)],
            rendered,
            calendar: None,
            in_reply_to,
        },
    )
    .await?;
    Ok(())
}

/// Offers a freed place to a waitlisted participant; `deadline` says until when, in their
/// words.
pub(crate) async fn queue_waitlist_offer(
    db: &impl ConnectionTrait,
    place: &crate::waitlist::FreedPlace,
    enrolment_id: i64,
    participant_id: i64,
    deadline: Option<DateTime<Utc>>,
) -> Result<(), AppError> {
    let profile = load_profile(db).await?;
    if profile.researcher_email.is_empty() {
        return Ok(());
    }
    let (study, person) = person_and_study(db, place.study_id, participant_id).await?;
    let offer = Offer {
        session_id: place.session_id,
        start: from_ts(place.starts_at),
        end: from_ts(place.ends_at),
    };
    let zone = reader_zone(&person, &study);
    let language = reader_language(&person, &study);
    let message = deadline.map(|d| {
        fill(
            language.phrases().waitlist_deadline,
            &[("deadline", &moment(d, zone, &language))],
        )
    });
    queue_choices_mail(
        db,
        &profile,
        &study,
        &person,
        enrolment_id,
        ChoicesMail {
            kind: MessageKind::WaitlistOffer,
            offers: &[offer],
            reschedules: None,
            message: message.as_deref().unwrap_or(""),
            keeps_earlier_links: false,
        },
    )
    .await?;
    Ok(())
}
