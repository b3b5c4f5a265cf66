use confab_core::EnrolmentStatus;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::entity::enrolment::{self, Entity as Enrolment};

pub async fn find(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
) -> Result<Option<enrolment::Model>, DbErr> {
    Enrolment::find()
        .filter(enrolment::Column::StudyId.eq(study_id))
        .filter(enrolment::Column::ParticipantId.eq(participant_id))
        .one(db)
        .await
}

pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<enrolment::Model>, DbErr> {
    Enrolment::find_by_id(id).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
    now: i64,
) -> Result<enrolment::Model, DbErr> {
    enrolment::ActiveModel {
        study_id: Set(study_id),
        participant_id: Set(participant_id),
        status: Set(EnrolmentStatus::Added.key().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    id: i64,
    status: EnrolmentStatus,
    now: i64,
) -> Result<(), DbErr> {
    Enrolment::update_many()
        .col_expr(
            enrolment::Column::Status,
            sea_orm::sea_query::Expr::value(status.key()),
        )
        .col_expr(
            enrolment::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(enrolment::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<enrolment::Model>, DbErr> {
    Enrolment::find()
        .filter(enrolment::Column::StudyId.eq(study_id))
        .all(db)
        .await
}
