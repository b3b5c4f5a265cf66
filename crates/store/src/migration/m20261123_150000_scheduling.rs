use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

// Instants are INTEGER seconds since the Unix epoch (UTC): the database's own triggers compare
// them, and integers compare correctly where text timestamps of mixed precision would not.
const UP: &str = r#"
ALTER TABLE studies ADD COLUMN kind TEXT NOT NULL DEFAULT 'one_to_one' CHECK (kind IN ('one_to_one', 'interview_days'));
ALTER TABLE studies ADD COLUMN buffer_before_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN buffer_after_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN min_notice_minutes INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE studies ADD COLUMN horizon_days INTEGER NOT NULL DEFAULT 60;
ALTER TABLE studies ADD COLUMN max_per_day INTEGER NULL;
ALTER TABLE studies ADD COLUMN max_per_week INTEGER NULL;
ALTER TABLE studies ADD COLUMN change_cutoff_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE studies ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN conferencing_url TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN dial_in TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN self_scheduling INTEGER NOT NULL DEFAULT 1;

CREATE TABLE interviewers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  UNIQUE (study_id, email)
);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('window', 'weekly', 'day')),
  title TEXT NOT NULL DEFAULT '',
  starts_at INTEGER NULL,
  ends_at INTEGER NULL,
  weekday INTEGER NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time TEXT NULL,
  end_time TEXT NULL,
  valid_from TEXT NULL,
  valid_until TEXT NULL,
  capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
  visible INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  CHECK (kind = 'weekly' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND starts_at < ends_at)),
  CHECK (kind <> 'weekly' OR (weekday IS NOT NULL AND start_time IS NOT NULL AND end_time IS NOT NULL AND valid_from IS NOT NULL))
);
CREATE INDEX sessions_study ON sessions (study_id);

CREATE TABLE session_exceptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  start_time TEXT NULL,
  end_time TEXT NULL,
  UNIQUE (session_id, date)
);

CREATE TABLE session_interviewers (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  interviewer_id INTEGER NOT NULL REFERENCES interviewers (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, interviewer_id)
);

CREATE TABLE busy_times (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  interviewer_id INTEGER NOT NULL REFERENCES interviewers (id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  source_uid TEXT NOT NULL DEFAULT '',
  CHECK (starts_at < ends_at),
  UNIQUE (interviewer_id, source_uid, starts_at)
);
CREATE INDEX busy_times_interviewer ON busy_times (interviewer_id, starts_at);

CREATE TABLE participants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  time_zone TEXT NULL,
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  custom_fields TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE enrolments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (study_id, participant_id)
);
CREATE INDEX enrolments_participant ON enrolments (participant_id);

CREATE TABLE choices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrolment_id INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL CHECK (rank IN (1, 2)),
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (enrolment_id, rank)
);
CREATE INDEX choices_slot ON choices (session_id, starts_at);

CREATE TABLE interviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  enrolment_id INTEGER NOT NULL REFERENCES enrolments (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('scheduled', 'completed', 'canceled', 'no_show')),
  calendar_uid TEXT NOT NULL UNIQUE,
  sequence INTEGER NOT NULL DEFAULT 0,
  rule_overrides TEXT NOT NULL DEFAULT '',
  cancel_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (starts_at < ends_at)
);
CREATE INDEX interviews_slot ON interviews (session_id, starts_at, state);
CREATE INDEX interviews_participant ON interviews (participant_id, starts_at);
CREATE INDEX interviews_study ON interviews (study_id, starts_at);
-- One scheduled interview per participant and study; a new time is a reschedule.
CREATE UNIQUE INDEX interviews_one_scheduled_per_enrolment ON interviews (enrolment_id) WHERE state = 'scheduled';

-- No slot ever holds more scheduled interviews than its capacity, and no participant holds
-- two overlapping scheduled interviews, whoever writes: the checks run inside the writing
-- transaction, and SQLite lets one writer in at a time.
CREATE TRIGGER interviews_capacity_on_insert BEFORE INSERT ON interviews
WHEN NEW.state = 'scheduled' AND (
  SELECT count(*) FROM interviews
  WHERE session_id = NEW.session_id AND starts_at = NEW.starts_at AND state = 'scheduled'
) >= (SELECT capacity FROM sessions WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'confab:slot_full'); END;

CREATE TRIGGER interviews_capacity_on_update BEFORE UPDATE OF session_id, starts_at, state ON interviews
WHEN NEW.state = 'scheduled' AND (
  SELECT count(*) FROM interviews
  WHERE session_id = NEW.session_id AND starts_at = NEW.starts_at AND state = 'scheduled' AND id <> NEW.id
) >= (SELECT capacity FROM sessions WHERE id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'confab:slot_full'); END;

CREATE TRIGGER interviews_overlap_on_insert BEFORE INSERT ON interviews
WHEN NEW.state = 'scheduled' AND EXISTS (
  SELECT 1 FROM interviews
  WHERE participant_id = NEW.participant_id AND state = 'scheduled'
    AND starts_at < NEW.ends_at AND NEW.starts_at < ends_at
)
BEGIN SELECT RAISE(ABORT, 'confab:participant_overlap'); END;

CREATE TRIGGER interviews_overlap_on_update BEFORE UPDATE OF starts_at, ends_at, state ON interviews
WHEN NEW.state = 'scheduled' AND EXISTS (
  SELECT 1 FROM interviews
  WHERE participant_id = NEW.participant_id AND state = 'scheduled' AND id <> NEW.id
    AND starts_at < NEW.ends_at AND NEW.starts_at < ends_at
)
BEGIN SELECT RAISE(ABORT, 'confab:participant_overlap'); END;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('researcher', 'participant', 'calendar', 'system')),
  actor TEXT NOT NULL DEFAULT '',
  study_id INTEGER NULL REFERENCES studies (id) ON DELETE SET NULL,
  participant_id INTEGER NULL REFERENCES participants (id) ON DELETE SET NULL,
  interview_id INTEGER NULL REFERENCES interviews (id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  from_value TEXT NOT NULL DEFAULT '',
  to_value TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_participant ON audit_log (participant_id, id);
CREATE INDEX audit_log_study ON audit_log (study_id, id);
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
            "the scheduling tables cannot be removed without losing data; restore a backup instead"
                .into(),
        ))
    }
}
