//! The schedule of an interview-day session, and the applicants it is made for.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    sea_query::OnConflict,
};

use crate::entity::day_schedule::{self, Entity as DaySchedule};
use crate::entity::interview::{self, Entity as Interview};
use crate::first_row::first_row;
use crate::interviews::SCHEDULED;

pub async fn find(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Option<day_schedule::Model>, DbErr> {
    first_row(db, DaySchedule::find_by_id(session_id)).await
}

/// Inserts the session's schedule or replaces it whole.
pub async fn put(db: &impl ConnectionTrait, row: day_schedule::Model) -> Result<(), DbErr> {
    use day_schedule::Column as C;
    DaySchedule::insert(row.into_active_model())
        .on_conflict(
            OnConflict::column(C::SessionId)
                .update_columns([
                    C::Rounds,
                    C::RoundMinutes,
                    C::PassingMinutes,
                    C::StartTime,
                    C::FixedBlocks,
                    C::Itineraries,
                    C::CalendarUids,
                    C::Sequence,
                    C::PublishedAt,
                    C::ChangedSincePublish,
                    C::UpdatedAt,
                    C::Conflicts,
                    C::MustMeet,
                    C::PublishedMessages,
                ])
                .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
}

/// The session's confirmed applicants: its scheduled interviews, oldest booking first so the
/// order (and with it the generated schedule) does not change between calls.
pub async fn confirmed_in_session(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<interview::Model>, DbErr> {
    Interview::find()
        .filter(interview::Column::SessionId.eq(session_id))
        .filter(interview::Column::State.eq(SCHEDULED))
        .order_by_asc(interview::Column::Id)
        .all(db)
        .await
}
