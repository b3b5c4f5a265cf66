//! Saving the researcher's mail profile, switching how the account logs in, and its
//! password and connection test.

use chrono::Utc;
use confab_core::{participant::normalize_email, time_zone::parse_time_zone};
use confab_mail::account::{AccountField, AuthMethod, InvalidAccount};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::connection_test::test_connection;
use confab_mail::credentials::{self, CredentialError, Secret};
use confab_store::entity::mail_profile;

use super::login::{credential_error, login_secret};
use super::{ConnectionCheck, MailAuth, MailProfile, load_profile};
use crate::{AppError, Confab, ErrorCode};

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
            confab_store::inbound::forget_position(&self.db, crate::mail::sync::INBOX).await?;
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
