//! Participants: people who can be enrolled in studies. Their email is unique regardless of
//! case; custom fields are kept as one JSON object of strings.

use std::collections::{BTreeMap, HashMap};

use confab_core::ValidParticipant;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::entity::enrolment::{self, Entity as Enrolment};
use crate::entity::interview::{self, Entity as Interview};
use crate::entity::participant::{self, Entity as Participant};
use crate::first_row::first_row;
use crate::interviews::SCHEDULED;

/// The custom fields as stored. A value that is not a JSON object of strings (written by hand,
/// say) reads as no fields rather than failing the whole list.
pub fn custom_fields(row: &participant::Model) -> BTreeMap<String, String> {
    decode_custom_fields(&row.custom_fields)
}

pub fn decode_custom_fields(text: &str) -> BTreeMap<String, String> {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn encode_custom_fields(fields: &BTreeMap<String, String>) -> String {
    serde_json::to_string(fields).unwrap_or_else(|_| "{}".into())
}

/// Rows per multi-row statement: well below SQLite's limit of 32,766 parameters.
const ROWS_PER_STATEMENT: usize = 1000;

/// What lists of participants are ordered by, before the id: the name in lower case, in every
/// script (SQLite's `lower()` folds only ASCII), compared byte by byte.
pub fn sort_key(name: &str) -> String {
    name.to_lowercase()
}

fn columns(p: &ValidParticipant, now: i64) -> participant::ActiveModel {
    participant::ActiveModel {
        name: Set(p.name.clone()),
        sort_name: Set(sort_key(&p.name)),
        email: Set(p.email.clone()),
        time_zone: Set(p.time_zone.map(|tz| tz.name().to_owned())),
        phone: Set(p.phone.clone()),
        notes: Set(p.notes.clone()),
        custom_fields: Set(encode_custom_fields(&p.custom_fields)),
        language: Set(p.language.as_ref().map(ToString::to_string)),
        updated_at: Set(now),
        ..Default::default()
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    p: &ValidParticipant,
    now: i64,
) -> Result<participant::Model, DbErr> {
    let mut row = columns(p, now);
    row.created_at = Set(now);
    row.insert(db).await
}

/// Many new participants in a few statements, for an import of thousands; returns each one's
/// id by address. One statement per person costs two thread hand-offs each in sqlx's SQLite
/// driver, which made a 10,000-line import take seconds.
pub async fn insert_many(
    db: &impl ConnectionTrait,
    people: &[&ValidParticipant],
    now: i64,
) -> Result<HashMap<String, i64>, DbErr> {
    const COLUMNS: usize = 10;
    let mut ids = HashMap::with_capacity(people.len());
    for chunk in people.chunks(ROWS_PER_STATEMENT) {
        let rows = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let mut values: Vec<sea_orm::Value> = Vec::with_capacity(chunk.len() * COLUMNS);
        for p in chunk {
            values.extend([
                p.name.clone().into(),
                sort_key(&p.name).into(),
                p.email.clone().into(),
                p.time_zone.map(|tz| tz.name().to_owned()).into(),
                p.phone.clone().into(),
                p.notes.clone().into(),
                encode_custom_fields(&p.custom_fields).into(),
                p.language.as_ref().map(ToString::to_string).into(),
                now.into(),
                now.into(),
            ]);
        }
        let inserted = db
            .query_all_raw(crate::dialect::statement(db,
                format!(
                    "INSERT INTO participants (name, sort_name, email, time_zone, phone, notes, custom_fields, language, created_at, updated_at) \
                     VALUES {rows} RETURNING id, email"
                ),
                values,
            ))
            .await?;
        for row in inserted {
            ids.insert(row.try_get_by_index::<String>(1)?, row.try_get_by_index(0)?);
        }
    }
    Ok(ids)
}

/// The participants with these addresses, by lowercased address, in a few statements.
pub async fn find_by_emails(
    db: &impl ConnectionTrait,
    emails: &[&str],
) -> Result<HashMap<String, participant::Model>, DbErr> {
    let mut found = HashMap::new();
    for chunk in emails.chunks(ROWS_PER_STATEMENT) {
        let rows = Participant::find()
            .filter(participant::Column::Email.is_in(chunk.iter().map(|e| e.trim().to_lowercase())))
            .all(db)
            .await?;
        found.extend(rows.into_iter().map(|r| (r.email.to_lowercase(), r)));
    }
    Ok(found)
}

/// Replaces every field of participant `id` with `p`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    p: &ValidParticipant,
    now: i64,
) -> Result<participant::Model, DbErr> {
    let mut row = columns(p, now);
    row.id = Set(id);
    row.update(db).await
}

pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    Participant::delete_by_id(id).exec(db).await.map(|_| ())
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<participant::Model>, DbErr> {
    first_row(db, Participant::find_by_id(id)).await
}

/// The participant with this address, in any letter case.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<participant::Model>, DbErr> {
    // The column is COLLATE NOCASE, and addresses are stored lowercased, so either way this
    // finds the one row whatever the case it was typed in.
    first_row(
        db,
        Participant::find().filter(participant::Column::Email.eq(email.trim().to_lowercase())),
    )
    .await
}

/// Every participant, by name (in any case) then id.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<participant::Model>, DbErr> {
    Participant::find()
        .order_by_asc(participant::Column::SortName)
        .order_by_asc(participant::Column::Id)
        .all(db)
        .await
}

/// The participants enrolled in the study, each with their enrolment, by name (in any case)
/// then id.
pub async fn in_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(participant::Model, enrolment::Model)>, DbErr> {
    page_in_study(db, study_id, None, 0).await
}

/// Some of the participants enrolled in the study, in the order of `in_study`: `limit` of them
/// (all when `None`) after the first `offset`. The order and the limit are the database's, on
/// the index of `sort_name`, so the first screenful of thousands costs a screenful.
pub async fn page_in_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    limit: Option<u64>,
    offset: u64,
) -> Result<Vec<(participant::Model, enrolment::Model)>, DbErr> {
    let enrolled = Query::select()
        .column(enrolment::Column::ParticipantId)
        .from(Enrolment)
        .and_where(enrolment::Column::StudyId.eq(study_id))
        .to_owned();
    let mut select = Participant::find()
        .filter(participant::Column::Id.in_subquery(enrolled))
        .order_by_asc(participant::Column::SortName)
        .order_by_asc(participant::Column::Id);
    if limit.is_some() || offset > 0 {
        // SQLite takes an OFFSET only after a LIMIT.
        select = select
            .limit(limit.unwrap_or(i64::MAX.unsigned_abs()))
            .offset(offset);
    }
    let people = select.all(db).await?;
    // A page's enrolments by their participants' ids; the whole study's in one read otherwise
    // (or when the page is too long for the ids to fit in one statement).
    let mut enrolments: HashMap<i64, enrolment::Model> =
        if people.len() <= 500 && limit.is_some() {
            let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
            Enrolment::find()
                .filter(enrolment::Column::StudyId.eq(study_id))
                .filter(enrolment::Column::ParticipantId.is_in(ids))
                .all(db)
                .await?
        } else {
            Enrolment::find()
                .filter(enrolment::Column::StudyId.eq(study_id))
                .all(db)
                .await?
        }
        .into_iter()
        .map(|e| (e.participant_id, e))
        .collect();
    Ok(people
        .into_iter()
        .filter_map(|p| enrolments.remove(&p.id).map(|e| (p, e)))
        .collect())
}

/// The participants with these ids, in no particular order.
pub async fn with_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<participant::Model>, DbErr> {
    let mut rows = Vec::with_capacity(ids.len());
    // In chunks, to stay below the database's limit on query parameters.
    for chunk in ids.chunks(500) {
        let found = Participant::find()
            .filter(participant::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        rows.extend(found);
    }
    Ok(rows)
}

/// Every study the participant is enrolled in.
pub async fn enrolments_of(
    db: &impl ConnectionTrait,
    participant_id: i64,
) -> Result<Vec<enrolment::Model>, DbErr> {
    Enrolment::find()
        .filter(enrolment::Column::ParticipantId.eq(participant_id))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await
}

/// The participant's scheduled interviews in every study, earliest first.
pub async fn scheduled_interviews(
    db: &impl ConnectionTrait,
    participant_id: i64,
) -> Result<Vec<interview::Model>, DbErr> {
    Interview::find()
        .filter(interview::Column::ParticipantId.eq(participant_id))
        .filter(interview::Column::State.eq(SCHEDULED))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await
}

/// Each participant's next scheduled interview in the study (one not yet over), by
/// participant.
pub async fn next_interviews(
    db: &impl ConnectionTrait,
    study_id: i64,
    now: i64,
) -> Result<HashMap<i64, interview::Model>, DbErr> {
    let rows = Interview::find()
        .filter(interview::Column::StudyId.eq(study_id))
        .filter(interview::Column::State.eq(SCHEDULED))
        .filter(interview::Column::EndsAt.gt(now))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await?;
    let mut next = HashMap::new();
    for row in rows {
        next.entry(row.participant_id).or_insert(row);
    }
    Ok(next)
}

/// When each participant's next scheduled interview in the study starts, by participant.
pub async fn next_interview_starts(
    db: &impl ConnectionTrait,
    study_id: i64,
    now: i64,
) -> Result<HashMap<i64, i64>, DbErr> {
    Ok(next_interviews(db, study_id, now)
        .await?
        .into_iter()
        .map(|(who, row)| (who, row.starts_at))
        .collect())
}

/// Notes a bounce or an automatic reply on a participant, for the researcher to check.
pub async fn set_mail_problem(
    db: &impl ConnectionTrait,
    id: i64,
    problem: &str,
) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "UPDATE participants SET mail_problem = ? WHERE id = ?",
        [problem.into(), id.into()],
    ))
    .await
    .map(|_| ())
}
