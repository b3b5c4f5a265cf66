use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// On a team database every write to what a window shows tells the other desktops, once per
// statement and table, when its transaction commits: they show the change within a moment,
// without a reload. A file on this computer has no other desktops to tell.
const POSTGRES: &str = r#"
CREATE FUNCTION confab_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('confab_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;
DO $$
DECLARE
  shown TEXT;
BEGIN
  FOREACH shown IN ARRAY ARRAY['studies', 'sessions', 'session_exceptions', 'interviewers',
    'participants', 'enrolments', 'choices', 'interviews', 'interview_interviewers', 'outbox',
    'attention', 'waitlist_offers', 'day_schedules', 'message_templates', 'busy_times']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION confab_notify_change()',
      shown || '_changed', shown);
  END LOOP;
END $$;
"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DbBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(POSTGRES)
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DbBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared("DROP FUNCTION confab_notify_change() CASCADE;")
            .await
            .map(|_| ())
    }
}
