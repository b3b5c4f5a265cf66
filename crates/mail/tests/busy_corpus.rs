//! Calendar exports as interviewers' programs write them, and as a stranger could: each file
//! gives its busy times, or a clear refusal, quickly and without exhausting the stack.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_mail::busy::{BusyImport, MAX_BUSY_CALENDAR_BYTES, read_busy_times};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn corpus(name: &str) -> String {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into());
    std::fs::read_to_string(dir.join("tests/corpus/busy").join(name)).unwrap()
}

/// March 2026, read in Berlin.
fn read_march(ics: &str) -> Result<BusyImport, String> {
    read_busy_times(
        ics,
        Tz::Europe__Berlin,
        utc("2026-03-01T00:00:00Z"),
        utc("2026-04-01T00:00:00Z"),
    )
}

fn spans(import: &BusyImport) -> Vec<(String, String, String)> {
    import
        .events
        .iter()
        .map(|e| {
            (
                e.summary.clone(),
                e.start.format("%Y-%m-%dT%H:%MZ").to_string(),
                e.end.format("%Y-%m-%dT%H:%MZ").to_string(),
            )
        })
        .collect()
}

#[test]
fn an_outlook_export_with_windows_zone_names_imports_its_events() {
    let import = read_march(&corpus("outlook-export.ics")).unwrap();
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let s = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    assert_eq!(
        spans(&import),
        [
            s("Team meeting", "2026-03-02T08:00Z", "2026-03-02T09:00Z"),
            // 09:00 in New York, still on standard time (UTC-5) until 8 March.
            s(
                "Call with New York",
                "2026-03-03T14:00Z",
                "2026-03-03T14:30Z"
            ),
            s("Weekly lab", "2026-03-16T08:00Z", "2026-03-16T09:00Z"),
            s("Weekly lab", "2026-03-23T08:00Z", "2026-03-23T09:00Z"),
            // Berlin is on summer time from 29 March.
            s("Weekly lab", "2026-03-30T07:00Z", "2026-03-30T08:00Z"),
        ]
    );
}

#[test]
fn recurrence_bombs_cost_nothing_and_ordinary_events_still_count() {
    let started = Instant::now();
    let import = read_march(&corpus("recurrence-bombs.ics")).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        import.events.iter().any(|e| e.summary == "Dentist"),
        "{:?}",
        import.skipped
    );
    // Every second from the year 1 is moved forward to March and capped there.
    let seconds: Vec<_> = import
        .events
        .iter()
        .filter(|e| e.uid == "every-second")
        .collect();
    assert_eq!(seconds.len(), 2_000);
    assert_eq!(seconds[0].start, utc("2026-03-01T00:00:00Z"));
    // Months and years since the year 1 move forward by 400-year cycles, keeping weekdays.
    let on = |uid: &str| -> Vec<String> {
        import
            .events
            .iter()
            .filter(|e| e.uid == uid)
            .map(|e| e.start.format("%Y-%m-%dT%H:%MZ").to_string())
            .collect()
    };
    assert_eq!(on("monthly-since-1"), ["2026-03-10T10:00Z"]);
    assert_eq!(on("yearly-since-1"), ["2026-03-10T12:00Z"]);
    // A COUNT counts from the year 1: the minutes before March are skipped by arithmetic,
    // and four billion minutes reach well past it.
    let minutes: Vec<_> = import
        .events
        .iter()
        .filter(|e| e.uid == "every-minute-count")
        .collect();
    assert_eq!(minutes.len(), 2_000);
    assert_eq!(minutes[0].start, utc("2026-03-01T00:00:00Z"));
    // A rule that fills every year is too much: it is left out by name.
    assert_eq!(import.skipped.len(), 1, "{:?}", import.skipped);
    assert!(import.skipped[0].starts_with("\"Every second of every year\": its repeat rule makes more than 10000 occurrences each time"));
}

/// What a stranger can put in a file a few hundred kilobytes long: a thousand counted
/// series from the year 1 in local time (which cannot be skipped by arithmetic), repeating
/// events on dates that never come, and a hundred events every second in the stretch. The
/// file costs a bounded amount of work, the ordinary event in it still counts, and what was
/// left out is named.
#[test]
fn a_file_of_recurrence_bombs_costs_little_in_all() {
    // Each lasts a second: its end is its start with the last digit of the seconds at 1.
    let event = |uid: String, start: &str, rule: &str| {
        let end = format!("{}1{}", &start[..14], &start[15..]);
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"
        )
    };
    let mut body = String::new();
    for i in 0..1_000 {
        body.push_str(&event(
            format!("count-{i}"),
            "00010101T000000",
            "FREQ=MINUTELY;COUNT=4000000000",
        ));
    }
    for (i, rule) in [
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=MINUTELY;BYSECOND=1;BYMONTH=2;BYMONTHDAY=-30",
    ]
    .iter()
    .enumerate()
    {
        for j in 0..100 {
            body.push_str(&event(format!("never-{i}-{j}"), "20260101T000000Z", rule));
        }
    }
    for i in 0..100 {
        body.push_str(&event(
            format!("second-{i}"),
            "20260101T000000Z",
            "FREQ=SECONDLY",
        ));
    }
    body.push_str("BEGIN:VEVENT\r\nUID:dentist\r\nSUMMARY:Dentist\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n");
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//stranger//EN\r\n{body}END:VCALENDAR\r\n"
    );
    assert!(ics.len() > 150_000, "{}", ics.len());
    let started = Instant::now();
    let import = read_march(&ics).unwrap();
    let took = started.elapsed();
    // About 0.1 s in a debug build; before the file's budget, tens of seconds.
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert!(import.events.iter().any(|e| e.summary == "Dentist"));
    assert!(import.events.len() <= 50_000 + 1, "{}", import.events.len());
    let why = |text: &str| import.skipped.iter().filter(|s| s.contains(text)).count();
    assert_eq!(
        why("dates that do not exist"),
        300,
        "{:?}",
        &import.skipped[..3]
    );
    // The counted series burn the file's budget after a few; the rest, and every event each
    // second, are left out by name.
    assert!(why("in all") >= 1_000, "{}", why("in all"));
    let kept: std::collections::BTreeSet<&str> =
        import.events.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(import.skipped.len() + kept.len(), 1_400 + 1);
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let depth = 50_000;
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}{}END:VCALENDAR\r\n",
        "BEGIN:X-NEST\r\n".repeat(depth),
        "END:X-NEST\r\n".repeat(depth)
    );
    // A thread with a small stack, as the async runtime's workers have.
    let result = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_march(&ics))
        .unwrap()
        .join()
        .expect("reading must not overflow the stack");
    let err = result.unwrap_err();
    assert!(err.contains("nests"), "{err}");
}

#[test]
fn a_file_over_the_limit_is_refused_with_a_clear_error() {
    let event = "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\nEND:VEVENT\r\n";
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n",
        event.repeat(MAX_BUSY_CALENDAR_BYTES / event.len() + 1)
    );
    let err = read_march(&ics).unwrap_err();
    assert!(err.contains("MB"), "{err}");
}
