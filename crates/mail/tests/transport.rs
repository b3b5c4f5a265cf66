//! SMTP sending and IMAP reading against a real OpenSMTPD and Dovecot on loopback.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

mod support;

use confab_mail::account::{AuthMethod, Security, ServerSettings};
use confab_mail::connect_options::ConnectOptions;
use confab_mail::credentials::Secret;
use confab_mail::imap::{Flag, ImapErrorKind, ImapSession, MailboxPosition};
use confab_mail::smtp::{SendErrorKind, SmtpSender};
use confab_mail::test_stack::MailStack;
use support::{message, unseen_uids, wait_for_message};

#[tokio::test]
async fn a_message_sent_over_smtp_arrives_byte_for_byte_and_unread() {
    let stack = MailStack::start();
    let researcher = stack.account("researcher");
    let alice = stack.address("alice");
    let (_, bytes) = message(&researcher.address, &alice, "Interview times");

    let sender = SmtpSender::new(&researcher, &stack.secret(), &stack.connect_options()).unwrap();
    sender
        .send(&researcher.address, &[&alice], &bytes)
        .await
        .unwrap();
    sender.close().await;

    let mut inbox = ImapSession::connect(
        &stack.account("alice"),
        &stack.secret(),
        &ConnectOptions::default(),
    )
    .await
    .unwrap();
    let arrived = wait_for_message(&mut inbox, "INBOX", &bytes).await;
    // The servers only add trace headers (Received, Return-Path, Delivered-To) on top.
    let added = &arrived.bytes[..arrived.bytes.len() - bytes.len()];
    assert!(
        added.is_empty() || added.ends_with(b"\r\n"),
        "the original message must start on a line of its own"
    );
    inbox.logout().await.unwrap();
    assert_eq!(
        unseen_uids(stack.imap_port(), &alice, stack.password(), "INBOX").await,
        [arrived.uid],
        "reading must not mark the message as read"
    );
}

#[tokio::test]
async fn tls_and_starttls_log_in_send_and_read() {
    let stack = MailStack::start();
    let options = stack.connect_options();
    let bob = stack.address("bob");
    for account in [stack.tls_account("alice"), stack.starttls_account("alice")] {
        let (_, bytes) = message(
            &account.address,
            &bob,
            &format!("over {}", account.smtp.security),
        );
        let sender = SmtpSender::new(&account, &stack.secret(), &options).unwrap();
        sender.check().await.unwrap();
        sender
            .send(&account.address, &[&bob], &bytes)
            .await
            .unwrap();
        sender.close().await;

        let bob_account = if account.imap.security == Security::Tls {
            stack.tls_account("bob")
        } else {
            stack.starttls_account("bob")
        };
        let mut session = ImapSession::connect(&bob_account, &stack.secret(), &options)
            .await
            .unwrap();
        wait_for_message(&mut session, "INBOX", &bytes).await;
        session.logout().await.unwrap();
    }
}

#[tokio::test]
async fn one_session_sends_and_files_copies_in_sent_findable_by_message_id() {
    let stack = MailStack::start();
    let researcher = stack.account("researcher");
    let options = stack.connect_options();
    let sender = SmtpSender::new(&researcher, &stack.secret(), &options).unwrap();
    let mut session = ImapSession::connect(&researcher, &stack.secret(), &options)
        .await
        .unwrap();
    let sent = session.sent_folder().await.unwrap();
    assert_eq!(sent.as_deref(), Some("Sent"));
    let sent = sent.unwrap();

    let mut filed = Vec::new();
    for user in ["alice", "bob", "carol"] {
        let to = stack.address(user);
        let (id, bytes) = message(&researcher.address, &to, "Your interview");
        assert!(!session.contains_message_id(&sent, &id).await.unwrap());
        sender
            .send(&researcher.address, &[&to], &bytes)
            .await
            .unwrap();
        session.append(&sent, &bytes, &[Flag::Seen]).await.unwrap();
        filed.push((id, bytes));
    }
    sender.close().await;

    for (id, _) in &filed {
        assert!(session.contains_message_id(&sent, id).await.unwrap());
        assert!(
            session
                .contains_message_id(&sent, &format!("<{id}>"))
                .await
                .unwrap()
        );
    }
    // The server's search matches substrings; only the exact Message-ID counts.
    let (first_id, _) = &filed[0];
    let shorter = &first_id[1..];
    assert!(!session.contains_message_id(&sent, shorter).await.unwrap());
    let err = session
        .contains_message_id(&sent, "two words")
        .await
        .unwrap_err();
    assert_eq!(err.kind, ImapErrorKind::InvalidInput);

    let copies = session.fetch_new(&sent, None, 10).await.unwrap();
    let copies: Vec<_> = copies.messages.into_iter().map(|m| m.bytes).collect();
    let originals: Vec<_> = filed.into_iter().map(|(_, bytes)| bytes).collect();
    assert_eq!(copies, originals, "APPEND keeps the bytes exactly");
    assert!(
        unseen_uids(
            stack.imap_port(),
            &researcher.username,
            stack.password(),
            &sent
        )
        .await
        .is_empty(),
        "copies in Sent are marked as read"
    );

    let err = session
        .append("No Such Folder", b"Subject: x\r\n\r\nx\r\n", &[])
        .await
        .unwrap_err();
    assert_eq!(err.kind, ImapErrorKind::Folder, "{err}");
    session.logout().await.unwrap();
}

#[tokio::test]
async fn fetch_new_reads_only_what_is_new_and_skips_to_the_end_on_a_new_uidvalidity() {
    let stack = MailStack::start();
    let carol = stack.account("carol");
    let mut session = ImapSession::connect(&carol, &stack.secret(), &ConnectOptions::default())
        .await
        .unwrap();
    let empty = session.fetch_new("INBOX", None, 10).await.unwrap();
    assert!(empty.messages.is_empty());
    assert_eq!(empty.position.last_uid, 0);

    let mut all = Vec::new();
    for subject in ["one", "two", "three"] {
        let (_, bytes) = message("researcher@confab.test", &carol.address, subject);
        session.append("INBOX", &bytes, &[]).await.unwrap();
        all.push(bytes);
    }

    let first = session.fetch_new("INBOX", None, 2).await.unwrap();
    assert!(!first.restarted);
    assert_eq!(first.remaining, 1);
    assert_eq!(bodies(&first.messages), all[..2]);

    let second = session
        .fetch_new("INBOX", Some(first.position), 2)
        .await
        .unwrap();
    assert_eq!(bodies(&second.messages), all[2..]);
    assert_eq!(second.remaining, 0);
    assert!(second.messages[0].uid > first.position.last_uid);

    let (_, fourth) = message("researcher@confab.test", &carol.address, "four");
    session.append("INBOX", &fourth, &[]).await.unwrap();
    let third = session
        .fetch_new("INBOX", Some(second.position), 10)
        .await
        .unwrap();
    assert_eq!(bodies(&third.messages), std::slice::from_ref(&fourth));
    let nothing = session
        .fetch_new("INBOX", Some(third.position), 10)
        .await
        .unwrap();
    assert!(nothing.messages.is_empty());
    assert_eq!(nothing.position, third.position);

    let renumbered = MailboxPosition {
        uid_validity: third.position.uid_validity.wrapping_add(1),
        last_uid: third.position.last_uid,
    };
    let again = session
        .fetch_new("INBOX", Some(renumbered), 10)
        .await
        .unwrap();
    // A renumbered folder is not read again from its first message: old mail stays old.
    assert!(again.restarted);
    assert!(again.messages.is_empty());
    assert_eq!(again.position, third.position);
    assert_eq!(session.mailbox_end("INBOX").await.unwrap(), third.position);
    all.push(fourth);
    assert_eq!(all.len(), 4);
    // Reading from a date: every message here arrived today.
    let today = chrono::Utc::now().date_naive();
    let since_today = session.position_since("INBOX", today).await.unwrap();
    assert_eq!(since_today.last_uid, first.messages[0].uid - 1);
    let tomorrow = session
        .position_since("INBOX", today + chrono::Duration::days(1))
        .await
        .unwrap();
    assert_eq!(tomorrow, third.position);
    session.logout().await.unwrap();
}

fn bodies(messages: &[confab_mail::imap::FetchedMessage]) -> Vec<Vec<u8>> {
    messages.iter().map(|m| m.bytes.clone()).collect()
}

#[tokio::test]
async fn a_wrong_password_is_a_login_failure_that_does_not_repeat_it() {
    let stack = MailStack::start();
    let wrong = Secret::new("Wrong-Password-123");
    let options = stack.connect_options();
    let account = stack.tls_account("dave");

    let err = ImapSession::connect(&account, &wrong, &options)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ImapErrorKind::Authentication, "{err}");
    assert!(err.message.contains(&account.username), "{err}");
    assert!(!format!("{err} {err:?}").contains("Wrong-Password"));

    let sender = SmtpSender::new(&account, &wrong, &options).unwrap();
    let err = sender.check().await.unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Authentication, "{err}");
    assert!(err.message.contains("535"), "{err}");
    assert!(!format!("{err} {err:?}").contains("Wrong-Password"));
    let err = sender
        .send(
            &account.address,
            &[stack.address("bob")],
            b"Subject: x\r\n\r\nx\r\n",
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Authentication, "{err}");
    assert!(!err.is_retryable());
    sender.close().await;
}

#[tokio::test]
async fn oauth2_to_a_server_without_xoauth2_fails_at_login() {
    let stack = MailStack::start();
    let mut account = stack.tls_account("dave");
    account.auth = AuthMethod::OAuth2;
    let options = stack.connect_options();
    let token = Secret::new("ya29.test-token");

    let err = ImapSession::connect(&account, &token, &options)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ImapErrorKind::NoTokenLogin, "{err}");
    assert!(
        err.message
            .contains("offers neither OAUTHBEARER nor XOAUTH2, only PLAIN, LOGIN"),
        "{err}"
    );
    let err = SmtpSender::new(&account, &token, &options)
        .unwrap()
        .check()
        .await
        .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Authentication, "{err}");
    assert!(
        err.message
            .contains("does not take sign-in tokens the way Confab sends them (XOAUTH2)"),
        "{err}"
    );
    assert!(!err.message.contains("ya29"));
}

#[tokio::test]
async fn refusals_are_sorted_into_permanent_connection_and_tls() {
    let stack = MailStack::start();
    let researcher = stack.account("researcher");
    let options = stack.connect_options();

    let sender = SmtpSender::new(&researcher, &stack.secret(), &options).unwrap();
    let err = sender
        .send(
            &researcher.address,
            &["nobody@elsewhere.example"],
            b"Subject: x\r\n\r\nx\r\n",
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Permanent, "{err}");
    assert!(err.message.contains("550"), "{err}");
    sender.close().await;

    let mut closed = researcher.clone();
    closed.smtp.port = free_port();
    let err = SmtpSender::new(&closed, &stack.secret(), &options)
        .unwrap()
        .send(
            &closed.address,
            &[stack.address("bob")],
            b"Subject: x\r\n\r\nx\r\n",
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Connection, "{err}");
    assert!(err.is_retryable());

    // STARTTLS required, but OpenSMTPD's port offers none: nothing is sent in the clear.
    let mut no_starttls = stack.starttls_account("researcher");
    no_starttls.smtp = ServerSettings::new("127.0.0.1", stack.smtp_port(), Security::StartTls);
    let err = SmtpSender::new(&no_starttls, &stack.secret(), &options)
        .unwrap()
        .check()
        .await
        .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Tls, "{err}");

    // The certificate is not trusted without the stack's CA.
    let err = SmtpSender::new(
        &stack.tls_account("alice"),
        &stack.secret(),
        &ConnectOptions::default(),
    )
    .unwrap()
    .check()
    .await
    .unwrap_err();
    assert_eq!(err.kind, SendErrorKind::Tls, "{err}");
    assert!(err.message.to_lowercase().contains("certificate"), "{err}");
}

#[tokio::test]
async fn plain_is_refused_for_a_remote_host_on_both_servers() {
    let stack = MailStack::start();
    let mut account = stack.account("alice");
    account.imap.host = "imap.example.org".into();
    let err = ImapSession::connect(&account, &stack.secret(), &ConnectOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ImapErrorKind::Settings, "{err}");
    assert!(err.message.contains("imap.example.org"), "{err}");

    let mut account = stack.account("alice");
    account.smtp.host = "smtp.example.org".into();
    account.smtp_login = true;
    let err = SmtpSender::new(&account, &stack.secret(), &ConnectOptions::default()).unwrap_err();
    assert!(err.message.contains("smtp.example.org"), "{err}");
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test]
async fn a_send_given_up_before_its_data_delivers_nothing_and_the_next_goes_through() {
    let stack = MailStack::start();
    let researcher = stack.account("researcher");
    let alice = stack.address("alice");
    let (_, dropped) = message(&researcher.address, &alice, "Never sent");
    let (_, kept) = message(&researcher.address, &alice, "Sent after");

    let sender = SmtpSender::new(&researcher, &stack.secret(), &stack.connect_options()).unwrap();
    // The server said go ahead for the data, and the caller gave up.
    let handover = sender
        .start(&researcher.address, &[&alice], &dropped)
        .await
        .unwrap();
    drop(handover);
    sender
        .send(&researcher.address, &[&alice], &kept)
        .await
        .unwrap();
    sender.close().await;

    let mut inbox = ImapSession::connect(
        &stack.account("alice"),
        &stack.secret(),
        &ConnectOptions::default(),
    )
    .await
    .unwrap();
    let arrived = wait_for_message(&mut inbox, "INBOX", &kept).await;
    assert!(arrived.bytes.ends_with(&kept));
    let all = inbox.fetch_new("INBOX", None, 100).await.unwrap().messages;
    assert_eq!(all.len(), 1, "only the message sent in full arrived");
    inbox.logout().await.unwrap();
}

#[tokio::test]
async fn copies_are_filed_in_one_batch_and_one_the_provider_filed_already_is_not_doubled() {
    let stack = MailStack::start();
    let researcher = stack.account("researcher");
    let mut session = ImapSession::connect(&researcher, &stack.secret(), &stack.connect_options())
        .await
        .unwrap();
    let sent = session.sent_folder().await.unwrap().unwrap();
    // Three copies in the inbox; the provider put the second in Sent by itself as well.
    let mut copies = Vec::new();
    for user in ["alice", "bob", "carol"] {
        let (id, bytes) = message(&researcher.address, &stack.address(user), "Your interview");
        session.append("INBOX", &bytes, &[]).await.unwrap();
        copies.push((id, bytes));
    }
    session
        .append(&sent, &copies[1].1, &[Flag::Seen])
        .await
        .unwrap();
    let inbox = session.fetch_new("INBOX", None, 10).await.unwrap();
    let batch: Vec<(u32, &str)> = inbox
        .messages
        .iter()
        .zip(&copies)
        .map(|(m, (id, _))| (m.uid, id.as_str()))
        .collect();

    session.file_copies("INBOX", &sent, &batch).await.unwrap();

    assert_eq!(session.message_count("INBOX").await.unwrap(), 0);
    assert_eq!(
        session.message_count(&sent).await.unwrap(),
        3,
        "no copy twice"
    );
    let ids: Vec<&str> = copies.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(session.message_ids_in(&sent, &ids).await.unwrap().len(), 3);
    let unseen = unseen_uids(stack.imap_port(), "researcher", stack.password(), &sent).await;
    assert!(unseen.is_empty(), "filed copies are read: {unseen:?}");
}
