#![allow(clippy::unwrap_used)]

mod support;

use support::{confab, stderr, stdout};

#[test]
fn an_empty_database_lists_no_studies() {
    let dir = tempfile::tempdir().unwrap();
    let out = confab(dir.path(), &["studies", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap(),
        serde_json::json!([])
    );
    let text = confab(dir.path(), &["studies", "list"]);
    assert!(stdout(&text).contains("No studies yet"));
}

#[test]
fn demo_then_list_shows_the_demo_study_once() {
    let dir = tempfile::tempdir().unwrap();
    assert!(confab(dir.path(), &["demo"]).status.success());
    assert!(confab(dir.path(), &["demo"]).status.success());
    let out = confab(dir.path(), &["studies", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["name"], "Demo: Onboarding interviews");
    assert_eq!(list[0]["timeZone"], "Europe/Berlin");
    assert_eq!(list[0]["interviewMinutes"], 45);
}

#[test]
fn create_reports_bad_input_on_stderr_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = confab(
        dir.path(),
        &[
            "studies",
            "create",
            "--name",
            "Diary",
            "--time-zone",
            "Atlantis/Capital",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"Atlantis/Capital\" is not a known time zone"));
    assert!(stdout(&out).is_empty());

    let json = confab(
        dir.path(),
        &[
            "studies",
            "create",
            "--name",
            "",
            "--time-zone",
            "UTC",
            "--json",
        ],
    );
    let err: serde_json::Value = serde_json::from_str(stderr(&json).trim()).unwrap();
    assert_eq!(err["code"], "invalid_input");
}

#[test]
fn a_corrupt_database_is_reported_with_exit_code_3_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("confab.sqlite3");
    std::fs::write(&file, b"PK\x03\x04 a zip file, not a database").unwrap();
    let out = confab(dir.path(), &["studies", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("damaged or is not a Confab database"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"PK\x03\x04 a zip file, not a database"
    );
}

#[test]
fn an_unusable_data_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, b"").unwrap();
    let out = confab(&blocker.join("data"), &["studies", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("cannot write to its data folder"));
}
