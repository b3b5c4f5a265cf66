//! Several processes (as several windows and `confab` commands on one database would) book
//! into two studies that share an interviewer, all at once: whatever the interleaving, no
//! person ends up on two overlapping interviews, and every refused booking is refused in
//! words, never with a database error. The order of the bookings comes from a printed seed
//! (`CONFAB_PROCESS_SEED` repeats a run).

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use confab_service::{ErrorCode, NewSession, NewStudy, SessionPattern, StudySettings};
use confab_store::ConnectionTrait;
use support::{Fixture, me};

const DATA_ENV: &str = "CONFAB_PROCESS_DATA";
/// The team database's URL, when the parent test runs on one.
const TEAM_ENV: &str = "CONFAB_PROCESS_TEAM";
const PLAN_ENV: &str = "CONFAB_PROCESS_PLAN";
const CHILDREN: usize = 4;

/// One booking a child makes: study, participant, session, start (Unix seconds).
type Booking = (i64, i64, i64, i64);

#[test]
#[ignore = "started as a child process by no_person_is_on_two_interviews_whatever_the_processes_do"]
fn book_in_a_child_process() {
    let data = std::env::var(DATA_ENV).expect("the data folder of the parent test");
    let plan: Vec<Booking> = serde_json::from_str(&std::env::var(PLAN_ENV).unwrap()).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let team = std::env::var(TEAM_ENV).ok().filter(|url| !url.is_empty());
        let confab = support::open_again(Path::new(&data), team.as_deref()).await;
        let (mut booked, mut refused) = (0, 0);
        for (study, participant, session, start) in plan {
            let start = chrono::DateTime::from_timestamp(start, 0).unwrap();
            match confab
                .book_manually(study, participant, session, start, &[], &me())
                .await
            {
                Ok(_) => booked += 1,
                Err(e) if matches!(e.code, ErrorCode::Conflict | ErrorCode::InvalidInput) => {
                    refused += 1
                }
                Err(e) => panic!("a booking failed with {e:?}"),
            }
        }
        println!("booked {booked} refused {refused}");
    });
}

/// A splitmix step: the same seed gives the same order of bookings.
fn next(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[tokio::test(flavor = "multi_thread")]
async fn no_person_is_on_two_interviews_whatever_the_processes_do() {
    let seed: u64 = std::env::var("CONFAB_PROCESS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand_seed);
    println!("CONFAB_PROCESS_SEED={seed}");
    // Study A: Ana and Ben on a session with four places at each of three times.
    let f = Fixture::new(4, true).await;
    f.interviewer_on_session("Ana Lind", "ana@uni.example")
        .await;
    f.interviewer_on_session("Ben Ode", "ben@uni.example").await;
    // Study B: the same Ana (same address) on a session at the same times.
    let other = f
        .confab
        .create_study(NewStudy {
            name: "Onboarding".into(),
            description: String::new(),
            time_zone: "America/New_York".into(),
            interview_minutes: 60,
        })
        .await
        .unwrap();
    let settings = f.confab.study_settings(other.id).await.unwrap();
    f.confab
        .update_study_settings(
            other.id,
            StudySettings {
                min_notice_minutes: 0,
                horizon_days: 30,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap();
    let ana_b = f
        .confab
        .add_interviewer(other.id, "Ana Lind", "ANA@uni.example", &me())
        .await
        .unwrap();
    let zone: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
    };
    let session_b = f
        .confab
        .create_session(
            NewSession {
                study_id: other.id,
                title: "Same morning".into(),
                pattern: SessionPattern::Window {
                    start: local(f.slot(0)),
                    end: local(f.slot(3)),
                },
                capacity: 4,
                visible: true,
                interviewer_ids: vec![ana_b.id],
            },
            &me(),
        )
        .await
        .unwrap();

    let mut plan: Vec<Booking> = Vec::new();
    for i in 0..12 {
        let a = f.participant(&format!("A{i}")).await;
        plan.push((f.study_id, a, f.session_id, f.slot(i % 3).timestamp()));
        let b = f
            .confab
            .create_participant(
                confab_service::NewParticipant {
                    name: format!("B{i}"),
                    email: format!("b{i}@example.org"),
                    time_zone: None,
                    phone: String::new(),
                    notes: String::new(),
                    custom_fields: Default::default(),
                    language: None,
                    study_id: Some(other.id),
                },
                &me(),
            )
            .await
            .unwrap()
            .id;
        plan.push((other.id, b, session_b.id, f.slot(i % 3).timestamp()));
    }
    let mut state = seed;
    for i in (1..plan.len()).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        plan.swap(i, j);
    }
    let shares: Vec<Vec<Booking>> = (0..CHILDREN)
        .map(|c| plan.iter().skip(c).step_by(CHILDREN).copied().collect())
        .collect();
    let children: Vec<_> = shares
        .iter()
        .map(|share| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--ignored",
                    "--exact",
                    "book_in_a_child_process",
                    "--nocapture",
                ])
                .env(DATA_ENV, f.data_dir())
                .env(TEAM_ENV, f.team_url.clone().unwrap_or_default())
                .env(PLAN_ENV, serde_json::to_string(share).unwrap())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut booked = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "seed {seed}: a child failed:\n{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = text.lines().find(|l| l.starts_with("booked ")).unwrap();
        booked += line.split(' ').nth(1).unwrap().parse::<u32>().unwrap();
    }
    assert!(booked > 0, "seed {seed}: nothing was booked");

    // The invariant, read from the database itself.
    let db = f.database().await;
    let doubles = db
        .query_all_raw(confab_store::statement(
            &db,
            "SELECT a.interview_id, b.interview_id \
         FROM interview_interviewers a JOIN interviewers pa ON pa.id = a.interviewer_id \
         JOIN interview_interviewers b ON b.interview_id > a.interview_id \
         JOIN interviewers pb ON pb.id = b.interviewer_id AND lower(pb.email) = lower(pa.email) \
         JOIN interviews ia ON ia.id = a.interview_id JOIN interviews ib ON ib.id = b.interview_id \
         WHERE ia.state = 'scheduled' AND ib.state = 'scheduled' \
           AND ia.starts_at < ib.ends_at AND ib.starts_at < ia.ends_at",
            [],
        ))
        .await
        .unwrap();
    let doubles: Vec<(i64, i64)> = doubles
        .iter()
        .map(|r| {
            (
                r.try_get_by_index(0).unwrap(),
                r.try_get_by_index(1).unwrap(),
            )
        })
        .collect();
    assert!(
        doubles.is_empty(),
        "seed {seed}: a person on two interviews at once: {doubles:?}"
    );
    let staffed: (i64,) = (db
        .query_one_raw(confab_store::statement(
            &db,
            "SELECT count(DISTINCT interview_id) FROM interview_interviewers",
            [],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap(),);
    // Three times, Ana shared by both studies and Ben in one: at most two people are free at
    // each time, and every time has someone.
    assert!(
        (3..=6).contains(&staffed.0),
        "seed {seed}: {} interviews have someone on them",
        staffed.0
    );
}

fn rand_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
}
