//! Reading a participant file: its bytes into text, its header into a column plan, its lines
//! into checked participants. No database here.

use std::borrow::Cow;
use std::collections::BTreeMap;

use encoding_rs::{Encoding, UTF_8};

use confab_core::{ParticipantDraft, ValidParticipant};

use super::columns::plan_columns;
use super::workbook;
use super::{ColumnMapping, ImportColumn, ImportField, Separator};
use crate::AppError;

/// One line of the file below the header, checked.
#[derive(Debug)]
pub(crate) struct ReadRow {
    /// The line it starts on, counting the header as line 1.
    pub line: u64,
    pub name: String,
    pub email: String,
    pub result: Result<ValidParticipant, String>,
}

#[derive(Debug)]
pub(crate) struct ReadFile {
    pub columns: Vec<ImportColumn>,
    pub rows: Vec<ReadRow>,
    /// The encoding the bytes were read in.
    pub encoding: &'static str,
    pub separator: Separator,
}

/// Reads the whole file, refusing what cannot be a participant list at all (not text, empty,
/// no email column); problems on single lines are left in the rows.
pub(crate) fn read_file(
    bytes: &[u8],
    mapping: Option<&ColumnMapping>,
) -> Result<ReadFile, AppError> {
    let (decoded, encoding) = if workbook::is_workbook(bytes) {
        // A workbook's cells are Unicode already; the report names the file's kind.
        (Cow::Owned(workbook::first_sheet_as_csv(bytes)?), "xlsx")
    } else {
        let (text, encoding) = match mapping.and_then(|m| m.encoding.as_deref()) {
            Some(label) => decode_as(bytes, label)?,
            None => decode(bytes)?,
        };
        (text, encoding.name())
    };
    let text: &str = &decoded;
    if text.trim().is_empty() {
        return Err(AppError::invalid(
            "The file is empty. It needs a header line such as name,email and then one line per participant.",
        ));
    }
    let delimiter = mapping
        .and_then(|m| m.separator)
        .map_or_else(|| detect_delimiter(text), Separator::byte);
    if let Some(line) = unclosed_quote_line(text, delimiter) {
        return Err(AppError::invalid(format!(
            "Line {line} opens a quotation mark (\") that is never closed, so the rest of the file would be read as one cell. Close the quote or remove it, then import again."
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            return Err(AppError::invalid(format!(
                "The header line could not be read: {e}."
            )));
        }
        None => {
            return Err(AppError::invalid(
                "The file is empty. It needs a header line such as name,email and then one line per participant.",
            ));
        }
    };
    let headers: Vec<String> = header
        .iter()
        .map(|h| unguard(h).trim().to_owned())
        .collect();
    let columns = plan_columns(&headers, mapping)?;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in records {
        let record =
            record.map_err(|e| AppError::invalid(format!("The file could not be read: {e}.")))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(usize::try_from(p.byte()).unwrap_or(0)));
        rows.push(read_row(line, &record, &columns, delimiter));
    }
    if rows.is_empty() {
        return Err(AppError::invalid(
            "The file has a header line but no participants below it. Add one line per participant.",
        ));
    }
    Ok(ReadFile {
        columns,
        rows,
        encoding,
        separator: Separator::of(delimiter),
    })
}

/// The line number, as a text editor shows it, of the record that the reader began reading at
/// an offset: past any blank lines it skipped. (The reader's own line count goes astray on
/// CRLF line ends inside quotes.) Records come in order, so each count goes on from the last
/// one: a file of many lines costs one pass, not one pass per line.
struct LineCounter<'a> {
    text: &'a [u8],
    /// Bytes before this are counted.
    counted: usize,
    /// Line breaks before `counted`, plus one.
    line: u64,
    previous: u8,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            counted: 0,
            line: 1,
            previous: 0,
        }
    }

    fn line_at(&mut self, offset: usize) -> u64 {
        let skipped = self
            .text
            .get(offset..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let offset = (offset + skipped).min(self.text.len());
        if offset < self.counted {
            *self = Self {
                text: self.text,
                counted: 0,
                line: 1,
                previous: 0,
            };
        }
        for &b in &self.text[self.counted..offset] {
            if b == b'\n' || self.previous == b'\r' {
                self.line += 1;
            }
            self.previous = b;
        }
        self.counted = offset;
        self.line + u64::from(self.previous == b'\r')
    }
}

/// The file's text in the encoding the researcher chose in the preview.
fn decode_as<'a>(
    bytes: &'a [u8],
    label: &str,
) -> Result<(Cow<'a, str>, &'static Encoding), AppError> {
    let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        AppError::invalid(format!(
            "Confab does not know the encoding \"{}\". Choose one from the list, such as UTF-8 or windows-1252.",
            label.trim()
        ))
    })?;
    // A byte-order mark is the file's own word on its encoding; the rest is read as chosen.
    let bytes = match Encoding::for_bom(bytes) {
        Some((found, bom)) if found == encoding => &bytes[bom..],
        _ => bytes,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(AppError::invalid(format!(
            "The file has bytes that are not {} text. Choose another encoding, or let Confab find it.",
            encoding.name()
        )));
    }
    Ok((text, encoding))
}

/// The file's text and the encoding it was written in: the one its byte-order mark names
/// (UTF-8, UTF-16), UTF-8 when the bytes are valid UTF-8, or else the legacy encoding the
/// bytes most likely are (a spreadsheet's default Windows or Mac encoding, ISO-8859-x), as
/// chardetng guesses it from how the text reads.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), AppError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(AppError::invalid(format!(
                "The file starts as {} text but has bytes that are not. Save it again as \"CSV UTF-8\" in your spreadsheet program, then import it again.",
                encoding.name()
            )));
        }
        return Ok((text, encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text, encoding)),
        None => Err(AppError::invalid(
            "The file's characters could not be read in any encoding Confab knows. Save it as \"CSV UTF-8\" in your spreadsheet program, then import it again.",
        )),
    }
}

/// Comma, semicolon (spreadsheets in many European locales) or tab: whichever the header line
/// has most of outside quotes; a comma if none.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// The line on which a quoted cell opens that the file never closes, if any. The csv reader
/// would quietly read everything after it into that one cell.
fn unclosed_quote_line(text: &str, delimiter: u8) -> Option<u64> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1u64;
    let mut opened_on = 0u64;
    for c in text.bytes() {
        let ends_field = c == delimiter || c == b'\n' || c == b'\r';
        state = match state {
            State::FieldStart if c == b'"' => {
                opened_on = line;
                State::Quoted
            }
            State::FieldStart | State::Unquoted | State::QuoteInQuoted if ends_field => {
                State::FieldStart
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted if c == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if c == b'"' => State::Quoted,
            State::QuoteInQuoted => State::Unquoted,
        };
        if c == b'\n' {
            line += 1;
        }
    }
    (state == State::Quoted).then_some(opened_on)
}

fn read_row(
    line: u64,
    record: &csv::StringRecord,
    columns: &[ImportColumn],
    delimiter: u8,
) -> ReadRow {
    let mut draft = ParticipantDraft::default();
    let mut custom = BTreeMap::new();
    let (mut first, mut last) = (String::new(), String::new());
    for (column, cell) in columns.iter().zip(record.iter()) {
        let cell = unguard(cell).to_owned();
        match &column.field {
            ImportField::Name => draft.name = cell,
            ImportField::FirstName => first = cell,
            ImportField::LastName => last = cell,
            ImportField::Email => draft.email = cell,
            ImportField::TimeZone => draft.time_zone = cell,
            ImportField::Language => draft.language = cell,
            ImportField::Phone => draft.phone = cell,
            ImportField::Notes => draft.notes = cell,
            ImportField::Custom(key) => {
                custom.insert(key.clone(), cell);
            }
            ImportField::Ignore => {}
        }
    }
    draft.custom_fields = custom;
    if draft.name.is_empty() {
        draft.name = [first.trim(), last.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    let name = draft.name.trim().to_owned();
    let email = draft.email.trim().to_owned();
    let result = if record.len() != columns.len() {
        let sep = match delimiter {
            b';' => "semicolon",
            b'\t' => "tab",
            _ => "comma",
        };
        Err(if record.len() > columns.len() {
            format!(
                "This line has {} cells but the header has {}: put a cell that contains a {sep} in double quotes, or remove the extra cells.",
                record.len(),
                columns.len()
            )
        } else {
            format!(
                "This line has {} cells but the header has {}: add the missing cells (they may be empty).",
                record.len(),
                columns.len()
            )
        })
    } else {
        draft.validate().map_err(|errors| errors.to_string())
    };
    ReadRow {
        line,
        name,
        email,
        result,
    }
}

/// Characters that make a spreadsheet read a cell as a formula; an export puts a `'` before
/// them, and an import takes it away again.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests;
