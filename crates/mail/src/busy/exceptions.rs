//! The exceptions to a repeating event: occurrences taken out of it (EXDATE) and occurrences
//! replaced by a component of their own, with the same UID and a RECURRENCE-ID naming the
//! occurrence it replaces (a meeting moved one week, or cancelled once). Calendars export
//! both whenever someone edits one occurrence of a series, and a CalDAV server stores the
//! series and its replacements together.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, Component, DatePerhapsTime, Event, Property};

use super::instant;

/// What is taken out of the series of one event.
#[derive(Debug, Default)]
pub(super) struct Exceptions {
    /// Occurrences by their start.
    starts: HashSet<DateTime<Utc>>,
    /// Whole days (EXDATE;VALUE=DATE), each taking out the occurrences that start on it.
    days: HashSet<NaiveDate>,
}

impl Exceptions {
    /// Whether the occurrence starting at `start` (whose day is read in `zone`, or in UTC)
    /// is taken out.
    pub(super) fn excludes(&self, start: DateTime<Utc>, zone: Option<Tz>) -> bool {
        if self.starts.contains(&start) {
            return true;
        }
        let day = match zone {
            Some(zone) => start.with_timezone(&zone).date_naive(),
            None => start.date_naive(),
        };
        self.days.contains(&day)
    }
}

/// The starts of the occurrences that a component of their own replaces, by UID. A
/// replacement that is cancelled or free still takes its occurrence out of the series.
/// RECURRENCE-IDs that cannot be read are passed over: the occurrence then stays busy.
pub(super) fn replaced(calendar: &Calendar, local: Tz) -> HashMap<String, HashSet<DateTime<Utc>>> {
    let mut replaced: HashMap<String, HashSet<DateTime<Utc>>> = HashMap::new();
    for event in calendar.events() {
        let (Some(uid), Some(id)) = (event.get_uid(), event.get_recurrence_id()) else {
            continue;
        };
        if let Ok(start) = instant(&id, local) {
            replaced.entry(uid.to_owned()).or_default().insert(start);
        }
    }
    replaced
}

/// Whether `event` replaces one occurrence of a series rather than being a series (or a
/// single event) itself.
pub(super) fn is_replacement(event: &Event) -> bool {
    event.property_value("RECURRENCE-ID").is_some()
}

/// The occurrences `event` leaves out: its EXDATEs, and those `replaced` names for its UID.
pub(super) fn of(
    event: &Event,
    local: Tz,
    replaced: &HashMap<String, HashSet<DateTime<Utc>>>,
) -> Exceptions {
    let mut exceptions = Exceptions::default();
    if let Some(starts) = event.get_uid().and_then(|uid| replaced.get(uid)) {
        exceptions.starts.extend(starts);
    }
    let exdates = event.multi_properties().get("EXDATE").into_iter().flatten();
    let exdates = exdates.chain(event.properties().get("EXDATE"));
    for property in exdates {
        // One EXDATE may list several times, separated by commas, sharing its parameters.
        for value in property.value().split(',').map(str::trim) {
            let mut single = Property::new("EXDATE", value);
            for parameter in property.params().values() {
                single.add_parameter(parameter.key(), parameter.value());
            }
            match DatePerhapsTime::from_property(&single) {
                Some(DatePerhapsTime::Date(day)) => {
                    exceptions.days.insert(day);
                }
                Some(time) => {
                    if let Ok(start) = instant(&time, local) {
                        exceptions.starts.insert(start);
                    }
                }
                None => {}
            }
        }
    }
    exceptions
}
