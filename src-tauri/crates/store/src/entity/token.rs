use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token: String,
    pub enrolment_id: i64,
    /// choice, decline or cancel
    pub kind: String,
    /// The tokens of one message share a batch: using one uses them all.
    pub batch: String,
    pub session_id: Option<i64>,
    pub starts_at: Option<i64>,
    pub interview_id: Option<i64>,
    pub created_at: i64,
    pub used_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
