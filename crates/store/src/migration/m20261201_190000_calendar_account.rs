use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// A calendar account (CalDAV): each interviewer's busy times can come from one of its
// calendars instead of an exported file, and a study's interviews are written into the
// calendar the researcher chose. What was last written of each interview is kept, so that
// Sync writes only what changed and removes what was canceled.
const UP: &str = r#"
CREATE TABLE calendar_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  username TEXT NOT NULL,
  last_read_at INTEGER,
  last_problem TEXT NOT NULL DEFAULT ''
);
ALTER TABLE interviewers ADD COLUMN calendar_href TEXT;
ALTER TABLE interviewers ADD COLUMN busy_read_at INTEGER;
ALTER TABLE studies ADD COLUMN calendar_href TEXT;
CREATE TABLE calendar_copies (
  interview_id INTEGER PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
  calendar_href TEXT NOT NULL,
  written TEXT NOT NULL,
  written_at INTEGER NOT NULL
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
            .execute_unprepared(
                "DROP TABLE calendar_copies;\n\
                 ALTER TABLE studies DROP COLUMN calendar_href;\n\
                 ALTER TABLE interviewers DROP COLUMN busy_read_at;\n\
                 ALTER TABLE interviewers DROP COLUMN calendar_href;\n\
                 DROP TABLE calendar_account;",
            )
            .await
            .map(|_| ())
    }
}
