//! The codes in participants' mailto: links.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entity::token::{self, Entity as Token};

pub const CHOICE: &str = "choice";
pub const DECLINE: &str = "decline";
pub const CANCEL: &str = "cancel";

pub async fn insert_all(db: &impl ConnectionTrait, rows: Vec<token::Model>) -> Result<(), DbErr> {
    if rows.is_empty() {
        return Ok(());
    }
    let models = rows.into_iter().map(|r| token::ActiveModel {
        token: sea_orm::Set(r.token),
        enrolment_id: sea_orm::Set(r.enrolment_id),
        kind: sea_orm::Set(r.kind),
        batch: sea_orm::Set(r.batch),
        session_id: sea_orm::Set(r.session_id),
        starts_at: sea_orm::Set(r.starts_at),
        interview_id: sea_orm::Set(r.interview_id),
        created_at: sea_orm::Set(r.created_at),
        used_at: sea_orm::Set(r.used_at),
    });
    Token::insert_many(models).exec(db).await.map(|_| ())
}

pub async fn find_all(
    db: &impl ConnectionTrait,
    tokens: &[String],
) -> Result<Vec<token::Model>, DbErr> {
    if tokens.is_empty() {
        return Ok(Vec::new());
    }
    Token::find()
        .filter(token::Column::Token.is_in(tokens.iter().cloned()))
        .all(db)
        .await
}

/// Marks every token of a batch used: one answer to a message settles all its links.
pub async fn use_batch(db: &impl ConnectionTrait, batch: &str, now: i64) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::Batch.eq(batch))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Retires the unused links of earlier messages to one participant of one kind, so only the
/// newest invitation's links act.
pub async fn retire_for_enrolment(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    kind: &str,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::EnrolmentId.eq(enrolment_id))
        .filter(token::Column::Kind.eq(kind))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Retires every unused link about one interview (its cancel link, the times of a reschedule
/// request) once the interview is no longer scheduled.
pub async fn retire_for_interview(
    db: &impl ConnectionTrait,
    interview_id: i64,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::InterviewId.eq(interview_id))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// The times of the newest message that still offers this participant choices (in any of
/// their studies), in the order the message listed them; empty when none is live.
pub async fn newest_live_offer(
    db: &impl ConnectionTrait,
    participant_id: i64,
) -> Result<Vec<token::Model>, DbErr> {
    use sea_orm::QueryOrder;
    let enrolments = crate::enrolments::for_participant(db, participant_id).await?;
    let ids: Vec<i64> = enrolments.iter().map(|e| e.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let newest = Token::find()
        .filter(token::Column::EnrolmentId.is_in(ids))
        .filter(token::Column::Kind.eq(CHOICE))
        .filter(token::Column::UsedAt.is_null())
        .order_by_desc(token::Column::CreatedAt)
        .one(db)
        .await?;
    match newest {
        Some(row) => batch_choices(db, &row.batch).await,
        None => Ok(Vec::new()),
    }
}

/// The choice tokens of one message, in the order it listed them (by start).
pub async fn batch_choices(
    db: &impl ConnectionTrait,
    batch: &str,
) -> Result<Vec<token::Model>, DbErr> {
    use sea_orm::QueryOrder;
    Token::find()
        .filter(token::Column::Batch.eq(batch))
        .filter(token::Column::Kind.eq(CHOICE))
        .order_by_asc(token::Column::StartsAt)
        .order_by_asc(token::Column::SessionId)
        .all(db)
        .await
}

/// Retires one participant's unused links to one start time: an offer of that time ran out.
pub async fn retire_for_time(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    starts_at: i64,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::EnrolmentId.eq(enrolment_id))
        .filter(token::Column::Kind.eq(CHOICE))
        .filter(token::Column::StartsAt.eq(starts_at))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}
