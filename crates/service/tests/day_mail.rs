//! An interview day through real SMTP and IMAP servers: every applicant receives their
//! itinerary with a calendar event that Python's icalendar reads, each interviewer their
//! timetable; after a cancellation and a republish, the applicant who left receives a CANCEL
//! of the same event and the others an update of theirs, never a second event.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;

use chrono::Duration;
use chrono_tz::Tz;
use confab_mail::test_stack::MailStack;
use confab_service::{
    DaySettings, DaySlot, InterviewList, NewParticipant, NewSession, SessionPattern,
};
use support::mail::{calendar_part, inbox_with, python_reads, researcher_profile, sync, text_body};
use support::{Fixture, me};

#[tokio::test(flavor = "multi_thread")]
async fn itineraries_and_timetables_reach_everyone_and_a_republish_updates_or_cancels() {
    let stack = MailStack::start();
    let f = Fixture::new(1, false).await;
    let tz: Tz = "America/New_York".parse().unwrap();
    let local = |h: i64| {
        (f.first + Duration::hours(h))
            .with_timezone(&tz)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let session = f
        .confab
        .create_session(
            NewSession {
                study_id: f.study_id,
                title: "Interview day".into(),
                pattern: SessionPattern::Day {
                    start: local(0),
                    end: local(8),
                },
                capacity: 5,
                visible: true,
                interviewer_ids: vec![],
            },
            &me(),
        )
        .await
        .unwrap();
    for (name, user) in [("Dr Dave Ng", "dave"), ("Dr Sam Rivera", "researcher")] {
        f.confab
            .add_interviewer(f.study_id, name, &stack.address(user), &me())
            .await
            .unwrap();
    }
    let mut applicants = BTreeMap::new();
    for (user, name) in [
        ("alice", "Alice Park"),
        ("bob", "Bob Stone"),
        ("carol", "Carol Diaz"),
    ] {
        let id = f
            .confab
            .create_participant(
                NewParticipant {
                    name: name.into(),
                    email: stack.address(user),
                    time_zone: None,
                    phone: String::new(),
                    notes: String::new(),
                    custom_fields: Default::default(),
                    study_id: Some(f.study_id),
                    language: None,
                },
                &me(),
            )
            .await
            .unwrap()
            .id;
        f.confab
            .book_manually(f.study_id, id, session.id, f.first, &[], &me())
            .await
            .unwrap();
        applicants.insert(user, id);
    }
    let settings = DaySettings {
        rounds: 2,
        round_minutes: 30,
        passing_minutes: 5,
        start: None,
        fixed_blocks: Vec::new(),
        conflicts: Vec::new(),
        must_meet: Vec::new(),
    };
    let day = f
        .confab
        .generate_day_schedule(session.id, settings)
        .await
        .unwrap();
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let published = f.confab.publish_day_schedule(session.id).await.unwrap();
    assert_eq!((published.itineraries, published.timetables), (3, 2));
    sync(&f.confab, &stack).await;

    let mut uids = BTreeMap::new();
    for (user, id) in &applicants {
        let got = inbox_with(&stack, user, "interview day", 1).await;
        let mine: Vec<&Vec<u8>> = got
            .iter()
            .filter(|m| String::from_utf8_lossy(m).contains("Itinerary") || calendar_has(m))
            .collect();
        assert_eq!(mine.len(), 1, "{user} gets one itinerary");
        let text = text_body(mine[0]);
        let seats = &day
            .itineraries
            .iter()
            .find(|it| it.applicant_id == *id)
            .unwrap()
            .seats;
        for seat in seats {
            let expected = match &seat.interviewer_name {
                Some(name) => format!("Round {}: interview with {name}", seat.round),
                None => format!("Round {}: break", seat.round),
            };
            assert!(text.contains(&expected), "{user}: {expected}\n{text}");
        }
        // The itinerary reads as a person would write it, like every other message.
        if let Err(problem) = support::reads_right(&text) {
            panic!("{user}'s itinerary does not read right ({problem}):\n{text}");
        }
        let read = python_reads(&calendar_part(mine[0]));
        assert_eq!(read["method"], "REQUEST");
        assert_eq!(read["sequence"], 0);
        assert_eq!(
            read["start"],
            day.rounds[0].start.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        );
        uids.insert(*user, read["uid"].as_str().unwrap().to_owned());
    }
    let timetable = inbox_with(&stack, "dave", "timetable", 1).await;
    assert_eq!(timetable.len(), 1);
    assert!(text_body(&timetable[0]).contains("Round 1:"));
    support::reads_right(&text_body(&timetable[0])).unwrap();

    // Carol cancels. Alice and Bob get an update of the same events, Carol a CANCEL of hers.
    let interviews = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let carols = interviews
        .iter()
        .find(|i| i.participant_id == applicants["carol"])
        .unwrap();
    f.confab
        .cancel_interview(carols.id, "", &me())
        .await
        .unwrap();
    // Alice sits out her first round, so the republished itineraries differ.
    f.confab
        .place_day_applicant(
            session.id,
            DaySlot {
                applicant_id: applicants["alice"],
                round: 1,
            },
            None,
        )
        .await
        .unwrap();
    let again = f.confab.publish_day_schedule(session.id).await.unwrap();
    assert_eq!(
        (again.itineraries, again.canceled, again.sequence),
        (2, 1, 1)
    );
    sync(&f.confab, &stack).await;

    for user in ["alice", "bob"] {
        let got = inbox_with(&stack, user, "interview day", 2).await;
        let calendars: Vec<serde_json::Value> = got
            .iter()
            .filter(|m| calendar_has(m))
            .map(|m| python_reads(&calendar_part(m)))
            .filter(|c| c["uid"] == uids[user].as_str())
            .collect();
        let sequences: Vec<i64> = calendars
            .iter()
            .map(|c| c["sequence"].as_i64().unwrap())
            .collect();
        assert_eq!(sequences.len(), 2, "{user}: {calendars:?}");
        assert!(
            sequences.contains(&0) && sequences.contains(&1),
            "{sequences:?}"
        );
    }
    let alice_now = inbox_with(&stack, "alice", "interview day", 2).await;
    assert!(
        alice_now
            .iter()
            .any(|m| text_body(m).contains("Round 1: break")),
        "Alice's update shows her new first round"
    );
    let carol = inbox_with(&stack, "carol", "canceled", 1).await;
    let cancels: Vec<serde_json::Value> = carol
        .iter()
        .filter(|m| calendar_has(m))
        .map(|m| python_reads(&calendar_part(m)))
        .filter(|c| c["uid"] == uids["carol"].as_str())
        .collect();
    assert_eq!(cancels.len(), 1, "{cancels:?}");
    assert_eq!(cancels[0]["method"], "CANCEL");
    assert_eq!(cancels[0]["sequence"], 1);
}

fn calendar_has(message: &[u8]) -> bool {
    String::from_utf8_lossy(message).contains("BEGIN:VCALENDAR")
        || String::from_utf8_lossy(message).contains("text/calendar")
}
