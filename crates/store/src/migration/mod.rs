//! Append-only: a released migration is never edited or removed, only followed by a newer one.
//! Each is named by the UTC moment it was written, so their order is their names' order.
//! A migration made after m20261201_200000_token_lookups carries its change in SQLite's and in
//! PostgreSQL's terms (see `begun_whole_on_team_database`).

use sea_orm_migration::prelude::*;

mod m20261123_134500_create_studies;
mod m20261123_150000_scheduling;
mod m20261123_170000_mail;
mod m20261123_190000_interview_days;
mod m20261123_200000_day_pairs;
mod m20261201_100000_waitlist_offers;
mod m20261201_110000_attention_candidates;
mod m20261201_120000_interview_rounds;
mod m20261201_140000_send_claims_and_hashed_tokens;
mod m20261201_160000_languages;
mod m20261201_170000_interview_interviewers;
mod m20261201_180000_staffing;
mod m20261201_190000_calendar_account;
mod m20261201_200000_token_lookups;
mod m20261202_010000_researchers;
mod m20261202_020000_change_notices;
mod m20261202_060000_participant_sort_names;
mod m20261202_070000_calendar_owners;
mod m20261202_080000_booking_indexes;

pub struct Migrator;

/// The team database's schema as of m20261201_200000_token_lookups, in PostgreSQL's terms.
const POSTGRES_BASELINE: &str = include_str!("postgres_baseline.sql");

/// Whether the migration runs on a team database (PostgreSQL), which began at the schema of
/// m20261201_200000_token_lookups: the first migration creates that schema whole, and the
/// migrations up to that one are recorded there without work. Every later migration writes
/// its change for both databases.
fn begun_whole_on_team_database(manager: &SchemaManager) -> bool {
    manager.get_database_backend() == sea_orm::DbBackend::Postgres
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_134500_create_studies::Migration),
            Box::new(m20261123_150000_scheduling::Migration),
            Box::new(m20261123_170000_mail::Migration),
            Box::new(m20261123_190000_interview_days::Migration),
            Box::new(m20261123_200000_day_pairs::Migration),
            Box::new(m20261201_100000_waitlist_offers::Migration),
            Box::new(m20261201_110000_attention_candidates::Migration),
            Box::new(m20261201_120000_interview_rounds::Migration),
            Box::new(m20261201_140000_send_claims_and_hashed_tokens::Migration),
            Box::new(m20261201_160000_languages::Migration),
            Box::new(m20261201_170000_interview_interviewers::Migration),
            Box::new(m20261201_180000_staffing::Migration),
            Box::new(m20261201_190000_calendar_account::Migration),
            Box::new(m20261201_200000_token_lookups::Migration),
            Box::new(m20261202_010000_researchers::Migration),
            Box::new(m20261202_020000_change_notices::Migration),
            Box::new(m20261202_060000_participant_sort_names::Migration),
            Box::new(m20261202_070000_calendar_owners::Migration),
            Box::new(m20261202_080000_booking_indexes::Migration),
        ]
    }
}

/// Runs a migration's change in the spelling of the database it runs on.
async fn execute_for_backend(
    manager: &SchemaManager<'_>,
    sqlite: &str,
    postgres: &str,
) -> Result<(), DbErr> {
    let sql = if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
        postgres
    } else {
        sqlite
    };
    manager
        .get_connection()
        .execute_unprepared(sql)
        .await
        .map(|_| ())
}

/// The applied migrations this build does not know: a newer Confab made them.
pub(crate) fn unknown_to_this_build(applied: &[String]) -> Vec<String> {
    let known = known_names();
    applied
        .iter()
        .filter(|name| !known.contains(name))
        .cloned()
        .collect()
}

/// The names of every migration this build knows, oldest first.
pub fn known_names() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}
