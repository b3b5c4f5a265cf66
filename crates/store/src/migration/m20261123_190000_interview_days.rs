use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// One schedule per interview-day session. The settings are kept as the researcher gave them so
// the schedule can be rebuilt and checked against today's applicants; the itineraries are the
// schedule itself (timetables follow from them). Calendar UIDs are kept per applicant so that
// every republish updates the same events instead of adding new ones.
const UP: &str = r#"
CREATE TABLE day_schedules (
  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  rounds INTEGER NOT NULL CHECK (rounds > 0),
  round_minutes INTEGER NOT NULL CHECK (round_minutes > 0),
  passing_minutes INTEGER NOT NULL CHECK (passing_minutes >= 0),
  start_time TEXT NOT NULL,
  fixed_blocks TEXT NOT NULL DEFAULT '[]',
  itineraries TEXT NOT NULL,
  calendar_uids TEXT NOT NULL DEFAULT '{}',
  sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  published_at INTEGER NULL,
  changed_since_publish INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
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
            .execute_unprepared("DROP TABLE day_schedules;")
            .await
            .map(|_| ())
    }
}
