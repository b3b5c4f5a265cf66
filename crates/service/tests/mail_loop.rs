//! The whole mail loop against real SMTP and IMAP servers: invitations out, a participant's
//! choice back, a confirmation with a calendar invitation that Python's icalendar reads, a
//! decline from the calendar, and a reschedule that keeps the UID and raises the SEQUENCE.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

#![allow(clippy::unwrap_used)]

mod support;

use chrono::Duration;
use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::InterviewState;
use confab_service::{Actor, InterviewList};
use sea_orm::ConnectionTrait;
use support::mail::{
    alice_invited, calendar_counter, calendar_part, calendar_reply, click, delivered_to,
    inbox_with, mailbox_participant, mailto_link, python_reads, reply_from_link,
    researcher_profile, send_as, subject, sync, text_body,
};
use support::{Fixture, me};

#[tokio::test(flavor = "multi_thread")]
async fn invitation_choice_confirmation_decline_and_reschedule_through_real_servers() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let bob = mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    let researcher = stack.address("researcher");

    let invited = f
        .confab
        .invite_participants(f.study_id, &[alice, bob], &Actor::researcher())
        .await
        .unwrap();
    assert_eq!(invited.queued, vec![alice, bob]);
    let first = sync(&f.confab, &stack).await;
    assert_eq!((first.sent, first.failed), (2, 0), "{first:?}");

    // Alice opens her invitation and clicks the second time offered.
    let invitation = inbox_with(&stack, "alice", "", 1).await;
    assert_eq!(invitation.len(), 1, "one invitation in Alice's inbox");
    let text = text_body(&invitation[0]);
    let link = mailto_link(&text, 1);
    assert_eq!(link.to, researcher);
    click(&stack, "alice", &link, "choice-1@confab.test").await;

    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    let second = sync(&f.confab, &stack).await;
    assert_eq!((second.read, second.applied), (1, 1), "{second:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), 1);
    let interview = booked[0].clone();
    assert_eq!(
        (interview.participant_id, interview.start),
        (alice, f.slot(1))
    );
    // The confirmation (and the researcher's notice) went out in the same Sync.
    assert!(second.sent >= 1, "{second:?}");

    let confirmation = inbox_with(&stack, "alice", "Confirmed", 1).await;
    assert_eq!(confirmation.len(), 1, "one confirmation for Alice");
    let read = python_reads(&calendar_part(&confirmation[0]));
    assert_eq!(read["method"], "REQUEST");
    assert_eq!(read["uid"], interview.calendar_uid.as_str());
    assert_eq!(read["sequence"], 0);
    assert_eq!(
        read["start"],
        interview.start.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    );
    assert_eq!(
        read["end"],
        interview.end.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    );
    assert_eq!(read["organizer"], format!("mailto:{researcher}"));
    assert_eq!(
        read["attendees"][0],
        format!("mailto:{}", stack.address("alice"))
    );
    assert_eq!(read["rsvp"][0], "TRUE");

    // Alice declines in her calendar: the interview is canceled and a CANCEL goes back.
    send_as(
        &stack,
        "alice",
        &researcher,
        &calendar_reply(
            &stack.address("alice"),
            &researcher,
            &interview.calendar_uid,
            0,
            "DECLINED",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "Declined", 1).await;
    let third = sync(&f.confab, &stack).await;
    assert_eq!(third.applied, 1, "{third:?}");
    assert!(
        third
            .actions
            .iter()
            .any(|a| a.contains("declined: interview canceled")),
        "{third:?}"
    );
    let canceled = f.confab.interview(interview.id).await.unwrap();
    assert_eq!(canceled.state, InterviewState::Canceled);
    let cancel = inbox_with(&stack, "alice", "Cancelled", 1).await;
    assert_eq!(cancel.len(), 1, "one cancellation for Alice");
    let read = python_reads(&calendar_part(&cancel[0]));
    assert_eq!(read["method"], "CANCEL");
    assert_eq!(read["uid"], interview.calendar_uid.as_str());
    assert_eq!(read["sequence"], 1);

    // Bob picks the first time; the researcher then moves his interview an hour later.
    let bob_invite = inbox_with(&stack, "bob", "", 1).await;
    let link = mailto_link(&text_body(&bob_invite[0]), 0);
    click(&stack, "bob", &link, "choice-2@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 2).await;
    let fourth = sync(&f.confab, &stack).await;
    assert!(
        fourth
            .actions
            .iter()
            .any(|a| a.contains("booked their first choice")),
        "{fourth:?}"
    );
    let bobs = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let bobs = bobs.into_iter().find(|i| i.participant_id == bob).unwrap();
    f.confab
        .reschedule_interview(
            bobs.id,
            f.session_id,
            bobs.start + Duration::hours(2),
            &[],
            &me(),
        )
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let updates = inbox_with(&stack, "bob", "New time", 1).await;
    assert_eq!(updates.len(), 1, "one update for Bob");
    let read = python_reads(&calendar_part(&updates[0]));
    assert_eq!(read["method"], "REQUEST");
    assert_eq!(read["uid"], bobs.calendar_uid.as_str());
    assert_eq!(read["sequence"], 1);
    assert_eq!(
        read["start"],
        (bobs.start + Duration::hours(2))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    );

    // Every message went out once: nothing is left in the outbox, and a Sync with nothing
    // new sends and applies nothing.
    let idle = sync(&f.confab, &stack).await;
    assert_eq!((idle.sent, idle.applied), (0, 0), "{idle:?}");
    let again = sync(&f.confab, &stack).await;
    assert_eq!(
        (again.sent, again.read, again.applied),
        (0, 0, 0),
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn second_choice_by_second_message_and_refused_links_get_answers() {
    let stack = MailStack::start();
    // Self-scheduling off: choices wait as Pending for the researcher.
    let f = Fixture::new(1, false).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    let researcher = stack.address("researcher");
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let text = text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]);
    let first = mailto_link(&text, 0);
    let second = mailto_link(&text, 2);
    click(&stack, "alice", &first, "first@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    sync(&f.confab, &stack).await;
    click(&stack, "alice", &second, "second@confab.test").await;
    // Bob forwards Alice's link and uses it; someone makes up a code.
    let bob_at = stack.address("bob");
    click(&stack, "bob", &first, "bob-uses-alice@confab.test").await;
    let mut forged = reply_from_link(&bob_at, &first, "forged@confab.test");
    let made_up = String::from_utf8(forged.clone()).unwrap().replace(
        confab_mail::token::find_tokens(&first.subject)[0].as_str(),
        "CF-0000000000000000000000000A",
    );
    forged = made_up.into_bytes();
    send_as(&stack, "bob", &researcher, &forged).await;
    delivered_to(&stack, "researcher", "Interview choice", 4).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.needs_attention, 2, "{report:?}");

    let history = f
        .confab
        .participant_history(alice, Some(f.study_id))
        .await
        .unwrap();
    assert!(history.iter().any(|h| h.to == "Pending"), "{history:?}");
    // Her second message became her second choice: the researcher can assign it.
    let booked = f
        .confab
        .assign_choice(f.study_id, alice, 2, &me())
        .await
        .unwrap();
    assert_eq!(booked.start, f.slot(2));

    // Bob was told once (Confab answers an address by itself at most once a day, so a
    // misbehaving sender cannot make it write without end), and nothing of his was applied.
    let answers = inbox_with(&stack, "bob", "Re:", 1).await;
    assert_eq!(answers.len(), 1, "one answer a day to Bob");
    assert!(
        !subject(&answers[0]).contains("CF-"),
        "the answer repeats no code"
    );
    let items = f.confab.attention_items(None).await.unwrap();
    let kinds: Vec<&str> = items.iter().map(|i| i.kind.key()).collect();
    assert!(kinds.contains(&"token_wrong_sender"), "{kinds:?}");
    assert!(kinds.contains(&"token_unknown"), "{kinds:?}");
}

/// Alice clicks her first time and, in the same message, writes her second choice below
/// the link: both are held for the researcher, the one she wrote as the second.
#[tokio::test(flavor = "multi_thread")]
async fn a_click_with_a_second_choice_written_below_it_holds_both() {
    let stack = MailStack::start();
    // Self-scheduling off: choices wait as Pending for the researcher.
    let (f, alice, text) = alice_invited(&stack, false).await;
    let mut first = mailto_link(&text, 0);
    first
        .body
        .push_str("\n\nIf that one is gone, option 3 would work for me too.\nAlice");
    click(&stack, "alice", &first, "click-and-words@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(
        (report.applied, report.needs_attention),
        (1, 0),
        "{report:?}"
    );
    let booked = f
        .confab
        .assign_choice(f.study_id, alice, 2, &me())
        .await
        .unwrap();
    assert_eq!(booked.start, f.slot(2), "option 3 was her second choice");
}

/// Alice books by clicking a time, then clicks the decline link of the same invitation: the
/// booking used up every link of that message, so the decline is refused as a used link
/// and her interview stands.
#[tokio::test(flavor = "multi_thread")]
async fn a_decline_from_the_invitation_she_booked_from_leaves_the_interview() {
    let stack = MailStack::start();
    let (f, alice, text) = alice_invited(&stack, true).await;
    let links = text.matches("mailto:").count();
    let (time, decline) = (mailto_link(&text, 0), mailto_link(&text, links - 1));
    assert!(decline.body.contains("decline"), "{}", decline.body);
    click(&stack, "alice", &time, "books@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    let booked = sync(&f.confab, &stack).await;
    assert_eq!(booked.applied, 1, "{booked:?}");
    click(&stack, "alice", &decline, "declines@confab.test").await;
    delivered_to(&stack, "researcher", "", 2).await;
    let after = sync(&f.confab, &stack).await;
    assert_eq!(after.needs_attention, 1, "{after:?}");

    let kinds: Vec<&str> = f
        .confab
        .attention_items(None)
        .await
        .unwrap()
        .iter()
        .map(|i| i.kind.key())
        .collect();
    assert_eq!(kinds, ["token_used"]);
    let history = f
        .confab
        .participant_history(alice, Some(f.study_id))
        .await
        .unwrap();
    assert_eq!(
        history.last().map(|h| h.to.as_str()),
        Some("Interview Scheduled"),
        "{history:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_by_link_counter_proposals_and_a_reschedule_request() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let researcher = stack.address("researcher");
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let bob = mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    let carol = mailbox_participant(&f, &stack, "carol", "Carol Diaz").await;
    let mut booked = Vec::new();
    for (n, p) in [alice, bob, carol].into_iter().enumerate() {
        let view = f
            .confab
            .book_manually(f.study_id, p, f.session_id, f.slot(n as i64), &[], &me())
            .await
            .unwrap();
        booked.push(view);
    }
    sync(&f.confab, &stack).await;

    // Alice uses the cancel link of her confirmation (her interview is tomorrow, and the
    // study's cut-off is 24 hours, so shorten it first).
    let mut settings = f.confab.study_settings(f.study_id).await.unwrap();
    settings.change_cutoff_hours = 0;
    f.confab
        .update_study_settings(f.study_id, settings, &me())
        .await
        .unwrap();
    let confirmation = inbox_with(&stack, "alice", "Confirmed", 1).await;
    let cancel = mailto_link(&text_body(&confirmation[0]), 0);
    assert!(cancel.subject.contains("cancel"), "{}", cancel.subject);
    click(&stack, "alice", &cancel, "cancel@confab.test").await;
    // Sync reads the inbox in arrival order, and the relay does not keep the order in
    // which separate messages were submitted; Carol's proposal needs Alice's time freed.
    delivered_to(&stack, "researcher", "cancel", 1).await;

    // Bob proposes half past, which is no slot of the study: it waits for the researcher.
    let half_past = f.slot(0) + Duration::minutes(30);
    send_as(
        &stack,
        "bob",
        &researcher,
        &calendar_counter(
            &stack.address("bob"),
            &researcher,
            &booked[1].calendar_uid,
            half_past,
            half_past + Duration::hours(1),
        ),
    )
    .await;
    // Carol proposes Alice's freed time, an open slot: self-scheduling moves her at once.
    send_as(
        &stack,
        "carol",
        &researcher,
        &calendar_counter(
            &stack.address("carol"),
            &researcher,
            &booked[2].calendar_uid,
            f.slot(0),
            f.slot(1),
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "New time proposed", 2).await;
    let report = sync(&f.confab, &stack).await;
    assert_eq!(
        f.confab.interview(booked[0].id).await.unwrap().state,
        InterviewState::Canceled,
        "{report:?}"
    );
    let carols = f.confab.interview(booked[2].id).await.unwrap();
    assert_eq!(
        (carols.start, carols.sequence),
        (f.slot(0), 1),
        "{report:?}"
    );
    let items = f.confab.attention_items(Some(f.study_id)).await.unwrap();
    let counter = items
        .iter()
        .find(|i| i.kind == AttentionKind::Counter)
        .expect("Bob's proposal waits");
    assert_eq!(counter.proposed_start, Some(half_past));
    let breaks = f.confab.check_counter_proposal(counter.id).await.unwrap();
    let rules: Vec<&str> = breaks.iter().map(|b| b.rule.key()).collect();
    // Half past is no start time, and it overlaps Carol's interview, now at nine.
    assert_eq!(rules, ["not_a_slot_start", "buffer_conflict"]);

    // The researcher declines: Bob's calendar gets a DECLINECOUNTER, his interview stays.
    f.confab
        .decline_counter_proposal(counter.id, "")
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let declined = inbox_with(&stack, "bob", "stays as planned", 1).await;
    assert_eq!(declined.len(), 1);
    let read = python_reads(&calendar_part(&declined[0]));
    assert_eq!(read["method"], "DECLINECOUNTER");
    assert_eq!(read["uid"], booked[1].calendar_uid.as_str());
    assert_eq!(
        f.confab.interview(booked[1].id).await.unwrap().start,
        f.slot(1)
    );
    assert!(
        f.confab
            .attention_items(Some(f.study_id))
            .await
            .unwrap()
            .iter()
            .all(|i| i.id != counter.id)
    );

    // Bob proposes half past again; this time the researcher accepts past the slot rule.
    send_as(
        &stack,
        "bob",
        &researcher,
        &calendar_counter(
            &stack.address("bob"),
            &researcher,
            &booked[1].calendar_uid,
            half_past,
            half_past + Duration::hours(1),
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "New time proposed", 3).await;
    sync(&f.confab, &stack).await;
    let items = f.confab.attention_items(Some(f.study_id)).await.unwrap();
    let again = items
        .iter()
        .find(|i| i.kind == AttentionKind::Counter)
        .expect("the second proposal waits");
    let refused = f
        .confab
        .accept_counter_proposal(again.id, &[], &me())
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("start times"),
        "{}",
        refused.message
    );
    let rules: Vec<confab_service::RuleBreak> = f
        .confab
        .check_booking(f.study_id, f.session_id, half_past, Some(booked[1].id))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.rule)
        .collect();
    let moved = f
        .confab
        .accept_counter_proposal(again.id, &rules, &me())
        .await
        .unwrap();
    assert_eq!((moved.start, moved.sequence), (half_past, 1));

    // "Compose reschedule email": Bob picks one of the new times and his interview moves.
    f.confab
        .compose_reschedule_request(booked[1].id, "Sorry, I have to move our call.")
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let request = inbox_with(&stack, "bob", "choose a new time", 1).await;
    let text = text_body(&request[0]);
    assert!(text.contains("Sorry, I have to move our call."), "{text}");
    let pick = mailto_link(&text, 0);
    click(&stack, "bob", &pick, "pick@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    sync(&f.confab, &stack).await;
    let bobs = f.confab.interview(booked[1].id).await.unwrap();
    assert_eq!(bobs.state, InterviewState::Scheduled);
    assert_ne!(
        bobs.start, half_past,
        "the interview moved to the time Bob picked"
    );
    assert_eq!(bobs.sequence, 2);
}

/// Alice is invited, then booked by hand (she phoned), then answers the invitation she still
/// has. The links of the invitation stopped acting when she was booked: her answer books
/// nothing, and her one interview stays where the researcher put it.
#[tokio::test(flavor = "multi_thread")]
async fn an_answer_to_the_invitation_after_a_booking_by_hand_books_nothing() {
    let stack = MailStack::start();
    let f = Fixture::new(2, true).await;
    let (alice, _bob) = support::mail::alice_and_bob_invited(&f, &stack).await;
    let text = text_body(&inbox_with(&stack, "alice", "Invitation", 1).await[0]);
    f.confab
        .book_manually(f.study_id, alice, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let db = f.database().await;
    let open: i64 = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT count(*) AS n FROM tokens t JOIN enrolments e ON e.id = t.enrolment_id \
                 WHERE e.participant_id = {alice} AND t.kind = 'choice' AND t.used_at IS NULL"
            ),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
    assert_eq!(
        open, 0,
        "the invitation's links still act after the booking"
    );

    click(&stack, "alice", &mailto_link(&text, 2), "late@confab.test").await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    sync(&f.confab, &stack).await;
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    let hers: Vec<_> = booked
        .iter()
        .filter(|i| i.participant_id == alice)
        .map(|i| i.start)
        .collect();
    assert_eq!(hers, vec![f.slot(0)]);
}
