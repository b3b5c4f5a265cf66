//! Sync killed at random moments, many times over: afterwards every message went out exactly
//! once and every reply was applied exactly once. Each Sync runs in a process of its own
//! (this test binary, started again for `sync_in_a_child_process`) and is killed with
//! SIGKILL, as a crash or a power cut would stop it.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use confab_mail::test_stack::MailStack;
use confab_service::{
    Confab, InterviewList, MailAccount, MailAuth, MailProfile, MailSecurity, NewParticipant,
    OutboxFilter, SyncOptions,
};
use support::mail::{delivered_to, inbox_with, mailto_link, reply_from_link, send_as, text_body};
use support::{Fixture, me};

const PEOPLE: usize = 10;
const KILLS: usize = 12;
const DATA_ENV: &str = "CONFAB_CRASH_TEST_DATA";
const PASSWORD_ENV: &str = "CONFAB_CRASH_TEST_PASSWORD";

/// A small generator so a failing run can be repeated from the seed it prints.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
#[ignore = "started as a child process by interrupted_syncs_send_and_apply_everything_once"]
fn sync_in_a_child_process() {
    let data = std::env::var(DATA_ENV).expect("the data folder of the parent test");
    let password = std::env::var(PASSWORD_ENV).ok();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let confab = Confab::open(Path::new(&data)).await.unwrap();
        confab
            .sync(
                SyncOptions {
                    password,
                    ..Default::default()
                },
                |_| {},
            )
            .await
            .unwrap();
    });
}

fn start_sync(data: &Path, stack: &MailStack) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "sync_in_a_child_process",
            "--nocapture",
        ])
        .env(DATA_ENV, data)
        .env(PASSWORD_ENV, stack.password())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Starts Syncs and kills each after a random moment, then lets one finish.
fn crash_repeatedly(data: &Path, stack: &MailStack, dice: &mut Dice) {
    for _ in 0..KILLS {
        let mut child = start_sync(data, stack);
        std::thread::sleep(Duration::from_millis(dice.below(400)));
        let _ = child.kill();
        let _ = child.wait();
    }
    let finished = start_sync(data, stack).wait_with_output().unwrap();
    assert!(
        finished.status.success(),
        "the Sync after the crashes failed: {}",
        String::from_utf8_lossy(&finished.stderr)
    );
}

fn plain_profile(stack: &MailStack) -> MailProfile {
    let account = stack.account("researcher");
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: stack.address("researcher"),
        time_zone: "UTC".into(),
        account: Some(MailAccount {
            username: account.username.clone(),
            auth: MailAuth::Password,
            smtp_host: account.smtp.host.clone(),
            smtp_port: account.smtp.port,
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

#[tokio::test(flavor = "multi_thread")]
async fn interrupted_syncs_send_and_apply_everything_once() {
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    println!("seed {seed}");
    let mut dice = Dice(seed);
    let stack = MailStack::start();
    let f = Fixture::new(4, true).await;
    let data = f.confab.data_dir().to_owned();
    f.confab
        .update_mail_profile(plain_profile(&stack))
        .await
        .unwrap();
    // The stack's users stand in for the participants; each has their own mailbox.
    let users = ["alice", "bob", "carol", "dave"];
    let mut people = Vec::new();
    for i in 0..PEOPLE {
        let user = users[i % users.len()];
        // Each address may be used once, so the others get a tag the mail server ignores.
        let email = if i < users.len() {
            stack.address(user)
        } else {
            format!("{user}+{i}@{}", stack.domain())
        };
        let id = f
            .confab
            .create_participant(
                NewParticipant {
                    name: format!("Person {i}"),
                    email,
                    time_zone: Some("UTC".into()),
                    phone: String::new(),
                    notes: String::new(),
                    custom_fields: Default::default(),
                    study_id: Some(f.study_id),
                },
                &me(),
            )
            .await
            .unwrap()
            .id;
        people.push(id);
    }
    f.confab
        .invite_participants(f.study_id, &people, &me())
        .await
        .unwrap();

    crash_repeatedly(&data, &stack, &mut dice);
    let unsent = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert!(unsent.is_empty(), "left in the outbox: {unsent:?}");
    for (u, user) in users.iter().enumerate() {
        let expected = (0..PEOPLE).filter(|i| i % users.len() == u).count();
        let got = inbox_with(&stack, user, "Invitation", expected).await;
        assert_eq!(
            got.len(),
            expected,
            "{user} should hold {expected} invitations (seed {seed})"
        );
    }

    // Every participant answers their invitation with one of the three times.
    for (u, user) in users.iter().enumerate() {
        for (k, message) in inbox_with(&stack, user, "Invitation", 0)
            .await
            .iter()
            .enumerate()
        {
            let link = mailto_link(&text_body(message), (u + k) % 3);
            let to_address = message_to(message);
            send_as(
                &stack,
                user,
                &link.to,
                &reply_from_link(
                    &to_address,
                    &link,
                    &format!("choice-{user}-{k}@confab.test"),
                ),
            )
            .await;
        }
    }
    delivered_to(&stack, "researcher", "Interview choice", PEOPLE).await;

    crash_repeatedly(&data, &stack, &mut dice);
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), PEOPLE, "one interview each (seed {seed})");
    for id in &people {
        let history = f
            .confab
            .participant_history(*id, Some(f.study_id))
            .await
            .unwrap();
        let bookings = history
            .iter()
            .filter(|h| h.action == "interview booked")
            .count();
        assert_eq!(
            bookings, 1,
            "participant {id} booked {bookings} times (seed {seed})"
        );
    }
    let unsent = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert!(unsent.is_empty(), "left in the outbox: {unsent:?}");
    for (u, user) in users.iter().enumerate() {
        let expected = (0..PEOPLE).filter(|i| i % users.len() == u).count();
        let got = inbox_with(&stack, user, "Confirmed", expected).await;
        assert_eq!(
            got.len(),
            expected,
            "{user} should hold {expected} confirmations (seed {seed})"
        );
    }
    // Nothing arrives late as a duplicate.
    tokio::time::sleep(Duration::from_secs(1)).await;
    for user in users {
        let all = support::mail::inbox(&stack, user).await;
        let mut ids: Vec<String> = all.iter().map(|m| support::mail::message_id(m)).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(
            ids.len(),
            n,
            "{user} received a message twice (seed {seed})"
        );
    }
}

/// The address a message was sent to, which the participant answers from.
fn message_to(message: &[u8]) -> String {
    support::mail::header_address(message, "To")
}
