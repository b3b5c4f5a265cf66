use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interviewers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub study_id: i64,
    pub name: String,
    pub email: String,
    /// `interviewer`, or `note_taker`: sits in when free, never counts as a place.
    pub role: String,
    /// The calendar of the calendar account their busy times are read from, if any.
    pub calendar_href: Option<String>,
    /// When Sync last read that calendar.
    pub busy_read_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
