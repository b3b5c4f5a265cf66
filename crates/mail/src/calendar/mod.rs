//! Calendar invitations (iTIP over iMIP): the VCALENDAR that Confab sends with a booking, and
//! the replies and counter-proposals that participants' calendar programs send back.

mod build;
mod content;
mod itip;
mod time;
mod vtimezone;
mod windows_zone_table;
mod windows_zones;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use build::{PRODID, build_calendar, build_calendar_file, build_stored_event};
pub use itip::{ItipAttendee, ItipKind, ItipMessage, MAX_CALENDAR_BYTES, PartStat, parse_itip};
pub use time::{ItipTime, zone_named};

/// Someone with a name and a mail address: an organizer, an attendee, a sender or recipient.
/// An empty name means none is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub email: String,
    /// What they are to an interview, when they attend one (RFC 5545 §3.2.16).
    #[serde(default, skip_serializing_if = "AttendeeRole::is_required")]
    pub role: AttendeeRole,
}

impl Person {
    pub fn new(name: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            email: email.into(),
            role: AttendeeRole::Required,
        }
    }

    pub fn with_role(self, role: AttendeeRole) -> Self {
        Self { role, ..self }
    }
}

/// An attendee's ROLE: the participant is required, an interviewer leads (CHAIR), a note-taker
/// may come (OPT-PARTICIPANT).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendeeRole {
    #[default]
    Required,
    Chair,
    Optional,
}

impl AttendeeRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AttendeeRole::Required => "REQ-PARTICIPANT",
            AttendeeRole::Chair => "CHAIR",
            AttendeeRole::Optional => "OPT-PARTICIPANT",
        }
    }

    fn is_required(&self) -> bool {
        *self == AttendeeRole::Required
    }
}

/// One interview as a calendar event. Times are instants; they are written in UTC because a
/// TZID without its VTIMEZONE makes Outlook shift the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewEvent {
    /// Stays the same for the life of the interview, across reschedules and the cancellation.
    pub uid: String,
    /// Rises by one with every reschedule and with the cancellation.
    pub sequence: u32,
    pub organizer: Person,
    pub attendees: Vec<Person>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    /// A room or an address; without one, the conferencing link is the location.
    pub location: Option<String>,
    pub conferencing_url: Option<String>,
    /// Phone numbers and access codes, as the researcher wrote them.
    pub dial_in: Option<String>,
    /// When this version of the invitation was made.
    pub dtstamp: DateTime<Utc>,
    /// The language of the lines Confab adds to the description (`de-AT`); English when
    /// empty, as in invitations stored before messages had a language.
    #[serde(default)]
    pub language: String,
}

/// The iTIP methods Confab sends as organizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ItipMethod {
    /// A new or rescheduled interview.
    Request,
    /// A cancelled interview.
    Cancel,
    /// The researcher turns down a participant's counter-proposal; the interview stays as it is.
    DeclineCounter,
}

impl ItipMethod {
    /// The value of METHOD, and of the `method=` parameter of the text/calendar MIME part.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
            Self::DeclineCounter => "DECLINECOUNTER",
        }
    }

    /// The method as `as_str` writes it (as the outbox stores it); `None` for anything else.
    pub fn from_stored(text: &str) -> Option<Self> {
        [Self::Request, Self::Cancel, Self::DeclineCounter]
            .into_iter()
            .find(|method| method.as_str() == text)
    }
}

impl std::fmt::Display for ItipMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The SEQUENCE of an event Confab first sends as organizer.
pub const FIRST_SEQUENCE: i32 = 0;

/// The SEQUENCE after a change attendees' calendars must take over the version they hold: a
/// new time, a cancellation, a schedule published again (RFC 5546, 2.1.4). A calendar keeps the
/// version with the highest SEQUENCE, so every such change raises it, and only such changes
/// (a reminder or a resent invitation keeps it).
pub fn sequence_after_change(current: i32) -> i32 {
    current.saturating_add(1)
}

/// Why a received calendar could not be read. The messages are shown to the researcher.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum CalendarError {
    #[error("this is not a calendar: it does not start with BEGIN:VCALENDAR")]
    NotACalendar,
    #[error("the calendar is {size} bytes long; calendars over {limit} bytes are not read")]
    TooLarge { size: usize, limit: usize },
    #[error("the calendar is cut off: {component} is never closed with END:{component}")]
    Unclosed { component: String },
    #[error("the calendar closes {found} where {expected} was open")]
    Mismatched { expected: String, found: String },
    #[error("the calendar nests components more than {limit} levels deep")]
    TooDeep { limit: usize },
    #[error("the calendar has no event (VEVENT)")]
    NoEvent,
    #[error("the event has no UID, so it cannot be matched to an interview")]
    NoUid,
    #[error("the event's SEQUENCE \"{value}\" is not a whole number")]
    BadSequence { value: String },
    #[error("the event's {property} \"{value}\" is not a date or time that can be read")]
    BadDate { property: String, value: String },
    #[error(
        "the event's {property} uses the time zone \"{tzid}\", which the calendar does not define and which is not a known zone name"
    )]
    UnknownTimeZone { property: String, tzid: String },
}

#[cfg(test)]
mod tests {
    use super::ItipMethod;

    #[test]
    fn a_stored_method_reads_back_as_written_and_nothing_else_is_taken() {
        for method in [
            ItipMethod::Request,
            ItipMethod::Cancel,
            ItipMethod::DeclineCounter,
        ] {
            assert_eq!(ItipMethod::from_stored(method.as_str()), Some(method));
        }
        for other in ["", "cancel", "REPLY", "COUNTER", "REQUEST "] {
            assert_eq!(ItipMethod::from_stored(other), None, "{other:?}");
        }
    }
}
