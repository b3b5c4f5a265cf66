//! Sessions on the command line: adding them (one-off windows, weekly hours, interview days),
//! listing, hiding and their exceptions.

use clap::{Args, Subcommand, ValueEnum};
use confab_service::{Actor, AppError, Confab, NewSession, SessionExceptionView, SessionPattern};

use crate::output::emit;

#[derive(Subcommand)]
pub enum SessionsCommand {
    /// Add a session: a one-off window, weekly hours, or an interview day
    Add(NewSessionArgs),
    /// List a study's sessions
    List {
        #[arg(long)]
        study: i64,
    },
    /// Hide a session from participants (or show it again with --show)
    Hide {
        id: i64,
        #[arg(long)]
        show: bool,
    },
    /// Close a weekly session on one date, or open it at other hours that date
    Except {
        id: i64,
        #[arg(long)]
        date: String,
        /// Other hours, like 10:00-12:00; without it the date is closed
        #[arg(long)]
        hours: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SessionKind {
    Window,
    Weekly,
    Day,
}

#[derive(Args)]
pub struct NewSessionArgs {
    #[arg(long)]
    study: i64,
    #[arg(long, value_enum)]
    kind: SessionKind,
    #[arg(long, default_value = "")]
    title: String,
    /// Window or day: local start like 2026-03-09T09:00; weekly: a time like 09:00
    #[arg(long)]
    start: String,
    /// Window or day: local end; weekly: a time like 12:00
    #[arg(long)]
    end: String,
    /// Weekly: 1 = Monday … 7 = Sunday
    #[arg(long)]
    weekday: Option<u8>,
    /// Weekly: the first date, like 2026-03-02
    #[arg(long)]
    from: Option<String>,
    /// Weekly: the last date (inclusive)
    #[arg(long)]
    until: Option<String>,
    #[arg(long, default_value_t = 1)]
    capacity: i32,
    #[arg(long)]
    hidden: bool,
    /// An interviewer's id; repeat for more
    #[arg(long = "interviewer")]
    interviewers: Vec<i64>,
}

pub async fn sessions(
    confab: &Confab,
    command: SessionsCommand,
    json: bool,
) -> Result<(), AppError> {
    let me = Actor::researcher();
    match command {
        SessionsCommand::Add(a) => {
            let pattern = match a.kind {
                SessionKind::Window => SessionPattern::Window {
                    start: a.start,
                    end: a.end,
                },
                SessionKind::Day => SessionPattern::Day {
                    start: a.start,
                    end: a.end,
                },
                SessionKind::Weekly => SessionPattern::Weekly {
                    weekday: a.weekday.ok_or_else(|| {
                        AppError::invalid(
                            "A weekly session needs --weekday (1 = Monday … 7 = Sunday).",
                        )
                    })?,
                    start_time: a.start,
                    end_time: a.end,
                    valid_from: a.from.ok_or_else(|| {
                        AppError::invalid("A weekly session needs --from, its first date.")
                    })?,
                    valid_until: a.until,
                },
            };
            let input = NewSession {
                study_id: a.study,
                title: a.title,
                pattern,
                capacity: a.capacity,
                visible: !a.hidden,
                interviewer_ids: a.interviewers,
            };
            let view = confab.create_session(input, &me).await?;
            emit(&view, json, |v| format!("Session {} added.", v.id))
        }
        SessionsCommand::List { study } => {
            let list = confab.list_sessions(study).await?;
            emit(&list, json, |l| {
                l.iter()
                    .map(|s| {
                        format!(
                            "{:>5}  {:?}  capacity {}{}  {}",
                            s.id,
                            s.pattern,
                            s.capacity,
                            if s.visible { "" } else { "  hidden" },
                            s.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        SessionsCommand::Hide { id, show } => {
            confab.set_session_visible(id, show, &me).await?;
            emit(
                &serde_json::json!({ "id": id, "visible": show }),
                json,
                |_| {
                    format!(
                        "Session {id} is now {}.",
                        if show { "shown" } else { "hidden" }
                    )
                },
            )
        }
        SessionsCommand::Except { id, date, hours } => {
            let (start_time, end_time) = match hours.as_deref() {
                Some(h) => {
                    let (s, e) = h
                        .split_once('-')
                        .ok_or_else(|| AppError::invalid("Write --hours as 10:00-12:00."))?;
                    (Some(s.to_owned()), Some(e.to_owned()))
                }
                None => (None, None),
            };
            let exception = SessionExceptionView {
                date,
                start_time,
                end_time,
            };
            confab
                .set_session_exception(id, exception.clone(), &me)
                .await?;
            emit(&exception, json, |e| {
                format!(
                    "Session {id} on {}: {}",
                    e.date,
                    hours.clone().unwrap_or_else(|| "closed".into())
                )
            })
        }
    }
}
