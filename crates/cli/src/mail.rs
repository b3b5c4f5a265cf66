//! `confab mail`, `invite`, `outbox`, `sync` and `attention`: the researcher's mail from the
//! command line, so a scheduled task can run Sync.

use std::io::Read;

use clap::{Args, Subcommand, ValueEnum};
use confab_service::{
    Actor, AppError, Confab, ErrorCode, MailAccount, MailAuth, MailProfile, MailSecurity,
    OutboxEdit, OutboxFilter, ParticipantQuery, RuleBreak, SyncOptions, SyncProgress,
};

use crate::output::{print_json, print_text};

/// Read by `confab sync` and `confab mail password` when set, for machines without a keyring.
pub const PASSWORD_ENV: &str = "CONFAB_MAIL_PASSWORD";
/// The calendar account's password for a headless `confab sync` (otherwise the keyring's).
pub const CALENDAR_PASSWORD_ENV: &str = "CONFAB_CALENDAR_PASSWORD";

#[derive(Subcommand)]
pub enum MailCommand {
    /// Show your name, address, time zone and mail servers
    Show,
    /// Change them; options left out keep their value
    Set(Box<MailSetArgs>),
    /// Save the account's password in the OS keyring (read from standard input, or from
    /// $CONFAB_MAIL_PASSWORD)
    Password,
    /// Remove the account's password from the OS keyring
    ForgetPassword,
    /// Sign in with Google, Microsoft or another provider in the browser, instead of a
    /// password; prints the address to open on its own line and waits for the sign-in
    SignIn(crate::sign_in::SignInArgs),
    /// Find the servers, ports, security and sign-in for an address, and say where they came
    /// from (nothing is saved)
    Autoconfig { address: String },
    /// Connect to both servers and say what works, or which step failed
    Test,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SecurityArg {
    Tls,
    Starttls,
    Plain,
}

impl From<SecurityArg> for MailSecurity {
    fn from(s: SecurityArg) -> Self {
        match s {
            SecurityArg::Tls => MailSecurity::Tls,
            SecurityArg::Starttls => MailSecurity::StartTls,
            SecurityArg::Plain => MailSecurity::Plain,
        }
    }
}

#[derive(Args)]
pub struct MailSetArgs {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    time_zone: Option<String>,
    /// The login name on both servers [default: the email address]
    #[arg(long)]
    username: Option<String>,
    #[arg(long)]
    smtp_host: Option<String>,
    #[arg(long)]
    smtp_port: Option<u16>,
    #[arg(long, value_enum)]
    smtp_security: Option<SecurityArg>,
    /// For a relay on this computer that takes mail without a login
    #[arg(long)]
    no_smtp_login: bool,
    #[arg(long)]
    imap_host: Option<String>,
    #[arg(long)]
    imap_port: Option<u16>,
    #[arg(long, value_enum)]
    imap_security: Option<SecurityArg>,
    /// Read mail received since this day (YYYY-MM-DD) at the next Sync; "" to read only what
    /// arrives after the account is connected [default]
    #[arg(long, value_name = "DATE")]
    read_since: Option<String>,
    /// Log in with OAuth 2 tokens instead of a password (see `confab mail sign-in`)
    #[arg(long, conflicts_with = "password_login")]
    oauth2: bool,
    /// Log in with a password again (see `confab mail password`)
    #[arg(long)]
    password_login: bool,
    /// Sync by itself whenever the app is online
    #[arg(long)]
    sync_automatically: Option<bool>,
}

#[derive(Subcommand)]
pub enum OutboxCommand {
    /// Messages waiting to go out (or --sent, --all)
    List {
        #[arg(long)]
        sent: bool,
        #[arg(long)]
        all: bool,
    },
    Show {
        id: i64,
    },
    /// Keep a message back from Sync
    Hold {
        id: i64,
    },
    /// Let Sync send a held or failed message
    Release {
        id: i64,
    },
    /// Rewrite a message's subject and text before it goes out
    Edit {
        id: i64,
        #[arg(long)]
        subject: String,
        /// The new text, or `-` to read it from standard input; left out, the text stays
        #[arg(long)]
        text: Option<String>,
    },
    Delete {
        id: i64,
    },
}

#[derive(Subcommand)]
pub enum AttentionCommand {
    /// Items Sync could not settle alone
    List {
        #[arg(long)]
        study: Option<i64>,
    },
    /// Accept a counter-proposal: the interview moves and an update goes out
    Accept {
        id: i64,
        /// Book past this rule (repeat for several), after `confab book --check` showed it
        #[arg(long = "accept")]
        accepted: Vec<RuleBreak>,
    },
    /// Decline a counter-proposal: the interview stays and the participant is told
    Decline {
        id: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take an item off the list
    Dismiss {
        id: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Args)]
pub struct InviteArgs {
    #[arg(long)]
    study: i64,
    /// A participant to invite (repeat for several)
    #[arg(long = "participant")]
    participants: Vec<i64>,
    /// Every participant of the study who can be invited now
    #[arg(long)]
    all: bool,
}

fn text_or_stdin(text: Option<String>) -> Result<String, AppError> {
    if let Some(t) = text {
        return Ok(t);
    }
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| AppError::invalid(format!("could not read standard input: {e}")))?;
    Ok(s)
}

fn show_profile(p: &MailProfile, json: bool) -> Result<(), AppError> {
    if json {
        return print_json(p);
    }
    let mut text = format!(
        "Researcher: {} <{}>\nTime zone:  {}\nSync automatically: {}\n",
        p.researcher_name,
        p.researcher_email,
        p.time_zone,
        if p.sync_automatically { "yes" } else { "no" }
    );
    match &p.account {
        None => text
            .push_str("Mail account: not set up (confab mail set --smtp-host … --imap-host …)\n"),
        Some(a) => text.push_str(&format!(
            "Login:      {} ({})\nSMTP:       {}:{} ({:?}{})\nIMAP:       {}:{} ({:?})\nRead mail:  {}\n",
            a.username,
            match a.auth {
                MailAuth::Password => "password",
                MailAuth::Oauth2 => "signed in with OAuth",
            },
            a.smtp_host,
            a.smtp_port,
            a.smtp_security,
            if a.smtp_login { "" } else { ", no login" },
            a.imap_host,
            a.imap_port,
            a.imap_security,
            match &a.read_since {
                Some(day) => format!("received since {day}"),
                None => "received after the account was connected".into(),
            }
        )),
    }
    print_text(&text)
}

pub async fn mail(confab: &Confab, command: MailCommand, json: bool) -> Result<(), AppError> {
    match command {
        MailCommand::Show => show_profile(&confab.mail_profile().await?, json),
        MailCommand::Set(args) => {
            let mut p = confab.mail_profile().await?;
            let a = *args;
            if let Some(v) = a.name {
                p.researcher_name = v;
            }
            if let Some(v) = a.email {
                p.researcher_email = v;
            }
            if let Some(v) = a.time_zone {
                p.time_zone = v;
            }
            if let Some(v) = a.sync_automatically {
                p.sync_automatically = v;
            }
            let touches_account = a.username.is_some()
                || a.smtp_host.is_some()
                || a.smtp_port.is_some()
                || a.smtp_security.is_some()
                || a.imap_host.is_some()
                || a.imap_port.is_some()
                || a.imap_security.is_some()
                || a.read_since.is_some()
                || a.no_smtp_login;
            if touches_account {
                let mut acc = p.account.clone().unwrap_or(MailAccount {
                    username: p.researcher_email.clone(),
                    auth: MailAuth::Password,
                    smtp_host: String::new(),
                    smtp_port: 587,
                    smtp_security: MailSecurity::StartTls,
                    smtp_login: true,
                    imap_host: String::new(),
                    imap_port: 993,
                    imap_security: MailSecurity::Tls,
                    read_since: None,
                });
                if let Some(v) = a.username {
                    acc.username = v;
                }
                if let Some(v) = a.smtp_host {
                    acc.smtp_host = v;
                }
                if let Some(v) = a.smtp_port {
                    acc.smtp_port = v;
                }
                if let Some(v) = a.smtp_security {
                    acc.smtp_security = v.into();
                }
                if let Some(v) = a.imap_host {
                    acc.imap_host = v;
                }
                if let Some(v) = a.imap_port {
                    acc.imap_port = v;
                }
                if let Some(v) = a.imap_security {
                    acc.imap_security = v.into();
                }
                if let Some(v) = a.read_since {
                    acc.read_since = Some(v).filter(|v| !v.trim().is_empty());
                }
                if a.no_smtp_login {
                    acc.smtp_login = false;
                }
                p.account = Some(acc);
            }
            let mut saved = confab.update_mail_profile(p).await?;
            // Switching the sign-in method is its own step, never a side effect of saving.
            let switch = match (a.oauth2, a.password_login) {
                (true, _) => Some(MailAuth::Oauth2),
                (_, true) => Some(MailAuth::Password),
                _ => None,
            };
            if let Some(auth) = switch {
                saved = confab.set_mail_sign_in_method(auth).await?;
            }
            show_profile(&saved, json)
        }
        MailCommand::Password => {
            let password = match std::env::var(PASSWORD_ENV) {
                Ok(p) => p,
                Err(_) => text_or_stdin(None)?
                    .trim_end_matches(['\r', '\n'])
                    .to_owned(),
            };
            confab.save_mail_password(&password).await?;
            print_text("The password is saved in the OS keyring.\n")
        }
        MailCommand::Test => {
            let check = confab
                .test_mail_connection(std::env::var(PASSWORD_ENV).ok())
                .await?;
            if json {
                print_json(&check)?;
            } else {
                print_text(&format!("{}\n", check.message))?;
            }
            if check.ok {
                Ok(())
            } else {
                Err(AppError::new(ErrorCode::Mail, check.message))
            }
        }
        MailCommand::SignIn(args) => crate::sign_in::sign_in(confab, args, json).await,
        MailCommand::Autoconfig { address } => {
            let found = confab.find_mail_settings(&address).await?;
            if json {
                return print_json(&found);
            }
            let a = &found.account;
            print_text(&format!(
                "From {}:\nLogin:      {} ({})\nSMTP:       {}:{} ({:?})\nIMAP:       {}:{} ({:?})\n",
                found.source,
                a.username,
                match found.sign_in.as_str() {
                    "google" => "sign in with Google",
                    "microsoft" => "sign in with Microsoft",
                    _ => "password",
                },
                a.smtp_host,
                a.smtp_port,
                a.smtp_security,
                a.imap_host,
                a.imap_port,
                a.imap_security
            ))
        }
        MailCommand::ForgetPassword => {
            confab.forget_mail_password().await?;
            print_text("The password is removed from the OS keyring.\n")
        }
    }
}

pub async fn invite(confab: &Confab, args: InviteArgs, json: bool) -> Result<(), AppError> {
    let ids = if args.all {
        confab
            .search_participants(ParticipantQuery {
                study_id: Some(args.study),
                ..Default::default()
            })
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect()
    } else {
        args.participants
    };
    if ids.is_empty() {
        return Err(AppError::invalid(
            "Name participants with --participant ID, or use --all.",
        ));
    }
    let report = confab
        .invite_participants(args.study, &ids, &Actor::researcher())
        .await?;
    if json {
        return print_json(&report);
    }
    let mut text = format!(
        "{} invitation(s) in the outbox; run `confab sync` to send them.\n",
        report.queued.len()
    );
    for s in &report.skipped {
        text.push_str(&format!(
            "  skipped participant {}: {}\n",
            s.participant_id, s.reason
        ));
    }
    print_text(&text)
}

pub async fn outbox(confab: &Confab, command: OutboxCommand, json: bool) -> Result<(), AppError> {
    let one = |m| {
        if json {
            print_json(&m)
        } else {
            print_message(&m)
        }
    };
    match command {
        OutboxCommand::List { sent, all } => {
            let filter = if all {
                OutboxFilter::All
            } else if sent {
                OutboxFilter::Sent
            } else {
                OutboxFilter::Waiting
            };
            let list = confab.list_outbox(filter).await?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                return print_text("The outbox is empty.\n");
            }
            let mut text = String::new();
            for m in &list {
                text.push_str(&format!(
                    "{:>5}  {:<8}  {:<18}  {}  — {}\n",
                    m.id,
                    m.state,
                    m.kind,
                    m.recipients.join(", "),
                    m.subject
                ));
            }
            print_text(&text)
        }
        OutboxCommand::Show { id } => one(confab.outbox_message(id).await?),
        OutboxCommand::Hold { id } => one(confab.hold_outbox_message(id).await?),
        OutboxCommand::Release { id } => one(confab.release_outbox_message(id).await?),
        OutboxCommand::Edit { id, subject, text } => {
            let text = match text.as_deref() {
                None => confab.outbox_message(id).await?.text,
                Some("-") => text_or_stdin(None)?,
                Some(_) => text_or_stdin(text)?,
            };
            one(confab
                .edit_outbox_message(id, OutboxEdit { subject, text })
                .await?)
        }
        OutboxCommand::Delete { id } => {
            confab.delete_outbox_message(id).await?;
            print_text("Deleted.\n")
        }
    }
}

fn print_message(m: &confab_service::OutboxMessage) -> Result<(), AppError> {
    print_text(&format!(
        "Message {} ({}, {})\nTo: {}\nSubject: {}\n{}{}\n{}\n",
        m.id,
        m.kind,
        m.state,
        m.recipients.join(", "),
        m.subject,
        m.calendar_method
            .as_deref()
            .map(|c| format!("Calendar: {c}\n"))
            .unwrap_or_default(),
        if m.last_error.is_empty() {
            String::new()
        } else {
            format!("Last error: {}\n", m.last_error)
        },
        m.text
    ))
}

pub async fn sync(confab: &Confab, json: bool) -> Result<(), AppError> {
    let options = SyncOptions {
        password: std::env::var(PASSWORD_ENV).ok(),
        calendar_password: std::env::var(CALENDAR_PASSWORD_ENV).ok(),
        ..Default::default()
    };
    let report = confab
        .sync(options, |p| {
            if !json {
                let line = match p {
                    SyncProgress::Connecting => "Connecting…".to_owned(),
                    SyncProgress::Sending { done, total } => format!("Sending {done} of {total}"),
                    SyncProgress::Reading { done, total } => format!("Reading {done} of {total}"),
                    SyncProgress::Finished => "Done.".to_owned(),
                };
                eprintln!("{line}");
            }
        })
        .await?;
    if json {
        return print_json(&report);
    }
    let mut text = format!(
        "Sent {}, deferred {}, failed {}; read {}, applied {}, needing attention {}.\n",
        report.sent,
        report.deferred,
        report.failed,
        report.read,
        report.applied,
        report.needs_attention
    );
    if report.calendars_read + report.calendar_written + report.calendar_removed > 0 {
        text.push_str(&format!(
            "Calendars: busy times read for {} interviewer(s); {} interview(s) written, {} removed.\n",
            report.calendars_read, report.calendar_written, report.calendar_removed
        ));
    }
    for a in &report.actions {
        text.push_str(&format!("  {a}\n"));
    }
    for w in &report.warnings {
        text.push_str(&format!("warning: {w}\n"));
    }
    print_text(&text)
}

pub async fn attention(
    confab: &Confab,
    command: AttentionCommand,
    json: bool,
) -> Result<(), AppError> {
    match command {
        AttentionCommand::List { study } => {
            let items = confab.attention_items(study).await?;
            if json {
                return print_json(&items);
            }
            if items.is_empty() {
                return print_text("Nothing needs your attention.\n");
            }
            let mut text = String::new();
            for i in &items {
                text.push_str(&format!("{:>5}  {:<18}  {}\n", i.id, i.kind, i.summary));
            }
            print_text(&text)
        }
        AttentionCommand::Accept { id, accepted } => {
            let moved = confab
                .accept_counter_proposal(id, &accepted, &Actor::researcher())
                .await?;
            if json {
                return print_json(&moved);
            }
            print_text(&format!(
                "Interview {} moved to {}; the update is in the outbox.\n",
                moved.id,
                moved.start.to_rfc3339()
            ))
        }
        AttentionCommand::Decline { id, note } => {
            confab.decline_counter_proposal(id, &note).await?;
            print_text("Declined; the answer is in the outbox.\n")
        }
        AttentionCommand::Dismiss { id, note } => {
            confab.dismiss_attention_item(id, &note).await?;
            print_text("Done.\n")
        }
    }
}

pub async fn request_reschedule(
    confab: &Confab,
    interview: i64,
    message: &str,
    json: bool,
) -> Result<(), AppError> {
    let m = confab
        .compose_reschedule_request(interview, message)
        .await?;
    if json {
        return print_json(&m);
    }
    print_message(&m)
}
