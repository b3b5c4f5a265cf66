//! `confab mail sign-in`: signs the mail account in with Google, Microsoft or another
//! provider in the browser. The authorization address is printed on a line of its own, so
//! it can be opened on another device or by a script, and the command waits for the
//! browser's redirect.

use std::process::{Command, Stdio};
use std::time::Duration;

use clap::{Args, ValueEnum};
use confab_service::{AppError, Confab, MailProvider, SignInChoice};

use crate::output::{print_json, print_text};

/// How long the browser step may take.
const TIME_LIMIT: Duration = Duration::from_secs(5 * 60);

#[derive(Clone, Copy, ValueEnum)]
pub enum ProviderArg {
    Google,
    Microsoft,
    Other,
}

#[derive(Args)]
pub struct SignInArgs {
    /// The provider [default: found from the IMAP server, or `other` with --issuer]
    #[arg(long, value_enum)]
    provider: Option<ProviderArg>,
    /// Microsoft only: common (the default), organizations, or your tenant ID or domain
    #[arg(long)]
    tenant: Option<String>,
    /// Another provider's issuer URL, whose settings are found by discovery
    #[arg(long)]
    issuer: Option<String>,
    /// Your institution's app registration, instead of the one built into Confab
    #[arg(long)]
    client_id: Option<String>,
    /// The client secret, for providers that want one even from desktop apps (Google)
    #[arg(long)]
    client_secret: Option<String>,
    /// Only print the address; open it in a browser yourself
    #[arg(long)]
    no_browser: bool,
}

pub async fn sign_in(confab: &Confab, args: SignInArgs, json: bool) -> Result<(), AppError> {
    let pending = confab
        .start_mail_sign_in(SignInChoice {
            provider: args.provider.map(|p| match p {
                ProviderArg::Google => MailProvider::Google,
                ProviderArg::Microsoft => MailProvider::Microsoft,
                ProviderArg::Other => MailProvider::Other,
            }),
            tenant: args.tenant,
            issuer: args.issuer,
            client_id: args.client_id,
            client_secret: args.client_secret,
        })
        .await?;
    let url = pending.authorization_url().to_owned();
    eprintln!(
        "Sign in in your browser at the address below; Confab waits up to {} minutes.",
        TIME_LIMIT.as_secs() / 60
    );
    print_text(&format!("{url}\n"))?;
    if !args.no_browser && !open_browser(&url) {
        eprintln!("No browser could be opened here: open the address yourself.");
    }
    let profile = confab.finish_mail_sign_in(pending, TIME_LIMIT).await?;
    if json {
        return print_json(&profile);
    }
    eprintln!(
        "Signed in: Confab now sends and reads {}'s mail with this sign-in, kept in the OS \
         keyring.",
        profile.researcher_email
    );
    Ok(())
}

/// Hands the address to the system's browser, without waiting for it.
fn open_browser(url: &str) -> bool {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut start = Command::new("cmd");
        start.args(["/C", "start", ""]);
        start
    } else {
        Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .is_ok()
}
