//! A study's sessions, the times it is open for interviews: what they look like to the
//! window, and the checks every change to one goes through.

use confab_store::entity::{session, session_exception};
use confab_store::{ConnectionTrait, interviewers, sessions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;
use crate::clock::from_ts;

mod pattern;
mod use_cases;

pub(crate) use pattern::check_session;

/// When a session is open, as the researcher describes it. Local times are in the study's
/// time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SessionPattern {
    /// A one-off window cut into slots; `start` and `end` like `2026-03-08T09:00`.
    #[serde(rename_all = "camelCase")]
    Window { start: String, end: String },
    /// Every week on `weekday` (1 = Monday … 7 = Sunday) from `startTime` to `endTime`
    /// (`09:00`), from `validFrom` to `validUntil` (dates like `2026-03-02`, inclusive).
    #[serde(rename_all = "camelCase")]
    Weekly {
        weekday: u8,
        start_time: String,
        end_time: String,
        valid_from: String,
        valid_until: Option<String>,
    },
    /// A whole interview day or half-day with a capacity, booked as one place.
    #[serde(rename_all = "camelCase")]
    Day { start: String, end: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewSession {
    #[ts(type = "number")]
    pub study_id: i64,
    pub title: String,
    pub pattern: SessionPattern,
    pub capacity: i32,
    pub visible: bool,
    #[ts(type = "Array<number>")]
    pub interviewer_ids: Vec<i64>,
}

/// A date on which a weekly session is closed (`hours` empty) or open at other hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionExceptionView {
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub study_id: i64,
    pub title: String,
    /// For windows and days, `start`/`end` are RFC 3339 instants.
    pub pattern: SessionPattern,
    pub capacity: i32,
    pub visible: bool,
    #[ts(type = "Array<number>")]
    pub interviewer_ids: Vec<i64>,
    pub exceptions: Vec<SessionExceptionView>,
}

pub(crate) async fn require_session(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<session::Model, AppError> {
    sessions::find(db, session_id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no session {session_id}.")))
}

/// A session may only name interviewers of its own study.
pub(crate) async fn check_interviewers(
    db: &impl ConnectionTrait,
    study_id: i64,
    interviewer_ids: &[i64],
) -> Result<(), AppError> {
    for id in interviewer_ids {
        let known = interviewers::find(db, *id).await?;
        if known.is_none_or(|i| i.study_id != study_id) {
            return Err(AppError::invalid(format!(
                "Interviewer {id} is not part of this study; add them first."
            )));
        }
    }
    Ok(())
}

pub(crate) fn view(
    row: session::Model,
    interviewer_ids: Vec<i64>,
    exceptions: Vec<session_exception::Model>,
) -> SessionView {
    let pattern = match row.kind.as_str() {
        "weekly" => SessionPattern::Weekly {
            weekday: row.weekday.unwrap_or(1).clamp(1, 7) as u8,
            start_time: row.start_time.clone().unwrap_or_default(),
            end_time: row.end_time.clone().unwrap_or_default(),
            valid_from: row.valid_from.clone().unwrap_or_default(),
            valid_until: row.valid_until.clone(),
        },
        kind => {
            let start = from_ts(row.starts_at.unwrap_or_default()).to_rfc3339();
            let end = from_ts(row.ends_at.unwrap_or_default()).to_rfc3339();
            if kind == "day" {
                SessionPattern::Day { start, end }
            } else {
                SessionPattern::Window { start, end }
            }
        }
    };
    SessionView {
        id: row.id,
        study_id: row.study_id,
        title: row.title,
        pattern,
        capacity: row.capacity,
        visible: row.visible,
        interviewer_ids,
        exceptions: exceptions
            .into_iter()
            .map(|e| SessionExceptionView {
                date: e.date,
                start_time: e.start_time,
                end_time: e.end_time,
            })
            .collect(),
    }
}
