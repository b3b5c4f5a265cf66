//! Calendar files opened with Confab as an interviewer's program writes them, and as a
//! stranger could: Outlook's Windows zone names are understood, repeating events cost only
//! the study's horizon, and files too large or too deeply nested are refused with a reason.

#![allow(clippy::unwrap_used)]

mod support;

use std::time::{Duration, Instant};

use chrono::Utc;
use confab_service::ErrorCode;
use support::{Fixture, me};

const OUTLOOK_ZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

fn outlook_event(uid: &str, summary: &str, start: &str, end: &str, rule: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nCLASS:PUBLIC\r\nDTEND;TZID=\"W. Europe Standard Time\":{end}\r\nDTSTAMP:20260110T101500Z\r\nDTSTART;TZID=\"W. Europe Standard Time\":{start}\r\n{rule}SEQUENCE:0\r\nSUMMARY;LANGUAGE=en-us:{summary}\r\nTRANSP:OPAQUE\r\nUID:{uid}\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n"
    )
}

fn calendar(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Calendar\r\n{OUTLOOK_ZONE}{body}END:VCALENDAR\r\n"
    )
}

#[tokio::test]
async fn an_outlook_export_imports_its_events_over_the_study_s_horizon_only() {
    let f = Fixture::new(1, true).await;
    let kim = f
        .confab
        .add_interviewer(f.study_id, "Kim Berg", "kim@example.org", &me())
        .await
        .unwrap();
    let tomorrow = (Utc::now() + chrono::Duration::days(1)).format("%Y%m%d");
    let body = [
        outlook_event(
            "meeting",
            "Team meeting",
            &format!("{tomorrow}T090000"),
            &format!("{tomorrow}T100000"),
            "",
        ),
        // Every Monday since 2001, for ever: only the weeks of the horizon are kept.
        outlook_event(
            "weekly",
            "Weekly lab",
            "20010101T090000",
            "20010101T100000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n",
        ),
        // Every second since the year 1.
        outlook_event(
            "bomb",
            "Every second",
            "00010101T000000",
            "00010101T000001",
            "RRULE:FREQ=SECONDLY\r\n",
        ),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Calendar.ics");
    std::fs::write(&file, calendar(&body)).unwrap();
    let started = Instant::now();
    let report = f
        .confab
        .import_busy_times_from_file(kim.id, &file, &me())
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let now = Utc::now();
    let busy = f
        .confab
        .busy_times(
            f.study_id,
            now - chrono::Duration::days(30),
            now + chrono::Duration::days(3650),
        )
        .await
        .unwrap();
    let count = |summary: &str| busy.iter().filter(|b| b.summary == summary).count();
    assert_eq!(count("Team meeting"), 1);
    // The fixture's horizon is 30 days; with a week behind and a week beyond, 44 days hold
    // six or seven Mondays.
    assert!(
        (6..=7).contains(&count("Weekly lab")),
        "{}",
        count("Weekly lab")
    );
    let last = busy.iter().map(|b| b.end).max().unwrap();
    assert!(last < now + chrono::Duration::days(38), "{last}");
    assert!(count("Every second") <= 2_000);
}

#[tokio::test]
async fn files_too_large_or_too_deeply_nested_are_refused_with_a_reason() {
    let f = Fixture::new(1, true).await;
    let kim = f
        .confab
        .add_interviewer(f.study_id, "Kim Berg", "kim@example.org", &me())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();

    let large = dir.path().join("large.ics");
    let event = outlook_event("x", "x", "20260302T090000", "20260302T100000", "");
    std::fs::write(
        &large,
        calendar(&event.repeat(17 * 1024 * 1024 / event.len())),
    )
    .unwrap();
    let err = f
        .confab
        .import_busy_times_from_file(kim.id, &large, &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("over 16 MB"), "{}", err.message);

    let nested = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}{}END:VCALENDAR\r\n",
        "BEGIN:X\r\n".repeat(100_000),
        "END:X\r\n".repeat(100_000)
    );
    let err = f
        .confab
        .import_busy_times(kim.id, &nested, &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("nests"), "{}", err.message);
}
