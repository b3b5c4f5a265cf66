//! Sessions, slots and bookings on the command line.

use clap::{Args, Subcommand, ValueEnum};
use confab_service::{
    Actor, AppError, ChoiceInput, ChoiceOutcome, Confab, InterviewList, InterviewView, NewSession,
    RuleBreak, SessionExceptionView, SessionPattern,
};

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

#[derive(Subcommand)]
pub enum InterviewersCommand {
    Add {
        #[arg(long)]
        study: i64,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
    },
    List {
        #[arg(long)]
        study: i64,
    },
    /// Replace an interviewer's busy times with those of a calendar export (.ics)
    ImportBusy { id: i64, file: std::path::PathBuf },
}

#[derive(Subcommand)]
pub enum InterviewsCommand {
    /// List interviews: upcoming (default), completed, canceled or no_show
    List {
        #[arg(long)]
        study: i64,
        #[arg(long, value_enum, default_value = "upcoming")]
        view: ListView,
    },
    Cancel {
        id: i64,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Move an interview to a new time (same calendar event, new sequence)
    Reschedule {
        id: i64,
        #[arg(long)]
        session: i64,
        #[arg(long)]
        start: String,
        /// A rule to book past, as `check` names it; repeat for more
        #[arg(long = "accept")]
        accept: Vec<RuleBreak>,
    },
    NoShow {
        id: i64,
    },
    Complete {
        id: i64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListView {
    Upcoming,
    Completed,
    Canceled,
    NoShow,
}

#[derive(Args)]
pub struct BookArgs {
    #[arg(long)]
    study: i64,
    #[arg(long)]
    participant: i64,
    #[arg(long)]
    session: i64,
    /// Local to the study, like 2026-03-09T09:00, or RFC 3339
    #[arg(long)]
    start: String,
    /// A rule to book past, as `--check` names it; repeat for more
    #[arg(long = "accept")]
    accept: Vec<RuleBreak>,
    /// Only list the rules the booking would break
    #[arg(long)]
    check: bool,
}

#[derive(Args)]
pub struct ChooseArgs {
    #[arg(long)]
    study: i64,
    #[arg(long)]
    participant: i64,
    /// SESSION@START, like 3@2026-03-09T09:00
    #[arg(long)]
    first: String,
    #[arg(long)]
    second: Option<String>,
}

fn line(i: &InterviewView) -> String {
    format!(
        "{:>5}  {}  {} <{}>  session {}  {}{}{}",
        i.id,
        i.start.to_rfc3339(),
        i.participant_name,
        i.participant_email,
        i.session_id,
        i.state,
        if i.rounds > 1 {
            format!("  interview {} of {}", i.round, i.rounds)
        } else {
            String::new()
        },
        if i.rule_overrides.is_empty() {
            String::new()
        } else {
            let keys: Vec<&str> = i.rule_overrides.iter().map(|k| k.key()).collect();
            format!("  (past: {})", keys.join(","))
        }
    )
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

pub async fn interviewers(
    confab: &Confab,
    command: InterviewersCommand,
    json: bool,
) -> Result<(), AppError> {
    let me = Actor::researcher();
    match command {
        InterviewersCommand::Add { study, name, email } => {
            let added = confab.add_interviewer(study, &name, &email, &me).await?;
            emit(&added, json, |i| format!("Interviewer {} added.", i.id))
        }
        InterviewersCommand::List { study } => {
            let list = confab.list_interviewers(study).await?;
            emit(&list, json, |l| {
                l.iter()
                    .map(|i| format!("{:>5}  {} <{}>", i.id, i.name, i.email))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        InterviewersCommand::ImportBusy { id, file } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| AppError::invalid(format!("Cannot read {}: {e}.", file.display())))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                AppError::invalid(format!(
                    "{} is not UTF-8 text; export the calendar again as .ics.",
                    file.display()
                ))
            })?;
            let report = confab.import_busy_times(id, &text, &me).await?;
            emit(&report, json, |r| {
                let mut text = format!("{} busy times imported.", r.imported);
                for s in &r.skipped {
                    text.push_str(&format!("\nskipped {s}"));
                }
                text
            })
        }
    }
}

pub async fn slots(
    confab: &Confab,
    study: i64,
    from: Option<String>,
    to: Option<String>,
    time_zone: Option<String>,
    json: bool,
) -> Result<(), AppError> {
    let from = match from {
        Some(t) => Some(confab.study_instant(study, &t).await?),
        None => None,
    };
    let to = match to {
        Some(t) => Some(confab.study_instant(study, &t).await?),
        None => None,
    };
    let list = confab
        .open_slots(study, from, to, time_zone.as_deref())
        .await?;
    emit(&list, json, |l| {
        if l.is_empty() {
            return "No open slots.".into();
        }
        l.iter()
            .map(|s| {
                format!(
                    "session {:>4}  {} {}  {} left",
                    s.session_id, s.local_start, s.time_zone, s.remaining
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

async fn choice(confab: &Confab, study: i64, text: &str) -> Result<ChoiceInput, AppError> {
    let (session, start) = text.split_once('@').ok_or_else(|| {
        AppError::invalid(format!(
            "Write a choice as SESSION@START, like 3@2026-03-09T09:00; got \"{text}\"."
        ))
    })?;
    let session_id = session
        .trim()
        .parse()
        .map_err(|_| AppError::invalid(format!("\"{session}\" is not a session id.")))?;
    Ok(ChoiceInput {
        session_id,
        start: confab.study_instant(study, start).await?,
    })
}

pub async fn choose(confab: &Confab, a: ChooseArgs, json: bool) -> Result<(), AppError> {
    let mut picks = vec![choice(confab, a.study, &a.first).await?];
    if let Some(second) = &a.second {
        picks.push(choice(confab, a.study, second).await?);
    }
    let outcome = confab
        .submit_choices(a.study, a.participant, &picks, &Actor::researcher())
        .await?;
    emit(&outcome, json, |o| match o {
        ChoiceOutcome::Booked { interview, rank } => {
            format!("Booked choice {rank}: {}", line(interview))
        }
        ChoiceOutcome::Pending => {
            "Choices held; the participant is Pending until you assign one.".into()
        }
        ChoiceOutcome::Waitlisted => {
            "Neither choice is free and no other time is open; the participant is waitlisted."
                .into()
        }
        ChoiceOutcome::NotFree { reasons } => format!(
            "Nothing was booked and the status is unchanged: {}. Other times are open (`confab slots`).",
            reasons.join("; ")
        ),
    })
}

pub async fn assign(
    confab: &Confab,
    study: i64,
    participant: i64,
    rank: i32,
    json: bool,
) -> Result<(), AppError> {
    let booked = confab
        .assign_choice(study, participant, rank, &Actor::researcher())
        .await?;
    emit(&booked, json, line)
}

pub async fn book(confab: &Confab, a: BookArgs, json: bool) -> Result<(), AppError> {
    let start = confab.study_instant(a.study, &a.start).await?;
    if a.check {
        let breaks = confab
            .check_booking(a.study, a.session, start, None)
            .await?;
        return emit(&breaks, json, |b| {
            if b.is_empty() {
                return "The booking breaks no rule.".into();
            }
            b.iter()
                .map(|r| format!("{}: {}", r.rule, r.explanation))
                .collect::<Vec<_>>()
                .join("\n")
        });
    }
    let booked = confab
        .book_manually(
            a.study,
            a.participant,
            a.session,
            start,
            &a.accept,
            &Actor::researcher(),
        )
        .await?;
    emit(&booked, json, line)
}

pub async fn interviews(
    confab: &Confab,
    command: InterviewsCommand,
    json: bool,
) -> Result<(), AppError> {
    let me = Actor::researcher();
    match command {
        InterviewsCommand::List { study, view } => {
            let list = match view {
                ListView::Upcoming => InterviewList::Upcoming,
                ListView::Completed => InterviewList::Completed,
                ListView::Canceled => InterviewList::Canceled,
                ListView::NoShow => InterviewList::NoShow,
            };
            let rows = confab.list_interviews(study, list).await?;
            emit(&rows, json, |r| {
                if r.is_empty() {
                    "No interviews.".into()
                } else {
                    r.iter().map(line).collect::<Vec<_>>().join("\n")
                }
            })
        }
        InterviewsCommand::Cancel { id, reason } => {
            let outcome = confab.cancel_interview(id, &reason, &me).await?;
            emit(&outcome, json, |o| match o.offered_to {
                Some(p) => format!("Canceled. The place is offered to waitlisted participant {p}."),
                None => "Canceled.".into(),
            })
        }
        InterviewsCommand::Reschedule {
            id,
            session,
            start,
            accept,
        } => {
            let current = confab.interview(id).await?;
            let start = confab.study_instant(current.study_id, &start).await?;
            let moved = confab
                .reschedule_interview(id, session, start, &accept, &me)
                .await?;
            emit(&moved, json, line)
        }
        InterviewsCommand::NoShow { id } => emit(&confab.mark_no_show(id, &me).await?, json, line),
        InterviewsCommand::Complete { id } => {
            emit(&confab.mark_completed(id, &me).await?, json, line)
        }
    }
}

pub async fn set_status(
    confab: &Confab,
    study: i64,
    participant: i64,
    status: &str,
    reason: &str,
    json: bool,
) -> Result<(), AppError> {
    let now = confab
        .set_status(study, participant, status, reason, &Actor::researcher())
        .await?;
    emit(
        &serde_json::json!({ "participantId": participant, "status": now.key() }),
        json,
        |_| format!("Participant {participant} is now {now}."),
    )
}

pub async fn history(
    confab: &Confab,
    participant: Option<i64>,
    study: Option<i64>,
    json: bool,
) -> Result<(), AppError> {
    let entries = match (participant, study) {
        (Some(p), s) => confab.participant_history(p, s).await?,
        (None, Some(s)) => confab.study_history(s).await?,
        (None, None) => {
            return Err(AppError::invalid(
                "Name a --participant, a --study, or both.",
            ));
        }
    };
    emit(&entries, json, |e| {
        e.iter()
            .map(|h| {
                let change = if h.from.is_empty() && h.to.is_empty() {
                    String::new()
                } else {
                    format!(": {} → {}", h.from, h.to)
                };
                let why = if h.reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", h.reason)
                };
                format!(
                    "{}  {} {}  {}{change}{why}",
                    h.at.to_rfc3339(),
                    h.actor_kind,
                    h.actor,
                    h.action
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub async fn invite_check(
    confab: &Confab,
    study: i64,
    participant: i64,
    json: bool,
) -> Result<(), AppError> {
    let readiness = confab.invitation_readiness(study, participant).await?;
    emit(&readiness, json, |r| {
        if r.ready {
            "Ready: an invitation can go out.".into()
        } else {
            format!(
                "Not ready:\n{}",
                r.missing
                    .iter()
                    .map(|m| format!("- {m}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
    })
}
