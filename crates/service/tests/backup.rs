#![allow(clippy::unwrap_used)]

use std::fs;

use confab_service::{Actor, Confab, ErrorCode, NewStudy};
use confab_store::{ConnectionTrait, DATABASE_FILE};

fn study(name: &str) -> NewStudy {
    NewStudy {
        name: name.into(),
        description: String::new(),
        time_zone: "Europe/Berlin".into(),
        interview_minutes: 45,
    }
}

async fn study_names(confab: &Confab) -> Vec<String> {
    let mut names: Vec<String> = confab
        .list_studies()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_backup_restored_later_brings_back_its_studies() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let target = copies.path().join("friday.sqlite3");
    let confab = Confab::open(dir.path()).await.unwrap();
    confab.create_study(study("Kept")).await.unwrap();
    let report = confab.back_up_to(&target).await.unwrap();
    assert_eq!(report.path, target.display().to_string());
    confab.create_study(study("Added later")).await.unwrap();
    confab.close().await.unwrap();

    Confab::check_restore_source(&target).await.unwrap();
    let (restored, report) = Confab::restore_from(dir.path(), &target).await.unwrap();
    assert_eq!(study_names(&restored).await, ["Kept"]);
    assert_eq!(report.restored_from, target.display().to_string());
    let previous = report.previous_kept_at.unwrap();
    assert!(previous.contains("before-restore"), "{previous}");
    // The restored database is the app's usual one again: it takes new studies.
    restored
        .create_study(study("After the restore"))
        .await
        .unwrap();
    restored.close().await.unwrap();

    let reopened = Confab::open(dir.path()).await.unwrap();
    assert_eq!(study_names(&reopened).await, ["After the restore", "Kept"]);
    reopened.close().await.unwrap();
}

#[tokio::test]
async fn a_restore_is_refused_with_a_code_the_window_can_act_on() {
    let dir = tempfile::tempdir().unwrap();
    let confab = Confab::open(dir.path()).await.unwrap();
    confab.create_study(study("Current")).await.unwrap();

    // While this process holds the database, a restore cannot replace it.
    let other = tempfile::tempdir().unwrap();
    let backup = other.path().join("backup.sqlite3");
    confab.back_up_to(&backup).await.unwrap();
    let in_use = Confab::restore_from(dir.path(), &backup).await.unwrap_err();
    assert_eq!(in_use.code, ErrorCode::Conflict, "{in_use:?}");
    confab.close().await.unwrap();

    let text = other.path().join("notes.txt");
    fs::write(&text, "not a database").unwrap();
    let err = Confab::restore_from(dir.path(), &text).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(
        err.message.contains("Nothing was restored"),
        "{}",
        err.message
    );

    let newer_dir = tempfile::tempdir().unwrap();
    let newer = Confab::open(newer_dir.path()).await.unwrap();
    newer.close().await.unwrap();
    let pool = sea_orm::Database::connect(format!(
        "sqlite://{}",
        newer_dir.path().join(DATABASE_FILE).display()
    ))
    .await
    .unwrap();
    pool.execute_unprepared(
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m29990101_000000_from_the_future', 0)",
    )
    .await
    .unwrap();
    pool.close().await.unwrap();
    let err = Confab::check_restore_source(&newer_dir.path().join(DATABASE_FILE))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseTooNew);
    assert!(
        err.message.contains("newer version of Confab"),
        "{}",
        err.message
    );

    let still = Confab::open(dir.path()).await.unwrap();
    assert_eq!(study_names(&still).await, ["Current"]);
    let onto_itself = still
        .back_up_to(&dir.path().join(DATABASE_FILE))
        .await
        .unwrap_err();
    assert_eq!(onto_itself.code, ErrorCode::InvalidInput);
    still.close().await.unwrap();
}

#[tokio::test]
async fn busy_times_are_read_from_an_opened_calendar_file() {
    let dir = tempfile::tempdir().unwrap();
    let confab = Confab::open(dir.path()).await.unwrap();
    let created = confab.create_study(study("Diary")).await.unwrap();
    let me = Actor::researcher();
    let iris = confab
        .add_interviewer(created.id, "Iris Chen", "iris@example.org", &me)
        .await
        .unwrap();
    let start = chrono::Utc::now() + chrono::Duration::days(3);
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\n\
         DTSTAMP:{}\r\nDTSTART:{}\r\nDTEND:{}\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        stamp(start),
        stamp(start),
        stamp(start + chrono::Duration::hours(1))
    );
    let file = dir.path().join("iris.ics");
    fs::write(&file, ics).unwrap();
    let report = confab
        .import_busy_times_from_file(iris.id, &file, &me)
        .await
        .unwrap();
    assert_eq!(report.imported, 1);

    fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    let err = confab
        .import_busy_times_from_file(iris.id, &file, &me)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let missing = confab
        .import_busy_times_from_file(iris.id, &dir.path().join("gone.ics"), &me)
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::InvalidInput);
    confab.close().await.unwrap();
}
