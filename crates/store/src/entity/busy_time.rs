use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "busy_times")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub interviewer_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub source_uid: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
