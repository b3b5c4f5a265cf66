use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attention")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub study_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub inbound_id: Option<i64>,
    pub summary: String,
    pub proposed_start: Option<i64>,
    pub proposed_end: Option<i64>,
    pub state: String,
    pub resolution: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    /// For an answer that fits several offered times: those times, as JSON.
    pub candidates: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
