#![allow(clippy::unwrap_used)]

//! A lab on one database: two researchers' computers (two data folders), each running several
//! `confab` processes at once that book, cancel and reschedule in two studies sharing an
//! interviewer and their participants. Afterwards no slot holds more than its capacity, and no
//! participant and no interviewer is on two overlapping scheduled interviews; every refusal
//! was a refusal in words (a conflict or a broken rule), never a database error.
//!
//! On a team database when `CONFAB_TEST_DATABASE_URL` names a PostgreSQL server (a database
//! of the test's own is made there); otherwise on one SQLite file that all the processes
//! share. The operations come from a printed seed; `CONFAB_LAB_SEED` repeats a run, and
//! `CONFAB_LAB_OPERATIONS` sets how many there are in all.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const WORKERS_PER_COMPUTER: usize = 4;
const PARTICIPANTS: usize = 16;
/// Hours of each study's window, from 09:00 (study B's starts half an hour later).
const HOURS: i64 = 4;

/// Where the lab's data lives, as each computer reaches it.
#[derive(Clone)]
enum Place {
    Team { url: String },
    File,
}

#[derive(Clone)]
struct Computer {
    data_dir: PathBuf,
    place: Place,
}

impl Computer {
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = support::command(&self.data_dir, args);
        cmd.env_remove("CONFAB_DATABASE_URL");
        if let Place::Team { url } = &self.place {
            cmd.arg("--database").arg(url);
        }
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.command(args).arg("--json").output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn id(&self, args: &[&str]) -> String {
        self.json(args)["id"].as_i64().unwrap().to_string()
    }
}

struct Study {
    id: String,
    session: String,
    /// The local starts of its slots, like 2026-12-04T09:30.
    slots: Vec<String>,
}

fn next(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick<'a, T>(seed: &mut u64, items: &'a [T]) -> &'a T {
    &items[(next(seed) % items.len() as u64) as usize]
}

fn make_study(first: &Computer, name: &str, day: &str, minute: i64) -> Study {
    let id = first.id(&[
        "studies",
        "create",
        "--name",
        name,
        "--time-zone",
        "UTC",
        "--minutes",
        "60",
    ]);
    first.json(&[
        "settings",
        "set",
        "--study",
        &id,
        "--min-notice-minutes",
        "0",
    ]);
    // One interviewer both studies share (the same address), and one of the study's own.
    let shared = first.id(&[
        "interviewers",
        "add",
        "--study",
        &id,
        "--name",
        "Ines Shared",
        "--email",
        "ines@lab.example",
    ]);
    let own = first.id(&[
        "interviewers",
        "add",
        "--study",
        &id,
        "--name",
        &format!("{name} lead"),
        "--email",
        &format!("lead-{}@lab.example", name.to_lowercase()),
    ]);
    let slots: Vec<String> = (0..HOURS)
        .map(|h| format!("{day}T{:02}:{minute:02}", 9 + h))
        .collect();
    let session = first.id(&[
        "sessions",
        "add",
        "--study",
        &id,
        "--kind",
        "window",
        "--start",
        &slots[0],
        "--end",
        &format!("{day}T{:02}:{minute:02}", 9 + HOURS),
        "--capacity",
        "2",
        "--interviewer",
        &shared,
        "--interviewer",
        &own,
    ]);
    Study { id, session, slots }
}

/// What one process of a worker did.
enum Outcome {
    Done(Value),
    Refused,
}

fn run(computer: &Computer, args: &[&str]) -> Outcome {
    let out = computer.command(args).arg("--json").output().unwrap();
    if out.status.success() {
        return Outcome::Done(serde_json::from_slice(&out.stdout).unwrap_or(Value::Null));
    }
    let err: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|_| {
        panic!(
            "{args:?} failed without a JSON error: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    // A refusal in words; a database error (a deadlock, a serialization failure, a lock
    // timeout) is a failure of the test.
    assert!(
        matches!(err["code"].as_str(), Some("conflict" | "invalid_input")),
        "{args:?}: {err}"
    );
    Outcome::Refused
}

/// One worker: a stream of processes, each one booking, cancelling or rescheduling.
fn work(
    computer: Computer,
    studies: &[Study],
    people: &[String],
    mut seed: u64,
    operations: usize,
) -> (usize, usize) {
    let mut mine: Vec<(usize, String)> = Vec::new();
    let (mut done, mut refused) = (0, 0);
    for _ in 0..operations {
        let roll = next(&mut seed) % 4;
        let outcome = if roll < 2 || mine.is_empty() {
            let s = (next(&mut seed) % studies.len() as u64) as usize;
            let study = &studies[s];
            let start = pick(&mut seed, &study.slots).clone();
            let person = pick(&mut seed, people).clone();
            let outcome = run(
                &computer,
                &[
                    "book",
                    "--study",
                    &study.id,
                    "--participant",
                    &person,
                    "--session",
                    &study.session,
                    "--start",
                    &start,
                ],
            );
            if let Outcome::Done(v) = &outcome {
                mine.push((s, v["id"].as_i64().unwrap().to_string()));
            }
            outcome
        } else if roll == 2 {
            let at = (next(&mut seed) % mine.len() as u64) as usize;
            let (_, id) = mine.swap_remove(at);
            run(&computer, &["interviews", "cancel", &id, "--reason", "lab"])
        } else {
            let (s, id) = pick(&mut seed, &mine).clone();
            let study = &studies[s];
            let start = pick(&mut seed, &study.slots).clone();
            run(
                &computer,
                &[
                    "interviews",
                    "reschedule",
                    &id,
                    "--session",
                    &study.session,
                    "--start",
                    &start,
                ],
            )
        };
        match outcome {
            Outcome::Done(_) => done += 1,
            Outcome::Refused => refused += 1,
        }
    }
    (done, refused)
}

/// Counts of broken rules, read from the database itself.
const OVER_CAPACITY: &str = "SELECT count(*) FROM (SELECT i.session_id, i.starts_at FROM interviews i \
     JOIN sessions s ON s.id = i.session_id WHERE i.state = 'scheduled' \
     GROUP BY i.session_id, i.starts_at, s.capacity HAVING count(*) > s.capacity) AS over";
const PARTICIPANT_OVERLAPS: &str = "SELECT count(*) FROM interviews a JOIN interviews b \
     ON a.participant_id = b.participant_id AND a.id < b.id \
     WHERE a.state = 'scheduled' AND b.state = 'scheduled' \
       AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at";
const INTERVIEWER_OVERLAPS: &str = "SELECT count(*) FROM interviews a \
     JOIN interview_interviewers ha ON ha.interview_id = a.id \
     JOIN interviewers pa ON pa.id = ha.interviewer_id \
     JOIN interviewers pb ON lower(pb.email) = lower(pa.email) \
     JOIN interview_interviewers hb ON hb.interviewer_id = pb.id \
     JOIN interviews b ON b.id = hb.interview_id AND a.id < b.id \
     WHERE a.state = 'scheduled' AND b.state = 'scheduled' \
       AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at";
const SCHEDULED: &str = "SELECT count(*) FROM interviews WHERE state = 'scheduled'";

async fn counts(place: &Place, file: &Path) -> Vec<i64> {
    use confab_store::sqlx::{self, Connection};
    let mut out = Vec::new();
    match place {
        Place::Team { url } => {
            let mut db = sqlx::PgConnection::connect(url).await.unwrap();
            for sql in [
                OVER_CAPACITY,
                PARTICIPANT_OVERLAPS,
                INTERVIEWER_OVERLAPS,
                SCHEDULED,
            ] {
                out.push(sqlx::query_scalar(sql).fetch_one(&mut db).await.unwrap());
            }
        }
        Place::File => {
            let url = format!("sqlite://{}", file.display());
            let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
            for sql in [
                OVER_CAPACITY,
                PARTICIPANT_OVERLAPS,
                INTERVIEWER_OVERLAPS,
                SCHEDULED,
            ] {
                out.push(sqlx::query_scalar(sql).fetch_one(&mut db).await.unwrap());
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lab_of_two_computers_never_breaks_a_booking_rule() {
    let seed: u64 = std::env::var("CONFAB_LAB_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| chrono::Utc::now().timestamp_nanos_opt().unwrap() as u64);
    let operations: usize = std::env::var("CONFAB_LAB_OPERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(800);
    let first_dir = tempfile::tempdir().unwrap();
    let second_dir = tempfile::tempdir().unwrap();
    let team = confab_store::test_server::named_server();
    let (place, second_data) = match &team {
        Some(admin) => (
            Place::Team {
                url: confab_store::test_server::fresh_database(admin).await,
            },
            second_dir.path().to_owned(),
        ),
        // Processes on one file: the second computer is the same folder.
        None => (Place::File, first_dir.path().to_owned()),
    };
    println!(
        "CONFAB_LAB_SEED={seed} CONFAB_LAB_OPERATIONS={operations} on {}",
        if team.is_some() {
            "a team database"
        } else {
            "one SQLite file"
        }
    );
    let first = Computer {
        data_dir: first_dir.path().to_owned(),
        place: place.clone(),
    };
    let second = Computer {
        data_dir: second_data,
        place: place.clone(),
    };

    let day = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%d")
        .to_string();
    let studies = vec![
        make_study(&first, "Alpha", &day, 0),
        make_study(&second, "Beta", &day, 30),
    ];
    let mut people = Vec::new();
    for i in 0..PARTICIPANTS {
        let computer = if i % 2 == 0 { &first } else { &second };
        let id = computer.id(&[
            "participants",
            "add",
            "--name",
            &format!("Person {i}"),
            "--email",
            &format!("person{i}@example.org"),
            "--study",
            &studies[0].id,
        ]);
        computer.json(&["participants", "enrol", "--study", &studies[1].id, &id]);
        people.push(id);
    }

    let per_worker = operations / (2 * WORKERS_PER_COMPUTER);
    let (studies, people) = (&studies, &people);
    let results: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for (c, computer) in [&first, &second].into_iter().enumerate() {
            for w in 0..WORKERS_PER_COMPUTER {
                let computer = computer.clone();
                let worker_seed =
                    seed ^ (((c * WORKERS_PER_COMPUTER + w) as u64 + 1) * 0x1000_0001);
                handles.push(
                    scope.spawn(move || work(computer, studies, people, worker_seed, per_worker)),
                );
            }
        }
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let done: usize = results.iter().map(|r| r.0).sum();
    let refused: usize = results.iter().map(|r| r.1).sum();
    println!("{done} operations done, {refused} refused in words");

    let file = first_dir.path().join("confab.sqlite3");
    let [over, participant_overlaps, interviewer_overlaps, scheduled] =
        counts(&place, &file).await[..]
    else {
        unreachable!()
    };
    assert_eq!(over, 0, "slots over capacity (seed {seed})");
    assert_eq!(
        participant_overlaps, 0,
        "participant overlaps (seed {seed})"
    );
    assert_eq!(
        interviewer_overlaps, 0,
        "interviewer overlaps (seed {seed})"
    );
    // The run did something in both directions, or it proves nothing.
    assert!(scheduled > 0, "nothing stayed booked (seed {seed})");
    assert!(
        done > operations / 4,
        "only {done} of {operations} went through"
    );
    assert!(
        refused > 0,
        "no operation was refused: the rules were never tested"
    );
}
