//! Reads a received iTIP message: an attendee's REPLY or COUNTER, and whatever else arrives.

use serde::{Deserialize, Serialize};

use super::{
    CalendarError,
    content::{self, ContentLine, Node, Tree, unescape_text},
    time::{ItipTime, clip, parse_duration, read_time},
};

/// Replies are a few kilobytes; a calendar larger than this is not one of them.
pub const MAX_CALENDAR_BYTES: usize = 1024 * 1024;

/// The METHOD of a received calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItipKind {
    /// An attendee accepts, declines or tentatively accepts.
    Reply,
    /// An attendee proposes another time.
    Counter,
    Request,
    Cancel,
    /// Any other METHOD as written (upper-cased); empty when there was none, as in a plain
    /// calendar export.
    Other(String),
}

impl ItipKind {
    /// The METHOD as written, upper-cased; empty when there was none.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Reply => "REPLY",
            Self::Counter => "COUNTER",
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
            Self::Other(method) => method,
        }
    }

    fn from_method(method: Option<&str>) -> Self {
        let method = method.unwrap_or("").trim().to_ascii_uppercase();
        match method.as_str() {
            "REPLY" => Self::Reply,
            "COUNTER" => Self::Counter,
            "REQUEST" => Self::Request,
            "CANCEL" => Self::Cancel,
            _ => Self::Other(method),
        }
    }
}

/// An attendee's participation status (RFC 5545 §3.2.12). A missing PARTSTAT means
/// NEEDS-ACTION.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartStat {
    Accepted,
    Tentative,
    Declined,
    NeedsAction,
    /// Any other value as written (upper-cased), e.g. DELEGATED.
    Other(String),
}

impl PartStat {
    fn from_param(value: Option<&str>) -> Self {
        let value = value.unwrap_or("NEEDS-ACTION").trim().to_ascii_uppercase();
        match value.as_str() {
            "ACCEPTED" => Self::Accepted,
            "TENTATIVE" => Self::Tentative,
            "DECLINED" => Self::Declined,
            "NEEDS-ACTION" => Self::NeedsAction,
            _ => Self::Other(value),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItipAttendee {
    /// Lower-cased, without `mailto:`.
    pub email: String,
    /// The CN, when there is one.
    pub name: Option<String>,
    pub partstat: PartStat,
}

/// What a received calendar says about one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItipMessage {
    pub method: ItipKind,
    pub uid: String,
    /// 0 when absent. Replies echo the organizer's SEQUENCE, so a lower one answers an older
    /// version of the invitation.
    pub sequence: u32,
    /// Lower-cased, without `mailto:`; Outlook and Exchange often leave it out of replies.
    pub organizer: Option<String>,
    /// The attendee who answers: see [`ItipMessage::attendee_from`] for the rule.
    pub attendee: Option<ItipAttendee>,
    /// Every ATTENDEE of the event, in order.
    pub attendees: Vec<ItipAttendee>,
    /// DTSTART: in a COUNTER, the proposed start.
    pub start: Option<ItipTime>,
    /// DTEND, or DTSTART plus DURATION: in a COUNTER, the proposed end.
    pub end: Option<ItipTime>,
    /// The attendee's note, e.g. why they propose another time.
    pub comment: Option<String>,
}

impl ItipMessage {
    /// The attendee who sent the message, known by the sender's address; without a match,
    /// the attendee chosen when the calendar was read.
    pub fn attendee_from(&self, sender: &str) -> Option<&ItipAttendee> {
        let sender = sender.trim().to_ascii_lowercase();
        self.attendees
            .iter()
            .find(|a| a.email == sender)
            .or(self.attendee.as_ref())
    }
}

/// Reads a received calendar object. Of several VEVENTs the first that is not an exception of
/// a recurring event is read. Dates are read as [`ItipTime`] describes; a date that cannot be
/// read is an error whatever the method, so that nothing acts on half a message.
pub fn parse_itip(text: &str) -> Result<ItipMessage, CalendarError> {
    if text.len() > MAX_CALENDAR_BYTES {
        return Err(CalendarError::TooLarge {
            size: text.len(),
            limit: MAX_CALENDAR_BYTES,
        });
    }
    let tree = content::read(text)?;
    let method = ItipKind::from_method(tree.root().property("METHOD").map(|p| p.value.as_str()));
    let event = main_event(&tree).ok_or(CalendarError::NoEvent)?;
    let uid = event
        .property("UID")
        .map(|p| p.value.trim().to_owned())
        .filter(|uid| !uid.is_empty())
        .ok_or(CalendarError::NoUid)?;
    let sequence = match event.property("SEQUENCE") {
        None => 0,
        Some(line) => line
            .value
            .trim()
            .parse()
            .map_err(|_| CalendarError::BadSequence {
                value: clip(&line.value),
            })?,
    };
    let organizer = event.property("ORGANIZER").map(|p| address(&p.value));
    let attendees: Vec<ItipAttendee> = event.all("ATTENDEE").map(attendee).collect();
    let start = event
        .property("DTSTART")
        .map(|line| read_time(&tree, line))
        .transpose()?;
    let end = read_end(&tree, event, start)?;
    let comment = event
        .property("COMMENT")
        .map(|p| unescape_text(&p.value).trim().to_owned())
        .filter(|c| !c.is_empty());
    let attendee = answering_attendee(&attendees, organizer.as_deref()).cloned();
    Ok(ItipMessage {
        method,
        uid,
        sequence,
        organizer,
        attendee,
        attendees,
        start,
        end,
        comment,
    })
}

fn main_event(tree: &Tree) -> Option<&Node> {
    let mut events = tree.components("VEVENT");
    let first = events.next()?;
    if first.property("RECURRENCE-ID").is_none() {
        return Some(first);
    }
    tree.components("VEVENT")
        .find(|e| e.property("RECURRENCE-ID").is_none())
        .or(Some(first))
}

fn read_end(
    tree: &Tree,
    event: &Node,
    start: Option<ItipTime>,
) -> Result<Option<ItipTime>, CalendarError> {
    if let Some(line) = event.property("DTEND") {
        return read_time(tree, line).map(Some);
    }
    let (Some(line), Some(start)) = (event.property("DURATION"), start) else {
        return Ok(None);
    };
    parse_duration(&line.value)
        .and_then(|length| start.plus(length))
        .map(Some)
        .ok_or_else(|| CalendarError::BadDate {
            property: "DURATION".into(),
            value: clip(&line.value),
        })
}

/// A REPLY names one attendee, the one answering. A COUNTER from Google names everybody,
/// the organizer included: the answering attendee is then the first who is not the
/// organizer and has answered, or else the first who is not the organizer.
fn answering_attendee<'a>(
    attendees: &'a [ItipAttendee],
    organizer: Option<&str>,
) -> Option<&'a ItipAttendee> {
    let others: Vec<&ItipAttendee> = attendees
        .iter()
        .filter(|a| Some(a.email.as_str()) != organizer)
        .collect();
    others
        .iter()
        .find(|a| a.partstat != PartStat::NeedsAction)
        .or(others.first())
        .copied()
        .or(attendees.first())
}

fn attendee(line: &ContentLine) -> ItipAttendee {
    ItipAttendee {
        email: address(&line.value),
        name: line
            .param("CN")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        partstat: PartStat::from_param(line.param("PARTSTAT")),
    }
}

fn address(value: &str) -> String {
    let value = value.trim();
    let bare = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => value,
    };
    bare.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;

    fn wrap(event: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n{event}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }

    #[test]
    fn a_reply_without_organizer_names_its_attendee() {
        let reply = parse_itip(&wrap(concat!(
            "UID:abc\r\nSEQUENCE:2\r\n",
            "ATTENDEE;PARTSTAT=DECLINED;CN=Ada Ng:MAILTO:Ada@Example.ORG\r\n",
            "COMMENT:Sorry\\, I am away.\r\n",
        )))
        .unwrap();
        assert_eq!(reply.method, ItipKind::Reply);
        assert_eq!(reply.uid, "abc");
        assert_eq!(reply.sequence, 2);
        assert_eq!(reply.organizer, None);
        let attendee = reply.attendee.unwrap();
        assert_eq!(attendee.email, "ada@example.org");
        assert_eq!(attendee.name.as_deref(), Some("Ada Ng"));
        assert_eq!(attendee.partstat, PartStat::Declined);
        assert_eq!(reply.comment.as_deref(), Some("Sorry, I am away."));
    }

    #[test]
    fn the_answering_attendee_is_not_the_organizer() {
        let counter = parse_itip(&wrap(concat!(
            "UID:abc\r\nORGANIZER:mailto:res@uni.example\r\n",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:res@uni.example\r\n",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bo@example.org\r\n",
            "ATTENDEE;PARTSTAT=TENTATIVE:mailto:ada@example.org\r\n",
            "DTSTART:20261201T100000Z\r\nDURATION:PT45M\r\n",
        )))
        .unwrap();
        assert_eq!(counter.attendee.as_ref().unwrap().email, "ada@example.org");
        assert_eq!(
            counter.attendee_from("BO@example.org").unwrap().email,
            "bo@example.org"
        );
        assert_eq!(
            counter.end,
            Some(ItipTime::At(
                DateTime::parse_from_rfc3339("2026-12-01T10:45:00Z")
                    .unwrap()
                    .with_timezone(&Utc)
            ))
        );
    }

    #[test]
    fn missing_parts_are_named() {
        assert_eq!(
            parse_itip("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"),
            Err(CalendarError::NoEvent)
        );
        assert_eq!(
            parse_itip(&wrap("SUMMARY:x\r\n")),
            Err(CalendarError::NoUid)
        );
        assert_eq!(
            parse_itip(&wrap("UID:a\r\nSEQUENCE:two\r\n")),
            Err(CalendarError::BadSequence {
                value: "two".into()
            })
        );
        assert!(matches!(
            parse_itip(&wrap("UID:a\r\nDTSTART:20261201T100000Z\r\nDURATION:soon\r\n")),
            Err(CalendarError::BadDate { property, .. }) if property == "DURATION"
        ));
        let huge = "X".repeat(MAX_CALENDAR_BYTES + 1);
        assert!(matches!(
            parse_itip(&huge),
            Err(CalendarError::TooLarge { .. })
        ));
    }

    #[test]
    fn methods_and_statuses_keep_unknown_values() {
        let text = wrap("UID:a\r\nATTENDEE;PARTSTAT=delegated:mailto:a@b.c\r\n")
            .replace("METHOD:REPLY", "METHOD:refresh");
        let message = parse_itip(&text).unwrap();
        assert_eq!(message.method, ItipKind::Other("REFRESH".into()));
        assert_eq!(
            message.attendee.unwrap().partstat,
            PartStat::Other("DELEGATED".into())
        );
        let export = wrap("UID:a\r\n").replace("METHOD:REPLY\r\n", "");
        assert_eq!(
            parse_itip(&export).unwrap().method,
            ItipKind::Other(String::new())
        );
    }
}
