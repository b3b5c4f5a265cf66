//! The same operations as [`super`], blocking the calling thread for the whole exchange
//! (each request up to the account's timeout). For threads of their own, tests and tools;
//! async code calls the functions in [`super`], which run these off the async threads.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use url::Url;

use super::href::{account_url, check_secure, resolve};
use super::http::Dav;
use super::{CalDavAccount, CalDavError, RemoteCalendar, discover as find, events};
use crate::busy::BusyImport;

/// See [`super::discover`].
pub fn discover(account: &CalDavAccount) -> Result<Vec<RemoteCalendar>, CalDavError> {
    let start = account_url(&account.url)?;
    find::discover(&Dav::new(account)?, &start)
}

/// See [`super::busy_times`].
pub fn busy_times(
    account: &CalDavAccount,
    calendar_href: &str,
    local: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<BusyImport, CalDavError> {
    let calendar = calendar_url(account, calendar_href)?;
    events::busy_times(&Dav::new(account)?, &calendar, local, from, to)
}

/// See [`super::put_event`].
pub fn put_event(
    account: &CalDavAccount,
    calendar_href: &str,
    uid: &str,
    ics: &str,
) -> Result<(), CalDavError> {
    let calendar = calendar_url(account, calendar_href)?;
    events::put_event(&Dav::new(account)?, &calendar, uid, ics)
}

/// See [`super::delete_event`].
pub fn delete_event(
    account: &CalDavAccount,
    calendar_href: &str,
    uid: &str,
) -> Result<(), CalDavError> {
    let calendar = calendar_url(account, calendar_href)?;
    events::delete_event(&Dav::new(account)?, &calendar, uid)
}

/// See [`super::create_calendar`].
pub fn create_calendar(
    account: &CalDavAccount,
    calendar_href: &str,
    display_name: &str,
) -> Result<(), CalDavError> {
    let calendar = calendar_url(account, calendar_href)?;
    events::create_calendar(&Dav::new(account)?, &calendar, display_name)
}

/// A calendar's href as a full URL: as [`super::discover`] gives it, or a path on the
/// account's server.
fn calendar_url(account: &CalDavAccount, href: &str) -> Result<Url, CalDavError> {
    let base = account_url(&account.url)?;
    let bad = |reason: String| CalDavError::BadAddress {
        url: href.to_owned(),
        reason,
    };
    let url = resolve(&base, href).ok_or_else(|| bad("it is not a web address".into()))?;
    check_secure(&url).map_err(bad)?;
    Ok(url)
}
