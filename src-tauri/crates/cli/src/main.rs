//! `confab`: Confab's use cases for scripts and headless machines. It opens the same database
//! as the desktop app (or the one named by `--data-dir`) and calls the same service.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use confab_service::{AppError, Confab, ErrorCode, NewStudy, default_data_dir};

mod output;

#[derive(Parser)]
#[command(
    name = "confab",
    version,
    about = "Schedule research interviews from the command line"
)]
struct Cli {
    /// The folder that holds Confab's database [default: $CONFAB_DATA_DIR, or the app's own]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON instead of text
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Studies: list or create them
    #[command(subcommand)]
    Studies(StudiesCommand),
    /// Create the demo study (once; running it again shows the same study)
    Demo,
}

#[derive(Subcommand)]
enum StudiesCommand {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let json = cli.json;
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            output::error(&error, json);
            exit_code(error.code)
        }
    }
}

async fn run(cli: Cli) -> Result<(), AppError> {
    let data_dir = cli.data_dir.unwrap_or_else(default_data_dir);
    let confab = Confab::open(&data_dir).await?;
    let result = match cli.command {
        Command::Studies(StudiesCommand::List) => {
            output::studies(&confab.list_studies().await?, cli.json)
        }
        Command::Studies(StudiesCommand::Create {
            name,
            time_zone,
            minutes,
            description,
        }) => {
            let study = confab
                .create_study(NewStudy {
                    name,
                    description,
                    time_zone,
                    interview_minutes: minutes,
                })
                .await?;
            output::study(&study, cli.json)
        }
        Command::Demo => output::study(&confab.load_demo_study().await?, cli.json),
    };
    confab.close().await?;
    result
}

/// Scripts can tell a mistake in their input (2) from a problem with the database (3).
fn exit_code(code: ErrorCode) -> ExitCode {
    match code {
        ErrorCode::InvalidInput | ErrorCode::Conflict | ErrorCode::NotFound => ExitCode::from(2),
        ErrorCode::DataFolderUnusable
        | ErrorCode::DatabaseCorrupt
        | ErrorCode::DatabaseTooNew
        | ErrorCode::Storage => ExitCode::from(3),
        ErrorCode::Internal => ExitCode::FAILURE,
    }
}
