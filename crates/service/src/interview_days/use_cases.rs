//! Making, showing and changing a day's schedule. Nothing here sends mail: a schedule reaches
//! applicants only through `publish_day_schedule`.

use confab_core::interview_day::{
    Cell, DaySchedule, EditError, Swapped, assemble, check, generate, place, swap,
};
use confab_store::entity::day_schedule;
use confab_store::{ConnectionTrait, day_schedules};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::day::{Day, DaySettings, load_day, refuse_input, settings_columns, settings_of};
use super::roster::fit;
use super::stored::{StoredItinerary, Uids, json, parse, to_stored};
use super::view::{DayScheduleView, SwapReport, view};
use crate::clock::now_ts;
use crate::transaction::in_transaction;
use crate::{AppError, Confab};

/// One applicant's place in one round (rounds counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DaySlot {
    #[ts(type = "number")]
    pub applicant_id: i64,
    pub round: u32,
}

pub(crate) struct Loaded {
    pub row: day_schedule::Model,
    pub day: Day,
    pub schedule: DaySchedule,
    /// Who canceled or joined since the schedule was saved or published.
    pub changes: Vec<String>,
}

fn edit_error(e: EditError) -> AppError {
    match e {
        EditError::Input(errors) => refuse_input(errors),
        EditError::NoSuchCell { .. } => AppError::invalid(e.to_string()),
        // The confirmed applicants or the interviewers changed since the schedule was made.
        EditError::NotThisDay(reason) => AppError::conflict(format!(
            "{reason} The day has changed since its schedule was made: generate it again."
        )),
    }
}

/// The saved schedule, rebuilt against the session as it is now.
pub(crate) async fn load(db: &impl ConnectionTrait, session_id: i64) -> Result<Loaded, AppError> {
    let Some(row) = day_schedules::find(db, session_id).await? else {
        return Err(AppError::not_found(format!(
            "Session {session_id} has no day schedule yet: generate one first."
        )));
    };
    let day = load_day(db, session_id, &settings_of(&row)?).await?;
    let stored: Vec<StoredItinerary> = parse(&row.itineraries)?;
    let published_to: Uids = parse(&row.calendar_uids)?;
    let fitted = fit(db, &day, stored, &published_to).await?;
    let schedule = assemble(&day.input, fitted.itineraries).map_err(edit_error)?;
    Ok(Loaded {
        row,
        day,
        schedule,
        changes: fitted.changes,
    })
}

impl Confab {
    /// Makes the schedule of an interview-day session for its confirmed applicants and saves it
    /// unpublished, replacing any earlier one; calendar UIDs already given out are kept.
    pub async fn generate_day_schedule(
        &self,
        session_id: i64,
        settings: DaySettings,
    ) -> Result<DayScheduleView, AppError> {
        let (day, schedule, row) = in_transaction(&self.db, async |txn| {
            let day = load_day(txn, session_id, &settings).await?;
            if day.applicants.is_empty() {
                return Err(AppError::conflict(
                    "The session has no confirmed applicants to schedule yet.",
                ));
            }
            let schedule = generate(&day.input).map_err(refuse_input)?;
            let previous = day_schedules::find(txn, session_id).await?;
            let (start_time, fixed_blocks) = settings_columns(&settings, day.input.start)?;
            let row = day_schedule::Model {
                session_id,
                rounds: settings.rounds as i32,
                round_minutes: settings.round_minutes as i32,
                passing_minutes: settings.passing_minutes as i32,
                start_time,
                fixed_blocks,
                conflicts: json(&settings.conflicts)?,
                must_meet: json(&settings.must_meet)?,
                itineraries: json(&to_stored(&schedule.itineraries))?,
                calendar_uids: previous
                    .as_ref()
                    .map_or_else(|| "{}".to_owned(), |p| p.calendar_uids.clone()),
                sequence: previous.as_ref().map_or(0, |p| p.sequence),
                published_messages: previous
                    .as_ref()
                    .map_or_else(|| "[]".to_owned(), |p| p.published_messages.clone()),
                published_at: previous.as_ref().and_then(|p| p.published_at),
                changed_since_publish: true,
                updated_at: now_ts(),
            };
            day_schedules::put(txn, row.clone()).await?;
            Ok((day, schedule, row))
        })
        .await?;
        let conflicts = check(&schedule, &day.input);
        view(&day, &schedule, &conflicts, &row, &[])
    }

    pub async fn day_schedule(&self, session_id: i64) -> Result<DayScheduleView, AppError> {
        let loaded = load(&self.db, session_id).await?;
        let conflicts = check(&loaded.schedule, &loaded.day.input);
        view(
            &loaded.day,
            &loaded.schedule,
            &conflicts,
            &loaded.row,
            &loaded.changes,
        )
    }

    /// Exchanges two assignments and saves the result even when it breaks a rule, so the
    /// researcher can make a second swap that mends it; the broken rules are returned.
    pub async fn swap_day_assignments(
        &self,
        session_id: i64,
        a: DaySlot,
        b: DaySlot,
    ) -> Result<SwapReport, AppError> {
        self.edit_day(session_id, |loaded| {
            swap(&loaded.schedule, &loaded.day.input, cell(a), cell(b))
        })
        .await
    }

    /// Puts an applicant with an interviewer (`None`: on a break) in one round, as when a
    /// gap left by a cancellation is filled from the waitlist. Saved like a swap.
    pub async fn place_day_applicant(
        &self,
        session_id: i64,
        slot: DaySlot,
        interviewer_id: Option<i64>,
    ) -> Result<SwapReport, AppError> {
        self.edit_day(session_id, |loaded| {
            place(
                &loaded.schedule,
                &loaded.day.input,
                cell(slot),
                interviewer_id,
            )
        })
        .await
    }

    async fn edit_day(
        &self,
        session_id: i64,
        edit: impl FnOnce(&Loaded) -> Result<Swapped, EditError>,
    ) -> Result<SwapReport, AppError> {
        let (loaded, edited, row, still) = in_transaction(&self.db, async |txn| {
            let loaded = load(txn, session_id).await?;
            let edited = edit(&loaded).map_err(edit_error)?;
            let stored = to_stored(&edited.schedule.itineraries);
            // Who left or joined is still news until the next publication.
            let published_to: Uids = parse(&loaded.row.calendar_uids)?;
            let still = fit(txn, &loaded.day, stored.clone(), &published_to).await?;
            let row = day_schedule::Model {
                itineraries: json(&stored)?,
                changed_since_publish: true,
                updated_at: now_ts(),
                ..loaded.row.clone()
            };
            day_schedules::put(txn, row.clone()).await?;
            Ok((loaded, edited, row, still))
        })
        .await?;
        let schedule = view(
            &loaded.day,
            &edited.schedule,
            &edited.conflicts,
            &row,
            &still.changes,
        )?;
        Ok(SwapReport {
            conflicts: schedule.conflicts.clone(),
            schedule,
        })
    }
}

fn cell(s: DaySlot) -> Cell {
    Cell {
        applicant: s.applicant_id,
        round: s.round,
    }
}
