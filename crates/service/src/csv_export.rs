//! Exporting a study's participants as CSV, in a form that the import reads back and that a
//! spreadsheet opens without running anything.

use std::collections::BTreeSet;

use confab_core::EnrolmentStatus;
use confab_store::participants;

use crate::clock::now_ts;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::csv_import::{FORMULA_STARTS, ImportField, Separator, guess_field};
use crate::participants::{local_minutes, require_study};
use crate::{AppError, Confab, ErrorCode};

const FIXED_HEADERS: [&str; 8] = [
    "name",
    "email",
    "time zone",
    "language",
    "phone",
    "status",
    "next interview",
    // Who runs the next interview; read back, it is left alone.
    "interviewers",
];

/// How an export is laid out: plain CSV, or as Excel opens it correctly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvLayout {
    /// A UTF-8 byte-order mark first, without which Excel reads the text as the computer's
    /// legacy encoding and spoils every accented name.
    pub byte_order_mark: bool,
    /// Excel splits cells at the locale's list separator: a semicolon where a comma is the
    /// decimal sign (Germany, France, Spain…).
    pub separator: Separator,
}

impl Default for CsvLayout {
    fn default() -> Self {
        Self {
            byte_order_mark: false,
            separator: Separator::Comma,
        }
    }
}

impl Confab {
    /// The study's participants as CSV: name, email, time zone, phone, status, next interview
    /// (in the study's time zone, `YYYY-MM-DD HH:MM`), then every custom field by name.
    pub async fn export_participants_csv(&self, study_id: i64) -> Result<String, AppError> {
        self.export_participants_csv_as(study_id, CsvLayout::default())
            .await
    }

    /// [`Confab::export_participants_csv`] laid out as `layout` says.
    pub async fn export_participants_csv_as(
        &self,
        study_id: i64,
        layout: CsvLayout,
    ) -> Result<String, AppError> {
        let study = require_study(&self.db, study_id).await?;
        let rows = participants::in_study(&self.db, study_id).await?;
        let next = participants::next_interviews(&self.db, study_id, now_ts()).await?;
        let ids: Vec<i64> = next.values().map(|row| row.id).collect();
        let mut staff = confab_store::interview_interviewers::staff_of(&self.db, &ids).await?;
        let fields: Vec<_> = rows
            .iter()
            .map(|(p, _)| participants::custom_fields(p))
            .collect();
        let keys: BTreeSet<&String> = fields.iter().flat_map(|f| f.keys()).collect();

        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .delimiter(layout.separator.byte())
            .from_writer(Vec::new());
        let mut header: Vec<String> = FIXED_HEADERS.iter().map(|h| (*h).to_owned()).collect();
        header.extend(keys.iter().map(|k| custom_header(k)));
        write(&mut out, header.iter().map(String::as_str))?;

        for ((p, enrolment), custom) in rows.iter().zip(&fields) {
            let status = enrolment
                .status
                .parse::<EnrolmentStatus>()
                .map(|s| s.label().to_owned())
                .unwrap_or_else(|_| enrolment.status.clone());
            let next_interview = next
                .get(&p.id)
                .map(|row| local_minutes(row.starts_at, &study.time_zone))
                .unwrap_or_default();
            let interviewers: Vec<String> = next
                .get(&p.id)
                .and_then(|row| staff.remove(&row.id))
                .unwrap_or_default()
                .into_iter()
                .map(|person| person.name)
                .collect();
            let interviewers = interviewers.join("; ");
            let mut cells = vec![
                p.name.as_str(),
                p.email.as_str(),
                p.time_zone.as_deref().unwrap_or_default(),
                p.language.as_deref().unwrap_or_default(),
                p.phone.as_str(),
                status.as_str(),
                next_interview.as_str(),
                interviewers.as_str(),
            ];
            cells.extend(
                keys.iter()
                    .map(|k| custom.get(*k).map(String::as_str).unwrap_or_default()),
            );
            write(&mut out, cells.into_iter())?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        Ok(if layout.byte_order_mark {
            format!("\u{FEFF}{text}")
        } else {
            text
        })
    }
}

/// A custom field's column: its own name, unless the import would read that name as one of
/// the fixed fields (a custom field called "Phone"), then `custom:<name>`.
fn custom_header(key: &str) -> String {
    if guess_field(key) == ImportField::Custom(key.to_owned()) {
        key.to_owned()
    } else {
        format!("custom:{key}")
    }
}

fn write<'a>(
    out: &mut csv::Writer<Vec<u8>>,
    cells: impl Iterator<Item = &'a str>,
) -> Result<(), AppError> {
    out.write_record(cells.map(guard))
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))
}

/// A cell a spreadsheet would run as a formula gets a leading `'`, which makes it text.
pub(crate) fn guard(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_is_left_alone() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+49 30 1234"), "'+49 30 1234");
        assert_eq!(guard("-1"), "'-1");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("Ada"), "Ada");
        assert_eq!(guard("a=b"), "a=b");
    }

    #[test]
    fn custom_fields_named_like_fixed_columns_are_marked() {
        assert_eq!(custom_header("Cohort"), "Cohort");
        assert_eq!(custom_header("Phone"), "custom:Phone");
        assert_eq!(custom_header("status"), "custom:status");
    }
}
