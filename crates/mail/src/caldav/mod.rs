//! CalDAV (RFC 4791): finding a researcher's or interviewer's calendars, reading their busy
//! times, and storing interviews in the calendar the researcher chose.
//!
//! The WebDAV requests are Confab's own, on the crate's `ureq` (blocking HTTP with rustls,
//! already used for OAuth) and `roxmltree`. The CalDAV crates were weighed: `libdav` is
//! async on hyper and tower, a second HTTP stack beside ureq; `minicaldav` is GPL-3.0
//! (Confab is MIT), reads every event of a calendar instead of a time range, and says of
//! itself that it is neither complete nor correct. What Confab needs is five requests
//! (PROPFIND, REPORT, PUT, DELETE, MKCALENDAR) with XML bodies.
//!
//! Every request has the account's timeout, answers are read up to
//! [`crate::busy::MAX_BUSY_CALENDAR_BYTES`], redirects are followed with the same method,
//! and passwords only travel over https (or plain http to this computer). The async
//! functions here run the blocking requests on Tokio's blocking threads; [`blocking`] has
//! the same functions for threads of their own.

mod account;
pub mod blocking;
mod discover;
mod error;
mod events;
mod href;
mod http;
mod status;
mod xml;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use account::{CalDavAccount, CalDavAuth};
pub use error::CalDavError;

use crate::busy::BusyImport;

/// A calendar on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteCalendar {
    /// Its full URL, which the other functions take as `calendar_href`.
    pub href: String,
    /// Its display name, or the last part of its address when it has none.
    pub name: String,
    /// Whether it takes events (VEVENT); a list of tasks does not.
    pub holds_events: bool,
    /// Whether this account may add and change events in it (true when the server does
    /// not say).
    pub writable: bool,
}

/// The calendars of the account: from its principal (current-user-principal, RFC 5397)
/// to its calendar homes (calendar-home-set) to the calendars in each. `account.url` may be
/// the server's address or the principal's; if it answers no WebDAV, the server's
/// `/.well-known/caldav` (RFC 6764) is tried.
pub async fn discover(account: &CalDavAccount) -> Result<Vec<RemoteCalendar>, CalDavError> {
    let account = account.clone();
    run(&account.url.clone(), move || blocking::discover(&account)).await
}

/// The times `calendar_href` is busy over [from, to), in UTC. Repeating events are
/// expanded by Confab ([`crate::busy::read_busy_times`]: RRULE, EXDATE, moved and cancelled
/// occurrences), not by the server; times without a zone are read in `local`. Free and
/// cancelled events block nothing; events that cannot be read are named in `skipped`.
pub async fn busy_times(
    account: &CalDavAccount,
    calendar_href: &str,
    local: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<BusyImport, CalDavError> {
    let account = account.clone();
    let calendar = calendar_href.to_owned();
    run(calendar_href, move || {
        blocking::busy_times(&account, &calendar, local, from, to)
    })
    .await
}

/// Stores the calendar object `ics` (from [`crate::calendar::build_stored_event`]) as the
/// event `uid` in `calendar_href`, creating it or replacing the earlier version: its file is
/// named after the UID, so every version of an interview goes to the same place.
pub async fn put_event(
    account: &CalDavAccount,
    calendar_href: &str,
    uid: &str,
    ics: &str,
) -> Result<(), CalDavError> {
    let account = account.clone();
    let (calendar, uid, ics) = (calendar_href.to_owned(), uid.to_owned(), ics.to_owned());
    run(calendar_href, move || {
        blocking::put_event(&account, &calendar, &uid, &ics)
    })
    .await
}

/// Deletes the event `uid` from `calendar_href`. An event that is not there (deleted by
/// hand, or never stored) counts as deleted.
pub async fn delete_event(
    account: &CalDavAccount,
    calendar_href: &str,
    uid: &str,
) -> Result<(), CalDavError> {
    let account = account.clone();
    let (calendar, uid) = (calendar_href.to_owned(), uid.to_owned());
    run(calendar_href, move || {
        blocking::delete_event(&account, &calendar, &uid)
    })
    .await
}

/// Makes a new calendar for events at `calendar_href` (a new address inside one of the
/// account's calendar homes), shown as `display_name`.
pub async fn create_calendar(
    account: &CalDavAccount,
    calendar_href: &str,
    display_name: &str,
) -> Result<(), CalDavError> {
    let account = account.clone();
    let (calendar, name) = (calendar_href.to_owned(), display_name.to_owned());
    run(calendar_href, move || {
        blocking::create_calendar(&account, &calendar, &name)
    })
    .await
}

/// Runs blocking requests for `address` off the async worker threads.
async fn run<T: Send + 'static>(
    address: &str,
    work: impl FnOnce() -> Result<T, CalDavError> + Send + 'static,
) -> Result<T, CalDavError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|err| {
            Err(CalDavError::Unreachable {
                server: address.to_owned(),
                reason: format!("the request stopped unexpectedly: {err}"),
            })
        })
}
