//! An interviewer runs each interview, and nobody runs two at once: the least-booked free
//! interviewer of the session is put on each booking (ties by name), a session offers no
//! more places at a time than it has free interviewers, a person listed in two studies is
//! busy in both, and the database itself refuses a second overlapping interview for them.

#![allow(clippy::unwrap_used)]

mod support;

use chrono::Duration;
use confab_service::{
    ErrorCode, InterviewList, InterviewView, NewSession, NewStudy, SessionPattern,
};
use confab_store::ConnectionTrait;
use support::{Fixture, me};

fn names(view: &InterviewView) -> Vec<String> {
    view.interviewers.iter().map(|p| p.name.clone()).collect()
}

async fn runs(f: &Fixture, participant_id: i64) -> Vec<String> {
    f.confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.participant_id == participant_id)
        .map(|i| names(&i))
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_booking_gets_a_free_interviewer_and_nobody_is_booked_twice() {
    // Three places at each time, but only two interviewers.
    let f = Fixture::new(3, true).await;
    f.interviewer_on_session("Ben Ode", "ben@uni.example").await;
    f.interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    let people: Vec<i64> = {
        let mut v = Vec::new();
        for name in ["Ada", "Bea", "Cem", "Dov", "Eli"] {
            v.push(f.participant(name).await);
        }
        v
    };
    let book = |who: i64, n: i64| {
        let confab = &f.confab;
        let (study, session, at) = (f.study_id, f.session_id, f.slot(n));
        async move {
            confab
                .book_manually(study, who, session, at, &[], &me())
                .await
        }
    };

    // Two at 09:00: one each, alphabetically first when both have run none.
    assert_eq!(names(&book(people[0], 0).await.unwrap()), ["Ana Lind"]);
    assert_eq!(names(&book(people[1], 0).await.unwrap()), ["Ben Ode"]);
    // A third place at 09:00 is not offered any more, and booking it is refused as a rule.
    let open: Vec<_> = f
        .confab
        .open_slots(f.study_id, None, None, None)
        .await
        .unwrap();
    assert!(open.iter().all(|s| s.start != f.slot(0)), "{open:?}");
    let third = book(people[2], 0).await.unwrap_err();
    assert_eq!(third.code, ErrorCode::InvalidInput, "{third:?}");
    assert!(third.message.contains("interviewers"), "{}", third.message);

    // At 10:00 both have run one: Ana again by name; at 11:00 Ben, who has run fewer.
    assert_eq!(names(&book(people[2], 1).await.unwrap()), ["Ana Lind"]);
    assert_eq!(names(&book(people[3], 2).await.unwrap()), ["Ben Ode"]);
    assert_eq!(runs(&f, people[0]).await, ["Ana Lind"]);

    // Ada moves to 11:00: Ana, free there, takes her; her 09:00 is free again.
    let ada = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.participant_id == people[0])
        .unwrap();
    let moved = f
        .confab
        .reschedule_interview(ada.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    assert_eq!(names(&moved), ["Ana Lind"]);
    assert_eq!(names(&book(people[4], 0).await.unwrap()), ["Ana Lind"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_in_two_studies_is_busy_in_both_and_the_database_says_so() {
    let f = Fixture::new(1, true).await;
    f.interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    let ada = f.participant("Ada").await;
    f.confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();

    // Another study lists Ana (the same address, written otherwise) at an overlapping time.
    let other = f
        .confab
        .create_study(NewStudy {
            name: "Second study".into(),
            description: String::new(),
            time_zone: "UTC".into(),
            interview_minutes: 60,
        })
        .await
        .unwrap();
    let mut settings = f.confab.study_settings(other.id).await.unwrap();
    settings.min_notice_minutes = 0;
    f.confab
        .update_study_settings(other.id, settings, &me())
        .await
        .unwrap();
    let ana_there = f
        .confab
        .add_interviewer(other.id, "Ana L.", "ANA@uni.example", &me())
        .await
        .unwrap();
    let half_past = f.slot(0) + Duration::minutes(30);
    let local = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M").to_string();
    let session = f
        .confab
        .create_session(
            NewSession {
                study_id: other.id,
                title: "Overlapping".into(),
                pattern: SessionPattern::Window {
                    start: local(half_past),
                    end: local(half_past + Duration::hours(1)),
                },
                capacity: 1,
                visible: true,
                interviewer_ids: vec![ana_there.id],
            },
            &me(),
        )
        .await
        .unwrap();
    let open = f
        .confab
        .open_slots(other.id, None, None, None)
        .await
        .unwrap();
    assert!(open.is_empty(), "Ana is busy in the first study: {open:?}");
    let bo = f.participant("Bo").await;
    f.confab.enrol(other.id, bo, &me()).await.unwrap();
    // Booked past the rule by hand, the interview has nobody, rather than Ana twice.
    let booked = f
        .confab
        .book_manually(
            other.id,
            bo,
            session.id,
            half_past,
            &[confab_service::RuleBreak::InterviewersBusy],
            &me(),
        )
        .await
        .unwrap();
    assert!(booked.interviewers.is_empty(), "{booked:?}");

    // Whatever writes to the database cannot put her on it either.
    let db = f.database().await;
    let refused = db
        .execute_raw(confab_store::statement(
            &db,
            "INSERT INTO interview_interviewers (interview_id, interviewer_id) VALUES (?, ?)",
            [booked.id.into(), ana_there.id.into()],
        ))
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("confab:interviewer_overlap"),
        "{refused}"
    );
    // Nor move her first interview onto a time she already holds elsewhere.
    let first = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(names(&first[0]), ["Ana Lind"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interview_days_applicants_are_not_given_one_interviewer_for_the_day() {
    let f = Fixture::new(1, true).await;
    let tz: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let local = |h: i64| {
        (f.first + Duration::hours(h))
            .with_timezone(&tz)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let iris = f
        .confab
        .add_interviewer(f.study_id, "Dr Iris", "iris@uni.example", &me())
        .await
        .unwrap();
    let day = f
        .confab
        .create_session(
            NewSession {
                study_id: f.study_id,
                title: "Interview day".into(),
                pattern: SessionPattern::Day {
                    start: local(0),
                    end: local(8),
                },
                capacity: 3,
                visible: true,
                interviewer_ids: vec![iris.id],
            },
            &me(),
        )
        .await
        .unwrap();
    // Three applicants for one interviewer: the day's rounds share her out, so each books.
    for name in ["Ada", "Bea", "Cal"] {
        let id = f.participant(name).await;
        let booked = f
            .confab
            .book_manually(f.study_id, id, day.id, f.first, &[], &me())
            .await
            .unwrap();
        assert!(booked.interviewers.is_empty(), "{booked:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn removing_an_interviewer_with_interviews_ahead_asks_who_takes_them_over() {
    let f = Fixture::new(1, true).await;
    let ana = f
        .interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    let ben = f.interviewer_on_session("Ben Ode", "ben@uni.example").await;
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            confab_service::StudySettings {
                staffing: confab_service::Staffing::Fixed {
                    interviewer_id: ana,
                },
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    let ada = f.participant("Ada").await;
    let booked = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    assert_eq!(names(&booked), ["Ana Lind"]);

    // Without a takeover the removal is refused, naming the interview ahead.
    let refused = f
        .confab
        .remove_interviewer(ana, None, &me())
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    assert_eq!(refused.fields[0].field, "takeover");
    assert!(
        refused.message.contains("Ana Lind is on 1 interview ahead"),
        "{}",
        refused.message
    );

    // With Ben taking over: he runs Ada's interview, and every interview from now on.
    let report = f
        .confab
        .remove_interviewer(ana, Some(ben), &me())
        .await
        .unwrap();
    assert_eq!((report.name.as_str(), report.handed_over), ("Ana Lind", 1));
    assert_eq!(runs(&f, ada).await, ["Ben Ode"]);
    let staffing = f.confab.study_settings(f.study_id).await.unwrap().staffing;
    assert_eq!(
        staffing,
        confab_service::Staffing::Fixed {
            interviewer_id: ben
        }
    );

    // Ben, fixed with nothing ahead, leaves with Cy named: the study stays with one person.
    let cy = f.interviewer_on_session("Cy Oduya", "cy@uni.example").await;
    f.confab
        .cancel_interview(booked.id, "moved away", &me())
        .await
        .unwrap();
    f.confab
        .remove_interviewer(ben, Some(cy), &me())
        .await
        .unwrap();
    let staffing = f.confab.study_settings(f.study_id).await.unwrap().staffing;
    assert_eq!(
        staffing,
        confab_service::Staffing::Fixed { interviewer_id: cy }
    );
}

/// A busy time in an interviewer's calendar keeps them off an interview at that time: the
/// free colleague runs it, though the other comes first by name.
#[tokio::test(flavor = "multi_thread")]
async fn an_interviewer_busy_in_their_calendar_is_not_put_on_the_interview() {
    let f = Fixture::new(1, true).await;
    let ana = f
        .interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    f.interviewer_on_session("Ben Ode", "ben@uni.example").await;
    let at = |t: chrono::DateTime<chrono::Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@ana\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{}\r\nDTEND:{}\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        at(f.slot(0) - Duration::minutes(15)),
        at(f.slot(0) + Duration::minutes(15)),
    );
    f.confab.import_busy_times(ana, &ics, &me()).await.unwrap();

    let ada = f.participant("Ada").await;
    let booked = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    assert_eq!(names(&booked), ["Ben Ode"]);
}
