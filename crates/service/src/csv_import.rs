//! Importing participants from a CSV file into a study: a preview, then the import itself, each
//! with a report on every line. The import is one transaction: all of it or none of it is
//! written, whatever happens half-way.

mod columns;
mod field;
mod plan;
mod read;
mod summary;
mod workbook;

use std::collections::BTreeMap;

use confab_store::audit::{self, NewEntry};
use confab_store::{ConnectionTrait, enrolments, participants};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use columns::guess_field;
use plan::{Plan, plan};
pub(crate) use read::FORMULA_STARTS;
use summary::{
    done_message, lines_with_problems, plural, preview_message, report, totals, valid_rows,
};

use crate::clock::now_ts;
use crate::participants::{require_study, save_changes};
use crate::transaction::in_transaction;
use crate::{Actor, AppError, Confab};

/// Where one column of the file goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "key", rename_all = "camelCase")]
pub enum ImportField {
    Name,
    /// Put before the last name, with a space, to make the name.
    FirstName,
    LastName,
    Email,
    TimeZone,
    /// The language of the participant's messages (`de`, `pt-BR`, `Deutsch`).
    Language,
    Phone,
    Notes,
    /// A custom field with this name.
    Custom(String),
    Ignore,
}

/// The file's headers (in any case) and where their columns go. Headers not named here are
/// guessed from their names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub columns: BTreeMap<String, ImportField>,
    /// The encoding to read the file in, as the WHATWG names it ("windows-1252"); found from
    /// the bytes when not given.
    #[serde(default)]
    #[ts(optional)]
    pub encoding: Option<String>,
    /// What separates the cells; found from the header line when not given.
    #[serde(default)]
    #[ts(optional)]
    pub separator: Option<Separator>,
}

/// What separates the cells of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Separator {
    Comma,
    /// Spreadsheets in many European locales.
    Semicolon,
    Tab,
}

impl Separator {
    pub(crate) fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }

    pub(crate) fn of(byte: u8) -> Self {
        match byte {
            b';' => Separator::Semicolon,
            b'\t' => Separator::Tab,
            _ => Separator::Comma,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportMode {
    /// If any line has a problem, import nothing.
    AllOrNothing,
    /// Import the good lines and leave out those with problems.
    ValidRowsOnly,
}

/// A column of the file and where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    pub header: String,
    pub field: ImportField,
}

/// What became, or would become, of one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RowOutcome {
    /// A new participant, enrolled in the study.
    New,
    /// Someone already in Confab with this email: enrolled in the study if they were not yet,
    /// and their empty fields filled in from the file.
    #[serde(rename_all = "camelCase")]
    Existing {
        #[ts(type = "number")]
        participant_id: i64,
        newly_enrolled: bool,
        filled_fields: Vec<String>,
    },
    /// The same email as an earlier line; left out.
    #[serde(rename_all = "camelCase")]
    Duplicate {
        #[ts(type = "number")]
        first_line: u64,
    },
    /// The line cannot be imported; the message says what to fix.
    Error { message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// The line the row starts on, counting the header as line 1.
    #[ts(type = "number")]
    pub line: u64,
    pub name: String,
    pub email: String,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportTotals {
    pub rows: u32,
    pub new_participants: u32,
    pub existing_participants: u32,
    /// New and existing participants enrolled in the study by this import.
    pub newly_enrolled: u32,
    pub duplicates: u32,
    pub errors: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    #[ts(type = "number")]
    pub study_id: i64,
    /// Whether anything was written: false for a preview and for a refused import.
    pub imported: bool,
    pub columns: Vec<ImportColumn>,
    pub rows: Vec<ImportRow>,
    pub totals: ImportTotals,
    /// One sentence on the outcome, and what to do next if nothing was imported.
    pub message: String,
    /// The character encoding the file was read in, as the WHATWG names it ("UTF-8",
    /// "windows-1252", "UTF-16LE"…), or "xlsx" for an Excel workbook.
    pub encoding: String,
    /// What separated the cells.
    pub separator: Separator,
}

/// Reads a participant file as the preview and the import do, as far as they go without the
/// database: the columns found and how many lines, or why the whole file is refused. For the
/// fuzz targets, which feed it whatever bytes they make.
#[doc(hidden)]
pub fn read_participant_file(csv: &[u8]) -> Result<(Vec<ImportColumn>, usize), AppError> {
    let file = read::read_file(csv, None)?;
    Ok((file.columns, file.rows.len()))
}

impl Confab {
    /// What `import_csv` would do with this file, without writing anything.
    pub async fn preview_csv_import(
        &self,
        study_id: i64,
        csv: &[u8],
        mapping: Option<&ColumnMapping>,
    ) -> Result<ImportReport, AppError> {
        require_study(&self.db, study_id).await?;
        let file = read::read_file(csv, mapping)?;
        let planned = plan(&self.db, study_id, file.rows).await?;
        let totals = totals(&planned);
        let message = preview_message(&totals, &planned);
        Ok(report(
            study_id,
            false,
            (file.columns, file.encoding, file.separator),
            &planned,
            totals,
            message,
        ))
    }

    /// Imports the file into the study in one transaction. With `AllOrNothing`, a file with
    /// any bad line imports nothing; with `ValidRowsOnly`, the good lines are imported.
    pub async fn import_csv(
        &self,
        study_id: i64,
        csv: &[u8],
        mapping: Option<&ColumnMapping>,
        mode: ImportMode,
        actor: &Actor,
    ) -> Result<ImportReport, AppError> {
        let file = read::read_file(csv, mapping)?;
        in_transaction(&self.db, async |txn| {
            require_study(txn, study_id).await?;
            let planned = plan(txn, study_id, file.rows).await?;
            let totals = totals(&planned);
            // Nothing is written when the file must come in whole and cannot, or when no line
            // of it can.
            let refusal = if totals.errors > 0 && mode == ImportMode::AllOrNothing {
                Some(format!(
                    "Nothing was imported: {}. Fix {} and import the file again, or import only the {} valid {}.",
                    lines_with_problems(&planned),
                    if totals.errors == 1 { "it" } else { "them" },
                    valid_rows(&totals),
                    plural(valid_rows(&totals), "row", "rows"),
                ))
            } else if valid_rows(&totals) == 0 {
                Some(format!(
                    "Nothing was imported: {}, and no line could be imported.",
                    lines_with_problems(&planned)
                ))
            } else {
                None
            };
            let layout = (file.columns, file.encoding, file.separator);
            if let Some(message) = refusal {
                return Ok(report(study_id, false, layout, &planned, totals, message));
            }
            write_planned(txn, study_id, &planned, actor).await?;
            let message = done_message(&totals, &planned);
            audit::record(
                txn,
                NewEntry {
                    study_id: Some(study_id),
                    to_value: message.clone(),
                    reason: "CSV import".into(),
                    ..actor.entry("participants imported", now_ts())
                },
            )
            .await?;
            Ok(report(study_id, true, layout, &planned, totals, message))
        })
        .await
    }
}

/// Writes what the plan says in a few multi-row statements: the new participants, then every
/// enrolment, then their audit lines, as creating and enrolling each one would.
async fn write_planned(
    db: &impl ConnectionTrait,
    study_id: i64,
    planned: &[plan::PlannedRow],
    actor: &Actor,
) -> Result<(), AppError> {
    let now = now_ts();
    let reason = |line: u64| format!("CSV import, line {line}");
    let entry = |line: u64, participant_id: i64, action: &str, to_value: String| NewEntry {
        participant_id: Some(participant_id),
        to_value,
        reason: reason(line),
        ..actor.entry(action, now)
    };
    let new: Vec<_> = planned
        .iter()
        .filter_map(|row| match &row.plan {
            Plan::Create(valid) => Some((row.line, valid)),
            _ => None,
        })
        .collect();
    let people: Vec<_> = new.iter().map(|(_, valid)| *valid).collect();
    let ids = participants::insert_many(db, &people, now).await?;
    let mut entries = Vec::with_capacity(planned.len() * 2);
    let mut to_enrol = Vec::with_capacity(planned.len());
    for (line, valid) in &new {
        let id = *ids.get(&valid.email).ok_or_else(|| {
            AppError::new(
                crate::ErrorCode::Internal,
                format!("line {line} was not written; nothing was imported"),
            )
        })?;
        entries.push(entry(
            *line,
            id,
            "participant created",
            format!("{} <{}>", valid.name, valid.email),
        ));
        to_enrol.push((*line, id));
    }
    for row in planned {
        if let Plan::Existing {
            row: existing,
            enrol,
            merged,
            ..
        } = &row.plan
        {
            if let Some(merged) = merged {
                save_changes(db, existing, merged, actor, &reason(row.line)).await?;
            }
            if *enrol {
                to_enrol.push((row.line, existing.id));
            }
        }
    }
    let enrolled: Vec<i64> = to_enrol.iter().map(|(_, id)| *id).collect();
    enrolments::insert_many(db, study_id, &enrolled, now).await?;
    let added = confab_core::EnrolmentStatus::Added.key();
    for (line, id) in to_enrol {
        let mut enrolled = entry(line, id, "enrolled", added.to_owned());
        enrolled.study_id = Some(study_id);
        entries.push(enrolled);
    }
    audit::record_all(db, entries).await?;
    Ok(())
}
