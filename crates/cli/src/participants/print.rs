//! How `confab participants` shows its results: text for people, JSON with `--json`.

use std::path::Path;

use confab_service::{AppError, ImportReport, ParticipantDetail, ParticipantSummary, RowOutcome};

use crate::output::{print_json, print_text};

pub fn participant(p: &ParticipantSummary, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(p);
    }
    let mut text = format!("Participant {}: {} <{}>", p.id, p.name, p.email);
    if let Some(status) = &p.status {
        text.push_str(&format!(" [{}]", status.key()));
    }
    text.push('\n');
    print_text(&text)
}

pub fn list(list: &[ParticipantSummary], json: bool) -> Result<(), AppError> {
    if json {
        return print_json(&list);
    }
    if list.is_empty() {
        return print_text(
            "No participants found. Add one with `confab participants add` or import a file with `confab participants import`.\n",
        );
    }
    let mut text = String::new();
    for p in list {
        text.push_str(&format!("{:>5}  {} <{}>", p.id, p.name, p.email));
        if let Some(tz) = &p.time_zone {
            text.push_str(&format!("  {tz}"));
        }
        if let Some(status) = &p.status {
            text.push_str(&format!("  [{}]", status.key()));
        }
        if let Some(next) = &p.next_interview_at {
            text.push_str(&format!("  next interview {next}"));
        }
        text.push('\n');
    }
    print_text(&text)
}

pub fn detail(d: &ParticipantDetail, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(d);
    }
    let p = &d.participant;
    let mut text = format!("Participant {}: {} <{}>\n", p.id, p.name, p.email);
    let line = |label: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("  {label}: {}\n", value.replace('\n', "\n    "))
        }
    };
    text.push_str(&line(
        "time zone",
        p.time_zone.as_deref().unwrap_or_default(),
    ));
    text.push_str(&line("phone", &p.phone));
    text.push_str(&line("notes", &p.notes));
    for (key, value) in &p.custom_fields {
        text.push_str(&line(key, value));
    }
    if d.enrolments.is_empty() {
        text.push_str("  Not enrolled in any study.\n");
    } else {
        text.push_str("  Studies:\n");
        for e in &d.enrolments {
            text.push_str(&format!(
                "  {:>5}  {}  [{}]",
                e.study_id,
                e.study_name,
                e.status.key()
            ));
            if let Some(next) = &e.next_interview_at {
                text.push_str(&format!("  next interview {next}"));
            }
            text.push('\n');
        }
    }
    print_text(&text)
}

pub fn report(
    r: &ImportReport,
    json: bool,
    valid_rows_only: bool,
    dry_run: bool,
) -> Result<(), AppError> {
    if json {
        return print_json(r);
    }
    let columns: Vec<String> = r
        .columns
        .iter()
        .map(|c| format!("{} -> {}", c.header, c.field))
        .collect();
    let mut text = format!("Columns: {}\n", columns.join(", "));
    for row in &r.rows {
        let who = format!("{} <{}>", row.name, row.email);
        let (kind, detail) = match &row.outcome {
            RowOutcome::New => ("new", who),
            RowOutcome::Existing {
                participant_id,
                newly_enrolled,
                filled_fields,
            } => {
                let mut what = vec![if *newly_enrolled {
                    "enrolled".to_owned()
                } else {
                    "already enrolled".to_owned()
                }];
                if !filled_fields.is_empty() {
                    what.push(format!("filled in {}", filled_fields.join(", ")));
                }
                (
                    "existing",
                    format!("{who} (#{participant_id}): {}", what.join("; ")),
                )
            }
            RowOutcome::Duplicate { first_line } => (
                "duplicate",
                format!("{who}: the same email as line {first_line}; left out"),
            ),
            RowOutcome::Error { message } => ("error", message.clone()),
        };
        text.push_str(&format!("line {:>4}  {kind:<9}  {detail}\n", row.line));
    }
    text.push_str(&r.message);
    text.push('\n');
    if r.totals.errors > 0 && !valid_rows_only {
        let again = if dry_run { "" } else { "again " };
        text.push_str(&format!(
            "To import only the valid rows, run the import {again}with --valid-rows-only.\n"
        ));
    }
    print_text(&text)
}

pub fn exported(path: &Path, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(&serde_json::json!({ "output": path.display().to_string() }));
    }
    print_text(&format!(
        "Exported the participants to {}.\n",
        path.display()
    ))
}

pub fn csv(csv: &str, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(&serde_json::json!({ "csv": csv }));
    }
    print_text(csv)
}

pub fn done(message: &str, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(&serde_json::json!({ "message": message }));
    }
    print_text(&format!("{message}\n"))
}
