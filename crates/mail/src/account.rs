//! The settings of a researcher's mail account: which servers to use and how to log in.
//! The password or token is not here; it lives in the OS keyring (see `credentials`).

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// How the connection to a server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// TLS from the first byte (SMTP 465, IMAP 993).
    Tls,
    /// A plain connection upgraded with STARTTLS before anything else is said (SMTP 587,
    /// IMAP 143). The upgrade is required: a server that does not offer it is refused.
    StartTls,
    /// No encryption at all. Only for servers on this computer (a local bridge or relay),
    /// where nothing crosses a network.
    Plain,
}

impl fmt::Display for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Security::Tls => "TLS",
            Security::StartTls => "STARTTLS",
            Security::Plain => "no encryption",
        })
    }
}

/// How the account logs in to both servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMethod {
    /// A password (or a provider's app password).
    Password,
    /// An OAuth 2 access token, sent with XOAUTH2 (Gmail, Microsoft 365).
    #[serde(rename = "oauth2")]
    OAuth2,
}

/// One server: where it is and how the connection is protected.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
}

impl ServerSettings {
    pub fn new(host: impl Into<String>, port: u16, security: Security) -> Self {
        ServerSettings {
            host: host.into(),
            port,
            security,
        }
    }

    /// Whether the host is this computer, judged from the name alone: a name that merely
    /// resolves to a loopback address today could resolve elsewhere tomorrow.
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(&self.host)
    }

    /// `host:port`, with brackets around an IPv6 address.
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// A mail account, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccountSettings {
    /// The name participants see in the From header.
    pub display_name: String,
    /// The researcher's email address: the From header and the envelope sender.
    pub address: String,
    /// The login name on both servers (often the address itself).
    pub username: String,
    pub auth: AuthMethod,
    pub smtp: ServerSettings,
    /// Whether the SMTP server is logged in to. Only a relay on this computer may take mail
    /// without a login.
    #[serde(default = "logs_in")]
    pub smtp_login: bool,
    pub imap: ServerSettings,
}

fn logs_in() -> bool {
    true
}

/// The field of [`AccountSettings`] that a problem is about, for the form to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountField {
    DisplayName,
    Address,
    Username,
    SmtpHost,
    SmtpPort,
    SmtpSecurity,
    SmtpLogin,
    ImapHost,
    ImapPort,
    ImapSecurity,
}

impl fmt::Display for AccountField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AccountField::DisplayName => "name",
            AccountField::Address => "email address",
            AccountField::Username => "user name",
            AccountField::SmtpHost => "outgoing (SMTP) server",
            AccountField::SmtpPort => "outgoing (SMTP) port",
            AccountField::SmtpSecurity => "outgoing (SMTP) security",
            AccountField::SmtpLogin => "outgoing (SMTP) login",
            AccountField::ImapHost => "incoming (IMAP) server",
            AccountField::ImapPort => "incoming (IMAP) port",
            AccountField::ImapSecurity => "incoming (IMAP) security",
        })
    }
}

/// What is wrong with one field of the settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct InvalidAccount {
    pub field: AccountField,
    pub reason: String,
}

impl InvalidAccount {
    fn new(field: AccountField, reason: impl Into<String>) -> Self {
        InvalidAccount {
            field,
            reason: reason.into(),
        }
    }
}

impl AccountSettings {
    /// The first problem with these settings, if any.
    pub fn validate(&self) -> Result<(), InvalidAccount> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every problem with these settings, in the order of the form.
    pub fn problems(&self) -> Vec<InvalidAccount> {
        use AccountField as F;
        let mut problems = Vec::new();
        if has_control_characters(&self.display_name) {
            problems.push(InvalidAccount::new(
                F::DisplayName,
                "must be one line of text",
            ));
        }
        if let Err(reason) = check_address(&self.address) {
            problems.push(InvalidAccount::new(F::Address, reason));
        }
        if self.username.trim().is_empty() {
            problems.push(InvalidAccount::new(F::Username, "is empty"));
        } else if has_control_characters(&self.username) {
            problems.push(InvalidAccount::new(F::Username, "must be one line of text"));
        }
        check_server(
            &self.smtp,
            [F::SmtpHost, F::SmtpPort, F::SmtpSecurity],
            &mut problems,
        );
        if !self.smtp_login && !self.smtp.is_loopback() {
            problems.push(InvalidAccount::new(
                F::SmtpLogin,
                format!(
                    "sending without a login is only allowed to a server on this computer, \
                     not to {}",
                    self.smtp.host
                ),
            ));
        }
        check_server(
            &self.imap,
            [F::ImapHost, F::ImapPort, F::ImapSecurity],
            &mut problems,
        );
        problems
    }
}

fn check_server(
    server: &ServerSettings,
    [host_field, port_field, security_field]: [AccountField; 3],
    problems: &mut Vec<InvalidAccount>,
) {
    if let Err(reason) = check_host(&server.host) {
        problems.push(InvalidAccount::new(host_field, reason));
    }
    if server.port == 0 {
        problems.push(InvalidAccount::new(
            port_field,
            "must be between 1 and 65535",
        ));
    }
    if server.security == Security::Plain && !server.is_loopback() {
        problems.push(InvalidAccount::new(
            security_field,
            format!(
                "a connection without encryption is only allowed to a server on this \
                 computer; {} needs TLS or STARTTLS",
                server.host
            ),
        ));
    }
}

fn check_address(address: &str) -> Result<(), String> {
    if address.is_empty() {
        return Err("is empty".into());
    }
    if address
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
    {
        return Err(format!(
            "\"{address}\" must be a bare address such as name@example.org"
        ));
    }
    match address.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && check_host(domain).is_ok() => Ok(()),
        _ => Err(format!(
            "\"{address}\" is not an email address such as name@example.org"
        )),
    }
}

fn check_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err("is empty".into());
    }
    if host.contains("://") {
        return Err(format!(
            "\"{host}\" must be a server name such as mail.example.org, without a scheme"
        ));
    }
    if host.parse::<IpAddr>().is_ok() {
        return Ok(());
    }
    if host.contains(':') {
        return Err(format!(
            "\"{host}\" must be a server name only; put the port in the port field"
        ));
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    let valid = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    if valid {
        Ok(())
    } else {
        Err(format!("\"{host}\" is not a valid server name"))
    }
}

fn has_control_characters(text: &str) -> bool {
    text.chars().any(char::is_control)
}

/// Whether `host` names this computer: `localhost` or a loopback address.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests;
