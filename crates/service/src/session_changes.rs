//! Moving, resizing and removing sessions, as the availability calendar does by dragging.

use confab_core::time_zone::parse_time_zone;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::session;
use confab_store::{Set, sessions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_ts;
use crate::participants::require_study;
use crate::sessions::{check_interviewers, check_session, require_session, view};
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode, SessionPattern, SessionView};

/// A session's new title, times, capacity and interviewers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionChange {
    pub title: String,
    pub pattern: SessionPattern,
    pub capacity: i32,
    #[ts(type = "Array<number>")]
    pub interviewer_ids: Vec<i64>,
}

impl Confab {
    /// Changes a session. Interviews already booked keep their times: a session moved away
    /// from them still shows them, and they can be rescheduled on their own.
    pub async fn update_session(
        &self,
        session_id: i64,
        change: SessionChange,
        actor: &Actor,
    ) -> Result<SessionView, AppError> {
        in_transaction(&self.db, async |txn| {
            let before = require_session(txn, session_id).await?;
            let study = require_study(txn, before.study_id).await?;
            let tz = parse_time_zone(&study.time_zone)
                .map_err(|m| AppError::new(ErrorCode::Storage, m))?;
            let mut row = session::ActiveModel {
                id: Set(session_id),
                title: Set(change.title.trim().to_owned()),
                capacity: Set(change.capacity),
                // A pattern of another kind leaves no columns of the old one behind.
                starts_at: Set(None),
                ends_at: Set(None),
                weekday: Set(None),
                start_time: Set(None),
                end_time: Set(None),
                valid_from: Set(None),
                valid_until: Set(None),
                ..Default::default()
            };
            check_session(&change.pattern, change.capacity, tz, &mut row)?;
            check_interviewers(txn, study.id, &change.interviewer_ids).await?;
            let saved = sessions::update(txn, row).await?;
            sessions::set_interviewers(txn, session_id, &change.interviewer_ids).await?;
            let exceptions = sessions::exceptions_for_sessions(txn, &[session_id]).await?;
            let after = view(saved, change.interviewer_ids, exceptions);
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study.id),
                    from_value: format!("{} {}", before.kind, before.title),
                    to_value: format!("{} {}", after.title, describe(&after.pattern)),
                    ..actor.entry("session changed", now_ts())
                },
            )
            .await?;
            Ok(after)
        })
        .await
    }

    /// Deletes a session nobody has booked or chosen; one that has been is hidden instead, so
    /// its interviews keep their place in the history.
    pub async fn delete_session(&self, session_id: i64, actor: &Actor) -> Result<(), AppError> {
        in_transaction(&self.db, async |txn| {
            let row = require_session(txn, session_id).await?;
            if sessions::is_referenced(txn, session_id).await? {
                return Err(AppError::conflict(format!(
                    "\"{}\" has interviews or held choices, so it stays in their history. Hide it instead: hidden sessions are never offered.",
                    row.title
                )));
            }
            sessions::delete(txn, session_id).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(row.study_id),
                    from_value: format!("{} {}", row.kind, row.title),
                    ..actor.entry("session deleted", now_ts())
                },
            )
            .await?;
            Ok(())
        })
        .await
    }
}

fn describe(pattern: &SessionPattern) -> String {
    match pattern {
        SessionPattern::Window { start, end } | SessionPattern::Day { start, end } => {
            format!("{start} – {end}")
        }
        SessionPattern::Weekly {
            weekday,
            start_time,
            end_time,
            ..
        } => format!("weekday {weekday} {start_time}–{end_time}"),
    }
}
