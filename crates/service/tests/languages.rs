//! Participants who read another language, followed through real SMTP and IMAP servers: a
//! German participant of an English study and a study run in French. Each message they get
//! (its subject, its text, the links' words, the message a link opens, the dates and the
//! calendar event) is in their language, and what they send back, marks of their mail
//! program included, is understood.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::OutboxKind;
use confab_service::{InterviewList, ParticipantUpdate, StudySettings};
use support::mail::{
    calendar_part, click, delivered_to, inbox_with, mailbox_participant, mailto_link, python_reads,
    researcher_profile, send_as, subject, sync, text_body,
};
use support::{Fixture, me, reads_right};

/// English words no German or French message may hold.
fn english_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    [
        "the",
        "your",
        "please",
        "choose",
        "cancel",
        "thank",
        "hello",
        "wishes",
        "with",
        "tuesday",
        "wednesday",
        "december",
    ]
    .into_iter()
    .filter(|w| words.contains(w))
    .collect()
}

async fn set_language(f: &Fixture, participant_id: i64, language: &str) {
    f.confab
        .update_participant(
            participant_id,
            ParticipantUpdate {
                language: Some(language.into()),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
}

/// Greta, who reads German (in Alice's mailbox), and Bob, who reads English, invited to an
/// English study, and the invitations sent.
async fn greta_and_bob_invited(f: &Fixture, stack: &MailStack) -> (i64, i64) {
    f.confab
        .update_mail_profile(researcher_profile(stack))
        .await
        .unwrap();
    let greta = mailbox_participant(f, stack, "alice", "Greta Lang").await;
    let bob = mailbox_participant(f, stack, "bob", "Bob Hill").await;
    set_language(f, greta, "Deutsch").await;
    f.confab
        .invite_participants(f.study_id, &[greta, bob], &me())
        .await
        .unwrap();
    sync(&f.confab, stack).await;
    (greta, bob)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_german_participant_reads_and_answers_in_german() {
    let stack = MailStack::start();
    let f = Fixture::new(2, true).await;
    let (greta, _bob) = greta_and_bob_invited(&f, &stack).await;

    // Bob's invitation stays English; Greta's is German, dates and link words included.
    let english = inbox_with(&stack, "bob", "Invitation", 1).await;
    assert!(text_body(&english[0]).contains("Please") || text_body(&english[0]).contains("click"));
    let invitation = inbox_with(&stack, "alice", "Einladung", 1).await;
    let text = text_body(&invitation[0]);
    println!("{}\n{text}", subject(&invitation[0]));
    reads_right(&text).unwrap();
    assert!(
        english_in(&text).is_empty(),
        "{:?}\n{text}",
        english_in(&text)
    );
    assert!(text.contains("Ich möchte nicht teilnehmen"), "{text}");
    assert!(text.contains("(Code "), "{text}");
    // German dates: a weekday such as "Di." and a month such as "Dez." or "Jan.".
    assert!(
        ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
            .iter()
            .any(|d| text.contains(d)),
        "{text}"
    );
    let link = mailto_link(&text, 0);
    assert!(link.subject.starts_with("Terminwahl: "), "{}", link.subject);
    assert!(english_in(&link.body).is_empty(), "{}", link.body);

    // She clicks the first time; her mail program puts "AW:" before nothing, since it is a
    // new message, and the interview is booked.
    click(&stack, "alice", &link, "greta-1@confab.test").await;
    delivered_to(&stack, "researcher", "Terminwahl", 1).await;
    sync(&f.confab, &stack).await;
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert!(
        booked.iter().any(|i| i.participant_id == greta),
        "{booked:?}"
    );
    sync(&f.confab, &stack).await;
    let confirmation = inbox_with(&stack, "alice", "bestätigt", 1).await;
    let text = text_body(&confirmation[0]);
    println!("{}\n{text}", subject(&confirmation[0]));
    reads_right(&text).unwrap();
    assert!(
        english_in(&text).is_empty(),
        "{:?}\n{text}",
        english_in(&text)
    );
    assert!(text.contains("Mein Interview absagen"), "{text}");
    let event = python_reads(&calendar_part(&confirmation[0]));
    let summary = event["summary"].as_str().unwrap_or_default();
    assert!(summary.starts_with("Interviewtermin"), "{event}");

    // She answers the confirmation in her own words: she cannot come. Confab does not cancel
    // by itself, but the researcher reads what she asks for.
    let reply = format!(
        "From: {}\r\nTo: {}\r\nSubject: AW: {}\r\nMessage-ID: <greta-words@confab.test>\r\nDate: Mon, 23 Nov 2026 10:30:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGuten Tag,\r\nleider kann ich nicht kommen und muss den Termin absagen.\r\nGreta\r\n",
        stack.address("alice"),
        stack.address("researcher"),
        subject(&confirmation[0]),
    );
    send_as(
        &stack,
        "alice",
        &stack.address("researcher"),
        reply.as_bytes(),
    )
    .await;
    delivered_to(&stack, "researcher", "AW: ", 1).await;
    sync(&f.confab, &stack).await;
    let items = f.confab.attention_items(None).await.unwrap();
    assert!(
        items.iter().any(|i| i
            .summary
            .contains("Greta Lang seems to ask to cancel their interview")),
        "{items:?}"
    );
    assert!(
        f.confab
            .list_interviews(f.study_id, InterviewList::Upcoming)
            .await
            .unwrap()
            .iter()
            .any(|i| i.participant_id == greta),
        "the interview stands until the researcher cancels it"
    );

    // Later she answers an old message from Outlook in German ("AW:") with a code Confab
    // never sent: the answer is German, and its subject carries one "Re:" and no "AW:".
    let made_up = format!(
        "From: {}\r\nTo: {}\r\nSubject: AW: Terminwahl [CF-ZZZZZZZZZZZZZZZZZZZZZZZZZZ]\r\nMessage-ID: <greta-2@confab.test>\r\nDate: Mon, 23 Nov 2026 11:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPasst das noch?\r\n",
        stack.address("alice"),
        stack.address("researcher"),
    );
    send_as(
        &stack,
        "alice",
        &stack.address("researcher"),
        made_up.as_bytes(),
    )
    .await;
    delivered_to(&stack, "researcher", "AW: ", 2).await;
    sync(&f.confab, &stack).await;
    sync(&f.confab, &stack).await;
    let answer = inbox_with(&stack, "alice", "Re: Terminwahl", 1).await;
    let answer_subject = subject(&answer[0]);
    assert!(!answer_subject.contains("AW:"), "{answer_subject}");
    let text = text_body(&answer[0]);
    assert!(
        english_in(&text).is_empty(),
        "{:?}\n{text}",
        english_in(&text)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_study_run_in_french_writes_to_everyone_in_french() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let settings = f.confab.study_settings(f.study_id).await.unwrap();
    let saved = f
        .confab
        .update_study_settings(
            f.study_id,
            StudySettings {
                language: "fr_ca".into(),
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(saved.language, "fr-CA");
    let camille = mailbox_participant(&f, &stack, "alice", "Camille Roy").await;
    f.confab
        .invite_participants(f.study_id, &[camille], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let invitation = inbox_with(&stack, "alice", "entretien", 1).await;
    let text = text_body(&invitation[0]);
    println!("{}\n{text}", subject(&invitation[0]));
    reads_right(&text).unwrap();
    assert!(
        english_in(&text).is_empty(),
        "{:?}\n{text}",
        english_in(&text)
    );
    // Canadian French writes times as "10 h 00".
    assert!(text.contains(" h "), "{text}");

    // A study's own French wording is used, and English wording stays for English readers.
    let mut templates = f.confab.message_templates(f.study_id, "fr").await.unwrap();
    let invitation_template = templates
        .iter_mut()
        .find(|t| t.kind == OutboxKind::Invitation)
        .unwrap();
    assert!(!invitation_template.customised);
    invitation_template.subject = "Votre entretien pour {{study_name}}".into();
    f.confab
        .save_message_template(f.study_id, invitation_template.clone())
        .await
        .unwrap();
    let english = f.confab.message_templates(f.study_id, "en").await.unwrap();
    assert!(english.iter().all(|t| !t.customised));
    let french = f.confab.message_templates(f.study_id, "fr").await.unwrap();
    assert!(
        french
            .iter()
            .any(|t| t.kind == OutboxKind::Invitation && t.customised)
    );
    let preview = f
        .confab
        .preview_message_template(
            &invitation_template.subject,
            &invitation_template.body,
            "fr-CA",
        )
        .unwrap();
    assert!(
        preview.subject.starts_with("Votre entretien"),
        "{}",
        preview.subject
    );
    assert!(
        f.confab
            .preview_message_template("x", "y", "Klingon")
            .unwrap_err()
            .message
            .contains("not a language")
    );
}

/// Greta (German) and Bob (English) each click a time before the researcher's next Sync, which
/// reads both answers in one transaction: each is confirmed in their own language.
#[tokio::test(flavor = "multi_thread")]
async fn two_answers_in_two_languages_read_by_one_sync_are_confirmed_each_in_theirs() {
    let stack = MailStack::start();
    let f = Fixture::new(2, true).await;
    greta_and_bob_invited(&f, &stack).await;
    for (user, subject, tag) in [
        ("alice", "Einladung", "greta-1@confab.test"),
        ("bob", "Invitation", "bob-1@confab.test"),
    ] {
        let invitation = inbox_with(&stack, user, subject, 1).await;
        let link = mailto_link(&text_body(&invitation[0]), 0);
        click(&stack, user, &link, tag).await;
    }
    delivered_to(&stack, "researcher", "Terminwahl", 1).await;
    delivered_to(&stack, "researcher", "Interview choice", 1).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!((report.read, report.applied), (2, 2), "{report:?}");
    sync(&f.confab, &stack).await;
    let german = text_body(&inbox_with(&stack, "alice", "bestätigt", 1).await[0]);
    assert!(
        english_in(&german).is_empty(),
        "{:?}\n{german}",
        english_in(&german)
    );
    let english = text_body(&inbox_with(&stack, "bob", "Confirmed", 1).await[0]);
    assert!(english.contains("Your interview"), "{english}");
    assert!(!english.contains("Ihr"), "{english}");
}
