//! A panel interview through real SMTP and IMAP servers: the participant and both interviewers
//! receive the same calendar event (one UID, every attendee with their role); a reschedule
//! updates all three with the SEQUENCE raised; taking one interviewer off sends a cancellation
//! to them alone; an interviewer who declines in their calendar leaves the participant's
//! interview as it is and tells the researcher.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::{InterviewList, StaffPick, StaffRole, Staffing, StudySettings};
use support::mail::{
    calendar_part, calendar_reply, click, delivered_to, inbox, inbox_with, mailbox_participant,
    mailto_link, python_reads, researcher_profile, send_as, study_sending_through, sync, text_body,
};
use support::{Fixture, me};

fn unfolded(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panel_gets_one_event_updates_together_and_a_removed_interviewer_alone_gets_the_cancel() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let carol = f
        .interviewer_on_session("Carol Diaz", &stack.address("carol"))
        .await;
    let dave = f
        .interviewer_on_session("Dave Eng", &stack.address("dave"))
        .await;
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                staffing: Staffing::Panel { size: None },
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;

    let booked = f
        .confab
        .book_manually(f.study_id, alice, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let names: Vec<&str> = booked
        .interviewers
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Carol Diaz", "Dave Eng"]);
    // The export names the panel of each participant's next interview.
    let csv = f.confab.export_participants_csv(f.study_id).await.unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Alice Park,") && l.ends_with(",Carol Diaz; Dave Eng")),
        "{csv}"
    );
    let first = sync(&f.confab, &stack).await;
    assert_eq!((first.sent, first.failed), (3, 0), "{first:?}");

    // Alice's invitation lists the panel as chairs beside her.
    let confirmation = inbox_with(&stack, "alice", "", 1).await;
    let words = text_body(&confirmation[0]);
    assert!(
        words.contains("You will meet Carol Diaz, Dave Eng."),
        "{words}"
    );
    let ics = calendar_part(&confirmation[0]);
    let read = python_reads(&ics);
    assert_eq!(read["method"], "REQUEST");
    assert_eq!(read["uid"], booked.calendar_uid.as_str());
    let everyone = [
        format!("mailto:{}", stack.address("alice")),
        format!("mailto:{}", stack.address("carol")),
        format!("mailto:{}", stack.address("dave")),
    ];
    assert_eq!(read["attendees"], serde_json::json!(everyone));
    let lines = unfolded(&ics);
    assert!(
        lines.contains(&format!(
            "ATTENDEE;CN=Carol Diaz;PARTSTAT=NEEDS-ACTION;ROLE=CHAIR;RSVP=TRUE:mailto:{}",
            stack.address("carol")
        )),
        "{lines}"
    );
    assert!(
        lines.contains(&format!(
            "ATTENDEE;CN=Alice Park;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{}",
            stack.address("alice")
        )),
        "{lines}"
    );
    // Each interviewer gets the same event, with a message written for them.
    for user in ["carol", "dave"] {
        let mine = inbox_with(&stack, user, "Interview with Alice Park", 1).await;
        assert_eq!(mine.len(), 1, "{user}'s invitation");
        let read = python_reads(&calendar_part(&mine[0]));
        assert_eq!(read["method"], "REQUEST");
        assert_eq!(read["uid"], booked.calendar_uid.as_str());
        assert_eq!(read["sequence"], 0);
        assert_eq!(read["attendees"], serde_json::json!(everyone));
        let text = text_body(&mine[0]);
        assert!(
            text.contains("You are an interviewer for an interview in the study"),
            "{text}"
        );
        assert!(
            text.contains("With: Carol Diaz (interviewer), Dave Eng (interviewer)"),
            "{text}"
        );
    }

    // The interview moves: all three are updated, one UID, SEQUENCE 1.
    f.confab
        .reschedule_interview(booked.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    let moved = sync(&f.confab, &stack).await;
    assert_eq!((moved.sent, moved.failed), (3, 0), "{moved:?}");
    let alice_mail = inbox_with(&stack, "alice", "", 2).await;
    let update = python_reads(&calendar_part(&alice_mail[1]));
    assert_eq!(
        (update["uid"].as_str(), update["sequence"].as_i64()),
        (Some(booked.calendar_uid.as_str()), Some(1))
    );
    for user in ["carol", "dave"] {
        let mine = inbox_with(&stack, user, "Moved: interview with Alice Park", 1).await;
        assert_eq!(mine.len(), 1, "{user}'s update");
        let read = python_reads(&calendar_part(&mine[0]));
        assert_eq!(read["method"], "REQUEST");
        assert_eq!(read["uid"], booked.calendar_uid.as_str());
        assert_eq!(read["sequence"], 1);
        assert_eq!(
            read["start"],
            f.slot(2).format("%Y-%m-%dT%H:%M:%SZ").to_string()
        );
    }

    // Dave is taken off: he alone is sent a cancellation, naming only him.
    let restaffed = f
        .confab
        .set_interview_staff(
            booked.id,
            &[StaffPick {
                interviewer_id: carol,
                role: StaffRole::Interviewer,
            }],
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(restaffed.interviewers.len(), 1);
    assert_eq!(restaffed.interviewers[0].interviewer_id, carol);
    let removal = sync(&f.confab, &stack).await;
    assert_eq!((removal.sent, removal.failed), (1, 0), "{removal:?}");
    let cancel = inbox_with(&stack, "dave", "No longer yours", 1).await;
    assert_eq!(cancel.len(), 1);
    let read = python_reads(&calendar_part(&cancel[0]));
    assert_eq!(read["method"], "CANCEL");
    assert_eq!(read["uid"], booked.calendar_uid.as_str());
    assert_eq!(
        read["attendees"],
        serde_json::json!([format!("mailto:{}", stack.address("dave"))])
    );
    assert_eq!(
        inbox(&stack, "alice").await.len(),
        2,
        "Alice hears nothing of it"
    );
    assert_eq!(
        inbox(&stack, "carol").await.len(),
        2,
        "Carol hears nothing of it"
    );
    let _ = dave;

    // Carol declines in her calendar: Alice's interview stands, the researcher is told.
    let researcher = stack.address("researcher");
    send_as(
        &stack,
        "carol",
        &researcher,
        &calendar_reply(
            &stack.address("carol"),
            &researcher,
            &booked.calendar_uid,
            1,
            "DECLINED",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "Declined", 1).await;
    let answered = sync(&f.confab, &stack).await;
    assert_eq!(
        (answered.read, answered.needs_attention),
        (1, 1),
        "{answered:?}"
    );
    let upcoming = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(upcoming.len(), 1, "the interview stays scheduled");
    let attention = f.confab.attention_items(None).await.unwrap();
    assert!(
        attention
            .iter()
            .any(|a| a.kind == AttentionKind::StaffDeclined
                && a.summary
                    .contains("Carol Diaz declined the interview with Alice Park")),
        "{attention:?}"
    );
}

/// Bob and then Alice book by clicking a time in their invitations. Bob books before the
/// study has an interviewer; Carol joins the session before Alice clicks. Alice's
/// confirmation tells her whom she will meet and its calendar event invites Carol; Bob's
/// names nobody.
#[tokio::test(flavor = "multi_thread")]
async fn who_books_by_link_is_told_whom_they_will_meet() {
    let stack = MailStack::start();
    let f = study_sending_through(&stack, true).await;
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let bob = mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    f.confab
        .invite_participants(f.study_id, &[alice, bob], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let click = async |user: &str, n: usize| {
        let text = text_body(&inbox_with(&stack, user, "Invitation", 1).await[0]);
        let link = mailto_link(&text, n);
        let id = format!("{user}-clicks@confab.test");
        click(&stack, user, &link, &id).await;
    };

    click("bob", 0).await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    sync(&f.confab, &stack).await;
    f.interviewer_on_session("Carol Diaz", &stack.address("carol"))
        .await;
    click("alice", 1).await;
    delivered_to(&stack, "researcher", "Interview choice", 2).await;
    sync(&f.confab, &stack).await;

    let hers = inbox_with(&stack, "alice", "Confirmed", 1).await;
    let words = text_body(&hers[0]);
    assert!(words.contains("You will meet Carol Diaz."), "{words}");
    let read = python_reads(&calendar_part(&hers[0]));
    assert!(
        read["attendees"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(format!(
                "mailto:{}",
                stack.address("carol")
            ))),
        "{read}"
    );
    let his = inbox_with(&stack, "bob", "Confirmed", 1).await;
    let words = text_body(&his[0]);
    assert!(!words.contains("You will meet"), "{words}");
    assert!(words.contains("Bob Stone"), "{words}");
}
