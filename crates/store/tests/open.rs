#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use confab_store::{BACKUP_FOLDER, ConnectionTrait, DATABASE_FILE, OpenError, open, studies};
use sea_orm::Statement;

async fn pragma(db: &impl ConnectionTrait, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0)
        .map(|v| v.to_string())
        .or_else(|_| row.try_get_by_index::<String>(0))
        .unwrap()
}

fn backups(dir: &Path) -> Vec<String> {
    match fs::read_dir(dir.join(BACKUP_FOLDER)) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn a_new_folder_gets_a_migrated_database_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested").join("data");
    let db = open(&data).await.unwrap();
    assert_eq!(db.path, data.join(DATABASE_FILE));
    assert!(db.path.exists());
    assert_eq!(pragma(&db.connection, "journal_mode").await, "wal");
    assert_eq!(pragma(&db.connection, "foreign_keys").await, "1");
    assert_eq!(pragma(&db.connection, "busy_timeout").await, "10000");
    assert!(
        studies::list_active(&db.connection)
            .await
            .unwrap()
            .is_empty()
    );
    // A new database has nothing worth a copy.
    assert!(backups(&data).is_empty());
}

#[tokio::test]
async fn opening_twice_keeps_the_data_and_makes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    db.connection
        .execute_unprepared(
            "INSERT INTO studies (name, description, time_zone, interview_minutes, created_at, updated_at) \
             VALUES ('Kept', '', 'UTC', 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )
        .await
        .unwrap();
    db.connection.close().await.unwrap();
    let again = open(dir.path()).await.unwrap();
    let names: Vec<String> = studies::list_active(&again.connection)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Kept"]);
    assert!(backups(dir.path()).is_empty());
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let garbage = b"these are the notes of a researcher, not a database\n".repeat(200);
    fs::write(&path, &garbage).unwrap();
    let err = open(dir.path()).await.unwrap_err();
    assert!(matches!(err, OpenError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("damaged or is not a Confab database")
    );
    assert_eq!(fs::read(&path).unwrap(), garbage);
    assert!(!dir.path().join(format!("{DATABASE_FILE}-wal")).exists());
}

#[tokio::test]
async fn a_database_from_a_newer_confab_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    db.connection
        .execute_unprepared(
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m29990101_000000_from_the_future', 0)",
        )
        .await
        .unwrap();
    db.connection.close().await.unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let before = fs::read(&path).unwrap();

    let err = open(dir.path()).await.unwrap_err();
    match &err {
        OpenError::TooNew { unknown, .. } => {
            assert_eq!(unknown, &["m29990101_000000_from_the_future"])
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(err.to_string().contains("newer version of Confab"));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(backups(dir.path()).is_empty());
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_created_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, b"x").unwrap();
    let err = open(&file.join("data")).await.unwrap_err();
    assert!(matches!(err, OpenError::DataFolder { .. }), "{err:?}");
    assert!(err.to_string().contains("cannot write to its data folder"));
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[tokio::test]
async fn an_existing_database_is_copied_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    // A database that holds data but none of Confab's migrations yet.
    {
        let pool = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        pool.execute_unprepared(
            "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('precious');",
        )
        .await
        .unwrap();
        pool.close().await.unwrap();
    }
    let db = open(dir.path()).await.unwrap();
    assert!(
        studies::list_active(&db.connection)
            .await
            .unwrap()
            .is_empty()
    );
    let copies = backups(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(copies[0].contains("before-m20261123_134500_create_studies"));

    let copy = sea_orm::Database::connect(format!(
        "sqlite://{}?mode=ro",
        dir.path().join(BACKUP_FOLDER).join(&copies[0]).display()
    ))
    .await
    .unwrap();
    let row = copy
        .query_one_raw(Statement::from_string(
            copy.get_database_backend(),
            "SELECT body FROM notes",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get_by_index::<String>(0).unwrap(), "precious");
    let has_studies = copy
        .query_one_raw(Statement::from_string(
            copy.get_database_backend(),
            "SELECT 1 FROM sqlite_master WHERE name = 'studies'",
        ))
        .await
        .unwrap();
    assert!(
        has_studies.is_none(),
        "the copy is from before the migration"
    );
}
