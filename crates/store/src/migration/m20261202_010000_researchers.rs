use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Who owns an outbox message and an attention item: the researcher whose desktop made it,
// whose Sync sends it through their own mailbox. On this computer there is one researcher
// (the empty name).
const SQLITE: &str = r#"
ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE attention ADD COLUMN owner TEXT NOT NULL DEFAULT '';
"#;

// On a team database each researcher signs in as their own database user (session_user),
// and that name is the owner, filled in by the database itself. What belongs to one
// researcher alone (their name and mail account, how far their inbox was read, their Sync's
// lease) moves to tables keyed by that user, and a view of the old name shows each desktop
// only its own row, so the same queries serve both databases. The audit log writes the user's
// name for every researcher's action.
const POSTGRES: &str = r#"
ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT session_user;
ALTER TABLE attention ADD COLUMN owner TEXT NOT NULL DEFAULT session_user;
CREATE INDEX outbox_owner_state ON outbox (owner, state, id);

ALTER TABLE mail_profile RENAME TO mail_profiles;
ALTER TABLE mail_profiles ADD COLUMN owner TEXT NOT NULL DEFAULT session_user;
ALTER TABLE mail_profiles DROP CONSTRAINT mail_profile_pkey;
ALTER TABLE mail_profiles ADD PRIMARY KEY (owner, id);
CREATE VIEW mail_profile AS
  SELECT id, researcher_name, researcher_email, time_zone, account, sync_automatically, updated_at
  FROM mail_profiles WHERE owner = session_user;

ALTER TABLE mailbox_state RENAME TO mailbox_states;
ALTER TABLE mailbox_states ADD COLUMN owner TEXT NOT NULL DEFAULT session_user;
ALTER TABLE mailbox_states DROP CONSTRAINT mailbox_state_pkey;
ALTER TABLE mailbox_states ADD PRIMARY KEY (owner, folder);
CREATE VIEW mailbox_state AS
  SELECT folder, uid_validity, last_uid FROM mailbox_states WHERE owner = session_user;

ALTER TABLE sync_lease RENAME TO sync_leases;
ALTER TABLE sync_leases ADD COLUMN researcher TEXT NOT NULL DEFAULT session_user;
ALTER TABLE sync_leases DROP CONSTRAINT sync_lease_pkey;
ALTER TABLE sync_leases ADD PRIMARY KEY (researcher, name);
CREATE VIEW sync_lease AS
  SELECT name, owner, expires_at FROM sync_leases WHERE researcher = session_user;

CREATE FUNCTION confab_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_kind = 'researcher' AND NEW.actor = '' THEN
    NEW.actor := session_user;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION confab_audit_actor();
"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sql = if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            POSTGRES
        } else {
            SQLITE
        };
        manager
            .get_connection()
            .execute_unprepared(sql)
            .await
            .map(|_| ())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "who owns each message cannot be forgotten without losing it; restore a backup instead"
                .into(),
        ))
    }
}
