//! Participants' journeys across several messages, through real SMTP and IMAP servers,
//! written as the participant acts: the message they get, what they send back.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::InterviewList;
use support::mail::{
    calendar_part, delivered_to, inbox_with, mailbox_participant, python_reads, researcher_profile,
    send_as, subject, sync, text_body,
};
use support::{Fixture, me};

/// What a mail program sends when the participant presses Reply, writes `words` above the
/// quoted invitation, and sends: the invitation's links are in the quote.
fn reply_in_own_words(from: &str, to: &str, invitation: &[u8], words: &str, id: &str) -> Vec<u8> {
    let quoted: String = text_body(invitation)
        .lines()
        .map(|l| format!("> {l}\r\n"))
        .collect();
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Re: {}\r\nMessage-ID: <{id}>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{words}\r\n\r\nOn Tue, 1 Dec 2026 at 09:00, Dr Sam Rivera <{to}> wrote:\r\n{quoted}",
        subject(invitation)
    )
    .into_bytes()
}

async fn start_of_now(f: &Fixture, who: i64) -> Option<chrono::DateTime<chrono::Utc>> {
    upcoming(f)
        .await
        .into_iter()
        .find(|i| i.participant_id == who)
        .map(|i| i.start)
}

async fn upcoming(f: &Fixture) -> Vec<confab_service::InterviewView> {
    f.confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_in_plain_words_book_when_clear_and_ask_the_researcher_when_not() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let ada = mailbox_participant(&f, &stack, "alice", "Ada Park").await;
    let bea = mailbox_participant(&f, &stack, "bob", "Bea Stone").await;
    let cem = mailbox_participant(&f, &stack, "carol", "Cem Aydin").await;
    f.confab
        .invite_participants(f.study_id, &[ada, bea, cem], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let researcher = stack.address("researcher");

    // The invitation shows each time with a number and a code a person can type.
    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await.remove(0);
    let text = text_body(&invitation);
    assert!(text.contains("  * 2. "), "{text}");
    assert!(text.contains("(code "), "{text}");

    // Ada writes "Number 2 please" above the quoted invitation; Bea names a day and time;
    // Cem names only the day, which has three times.
    send_as(
        &stack,
        "alice",
        &researcher,
        &reply_in_own_words(
            &stack.address("alice"),
            &researcher,
            &invitation,
            "Number 2 please, thank you!",
            "ada-words@confab.test",
        ),
    )
    .await;
    let bea_invitation = inbox_with(&stack, "bob", "Invitation", 1).await.remove(0);
    let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
    let third = f.slot(2).with_timezone(&berlin).format("%H:%M").to_string();
    send_as(
        &stack,
        "bob",
        &researcher,
        &reply_in_own_words(
            &stack.address("bob"),
            &researcher,
            &bea_invitation,
            &format!(
                "Hi Sam, {} at {third} works for me.",
                f.slot(2).with_timezone(&berlin).format("%A")
            ),
            "bea-words@confab.test",
        ),
    )
    .await;
    let cem_invitation = inbox_with(&stack, "carol", "Invitation", 1).await.remove(0);
    send_as(
        &stack,
        "carol",
        &researcher,
        &reply_in_own_words(
            &stack.address("carol"),
            &researcher,
            &cem_invitation,
            &format!(
                "{} works for me",
                f.slot(0).with_timezone(&berlin).format("%A")
            ),
            "cem-words@confab.test",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "Re: Invitation", 3).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.needs_attention, 1, "{report:?}");

    let booked = upcoming(&f).await;
    let start_of = |who: i64| {
        booked
            .iter()
            .find(|i| i.participant_id == who)
            .map(|i| i.start)
    };
    assert_eq!(
        start_of(ada),
        Some(f.slot(1)),
        "Ada's \"2\" books the second time"
    );
    assert_eq!(
        start_of(bea),
        Some(f.slot(2)),
        "Bea's day and time book that time"
    );
    assert_eq!(start_of(cem), None, "Cem's day alone fits three times");
    assert_eq!(f.status(cem).await, "invited");
    let items = f.confab.attention_items(None).await.unwrap();
    let item = items
        .iter()
        .find(|i| i.kind == AttentionKind::ReplyAmbiguous)
        .unwrap();
    assert!(item.summary.contains("Cem Aydin"), "{}", item.summary);
    assert!(item.summary.contains("works for me"), "{}", item.summary);
    // The times it could mean are the three of that day. The researcher first picks one
    // Ada has taken meanwhile: refused with the reason, nothing sent, the item stays.
    assert_eq!(
        item.candidates.iter().map(|c| c.start).collect::<Vec<_>>(),
        vec![f.slot(0), f.slot(1), f.slot(2)]
    );
    let refused = f
        .confab
        .book_reply_candidate(item.id, &item.candidates[1].token)
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("someone else took it"),
        "{}",
        refused.message
    );
    f.confab
        .book_reply_candidate(item.id, &item.candidates[0].token)
        .await
        .unwrap();
    assert_eq!(start_of_now(&f, cem).await, Some(f.slot(0)));
    let item = f
        .confab
        .attention_items(None)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.kind == AttentionKind::ReplyAmbiguous);
    assert!(item.is_none(), "the item is settled");

    // Ada gets her confirmation as if she had clicked.
    let confirmation = inbox_with(&stack, "alice", "Confirmed", 1).await;
    let read = python_reads(&calendar_part(&confirmation[0]));
    assert_eq!(read["method"], "REQUEST");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_status_set_by_hand_ends_the_interview_and_a_no_show_can_be_booked_again() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let ada = mailbox_participant(&f, &stack, "alice", "Ada Park").await;
    let bea = mailbox_participant(&f, &stack, "bob", "Bea Stone").await;
    for who in [ada, bea] {
        let slot = if who == ada { 0 } else { 1 };
        f.confab
            .book_manually(f.study_id, who, f.session_id, f.slot(slot), &[], &me())
            .await
            .unwrap();
    }
    sync(&f.confab, &stack).await;
    inbox_with(&stack, "alice", "Confirmed", 1).await;

    // Ada says on the phone she will not take part: the researcher sets Declined.
    f.confab
        .set_status(f.study_id, ada, "declined", "said no on the phone", &me())
        .await
        .unwrap();
    assert_eq!(f.status(ada).await, "declined");
    assert!(
        upcoming(&f).await.iter().all(|i| i.participant_id != ada),
        "her interview left Upcoming"
    );
    sync(&f.confab, &stack).await;
    let cancellation = inbox_with(&stack, "alice", "Cancelled", 1).await;
    let read = python_reads(&calendar_part(&cancellation[0]));
    assert_eq!(read["method"], "CANCEL");
    let history = f
        .confab
        .participant_history(ada, Some(f.study_id))
        .await
        .unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.action == "interview canceled" && h.reason == "said no on the phone"),
        "{history:?}"
    );

    // "Interview Scheduled" cannot be set without an interview.
    let refused = f
        .confab
        .set_status(f.study_id, ada, "interview_scheduled", "", &me())
        .await
        .unwrap_err();
    assert!(refused.message.contains("Book"), "{}", refused.message);

    // Bea does not come: a no-show, then booked again with a new calendar event.
    let first = upcoming(&f)
        .await
        .into_iter()
        .find(|i| i.participant_id == bea)
        .unwrap();
    f.confab.mark_no_show(first.id, &me()).await.unwrap();
    assert_eq!(f.status(bea).await, "no_show");
    let again = f
        .confab
        .book_manually(f.study_id, bea, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    assert_ne!(again.calendar_uid, first.calendar_uid);
    assert_eq!(f.status(bea).await, "interview_scheduled");
    sync(&f.confab, &stack).await;
    let confirmations = inbox_with(&stack, "bob", "Confirmed", 2).await;
    assert_eq!(confirmations.len(), 2);
    let second = python_reads(&calendar_part(&confirmations[1]));
    assert_eq!(second["uid"], again.calendar_uid.as_str());
    let no_shows = f
        .confab
        .list_interviews(f.study_id, InterviewList::NoShow)
        .await
        .unwrap();
    assert_eq!(
        no_shows.len(),
        1,
        "the first interview keeps its own record"
    );
}
