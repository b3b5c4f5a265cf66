use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    /// The SHA-256 of the code (lower-case hex): the code itself is only in the message.
    /// Before saving, [`crate::tokens::insert_all`] takes the code here and hashes it.
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
    /// The code's first four characters, which a participant may write in their own words.
    pub short_code: String,
    /// After this moment the code no longer acts; it gets a polite answer instead.
    pub expires_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
