use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Two questions every booking asks, and every choice a participant sends:
// - Which rounds the participant holds. The one index on a participant's interviews,
//   `interviews_one_per_round`, is partial: SQLite uses it only when a query repeats its
//   condition word for word, and never when the states are bound as parameters, so the
//   question read the whole interviews table, more of it with every interview booked.
// - Which places are taken in the session near the time. The slot index lacked the end of
//   each interview, so each interview of the session was read from the table as well; with it
//   the index alone answers, in the order the places are grouped by.
const UP: &str = r#"
CREATE INDEX interviews_enrolment ON interviews (enrolment_id);
DROP INDEX interviews_slot;
CREATE INDEX interviews_slot ON interviews (session_id, starts_at, ends_at, state);
"#;

const DOWN: &str = r#"
DROP INDEX interviews_slot;
CREATE INDEX interviews_slot ON interviews (session_id, starts_at, state);
DROP INDEX interviews_enrolment;
"#;

// The same statements serve both databases.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::execute_for_backend(manager, UP, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::execute_for_backend(manager, DOWN, DOWN).await
    }
}
