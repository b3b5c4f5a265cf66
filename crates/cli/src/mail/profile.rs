//! The mail profile on the command line: the researcher's name, address and servers, the
//! account's password or sign-in, and testing the connection.

use clap::{Args, Subcommand, ValueEnum};
use confab_service::{
    AppError, Confab, ErrorCode, FoundSignIn, MailAccount, MailAuth, MailSecurity,
};

use super::print::show_profile;
use super::{PASSWORD_ENV, text_or_stdin};
use crate::output::{print_json, print_text};

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
                match found.sign_in {
                    FoundSignIn::Google => "sign in with Google",
                    FoundSignIn::Microsoft => "sign in with Microsoft",
                    FoundSignIn::Password => "password",
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
