//! Every kind of message a participant receives, as they receive it: a study followed through
//! real SMTP and IMAP servers from the invitations to a waitlist offer, with each message read
//! for leftover placeholders, blanks where a value belongs and sentences that point at a link
//! that is not there. The texts are printed, so `--nocapture` shows them for reading.
//!
//! Along the way it follows the paths that used to end badly: a time taken a moment earlier
//! (the participant is offered the times still open, and a second click on the same
//! invitation is honoured), a reschedule email in the researcher's words (with the time it
//! moves and a way to cancel), and a Pending participant who is told their choice arrived.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;

use confab_mail::test_stack::MailStack;
use confab_service::{InterviewList, OutboxFilter, StudySettings};
use support::mail::{
    click, delivered_to, inbox_with, mailbox_participant, mailto_link, researcher_profile, sync,
    text_body,
};
use support::{Fixture, me, reads_right};

/// The participant clicks the `n`th link of the newest message whose subject holds
/// `subject`, presses Send, and the researcher's next Sync reads it.
async fn click_and_sync(
    stack: &MailStack,
    f: &Fixture,
    user: &str,
    subject: &str,
    n: usize,
    tag: &str,
) {
    let messages = inbox_with(stack, user, subject, 1).await;
    let text = text_body(messages.last().unwrap());
    let link = mailto_link(&text, n);
    let before = inbox_with(stack, "researcher", "", 0).await.len();
    click(stack, user, &link, &format!("{tag}@confab.test")).await;
    delivered_to(stack, "researcher", "", before + 1).await;
    sync(&f.confab, stack).await;
}

async fn scheduled_start(
    f: &Fixture,
    participant_id: i64,
) -> Option<chrono::DateTime<chrono::Utc>> {
    f.confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.participant_id == participant_id)
        .map(|i| i.start)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_message_a_participant_receives_reads_right() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                location: "Room 2.14, Psychology Building".into(),
                conferencing_url: "https://meet.example.org/checkout".into(),
                dial_in: "+1 555 0100, PIN 4242".into(),
                change_cutoff_hours: 0,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    let ada = mailbox_participant(&f, &stack, "alice", "Ada Lovelace").await;
    let bea = mailbox_participant(&f, &stack, "bob", "Bea Moreau").await;
    let cem = mailbox_participant(&f, &stack, "carol", "Cem Aydin").await;
    let dov = mailbox_participant(&f, &stack, "dave", "Dov Levi").await;
    f.confab
        .invite_participants(f.study_id, &[ada, bea, cem, dov], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;

    // Ada takes the first time; Bea clicks the same one a moment later.
    click_and_sync(&stack, &f, "alice", "Invitation", 0, "ada-1").await;
    assert_eq!(scheduled_start(&f, ada).await, Some(f.slot(0)));
    click_and_sync(&stack, &f, "bob", "Invitation", 0, "bea-1").await;
    assert_eq!(scheduled_start(&f, bea).await, None);
    assert_eq!(
        f.status(bea).await,
        "invited",
        "Bea is not waitlisted while times are open"
    );
    let answer = inbox_with(&stack, "bob", "another time", 1).await;
    let answer_text = text_body(&answer[0]);
    assert!(
        answer_text.contains("taken by someone else"),
        "{answer_text}"
    );
    assert_eq!(
        answer_text.matches("mailto:").count(),
        2,
        "the answer offers the two times still open:\n{answer_text}"
    );
    // Her invitation still works: the second time she clicks there is booked.
    click_and_sync(&stack, &f, "bob", "Invitation", 1, "bea-2").await;
    assert_eq!(scheduled_start(&f, bea).await, Some(f.slot(1)));

    // The researcher moves Ada, then asks Bea in their own words to choose a new time.
    let ada_interview = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.participant_id == ada)
        .unwrap();
    f.confab
        .reschedule_interview(ada_interview.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    let bea_interview = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.participant_id == bea)
        .unwrap();
    let request = f
        .confab
        .compose_reschedule_request(bea_interview.id, "I have to move our call, sorry.")
        .await
        .unwrap();
    assert!(
        request
            .text
            .contains(&format!("{}", f.slot(1).format("%Y"))),
        "the request names the time it moves:\n{}",
        request.text
    );
    assert!(request.text.contains("cancel"), "{}", request.text);

    // A reminder for everyone booked.
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                reminder_hours: Some(72),
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    sync(&f.confab, &stack).await;

    // Cem takes the last free time; then Dov finds nothing open and waits on the waitlist.
    click_and_sync(&stack, &f, "carol", "Invitation", 0, "cem-1").await;
    assert_eq!(scheduled_start(&f, cem).await, Some(f.slot(0)));
    click_and_sync(&stack, &f, "dave", "Invitation", 0, "dov-1").await;
    assert_eq!(f.status(dov).await, "waitlisted");
    // Ada cancels by link: Dov is offered her place.
    click_and_sync(&stack, &f, "alice", "New time", 0, "ada-cancel").await;
    assert_eq!(f.status(ada).await, "canceled_interview");

    // With self-scheduling off, Ada's choice of the freed time waits as Pending, and she is
    // told it arrived.
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    f.confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                self_scheduling: false,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    f.confab
        .invite_participants(f.study_id, &[ada], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let reinvited = inbox_with(&stack, "alice", "Invitation", 2).await;
    assert_eq!(reinvited.len(), 2);
    click_and_sync(&stack, &f, "alice", "Invitation", 0, "ada-again").await;
    assert_eq!(f.status(ada).await, "pending");

    // Every message that went out, read as its reader reads it.
    let sent = f.confab.list_outbox(OutboxFilter::Sent).await.unwrap();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for message in sent.iter().rev() {
        *kinds.entry(message.kind.key().to_owned()).or_default() += 1;
        println!(
            "===== {} to {}\nSubject: {}\n\n{}",
            message.kind,
            message.recipients.join(", "),
            message.subject,
            message.text
        );
        if let Err(problem) = reads_right(&message.text) {
            panic!(
                "the {} to {:?} does not read right ({problem}):\n{}",
                message.kind, message.recipients, message.text
            );
        }
        assert!(!message.subject.contains("{{"), "{}", message.subject);
        assert!(!message.html.contains("{{"), "{}", message.html);
    }
    for kind in [
        "invitation",
        "confirmation",
        "update",
        "cancellation",
        "reschedule_request",
        "reminder",
        "waitlist_offer",
        "choice_unavailable",
        "choices_received",
        "researcher_notice",
        "answer",
    ] {
        assert!(kinds.contains_key(kind), "no {kind} went out: {kinds:?}");
    }
}

/// The reader above must be able to fail: the two faults a researcher saw in the reschedule
/// email (a blank time, a sentence pointing at a missing link) and a placeholder left in.
#[test]
fn the_reader_catches_blanks_dangling_sentences_and_placeholders() {
    let blank = "Your interview for Checkout on  needs a new time.\n";
    assert!(reads_right(blank).is_err());
    let dangling = "If you can no longer take part, you can tell me here:\n\nBest wishes,\nSam\n";
    assert!(reads_right(dangling).is_err());
    assert!(reads_right("Hello {{participant_name}},\n").is_err());
    let fine =
        "Times:\n\n  * 1. Wed 2 Dec, 15:00–16:00 (code ZDHM)\n\n09:00–09:30  Round 1: interview\n";
    assert_eq!(reads_right(fine), Ok(()));
}
