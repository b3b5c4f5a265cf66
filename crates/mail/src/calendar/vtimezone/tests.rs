//! Tests of reading local times through a calendar's own VTIMEZONE: yearly rules, their ends,
//! and the fallback to the zone's name.

use chrono::{DateTime, Utc};

use super::*;
use crate::calendar::{
    content,
    time::{ItipTime, read_time},
};

/// As Outlook writes a zone: a display name as TZID, rules that start in 1601.
const OUTLOOK_ZONE: &str = concat!(
    "BEGIN:VTIMEZONE\r\n",
    "TZID:Custom Berlin\r\n",
    "BEGIN:STANDARD\r\n",
    "DTSTART:16010101T030000\r\n",
    "TZOFFSETFROM:+0200\r\n",
    "TZOFFSETTO:+0100\r\n",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n",
    "END:STANDARD\r\n",
    "BEGIN:DAYLIGHT\r\n",
    "DTSTART:16010101T020000\r\n",
    "TZOFFSETFROM:+0100\r\n",
    "TZOFFSETTO:+0200\r\n",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n",
    "END:DAYLIGHT\r\n",
    "END:VTIMEZONE\r\n",
);

fn read_in(zone: &str, tzid: &str, local: &str) -> ItipTime {
    let text = format!(
        "BEGIN:VCALENDAR\r\n{zone}BEGIN:VEVENT\r\nDTSTART;TZID=\"{tzid}\":{local}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let tree = content::read(&text).unwrap();
    let event = tree.components("VEVENT").next().unwrap();
    read_time(&tree, event.property("DTSTART").unwrap()).unwrap()
}

fn utc(text: &str) -> ItipTime {
    ItipTime::At(
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc),
    )
}

#[test]
fn a_yearly_last_sunday_zone_gives_summer_and_winter_offsets() {
    assert_eq!(
        read_in(OUTLOOK_ZONE, "Custom Berlin", "20260115T100000"),
        utc("2026-01-15T09:00:00Z")
    );
    assert_eq!(
        read_in(OUTLOOK_ZONE, "Custom Berlin", "20260701T100000"),
        utc("2026-07-01T08:00:00Z")
    );
    // The day after each change in 2026 (29 March, 25 October).
    assert_eq!(
        read_in(OUTLOOK_ZONE, "Custom Berlin", "20260330T100000"),
        utc("2026-03-30T08:00:00Z")
    );
    assert_eq!(
        read_in(OUTLOOK_ZONE, "Custom Berlin", "20261026T100000"),
        utc("2026-10-26T09:00:00Z")
    );
}

#[test]
fn the_calendar_s_own_definition_wins_over_the_iana_name() {
    // A sender whose Europe/Berlin is fixed at +0100 all year meant 09:00 UTC in July.
    let fixed = concat!(
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n",
        "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n",
        "END:VTIMEZONE\r\n"
    );
    assert_eq!(
        read_in(fixed, "Europe/Berlin", "20260701T100000"),
        utc("2026-07-01T09:00:00Z")
    );
}

#[test]
fn an_unreadable_rule_falls_back_to_the_name() {
    let odd = concat!(
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n",
        "BEGIN:STANDARD\r\nDTSTART:19700101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n",
        "RRULE:FREQ=MONTHLY;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    );
    assert_eq!(
        read_in(odd, "America/New_York", "20260701T100000"),
        utc("2026-07-01T14:00:00Z")
    );
}

#[test]
fn rules_end_with_until_and_count() {
    let ended = concat!(
        "BEGIN:VTIMEZONE\r\nTZID:Ended\r\n",
        "BEGIN:STANDARD\r\nDTSTART:20000101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n",
        "BEGIN:DAYLIGHT\r\nDTSTART:20000326T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3\r\nEND:DAYLIGHT\r\n",
        "BEGIN:STANDARD\r\nDTSTART:20001029T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20021027T010000Z\r\nEND:STANDARD\r\n",
        "END:VTIMEZONE\r\n"
    );
    assert_eq!(
        read_in(ended, "Ended", "20010701T120000"),
        utc("2001-07-01T11:00:00Z")
    );
    // After 2002 no more summer time: the last change (October 2002) left +0000.
    assert_eq!(
        read_in(ended, "Ended", "20100701T120000"),
        utc("2010-07-01T12:00:00Z")
    );
}

#[test]
fn nth_weekdays_and_offsets() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        nth_weekday(2026, 3, -1, Weekday::Sun),
        Some(date(2026, 3, 29))
    );
    assert_eq!(
        nth_weekday(2026, 12, -1, Weekday::Thu),
        Some(date(2026, 12, 31))
    );
    assert_eq!(
        nth_weekday(2026, 3, 2, Weekday::Sun),
        Some(date(2026, 3, 8))
    );
    assert_eq!(nth_weekday(2026, 2, 5, Weekday::Mon), None);
    assert_eq!(parse_offset("+0530"), Some(19_800));
    assert_eq!(parse_offset("-001530"), Some(-930));
    assert_eq!(parse_offset("0100"), None);
    assert_eq!(parse_offset("+2500"), None);
}
