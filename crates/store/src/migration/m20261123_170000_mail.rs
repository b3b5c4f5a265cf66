use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Mail is prepared offline and sent by Sync: every message is first an outbox row. Secrets
// never reach this file: the account row holds the servers and the user name, the password
// lives in the OS keyring.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN reminder_hours INTEGER NULL CHECK (reminder_hours IS NULL OR reminder_hours > 0);
ALTER TABLE participants ADD COLUMN mail_problem TEXT NOT NULL DEFAULT '';

-- The researcher who sends, and the mail account Sync uses. One row.
CREATE TABLE mail_profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  researcher_name TEXT NOT NULL DEFAULT '',
  researcher_email TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  account TEXT NOT NULL DEFAULT '',
  sync_automatically INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);

CREATE TABLE message_templates (
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (study_id, kind)
);

-- state: queued (Sync sends it), held (the researcher keeps it back), sending (its exact bytes
-- and Message-ID are fixed and it may be on the wire), sent, failed (a permanent refusal; the
-- researcher edits or deletes it).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id INTEGER NULL REFERENCES studies (id) ON DELETE SET NULL,
  participant_id INTEGER NULL REFERENCES participants (id) ON DELETE SET NULL,
  interview_id INTEGER NULL REFERENCES interviews (id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  calendar_method TEXT NULL CHECK (calendar_method IN ('REQUEST', 'CANCEL', 'DECLINECOUNTER')),
  calendar_event TEXT NULL,
  message_id TEXT NOT NULL UNIQUE,
  in_reply_to TEXT NULL,
  raw BLOB NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'held', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  next_attempt_at INTEGER NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER NULL,
  CHECK (state NOT IN ('sending', 'sent') OR raw IS NOT NULL)
);
CREATE INDEX outbox_state ON outbox (state, id);
CREATE INDEX outbox_participant ON outbox (participant_id, id);

-- An unguessable code in a mailto: link; it acts once, for its own participant only.
CREATE TABLE tokens (
  token TEXT PRIMARY KEY,
  enrolment_id INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('choice', 'decline', 'cancel')),
  batch TEXT NOT NULL,
  session_id INTEGER NULL REFERENCES sessions (id) ON DELETE CASCADE,
  starts_at INTEGER NULL,
  interview_id INTEGER NULL REFERENCES interviews (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  used_at INTEGER NULL
);
CREATE INDEX tokens_batch ON tokens (batch);

-- Where reading the inbox got to, per folder and UIDVALIDITY.
CREATE TABLE mailbox_state (
  folder TEXT PRIMARY KEY,
  uid_validity INTEGER NOT NULL,
  last_uid INTEGER NOT NULL
);

-- Every inbound message Sync has handled, once: the key is its Message-ID (or the folder,
-- UIDVALIDITY and UID when it has none), recorded in the same transaction as its effects.
CREATE TABLE inbound (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_key TEXT NOT NULL UNIQUE,
  from_address TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  participant_id INTEGER NULL REFERENCES participants (id) ON DELETE SET NULL,
  interview_id INTEGER NULL REFERENCES interviews (id) ON DELETE SET NULL,
  handled_at INTEGER NOT NULL
);

-- What the researcher has to look at: counter-proposals, replies that could not be applied,
-- bounces.
CREATE TABLE attention (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  study_id INTEGER NULL REFERENCES studies (id) ON DELETE CASCADE,
  participant_id INTEGER NULL REFERENCES participants (id) ON DELETE SET NULL,
  interview_id INTEGER NULL REFERENCES interviews (id) ON DELETE SET NULL,
  inbound_id INTEGER NULL REFERENCES inbound (id) ON DELETE SET NULL,
  summary TEXT NOT NULL,
  proposed_start INTEGER NULL,
  proposed_end INTEGER NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolution TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  resolved_at INTEGER NULL
);
CREATE INDEX attention_open ON attention (state, id);
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

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the mail tables cannot be removed without losing the outbox; restore a backup instead"
                .into(),
        ))
    }
}
