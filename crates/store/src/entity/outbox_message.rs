use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub study_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub interview_id: Option<i64>,
    pub kind: String,
    /// A JSON array of `{name, email}`.
    pub recipients: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub calendar_method: Option<String>,
    /// The interview as the calendar part describes it, JSON; the organizer is filled in when
    /// the message is sent.
    pub calendar_event: Option<String>,
    pub message_id: String,
    pub in_reply_to: Option<String>,
    pub raw: Option<Vec<u8>>,
    pub state: String,
    pub attempts: i32,
    pub last_error: String,
    pub next_attempt_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    /// The Sync that claimed the message for sending (state `sending`).
    pub claimed_by: Option<String>,
    /// When the message's data reached the server without a verdict (state `unknown`).
    pub unknown_since: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
