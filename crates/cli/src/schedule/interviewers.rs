//! A study's interviewers on the command line: adding, listing, and their busy times from a
//! calendar export.

use clap::Subcommand;
use confab_service::{Actor, AppError, Confab};

use crate::output::emit;

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
