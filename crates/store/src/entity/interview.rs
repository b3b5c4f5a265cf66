use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub study_id: i64,
    pub enrolment_id: i64,
    pub participant_id: i64,
    pub session_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub state: String,
    pub calendar_uid: String,
    pub sequence: i32,
    pub rule_overrides: String,
    pub cancel_reason: String,
    /// Which of the study's interviews with this participant it is, from 1.
    pub round: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
