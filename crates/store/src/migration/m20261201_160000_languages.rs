use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Messages have a language. A study has a default (British English, the way every message
// was written before), a participant may have their own, and a study keeps one wording of
// each kind of message per base language. Wordings saved before were English.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB';
ALTER TABLE participants ADD COLUMN language TEXT;
CREATE TABLE message_templates_by_language (
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'de', 'fr', 'es', 'nl', 'it', 'pt')),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (study_id, kind, language)
);
INSERT INTO message_templates_by_language (study_id, kind, language, subject, body, updated_at)
  SELECT study_id, kind, 'en', subject, body, updated_at FROM message_templates;
DROP TABLE message_templates;
ALTER TABLE message_templates_by_language RENAME TO message_templates;
"#;

const DOWN: &str = r#"
CREATE TABLE message_templates_one_language (
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (study_id, kind)
);
INSERT INTO message_templates_one_language (study_id, kind, subject, body, updated_at)
  SELECT study_id, kind, subject, body, updated_at FROM message_templates WHERE language = 'en';
DROP TABLE message_templates;
ALTER TABLE message_templates_one_language RENAME TO message_templates;
ALTER TABLE participants DROP COLUMN language;
ALTER TABLE studies DROP COLUMN language;
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
            .execute_unprepared(DOWN)
            .await
            .map(|_| ())
    }
}
