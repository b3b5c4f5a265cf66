//! What an error status means, which depends on what the request was about: a 404 while
//! looking for the account's calendars is a wrong address, a 404 on a calendar means the
//! calendar was deleted.

use url::Url;

use super::CalDavError;
use super::href::server_name;
use super::http::{Answer, detail};

/// What a request was about.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'a> {
    /// Finding the account's principal and calendar homes.
    Account,
    /// One calendar, or an event in it.
    Calendar(&'a Url),
}

/// The answer if its status is a success (2xx), else the error it stands for.
pub(super) fn check(answer: Answer, target: Target) -> Result<Answer, CalDavError> {
    let status = answer.status;
    if (200..300).contains(&status) {
        return Ok(answer);
    }
    let server = server_name(&answer.url);
    let precondition = detail(&answer.body);
    Err(match (status, target) {
        (401, _) | (403, Target::Account) => CalDavError::LoginRefused { server },
        // A WebDAV precondition (RFC 4791 §5.3.2.1, such as no-uid-conflict) is the
        // server's reason, not a missing calendar or privilege; need-privileges is one.
        (403 | 409, Target::Calendar(_))
            if !precondition.is_empty()
                && answer.body.trim_start().starts_with('<')
                && !precondition.contains("need-privileges") =>
        {
            CalDavError::Server {
                server,
                status,
                detail: precondition,
            }
        }
        (403, Target::Calendar(calendar)) => CalDavError::NotAllowed {
            server,
            calendar: calendar.to_string(),
        },
        // 409 answers a PUT into a collection that does not exist (RFC 4918 §9.7.1).
        (404 | 409 | 410, Target::Calendar(calendar)) => CalDavError::CalendarGone {
            calendar: calendar.to_string(),
        },
        (404 | 410, Target::Account) => CalDavError::NotCalDav {
            url: answer.url.to_string(),
            reason: format!("there is nothing at this address (HTTP {status})"),
        },
        (400 | 405 | 501, _) => CalDavError::NotCalDav {
            url: answer.url.to_string(),
            reason: format!("it does not take calendar (WebDAV) requests (HTTP {status})"),
        },
        _ => CalDavError::Server {
            server,
            status,
            detail: precondition,
        },
    })
}
