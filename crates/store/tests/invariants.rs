#![allow(clippy::unwrap_used)]

//! The database itself refuses a booking past a slot's capacity or an overlapping one, even
//! from a writer that skipped every check of the service.

use confab_store::{ConnectionTrait, Refusal, open, refusal};

async fn setup() -> (confab_store::Database, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    db.connection
        .execute_unprepared(
            "INSERT INTO studies (id, name, description, time_zone, interview_minutes, created_at, updated_at) \
               VALUES (1, 'S', '', 'UTC', 60, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO sessions (id, study_id, kind, starts_at, ends_at, capacity, created_at) VALUES (1, 1, 'window', 0, 36000, 1, 0);
             INSERT INTO participants (id, name, email, created_at, updated_at) VALUES (1, 'A', 'a@x.org', 0, 0), (2, 'B', 'b@x.org', 0, 0);
             INSERT INTO enrolments (id, study_id, participant_id, status, created_at, updated_at) VALUES (1, 1, 1, 'added', 0, 0), (2, 1, 2, 'added', 0, 0);",
        )
        .await
        .unwrap();
    (db, dir)
}

fn insert(id: i64, enrolment: i64, start: i64) -> String {
    format!(
        "INSERT INTO interviews (id, study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) \
         VALUES ({id}, 1, {enrolment}, {enrolment}, 1, {start}, {start} + 3600, 'scheduled', 'uid-{id}', 0, 0)"
    )
}

#[tokio::test]
async fn a_slot_never_takes_more_than_its_capacity() {
    let (db, _dir) = setup().await;
    let c = &db.connection;
    c.execute_unprepared(&insert(1, 1, 0)).await.unwrap();
    let err = c.execute_unprepared(&insert(2, 2, 0)).await.unwrap_err();
    assert_eq!(refusal(&err), Some(Refusal::SlotFull), "{err}");
    // Canceling frees the place.
    c.execute_unprepared("UPDATE interviews SET state = 'canceled' WHERE id = 1")
        .await
        .unwrap();
    c.execute_unprepared(&insert(2, 2, 0)).await.unwrap();
    // Moving the canceled one back into the full slot is refused too.
    let err = c
        .execute_unprepared("UPDATE interviews SET state = 'scheduled' WHERE id = 1")
        .await
        .unwrap_err();
    assert_eq!(refusal(&err), Some(Refusal::SlotFull), "{err}");
}

#[tokio::test]
async fn a_participant_never_holds_two_overlapping_interviews() {
    let (db, _dir) = setup().await;
    let c = &db.connection;
    c.execute_unprepared(
        "INSERT INTO studies (id, name, description, time_zone, interview_minutes, created_at, updated_at) \
           VALUES (2, 'T', '', 'UTC', 60, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO sessions (id, study_id, kind, starts_at, ends_at, capacity, created_at) VALUES (2, 2, 'window', 0, 36000, 5, 0);
         INSERT INTO enrolments (id, study_id, participant_id, status, created_at, updated_at) VALUES (3, 2, 1, 'added', 0, 0);",
    )
    .await
    .unwrap();
    c.execute_unprepared(&insert(1, 1, 0)).await.unwrap();
    // The same person in another study, half an hour into the first interview.
    let err = c
        .execute_unprepared(
            "INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, state, calendar_uid, created_at, updated_at) \
             VALUES (2, 3, 1, 2, 1800, 5400, 'scheduled', 'uid-x', 0, 0)",
        )
        .await
        .unwrap_err();
    assert_eq!(refusal(&err), Some(Refusal::ParticipantOverlap), "{err}");
}

#[tokio::test]
async fn one_scheduled_interview_per_participant_and_study() {
    let (db, _dir) = setup().await;
    let c = &db.connection;
    c.execute_unprepared("UPDATE sessions SET capacity = 5")
        .await
        .unwrap();
    c.execute_unprepared(&insert(1, 1, 0)).await.unwrap();
    let err = c.execute_unprepared(&insert(2, 1, 7200)).await.unwrap_err();
    assert_eq!(refusal(&err), Some(Refusal::AlreadyScheduled), "{err}");
}
