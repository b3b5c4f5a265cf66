use chrono::{DateTime, Utc};
use confab_core::ValidStudy;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::study::{self, Entity as Study};
use crate::first_row::first_row;

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
    first_row(db, Study::find().filter(study::Column::Name.eq(name))).await
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
        // The scheduling defaults of a new study; the migration's column defaults say the same
        // for studies that existed before the columns did.
        kind: Set("one_to_one".into()),
        buffer_before_minutes: Set(0),
        buffer_after_minutes: Set(0),
        min_notice_minutes: Set(1440),
        horizon_days: Set(60),
        max_per_day: Set(None),
        max_per_week: Set(None),
        change_cutoff_hours: Set(24),
        location: Set(String::new()),
        conferencing_url: Set(String::new()),
        dial_in: Set(String::new()),
        self_scheduling: Set(true),
        interviews_per_participant: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<study::Model>, DbErr> {
    first_row(db, Study::find_by_id(id)).await
}

pub async fn update(
    db: &impl ConnectionTrait,
    row: study::ActiveModel,
) -> Result<study::Model, DbErr> {
    row.update(db).await
}
