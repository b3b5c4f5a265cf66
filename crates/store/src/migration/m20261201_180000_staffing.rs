use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// How a study puts people on its interviews: round robin (the least booked free interviewer,
// as before), one fixed interviewer, or a panel of N (all when empty). Note-takers sit in on
// a session's interviews when free and never count as a place. Each person on an interview
// keeps the role they had when put there.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN staffing TEXT NOT NULL DEFAULT 'round_robin'
  CHECK (staffing IN ('round_robin', 'fixed', 'panel'));
ALTER TABLE studies ADD COLUMN fixed_interviewer_id INTEGER
  REFERENCES interviewers (id) ON DELETE SET NULL;
ALTER TABLE studies ADD COLUMN panel_size INTEGER CHECK (panel_size IS NULL OR panel_size >= 1);
ALTER TABLE interviewers ADD COLUMN role TEXT NOT NULL DEFAULT 'interviewer'
  CHECK (role IN ('interviewer', 'note_taker'));
ALTER TABLE interview_interviewers ADD COLUMN role TEXT NOT NULL DEFAULT 'interviewer'
  CHECK (role IN ('interviewer', 'note_taker'));
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
                "ALTER TABLE interview_interviewers DROP COLUMN role;\n\
                 ALTER TABLE interviewers DROP COLUMN role;\n\
                 ALTER TABLE studies DROP COLUMN panel_size;\n\
                 ALTER TABLE studies DROP COLUMN fixed_interviewer_id;\n\
                 ALTER TABLE studies DROP COLUMN staffing;",
            )
            .await
            .map(|_| ())
    }
}
