//! A commit whose connection goes while the server answers: the server may have taken the
//! change or not, and the researcher must hear which. Confab asks the database again, on a new
//! connection, whether the change is there, once the server has finished with the lost
//! transaction.

use std::time::Duration;

use confab_store::{
    DatabaseConnection, DatabaseTransaction, begin_write_waiting_at_most, entity::interview,
    interviews, is_connection_lost,
};

use crate::{AppError, Confab, ErrorCode};

/// How often, and how far apart, Confab asks again before it says it cannot tell.
const ASK_AGAIN: [Duration; 3] = [
    Duration::from_millis(200),
    Duration::from_millis(800),
    Duration::from_secs(2),
];

/// How long one asking waits for the lost transaction to end on the server.
const WAIT_FOR_THE_LOST: Duration = Duration::from_secs(2);

/// What an interview looks like once the change is in: how Confab tells, after a lost
/// connection, whether the server took it.
pub(crate) struct Landed {
    pub interview_id: i64,
    pub state: &'static str,
    /// The start it moved to, for a new time.
    pub starts_at: Option<i64>,
}

impl Confab {
    /// Commits `txn`, which saves `what` (such as "the booking"). When the connection goes
    /// during the commit, Confab asks the database whether the interview is as `landed` says:
    /// if it is, the commit counts as done; if not, the error says nothing was saved; if the
    /// database cannot be asked, the error says so, and where to look once it is back.
    pub(crate) async fn commit_checked(
        &self,
        txn: DatabaseTransaction,
        what: &str,
        landed: Landed,
    ) -> Result<(), AppError> {
        let error = match txn.commit().await {
            Ok(()) => return Ok(()),
            Err(error) if is_connection_lost(&error) => error,
            Err(error) => return Err(error.into()),
        };
        tracing::warn!(%error, what, "the connection went during a commit; asking again");
        for pause in ASK_AGAIN {
            tokio::time::sleep(pause).await;
            let found = interview_once_settled(&self.db, landed.interview_id).await;
            let took = found.map(|row| {
                row.is_some_and(|r| {
                    r.state == landed.state && landed.starts_at.is_none_or(|at| r.starts_at == at)
                })
            });
            match took {
                Ok(true) => {
                    tracing::info!(what, "the commit was taken after all");
                    return Ok(());
                }
                Ok(false) => {
                    return Err(AppError::new(
                        ErrorCode::DatabaseUnreachable,
                        format!(
                            "The connection to the team database broke while Confab saved {what}, and the server had not taken it: nothing was saved. Try again."
                        ),
                    ));
                }
                Err(again) => tracing::warn!(%again, what, "the database cannot be asked yet"),
            }
        }
        Err(AppError::new(
            ErrorCode::DatabaseUnreachable,
            format!(
                "The connection to the team database broke while Confab saved {what}, and the server cannot be reached to ask whether it took it. Once the connection is back, look again: the list shows it if it was saved."
            ),
        ))
    }
}

/// How many times a transaction runs at most when the team database keeps ending it.
pub(crate) const RUNS: u64 = 5;

/// Awaits `$work` (an async block that opens, fills and commits one write transaction) and
/// runs it again when the team database ended it to let another through (a deadlock or a
/// serialization failure): nothing of it was written, so the researcher never sees such an
/// error unless it happens `RUNS` times in a row.
macro_rules! run_again_on_conflict {
    ($work:expr) => {{
        let mut runs = 1;
        loop {
            let result: Result<_, $crate::AppError> = $work.await;
            match result {
                Err(error) if error.run_again && runs < $crate::commit::RUNS => {
                    runs += 1;
                    tracing::info!(runs, "running a transaction again after a write conflict");
                    tokio::time::sleep(std::time::Duration::from_millis(25 * runs)).await;
                }
                done => break done,
            }
        }
    }};
}
pub(crate) use run_again_on_conflict;

/// The interview's row as it is once every write transaction before this one has ended, the
/// lost one too: a read made at once could come before the server has committed what it
/// received, and say that nothing was saved when it was.
async fn interview_once_settled(
    db: &DatabaseConnection,
    interview_id: i64,
) -> Result<Option<interview::Model>, confab_store::DbErr> {
    let txn = begin_write_waiting_at_most(db, WAIT_FOR_THE_LOST).await?;
    let row = interviews::find(&txn, interview_id).await?;
    txn.rollback().await?;
    Ok(row)
}
