use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use confab_core::language::phrases::fill;

use super::{InterviewEvent, ItipMethod, Person};

/// Identifies Confab as the program that made a calendar object (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Confab//Confab Interviews//EN";

/// Writes the calendar object for `event` with `method`: one VEVENT, times in UTC.
///
/// REQUEST and CANCEL carry the whole event; CANCEL marks it `STATUS:CANCELLED`. DECLINECOUNTER
/// carries only what RFC 5546 §3.2.8 allows: UID, SEQUENCE, DTSTAMP, ORGANIZER and the
/// attendees, because it changes nothing about the event itself.
///
/// Text is escaped by `icalendar`; line breaks of any style become `\n`, other control
/// characters are dropped. Names are written as RFC 6868 parameter values, quoted when they
/// hold `,` `;` or `:`. Characters that cannot be part of an address are dropped from it; the
/// addresses themselves are checked when the mail is built.
pub fn build_calendar(event: &InterviewEvent, method: ItipMethod) -> String {
    calendar(vevent(event, method, Delivery::Itip), Some(method))
}

/// Writes the calendar object that stores `event` in a calendar on a CalDAV server: the
/// same event as the invitation (same UID, SEQUENCE and properties), without METHOD, which
/// a stored object may not carry (RFC 4791 §4.1). A cancelled interview can be kept as
/// `STATUS:CANCELLED` rather than deleted.
///
/// The organizer and every attendee are marked `SCHEDULE-AGENT=CLIENT` (RFC 6638 §7.1):
/// Confab sends the invitations itself, so a server that schedules on its own must not mail
/// the participants a second one.
pub fn build_stored_event(event: &InterviewEvent, cancelled: bool) -> String {
    let method = if cancelled {
        ItipMethod::Cancel
    } else {
        ItipMethod::Request
    };
    calendar(vevent(event, method, Delivery::Stored), None)
}

/// Writes a calendar file holding every event of `events` as stored events (no METHOD), for a
/// calendar program to import or subscribe to: a study's interviews for a researcher whose
/// calendar has no CalDAV. `name` is the calendar's name (X-WR-CALNAME, which Apple Calendar,
/// Google and Thunderbird show).
pub fn build_calendar_file(name: &str, events: &[InterviewEvent]) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("PRODID", PRODID))
        .append_property(("VERSION", "2.0"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("X-WR-CALNAME", text(name).replace('\n', " ").as_str()));
    for event in events {
        calendar.push(vevent(event, ItipMethod::Request, Delivery::Stored));
    }
    calendar.to_string()
}

/// How the event reaches calendars: mailed as an iTIP message, or stored on a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delivery {
    Itip,
    Stored,
}

fn vevent(event: &InterviewEvent, method: ItipMethod, delivery: Delivery) -> Event {
    let mut vevent = Event::new();
    vevent
        .uid(&single_line(&event.uid))
        .sequence(event.sequence)
        .timestamp(event.dtstamp);
    vevent.append_property(organizer(&event.organizer, delivery));
    for person in &event.attendees {
        vevent.append_multi_property(attendee(person, method, delivery));
    }
    if method != ItipMethod::DeclineCounter {
        vevent
            .starts(event.start)
            .ends(event.end)
            .summary(&text(&event.summary))
            .description(&text(&description(event)));
        if let Some(location) = location(event) {
            vevent.location(&text(location));
        }
        vevent.status(if method == ItipMethod::Cancel {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    }
    vevent.done()
}

fn calendar(vevent: Event, method: Option<ItipMethod>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("PRODID", PRODID))
        .append_property(("VERSION", "2.0"))
        .append_property(("CALSCALE", "GREGORIAN"));
    if let Some(method) = method {
        calendar.append_property(("METHOD", method.as_str()));
    }
    calendar.push(vevent);
    calendar.to_string()
}

fn organizer(person: &Person, delivery: Delivery) -> Property {
    let mut property = Property::new("ORGANIZER", cal_address(&person.email));
    add_name(&mut property, &person.name);
    add_schedule_agent(&mut property, delivery);
    property
}

fn attendee(person: &Person, method: ItipMethod, delivery: Delivery) -> Property {
    let mut property = Property::new("ATTENDEE", cal_address(&person.email));
    add_name(&mut property, &person.name);
    add_schedule_agent(&mut property, delivery);
    match method {
        // A new or moved interview asks every attendee to answer again (RFC 5546 §2.1.4).
        ItipMethod::Request => {
            property
                .add_parameter("ROLE", person.role.as_str())
                .add_parameter("PARTSTAT", "NEEDS-ACTION")
                .add_parameter("RSVP", "TRUE");
        }
        ItipMethod::Cancel => {
            property.add_parameter("ROLE", person.role.as_str());
        }
        ItipMethod::DeclineCounter => {}
    }
    property
}

fn add_schedule_agent(property: &mut Property, delivery: Delivery) {
    if delivery == Delivery::Stored {
        property.add_parameter("SCHEDULE-AGENT", "CLIENT");
    }
}

fn add_name(property: &mut Property, name: &str) {
    let name = param_text(name);
    if !name.is_empty() {
        property.add_parameter("CN", &name);
    }
}

/// The conferencing link and the dial-in details follow the researcher's description, so
/// that they are there in calendars that show only the description.
fn description(event: &InterviewEvent) -> String {
    let mut text = event.description.trim_end().to_owned();
    let phrases = event
        .language
        .parse::<confab_core::Language>()
        .unwrap_or_else(|_| confab_core::Language::study_default())
        .phrases();
    let mut extra = Vec::new();
    if let Some(url) = non_empty(&event.conferencing_url) {
        extra.push(fill(phrases.join_online, &[("url", url)]));
    }
    if let Some(dial_in) = non_empty(&event.dial_in) {
        extra.push(fill(phrases.dial_in, &[("dial_in", dial_in)]));
    }
    if !extra.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&extra.join("\n"));
    }
    text
}

fn location(event: &InterviewEvent) -> Option<&str> {
    non_empty(&event.location).or_else(|| non_empty(&event.conferencing_url))
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn cal_address(email: &str) -> String {
    let email: String = email
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    format!("mailto:{email}")
}

/// `icalendar` escapes `\n` in TEXT values but not a bare CR, which would end the line.
fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fn single_line(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A parameter value may not hold a double quote or a line break; RFC 6868 writes them as
/// `^'` and `^n`. A name needs no line breaks, so they become spaces.
fn param_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in single_line(value).chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn event() -> InterviewEvent {
        let at = |h| chrono::Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).unwrap();
        InterviewEvent {
            uid: "interview-42@confab".into(),
            sequence: 2,
            organizer: Person::new("Dr. Rivera, Lab", "rivera@uni.example"),
            attendees: vec![Person::new("Ada \"Ace\" Ng; PhD", "ada@example.org")],
            start: at(9),
            end: at(10),
            summary: "Interview: sleep study".into(),
            description: "Bring your diary.\r\nThanks!".into(),
            location: None,
            conferencing_url: Some("https://meet.example/abc".into()),
            dial_in: Some("+1 555 0100, PIN 1234".into()),
            dtstamp: at(8),
            language: String::new(),
        }
    }

    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn a_request_has_every_property_clients_need() {
        let ics = unfolded(&build_calendar(&event(), ItipMethod::Request));
        for line in [
            "BEGIN:VCALENDAR\r\n",
            "PRODID:-//Confab//Confab Interviews//EN\r\n",
            "VERSION:2.0\r\n",
            "METHOD:REQUEST\r\n",
            "UID:interview-42@confab\r\n",
            "SEQUENCE:2\r\n",
            "DTSTAMP:20260302T080000Z\r\n",
            "DTSTART:20260302T090000Z\r\n",
            "DTEND:20260302T100000Z\r\n",
            "SUMMARY:Interview: sleep study\r\n",
            "LOCATION:https://meet.example/abc\r\n",
            "STATUS:CONFIRMED\r\n",
            "ORGANIZER;CN=\"Dr. Rivera, Lab\":mailto:rivera@uni.example\r\n",
            "ATTENDEE;CN=\"Ada ^'Ace^' Ng; PhD\";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ada@example.org\r\n",
            "DESCRIPTION:Bring your diary.\\nThanks!\\n\\nJoin online: https://meet.example/abc\\nDial in: +1 555 0100\\, PIN 1234\r\n",
        ] {
            assert!(ics.contains(line), "missing {line:?} in\n{ics}");
        }
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn a_cancel_keeps_the_uid_and_marks_the_event_cancelled() {
        let mut cancelled = event();
        cancelled.sequence = 3;
        let ics = unfolded(&build_calendar(&cancelled, ItipMethod::Cancel));
        assert!(ics.contains("METHOD:CANCEL\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        assert!(ics.contains("SEQUENCE:3\r\n"));
        assert!(ics.contains("UID:interview-42@confab\r\n"));
        assert!(!ics.contains("RSVP=TRUE"));
    }

    #[test]
    fn a_stored_event_is_the_request_without_method_and_without_server_scheduling() {
        let stored = unfolded(&build_stored_event(&event(), false));
        let request = unfolded(&build_calendar(&event(), ItipMethod::Request));
        assert!(!stored.contains("METHOD"), "{stored}");
        assert_eq!(
            stored.replace(";SCHEDULE-AGENT=CLIENT", ""),
            request.replace("METHOD:REQUEST\r\n", ""),
        );
        for line in [
            "ORGANIZER;CN=\"Dr. Rivera, Lab\";SCHEDULE-AGENT=CLIENT:mailto:rivera@uni.example\r\n",
            "ATTENDEE;CN=\"Ada ^'Ace^' Ng; PhD\";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE;SCHEDULE-AGENT=CLIENT:mailto:ada@example.org\r\n",
            "STATUS:CONFIRMED\r\n",
        ] {
            assert!(stored.contains(line), "missing {line:?} in\n{stored}");
        }
    }

    #[test]
    fn a_stored_cancelled_event_keeps_the_uid_and_is_marked_cancelled() {
        let mut cancelled = event();
        cancelled.sequence = 3;
        let ics = unfolded(&build_stored_event(&cancelled, true));
        assert!(!ics.contains("METHOD"), "{ics}");
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        assert!(ics.contains("SEQUENCE:3\r\n"));
        assert!(ics.contains("UID:interview-42@confab\r\n"));
        assert!(ics.contains("DTSTART:20260302T090000Z\r\n"));
    }

    #[test]
    fn a_declinecounter_carries_only_what_rfc_5546_allows() {
        let ics = unfolded(&build_calendar(&event(), ItipMethod::DeclineCounter));
        assert!(ics.contains("METHOD:DECLINECOUNTER\r\n"));
        assert!(ics.contains("UID:interview-42@confab\r\n"));
        assert!(ics.contains("SEQUENCE:2\r\n"));
        assert!(ics.contains("ORGANIZER;"));
        assert!(ics.contains("ATTENDEE;"));
        for absent in ["DTSTART", "DTEND", "SUMMARY", "STATUS", "DESCRIPTION"] {
            assert!(!ics.contains(absent), "{absent} in\n{ics}");
        }
    }

    #[test]
    fn line_breaks_in_names_and_addresses_cannot_start_a_new_property() {
        let mut hostile = event();
        hostile.attendees = vec![Person::new(
            "Eve\r\nATTENDEE:mailto:x@evil.example",
            "eve@example.org\r\nMETHOD:CANCEL",
        )];
        hostile.summary = "Hi\rMETHOD:CANCEL".into();
        hostile.location = Some("Room 1\nMETHOD:CANCEL".into());
        let ics = build_calendar(&hostile, ItipMethod::Request);
        let starts: Vec<&str> = ics
            .split("\r\n")
            .filter(|l| !l.starts_with(' '))
            .map(|l| l.split([':', ';']).next().unwrap_or(""))
            .collect();
        assert_eq!(starts.iter().filter(|s| **s == "METHOD").count(), 1);
        assert_eq!(starts.iter().filter(|s| **s == "ATTENDEE").count(), 1);
        assert!(!ics.replace("\r\n", "").contains('\r'));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn a_place_wins_over_the_link_as_location() {
        let mut in_person = event();
        in_person.location = Some("Room 2.14, Psychology".into());
        let ics = unfolded(&build_calendar(&in_person, ItipMethod::Request));
        assert!(
            ics.contains("LOCATION:Room 2.14\\, Psychology\r\n"),
            "{ics}"
        );
    }
}
