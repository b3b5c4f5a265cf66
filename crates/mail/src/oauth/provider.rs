//! Who the researcher signs in with, and where that provider's endpoints are: fixed for
//! Google and Microsoft, found by discovery (OpenID Connect, RFC 8414) for another provider.

use std::fmt;
use std::time::Duration;

use oauth2::url::Url;
use serde::{Deserialize, Serialize};

use super::error::{OAuthError, OAuthErrorKind};
use super::http;

/// Confab's own app registrations, given when Confab is built (`CONFAB_GOOGLE_CLIENT_ID`,
/// `CONFAB_MICROSOFT_CLIENT_ID`); a researcher's institution can give its own instead.
/// Google calls its installed-app secret a secret but publishes it with every app; it is
/// required all the same.
const GOOGLE_CLIENT_ID: Option<&str> = option_env!("CONFAB_GOOGLE_CLIENT_ID");
const GOOGLE_CLIENT_SECRET: Option<&str> = option_env!("CONFAB_GOOGLE_CLIENT_SECRET");
const MICROSOFT_CLIENT_ID: Option<&str> = option_env!("CONFAB_MICROSOFT_CLIENT_ID");

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provider {
    /// Gmail and Google Workspace.
    Google,
    /// Outlook.com and Microsoft 365, through the Microsoft identity platform. The tenant
    /// is `common`, `organizations`, or the institution's tenant ID or domain.
    Microsoft { tenant: String },
    /// Any other provider, found from its issuer URL.
    Other { issuer: String },
}

/// The application that asks for the sign-in, as the provider knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OAuthClient {
    pub provider: Provider,
    pub client_id: String,
    #[serde(default)]
    pub client_secret: Option<String>,
}

/// Where to send the browser, and where to trade codes and refresh tokens for tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub authorization: Url,
    pub token: Url,
}

impl Provider {
    /// The name the researcher knows the provider by.
    pub fn display_name(&self) -> String {
        match self {
            Provider::Google => "Google".into(),
            Provider::Microsoft { .. } => "Microsoft".into(),
            Provider::Other { issuer } => Url::parse(issuer)
                .ok()
                .and_then(|url| url.host_str().map(str::to_owned))
                .unwrap_or_else(|| issuer.clone()),
        }
    }

    /// The client built into this copy of Confab, if it was built with one.
    pub fn built_in_client(&self) -> Option<OAuthClient> {
        let (id, secret) = match self {
            Provider::Google => (GOOGLE_CLIENT_ID?, GOOGLE_CLIENT_SECRET),
            Provider::Microsoft { .. } => (MICROSOFT_CLIENT_ID?, None),
            Provider::Other { .. } => return None,
        };
        Some(OAuthClient {
            provider: self.clone(),
            client_id: id.to_owned(),
            client_secret: secret.map(str::to_owned),
        })
    }

    /// What to ask for: mail over IMAP and SMTP, and a refresh token to keep it.
    pub fn scopes(&self) -> Vec<String> {
        let scopes: &[&str] = match self {
            Provider::Google => &["https://mail.google.com/"],
            Provider::Microsoft { .. } => &[
                "https://outlook.office.com/IMAP.AccessAsUser.All",
                "https://outlook.office.com/SMTP.Send",
                "offline_access",
            ],
            Provider::Other { .. } => &["openid", "email", "offline_access"],
        };
        scopes.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The host in the redirect URI. Microsoft matches loopback redirects registered as
    /// `http://localhost` on any port; the others take the address itself (RFC 8252 §7.3).
    /// Either way the redirect arrives on 127.0.0.1.
    pub(crate) fn redirect_host(&self) -> &'static str {
        match self {
            Provider::Microsoft { .. } => "localhost",
            _ => "127.0.0.1",
        }
    }

    /// The provider's endpoints, looked up for another provider (within `timeout`).
    pub async fn endpoints(&self, timeout: Duration) -> Result<Endpoints, OAuthError> {
        let fixed = |authorization: String, token: String| {
            Ok(Endpoints {
                authorization: Url::parse(&authorization).expect("a valid built-in URL"),
                token: Url::parse(&token).expect("a valid built-in URL"),
            })
        };
        match self {
            Provider::Google => fixed(
                "https://accounts.google.com/o/oauth2/v2/auth".into(),
                "https://oauth2.googleapis.com/token".into(),
            ),
            Provider::Microsoft { tenant } => {
                check_tenant(tenant)?;
                let base = format!("https://login.microsoftonline.com/{tenant}/oauth2/v2.0");
                fixed(format!("{base}/authorize"), format!("{base}/token"))
            }
            Provider::Other { issuer } => {
                let issuer = issuer.clone();
                http::blocking(move || discover(&issuer, timeout)).await
            }
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_name())
    }
}

fn check_tenant(tenant: &str) -> Result<(), OAuthError> {
    let valid = !tenant.is_empty()
        && tenant.len() <= 253
        && tenant
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if valid {
        Ok(())
    } else {
        Err(OAuthError::new(
            OAuthErrorKind::Settings,
            format!(
                "\"{tenant}\" is not a Microsoft tenant: give common, organizations, or your \
                 institution's tenant ID or domain."
            ),
        ))
    }
}

/// Reads the provider's metadata: OpenID Connect discovery first, then RFC 8414. The
/// document must name the issuer it was asked for, so a redirect elsewhere cannot hand out
/// another provider's endpoints.
fn discover(issuer: &str, timeout: Duration) -> Result<Endpoints, OAuthError> {
    let settings = |detail: String| {
        OAuthError::new(
            OAuthErrorKind::Settings,
            format!("The issuer {issuer} cannot be used: {detail}. Check the address."),
        )
    };
    let base = Url::parse(issuer.trim()).map_err(|err| settings(err.to_string()))?;
    http::check_secure(&base).map_err(settings)?;
    let trimmed = base.as_str().trim_end_matches('/').to_owned();
    let mut rfc8414 = base.clone();
    rfc8414.set_path(&format!(
        "/.well-known/oauth-authorization-server{}",
        base.path().trim_end_matches('/')
    ));
    let candidates = [
        Url::parse(&format!("{trimmed}/.well-known/openid-configuration"))
            .map_err(|err| settings(err.to_string()))?,
        rfc8414,
    ];
    let agent = http::agent(timeout);
    let mut problems = Vec::new();
    for url in candidates {
        match http::get_json(&agent, &url) {
            Ok(document) => return endpoints_from(&document, &trimmed, issuer),
            Err(problem) => problems.push(format!("{url}: {problem}")),
        }
    }
    Err(OAuthError::new(
        OAuthErrorKind::Provider,
        format!(
            "The sign-in provider {issuer} could not be reached or does not publish its \
             settings ({}). Check the address and that this computer is online.",
            problems.join("; ")
        ),
    ))
}

fn endpoints_from(
    document: &serde_json::Value,
    expected_issuer: &str,
    issuer: &str,
) -> Result<Endpoints, OAuthError> {
    let unusable = |detail: String| {
        OAuthError::new(
            OAuthErrorKind::Provider,
            format!("The sign-in provider {issuer} publishes unusable settings: {detail}."),
        )
    };
    let named = document["issuer"].as_str().unwrap_or_default();
    if named.trim_end_matches('/') != expected_issuer {
        return Err(unusable(format!("they name another issuer ({named})")));
    }
    let endpoint = |field: &str| -> Result<Url, OAuthError> {
        let text = document[field]
            .as_str()
            .ok_or_else(|| unusable(format!("{field} is missing")))?;
        let url = Url::parse(text).map_err(|err| unusable(format!("{field}: {err}")))?;
        http::check_secure(&url).map_err(unusable)?;
        Ok(url)
    };
    Ok(Endpoints {
        authorization: endpoint("authorization_endpoint")?,
        token: endpoint("token_endpoint")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenants_are_names_not_paths() {
        for tenant in ["common", "organizations", "uni.example.org", "0f0e-12ab"] {
            assert!(check_tenant(tenant).is_ok(), "{tenant}");
        }
        for tenant in ["", "common/../x", "a b", "x?y=1"] {
            let err = check_tenant(tenant).unwrap_err();
            assert_eq!(err.kind, OAuthErrorKind::Settings, "{tenant}");
        }
    }

    #[test]
    fn discovery_needs_the_issuer_it_asked_for() {
        let document = serde_json::json!({
            "issuer": "https://login.example.org",
            "authorization_endpoint": "https://login.example.org/authorize",
            "token_endpoint": "https://login.example.org/token",
        });
        let found = endpoints_from(&document, "https://login.example.org", "x").unwrap();
        assert_eq!(found.token.as_str(), "https://login.example.org/token");
        let err = endpoints_from(&document, "https://evil.example.org", "x").unwrap_err();
        assert!(err.message.contains("another issuer"), "{err}");
        let plain = serde_json::json!({
            "issuer": "https://login.example.org",
            "authorization_endpoint": "http://login.example.org/authorize",
            "token_endpoint": "https://login.example.org/token",
        });
        assert!(endpoints_from(&plain, "https://login.example.org", "x").is_err());
    }

    #[test]
    fn names_for_the_researcher() {
        assert_eq!(Provider::Google.display_name(), "Google");
        let other = Provider::Other {
            issuer: "https://sso.uni.example.org/realms/staff".into(),
        };
        assert_eq!(other.display_name(), "sso.uni.example.org");
    }
}
