use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use confab_core::availability::{
    Availability, Busy, DateException, OpenSlot, SessionPattern, SessionSpec, StudyRules, Taken,
};
use confab_core::time_zone::parse_time_zone;
use confab_store::entity::{session, session_exception, study};
use confab_store::{
    ConnectionTrait, choices, interview_interviewers, interviewers, interviews, sessions,
};
use serde::Serialize;
use ts_rs::TS;

use confab_store::interview_interviewers::NOTE_TAKER;
use confab_store::sessions::SessionPeople;

use crate::clock::from_ts;
use crate::staffing::Staffing;
use crate::{AppError, Confab, ErrorCode};

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

/// Everything the slot engine needs about one study, read from the database.
pub(crate) struct StudyAvailability {
    pub rules: StudyRules,
    pub sessions: Vec<SessionSpec>,
    pub taken: Vec<Taken>,
    pub busy: Vec<Busy>,
}

impl StudyAvailability {
    pub fn engine(&self) -> Availability<'_> {
        Availability {
            rules: &self.rules,
            sessions: &self.sessions,
            taken: &self.taken,
            busy: &self.busy,
        }
    }
}

pub(crate) fn study_zone(study: &study::Model) -> Result<Tz, AppError> {
    parse_time_zone(&study.time_zone).map_err(|m| AppError::new(ErrorCode::Storage, m))
}

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

fn spec(
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

/// Reads a study's sessions, bookings, holds and busy times. `leave_out` drops one interview
/// (the one being rescheduled) and `leave_out_enrolment` one participant's held choices (the
/// ones being replaced), so that neither blocks itself.
pub(crate) async fn load(
    db: &impl ConnectionTrait,
    study: &study::Model,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<StudyAvailability, AppError> {
    let rules = rules_of(study)?;
    let rows = sessions::for_study(db, study.id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let links = sessions::interviewer_links(db, &ids).await?;
    let note_takers: Vec<i64> = interviewers::for_study(db, study.id)
        .await?
        .into_iter()
        .filter(|p| p.role == NOTE_TAKER)
        .map(|p| p.id)
        .collect();
    let exceptions = sessions::exceptions_for_sessions(db, &ids).await?;
    let staffing = Staffing::of(study);
    let specs: Vec<SessionSpec> = rows
        .iter()
        .map(|row| {
            let people: Vec<i64> = links
                .iter()
                .filter(|l| l.session_id == row.id && !note_takers.contains(&l.interviewer_id))
                .map(|l| l.interviewer_id)
                .collect();
            let own = exceptions
                .iter()
                .filter(|e| e.session_id == row.id)
                .filter_map(date_exception)
                .collect();
            spec(row, &staffing, &people, own)
        })
        .collect();
    // Caps count a whole week, so read a week beyond the range on both sides.
    let week = Duration::days(8).num_seconds();
    let now = Utc::now().timestamp();
    let (from, to) = (
        now - week,
        now + Duration::days(i64::from(study.horizon_days)).num_seconds() + week,
    );
    let taken = taken_in_study(db, study.id, from, to, leave_out, leave_out_enrolment).await?;
    let mut people: Vec<i64> = specs
        .iter()
        .flat_map(|s| s.interviewers.iter().copied())
        .collect();
    people.sort_unstable();
    people.dedup();
    let busy = busy_of(db, &people, from, to, leave_out).await?;
    Ok(StudyAvailability {
        rules,
        sessions: specs,
        taken,
        busy,
    })
}

/// Reads only what can matter to one booking at `start` in `session_id`: that session, its
/// bookings and holds near `start`, the study's bookings in that week when the study caps
/// them, and the busy times of its interviewers. A booking's cost then stays flat however
/// many interviews the study holds.
pub(crate) async fn load_for_booking(
    db: &impl ConnectionTrait,
    study: &study::Model,
    session_id: i64,
    start: DateTime<Utc>,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<(StudyAvailability, Option<(session::Model, SessionPeople)>), AppError> {
    let rules = rules_of(study)?;
    let Some((row, session_people)) = sessions::find_with_interviewers(db, session_id)
        .await?
        .filter(|(s, _)| s.study_id == study.id)
    else {
        return Ok((
            StudyAvailability {
                rules,
                sessions: vec![],
                taken: vec![],
                busy: vec![],
            },
            None,
        ));
    };
    let exceptions = if row.kind == "weekly" {
        sessions::exceptions_for_sessions(db, &[row.id])
            .await?
            .into_iter()
            .filter_map(|e| date_exception(&e))
            .collect()
    } else {
        Vec::new()
    };
    let spec = spec(
        &row,
        &Staffing::of(study),
        &session_people.interviewers,
        exceptions,
    );
    let people = spec.interviewers.clone();
    let t = start.timestamp();
    let day = Duration::days(1).num_seconds();
    let capped = study.max_per_day.is_some() || study.max_per_week.is_some();
    // A day session's booking lasts the whole day; a day either side covers every buffer.
    let (near_from, near_to) = (t - day, row.ends_at.unwrap_or(t).max(t) + day);
    let (from, to) = if capped {
        (t - 8 * day, t + 8 * day)
    } else {
        (near_from, near_to)
    };
    let taken = if capped {
        taken_in_study(db, study.id, from, to, leave_out, leave_out_enrolment).await?
    } else {
        let spans = interviews::taken_spans_in_session(
            db,
            row.id,
            from,
            to,
            leave_out,
            leave_out_enrolment,
        )
        .await?;
        spans
            .into_iter()
            .flat_map(|(start, end, n)| {
                let one = Taken {
                    session_id: row.id,
                    start: from_ts(start),
                    end: from_ts(end),
                };
                std::iter::repeat_n(one, usize::try_from(n).unwrap_or(0))
            })
            .collect()
    };
    let busy = if people.is_empty() {
        Vec::new()
    } else {
        busy_of(db, &people, near_from, near_to, leave_out).await?
    };
    Ok((
        StudyAvailability {
            rules,
            sessions: vec![spec],
            taken,
            busy,
        },
        Some((row, session_people)),
    ))
}

fn date_exception(e: &session_exception::Model) -> Option<DateException> {
    let hours = match (&e.start_time, &e.end_time) {
        (Some(_), Some(_)) => Some((time(&e.start_time), time(&e.end_time))),
        _ => None,
    };
    date(&e.date).map(|date| DateException { date, hours })
}

/// The study's scheduled interviews and held choices touching [from, to), but the one
/// interview and the one participant's holds left out.
async fn taken_in_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    from: i64,
    to: i64,
    leave_out: Option<i64>,
    leave_out_enrolment: Option<i64>,
) -> Result<Vec<Taken>, AppError> {
    let booked = interviews::scheduled_between(db, study_id, from, to)
        .await?
        .into_iter()
        .filter(|i| Some(i.id) != leave_out)
        .map(|i| (i.session_id, i.starts_at, i.ends_at));
    let held = choices::held_between(db, study_id, None, from, to)
        .await?
        .into_iter()
        .filter(|c| Some(c.enrolment_id) != leave_out_enrolment)
        .map(|c| (c.session_id, c.starts_at, c.ends_at));
    Ok(booked
        .chain(held)
        .map(|(session_id, start, end)| Taken {
            session_id,
            start: from_ts(start),
            end: from_ts(end),
        })
        .collect())
}

/// When each interviewer is busy: their calendars' busy times, and the interviews they run in
/// any study (but `leave_out`, the one being moved).
async fn busy_of(
    db: &impl ConnectionTrait,
    people: &[i64],
    from: i64,
    to: i64,
    leave_out: Option<i64>,
) -> Result<Vec<Busy>, AppError> {
    let mut busy: Vec<Busy> = interviewers::busy_times(db, people, from, to)
        .await?
        .into_iter()
        .map(|b| Busy {
            interviewer_id: b.interviewer_id,
            start: from_ts(b.starts_at),
            end: from_ts(b.ends_at),
        })
        .collect();
    busy.extend(
        interview_interviewers::held_between(db, people, from, to, leave_out)
            .await?
            .into_iter()
            .map(|(interviewer_id, start, end)| Busy {
                interviewer_id,
                start: from_ts(start),
                end: from_ts(end),
            }),
    );
    Ok(busy)
}

fn rules_of(study: &study::Model) -> Result<StudyRules, AppError> {
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
