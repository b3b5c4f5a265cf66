use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::choice::{self, Entity as Choice};

/// Replaces a participant's held choices in one study.
pub async fn replace(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    choices: &[(i32, i64, i64, i64)],
    now: i64,
) -> Result<(), DbErr> {
    clear(db, enrolment_id).await?;
    for (rank, session_id, start, end) in choices {
        choice::ActiveModel {
            enrolment_id: Set(enrolment_id),
            rank: Set(*rank),
            session_id: Set(*session_id),
            starts_at: Set(*start),
            ends_at: Set(*end),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, enrolment_id: i64) -> Result<(), DbErr> {
    Choice::delete_many()
        .filter(choice::Column::EnrolmentId.eq(enrolment_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn for_enrolment(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
) -> Result<Vec<choice::Model>, DbErr> {
    Choice::find()
        .filter(choice::Column::EnrolmentId.eq(enrolment_id))
        .order_by_asc(choice::Column::Rank)
        .all(db)
        .await
}

/// Held choices that touch [from, to): in one session, or in the whole study when
/// `session_id` is None. Choices exist only while their participant is Pending.
pub async fn held_between(
    db: &impl ConnectionTrait,
    study_id: i64,
    session_id: Option<i64>,
    from: i64,
    to: i64,
) -> Result<Vec<choice::Model>, DbErr> {
    let mut query = Choice::find()
        .filter(choice::Column::EndsAt.gt(from))
        .filter(choice::Column::StartsAt.lt(to));
    query = match session_id {
        Some(id) => query.filter(choice::Column::SessionId.eq(id)),
        None => query.filter(
            choice::Column::SessionId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(crate::entity::session::Column::Id)
                    .from(crate::entity::session::Entity)
                    .and_where(crate::entity::session::Column::StudyId.eq(study_id))
                    .to_owned(),
            ),
        ),
    };
    query.all(db).await
}
