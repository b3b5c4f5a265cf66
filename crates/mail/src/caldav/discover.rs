//! Finding an account's calendars (RFC 4791 §6, RFC 5397, RFC 6764): the principal of the
//! logged-in user, its calendar homes, and the calendars in each.

use url::Url;

use super::href::{as_collection, last_segment, resolve, same_resource};
use super::http::{Dav, Request};
use super::status::{Target, check};
use super::xml::{self, CALDAV, DAV, Resource};
use super::{CalDavError, RemoteCalendar};

pub(super) fn discover(dav: &Dav, start: &Url) -> Result<Vec<RemoteCalendar>, CalDavError> {
    let mut calendars: Vec<RemoteCalendar> = Vec::new();
    for home in calendar_homes(dav, start)? {
        for calendar in calendars_in(dav, &home)? {
            if !calendars.iter().any(|c| c.href == calendar.href) {
                calendars.push(calendar);
            }
        }
    }
    Ok(calendars)
}

/// The calendar homes of the logged-in user, from the address entered or, if that is not a
/// WebDAV resource, from the server's `/.well-known/caldav`.
fn calendar_homes(dav: &Dav, start: &Url) -> Result<Vec<Url>, CalDavError> {
    match homes_from(dav, start) {
        Err(first @ CalDavError::NotCalDav { .. }) => {
            let Ok(well_known) = start.join("/.well-known/caldav") else {
                return Err(first);
            };
            if same_resource(&well_known, start) {
                return Err(first);
            }
            // The first problem is the one to report: it is about the address entered.
            homes_from(dav, &well_known).map_err(|later| match later {
                CalDavError::NotCalDav { .. } => first,
                other => other,
            })
        }
        found => found,
    }
}

fn homes_from(dav: &Dav, url: &Url) -> Result<Vec<Url>, CalDavError> {
    let (answered, resource) = principal_props(dav, url)?;
    let homes = homes_of(&answered, &resource);
    if !homes.is_empty() {
        return Ok(homes);
    }
    let principal = resource
        .prop(DAV, "current-user-principal")
        .and_then(|p| p.hrefs.first())
        .and_then(|href| resolve(&answered, href));
    let Some(principal) = principal.filter(|p| !same_resource(p, &answered)) else {
        return Err(no_home(&answered));
    };
    let (answered, resource) = principal_props(dav, &principal)?;
    let homes = homes_of(&answered, &resource);
    if homes.is_empty() {
        return Err(no_home(&answered));
    }
    Ok(homes)
}

fn no_home(url: &Url) -> CalDavError {
    CalDavError::NotCalDav {
        url: url.to_string(),
        reason: "it names no calendar home (calendar-home-set) for this account".into(),
    }
}

/// The principal properties of `url`, and the URL that answered (after redirects).
fn principal_props(dav: &Dav, url: &Url) -> Result<(Url, Resource), CalDavError> {
    let request = Request::xml("PROPFIND", "0", xml::PROPFIND_PRINCIPAL);
    let answer = check(dav.send(url, &request)?, Target::Account)?;
    let resources = xml::multistatus(&answer.body).map_err(|reason| CalDavError::NotCalDav {
        url: answer.url.to_string(),
        reason,
    })?;
    // Depth 0 answers for the resource itself; take the response that names it, if the
    // server sent others too.
    let resource = resources
        .iter()
        .find(|r| resolve(&answer.url, &r.href).is_some_and(|u| same_resource(&u, &answer.url)))
        .or(resources.first())
        .cloned()
        .unwrap_or_default();
    Ok((answer.url, resource))
}

fn homes_of(answered: &Url, resource: &Resource) -> Vec<Url> {
    resource
        .prop(CALDAV, "calendar-home-set")
        .map(|p| {
            p.hrefs
                .iter()
                .filter_map(|href| resolve(answered, href))
                .map(as_collection)
                .collect()
        })
        .unwrap_or_default()
}

/// The calendars directly inside a calendar home.
fn calendars_in(dav: &Dav, home: &Url) -> Result<Vec<RemoteCalendar>, CalDavError> {
    let request = Request::xml("PROPFIND", "1", xml::PROPFIND_CALENDARS);
    let answer = check(dav.send(home, &request)?, Target::Account)?;
    let resources = xml::multistatus(&answer.body).map_err(|reason| CalDavError::NotCalDav {
        url: answer.url.to_string(),
        reason,
    })?;
    Ok(resources
        .iter()
        .filter(|r| {
            r.prop(DAV, "resourcetype")
                .is_some_and(|t| t.contains(CALDAV, "calendar"))
        })
        .filter_map(|r| {
            let href = as_collection(resolve(&answer.url, &r.href)?);
            Some(calendar(href, r))
        })
        .collect())
}

fn calendar(href: Url, resource: &Resource) -> RemoteCalendar {
    let name = resource
        .prop(DAV, "displayname")
        .map(|p| p.text.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| last_segment(&href));
    // Without the property, a calendar takes every kind of component (RFC 4791 §5.2.3).
    let holds_events = resource
        .prop(CALDAV, "supported-calendar-component-set")
        .is_none_or(|set| {
            set.elements.iter().any(|(ns, element, component)| {
                ns == CALDAV
                    && element == "comp"
                    && component
                        .as_deref()
                        .is_some_and(|c| c.eq_ignore_ascii_case("VEVENT"))
            })
        });
    // A server that does not say is taken at its word when Confab writes.
    let writable = resource
        .prop(DAV, "current-user-privilege-set")
        .is_none_or(|set| {
            ["all", "write", "write-content", "bind"]
                .iter()
                .any(|privilege| set.contains(DAV, privilege))
        });
    RemoteCalendar {
        href: href.to_string(),
        name,
        holds_events,
        writable,
    }
}
