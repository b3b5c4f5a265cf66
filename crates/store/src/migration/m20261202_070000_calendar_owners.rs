use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Whose calendar account an interviewer's calendar and a study's calendar were chosen from:
// that researcher's Sync reads and writes them, with their own account. On this computer
// there is one researcher (the empty name).
const SQLITE: &str = r#"
ALTER TABLE interviewers ADD COLUMN calendar_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN calendar_owner TEXT NOT NULL DEFAULT '';
"#;

// On a team database each researcher has a calendar account of their own, as each has a
// mailbox: the account moves to a table keyed by the database user, and a view of the old
// name shows each desktop only its own row. An account and calendars chosen before this
// belong to whoever signs in first with this version.
const POSTGRES: &str = r#"
ALTER TABLE calendar_account RENAME TO calendar_accounts;
ALTER TABLE calendar_accounts ADD COLUMN owner TEXT NOT NULL DEFAULT session_user;
ALTER TABLE calendar_accounts DROP CONSTRAINT calendar_account_pkey;
ALTER TABLE calendar_accounts ADD PRIMARY KEY (owner, id);
CREATE VIEW calendar_account AS
  SELECT id, url, username, last_read_at, last_problem FROM calendar_accounts
  WHERE owner = session_user;
ALTER TABLE interviewers ADD COLUMN calendar_owner TEXT NOT NULL DEFAULT session_user;
ALTER TABLE studies ADD COLUMN calendar_owner TEXT NOT NULL DEFAULT session_user;
"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        super::execute_for_backend(manager, SQLITE, POSTGRES).await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "whose calendars are whose cannot be forgotten without losing them; restore a backup instead"
                .into(),
        ))
    }
}
