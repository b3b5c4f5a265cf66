#![allow(clippy::unwrap_used)]

//! What a crash, a failing upgrade or a second Sync cannot do to the database: leave an
//! upgrade half-done, let two Syncs claim one message, or make links already sent stop
//! working when their codes are hashed.

use std::fs;

use confab_store::migration::Migrator;
use confab_store::{DATABASE_FILE, OpenError, open, outbox, studies, sync_lease, tokens};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait;

async fn raw_pool(dir: &std::path::Path) -> sea_orm::DatabaseConnection {
    sea_orm::Database::connect(format!(
        "sqlite://{}?mode=rwc",
        dir.join(DATABASE_FILE).display()
    ))
    .await
    .unwrap()
}

async fn strings(db: &impl ConnectionTrait, sql: &str) -> Vec<String> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

fn release_0_1_0() -> String {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    fs::read_to_string(dir.join("tests/fixtures/release-0.1.0.sql")).unwrap()
}

#[tokio::test]
async fn an_upgrade_that_fails_half_way_leaves_the_old_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let pool = raw_pool(dir.path()).await;
    pool.execute_unprepared(&release_0_1_0()).await.unwrap();
    // Something in the file that the last migration trips over, after all earlier ones
    // (new tables, new columns) have run.
    pool.execute_unprepared("CREATE TABLE outbox_new (x INTEGER);")
        .await
        .unwrap();
    let tables_before = strings(
        &pool,
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .await;
    let applied_before = strings(
        &pool,
        "SELECT version FROM seaql_migrations ORDER BY version",
    )
    .await;
    pool.close().await.unwrap();

    let err = open(dir.path()).await.unwrap_err();
    assert!(matches!(err, OpenError::Migration { .. }), "{err}");

    let pool = raw_pool(dir.path()).await;
    assert_eq!(
        strings(
            &pool,
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        .await,
        tables_before,
        "no table of the earlier migrations is left behind"
    );
    assert_eq!(
        strings(
            &pool,
            "SELECT version FROM seaql_migrations ORDER BY version"
        )
        .await,
        applied_before
    );
    assert_eq!(
        strings(&pool, "SELECT name FROM studies ORDER BY name").await,
        ["Checkout usability", "Onboarding interviews"]
    );
    // Without the obstacle, the same file upgrades in full.
    pool.execute_unprepared("DROP TABLE outbox_new;")
        .await
        .unwrap();
    pool.close().await.unwrap();
    let db = open(dir.path()).await.unwrap();
    assert_eq!(studies::list_active(&db.connection).await.unwrap().len(), 2);
}

/// How many migrations come before the one named `name`.
fn steps_before(name: &str) -> u32 {
    let names = confab_store::migration::known_names();
    names
        .iter()
        .position(|n| n == name)
        .expect("a known migration") as u32
}

#[tokio::test]
async fn wordings_saved_before_messages_had_languages_stay_english() {
    let dir = tempfile::tempdir().unwrap();
    let pool = raw_pool(dir.path()).await;
    Migrator::up(&pool, Some(steps_before("m20261201_160000_languages")))
        .await
        .unwrap();
    pool.execute_unprepared(
        "INSERT INTO studies (id, name, description, time_zone, interview_minutes, created_at, updated_at) \
           VALUES (1, 'S', '', 'UTC', 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO message_templates (study_id, kind, subject, body, updated_at) \
           VALUES (1, 'invitation', 'Our words', 'Hello {{participant_name}}', 5);",
    )
    .await
    .unwrap();
    pool.close().await.unwrap();

    let db = open(dir.path()).await.unwrap();
    let kept = confab_store::templates::find(&db.connection, 1, "invitation", "en")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.subject, "Our words");
    assert!(
        confab_store::templates::find(&db.connection, 1, "invitation", "de")
            .await
            .unwrap()
            .is_none()
    );
    let study = confab_store::studies::find(&db.connection, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(study.language, "en-GB");
}

#[tokio::test]
async fn links_sent_before_codes_were_hashed_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let pool = raw_pool(dir.path()).await;
    // A database as the previous version left it: codes stored as they are.
    let before_hashing = steps_before("m20261201_140000_send_claims_and_hashed_tokens");
    Migrator::up(&pool, Some(before_hashing)).await.unwrap();
    let code = "CF-7Q2M0X9R4T6V8W1Y3Z5B7D9F0H";
    pool.execute_unprepared(&format!(
        "INSERT INTO studies (id, name, description, time_zone, interview_minutes, created_at, updated_at) \
           VALUES (1, 'S', '', 'UTC', 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO participants (id, name, email, created_at, updated_at) VALUES (1, 'Ada', 'ada@example.org', 0, 0);
         INSERT INTO enrolments (id, study_id, participant_id, status, created_at, updated_at) VALUES (1, 1, 1, 'invited', 0, 0);
         INSERT INTO tokens (token, enrolment_id, kind, batch, created_at) VALUES ('{code}', 1, 'decline', 'b1', 1000);"
    ))
    .await
    .unwrap();
    pool.close().await.unwrap();

    let db = open(dir.path()).await.unwrap();
    let found = tokens::find_all(&db.connection, &[code.to_owned()])
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    let row = &found[0];
    assert_eq!(row.token, tokens::hash(code));
    assert_ne!(row.token, code);
    assert_eq!(row.short_code, "7Q2M");
    assert_eq!(row.expires_at, Some(1000 + 90 * 86_400));
    assert!(
        strings(&db.connection, "SELECT token FROM tokens")
            .await
            .iter()
            .all(|t| !t.contains("CF-"))
    );
}

async fn one_queued_message(db: &impl ConnectionTrait) -> i64 {
    db.execute_unprepared(
        "INSERT INTO outbox (kind, recipients, subject, text_body, html_body, message_id, state, created_at, updated_at) \
         VALUES ('invitation', '[]', 'Hello', 'Hi', '', '<m1@confab.test>', 'queued', 0, 0)",
    )
    .await
    .unwrap();
    1
}

#[tokio::test]
async fn of_two_syncs_that_claim_one_message_only_one_gets_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path()).await.unwrap();
    let b = open(dir.path()).await.unwrap();
    let id = one_queued_message(&a.connection).await;
    let (first, second) = tokio::join!(
        outbox::claim(&a.connection, id, &[outbox::QUEUED], "a", b"bytes", 1),
        outbox::claim(&b.connection, id, &[outbox::QUEUED], "b", b"bytes", 1),
    );
    assert_eq!(
        [first.unwrap(), second.unwrap()]
            .iter()
            .filter(|c| **c)
            .count(),
        1
    );
    let row = outbox::find(&a.connection, id).await.unwrap().unwrap();
    assert_eq!(row.state, outbox::SENDING);
    assert_eq!(row.attempts, 1);
    // Only the claimer can hand it over, and then it is "unknown" until settled.
    let owner = row.claimed_by.clone().unwrap();
    let other = if owner == "a" { "b" } else { "a" };
    assert!(
        !outbox::handing_over(&a.connection, id, other, 2)
            .await
            .unwrap()
    );
    assert!(
        outbox::handing_over(&a.connection, id, &owner, 2)
            .await
            .unwrap()
    );
    let row = outbox::find(&a.connection, id).await.unwrap().unwrap();
    assert_eq!(
        (row.state.as_str(), row.unknown_since),
        (outbox::UNKNOWN, Some(2))
    );
    // An unknown message is never claimed from the queue again.
    assert!(
        !outbox::claim(&b.connection, id, &[outbox::QUEUED], "b", b"x", 3)
            .await
            .unwrap()
    );
    assert!(outbox::mark_sent(&b.connection, id, 4).await.unwrap());
    assert!(!outbox::mark_sent(&b.connection, id, 5).await.unwrap());
}

#[tokio::test]
async fn the_sync_lease_is_held_by_one_until_it_ends_or_expires() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let c = &db.connection;
    let me = sync_lease::owner_name("one");
    let other = "another-computer/1/two";
    assert_eq!(sync_lease::take(c, &me, 100, 60).await.unwrap(), Ok(()));
    let refused = sync_lease::take(c, other, 120, 60)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(
        (refused.owner.as_str(), refused.expires_at),
        (me.as_str(), 160)
    );
    assert!(sync_lease::renew(c, &me, 150, 60).await.unwrap());
    assert!(sync_lease::take(c, other, 200, 60).await.unwrap().is_err());
    // Not renewed in time (the process died): taken over, and the first no longer holds it.
    assert_eq!(sync_lease::take(c, other, 211, 60).await.unwrap(), Ok(()));
    assert!(!sync_lease::renew(c, &me, 212, 60).await.unwrap());
    sync_lease::release(c, &me).await.unwrap();
    assert!(sync_lease::take(c, &me, 213, 60).await.unwrap().is_err());
    sync_lease::release(c, other).await.unwrap();
    assert_eq!(sync_lease::take(c, &me, 214, 60).await.unwrap(), Ok(()));
}

#[tokio::test]
async fn commits_are_synced_to_disk_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let row = db
        .connection
        .query_one_raw(Statement::from_string(
            db.connection.get_database_backend(),
            "PRAGMA synchronous",
        ))
        .await
        .unwrap()
        .unwrap();
    // 2 is FULL.
    assert_eq!(row.try_get_by_index::<i64>(0).unwrap(), 2);
}
