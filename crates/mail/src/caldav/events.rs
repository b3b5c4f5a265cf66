//! Reading busy times from a calendar and storing interviews in one.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use url::Url;

use super::CalDavError;
use super::href::{as_collection, last_segment, object_name, resolve};
use super::http::{CALENDAR, Dav, Request, XML};
use super::status::{Target, check};
use super::xml::{self, CALDAV};
use crate::busy::{BusyImport, read_busy_times};

/// The busy times in `calendar` over [from, to). The server picks the events that overlap
/// the stretch (a calendar-query REPORT with a time range) and sends each whole; Confab's own
/// reader expands repeating ones, so the result does not depend on how well a server
/// expands them. An event that cannot be read is named in `skipped`.
pub(super) fn busy_times(
    dav: &Dav,
    calendar: &Url,
    local: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<BusyImport, CalDavError> {
    let query = xml::calendar_query(from, to);
    let answer = dav.send(calendar, &Request::xml("REPORT", "1", &query))?;
    let answer = check(answer, Target::Calendar(calendar))?;
    let resources = xml::multistatus(&answer.body).map_err(|reason| CalDavError::NotCalDav {
        url: answer.url.to_string(),
        reason,
    })?;
    let mut import = BusyImport::default();
    for resource in &resources {
        let Some(data) = resource.prop(CALDAV, "calendar-data") else {
            continue;
        };
        match read_busy_times(&data.text, local, from, to) {
            Ok(found) => {
                import.events.extend(found.events);
                import.skipped.extend(found.skipped);
            }
            Err(reason) => {
                let name = resolve(&answer.url, &resource.href)
                    .map(|url| last_segment(&url))
                    .unwrap_or_else(|| resource.href.clone());
                import.skipped.push(format!("\"{name}\": {reason}"));
            }
        }
    }
    import
        .events
        .sort_by(|a, b| (a.start, a.end, &a.uid).cmp(&(b.start, b.end, &b.uid)));
    Ok(import)
}

/// Where the event with `uid` is stored in `calendar`.
pub(super) fn event_url(calendar: &Url, uid: &str) -> Url {
    let name = object_name(uid);
    as_collection(calendar.clone())
        .join(&name)
        .expect("a file name of letters, digits and -.@_ joins any URL")
}

/// Stores `ics` as the event `uid`, replacing what was stored under it.
pub(super) fn put_event(
    dav: &Dav,
    calendar: &Url,
    uid: &str,
    ics: &str,
) -> Result<(), CalDavError> {
    let request = Request {
        method: "PUT",
        depth: None,
        body: Some((CALENDAR, ics)),
    };
    check(
        dav.send(&event_url(calendar, uid), &request)?,
        Target::Calendar(calendar),
    )?;
    Ok(())
}

/// Deletes the event `uid`; one that is already gone is no error.
pub(super) fn delete_event(dav: &Dav, calendar: &Url, uid: &str) -> Result<(), CalDavError> {
    let request = Request {
        method: "DELETE",
        depth: None,
        body: None,
    };
    let answer = dav.send(&event_url(calendar, uid), &request)?;
    if matches!(answer.status, 404 | 410) {
        return Ok(());
    }
    check(answer, Target::Calendar(calendar))?;
    Ok(())
}

/// Makes a calendar for events at `calendar` (inside a calendar home), named `name`.
pub(super) fn create_calendar(dav: &Dav, calendar: &Url, name: &str) -> Result<(), CalDavError> {
    let calendar = as_collection(calendar.clone());
    let body = xml::mkcalendar(name);
    let request = Request {
        method: "MKCALENDAR",
        depth: None,
        body: Some((XML, &body)),
    };
    let answer = dav.send(&calendar, &request)?;
    if answer.status == 405 {
        // MKCALENDAR on an existing resource (RFC 4791 §5.3.1.2).
        return Err(CalDavError::Server {
            server: super::href::server_name(&answer.url),
            status: 405,
            detail: format!(": {calendar} exists already"),
        });
    }
    check(answer, Target::Calendar(&calendar))?;
    Ok(())
}
