use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

/// Opens a transaction that takes SQLite's write lock at once. A deferred transaction that
/// reads first and writes later can fail with SQLITE_BUSY when another writer got in between;
/// taking the lock up front makes writers queue on the busy timeout instead.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// The reason a database trigger refused a write, if it was one of Confab's own.
pub fn refusal(error: &DbErr) -> Option<Refusal> {
    let text = error.to_string();
    if text.contains("confab:slot_full") {
        Some(Refusal::SlotFull)
    } else if text.contains("confab:participant_overlap") {
        Some(Refusal::ParticipantOverlap)
    } else if text.contains("confab:interviewer_overlap") {
        Some(Refusal::InterviewerOverlap)
    } else if text.contains("interviews_one_scheduled_per_enrolment")
        || text.contains("UNIQUE constraint failed: interviews.enrolment_id")
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
