use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Conflicts of interest and must-meet pairs of an interview day, kept with its other settings
// so that regenerating or checking the day applies them again. JSON lists of
// `{applicantId, interviewerId}`. And the outbox messages the last publication queued, so
// that publishing again withdraws those not sent yet instead of sending both versions.
const UP: &str = r#"
ALTER TABLE day_schedules ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE day_schedules ADD COLUMN must_meet TEXT NOT NULL DEFAULT '[]';
ALTER TABLE day_schedules ADD COLUMN published_messages TEXT NOT NULL DEFAULT '[]';
"#;

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
            .execute_unprepared(
                "ALTER TABLE day_schedules DROP COLUMN published_messages;\n\
                 ALTER TABLE day_schedules DROP COLUMN must_meet;\n\
                 ALTER TABLE day_schedules DROP COLUMN conflicts;",
            )
            .await
            .map(|_| ())
    }
}
