//! Opening an IMAP session: reach the server, secure the connection (TLS from the start, or
//! STARTTLS), read the greeting, and log in with LOGIN or AUTHENTICATE XOAUTH2.

use std::time::Duration;

use async_imap::imap_proto::{Response, Status};
use async_imap::{Authenticator, Client, Session};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::ServerName;

use super::error::{ImapError, ImapErrorKind, server_text};
use super::stream::MailStream;
use crate::account::{AccountSettings, AuthMethod, Security};
use crate::connect_options::ConnectOptions;
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
    let client = match imap.security {
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
    login(client, account, secret, &server, timeout)
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

async fn login(
    client: Client<MailStream>,
    account: &AccountSettings,
    secret: &Secret,
    server: &str,
    timeout: Duration,
) -> Result<Session<MailStream>, ImapError> {
    let username = &account.username;
    let attempt = async {
        match account.auth {
            AuthMethod::Password => client.login(username, secret.expose()).await,
            AuthMethod::OAuth2 => {
                let token = XOAuth2 {
                    user: username.clone(),
                    token: secret.clone(),
                    answered: false,
                };
                client.authenticate("XOAUTH2", token).await
            }
        }
    };
    match tokio::time::timeout(timeout, attempt).await {
        Ok(Ok(session)) => Ok(session),
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

/// The XOAUTH2 exchange: the token once; after a refusal the server sends its reason as a
/// challenge, which is answered with an empty line to end the attempt.
struct XOAuth2 {
    user: String,
    token: Secret,
    answered: bool,
}

impl Authenticator for XOAuth2 {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        if std::mem::replace(&mut self.answered, true) {
            String::new()
        } else {
            format!(
                "user={}\x01auth=Bearer {}\x01\x01",
                self.user,
                self.token.expose()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoauth2_sends_the_token_once() {
        let mut auth = XOAuth2 {
            user: "ada@example.org".into(),
            token: Secret::new("ya29.token"),
            answered: false,
        };
        assert_eq!(
            auth.process(b""),
            "user=ada@example.org\x01auth=Bearer ya29.token\x01\x01"
        );
        assert_eq!(auth.process(b"{\"status\":\"401\"}"), "");
    }
}
