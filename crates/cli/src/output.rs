use std::io::Write;

use confab_service::{AppError, ErrorCode, StudySummary, StudyTransferReport};
use serde::Serialize;

pub fn studies(studies: &[StudySummary], json: bool) -> Result<(), AppError> {
    if json {
        return print_json(&studies);
    }
    if studies.is_empty() {
        return print_text(
            "No studies yet. Create one with `confab studies create` or try `confab demo`.\n",
        );
    }
    let mut text = String::new();
    for s in studies {
        text.push_str(&format!(
            "{:>5}  {}  ({}, {} min)\n",
            s.id, s.name, s.time_zone, s.interview_minutes
        ));
    }
    print_text(&text)
}

pub fn study(study: &StudySummary, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(study);
    }
    print_text(&format!(
        "Study {}: {} ({}, {} min)\n",
        study.id, study.name, study.time_zone, study.interview_minutes
    ))
}

pub fn transfer(report: &StudyTransferReport, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(report);
    }
    print_text(&format!(
        "{} \"{}\" as study {}: {} participants, {} interviews, {} messages, {} links\n",
        if report.removed { "Moved" } else { "Copied" },
        report.name,
        report.study_id,
        report.participants,
        report.interviews,
        report.messages,
        report.links
    ))
}

pub fn error(error: &AppError, json: bool) {
    let text = if json {
        serde_json::to_string(error).unwrap_or_else(|_| error.message.clone())
    } else {
        format!("error: {}", error.message)
    };
    eprintln!("{text}");
}

pub fn print_json(value: &impl Serialize) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
    print_text(&format!("{text}\n"))
}

/// A closed pipe (`confab participants list | head`) is not worth a panic.
pub fn print_text(text: &str) -> Result<(), AppError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(AppError::new(
            ErrorCode::Internal,
            format!("could not write the output: {e}"),
        )),
    }
}

/// Prints `value` as JSON, or as the text `describe` makes of it.
pub fn emit<T: Serialize>(
    value: &T,
    json: bool,
    describe: impl FnOnce(&T) -> String,
) -> Result<(), AppError> {
    if json {
        print_json(value)
    } else {
        let mut text = describe(value);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        print_text(&text)
    }
}
