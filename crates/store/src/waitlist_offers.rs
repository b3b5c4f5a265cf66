//! Places offered to waitlisted participants, each with its deadline.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::entity::waitlist_offer::{self, Entity as Offer};

pub const OPEN: &str = "open";
pub const EXPIRED: &str = "expired";
/// The participant left the waitlist (booked, declined, or set otherwise) before it ran out.
pub const CLOSED: &str = "closed";

pub struct NewOffer {
    pub study_id: i64,
    pub enrolment_id: i64,
    pub session_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub offered_at: i64,
    pub expires_at: Option<i64>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewOffer,
) -> Result<waitlist_offer::Model, DbErr> {
    waitlist_offer::ActiveModel {
        study_id: Set(new.study_id),
        enrolment_id: Set(new.enrolment_id),
        session_id: Set(new.session_id),
        starts_at: Set(new.starts_at),
        ends_at: Set(new.ends_at),
        offered_at: Set(new.offered_at),
        expires_at: Set(new.expires_at),
        state: Set(OPEN.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The enrolments this place was offered to already, so it goes to each person once.
pub async fn offered_for_place(
    db: &impl ConnectionTrait,
    session_id: i64,
    starts_at: i64,
) -> Result<Vec<i64>, DbErr> {
    Ok(Offer::find()
        .filter(waitlist_offer::Column::SessionId.eq(session_id))
        .filter(waitlist_offer::Column::StartsAt.eq(starts_at))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.enrolment_id)
        .collect())
}

/// Open offers whose deadline has passed.
pub async fn expired_by(
    db: &impl ConnectionTrait,
    now: i64,
) -> Result<Vec<waitlist_offer::Model>, DbErr> {
    Offer::find()
        .filter(waitlist_offer::Column::State.eq(OPEN))
        .filter(waitlist_offer::Column::ExpiresAt.lte(now))
        .all(db)
        .await
}

/// Moves an open offer to `state`; says whether it was still open (another process may have
/// moved it first).
pub async fn close(db: &impl ConnectionTrait, id: i64, state: &str) -> Result<bool, DbErr> {
    let result = Offer::update_many()
        .col_expr(waitlist_offer::Column::State, state.into())
        .filter(waitlist_offer::Column::Id.eq(id))
        .filter(waitlist_offer::Column::State.eq(OPEN))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
