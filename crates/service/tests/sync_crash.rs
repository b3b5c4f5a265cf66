//! Sync killed at random and at chosen moments, hundreds of times over: afterwards every
//! message went out exactly once and every reply was applied exactly once. Each Sync runs in
//! a process of its own (this test binary, started again for `sync_in_a_child_process`) and
//! is stopped as a crash or a power cut would stop it: with SIGKILL after a random time, or
//! by aborting at a named moment (`CONFAB_CRASH_AT`, see `confab_store::crash_point`):
//!
//! - `accepted`: the SMTP server has taken a message, which is not yet marked sent;
//! - `before_data`: a message is marked as handed over, and its data has not gone yet;
//! - `applied` and `before_commit_reply`: a reply is applied, and not yet committed;
//! - `migration`: an upgrade of a previous release's database has run, and is not committed.
//!
//! Then the SMTP connection itself is cut, by a proxy on loopback, after the message's data.
//! The counts are printed; `CONFAB_CRASH_KILLS=N` asks for about N kills instead of 200.
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

#![allow(clippy::unwrap_used)]

mod support;

use confab_service::OutboxState;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use confab_mail::test_stack::MailStack;
use confab_service::{
    Confab, InterviewList, MailAccount, MailAuth, MailProfile, MailSecurity, NewParticipant,
    OutboxFilter, SyncOptions,
};
use sea_orm::{ConnectionTrait, Statement};
use support::mail::{delivered_to, inbox_with, mailto_link, reply_from_link, send_as, text_body};
use support::smtp_proxy::{Cut, SmtpProxy};
use support::{Fixture, me};

const PEOPLE: usize = 40;
/// More participants, invited later, whose invitations go through the cutting proxy.
const LATE_PEOPLE: usize = 12;
const DATA_ENV: &str = "CONFAB_CRASH_TEST_DATA";
const PASSWORD_ENV: &str = "CONFAB_CRASH_TEST_PASSWORD";
const CRASH_ENV: &str = "CONFAB_CRASH_AT";
const KILLS_ENV: &str = "CONFAB_CRASH_KILLS";
const USERS: [&str; 4] = ["alice", "bob", "carol", "dave"];

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

/// What the run did, for the closing lines.
#[derive(Default, Debug)]
struct Tally {
    kills_at_random: usize,
    kills_at: std::collections::BTreeMap<&'static str, usize>,
    processes: usize,
    /// Messages still unclear at the end of a Sync, looked for again a day later (and sent
    /// again if no copy had come).
    resent_after_window: usize,
}

impl Tally {
    fn kills(&self) -> usize {
        self.kills_at_random + self.kills_at.values().sum::<usize>()
    }
}

#[test]
#[ignore = "started as a child process by interrupted_syncs_send_and_apply_everything_once"]
fn sync_in_a_child_process() {
    let data = std::env::var(DATA_ENV).expect("the data folder of the parent test");
    let password = std::env::var(PASSWORD_ENV).ok();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let data = Path::new(&data);
        let confab = support::open_again(data, team_url(data).as_deref()).await;
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

#[test]
#[ignore = "started as a child process by interrupted_syncs_send_and_apply_everything_once"]
fn open_in_a_child_process() {
    let data = std::env::var(DATA_ENV).expect("the data folder of the parent test");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        Confab::open(Path::new(&data)).await.unwrap();
    });
}

fn start_child(
    test: &str,
    data: &Path,
    password: &str,
    crash_at: Option<&str>,
) -> std::process::Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--ignored", "--exact", test, "--nocapture"])
        .env(DATA_ENV, data)
        .env(PASSWORD_ENV, password)
        .env_remove(CRASH_ENV)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(point) = crash_at {
        command.env(CRASH_ENV, point);
    }
    command.spawn().unwrap()
}

/// Runs `test` in child processes until `target` of them were killed: first each is
/// stopped at one of the moments of a stage (the first or second time it reaches it), for
/// as long as those moments still come, stage after stage; then the others after a random
/// time. Counts them in `tally`.
fn crash_repeatedly(
    test: &str,
    data: &Path,
    password: &str,
    stages: &[&[&'static str]],
    target: usize,
    dice: &mut Dice,
    tally: &mut Tally,
) {
    let start = tally.kills();
    for points in stages {
        steer(test, data, password, points, start + target, dice, tally);
    }
    let mut rounds = 0;
    while tally.kills() - start < target && rounds < target * 8 {
        rounds += 1;
        tally.processes += 1;
        let mut child = start_child(test, data, password, None);
        std::thread::sleep(Duration::from_millis(dice.below(150)));
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let _ = child.wait();
        if running {
            tally.kills_at_random += 1;
        }
    }
}

/// Children stopped at one of `points` until three in a row ran to the end (no work is
/// left at those moments) or `until` kills are counted.
fn steer(
    test: &str,
    data: &Path,
    password: &str,
    points: &[&'static str],
    until: usize,
    dice: &mut Dice,
    tally: &mut Tally,
) {
    let mut misses = 0;
    while misses < 3 && tally.kills() < until {
        tally.processes += 1;
        let point = points[dice.below(points.len() as u64) as usize];
        let n = 1 + dice.below(2);
        let child = start_child(test, data, password, Some(&format!("{point}:{n}")));
        let output = child.wait_with_output().unwrap();
        if output.status.signal() == Some(6) {
            *tally.kills_at.entry(point).or_default() += 1;
            misses = 0;
        } else {
            assert!(
                output.status.success(),
                "a Sync failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            misses += 1;
        }
    }
}

/// One Sync to the end; a message whose outcome stayed unclear for want of a copy is sent
/// again once its day is over, as the researcher's next day's Sync would.
async fn finish(data: &Path, password: &str, tally: &mut Tally) {
    for _ in 0..3 {
        let finished = start_child("sync_in_a_child_process", data, password, None)
            .wait_with_output()
            .unwrap();
        assert!(
            finished.status.success(),
            "the Sync after the crashes failed: {}",
            String::from_utf8_lossy(&finished.stderr)
        );
        let db = raw_db(data).await;
        let unknown = query_i64(&db, "SELECT count(*) FROM outbox WHERE state = 'unknown'").await;
        if unknown == 0 {
            db.close().await.unwrap();
            return;
        }
        tally.resent_after_window += usize::try_from(unknown).unwrap();
        // A copy the server delivers has had far longer than this by the next day.
        std::thread::sleep(Duration::from_secs(2));
        db.execute_unprepared(
            "UPDATE outbox SET unknown_since = unknown_since - 86400 - 60 WHERE state = 'unknown'",
        )
        .await
        .unwrap();
        db.close().await.unwrap();
    }
    panic!("messages stayed unknown after three Syncs a day apart");
}

async fn raw_db(data: &Path) -> sea_orm::DatabaseConnection {
    let url = team_url(data)
        .unwrap_or_else(|| format!("sqlite://{}", data.join("confab.sqlite3").display()));
    sea_orm::Database::connect(url).await.unwrap()
}

/// The team database a data folder's Syncs run on, when the test runs on one: kept in a file
/// of the folder, where the child processes find it.
fn team_url(data: &Path) -> Option<String> {
    std::fs::read_to_string(data.join(TEAM_URL_FILE)).ok()
}

const TEAM_URL_FILE: &str = "team-database-url";

async fn query_i64(db: &impl ConnectionTrait, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

fn plain_profile(stack: &MailStack, smtp_port: Option<u16>) -> MailProfile {
    let account = stack.account("researcher");
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: stack.address("researcher"),
        time_zone: "UTC".into(),
        account: Some(MailAccount {
            username: account.username.clone(),
            auth: MailAuth::Password,
            smtp_host: account.smtp.host.clone(),
            smtp_port: smtp_port.unwrap_or(account.smtp.port),
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

async fn add_people(f: &Fixture, stack: &MailStack, from: usize, to: usize) -> Vec<i64> {
    let mut people = Vec::new();
    for i in from..to {
        let user = USERS[i % USERS.len()];
        // Each address may be used once, so the others get a tag the mail server ignores.
        let email = if i < USERS.len() {
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
                    language: None,
                },
                &me(),
            )
            .await
            .unwrap()
            .id;
        people.push(id);
    }
    people
}

/// How many messages of `needle` each user should hold when `n` people share the users.
fn expected_for(u: usize, n: usize) -> usize {
    (0..n).filter(|i| i % USERS.len() == u).count()
}

/// Checks every user's inbox: `needle` messages arrived as expected, none twice. Returns
/// (delivered, duplicates, lost).
async fn count_deliveries(stack: &MailStack, needle: &str, n: usize) -> (usize, usize, usize) {
    let (mut delivered, mut duplicates, mut lost) = (0, 0, 0);
    for (u, user) in USERS.iter().enumerate() {
        let expected = expected_for(u, n);
        let got = inbox_with(stack, user, needle, expected).await;
        // Late copies would arrive now.
        let mut ids: Vec<String> = got.iter().map(|m| support::mail::message_id(m)).collect();
        let all = ids.len();
        ids.sort();
        ids.dedup();
        delivered += ids.len();
        duplicates += all - ids.len();
        lost += expected.saturating_sub(ids.len());
    }
    (delivered, duplicates, lost)
}

fn kills_wanted() -> usize {
    std::env::var(KILLS_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

#[tokio::test(flavor = "multi_thread")]
async fn interrupted_syncs_send_and_apply_everything_once() {
    let seed = std::env::var("CONFAB_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("seed {seed}");
    let started = std::time::Instant::now();
    let mut dice = Dice(seed);
    let mut tally = Tally::default();
    let wanted = kills_wanted();
    // Shares of the kills: sending invitations, applying replies and sending
    // confirmations, upgrading an old database.
    let (send_kills, reply_kills, migration_kills) =
        (wanted / 4, wanted * 45 / 100, wanted * 3 / 10 + 1);

    // An upgrade from the previous release, cut off again and again.
    let old = tempfile::tempdir().unwrap();
    migrations_survive_crashes(old.path(), migration_kills, &mut dice, &mut tally).await;

    let stack = MailStack::start();
    let password = stack.password().to_owned();
    let f = Fixture::new(PEOPLE as i32, true).await;
    let data = f.confab.data_dir().to_owned();
    if let Some(url) = &f.team_url {
        std::fs::write(data.join(TEAM_URL_FILE), url).unwrap();
    }
    f.confab
        .update_mail_profile(plain_profile(&stack, None))
        .await
        .unwrap();
    let people = add_people(&f, &stack, 0, PEOPLE).await;
    f.confab
        .invite_participants(f.study_id, &people, &me())
        .await
        .unwrap();

    let sending: &[&[&str]] = &[&["accepted", "accepted", "before_data"]];
    crash_repeatedly(
        "sync_in_a_child_process",
        &data,
        &password,
        sending,
        send_kills,
        &mut dice,
        &mut tally,
    );
    finish(&data, &password, &mut tally).await;
    let unsent = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert!(unsent.is_empty(), "left in the outbox: {unsent:?}");
    let invitations = count_deliveries(&stack, "Invitation", PEOPLE).await;
    assert_eq!(invitations, (PEOPLE, 0, 0), "invitations (seed {seed})");

    // Every participant answers their invitation with one of the three times.
    for user in USERS {
        for (k, message) in inbox_with(&stack, user, "Invitation", 0)
            .await
            .iter()
            .enumerate()
        {
            let link = mailto_link(&text_body(message), k % 3);
            let to_address = support::mail::header_address(message, "To");
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

    // Replies first (a Sync reads all of them before it sends the confirmations), then the
    // confirmations they queued.
    let replies: &[&[&str]] = &[&["applied", "before_commit_reply"], &["accepted"]];
    crash_repeatedly(
        "sync_in_a_child_process",
        &data,
        &password,
        replies,
        reply_kills,
        &mut dice,
        &mut tally,
    );
    finish(&data, &password, &mut tally).await;
    let booked = f
        .confab
        .list_interviews(f.study_id, InterviewList::Upcoming)
        .await
        .unwrap();
    assert_eq!(booked.len(), PEOPLE, "one interview each (seed {seed})");
    let mut applied_twice = 0;
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
        applied_twice += bookings.saturating_sub(1);
    }
    assert_eq!(applied_twice, 0, "replies applied twice (seed {seed})");
    let unsent = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
    assert!(unsent.is_empty(), "left in the outbox: {unsent:?}");
    let confirmations = count_deliveries(&stack, "Confirmed", PEOPLE).await;
    assert_eq!(confirmations, (PEOPLE, 0, 0), "confirmations (seed {seed})");

    // The line to the SMTP server breaks after the data: the server took the message (its
    // answer is lost) or it did not (the final dot is lost).
    let mut cut_dice = Dice(seed ^ 0x5eed);
    let smtp = stack.account("researcher").smtp;
    let proxy = SmtpProxy::start((smtp.host.clone(), smtp.port), move || {
        match cut_dice.below(3) {
            0 => Cut::AfterDot,
            1 => Cut::BeforeDot,
            _ => Cut::None,
        }
    });
    f.confab
        .update_mail_profile(plain_profile(&stack, Some(proxy.port)))
        .await
        .unwrap();
    let late = add_people(&f, &stack, PEOPLE, PEOPLE + LATE_PEOPLE).await;
    f.confab
        .invite_participants(f.study_id, &late, &me())
        .await
        .unwrap();
    let mut syncs = 0;
    loop {
        syncs += 1;
        assert!(syncs < 60, "the cut Syncs never finished sending");
        f.confab
            .sync(
                SyncOptions {
                    password: Some(password.clone()),
                    ..Default::default()
                },
                |_| {},
            )
            .await
            .unwrap();
        let waiting = f.confab.list_outbox(OutboxFilter::Waiting).await.unwrap();
        if waiting.is_empty() {
            break;
        }
        if waiting.iter().all(|m| m.state == OutboxState::Unknown) {
            // A day later: any copy that was coming has come.
            tokio::time::sleep(Duration::from_secs(2)).await;
            tally.resent_after_window += waiting.len();
            let db = raw_db(&data).await;
            db.execute_unprepared("UPDATE outbox SET unknown_since = unknown_since - 86400 - 60 WHERE state = 'unknown'")
                .await
                .unwrap();
            db.close().await.unwrap();
        }
    }
    let (_, cut_before_dot, cut_after_dot) = proxy.cuts();
    let all_invitations = count_deliveries(&stack, "Invitation", PEOPLE + LATE_PEOPLE).await;
    assert_eq!(
        all_invitations,
        (PEOPLE + LATE_PEOPLE, 0, 0),
        "invitations through the cut line (seed {seed})"
    );
    // Nothing arrives late as a duplicate.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut duplicates = 0;
    for user in USERS {
        let all = support::mail::inbox(&stack, user).await;
        let mut ids: Vec<String> = all.iter().map(|m| support::mail::message_id(m)).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        duplicates += n - ids.len();
    }
    let sent = f
        .confab
        .list_outbox(OutboxFilter::Sent)
        .await
        .unwrap()
        .len();
    println!(
        "kills {} ({} at random moments, at chosen ones {:?}) in {} processes; SMTP lines cut \
         after the data {} (server took it) and before the final dot {} (it did not); \
         messages sent {sent}, still unclear after a Sync and looked for a day later {}, duplicates {duplicates}, \
         lost {}, replies applied twice {applied_twice}; {:.0} s (seed {seed})",
        tally.kills(),
        tally.kills_at_random,
        tally.kills_at,
        tally.processes,
        cut_after_dot,
        cut_before_dot,
        tally.resent_after_window,
        invitations.2 + confirmations.2 + all_invitations.2,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(duplicates, 0, "a message was delivered twice (seed {seed})");
    assert!(
        tally.kills() >= wanted,
        "only {} kills of {wanted} (seed {seed})",
        tally.kills()
    );
    assert!(
        cut_after_dot + cut_before_dot > 0,
        "the proxy cut nothing (seed {seed})"
    );
}

/// Opens a previous release's database in processes that are killed during the upgrade:
/// after each, the file holds the old schema or the new one in full, never half of it, and
/// the studies are there; then it upgrades.
async fn migrations_survive_crashes(dir: &Path, target: usize, dice: &mut Dice, tally: &mut Tally) {
    let dump = std::fs::read_to_string(
        support::crate_dir().join("../store/tests/fixtures/release-0.1.0.sql"),
    )
    .unwrap();
    let pool = sea_orm::Database::connect(format!(
        "sqlite://{}?mode=rwc",
        dir.join("confab.sqlite3").display()
    ))
    .await
    .unwrap();
    pool.execute_unprepared(&dump).await.unwrap();
    pool.close().await.unwrap();
    let known = confab_store::migration::known_names().len() as i64;
    let start = tally.kills();
    let mut rounds = 0;
    while tally.kills() - start < target && rounds < target * 4 {
        rounds += 1;
        // Most stop at the end of the upgrade, just before it commits; the rest anywhere.
        let at_random = dice.below(6) == 0;
        crash_repeatedly(
            "open_in_a_child_process",
            dir,
            "",
            if at_random { &[] } else { &[&["migration"]] },
            1,
            dice,
            tally,
        );
        // Each upgrade keeps a copy of the file first, named to the second.
        let _ = std::fs::remove_dir_all(dir.join("backups"));
        let db = raw_db(dir).await;
        let applied = query_i64(&db, "SELECT count(*) FROM seaql_migrations").await;
        assert!(
            applied == 1 || applied == known,
            "{applied} of {known} migrations recorded after a crash"
        );
        assert_eq!(query_i64(&db, "SELECT count(*) FROM studies").await, 2);
        db.close().await.unwrap();
        if applied == known {
            // A random kill came too late: start again from the old file.
            std::fs::remove_file(dir.join("confab.sqlite3")).unwrap();
            for extra in ["confab.sqlite3-wal", "confab.sqlite3-shm"] {
                let _ = std::fs::remove_file(dir.join(extra));
            }
            let _ = std::fs::remove_dir_all(dir.join("backups"));
            let pool = sea_orm::Database::connect(format!(
                "sqlite://{}?mode=rwc",
                dir.join("confab.sqlite3").display()
            ))
            .await
            .unwrap();
            pool.execute_unprepared(&dump).await.unwrap();
            pool.close().await.unwrap();
        }
    }
    let opened = Confab::open(dir).await.unwrap();
    let names: Vec<String> = opened
        .list_studies()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}
