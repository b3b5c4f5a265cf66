//! Participants: create, edit, remove, show and enrol them. Search is in
//! `participant_search.rs`, CSV in `csv_import.rs` and `csv_export.rs`.

pub(crate) mod records;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use confab_core::participant::custom_field_key;
use confab_core::{EnrolmentStatus, ParticipantDraft};
use confab_store::audit::{self, NewEntry};
use confab_store::{enrolments, participants, studies};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use records::{email_taken, require_participant, rfc3339};
pub(crate) use records::{
    enrol_in, insert_participant, local_minutes, require_study, save_changes, summary,
};

use crate::clock::{from_ts, now_ts};
use crate::statuses::stored_status;
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab, ErrorCode};

/// What the researcher fills in to add a participant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewParticipant {
    pub name: String,
    pub email: String,
    /// An IANA name such as Europe/Berlin; blank or missing if not known.
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub custom_fields: BTreeMap<String, String>,
    /// The language of their messages (`de-AT`, `Deutsch`); blank or missing for the study's.
    #[serde(default)]
    pub language: Option<String>,
    /// Enrol the new participant in this study at once.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub study_id: Option<i64>,
}

/// A change to a participant: only the fields given change. A blank time zone, phone or notes
/// clears it; a custom field with a blank value is removed, any other is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantUpdate {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub custom_fields: BTreeMap<String, String>,
    /// Blank: the study's language.
    #[serde(default)]
    pub language: Option<String>,
    /// The participant's `updatedAt` as the form loaded it. When set, a change saved by
    /// someone else since then is not overwritten: the edit is refused as changed meanwhile.
    #[serde(default)]
    pub expected_updated_at: Option<DateTime<Utc>>,
}

/// A participant as lists show them. `status` and `nextInterviewAt` are about the study the
/// list was asked for, and null without one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub email: String,
    pub time_zone: Option<String>,
    pub phone: String,
    pub notes: String,
    pub custom_fields: BTreeMap<String, String>,
    /// The language of their messages (`de-AT`); null for the study's.
    pub language: Option<String>,
    pub status: Option<EnrolmentStatus>,
    /// The start of the next scheduled interview, RFC 3339 in UTC.
    pub next_interview_at: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One study a participant is enrolled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantEnrolment {
    #[ts(type = "number")]
    pub study_id: i64,
    pub study_name: String,
    pub status: EnrolmentStatus,
    pub next_interview_at: Option<String>,
}

/// A participant with every study they are enrolled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantDetail {
    #[serde(flatten)]
    pub participant: ParticipantSummary,
    pub enrolments: Vec<ParticipantEnrolment>,
}

impl Confab {
    /// Adds a participant, and enrols them in `input.study_id` if given, in one transaction.
    pub async fn create_participant(
        &self,
        input: NewParticipant,
        actor: &Actor,
    ) -> Result<ParticipantSummary, AppError> {
        let valid = ParticipantDraft {
            name: input.name,
            email: input.email,
            time_zone: input.time_zone.unwrap_or_default(),
            phone: input.phone,
            notes: input.notes,
            custom_fields: input.custom_fields,
            language: input.language.unwrap_or_default(),
        }
        .validate()?;
        in_transaction(&self.db, async |txn| {
            if let Some(existing) = participants::find_by_email(txn, &valid.email).await? {
                return Err(email_taken(&existing));
            }
            if let Some(study_id) = input.study_id {
                require_study(txn, study_id).await?;
            }
            let now = now_ts();
            let row = insert_participant(txn, &valid, now, actor, None).await?;
            let status = match input.study_id {
                Some(study_id) => Some(enrol_in(txn, study_id, row.id, now, actor, "").await?),
                None => None,
            };
            Ok(summary(row, status, None))
        })
        .await
    }

    /// Changes the fields given in `change`; every changed field is kept in the audit log.
    pub async fn update_participant(
        &self,
        id: i64,
        change: ParticipantUpdate,
        actor: &Actor,
    ) -> Result<ParticipantSummary, AppError> {
        in_transaction(&self.db, async |txn| {
            let row = require_participant(txn, id).await?;
            if let Some(expected) = change.expected_updated_at
                && from_ts(row.updated_at) != expected
            {
                return Err(changed_meanwhile(txn, &row).await?);
            }
            let mut custom_fields = participants::custom_fields(&row);
            for (key, value) in change.custom_fields {
                let key = custom_field_key(&key).map_err(AppError::invalid)?;
                if value.trim().is_empty() {
                    custom_fields.remove(&key);
                } else {
                    custom_fields.insert(key, value);
                }
            }
            let valid = ParticipantDraft {
                name: change.name.unwrap_or_else(|| row.name.clone()),
                email: change.email.unwrap_or_else(|| row.email.clone()),
                time_zone: change
                    .time_zone
                    .unwrap_or_else(|| row.time_zone.clone().unwrap_or_default()),
                phone: change.phone.unwrap_or_else(|| row.phone.clone()),
                notes: change.notes.unwrap_or_else(|| row.notes.clone()),
                custom_fields,
                language: change
                    .language
                    .unwrap_or_else(|| row.language.clone().unwrap_or_default()),
            }
            .validate()?;
            if let Some(other) = participants::find_by_email(txn, &valid.email).await?
                && other.id != id
            {
                return Err(email_taken(&other));
            }
            let updated = save_changes(txn, &row, &valid, actor, "").await?;
            Ok(summary(updated, None, None))
        })
        .await
    }

    /// Removes a participant and their enrolments. Refused while they have a scheduled
    /// interview, which must be canceled first so that they are told.
    pub async fn remove_participant(&self, id: i64, actor: &Actor) -> Result<(), AppError> {
        in_transaction(&self.db, async |txn| {
            let row = require_participant(txn, id).await?;
            if let Some(interview) = participants::scheduled_interviews(txn, id)
                .await?
                .into_iter()
                .next()
            {
                let study = studies::find(txn, interview.study_id).await?;
                let (study_name, zone) = study.map(|s| (s.name, s.time_zone)).unwrap_or_default();
                return Err(AppError::conflict(format!(
                    "{} has an interview scheduled on {} ({zone}) in \"{study_name}\". Cancel that interview first, so that they are told, then remove them.",
                    row.name,
                    local_minutes(interview.starts_at, &zone)
                )));
            }
            let now = now_ts();
            let enrolled = participants::enrolments_of(txn, id).await?;
            let who = format!("{} <{}> (#{})", row.name, row.email, row.id);
            // The audit log keeps the removal after the row is gone, so it names the person.
            let study_ids: Vec<Option<i64>> = if enrolled.is_empty() {
                vec![None]
            } else {
                enrolled.iter().map(|e| Some(e.study_id)).collect()
            };
            for study_id in study_ids {
                audit::record(
                    txn,
                    NewEntry {
                        study_id,
                        from_value: who.clone(),
                        ..actor.entry("participant removed", now)
                    },
                )
                .await?;
            }
            participants::delete(txn, id).await?;
            Ok(())
        })
        .await
    }

    /// A participant and every study they are enrolled in.
    pub async fn get_participant(&self, id: i64) -> Result<ParticipantDetail, AppError> {
        let row = require_participant(&self.db, id).await?;
        let now = now_ts();
        let mut enrolled = Vec::new();
        for e in participants::enrolments_of(&self.db, id).await? {
            let study_name = studies::find(&self.db, e.study_id)
                .await?
                .map(|s| s.name)
                .unwrap_or_default();
            let next = participants::next_interview_starts(&self.db, e.study_id, now)
                .await?
                .get(&id)
                .copied();
            enrolled.push(ParticipantEnrolment {
                study_id: e.study_id,
                study_name,
                status: stored_status(&e.status)?,
                next_interview_at: next.map(rfc3339),
            });
        }
        Ok(ParticipantDetail {
            participant: summary(row, None, None),
            enrolments: enrolled,
        })
    }

    /// Enrols a participant in a study with the status Added.
    pub async fn enrol(
        &self,
        study_id: i64,
        participant_id: i64,
        actor: &Actor,
    ) -> Result<ParticipantSummary, AppError> {
        in_transaction(&self.db, async |txn| {
            let study = require_study(txn, study_id).await?;
            let row = require_participant(txn, participant_id).await?;
            if let Some(existing) = enrolments::find(txn, study_id, participant_id).await? {
                let status = existing
                    .status
                    .parse::<EnrolmentStatus>()
                    .map(|s| s.label().to_owned())
                    .unwrap_or(existing.status);
                return Err(AppError::conflict(format!(
                    "{} is already enrolled in \"{}\" (status: {status}).",
                    row.name, study.name
                )));
            }
            let status = enrol_in(txn, study_id, participant_id, now_ts(), actor, "").await?;
            Ok(summary(row, Some(status), None))
        })
        .await
    }
}

/// The refusal of an edit begun before someone else's change was saved, naming who saved it
/// and when (as the history has it).
async fn changed_meanwhile(
    db: &impl confab_store::ConnectionTrait,
    row: &confab_store::entity::participant::Model,
) -> Result<AppError, AppError> {
    let history = confab_store::audit::for_participant(db, row.id, None).await?;
    let by = history
        .iter()
        .rev()
        .find(|e| !e.actor.is_empty())
        .map(|e| format!(" by {}", e.actor))
        .unwrap_or_default();
    Ok(AppError::new(
        ErrorCode::ChangedMeanwhile,
        format!(
            "{}'s details were changed{by} at {} UTC while you were editing them, so your changes were not saved. The form now shows them as they are: make your changes again.",
            row.name,
            from_ts(row.updated_at).format("%Y-%m-%d %H:%M:%S")
        ),
    ))
}
