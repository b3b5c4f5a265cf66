use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "studies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub time_zone: String,
    pub interview_minutes: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub archived_at: Option<DateTimeUtc>,
    pub kind: String,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub horizon_days: i32,
    pub max_per_day: Option<i32>,
    pub max_per_week: Option<i32>,
    pub change_cutoff_hours: i32,
    pub location: String,
    pub conferencing_url: String,
    pub dial_in: String,
    pub self_scheduling: bool,
    pub reminder_hours: Option<i32>,
    /// How long a waitlisted participant has to take a freed place; no limit when empty.
    pub waitlist_offer_hours: Option<i32>,
    /// How many interviews the study holds with each participant (a pre and a post, a
    /// follow-up); one at a time.
    pub interviews_per_participant: i32,
    /// The language of messages to participants who have none of their own (`en-GB`, `de`).
    pub language: String,
    /// `round_robin`, `fixed` or `panel`: how interviewers are put on interviews.
    pub staffing: String,
    /// The one interviewer of every interview, when staffing is `fixed`.
    pub fixed_interviewer_id: Option<i64>,
    /// How many interviewers sit on each interview, when staffing is `panel`; all when empty.
    pub panel_size: Option<i32>,
    /// The calendar (of the calendar account) the study's interviews are written into.
    pub calendar_href: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
