use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::audit_entry::{self, Entity as AuditEntry};

pub use confab_core::ActorKind;

/// One line of the audit log, before it is written.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub at: i64,
    pub actor_kind: Option<ActorKind>,
    pub actor: String,
    pub study_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub action: String,
    pub from_value: String,
    pub to_value: String,
    pub reason: String,
}

/// The most lines one insert writes: well below SQLite's limit on parameters (ten each).
pub(crate) const LINES_PER_STATEMENT: usize = 1000;

/// Several lines in one statement, as one change often needs.
pub async fn record_all(db: &impl ConnectionTrait, entries: Vec<NewEntry>) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    // Plain multi-row inserts: every booking writes two lines, an import thousands (in chunks
    // well below SQLite's limit on parameters).
    let mut entries = entries;
    while entries.len() > LINES_PER_STATEMENT {
        let rest = entries.split_off(LINES_PER_STATEMENT);
        insert_entries(db, entries).await?;
        entries = rest;
    }
    insert_entries(db, entries).await
}

async fn insert_entries(db: &impl ConnectionTrait, entries: Vec<NewEntry>) -> Result<(), DbErr> {
    let (sql, values) = insert_statement(entries);
    db.execute_raw(crate::dialect::statement(db, sql, values))
        .await
        .map(|_| ())
}

/// The multi-row insert of `entries` with its values, for a statement of its own or as the
/// last part of a larger one.
pub(crate) fn insert_statement(entries: Vec<NewEntry>) -> (String, Vec<sea_orm::Value>) {
    let rows = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; entries.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = Vec::with_capacity(entries.len() * 10);
    for e in entries {
        values.extend([
            e.at.into(),
            e.actor_kind.unwrap_or(ActorKind::Researcher).key().into(),
            e.actor.into(),
            e.study_id.into(),
            e.participant_id.into(),
            e.interview_id.into(),
            e.action.into(),
            e.from_value.into(),
            e.to_value.into(),
            e.reason.into(),
        ]);
    }
    (
        format!(
            "INSERT INTO audit_log (at, actor_kind, actor, study_id, participant_id, interview_id, action, from_value, to_value, reason) VALUES {rows}"
        ),
        values,
    )
}

/// Written in the same transaction as the change it describes, so neither exists without the
/// other.
pub async fn record(db: &impl ConnectionTrait, entry: NewEntry) -> Result<(), DbErr> {
    record_all(db, vec![entry]).await
}

/// Every change to one participant, oldest first; in one study if `study_id` is given.
pub async fn for_participant(
    db: &impl ConnectionTrait,
    participant_id: i64,
    study_id: Option<i64>,
) -> Result<Vec<audit_entry::Model>, DbErr> {
    let mut query =
        AuditEntry::find().filter(audit_entry::Column::ParticipantId.eq(participant_id));
    if let Some(study_id) = study_id {
        query = query.filter(audit_entry::Column::StudyId.eq(study_id));
    }
    query.order_by_asc(audit_entry::Column::Id).all(db).await
}

/// Every change in one study, oldest first.
pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<audit_entry::Model>, DbErr> {
    AuditEntry::find()
        .filter(audit_entry::Column::StudyId.eq(study_id))
        .order_by_asc(audit_entry::Column::Id)
        .all(db)
        .await
}
