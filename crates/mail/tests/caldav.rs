//! The CalDAV client against a real server on loopback (Radicale 3): finding calendars,
//! reading busy times, storing, moving and cancelling an interview, and the errors a
//! researcher can meet, each with words that say what to fix.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_mail::caldav::{
    self, CalDavAccount, CalDavError, RemoteCalendar, busy_times, delete_event, discover, put_event,
};
use confab_mail::calendar::{InterviewEvent, Person, build_stored_event};
use confab_mail::test_caldav::Radicale;

const BERLIN: Tz = Tz::Europe__Berlin;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// An .ics object: VTIMEZONEs for the zones used, then the components.
fn ics(components: &str) -> String {
    let text = format!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example//Calendar//EN\n{BERLIN_ZONE}{NEW_YORK_ZONE}{components}END:VCALENDAR\n"
    );
    text.replace('\n', "\r\n")
}

const BERLIN_ZONE: &str = "BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
";

const NEW_YORK_ZONE: &str = "BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
";

fn event(uid: &str, summary: &str, lines: &str) -> String {
    format!(
        "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260201T120000Z\nSUMMARY:{summary}\n{lines}END:VEVENT\n"
    )
}

fn names(calendars: &[RemoteCalendar]) -> Vec<(String, String, bool, bool)> {
    let mut found: Vec<_> = calendars
        .iter()
        .map(|c| (c.href.clone(), c.name.clone(), c.holds_events, c.writable))
        .collect();
    found.sort();
    found
}

#[tokio::test]
async fn discovery_finds_the_researcher_s_calendars_with_their_names() {
    let server = Radicale::start();
    let work = server.create_calendar("researcher", "work", "Work", &["VEVENT"]);
    let private = server.create_calendar("researcher", "private", "Privat & Familie", &["VEVENT"]);
    let tasks = server.create_calendar("researcher", "tasks", "To-dos", &["VTODO"]);
    server.create_calendar("interviewer", "teaching", "Teaching", &["VEVENT"]);

    let expected = vec![
        (private.clone(), "Privat & Familie".to_owned(), true, true),
        (tasks.clone(), "To-dos".to_owned(), false, true),
        (work.clone(), "Work".to_owned(), true, true),
    ];
    // From the server's address, from the account's own (principal) address, and from
    // the well-known address, which Radicale redirects to its root.
    for url in [
        server.url().to_owned(),
        format!("{}researcher/", server.url()),
        format!("{}.well-known/caldav", server.url()),
    ] {
        let account = CalDavAccount {
            url: url.clone(),
            ..server.account("researcher")
        };
        let calendars = discover(&account)
            .await
            .unwrap_or_else(|err| panic!("discovery from {url}: {err}"));
        assert_eq!(names(&calendars), expected, "discovery from {url}");
    }

    let theirs = discover(&server.account("interviewer")).await.unwrap();
    assert_eq!(
        names(&theirs),
        [(
            server.calendar_url("interviewer", "teaching"),
            "Teaching".to_owned(),
            true,
            true
        )]
    );
}

#[tokio::test]
async fn busy_times_follow_repeats_exceptions_zones_and_free_or_cancelled_events() {
    let server = Radicale::start();
    let work = server.create_calendar("researcher", "work", "Work", &["VEVENT"]);
    let private = server.create_calendar("researcher", "private", "Private", &["VEVENT"]);
    // Mondays 10:00 in Berlin from 23 February; 9 March is taken out, 16 March moved to
    // Wednesday 18 March 14:00. Berlin changes to summer time on 29 March.
    server.put_object(
        "researcher",
        &work,
        "lab-meeting.ics",
        &ics(&format!(
            "{}{}",
            event(
                "lab-meeting",
                "Lab meeting",
                "DTSTART;TZID=Europe/Berlin:20260223T100000\nDTEND;TZID=Europe/Berlin:20260223T110000\nRRULE:FREQ=WEEKLY\nEXDATE;TZID=Europe/Berlin:20260309T100000\n",
            ),
            event(
                "lab-meeting",
                "Lab meeting (moved)",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260316T100000\nDTSTART;TZID=Europe/Berlin:20260318T140000\nDTEND;TZID=Europe/Berlin:20260318T150000\n",
            ),
        )),
    );
    for (file, component) in [
        (
            "conference.ics",
            event(
                "conference",
                "Conference",
                "DTSTART;VALUE=DATE:20260312\nDTEND;VALUE=DATE:20260313\n",
            ),
        ),
        (
            "home-office.ics",
            event(
                "home-office",
                "Working from home",
                "DTSTART;TZID=Europe/Berlin:20260305T090000\nDTEND;TZID=Europe/Berlin:20260305T170000\nTRANSP:TRANSPARENT\n",
            ),
        ),
        (
            "dentist.ics",
            event(
                "dentist",
                "Dentist",
                "DTSTART:20260306T080000Z\nDTEND:20260306T090000Z\nSTATUS:CANCELLED\n",
            ),
        ),
        (
            "may.ics",
            event(
                "may",
                "After the horizon",
                "DTSTART:20260504T080000Z\nDTEND:20260504T090000Z\n",
            ),
        ),
        (
            "new-york.ics",
            event(
                "new-york",
                "Call with New York",
                "DTSTART;TZID=America/New_York:20260310T090000\nDTEND;TZID=America/New_York:20260310T100000\n",
            ),
        ),
        (
            "night-shift.ics",
            event(
                "night-shift",
                "Night shift",
                "DTSTART:20260228T230000Z\nDTEND:20260301T010000Z\n",
            ),
        ),
    ] {
        server.put_object("researcher", &work, file, &ics(&component));
    }
    // Another calendar's events are not this calendar's busy times.
    server.put_object(
        "researcher",
        &private,
        "gym.ics",
        &ics(&event(
            "gym",
            "Gym",
            "DTSTART:20260303T170000Z\nDTEND:20260303T180000Z\n",
        )),
    );

    let busy = busy_times(
        &server.account("researcher"),
        &work,
        BERLIN,
        utc("2026-03-01T00:00:00Z"),
        utc("2026-04-01T00:00:00Z"),
    )
    .await
    .unwrap();
    let spans: Vec<(String, String, &str)> = busy
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
            span("02-28T23:00", "03-01T01:00", "Night shift"),
            span("03-02T09:00", "03-02T10:00", "Lab meeting"),
            span("03-10T13:00", "03-10T14:00", "Call with New York"),
            span("03-11T23:00", "03-12T23:00", "Conference"),
            span("03-18T13:00", "03-18T14:00", "Lab meeting (moved)"),
            span("03-23T09:00", "03-23T10:00", "Lab meeting"),
            span("03-30T08:00", "03-30T09:00", "Lab meeting"),
        ]
    );
    assert!(busy.skipped.is_empty(), "{:?}", busy.skipped);
    assert_eq!(busy.events[1].uid, "lab-meeting");
}

/// The stored object as Python's icalendar reads it.
fn read_with_python(server: &Radicale, ics: &str) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys
import icalendar
calendar = icalendar.Calendar.from_ical(sys.stdin.read())
events = list(calendar.walk("VEVENT"))
event = events[0]
attendees = event.get("ATTENDEE")
attendees = attendees if isinstance(attendees, list) else [attendees]
print(json.dumps({
    "method": str(calendar["METHOD"]) if "METHOD" in calendar else None,
    "events": len(events),
    "uid": str(event["UID"]),
    "sequence": int(event["SEQUENCE"]),
    "start": event.decoded("DTSTART").isoformat(),
    "end": event.decoded("DTEND").isoformat(),
    "status": str(event.get("STATUS")),
    "organizer": str(event["ORGANIZER"]),
    "attendees": [[str(a), str(a.params.get("CN")), str(a.params.get("SCHEDULE-AGENT"))] for a in attendees],
}))
"#;
    let mut child = Command::new(server.python())
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Python runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "Python's icalendar could not read\n{ics}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn interview() -> InterviewEvent {
    InterviewEvent {
        uid: "5f0e2a4c-8d1b-4c3e-9f7a-2b6d1e0c9a88@confab".into(),
        sequence: 0,
        organizer: Person::new("Dr. Ada Rivera", "researcher@uni.example"),
        attendees: vec![
            Person::new("Sam Okafor", "sam@example.org"),
            Person::new("Ida Berg", "interviewer@uni.example"),
        ],
        start: utc("2026-03-03T09:00:00Z"),
        end: utc("2026-03-03T10:00:00Z"),
        summary: "Interview: sleep study".into(),
        description: "Bring your sleep diary.".into(),
        location: None,
        conferencing_url: Some("https://meet.example/abc".into()),
        dial_in: None,
        dtstamp: utc("2026-02-20T12:00:00Z"),
        language: String::new(),
    }
}

#[tokio::test]
async fn an_interview_is_stored_moved_cancelled_and_deleted() {
    let server = Radicale::start();
    let account = server.account("researcher");
    let calendar = server.calendar_url("researcher", "interviews");
    caldav::create_calendar(&account, &calendar, "Interviews")
        .await
        .unwrap();
    let mut event = interview();
    let file = format!("{}.ics", event.uid);
    let horizon = (utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));
    let busy = |account: CalDavAccount, calendar: String| async move {
        busy_times(&account, &calendar, BERLIN, horizon.0, horizon.1)
            .await
            .unwrap()
            .events
            .iter()
            .map(|e| (e.start.to_rfc3339(), e.uid.clone()))
            .collect::<Vec<_>>()
    };
    let attendees = serde_json::json!([
        ["mailto:sam@example.org", "Sam Okafor", "CLIENT"],
        ["mailto:interviewer@uni.example", "Ida Berg", "CLIENT"],
    ]);

    put_event(
        &account,
        &calendar,
        &event.uid,
        &build_stored_event(&event, false),
    )
    .await
    .unwrap();
    assert_eq!(
        server.object_files("researcher", &calendar),
        [file.as_str()]
    );
    let stored = server.get_object("researcher", &calendar, &file).unwrap();
    assert_eq!(
        read_with_python(&server, &stored),
        serde_json::json!({
            "method": null,
            "events": 1,
            "uid": event.uid,
            "sequence": 0,
            "start": "2026-03-03T09:00:00+00:00",
            "end": "2026-03-03T10:00:00+00:00",
            "status": "CONFIRMED",
            "organizer": "mailto:researcher@uni.example",
            "attendees": attendees,
        })
    );
    assert_eq!(
        busy(account.clone(), calendar.clone()).await,
        [("2026-03-03T09:00:00+00:00".to_owned(), event.uid.clone())]
    );

    // Moved: the same UID and file, the next SEQUENCE, the new time.
    event.sequence = 1;
    event.start = utc("2026-03-04T14:00:00Z");
    event.end = utc("2026-03-04T15:30:00Z");
    put_event(
        &account,
        &calendar,
        &event.uid,
        &build_stored_event(&event, false),
    )
    .await
    .unwrap();
    assert_eq!(
        server.object_files("researcher", &calendar),
        [file.as_str()]
    );
    let stored = server.get_object("researcher", &calendar, &file).unwrap();
    let read = read_with_python(&server, &stored);
    assert_eq!(read["method"], serde_json::Value::Null);
    assert_eq!(read["uid"], event.uid.as_str());
    assert_eq!(read["sequence"], 1);
    assert_eq!(read["start"], "2026-03-04T14:00:00+00:00");
    assert_eq!(read["end"], "2026-03-04T15:30:00+00:00");
    assert_eq!(read["attendees"], attendees);
    assert_eq!(
        busy(account.clone(), calendar.clone()).await,
        [("2026-03-04T14:00:00+00:00".to_owned(), event.uid.clone())]
    );

    // Cancelled and kept in the calendar, marked as such: it no longer blocks the time.
    event.sequence = 2;
    put_event(
        &account,
        &calendar,
        &event.uid,
        &build_stored_event(&event, true),
    )
    .await
    .unwrap();
    let stored = server.get_object("researcher", &calendar, &file).unwrap();
    let read = read_with_python(&server, &stored);
    assert_eq!(read["method"], serde_json::Value::Null);
    assert_eq!(read["sequence"], 2);
    assert_eq!(read["status"], "CANCELLED");
    assert_eq!(read["start"], "2026-03-04T14:00:00+00:00");
    assert_eq!(busy(account.clone(), calendar.clone()).await, []);

    // Cancelled by deleting it; deleting what is already gone is no error.
    delete_event(&account, &calendar, &event.uid).await.unwrap();
    assert_eq!(
        server.object_files("researcher", &calendar),
        Vec::<String>::new()
    );
    assert_eq!(server.get_object("researcher", &calendar, &file), None);
    delete_event(&account, &calendar, &event.uid).await.unwrap();
}

#[tokio::test]
async fn a_calendar_deleted_on_the_server_is_gone_and_another_user_s_is_not_allowed() {
    let server = Radicale::start();
    let account = server.account("researcher");
    let old = server.create_calendar("researcher", "old", "Old", &["VEVENT"]);
    server.delete_calendar("researcher", &old);
    let (from, to) = (utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));

    let err = busy_times(&account, &old, BERLIN, from, to)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        CalDavError::CalendarGone {
            calendar: old.clone()
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "The calendar {old} is no longer on the calendar server: it was deleted or moved. Choose another calendar in Settings → Calendar account."
        )
    );
    let event = interview();
    let err = put_event(
        &account,
        &old,
        &event.uid,
        &build_stored_event(&event, false),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err,
        CalDavError::CalendarGone {
            calendar: old.clone()
        }
    );

    let theirs = server.create_calendar("interviewer", "teaching", "Teaching", &["VEVENT"]);
    let err = busy_times(&account, &theirs, BERLIN, from, to)
        .await
        .unwrap_err();
    let host = server
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/');
    assert_eq!(
        err,
        CalDavError::NotAllowed {
            server: host.to_owned(),
            calendar: theirs.clone()
        }
    );
    assert!(
        err.to_string()
            .ends_with("Choose a calendar of your own in Settings → Calendar account."),
        "{err}"
    );
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_where_to_correct_it() {
    let server = Radicale::start();
    let account = CalDavAccount::new(server.url(), "researcher", "not-the-password");
    let err = discover(&account).await.unwrap_err();
    let host = server
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/');
    assert_eq!(
        err,
        CalDavError::LoginRefused {
            server: host.to_owned()
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "The calendar server at {host} refused the user name or password. Check them in Settings → Calendar account (Google and iCloud need an app password)."
        )
    );
    assert!(!err.is_temporary());
}

#[tokio::test]
async fn a_stopped_server_a_closed_port_and_a_silent_one_are_unreachable() {
    let server = Radicale::start();
    let account = server.account("researcher");
    server.stop();
    let host = server
        .url()
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let err = discover(&account).await.unwrap_err();
    assert_eq!(
        err,
        CalDavError::Unreachable {
            server: host.to_owned(),
            reason: "the connection was refused".into()
        }
    );
    assert_eq!(
        err.to_string(),
        format!(
            "The calendar server at {host} could not be reached (the connection was refused). Check that this computer is online and that the server address in Settings → Calendar account is right, then try again."
        )
    );
    assert!(err.is_temporary());

    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = busy_times(
        &CalDavAccount::new(format!("http://127.0.0.1:{closed}/"), "researcher", "x"),
        "/researcher/work/",
        BERLIN,
        utc("2026-03-01T00:00:00Z"),
        utc("2026-04-01T00:00:00Z"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&err, CalDavError::Unreachable { reason, .. } if reason == "the connection was refused"),
        "{err:?}"
    );

    // Takes the connection and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let account = CalDavAccount::new(format!("http://127.0.0.1:{port}/"), "researcher", "x")
        .with_timeout(Duration::from_secs(2));
    let err = discover(&account).await.unwrap_err();
    assert_eq!(
        err,
        CalDavError::Unreachable {
            server: format!("127.0.0.1:{port}"),
            reason: "no answer within 2 seconds".into()
        }
    );
    drop(silent);
}

/// A child process that is ended when the test ends.
struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn a_web_server_that_is_not_a_calendar_server_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new("python3")
        .args([
            "-u",
            "-m",
            "http.server",
            "0",
            "--bind",
            "127.0.0.1",
            "--directory",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _server = Daemon(child);
    // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
    let port = line
        .split_whitespace()
        .skip_while(|word| *word != "port")
        .nth(1)
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    let url = format!("http://127.0.0.1:{port}/");
    let err = discover(&CalDavAccount::new(&url, "researcher", "x"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        CalDavError::NotCalDav {
            url: url.clone(),
            reason: "it does not take calendar (WebDAV) requests (HTTP 501)".into()
        }
    );
    assert!(
        err.to_string().contains(
            "does not answer as a calendar (CalDAV) server: it does not take calendar (WebDAV) requests (HTTP 501). Check the server address in Settings → Calendar account"
        ),
        "{err}"
    );
}

#[tokio::test]
async fn a_password_is_never_sent_over_plain_http_to_another_computer() {
    let err = discover(&CalDavAccount::new(
        "http://dav.example.org/",
        "researcher",
        "secret",
    ))
    .await
    .unwrap_err();
    assert!(
        matches!(&err, CalDavError::BadAddress { reason, .. } if reason.contains("unencrypted")),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .ends_with("Correct it in Settings → Calendar account."),
        "{err}"
    );
}
