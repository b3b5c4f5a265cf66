//! `confab`: Confab's use cases for scripts and headless machines. It opens the same database
//! as the desktop app (or the one named by `--data-dir`) and calls the same service.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use confab_service::{AppError, Confab, ErrorCode, default_data_dir};

mod output;
mod participants;
mod studies;

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
    Studies(studies::Command),
    /// Create the demo study (once; running it again shows the same study)
    Demo,
    /// Participants: add, list, show, edit, remove, enrol, import and export them
    #[command(subcommand)]
    Participants(participants::Command),
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
        Command::Studies(command) => studies::run(&confab, command, cli.json).await,
        Command::Demo => output::study(&confab.load_demo_study().await?, cli.json),
        Command::Participants(command) => participants::run(&confab, command, cli.json).await,
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
