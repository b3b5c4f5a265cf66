//! The use cases the study workspace adds on top of the scheduling core: editing and
//! archiving a study, changing and deleting sessions, the overview and the pending list.
#![allow(clippy::unwrap_used)]

mod support;

use chrono::Duration;
use confab_service::{ChoiceInput, ErrorCode, NewStudy, SessionChange, SessionPattern};
use support::{Fixture, me};

fn details(name: &str, zone: &str, minutes: i32) -> NewStudy {
    NewStudy {
        name: name.into(),
        description: "Renamed".into(),
        time_zone: zone.into(),
        interview_minutes: minutes,
    }
}

#[tokio::test]
async fn a_study_is_renamed_in_place_and_archiving_takes_it_off_the_list_only() {
    let f = Fixture::new(1, true).await;
    let renamed = f
        .confab
        .update_study(
            f.study_id,
            details("Checkout, round 2", "Europe/Berlin", 45),
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            renamed.name.as_str(),
            renamed.time_zone.as_str(),
            renamed.interview_minutes
        ),
        ("Checkout, round 2", "Europe/Berlin", 45)
    );
    let other = f
        .confab
        .create_study(details("Onboarding", "UTC", 30))
        .await
        .unwrap();
    let taken = f
        .confab
        .update_study(other.id, details("Checkout, round 2", "UTC", 30), &me())
        .await
        .unwrap_err();
    assert_eq!(taken.code, ErrorCode::Conflict, "{}", taken.message);
    let invalid = f
        .confab
        .update_study(other.id, details("Onboarding", "Mars/Olympus", 30), &me())
        .await
        .unwrap_err();
    assert_eq!(invalid.code, ErrorCode::InvalidInput);

    let ada = f.participant("Ada").await;
    f.confab.archive_study(f.study_id, &me()).await.unwrap();
    let listed: Vec<i64> = f
        .confab
        .list_studies()
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(listed, vec![other.id]);
    // Nothing of the archived study is gone.
    assert_eq!(f.status(ada).await, "added");
    let history = f.confab.study_history(f.study_id).await.unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert!(actions.contains(&"study archived"), "{actions:?}");
    assert!(actions.contains(&"study details"), "{actions:?}");
}

#[tokio::test]
async fn a_session_moves_and_changes_kind_and_one_with_bookings_cannot_be_deleted() {
    let f = Fixture::new(1, true).await;
    let sessions = f.confab.list_sessions(f.study_id).await.unwrap();
    let before = sessions[0].clone();
    let moved = f
        .confab
        .update_session(
            f.session_id,
            SessionChange {
                title: "Tomorrow afternoon".into(),
                pattern: SessionPattern::Window {
                    start: (f.first + Duration::hours(5)).to_rfc3339(),
                    end: (f.first + Duration::hours(8)).to_rfc3339(),
                },
                capacity: 2,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    assert_ne!(moved.pattern, before.pattern);
    assert_eq!(
        (moved.title.as_str(), moved.capacity),
        ("Tomorrow afternoon", 2)
    );
    let slots = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert_eq!(slots.first().unwrap().start, f.first + Duration::hours(5));

    // A weekly pattern replaces the window's columns; a bad one is refused whole.
    let weekly = f
        .confab
        .update_session(
            f.session_id,
            SessionChange {
                title: "Mondays".into(),
                pattern: SessionPattern::Weekly {
                    weekday: 1,
                    start_time: "09:00".into(),
                    end_time: "12:00".into(),
                    valid_from: "2026-01-05".into(),
                    valid_until: None,
                },
                capacity: 1,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    assert!(matches!(
        weekly.pattern,
        SessionPattern::Weekly { weekday: 1, .. }
    ));
    // A change keeps the weekly session's closed dates, and says so in what it returns.
    f.confab
        .set_session_exception(
            f.session_id,
            confab_service::SessionExceptionView {
                date: "2026-01-12".into(),
                start_time: None,
                end_time: None,
            },
            &me(),
        )
        .await
        .unwrap();
    let roomier = f
        .confab
        .update_session(
            f.session_id,
            SessionChange {
                title: "Mondays".into(),
                pattern: weekly.pattern.clone(),
                capacity: 3,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(roomier.capacity, 3);
    assert_eq!(roomier.exceptions.len(), 1, "{roomier:?}");
    let refused = f
        .confab
        .update_session(
            f.session_id,
            SessionChange {
                title: "Broken".into(),
                pattern: SessionPattern::Weekly {
                    weekday: 9,
                    start_time: "12:00".into(),
                    end_time: "09:00".into(),
                    valid_from: "2026-01-05".into(),
                    valid_until: None,
                },
                capacity: 0,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    for field in ["weekday", "end after they start", "capacity"] {
        assert!(refused.message.contains(field), "{}", refused.message);
    }
    let kept = f.confab.list_sessions(f.study_id).await.unwrap();
    assert_eq!(kept[0].title, "Mondays");

    // Put it back where the fixture's slots are, book one, and try to delete it.
    f.confab
        .update_session(
            f.session_id,
            SessionChange {
                title: "Tomorrow morning".into(),
                pattern: before.pattern.clone(),
                capacity: 1,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    let ada = f.participant("Ada").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let refused = f
        .confab
        .delete_session(f.session_id, &me())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    assert!(
        refused.message.contains("Hide it instead"),
        "{}",
        refused.message
    );

    let spare = f
        .confab
        .create_session(
            confab_service::NewSession {
                study_id: f.study_id,
                title: "Spare".into(),
                pattern: SessionPattern::Window {
                    start: (f.first + Duration::days(2)).to_rfc3339(),
                    end: (f.first + Duration::days(2) + Duration::hours(1)).to_rfc3339(),
                },
                capacity: 1,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    f.confab.delete_session(spare.id, &me()).await.unwrap();
    let left: Vec<i64> = f
        .confab
        .list_sessions(f.study_id)
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, vec![f.session_id]);
}

#[tokio::test]
async fn the_overview_counts_every_status_and_the_pending_list_shows_held_choices() {
    let f = Fixture::new(1, false).await;
    let ada = f.participant("Ada").await;
    let bea = f.participant("Bea").await;
    let _cem = f.participant("Cem").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    let pick = |n| ChoiceInput {
        session_id: f.session_id,
        start: f.slot(n),
    };
    f.confab
        .submit_choices(f.study_id, bea, &[pick(0), pick(1)], &me())
        .await
        .unwrap();

    let overview = f.confab.study_overview(f.study_id).await.unwrap();
    assert_eq!(overview.participants, 3);
    assert_eq!(overview.counts.len(), 10, "every status, zeros included");
    let count = |key: &str| {
        overview
            .counts
            .iter()
            .find(|c| c.status.key() == key)
            .unwrap()
            .count
    };
    assert_eq!(
        (
            count("added"),
            count("pending"),
            count("interview_scheduled"),
            count("no_show")
        ),
        (1, 1, 1, 0)
    );
    assert_eq!(overview.next_interviews.len(), 1);
    assert_eq!(overview.next_interviews[0].participant_id, ada);

    let pending = f.confab.pending_choices(f.study_id).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].participant_id, bea);
    let held: Vec<(i32, chrono::DateTime<chrono::Utc>)> = pending[0]
        .choices
        .iter()
        .map(|c| (c.rank, c.start))
        .collect();
    assert_eq!(held, vec![(1, f.slot(0)), (2, f.slot(1))]);

    f.confab
        .assign_choice(f.study_id, bea, 2, &me())
        .await
        .unwrap();
    assert!(
        f.confab
            .pending_choices(f.study_id)
            .await
            .unwrap()
            .is_empty()
    );
    let after = f.confab.study_overview(f.study_id).await.unwrap();
    assert_eq!(after.next_interviews.len(), 2);
    assert_eq!(after.next_interviews[0].start, f.slot(1), "soonest first");
}

#[tokio::test]
async fn busy_times_are_listed_for_the_calendar_with_their_interviewer() {
    let f = Fixture::new(1, true).await;
    let kim = f
        .confab
        .add_interviewer(f.study_id, "Kim Lee", "kim@example.org", &me())
        .await
        .unwrap();
    let start = f.first + Duration::hours(1);
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:busy-1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{}\r\nDTEND:{}\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        start.format("%Y%m%dT%H%M%SZ"),
        (start + Duration::minutes(30)).format("%Y%m%dT%H%M%SZ")
    );
    f.confab
        .import_busy_times(kim.id, &ics, &me())
        .await
        .unwrap();
    let shown = f
        .confab
        .busy_times(f.study_id, f.first, f.first + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(
        (
            shown[0].interviewer_name.as_str(),
            shown[0].start,
            shown[0].summary.as_str()
        ),
        ("Kim Lee", start, "Dentist")
    );
    let outside = f
        .confab
        .busy_times(
            f.study_id,
            f.first + Duration::days(2),
            f.first + Duration::days(3),
        )
        .await
        .unwrap();
    assert!(outside.is_empty());
}

#[tokio::test]
async fn statuses_set_in_bulk_change_all_or_none() {
    let f = Fixture::new(1, true).await;
    let ada = f.participant("Ada").await;
    let bea = f.participant("Bea").await;
    let refused = f
        .confab
        .set_statuses(f.study_id, &[ada, bea, 9_999], "completed", "", &me())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotFound, "{}", refused.message);
    assert_eq!(
        (f.status(ada).await, f.status(bea).await),
        ("added".into(), "added".into())
    );

    f.confab
        .set_statuses(
            f.study_id,
            &[ada, bea],
            "completed",
            "interviewed at the fair",
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(
        (f.status(ada).await, f.status(bea).await),
        ("completed".into(), "completed".into())
    );
    let history = f
        .confab
        .participant_history(bea, Some(f.study_id))
        .await
        .unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.reason == "interviewed at the fair"),
        "{history:?}"
    );
}
