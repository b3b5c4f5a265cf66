#![allow(clippy::unwrap_used)]

//! Backups and restores on real SQLite files: a restore puts back exactly what was backed up,
//! and one that is refused leaves the database byte for byte as it was.

use std::fs;
use std::path::{Path, PathBuf};

use confab_store::{
    BACKUP_FOLDER, BackupError, ConnectionTrait, DATABASE_FILE, Database, RestoreError, back_up,
    check_restore_source, open, restore, studies,
};

async fn add_study(db: &impl ConnectionTrait, name: &str) {
    db.execute_unprepared(&format!(
        "INSERT INTO studies (name, description, time_zone, interview_minutes, created_at, updated_at) \
         VALUES ('{name}', '', 'UTC', 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
    ))
    .await
    .unwrap();
}

async fn names(db: &Database) -> Vec<String> {
    let mut names: Vec<String> = studies::list_active(&db.connection)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    names.sort();
    names
}

async fn names_in(data_dir: &Path) -> Vec<String> {
    let db = open(data_dir).await.unwrap();
    let found = names(&db).await;
    db.connection.close().await.unwrap();
    found
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    match fs::read_dir(dir.join(BACKUP_FOLDER)) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Every file of the data folder, with its bytes, to show that a refusal changed nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// A data folder whose database holds the study "Current", closed.
async fn current_database() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    add_study(&db.connection, "Current").await;
    db.connection.close().await.unwrap();
    dir
}

#[tokio::test]
async fn a_restore_round_trip_keeps_the_data_and_the_database_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let copy = tempfile::tempdir().unwrap();
    let target = copy.path().join("kept.sqlite3");

    let db = open(dir.path()).await.unwrap();
    add_study(&db.connection, "Before the backup").await;
    back_up(&db.connection, &db.path, &target).await.unwrap();
    add_study(&db.connection, "After the backup").await;
    db.connection.close().await.unwrap();

    check_restore_source(&target).await.unwrap();
    let backup_bytes = fs::read(&target).unwrap();
    let restored = restore(dir.path(), &target).await.unwrap();
    assert_eq!(names_in(dir.path()).await, ["Before the backup"]);

    // What the restore replaced is kept, whole.
    let previous = restored.previous.unwrap();
    assert_eq!(backups(dir.path()), std::slice::from_ref(&previous));
    let kept = tempfile::tempdir().unwrap();
    fs::copy(&previous, kept.path().join(DATABASE_FILE)).unwrap();
    assert_eq!(
        names_in(kept.path()).await,
        ["After the backup", "Before the backup"]
    );
    // The backup file itself is only read.
    assert_eq!(fs::read(&target).unwrap(), backup_bytes);
    assert_eq!(fs::read_dir(copy.path()).unwrap().count(), 1);
}

#[tokio::test]
async fn a_backup_replaces_a_file_already_there_and_never_the_database() {
    let dir = current_database().await;
    let db = open(dir.path()).await.unwrap();
    let copy = tempfile::tempdir().unwrap();
    let target = copy.path().join("backup.sqlite3");
    fs::write(&target, b"an older file the researcher agreed to replace").unwrap();
    back_up(&db.connection, &db.path, &target).await.unwrap();
    check_restore_source(&target).await.unwrap();
    assert_eq!(
        fs::read_dir(copy.path()).unwrap().count(),
        1,
        "no partial file is left"
    );

    for own in [DATABASE_FILE.to_owned(), format!("{DATABASE_FILE}-wal")] {
        let err = back_up(&db.connection, &db.path, &dir.path().join(own))
            .await
            .unwrap_err();
        assert!(matches!(err, BackupError::OntoDatabase { .. }), "{err:?}");
    }
    assert_eq!(names(&db).await, ["Current"]);
}

#[tokio::test]
async fn a_file_from_a_newer_confab_is_refused_and_the_database_is_untouched() {
    let dir = current_database().await;
    let newer = tempfile::tempdir().unwrap();
    {
        let db = open(newer.path()).await.unwrap();
        add_study(&db.connection, "From the future").await;
        db.connection
            .execute_unprepared(
                "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m29990101_000000_from_the_future', 0)",
            )
            .await
            .unwrap();
        db.connection.close().await.unwrap();
    }
    let source = newer.path().join(DATABASE_FILE);
    let before = snapshot(dir.path());

    let err = restore(dir.path(), &source).await.unwrap_err();
    match &err {
        RestoreError::TooNew { unknown, .. } => {
            assert_eq!(unknown, &["m29990101_000000_from_the_future"])
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(err.to_string().contains("newer version of Confab"), "{err}");
    assert!(matches!(
        check_restore_source(&source).await,
        Err(RestoreError::TooNew { .. })
    ));
    assert_eq!(snapshot(dir.path()), before);
    assert!(backups(dir.path()).is_empty());
    assert_eq!(names_in(dir.path()).await, ["Current"]);
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_refused() {
    let dir = current_database().await;
    let other = tempfile::tempdir().unwrap();
    let notes = other.path().join("notes.sqlite3");
    fs::write(&notes, b"Interview notes, not a database.\n".repeat(100)).unwrap();
    let empty = other.path().join("empty.sqlite3");
    fs::write(&empty, b"").unwrap();
    let before = snapshot(dir.path());

    for source in [&notes, &empty] {
        let err = restore(dir.path(), source).await.unwrap_err();
        assert!(matches!(err, RestoreError::NotSqlite { .. }), "{err:?}");
        assert!(err.to_string().contains("is not an SQLite database"));
    }
    let missing = restore(dir.path(), &other.path().join("missing.sqlite3"))
        .await
        .unwrap_err();
    assert!(matches!(missing, RestoreError::Read { .. }), "{missing:?}");
    assert_eq!(snapshot(dir.path()), before);
    assert!(backups(dir.path()).is_empty());
}

#[tokio::test]
async fn an_sqlite_file_of_another_program_is_refused() {
    let dir = current_database().await;
    let other = tempfile::tempdir().unwrap();
    let source = other.path().join("photos.db");
    let pool = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", source.display()))
        .await
        .unwrap();
    pool.execute_unprepared(
        "CREATE TABLE photos (path TEXT); INSERT INTO photos VALUES ('a.jpg');",
    )
    .await
    .unwrap();
    pool.close().await.unwrap();
    let before = snapshot(dir.path());

    let err = restore(dir.path(), &source).await.unwrap_err();
    assert!(matches!(err, RestoreError::NotConfab { .. }), "{err:?}");
    assert_eq!(snapshot(dir.path()), before);
}

#[tokio::test]
async fn a_database_held_open_elsewhere_is_not_replaced() {
    let dir = current_database().await;
    let copy = tempfile::tempdir().unwrap();
    let target = copy.path().join("backup.sqlite3");
    let held = open(dir.path()).await.unwrap();
    back_up(&held.connection, &held.path, &target)
        .await
        .unwrap();
    add_study(&held.connection, "Added while held").await;

    let err = restore(dir.path(), &target).await.unwrap_err();
    assert!(matches!(err, RestoreError::InUse { .. }), "{err:?}");
    assert_eq!(names(&held).await, ["Added while held", "Current"]);
    held.connection.close().await.unwrap();
    assert_eq!(names_in(dir.path()).await, ["Added while held", "Current"]);

    let same = restore(dir.path(), &dir.path().join(DATABASE_FILE))
        .await
        .unwrap_err();
    assert!(matches!(same, RestoreError::SameFile { .. }), "{same:?}");
}

#[tokio::test]
async fn a_backup_from_an_older_release_is_migrated_when_opened() {
    let dump = fs::read_to_string(package_dir().join("tests/fixtures/release-0.1.0.sql")).unwrap();
    let old = tempfile::tempdir().unwrap();
    let source = old.path().join("from-0.1.0.sqlite3");
    let pool = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", source.display()))
        .await
        .unwrap();
    pool.execute_unprepared(&dump).await.unwrap();
    pool.close().await.unwrap();

    let dir = current_database().await;
    restore(dir.path(), &source).await.unwrap();
    assert_eq!(
        names_in(dir.path()).await,
        ["Checkout usability", "Onboarding interviews"]
    );
}

#[tokio::test]
async fn a_restore_into_an_empty_folder_keeps_no_copy() {
    let source_dir = current_database().await;
    let dir = tempfile::tempdir().unwrap();
    let restored = restore(dir.path(), &source_dir.path().join(DATABASE_FILE))
        .await
        .unwrap();
    assert_eq!(restored.previous, None);
    assert_eq!(names_in(dir.path()).await, ["Current"]);
}

#[tokio::test]
async fn a_damaged_database_is_kept_byte_for_byte_and_replaced() {
    let source_dir = current_database().await;
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"not what Confab wrote\n".repeat(300);
    fs::write(dir.path().join(DATABASE_FILE), &garbage).unwrap();
    let restored = restore(dir.path(), &source_dir.path().join(DATABASE_FILE))
        .await
        .unwrap();
    assert_eq!(fs::read(restored.previous.unwrap()).unwrap(), garbage);
    assert_eq!(names_in(dir.path()).await, ["Current"]);
}

/// This package's folder as Cargo names it when the test runs, not where the test was
/// compiled: another checkout sharing the build folder may have compiled it.
fn package_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}
