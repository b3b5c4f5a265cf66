//! Mail as the researcher uses it: their profile and account, the study's templates, the
//! outbox, and Sync.

pub(crate) mod attention;
mod autoconfig;
pub(crate) mod compose;
pub(crate) mod invite;
mod outbox;
pub(crate) mod profile;
pub(crate) mod read_once;
mod sign_in;
pub(crate) mod staff;
pub(crate) mod sync;
mod templates;

pub use attention::{AttentionItem, ReplyCandidate};
pub use autoconfig::{FoundMailSettings, FoundSignIn, SettingsSourceKind};
pub use invite::{InviteReport, InviteSkip};
pub use outbox::{OutboxEdit, OutboxFilter, OutboxMessage};
pub use profile::{ConnectionCheck, MailAccount, MailAuth, MailProfile, MailSecurity};
pub use sign_in::{MailProvider, PendingSignIn, SignInChoice};
pub use sync::{SyncOptions, SyncProgress, SyncReport};
pub use templates::{LanguageOption, MessageTemplate, TemplatePreview, language_options};
