//! Open times and the choices a participant makes among them: `slots`, `choose` and `assign`.

use clap::Args;
use confab_service::{Actor, AppError, ChoiceInput, ChoiceOutcome, Confab};

use super::print::line;
use crate::output::emit;

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
