//! A researcher without a calendar account keeps the study's interviews in their calendar
//! program by subscribing to the study's calendar file: it follows each booking, move and
//! cancellation by itself, and Python's icalendar reads every event in it.

#![allow(clippy::unwrap_used)]

mod support;

use std::time::{Duration, Instant};

use support::{Fixture, me};

/// The file's text once `ready` holds for it (the file is written in the background).
async fn file_when(path: &std::path::Path, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ready(&text) || Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn python_events(ics: &str) -> serde_json::Value {
    let python = std::env::var("CONFAB_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
print(json.dumps({
  "name": str(cal.get("x-wr-calname")),
  "method": str(cal.get("method")),
  "events": sorted(
    [str(e.get("uid")), int(e.get("sequence", 0)), e.get("dtstart").dt.strftime("%Y-%m-%dT%H:%M:%SZ")]
    for e in cal.walk() if e.name == "VEVENT"
  ),
}))
"#;
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Python's icalendar could not read:\n{ics}"
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_study_calendar_file_follows_bookings_moves_and_cancellations() {
    let f = Fixture::new(2, true).await;
    let path = f.confab.study_calendar_path(f.study_id);
    let ada = f.participant("Ada").await;
    let bea = f.participant("Bea").await;
    let first = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let second = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    let both = file_when(&path, |t| t.matches("BEGIN:VEVENT").count() == 2).await;
    let read = python_events(&both);
    let at = |n: i64| f.slot(n).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    assert_eq!(read["name"], "Interviews: Checkout usability");
    assert_eq!(read["method"], "None", "a file to import carries no METHOD");
    let mut expected = vec![
        serde_json::json!([first.calendar_uid, 0, at(0)]),
        serde_json::json!([second.calendar_uid, 0, at(1)]),
    ];
    expected.sort_by_key(|v| v[0].as_str().unwrap().to_owned());
    assert_eq!(read["events"], serde_json::json!(expected));

    // Ada's interview moves; Bea's is canceled.
    f.confab
        .reschedule_interview(first.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    f.confab
        .cancel_interview(second.id, "Bea withdrew", &me())
        .await
        .unwrap();
    let after = file_when(&path, |t| {
        t.matches("BEGIN:VEVENT").count() == 1 && t.contains("SEQUENCE:1")
    })
    .await;
    let read = python_events(&after);
    assert_eq!(
        read["events"],
        serde_json::json!([[first.calendar_uid, 1, at(2)]])
    );
    // Written on demand as well, to the same place.
    assert_eq!(
        f.confab
            .write_study_calendar_file(f.study_id)
            .await
            .unwrap(),
        path
    );
}
