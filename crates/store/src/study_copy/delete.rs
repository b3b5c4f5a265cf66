//! Removing a study, and what only it held, from the database it left.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entity::{audit_entry, enrolment, outbox_message, participant, study};
use crate::first_row::first_row;

/// Removes study `id` and what only it held from `db` (inside the caller's transaction): its
/// outbox, so no message goes out from both databases, its history, and the participants
/// who are in no other study. The messages it read stay known, so they are not read again.
pub async fn delete_study(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    let participants: Vec<i64> = enrolment::Entity::find()
        .filter(enrolment::Column::StudyId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.participant_id)
        .collect();
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::StudyId.eq(id))
        .exec(db)
        .await?;
    audit_entry::Entity::delete_many()
        .filter(audit_entry::Column::StudyId.eq(id))
        .exec(db)
        .await?;
    study::Entity::delete_by_id(id).exec(db).await?;
    for person in participants {
        let elsewhere = first_row(
            db,
            enrolment::Entity::find().filter(enrolment::Column::ParticipantId.eq(person)),
        )
        .await?;
        if elsewhere.is_none() {
            participant::Entity::delete_by_id(person).exec(db).await?;
        }
    }
    Ok(())
}
