//! Signing the mail account in with OAuth: Google, Microsoft 365, or another provider found
//! from its issuer URL. Signing in is the explicit choice of that method: once the tokens
//! are in the keyring, the account logs in with them.

use std::time::Duration;

use confab_mail::account::AccountSettings;
use confab_mail::oauth::{OAuthClient, Provider, SignIn, grant};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::profile::{MailAccount, MailAuth, MailProfile, MailSecurity, oauth_error};
use crate::{AppError, Confab};

/// How long looking up a provider or trading a code for tokens may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(30);

/// Which provider to sign in with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MailProvider {
    Google,
    Microsoft,
    /// Another provider, found from its issuer URL.
    Other,
}

/// What the researcher chose; what is left out is taken from the account's servers and
/// from this copy of Confab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInChoice {
    /// Left out: Google or Microsoft when the IMAP server is theirs, another provider when
    /// an issuer is given.
    pub provider: Option<MailProvider>,
    /// For Microsoft: `common` (the default), `organizations`, or a tenant ID or domain.
    pub tenant: Option<String>,
    /// For another provider: its issuer URL.
    pub issuer: Option<String>,
    /// The institution's own app registration, instead of the one built into Confab.
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
}

/// A sign-in waiting for the browser.
#[derive(Debug)]
pub struct PendingSignIn {
    sign_in: SignIn,
    profile: MailProfile,
    account: AccountSettings,
}

impl PendingSignIn {
    /// Where to send the browser.
    pub fn authorization_url(&self) -> &str {
        self.sign_in.authorization_url()
    }
}

impl Confab {
    /// Prepares a sign-in: finds the provider and returns the address to open in the
    /// browser. A Google or Microsoft account without servers yet gets the provider's.
    pub async fn start_mail_sign_in(
        &self,
        choice: SignInChoice,
    ) -> Result<PendingSignIn, AppError> {
        let mut profile = self.mail_profile().await?;
        if profile.researcher_email.is_empty() {
            return Err(AppError::invalid(
                "Set your email address in Settings → Mail (or with `confab mail set --email`) \
                 before signing in.",
            ));
        }
        let provider = provider(&choice, profile.account.as_ref())?;
        if profile.account.is_none() {
            profile.account = Some(provider_servers(&provider, &profile.researcher_email)?);
        }
        if let Some(account) = profile.account.as_mut() {
            account.auth = MailAuth::Oauth2;
        }
        let account = profile.account_settings()?;
        let client = match choice.client_id.filter(|id| !id.trim().is_empty()) {
            Some(id) => OAuthClient {
                provider: provider.clone(),
                client_id: id.trim().to_owned(),
                client_secret: choice.client_secret.filter(|s| !s.is_empty()),
            },
            None => provider.built_in_client().ok_or_else(|| {
                AppError::invalid(format!(
                    "This copy of Confab was built without a client ID for {provider}: give your \
                     institution's client ID (Settings → Mail, or --client-id); the README says \
                     how to register one."
                ))
            })?,
        };
        let sign_in = SignIn::start(client, Some(&profile.researcher_email), PROVIDER_TIMEOUT)
            .await
            .map_err(oauth_error)?;
        Ok(PendingSignIn {
            sign_in,
            profile,
            account,
        })
    }

    /// Waits for the browser (at most `time_limit`), keeps the tokens in the OS keyring and
    /// switches the account to signing in. On any failure the account stays as it was.
    pub async fn finish_mail_sign_in(
        &self,
        pending: PendingSignIn,
        time_limit: Duration,
    ) -> Result<MailProfile, AppError> {
        let grant = pending
            .sign_in
            .finish(time_limit)
            .await
            .map_err(oauth_error)?;
        grant::save(&pending.account, &grant)
            .await
            .map_err(oauth_error)?;
        self.save_mail_profile(pending.profile).await
    }
}

fn provider(choice: &SignInChoice, account: Option<&MailAccount>) -> Result<Provider, AppError> {
    let tenant = || {
        choice
            .tenant
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "common".into())
    };
    let issuer = choice.issuer.clone().filter(|i| !i.trim().is_empty());
    let imap_host = account.map(|a| a.imap_host.to_ascii_lowercase());
    let chosen = choice.provider.or_else(|| {
        if issuer.is_some() {
            return Some(MailProvider::Other);
        }
        let host = imap_host.as_deref()?;
        if host.ends_with("gmail.com") || host.ends_with("googlemail.com") {
            Some(MailProvider::Google)
        } else if host.ends_with("office365.com") || host.ends_with("outlook.com") {
            Some(MailProvider::Microsoft)
        } else {
            None
        }
    });
    match chosen {
        Some(MailProvider::Google) => Ok(Provider::Google),
        Some(MailProvider::Microsoft) => Ok(Provider::Microsoft { tenant: tenant() }),
        Some(MailProvider::Other) => issuer
            .map(|issuer| Provider::Other {
                issuer: issuer.trim().to_owned(),
            })
            .ok_or_else(|| {
                AppError::invalid("Give the issuer URL of your sign-in provider (--issuer).")
            }),
        None => Err(AppError::invalid(
            "Say which provider to sign in with: Google, Microsoft, or another one by its issuer \
             URL (--provider, --issuer).",
        )),
    }
}

/// The servers of Google's and Microsoft's mail, for an account that has none yet.
fn provider_servers(provider: &Provider, address: &str) -> Result<MailAccount, AppError> {
    let (imap_host, smtp_host, smtp_port, smtp_security) = match provider {
        Provider::Google => ("imap.gmail.com", "smtp.gmail.com", 465, MailSecurity::Tls),
        Provider::Microsoft { .. } => (
            "outlook.office365.com",
            "smtp.office365.com",
            587,
            MailSecurity::StartTls,
        ),
        Provider::Other { .. } => {
            return Err(AppError::invalid(
                "Set up the account's servers first (Settings → Mail, or `confab mail set \
                 --smtp-host … --imap-host …`), then sign in.",
            ));
        }
    };
    Ok(MailAccount {
        username: address.to_owned(),
        auth: MailAuth::Oauth2,
        smtp_host: smtp_host.into(),
        smtp_port,
        smtp_security,
        smtp_login: true,
        imap_host: imap_host.into(),
        imap_port: 993,
        imap_security: MailSecurity::Tls,
        read_since: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(imap_host: &str) -> MailAccount {
        let mut account = provider_servers(&Provider::Google, "a@b.example").unwrap();
        account.imap_host = imap_host.into();
        account
    }

    #[test]
    fn the_provider_is_found_from_the_choice_or_the_servers() {
        let none = SignInChoice::default();
        assert_eq!(
            provider(&none, Some(&account("imap.gmail.com"))).unwrap(),
            Provider::Google
        );
        assert_eq!(
            provider(&none, Some(&account("outlook.office365.com"))).unwrap(),
            Provider::Microsoft {
                tenant: "common".into()
            }
        );
        assert!(provider(&none, Some(&account("imap.uni.example"))).is_err());
        let other = SignInChoice {
            issuer: Some("https://sso.uni.example".into()),
            ..Default::default()
        };
        assert_eq!(
            provider(&other, None).unwrap(),
            Provider::Other {
                issuer: "https://sso.uni.example".into()
            }
        );
        let tenant = SignInChoice {
            provider: Some(MailProvider::Microsoft),
            tenant: Some("organizations".into()),
            ..Default::default()
        };
        assert_eq!(
            provider(&tenant, None).unwrap(),
            Provider::Microsoft {
                tenant: "organizations".into()
            }
        );
    }
}
