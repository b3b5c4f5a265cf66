use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Who runs each interview. An interviewer is one person however many studies list them (the
// same address), and no person holds two overlapping scheduled interviews, whoever writes:
// the checks run inside the writing transaction, as the participant's do.
const UP: &str = r#"
CREATE TABLE interview_interviewers (
  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  interviewer_id INTEGER NOT NULL REFERENCES interviewers (id) ON DELETE CASCADE,
  PRIMARY KEY (interview_id, interviewer_id)
);
CREATE INDEX interview_interviewers_person ON interview_interviewers (interviewer_id);

CREATE TRIGGER interviewer_overlap_on_assign BEFORE INSERT ON interview_interviewers
WHEN EXISTS (
  SELECT 1
  FROM interviews AS mine
  JOIN interviewers AS me ON me.id = NEW.interviewer_id
  JOIN interviewers AS same ON lower(same.email) = lower(me.email)
  JOIN interview_interviewers AS held ON held.interviewer_id = same.id
  JOIN interviews AS theirs ON theirs.id = held.interview_id
  WHERE mine.id = NEW.interview_id AND mine.state = 'scheduled'
    AND theirs.id <> mine.id AND theirs.state = 'scheduled'
    AND theirs.starts_at < mine.ends_at AND mine.starts_at < theirs.ends_at
)
BEGIN SELECT RAISE(ABORT, 'confab:interviewer_overlap'); END;

CREATE TRIGGER interviewer_overlap_on_move BEFORE UPDATE OF starts_at, ends_at, state ON interviews
WHEN NEW.state = 'scheduled' AND EXISTS (
  SELECT 1
  FROM interview_interviewers AS mine
  JOIN interviewers AS me ON me.id = mine.interviewer_id
  JOIN interviewers AS same ON lower(same.email) = lower(me.email)
  JOIN interview_interviewers AS held ON held.interviewer_id = same.id
  JOIN interviews AS theirs ON theirs.id = held.interview_id
  WHERE mine.interview_id = NEW.id
    AND theirs.id <> NEW.id AND theirs.state = 'scheduled'
    AND theirs.starts_at < NEW.ends_at AND NEW.starts_at < theirs.ends_at
)
BEGIN SELECT RAISE(ABORT, 'confab:interviewer_overlap'); END;
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
                "DROP TRIGGER interviewer_overlap_on_move;\n\
                 DROP TRIGGER interviewer_overlap_on_assign;\n\
                 DROP TABLE interview_interviewers;",
            )
            .await
            .map(|_| ())
    }
}
