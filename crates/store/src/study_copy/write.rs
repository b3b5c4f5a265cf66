//! Writing a study's rows into another database, each with its new id and its references
//! following.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};

use super::StudyRows;
use super::renumber::{Kind, PAIR_KEYS, renumber, renumber_keys, renumber_list};
use crate::entity::{inbound_message, participant, session_interviewer, study};
use crate::first_row::first_row;
use crate::statement;

/// Old id → new id, per kind of row.
#[derive(Default)]
pub(super) struct NewIds {
    pub(super) interviewers: HashMap<i64, i64>,
    sessions: HashMap<i64, i64>,
    pub(super) participants: HashMap<i64, i64>,
    enrolments: HashMap<i64, i64>,
    interviews: HashMap<i64, i64>,
    outbox: HashMap<i64, i64>,
    pub(super) inbound: HashMap<i64, i64>,
}

pub(super) fn mapped(map: &HashMap<i64, i64>, old: i64) -> Result<i64, DbErr> {
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
        let found = first_row(
            db,
            participant::Entity::find().filter(participant::Column::Email.eq(row.email.clone())),
        )
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
        let there = first_row(
            db,
            inbound_message::Entity::find()
                .filter(inbound_message::Column::MessageKey.eq(row.message_key.clone())),
        )
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
