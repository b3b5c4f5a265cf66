//! Reading a session's pattern and capacity as the researcher typed them, and filling the
//! session's columns from them.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use confab_core::FieldErrors;
use confab_core::time_zone::parse_instant;
use confab_store::Set;
use confab_store::entity::session;

use super::SessionPattern;
use crate::AppError;

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
