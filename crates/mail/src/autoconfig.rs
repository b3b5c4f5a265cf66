//! Finding an account's settings from its address, and saying where they came from. In this
//! order, each look-up with a short time limit: the table of big providers shipped with
//! Confab; the domain's autoconfig file in the format Thunderbird reads; its SRV records
//! (RFC 6186, RFC 8314); and its MX record, so that a university whose mail is handled by
//! Google or Microsoft gets their settings and their sign-in. The researcher can always
//! change the result.

mod dns;
mod known;
mod thunderbird;

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::account::ServerSettings;

/// How the found account logs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInKind {
    Password,
    /// Sign in with Google (OAuth).
    Google,
    /// Sign in with Microsoft (OAuth).
    Microsoft,
}

/// Where the settings came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Confab's own table of providers.
    Shipped { provider: String },
    /// An autoconfig file (Thunderbird's format) at `url`.
    Autoconfig { url: String },
    /// The domain's SRV records.
    Srv { domain: String },
    /// The domain's MX record names a provider Confab knows.
    Mx { provider: String, exchange: String },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Shipped { provider } => write!(f, "Confab's list of providers ({provider})"),
            Source::Autoconfig { url } => write!(f, "the autoconfig file at {url}"),
            Source::Srv { domain } => write!(f, "the SRV records of {domain} (RFC 6186)"),
            Source::Mx { provider, exchange } => write!(
                f,
                "the domain's MX record: its mail is handled by {provider} ({exchange})"
            ),
        }
    }
}

/// What was found for an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundSettings {
    pub imap: ServerSettings,
    pub smtp: ServerSettings,
    /// The login name on both servers.
    pub username: String,
    pub sign_in: SignInKind,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub struct AutoconfigOptions {
    /// The longest wait for each look-up.
    pub timeout: Duration,
    /// Instead of the domain's own autoconfig addresses, look under this one (a local
    /// directory of settings, or a test server); plain http is allowed only on loopback.
    pub autoconfig_base: Option<String>,
    /// Instead of the system's DNS resolver, ask this server.
    pub dns_server: Option<SocketAddr>,
}

impl Default for AutoconfigOptions {
    fn default() -> Self {
        AutoconfigOptions {
            timeout: Duration::from_secs(5),
            autoconfig_base: None,
            dns_server: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AutoconfigError {
    pub message: String,
}

/// Looks the settings for `address` up, trying each source in turn.
pub async fn find_settings(
    address: &str,
    options: &AutoconfigOptions,
) -> Result<FoundSettings, AutoconfigError> {
    let address = address.trim();
    let domain = match address.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && domain.contains('.') => {
            domain.trim_end_matches('.').to_ascii_lowercase()
        }
        _ => {
            return Err(AutoconfigError {
                message: format!("\"{address}\" is not an email address such as name@example.org."),
            });
        }
    };
    if let Some(found) = known::by_domain(address, &domain) {
        return Ok(found);
    }
    let mut tried = Vec::new();
    match thunderbird::look_up(address, &domain, options).await {
        Ok(found) => return Ok(found),
        Err(problem) => tried.push(problem),
    }
    let resolver = dns::Resolver::new(options);
    match resolver.as_ref() {
        Ok(resolver) => {
            match resolver.srv(address, &domain).await {
                Ok(found) => return Ok(found),
                Err(problem) => tried.push(problem),
            }
            match resolver.mx(address, &domain).await {
                Ok(found) => return Ok(found),
                Err(problem) => tried.push(problem),
            }
        }
        Err(problem) => tried.push(problem.clone()),
    }
    Err(AutoconfigError {
        message: format!(
            "No settings were found for {domain} ({}); enter the servers as your provider \
             gives them.",
            tried.join("; ")
        ),
    })
}
