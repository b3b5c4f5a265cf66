//! Deciding, line by line and against the database, what an import does.

use std::collections::HashMap;

use confab_core::ValidParticipant;
use confab_store::entity::participant;
use confab_store::{ConnectionTrait, enrolments, participants};

use super::read::ReadRow;
use crate::AppError;

/// What to do with one line, decided against the database.
pub(super) enum Plan {
    Create(ValidParticipant),
    Existing {
        row: Box<participant::Model>,
        enrol: bool,
        merged: Option<ValidParticipant>,
        filled: Vec<String>,
    },
    Duplicate(u64),
    Error(String),
}

pub(super) struct PlannedRow {
    pub(super) line: u64,
    pub(super) name: String,
    pub(super) email: String,
    pub(super) plan: Plan,
}

pub(super) async fn plan(
    db: &impl ConnectionTrait,
    study_id: i64,
    rows: Vec<ReadRow>,
) -> Result<Vec<PlannedRow>, AppError> {
    // Everyone the file names, and who of them is in the study, read once rather than per line.
    let emails: Vec<&str> = rows
        .iter()
        .filter_map(|row| row.result.as_ref().ok().map(|v| v.email.as_str()))
        .collect();
    let mut existing = participants::find_by_emails(db, &emails).await?;
    let enrolled = enrolments::participant_ids(db, study_id).await?;
    let mut first_line: HashMap<String, u64> = HashMap::new();
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let plan = match row.result {
            Err(message) => Plan::Error(message),
            Ok(valid) => {
                let key = valid.email.trim().to_lowercase();
                if let Some(first) = first_line.get(&key) {
                    Plan::Duplicate(*first)
                } else {
                    first_line.insert(key.clone(), row.line);
                    match existing.remove(&key) {
                        None => Plan::Create(valid),
                        Some(existing) => {
                            let enrol = !enrolled.contains(&existing.id);
                            let (merged, filled) = fill_empty(&existing, valid);
                            Plan::Existing {
                                row: Box::new(existing),
                                enrol,
                                merged: (!filled.is_empty()).then_some(merged),
                                filled,
                            }
                        }
                    }
                }
            }
        };
        planned.push(PlannedRow {
            line: row.line,
            name: row.name,
            email: row.email,
            plan,
        });
    }
    Ok(planned)
}

/// The existing participant with their empty fields taken from the file; what they had is
/// kept. Returns the merged participant and the names of the fields filled in.
fn fill_empty(
    existing: &participant::Model,
    file: ValidParticipant,
) -> (ValidParticipant, Vec<String>) {
    let mut filled = Vec::new();
    let time_zone = existing.time_zone.as_deref().and_then(|tz| tz.parse().ok());
    let mut merged = ValidParticipant {
        name: existing.name.clone(),
        email: existing.email.clone(),
        time_zone,
        phone: existing.phone.clone(),
        notes: existing.notes.clone(),
        custom_fields: participants::custom_fields(existing),
        language: existing.language.as_deref().and_then(|l| l.parse().ok()),
    };
    if merged.time_zone.is_none() && file.time_zone.is_some() {
        merged.time_zone = file.time_zone;
        filled.push("time zone".to_owned());
    }
    if merged.language.is_none() && file.language.is_some() {
        merged.language = file.language;
        filled.push("language".to_owned());
    }
    if merged.phone.is_empty() && !file.phone.is_empty() {
        merged.phone = file.phone;
        filled.push("phone".to_owned());
    }
    if merged.notes.is_empty() && !file.notes.is_empty() {
        merged.notes = file.notes;
        filled.push("notes".to_owned());
    }
    for (key, value) in file.custom_fields {
        // "cohort" in the file is the "Cohort" they already have.
        let key = merged
            .custom_fields
            .keys()
            .find(|k| k.to_lowercase() == key.to_lowercase())
            .cloned()
            .unwrap_or(key);
        let slot = merged.custom_fields.entry(key.clone()).or_default();
        if slot.is_empty() {
            *slot = value;
            filled.push(key);
        }
    }
    (merged, filled)
}
