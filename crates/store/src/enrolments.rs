use confab_core::EnrolmentStatus;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::entity::enrolment::{self, Entity as Enrolment};
use crate::entity::participant::{self, Entity as Participant};
use crate::entity::study::{self, Entity as Study};
use crate::first_row::first_row;

pub async fn find(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
) -> Result<Option<enrolment::Model>, DbErr> {
    first_row(
        db,
        Enrolment::find()
            .filter(enrolment::Column::StudyId.eq(study_id))
            .filter(enrolment::Column::ParticipantId.eq(participant_id)),
    )
    .await
}

pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<enrolment::Model>, DbErr> {
    first_row(db, Enrolment::find_by_id(id)).await
}

/// An enrolment with its participant and its study, read in one statement: a participant's
/// answer needs all three before it can be judged.
pub async fn find_with_people(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<(enrolment::Model, participant::Model, study::Model)>, DbErr> {
    // By its id there is at most one row, so no LIMIT (see `first_row` for why that matters).
    Ok(Enrolment::find_by_id(id)
        .find_also_related(Participant)
        .find_also_related(Study)
        .all(db)
        .await?
        .into_iter()
        .next()
        .and_then(|(enrolment, person, study)| Some((enrolment, person?, study?))))
}

pub async fn insert(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
    now: i64,
) -> Result<enrolment::Model, DbErr> {
    enrolment::ActiveModel {
        study_id: Set(study_id),
        participant_id: Set(participant_id),
        status: Set(EnrolmentStatus::Added.key().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Enrols many participants with the status Added in a few statements, for imports.
pub async fn insert_many(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_ids: &[i64],
    now: i64,
) -> Result<(), DbErr> {
    for chunk in participant_ids.chunks(1000) {
        let rows = vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let mut values: Vec<sea_orm::Value> = Vec::with_capacity(chunk.len() * 5);
        for id in chunk {
            values.extend([
                study_id.into(),
                (*id).into(),
                EnrolmentStatus::Added.key().into(),
                now.into(),
                now.into(),
            ]);
        }
        db.execute_raw(crate::dialect::statement(db,
            format!(
                "INSERT INTO enrolments (study_id, participant_id, status, created_at, updated_at) VALUES {rows}"
            ),
            values,
        ))
        .await?;
    }
    Ok(())
}

/// The ids of the participants enrolled in the study.
pub async fn participant_ids(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<std::collections::HashSet<i64>, DbErr> {
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            "SELECT participant_id FROM enrolments WHERE study_id = ?",
            [study_id.into()],
        ))
        .await?;
    rows.iter().map(|r| r.try_get_by_index(0)).collect()
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    id: i64,
    status: EnrolmentStatus,
    now: i64,
) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "UPDATE enrolments SET status = ?, updated_at = ? WHERE id = ?",
        [status.key().into(), now.into(), id.into()],
    ))
    .await
    .map(|_| ())
}

/// Sets the status and writes the audit lines that describe the change, together. On a team
/// database that is one statement (a data-modifying `WITH`), one round trip fewer on every
/// booking and status change; SQLite has no such statement, and a statement costs it no
/// network.
pub async fn set_status_and_record(
    db: &impl ConnectionTrait,
    id: i64,
    status: EnrolmentStatus,
    now: i64,
    entries: Vec<crate::audit::NewEntry>,
) -> Result<(), DbErr> {
    if db.get_database_backend() != sea_orm::DbBackend::Postgres
        || entries.is_empty()
        || entries.len() > crate::audit::LINES_PER_STATEMENT
    {
        set_status(db, id, status, now).await?;
        return crate::audit::record_all(db, entries).await;
    }
    let (insert, lines) = crate::audit::insert_statement(entries);
    let mut values: Vec<sea_orm::Value> = vec![status.key().into(), now.into(), id.into()];
    values.extend(lines);
    db.execute_raw(crate::dialect::statement(
        db,
        format!(
            "WITH status AS (UPDATE enrolments SET status = ?, updated_at = ? WHERE id = ?) {insert}"
        ),
        values,
    ))
    .await
    .map(|_| ())
}

pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<enrolment::Model>, DbErr> {
    Enrolment::find()
        .filter(enrolment::Column::StudyId.eq(study_id))
        .all(db)
        .await
}

/// A participant's places in every study.
pub async fn for_participant(
    db: &impl ConnectionTrait,
    participant_id: i64,
) -> Result<Vec<enrolment::Model>, DbErr> {
    Enrolment::find()
        .filter(enrolment::Column::ParticipantId.eq(participant_id))
        .all(db)
        .await
}

/// What a booking needs to know, read in one statement: the study, the enrolment, the
/// participant's name and address, the researcher's address (empty until set), which says
/// whether a confirmation can be sent, and the session as the booking sees it.
pub struct ForBooking {
    pub study: crate::entity::study::Model,
    pub enrolment: enrolment::Model,
    pub person_name: String,
    pub person_email: String,
    pub researcher_email: String,
    /// The rounds the participant's scheduled and completed interviews of the study hold.
    pub held_rounds: Vec<i32>,
    /// Whether links of an earlier invitation to choose a time still act.
    pub open_choice_links: bool,
    /// The session booked into, if it is one of the study's; the participant's own held
    /// choices are not counted among its places taken.
    pub session: Option<crate::sessions::SessionNear>,
}

/// Reads [`ForBooking`] for a booking of the participant at `at` in `session_id`.
pub async fn find_for_booking(
    db: &impl ConnectionTrait,
    study_id: i64,
    participant_id: i64,
    session_id: i64,
    at: i64,
) -> Result<Option<ForBooking>, DbErr> {
    use crate::entity::study;
    use sea_orm::{FromQueryResult, Iterable};
    let study_columns: Vec<String> = study::Column::iter()
        .map(|c| format!("st.{0} AS st_{0}", sea_orm::IdenStatic::as_str(&c)))
        .collect();
    let (ctes, session_columns) = crate::sessions::near_parts(
        db,
        "?3",
        "AND study_id = ?1",
        "?4",
        "-1",
        "(SELECT id FROM enrolments WHERE study_id = ?1 AND participant_id = ?2)",
    );
    let sql = format!(
        "WITH {ctes} \
         SELECT {}, e.id, e.study_id, e.participant_id, e.status, e.created_at, e.updated_at, \
                p.name AS person_name, p.email AS person_email, \
                coalesce((SELECT researcher_email FROM mail_profile WHERE id = 1), '') AS researcher_email, \
                (SELECT {held} FROM interviews i \
                   WHERE i.enrolment_id = e.id AND i.state IN ('completed', 'scheduled')) AS held_rounds, \
                EXISTS (SELECT 1 FROM tokens t \
                   WHERE t.enrolment_id = e.id AND t.kind = '{choice}' AND t.used_at IS NULL) \
                   AS open_choice_links, \
                {session_columns} \
         FROM enrolments e JOIN participants p ON p.id = e.participant_id \
              JOIN studies st ON st.id = e.study_id \
              LEFT JOIN s ON 1 = 1 LEFT JOIN near ON 1 = 1 \
         WHERE e.study_id = ?1 AND e.participant_id = ?2",
        study_columns.join(", "),
        held = crate::dialect::comma_list(db, "i.round"),
        choice = crate::tokens::CHOICE,
    );
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            sql,
            [
                study_id.into(),
                participant_id.into(),
                session_id.into(),
                at.into(),
            ],
        ))
        .await?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(ForBooking {
        study: study::Model::from_query_result(r, "st_")?,
        enrolment: enrolment::Model::from_query_result(r, "")?,
        person_name: r.try_get("", "person_name")?,
        person_email: r.try_get("", "person_email")?,
        researcher_email: r.try_get("", "researcher_email")?,
        held_rounds: r
            .try_get::<Option<String>>("", "held_rounds")?
            .unwrap_or_default()
            .split(',')
            .filter_map(|round| round.trim().parse().ok())
            .collect(),
        open_choice_links: r.try_get("", "open_choice_links")?,
        session: crate::sessions::near_of(&rows)?,
    }))
}

/// How many of the study's participants are in each status.
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(String, i64)>, DbErr> {
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            "SELECT status, count(*) AS n FROM enrolments WHERE study_id = ? GROUP BY status",
            [study_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "status")?, r.try_get("", "n")?)))
        .collect()
}

/// The study's Pending enrolments with their participants' names and addresses, oldest first.
pub async fn pending_with_people(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(enrolment::Model, String, String)>, DbErr> {
    use sea_orm::FromQueryResult;
    let rows = db
        .query_all_raw(crate::dialect::statement(
            db,
            "SELECT e.*, p.name AS person_name, p.email AS person_email \
             FROM enrolments e JOIN participants p ON p.id = e.participant_id \
             WHERE e.study_id = ? AND e.status = ? ORDER BY e.updated_at, e.id",
            [study_id.into(), EnrolmentStatus::Pending.key().into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                enrolment::Model::from_query_result(r, "")?,
                r.try_get("", "person_name")?,
                r.try_get("", "person_email")?,
            ))
        })
        .collect()
}
