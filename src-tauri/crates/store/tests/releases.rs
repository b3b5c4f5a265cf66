#![allow(clippy::unwrap_used)]

//! Every released schema, kept as the SQL dump of a database that release made, must open in
//! this version with its data intact.

use std::fs;

use confab_store::{BACKUP_FOLDER, DATABASE_FILE, open, studies};
use sea_orm::ConnectionTrait;

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
