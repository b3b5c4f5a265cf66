//! Items that need the researcher: counter-proposals, replies that could not be applied,
//! bounces.

use confab_core::AttentionKind;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::attention_item::{self, Entity as Attention};
use crate::first_row::first_row;

pub const OPEN: &str = "open";
pub const RESOLVED: &str = "resolved";

pub async fn insert(
    db: &impl ConnectionTrait,
    row: attention_item::ActiveModel,
) -> Result<attention_item::Model, DbErr> {
    row.insert(db).await
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<attention_item::Model>, DbErr> {
    first_row(db, Attention::find_by_id(id)).await
}

pub async fn open_items(
    db: &impl ConnectionTrait,
    study_id: Option<i64>,
) -> Result<Vec<attention_item::Model>, DbErr> {
    let mut query = Attention::find().filter(attention_item::Column::State.eq(OPEN));
    if let Some(study) = study_id {
        query = query.filter(attention_item::Column::StudyId.eq(study));
    }
    query.order_by_asc(attention_item::Column::Id).all(db).await
}

pub async fn resolve(
    db: &impl ConnectionTrait,
    id: i64,
    resolution: &str,
    now: i64,
) -> Result<bool, DbErr> {
    let result = Attention::update_many()
        .col_expr(attention_item::Column::State, RESOLVED.into())
        .col_expr(attention_item::Column::Resolution, resolution.into())
        .col_expr(attention_item::Column::ResolvedAt, now.into())
        .filter(attention_item::Column::Id.eq(id))
        .filter(attention_item::Column::State.eq(OPEN))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub fn new_item(kind: AttentionKind, summary: String, now: i64) -> attention_item::ActiveModel {
    attention_item::ActiveModel {
        kind: Set(kind.key().to_owned()),
        summary: Set(summary),
        state: Set(OPEN.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
}
