use clap::Subcommand;
use confab_service::{AppError, Confab, NewStudy};

use crate::output;

#[derive(Subcommand)]
pub enum Command {
    /// List the studies that are not archived, newest first
    List,
    /// Create a study
    Create {
        #[arg(long)]
        name: String,
        /// An IANA time zone such as Europe/Berlin
        #[arg(long)]
        time_zone: String,
        /// How long one interview lasts, in minutes
        #[arg(long, default_value_t = 60)]
        minutes: i32,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Move a study of this computer's database file into the team database (--database):
    /// with its participants, history, outbox and links, which keep working
    MoveToTeam {
        #[arg(long)]
        study: i64,
    },
    /// Copy a study of the team database (--database) into this computer's database file
    CopyToThisComputer {
        #[arg(long)]
        study: i64,
    },
    /// List the studies of this computer's database file, beside the team database
    OnThisComputer,
}

pub async fn run(confab: &Confab, command: Command, json: bool) -> Result<(), AppError> {
    match command {
        Command::List => output::studies(&confab.list_studies().await?, json),
        Command::OnThisComputer => output::studies(&confab.studies_on_this_computer().await?, json),
        Command::MoveToTeam { study } => {
            output::transfer(&confab.move_study_from_this_computer(study).await?, json)
        }
        Command::CopyToThisComputer { study } => {
            output::transfer(&confab.copy_study_to_this_computer(study).await?, json)
        }
        Command::Create {
            name,
            time_zone,
            minutes,
            description,
        } => {
            let study = confab
                .create_study(NewStudy {
                    name,
                    description,
                    time_zone,
                    interview_minutes: minutes,
                })
                .await?;
            output::study(&study, json)
        }
    }
}
