//! Sending the day out: one itinerary per applicant, with a calendar event for the day, and
//! one timetable per interviewer.
//!
//! Each applicant keeps one calendar UID for the session, and every publication raises the
//! schedule's SEQUENCE, so calendars update the event they already hold instead of adding a
//! second one.

use chrono::{DateTime, Utc};
use confab_core::interview_day::{DaySchedule, Duty, Seat, check};
use confab_mail::calendar::{InterviewEvent, ItipMethod, Person};
use confab_mail::template::{Field, LinkList, MessageKind, render};
use confab_store::entity::day_schedule;
use confab_store::{day_schedules, outbox, tokens};

use crate::clock::now_ts;
use crate::interview_days::stored::{Uids, json, parse};
use crate::interview_days::use_cases::load;
use crate::interview_days::view::PublishReport;
use crate::mail::compose::{
    Draft, LinkBatch, outbox_kind, queue, reader_language, reader_zone, template_for,
};
use crate::mail::profile::load_profile;
use crate::participants::records::require_participant;
use crate::transaction::in_transaction;
use crate::{AppError, Confab};
use confab_core::language::phrases::fill;
use confab_core::{Language, OutboxKind};
use message_text::{Reader, lines, non_empty, rendering_error, timetable_template, values_for};
use withdrawal::cancel_itinerary;

mod message_text;
mod withdrawal;

fn bounds(schedule: &DaySchedule) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let first = schedule.rounds.first()?;
    let last = schedule.rounds.last()?;
    Some((first.start, last.end))
}

impl Confab {
    /// Queues every applicant's itinerary and every interviewer's timetable for the schedule
    /// as it is now. A schedule that breaks a hard rule is refused; nothing is queued before
    /// this is called.
    pub async fn publish_day_schedule(&self, session_id: i64) -> Result<PublishReport, AppError> {
        let profile = load_profile(&self.db).await?;
        if profile.researcher_email.is_empty() {
            return Err(AppError::invalid(
                "Set your email address in Settings → Mail first: applicants answer to it.",
            ));
        }
        in_transaction(&self.db, async |txn| {
            let loaded = load(txn, session_id).await?;
            let (day, schedule) = (&loaded.day, &loaded.schedule);
            let conflicts = check(schedule, &day.input);
            if !conflicts.is_empty() {
                let words: Vec<String> = conflicts.into_iter().map(|c| c.message).collect();
                return Err(AppError::conflict(format!(
                    "The schedule cannot be published yet: {}",
                    words.join(" ")
                )));
            }
            let Some((start, end)) = bounds(schedule) else {
                return Err(AppError::conflict("The schedule has no rounds."));
            };
            let sequence = match loaded.row.published_at {
                Some(_) => confab_mail::calendar::sequence_after_change(loaded.row.sequence),
                None => confab_mail::calendar::FIRST_SEQUENCE,
            };
            let mut uids: Uids = parse(&loaded.row.calendar_uids)?;
            let mut report = PublishReport {
                itineraries: 0,
                timetables: 0,
                skipped: Vec::new(),
                sequence: sequence as u32,
                withdrawn: 0,
                canceled: 0,
            };
            // What the last publication queued and Sync has not sent yet is replaced, not sent too.
            let earlier: Vec<i64> = parse(&loaded.row.published_messages)?;
            report.withdrawn =
                u32::try_from(outbox::withdraw_unsent(txn, &earlier).await?).unwrap_or(u32::MAX);
            let mut queued = Vec::new();
            for (applicant, uid) in uids.clone() {
                if day.applicant(applicant).is_some() {
                    continue;
                }
                // Gone from the day: a calendar that holds the day's event is told to drop it.
                if outbox::calendar_event_sent(txn, applicant, &uid).await? {
                    let who = require_participant(txn, applicant).await?;
                    let message_id =
                        cancel_itinerary(txn, &profile, day, &who, uid, sequence, start, end)
                            .await?;
                    queued.push(message_id);
                    report.canceled += 1;
                }
                uids.remove(&applicant);
            }
            for itinerary in &schedule.itineraries {
                let Some(person) = day.applicant(itinerary.applicant) else {
                    continue;
                };
                let who = &person.participant;
                let zone = reader_zone(who, &day.study);
                let language = reader_language(who, &day.study);
                let phrases = language.phrases();
                let itinerary_template = template_for(
                    txn,
                    Some(day.study.id),
                    MessageKind::Itinerary,
                    language.base(),
                )
                .await?;
                let text = lines(schedule, zone, &language, |r| match itinerary.seats[r] {
                    Seat::Meets(i) => fill(
                        phrases.itinerary_interview,
                        &[
                            ("round", &(r + 1).to_string()),
                            (
                                "interviewer",
                                day.interviewer(i).map_or("", |x| x.name.as_str()),
                            ),
                        ],
                    ),
                    Seat::Break => {
                        fill(phrases.itinerary_break, &[("round", &(r + 1).to_string())])
                    }
                });
                let mut links = LinkBatch::new(
                    person.interview.enrolment_id,
                    &profile.researcher_email,
                    language.clone(),
                );
                tokens::retire_for_enrolment(
                    txn,
                    person.interview.enrolment_id,
                    tokens::CANCEL,
                    now_ts(),
                )
                .await?;
                let values = values_for(
                    day,
                    &profile.researcher_name,
                    &Reader::applicant(who, day),
                    start,
                    end,
                )
                .with(Field::Itinerary, text.clone())
                .with_links(LinkList::CancelLink, vec![links.cancel(&person.interview)]);
                links.save(txn).await?;
                let rendered = render(&itinerary_template, &values).map_err(rendering_error)?;
                let uid = uids
                    .entry(who.id)
                    .or_insert_with(|| format!("{}@confab", uuid::Uuid::new_v4()))
                    .clone();
                let event = InterviewEvent {
                    uid,
                    sequence: sequence as u32,
                    organizer: Person::new("", ""),
                    attendees: vec![Person::new(who.name.clone(), who.email.clone())],
                    start,
                    end,
                    summary: fill(phrases.interview_day_summary, &[("study", &day.study.name)]),
                    description: text,
                    location: non_empty(&day.study.location),
                    conferencing_url: non_empty(&day.study.conferencing_url),
                    dial_in: non_empty(&day.study.dial_in),
                    dtstamp: Utc::now(),
                    language: language.to_string(),
                };
                let message_id = queue(
                    txn,
                    &profile,
                    Draft {
                        study_id: Some(day.study.id),
                        participant_id: Some(who.id),
                        interview_id: Some(person.interview.id),
                        kind: outbox_kind(MessageKind::Itinerary),
                        to: vec![Person::new(who.name.clone(), who.email.clone())],
                        rendered,
                        calendar: Some((ItipMethod::Request, event)),
                        in_reply_to: None,
                    },
                )
                .await?;
                queued.push(message_id);
                report.itineraries += 1;
            }
            for timetable in &schedule.timetables {
                let Some(interviewer) = day.interviewer(timetable.interviewer) else {
                    continue;
                };
                if interviewer.email.trim().is_empty() {
                    report
                        .skipped
                        .push(format!("{} has no email address", interviewer.name));
                    continue;
                }
                let text = lines(
                    schedule,
                    day.zone,
                    &Language::study_default(),
                    |r| match timetable.duties[r] {
                        Duty::Meets(a) => format!(
                            "Round {}: {}",
                            r + 1,
                            day.applicant(a).map_or("", |p| p.participant.name.as_str())
                        ),
                        Duty::Free => format!("Round {}: free", r + 1),
                        Duty::Unavailable => format!("Round {}: not interviewing", r + 1),
                    },
                );
                let reader = Reader {
                    name: &interviewer.name,
                    zone: day.zone,
                    // The timetable is written in English, as its template is.
                    language: Language::study_default(),
                };
                let values = values_for(day, &profile.researcher_name, &reader, start, end)
                    .with(Field::Itinerary, text);
                let rendered = render(&timetable_template(), &values).map_err(rendering_error)?;
                let message_id = queue(
                    txn,
                    &profile,
                    Draft {
                        study_id: Some(day.study.id),
                        participant_id: None,
                        interview_id: None,
                        kind: OutboxKind::Timetable,
                        to: vec![Person::new(
                            interviewer.name.clone(),
                            interviewer.email.clone(),
                        )],
                        rendered,
                        calendar: None,
                        in_reply_to: None,
                    },
                )
                .await?;
                queued.push(message_id);
                report.timetables += 1;
            }
            let now = now_ts();
            day_schedules::put(
                txn,
                day_schedule::Model {
                    calendar_uids: json(&uids)?,
                    published_messages: json(&queued)?,
                    sequence,
                    published_at: Some(now),
                    changed_since_publish: false,
                    updated_at: now,
                    ..loaded.row
                },
            )
            .await?;
            Ok(report)
        })
        .await
    }
}
