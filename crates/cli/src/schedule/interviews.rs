//! Booking an interview by hand, and listing, cancelling, moving and closing interviews.

use clap::{Args, Subcommand, ValueEnum};
use confab_service::{Actor, AppError, Confab, InterviewList, RuleBreak};

use super::print::line;
use crate::output::emit;

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
