//! One write transaction around a use case, so that no use case opens and commits its own.

use confab_store::{DatabaseConnection, DatabaseTransaction, begin_write};

use crate::AppError;

/// Runs `work` in one write transaction, begun as every write is (SQLite's immediate mode, the
/// team database's write lock). It is committed when `work` returns a value and rolled back
/// when it returns an error: nothing of a refused change is left half-written. Everything in
/// it reads and writes through `txn`: a read through the connection would not see its writes
/// until it is committed, so what is shown of the result is read after it returns.
pub(crate) async fn in_transaction<T>(
    db: &DatabaseConnection,
    work: impl AsyncFnOnce(&DatabaseTransaction) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let txn = begin_write(db).await?;
    let value = work(&txn).await?;
    txn.commit().await?;
    Ok(value)
}
