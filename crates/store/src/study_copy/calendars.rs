//! Which calendars go with a study: whose account each was chosen from, and the copies of
//! its interviews written to them.

use sea_orm::{ConnectionTrait, DbErr};

use crate::statement;

/// The study's interviewers whose calendar was chosen from another researcher's account, and
/// whether the study's own calendar was (only ever so on a team database).
pub(super) async fn colleagues_calendars(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<(Vec<i64>, bool), DbErr> {
    let interviewers = theirs(db, "interviewers", "study_id", study_id).await?;
    let study = !theirs(db, "studies", "id", study_id).await?.is_empty();
    Ok((interviewers, study))
}

/// The ids of `table`'s rows where `column` is `value` whose calendar is a colleague's.
async fn theirs(
    db: &impl ConnectionTrait,
    table: &str,
    column: &str,
    value: i64,
) -> Result<Vec<i64>, DbErr> {
    db.query_all_raw(crate::dialect::statement(
        db,
        format!(
            "SELECT id FROM {table} WHERE {column} = ? AND calendar_href IS NOT NULL \
             AND calendar_owner <> {}",
            crate::dialect::researcher(db)
        ),
        [value.into()],
    ))
    .await?
    .into_iter()
    .map(|row| row.try_get_by_index::<i64>(0))
    .collect()
}

pub(super) async fn calendar_copies(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(i64, String, String, i64)>, DbErr> {
    let rows = db
        .query_all_raw(statement(
            db,
            "SELECT c.interview_id, c.calendar_href, c.written, c.written_at \
             FROM calendar_copies AS c JOIN interviews AS i ON i.id = c.interview_id \
             WHERE i.study_id = ? ORDER BY c.interview_id",
            [study_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get_by_index(0)?,
                r.try_get_by_index(1)?,
                r.try_get_by_index(2)?,
                r.try_get_by_index(3)?,
            ))
        })
        .collect()
}
