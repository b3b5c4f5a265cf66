use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::{
    busy_time::{self, Entity as BusyTime},
    interviewer::{self, Entity as Interviewer},
};
use crate::first_row::first_row;

pub async fn insert(
    db: &impl ConnectionTrait,
    study_id: i64,
    name: &str,
    email: &str,
) -> Result<interviewer::Model, DbErr> {
    interviewer::ActiveModel {
        study_id: Set(study_id),
        name: Set(name.to_owned()),
        email: Set(email.to_owned()),
        role: Set(crate::interview_interviewers::INTERVIEWER.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Changes a person's name and role in their study.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    name: &str,
    role: &str,
) -> Result<interviewer::Model, DbErr> {
    interviewer::ActiveModel {
        id: Set(id),
        name: Set(name.to_owned()),
        role: Set(role.to_owned()),
        ..Default::default()
    }
    .update(db)
    .await
}

/// Removes a person from their study, with their busy times and their places on interviews.
pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    Interviewer::delete_by_id(id).exec(db).await.map(|_| ())
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<interviewer::Model>, DbErr> {
    first_row(db, Interviewer::find_by_id(id)).await
}

/// The people with these ids, in no particular order.
pub async fn many(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<interviewer::Model>, DbErr> {
    Interviewer::find()
        .filter(interviewer::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

/// Everyone whose busy times come from a calendar of this researcher's calendar account
/// (another researcher's Sync reads the calendars chosen from theirs).
pub async fn with_calendars(db: &impl ConnectionTrait) -> Result<Vec<interviewer::Model>, DbErr> {
    Interviewer::find()
        .filter(interviewer::Column::CalendarHref.is_not_null())
        .filter(sea_orm::sea_query::Expr::cust(format!(
            "calendar_owner = {}",
            crate::dialect::researcher(db)
        )))
        .order_by_asc(interviewer::Column::Id)
        .all(db)
        .await
}

pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<interviewer::Model>, DbErr> {
    Interviewer::find()
        .filter(interviewer::Column::StudyId.eq(study_id))
        .order_by_asc(interviewer::Column::Name)
        .all(db)
        .await
}

/// The study's interviewers whose calendar was chosen from a colleague's calendar account,
/// with that colleague (the database user): that colleague's Sync reads it, not this one's.
pub async fn calendars_of_colleagues(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(i64, String)>, DbErr> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::Expr;
    Interviewer::find()
        .select_only()
        .column(interviewer::Column::Id)
        .column_as(Expr::cust("calendar_owner"), "calendar_owner")
        .filter(interviewer::Column::StudyId.eq(study_id))
        .filter(interviewer::Column::CalendarHref.is_not_null())
        .filter(Expr::cust(format!(
            "calendar_owner <> {}",
            crate::dialect::researcher(db)
        )))
        .into_tuple()
        .all(db)
        .await
}

/// Replaces every busy time that came from one calendar file, so importing a newer export
/// of the same calendar does not pile up stale entries.
pub async fn replace_busy_times(
    db: &impl ConnectionTrait,
    interviewer_id: i64,
    entries: &[(i64, i64, String, String)],
) -> Result<usize, DbErr> {
    // One calendar event can repeat with the same UID and start only once (a moved
    // occurrence can land on another's start); the table holds each once.
    let mut unique = entries.to_vec();
    unique.sort();
    unique.dedup_by(|a, b| a.0 == b.0 && a.3 == b.3);
    let entries = &unique;
    BusyTime::delete_many()
        .filter(busy_time::Column::InterviewerId.eq(interviewer_id))
        .exec(db)
        .await?;
    for (start, end, summary, uid) in entries {
        busy_time::ActiveModel {
            interviewer_id: Set(interviewer_id),
            starts_at: Set(*start),
            ends_at: Set(*end),
            summary: Set(summary.clone()),
            source_uid: Set(uid.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(entries.len())
}

pub async fn busy_times(
    db: &impl ConnectionTrait,
    interviewer_ids: &[i64],
    from: i64,
    to: i64,
) -> Result<Vec<busy_time::Model>, DbErr> {
    BusyTime::find()
        .filter(busy_time::Column::InterviewerId.is_in(interviewer_ids.iter().copied()))
        .filter(busy_time::Column::EndsAt.gt(from))
        .filter(busy_time::Column::StartsAt.lt(to))
        .order_by_asc(busy_time::Column::StartsAt)
        .all(db)
        .await
}
