use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// An answer in a participant's own words that fits several offered times is kept with those
// times, so that the researcher books the one meant with one click. A JSON list of
// `{token, start, end}`.
const UP: &str = "ALTER TABLE attention ADD COLUMN candidates TEXT NOT NULL DEFAULT '[]';";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if super::begun_whole_on_team_database(manager) {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(UP)
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE attention DROP COLUMN candidates;")
            .await
            .map(|_| ())
    }
}
