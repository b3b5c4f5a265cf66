//! A participant who answers "Thanks!" above the invitation their mail program quotes books
//! nothing, whatever the program and the language: against the real mail stack, with the
//! codes of the invitation Confab really sent in the quote.

#![allow(clippy::unwrap_used)]

mod support;

use confab_mail::test_stack::MailStack;
use confab_service::AttentionKind;
use confab_service::InterviewList;
use support::mail::{
    delivered_to, inbox_with, mailbox_participant, message_id, researcher_profile, send_as,
    subject, sync, text_body,
};
use support::{Fixture, me};

/// The heads of the mail crate's corpus (tests/corpus/quotes/heads.txt).
fn quote_heads() -> Vec<(String, String)> {
    let path = support::crate_dir().join("../mail/tests/corpus/quotes/heads.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut heads: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            heads.push((name.to_owned(), String::new()));
        } else if let Some((_, head)) = heads.last_mut() {
            head.push_str(line);
            head.push_str("\r\n");
        }
    }
    heads
}

#[tokio::test(flavor = "multi_thread")]
async fn thanks_above_a_quoted_invitation_books_nothing_in_any_language() {
    let stack = MailStack::start();
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(researcher_profile(&stack))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, &stack, "alice", "Alice Park").await;
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    sync(&f.confab, &stack).await;
    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await.remove(0);
    let text = text_body(&invitation).replace('\n', "\r\n");
    assert!(text.contains("CF-"), "the invitation offers codes:\n{text}");
    let researcher = stack.address("researcher");
    let from = stack.address("alice");
    let reply = |n: usize, content_type: &str, body: &str| {
        format!(
            "From: Alice Park <{from}>\r\nTo: {researcher}\r\nSubject: Re: {}\r\nMessage-ID: <thanks-{n}@confab.test>\r\nIn-Reply-To: {}\r\nDate: Wed, 3 Jun 2026 11:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: {content_type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n",
            subject(&invitation),
            message_id(&invitation),
        )
        .into_bytes()
    };
    let mut sent = 0;
    for (n, (_, head)) in quote_heads().iter().enumerate() {
        let body = format!("Thanks!\r\n\r\n{head}\r\n{text}");
        send_as(&stack, "alice", &researcher, &reply(n, "text/plain", &body)).await;
        sent += 1;
    }
    let html = text.replace("\r\n", "<br>\r\n");
    for body in [
        format!(
            "<div dir=\"ltr\">Thanks!</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">Am Mo., 3. Juni 2026 um 10:00 Uhr schrieb Sam Rivera &lt;{researcher}&gt;:<br></div><blockquote class=\"gmail_quote\">{html}</blockquote></div>"
        ),
        format!(
            "<html><body><div>Thanks!</div><hr><div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>De :</b> Sam Rivera<br><b>Envoyé :</b> lundi 3 juin 2026 10:00<br></div><div>{html}</div></body></html>"
        ),
    ] {
        send_as(
            &stack,
            "alice",
            &researcher,
            &reply(sent, "text/html", &body),
        )
        .await;
        sent += 1;
    }
    delivered_to(&stack, "researcher", "Re: Invitation", sent).await;

    let report = sync(&f.confab, &stack).await;
    assert_eq!(report.read as usize, sent, "{report:?}");
    assert_eq!(report.applied, 0, "{report:?}");
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert!(booked.is_empty(), "booked from a quote: {booked:?}");
    assert_eq!(f.status(alice).await, "invited");
    // Each is a message for the researcher to read, as any letter without a choice is.
    let items = f.confab.attention_items(None).await.unwrap();
    assert_eq!(
        items
            .iter()
            .filter(|i| i.kind == AttentionKind::Message)
            .count(),
        sent,
        "{items:?}"
    );
}
