//! `confab backup FILE` and `confab restore FILE`.

use std::path::Path;

use confab_service::{AppError, Confab};

use crate::output::emit;

pub async fn back_up(confab: &Confab, file: &Path, json: bool) -> Result<(), AppError> {
    let report = confab.back_up_to(file).await?;
    emit(&report, json, |r| format!("Backed up to {}.", r.path))
}

/// Runs without a `Confab` open beforehand: the database is replaced only when no one holds
/// it, and it may be one that does not open at all, which is when a restore is most needed.
pub async fn restore(data_dir: &Path, file: &Path, json: bool) -> Result<(), AppError> {
    let (confab, report) = Confab::restore_from(data_dir, file).await?;
    confab.close().await?;
    emit(&report, json, |r| {
        let mut text = format!("Restored {}.", r.restored_from);
        if let Some(previous) = &r.previous_kept_at {
            text.push_str(&format!(
                "\nThe database as it was before is kept at {previous}."
            ));
        }
        text
    })
}
