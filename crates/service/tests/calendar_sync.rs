//! The calendar account through Sync, against a real CalDAV server (Radicale) and real mail
//! servers: an interviewer's busy times come from their calendar and close the slots they
//! cover; the study's interviews are written into the researcher's calendar, moved and
//! removed as they change, each read back with Python's icalendar; a server that refuses the
//! login, and a calendar that went away, leave mail and the last busy times as they were.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

mod support;

use chrono::{DateTime, Duration, Utc};
use confab_mail::test_caldav::Radicale;
use confab_mail::test_stack::MailStack;
use confab_service::{CalendarAccountInput, SyncOptions, SyncReport};
use support::mail::{mailbox_participant, python_reads, researcher_profile};
use support::{Fixture, me};

fn at(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn busy_event(uid: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{}\r\nDTEND:{}\r\nSUMMARY:Faculty meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        at(start),
        at(end)
    )
}

async fn sync_with(f: &Fixture, stack: &MailStack, calendar_password: &str) -> SyncReport {
    f.confab
        .sync(
            SyncOptions {
                password: Some(stack.password().to_owned()),
                connect: stack.connect_options(),
                calendar_password: Some(calendar_password.to_owned()),
            },
            |_| {},
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn busy_times_are_read_and_interviews_written_moved_and_removed_through_sync() {
    let stack = MailStack::start();
    let radicale = Radicale::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let work = radicale.create_calendar("researcher", "work", "Interviews", &["VEVENT"]);
    let ana_cal = radicale.create_calendar("researcher", "ana", "Ana Lind", &["VEVENT"]);
    let password = radicale.password("researcher").to_owned();

    // Connecting lists the account's calendars by name.
    let calendars = f
        .confab
        .connect_calendar_account_without_keyring(
            &CalendarAccountInput {
                url: radicale.url().to_owned(),
                username: "researcher".into(),
                password: password.clone(),
            },
            &Default::default(),
        )
        .await
        .unwrap();
    let mut names: Vec<&str> = calendars.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ana Lind", "Interviews"]);

    let ana = f
        .interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    f.confab
        .set_interviewer_calendar(ana, Some(ana_cal.clone()))
        .await
        .unwrap();
    f.confab
        .set_study_calendar(f.study_id, Some(work.clone()))
        .await
        .unwrap();
    // Ana has a meeting over the first slot.
    radicale.put_object(
        "researcher",
        &ana_cal,
        "meeting.ics",
        &busy_event("meeting-1", f.slot(0), f.slot(0) + Duration::minutes(50)),
    );
    // An interview of Confab's that Ana accepted into her calendar is not read back as busy
    // time (the third slot stays open, and the booking below moves there).
    radicale.put_object(
        "researcher",
        &ana_cal,
        "accepted.ics",
        &busy_event(
            "5f0c1d2e-accepted@confab",
            f.slot(2),
            f.slot(2) + Duration::minutes(60),
        ),
    );
    let open_before = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert!(open_before.iter().any(|s| s.start == f.slot(0)));

    let first = sync_with(&f, &stack, &password).await;
    assert_eq!(first.calendars_read, 1, "{first:?}");
    assert!(first.warnings.is_empty(), "{first:?}");
    let open = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert!(
        open.iter().all(|s| s.start != f.slot(0)),
        "Ana's meeting closes the first slot: {open:?}"
    );
    assert!(
        open.iter().any(|s| s.start == f.slot(2)),
        "Confab's own interview in her calendar is not busy time: {open:?}"
    );
    let listed = f.confab.list_interviewers(f.study_id).await.unwrap();
    assert!(listed[0].busy_read_at.is_some());

    // A booking is written into the researcher's calendar, without METHOD, Ana attending.
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let booked = f
        .confab
        .book_manually(f.study_id, alice, f.session_id, f.slot(1), &[], &me())
        .await
        .unwrap();
    let second = sync_with(&f, &stack, &password).await;
    assert_eq!(
        (second.calendar_written, second.calendar_removed),
        (1, 0),
        "{second:?}"
    );
    let file = format!("{}.ics", booked.calendar_uid);
    let stored = radicale.get_object("researcher", &work, &file).unwrap();
    let read = python_reads(&stored);
    assert_eq!(read["method"], "None");
    assert_eq!(read["uid"], booked.calendar_uid.as_str());
    assert_eq!(read["sequence"], 0);
    assert_eq!(
        read["start"],
        f.slot(1).format("%Y-%m-%dT%H:%M:%SZ").to_string()
    );
    assert_eq!(
        read["attendees"],
        serde_json::json!([
            format!("mailto:{}", stack.address("alice")),
            "mailto:ana@uni.example"
        ])
    );
    assert_eq!(
        read["summary"],
        "Interview with Alice Park: Checkout usability"
    );
    // Nothing changed: nothing is written again.
    let quiet = sync_with(&f, &stack, &password).await;
    assert_eq!(
        (quiet.calendar_written, quiet.calendar_removed),
        (0, 0),
        "{quiet:?}"
    );

    // Moved: the same object, SEQUENCE 1, the new time.
    f.confab
        .reschedule_interview(booked.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    let moved = sync_with(&f, &stack, &password).await;
    assert_eq!(moved.calendar_written, 1, "{moved:?}");
    let read = python_reads(&radicale.get_object("researcher", &work, &file).unwrap());
    assert_eq!(read["sequence"], 1);
    assert_eq!(
        read["start"],
        f.slot(2).format("%Y-%m-%dT%H:%M:%SZ").to_string()
    );
    assert_eq!(radicale.object_files("researcher", &work).len(), 1);

    // A wrong password: Sync says so, mail goes on, the busy times stay in use.
    let refused = sync_with(&f, &stack, "not-the-password").await;
    assert_eq!(refused.calendars_read, 0);
    assert!(
        refused
            .warnings
            .iter()
            .any(|w| w.contains("The calendar account could not be used")
                && w.contains("refused the user name or password")
                && w.contains("Mail went on as usual")),
        "{refused:?}"
    );
    let still = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert!(still.iter().all(|s| s.start != f.slot(0)));
    let account = f.confab.calendar_account().await.unwrap().unwrap();
    assert!(account.last_problem.contains("refused"), "{account:?}");

    // Canceled: removed from the calendar.
    f.confab
        .cancel_interview(booked.id, "Alice is ill", &me())
        .await
        .unwrap();
    let canceled = sync_with(&f, &stack, &password).await;
    assert_eq!(canceled.calendar_removed, 1, "{canceled:?}");
    assert!(radicale.get_object("researcher", &work, &file).is_none());
    assert!(
        f.confab
            .calendar_account()
            .await
            .unwrap()
            .unwrap()
            .last_problem
            .is_empty(),
        "a good Sync clears the problem"
    );

    // Ana's calendar goes away: Sync names her and keeps her last busy times.
    radicale.delete_calendar("researcher", &ana_cal);
    let gone = sync_with(&f, &stack, &password).await;
    assert_eq!(gone.calendars_read, 0);
    assert!(
        gone.warnings
            .iter()
            .any(|w| w.starts_with("Ana Lind's busy times were not read")),
        "{gone:?}"
    );
    let kept = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert!(kept.iter().all(|s| s.start != f.slot(0)));
}
