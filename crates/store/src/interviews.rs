use confab_core::InterviewState;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::entity::interview::{self, Entity as Interview};
use crate::first_row::first_row;

// The stored states, as the domain names them.
pub const SCHEDULED: &str = InterviewState::Scheduled.key();
pub const COMPLETED: &str = InterviewState::Completed.key();
pub const CANCELED: &str = InterviewState::Canceled.key();
pub const NO_SHOW: &str = InterviewState::NoShow.key();

/// Inserts a scheduled interview and returns it. Written as one plain statement because it is
/// on the path of every booking, where each statement's cost shows.
pub async fn insert(
    db: &impl ConnectionTrait,
    row: interview::Model,
) -> Result<interview::Model, DbErr> {
    let inserted = db
        .query_one_raw(crate::dialect::statement(db,
            "INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at, ends_at, \
                                     state, calendar_uid, sequence, rule_overrides, cancel_reason, created_at, updated_at, round) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [
                row.study_id.into(),
                row.enrolment_id.into(),
                row.participant_id.into(),
                row.session_id.into(),
                row.starts_at.into(),
                row.ends_at.into(),
                row.state.clone().into(),
                row.calendar_uid.clone().into(),
                row.sequence.into(),
                row.rule_overrides.clone().into(),
                row.cancel_reason.clone().into(),
                row.created_at.into(),
                row.updated_at.into(),
                row.round.into(),
            ],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotInserted)?;
    Ok(interview::Model {
        id: inserted.try_get_by_index(0)?,
        ..row
    })
}

pub async fn update(
    db: &impl ConnectionTrait,
    row: interview::ActiveModel,
) -> Result<interview::Model, DbErr> {
    row.update(db).await
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<interview::Model>, DbErr> {
    first_row(db, Interview::find_by_id(id)).await
}

/// The interview a calendar reply is about: its UID never changes.
pub async fn find_by_uid(
    db: &impl ConnectionTrait,
    uid: &str,
) -> Result<Option<interview::Model>, DbErr> {
    first_row(
        db,
        Interview::find().filter(interview::Column::CalendarUid.eq(uid)),
    )
    .await
}

/// Scheduled interviews of studies with reminders that start within their study's reminder
/// time from `now` and have no reminder in the outbox yet.
pub async fn needing_reminder(
    db: &impl ConnectionTrait,
    now: i64,
    reminder_kind: &str,
) -> Result<Vec<interview::Model>, DbErr> {
    use sea_orm::FromQueryResult;
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            "SELECT i.* FROM interviews i JOIN studies s ON s.id = i.study_id \
             WHERE i.state = 'scheduled' AND s.reminder_hours IS NOT NULL \
               AND i.starts_at > ? AND i.starts_at <= ? + s.reminder_hours * 3600 \
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.interview_id = i.id AND o.kind = ? \
                               AND o.created_at >= i.updated_at)",
            [now.into(), now.into(), reminder_kind.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| interview::Model::from_query_result(r, ""))
        .collect()
}

pub async fn scheduled_for_enrolment(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
) -> Result<Option<interview::Model>, DbErr> {
    first_row(
        db,
        Interview::find()
            .filter(interview::Column::EnrolmentId.eq(enrolment_id))
            .filter(interview::Column::State.eq(SCHEDULED)),
    )
    .await
}

/// How many of the study's interviews the participant has completed: the next one booked is
/// one more.
pub async fn rounds_completed(db: &impl ConnectionTrait, enrolment_id: i64) -> Result<i32, DbErr> {
    let n = Interview::find()
        .filter(interview::Column::EnrolmentId.eq(enrolment_id))
        .filter(interview::Column::State.eq(COMPLETED))
        .count(db)
        .await?;
    Ok(i32::try_from(n).unwrap_or(i32::MAX))
}

/// The round the participant's next interview holds: the first without a completed or
/// scheduled interview (a completed one later marked a no-show leaves its round to hold again).
pub async fn next_round(db: &impl ConnectionTrait, enrolment_id: i64) -> Result<i32, DbErr> {
    Ok(first_free_round(&held_rounds(db, enrolment_id).await?))
}

/// The rounds of the enrolment's scheduled and completed interviews.
pub async fn held_rounds(db: &impl ConnectionTrait, enrolment_id: i64) -> Result<Vec<i32>, DbErr> {
    use sea_orm::QuerySelect;
    Interview::find()
        .select_only()
        .column(interview::Column::Round)
        .filter(interview::Column::EnrolmentId.eq(enrolment_id))
        .filter(interview::Column::State.is_in([COMPLETED, SCHEDULED]))
        .into_tuple()
        .all(db)
        .await
}

/// The first round (from 1) that none of `held` is.
pub fn first_free_round(held: &[i32]) -> i32 {
    (1..).find(|r| !held.contains(r)).unwrap_or(1)
}

/// Whether the participant completed an interview of this study later than `row` (by start,
/// then by booking order).
pub async fn completed_after(
    db: &impl ConnectionTrait,
    row: &interview::Model,
) -> Result<bool, DbErr> {
    use sea_orm::Condition;
    Ok(Interview::find()
        .filter(interview::Column::EnrolmentId.eq(row.enrolment_id))
        .filter(interview::Column::State.eq(COMPLETED))
        .filter(
            Condition::any()
                .add(interview::Column::StartsAt.gt(row.starts_at))
                .add(
                    Condition::all()
                        .add(interview::Column::StartsAt.eq(row.starts_at))
                        .add(interview::Column::Id.gt(row.id)),
                ),
        )
        .count(db)
        .await?
        > 0)
}

/// The highest round any participant of the study holds (scheduled or completed); 0 if none.
pub async fn most_rounds_held(db: &impl ConnectionTrait, study_id: i64) -> Result<i32, DbErr> {
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            "SELECT coalesce(max(round), 0) FROM interviews \
             WHERE study_id = ? AND state IN ('scheduled', 'completed')",
            [study_id.into()],
        ))
        .await?;
    match row {
        Some(r) => r.try_get_by_index::<i32>(0),
        None => Ok(0),
    }
}

/// The study's interviews in `state`, by start time (latest first for finished ones).
pub async fn for_study_in_state(
    db: &impl ConnectionTrait,
    study_id: i64,
    state: &str,
) -> Result<Vec<interview::Model>, DbErr> {
    let query = Interview::find()
        .filter(interview::Column::StudyId.eq(study_id))
        .filter(interview::Column::State.eq(state));
    let query = if state == SCHEDULED {
        query.order_by_asc(interview::Column::StartsAt)
    } else {
        query.order_by_desc(interview::Column::StartsAt)
    };
    query.order_by_asc(interview::Column::Id).all(db).await
}

/// Scheduled interviews of the study that touch [from, to).
pub async fn scheduled_between(
    db: &impl ConnectionTrait,
    study_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<interview::Model>, DbErr> {
    Interview::find()
        .filter(interview::Column::StudyId.eq(study_id))
        .filter(interview::Column::State.eq(SCHEDULED))
        .filter(interview::Column::EndsAt.gt(from))
        .filter(interview::Column::StartsAt.lt(to))
        .all(db)
        .await
}

/// Scheduled interviews whose end has passed.
pub async fn ended_before(
    db: &impl ConnectionTrait,
    now: i64,
) -> Result<Vec<interview::Model>, DbErr> {
    Interview::find()
        .filter(interview::Column::State.eq(SCHEDULED))
        .filter(interview::Column::EndsAt.lte(now))
        .all(db)
        .await
}

pub fn set_state(row: &interview::Model, state: &str, now: i64) -> interview::ActiveModel {
    interview::ActiveModel {
        id: Set(row.id),
        state: Set(state.to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
}
