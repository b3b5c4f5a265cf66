//! `confab`: Confab's use cases for scripts and headless machines. It opens the same database
//! as the desktop app (or the one named by `--data-dir`) and calls the same service.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use confab_service::{AppError, Confab, ErrorCode, default_data_dir};

mod backup;
mod days;
mod mail;
mod output;
mod participants;
mod schedule;
mod settings;
mod sign_in;
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
    /// A team database shared by a lab: postgres://USER:PASSWORD@HOST:PORT/DATABASE (the
    /// password may instead come from $PGPASSWORD) [default: $CONFAB_DATABASE_URL, or the
    /// database file in the data folder]
    #[arg(long, global = true, value_name = "URL")]
    database: Option<String>,
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
    /// A study's scheduling settings: show or change them
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Sessions: windows, weekly hours and interview days participants can choose from
    #[command(subcommand)]
    Sessions(schedule::SessionsCommand),
    /// Interviewers and their busy times
    #[command(subcommand)]
    Interviewers(schedule::InterviewersCommand),
    /// The open slots of a study
    Slots {
        #[arg(long)]
        study: i64,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Show times in this time zone instead of the study's
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// Record a participant's first and second choice
    Choose(schedule::ChooseArgs),
    /// Book a Pending participant's held choice (1 or 2)
    Assign {
        #[arg(long)]
        study: i64,
        #[arg(long)]
        participant: i64,
        #[arg(long, default_value_t = 1)]
        rank: i32,
    },
    /// Book an interview on a participant's behalf
    Book(schedule::BookArgs),
    /// Interviews: list, cancel, reschedule, mark no-show or completed
    #[command(subcommand)]
    Interviews(schedule::InterviewsCommand),
    /// Set a participant's status by hand
    Status {
        #[arg(long)]
        study: i64,
        #[arg(long)]
        participant: i64,
        /// A status such as invited, declined or no_show
        status: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Check that an invitation can go out to a participant, and say what is missing
    InviteCheck {
        #[arg(long)]
        study: i64,
        #[arg(long)]
        participant: i64,
    },
    /// The audit log of a participant, a study, or a participant in a study
    History {
        #[arg(long)]
        participant: Option<i64>,
        #[arg(long)]
        study: Option<i64>,
    },
    /// Your name, address and mail account
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Put invitations to choose a time in the outbox
    Invite(mail::InviteArgs),
    /// Ask a participant to choose a new time for their interview, in your own words
    RequestReschedule {
        #[arg(long)]
        interview: i64,
        #[arg(long, default_value = "")]
        message: String,
    },
    /// The messages waiting to go out, and those sent
    #[command(subcommand)]
    Outbox(mail::OutboxCommand),
    /// Send the outbox and read the replies (the password comes from the OS keyring, or
    /// $CONFAB_MAIL_PASSWORD)
    Sync,
    /// What Sync could not settle alone: counter-proposals, refused replies, bounces
    #[command(subcommand)]
    Attention(mail::AttentionCommand),
    /// Interview days: make, change, export and publish a day's schedule of rounds
    #[command(subcommand)]
    Days(days::DaysCommand),
    /// Write a consistent copy of the database to FILE, even while Confab is running
    Backup { file: PathBuf },
    /// Replace the database with the backup FILE; the current one is kept in backups/ first.
    /// Close the Confab window before restoring.
    Restore { file: PathBuf },
}

#[derive(Subcommand)]
enum SettingsCommand {
    Show {
        #[arg(long)]
        study: i64,
    },
    Set(Box<settings::SetArgs>),
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
    let team = cli
        .database
        .or_else(|| std::env::var("CONFAB_DATABASE_URL").ok())
        .filter(|url| !url.trim().is_empty());
    if let Command::Restore { file } = &cli.command {
        if team.is_some()
            || confab_service::database_choice(&data_dir)
                .await?
                .team
                .is_some()
        {
            return Err(AppError::invalid(
                "A team database is restored on its server (pg_restore), not by Confab; leave out --database and $CONFAB_DATABASE_URL, and choose \"On this computer\" in Settings → Database, to restore this computer's database file.",
            ));
        }
        return backup::restore(&data_dir, file, cli.json).await;
    }
    let confab = match team {
        Some(url) => Confab::open_team(&data_dir, url.trim()).await?,
        None => Confab::open_configured(&data_dir).await?,
    };
    let json = cli.json;
    let result = match cli.command {
        Command::Studies(command) => studies::run(&confab, command, cli.json).await,
        Command::Demo => output::study(&confab.load_demo_study().await?, cli.json),
        Command::Settings(SettingsCommand::Show { study }) => {
            settings::show(&confab, study, json).await
        }
        Command::Settings(SettingsCommand::Set(args)) => settings::set(&confab, *args, json).await,
        Command::Sessions(command) => schedule::sessions(&confab, command, json).await,
        Command::Interviewers(command) => schedule::interviewers(&confab, command, json).await,
        Command::Slots {
            study,
            from,
            to,
            time_zone,
        } => schedule::slots(&confab, study, from, to, time_zone, json).await,
        Command::Choose(args) => schedule::choose(&confab, args, json).await,
        Command::Assign {
            study,
            participant,
            rank,
        } => schedule::assign(&confab, study, participant, rank, json).await,
        Command::Book(args) => schedule::book(&confab, args, json).await,
        Command::Interviews(command) => schedule::interviews(&confab, command, json).await,
        Command::Status {
            study,
            participant,
            status,
            reason,
        } => schedule::set_status(&confab, study, participant, &status, &reason, json).await,
        Command::InviteCheck { study, participant } => {
            schedule::invite_check(&confab, study, participant, json).await
        }
        Command::History { participant, study } => {
            schedule::history(&confab, participant, study, json).await
        }
        Command::Participants(command) => participants::run(&confab, command, cli.json).await,
        Command::Mail(command) => mail::mail(&confab, command, json).await,
        Command::Invite(args) => mail::invite(&confab, args, json).await,
        Command::RequestReschedule { interview, message } => {
            mail::request_reschedule(&confab, interview, &message, json).await
        }
        Command::Outbox(command) => mail::outbox(&confab, command, json).await,
        Command::Sync => mail::sync(&confab, json).await,
        Command::Attention(command) => mail::attention(&confab, command, json).await,
        Command::Days(command) => days::run(&confab, command, json).await,
        Command::Backup { file } => backup::back_up(&confab, &file, json).await,
        Command::Restore { .. } => unreachable!("a restore runs before the database is opened"),
    };
    confab.close().await?;
    result
}

/// Scripts can tell a mistake in their input (2) from a problem with the database (3) and
/// one with the mail servers or the keyring (4), and a Sync that did not start because
/// another was running (5).
fn exit_code(code: ErrorCode) -> ExitCode {
    match code {
        ErrorCode::InvalidInput
        | ErrorCode::Conflict
        | ErrorCode::ChangedMeanwhile
        | ErrorCode::NotFound => ExitCode::from(2),
        ErrorCode::DataFolderUnusable
        | ErrorCode::DatabaseCorrupt
        | ErrorCode::DatabaseTooNew
        | ErrorCode::DatabaseUnreachable
        | ErrorCode::DatabaseSignIn
        | ErrorCode::Storage => ExitCode::from(3),
        ErrorCode::Mail | ErrorCode::SignIn => ExitCode::from(4),
        ErrorCode::SyncRunning => ExitCode::from(5),
        ErrorCode::Internal => ExitCode::FAILURE,
    }
}
