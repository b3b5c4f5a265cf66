//! The researcher who sends Confab's mail, and the account it goes through. The password or
//! the sign-in's tokens are kept in the OS keyring, never in the database.

use chrono::{NaiveDate, Utc};
use confab_core::{participant::normalize_email, time_zone::parse_time_zone};
use confab_mail::account::{
    AccountField, AccountSettings, AuthMethod, InvalidAccount, Security, ServerSettings,
};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::connection_test::test_connection;
use confab_mail::credentials::{self, CredentialError, Secret};
use confab_mail::oauth::{OAuthError, OAuthErrorKind};
use confab_store::entity::mail_profile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, Confab, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailProfile {
    pub researcher_name: String,
    pub researcher_email: String,
    /// The researcher's own time zone: times are shown to them in it.
    pub time_zone: String,
    pub account: Option<MailAccount>,
    /// Sync by itself whenever the computer is online.
    pub sync_automatically: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MailSecurity {
    Tls,
    StartTls,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MailAuth {
    Password,
    Oauth2,
}

/// The servers of the researcher's own mail account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MailAccount {
    pub username: String,
    pub auth: MailAuth,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_security: MailSecurity,
    /// Off only for a relay on this computer that takes mail without a login.
    pub smtp_login: bool,
    pub imap_host: String,
    pub imap_port: u16,
    pub imap_security: MailSecurity,
    /// Read mail received since this day (YYYY-MM-DD) when the inbox is read for the first
    /// time, or after this is changed; without it, Sync reads only what arrives after the
    /// account was connected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub read_since: Option<String>,
}

impl MailAccount {
    /// The day to read the inbox from, if one is set.
    pub(crate) fn read_since_date(&self) -> Result<Option<NaiveDate>, AppError> {
        read_since_date(self.read_since.as_deref())
    }

    /// Whether `other` is the same mailbox, read from the same point: otherwise where
    /// reading had got to does not apply any more.
    fn reads_like(&self, other: &MailAccount) -> bool {
        self.imap_host
            .trim()
            .eq_ignore_ascii_case(other.imap_host.trim())
            && self.imap_port == other.imap_port
            && self.username.trim() == other.username.trim()
            && read_since_date(self.read_since.as_deref()).ok()
                == read_since_date(other.read_since.as_deref()).ok()
    }
}

fn read_since_date(text: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::about_field(
                    ErrorCode::InvalidInput,
                    "readSince",
                    format!(
                        "\"Read mail received since\" needs a date such as 2026-11-01, not \"{text}\"."
                    ),
                )
            }),
    }
}

/// The outcome of Settings → Mail → Test connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    pub ok: bool,
    /// What works, or what failed and what to check.
    pub message: String,
    /// smtp or imap, when one failed.
    pub server: Option<String>,
    /// settings, dns, connect, tls, login, folder or conversation, when one failed.
    pub stage: Option<String>,
}

impl From<MailSecurity> for Security {
    fn from(s: MailSecurity) -> Self {
        match s {
            MailSecurity::Tls => Security::Tls,
            MailSecurity::StartTls => Security::StartTls,
            MailSecurity::Plain => Security::Plain,
        }
    }
}

impl From<Security> for MailSecurity {
    fn from(s: Security) -> Self {
        match s {
            Security::Tls => MailSecurity::Tls,
            Security::StartTls => MailSecurity::StartTls,
            Security::Plain => MailSecurity::Plain,
        }
    }
}

impl MailProfile {
    fn empty() -> Self {
        Self {
            researcher_name: String::new(),
            researcher_email: String::new(),
            time_zone: "UTC".into(),
            account: None,
            sync_automatically: false,
        }
    }

    /// The account as the mail crate takes it, or why Sync cannot run yet.
    pub(crate) fn account_settings(&self) -> Result<AccountSettings, AppError> {
        if self.researcher_email.is_empty() {
            return Err(AppError::invalid(
                "Set your email address in Settings → Mail before sending.",
            ));
        }
        let account = self.account.as_ref().ok_or_else(|| {
            AppError::invalid("Set up your mail account (SMTP and IMAP servers) in Settings → Mail before syncing.",
            )
        })?;
        Ok(AccountSettings {
            display_name: self.researcher_name.clone(),
            address: self.researcher_email.clone(),
            username: account.username.clone(),
            auth: match account.auth {
                MailAuth::Password => AuthMethod::Password,
                MailAuth::Oauth2 => AuthMethod::OAuth2,
            },
            smtp: ServerSettings::new(
                account.smtp_host.trim(),
                account.smtp_port,
                account.smtp_security.into(),
            ),
            smtp_login: account.smtp_login,
            imap: ServerSettings::new(
                account.imap_host.trim(),
                account.imap_port,
                account.imap_security.into(),
            ),
        })
    }
}

fn from_row(row: mail_profile::Model) -> Result<MailProfile, AppError> {
    let account = if row.account.is_empty() {
        None
    } else {
        Some(serde_json::from_str(&row.account).map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!("The saved mail account cannot be read ({e}); enter it again in Settings → Mail."),
            )
        })?)
    };
    Ok(MailProfile {
        researcher_name: row.researcher_name,
        researcher_email: row.researcher_email,
        time_zone: row.time_zone,
        account,
        sync_automatically: row.sync_automatically,
    })
}

pub(crate) async fn load_profile(
    db: &impl confab_store::ConnectionTrait,
) -> Result<MailProfile, AppError> {
    match confab_store::mail_profile::get(db).await? {
        Some(row) => from_row(row),
        None => Ok(MailProfile::empty()),
    }
}

/// A problem with the account's settings, on the field of Settings → Mail it is about.
fn account_problem(problem: InvalidAccount) -> AppError {
    let field = match problem.field {
        AccountField::DisplayName => "researcherName",
        AccountField::Address => "researcherEmail",
        AccountField::Username => "username",
        AccountField::SmtpHost => "smtpHost",
        AccountField::SmtpPort => "smtpPort",
        AccountField::SmtpSecurity => "smtpSecurity",
        AccountField::SmtpLogin => "smtpLogin",
        AccountField::ImapHost => "imapHost",
        AccountField::ImapPort => "imapPort",
        AccountField::ImapSecurity => "imapSecurity",
    };
    AppError::about_field(ErrorCode::InvalidInput, field, problem.to_string())
}

pub(crate) fn credential_error(error: CredentialError) -> AppError {
    AppError::new(ErrorCode::Mail, error.to_string())
}

pub(crate) fn oauth_error(error: OAuthError) -> AppError {
    let code = match error.kind {
        OAuthErrorKind::SignInAgain => ErrorCode::SignIn,
        _ => ErrorCode::Mail,
    };
    AppError::new(code, error.message)
}

/// The secret to log in with: `password` when given (a headless caller), else the keyring's
/// password, or for an account that signs in, an access token renewed if it is due.
pub(crate) async fn login_secret(
    account: &AccountSettings,
    password: Option<String>,
    timeout: std::time::Duration,
) -> Result<Secret, AppError> {
    match (password, account.auth) {
        (Some(p), _) => Ok(Secret::new(p)),
        (None, AuthMethod::Password) => credentials::load(account).await.map_err(credential_error),
        (None, AuthMethod::OAuth2) => confab_mail::oauth::access::access_token(account, timeout)
            .await
            .map_err(oauth_error),
    }
}

impl Confab {
    pub async fn mail_profile(&self) -> Result<MailProfile, AppError> {
        load_profile(&self.db).await
    }

    /// Saves the researcher's details and account, after checking every field. The sign-in
    /// method stays as it was saved: switching between a password and signing in is its own
    /// step ([`Confab::set_mail_sign_in_method`], or signing in), never a side effect of
    /// saving a form that shows other fields.
    pub async fn update_mail_profile(
        &self,
        mut input: MailProfile,
    ) -> Result<MailProfile, AppError> {
        let saved = self.mail_profile().await?;
        if let (Some(account), Some(saved)) = (input.account.as_mut(), saved.account.as_ref()) {
            account.auth = saved.auth;
        }
        self.save_mail_profile(input).await
    }

    /// Switches how the account logs in. The keyring's secret belongs to the method it was
    /// saved for, so it is removed: a password must then be saved, or a sign-in made, before
    /// Sync can run, and Sync says which.
    pub async fn set_mail_sign_in_method(&self, auth: MailAuth) -> Result<MailProfile, AppError> {
        let mut profile = self.mail_profile().await?;
        let account = profile.account.as_mut().ok_or_else(|| {
            AppError::invalid(
                "Set up your mail account (SMTP and IMAP servers) in Settings → Mail first.",
            )
        })?;
        if account.auth == auth {
            return Ok(profile);
        }
        let before = profile.account_settings()?;
        match credentials::delete(&before).await {
            // Without a keyring (a headless machine) there is nothing to remove.
            Ok(()) | Err(CredentialError::Unavailable { .. }) => {}
            Err(err) => return Err(credential_error(err)),
        }
        if let Some(account) = profile.account.as_mut() {
            account.auth = auth;
        }
        self.save_mail_profile(profile).await
    }

    pub(crate) async fn save_mail_profile(
        &self,
        input: MailProfile,
    ) -> Result<MailProfile, AppError> {
        let name = input.researcher_name.trim().to_owned();
        if name.contains(['\r', '\n']) {
            return Err(AppError::about_field(
                ErrorCode::InvalidInput,
                "researcherName",
                "Your name cannot contain line breaks.",
            ));
        }
        let email = if input.researcher_email.trim().is_empty() {
            String::new()
        } else {
            normalize_email(&input.researcher_email).map_err(|message| {
                AppError::about_field(ErrorCode::InvalidInput, "researcherEmail", message)
            })?
        };
        let zone = parse_time_zone(input.time_zone.trim()).map_err(|message| {
            AppError::about_field(ErrorCode::InvalidInput, "timeZone", message)
        })?;
        let mut input = input;
        if let Some(account) = input.account.as_mut() {
            account.read_since = account
                .read_since_date()?
                .map(|d| d.format("%Y-%m-%d").to_string());
        }
        let profile = MailProfile {
            researcher_name: name,
            researcher_email: email,
            time_zone: zone.name().to_owned(),
            account: input.account,
            sync_automatically: input.sync_automatically,
        };
        if profile.account.is_some() {
            profile
                .account_settings()?
                .validate()
                .map_err(account_problem)?;
        }
        let account = match &profile.account {
            Some(a) => serde_json::to_string(a)
                .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?,
            None => String::new(),
        };
        let saved = load_profile(&self.db).await?;
        let same_mailbox = match (&saved.account, &profile.account) {
            (Some(before), Some(now)) => before.reads_like(now),
            _ => false,
        };
        if !same_mailbox {
            // Another mailbox, or another day to read from: the next Sync starts afresh.
            confab_store::inbound::forget_position(&self.db, super::sync::INBOX).await?;
        }
        confab_store::mail_profile::put(
            &self.db,
            mail_profile::Model {
                id: 1,
                researcher_name: profile.researcher_name.clone(),
                researcher_email: profile.researcher_email.clone(),
                time_zone: profile.time_zone.clone(),
                account,
                sync_automatically: profile.sync_automatically,
                updated_at: Utc::now().timestamp(),
            },
        )
        .await?;
        Ok(profile)
    }

    /// Puts the account's password (or OAuth token) in the OS keyring.
    pub async fn save_mail_password(&self, password: &str) -> Result<(), AppError> {
        if password.is_empty() {
            return Err(AppError::invalid("Type the password of your mail account."));
        }
        let account = self.mail_profile().await?.account_settings()?;
        // The keyring entry holds the sign-in's tokens: a password would replace them.
        if account.auth == AuthMethod::OAuth2 {
            return Err(AppError::invalid(
                "This account signs in with OAuth, so it has no password to save. To log in \
                 with a password instead, switch to password login first (Settings → Mail, or \
                 `confab mail set --password-login`).",
            ));
        }
        credentials::store(&account, &Secret::new(password))
            .await
            .map_err(credential_error)
    }

    /// Connects to both servers with the saved settings (and `password`, or the keyring's)
    /// and says what works, or precisely which step failed.
    pub async fn test_mail_connection(
        &self,
        password: Option<String>,
    ) -> Result<ConnectionCheck, AppError> {
        let account = self.mail_profile().await?.account_settings()?;
        let secret = match login_secret(&account, password, ConnectOptions::TEST_TIMEOUT).await {
            Ok(secret) => secret,
            // A sign-in that must be made again is a failed login, shown like one.
            Err(err) if account.auth == AuthMethod::OAuth2 => {
                return Ok(ConnectionCheck {
                    ok: false,
                    message: err.message,
                    server: Some("imap".into()),
                    stage: Some("login".into()),
                });
            }
            Err(err) => return Err(err),
        };
        Ok(match test_connection(&account, &secret).await {
            Ok(report) => ConnectionCheck {
                ok: true,
                message: format!(
                    "Both servers answered: mail goes out through {} and replies are read from {}; sent mail is filed in \"{}\".",
                    report.smtp_server, report.imap_server, report.sent_folder
                ),
                server: None,
                stage: None,
            },
            Err(failure) => ConnectionCheck {
                ok: false,
                message: failure.message.clone(),
                server: Some(format!("{:?}", failure.server).to_lowercase()),
                stage: Some(format!("{:?}", failure.stage).to_lowercase()),
            },
        })
    }

    /// Takes the password out of the OS keyring.
    pub async fn forget_mail_password(&self) -> Result<(), AppError> {
        let account = self.mail_profile().await?.account_settings()?;
        credentials::delete(&account)
            .await
            .map_err(credential_error)
    }
}
