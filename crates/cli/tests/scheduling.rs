#![allow(clippy::unwrap_used)]

//! The scheduling use cases from the command line, on a real database file.

mod support;

use support::{confab, json};

fn id(v: &serde_json::Value) -> String {
    v["id"].as_i64().unwrap().to_string()
}

#[test]
fn a_study_from_sessions_to_no_show() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let study = id(&json(
        d,
        &[
            "studies",
            "create",
            "--name",
            "Diary",
            "--time-zone",
            "Europe/Berlin",
            "--minutes",
            "60",
        ],
    ));
    let settings = json(
        d,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--min-notice-minutes",
            "0",
            "--self-scheduling",
            "on",
            "--conferencing-url",
            "https://meet.example.org/x",
        ],
    );
    assert_eq!(settings["minNoticeMinutes"], 0);
    let day = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    let session = id(&json(
        d,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "window",
            "--start",
            &format!("{day}T09:00"),
            "--end",
            &format!("{day}T12:00"),
        ],
    ));

    let slots = json(
        d,
        &[
            "slots",
            "--study",
            &study,
            "--time-zone",
            "America/New_York",
        ],
    );
    let slots = slots.as_array().unwrap();
    assert_eq!(slots.len(), 3);
    assert_eq!(slots[0]["timeZone"], "America/New_York");
    // 09:00 in Berlin is 03:00 in New York (or 02:00 around the two weeks their clocks differ).
    assert!(slots[0]["localStart"].as_str().unwrap().ends_with(":00"));

    let ada = id(&json(
        d,
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "ada@example.org",
            "--study",
            &study,
        ],
    ));
    let bea = id(&json(
        d,
        &[
            "participants",
            "add",
            "--name",
            "Bea",
            "--email",
            "bea@example.org",
            "--study",
            &study,
        ],
    ));
    let ready = json(
        d,
        &["invite-check", "--study", &study, "--participant", &ada],
    );
    assert_eq!(ready["ready"], true);

    let first = format!("{session}@{day}T09:00");
    let second = format!("{session}@{day}T10:00");
    let booked = json(
        d,
        &[
            "choose",
            "--study",
            &study,
            "--participant",
            &ada,
            "--first",
            &first,
            "--second",
            &second,
        ],
    );
    assert_eq!(booked["outcome"], "booked");
    assert_eq!(booked["rank"], 1);
    let booked_b = json(
        d,
        &[
            "choose",
            "--study",
            &study,
            "--participant",
            &bea,
            "--first",
            &first,
            "--second",
            &second,
        ],
    );
    assert_eq!(booked_b["rank"], 2);

    // Booking by hand at 09:30 breaks a rule, which --check names and --accept passes.
    let check = json(
        d,
        &[
            "book",
            "--study",
            &study,
            "--participant",
            &ada,
            "--session",
            &session,
            "--start",
            &format!("{day}T09:30"),
            "--check",
        ],
    );
    assert_eq!(check[0]["rule"], "not_a_slot_start");

    let a_interview = id(&booked["interview"]);
    let moved = json(
        d,
        &[
            "interviews",
            "reschedule",
            &a_interview,
            "--session",
            &session,
            "--start",
            &format!("{day}T11:00"),
        ],
    );
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["calendarUid"], booked["interview"]["calendarUid"]);

    let b_interview = id(&booked_b["interview"]);
    json(d, &["interviews", "no-show", &b_interview]);
    let no_show = json(
        d,
        &["interviews", "list", "--study", &study, "--view", "no-show"],
    );
    assert_eq!(no_show[0]["participantName"], "Bea");

    let canceled = json(
        d,
        &[
            "interviews",
            "cancel",
            &a_interview,
            "--reason",
            "moved away",
        ],
    );
    assert_eq!(canceled["interview"]["state"], "canceled");

    let status = json(
        d,
        &[
            "status",
            "--study",
            &study,
            "--participant",
            &ada,
            "invited",
            "--reason",
            "asked to try again",
        ],
    );
    assert_eq!(status["status"], "invited");
    let history = json(d, &["history", "--participant", &ada, "--study", &study]);
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    for expected in [
        "interview booked",
        "interview rescheduled",
        "interview canceled",
        "status",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    assert_eq!(
        history.as_array().unwrap().last().unwrap()["reason"],
        "asked to try again"
    );
}

#[test]
fn a_time_skipped_by_daylight_saving_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let study = id(&json(
        d,
        &[
            "studies",
            "create",
            "--name",
            "DST",
            "--time-zone",
            "America/New_York",
        ],
    ));
    let out = confab(
        d,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "window",
            "--start",
            "2027-03-14T02:30",
            "--end",
            "2027-03-14T04:00",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("2027-03-14 02:30 does not exist in America/New_York"),
        "{err}"
    );
}

#[test]
fn busy_times_from_a_calendar_file_block_slots() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let study = id(&json(
        d,
        &[
            "studies",
            "create",
            "--name",
            "Busy",
            "--time-zone",
            "UTC",
            "--minutes",
            "60",
        ],
    ));
    json(
        d,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--min-notice-minutes",
            "0",
        ],
    );
    let person = id(&json(
        d,
        &[
            "interviewers",
            "add",
            "--study",
            &study,
            "--name",
            "Iris",
            "--email",
            "iris@example.org",
        ],
    ));
    let day = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y%m%d")
        .to_string();
    let dashed = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    json(
        d,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "window",
            "--start",
            &format!("{dashed}T09:00"),
            "--end",
            &format!("{dashed}T12:00"),
            "--interviewer",
            &person,
        ],
    );
    let ics = dir.path().join("iris.ics");
    std::fs::write(
        &ics,
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x1\r\nSUMMARY:Dentist\r\nDTSTART:{day}T100000Z\r\nDTEND:{day}T103000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
    )
    .unwrap();
    let report = json(
        d,
        &[
            "interviewers",
            "import-busy",
            &person,
            ics.to_str().unwrap(),
        ],
    );
    assert_eq!(report["imported"], 1);
    let slots = json(d, &["slots", "--study", &study]);
    let starts: Vec<&str> = slots
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["localStart"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [format!("{dashed}T09:00"), format!("{dashed}T11:00")]
    );

    std::fs::write(&ics, "this is not a calendar").unwrap();
    let out = confab(
        d,
        &[
            "interviewers",
            "import-busy",
            &person,
            ics.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("not a calendar file")
    );
}
