//! Renaming a study, changing its zone or length, and archiving it.

use confab_core::StudyDraft;
use confab_store::audit::{self, NewEntry};
use confab_store::entity::study;
use confab_store::{Set, studies};

use crate::clock::now_ts;
use crate::participants::require_study;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode, NewStudy, StudySummary};

impl Confab {
    /// Changes what a study is called, its description, its time zone and its interview
    /// length. Interviews already booked keep their times.
    pub async fn update_study(
        &self,
        study_id: i64,
        input: NewStudy,
        actor: &Actor,
    ) -> Result<StudySummary, AppError> {
        self.save_study_details(study_id, None, input, actor).await
    }

    /// Saves the study's details from its settings form. `loaded` is what the form started
    /// from: a detail the form left as loaded keeps what is stored now, and one that both the
    /// form and someone else changed, to different values, is refused as changed meanwhile.
    pub async fn save_study_details(
        &self,
        study_id: i64,
        loaded: Option<NewStudy>,
        edited: NewStudy,
        actor: &Actor,
    ) -> Result<StudySummary, AppError> {
        in_transaction(&self.db, async |txn| {
            let before = require_study(txn, study_id).await?;
            let input = match loaded {
                None => edited,
                Some(loaded) => crate::three_way::merge(&loaded, &edited, &NewStudy::from(&before))
                    .map_err(|fields| details_changed_meanwhile(&before, &fields))?,
            };
            let valid = StudyDraft {
                name: input.name,
                description: input.description,
                time_zone: input.time_zone,
                interview_minutes: input.interview_minutes,
            }
            .validate()?;
            if let Some(other) = studies::find_by_name(txn, &valid.name).await?
                && other.id != study_id
            {
                return Err(crate::studies::name_taken(&valid.name));
            }
            let saved = studies::update(
                txn,
                study::ActiveModel {
                    id: Set(study_id),
                    name: Set(valid.name.clone()),
                    description: Set(valid.description.clone()),
                    time_zone: Set(valid.time_zone.name().to_owned()),
                    interview_minutes: Set(valid.interview_minutes),
                    updated_at: Set(chrono::Utc::now()),
                    ..Default::default()
                },
            )
            .await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study_id),
                    from_value: describe(&before),
                    to_value: describe(&saved),
                    ..actor.entry("study details", now_ts())
                },
            )
            .await?;
            Ok(saved.into())
        })
        .await
    }

    /// Takes a study off the studies list. Nothing is deleted: its participants, interviews
    /// and history stay in the database and in backups. Every link it sent stops acting (a
    /// reply that uses one gets a polite answer).
    pub async fn archive_study(&self, study_id: i64, actor: &Actor) -> Result<(), AppError> {
        in_transaction(&self.db, async |txn| {
            let before = require_study(txn, study_id).await?;
            if before.archived_at.is_some() {
                return Ok(());
            }
            studies::update(
                txn,
                study::ActiveModel {
                    id: Set(study_id),
                    archived_at: Set(Some(chrono::Utc::now())),
                    ..Default::default()
                },
            )
            .await?;
            confab_store::tokens::expire_for_study(txn, study_id, now_ts()).await?;
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study_id),
                    to_value: before.name,
                    ..actor.entry("study archived", now_ts())
                },
            )
            .await?;
            Ok(())
        })
        .await
    }
}

/// The refusal of a study's details that someone else changed while they were being edited.
fn details_changed_meanwhile(study: &study::Model, fields: &[String]) -> AppError {
    let names: Vec<&str> = fields
        .iter()
        .map(|f| match f.as_str() {
            "name" => "its name",
            "description" => "its description",
            "timeZone" => "its time zone",
            "interviewMinutes" => "its interview length",
            other => other,
        })
        .collect();
    AppError {
        fields: fields
            .iter()
            .map(|field| crate::FieldProblem {
                field: field.clone(),
                message: "Changed by someone else while you were editing.".into(),
            })
            .collect(),
        ..AppError::new(
            ErrorCode::ChangedMeanwhile,
            format!(
                "The study \"{}\" had {} changed while you were editing, so nothing was saved. Your values are still in the form: save again to keep them, or discard your changes to see what is saved now.",
                study.name,
                names.join(" and ")
            ),
        )
    }
}

fn describe(s: &study::Model) -> String {
    format!(
        "{} ({}, {} minutes)",
        s.name, s.time_zone, s.interview_minutes
    )
}
