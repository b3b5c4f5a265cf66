//! Creating and listing a study's sessions, showing or hiding one, and a weekly session's
//! date exceptions.

use confab_core::FieldErrors;
use confab_core::time_zone::parse_time_zone;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::session;
use confab_store::{Set, sessions};

use super::pattern::{check_session, parse_date, parse_time};
use super::{
    NewSession, SessionExceptionView, SessionView, check_interviewers, require_session, view,
};
use crate::clock::now_ts;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

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
