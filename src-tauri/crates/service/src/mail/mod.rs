//! Mail as the researcher uses it: their profile and account, the study's templates, the
//! outbox, and Sync.

mod attention;
pub(crate) mod compose;
pub(crate) mod invite;
mod outbox;
pub(crate) mod profile;
mod sync;
mod templates;
pub(crate) mod wording;

pub use attention::AttentionItem;
pub use invite::{InviteReport, InviteSkip};
pub use outbox::{OutboxEdit, OutboxFilter, OutboxMessage};
pub use profile::{ConnectionCheck, MailAccount, MailAuth, MailProfile, MailSecurity};
pub use sync::{SyncOptions, SyncProgress, SyncReport};
pub use templates::{MessageTemplate, TemplatePreview};
