//! Who runs each interview. A person listed as an interviewer in several studies (the same
//! address) is one person: their interviews in every study count when they are busy.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr};

/// An interviewer or note-taker.
pub const INTERVIEWER: &str = "interviewer";
pub const NOTE_TAKER: &str = "note_taker";

/// One person on an interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnInterview {
    pub interviewer_id: i64,
    pub name: String,
    pub email: String,
    /// [`INTERVIEWER`] or [`NOTE_TAKER`].
    pub role: String,
}

/// Puts a person on an interview in `role`; refused (`confab:interviewer_overlap`) when they
/// hold another scheduled interview that overlaps it, in any study.
pub async fn assign(
    db: &impl ConnectionTrait,
    interview_id: i64,
    interviewer_id: i64,
    role: &str,
) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "INSERT INTO interview_interviewers (interview_id, interviewer_id, role) VALUES (?, ?, ?)",
        [interview_id.into(), interviewer_id.into(), role.into()],
    ))
    .await
    .map(|_| ())
}

/// Takes one person off an interview.
pub async fn unassign(
    db: &impl ConnectionTrait,
    interview_id: i64,
    interviewer_id: i64,
) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "DELETE FROM interview_interviewers WHERE interview_id = ? AND interviewer_id = ?",
        [interview_id.into(), interviewer_id.into()],
    ))
    .await
    .map(|_| ())
}

/// The scheduled interviews, from `from` on, that `interviewer_id` sits on.
pub async fn upcoming_of(
    db: &impl ConnectionTrait,
    interviewer_id: i64,
    from: i64,
) -> Result<Vec<i64>, DbErr> {
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            "SELECT i.id AS id FROM interview_interviewers held \
             JOIN interviews i ON i.id = held.interview_id \
             WHERE held.interviewer_id = ? AND i.state = 'scheduled' AND i.ends_at > ? \
             ORDER BY i.starts_at, i.id",
            [interviewer_id.into(), from.into()],
        ))
        .await?;
    rows.iter().map(|r| r.try_get("", "id")).collect()
}

/// Takes everyone off an interview, before it moves.
pub async fn clear(db: &impl ConnectionTrait, interview_id: i64) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "DELETE FROM interview_interviewers WHERE interview_id = ?",
        [interview_id.into()],
    ))
    .await
    .map(|_| ())
}

/// One of the people who could be put on an interview, free for its whole time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeCandidate {
    pub id: i64,
    pub name: String,
    /// How many of the study's interviews they run (scheduled or completed).
    pub load: i64,
}

/// Those of `candidates` free for the whole of `from..to`: no busy time from their calendar,
/// and no scheduled interview in any study (but `leave_out`, the one being staffed) under the
/// same address; each with their load in `study_id`. One statement, as a booking pays for
/// each round trip to a team database.
pub async fn free_candidates(
    db: &impl ConnectionTrait,
    candidates: &[i64],
    study_id: i64,
    from: i64,
    to: i64,
    leave_out: i64,
) -> Result<Vec<FreeCandidate>, DbErr> {
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; candidates.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = vec![study_id.into()];
    values.extend(candidates.iter().map(|&i| i.into()));
    values.extend([
        from.into(),
        to.into(),
        from.into(),
        to.into(),
        leave_out.into(),
    ]);
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            format!(
                "SELECT p.id AS id, p.name AS name, \
                   (SELECT count(*) FROM interview_interviewers h \
                    JOIN interviews i ON i.id = h.interview_id \
                    WHERE h.interviewer_id = p.id AND i.study_id = ? \
                      AND i.state IN ('scheduled', 'completed') AND h.role = 'interviewer') AS load \
                 FROM interviewers p \
                 WHERE p.id IN ({marks}) \
                   AND NOT EXISTS (SELECT 1 FROM busy_times b WHERE b.interviewer_id = p.id \
                                   AND b.ends_at > ? AND b.starts_at < ?) \
                   AND NOT EXISTS (SELECT 1 FROM interviewers same \
                                   JOIN interview_interviewers held ON held.interviewer_id = same.id \
                                   JOIN interviews i ON i.id = held.interview_id \
                                   WHERE lower(same.email) = lower(p.email) AND i.state = 'scheduled' \
                                     AND i.ends_at > ? AND i.starts_at < ? AND i.id <> ?)"
            ),
            values,
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(FreeCandidate {
                id: r.try_get("", "id")?,
                name: r.try_get("", "name")?,
                load: r.try_get("", "load")?,
            })
        })
        .collect()
}

/// Everything that keeps the people behind `interviewer_ids` from an interview in `from..to`,
/// in one statement: the busy times from their calendars, and their scheduled interviews in any
/// study (under the same address; `leave_out`, an interview being moved, is not counted). As
/// `(interviewer_id, starts_at, ends_at)` with the id asked about.
pub async fn busy_or_held_between(
    db: &impl ConnectionTrait,
    interviewer_ids: &[i64],
    from: i64,
    to: i64,
    leave_out: Option<i64>,
) -> Result<Vec<(i64, i64, i64)>, DbErr> {
    if interviewer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; interviewer_ids.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = interviewer_ids.iter().map(|&i| i.into()).collect();
    values.extend([from.into(), to.into()]);
    let (held, held_values) = held_query(interviewer_ids, from, to, leave_out);
    values.extend(held_values);
    let sql = format!(
        "SELECT b.interviewer_id AS who, b.starts_at AS starts_at, b.ends_at AS ends_at \
         FROM busy_times b WHERE b.interviewer_id IN ({marks}) AND b.ends_at > ? AND b.starts_at < ? \
         UNION ALL {held}"
    );
    spans(db, sql, values).await
}

/// The statement for the scheduled interviews of those people, with its values.
fn held_query(
    interviewer_ids: &[i64],
    from: i64,
    to: i64,
    leave_out: Option<i64>,
) -> (String, Vec<sea_orm::Value>) {
    let marks = vec!["?"; interviewer_ids.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = interviewer_ids.iter().map(|&i| i.into()).collect();
    values.extend([from.into(), to.into(), leave_out.unwrap_or(0).into()]);
    let sql = format!(
        "SELECT me.id AS who, i.starts_at AS starts_at, i.ends_at AS ends_at \
         FROM interviewers me \
         JOIN interviewers same ON lower(same.email) = lower(me.email) \
         JOIN interview_interviewers held ON held.interviewer_id = same.id \
         JOIN interviews i ON i.id = held.interview_id \
         WHERE me.id IN ({marks}) AND i.state = 'scheduled' \
           AND i.ends_at > ? AND i.starts_at < ? AND i.id <> ?"
    );
    (sql, values)
}

async fn spans(
    db: &impl ConnectionTrait,
    sql: String,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<(i64, i64, i64)>, DbErr> {
    let rows = db
        .query_all_raw(crate::dialect::statement(db, sql, values))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("", "who")?,
                r.try_get("", "starts_at")?,
                r.try_get("", "ends_at")?,
            ))
        })
        .collect()
}

/// The people on each interview, by interview: interviewers first, then note-takers, each in
/// name order.
pub async fn staff_of(
    db: &impl ConnectionTrait,
    interview_ids: &[i64],
) -> Result<HashMap<i64, Vec<OnInterview>>, DbErr> {
    let mut out: HashMap<i64, Vec<OnInterview>> = HashMap::new();
    if interview_ids.is_empty() {
        return Ok(out);
    }
    let marks = vec!["?"; interview_ids.len()].join(", ");
    let values: Vec<sea_orm::Value> = interview_ids.iter().map(|&i| i.into()).collect();
    let rows = db
        .query_all_raw(crate::dialect::statement(db,
            format!(
                "SELECT held.interview_id AS interview, p.id AS who, p.name AS name, \
                        p.email AS email, held.role AS role \
                 FROM interview_interviewers held JOIN interviewers p ON p.id = held.interviewer_id \
                 WHERE held.interview_id IN ({marks}) \
                 ORDER BY held.role = 'note_taker', p.name, p.id"
            ),
            values,
        ))
        .await?;
    for r in &rows {
        let interview: i64 = r.try_get("", "interview")?;
        out.entry(interview).or_default().push(OnInterview {
            interviewer_id: r.try_get("", "who")?,
            name: r.try_get("", "name")?,
            email: r.try_get("", "email")?,
            role: r.try_get("", "role")?,
        });
    }
    Ok(out)
}
