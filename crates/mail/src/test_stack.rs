//! A real mail stack on loopback for tests (OpenSMTPD and Dovecot, started by
//! `scripts/mail-stack.sh` in a fresh temporary folder), with the accounts to reach it.
//! Each [`MailStack`] is its own stack, stopped when it is dropped; if the test process
//! dies without dropping it, the script's watcher stops it.
//!
//! Needs root and the packages opensmtpd, dovecot-imapd, dovecot-lmtpd, and
//! dovecot-submissiond for the ports with TLS and login. [`MailStack::start_with_oauth`]
//! also needs Node.js and the project's npm packages (oauth2-mock-server).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::account::{AccountSettings, AuthMethod, Security, ServerSettings};
use crate::connect_options::ConnectOptions;
use crate::credentials::Secret;
use crate::oauth::{OAuthClient, Provider};
use crate::trust::Trust;

/// The users of every stack; each has the address `<user>@confab.test`.
pub const USERS: [&str; 5] = ["researcher", "alice", "bob", "carol", "dave"];

/// The stack listens on 127.0.0.1; the certificate names both this and `localhost`.
const HOST: &str = "127.0.0.1";

pub struct MailStack {
    dir: tempfile::TempDir,
    env: HashMap<String, String>,
}

impl MailStack {
    /// Starts a stack and waits until every port answers. Panics with the script's output
    /// (and the daemons' logs) when it cannot start.
    pub fn start() -> MailStack {
        Self::start_with(&[])
    }

    /// A stack with an OAuth 2 authorization server beside it, whose access tokens Dovecot
    /// takes with XOAUTH2 and OAUTHBEARER.
    pub fn start_with_oauth() -> MailStack {
        Self::start_with(&["--oauth"])
    }

    fn start_with(options: &[&str]) -> MailStack {
        let dir = tempfile::Builder::new()
            .prefix("confab-mail-stack-")
            .tempdir()
            .expect("a temporary folder for the mail stack");
        let output = Command::new("bash")
            .arg(script())
            .arg("start")
            .arg(dir.path())
            .args(options)
            .arg("--watch")
            .arg(std::process::id().to_string())
            .output()
            .expect("bash runs scripts/mail-stack.sh");
        assert!(
            output.status.success(),
            "the mail stack did not start ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let env_file = dir.path().join("stack.env");
        let text = std::fs::read_to_string(&env_file)
            .unwrap_or_else(|err| panic!("{} unreadable: {err}", env_file.display()));
        let env = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        MailStack { dir, env }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn host(&self) -> &str {
        HOST
    }

    /// SMTP without TLS or login (OpenSMTPD), delivering to the stack's users.
    pub fn smtp_port(&self) -> u16 {
        self.port("SMTP_PORT")
    }

    /// SMTP with TLS from the start and login (Dovecot submission).
    pub fn smtps_port(&self) -> u16 {
        self.port("SMTPS_PORT")
    }

    /// SMTP with STARTTLS and login (Dovecot submission).
    pub fn submission_port(&self) -> u16 {
        self.port("SUBMISSION_PORT")
    }

    /// IMAP without TLS, also offering STARTTLS.
    pub fn imap_port(&self) -> u16 {
        self.port("IMAP_PORT")
    }

    /// IMAP with TLS from the start.
    pub fn imaps_port(&self) -> u16 {
        self.port("IMAPS_PORT")
    }

    pub fn domain(&self) -> &str {
        self.value("DOMAIN")
    }

    pub fn address(&self, user: &str) -> String {
        format!("{user}@{}", self.domain())
    }

    /// Every user's password.
    pub fn password(&self) -> &str {
        self.value("PASSWORD")
    }

    pub fn secret(&self) -> Secret {
        Secret::new(self.password())
    }

    /// The CA that signed the servers' certificate.
    pub fn ca_file(&self) -> PathBuf {
        PathBuf::from(self.value("CA_FILE"))
    }

    /// The web PKI plus the stack's CA.
    pub fn trust(&self) -> Trust {
        Trust::web_pki()
            .with_pem_file(&self.ca_file())
            .expect("the stack's CA certificate")
    }

    /// Default timeouts, trusting the stack's CA.
    pub fn connect_options(&self) -> ConnectOptions {
        ConnectOptions::default().with_trust(self.trust())
    }

    /// `user`'s account without encryption: SMTP to OpenSMTPD without login, IMAP with
    /// LOGIN. Needs no TLS set-up, as a relay on this computer.
    pub fn account(&self, user: &str) -> AccountSettings {
        AccountSettings {
            smtp: ServerSettings::new(HOST, self.smtp_port(), Security::Plain),
            smtp_login: false,
            imap: ServerSettings::new(HOST, self.imap_port(), Security::Plain),
            ..self.base_account(user)
        }
    }

    /// `user`'s account the way a provider offers it: TLS from the start on both servers,
    /// logging in with the full address. Use [`MailStack::connect_options`] to trust the
    /// certificate.
    pub fn tls_account(&self, user: &str) -> AccountSettings {
        AccountSettings {
            smtp: ServerSettings::new(HOST, self.smtps_port(), Security::Tls),
            imap: ServerSettings::new(HOST, self.imaps_port(), Security::Tls),
            ..self.base_account(user)
        }
    }

    /// `user`'s account with STARTTLS on both servers.
    pub fn starttls_account(&self, user: &str) -> AccountSettings {
        AccountSettings {
            smtp: ServerSettings::new(HOST, self.submission_port(), Security::StartTls),
            imap: ServerSettings::new(HOST, self.imap_port(), Security::StartTls),
            ..self.base_account(user)
        }
    }

    /// The authorization server's issuer URL (a stack started with OAuth only).
    pub fn oauth_issuer(&self) -> &str {
        self.value("OAUTH_ISSUER")
    }

    /// The client the authorization server knows, found by discovery.
    pub fn oauth_client(&self) -> OAuthClient {
        OAuthClient {
            provider: Provider::Other {
                issuer: self.oauth_issuer().to_owned(),
            },
            client_id: self.value("OAUTH_CLIENT_ID").to_owned(),
            client_secret: None,
        }
    }

    /// `user`'s account signing in with OAuth, TLS from the start on both servers.
    pub fn oauth_account(&self, user: &str) -> AccountSettings {
        AccountSettings {
            auth: AuthMethod::OAuth2,
            ..self.tls_account(user)
        }
    }

    /// The browser's part of a sign-in: follows `authorization_url` through the
    /// authorization server (which approves at once) to the app's redirect, and returns the
    /// page the app answered with. Blocking: call it from a thread of its own.
    pub fn play_browser(authorization_url: &str) -> String {
        match ureq::get(authorization_url).call() {
            Ok(response) => response.into_string().unwrap_or_default(),
            Err(ureq::Error::Status(_, response)) => response.into_string().unwrap_or_default(),
            Err(err) => panic!("the browser step failed: {err}"),
        }
    }

    /// Access tokens issued from now on last `seconds`.
    pub fn set_access_token_lifetime(&self, seconds: u64) {
        let url = format!(
            "{}/control/access-token-seconds?seconds={seconds}",
            self.oauth_issuer()
        );
        ureq::post(&url)
            .call()
            .expect("the OAuth server takes the lifetime");
    }

    /// The next authorization is declined, as by a researcher who says no at the provider.
    pub fn deny_next_authorization(&self) {
        ureq::post(&format!("{}/control/deny-next", self.oauth_issuer()))
            .call()
            .expect("the OAuth server takes the control");
    }

    /// Revokes a refresh token at the authorization server (RFC 7009).
    pub fn revoke(&self, refresh_token: &Secret) {
        ureq::post(&format!("{}/revoke", self.oauth_issuer()))
            .send_form(&[("token", refresh_token.expose())])
            .expect("the OAuth server revokes the token");
    }

    /// Dovecot's log so far, where each login names its SASL mechanism.
    pub fn dovecot_log(&self) -> String {
        std::fs::read_to_string(self.dir().join("dovecot.log")).unwrap_or_default()
    }

    /// The authorization server's log so far: each token issued, refused or revoked.
    pub fn oauth_log(&self) -> String {
        std::fs::read_to_string(self.dir().join("oauth.log")).unwrap_or_default()
    }

    /// Stops the daemons now; dropping the stack does the same.
    pub fn stop(&self) {
        let status = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path())
            .status();
        if !matches!(status, Ok(status) if status.success()) {
            eprintln!(
                "mail stack in {} did not stop cleanly: {status:?}",
                self.dir.path().display()
            );
        }
    }

    fn base_account(&self, user: &str) -> AccountSettings {
        AccountSettings {
            display_name: format!("Test user {user}"),
            address: self.address(user),
            username: self.address(user),
            auth: AuthMethod::Password,
            smtp: ServerSettings::new(HOST, self.smtp_port(), Security::Plain),
            smtp_login: true,
            imap: ServerSettings::new(HOST, self.imap_port(), Security::Plain),
        }
    }

    fn value(&self, key: &str) -> &str {
        self.env.get(key).map(String::as_str).unwrap_or_else(|| {
            let hint = if key.contains("SMTPS") || key.contains("SUBMISSION") {
                " (SMTP with TLS needs Dovecot's submission service: apt-get install \
                 dovecot-submissiond)"
            } else {
                ""
            };
            panic!("the mail stack has no {key}{hint}")
        })
    }

    fn port(&self, key: &str) -> u16 {
        self.value(key)
            .parse()
            .unwrap_or_else(|err| panic!("{key} in stack.env: {err}"))
    }
}

impl Drop for MailStack {
    fn drop(&mut self) {
        self.stop();
    }
}

impl std::fmt::Debug for MailStack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailStack")
            .field("dir", &self.dir.path())
            .field("env", &self.env)
            .finish()
    }
}

/// The script beside this checkout's crates. Cargo names the running test's package folder
/// at run time; that is preferred to the folder this file was compiled in, which is another
/// checkout's when two share one build folder.
fn script() -> PathBuf {
    let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    crate_dir.join("../../scripts/mail-stack.sh")
}
