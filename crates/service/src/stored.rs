//! Reading a closed set back from the database. A key this version does not know means the
//! database was written by a newer Confab, or damaged: that is said, never guessed around.

use crate::{AppError, ErrorCode};

pub(crate) fn stored<T>(
    key: &str,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, AppError> {
    parse(key).ok_or_else(|| {
        AppError::new(
            ErrorCode::Storage,
            format!(
                "The database holds {what} \"{key}\", which this version of Confab does not know; update Confab to read it."
            ),
        )
    })
}
