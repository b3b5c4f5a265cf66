//! Inbound mail Sync has handled, and where reading each folder got to.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::entity::inbound_message::{self, Entity as Inbound};

pub async fn seen(db: &impl ConnectionTrait, message_key: &str) -> Result<bool, DbErr> {
    Ok(Inbound::find()
        .filter(inbound_message::Column::MessageKey.eq(message_key))
        .one(db)
        .await?
        .is_some())
}

pub async fn insert(
    db: &impl ConnectionTrait,
    row: inbound_message::ActiveModel,
) -> Result<inbound_message::Model, DbErr> {
    row.insert(db).await
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
