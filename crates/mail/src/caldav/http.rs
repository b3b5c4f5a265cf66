//! WebDAV requests (PROPFIND, REPORT, MKCALENDAR, PUT, DELETE) through ureq: blocking, each
//! with the account's timeout, each answer read up to a size limit, redirects followed with
//! the same method and body (ureq itself would turn a PROPFIND into a GET).

use std::io::Read;

use base64::Engine;
use url::Url;

use super::href::{check_secure, server_name};
use super::{CalDavAccount, CalDavAuth, CalDavError};
use crate::busy::MAX_BUSY_CALENDAR_BYTES;

/// Redirects followed for one request; `/.well-known/caldav` usually takes one.
const MAX_REDIRECTS: usize = 5;
/// Of an error answer, at most this much is shown to the researcher.
const MAX_DETAIL_CHARS: usize = 200;

pub(super) const XML: &str = "application/xml; charset=utf-8";
pub(super) const CALENDAR: &str = "text/calendar; charset=utf-8";

/// A connection to the account's server, logged in on every request.
pub(super) struct Dav {
    agent: ureq::Agent,
    authorization: String,
    timeout_seconds: u64,
}

/// The server's answer: its status, the URL that answered (after redirects) and the body.
#[derive(Debug)]
pub(super) struct Answer {
    pub status: u16,
    pub url: Url,
    pub body: String,
}

/// A request: the method, the depth for PROPFIND and REPORT, and a body with its type.
pub(super) struct Request<'a> {
    pub method: &'a str,
    pub depth: Option<&'a str>,
    pub body: Option<(&'a str, &'a str)>,
}

impl<'a> Request<'a> {
    pub fn xml(method: &'a str, depth: &'a str, body: &'a str) -> Self {
        Request {
            method,
            depth: Some(depth),
            body: Some((XML, body)),
        }
    }
}

impl Dav {
    pub fn new(account: &CalDavAccount) -> Result<Dav, CalDavError> {
        let tls = account
            .trust
            .rustls_config()
            .map_err(|err| CalDavError::BadAddress {
                url: account.url.clone(),
                reason: format!("the trusted certificate authorities cannot be used ({err})"),
            })?;
        let agent = ureq::AgentBuilder::new()
            .timeout(account.timeout)
            .redirects(0)
            .tls_config(tls)
            .user_agent(concat!("Confab/", env!("CARGO_PKG_VERSION")))
            .build();
        let authorization = match &account.auth {
            CalDavAuth::Password(password) => {
                let pair = format!("{}:{}", account.username, password.expose());
                format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                )
            }
            CalDavAuth::Bearer(token) => format!("Bearer {}", token.expose()),
        };
        Ok(Dav {
            agent,
            authorization,
            timeout_seconds: account.timeout.as_secs().max(1),
        })
    }

    /// Sends `request` to `url`, following redirects, and returns whatever the server
    /// answered, error statuses included: what a status means depends on the request.
    pub fn send(&self, url: &Url, request: &Request) -> Result<Answer, CalDavError> {
        let origin = url.origin();
        let mut url = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            // Every hop is checked: a redirect to plain http would send the password openly.
            check_secure(&url).map_err(|reason| CalDavError::NotCalDav {
                url: url.to_string(),
                reason: format!("it sent Confab to an address that cannot be used ({reason})"),
            })?;
            let mut call = self.agent.request(request.method, url.as_str());
            // The password goes only to the server it was given for, never to one a redirect
            // names.
            if url.origin() == origin {
                call = call.set("Authorization", &self.authorization);
            }
            if let Some(depth) = request.depth {
                call = call.set("Depth", depth);
            }
            let sent = match request.body {
                Some((content_type, body)) => {
                    call.set("Content-Type", content_type).send_string(body)
                }
                None => call.call(),
            };
            let response = match sent {
                Ok(response) | Err(ureq::Error::Status(_, response)) => response,
                Err(ureq::Error::Transport(err)) => return Err(self.transport(&url, &err)),
            };
            let status = response.status();
            if matches!(status, 301 | 302 | 303 | 307 | 308)
                && let Some(next) = response
                    .header("Location")
                    .and_then(|location| url.join(location).ok())
            {
                url = next;
                continue;
            }
            let body = self.read_body(&url, response)?;
            return Ok(Answer { status, url, body });
        }
        Err(CalDavError::NotCalDav {
            url: url.to_string(),
            reason: format!("it redirected Confab more than {MAX_REDIRECTS} times"),
        })
    }

    fn read_body(&self, url: &Url, response: ureq::Response) -> Result<String, CalDavError> {
        let mut body = Vec::new();
        response
            .into_reader()
            .take(MAX_BUSY_CALENDAR_BYTES as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|err| self.unreachable(url, &err))?;
        if body.len() > MAX_BUSY_CALENDAR_BYTES {
            return Err(CalDavError::TooLarge {
                server: server_name(url),
                limit_mb: MAX_BUSY_CALENDAR_BYTES / (1024 * 1024),
            });
        }
        Ok(String::from_utf8_lossy(&body).into_owned())
    }

    fn transport(&self, url: &Url, err: &ureq::Transport) -> CalDavError {
        match err.kind() {
            ureq::ErrorKind::InvalidUrl | ureq::ErrorKind::UnknownScheme => {
                CalDavError::BadAddress {
                    url: url.to_string(),
                    reason: "it is not a web address".into(),
                }
            }
            ureq::ErrorKind::Dns => CalDavError::Unreachable {
                server: server_name(url),
                reason: "its name was not found".into(),
            },
            _ => self.unreachable(url, err),
        }
    }

    fn unreachable(&self, url: &Url, err: &(dyn std::error::Error + 'static)) -> CalDavError {
        let reason = if timed_out(err) {
            format!("no answer within {} seconds", self.timeout_seconds)
        } else if refused(err) {
            "the connection was refused".to_owned()
        } else {
            innermost(err)
        };
        CalDavError::Unreachable {
            server: server_name(url),
            reason,
        }
    }
}

/// The server's own words from an error answer, for [`CalDavError::Server`]: the name of a
/// WebDAV precondition (`<C:no-uid-conflict/>`), or the first line of plain text.
pub(super) fn detail(body: &str) -> String {
    let text = if body.trim_start().starts_with('<') {
        roxmltree::Document::parse(body)
            .ok()
            .and_then(|doc| {
                let error = doc
                    .descendants()
                    .find(|n| n.has_tag_name(("DAV:", "error")))?;
                let first = error.children().find(|n| n.is_element())?;
                Some(first.tag_name().name().to_owned())
            })
            .unwrap_or_default()
    } else {
        body.lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_DETAIL_CHARS)
            .collect()
    };
    if text.is_empty() {
        String::new()
    } else {
        format!(": {text}")
    }
}

fn timed_out(err: &(dyn std::error::Error + 'static)) -> bool {
    chain(err).any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            )
        })
    })
}

fn refused(err: &(dyn std::error::Error + 'static)) -> bool {
    chain(err).any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused)
    })
}

fn chain<'e>(
    err: &'e (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'e (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(err), |e| e.source())
}

/// The most specific words of an error: its innermost cause.
fn innermost(err: &(dyn std::error::Error + 'static)) -> String {
    chain(err)
        .last()
        .map(ToString::to_string)
        .unwrap_or_default()
}
