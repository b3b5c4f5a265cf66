//! What a day's schedule is made from: the researcher's settings, and the session's
//! confirmed applicants and interviewers as they are now.

use chrono::{NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use confab_core::FieldErrors;
use confab_core::interview_day::{Applicant, DayInput, FixedBlock, Interviewer, Pair, TimeSpan};
use confab_core::time_zone::parse_time_zone;
use confab_store::entity::{day_schedule, interview, interviewer, participant, session, study};
use confab_store::{ConnectionTrait, day_schedules, interviewers, sessions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::stored::{json, parse};
use crate::AppError;
use crate::clock::from_ts;
use crate::participants::records::{require_participant, require_study};

/// How the researcher wants the day cut into rounds. Times are on the study's wall clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DaySettings {
    pub rounds: u32,
    pub round_minutes: u32,
    pub passing_minutes: u32,
    /// `HH:MM`; empty or absent means when the session starts.
    pub start: Option<String>,
    pub fixed_blocks: Vec<FixedBlockInput>,
    /// Conflicts of interest: these applicants must never meet these interviewers.
    #[serde(default)]
    pub conflicts: Vec<DayPair>,
    /// Pairs that should meet whenever the day allows it.
    #[serde(default)]
    pub must_meet: Vec<DayPair>,
}

/// One applicant and one interviewer of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayPair {
    #[ts(type = "number")]
    pub applicant_id: i64,
    #[ts(type = "number")]
    pub interviewer_id: i64,
}

/// A welcome, a lunch: no round runs during it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FixedBlockInput {
    pub label: String,
    /// `HH:MM`.
    pub start: String,
    pub minutes: u32,
}

pub(crate) struct Person {
    pub interview: interview::Model,
    pub participant: participant::Model,
}

pub(crate) struct Day {
    pub study: study::Model,
    pub session: session::Model,
    pub zone: Tz,
    pub applicants: Vec<Person>,
    pub interviewers: Vec<interviewer::Model>,
    pub input: DayInput,
}

impl Day {
    pub fn applicant(&self, id: i64) -> Option<&Person> {
        self.applicants.iter().find(|p| p.participant.id == id)
    }

    pub fn interviewer(&self, id: i64) -> Option<&interviewer::Model> {
        self.interviewers.iter().find(|i| i.id == id)
    }
}

fn clock_time(text: &str, what: &str) -> Result<NaiveTime, AppError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        AppError::invalid(format!(
            "{what} \"{text}\" is not a time of day; write it as 09:30."
        ))
    })
}

fn field_errors(errors: FieldErrors) -> AppError {
    AppError::invalid(errors.to_string())
}

/// Loads the session (which must be an interview day) and everything the schedule needs.
pub(crate) async fn load_day(
    db: &impl ConnectionTrait,
    session_id: i64,
    settings: &DaySettings,
) -> Result<Day, AppError> {
    let Some((session, people)) = sessions::find_with_interviewers(db, session_id).await? else {
        return Err(AppError::not_found(format!(
            "There is no session {session_id}."
        )));
    };
    let linked = people.interviewers;
    let (Some(starts_at), true) = (session.starts_at, session.kind == "day") else {
        return Err(AppError::invalid(
            "Only an interview-day session has a day schedule; this session is not one.",
        ));
    };
    let study = require_study(db, session.study_id).await?;
    let zone = parse_time_zone(&study.time_zone).unwrap_or(chrono_tz::UTC);
    let date = from_ts(starts_at).with_timezone(&zone).date_naive();
    let start = match settings.start.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => date.and_time(clock_time(text, "The start")?),
        _ => from_ts(starts_at).with_timezone(&zone).naive_local(),
    };
    let mut fixed_blocks = Vec::new();
    for block in &settings.fixed_blocks {
        fixed_blocks.push(FixedBlock {
            label: block.label.trim().to_owned(),
            start: date.and_time(clock_time(&block.start, &block.label)?),
            minutes: block.minutes,
        });
    }
    // The session's own interviewers when it names some, else everyone on the study.
    let interviewers: Vec<interviewer::Model> = interviewers::for_study(db, study.id)
        .await?
        .into_iter()
        .filter(|i| linked.is_empty() || linked.contains(&i.id))
        .collect();
    let ids: Vec<i64> = interviewers.iter().map(|i| i.id).collect();
    let day_end = session.ends_at.unwrap_or(starts_at + 86_400);
    let busy = interviewers::busy_times(db, &ids, starts_at - 86_400, day_end + 86_400).await?;
    let mut applicants = Vec::new();
    for row in day_schedules::confirmed_in_session(db, session_id).await? {
        let participant = require_participant(db, row.participant_id).await?;
        applicants.push(Person {
            interview: row,
            participant,
        });
    }
    let input = DayInput {
        start,
        time_zone: zone,
        rounds: settings.rounds,
        round_minutes: settings.round_minutes,
        passing_minutes: settings.passing_minutes,
        fixed_blocks,
        interviewers: interviewers
            .iter()
            .map(|i| Interviewer {
                unavailable: busy
                    .iter()
                    .filter(|b| b.interviewer_id == i.id)
                    .map(|b| TimeSpan {
                        start: from_ts(b.starts_at),
                        end: from_ts(b.ends_at),
                    })
                    .collect(),
                ..Interviewer::new(i.id, i.name.clone())
            })
            .collect(),
        applicants: applicants
            .iter()
            .map(|p| Applicant::new(p.participant.id, p.participant.name.clone()))
            .collect(),
        conflicts: known_pairs(&settings.conflicts, &applicants, &interviewers),
        must_meet: known_pairs(&settings.must_meet, &applicants, &interviewers),
    };
    Ok(Day {
        study,
        session,
        zone,
        applicants,
        interviewers,
        input,
    })
}

/// The pairs whose applicant and interviewer are both part of the day now: an applicant who
/// has since canceled takes their pairs with them rather than making the day unreadable.
fn known_pairs(
    pairs: &[DayPair],
    applicants: &[Person],
    interviewers: &[interviewer::Model],
) -> Vec<Pair> {
    pairs
        .iter()
        .filter(|p| {
            applicants
                .iter()
                .any(|a| a.participant.id == p.applicant_id)
                && interviewers.iter().any(|i| i.id == p.interviewer_id)
        })
        .map(|p| Pair::new(p.applicant_id, p.interviewer_id))
        .collect()
}

pub(crate) fn settings_of(row: &day_schedule::Model) -> Result<DaySettings, AppError> {
    Ok(DaySettings {
        rounds: u32::try_from(row.rounds).unwrap_or(0),
        round_minutes: u32::try_from(row.round_minutes).unwrap_or(0),
        passing_minutes: u32::try_from(row.passing_minutes).unwrap_or(0),
        start: Some(row.start_time.clone()),
        fixed_blocks: parse(&row.fixed_blocks)?,
        conflicts: parse(&row.conflicts)?,
        must_meet: parse(&row.must_meet)?,
    })
}

/// The settings as they are kept: the start resolved, so a later change to the session's
/// hours does not silently move a schedule already made.
pub(crate) fn settings_columns(
    settings: &DaySettings,
    start: NaiveDateTime,
) -> Result<(String, String), AppError> {
    Ok((
        start.format("%H:%M").to_string(),
        json(&settings.fixed_blocks)?,
    ))
}

pub(crate) fn refuse_input(errors: FieldErrors) -> AppError {
    field_errors(errors)
}
