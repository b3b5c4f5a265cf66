use sea_orm::entity::prelude::*;

/// A freed place offered to one waitlisted participant, until they take it, its deadline
/// passes, or they leave the waitlist.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "waitlist_offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub study_id: i64,
    pub enrolment_id: i64,
    pub session_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub offered_at: i64,
    pub expires_at: Option<i64>,
    /// open, expired or closed
    pub state: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
