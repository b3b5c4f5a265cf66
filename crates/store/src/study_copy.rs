//! A whole study, read from one database and written into another (this computer's file and
//! a team database): its settings, people, times, interviews, history, outbox and links. The
//! rows get new ids in the database they go to; everything that refers to them (columns, and
//! the ids inside an interview day's saved schedule) follows. What identifies a study to the
//! outside keeps its value: the links' codes, the messages' ids and the calendar events' UIDs,
//! so the links already sent and the participants' calendars keep working.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde_json::Value as Json;

use crate::entity::{
    attention_item, audit_entry, busy_time, choice, day_schedule, enrolment, inbound_message,
    interview, interviewer, message_template, outbox_message, participant, session,
    session_exception, session_interviewer, study, token, waitlist_offer,
};
use crate::statement;

/// Everything of one study, as read from its database.
#[derive(Debug, Clone)]
pub struct StudyRows {
    pub study: study::Model,
    interviewers: Vec<interviewer::Model>,
    busy_times: Vec<busy_time::Model>,
    sessions: Vec<session::Model>,
    exceptions: Vec<session_exception::Model>,
    session_interviewers: Vec<session_interviewer::Model>,
    day_schedules: Vec<day_schedule::Model>,
    pub participants: Vec<participant::Model>,
    enrolments: Vec<enrolment::Model>,
    choices: Vec<choice::Model>,
    pub interviews: Vec<interview::Model>,
    /// (interview, interviewer, role)
    interview_interviewers: Vec<(i64, i64, String)>,
    /// (interview, calendar href, what was written, when)
    calendar_copies: Vec<(i64, String, String, i64)>,
    pub tokens: Vec<token::Model>,
    waitlist_offers: Vec<waitlist_offer::Model>,
    templates: Vec<message_template::Model>,
    pub outbox: Vec<outbox_message::Model>,
    inbound: Vec<inbound_message::Model>,
    attention: Vec<attention_item::Model>,
    pub audit: Vec<audit_entry::Model>,
}

/// Reads study `id` whole; `None` when there is no such study.
pub async fn read_study(db: &impl ConnectionTrait, id: i64) -> Result<Option<StudyRows>, DbErr> {
    let Some(mut study) = study::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let mut interviewers = interviewer::Entity::find()
        .filter(interviewer::Column::StudyId.eq(id))
        .order_by_asc(interviewer::Column::Id)
        .all(db)
        .await?;
    // A calendar chosen from a colleague's account goes nowhere with the study: where it is
    // written, the calendars are the researcher's who moved or copied it, chosen from their own.
    let (theirs, study_calendar_theirs) = colleagues_calendars(db, id).await?;
    for person in &mut interviewers {
        if theirs.contains(&person.id) {
            person.calendar_href = None;
            person.busy_read_at = None;
        }
    }
    if study_calendar_theirs {
        study.calendar_href = None;
    }
    let interviewer_ids: Vec<i64> = interviewers.iter().map(|i| i.id).collect();
    let sessions = session::Entity::find()
        .filter(session::Column::StudyId.eq(id))
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    let session_ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::StudyId.eq(id))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await?;
    let enrolment_ids: Vec<i64> = enrolments.iter().map(|e| e.id).collect();
    let participant_ids: Vec<i64> = enrolments.iter().map(|e| e.participant_id).collect();
    let interviews = interview::Entity::find()
        .filter(interview::Column::StudyId.eq(id))
        .order_by_asc(interview::Column::Id)
        .all(db)
        .await?;
    let interview_ids: Vec<i64> = interviews.iter().map(|i| i.id).collect();
    Ok(Some(StudyRows {
        busy_times: busy_time::Entity::find()
            .filter(busy_time::Column::InterviewerId.is_in(interviewer_ids))
            .order_by_asc(busy_time::Column::Id)
            .all(db)
            .await?,
        exceptions: session_exception::Entity::find()
            .filter(session_exception::Column::SessionId.is_in(session_ids.clone()))
            .order_by_asc(session_exception::Column::Id)
            .all(db)
            .await?,
        session_interviewers: session_interviewer::Entity::find()
            .filter(session_interviewer::Column::SessionId.is_in(session_ids.clone()))
            .all(db)
            .await?,
        day_schedules: day_schedule::Entity::find()
            .filter(day_schedule::Column::SessionId.is_in(session_ids))
            .all(db)
            .await?,
        participants: participant::Entity::find()
            .filter(participant::Column::Id.is_in(participant_ids.clone()))
            .order_by_asc(participant::Column::Id)
            .all(db)
            .await?,
        choices: choice::Entity::find()
            .filter(choice::Column::EnrolmentId.is_in(enrolment_ids.clone()))
            .order_by_asc(choice::Column::Id)
            .all(db)
            .await?,
        interview_interviewers: interview_links(db, id).await?,
        calendar_copies: if study_calendar_theirs {
            Vec::new()
        } else {
            calendar_copies(db, id).await?
        },
        tokens: token::Entity::find()
            .filter(token::Column::EnrolmentId.is_in(enrolment_ids))
            .all(db)
            .await?,
        waitlist_offers: waitlist_offer::Entity::find()
            .filter(waitlist_offer::Column::StudyId.eq(id))
            .order_by_asc(waitlist_offer::Column::Id)
            .all(db)
            .await?,
        templates: message_template::Entity::find()
            .filter(message_template::Column::StudyId.eq(id))
            .all(db)
            .await?,
        outbox: outbox_message::Entity::find()
            .filter(outbox_message::Column::StudyId.eq(id))
            .order_by_asc(outbox_message::Column::Id)
            .all(db)
            .await?,
        inbound: inbound_message::Entity::find()
            .filter(inbound_message::Column::InterviewId.is_in(interview_ids))
            .order_by_asc(inbound_message::Column::Id)
            .all(db)
            .await?,
        attention: attention_item::Entity::find()
            .filter(attention_item::Column::StudyId.eq(id))
            .order_by_asc(attention_item::Column::Id)
            .all(db)
            .await?,
        audit: audit_entry::Entity::find()
            .filter(audit_entry::Column::StudyId.eq(id))
            .order_by_asc(audit_entry::Column::Id)
            .all(db)
            .await?,
        study,
        interviewers,
        sessions,
        enrolments,
        interviews,
    }))
}

async fn interview_links(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(i64, i64, String)>, DbErr> {
    let rows = db
        .query_all_raw(statement(
            db,
            "SELECT l.interview_id, l.interviewer_id, l.role FROM interview_interviewers AS l \
             JOIN interviews AS i ON i.id = l.interview_id WHERE i.study_id = ? \
             ORDER BY l.interview_id, l.interviewer_id",
            [study_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get_by_index(0)?,
                r.try_get_by_index(1)?,
                r.try_get_by_index(2)?,
            ))
        })
        .collect()
}

/// The study's interviewers whose calendar was chosen from another researcher's account, and
/// whether the study's own calendar was (only ever so on a team database).
async fn colleagues_calendars(
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

async fn calendar_copies(
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

/// Old id → new id, per kind of row.
#[derive(Default)]
struct NewIds {
    interviewers: HashMap<i64, i64>,
    sessions: HashMap<i64, i64>,
    participants: HashMap<i64, i64>,
    enrolments: HashMap<i64, i64>,
    interviews: HashMap<i64, i64>,
    outbox: HashMap<i64, i64>,
    inbound: HashMap<i64, i64>,
}

fn mapped(map: &HashMap<i64, i64>, old: i64) -> Result<i64, DbErr> {
    map.get(&old).copied().ok_or_else(|| {
        DbErr::Custom(format!(
            "row {old} refers to something outside the study being copied"
        ))
    })
}

fn mapped_opt(map: &HashMap<i64, i64>, old: Option<i64>) -> Option<i64> {
    old.and_then(|o| map.get(&o).copied())
}

/// Writes `rows` into `db` (inside the caller's transaction) and says the study's new id. A
/// participant already there (the same address) is the same person: their study joins their
/// record, which keeps its details.
pub async fn write_study(db: &impl ConnectionTrait, rows: &StudyRows) -> Result<i64, DbErr> {
    let mut ids = NewIds::default();
    let mut study_row = rows.study.clone().into_active_model();
    study_row.id = NotSet;
    // Set once the study's interviewers have their new ids.
    study_row.fixed_interviewer_id = Set(None);
    let study_id = study_row.insert(db).await?.id;

    for row in &rows.interviewers {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(study_id);
        ids.interviewers.insert(row.id, new.insert(db).await?.id);
    }
    if let Some(fixed) = mapped_opt(&ids.interviewers, rows.study.fixed_interviewer_id) {
        study::ActiveModel {
            id: Set(study_id),
            fixed_interviewer_id: Set(Some(fixed)),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    for row in &rows.busy_times {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.interviewer_id = Set(mapped(&ids.interviewers, row.interviewer_id)?);
        new.insert(db).await?;
    }
    for row in &rows.sessions {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(study_id);
        ids.sessions.insert(row.id, new.insert(db).await?.id);
    }
    for row in &rows.exceptions {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.session_id = Set(mapped(&ids.sessions, row.session_id)?);
        new.insert(db).await?;
    }
    for row in &rows.session_interviewers {
        session_interviewer::ActiveModel {
            session_id: Set(mapped(&ids.sessions, row.session_id)?),
            interviewer_id: Set(mapped(&ids.interviewers, row.interviewer_id)?),
        }
        .insert(db)
        .await?;
    }
    for row in &rows.participants {
        let found = participant::Entity::find()
            .filter(participant::Column::Email.eq(row.email.clone()))
            .one(db)
            .await?;
        let new_id = match found {
            Some(there) => there.id,
            None => {
                let mut new = row.clone().into_active_model();
                new.id = NotSet;
                new.insert(db).await?.id
            }
        };
        ids.participants.insert(row.id, new_id);
    }
    for row in &rows.enrolments {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(study_id);
        new.participant_id = Set(mapped(&ids.participants, row.participant_id)?);
        ids.enrolments.insert(row.id, new.insert(db).await?.id);
    }
    for row in &rows.choices {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.enrolment_id = Set(mapped(&ids.enrolments, row.enrolment_id)?);
        new.session_id = Set(mapped(&ids.sessions, row.session_id)?);
        new.insert(db).await?;
    }
    for row in &rows.interviews {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(study_id);
        new.enrolment_id = Set(mapped(&ids.enrolments, row.enrolment_id)?);
        new.participant_id = Set(mapped(&ids.participants, row.participant_id)?);
        new.session_id = Set(mapped(&ids.sessions, row.session_id)?);
        ids.interviews.insert(row.id, new.insert(db).await?.id);
    }
    for (interview, person, role) in &rows.interview_interviewers {
        db.execute_raw(statement(
            db,
            "INSERT INTO interview_interviewers (interview_id, interviewer_id, role) VALUES (?, ?, ?)",
            [
                mapped(&ids.interviews, *interview)?.into(),
                mapped(&ids.interviewers, *person)?.into(),
                role.clone().into(),
            ],
        ))
        .await?;
    }
    for (interview, href, written, at) in &rows.calendar_copies {
        db.execute_raw(statement(
            db,
            "INSERT INTO calendar_copies (interview_id, calendar_href, written, written_at) VALUES (?, ?, ?, ?)",
            [
                mapped(&ids.interviews, *interview)?.into(),
                href.clone().into(),
                written.clone().into(),
                (*at).into(),
            ],
        ))
        .await?;
    }
    for row in &rows.tokens {
        let mut new = row.clone().into_active_model();
        new.enrolment_id = Set(mapped(&ids.enrolments, row.enrolment_id)?);
        new.session_id = Set(mapped_opt(&ids.sessions, row.session_id));
        new.interview_id = Set(mapped_opt(&ids.interviews, row.interview_id));
        new.insert(db).await?;
    }
    for row in &rows.waitlist_offers {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(study_id);
        new.enrolment_id = Set(mapped(&ids.enrolments, row.enrolment_id)?);
        new.session_id = Set(mapped(&ids.sessions, row.session_id)?);
        new.insert(db).await?;
    }
    for row in &rows.templates {
        let mut new = row.clone().into_active_model();
        new.study_id = Set(study_id);
        new.insert(db).await?;
    }
    for row in &rows.outbox {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(Some(study_id));
        new.participant_id = Set(mapped_opt(&ids.participants, row.participant_id));
        new.interview_id = Set(mapped_opt(&ids.interviews, row.interview_id));
        // A Sync of the database it came from may have held it; nobody holds it here.
        new.claimed_by = Set(None);
        ids.outbox.insert(row.id, new.insert(db).await?.id);
    }
    for row in &rows.inbound {
        let there = inbound_message::Entity::find()
            .filter(inbound_message::Column::MessageKey.eq(row.message_key.clone()))
            .one(db)
            .await?;
        let new_id = match there {
            Some(there) => there.id,
            None => {
                let mut new = row.clone().into_active_model();
                new.id = NotSet;
                new.participant_id = Set(mapped_opt(&ids.participants, row.participant_id));
                new.interview_id = Set(mapped_opt(&ids.interviews, row.interview_id));
                new.insert(db).await?.id
            }
        };
        ids.inbound.insert(row.id, new_id);
    }
    for row in &rows.attention {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(Some(study_id));
        new.participant_id = Set(mapped_opt(&ids.participants, row.participant_id));
        new.interview_id = Set(mapped_opt(&ids.interviews, row.interview_id));
        new.inbound_id = Set(mapped_opt(&ids.inbound, row.inbound_id));
        new.insert(db).await?;
    }
    for row in &rows.audit {
        let mut new = row.clone().into_active_model();
        new.id = NotSet;
        new.study_id = Set(Some(study_id));
        new.participant_id = Set(mapped_opt(&ids.participants, row.participant_id));
        new.interview_id = Set(mapped_opt(&ids.interviews, row.interview_id));
        new.insert(db).await?;
    }
    for row in &rows.day_schedules {
        let mut new = row.clone().into_active_model();
        new.session_id = Set(mapped(&ids.sessions, row.session_id)?);
        new.itineraries = Set(renumber(
            &row.itineraries,
            &ids,
            &[
                ("applicant", Kind::Participant),
                ("seats", Kind::Interviewer),
            ],
        )?);
        new.conflicts = Set(renumber(&row.conflicts, &ids, &PAIR_KEYS)?);
        new.must_meet = Set(renumber(&row.must_meet, &ids, &PAIR_KEYS)?);
        new.calendar_uids = Set(renumber_keys(&row.calendar_uids, &ids.participants)?);
        new.published_messages = Set(renumber_list(&row.published_messages, &ids.outbox)?);
        new.insert(db).await?;
    }
    Ok(study_id)
}

#[derive(Clone, Copy)]
enum Kind {
    Participant,
    Interviewer,
}

const PAIR_KEYS: [(&str, Kind); 2] = [
    ("applicantId", Kind::Participant),
    ("interviewerId", Kind::Interviewer),
];

fn saved_json(text: &str) -> Result<Json, DbErr> {
    serde_json::from_str(text).map_err(|e| {
        DbErr::Custom(format!(
            "an interview day's saved schedule cannot be read: {e}"
        ))
    })
}

fn renumbered_id(value: &Json, map: &HashMap<i64, i64>) -> Result<Json, DbErr> {
    match value {
        Json::Null => Ok(Json::Null),
        other => {
            let old = other.as_i64().ok_or_else(|| {
                DbErr::Custom(format!(
                    "an interview day's saved schedule holds {other} where an id belongs"
                ))
            })?;
            Ok(Json::from(mapped(map, old)?))
        }
    }
}

/// A JSON list of objects whose `keys` hold ids (or lists of ids), with the new ids.
fn renumber(text: &str, ids: &NewIds, keys: &[(&str, Kind)]) -> Result<String, DbErr> {
    let mut list = saved_json(text)?;
    for item in list.as_array_mut().into_iter().flatten() {
        for (key, kind) in keys {
            let map = match kind {
                Kind::Participant => &ids.participants,
                Kind::Interviewer => &ids.interviewers,
            };
            if let Some(value) = item.get_mut(*key) {
                let renumbered = match &*value {
                    Json::Array(seats) => Json::Array(
                        seats
                            .iter()
                            .map(|s| renumbered_id(s, map))
                            .collect::<Result<_, _>>()?,
                    ),
                    one => renumbered_id(one, map)?,
                };
                *value = renumbered;
            }
        }
    }
    Ok(list.to_string())
}

/// A JSON object keyed by ids, with the new ids.
fn renumber_keys(text: &str, map: &HashMap<i64, i64>) -> Result<String, DbErr> {
    let Json::Object(entries) = saved_json(text)? else {
        return Ok(text.to_owned());
    };
    let mut out = serde_json::Map::new();
    for (key, value) in entries {
        let old: i64 = key.parse().map_err(|_| {
            DbErr::Custom(format!(
                "an interview day's saved schedule holds the key {key}"
            ))
        })?;
        out.insert(mapped(map, old)?.to_string(), value);
    }
    Ok(Json::Object(out).to_string())
}

/// A JSON list of ids, with the new ids; ids the copy does not hold are left out.
fn renumber_list(text: &str, map: &HashMap<i64, i64>) -> Result<String, DbErr> {
    let list = saved_json(text)?;
    let kept: Vec<Json> = list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| {
            v.as_i64()
                .and_then(|old| map.get(&old))
                .map(|n| Json::from(*n))
        })
        .collect();
    Ok(Json::Array(kept).to_string())
}

/// Removes study `id` and what only it held from `db` (inside the caller's transaction): its
/// outbox, so no message goes out from both databases, its history, and the participants
/// who are in no other study. The messages it read stay known, so they are not read again.
pub async fn delete_study(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    let participants: Vec<i64> = enrolment::Entity::find()
        .filter(enrolment::Column::StudyId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.participant_id)
        .collect();
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::StudyId.eq(id))
        .exec(db)
        .await?;
    audit_entry::Entity::delete_many()
        .filter(audit_entry::Column::StudyId.eq(id))
        .exec(db)
        .await?;
    study::Entity::delete_by_id(id).exec(db).await?;
    for person in participants {
        let elsewhere = enrolment::Entity::find()
            .filter(enrolment::Column::ParticipantId.eq(person))
            .one(db)
            .await?;
        if elsewhere.is_none() {
            participant::Entity::delete_by_id(person).exec(db).await?;
        }
    }
    Ok(())
}
