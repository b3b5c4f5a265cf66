use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entity::{
    session::{self, Entity as Session},
    session_exception::{self, Entity as SessionException},
    session_interviewer::{self, Entity as SessionInterviewer},
};
use crate::first_row::first_row;

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
    first_row(db, Session::find_by_id(id)).await
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

/// The columns that list a session's people, for a query over `sessions s`.
fn people_columns(db: &impl ConnectionTrait) -> String {
    let list = crate::dialect::comma_list(db, "si.interviewer_id");
    let people = |role: &str| {
        format!(
            "(SELECT {list} FROM session_interviewers si \
               JOIN interviewers p ON p.id = si.interviewer_id \
               WHERE si.session_id = s.id AND p.role = '{role}')"
        )
    };
    format!(
        "{} AS interviewer_ids, {} AS note_taker_ids",
        people(crate::interview_interviewers::INTERVIEWER),
        people(crate::interview_interviewers::NOTE_TAKER)
    )
}

fn people_of(r: &sea_orm::QueryResult) -> Result<SessionPeople, DbErr> {
    let ids = |column: &str| -> Result<Vec<i64>, DbErr> {
        let ids: Option<String> = r.try_get("", column)?;
        Ok(ids
            .unwrap_or_default()
            .split(',')
            .filter_map(|i| i.trim().parse().ok())
            .collect())
    };
    Ok(SessionPeople {
        interviewers: ids("interviewer_ids")?,
        note_takers: ids("note_taker_ids")?,
    })
}

/// A session with its people's ids, in one statement.
pub async fn find_with_interviewers(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<(session::Model, SessionPeople)>, DbErr> {
    use sea_orm::FromQueryResult;
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            format!(
                "SELECT s.*, {} FROM sessions s WHERE s.id = ?",
                people_columns(db)
            ),
            [id.into()],
        ))
        .await?;
    row.map(|r| Ok((session::Model::from_query_result(&r, "")?, people_of(&r)?)))
        .transpose()
}

/// A session as one booking at `at` sees it: its row, its people, and the places taken in it
/// near `at`, from a day before `at` to a day after the later of `at` and the session's end
/// (a day session's booking lasts the whole day; a day either side covers every buffer).
#[derive(Debug, Clone)]
pub struct SessionNear {
    pub session: session::Model,
    pub people: SessionPeople,
    /// Scheduled interviews and held choices by span: (start, end, how many).
    pub taken: Vec<(i64, i64, i64)>,
}

/// Reads [`SessionNear`] in one statement, one row per taken span. `except_interview` (the
/// one being moved) and `except_enrolment` (the one participant whose holds are being
/// replaced) are left out of the places taken.
pub async fn find_near(
    db: &impl ConnectionTrait,
    id: i64,
    at: i64,
    except_interview: Option<i64>,
    except_enrolment: Option<i64>,
) -> Result<Option<SessionNear>, DbErr> {
    let (ctes, columns) = near_parts(db, "?1", "", "?2", "?3", "?4");
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            format!("WITH {ctes} SELECT {columns} FROM s LEFT JOIN near ON 1 = 1"),
            [
                id.into(),
                at.into(),
                except_interview.unwrap_or(-1).into(),
                except_enrolment.unwrap_or(-1).into(),
            ],
        ))
        .await?;
    near_of(&rows)
}

/// The parts of a statement that reads [`SessionNear`], for [`find_near`] and for statements
/// that read it beside other things: the common table expressions `s` (the session) and
/// `near` (its taken spans) to follow `WITH`, and the columns to select from
/// `s LEFT JOIN near ON 1 = 1`. Each argument is SQL (a placeholder or an expression);
/// `and_session` adds to the session's condition.
pub(crate) fn near_parts(
    db: &impl ConnectionTrait,
    session: &str,
    and_session: &str,
    at: &str,
    except_interview: &str,
    except_enrolment: &str,
) -> (String, String) {
    use sea_orm::{IdenStatic, Iterable};
    const DAY: i64 = 86_400;
    let until = format!("(CASE WHEN s.ends_at > {at} THEN s.ends_at ELSE {at} END) + {DAY}");
    let ctes = format!(
        "s AS (SELECT * FROM sessions WHERE id = {session} {and_session}), \
         near AS ( \
           SELECT i.starts_at AS span_start, i.ends_at AS span_end, count(*) AS span_n \
           FROM interviews i, s \
           WHERE i.session_id = s.id AND i.state = 'scheduled' AND i.id <> {except_interview} \
             AND i.ends_at > {at} - {DAY} AND i.starts_at < {until} \
           GROUP BY i.starts_at, i.ends_at \
           UNION ALL \
           SELECT c.starts_at, c.ends_at, count(*) FROM choices c, s \
           WHERE c.session_id = s.id AND c.enrolment_id <> {except_enrolment} \
             AND c.ends_at > {at} - {DAY} AND c.starts_at < {until} \
           GROUP BY c.starts_at, c.ends_at)"
    );
    let session_columns: Vec<String> = session::Column::iter()
        .map(|c| format!("s.{0} AS s_{0}", c.as_str()))
        .collect();
    let columns = format!(
        "{}, {}, near.span_start, near.span_end, near.span_n",
        session_columns.join(", "),
        people_columns(db)
    );
    (ctes, columns)
}

/// The [`SessionNear`] in rows selected with [`near_parts`]' columns: none when the session
/// was not found.
pub(crate) fn near_of(rows: &[sea_orm::QueryResult]) -> Result<Option<SessionNear>, DbErr> {
    use sea_orm::FromQueryResult;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    if first.try_get::<Option<i64>>("", "s_id")?.is_none() {
        return Ok(None);
    }
    let mut taken = Vec::new();
    for r in rows {
        // The one row of a session with nothing taken near `at` has no span.
        let Some(start) = r.try_get::<Option<i64>>("", "span_start")? else {
            continue;
        };
        taken.push((start, r.try_get("", "span_end")?, r.try_get("", "span_n")?));
    }
    Ok(Some(SessionNear {
        session: session::Model::from_query_result(first, "s_")?,
        people: people_of(first)?,
        taken,
    }))
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
