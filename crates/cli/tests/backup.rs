#![allow(clippy::unwrap_used)]

mod support;

use confab_store::sqlx;
use support::{confab, json, stderr, stdout};

fn study_names(dir: &std::path::Path) -> Vec<String> {
    json(dir, &["studies", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect()
}

fn create(dir: &std::path::Path, name: &str) {
    json(
        dir,
        &["studies", "create", "--name", name, "--time-zone", "UTC"],
    );
}

#[test]
fn backup_then_restore_brings_the_database_back() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let file = copies.path().join("monday.sqlite3");
    let file_arg = file.to_str().unwrap();
    create(dir.path(), "Kept");

    let out = confab(dir.path(), &["backup", file_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("Backed up to {file_arg}.\n"));
    create(dir.path(), "Added after the backup");

    let report = json(dir.path(), &["restore", file_arg]);
    assert_eq!(report["restoredFrom"], file_arg);
    let previous = report["previousKeptAt"].as_str().unwrap();
    assert!(std::path::Path::new(previous).exists(), "{previous}");
    assert_eq!(study_names(dir.path()), ["Kept"]);
}

#[test]
fn a_restore_from_a_file_that_is_not_a_confab_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    create(dir.path(), "Current");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database").unwrap();

    let out = confab(dir.path(), &["restore", notes.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not an SQLite database"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("Nothing was restored"));
    assert_eq!(study_names(dir.path()), ["Current"]);
}

#[test]
fn a_restore_from_a_newer_confab_is_refused_with_exit_code_3() {
    let newer = tempfile::tempdir().unwrap();
    create(newer.path(), "From the future");
    let file = newer.path().join("newer.sqlite3");
    assert!(
        confab(newer.path(), &["backup", file.to_str().unwrap()])
            .status
            .success()
    );
    // A migration this build does not know, as a newer Confab would have recorded it.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let url = format!("sqlite://{}", file.display());
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query(
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m29990101_000000_from_the_future', 0)",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });

    let dir = tempfile::tempdir().unwrap();
    create(dir.path(), "Current");
    let out = confab(dir.path(), &["restore", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let error: serde_json::Value = serde_json::from_str(&stderr(&out)).unwrap();
    assert_eq!(error["code"], "database_too_new");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("newer version of Confab")
    );
    assert_eq!(study_names(dir.path()), ["Current"]);
}
