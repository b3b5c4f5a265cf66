//! Settings from an address: the servers, ports, security and sign-in method, and where they
//! came from, for the researcher to check and change before saving.

use confab_mail::account::AuthMethod;
use confab_mail::autoconfig::{self, AutoconfigOptions, FoundSettings, SignInKind};
use serde::Serialize;
use ts_rs::TS;

use super::profile::{MailAccount, MailAuth};
use crate::{AppError, Confab, ErrorCode};

/// Where to look for autoconfig files instead of each domain's own addresses: an
/// institution's own settings server, or a test's.
pub const AUTOCONFIG_URL_ENV: &str = "CONFAB_AUTOCONFIG_URL";

confab_core::closed_set! {
    /// How the account found for an address signs in.
    pub enum FoundSignIn {
        Password = "password",
        Google = "google",
        Microsoft = "microsoft",
    }
}

confab_core::closed_set! {
    /// Where the settings found for an address came from.
    pub enum SettingsSourceKind {
        /// Confab's own list of providers.
        Shipped = "shipped",
        /// An autoconfig file (the domain's, its provider's or an institution's).
        Autoconfig = "autoconfig",
        /// The domain's SRV records (RFC 6186).
        Srv = "srv",
        /// The domain's mail exchanger, matched to a known provider.
        Mx = "mx",
    }
}

/// What was found for an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoundMailSettings {
    pub account: MailAccount,
    pub sign_in: FoundSignIn,
    /// Where the settings came from, in words.
    pub source: String,
    pub source_kind: SettingsSourceKind,
}

impl Confab {
    /// Looks up the settings for `address`; nothing is saved.
    pub async fn find_mail_settings(&self, address: &str) -> Result<FoundMailSettings, AppError> {
        let options = AutoconfigOptions {
            autoconfig_base: std::env::var(AUTOCONFIG_URL_ENV)
                .ok()
                .filter(|url| !url.is_empty()),
            ..AutoconfigOptions::default()
        };
        find_with(address, &options).await
    }
}

pub(crate) async fn find_with(
    address: &str,
    options: &AutoconfigOptions,
) -> Result<FoundMailSettings, AppError> {
    let found = autoconfig::find_settings(address, options)
        .await
        .map_err(|err| AppError::new(ErrorCode::Mail, err.message))?;
    Ok(to_settings(found))
}

fn to_settings(found: FoundSettings) -> FoundMailSettings {
    let auth = match found.sign_in {
        SignInKind::Password => AuthMethod::Password,
        SignInKind::Google | SignInKind::Microsoft => AuthMethod::OAuth2,
    };
    let source_kind = match &found.source {
        autoconfig::Source::Shipped { .. } => SettingsSourceKind::Shipped,
        autoconfig::Source::Autoconfig { .. } => SettingsSourceKind::Autoconfig,
        autoconfig::Source::Srv { .. } => SettingsSourceKind::Srv,
        autoconfig::Source::Mx { .. } => SettingsSourceKind::Mx,
    };
    FoundMailSettings {
        account: MailAccount {
            username: found.username,
            auth: match auth {
                AuthMethod::Password => MailAuth::Password,
                AuthMethod::OAuth2 => MailAuth::Oauth2,
            },
            smtp_host: found.smtp.host,
            smtp_port: found.smtp.port,
            smtp_security: found.smtp.security.into(),
            smtp_login: true,
            imap_host: found.imap.host,
            imap_port: found.imap.port,
            imap_security: found.imap.security.into(),
            read_since: None,
        },
        sign_in: match found.sign_in {
            SignInKind::Password => FoundSignIn::Password,
            SignInKind::Google => FoundSignIn::Google,
            SignInKind::Microsoft => FoundSignIn::Microsoft,
        },
        source: found.source.to_string(),
        source_kind,
    }
}
