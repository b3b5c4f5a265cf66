//! A Sync of hundreds, against the real mail stack on loopback, beside what the same mail
//! costs without Confab, in the same run:
//!
//! - sending: 500 invitations built, sent, and the researcher's copies filed in Sent (the
//!   Sync that sends them and the one that files the copies that arrived after it), against
//!   the same 500 messages, as Confab built them, sent with lettre over one connection per
//!   hundred (the most the test server takes on one);
//! - reading: 500 participants' answers (each chose a time by its link in the invitation)
//!   read and applied, from the Sync's first reading step to its last, against fetching the
//!   same 500 messages with async-imap alone, and against the floor of any program that applies
//!   answers so that a crash never loses or doubles one: fetching them as async-imap does and
//!   committing, for each, one SQLite transaction (Confab's pragmas: WAL, `synchronous = FULL`)
//!   that records the message, books the time and moves the reading position; and the same
//!   with one commit per batch of 50 fetched (a crash then reads that batch again), the least
//!   any program that writes each answer down can do; and that last floor again with as many
//!   statements for each answer as Confab makes for an answer that books (the three, and
//!   lookups by key for the rest), which tells the cost of the statements themselves, on
//!   this machine, from the cost of the work around them; and those statements once more with
//!   SQLite called in the reading thread (rusqlite), with none of the hand-offs to the worker
//!   thread through which sqlx, and so SeaORM, runs each.
//!
//! Prints each figure and the ratio of rates, and, where Linux counts it, how long SQLite's
//! worker thread and the rest of the process were each on a core while Confab read. Command
//! (from the repository root):
//!
//! ```sh
//! cargo bench -p confab-service --bench sync_hundreds
//! ```
//!
//! `CONFAB_SYNC_MESSAGES` sets how many participants (500).

#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "../tests/support/mod.rs"]
mod support;
#[path = "support/thread_times.rs"]
mod thread_times;

use std::time::{Duration, Instant};

use confab_mail::imap::ImapSession;
use confab_mail::smtp::SmtpSender;
use confab_mail::test_stack::MailStack;
use confab_service::{
    ImportMode, MailAccount, MailAuth, MailProfile, MailSecurity, ParticipantQuery, SyncOptions,
    SyncProgress, SyncReport,
};
use futures::TryStreamExt;
use lettre::AsyncTransport;
use sea_orm::sqlx::{self, Row};
use support::Fixture;
use support::mail::{mailto_link, reply_from_link, text_body};
use thread_times::ThreadTimes;

fn messages() -> usize {
    std::env::var("CONFAB_SYNC_MESSAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

/// The researcher's account on the stack's ports without TLS, as the baselines use it, so
/// that both sides pay the same for the connection.
fn plain_profile(stack: &MailStack) -> MailProfile {
    let plain = stack.account("researcher");
    MailProfile {
        researcher_name: "Dr Sam Rivera".into(),
        researcher_email: stack.address("researcher"),
        time_zone: "Europe/Berlin".into(),
        account: Some(MailAccount {
            username: plain.username.clone(),
            auth: MailAuth::Password,
            smtp_host: plain.smtp.host.clone(),
            smtp_port: plain.smtp.port,
            smtp_security: MailSecurity::Plain,
            smtp_login: false,
            imap_host: plain.imap.host.clone(),
            imap_port: plain.imap.port,
            imap_security: MailSecurity::Plain,
            read_since: None,
        }),
        sync_automatically: false,
    }
}

/// One Sync, timed; also the moments its reading began and ended, and how many progress
/// steps the window would have shown.
struct TimedSync {
    report: SyncReport,
    total: Duration,
    reading: Duration,
    steps: usize,
    /// On-core time while reading: SQLite's worker thread, and the rest of the process.
    reading_on_core: (Duration, Duration),
}

async fn timed_sync(f: &Fixture, stack: &MailStack) -> TimedSync {
    let started = Instant::now();
    let mut reading_from = None;
    let mut reading_to = None;
    let mut steps = 0;
    let mut times_from = None;
    let mut times_to = None;
    let report = f
        .confab
        .sync(
            SyncOptions {
                password: Some(stack.password().to_owned()),
                connect: stack.connect_options(),
                ..Default::default()
            },
            |step| {
                steps += 1;
                if let SyncProgress::Reading { done, total } = step {
                    reading_from.get_or_insert_with(Instant::now);
                    times_from.get_or_insert_with(ThreadTimes::now);
                    reading_to = Some(Instant::now());
                    if done == total {
                        times_to = Some(ThreadTimes::now());
                    }
                }
            },
        )
        .await
        .unwrap();
    let total = started.elapsed();
    let reading = match (reading_from, reading_to) {
        (Some(from), Some(to)) => to - from,
        _ => Duration::ZERO,
    };
    let reading_on_core = match (times_from, times_to) {
        (Some(from), Some(to)) => to.since(&from, "sqlx-sqlite"),
        _ => (Duration::ZERO, Duration::ZERO),
    };
    TimedSync {
        report,
        total,
        reading,
        steps,
        reading_on_core,
    }
}

async fn session(stack: &MailStack, user: &str) -> ImapSession {
    ImapSession::connect(
        &stack.account(user),
        &stack.secret(),
        &stack.connect_options(),
    )
    .await
    .unwrap()
}

/// Waits until `folders` of `user` together hold at least `count` messages.
async fn wait_for(stack: &MailStack, user: &str, folders: &[&str], count: u32) {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let mut imap = session(stack, user).await;
        let mut held = 0;
        for folder in folders {
            held += imap.message_count(folder).await.unwrap();
        }
        let _ = imap.logout().await;
        if held >= count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "only {held} of {count} messages reached {user}'s {folders:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn line(what: &str, n: usize, d: Duration) {
    println!(
        "{what:<58} {:>8.0} ms  {:>6.0} messages/s",
        d.as_secs_f64() * 1000.0,
        rate(n, d)
    );
}

async fn run() {
    let n = messages();
    let stack = MailStack::start();
    let f = Fixture::new(i32::try_from(n).unwrap(), true).await;
    let me = support::me();
    f.confab
        .update_mail_profile(plain_profile(&stack))
        .await
        .unwrap();
    // Every participant's mail reaches Alice's mailbox by its own address (alice+7@…).
    let csv: String = std::iter::once("name,email\n".to_owned())
        .chain((1..=n).map(|i| format!("Participant {i},alice+{i}@{}\n", stack.domain())))
        .collect();
    let imported = f
        .confab
        .import_csv(
            f.study_id,
            csv.as_bytes(),
            None,
            ImportMode::AllOrNothing,
            &me,
        )
        .await
        .unwrap();
    assert_eq!(imported.totals.new_participants as usize, n);
    let ids: Vec<i64> = f
        .confab
        .search_participants(ParticipantQuery {
            study_id: Some(f.study_id),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    // Reading starts at the inbox's end as it is now.
    timed_sync(&f, &stack).await;
    f.confab
        .invite_participants(f.study_id, &ids, &me)
        .await
        .unwrap();

    println!(
        "\nA Sync of {n}, load average {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );

    // Sending: the Sync that sends, then the one that files the copies that came later.
    let send = timed_sync(&f, &stack).await;
    println!("the Sync that sent: {:?}", send.report);
    assert_eq!(send.report.sent as usize, n, "{:?}", send.report);
    wait_for(&stack, "alice", &["INBOX"], u32::try_from(n).unwrap()).await;
    wait_for(
        &stack,
        "researcher",
        &["INBOX", "Sent"],
        u32::try_from(n).unwrap(),
    )
    .await;
    let file = timed_sync(&f, &stack).await;
    let mut researcher = session(&stack, "researcher").await;
    assert_eq!(researcher.message_count("Sent").await.unwrap() as usize, n);
    assert_eq!(researcher.message_count("INBOX").await.unwrap(), 0);
    let _ = researcher.logout().await;

    // Every participant answers: the first time their invitation offers, by its link.
    let invitations = support::mail::inbox(&stack, "alice").await;
    assert_eq!(invitations.len(), n);
    // A connection of its own for every 50: the server takes only so many messages on one.
    for (chunk, invitations) in invitations.chunks(50).enumerate() {
        let alice = SmtpSender::new(
            &stack.account("alice"),
            &stack.secret(),
            &stack.connect_options(),
        )
        .unwrap();
        for (i, invitation) in invitations.iter().enumerate() {
            let to = support::mail::header_address(invitation, "To");
            let link = mailto_link(&text_body(invitation), 0);
            let id = format!("answer-{chunk}-{i}@confab.test");
            let reply = reply_from_link(&to, &link, &id);
            alice.send(&to, &[&link.to], &reply).await.unwrap();
        }
        alice.close().await;
    }
    wait_for(&stack, "researcher", &["INBOX"], u32::try_from(n).unwrap()).await;

    // Reading: async-imap alone first (it only peeks), then Confab's Sync.
    let plain_read = fetch_with_async_imap(&stack, n, None).await;
    let floor_dir = tempfile::tempdir().unwrap();
    let floor_read = fetch_with_async_imap(
        &stack,
        n,
        Some(Floor::through_sqlx(floor_dir.path(), Commit::EachAnswer).await),
    )
    .await;
    let batch_dir = tempfile::tempdir().unwrap();
    let batch_read = fetch_with_async_imap(
        &stack,
        n,
        Some(Floor::through_sqlx(batch_dir.path(), Commit::EachBatch).await),
    )
    .await;
    let statements_dir = tempfile::tempdir().unwrap();
    let statements_read = fetch_with_async_imap(
        &stack,
        n,
        Some(Floor::through_sqlx(statements_dir.path(), Commit::BatchWithConfabsStatements).await),
    )
    .await;
    let in_thread_dir = tempfile::tempdir().unwrap();
    let in_thread_read = fetch_with_async_imap(
        &stack,
        n,
        Some(Floor::InThread(InThreadAnswers::create(
            in_thread_dir.path(),
        ))),
    )
    .await;
    let read = timed_sync(&f, &stack).await;
    assert_eq!(read.report.read as usize, n, "{:?}", read.report);
    assert_eq!(read.report.applied as usize, n, "{:?}", read.report);

    // The baseline of sending: Confab's own 500 invitations, with lettre over one connection.
    let plain_send = send_with_lettre(&f, &stack, n).await;

    println!();
    line("Confab: Sync sending the invitations", n, send.total);
    line(
        "Confab: the next Sync filing the copies that came after",
        n,
        file.total,
    );
    let confab_send = send.total + file.total;
    line("Confab: sent and filed, together", n, confab_send);
    line(
        "lettre: the same messages over one connection",
        n,
        plain_send,
    );
    println!(
        "sending: Confab at {:.2}× the baseline's rate (target at least 0.7×); {} progress steps shown",
        plain_send.as_secs_f64() / confab_send.as_secs_f64(),
        send.steps
    );
    line("Confab: reading and applying the answers", n, read.reading);
    println!(
        "  of which on a core: SQLite's worker thread {} ms, the rest of Confab {} ms",
        read.reading_on_core.0.as_millis(),
        read.reading_on_core.1.as_millis()
    );
    line("async-imap: fetching the same messages", n, plain_read);
    line(
        "floor: fetching them and committing each in a transaction",
        n,
        floor_read,
    );
    line(
        "floor: fetching them and committing each batch of 50 in one",
        n,
        batch_read,
    );
    line(
        &format!("floor: the same with {STATEMENTS_PER_BOOKING} statements per answer, as Confab"),
        n,
        statements_read,
    );
    line(
        "floor: those statements in the reading thread (rusqlite)",
        n,
        in_thread_read,
    );
    println!(
        "the floors against the baseline: {:.2}× committing each answer, {:.2}× each batch, {:.2}× with Confab's count of statements, {:.2}× with them in the reading thread",
        plain_read.as_secs_f64() / floor_read.as_secs_f64(),
        plain_read.as_secs_f64() / batch_read.as_secs_f64(),
        plain_read.as_secs_f64() / statements_read.as_secs_f64(),
        plain_read.as_secs_f64() / in_thread_read.as_secs_f64(),
    );
    println!(
        "reading: Confab at {:.2}× the baseline's rate (target at least 0.7×), {:.2}× the first floor's, {:.2}× the floor with its count of statements; {} progress steps shown; the whole Sync (with {} confirmations sent) {:.0} ms",
        plain_read.as_secs_f64() / read.reading.as_secs_f64(),
        floor_read.as_secs_f64() / read.reading.as_secs_f64(),
        statements_read.as_secs_f64() / read.reading.as_secs_f64(),
        read.steps,
        read.report.sent,
        read.total.as_secs_f64() * 1000.0
    );
}

/// The invitations as Confab built them, each to its participant and the researcher, sent
/// with lettre over one connection.
async fn send_with_lettre(f: &Fixture, stack: &MailStack, n: usize) -> Duration {
    let pool = f.confab.sqlite_pool();
    let rows = sqlx::query(
        "SELECT o.raw, p.email FROM outbox o JOIN participants p ON p.id = o.participant_id \
         WHERE o.kind = 'invitation' AND o.state = 'sent' ORDER BY o.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), n);
    let researcher: lettre::Address = stack.address("researcher").parse().unwrap();
    let prepared: Vec<(lettre::address::Envelope, Vec<u8>)> = rows
        .iter()
        .map(|row| {
            let to: lettre::Address = row.get::<String, _>(1).parse().unwrap();
            let envelope = lettre::address::Envelope::new(
                Some(researcher.clone()),
                vec![to, researcher.clone()],
            )
            .unwrap();
            (envelope, row.get::<Vec<u8>, _>(0))
        })
        .collect();
    let started = Instant::now();
    // OpenSMTPD takes 100 messages on one connection; a new one for each hundred, as Sync
    // does when the server says so.
    for hundred in prepared.chunks(100) {
        let transport =
            lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous(stack.host())
                .port(stack.smtp_port())
                .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(1))
                .build();
        for (envelope, bytes) in hundred {
            transport.send_raw(envelope, bytes).await.unwrap();
        }
    }
    started.elapsed()
}

/// The floors' database, and their statements: the message recorded, the time booked, the
/// reading position moved, and a row read by its key.
const FLOOR_SCHEMA: [&str; 4] = [
    "CREATE TABLE answers (message_id TEXT PRIMARY KEY, sender TEXT NOT NULL)",
    "CREATE TABLE bookings (id INTEGER PRIMARY KEY, sender TEXT NOT NULL UNIQUE, starts_at INTEGER NOT NULL)",
    "CREATE TABLE position (mailbox TEXT PRIMARY KEY, last_uid INTEGER NOT NULL)",
    "INSERT INTO position VALUES ('INBOX', 0)",
];
const RECORD_ANSWER: &str = "INSERT INTO answers VALUES (?, ?)";
const BOOK: &str = "INSERT INTO bookings (sender, starts_at) VALUES (?, ?)";
const MOVE_POSITION: &str = "UPDATE position SET last_uid = ? WHERE mailbox = 'INBOX'";
const LOOKUP: &str = "SELECT sender, starts_at FROM bookings WHERE id = ?";

/// The least a program that applies answers durably writes for each: the message recorded
/// (once), the time booked, the reading position moved, in one transaction committed to disk.
struct DurableAnswers {
    pool: sqlx::SqlitePool,
}

impl DurableAnswers {
    async fn create(dir: &std::path::Path) -> Self {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.join("answers.db"))
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Full);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap();
        for statement in FLOOR_SCHEMA {
            sqlx::query(statement).execute(&pool).await.unwrap();
        }
        Self { pool }
    }

    /// Applies `messages` (uid, body) in one transaction: one commit for the whole batch.
    /// `lookups` more statements for each: a row read by its key.
    async fn apply(&self, messages: &[(u32, &[u8])], lookups: usize) {
        let mut txn = self.pool.begin().await.unwrap();
        for &(uid, message) in messages {
            Self::apply_in(&mut txn, uid, message).await;
            for _ in 0..lookups {
                sqlx::query(LOOKUP)
                    .bind(i64::from(uid % 50) + 1)
                    .fetch_optional(&mut *txn)
                    .await
                    .unwrap();
            }
        }
        txn.commit().await.unwrap();
    }

    async fn apply_in(txn: &mut sqlx::SqliteConnection, uid: u32, message: &[u8]) {
        let (id, sender) = id_and_sender(message);
        sqlx::query(RECORD_ANSWER)
            .bind(&id)
            .bind(&sender)
            .execute(&mut *txn)
            .await
            .unwrap();
        sqlx::query(BOOK)
            .bind(&sender)
            .bind(i64::from(uid))
            .execute(&mut *txn)
            .await
            .unwrap();
        sqlx::query(MOVE_POSITION)
            .bind(i64::from(uid))
            .execute(&mut *txn)
            .await
            .unwrap();
    }
}

/// The Message-ID and the sender of an answer, as any program that applies it reads them.
fn id_and_sender(message: &[u8]) -> (String, String) {
    let parsed = mail_parser::MessageParser::default()
        .parse(message)
        .unwrap();
    let id = parsed.message_id().unwrap().to_owned();
    let sender = parsed
        .from()
        .and_then(|from| from.first())
        .and_then(|address| address.address())
        .unwrap()
        .to_owned();
    (id, sender)
}

/// `DurableAnswers` with SQLite called in the reading thread itself (rusqlite), where sqlx
/// hands each statement to a worker thread and waits for its answer: what the same
/// statements cost on this machine with no hand-off at all.
struct InThreadAnswers {
    connection: rusqlite::Connection,
}

impl InThreadAnswers {
    fn create(dir: &std::path::Path) -> Self {
        let connection = rusqlite::Connection::open(dir.join("answers.db")).unwrap();
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
            .unwrap();
        for statement in FLOOR_SCHEMA {
            connection.execute(statement, ()).unwrap();
        }
        Self { connection }
    }

    /// As `DurableAnswers::apply`: one commit for the batch, `lookups` more statements for
    /// each answer.
    fn apply(&mut self, messages: &[(u32, &[u8])], lookups: usize) {
        let txn = self.connection.transaction().unwrap();
        for &(uid, message) in messages {
            let (id, sender) = id_and_sender(message);
            txn.prepare_cached(RECORD_ANSWER)
                .unwrap()
                .execute((&id, &sender))
                .unwrap();
            txn.prepare_cached(BOOK)
                .unwrap()
                .execute((&sender, i64::from(uid)))
                .unwrap();
            txn.prepare_cached(MOVE_POSITION)
                .unwrap()
                .execute([i64::from(uid)])
                .unwrap();
            for _ in 0..lookups {
                let mut lookup = txn.prepare_cached(LOOKUP).unwrap();
                let mut rows = lookup.query([i64::from(uid % 50) + 1]).unwrap();
                if let Some(row) = rows.next().unwrap() {
                    let _: (String, i64) = (row.get(0).unwrap(), row.get(1).unwrap());
                }
            }
        }
        txn.commit().unwrap();
    }
}

/// How a floor through sqlx commits: after each answer, or once per batch the server sends;
/// and in the last, with as many statements for each answer as Confab makes.
#[derive(Clone, Copy)]
enum Commit {
    EachAnswer,
    EachBatch,
    BatchWithConfabsStatements,
}

/// Where a floor's statements run: through sqlx, committing as it says, or in the reading
/// thread, with as many statements for each answer as Confab makes and a commit per batch.
enum Floor {
    Sqlx(DurableAnswers, Commit),
    InThread(InThreadAnswers),
}

impl Floor {
    async fn through_sqlx(dir: &std::path::Path, commit: Commit) -> Self {
        Self::Sqlx(DurableAnswers::create(dir).await, commit)
    }
}

/// The statements Confab makes for an answer that books a time by its link, from the check
/// that it was not read before to the record that it was read, as sqlx's statement log counts
/// them (SeaORM's `sqlx_logging` on). The floor makes its three and lookups by key for the rest.
const STATEMENTS_PER_BOOKING: usize = 13;

/// Logs in, opens the inbox and fetches every message in it, in the same batches as Sync;
/// with a floor, also applies each answer to the floor's database as it says.
async fn fetch_with_async_imap(
    stack: &MailStack,
    n: usize,
    mut answers: Option<Floor>,
) -> Duration {
    let started = Instant::now();
    let tcp = tokio::net::TcpStream::connect((stack.host(), stack.imap_port()))
        .await
        .unwrap();
    let mut client = async_imap::Client::new(tcp);
    client.read_response().await.unwrap();
    let mut imap = client
        .login("researcher", stack.password())
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    imap.select("INBOX").await.unwrap();
    let uids: Vec<u32> = imap.uid_search("ALL").await.unwrap().into_iter().collect();
    let mut uids = uids;
    uids.sort_unstable();
    let mut fetched = 0;
    for batch in uids.chunks(50) {
        let set: Vec<String> = batch.iter().map(u32::to_string).collect();
        let messages: Vec<_> = imap
            .uid_fetch(set.join(","), "(UID RFC822.SIZE BODY.PEEK[])")
            .await
            .unwrap()
            .try_collect()
            .await
            .unwrap();
        let bodies: Vec<(u32, &[u8])> = messages
            .iter()
            .filter_map(|message| Some((message.uid?, message.body()?)))
            .collect();
        fetched += bodies.len();
        match &mut answers {
            Some(Floor::Sqlx(answers, Commit::EachAnswer)) => {
                for answer in &bodies {
                    answers.apply(std::slice::from_ref(answer), 0).await;
                }
            }
            Some(Floor::Sqlx(answers, Commit::EachBatch)) => answers.apply(&bodies, 0).await,
            Some(Floor::Sqlx(answers, Commit::BatchWithConfabsStatements)) => {
                answers.apply(&bodies, STATEMENTS_PER_BOOKING - 3).await;
            }
            Some(Floor::InThread(answers)) => answers.apply(&bodies, STATEMENTS_PER_BOOKING - 3),
            None => {}
        }
    }
    let elapsed = started.elapsed();
    assert_eq!(fetched, n);
    imap.logout().await.unwrap();
    elapsed
}

fn main() {
    // `cargo test --benches` runs every bench once as a test; this one needs the mail stack
    // and minutes, so it runs only as a benchmark.
    if std::env::args().any(|a| a == "--bench") {
        tokio::runtime::Runtime::new().unwrap().block_on(run());
    }
}
