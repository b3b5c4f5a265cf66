use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::{
    session::{self, Entity as Session},
    session_exception::{self, Entity as SessionException},
    session_interviewer::{self, Entity as SessionInterviewer},
};

pub async fn insert(
    db: &impl ConnectionTrait,
    row: session::ActiveModel,
) -> Result<session::Model, DbErr> {
    row.insert(db).await
}

pub async fn update(
    db: &impl ConnectionTrait,
    row: session::ActiveModel,
) -> Result<session::Model, DbErr> {
    row.update(db).await
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<session::Model>, DbErr> {
    Session::find_by_id(id).one(db).await
}

pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<session::Model>, DbErr> {
    Session::find()
        .filter(session::Column::StudyId.eq(study_id))
        .order_by_asc(session::Column::Id)
        .all(db)
        .await
}

pub async fn exceptions_for_sessions(
    db: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<Vec<session_exception::Model>, DbErr> {
    SessionException::find()
        .filter(session_exception::Column::SessionId.is_in(session_ids.iter().copied()))
        .order_by_asc(session_exception::Column::Date)
        .all(db)
        .await
}

/// Adds or replaces the exception of one date.
pub async fn put_exception(
    db: &impl ConnectionTrait,
    session_id: i64,
    date: &str,
    hours: Option<(String, String)>,
) -> Result<(), DbErr> {
    SessionException::delete_many()
        .filter(session_exception::Column::SessionId.eq(session_id))
        .filter(session_exception::Column::Date.eq(date))
        .exec(db)
        .await?;
    let (start, end) = hours.unzip();
    session_exception::ActiveModel {
        session_id: Set(session_id),
        date: Set(date.to_owned()),
        start_time: Set(start),
        end_time: Set(end),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

pub async fn interviewer_links(
    db: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<Vec<session_interviewer::Model>, DbErr> {
    SessionInterviewer::find()
        .filter(session_interviewer::Column::SessionId.is_in(session_ids.iter().copied()))
        .all(db)
        .await
}

pub async fn set_interviewers(
    db: &impl ConnectionTrait,
    session_id: i64,
    interviewer_ids: &[i64],
) -> Result<(), DbErr> {
    SessionInterviewer::delete_many()
        .filter(session_interviewer::Column::SessionId.eq(session_id))
        .exec(db)
        .await?;
    for id in interviewer_ids {
        session_interviewer::ActiveModel {
            session_id: Set(session_id),
            interviewer_id: Set(*id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Who a session's interviews can take: its interviewers, and the note-takers who sit in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionPeople {
    pub interviewers: Vec<i64>,
    pub note_takers: Vec<i64>,
}

/// A session with its people's ids, in one statement.
pub async fn find_with_interviewers(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<(session::Model, SessionPeople)>, DbErr> {
    use sea_orm::FromQueryResult;
    let list = crate::dialect::comma_list(db, "si.interviewer_id");
    let people = |role: &str| {
        format!(
            "(SELECT {list} FROM session_interviewers si \
               JOIN interviewers p ON p.id = si.interviewer_id \
               WHERE si.session_id = s.id AND p.role = '{role}')"
        )
    };
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            format!(
                "SELECT s.*, {} AS interviewer_ids, {} AS note_taker_ids \
                 FROM sessions s WHERE s.id = ?",
                people(crate::interview_interviewers::INTERVIEWER),
                people(crate::interview_interviewers::NOTE_TAKER)
            ),
            [id.into()],
        ))
        .await?;
    row.map(|r| {
        let ids = |column: &str| -> Result<Vec<i64>, DbErr> {
            let ids: Option<String> = r.try_get("", column)?;
            Ok(ids
                .unwrap_or_default()
                .split(',')
                .filter_map(|i| i.trim().parse().ok())
                .collect())
        };
        let people = SessionPeople {
            interviewers: ids("interviewer_ids")?,
            note_takers: ids("note_taker_ids")?,
        };
        Ok((session::Model::from_query_result(&r, "")?, people))
    })
    .transpose()
}

/// Whether any interview (in any state) or held choice names the session: such a session is
/// part of someone's history and is hidden rather than deleted.
pub async fn is_referenced(db: &impl ConnectionTrait, id: i64) -> Result<bool, DbErr> {
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            "SELECT EXISTS (SELECT 1 FROM interviews WHERE session_id = ?1) \
                 OR EXISTS (SELECT 1 FROM choices WHERE session_id = ?1) AS used",
            [id.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => r.try_get::<bool>("", "used")?,
        None => false,
    })
}

pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    Session::delete_by_id(id).exec(db).await.map(|_| ())
}
