#![allow(clippy::unwrap_used)]

//! Every released schema, kept as the SQL dump of a database that release made, must open in
//! this version with its data intact.

use std::fs;

use confab_store::{BACKUP_FOLDER, DATABASE_FILE, open, studies};
use sea_orm::{ConnectionTrait, EntityTrait};

async fn migrate_release(dump: &str) -> (confab_store::Database, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join(DATABASE_FILE);
    let pool = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    pool.execute_unprepared(dump).await.unwrap();
    pool.close().await.unwrap();
    (open(&dir).await.unwrap(), dir)
}

#[tokio::test]
async fn release_0_1_0_opens_with_its_studies() {
    let dump = fs::read_to_string(package_dir().join("tests/fixtures/release-0.1.0.sql")).unwrap();
    let (db, dir) = migrate_release(&dump).await;
    let listed = studies::list_active(&db.connection).await.unwrap();
    let names: Vec<&str> = listed.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Checkout usability", "Onboarding interviews"]);
    // Columns added since 0.1.0 take their defaults.
    assert!(
        listed
            .iter()
            .all(|s| s.self_scheduling && s.kind == "one_to_one")
    );
    assert_eq!(listed[1].interview_minutes, 45);
    // 0.1.0 lacked the scheduling tables, so a copy was kept before adding them.
    let copies: Vec<String> = fs::read_dir(dir.join(BACKUP_FOLDER))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(
        copies[0].contains("before-m20261123_150000_scheduling"),
        "{copies:?}"
    );
}

/// This package's folder as Cargo names it when the test runs, not where the test was
/// compiled: another checkout sharing the build folder may have compiled it.
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// A database of the release before studies held several interviews, in which a participant
/// was booked again after a completed interview: the follow-up becomes the second round, the
/// study counts two, and a third completed round-2 interview is refused.
#[tokio::test]
async fn interviews_booked_again_after_a_completed_one_become_the_next_round() {
    use confab_store::migration::Migrator;
    use sea_orm_migration::MigratorTrait;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    let before_rounds = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261201_120000_interview_rounds")
        .unwrap();
    Migrator::up(&db, Some(u32::try_from(before_rounds).unwrap()))
        .await
        .unwrap();
    db.execute_unprepared(
        "INSERT INTO studies (id, name, description, time_zone, interview_minutes, created_at, updated_at) \
           VALUES (1, 'Diary study', '', 'UTC', 60, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO sessions (id, study_id, kind, starts_at, ends_at, capacity, created_at) VALUES (1, 1, 'window', 0, 360000, 3, 0);
         INSERT INTO participants (id, name, email, created_at, updated_at) VALUES (1, 'A', 'a@x.org', 0, 0), (2, 'B', 'b@x.org', 0, 0);
         INSERT INTO enrolments (id, study_id, participant_id, status, created_at, updated_at)
           VALUES (1, 1, 1, 'interview_scheduled', 0, 0), (2, 1, 2, 'no_show', 0, 0);
         INSERT INTO interviews (id, study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) VALUES
           (1, 1, 1, 1, 1, 0, 3600, 'completed', 'u1', 0, 0),
           (2, 1, 1, 1, 1, 86400, 90000, 'scheduled', 'u2', 0, 0),
           (3, 1, 2, 2, 1, 0, 3600, 'no_show', 'u3', 0, 0),
           (4, 1, 2, 2, 1, 7200, 10800, 'no_show', 'u4', 0, 0);",
    )
    .await
    .unwrap();
    db.close().await.unwrap();

    let db = open(dir.path()).await.unwrap();
    let c = &db.connection;
    let rounds: Vec<(i64, i32)> = confab_store::entity::interview::Entity::find()
        .all(c)
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.id, i.round))
        .collect();
    assert_eq!(rounds, [(1, 1), (2, 2), (3, 1), (4, 1)]);
    let study = studies::find(c, 1).await.unwrap().unwrap();
    assert_eq!(study.interviews_per_participant, 2);
    let err = c
        .execute_unprepared(
            "UPDATE interviews SET state = 'completed' WHERE id = 2; \
             INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at, round) \
               VALUES (1, 1, 1, 1, 180000, 183600, 'scheduled', 'u5', 0, 0, 2)",
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("UNIQUE"), "{err}");
}

/// Participants of a database from before lists were ordered by a stored key get that key,
/// lowercased in every script, and the lists come in that order.
#[tokio::test]
async fn participants_from_before_the_sort_key_get_theirs() {
    use confab_store::migration::Migrator;
    use sea_orm_migration::MigratorTrait;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261202_060000_participant_sort_names")
        .unwrap();
    Migrator::up(&db, Some(u32::try_from(before).unwrap()))
        .await
        .unwrap();
    db.execute_unprepared(
        "INSERT INTO participants (id, name, email, created_at, updated_at) VALUES \
           (1, 'Zoë', 'z@x.org', 0, 0), (2, 'ÉLODIE', 'e@x.org', 0, 0), \
           (3, 'émile', 'm@x.org', 0, 0), (4, 'adam', 'a@x.org', 0, 0), (5, 'Adam', 'b@x.org', 0, 0);",
    )
    .await
    .unwrap();
    db.close().await.unwrap();

    let db = open(dir.path()).await.unwrap();
    let rows = confab_store::participants::all(&db.connection)
        .await
        .unwrap();
    let keys: Vec<(i64, &str)> = rows.iter().map(|p| (p.id, p.sort_name.as_str())).collect();
    assert_eq!(
        keys,
        [
            (4, "adam"),
            (5, "adam"),
            (1, "zoë"),
            (2, "élodie"),
            (3, "émile")
        ]
    );
}
