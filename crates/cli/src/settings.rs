use clap::Args;
use confab_service::{Actor, AppError, Confab, StudyKind, StudySettings};

use crate::output::emit;

/// Only the settings given change.
#[derive(Args)]
pub struct SetArgs {
    #[arg(long)]
    study: i64,
    /// one_to_one or interview_days
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    buffer_before: Option<i32>,
    #[arg(long)]
    buffer_after: Option<i32>,
    #[arg(long)]
    min_notice_minutes: Option<i32>,
    #[arg(long)]
    horizon_days: Option<i32>,
    /// A number, or "none"
    #[arg(long)]
    max_per_day: Option<String>,
    /// A number, or "none"
    #[arg(long)]
    max_per_week: Option<String>,
    #[arg(long)]
    cutoff_hours: Option<i32>,
    #[arg(long)]
    location: Option<String>,
    #[arg(long)]
    conferencing_url: Option<String>,
    #[arg(long)]
    dial_in: Option<String>,
    /// on or off
    #[arg(long)]
    self_scheduling: Option<String>,
    /// Hours before each interview that a reminder goes out, or "none"
    #[arg(long)]
    reminder_hours: Option<String>,
    /// Hours a waitlisted participant has to take a freed place before it goes to the next,
    /// or "none"
    #[arg(long)]
    waitlist_offer_hours: Option<String>,
    /// How many interviews the study holds with each participant, one at a time (1 to 9)
    #[arg(long)]
    interviews_per_participant: Option<i32>,
    /// The language of messages to participants without one of their own (en-GB, de, fr-CA…)
    #[arg(long)]
    language: Option<String>,
}

fn cap(text: &str) -> Result<Option<i32>, AppError> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| AppError::invalid(format!("\"{text}\" is not a number or \"none\".")))
}

fn describe(s: &StudySettings) -> String {
    let cap = |c: Option<i32>| c.map_or("none".to_owned(), |c| c.to_string());
    format!(
        "kind {}\nbuffers {} min before, {} min after\nminimum notice {} min\nhorizon {} days\ncap {} per day, {} per week\nchange cut-off {} h\nlocation {}\nconferencing {}\ndial-in {}\nself-scheduling {}\nreminder {}\nwaitlist offers open {}\ninterviews per participant {}\nlanguage {}",
        s.kind.key(),
        s.buffer_before_minutes,
        s.buffer_after_minutes,
        s.min_notice_minutes,
        s.horizon_days,
        cap(s.max_per_day),
        cap(s.max_per_week),
        s.change_cutoff_hours,
        s.location,
        s.conferencing_url,
        s.dial_in,
        if s.self_scheduling { "on" } else { "off" },
        s.reminder_hours
            .map_or("none".to_owned(), |h| format!("{h} h before")),
        s.waitlist_offer_hours
            .map_or("without a limit".to_owned(), |h| format!("{h} h")),
        s.interviews_per_participant,
        s.language
    )
}

pub async fn show(confab: &Confab, study: i64, json: bool) -> Result<(), AppError> {
    emit(&confab.study_settings(study).await?, json, describe)
}

pub async fn set(confab: &Confab, a: SetArgs, json: bool) -> Result<(), AppError> {
    let mut s = confab.study_settings(a.study).await?;
    if let Some(v) = a.kind {
        s.kind = StudyKind::parse(&v).ok_or_else(|| {
            AppError::invalid(format!(
                "\"{v}\" is not a kind of study; use one_to_one or interview_days."
            ))
        })?;
    }
    if let Some(v) = a.buffer_before {
        s.buffer_before_minutes = v;
    }
    if let Some(v) = a.buffer_after {
        s.buffer_after_minutes = v;
    }
    if let Some(v) = a.min_notice_minutes {
        s.min_notice_minutes = v;
    }
    if let Some(v) = a.horizon_days {
        s.horizon_days = v;
    }
    if let Some(v) = a.max_per_day {
        s.max_per_day = cap(&v)?;
    }
    if let Some(v) = a.max_per_week {
        s.max_per_week = cap(&v)?;
    }
    if let Some(v) = a.cutoff_hours {
        s.change_cutoff_hours = v;
    }
    if let Some(v) = a.location {
        s.location = v;
    }
    if let Some(v) = a.conferencing_url {
        s.conferencing_url = v;
    }
    if let Some(v) = a.dial_in {
        s.dial_in = v;
    }
    if let Some(v) = &a.reminder_hours {
        s.reminder_hours = cap(v)?;
    }
    if let Some(v) = &a.waitlist_offer_hours {
        s.waitlist_offer_hours = cap(v)?;
    }
    if let Some(v) = a.interviews_per_participant {
        s.interviews_per_participant = v;
    }
    if let Some(v) = &a.language {
        s.language = v.clone();
    }
    if let Some(v) = a.self_scheduling {
        s.self_scheduling = match v.to_lowercase().as_str() {
            "on" | "true" | "yes" => true,
            "off" | "false" | "no" => false,
            _ => {
                return Err(AppError::invalid("Write --self-scheduling on or off."));
            }
        };
    }
    let saved = confab
        .update_study_settings(a.study, s, &Actor::researcher())
        .await?;
    emit(&saved, json, describe)
}
