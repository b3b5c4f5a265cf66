//! A study's stored sessions, exceptions and rules, turned into what the slot engine
//! reads.

use chrono::{NaiveDate, NaiveTime, Weekday};
use confab_core::availability::{DateException, SessionPattern, SessionSpec, StudyRules};
use confab_store::entity::{session, session_exception, study};

use super::study_zone;
use crate::AppError;
use crate::clock::from_ts;
use crate::staffing::Staffing;

fn weekday(n: i32) -> Weekday {
    match n {
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => Weekday::Mon,
    }
}

fn time(text: &Option<String>) -> NaiveTime {
    text.as_deref()
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .unwrap_or(NaiveTime::MIN)
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

pub(super) fn spec(
    row: &session::Model,
    staffing: &Staffing,
    interviewer_ids: &[i64],
    exceptions: Vec<DateException>,
) -> SessionSpec {
    let (interviewers, panel) = staffing.engine_people(interviewer_ids);
    let pattern = match row.kind.as_str() {
        "weekly" => SessionPattern::Weekly {
            weekday: weekday(row.weekday.unwrap_or(1)),
            start: time(&row.start_time),
            end: time(&row.end_time),
            from: row
                .valid_from
                .as_deref()
                .and_then(date)
                .unwrap_or(NaiveDate::MIN),
            until: row.valid_until.as_deref().and_then(date),
            exceptions,
        },
        "day" => SessionPattern::Day {
            start: from_ts(row.starts_at.unwrap_or_default()),
            end: from_ts(row.ends_at.unwrap_or_default()),
        },
        _ => SessionPattern::Window {
            start: from_ts(row.starts_at.unwrap_or_default()),
            end: from_ts(row.ends_at.unwrap_or_default()),
        },
    };
    SessionSpec {
        id: row.id,
        pattern,
        capacity: u32::try_from(row.capacity).unwrap_or(1),
        visible: row.visible,
        interviewers,
        panel,
    }
}

pub(super) fn date_exception(e: &session_exception::Model) -> Option<DateException> {
    let hours = match (&e.start_time, &e.end_time) {
        (Some(_), Some(_)) => Some((time(&e.start_time), time(&e.end_time))),
        _ => None,
    };
    date(&e.date).map(|date| DateException { date, hours })
}

pub(super) fn rules_of(study: &study::Model) -> Result<StudyRules, AppError> {
    Ok(StudyRules {
        time_zone: study_zone(study)?,
        interview_minutes: u32::try_from(study.interview_minutes).unwrap_or(60),
        buffer_before_minutes: u32::try_from(study.buffer_before_minutes).unwrap_or(0),
        buffer_after_minutes: u32::try_from(study.buffer_after_minutes).unwrap_or(0),
        min_notice_minutes: u32::try_from(study.min_notice_minutes).unwrap_or(0),
        horizon_days: u32::try_from(study.horizon_days).unwrap_or(1),
        max_per_day: study.max_per_day.and_then(|v| u32::try_from(v).ok()),
        max_per_week: study.max_per_week.and_then(|v| u32::try_from(v).ok()),
    })
}
