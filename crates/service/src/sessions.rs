use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use confab_core::FieldErrors;
use confab_core::time_zone::{parse_instant, parse_time_zone};
use confab_store::audit::{self, NewEntry};
use confab_store::entity::{session, session_exception};
use confab_store::{ConnectionTrait, Set, interviewers, sessions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{from_ts, now_ts};
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

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

pub(crate) fn parse_time(
    text: &str,
    field: &'static str,
    errors: &mut FieldErrors,
) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| {
            errors.push(
                field,
                format!("\"{text}\" is not a time of day; write it as 09:30."),
            )
        })
        .ok()
}

pub(crate) fn parse_date(
    text: &str,
    field: &'static str,
    errors: &mut FieldErrors,
) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| {
            errors.push(
                field,
                format!("\"{text}\" is not a date; write it as 2026-03-02."),
            )
        })
        .ok()
}

fn instants(tz: Tz, start: &str, end: &str, errors: &mut FieldErrors) -> Option<(i64, i64)> {
    let s = parse_instant(start, tz)
        .map_err(|m| errors.push("start", m))
        .ok();
    let e = parse_instant(end, tz)
        .map_err(|m| errors.push("end", m))
        .ok();
    let (s, e) = (s?, e?);
    if s >= e {
        errors.push("end", "The session must end after it starts.");
        return None;
    }
    Some((s.timestamp(), e.timestamp()))
}

/// Checks a pattern and fills the row's columns from it.
fn pattern_columns(
    pattern: &SessionPattern,
    tz: Tz,
    row: &mut session::ActiveModel,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    match pattern {
        SessionPattern::Window { start, end } | SessionPattern::Day { start, end } => {
            if let Some((s, e)) = instants(tz, start, end, &mut errors) {
                row.kind = Set(if matches!(pattern, SessionPattern::Day { .. }) {
                    "day"
                } else {
                    "window"
                }
                .into());
                row.starts_at = Set(Some(s));
                row.ends_at = Set(Some(e));
            }
        }
        SessionPattern::Weekly {
            weekday,
            start_time,
            end_time,
            valid_from,
            valid_until,
        } => {
            if !(1..=7).contains(weekday) {
                errors.push("weekday", "Choose a weekday from 1 (Monday) to 7 (Sunday).");
            }
            let start = parse_time(start_time, "startTime", &mut errors);
            let end = parse_time(end_time, "endTime", &mut errors);
            if let (Some(s), Some(e)) = (start, end)
                && s >= e
            {
                errors.push(
                    "endTime",
                    "The weekly hours must end after they start, on the same day.",
                );
            }
            let from = parse_date(valid_from, "validFrom", &mut errors);
            let until = valid_until
                .as_deref()
                .filter(|u| !u.trim().is_empty())
                .and_then(|u| parse_date(u, "validUntil", &mut errors));
            if let (Some(f), Some(u)) = (from, until)
                && u < f
            {
                errors.push("validUntil", "The last date cannot be before the first.");
            }
            row.kind = Set("weekly".into());
            row.weekday = Set(Some(i32::from(*weekday)));
            row.start_time = Set(start.map(|t| t.format("%H:%M").to_string()));
            row.end_time = Set(end.map(|t| t.format("%H:%M").to_string()));
            row.valid_from = Set(from.map(|d| d.to_string()));
            row.valid_until = Set(until.map(|d| d.to_string()));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
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

/// Checks a session's pattern and capacity together, so every mistake is reported at once.
pub(crate) fn check_session(
    pattern: &SessionPattern,
    capacity: i32,
    tz: Tz,
    row: &mut session::ActiveModel,
) -> Result<(), AppError> {
    let mut errors = pattern_columns(pattern, tz, row).err().unwrap_or_default();
    if !(1..=1000).contains(&capacity) {
        errors.push(
            "capacity",
            format!("The capacity must be 1 to 1000; you gave {capacity}."),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
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

impl Confab {
    pub async fn create_session(
        &self,
        input: NewSession,
        actor: &Actor,
    ) -> Result<SessionView, AppError> {
        let study = self.study_row(input.study_id).await?;
        let tz =
            parse_time_zone(&study.time_zone).map_err(|m| AppError::new(ErrorCode::Storage, m))?;
        let mut row = session::ActiveModel {
            study_id: Set(study.id),
            title: Set(input.title.trim().to_owned()),
            capacity: Set(input.capacity),
            visible: Set(input.visible),
            created_at: Set(now_ts()),
            ..Default::default()
        };
        check_session(&input.pattern, input.capacity, tz, &mut row)?;
        in_transaction(&self.db, async |txn| {
            check_interviewers(txn, study.id, &input.interviewer_ids).await?;
            let saved = sessions::insert(txn, row).await?;
            sessions::set_interviewers(txn, saved.id, &input.interviewer_ids).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study.id),
                    to_value: format!("{} {}", saved.kind, saved.title),
                    ..actor.entry("session created", now_ts())
                },
            )
            .await?;
            Ok(view(saved, input.interviewer_ids, Vec::new()))
        })
        .await
    }

    pub async fn list_sessions(&self, study_id: i64) -> Result<Vec<SessionView>, AppError> {
        self.study_row(study_id).await?;
        let rows = sessions::for_study(&self.db, study_id).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let links = sessions::interviewer_links(&self.db, &ids).await?;
        let exceptions = sessions::exceptions_for_sessions(&self.db, &ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let people = links
                    .iter()
                    .filter(|l| l.session_id == row.id)
                    .map(|l| l.interviewer_id)
                    .collect();
                let own = exceptions
                    .iter()
                    .filter(|e| e.session_id == row.id)
                    .cloned()
                    .collect();
                view(row, people, own)
            })
            .collect())
    }

    /// Shows or hides a session; hidden sessions are never offered to participants.
    pub async fn set_session_visible(
        &self,
        session_id: i64,
        visible: bool,
        actor: &Actor,
    ) -> Result<(), AppError> {
        in_transaction(&self.db, async |txn| {
            let row = require_session(txn, session_id).await?;
            sessions::update(
                txn,
                session::ActiveModel {
                    id: Set(session_id),
                    visible: Set(visible),
                    ..Default::default()
                },
            )
            .await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(row.study_id),
                    from_value: row.visible.to_string(),
                    to_value: visible.to_string(),
                    ..actor.entry("session visibility", now_ts())
                },
            )
            .await?;
            Ok(())
        })
        .await
    }

    /// Closes a weekly session on one date (`hours` None) or opens it at other hours that date.
    pub async fn set_session_exception(
        &self,
        session_id: i64,
        exception: SessionExceptionView,
        actor: &Actor,
    ) -> Result<(), AppError> {
        let mut errors = FieldErrors::default();
        let date = parse_date(&exception.date, "date", &mut errors);
        let hours = match (&exception.start_time, &exception.end_time) {
            (Some(s), Some(e)) => {
                let (s, e) = (
                    parse_time(s, "startTime", &mut errors),
                    parse_time(e, "endTime", &mut errors),
                );
                match (s, e) {
                    (Some(s), Some(e)) if s < e => {
                        Some((s.format("%H:%M").to_string(), e.format("%H:%M").to_string()))
                    }
                    (Some(_), Some(_)) => {
                        errors.push("endTime", "The hours must end after they start.");
                        None
                    }
                    _ => None,
                }
            }
            (None, None) => None,
            _ => {
                errors.push(
                    "endTime",
                    "Give both a start and an end time, or neither to close the date.",
                );
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        in_transaction(&self.db, async |txn| {
            let row = require_session(txn, session_id).await?;
            if row.kind != "weekly" {
                return Err(AppError::invalid(
                    "Only weekly sessions have date exceptions; change a one-off session's times instead.",
                ));
            }
            let to_value = hours
                .as_ref()
                .map(|(s, e)| format!("{date} {s}-{e}"))
                .unwrap_or_else(|| format!("{date} closed"));
            sessions::put_exception(txn, session_id, &date, hours).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(row.study_id),
                    to_value,
                    ..actor.entry("session exception", now_ts())
                },
            )
            .await?;
            Ok(())
        })
        .await
    }
}
