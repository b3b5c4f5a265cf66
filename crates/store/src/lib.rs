//! Confab's storage: one SQLite file (or a team's PostgreSQL) behind SeaORM.
//!
//! Repository functions take `&impl ConnectionTrait`, so the same function runs on its own or
//! inside a caller's transaction.
#![forbid(unsafe_code)]

pub mod attention;
pub mod audit;
mod backup;
pub mod calendar_account;
pub mod changes;
pub mod choices;
mod crash_point;
pub mod day_schedules;
mod dialect;
pub mod enrolments;
pub mod entity;
mod files;
mod first_row;
pub mod inbound;
pub mod interview_interviewers;
pub mod interviewers;
pub mod interviews;
pub mod mail_profile;
pub mod migration;
mod open;
mod open_team;
pub mod outbox;
pub mod participants;
mod restore;
pub mod sessions;
pub mod studies;
pub mod study_copy;
pub mod sync_lease;
pub mod templates;
#[cfg(feature = "test-server")]
pub mod test_server;
pub mod tokens;
mod unreachable;
pub mod waitlist_offers;
mod write;

pub use backup::{BackupError, back_up};
pub use crash_point::crash_point;
pub use dialect::{is_connection_lost, is_unique_violation, is_write_conflict, statement};
pub use open::{BACKUP_FOLDER, DATABASE_FILE, Database, OpenError, open};
pub use open_team::{TeamCheck, check_team, open_team, team_label};
pub use restore::{RestoreError, Restored, check_restore_source, restore};
pub use sea_orm::sqlx;
pub use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, Set, TransactionTrait,
};
pub use unreachable::{why_unreachable, why_unreachable_db};
pub use write::{Refusal, begin_write, begin_write_waiting_at_most, refusal};
