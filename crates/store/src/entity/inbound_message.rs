use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inbound")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub message_key: String,
    pub from_address: String,
    pub subject: String,
    pub kind: String,
    pub outcome: String,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub handled_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
