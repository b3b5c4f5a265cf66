use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

// The outbox learns the state `unknown` (the message's data reached the server, whose verdict
// never came) and who claimed a message for sending. SQLite cannot change a CHECK, so the
// table is rebuilt; nothing refers to it.
const OUTBOX: &str = "
CREATE TABLE outbox_new (
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
  state TEXT NOT NULL CHECK (state IN ('queued', 'held', 'sending', 'unknown', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  next_attempt_at INTEGER NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER NULL,
  claimed_by TEXT NULL,
  unknown_since INTEGER NULL,
  CHECK (state NOT IN ('sending', 'unknown', 'sent') OR raw IS NOT NULL),
  CHECK (state <> 'unknown' OR unknown_since IS NOT NULL)
);
INSERT INTO outbox_new (id, study_id, participant_id, interview_id, kind, recipients, subject,
  text_body, html_body, calendar_method, calendar_event, message_id, in_reply_to, raw, state,
  attempts, last_error, next_attempt_at, created_at, updated_at, sent_at)
SELECT id, study_id, participant_id, interview_id, kind, recipients, subject,
  text_body, html_body, calendar_method, calendar_event, message_id, in_reply_to, raw, state,
  attempts, last_error, next_attempt_at, created_at, updated_at, sent_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_state ON outbox (state, id);
CREATE INDEX outbox_participant ON outbox (participant_id, id);
-- A message an earlier version left `sending` may have reached the server: it is looked for
-- before it is sent again.
UPDATE outbox SET state = 'unknown', unknown_since = updated_at WHERE state = 'sending';

-- One Sync at a time: the process that holds the row until `expires_at` (seconds since the
-- epoch) may send; it renews the row while it runs, and a row past its time may be taken.
CREATE TABLE sync_lease (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

-- Tokens are kept as the SHA-256 of the code (hex), with the code's first four characters
-- for answers in a participant's own words, and the moment after which they no longer act.
ALTER TABLE tokens ADD COLUMN short_code TEXT NOT NULL DEFAULT '';
ALTER TABLE tokens ADD COLUMN expires_at INTEGER NULL;
";

// A choice expires at its time; a cancel link at the end of its interview; a decline link
// 90 days after it was made (the same rule as `tokens::expiry`, fixed here as it was when
// this migration was written).
const EXPIRY: &str = "
UPDATE tokens SET expires_at = starts_at WHERE kind = 'choice' AND starts_at IS NOT NULL;
UPDATE tokens SET expires_at = (SELECT ends_at FROM interviews WHERE interviews.id = tokens.interview_id)
  WHERE kind = 'cancel' AND interview_id IS NOT NULL;
UPDATE tokens SET expires_at = created_at + 90 * 86400 WHERE kind = 'decline';
";

fn hash(code: &str) -> String {
    Sha256::digest(code.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if super::begun_whole_on_team_database(manager) {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared(OUTBOX).await?;
        db.execute_unprepared(EXPIRY).await?;
        // Links already sent keep working: each stored code becomes its hash, and its short
        // code is kept beside it.
        let backend = db.get_database_backend();
        let codes: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, "SELECT token FROM tokens"))
            .await?
            .iter()
            .map(|row| row.try_get_by_index::<String>(0))
            .collect::<Result<_, _>>()?;
        for code in codes {
            let short: String = code
                .strip_prefix("CF-")
                .unwrap_or(&code)
                .chars()
                .take(4)
                .collect();
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                "UPDATE tokens SET token = ?, short_code = ? WHERE token = ?",
                [hash(&code).into(), short.into(), code.into()],
            ))
            .await?;
        }
        Ok(())
    }
}
