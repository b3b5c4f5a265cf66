use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// A freed place is offered to one waitlisted participant at a time, with a deadline the study
// sets (hours; none when empty). Each offer is kept, so that a place moves on to the next
// person when the deadline passes and nobody is offered the same place twice.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN waitlist_offer_hours INTEGER NULL DEFAULT 48
    CHECK (waitlist_offer_hours IS NULL OR waitlist_offer_hours > 0);
CREATE TABLE waitlist_offers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    enrolment_id INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    offered_at INTEGER NOT NULL,
    expires_at INTEGER NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'expired', 'closed'))
);
CREATE INDEX waitlist_offers_open ON waitlist_offers (state, expires_at);
CREATE INDEX waitlist_offers_place ON waitlist_offers (session_id, starts_at);
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
                "DROP TABLE waitlist_offers;\n\
                 ALTER TABLE studies DROP COLUMN waitlist_offer_hours;",
            )
            .await
            .map(|_| ())
    }
}
