//! The words of the day's messages: an applicant's itinerary lines, an interviewer's
//! timetable, and the values their templates are filled with.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_core::Language;
use confab_core::interview_day::{BlockTime, DaySchedule, Times};
use confab_mail::dates::{clock_span, interview_time};
use confab_mail::template::{Field, Template, Values};
use confab_store::entity::participant;

use crate::AppError;
use crate::interview_days::day::Day;
use crate::mail::compose::{reader_language, reader_zone};

/// An interviewer's timetable has no stored template of its own: only the researcher's
/// colleagues read it.
pub(super) fn timetable_template() -> Template {
    Template {
        subject: "Your timetable for the {{study_name}} interview day".to_owned(),
        body: "Hello {{participant_name}},\n\nHere is whom you interview on {{interview_time}}. Times are in {{participant_time_zone}}.\n\n{{itinerary}}\n\nThank you,\n{{researcher_name}}\n".to_owned(),
    }
}

fn span(t: &Times, zone: Tz, language: &Language) -> String {
    clock_span(t.start, t.end, zone, language)
}

/// Rounds and fixed blocks in the order they happen, one line each.
pub(super) fn lines(
    schedule: &DaySchedule,
    zone: Tz,
    language: &Language,
    round_line: impl Fn(usize) -> String,
) -> String {
    let mut rows: Vec<(DateTime<Utc>, String)> = schedule
        .rounds
        .iter()
        .enumerate()
        .map(|(r, t)| {
            (
                t.start,
                format!("{}  {}", span(t, zone, language), round_line(r)),
            )
        })
        .collect();
    rows.extend(schedule.blocks.iter().map(|BlockTime { label, times }| {
        (
            times.start,
            format!("{}  {label}", span(times, zone, language)),
        )
    }));
    rows.sort_by_key(|(start, _)| *start);
    rows.into_iter()
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn rendering_error(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(format!(
        "The itinerary template cannot be used: {e}. Fix it in the study's templates."
    ))
}

pub(super) fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_owned())
}

/// An applicant reads the day in their zone and language; an interviewer in the day's zone
/// and the study's language.
pub(super) struct Reader<'a> {
    pub(super) name: &'a str,
    pub(super) zone: Tz,
    pub(super) language: Language,
}

impl<'a> Reader<'a> {
    pub(super) fn applicant(who: &'a participant::Model, day: &Day) -> Self {
        Self {
            name: &who.name,
            zone: reader_zone(who, &day.study),
            language: reader_language(who, &day.study),
        }
    }
}

pub(super) fn values_for(
    day: &Day,
    researcher: &str,
    reader: &Reader<'_>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Values {
    let (zone, language) = (reader.zone, &reader.language);
    Values::new()
        .with(Field::ParticipantName, reader.name.to_owned())
        .with(Field::StudyName, day.study.name.clone())
        .with(Field::ResearcherName, researcher.to_owned())
        .with(
            Field::InterviewTime,
            interview_time(start, end, zone, language),
        )
        .with(Field::ParticipantTimeZone, zone.name())
        .with(Field::Location, day.study.location.clone())
        .with(Field::ConferencingUrl, day.study.conferencing_url.clone())
        .with(Field::DialIn, day.study.dial_in.clone())
}
