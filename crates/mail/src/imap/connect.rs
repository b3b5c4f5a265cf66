//! Opening an IMAP session: reach the server, secure the connection (TLS from the start, or
//! STARTTLS), read the greeting, and log in with LOGIN, or for an OAuth account with
//! AUTHENTICATE OAUTHBEARER or XOAUTH2, whichever the server announces.

use std::time::Duration;

use async_imap::imap_proto::{Capability, Response, Status};
use async_imap::types::UnsolicitedResponse;
use async_imap::{Authenticator, Client, Session};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::ServerName;

use super::error::{ImapError, ImapErrorKind, server_text};
use super::stream::MailStream;
use crate::account::{AccountSettings, AuthMethod, Security};
use crate::connect_options::{ConnectOptions, OAuthMechanism};
use crate::credentials::Secret;
use crate::dial::{DialError, dial};

pub(super) async fn open(
    account: &AccountSettings,
    secret: &Secret,
    options: &ConnectOptions,
) -> Result<Session<MailStream>, ImapError> {
    account
        .validate()
        .map_err(|err| ImapError::new(ImapErrorKind::Settings, err.to_string()))?;
    let imap = &account.imap;
    let server = imap.address();
    let timeout = options.timeout;
    let tcp = dial(&imap.host, imap.port, timeout)
        .await
        .map_err(|err| dial_error(&err))?;
    let mut client = match imap.security {
        Security::Tls => {
            let tls = handshake(tcp, &imap.host, options, &server).await?;
            let mut client = Client::new(MailStream::Tls(Box::new(tls)));
            greeting(&mut client, &server, timeout).await?;
            client
        }
        Security::StartTls => {
            let mut client = Client::new(MailStream::Plain(tcp));
            greeting(&mut client, &server, timeout).await?;
            starttls(&mut client, &server, timeout).await?;
            let MailStream::Plain(tcp) = client.into_inner() else {
                unreachable!("the stream is plain until STARTTLS");
            };
            let tls = handshake(tcp, &imap.host, options, &server).await?;
            // No greeting after STARTTLS: the server waits for the next command.
            Client::new(MailStream::Tls(Box::new(tls)))
        }
        Security::Plain => {
            let mut client = Client::new(MailStream::Plain(tcp));
            greeting(&mut client, &server, timeout).await?;
            client
        }
    };
    let mechanism = match account.auth {
        AuthMethod::Password => None,
        AuthMethod::OAuth2 => Some(
            oauth_mechanism(
                client_mut(&mut client),
                &options.oauth_mechanisms,
                &server,
                timeout,
            )
            .await?,
        ),
    };
    login(client, account, secret, mechanism, &server, timeout)
        .await
        .map_err(|err| err.redacted(secret))
}

fn dial_error(err: &DialError) -> ImapError {
    let kind = match err {
        DialError::Dns { .. } => ImapErrorKind::Dns,
        DialError::Connect { .. } => ImapErrorKind::Connect,
    };
    ImapError::new(kind, err.explain("IMAP"))
}

async fn handshake(
    tcp: TcpStream,
    host: &str,
    options: &ConnectOptions,
    server: &str,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, ImapError> {
    let tls_error = |detail: String| {
        ImapError::new(
            ImapErrorKind::Tls,
            format!(
                "No secure connection with the IMAP server {server}: {detail}. Check the port and \
                 the security setting (TLS is usually port 993, STARTTLS port 143)."
            ),
        )
    };
    let config = options
        .trust
        .rustls_config()
        .map_err(|err| tls_error(err.to_string()))?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let name = ServerName::try_from(bare.to_owned()).map_err(|_| {
        tls_error(format!(
            "\"{host}\" cannot be checked against a certificate"
        ))
    })?;
    match tokio::time::timeout(
        options.timeout,
        TlsConnector::from(config).connect(name, tcp),
    )
    .await
    {
        Ok(Ok(tls)) => Ok(tls),
        Ok(Err(err)) => Err(tls_error(err.to_string())),
        Err(_) => Err(tls_error(format!(
            "no TLS answer within {} s",
            options.timeout.as_secs()
        ))),
    }
}

async fn greeting(
    client: &mut Client<MailStream>,
    server: &str,
    timeout: Duration,
) -> Result<(), ImapError> {
    let no_greeting = |detail: &str| {
        ImapError::new(
            ImapErrorKind::Connection,
            format!("The IMAP server {server} did not greet: {detail}."),
        )
    };
    let response = match tokio::time::timeout(timeout, client.read_response()).await {
        Ok(Ok(Some(response))) => response,
        Ok(Ok(None)) => return Err(no_greeting("it closed the connection")),
        Ok(Err(err)) => return Err(no_greeting(&err.to_string())),
        Err(_) => {
            return Err(no_greeting(&format!(
                "nothing within {} s; if the port expects TLS from the start, choose TLS",
                timeout.as_secs()
            )));
        }
    };
    match response.parsed() {
        Response::Data {
            status: Status::Ok | Status::PreAuth,
            ..
        } => Ok(()),
        Response::Data {
            status: Status::Bye,
            outcome,
        } => Err(no_greeting(&format!(
            "it said goodbye ({})",
            outcome.information.as_deref().unwrap_or("no reason given")
        ))),
        _ => Err(no_greeting("its first line is not an IMAP greeting")),
    }
}

async fn starttls(
    client: &mut Client<MailStream>,
    server: &str,
    timeout: Duration,
) -> Result<(), ImapError> {
    match tokio::time::timeout(timeout, client.run_command_and_check_ok("STARTTLS", None)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(ImapError::new(
            ImapErrorKind::Tls,
            format!(
                "The IMAP server {server} does not offer STARTTLS ({}). Choose TLS (usually port \
                 993) in the account settings.",
                ImapError::from_imap(err, server, "start TLS").message
            ),
        )),
        Err(_) => Err(ImapError::timed_out(server, "start TLS", timeout.as_secs())),
    }
}

fn client_mut(client: &mut Client<MailStream>) -> &mut Client<MailStream> {
    client
}

/// The first of `preferred` that the server announces (it may announce different ones
/// before and after STARTTLS, so it is asked now).
async fn oauth_mechanism(
    client: &mut Client<MailStream>,
    preferred: &[OAuthMechanism],
    server: &str,
    timeout: Duration,
) -> Result<OAuthMechanism, ImapError> {
    let announced = match tokio::time::timeout(timeout, auth_mechanisms(client)).await {
        Ok(Ok(announced)) => announced,
        Ok(Err(err)) => return Err(ImapError::from_imap(err, server, "list its capabilities")),
        Err(_) => {
            return Err(ImapError::timed_out(
                server,
                "list its capabilities",
                timeout.as_secs(),
            ));
        }
    };
    preferred
        .iter()
        .copied()
        .find(|mechanism| {
            announced
                .iter()
                .any(|a| a.eq_ignore_ascii_case(mechanism.name()))
        })
        .ok_or_else(|| {
            ImapError::new(
                ImapErrorKind::NoTokenLogin,
                format!(
                    "The IMAP server {server} does not take sign-in tokens (it offers neither \
                     OAUTHBEARER nor XOAUTH2, only {}): choose password login for this account \
                     in Settings → Mail.",
                    if announced.is_empty() {
                        "other methods".to_owned()
                    } else {
                        announced.join(", ")
                    }
                ),
            )
        })
}

/// The SASL mechanisms in the server's CAPABILITY answer.
async fn auth_mechanisms(
    client: &mut Client<MailStream>,
) -> Result<Vec<String>, async_imap::error::Error> {
    // Untagged answers come back on a channel; a CAPABILITY answer is one line.
    let (sender, receiver) = async_channel::unbounded();
    client
        .run_command_and_check_ok("CAPABILITY", Some(sender))
        .await?;
    let mut mechanisms = Vec::new();
    while let Ok(untagged) = receiver.try_recv() {
        if let UnsolicitedResponse::Other(response) = untagged
            && let Response::Capabilities(capabilities) = response.parsed()
        {
            for capability in capabilities {
                if let Capability::Auth(name) = capability {
                    mechanisms.push(name.to_ascii_uppercase());
                }
            }
        }
    }
    Ok(mechanisms)
}

async fn login(
    client: Client<MailStream>,
    account: &AccountSettings,
    secret: &Secret,
    mechanism: Option<OAuthMechanism>,
    server: &str,
    timeout: Duration,
) -> Result<Session<MailStream>, ImapError> {
    let username = &account.username;
    let attempt = async {
        match mechanism {
            None => client.login(username, secret.expose()).await,
            Some(mechanism) => {
                let token = BearerToken {
                    mechanism,
                    user: username.clone(),
                    host: account.imap.host.clone(),
                    port: account.imap.port,
                    token: secret.clone(),
                    answered: false,
                };
                client.authenticate(mechanism.name(), token).await
            }
        }
    };
    match tokio::time::timeout(timeout, attempt).await {
        Ok(Ok(session)) => Ok(session),
        Ok(Err((err, _client))) if mechanism.is_some() => Err(token_refused(err, username, server)),
        Ok(Err((err, _client))) => Err(login_error(err, username, server)),
        Err(_) => Err(ImapError::timed_out(server, "log in", timeout.as_secs())),
    }
}

fn login_error(err: async_imap::error::Error, username: &str, server: &str) -> ImapError {
    use async_imap::error::Error as E;
    let refused = |said: String| {
        ImapError::new(
            ImapErrorKind::Authentication,
            format!(
                "The IMAP server {server} refused the login for {username}: check the user name \
                 and the password (some providers want an app password) in the account settings. \
                 The server said: {said}"
            ),
        )
    };
    match err {
        E::No(raw) | E::Bad(raw) => refused(server_text(&raw)),
        E::Validate(_) => ImapError::new(
            ImapErrorKind::Authentication,
            "The user name or password contains a line break, which IMAP cannot send.",
        ),
        other => ImapError::from_imap(other, server, "log in"),
    }
}

/// A refused sign-in token: usually expired or revoked, which a renewed token may fix.
fn token_refused(err: async_imap::error::Error, username: &str, server: &str) -> ImapError {
    use async_imap::error::Error as E;
    match err {
        E::No(raw) | E::Bad(raw) => ImapError::new(
            ImapErrorKind::Authentication,
            format!(
                "The IMAP server {server} refused the sign-in token for {username}: sign in to \
                 the account again under Settings → Mail. The server said: {}",
                server_text(&raw)
            ),
        ),
        E::Validate(_) => ImapError::new(
            ImapErrorKind::Authentication,
            "The user name contains a line break, which IMAP cannot send.",
        ),
        other => ImapError::from_imap(other, server, "log in"),
    }
}

/// The OAUTHBEARER (RFC 7628) or XOAUTH2 exchange: the token once; after a refusal the
/// server sends its reason as a challenge, which is answered to end the attempt (a lone
/// ^A for OAUTHBEARER, an empty line for XOAUTH2).
struct BearerToken {
    mechanism: OAuthMechanism,
    user: String,
    host: String,
    port: u16,
    token: Secret,
    answered: bool,
}

impl Authenticator for BearerToken {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        let again = std::mem::replace(&mut self.answered, true);
        let token = self.token.expose();
        match (self.mechanism, again) {
            (OAuthMechanism::XOAuth2, false) => {
                format!("user={}\x01auth=Bearer {token}\x01\x01", self.user)
            }
            (OAuthMechanism::XOAuth2, true) => String::new(),
            (OAuthMechanism::OAuthBearer, false) => format!(
                "n,a={},\x01host={}\x01port={}\x01auth=Bearer {token}\x01\x01",
                gs2_name(&self.user),
                self.host,
                self.port
            ),
            (OAuthMechanism::OAuthBearer, true) => "\x01".to_owned(),
        }
    }
}

/// A user name inside the GS2 header, where `,` and `=` are escaped (RFC 5801).
fn gs2_name(user: &str) -> String {
    user.replace('=', "=3D").replace(',', "=2C")
}

#[cfg(test)]
mod tests;
