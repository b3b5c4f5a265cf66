use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "day_schedules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: i64,
    pub rounds: i32,
    pub round_minutes: i32,
    pub passing_minutes: i32,
    /// `HH:MM` on the study's wall clock.
    pub start_time: String,
    /// JSON: `[{label, start: "HH:MM", minutes}]`.
    pub fixed_blocks: String,
    /// JSON: `[{applicant, seats: [interviewer id or null]}]`.
    pub itineraries: String,
    /// JSON: applicant id → calendar UID.
    pub calendar_uids: String,
    pub sequence: i32,
    pub published_at: Option<i64>,
    pub changed_since_publish: bool,
    pub updated_at: i64,
    /// JSON: `[{applicantId, interviewerId}]` that must never meet.
    pub conflicts: String,
    /// JSON: `[{applicantId, interviewerId}]` that should meet.
    pub must_meet: String,
    /// JSON: the outbox ids the last publication queued.
    pub published_messages: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
