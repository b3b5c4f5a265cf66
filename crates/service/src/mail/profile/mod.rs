//! The researcher who sends Confab's mail, and the account it goes through. The password or
//! the sign-in's tokens are kept in the OS keyring, never in the database.

use chrono::NaiveDate;
use confab_mail::account::{AccountSettings, AuthMethod, Security, ServerSettings};
use confab_store::entity::mail_profile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, ErrorCode};

mod login;
mod use_cases;

pub(crate) use login::{login_secret, oauth_error};

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
    if let Some(kept) = crate::mail::read_once::profile() {
        return Ok(kept);
    }
    let profile = match confab_store::mail_profile::get(db).await? {
        Some(row) => from_row(row)?,
        None => MailProfile::empty(),
    };
    crate::mail::read_once::keep_profile(&profile);
    Ok(profile)
}
