//! The calendar account (one per researcher: on a team database each has their own), which
//! calendars are read and written and whose account they are in, and what was last written of
//! each interview.

use crate::dialect::{researcher, statement};
use sea_orm::{ConnectionTrait, DbErr};

/// The calendar account's settings; its password is in the system keyring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarAccountRow {
    pub url: String,
    pub username: String,
    pub last_read_at: Option<i64>,
    pub last_problem: String,
}

pub async fn find(db: &impl ConnectionTrait) -> Result<Option<CalendarAccountRow>, DbErr> {
    let row = db
        .query_one_raw(statement(
            db,
            "SELECT url, username, last_read_at, last_problem FROM calendar_account WHERE id = 1",
            vec![],
        ))
        .await?;
    row.map(|r| {
        Ok(CalendarAccountRow {
            url: r.try_get("", "url")?,
            username: r.try_get("", "username")?,
            last_read_at: r.try_get("", "last_read_at")?,
            last_problem: r.try_get("", "last_problem")?,
        })
    })
    .transpose()
}

/// Saves the account; a changed server or user forgets what was read and written with the
/// one before.
pub async fn put(db: &impl ConnectionTrait, url: &str, username: &str) -> Result<(), DbErr> {
    let old = find(db).await?;
    if let Some(old) = &old
        && (old.url != url || old.username != username)
    {
        forget_links(db).await?;
    }
    // An update or an insert, not an upsert: a team database's view of the researcher's own
    // row takes both, but not an upsert.
    let sql = if old.is_some() {
        "UPDATE calendar_account SET url = ?, username = ? WHERE id = 1"
    } else {
        "INSERT INTO calendar_account (id, url, username) VALUES (1, ?, ?)"
    };
    db.execute_raw(statement(db, sql, vec![url.into(), username.into()]))
        .await
        .map(|_| ())
}

/// Removes the account and every link to its calendars.
pub async fn delete(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    forget_links(db).await?;
    db.execute_raw(statement(db, "DELETE FROM calendar_account", vec![]))
        .await
        .map(|_| ())
}

/// Forgets the calendars chosen from this researcher's account, and what was written to them;
/// other researchers' stay.
async fn forget_links(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let me = researcher(db);
    for sql in [
        format!(
            "DELETE FROM calendar_copies WHERE interview_id IN \
             (SELECT i.id FROM interviews i JOIN studies s ON s.id = i.study_id \
              WHERE s.calendar_href IS NOT NULL AND s.calendar_owner = {me})"
        ),
        format!(
            "UPDATE interviewers SET calendar_href = NULL, busy_read_at = NULL \
             WHERE calendar_owner = {me}"
        ),
        format!("UPDATE studies SET calendar_href = NULL WHERE calendar_owner = {me}"),
    ] {
        db.execute_raw(statement(db, sql, vec![])).await?;
    }
    Ok(())
}

/// Records how the last reading went: when, and the problem if any (empty when none).
pub async fn record_read(
    db: &impl ConnectionTrait,
    at: Option<i64>,
    problem: &str,
) -> Result<(), DbErr> {
    let sql = if at.is_some() {
        "UPDATE calendar_account SET last_read_at = ?, last_problem = ? WHERE id = 1"
    } else {
        "UPDATE calendar_account SET last_read_at = coalesce(?, last_read_at), last_problem = ? WHERE id = 1"
    };
    db.execute_raw(statement(db, sql, vec![at.into(), problem.into()]))
        .await
        .map(|_| ())
}

pub async fn set_interviewer_calendar(
    db: &impl ConnectionTrait,
    interviewer_id: i64,
    href: Option<&str>,
) -> Result<(), DbErr> {
    db.execute_raw(statement(
        db,
        format!(
            "UPDATE interviewers SET calendar_href = ?, calendar_owner = {}, busy_read_at = NULL \
             WHERE id = ?",
            researcher(db)
        ),
        vec![href.map(str::to_owned).into(), interviewer_id.into()],
    ))
    .await
    .map(|_| ())
}

pub async fn mark_busy_read(
    db: &impl ConnectionTrait,
    interviewer_id: i64,
    at: i64,
) -> Result<(), DbErr> {
    db.execute_raw(statement(
        db,
        "UPDATE interviewers SET busy_read_at = ? WHERE id = ?",
        vec![at.into(), interviewer_id.into()],
    ))
    .await
    .map(|_| ())
}

/// Chooses the study's calendar from this researcher's account. When it was another
/// researcher's, what was written to theirs is forgotten here (it stays in their calendar), so
/// that this researcher's Sync writes every interview into the new one.
pub async fn set_study_calendar(
    db: &impl ConnectionTrait,
    study_id: i64,
    href: Option<&str>,
) -> Result<(), DbErr> {
    let me = researcher(db);
    db.execute_raw(statement(
        db,
        format!(
            "DELETE FROM calendar_copies WHERE interview_id IN \
             (SELECT id FROM interviews WHERE study_id = ?1) \
             AND EXISTS (SELECT 1 FROM studies WHERE id = ?1 AND calendar_owner <> {me})"
        ),
        vec![study_id.into()],
    ))
    .await?;
    db.execute_raw(statement(
        db,
        format!("UPDATE studies SET calendar_href = ?, calendar_owner = {me} WHERE id = ?"),
        vec![href.map(str::to_owned).into(), study_id.into()],
    ))
    .await
    .map(|_| ())
}

/// The calendar the study's interviews are written into, with the colleague (the database
/// user) it was chosen by when that is not this researcher: their Sync writes into it.
pub async fn study_calendar(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Option<(Option<String>, Option<String>)>, DbErr> {
    let me = researcher(db);
    let row = db
        .query_one_raw(statement(
            db,
            format!(
                "SELECT calendar_href, CASE WHEN calendar_owner <> {me} THEN calendar_owner END \
                 FROM studies WHERE id = ?"
            ),
            vec![study_id.into()],
        ))
        .await?;
    row.map(|row| {
        Ok((
            row.try_get_by_index::<Option<String>>(0)?,
            row.try_get_by_index::<Option<String>>(1)?,
        ))
    })
    .transpose()
}

/// The active studies whose interviews this researcher's Sync writes: those whose calendar
/// was chosen from their account.
pub async fn studies_written_by_me(
    db: &impl ConnectionTrait,
) -> Result<Vec<crate::entity::study::Model>, DbErr> {
    use crate::entity::study::{Column, Entity as Study};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    Study::find()
        .filter(Column::ArchivedAt.is_null())
        .filter(Column::CalendarHref.is_not_null())
        .filter(Expr::cust(format!("calendar_owner = {}", researcher(db))))
        .order_by_asc(Column::Id)
        .all(db)
        .await
}

/// What was last written of each interview of `study_id`: (interview, calendar, written).
pub async fn copies_in_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(i64, String, String)>, DbErr> {
    let rows = db
        .query_all_raw(statement(
            db,
            "SELECT c.interview_id AS id, c.calendar_href AS href, c.written AS written \
             FROM calendar_copies c JOIN interviews i ON i.id = c.interview_id \
             WHERE i.study_id = ?",
            vec![study_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("", "id")?,
                r.try_get("", "href")?,
                r.try_get("", "written")?,
            ))
        })
        .collect()
}

pub async fn put_copy(
    db: &impl ConnectionTrait,
    interview_id: i64,
    href: &str,
    written: &str,
    at: i64,
) -> Result<(), DbErr> {
    db.execute_raw(statement(
        db,
        "INSERT INTO calendar_copies (interview_id, calendar_href, written, written_at) \
         VALUES (?, ?, ?, ?) ON CONFLICT (interview_id) DO UPDATE SET \
         calendar_href = excluded.calendar_href, written = excluded.written, \
         written_at = excluded.written_at",
        vec![interview_id.into(), href.into(), written.into(), at.into()],
    ))
    .await
    .map(|_| ())
}

pub async fn delete_copy(db: &impl ConnectionTrait, interview_id: i64) -> Result<(), DbErr> {
    db.execute_raw(statement(
        db,
        "DELETE FROM calendar_copies WHERE interview_id = ?",
        vec![interview_id.into()],
    ))
    .await
    .map(|_| ())
}
