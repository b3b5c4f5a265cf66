//! The open slots of a study, the times a participant can choose, and why a chosen time
//! cannot be booked.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use confab_core::availability::OpenSlot;
use confab_core::time_zone::parse_time_zone;
use confab_store::ConnectionTrait;
use confab_store::entity::study;
use serde::Serialize;
use ts_rs::TS;

use crate::{AppError, Confab, ErrorCode};

mod engine_input;
mod load;

pub(crate) use load::{availability_near, load, load_for_booking};

/// A start time a participant can choose, in UTC and in the time zone it was asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlotView {
    #[ts(type = "number")]
    pub session_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub remaining: u32,
    /// `start` as a wall-clock time in `timeZone`, like `2026-03-09T09:00`.
    pub local_start: String,
    pub time_zone: String,
}

/// One rule a booking breaks, with a sentence for the researcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleBreakView {
    pub rule: crate::RuleBreak,
    pub explanation: String,
}

pub(crate) fn study_zone(study: &study::Model) -> Result<Tz, AppError> {
    parse_time_zone(&study.time_zone).map_err(|m| AppError::new(ErrorCode::Storage, m))
}

pub(crate) fn slot_view(slot: &OpenSlot, zone: Tz) -> SlotView {
    SlotView {
        session_id: slot.session_id,
        start: slot.start,
        end: slot.end,
        remaining: slot.remaining,
        local_start: slot
            .start
            .with_timezone(&zone)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        time_zone: zone.name().to_owned(),
    }
}

impl Confab {
    /// The study's open slots starting in [from, to) (default: now to the booking horizon),
    /// shown in `time_zone` (default: the study's).
    pub async fn open_slots(
        &self,
        study_id: i64,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        time_zone: Option<&str>,
    ) -> Result<Vec<SlotView>, AppError> {
        let study = self.study_row(study_id).await?;
        let zone = match time_zone {
            Some(name) => parse_time_zone(name).map_err(AppError::invalid)?,
            None => study_zone(&study)?,
        };
        let now = Utc::now();
        let from = from.unwrap_or(now);
        let to = to.unwrap_or(now + Duration::days(i64::from(study.horizon_days) + 1));
        let data = load(&self.db, &study, None, None).await?;
        Ok(data
            .engine()
            .open_slots(from, to, now)
            .iter()
            .map(|s| slot_view(s, zone))
            .collect())
    }
}

impl Confab {
    /// Reads a time the way a researcher types it: local to the study (`2026-03-09T09:00`) or
    /// an RFC 3339 instant. A local time skipped by a daylight-saving change is refused.
    pub async fn study_instant(
        &self,
        study_id: i64,
        text: &str,
    ) -> Result<DateTime<Utc>, AppError> {
        let study = self.study_row(study_id).await?;
        confab_core::time_zone::parse_instant(text, study_zone(&study)?).map_err(AppError::invalid)
    }
}

/// The study's open slots from now to its horizon, read inside the caller's transaction;
/// `leave_out_enrolment`'s own held choices do not block them.
pub(crate) async fn open_for(
    db: &impl ConnectionTrait,
    study: &study::Model,
    leave_out_enrolment: Option<i64>,
) -> Result<Vec<OpenSlot>, AppError> {
    let now = Utc::now();
    let to = now + Duration::days(i64::from(study.horizon_days) + 1);
    let data = load(db, study, None, leave_out_enrolment).await?;
    Ok(data.engine().open_slots(now, to, now))
}

/// The session in which `start` is an open slot of the study now, read inside the caller's
/// transaction, so that what it changed already counts; `None` when `start` is not open.
pub(crate) async fn open_at(
    db: &impl ConnectionTrait,
    study: &study::Model,
    start: DateTime<Utc>,
) -> Result<Option<i64>, AppError> {
    let data = load(db, study, None, None).await?;
    let around = Duration::seconds(1);
    Ok(data
        .engine()
        .open_slots(start - around, start + around, Utc::now())
        .iter()
        .find(|s| s.start == start)
        .map(|s| s.session_id))
}

/// Why `pick` cannot be booked now, in the participant's words; `None` when it can.
/// `leave_out` is the interview being moved, so that it does not block itself.
pub(crate) async fn why_not(
    db: &impl ConnectionTrait,
    study: &study::Model,
    pick: &crate::ChoiceInput,
    leave_out: Option<i64>,
    phrases: &confab_core::language::Phrases,
) -> Result<Option<String>, AppError> {
    let (data, _) =
        load_for_booking(db, study, pick.session_id, pick.start, leave_out, None).await?;
    Ok(data
        .engine()
        .rule_breaks(pick.session_id, pick.start, Utc::now())
        .first()
        .map(|b| b.for_participant(&data.rules, phrases)))
}
