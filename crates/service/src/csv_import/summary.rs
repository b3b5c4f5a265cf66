//! The report on an import: one outcome per line, totals, and a sentence that says what
//! happened and what to do next.

use super::plan::{Plan, PlannedRow};
use super::{ImportColumn, ImportReport, ImportRow, ImportTotals, RowOutcome, Separator};

fn outcome(plan: &Plan) -> RowOutcome {
    match plan {
        Plan::Create(_) => RowOutcome::New,
        Plan::Existing {
            row, enrol, filled, ..
        } => RowOutcome::Existing {
            participant_id: row.id,
            newly_enrolled: *enrol,
            filled_fields: filled.clone(),
        },
        Plan::Duplicate(first_line) => RowOutcome::Duplicate {
            first_line: *first_line,
        },
        Plan::Error(message) => RowOutcome::Error {
            message: message.clone(),
        },
    }
}

pub(super) fn totals(planned: &[PlannedRow]) -> ImportTotals {
    let mut t = ImportTotals::default();
    for row in planned {
        t.rows += 1;
        match &row.plan {
            Plan::Create(_) => {
                t.new_participants += 1;
                t.newly_enrolled += 1;
            }
            Plan::Existing { enrol, .. } => {
                t.existing_participants += 1;
                t.newly_enrolled += u32::from(*enrol);
            }
            Plan::Duplicate(_) => t.duplicates += 1,
            Plan::Error(_) => t.errors += 1,
        }
    }
    t
}

pub(super) fn report(
    study_id: i64,
    imported: bool,
    (columns, encoding, separator): (Vec<ImportColumn>, &str, Separator),
    planned: &[PlannedRow],
    totals: ImportTotals,
    message: String,
) -> ImportReport {
    ImportReport {
        study_id,
        imported,
        columns,
        rows: planned
            .iter()
            .map(|r| ImportRow {
                line: r.line,
                name: r.name.clone(),
                email: r.email.clone(),
                outcome: outcome(&r.plan),
            })
            .collect(),
        totals,
        message,
        encoding: encoding.to_owned(),
        separator,
    }
}

pub(super) fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

pub(super) fn valid_rows(t: &ImportTotals) -> u32 {
    t.new_participants + t.existing_participants
}

/// "line 4 has a problem" or "lines 4, 7 and 9 have problems" (at most ten named).
pub(super) fn lines_with_problems(planned: &[PlannedRow]) -> String {
    let lines: Vec<String> = planned
        .iter()
        .filter(|r| matches!(r.plan, Plan::Error(_)))
        .map(|r| r.line.to_string())
        .collect();
    match lines.as_slice() {
        [one] => format!("line {one} has a problem"),
        many if many.len() <= 10 => {
            let (last, rest) = many.split_last().unwrap_or((&many[0], &[]));
            format!("lines {} and {last} have problems", rest.join(", "))
        }
        many => format!(
            "{} lines have problems (the first: {})",
            many.len(),
            many[..10].join(", ")
        ),
    }
}

fn counts(t: &ImportTotals) -> String {
    let mut parts = vec![format!(
        "{} new {}",
        t.new_participants,
        plural(t.new_participants, "participant", "participants")
    )];
    if t.existing_participants > 0 {
        parts.push(format!("{} already in Confab", t.existing_participants));
    }
    if t.duplicates > 0 {
        parts.push(format!(
            "{} repeated {} left out",
            t.duplicates,
            plural(t.duplicates, "email", "emails")
        ));
    }
    parts.join(", ")
}

pub(super) fn preview_message(t: &ImportTotals, planned: &[PlannedRow]) -> String {
    if t.errors == 0 {
        format!("Ready to import: {}.", counts(t))
    } else {
        format!(
            "{}. Fix {} before importing, or import only the {} valid {} ({}).",
            capitalize(&lines_with_problems(planned)),
            if t.errors == 1 { "it" } else { "them" },
            valid_rows(t),
            plural(valid_rows(t), "row", "rows"),
            counts(t)
        )
    }
}

pub(super) fn done_message(t: &ImportTotals, planned: &[PlannedRow]) -> String {
    let mut text = format!(
        "Imported {}; {} enrolled in the study.",
        counts(t),
        t.newly_enrolled
    );
    if t.errors > 0 {
        text.push_str(&format!(
            " Left out because {}.",
            lines_with_problems(planned)
        ));
    }
    text
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
