use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Every booking retires its participant's choice links, and every cancellation the links of
// its interview: without these indexes each of them read the whole tokens table, which holds
// several links per participant invited.
const UP: &str = r#"
CREATE INDEX tokens_enrolment ON tokens (enrolment_id, kind);
CREATE INDEX tokens_interview ON tokens (interview_id);
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
            .execute_unprepared("DROP INDEX tokens_interview;\nDROP INDEX tokens_enrolment;")
            .await
            .map(|_| ())
    }
}
