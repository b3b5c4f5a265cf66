//! A participant list saved as an Excel workbook (.xlsx): its first sheet, read as the lines of
//! a CSV file, so that everything after (columns, checks, line numbers) is the same.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};

use crate::AppError;

/// Whether the bytes are a ZIP archive, as every .xlsx file is.
pub(super) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The first sheet as comma-separated text, one line per row (row 1 is the header).
pub(super) fn first_sheet_as_csv(bytes: &[u8]) -> Result<String, AppError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        AppError::invalid(format!(
            "The file looks like an Excel workbook but could not be read ({e}). Open it in your spreadsheet program and save it again as .xlsx or as \"CSV UTF-8\"."
        ))
    };
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| AppError::invalid("The workbook has no sheets."))?
        .map_err(|e| unreadable(&e))?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in range.rows() {
        out.write_record(row.iter().map(cell_text))
            .map_err(|e| unreadable(&e))?;
    }
    let bytes = out.into_inner().map_err(|e| unreadable(&e))?;
    String::from_utf8(bytes).map_err(|e| unreadable(&e))
}

/// A cell as the researcher sees it in the sheet: whole numbers without ".0" (a phone number
/// stored as a number), dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::DateTime(d) => cell
            .as_datetime()
            .map(|t| {
                if t.time() == chrono::NaiveTime::MIN {
                    t.date().to_string()
                } else {
                    t.format("%Y-%m-%d %H:%M").to_string()
                }
            })
            .unwrap_or_else(|| d.to_string()),
        other => other.to_string(),
    }
}
