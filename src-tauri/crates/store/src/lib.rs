//! Confab's storage: one SQLite file (or a team's PostgreSQL) behind SeaORM.
//!
//! Repository functions take `&impl ConnectionTrait`, so the same function runs on its own or
//! inside a caller's transaction.

pub mod entity;
pub mod migration;
mod open;
pub mod studies;

pub use open::{BACKUP_FOLDER, DATABASE_FILE, Database, OpenError, open};
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
