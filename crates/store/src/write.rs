use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};

/// Which lock a team database's writers queue on: any number chosen once, the same in every
/// Confab.
const TEAM_WRITE_LOCK: i64 = 0x436f_6e66_6162; // "Confab"

/// Opens a transaction that writes one at a time, as SQLite's own lock makes them.
///
/// SQLite: the write lock is taken at once. A deferred transaction that reads first and
/// writes later can fail with SQLITE_BUSY when another writer got in between; taking the lock
/// up front makes writers queue on the busy timeout instead.
///
/// PostgreSQL: the transaction first takes the team database's write lock (a transaction-level
/// advisory lock, let go at commit or rollback). The service reads, decides and then writes
/// (a study's limits per day, a waitlist's order), and these decisions stay right only if no
/// other desktop writes in between, as on SQLite. The booking rules do not depend on it:
/// PostgreSQL's own constraints and triggers keep them against any writer.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let txn = db.begin().await?;
            txn.execute_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT pg_advisory_xact_lock({TEAM_WRITE_LOCK})"),
            ))
            .await?;
            Ok(txn)
        }
        _ => {
            db.begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await
        }
    }
}

/// Opens a write transaction, as `begin_write` does, that waits at most `wait` for the team
/// database's write lock and then gives up with an error.
///
/// Every write transaction holds that lock until the server has committed it or rolled it
/// back, also one whose connection went during its COMMIT: the server ends it in its own time
/// (it commits what it received, or rolls back once it sees the connection closed). A read
/// made after taking the lock therefore sees whether such a transaction was taken, where a
/// read made at once may come before the server has finished it. The wait is bounded because a
/// connection lost without a word from the network can keep its transaction open for long.
pub async fn begin_write_waiting_at_most(
    db: &DatabaseConnection,
    wait: std::time::Duration,
) -> Result<DatabaseTransaction, DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let txn = db.begin().await?;
            txn.execute_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SET LOCAL lock_timeout = {}", wait.as_millis().max(1)),
            ))
            .await?;
            txn.execute_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT pg_advisory_xact_lock({TEAM_WRITE_LOCK})"),
            ))
            .await?;
            Ok(txn)
        }
        // SQLite's lock is the file's, and a process that went away lets go of it at once.
        _ => begin_write(db).await,
    }
}

/// The reason a database trigger refused a write, if it was one of Confab's own.
pub fn refusal(error: &DbErr) -> Option<Refusal> {
    let text = error.to_string();
    if text.contains("confab:slot_full") {
        Some(Refusal::SlotFull)
    } else if text.contains("confab:participant_overlap")
        || text.contains("interviews_participant_overlap")
    {
        Some(Refusal::ParticipantOverlap)
    } else if text.contains("confab:interviewer_overlap") {
        Some(Refusal::InterviewerOverlap)
    } else if text.contains("interviews_one_scheduled_per_enrolment")
        || text.contains("UNIQUE constraint failed: interviews.enrolment_id")
        || text.contains("interviews_one_per_round")
    {
        Some(Refusal::AlreadyScheduled)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    SlotFull,
    ParticipantOverlap,
    /// One of the interview's interviewers holds another scheduled interview at that time.
    InterviewerOverlap,
    AlreadyScheduled,
}
