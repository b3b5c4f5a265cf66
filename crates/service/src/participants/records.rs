//! The writes and lookups that the participant use cases share with the CSV import: each
//! change goes with its audit entry, on the caller's connection or transaction.

use chrono::SecondsFormat;
use chrono_tz::Tz;
use confab_core::{EnrolmentStatus, ValidParticipant};
use confab_store::audit::{self, NewEntry};
use confab_store::entity::participant;
use confab_store::is_unique_violation;
use confab_store::{ConnectionTrait, enrolments, participants, studies};

use super::ParticipantSummary;
use crate::clock::{from_ts, now_ts};
use crate::statuses::stored_status;
use crate::{Actor, AppError, ErrorCode};

pub(crate) fn summary(
    row: participant::Model,
    status: Option<EnrolmentStatus>,
    next_interview: Option<i64>,
) -> ParticipantSummary {
    ParticipantSummary {
        custom_fields: participants::custom_fields(&row),
        id: row.id,
        name: row.name,
        email: row.email,
        time_zone: row.time_zone,
        language: row.language,
        phone: row.phone,
        notes: row.notes,
        status,
        next_interview_at: next_interview.map(rfc3339),
        created_at: from_ts(row.created_at),
        updated_at: from_ts(row.updated_at),
    }
}

pub(crate) fn rfc3339(ts: i64) -> String {
    from_ts(ts).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `YYYY-MM-DD HH:MM` in the named zone (UTC if the name is not one).
pub(crate) fn local_minutes(ts: i64, zone: &str) -> String {
    let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
    from_ts(ts)
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub(crate) async fn require_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<confab_store::entity::study::Model, AppError> {
    studies::find(db, study_id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no study {study_id}.")))
}

/// An enrolment with its participant and study, as an answer to an invitation names them.
pub(crate) async fn require_enrolment_with_people(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
) -> Result<
    (
        confab_store::entity::enrolment::Model,
        participant::Model,
        confab_store::entity::study::Model,
    ),
    AppError,
> {
    enrolments::find_with_people(db, enrolment_id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no enrolment {enrolment_id}.")))
}

pub(crate) async fn require_participant(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<participant::Model, AppError> {
    participants::find(db, id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no participant {id}.")))
}

pub(super) fn email_taken(existing: &participant::Model) -> AppError {
    AppError::about_field(
        ErrorCode::Conflict,
        "email",
        format!(
            "{} (#{}) already has the email address {}. Edit that participant instead, or use another address.",
            existing.name, existing.id, existing.email
        ),
    )
}

/// Inserts a participant and notes it in the audit log. `reason` says where it came from.
pub(crate) async fn insert_participant(
    db: &impl ConnectionTrait,
    valid: &ValidParticipant,
    now: i64,
    actor: &Actor,
    reason: Option<&str>,
) -> Result<participant::Model, AppError> {
    let row = match participants::insert(db, valid, now).await {
        Ok(row) => row,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(format!(
                "Another participant already has the email address {}. Edit that participant instead, or use another address.",
                valid.email
            )));
        }
        Err(e) => return Err(e.into()),
    };
    audit::record(
        db,
        NewEntry {
            participant_id: Some(row.id),
            to_value: format!("{} <{}>", row.name, row.email),
            reason: reason.unwrap_or_default().to_owned(),
            ..actor.entry("participant created", now)
        },
    )
    .await?;
    Ok(row)
}

/// Enrols with the status Added and notes it; returns the status key.
pub(crate) async fn enrol_in(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
    now: i64,
    actor: &Actor,
    reason: &str,
) -> Result<EnrolmentStatus, AppError> {
    let row = enrolments::insert(db, study_id, participant_id, now).await?;
    audit::record(
        db,
        NewEntry {
            study_id: Some(study_id),
            participant_id: Some(participant_id),
            to_value: row.status.clone(),
            reason: reason.to_owned(),
            ..actor.entry("enrolled", now)
        },
    )
    .await?;
    stored_status(&row.status)
}

/// Writes `valid` over `row` if anything differs, with one audit entry per changed field.
pub(crate) async fn save_changes(
    db: &impl ConnectionTrait,
    row: &participant::Model,
    valid: &ValidParticipant,
    actor: &Actor,
    reason: &str,
) -> Result<participant::Model, AppError> {
    let changes = changed_fields(row, valid);
    if changes.is_empty() {
        return Ok(row.clone());
    }
    let now = now_ts();
    let updated = match participants::update(db, row.id, valid, now).await {
        Ok(updated) => updated,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(format!(
                "Another participant already has the email address {}.",
                valid.email
            )));
        }
        Err(e) => return Err(e.into()),
    };
    for (field, from_value, to_value) in changes {
        audit::record(
            db,
            NewEntry {
                participant_id: Some(row.id),
                from_value,
                to_value,
                reason: reason.to_owned(),
                ..actor.entry(format!("participant changed: {field}"), now)
            },
        )
        .await?;
    }
    Ok(updated)
}

fn changed_fields(
    row: &participant::Model,
    valid: &ValidParticipant,
) -> Vec<(String, String, String)> {
    let mut changes = Vec::new();
    let mut compare = |field: &str, old: &str, new: &str| {
        if old != new {
            changes.push((field.to_owned(), old.to_owned(), new.to_owned()));
        }
    };
    compare("name", &row.name, &valid.name);
    compare("email", &row.email, &valid.email);
    compare(
        "time zone",
        row.time_zone.as_deref().unwrap_or_default(),
        valid.time_zone.map(|tz| tz.name()).unwrap_or_default(),
    );
    compare(
        "language",
        row.language.as_deref().unwrap_or_default(),
        &valid
            .language
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    compare("phone", &row.phone, &valid.phone);
    compare("notes", &row.notes, &valid.notes);
    let old_fields = participants::custom_fields(row);
    let keys: std::collections::BTreeSet<&String> = old_fields
        .keys()
        .chain(valid.custom_fields.keys())
        .collect();
    for key in keys {
        compare(
            &format!("field {key}"),
            old_fields.get(key).map(String::as_str).unwrap_or_default(),
            valid
                .custom_fields
                .get(key)
                .map(String::as_str)
                .unwrap_or_default(),
        );
    }
    changes
}
