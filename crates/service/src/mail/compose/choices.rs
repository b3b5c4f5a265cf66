//! Messages that offer times to choose from: invitations, reschedule requests, other times
//! after a choice was taken, and a freed place offered to the waitlist.

use chrono::{DateTime, Utc};
use confab_core::language::phrases::fill;
use confab_mail::calendar::Person;
use confab_mail::dates::{interview_time, moment};
use confab_mail::template::{Field, LinkList, MessageKind, render};
use confab_store::entity::{interview, participant, study};
use confab_store::{ConnectionTrait, tokens};

use super::draft::{Draft, queue};
use super::links::LinkBatch;
use super::reader::{person_and_study, reader_language, reader_zone};
use super::values::{base_values, round_words};
use super::wording::{outbox_kind, rendering_error, template_for};
use crate::AppError;
use crate::clock::{from_ts, now_ts};
use crate::mail::profile::{MailProfile, load_profile};

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
) -> Result<i64, AppError> {
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
                .with_links(LinkList::CancelLink, vec![links.cancel(row)]);
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
