//! Inbound mail Sync has handled, and where reading each folder got to.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use crate::entity::inbound_message;

/// What is known of a message as it arrives: the outbox message it is a copy of (its id and
/// state), when it is one of Confab's own, and whether it was handled before under `key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub own: Option<(i64, String)>,
    pub seen: bool,
}

/// [`Arrival`] of a message with `message_id` (compared with and without its angle brackets)
/// handled under `key`, in one statement: Sync asks it of every message it reads.
pub async fn arrival(
    db: &impl ConnectionTrait,
    message_id: Option<&str>,
    key: &str,
) -> Result<Arrival, DbErr> {
    let [bare, bracketed] = match message_id.map(crate::outbox::message_id_forms) {
        Some([bare, bracketed]) => [Some(bare), Some(bracketed)],
        None => [None, None],
    };
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            "SELECT o.id AS own_id, o.state AS own_state, \
             CASE WHEN EXISTS (SELECT 1 FROM inbound WHERE message_key = ?) THEN 1 ELSE 0 END AS seen \
             FROM (SELECT 1 AS one) AS arriving \
             LEFT JOIN outbox o ON o.message_id IN (?, ?) \
             LIMIT 1",
            [key.into(), bare.into(), bracketed.into()],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("the arrival of a message".into()))?;
    let own_id: Option<i64> = row.try_get("", "own_id")?;
    let own_state: Option<String> = row.try_get("", "own_state")?;
    let seen: i32 = row.try_get("", "seen")?;
    Ok(Arrival {
        own: own_id.zip(own_state),
        seen: seen == 1,
    })
}

/// Returns the new record's id, the one column read back.
pub async fn insert(
    db: &impl ConnectionTrait,
    row: inbound_message::ActiveModel,
) -> Result<i64, DbErr> {
    Ok(inbound_message::Entity::insert(row)
        .exec(db)
        .await?
        .last_insert_id)
}

/// (UIDVALIDITY, last UID handled) of a folder.
pub async fn position(
    db: &impl ConnectionTrait,
    folder: &str,
) -> Result<Option<(u32, u32)>, DbErr> {
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            "SELECT uid_validity, last_uid FROM mailbox_state WHERE folder = ?",
            [folder.into()],
        ))
        .await?;
    row.map(|r| {
        let validity: i64 = r.try_get_by_index(0)?;
        let last: i64 = r.try_get_by_index(1)?;
        Ok((
            u32::try_from(validity).unwrap_or_default(),
            u32::try_from(last).unwrap_or_default(),
        ))
    })
    .transpose()
}

pub async fn set_position(
    db: &impl ConnectionTrait,
    folder: &str,
    uid_validity: u32,
    last_uid: u32,
) -> Result<(), DbErr> {
    let (validity, last) = (i64::from(uid_validity), i64::from(last_uid));
    // An update first, then an insert: a team database's view takes both, but not an upsert.
    let updated = db
        .execute_raw(crate::dialect::statement(
            db,
            "UPDATE mailbox_state SET uid_validity = ?, last_uid = ? WHERE folder = ?",
            [validity.into(), last.into(), folder.into()],
        ))
        .await?
        .rows_affected();
    if updated == 0 {
        db.execute_raw(crate::dialect::statement(
            db,
            "INSERT INTO mailbox_state (folder, uid_validity, last_uid) VALUES (?, ?, ?)",
            [folder.into(), validity.into(), last.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Forgets how far a folder was read: the next Sync decides again where to start.
pub async fn forget_position(db: &impl ConnectionTrait, folder: &str) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "DELETE FROM mailbox_state WHERE folder = ?",
        [folder.into()],
    ))
    .await
    .map(|_| ())
}

pub fn new_row(
    message_key: String,
    from_address: String,
    subject: String,
    kind: &str,
    outcome: String,
    now: i64,
) -> inbound_message::ActiveModel {
    inbound_message::ActiveModel {
        message_key: Set(message_key),
        from_address: Set(from_address),
        subject: Set(subject),
        kind: Set(kind.to_owned()),
        outcome: Set(outcome),
        handled_at: Set(now),
        ..Default::default()
    }
}
