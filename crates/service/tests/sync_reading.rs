//! Where Sync reads the researcher's inbox from, against the real mail stack: a newly
//! connected account reads only what arrives after it (or from a day the researcher picks), a
//! message too large to download is set aside, a renumbered inbox is not read again, and
//! answers read by one Sync each see what the answers before them did.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::{InterviewList, MailProfile};
use confab_store::ConnectionTrait;
use support::mail::{
    alice_and_bob_invited, click, delivered_to, inbox_with, mailbox_participant, mailto_link,
    researcher_profile, send_as, sync, text_body,
};
use support::{Fixture, me};

/// `user` clicks the first time their invitation offers: their mail program sends the
/// message the link opens.
async fn click_first_time(stack: &MailStack, user: &str) {
    let invitation = inbox_with(stack, user, "Invitation", 1).await;
    let first = mailto_link(&text_body(&invitation[0]), 0);
    click(stack, user, &first, &format!("{user}-1@confab.test")).await;
}

fn plain(from: &str, to: &str, subject: &str, id: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// Mail that was in the inbox before Confab was connected: a participant's letter, a
/// colleague's note and an old answer with a code Confab never made.
async fn old_mail(stack: &MailStack) {
    let researcher = stack.address("researcher");
    for (user, subject, id, body) in [
        (
            "alice",
            "Question about the study",
            "old-1@confab.test",
            "Hello, is this paid?",
        ),
        (
            "dave",
            "Lunch?",
            "old-2@confab.test",
            "Are you free on Friday?",
        ),
        (
            "bob",
            "Re: Interview choice [CF-0000000000000000000000000A]",
            "old-3@confab.test",
            "This one please",
        ),
    ] {
        send_as(
            stack,
            user,
            &researcher,
            &plain(&stack.address(user), &researcher, subject, id, body),
        )
        .await;
    }
    delivered_to(stack, "researcher", "", 3).await;
}

async fn with_read_since(f: &Fixture, stack: &MailStack, day: Option<String>) -> MailProfile {
    let mut profile = researcher_profile(stack);
    profile.account.as_mut().unwrap().read_since = day;
    f.confab.update_mail_profile(profile).await.unwrap()
}

/// A data folder connected to a mailbox full of old mail reads none of it: the first Sync
/// starts at the inbox's end, and the answers to what it sent are read as new.
#[tokio::test(flavor = "multi_thread")]
async fn a_first_sync_reads_only_what_arrives_after_the_account_is_connected() {
    let stack = MailStack::start();
    old_mail(&stack).await;
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();

    let first = sync(&f.confab, &stack).await;
    assert_eq!(first.sent, 1, "{first:?}");
    assert_eq!(first.read, 0, "old mail is not read: {first:?}");
    assert!(f.confab.attention_items(None).await.unwrap().is_empty());
    assert!(
        inbox_with(&stack, "bob", "Re:", 0).await.is_empty(),
        "nobody is answered about old mail"
    );

    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await;
    let link = mailto_link(&text_body(&invitation[0]), 0);
    click(&stack, "alice", &link, "alice-new@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 2).await;
    let second = sync(&f.confab, &stack).await;
    assert_eq!(second.read, 1, "{second:?}");
    assert_eq!(second.applied, 1, "{second:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1);
}

/// "Read mail received since" a day reads the inbox from that day; changing it reads again
/// from the new day, and what was handled before is recognised and not applied twice.
#[tokio::test(flavor = "multi_thread")]
async fn read_since_a_day_reads_from_that_day_and_again_when_changed() {
    let stack = MailStack::start();
    old_mail(&stack).await;
    let f = Fixture::new(1, true).await;
    mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let today = chrono::Local::now().date_naive();
    let tomorrow = today + chrono::Duration::days(1);

    let saved = with_read_since(&f, &stack, Some(format!(" {tomorrow} "))).await;
    assert_eq!(
        saved.account.unwrap().read_since,
        Some(tomorrow.to_string())
    );
    let none = sync(&f.confab, &stack).await;
    assert_eq!(none.read, 0, "nothing arrived tomorrow: {none:?}");

    with_read_since(&f, &stack, Some(today.to_string())).await;
    let all = sync(&f.confab, &stack).await;
    assert_eq!(all.read, 3, "{all:?}");
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(!items.is_empty(), "Alice's letter is for the researcher");

    // The same day again reads nothing: the position stays where it was.
    with_read_since(&f, &stack, Some(today.to_string())).await;
    assert_eq!(sync(&f.confab, &stack).await.read, 0);
    // Back to the connection's end and then to the day: the three are read again, and
    // recognised.
    with_read_since(&f, &stack, None).await;
    assert_eq!(sync(&f.confab, &stack).await.read, 0);
    with_read_since(&f, &stack, Some(today.to_string())).await;
    let again = sync(&f.confab, &stack).await;
    assert_eq!(again.read, 3, "{again:?}");
    assert_eq!(again.actions.len(), 0, "nothing handled twice: {again:?}");
    assert_eq!(
        f.confab.attention_items(None).await.unwrap().len(),
        items.len()
    );

    let mut wrong = researcher_profile(&stack);
    wrong.account.as_mut().unwrap().read_since = Some("last week".into());
    let err = f.confab.update_mail_profile(wrong).await.unwrap_err();
    assert!(err.message.contains("2026-11-01"), "{}", err.message);
}

/// A message over the size limit is not downloaded: it waits for the researcher, named by
/// its sender and size, and even the choice code in its subject is not applied; the answer
/// after it is read as usual.
#[tokio::test(flavor = "multi_thread")]
async fn a_message_over_the_size_limit_is_set_aside_unread() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    let (_alice, bob) = alice_and_bob_invited(&f, &stack).await;
    let researcher = stack.address("researcher");

    // Alice answers with her choice and a 26 MB scan attached, as a mail program sends it.
    let alice_link = mailto_link(
        &text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]),
        0,
    );
    let line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n";
    let attachment = line.repeat(26 * 1024 * 1024 / line.len() + 1);
    let big = format!(
        "From: {from}\r\nTo: {researcher}\r\nSubject: {subject}\r\nMessage-ID: <big@confab.test>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n--b\r\nContent-Type: application/pdf; name=\"consent.pdf\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"consent.pdf\"\r\n\r\n{attachment}--b--\r\n",
        from = stack.address("alice"),
        subject = alice_link.subject,
        body = alice_link.body,
    );
    assert!(big.len() > 26 * 1024 * 1024);
    send_as(&stack, "alice", &researcher, big.as_bytes()).await;
    delivered_to(&stack, "researcher", &alice_link.subject, 1).await;
    let bob_link = mailto_link(
        &text_body(&inbox_with(&stack, "bob", "Invitation", 1).await[0]),
        1,
    );
    click(&stack, "bob", &bob_link, "bob-choice@confab.test").await;
    delivered_to(&stack, "researcher", &bob_link.subject, 1).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 2, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1, "only Bob's answer books");
    assert_eq!(booked[0].participant_id, bob);
    let items = f.confab.attention_items(None).await.unwrap();
    let item = items
        .iter()
        .find(|i| i.kind == AttentionKind::Unreadable)
        .unwrap_or_else(|| panic!("{items:?}"));
    assert!(
        item.summary.contains(&stack.address("alice")),
        "{}",
        item.summary
    );
    assert!(item.summary.contains("27 MB"), "{}", item.summary);
    assert!(item.summary.contains("over 25 MB"), "{}", item.summary);
    // Nothing is read twice.
    assert_eq!(sync(&f.confab, &stack).await.read, 0);
}

/// When the server renumbers the inbox (a new UIDVALIDITY, as after a mailbox is rebuilt or
/// moved), the mail already there is not read again as new: reading goes on from its new end,
/// and the Sync says so.
#[tokio::test(flavor = "multi_thread")]
async fn a_renumbered_inbox_is_not_read_again() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    sync(&f.confab, &stack).await;
    old_mail(&stack).await;
    // The stored position names another UIDVALIDITY: for Confab, exactly what a renumbered
    // mailbox looks like.
    f.database()
        .await
        .execute_unprepared(
            "UPDATE mailbox_state SET uid_validity = uid_validity + 7, last_uid = 0",
        )
        .await
        .unwrap();
    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 0, "{report:?}");
    assert!(
        report.warnings.iter().any(|w| w.contains("renumbered")),
        "{report:?}"
    );
    assert!(f.confab.attention_items(None).await.unwrap().is_empty());

    let researcher = stack.address("researcher");
    send_as(
        &stack,
        "alice",
        &researcher,
        &plain(
            &stack.address("alice"),
            &researcher,
            "After the move",
            "new@confab.test",
            "Still there?",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "After the move", 1).await;
    let next = sync(&f.confab, &stack).await;
    assert_eq!(next.read, 1, "{next:?}");
    assert!(next.warnings.is_empty(), "{next:?}");
}

/// Alice and Bob both click the first time of their invitations before the researcher syncs,
/// and one Sync reads both answers: the one read first books the time, the other is told it
/// was taken and offered the times still open, and nothing is set aside as not applied.
#[tokio::test(flavor = "multi_thread")]
async fn two_answers_for_one_time_read_by_one_sync_book_it_once() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    let (alice, bob) = alice_and_bob_invited(&f, &stack).await;
    for user in ["alice", "bob"] {
        click_first_time(&stack, user).await;
    }
    delivered_to(&stack, "researcher", "Interview choice", 2).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 2, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1, "{report:?}");
    assert_eq!(booked[0].start, f.slot(0));
    let (winner, other) = if booked[0].participant_id == alice {
        ("alice", "bob")
    } else {
        assert_eq!(booked[0].participant_id, bob);
        ("bob", "alice")
    };
    assert_eq!(inbox_with(&stack, winner, "Confirmed", 1).await.len(), 1);
    let answer = inbox_with(&stack, other, "another time", 1).await;
    let text = text_body(&answer[0]);
    assert!(text.contains("taken by someone else"), "{text}");
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items.iter().all(|i| i.kind != AttentionKind::NotApplied),
        "{items:?}"
    );
}

/// Alice clicks one time of her invitation, then another of the same invitation, and one Sync
/// reads both: the first books her, the second changes nothing and is recorded as such, and
/// she gets one confirmation.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_click_read_by_the_same_sync_leaves_the_first_booking() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    let (alice, _bob) = alice_and_bob_invited(&f, &stack).await;
    let invitation = text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]);
    for (n, tag) in [(0, "alice-1@confab.test"), (1, "alice-2@confab.test")] {
        let link = mailto_link(&invitation, n);
        click(&stack, "alice", &link, tag).await;
        delivered_to(&stack, "researcher", "Interview choice", n + 1).await;
    }

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read, 2, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1, "{report:?}");
    assert_eq!(
        (booked[0].participant_id, booked[0].start),
        (alice, f.slot(0))
    );
    assert!(
        report
            .actions
            .iter()
            .any(|a| a.contains("after the first was booked; nothing to change")),
        "{report:?}"
    );
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items.iter().all(|i| i.kind != AttentionKind::NotApplied),
        "{items:?}"
    );
    assert_eq!(sync(&f.confab, &stack).await.read, 0);
    assert_eq!(inbox_with(&stack, "alice", "Confirmed", 1).await.len(), 1);
}

/// The researcher rewords the confirmation and signs with another name between two Syncs:
/// Alice, booked by the first, got the old wording; Bob, booked by the second, gets the new.
/// What one Sync reads once for its answers is read again by the next.
#[tokio::test(flavor = "multi_thread")]
async fn wording_changed_between_two_syncs_reaches_the_next_answer() {
    let stack = MailStack::start();
    let f = Fixture::new(2, true).await;
    alice_and_bob_invited(&f, &stack).await;
    click_first_time(&stack, "alice").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    assert_eq!(sync(&f.confab, &stack).await.applied, 1);
    let mut confirmation = f
        .confab
        .message_templates(f.study_id, "en")
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.kind == confab_service::OutboxKind::Confirmation)
        .unwrap();
    confirmation.body = format!(
        "We look forward to talking with you.\n\n{}",
        confirmation.body
    );
    f.confab
        .save_message_template(f.study_id, confirmation)
        .await
        .unwrap();
    let mut profile = f.confab.mail_profile().await.unwrap();
    profile.researcher_name = "Dr Sam Okafor".into();
    f.confab.update_mail_profile(profile).await.unwrap();

    click_first_time(&stack, "bob").await;
    delivered_to(&stack, "researcher", "Interview choice", 2).await;
    assert_eq!(sync(&f.confab, &stack).await.applied, 1);
    let alice = text_body(&inbox_with(&stack, "alice", "Confirmed", 1).await[0]);
    let bob = text_body(&inbox_with(&stack, "bob", "Confirmed", 1).await[0]);
    assert!(!alice.contains("look forward"), "{alice}");
    assert!(alice.contains("Dr Sam Rivera"), "{alice}");
    assert!(
        bob.contains("We look forward to talking with you."),
        "{bob}"
    );
    assert!(bob.contains("Dr Sam Okafor"), "{bob}");
    assert!(!bob.contains("Dr Sam Rivera"), "{bob}");
}
