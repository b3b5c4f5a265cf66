use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// A study may hold several interviews with each participant (a pre and a post, a follow-up).
// Each interview knows which of them it is; a participant has at most one scheduled
// interview at a time, and each round is held (scheduled or completed) at most once.
// Interviews booked again after a completed one become the next round, in the order they
// started, and a study that already holds such a follow-up counts it.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN interviews_per_participant INTEGER NOT NULL DEFAULT 1
    CHECK (interviews_per_participant BETWEEN 1 AND 9);
ALTER TABLE interviews ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1);
UPDATE interviews SET round = 1 + (
    SELECT count(*) FROM interviews AS earlier
    WHERE earlier.enrolment_id = interviews.enrolment_id
      AND earlier.state = 'completed'
      AND earlier.starts_at < interviews.starts_at
);
UPDATE studies SET interviews_per_participant = min(9, max(1, coalesce(
    (SELECT max(round) FROM interviews WHERE interviews.study_id = studies.id), 1)));
CREATE UNIQUE INDEX interviews_one_per_round ON interviews (enrolment_id, round)
    WHERE state IN ('scheduled', 'completed');
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
                "DROP INDEX interviews_one_per_round;\n\
                 ALTER TABLE interviews DROP COLUMN round;\n\
                 ALTER TABLE studies DROP COLUMN interviews_per_participant;",
            )
            .await
            .map(|_| ())
    }
}
