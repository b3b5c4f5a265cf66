#![allow(clippy::unwrap_used)]

//! Every released schema, kept as the SQL dump of a database that release made, must open in
//! this version with its data intact.

use std::fs;

use confab_store::{DATABASE_FILE, open, studies};
use sea_orm::ConnectionTrait;

async fn migrate_release(dump: &str) -> confab_store::Database {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join(DATABASE_FILE);
    let pool = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    pool.execute_unprepared(dump).await.unwrap();
    pool.close().await.unwrap();
    open(&dir).await.unwrap()
}

#[tokio::test]
async fn release_0_1_0_opens_with_its_studies() {
    let dump = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/release-0.1.0.sql"
    ))
    .unwrap();
    let db = migrate_release(&dump).await;
    let names: Vec<String> = studies::list_active(&db.connection)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Checkout usability", "Onboarding interviews"]);
}
