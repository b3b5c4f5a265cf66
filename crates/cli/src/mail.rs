//! `confab mail`, `invite`, `outbox`, `sync` and `attention`: the researcher's mail from the
//! command line, so a scheduled task can run Sync.

mod attention;
mod invite;
mod outbox;
mod print;
mod profile;
mod sync;

use std::io::Read;

use confab_service::AppError;

pub use attention::{AttentionCommand, attention};
pub use invite::{InviteArgs, invite};
pub use outbox::{OutboxCommand, outbox, request_reschedule};
pub use profile::{MailCommand, mail};
pub use sync::sync;

/// Read by `confab sync` and `confab mail password` when set, for machines without a keyring.
pub const PASSWORD_ENV: &str = "CONFAB_MAIL_PASSWORD";
/// The calendar account's password for a headless `confab sync` (otherwise the keyring's).
pub const CALENDAR_PASSWORD_ENV: &str = "CONFAB_CALENDAR_PASSWORD";

fn text_or_stdin(text: Option<String>) -> Result<String, AppError> {
    if let Some(t) = text {
        return Ok(t);
    }
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| AppError::invalid(format!("could not read standard input: {e}")))?;
    Ok(s)
}
