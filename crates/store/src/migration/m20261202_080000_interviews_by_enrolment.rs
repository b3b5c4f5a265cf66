use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Which rounds a participant holds is asked by every booking and every choice a participant
// sends. The one index on the participant's interviews, `interviews_one_per_round`, is
// partial: SQLite uses it only when a query repeats its condition word for word, and never
// when the states are bound as parameters, so those questions read the whole interviews
// table, more of it with every interview the study holds.
const UP: &str = "CREATE INDEX interviews_enrolment ON interviews (enrolment_id);";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(UP)
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX interviews_enrolment;")
            .await
            .map(|_| ())
    }
}
