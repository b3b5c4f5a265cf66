//! Who may act through a message, against the real mail stack: a code whose message failed
//! the sender check of the researcher's provider waits for the researcher, and a calendar
//! answer acts only from the interview's participant, for the invitation's current version.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::InterviewList;
use confab_service::InterviewState;
use support::mail::{
    alice_and_bob_invited, calendar_reply, delivered_to, inbox_with, mailbox_participant,
    mailto_link, reply_from_link, researcher_profile, send_as, sync, text_body,
};
use support::{Fixture, me};

/// The verdicts a provider writes at the top of a message it received, as Gmail does.
fn provider_verdict(dmarc: &str, spf: &str) -> String {
    format!(
        "Authentication-Results: mx.confab.test;\r\n       dkim=none;\r\n       spf={spf} (mx.confab.test: domain of alice@confab.test does not designate 203.0.113.9 as permitted sender) smtp.mailfrom=alice@confab.test;\r\n       dmarc={dmarc} (p=NONE sp=NONE dis=NONE) header.from=confab.test\r\n"
    )
}

/// A choice whose message failed the provider's sender check is not applied and not
/// answered: the researcher sees it with the time it chose, books it with one click if
/// they know it is genuine. The same choice with passing checks books at once.
#[tokio::test(flavor = "multi_thread")]
async fn a_code_in_a_message_that_failed_the_sender_check_waits_for_the_researcher() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    let (alice, bob) = alice_and_bob_invited(&f, &stack).await;
    let researcher = stack.address("researcher");

    // Someone else sends Alice's choice in her name; the provider found it forged.
    let alice_link = mailto_link(
        &text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]),
        1,
    );
    let forged = [
        provider_verdict("fail", "fail").into_bytes(),
        reply_from_link(&stack.address("alice"), &alice_link, "forged@confab.test"),
    ]
    .concat();
    send_as(&stack, "dave", &researcher, &forged).await;
    // Bob's own choice, which his provider confirmed.
    let bob_link = mailto_link(
        &text_body(&inbox_with(&stack, "bob", "Invitation", 1).await[0]),
        0,
    );
    let genuine = [
        provider_verdict("pass", "pass").into_bytes(),
        reply_from_link(&stack.address("bob"), &bob_link, "genuine@confab.test"),
    ]
    .concat();
    send_as(&stack, "bob", &researcher, &genuine).await;
    // Dave, no participant, sends Alice's other choice from his own address; his provider
    // check failed too.
    let other_link = mailto_link(
        &text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]),
        2,
    );
    let daves = [
        provider_verdict("fail", "fail").into_bytes(),
        reply_from_link(&stack.address("dave"), &other_link, "daves@confab.test"),
    ]
    .concat();
    send_as(&stack, "dave", &researcher, &daves).await;
    delivered_to(&stack, "researcher", "Interview choice", 3).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 3, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1, "only Bob's choice books: {booked:?}");
    assert_eq!(booked[0].participant_id, bob);
    let items = f.confab.attention_items(None).await.unwrap();
    let held = items
        .iter()
        .find(|i| i.kind == AttentionKind::SenderUnverified && i.summary.contains("alice@"))
        .unwrap_or_else(|| panic!("{items:?}"));
    // Someone else's code offers nothing to book: it would be refused from any sender.
    let from_dave = items
        .iter()
        .find(|i| i.kind == AttentionKind::SenderUnverified && i.summary.contains("dave@"))
        .unwrap_or_else(|| panic!("{items:?}"));
    assert!(from_dave.candidates.is_empty(), "{from_dave:?}");
    assert!(held.summary.contains("dmarc=fail"), "{}", held.summary);
    assert_eq!(held.participant_id, Some(alice));
    assert_eq!(held.candidates.len(), 1, "{held:?}");
    assert_eq!(held.candidates[0].start, f.slot(1));
    // Nothing went to Alice about a message she may never have sent.
    assert!(inbox_with(&stack, "alice", "Re:", 0).await.is_empty());
    assert!(inbox_with(&stack, "alice", "Confirmed", 0).await.is_empty());

    // The researcher knows Alice did choose it.
    let token = held.candidates[0].token.clone();
    f.confab
        .book_reply_candidate(held.id, &token)
        .await
        .unwrap();
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert!(
        booked
            .iter()
            .any(|i| i.participant_id == alice && i.start == f.slot(1)),
        "{booked:?}"
    );
}

/// A calendar answer that names the interview's participant but comes from another
/// address, or that comes from the participant but answers for someone else, changes
/// nothing; nor does an answer to an older version of the invitation. The participant's own
/// answer to the current version does.
#[tokio::test(flavor = "multi_thread")]
async fn calendar_answers_act_only_from_the_participant_for_the_current_invitation() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    sync(&f.confab, &stack).await;
    let interview = f
        .confab
        .book_manually(f.study_id, alice, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    // Moved once: the invitation's SEQUENCE is now 1.
    f.confab
        .reschedule_interview(interview.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let uid = f.confab.interview(interview.id).await.unwrap().calendar_uid;
    let researcher = stack.address("researcher");
    let alice_address = stack.address("alice");

    // Dave's calendar declines in Alice's name.
    let from_dave = calendar_reply(&alice_address, &researcher, &uid, 1, "DECLINED");
    let from_dave = String::from_utf8(from_dave)
        .unwrap()
        .replacen(
            &format!("From: {alice_address}"),
            &format!("From: {}", stack.address("dave")),
            1,
        )
        .replace("Message-ID: <reply-", "Message-ID: <from-dave-");
    send_as(&stack, "dave", &researcher, from_dave.as_bytes()).await;
    // Alice's address declines for another attendee (Carol).
    let for_carol = String::from_utf8(calendar_reply(
        &stack.address("carol"),
        &researcher,
        &uid,
        1,
        "DECLINED",
    ))
    .unwrap()
    .replacen(
        &format!("From: {}", stack.address("carol")),
        &format!("From: {alice_address}"),
        1,
    )
    .replace("Message-ID: <reply-", "Message-ID: <for-carol-");
    send_as(&stack, "alice", &researcher, for_carol.as_bytes()).await;
    // Alice's calendar declines the first version, from before the move.
    let old = String::from_utf8(calendar_reply(
        &alice_address,
        &researcher,
        &uid,
        0,
        "DECLINED",
    ))
    .unwrap()
    .replace("Message-ID: <reply-", "Message-ID: <old-version-");
    send_as(&stack, "alice", &researcher, old.as_bytes()).await;
    delivered_to(&stack, "researcher", "Declined", 3).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 3, "{report:?}");
    assert_eq!(
        f.confab.interview(interview.id).await.unwrap().state,
        InterviewState::Scheduled,
        "{report:?}"
    );
    let unmatched = f
        .confab
        .attention_items(None)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.kind == AttentionKind::UnmatchedReply)
        .count();
    assert_eq!(unmatched, 2, "{report:?}");
    assert!(
        report.actions.iter().any(|a| a.contains("older version")),
        "{report:?}"
    );

    // The same answer with a sender check that failed at the provider waits for the
    // researcher.
    let forged = [
        provider_verdict("fail", "fail").into_bytes(),
        String::from_utf8(calendar_reply(
            &alice_address,
            &researcher,
            &uid,
            1,
            "DECLINED",
        ))
        .unwrap()
        .replace("Message-ID: <reply-", "Message-ID: <forged-")
        .into_bytes(),
    ]
    .concat();
    send_as(&stack, "dave", &researcher, &forged).await;
    delivered_to(&stack, "researcher", "Declined", 4).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 1, "{report:?}");
    assert_eq!(
        f.confab.interview(interview.id).await.unwrap().state,
        InterviewState::Scheduled,
        "{report:?}"
    );
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items
            .iter()
            .any(|i| i.kind == AttentionKind::SenderUnverified
                && i.summary.starts_with("A calendar answer")),
        "{items:?}"
    );

    // Alice's own answer to the current version cancels.
    let current = calendar_reply(&alice_address, &researcher, &uid, 1, "DECLINED");
    send_as(&stack, "alice", &researcher, &current).await;
    delivered_to(&stack, "researcher", "Declined", 5).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 1, "{report:?}");
    assert_eq!(
        f.confab.interview(interview.id).await.unwrap().state,
        InterviewState::Canceled,
        "{report:?}"
    );
}
