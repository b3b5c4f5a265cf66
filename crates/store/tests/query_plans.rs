#![allow(clippy::unwrap_used)]

//! The questions every booking and every participant's choice ask find their rows through an
//! index, whatever the size of the study: SQLite's plan for each names an index search and no
//! scan of a whole table.

use confab_store::{ConnectionTrait, open};
use sea_orm::{DbBackend, Statement};

/// SQLite's plan for `sql`, one step per line.
async fn plan(db: &impl ConnectionTrait, sql: &str) -> String {
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("EXPLAIN QUERY PLAN {sql}"),
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "detail").unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn a_booking_s_lookups_search_an_index_and_scan_no_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let c = &db.connection;
    let lookups = [
        // The rounds a participant holds, with the states bound as parameters, as the
        // query builder writes them.
        "SELECT round FROM interviews WHERE enrolment_id = ?1 AND state IN (?2, ?3)",
        // The same, in the order a hand-written statement lists them.
        "SELECT group_concat(i.round) FROM interviews i \
         WHERE i.enrolment_id = ?1 AND i.state IN ('completed', 'scheduled')",
        // Whether links of an earlier invitation still act.
        "SELECT 1 FROM tokens t WHERE t.enrolment_id = ?1 AND t.kind = 'choice' AND t.used_at IS NULL",
        // The codes a reply carries, with the choices of the messages they came in.
        "SELECT * FROM tokens WHERE token IN (?1, ?2) \
         OR (kind = ?3 AND batch IN (SELECT batch FROM tokens WHERE token IN (?1, ?2))) \
         ORDER BY starts_at, session_id",
        // A booking retires the participant's offers and the message it was made from.
        "UPDATE tokens SET used_at = ?1 \
         WHERE ((enrolment_id = ?2 AND kind = 'choice') OR batch = ?3) AND used_at IS NULL",
        // The places taken in one session near a time.
        "SELECT starts_at, ends_at, count(*) FROM interviews \
         WHERE session_id = ?1 AND state = 'scheduled' AND starts_at < ?2 AND ends_at > ?3 \
         GROUP BY starts_at, ends_at",
        // A participant's interviews that would overlap (the database's own check).
        "SELECT 1 FROM interviews WHERE participant_id = ?1 AND state = 'scheduled' \
         AND starts_at < ?2 AND ?3 < ends_at",
        // The participant's place in the study.
        "SELECT id FROM enrolments WHERE study_id = ?1 AND participant_id = ?2",
    ];
    for sql in lookups {
        let plan = plan(c, sql).await;
        assert!(
            plan.contains("USING") && !plan.lines().any(|step| step.starts_with("SCAN ")),
            "a lookup reads a whole table:\n{sql}\n{plan}"
        );
    }
}

/// Whether a message Sync reads is Confab's own copy, or was handled before, is found through
/// the two tables' unique indexes; the only row scanned is the one the question starts from.
#[tokio::test]
async fn an_arriving_message_is_looked_up_by_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let plan = plan(
        &db.connection,
        "SELECT o.id AS own_id, o.state AS own_state, \
         CASE WHEN EXISTS (SELECT 1 FROM inbound WHERE message_key = ?1) THEN 1 ELSE 0 END AS seen \
         FROM (SELECT 1 AS one) AS arriving \
         LEFT JOIN outbox o ON o.message_id IN (?2, ?3) LIMIT 1",
    )
    .await;
    for table in ["o", "inbound"] {
        assert!(
            plan.lines()
                .any(|step| step.starts_with(&format!("SEARCH {table} USING"))),
            "{table} is not searched by index:\n{plan}"
        );
        assert!(
            !plan
                .lines()
                .any(|step| step.starts_with(&format!("SCAN {table}"))),
            "{table} is read whole:\n{plan}"
        );
    }
}

/// The places taken in a session are counted from the index alone, in its order: a session
/// with hundreds of interviews costs its index entries, not a read of each interview's row
/// and a sort.
#[tokio::test]
async fn the_places_taken_near_a_time_come_from_the_index_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path()).await.unwrap();
    let sql = "SELECT i.starts_at, i.ends_at, count(*) FROM interviews i \
               WHERE i.session_id = ?1 AND i.state = 'scheduled' AND i.id <> ?2 \
                 AND i.ends_at > ?3 AND i.starts_at < ?4 \
               GROUP BY i.starts_at, i.ends_at";
    let plan = plan(&db.connection, sql).await;
    assert!(
        plan.contains("COVERING INDEX interviews_slot") && !plan.contains("TEMP B-TREE"),
        "{plan}"
    );
}
