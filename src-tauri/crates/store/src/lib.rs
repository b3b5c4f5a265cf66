//! Confab's storage: one SQLite file (or a team's PostgreSQL) behind SeaORM.
//!
//! Repository functions take `&impl ConnectionTrait`, so the same function runs on its own or
//! inside a caller's transaction.

pub mod audit;
pub mod choices;
pub mod enrolments;
pub mod entity;
pub mod interviewers;
pub mod interviews;
pub mod migration;
mod open;
pub mod participants;
pub mod sessions;
pub mod studies;
mod write;

pub use open::{BACKUP_FOLDER, DATABASE_FILE, Database, OpenError, open};
pub use sea_orm::sqlx;
pub use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, Set, TransactionTrait,
};
pub use write::{Refusal, begin_write, refusal};
