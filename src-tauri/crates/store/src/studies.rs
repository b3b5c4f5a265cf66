use chrono::{DateTime, Utc};
use confab_core::ValidStudy;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::study::{self, Entity as Study};

/// Studies that are not archived, the newest first.
pub async fn list_active(db: &impl ConnectionTrait) -> Result<Vec<study::Model>, DbErr> {
    Study::find()
        .filter(study::Column::ArchivedAt.is_null())
        .order_by_desc(study::Column::CreatedAt)
        .order_by_desc(study::Column::Id)
        .all(db)
        .await
}

pub async fn find_by_name(
    db: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<study::Model>, DbErr> {
    Study::find()
        .filter(study::Column::Name.eq(name))
        .one(db)
        .await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    study: &ValidStudy,
    now: DateTime<Utc>,
) -> Result<study::Model, DbErr> {
    study::ActiveModel {
        name: Set(study.name.clone()),
        description: Set(study.description.clone()),
        time_zone: Set(study.time_zone.name().to_owned()),
        interview_minutes: Set(study.interview_minutes),
        created_at: Set(now),
        updated_at: Set(now),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}
