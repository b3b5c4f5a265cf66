//! `confab sync`: sending the outbox and reading the replies, with its progress and report.

use confab_service::{AppError, Confab, SyncOptions, SyncProgress};

use super::{CALENDAR_PASSWORD_ENV, PASSWORD_ENV};
use crate::output::{print_json, print_text};

pub async fn sync(confab: &Confab, json: bool) -> Result<(), AppError> {
    let options = SyncOptions {
        password: std::env::var(PASSWORD_ENV).ok(),
        calendar_password: std::env::var(CALENDAR_PASSWORD_ENV).ok(),
        ..Default::default()
    };
    let report = confab
        .sync(options, |p| {
            if !json {
                let line = match p {
                    SyncProgress::Connecting => "Connecting…".to_owned(),
                    SyncProgress::Sending { done, total } => format!("Sending {done} of {total}"),
                    SyncProgress::Reading { done, total } => format!("Reading {done} of {total}"),
                    SyncProgress::Finished => "Done.".to_owned(),
                };
                eprintln!("{line}");
            }
        })
        .await?;
    if json {
        return print_json(&report);
    }
    let mut text = format!(
        "Sent {}, deferred {}, failed {}; read {}, applied {}, needing attention {}.\n",
        report.sent,
        report.deferred,
        report.failed,
        report.read,
        report.applied,
        report.needs_attention
    );
    if report.calendars_read + report.calendar_written + report.calendar_removed > 0 {
        text.push_str(&format!(
            "Calendars: busy times read for {} interviewer(s); {} interview(s) written, {} removed.\n",
            report.calendars_read, report.calendar_written, report.calendar_removed
        ));
    }
    for a in &report.actions {
        text.push_str(&format!("  {a}\n"));
    }
    for w in &report.warnings {
        text.push_str(&format!("warning: {w}\n"));
    }
    print_text(&text)
}
