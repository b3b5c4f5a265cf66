//! Answers and notes with no links and no calendar part: notices to the researcher, notes to
//! a participant, and short answers to whoever wrote.

use confab_core::{BaseLanguage, OutboxKind};
use confab_mail::calendar::Person;
use confab_mail::template::{Field, MessageKind, Template, Values, render};
use confab_store::ConnectionTrait;
use confab_store::entity::{participant, study};

use super::draft::{Draft, queue};
use super::reader::reader_language;
use super::values::base_values;
use super::wording::{outbox_kind, rendering_error, template_for};
use crate::AppError;
use crate::mail::profile::load_profile;

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
