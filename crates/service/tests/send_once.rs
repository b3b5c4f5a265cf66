//! Each message goes out once and only once, even when the line to the SMTP server breaks
//! after the message was handed over, or two Syncs run at once; and the codes in the links
//! are kept hashed and stop acting when their time is over. Against the real mail stack, with
//! a proxy on loopback that cuts the SMTP connection where a test asks.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::OutboxState;
use std::time::Duration;

use confab_mail::test_stack::MailStack;
use confab_service::{
    Confab, ErrorCode, MailAccount, MailAuth, MailProfile, MailSecurity, OutboxFilter, SyncOptions,
};
use sea_orm::{ConnectionTrait, Statement};
use support::mail::{click, inbox, inbox_with, mailbox_participant, text_body};
use support::smtp_proxy::{Cut, SmtpProxy};
use support::{Fixture, me};

/// The researcher's account on the stack, with SMTP through `proxy` (plain, on loopback).
fn profile_through(stack: &MailStack, proxy: &SmtpProxy) -> MailProfile {
    let account = stack.account("researcher");
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: stack.address("researcher"),
        time_zone: "UTC".into(),
        account: Some(MailAccount {
            username: account.username.clone(),
            auth: MailAuth::Password,
            smtp_host: "127.0.0.1".into(),
            smtp_port: proxy.port,
            smtp_security: MailSecurity::Plain,
            smtp_login: false,
            imap_host: account.imap.host.clone(),
            imap_port: account.imap.port,
            imap_security: MailSecurity::Plain,
            read_since: None,
        }),
        sync_automatically: false,
    }
}

fn proxy_to(stack: &MailStack, plan: impl FnMut() -> Cut + Send + 'static) -> SmtpProxy {
    let smtp = stack.account("researcher").smtp;
    SmtpProxy::start((smtp.host.clone(), smtp.port), plan)
}

/// Cuts the first message as `cut` says and passes the rest.
fn first_only(cut: Cut) -> impl FnMut() -> Cut + Send + 'static {
    let mut first = true;
    move || {
        if std::mem::take(&mut first) {
            cut
        } else {
            Cut::None
        }
    }
}

async fn sync(
    confab: &Confab,
    stack: &MailStack,
) -> Result<confab_service::SyncReport, confab_service::AppError> {
    confab
        .sync(
            SyncOptions {
                password: Some(stack.password().to_owned()),
                ..Default::default()
            },
            |_| {},
        )
        .await
}

async fn db(f: &Fixture) -> sea_orm::DatabaseConnection {
    f.database().await
}

async fn exec(f: &Fixture, sql: &str) {
    let db = db(f).await;
    db.execute_unprepared(sql).await.unwrap();
    db.close().await.unwrap();
}

async fn count(f: &Fixture, sql: &str) -> i64 {
    let db = db(f).await;
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    let n = row.try_get_by_index::<i64>(0).unwrap();
    db.close().await.unwrap();
    n
}

async fn states(confab: &Confab) -> Vec<String> {
    confab
        .list_outbox(OutboxFilter::All)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.state.key().to_owned())
        .collect()
}

/// An invited participant whose mailbox is alice's, with the invitation queued.
async fn invited(stack: &MailStack, proxy: &SmtpProxy) -> (Fixture, i64) {
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(profile_through(stack, proxy))
        .await
        .unwrap();
    let alice = mailbox_participant(&f, stack, "alice", "Alice").await;
    f.confab
        .invite_participants(f.study_id, &[alice], &me())
        .await
        .unwrap();
    (f, alice)
}

/// Alice's invitations after a moment for late deliveries.
async fn invitations_alice_holds(stack: &MailStack) -> usize {
    tokio::time::sleep(Duration::from_millis(700)).await;
    inbox_with(stack, "alice", "Invitation", 0).await.len()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_line_cut_after_the_server_took_the_message_is_not_sent_twice() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, first_only(Cut::AfterDot));
    let (f, _) = invited(&stack, &proxy).await;

    sync(&f.confab, &stack).await.unwrap();
    assert_eq!(proxy.cuts(), (0, 0, 1));
    // The same Sync may already have found the copy (after reading, before sending what the
    // replies queued); it never sends the message again.
    assert_eq!(inbox_with(&stack, "alice", "Invitation", 1).await.len(), 1);

    // The next Sync finds the researcher's copy by its Message-ID and sends nothing again.
    let second = sync(&f.confab, &stack).await.unwrap();
    assert_eq!(second.unclear, 0, "{second:?}");
    assert_eq!(states(&f.confab).await, ["sent"]);
    assert_eq!(invitations_alice_holds(&stack).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_line_cut_before_the_server_took_the_message_sends_it_once_after_a_day() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, first_only(Cut::BeforeDot));
    let (f, _) = invited(&stack, &proxy).await;

    let first = sync(&f.confab, &stack).await.unwrap();
    assert_eq!(proxy.cuts(), (0, 1, 0));
    assert_eq!((first.sent, first.unclear), (0, 1), "{first:?}");
    // Within the day Sync only looks for a copy, and says why the message waits.
    let second = sync(&f.confab, &stack).await.unwrap();
    assert_eq!((second.sent, second.unclear), (0, 1), "{second:?}");
    assert!(
        second.warnings.iter().any(|w| w.contains("24 hours")),
        "{:?}",
        second.warnings
    );
    assert_eq!(states(&f.confab).await, ["unknown"]);
    assert_eq!(
        f.confab
            .list_outbox(OutboxFilter::Waiting)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(invitations_alice_holds(&stack).await, 0);

    // A day on, with no copy anywhere, it goes out: once.
    exec(
        &f,
        "UPDATE outbox SET unknown_since = unknown_since - 24 * 3600 - 60",
    )
    .await;
    let third = sync(&f.confab, &stack).await.unwrap();
    assert_eq!((third.sent, third.unclear), (1, 0), "{third:?}");
    assert_eq!(states(&f.confab).await, ["sent"]);
    assert_eq!(inbox_with(&stack, "alice", "Invitation", 1).await.len(), 1);
    sync(&f.confab, &stack).await.unwrap();
    assert_eq!(invitations_alice_holds(&stack).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_line_cut_before_the_data_leaves_the_message_queued_for_the_next_sync() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, first_only(Cut::AtDataCommand));
    let (f, _) = invited(&stack, &proxy).await;

    let err = sync(&f.confab, &stack).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Mail, "{err}");
    assert_eq!(proxy.cuts(), (1, 0, 0));
    let waiting = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].state, OutboxState::Queued);
    assert!(!waiting[0].last_error.is_empty());
    assert_eq!(invitations_alice_holds(&stack).await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_sync_while_one_runs_is_refused_plainly_and_nothing_goes_twice() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, || Cut::None);
    let (f, _) = invited(&stack, &proxy).await;
    // The window's Sync is held up by a slow server…
    proxy.set_greeting_delay(Duration::from_millis(1500));
    let window = f.another_window().await;
    let password = stack.password().to_owned();
    let running = tokio::spawn(async move {
        window
            .sync(
                SyncOptions {
                    password: Some(password),
                    ..Default::default()
                },
                |_| {},
            )
            .await
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    // …when `confab sync` starts on the same database.
    let err = sync(&f.confab, &stack).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SyncRunning, "{err}");
    assert!(err.message.contains("already running"), "{err}");
    let report = running.await.unwrap().unwrap();
    assert_eq!(report.sent, 1);
    // Once it has finished, the lease is free again.
    proxy.set_greeting_delay(Duration::ZERO);
    sync(&f.confab, &stack).await.unwrap();
    assert_eq!(invitations_alice_holds(&stack).await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lease_left_by_a_dead_sync_does_not_block_the_next() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, || Cut::None);
    let (f, _) = invited(&stack, &proxy).await;
    // Held by a Sync on another computer, for another minute: refused.
    let now = chrono::Utc::now().timestamp();
    exec(
        &f,
        &format!(
            "INSERT INTO sync_lease (name, owner, expires_at) VALUES ('sync', 'elsewhere/1/x', {})",
            now + 60
        ),
    )
    .await;
    let err = sync(&f.confab, &stack).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SyncRunning, "{err}");
    // Its time is up (that computer died): taken over.
    exec(
        &f,
        &format!("UPDATE sync_lease SET expires_at = {}", now - 1),
    )
    .await;
    assert_eq!(sync(&f.confab, &stack).await.unwrap().sent, 1);
    // A process of this computer that is gone does not hold it either, even before its time.
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap_or_default()
        .trim()
        .to_owned();
    if !host.is_empty() {
        let mut gone = std::process::Command::new("true").spawn().unwrap();
        let pid = gone.id();
        gone.wait().unwrap();
        exec(
            &f,
            &format!(
                "INSERT INTO sync_lease (name, owner, expires_at) VALUES ('sync', '{host}/{pid}/y', {})",
                now + 600
            ),
        )
        .await;
        sync(&f.confab, &stack).await.unwrap();
    }
    assert_eq!(count(&f, "SELECT count(*) FROM sync_lease").await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn links_are_kept_hashed_expire_and_retire_with_the_study() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, || Cut::None);
    let (f, alice) = invited(&stack, &proxy).await;
    sync(&f.confab, &stack).await.unwrap();
    let invitation = inbox_with(&stack, "alice", "Invitation", 1).await.remove(0);
    let text = text_body(&invitation);
    let codes = confab_mail::token::find_tokens(&text);
    assert!(codes.len() >= 4, "{text}");
    for code in &codes {
        // The database holds no code that a message carries, only its hash.
        let plain = count(
            &f,
            &format!("SELECT count(*) FROM tokens WHERE token = '{code}'"),
        )
        .await;
        let hashed = count(
            &f,
            &format!(
                "SELECT count(*) FROM tokens WHERE token = '{}'",
                confab_store::tokens::hash(code)
            ),
        )
        .await;
        assert_eq!((plain, hashed), (0, 1), "{code}");
    }
    // A choice acts until its time, a decline link for 90 days.
    assert_eq!(
        count(
            &f,
            "SELECT count(*) FROM tokens WHERE kind = 'choice' AND expires_at = starts_at"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &f,
            "SELECT count(*) FROM tokens WHERE kind = 'decline' AND expires_at = created_at + 90 * 86400"
        )
        .await,
        1
    );

    assert_eq!(f.status(alice).await, "invited");
    // The study is archived; Alice then declines with the link in her invitation.
    f.confab.archive_study(f.study_id, &me()).await.unwrap();
    let decline = (0..codes.len())
        .map(|n| support::mail::mailto_link(&text, n))
        .find(|l| l.subject.starts_with("No thank you"))
        .unwrap();
    click(&stack, "alice", &decline, "late-decline@confab.test").await;
    support::mail::delivered_to(&stack, "researcher", "No thank you", 1).await;
    let report = sync(&f.confab, &stack).await.unwrap();
    assert_eq!(report.applied, 0, "{report:?}");
    // She is answered politely, and nothing changed.
    let answers: Vec<String> = inbox(&stack, "alice")
        .await
        .iter()
        .map(|m| text_body(m))
        .filter(|t| t.contains("no longer valid"))
        .collect();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut answers = answers;
    while answers.is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        answers = inbox(&stack, "alice")
            .await
            .iter()
            .map(|m| text_body(m))
            .filter(|t| t.contains("no longer valid"))
            .collect();
    }
    assert_eq!(answers.len(), 1, "{report:?}");
    assert_eq!(f.status(alice).await, "invited");
}

#[tokio::test]
async fn a_cancel_link_acts_until_its_interview_ends_and_moves_with_a_reschedule() {
    let f = Fixture::new(1, true).await;
    f.confab
        .update_mail_profile(MailProfile {
            researcher_name: "Dr Sam Rivera".into(),
            researcher_email: "sam@example.org".into(),
            time_zone: "UTC".into(),
            account: None,
            sync_automatically: false,
        })
        .await
        .unwrap();
    let ada = f.participant("Ada").await;
    let booked = f
        .confab
        .book_manually(f.study_id, ada, f.session_id, f.slot(0), &[], &me())
        .await
        .unwrap();
    let end = |n: i64| (f.slot(n) + chrono::Duration::minutes(60)).timestamp();
    let cancel_links_until = |at: i64| {
        format!("SELECT count(*) FROM tokens WHERE kind = 'cancel' AND expires_at = {at}")
    };
    assert_eq!(count(&f, &cancel_links_until(end(0))).await, 1);
    f.confab
        .reschedule_interview(booked.id, f.session_id, f.slot(2), &[], &me())
        .await
        .unwrap();
    // The confirmation's link and the update's both act until the new end.
    assert_eq!(count(&f, &cancel_links_until(end(2))).await, 2);
    assert_eq!(
        count(&f, "SELECT count(*) FROM tokens WHERE kind = 'cancel'").await,
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_dropped_half_way_does_not_hold_up_the_next() {
    let stack = MailStack::start();
    let proxy = proxy_to(&stack, || Cut::None);
    let (f, _) = invited(&stack, &proxy).await;
    proxy.set_greeting_delay(Duration::from_millis(1500));
    let window = f.another_window().await;
    let password = stack.password().to_owned();
    let running = tokio::spawn(async move {
        window
            .sync(
                SyncOptions {
                    password: Some(password),
                    ..Default::default()
                },
                |_| {},
            )
            .await
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    // The window closes while its Sync waits for the server.
    running.abort();
    assert!(running.await.unwrap_err().is_cancelled());
    proxy.set_greeting_delay(Duration::ZERO);
    let report = sync(&f.confab, &stack).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(invitations_alice_holds(&stack).await, 1);
}
