//! The outbox: every message is a row here before Sync sends it, and stays as the record of
//! what went out.

use confab_core::OutboxState;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::entity::outbox_message::{self, Entity as Outbox};
use crate::first_row::first_row;

// The stored states, as the domain names (and explains) them.
pub const QUEUED: &str = OutboxState::Queued.key();
pub const HELD: &str = OutboxState::Held.key();
pub const SENDING: &str = OutboxState::Sending.key();
pub const UNKNOWN: &str = OutboxState::Unknown.key();
pub const SENT: &str = OutboxState::Sent.key();
pub const FAILED: &str = OutboxState::Failed.key();

/// Returns the new message's id. Only the id is read back: a message's row holds its bodies,
/// which reading back whole would copy for nothing. The insert's future is boxed: SeaORM's is
/// large in unoptimized builds, and every future that queues a message would carry its size
/// (a test's thread ran out of stack with it inline).
pub async fn insert(
    db: &impl ConnectionTrait,
    row: outbox_message::ActiveModel,
) -> Result<i64, DbErr> {
    Ok(Box::pin(Outbox::insert(row).exec(db)).await?.last_insert_id)
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<outbox_message::Model>, DbErr> {
    first_row(db, Outbox::find_by_id(id)).await
}

/// Newest first; `states` empty means every state.
pub async fn list(
    db: &impl ConnectionTrait,
    states: &[&str],
    limit: u64,
) -> Result<Vec<outbox_message::Model>, DbErr> {
    let mut query = Outbox::find();
    if !states.is_empty() {
        query = query.filter(outbox_message::Column::State.is_in(states.iter().copied()));
    }
    query
        .order_by_desc(outbox_message::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

pub async fn find_by_message_id(
    db: &impl ConnectionTrait,
    message_id: &str,
) -> Result<Option<outbox_message::Model>, DbErr> {
    first_row(
        db,
        Outbox::find()
            .filter(outbox_message::Column::MessageId.is_in(message_id_forms(message_id))),
    )
    .await
}

/// A Message-ID as a header may give it and as the outbox may hold it: without its angle
/// brackets and with them.
pub(crate) fn message_id_forms(message_id: &str) -> [String; 2] {
    let bare = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    [bare.to_owned(), format!("<{bare}>")]
}

/// Messages a Sync has to deal with, oldest first, of this researcher's own (on a team
/// database each researcher's Sync sends what their desktop queued): those left mid-way by an interrupted Sync
/// (claimed, or handed over without a verdict), then those queued and due.
pub async fn due(db: &impl ConnectionTrait, now: i64) -> Result<Vec<outbox_message::Model>, DbErr> {
    use sea_orm::sea_query::Condition;
    Outbox::find()
        .filter(
            Condition::any()
                .add(outbox_message::Column::State.is_in([SENDING, UNKNOWN]))
                .add(
                    Condition::all()
                        .add(outbox_message::Column::State.eq(QUEUED))
                        .add(
                            Condition::any()
                                .add(outbox_message::Column::NextAttemptAt.is_null())
                                .add(outbox_message::Column::NextAttemptAt.lte(now)),
                        ),
                ),
        )
        .filter(crate::dialect::mine(db, "owner"))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await
}

pub async fn update(
    db: &impl ConnectionTrait,
    change: outbox_message::ActiveModel,
) -> Result<outbox_message::Model, DbErr> {
    change.update(db).await
}

/// Moves one message from one state to another, only if it is still in `from`; says whether
/// it was.
pub async fn move_state(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[&str],
    to: &str,
    now: i64,
) -> Result<bool, DbErr> {
    let result = Outbox::update_many()
        .col_expr(outbox_message::Column::State, to.into())
        .col_expr(outbox_message::Column::UpdatedAt, now.into())
        .filter(outbox_message::Column::Id.eq(id))
        .filter(outbox_message::Column::State.is_in(from.iter().copied()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Claims one message for sending by `owner`, only if it is still in one of `from`; fixes
/// the bytes that will go out. Says whether this call claimed it: of two Syncs that try at
/// once, one does.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[&str],
    owner: &str,
    raw: &[u8],
    now: i64,
) -> Result<bool, DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    let result = Outbox::update_many()
        .col_expr(outbox_message::Column::State, SENDING.into())
        .col_expr(outbox_message::Column::ClaimedBy, owner.into())
        .col_expr(outbox_message::Column::Raw, raw.to_vec().into())
        .col_expr(
            outbox_message::Column::Attempts,
            Expr::col(outbox_message::Column::Attempts).add(1),
        )
        .col_expr(outbox_message::Column::UpdatedAt, now.into())
        .filter(outbox_message::Column::Id.eq(id))
        .filter(outbox_message::Column::State.is_in(from.iter().copied()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records, before the message's data goes to the server, that from now on its outcome may
/// be unclear. Only the Sync that claimed it can.
pub async fn handing_over(
    db: &impl ConnectionTrait,
    id: i64,
    owner: &str,
    now: i64,
) -> Result<bool, DbErr> {
    let result = Outbox::update_many()
        .col_expr(outbox_message::Column::State, UNKNOWN.into())
        .col_expr(outbox_message::Column::UnknownSince, now.into())
        .col_expr(outbox_message::Column::UpdatedAt, now.into())
        .filter(outbox_message::Column::Id.eq(id))
        .filter(outbox_message::Column::State.eq(SENDING))
        .filter(outbox_message::Column::ClaimedBy.eq(owner))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks a message sent if it was on its way (`sending` or `unknown`); says whether it was.
pub async fn mark_sent(db: &impl ConnectionTrait, id: i64, now: i64) -> Result<bool, DbErr> {
    Ok(mark_sent_where(db, &[id], now).await? == 1)
}

/// Marks those of `ids` sent that were on their way, in one statement.
pub async fn mark_all_sent(db: &impl ConnectionTrait, ids: &[i64], now: i64) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    mark_sent_where(db, ids, now).await.map(drop)
}

async fn mark_sent_where(db: &impl ConnectionTrait, ids: &[i64], now: i64) -> Result<u64, DbErr> {
    let result = Outbox::update_many()
        .col_expr(outbox_message::Column::State, SENT.into())
        .col_expr(outbox_message::Column::SentAt, Some(now).into())
        .col_expr(outbox_message::Column::LastError, String::new().into())
        .col_expr(outbox_message::Column::UpdatedAt, now.into())
        .filter(outbox_message::Column::Id.is_in(ids.iter().copied()))
        .filter(outbox_message::Column::State.is_in([SENDING, UNKNOWN]))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// This researcher's messages whose outcome is unclear, oldest first.
pub async fn unknown(db: &impl ConnectionTrait) -> Result<Vec<outbox_message::Model>, DbErr> {
    Outbox::find()
        .filter(outbox_message::Column::State.eq(UNKNOWN))
        .filter(crate::dialect::mine(db, "owner"))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await
}

pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    Outbox::delete_by_id(id).exec(db).await.map(|_| ())
}

/// How many messages are in each of `states`, together.
pub async fn count_in(db: &impl ConnectionTrait, states: &[&str]) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    Outbox::find()
        .filter(outbox_message::Column::State.is_in(states.iter().copied()))
        .count(db)
        .await
}

/// Deletes those of `ids` that have not started sending, but for calendar cancellations: a
/// later version of a message replaces it, while nothing replaces a cancellation. Returns how
/// many it deleted.
pub async fn withdraw_unsent(db: &impl ConnectionTrait, ids: &[i64]) -> Result<u64, DbErr> {
    use sea_orm::sea_query::Condition;
    Outbox::delete_many()
        .filter(outbox_message::Column::Id.is_in(ids.iter().copied()))
        .filter(outbox_message::Column::State.is_in([QUEUED, HELD]))
        .filter(
            Condition::any()
                .add(outbox_message::Column::CalendarMethod.is_null())
                .add(outbox_message::Column::CalendarMethod.ne("CANCEL")),
        )
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}

/// Whether a message carrying the calendar event `uid` has gone (or is going) out to the
/// participant: only then is there an event in their calendar to cancel.
pub async fn calendar_event_sent(
    db: &impl ConnectionTrait,
    participant_id: i64,
    uid: &str,
) -> Result<bool, DbErr> {
    use sea_orm::PaginatorTrait;
    Outbox::find()
        .filter(outbox_message::Column::ParticipantId.eq(participant_id))
        .filter(outbox_message::Column::State.is_in([SENT, SENDING]))
        .filter(outbox_message::Column::CalendarEvent.contains(uid))
        .count(db)
        .await
        .map(|n| n > 0)
}

/// Whether a message about `interview_id` that carried its calendar event went (or is going)
/// to the staff member at `email`.
pub async fn staff_event_sent(
    db: &impl ConnectionTrait,
    interview_id: i64,
    email: &str,
) -> Result<bool, DbErr> {
    use sea_orm::PaginatorTrait;
    Outbox::find()
        .filter(outbox_message::Column::InterviewId.eq(interview_id))
        .filter(outbox_message::Column::ParticipantId.is_null())
        .filter(outbox_message::Column::State.is_in([SENT, SENDING]))
        .filter(outbox_message::Column::CalendarEvent.is_not_null())
        .filter(outbox_message::Column::Recipients.contains(format!("\"{email}\"")))
        .count(db)
        .await
        .map(|n| n > 0)
}

/// Deletes the unsent messages about one interview to one staff member at `email`, once they
/// are taken off it.
pub async fn withdraw_unsent_to_staff(
    db: &impl ConnectionTrait,
    interview_id: i64,
    email: &str,
) -> Result<u64, DbErr> {
    let ids: Vec<i64> = Outbox::find()
        .select_only()
        .column(outbox_message::Column::Id)
        .filter(outbox_message::Column::InterviewId.eq(interview_id))
        .filter(outbox_message::Column::ParticipantId.is_null())
        .filter(outbox_message::Column::Recipients.contains(format!("\"{email}\"")))
        .into_tuple()
        .all(db)
        .await?;
    withdraw_unsent(db, &ids).await
}

/// Deletes the unsent messages about one interview (confirmations, updates, reminders,
/// reschedule requests) once they no longer say anything true; cancellations stay.
pub async fn withdraw_unsent_for_interview(
    db: &impl ConnectionTrait,
    interview_id: i64,
) -> Result<u64, DbErr> {
    let ids: Vec<i64> = Outbox::find()
        .select_only()
        .column(outbox_message::Column::Id)
        .filter(outbox_message::Column::InterviewId.eq(interview_id))
        .into_tuple()
        .all(db)
        .await?;
    withdraw_unsent(db, &ids).await
}

/// Whether a message of `kind` went (or waits to go) to `address` since `since`: Confab
/// answers an address by itself at most once a day.
pub async fn sent_to_since(
    db: &impl ConnectionTrait,
    kind: &str,
    address: &str,
    since: i64,
) -> Result<bool, DbErr> {
    use sea_orm::PaginatorTrait;
    Outbox::find()
        .filter(outbox_message::Column::Kind.eq(kind))
        .filter(outbox_message::Column::Recipients.contains(format!("\"{address}\"")))
        .filter(outbox_message::Column::CreatedAt.gte(since))
        .count(db)
        .await
        .map(|n| n > 0)
}
