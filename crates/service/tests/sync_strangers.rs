//! Mail from strangers and broken senders against the real mail stack: whatever arrives, Sync
//! goes on reading, and what it cannot apply waits for the researcher.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::{Confab, InterviewList, SyncOptions, SyncReport};
use confab_store::ConnectionTrait;
use support::mail::{
    click, delivered_to, inbox_with, mailbox_participant, mailto_link, researcher_profile, send_as,
    subject, text_body,
};
use support::{Fixture, me};

async fn try_sync(confab: &Confab, stack: &MailStack) -> Result<SyncReport, String> {
    confab
        .sync(
            SyncOptions {
                password: Some(stack.password().to_owned()),
                connect: stack.connect_options(),
                ..Default::default()
            },
            |_| {},
        )
        .await
        .map_err(|e| e.message)
}

fn plain(from: &str, to: &str, subject: &str, id: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// A stranger's subject with template braces and a made-up code used to fail every Sync
/// ("A message template of this study cannot be used…") and block every message after it.
#[tokio::test(flavor = "multi_thread")]
async fn a_stranger_s_braces_and_made_up_code_do_not_stop_sync() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let researcher = stack.address("researcher");
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    try_sync(&f.confab, &stack).await.unwrap();

    let stranger_subject = "Re: {{ participant_name }} {{oops [CF-0000000000000000000000000A]";
    send_as(
        &stack,
        "dave",
        &researcher,
        &plain(
            &stack.address("dave"),
            &researcher,
            stranger_subject,
            "braces@confab.test",
            "Hello?",
        ),
    )
    .await;
    // A participant writes with the same kind of subject and a code of their own making.
    mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    send_as(
        &stack,
        "bob",
        &researcher,
        &plain(
            &stack.address("bob"),
            &researcher,
            "Re: {{ participant_name }} {{oops [CF-0000000000000000000000000B]",
            "bob-braces@confab.test",
            "Is this right?",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "{{", 2).await;
    let text = text_body(&inbox_with(&stack, "alice", "", 1).await[0]);
    click(
        &stack,
        "alice",
        &mailto_link(&text, 0),
        "alice-choice@confab.test",
    )
    .await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;

    let report = try_sync(&f.confab, &stack).await.unwrap();
    assert_eq!(report.read, 3, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(
        booked.len(),
        1,
        "Alice's choice after the stranger's message was applied"
    );
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items.iter().any(|i| i.kind == AttentionKind::TokenUnknown),
        "{items:?}"
    );
    // The stranger is not answered (their address may be forged); the participant is, with
    // their subject as they wrote it, braces and all, and without the code.
    assert!(inbox_with(&stack, "dave", "", 0).await.is_empty());
    let answers = inbox_with(&stack, "bob", "{{", 1).await;
    assert_eq!(answers.len(), 1);
    assert_eq!(subject(&answers[0]), "Re: {{ participant_name }} {{oops");

    // What Confab wrote by itself says so; the invitation the researcher sent does not.
    let auto = |m: &[u8]| {
        (
            header(m, "Auto-Submitted"),
            header(m, "X-Auto-Response-Suppress"),
        )
    };
    let all = || Some("All".to_owned());
    assert_eq!(auto(&answers[0]), (Some("auto-replied".to_owned()), all()));
    let confirmation = inbox_with(&stack, "alice", "Confirmed", 1).await;
    assert_eq!(
        auto(&confirmation[0]),
        (Some("auto-generated".to_owned()), all())
    );
    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await;
    assert_eq!(auto(&invitation[0]), (None, None));
}

/// A header's value as written, unfolded.
fn header(message: &[u8], name: &str) -> Option<String> {
    let parsed = mail_parser::MessageParser::default().parse(message)?;
    let found = parsed
        .headers()
        .iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))?;
    let raw = &message[found.offset_start() as usize..found.offset_end() as usize];
    Some(
        String::from_utf8_lossy(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Mailing lists and programs are never answered, even when they carry a code from a
/// participant's address; the participant who sends the same code themselves is.
#[tokio::test(flavor = "multi_thread")]
async fn lists_and_programs_are_never_answered() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    mailbox_participant(&f, &stack, "dave", "Dave Ng").await;
    // The account is connected first: a first Sync reads only what arrives after it.
    let connected = try_sync(&f.confab, &stack).await.unwrap();
    assert_eq!(connected.read, 0, "{connected:?}");
    let researcher = stack.address("researcher");
    let dave = stack.address("dave");
    let code = "[CF-0000000000000000000000000A]";
    let with_headers = |extra: &str, subject: &str, id: &str| {
        format!(
            "From: {dave}\r\nTo: {researcher}\r\nSubject: {subject} {code}\r\nMessage-ID: <{id}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n"
        )
        .into_bytes()
    };
    for (extra, subject, id) in [
        (
            "List-Id: Research methods <research-l.lists.example.edu>\r\n",
            "List",
            "list@confab.test",
        ),
        (
            "Precedence: list\r\n",
            "Precedence list",
            "plist@confab.test",
        ),
        ("Precedence: junk\r\n", "Junk", "junk@confab.test"),
        (
            "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n",
            "Robot",
            "robot@confab.test",
        ),
        ("", "Person", "person@confab.test"),
    ] {
        send_as(
            &stack,
            "dave",
            &researcher,
            &with_headers(extra, subject, id),
        )
        .await;
    }
    delivered_to(&stack, "researcher", "CF-", 5).await;
    let report = try_sync(&f.confab, &stack).await.unwrap();
    assert_eq!(report.read, 5, "{report:?}");
    assert_eq!(report.sent, 1, "only the person is answered: {report:?}");
    let answers = inbox_with(&stack, "dave", "Re:", 1).await;
    let subjects: Vec<String> = answers.iter().map(|m| subject(m)).collect();
    assert_eq!(subjects.len(), 1, "{subjects:?}");
    assert!(subjects[0].starts_with("Re: Person"), "{subjects:?}");
}

/// A message whose applying fails half-way is undone alone: the booking it made is rolled
/// back, the researcher is told why, the reading position moves past it, and the messages
/// after it are read. A bounce that trips mail-parser's internal checks and a message stuffed
/// with codes are read like any other.
#[tokio::test(flavor = "multi_thread")]
async fn a_message_that_cannot_be_applied_is_set_aside_and_reading_goes_on() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    let bob = mailbox_participant(&f, &stack, "bob", "Bob Stone").await;
    let researcher = stack.address("researcher");
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    try_sync(&f.confab, &stack).await.unwrap();
    // A notice template that this version cannot render, as an older one might have saved:
    // booking Alice fails when it queues the researcher's notice, after the booking is made.
    let db = f.database().await;
    db.execute_raw(confab_store::statement(
        &db,
        "INSERT INTO message_templates (study_id, kind, language, subject, body, updated_at) \
         VALUES (?, 'researcher_notice', 'en', 'Notice', '{{no_such_field}}', 0)",
        [f.study_id.into()],
    ))
    .await
    .unwrap();

    let text = text_body(&inbox_with(&stack, "alice", "", 1).await[0]);
    click(
        &stack,
        "alice",
        &mailto_link(&text, 0),
        "alice-choice@confab.test",
    )
    .await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;
    let corpus = support::crate_dir().join("../mail/tests/corpus/dsn-nested-message.eml");
    send_as(
        &stack,
        "carol",
        &researcher,
        &std::fs::read(corpus).unwrap(),
    )
    .await;
    delivered_to(&stack, "researcher", "Undelivered Mail", 1).await;
    let codes: Vec<String> = (0..30_000)
        .map(|_| confab_mail::token::new_token())
        .collect();
    send_as(
        &stack,
        "carol",
        &researcher,
        &plain(
            &stack.address("carol"),
            &researcher,
            "Codes galore",
            "codes@confab.test",
            &codes.join("\r\n"),
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "Codes galore", 1).await;
    send_as(
        &stack,
        "bob",
        &researcher,
        &plain(
            &stack.address("bob"),
            &researcher,
            "A question",
            "bob-question@confab.test",
            "Is there parking?",
        ),
    )
    .await;
    delivered_to(&stack, "researcher", "A question", 1).await;

    let started = std::time::Instant::now();
    let report = try_sync(&f.confab, &stack).await.unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert_eq!(report.read, 4, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert!(booked.is_empty(), "Alice's booking was rolled back");
    assert_eq!(f.status(alice).await, "invited");
    let items = f.confab.attention_items(None).await.unwrap();
    let set_aside = items
        .iter()
        .find(|i| i.kind == AttentionKind::NotApplied)
        .unwrap_or_else(|| panic!("{items:?}"));
    assert_eq!(set_aside.participant_id, Some(alice));
    assert!(
        set_aside.summary.contains("no_such_field"),
        "{}",
        set_aside.summary
    );
    assert!(
        items
            .iter()
            .any(|i| i.kind == AttentionKind::Message && i.participant_id == Some(bob)),
        "Bob's message after it was read: {items:?}"
    );
    assert!(
        report
            .actions
            .iter()
            .any(|a| a.contains("delivery failure")),
        "{report:?}"
    );
    assert!(
        items.iter().any(|i| i.kind == AttentionKind::TokenUnknown),
        "the message full of codes was answered: {items:?}"
    );

    // The set-aside message is not read again.
    let again = try_sync(&f.confab, &stack).await.unwrap();
    assert_eq!((again.read, again.applied), (0, 0), "{again:?}");
}
