//! Reads an interviewer's own calendar export (.ics) into the times they are busy.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventStatus};

use crate::calendar::zone_named;

/// One busy stretch from the calendar, in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyEvent {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub uid: String,
}

/// What was read, and each event that was left out with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusyImport {
    pub events: Vec<BusyEvent>,
    pub skipped: Vec<String>,
}

mod exceptions;
mod nesting;
mod recurrence;

/// A calendar file larger than this is not read. A year of a busy person's calendar is a
/// few megabytes; the limit keeps a hostile file from costing minutes and gigabytes.
pub const MAX_BUSY_CALENDAR_BYTES: usize = 16 * 1024 * 1024;

type Span = (DateTime<Utc>, DateTime<Utc>);

/// Reads the events of `ics` that overlap [from, to); repeating events are expanded over that
/// stretch only. Times without a zone are read in `local`, the interviewer's (or study's)
/// time zone; zones may be IANA or Windows names. Free (TRANSP:TRANSPARENT, or Outlook's
/// busy status FREE) and cancelled events do not block anything. Occurrences taken out of a
/// series (EXDATE) block nothing, and one replaced by a component of its own (the same UID
/// with a RECURRENCE-ID: moved, cancelled or made free) blocks what that component says.
pub fn read_busy_times(
    ics: &str,
    local: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<BusyImport, String> {
    if ics.len() > MAX_BUSY_CALENDAR_BYTES {
        return Err(format!(
            "The calendar file is {} MB; files over {} MB are not read. Export a shorter stretch of time, such as the next few months, and import that.",
            ics.len().div_ceil(1024 * 1024),
            MAX_BUSY_CALENDAR_BYTES / (1024 * 1024)
        ));
    }
    if !ics.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Err(
            "This is not a calendar file: an .ics export starts with BEGIN:VCALENDAR. Export the calendar again as iCalendar (.ics)."
                .into(),
        );
    }
    // The parser below descends into nested components by recursion.
    nesting::check(ics)?;
    let calendar: Calendar = ics.parse().map_err(|e: String| {
        format!(
            "The calendar file could not be read ({}). Export it again as iCalendar (.ics).",
            first_line(&e)
        )
    })?;
    let mut import = BusyImport::default();
    let mut budget = recurrence::MAX_GENERATED_PER_FILE;
    let replaced = exceptions::replaced(&calendar, local);
    for event in calendar.events() {
        let uid = event.get_uid().unwrap_or_default().to_owned();
        let summary = event.get_summary().unwrap_or_default().to_owned();
        let label = if summary.is_empty() {
            uid.clone()
        } else {
            summary.clone()
        };
        if event.get_status() == Some(EventStatus::Cancelled)
            || event
                .property_value("TRANSP")
                .is_some_and(|t| t.eq_ignore_ascii_case("TRANSPARENT"))
            || event
                .property_value("X-MICROSOFT-CDO-BUSYSTATUS")
                .is_some_and(|t| t.eq_ignore_ascii_case("FREE"))
        {
            continue;
        }
        let exceptions = if exceptions::is_replacement(event) {
            exceptions::Exceptions::default()
        } else {
            exceptions::of(event, local, &replaced)
        };
        match occurrences(event, local, from, to, &exceptions, &mut budget) {
            Ok(spans) => import
                .events
                .extend(spans.into_iter().map(|(start, end)| BusyEvent {
                    start,
                    end,
                    summary: summary.clone(),
                    uid: uid.clone(),
                })),
            Err(reason) => import.skipped.push(format!("\"{label}\": {reason}")),
        }
    }
    import.events.sort_by_key(|e| (e.start, e.end));
    Ok(import)
}

fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or("");
    let end = line.char_indices().nth(120).map_or(line.len(), |(i, _)| i);
    &line[..end]
}

fn occurrences(
    event: &Event,
    local: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    exceptions: &exceptions::Exceptions,
    budget: &mut usize,
) -> Result<Vec<Span>, String> {
    let start_value = event.get_start().ok_or("it has no start time")?;
    let start = instant(&start_value, local)?;
    let end = match event.get_end() {
        Some(end) => instant(&end, local)?,
        None => match start_value {
            // An all-day event without an end lasts that day.
            DatePerhapsTime::Date(_) => start + Duration::days(1),
            DatePerhapsTime::DateTime(_) => return Err("it has no end time".into()),
        },
    };
    if end <= start {
        return Err("it ends before it starts".into());
    }
    let length = end - start;
    let Some(rule) = event.property_value("RRULE") else {
        return Ok(if start < to && end > from {
            vec![(start, end)]
        } else {
            vec![]
        });
    };
    let zone = zone_of(&start_value, local);
    let mut spans = recurrence::expand(rule, start, zone, length, from, to, budget)?;
    spans.retain(|(begin, _)| !exceptions.excludes(*begin, zone));
    Ok(spans)
}

fn zone_of(value: &DatePerhapsTime, local: Tz) -> Option<Tz> {
    match value {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { tzid, .. }) => zone_named(tzid),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(_)) | DatePerhapsTime::Date(_) => {
            Some(local)
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(_)) => None,
    }
}

fn instant(value: &DatePerhapsTime, local: Tz) -> Result<DateTime<Utc>, String> {
    match value {
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => Ok(*t),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            let zone = zone_named(tzid).ok_or_else(|| {
                format!("its time zone \"{tzid}\" is neither an IANA nor a Windows zone name; export the calendar with IANA time zones or in UTC")
            })?;
            in_zone(zone, *date_time)
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(t)) => in_zone(local, *t),
        DatePerhapsTime::Date(d) => start_of_day(local, *d),
    }
}

fn start_of_day(zone: Tz, date: NaiveDate) -> Result<DateTime<Utc>, String> {
    in_zone(zone, date.and_time(chrono::NaiveTime::MIN))
}

/// A busy time that falls in a skipped hour starts when the clocks resume; one in a repeated
/// hour starts at its first occurrence. Either way the interviewer stays blocked.
fn in_zone(zone: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>, String> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            Ok(t.with_timezone(&Utc))
        }
        chrono::LocalResult::None => zone
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| format!("{local} does not exist in {}", zone.name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn read(body: &str) -> Result<BusyImport, String> {
        let ics = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"
        );
        read_busy_times(
            &ics,
            Tz::Europe__Berlin,
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        )
    }

    #[test]
    fn utc_zoned_floating_and_all_day_events_are_read() {
        let import = read(concat!(
            "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Dentist\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=America/New_York:20260302T090000\r\nDTEND;TZID=America/New_York:20260302T100000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20260303T090000\r\nDTEND:20260303T093000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20260304\r\nEND:VEVENT\r\n",
        ))
        .unwrap();
        let spans: Vec<(String, String)> = import
            .events
            .iter()
            .map(|e| (e.start.to_rfc3339(), e.end.to_rfc3339()))
            .collect();
        assert_eq!(
            spans,
            [
                (
                    "2026-03-02T08:00:00+00:00".into(),
                    "2026-03-02T09:00:00+00:00".into()
                ),
                (
                    "2026-03-02T14:00:00+00:00".into(),
                    "2026-03-02T15:00:00+00:00".into()
                ),
                (
                    "2026-03-03T08:00:00+00:00".into(),
                    "2026-03-03T08:30:00+00:00".into()
                ),
                (
                    "2026-03-03T23:00:00+00:00".into(),
                    "2026-03-04T23:00:00+00:00".into()
                ),
            ]
        );
        assert_eq!(import.events[0].summary, "Dentist");
        assert!(import.skipped.is_empty());
    }

    #[test]
    fn a_weekly_meeting_keeps_its_local_time_across_daylight_saving() {
        let import = read(
            "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=Europe/Berlin:20260316T090000\r\nDTEND;TZID=Europe/Berlin:20260316T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n",
        )
        .unwrap();
        let starts: Vec<String> = import.events.iter().map(|e| e.start.to_rfc3339()).collect();
        // Berlin moves to summer time on 2026-03-29: 09:00 local is 08:00 UTC before, 07:00 after.
        assert_eq!(
            starts,
            [
                "2026-03-16T08:00:00+00:00",
                "2026-03-23T08:00:00+00:00",
                "2026-03-30T07:00:00+00:00"
            ]
        );
    }

    #[test]
    fn occurrences_taken_out_or_replaced_follow_their_exceptions() {
        let import = read(concat!(
            // Weekly on Mondays 09:00 Berlin, five times from 2 March; 9 March is taken out,
            // 16 March moved to Tuesday 11:00, 23 March cancelled and 30 March made free.
            "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Team\r\nDTSTART;TZID=Europe/Berlin:20260302T090000\r\nDTEND;TZID=Europe/Berlin:20260302T100000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Berlin:20260309T090000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260316T090000\r\nSUMMARY:Team (moved)\r\nDTSTART;TZID=Europe/Berlin:20260317T110000\r\nDTEND;TZID=Europe/Berlin:20260317T120000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20260323T080000Z\r\nSTATUS:CANCELLED\r\nDTSTART;TZID=Europe/Berlin:20260323T090000\r\nDTEND;TZID=Europe/Berlin:20260323T100000\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260330T090000\r\nTRANSP:TRANSPARENT\r\nDTSTART;TZID=Europe/Berlin:20260330T090000\r\nDTEND;TZID=Europe/Berlin:20260330T100000\r\nEND:VEVENT\r\n",
            // Daily at 07:00 UTC, three days; two taken out by one EXDATE listing both.
            "BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260601T070000Z\r\nDTEND:20260601T073000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEXDATE:20260601T070000Z,20260603T070000Z\r\nEND:VEVENT\r\n",
            // All-day on three Fridays, the second taken out by its date.
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20260703\r\nDTEND;VALUE=DATE:20260704\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;VALUE=DATE:20260710\r\nEND:VEVENT\r\n",
        ))
        .unwrap();
        let spans: Vec<(String, String, &str)> = import
            .events
            .iter()
            .map(|e| (e.start.to_rfc3339(), e.end.to_rfc3339(), e.summary.as_str()))
            .collect();
        let span = |start: &str, end: &str, summary: &'static str| {
            (
                format!("2026-{start}:00+00:00"),
                format!("2026-{end}:00+00:00"),
                summary,
            )
        };
        assert_eq!(
            spans,
            [
                span("03-02T08:00", "03-02T09:00", "Team"),
                span("03-17T10:00", "03-17T11:00", "Team (moved)"),
                span("04-06T07:00", "04-06T08:00", "Team"),
                span("06-02T07:00", "06-02T07:30", ""),
                span("07-02T22:00", "07-03T22:00", ""),
                span("07-16T22:00", "07-17T22:00", ""),
            ]
        );
        assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    }

    #[test]
    fn free_and_cancelled_events_block_nothing_and_broken_ones_are_named() {
        let import = read(concat!(
            "BEGIN:VEVENT\r\nUID:f\r\nTRANSP:TRANSPARENT\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:x\r\nSTATUS:CANCELLED\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:z\r\nSUMMARY:Backwards\r\nDTSTART:20260302T100000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Mars zone\r\nDTSTART;TZID=Mars/Olympus_Mons:20260302T090000\r\nDTEND;TZID=Mars/Olympus_Mons:20260302T100000\r\nEND:VEVENT\r\n",
        ))
        .unwrap();
        assert!(import.events.is_empty());
        assert_eq!(import.skipped.len(), 2);
        assert!(import.skipped[0].contains("\"Backwards\": it ends before it starts"));
        assert!(import.skipped[1].contains("neither an IANA nor a Windows zone name"));
    }

    #[test]
    fn a_file_that_is_not_a_calendar_is_refused() {
        let err = read_busy_times(
            "Subject: hello\r\n\r\nnot a calendar",
            Tz::UTC,
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        )
        .unwrap_err();
        assert!(err.contains("not a calendar file"), "{err}");
    }
}
