#![allow(clippy::unwrap_used)]

//! The team database on a real PostgreSQL server: it is built by the same migrations, refuses
//! what a newer Confab made, says plainly why it cannot be opened, and keeps the booking rules
//! itself against writers that come at once on separate connections, with no Confab check in
//! between.

use confab_store::test_server::{admin_url, fresh_database, tls_server};
use confab_store::{ConnectionTrait, DatabaseConnection, OpenError, open_team};
use sea_orm::{DbBackend, Statement};

async fn run(db: &impl ConnectionTrait, sql: &str) {
    db.execute_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap()
}

#[tokio::test]
async fn an_empty_team_database_is_migrated_and_opened_again_unchanged() {
    let url = fresh_database(&admin_url()).await;
    let db = open_team(&url).await.unwrap();
    let known = confab_store::migration::known_names().len() as i64;
    assert_eq!(
        count(&db, "SELECT count(*) FROM seaql_migrations").await,
        known
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('studies', 'participants', 'interviews', 'outbox', 'interview_interviewers')"
        )
        .await,
        5
    );
    db.close().await.unwrap();
    let again = open_team(&url).await.unwrap();
    assert_eq!(
        count(&again, "SELECT count(*) FROM seaql_migrations").await,
        known
    );
}

#[tokio::test]
async fn desktops_started_at_once_on_a_new_team_database_all_open_it() {
    let url = fresh_database(&admin_url()).await;
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { open_team(&url).await })
        })
        .collect();
    for open in opens {
        open.await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn a_team_database_set_up_by_a_newer_confab_is_refused_and_left_as_it_is() {
    let url = fresh_database(&admin_url()).await;
    let db = open_team(&url).await.unwrap();
    run(
        &db,
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000000_from_the_future', 0)",
    )
    .await;
    db.close().await.unwrap();
    match open_team(&url).await {
        Err(e @ OpenError::TeamTooNew { .. }) => {
            let text = e.to_string();
            assert!(text.contains("newer version of Confab"), "{text}");
            assert!(text.contains("m20991231_000000_from_the_future"), "{text}");
            assert!(!text.contains("confab-test"), "the password leaked: {text}");
        }
        other => panic!("expected TeamTooNew, got {other:?}"),
    }
}

#[tokio::test]
async fn what_keeps_a_team_database_from_opening_is_said_plainly() {
    let admin = admin_url();
    let (base, _) = admin.rsplit_once('/').unwrap();

    let wrong_password = base.replace(":confab-test@", ":not-the-password@");
    match open_team(&format!("{wrong_password}/postgres")).await {
        Err(e @ OpenError::TeamSignIn { .. }) => {
            assert!(e.to_string().contains("did not let confab in"), "{e}");
            assert!(!e.to_string().contains("not-the-password"), "{e}");
        }
        other => panic!("expected TeamSignIn, got {other:?}"),
    }

    match open_team(&format!("{base}/no_such_database")).await {
        Err(e @ OpenError::TeamUnsupported { .. }) => {
            assert!(e.to_string().contains("no database of that name"), "{e}")
        }
        other => panic!("expected TeamUnsupported, got {other:?}"),
    }

    // A port that nothing listens on: bound, then let go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    match open_team(&format!("postgres://confab:x@127.0.0.1:{port}/lab")).await {
        Err(e @ OpenError::TeamUnreachable { .. }) => {
            assert!(
                e.to_string().contains(&format!("127.0.0.1:{port}/lab")),
                "{e}"
            )
        }
        other => panic!("expected TeamUnreachable, got {other:?}"),
    }

    match open_team("mysql://somewhere/lab").await {
        Err(OpenError::TeamAddress { .. }) => {}
        other => panic!("expected TeamAddress, got {other:?}"),
    }
}

#[tokio::test]
async fn a_user_who_may_not_create_tables_is_told_to_ask_for_rights() {
    let admin_url = admin_url();
    let url = fresh_database(&admin_url).await;
    let db = sea_orm::Database::connect(url.clone()).await.unwrap();
    let name = url.rsplit_once('/').unwrap().1.to_owned();
    let visitor = format!("visitor_{}", std::process::id());
    run(
        &db,
        &format!("CREATE ROLE {visitor} LOGIN PASSWORD 'visitor'"),
    )
    .await;
    run(
        &db,
        &format!("GRANT CONNECT ON DATABASE {name} TO {visitor}"),
    )
    .await;
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    let as_visitor = base.replace("confab:confab-test@", &format!("{visitor}:visitor@"));
    match open_team(&format!("{as_visitor}/{name}")).await {
        Err(e @ OpenError::TeamUnsupported { .. }) => {
            assert!(e.to_string().contains("may not create"), "{e}")
        }
        other => panic!("expected TeamUnsupported, got {other:?}"),
    }
}

/// A study with one session whose slot holds two, two interviewers with one address in two
/// studies, and `people` participants enrolled in both.
async fn lab(db: &DatabaseConnection, people: usize) {
    run(db, "INSERT INTO studies (id, name, time_zone, interview_minutes, created_at, updated_at) VALUES (1, 'A', 'UTC', 60, now(), now()), (2, 'B', 'UTC', 60, now(), now())").await;
    run(db, "INSERT INTO sessions (id, study_id, kind, starts_at, ends_at, capacity, created_at) VALUES (1, 1, 'window', 0, 36000, 2, 0), (2, 2, 'window', 0, 36000, 2, 0)").await;
    run(db, "INSERT INTO interviewers (id, study_id, name, email) VALUES (1, 1, 'Ines', 'ines@lab.example'), (2, 2, 'Ines', 'INES@lab.example')").await;
    for p in 1..=people {
        run(db, &format!("INSERT INTO participants (id, name, email, created_at, updated_at) VALUES ({p}, 'P{p}', 'p{p}@example.org', 0, 0)")).await;
        for s in 1..=2 {
            let e = p * 10 + s;
            run(db, &format!("INSERT INTO enrolments (id, study_id, participant_id, status, created_at, updated_at) VALUES ({e}, {s}, {p}, 'invited', 0, 0)")).await;
        }
    }
}

/// Runs each statement in its own transaction on its own connection, all at once, with no
/// Confab lock around them; says how many committed.
async fn at_once(url: &str, statements: Vec<String>) -> usize {
    let mut tasks = Vec::new();
    for sql in statements {
        let url = url.to_owned();
        tasks.push(tokio::spawn(async move {
            use sea_orm::TransactionTrait;
            let db = sea_orm::Database::connect(url).await.unwrap();
            let txn = db.begin().await.unwrap();
            // Each waits a moment inside its transaction, so that they overlap.
            run(&txn, "SELECT pg_sleep(0.05)").await;
            let result = txn
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await;
            match result {
                Ok(_) => txn.commit().await.is_ok(),
                Err(e) => {
                    // Without Confab's write lock, two inserts that each find the other's
                    // uncommitted row may wait for each other; PostgreSQL then ends one of
                    // them (deadlock_detected). Either way the rule holds.
                    let deadlock = e.to_string().contains("deadlock detected");
                    let refused = confab_store::refusal(&e);
                    assert!(
                        refused.is_some() || deadlock,
                        "refused without a booking rule: {e}"
                    );
                    false
                }
            }
        }));
    }
    let mut committed = 0;
    for task in tasks {
        committed += usize::from(task.await.unwrap());
    }
    committed
}

fn interview(id: usize, study: usize, participant: usize, start: i64) -> String {
    let enrolment = participant * 10 + study;
    format!(
        "INSERT INTO interviews (id, study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) \
         VALUES ({id}, {study}, {enrolment}, {participant}, {study}, {start}, {}, 'scheduled', 'uid-{id}', 0, 0)",
        start + 3600
    )
}

#[tokio::test]
async fn writers_at_once_never_overfill_a_slot() {
    let url = fresh_database(&admin_url()).await;
    let db = open_team(&url).await.unwrap();
    lab(&db, 8).await;
    let statements = (1..=8).map(|p| interview(p, 1, p, 0)).collect();
    assert_eq!(at_once(&url, statements).await, 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM interviews WHERE state = 'scheduled'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn writers_at_once_never_give_a_participant_two_overlapping_interviews() {
    let url = fresh_database(&admin_url()).await;
    let db = open_team(&url).await.unwrap();
    lab(&db, 1).await;
    // Study A at 0:00 and study B at 0:30, many times over: only one may stand.
    let statements = vec![interview(1, 1, 1, 0), interview(2, 2, 1, 1800)];
    assert_eq!(at_once(&url, statements).await, 1);
}

#[tokio::test]
async fn writers_at_once_never_put_one_interviewer_on_two_overlapping_interviews() {
    let url = fresh_database(&admin_url()).await;
    let db = open_team(&url).await.unwrap();
    lab(&db, 2).await;
    // Two participants' interviews in two studies, half an hour apart, not yet staffed.
    run(&db, &interview(1, 1, 1, 0)).await;
    run(&db, &interview(2, 2, 2, 1800)).await;
    // Ines (one address, in two studies) is put on both at once: only one may stand.
    let statements = vec![
        "INSERT INTO interview_interviewers (interview_id, interviewer_id) VALUES (1, 1)".into(),
        "INSERT INTO interview_interviewers (interview_id, interviewer_id) VALUES (2, 2)".into(),
    ];
    assert_eq!(at_once(&url, statements).await, 1);
    // Moving the other interview onto hers is refused too.
    run(&db, "DELETE FROM interview_interviewers").await;
    run(
        &db,
        "UPDATE interviews SET starts_at = 7200, ends_at = 10800 WHERE id = 2",
    )
    .await;
    run(
        &db,
        "INSERT INTO interview_interviewers (interview_id, interviewer_id) VALUES (1, 1), (2, 2)",
    )
    .await;
    let moved = db
        .execute_raw(Statement::from_string(
            DbBackend::Postgres,
            "UPDATE interviews SET starts_at = 1800, ends_at = 5400 WHERE id = 2".to_owned(),
        ))
        .await
        .unwrap_err();
    assert_eq!(
        confab_store::refusal(&moved),
        Some(confab_store::Refusal::InterviewerOverlap)
    );
}

#[tokio::test]
async fn a_server_with_its_own_certificate_authority_is_reached_over_verified_tls() {
    let (admin, ca) = tls_server();
    let url = fresh_database(&admin).await;
    // The lab's certificate authority named in the URL: verified, and opened.
    let verified = format!("{url}?sslmode=verify-full&sslrootcert={}", ca.display());
    let db = open_team(&verified).await.unwrap();
    let tls: bool = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    assert!(tls, "the connection is not encrypted");
    db.close().await.unwrap();
    // Verified against the system's roots alone, which do not know that authority: refused,
    // and said so.
    match open_team(&format!("{url}?sslmode=verify-full")).await {
        Err(e @ OpenError::TeamUnreachable { .. }) => {
            assert!(e.to_string().to_lowercase().contains("certificate"), "{e}")
        }
        other => panic!("expected TeamUnreachable, got {other:?}"),
    }
}
